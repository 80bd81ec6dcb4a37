#include "index/buffer.h"

#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "index/analyze.h"
#include "index/document.h"
#include "index/codec.h"

/* A term occurrence while one field of one document is inverted; the occurrences of one term are
 * chained, so that each term's positions come out in order without sorting. */
typedef struct occurrence {
    uint32_t position;
    uint32_t next; /* the term's next occurrence, or NO_NEXT */
} occurrence;

/* A term of the field being inverted, with its first and last occurrence. */
typedef struct distinct_term {
    uint32_t term;
    uint32_t head, tail;
    uint32_t count;
} distinct_term;

#define NO_NEXT UINT32_MAX

lede_status lede_buffer_init(lede_buffer *b)
{
    memset(b, 0, sizeof *b);
    lede_vec_init(&b->fields, sizeof(lede_field_buf *));
    lede_vec_init(&b->stored, 1);
    lede_vec_init(&b->stored_offsets, sizeof(uint64_t));
    lede_vec_init(&b->dates, sizeof(int64_t));
    lede_strmap_init(&b->ids);
    lede_vec_init(&b->id_docs, sizeof(uint32_t));
    lede_vec_init(&b->deleted, sizeof(uint32_t));
    lede_vec_init(&b->scratch, 1);
    lede_vec_init(&b->record, 1);
    lede_vec_init(&b->occurrences, sizeof(occurrence));
    lede_vec_init(&b->distinct, sizeof(distinct_term));
    b->zstd = ZSTD_createCCtx();
    return b->zstd ? LEDE_OK : LEDE_ERR_NOMEM;
}

static void free_field(lede_field_buf *f)
{
    for (size_t i = 0; i < f->postings.len; i++) {
        lede_term_buf *t = &LEDE_VEC_AT(&f->postings, lede_term_buf, i);
        lede_vec_free(&t->bytes);
        lede_vec_free(&t->skips);
    }
    lede_vec_free(&f->postings);
    free(f->hot);
    lede_vec_free(&f->seen_in);
    lede_vec_free(&f->slot);
    lede_strmap_free(&f->terms);
    lede_vec_free(&f->lengths);
    lede_vec_free(&f->dv_offsets);
    lede_vec_free(&f->dv_terms);
    lede_vec_free(&f->displays);
    lede_vec_free(&f->display_bytes);
    free(f->name);
    free(f);
}

void lede_buffer_reset(lede_buffer *b)
{
    for (size_t i = 0; i < b->fields.len; i++)
        free_field(LEDE_VEC_AT(&b->fields, lede_field_buf *, i));
    b->fields.len = 0;
    b->ndocs = 0;
    b->bytes = 0;
    b->stored.len = 0;
    b->stored_offsets.len = 0;
    b->dates.len = 0;
    lede_strmap_clear(&b->ids);
    b->id_docs.len = 0;
    b->deleted.len = 0;
}

void lede_buffer_free(lede_buffer *b)
{
    lede_buffer_reset(b);
    lede_vec_free(&b->fields);
    lede_vec_free(&b->stored);
    lede_vec_free(&b->stored_offsets);
    lede_vec_free(&b->dates);
    lede_strmap_free(&b->ids);
    lede_vec_free(&b->id_docs);
    lede_vec_free(&b->deleted);
    lede_vec_free(&b->scratch);
    lede_vec_free(&b->record);
    lede_vec_free(&b->occurrences);
    lede_vec_free(&b->distinct);
    ZSTD_freeCCtx(b->zstd);
    b->zstd = NULL;
}

lede_field_buf *lede_buffer_field(const lede_buffer *b, const char *name, size_t len)
{
    for (size_t i = 0; i < b->fields.len; i++) {
        lede_field_buf *f = LEDE_VEC_AT(&b->fields, lede_field_buf *, i);
        if (f->name_len == len && memcmp(f->name, name, len) == 0)
            return f;
    }
    return NULL;
}

