/*
 * Writing a segment: the file is assembled in memory section by section, then written and synced
 * in one go. A footer lists the sections and ends with a CRC-32 of everything before it, so a
 * reader can tell a complete file from a torn or damaged one.
 */
#include <stdlib.h>
#include <string.h>

#include "index/codec.h"
#include "index/file.h"
#include "index/section.h"
#include "index/segment.h"

typedef struct sorted_term {
    const char *bytes;
    uint32_t len;
    uint32_t number;
} sorted_term;

static int by_bytes(const void *x, const void *y)
{
    const sorted_term *a = x, *b = y;
    size_t n = a->len < b->len ? a->len : b->len;
    int cmp = memcmp(a->bytes, b->bytes, n);
    if (cmp)
        return cmp;
    return a->len < b->len ? -1 : a->len > b->len;
}

typedef struct writer {
    lede_vec file;     /* the whole file */
    lede_vec sections; /* lede_section */
} writer;

static lede_status begin_section(writer *w, uint32_t kind, uint32_t field, size_t *index)
{
    lede_section *s = lede_vec_push(&w->sections);
    if (!s)
        return LEDE_ERR_NOMEM;
    s->kind = kind;
    s->field = field;
    s->offset = w->file.len;
    *index = w->sections.len - 1;
    return LEDE_OK;
}

static void end_section(writer *w, size_t index)
{
    lede_section *s = &LEDE_VEC_AT(&w->sections, lede_section, index);
    s->length = w->file.len - s->offset;
}

static lede_status put_section(writer *w, uint32_t kind, uint32_t field, const void *data,
                               size_t len)
{
    size_t index;
    lede_status st = begin_section(w, kind, field, &index);
    if (st == LEDE_OK)
        st = lede_vec_append(&w->file, data, len);
    end_section(w, index);
    return st;
}

static lede_status write_fields(writer *w, const lede_buffer *b)
{
    size_t index;
    lede_status st = begin_section(w, LEDE_SECTION_FIELDS, LEDE_NO_FIELD, &index);
    if (st == LEDE_OK)
        st = lede_put_varint(&w->file, b->ndocs);
    if (st == LEDE_OK)
        st = lede_put_varint(&w->file, b->fields.len);
    for (size_t i = 0; st == LEDE_OK && i < b->fields.len; i++) {
        const lede_field_buf *f = LEDE_VEC_AT(&b->fields, lede_field_buf *, i);
        st = lede_put_bytes(&w->file, f->name, f->name_len);
        if (st == LEDE_OK)
            st = lede_put_varint(&w->file, f->type);
        if (st == LEDE_OK)
            st = lede_put_varint(&w->file, f->total_len);
    }
    end_section(w, index);
    return st;
}

/* Ids in byte order with their documents, leaving out documents deleted before the flush. */
static lede_status write_ids(writer *w, const lede_buffer *b)
{
    size_t n = lede_strmap_count(&b->ids);
    sorted_term *ids = malloc((n ? n : 1) * sizeof *ids);
    if (!ids)
        return LEDE_ERR_NOMEM;
    size_t live = 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t doc = LEDE_VEC_AT(&b->id_docs, uint32_t, k);
        if (doc == UINT32_MAX)
            continue;
        ids[live].bytes = lede_strmap_key_bytes(&b->ids, k, &ids[live].len);
        ids[live].number = doc;
        live++;
    }
    if (live > 1)
        qsort(ids, live, sizeof *ids, by_bytes);
    size_t index;
    lede_status st = begin_section(w, LEDE_SECTION_IDS, LEDE_NO_FIELD, &index);
    if (st == LEDE_OK)
        st = lede_put_u32(&w->file, (uint32_t)live);
    uint64_t offset = 0;
    for (size_t i = 0; st == LEDE_OK && i <= live; i++) {
        st = lede_put_u64(&w->file, offset);
        if (i < live)
            offset += ids[i].len;
    }
    for (size_t i = 0; st == LEDE_OK && i < live; i++)
        st = lede_put_u32(&w->file, ids[i].number);
    for (size_t i = 0; st == LEDE_OK && i < live; i++)
        st = lede_vec_append(&w->file, ids[i].bytes, ids[i].len);
    end_section(w, index);
    free(ids);
    return st;
}

