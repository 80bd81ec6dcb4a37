#include "index/merge.h"

#include <stdlib.h>
#include <string.h>

#include "index/document.h"

/* Past this many segments, the smallest are merged until MERGE_TO are left. A merge re-inverts
 * what it merges, so it is kept rare: searches over a dozen segments cost little more than over
 * one. */
enum { MERGE_ABOVE = 16, MERGE_TO = 8 };

typedef struct candidate {
    size_t index;
    uint32_t live;
} candidate;

static int by_live_docs(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    return a->live < b->live ? -1 : a->live > b->live;
}

/* Re-adds the live documents of one segment to the buffer. */
static lede_status add_live_documents(lede_index *ix, lede_work_segment *w, lede_buffer *b)
{
    lede_vec fields, storage;
    lede_vec_init(&fields, sizeof(lede_field));
    lede_vec_init(&storage, 1);
    lede_status st = LEDE_OK;
    size_t k = 0; /* next deletion to skip */
    for (uint32_t doc = 0; st == LEDE_OK && doc < w->seg->ndocs; doc++) {
        if (k < w->deleted.len && LEDE_VEC_AT(&w->deleted, uint32_t, k) == doc) {
            k++;
            continue;
        }
        fields.len = 0;
        st = lede_record_decode(w->seg, doc, &fields, &storage);
        if (st == LEDE_OK)
            st = lede_buffer_add(b, ix->analyzer, fields.data, fields.len, ix->error,
                                 sizeof ix->error);
    }
    lede_vec_free(&fields);
    lede_vec_free(&storage);
    return st;
}

lede_status lede_index_merge(lede_index *ix, int all)
{
    size_t n = ix->work.len;
    if (n < 2 && !all)
        return LEDE_OK;
    if (!all && n <= MERGE_ABOVE)
        return LEDE_OK;
    candidate *c = malloc((n ? n : 1) * sizeof *c);
    if (!c)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        lede_work_segment *w = &LEDE_VEC_AT(&ix->work, lede_work_segment, i);
        c[i].index = i;
        c[i].live = w->seg->ndocs - (uint32_t)w->deleted.len;
    }
    size_t take = all ? n : n - MERGE_TO + 1;
    qsort(c, n, sizeof *c, by_live_docs);
    unsigned char *chosen = calloc(n ? n : 1, 1);
    lede_buffer b;
    lede_status st = lede_buffer_init(&b);
    if (st == LEDE_OK && !chosen)
        st = LEDE_ERR_NOMEM;
    for (size_t i = 0; st == LEDE_OK && i < take; i++) {
        chosen[c[i].index] = 1;
        st = add_live_documents(ix, &LEDE_VEC_AT(&ix->work, lede_work_segment, c[i].index), &b);
    }
    size_t before = ix->work.len;
    if (st == LEDE_OK && b.ndocs > 0)
        st = lede_index_write_segment(ix, &b);
    if (st == LEDE_OK) {
        /* Drop the merged segments; their files go once the next manifest no longer names them. */
        size_t out = 0;
        for (size_t i = 0; i < ix->work.len; i++) {
            lede_work_segment *w = &LEDE_VEC_AT(&ix->work, lede_work_segment, i);
            if (i < before && chosen[i]) {
                lede_segment_release(w->seg);
                lede_vec_free(&w->deleted);
            } else {
                LEDE_VEC_AT(&ix->work, lede_work_segment, out++) = *w;
            }
        }
        ix->work.len = out;
    }
    lede_buffer_free(&b);
    free(chosen);
    free(c);
    return st;
}