/* The field named so, created on first use; its per-document columns are padded to ndocs. */
static lede_status field_for(lede_buffer *b, const char *name, size_t len, lede_field_buf **out,
                             size_t *index)
{
    for (size_t i = 0; i < b->fields.len; i++) {
        lede_field_buf *f = LEDE_VEC_AT(&b->fields, lede_field_buf *, i);
        if (f->name_len == len && memcmp(f->name, name, len) == 0) {
            *out = f;
            *index = i;
            return LEDE_OK;
        }
    }
    lede_field_buf *f = calloc(1, sizeof *f);
    if (!f || lede_vec_reserve(&b->fields, 1) != LEDE_OK || !(f->name = malloc(len + 1)) ||
        !(f->hot = calloc(LEDE_HOT_TERMS, sizeof *f->hot))) {
        if (f)
            free(f->name);
        free(f);
        return LEDE_ERR_NOMEM;
    }
    memcpy(f->name, name, len);
    f->name[len] = '\0';
    f->name_len = len;
    f->type = lede_field_type_of(name, len);
    lede_strmap_init(&f->terms);
    lede_vec_init(&f->postings, sizeof(lede_term_buf));
    lede_vec_init(&f->seen_in, sizeof(uint32_t));
    lede_vec_init(&f->slot, sizeof(uint32_t));
    lede_vec_init(&f->lengths, sizeof(uint32_t));
    lede_vec_init(&f->dv_offsets, sizeof(uint32_t));
    lede_vec_init(&f->dv_terms, sizeof(uint32_t));
    lede_vec_init(&f->displays, sizeof(lede_strmap_key));
    lede_vec_init(&f->display_bytes, 1);
    *(lede_field_buf **)lede_vec_push(&b->fields) = f;
    *out = f;
    *index = b->fields.len - 1;
    return LEDE_OK;
}

/* Brings a field's per-document columns up to document `doc` (exclusive). */
static lede_status pad_columns(lede_field_buf *f, uint32_t doc)
{
    if (f->type == LEDE_FIELD_TEXT) {
        while (f->lengths.len < doc) {
            uint32_t *len = lede_vec_push(&f->lengths);
            if (!len)
                return LEDE_ERR_NOMEM;
        }
    } else if (f->type == LEDE_FIELD_KEYWORD) {
        if (f->dv_offsets.len == 0 && !lede_vec_push(&f->dv_offsets))
            return LEDE_ERR_NOMEM;
        while (f->dv_offsets.len < (size_t)doc + 1) {
            uint32_t *off = lede_vec_push(&f->dv_offsets);
            if (!off)
                return LEDE_ERR_NOMEM;
            *off = (uint32_t)f->dv_terms.len;
        }
    }
    return LEDE_OK;
}

static lede_status intern_cold(lede_field_buf *f, const char *term, size_t len, uint32_t *number)
{
    int added;
    lede_status st = lede_vec_reserve(&f->postings, 1);
    if (st == LEDE_OK)
        st = lede_vec_reserve(&f->seen_in, 1);
    if (st == LEDE_OK)
        st = lede_vec_reserve(&f->slot, 1);
    if (st == LEDE_OK)
        st = lede_strmap_intern(&f->terms, term, len, number, &added);
    if (st == LEDE_OK && added) { /* all three reserved above */
        lede_term_buf *t = lede_vec_push(&f->postings);
        lede_vec_init(&t->bytes, 1);
        lede_vec_init(&t->skips, sizeof(lede_skip_entry));
        t->min_len = UINT32_MAX;
        lede_vec_push(&f->seen_in);
        lede_vec_push(&f->slot);
    }
    return st;
}

static lede_status intern_term(lede_field_buf *f, const char *term, size_t len, uint32_t *number)
{
    uint32_t hash = lede_strmap_hash(term, len);
    lede_hot_term *hot = &f->hot[hash & (LEDE_HOT_TERMS - 1)];
    if (hot->len == len && hot->hash == hash && memcmp(hot->bytes, term, len) == 0) {
        *number = hot->number;
        return LEDE_OK;
    }
    lede_status st = intern_cold(f, term, len, number);
    if (st == LEDE_OK && len > 0 && len <= LEDE_HOT_TERM_BYTES) {
        hot->hash = hash;
        hot->number = *number;
        hot->len = (uint8_t)len;
        memcpy(hot->bytes, term, len);
    }
    return st;
}

/* Appends doc to a term's postings: the gap from the previous document, then for text fields the
 * frequency, the byte length of the positions and the position gaps. */