static lede_status write_docs(writer *w, const lede_buffer *b)
{
    size_t index;
    lede_status st = begin_section(w, LEDE_SECTION_STORED_OFFSETS, LEDE_NO_FIELD, &index);
    for (uint32_t d = 0; st == LEDE_OK && d <= b->ndocs; d++)
        st = lede_put_u64(&w->file, b->ndocs ? LEDE_VEC_AT(&b->stored_offsets, uint64_t, d) : 0);
    end_section(w, index);
    if (st == LEDE_OK)
        st = put_section(w, LEDE_SECTION_STORED, LEDE_NO_FIELD, b->stored.data, b->stored.len);
    if (st == LEDE_OK)
        st = begin_section(w, LEDE_SECTION_DATES, LEDE_NO_FIELD, &index);
    for (uint32_t d = 0; st == LEDE_OK && d < b->ndocs; d++)
        st = lede_put_u64(&w->file, (uint64_t)LEDE_VEC_AT(&b->dates, int64_t, d));
    end_section(w, index);
    return st == LEDE_OK ? write_ids(w, b) : st;
}

/* One field: its dictionary in byte order, postings, skips, and its per-document columns. */
static lede_status write_field(writer *w, const lede_buffer *b, uint32_t fi)
{
    const lede_field_buf *f = LEDE_VEC_AT(&b->fields, lede_field_buf *, fi);
    if (f->type != LEDE_FIELD_TEXT && f->type != LEDE_FIELD_KEYWORD)
        return LEDE_OK;
    size_t n = lede_strmap_count(&f->terms);
    sorted_term *terms = malloc((n ? n : 1) * sizeof *terms);
    uint32_t *ordinal = malloc((n ? n : 1) * sizeof *ordinal);
    lede_vec term_bytes, postings, skips;
    lede_vec_init(&term_bytes, 1);
    lede_vec_init(&postings, 1);
    lede_vec_init(&skips, 1);
    lede_status st = terms && ordinal ? LEDE_OK : LEDE_ERR_NOMEM;
    for (uint32_t k = 0; st == LEDE_OK && k < n; k++) {
        terms[k].bytes = lede_strmap_key_bytes(&f->terms, k, &terms[k].len);
        terms[k].number = k;
    }
    if (st == LEDE_OK && n > 1)
        qsort(terms, n, sizeof *terms, by_bytes);
    size_t index;
    if (st == LEDE_OK)
        st = begin_section(w, LEDE_SECTION_DICT, fi, &index);
    if (st == LEDE_OK)
        st = lede_put_u32(&w->file, (uint32_t)n);
    uint32_t skip_count = 0;
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        const lede_term_buf *t = &LEDE_VEC_AT(&f->postings, lede_term_buf, terms[i].number);
        ordinal[terms[i].number] = (uint32_t)i;
        if (term_bytes.len > UINT32_MAX || postings.len > UINT32_MAX - t->bytes.len)
            st = LEDE_ERR_TOO_LARGE;
        if (st == LEDE_OK) st = lede_put_u32(&w->file, (uint32_t)term_bytes.len);
        if (st == LEDE_OK) st = lede_put_u32(&w->file, terms[i].len);
        if (st == LEDE_OK) st = lede_put_u32(&w->file, t->df);
        if (st == LEDE_OK) st = lede_put_u32(&w->file, t->max_tf);
        if (st == LEDE_OK) st = lede_put_u32(&w->file, t->min_len);
        if (st == LEDE_OK) st = lede_put_u32(&w->file, (uint32_t)t->skips.len);
        if (st == LEDE_OK) st = lede_put_u64(&w->file, postings.len);
        if (st == LEDE_OK) st = lede_put_u32(&w->file, (uint32_t)t->bytes.len);
        if (st == LEDE_OK) st = lede_put_u32(&w->file, skip_count);
        if (st == LEDE_OK) st = lede_vec_append(&term_bytes, terms[i].bytes, terms[i].len);
        if (st == LEDE_OK) st = lede_vec_append(&postings, t->bytes.data, t->bytes.len);
        for (size_t k = 0; st == LEDE_OK && k < t->skips.len; k++) {
            const lede_skip_entry *s = &LEDE_VEC_AT(&t->skips, lede_skip_entry, k);
            st = lede_put_u32(&skips, s->last_doc);
            if (st == LEDE_OK)
                st = lede_put_u32(&skips, s->offset);
        }
        skip_count += (uint32_t)t->skips.len;
    }
    if (st == LEDE_OK)
        st = lede_vec_append(&w->file, term_bytes.data, term_bytes.len);
    end_section(w, index);
    if (st == LEDE_OK)
        st = put_section(w, LEDE_SECTION_POSTINGS, fi, postings.data, postings.len);
    if (st == LEDE_OK)
        st = put_section(w, LEDE_SECTION_SKIPS, fi, skips.data, skips.len);
    if (st == LEDE_OK && f->type == LEDE_FIELD_TEXT) {
        st = begin_section(w, LEDE_SECTION_LENGTHS, fi, &index);
        for (uint32_t d = 0; st == LEDE_OK && d < b->ndocs; d++)
            st = lede_put_u32(&w->file, d < f->lengths.len ? LEDE_VEC_AT(&f->lengths, uint32_t, d) : 0);
        end_section(w, index);
    }
    if (st == LEDE_OK && f->type == LEDE_FIELD_KEYWORD) {
        st = begin_section(w, LEDE_SECTION_DOCVALUES, fi, &index);
        uint32_t values = (uint32_t)f->dv_terms.len;
        for (uint32_t d = 0; st == LEDE_OK && d <= b->ndocs; d++)
            st = lede_put_u32(&w->file, d < f->dv_offsets.len ? LEDE_VEC_AT(&f->dv_offsets, uint32_t, d)
                                                               : values);
        for (size_t k = 0; st == LEDE_OK && k < f->dv_terms.len; k++)
            st = lede_put_u32(&w->file, ordinal[LEDE_VEC_AT(&f->dv_terms, uint32_t, k)]);
        end_section(w, index);
    }
    lede_vec_free(&term_bytes);
    lede_vec_free(&postings);
    lede_vec_free(&skips);
    free(terms);
    free(ordinal);
    return st;
}