static lede_status append_posting(lede_buffer *b, lede_term_buf *t, uint32_t doc,
                                  const uint32_t *positions, uint32_t tf, uint32_t field_len)
{
    size_t before = t->bytes.len;
    uint64_t gap = t->df == 0 ? (uint64_t)doc + 1 : (uint64_t)doc - t->last_doc;
    lede_status st = lede_put_varint(&t->bytes, gap);
    if (st == LEDE_OK && positions) {
        unsigned char buf[10];
        size_t posbytes = 0;
        for (uint32_t k = 0; k < tf; k++)
            posbytes += lede_varint_encode(positions[k] - (k ? positions[k - 1] : 0), buf);
        st = lede_put_varint(&t->bytes, tf);
        if (st == LEDE_OK)
            st = lede_put_varint(&t->bytes, posbytes);
        for (uint32_t k = 0; st == LEDE_OK && k < tf; k++)
            st = lede_put_varint(&t->bytes, positions[k] - (k ? positions[k - 1] : 0));
    }
    if (st != LEDE_OK)
        return st;
    t->df++;
    t->last_doc = doc;
    if (tf > t->max_tf)
        t->max_tf = tf;
    if (field_len < t->min_len)
        t->min_len = field_len;
    if (t->df % LEDE_SKIP_BLOCK == 0) {
        if (t->bytes.len > UINT32_MAX)
            return LEDE_ERR_TOO_LARGE;
        lede_skip_entry *s = lede_vec_push(&t->skips);
        if (!s)
            return LEDE_ERR_NOMEM;
        s->last_doc = doc;
        s->offset = (uint32_t)t->bytes.len;
    }
    b->bytes += t->bytes.len - before;
    return LEDE_OK;
}

/* Collects a field's term occurrences while it is analysed. */
typedef struct occurrence_sink {
    lede_buffer *b;
    lede_field_buf *f;
    uint32_t doc;
    uint32_t position;
} occurrence_sink;

static lede_status add_occurrence(void *ctx, const char *term, size_t len, int stopword)
{
    (void)stopword; /* stopwords are indexed: phrases need them */
    occurrence_sink *s = ctx;
    uint32_t number;
    lede_status st = intern_term(s->f, term, len, &number);
    if (st != LEDE_OK)
        return st;
    uint32_t index = (uint32_t)s->b->occurrences.len;
    occurrence *o = lede_vec_push(&s->b->occurrences);
    if (!o)
        return LEDE_ERR_NOMEM;
    o->position = s->position++;
    o->next = NO_NEXT;
    uint32_t *seen = &LEDE_VEC_AT(&s->f->seen_in, uint32_t, number);
    uint32_t *slot = &LEDE_VEC_AT(&s->f->slot, uint32_t, number);
    if (*seen != s->doc + 1) {
        *seen = s->doc + 1;
        *slot = (uint32_t)s->b->distinct.len;
        distinct_term *d = lede_vec_push(&s->b->distinct);
        if (!d)
            return LEDE_ERR_NOMEM;
        d->term = number;
        d->head = d->tail = index;
        d->count = 1;
        return LEDE_OK;
    }
    distinct_term *d = &LEDE_VEC_AT(&s->b->distinct, distinct_term, *slot);
    LEDE_VEC_AT(&s->b->occurrences, occurrence, d->tail).next = index;
    d->tail = index;
    d->count++;
    return LEDE_OK;
}

static lede_status invert_text(lede_buffer *b, lede_field_buf *f, lede_analyzer *an,
                               const char *value, size_t len, uint32_t doc)
{
    b->occurrences.len = 0;
    b->distinct.len = 0;
    occurrence_sink sink = { b, f, doc, 0 };
    lede_status st = lede_index_terms(an, value, len, add_occurrence, &sink);
    if (st != LEDE_OK)
        return st;
    if ((st = pad_columns(f, doc + 1)) != LEDE_OK)
        return st;
    uint32_t field_len = sink.position;
    LEDE_VEC_AT(&f->lengths, uint32_t, doc) = field_len;
    f->total_len += field_len;
    const occurrence *occ = b->occurrences.data;
    lede_vec positions;
    lede_vec_init(&positions, sizeof(uint32_t));
    for (size_t i = 0; st == LEDE_OK && i < b->distinct.len; i++) {
        const distinct_term *d = &LEDE_VEC_AT(&b->distinct, distinct_term, i);
        positions.len = 0;
        st = lede_vec_reserve(&positions, d->count);
        for (uint32_t k = d->head; st == LEDE_OK && k != NO_NEXT; k = occ[k].next)
            *(uint32_t *)lede_vec_push(&positions) = occ[k].position; /* reserved */
        if (st == LEDE_OK)
            st = append_posting(b, &LEDE_VEC_AT(&f->postings, lede_term_buf, d->term), doc,
                                positions.data, d->count, field_len);
    }
    lede_vec_free(&positions);
    return st;
}