static lede_status write_footer(writer *w)
{
    uint64_t start = w->file.len;
    lede_status st = lede_put_u32(&w->file, (uint32_t)w->sections.len);
    for (size_t i = 0; st == LEDE_OK && i < w->sections.len; i++) {
        const lede_section *s = &LEDE_VEC_AT(&w->sections, lede_section, i);
        st = lede_put_u32(&w->file, s->kind);
        if (st == LEDE_OK) st = lede_put_u32(&w->file, s->field);
        if (st == LEDE_OK) st = lede_put_u64(&w->file, s->offset);
        if (st == LEDE_OK) st = lede_put_u64(&w->file, s->length);
    }
    if (st == LEDE_OK)
        st = lede_put_u64(&w->file, start);
    if (st == LEDE_OK)
        st = lede_put_u32(&w->file, lede_crc32(0, w->file.data, w->file.len));
    if (st == LEDE_OK)
        st = lede_vec_append(&w->file, LEDE_SEGMENT_TAIL, sizeof LEDE_SEGMENT_TAIL - 1);
    return st;
}

lede_status lede_segment_write(const lede_buffer *b, const char *path, char *error, size_t errlen)
{
    writer w;
    lede_vec_init(&w.file, 1);
    lede_vec_init(&w.sections, sizeof(lede_section));
    lede_status st = lede_vec_append(&w.file, LEDE_SEGMENT_MAGIC, sizeof LEDE_SEGMENT_MAGIC - 1);
    if (st == LEDE_OK)
        st = lede_put_u32(&w.file, LEDE_SEGMENT_VERSION);
    if (st == LEDE_OK)
        st = write_fields(&w, b);
    if (st == LEDE_OK)
        st = write_docs(&w, b);
    for (uint32_t fi = 0; st == LEDE_OK && fi < b->fields.len; fi++)
        st = write_field(&w, b, fi);
    if (st == LEDE_OK)
        st = write_footer(&w);
    if (st == LEDE_OK)
        st = lede_write_file(path, w.file.data, w.file.len, error, errlen);
    lede_vec_free(&w.file);
    lede_vec_free(&w.sections);
    return st;
}