/* A new keyword's display form: the value as first written, without surrounding blanks, so that
 * facets say "Continental Press" while matching ignores case. */
static lede_status remember_display(lede_field_buf *f, const char *value, size_t len)
{
    while (len > 0 && (*value == ' ' || *value == '\t' || *value == '\n' || *value == '\r'))
        value++, len--;
    while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\t' || value[len - 1] == '\n' ||
                       value[len - 1] == '\r'))
        len--;
    if (f->display_bytes.len > UINT32_MAX - len)
        return LEDE_ERR_TOO_LARGE;
    lede_strmap_key *k = lede_vec_push(&f->displays);
    if (!k)
        return LEDE_ERR_NOMEM;
    k->offset = (uint32_t)f->display_bytes.len;
    k->len = (uint32_t)len;
    return lede_vec_append(&f->display_bytes, value, len);
}

static lede_status invert_keyword(lede_buffer *b, lede_field_buf *f, const char *value,
                                  size_t len, uint32_t doc)
{
    lede_status st = lede_keyword_form(value, len, &b->scratch);
    if (st != LEDE_OK || b->scratch.len == 0)
        return st;
    uint32_t number;
    if ((st = intern_term(f, b->scratch.data, b->scratch.len, &number)) != LEDE_OK)
        return st;
    if (number == f->displays.len && (st = remember_display(f, value, len)) != LEDE_OK)
        return st;
    if ((st = pad_columns(f, doc)) != LEDE_OK)
        return st;
    lede_term_buf *t = &LEDE_VEC_AT(&f->postings, lede_term_buf, number);
    if (t->df > 0 && t->last_doc == doc)
        return LEDE_OK; /* the same value twice */
    if ((st = append_posting(b, t, doc, NULL, 1, 1)) != LEDE_OK)
        return st;
    if (f->dv_offsets.len == (size_t)doc + 1) { /* this document's values are the last ones */
        uint32_t *v = lede_vec_push(&f->dv_terms);
        if (!v)
            return LEDE_ERR_NOMEM;
        *v = number;
    }
    return LEDE_OK;
}

static void set_error(char *error, size_t errlen, const char *message, const char *detail,
                      size_t detail_len)
{
    if (errlen == 0)
        return;
    size_t n = 0;
    for (const char *m = message; *m && n + 1 < errlen; m++)
        error[n++] = *m;
    for (size_t i = 0; i < detail_len && i < 80 && n + 2 < errlen; i++)
        error[n++] = detail[i];
    if (detail && n + 1 < errlen)
        error[n++] = '\'';
    error[n] = '\0';
}

/* Checks the fields before anything is written, so that a bad document leaves no trace. */
static lede_status validate(const lede_field *fields, size_t n, const lede_field **id,
                            int64_t *date, char *error, size_t errlen)
{
    *id = NULL;
    *date = INT64_MIN;
    int titles = 0, texts = 0;
    for (size_t i = 0; i < n; i++) {
        const lede_field *f = &fields[i];
        size_t name_len = f->name ? strlen(f->name) : 0;
        if (!lede_field_name_valid(f->name, name_len)) {
            set_error(error, errlen, "invalid field name '", f->name, name_len);
            return LEDE_ERR_INVALID;
        }
        if (!f->value && f->len > 0)
            return LEDE_ERR_INVALID;
        switch (lede_field_type_of(f->name, name_len)) {
        case LEDE_FIELD_ID:
            if (*id || f->len == 0) {
                set_error(error, errlen, *id ? "a document has one id" : "empty id", NULL, 0);
                return LEDE_ERR_INVALID;
            }
            *id = f;
            break;
        case LEDE_FIELD_DATE: {
            lede_date d;
            if (*date != INT64_MIN || lede_date_parse(f->value, f->len, &d) != LEDE_OK) {
                set_error(error, errlen, "invalid date '", f->value, f->len);
                return LEDE_ERR_INVALID;
            }
            *date = d.epoch;
            break;
        }
        case LEDE_FIELD_TEXT:
            if ((name_len == 5 && ++titles > 1) || (name_len == 4 && ++texts > 1)) {
                set_error(error, errlen, "a document has one title and one text", NULL, 0);
                return LEDE_ERR_INVALID;
            }
            break;
        default:
            break;
        }
    }
    if (!*id) {
        set_error(error, errlen, "a document needs an id", NULL, 0);
        return LEDE_ERR_INVALID;
    }
    return LEDE_OK;
}

int lede_buffer_delete(lede_buffer *b, const char *id, size_t len)
{
    int64_t k = lede_strmap_find(&b->ids, id, len);
    if (k < 0)
        return 0;
    uint32_t *doc = &LEDE_VEC_AT(&b->id_docs, uint32_t, k);
    if (*doc == UINT32_MAX)
        return 0;
    uint32_t *d = lede_vec_push(&b->deleted);
    if (!d)
        return -1;
    *d = *doc;
    *doc = UINT32_MAX;
    return 1;
}

static lede_status store_record(lede_buffer *b, const lede_field *fields, size_t n)
{
    uint32_t *index = malloc((n ? n : 1) * sizeof *index);
    lede_status st = index ? LEDE_OK : LEDE_ERR_NOMEM;
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        lede_field_buf *f;
        size_t k;
        st = field_for(b, fields[i].name, strlen(fields[i].name), &f, &k);
        index[i] = (uint32_t)k;
    }
    if (st == LEDE_OK)
        st = lede_record_encode(fields, n, index, b->zstd, &b->record, &b->stored);
    free(index);
    uint64_t *end = st == LEDE_OK ? lede_vec_push(&b->stored_offsets) : NULL;
    if (!end)
        return st != LEDE_OK ? st : LEDE_ERR_NOMEM;
    *end = b->stored.len;
    return LEDE_OK;
}

lede_status lede_buffer_add(lede_buffer *b, lede_analyzer *an, const lede_field *fields,
                            size_t nfields, char *error, size_t errlen)
{
    const lede_field *id;
    int64_t date;
    lede_status st = validate(fields, nfields, &id, &date, error, errlen);
    if (st != LEDE_OK)
        return st;
    if (b->ndocs == UINT32_MAX - 1)
        return LEDE_ERR_TOO_LARGE;
    uint32_t doc = b->ndocs;
    if (b->stored_offsets.len == 0 && !lede_vec_push(&b->stored_offsets))
        return LEDE_ERR_NOMEM;
    size_t stored_before = b->stored.len;
    if ((st = store_record(b, fields, nfields)) != LEDE_OK)
        return st;
    for (size_t i = 0; st == LEDE_OK && i < nfields; i++) {
        lede_field_buf *f;
        size_t index;
        st = field_for(b, fields[i].name, strlen(fields[i].name), &f, &index);
        if (st != LEDE_OK)
            break;
        if (f->type == LEDE_FIELD_TEXT)
            st = invert_text(b, f, an, fields[i].value, fields[i].len, doc);
        else if (f->type == LEDE_FIELD_KEYWORD)
            st = invert_keyword(b, f, fields[i].value, fields[i].len, doc);
    }
    int64_t *d = st == LEDE_OK ? lede_vec_push(&b->dates) : NULL;
    if (!d)
        return st != LEDE_OK ? st : LEDE_ERR_NOMEM;
    *d = date;
    /* A second document with a buffered id replaces the first. */
    if (lede_buffer_delete(b, id->value, id->len) < 0)
        return LEDE_ERR_NOMEM;
    uint32_t number;
    int added;
    if ((st = lede_vec_reserve(&b->id_docs, 1)) != LEDE_OK ||
        (st = lede_strmap_intern(&b->ids, id->value, id->len, &number, &added)) != LEDE_OK)
        return st;
    if (added)
        lede_vec_push(&b->id_docs); /* reserved */
    LEDE_VEC_AT(&b->id_docs, uint32_t, number) = doc;
    b->ndocs++;
    b->bytes += b->stored.len - stored_before + 64;
    return LEDE_OK;
}
