/*
 * Writing a segment: the file is assembled in memory section by section, then written and synced
 * in one go. A footer lists the sections and ends with a CRC-32 of everything before it, so a
 * reader can tell a complete file from a torn or damaged one.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* The file is written as it is assembled, through a buffer, with its CRC-32 kept running. */
typedef struct writer {
    int fd;
    const char *path;
    lede_vec buf;      /* bytes not yet written */
    uint64_t written;  /* bytes already written */
    uint32_t crc;
    lede_vec sections; /* lede_section */
    char *error;
    size_t errlen;
} writer;

enum { WRITE_CHUNK = 1 << 20 };

static uint64_t position(const writer *w)
{
    return w->written + w->buf.len;
}

static lede_status drain(writer *w)
{
    const char *p = w->buf.data;
    size_t len = w->buf.len;
    w->crc = lede_crc32(w->crc, p, len);
    while (len > 0) {
        ssize_t n = write(w->fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            lede_io_error(w->error, w->errlen, "cannot write", w->path);
            return LEDE_ERR_IO;
        }
        p += n;
        len -= (size_t)n;
    }
    w->written += w->buf.len;
    w->buf.len = 0;
    return LEDE_OK;
}

/* Writes the buffer out once it has grown past a chunk. */
static lede_status settle(writer *w, lede_status st)
{
    return st == LEDE_OK && w->buf.len >= WRITE_CHUNK ? drain(w) : st;
}

static lede_status put(writer *w, const void *data, size_t len)
{
    return settle(w, lede_vec_append(&w->buf, data, len));
}

static lede_status begin_section(writer *w, uint32_t kind, uint32_t field, size_t *index)
{
    lede_section *s = lede_vec_push(&w->sections);
    if (!s)
        return LEDE_ERR_NOMEM;
    s->kind = kind;
    s->field = field;
    s->offset = position(w);
    *index = w->sections.len - 1;
    return LEDE_OK;
}

static void end_section(writer *w, size_t index)
{
    lede_section *s = &LEDE_VEC_AT(&w->sections, lede_section, index);
    s->length = position(w) - s->offset;
}

static lede_status put_section(writer *w, uint32_t kind, uint32_t field, const void *data,
                               size_t len)
{
    size_t index;
    lede_status st = begin_section(w, kind, field, &index);
    if (st == LEDE_OK)
        st = put(w, data, len);
    end_section(w, index);
    return st;
}

static lede_status write_fields(writer *w, const lede_buffer *b)
{
    size_t index;
    lede_status st = begin_section(w, LEDE_SECTION_FIELDS, LEDE_NO_FIELD, &index);
    if (st == LEDE_OK)
        st = lede_put_varint(&w->buf, b->ndocs);
    if (st == LEDE_OK)
        st = lede_put_varint(&w->buf, b->fields.len);
    for (size_t i = 0; st == LEDE_OK && i < b->fields.len; i++) {
        const lede_field_buf *f = LEDE_VEC_AT(&b->fields, lede_field_buf *, i);
        st = lede_put_bytes(&w->buf, f->name, f->name_len);
        if (st == LEDE_OK)
            st = lede_put_varint(&w->buf, f->type);
        if (st == LEDE_OK)
            st = lede_put_varint(&w->buf, f->total_len);
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
        st = lede_put_u32(&w->buf, (uint32_t)live);
    uint64_t offset = 0;
    for (size_t i = 0; st == LEDE_OK && i <= live; i++) {
        st = lede_put_u64(&w->buf, offset);
        if (i < live)
            offset += ids[i].len;
    }
    for (size_t i = 0; st == LEDE_OK && i < live; i++)
        st = lede_put_u32(&w->buf, ids[i].number);
    for (size_t i = 0; st == LEDE_OK && i < live; i++)
        st = lede_vec_append(&w->buf, ids[i].bytes, ids[i].len);
    end_section(w, index);
    free(ids);
    return st;
}

static lede_status write_docs(writer *w, const lede_buffer *b)
{
    size_t index;
    lede_status st = begin_section(w, LEDE_SECTION_STORED_OFFSETS, LEDE_NO_FIELD, &index);
    for (uint32_t d = 0; st == LEDE_OK && d <= b->ndocs; d++)
        st = lede_put_u64(&w->buf, b->ndocs ? LEDE_VEC_AT(&b->stored_offsets, uint64_t, d) : 0);
    end_section(w, index);
    st = settle(w, st);
    if (st == LEDE_OK)
        st = put_section(w, LEDE_SECTION_STORED, LEDE_NO_FIELD, b->stored.data, b->stored.len);
    if (st == LEDE_OK)
        st = begin_section(w, LEDE_SECTION_DATES, LEDE_NO_FIELD, &index);
    for (uint32_t d = 0; st == LEDE_OK && d < b->ndocs; d++)
        st = lede_put_u64(&w->buf, (uint64_t)LEDE_VEC_AT(&b->dates, int64_t, d));
    end_section(w, index);
    return st == LEDE_OK ? write_ids(w, b) : st;
}

/* A field's dictionary: entries in byte order, then the term bytes. Offsets into the term bytes,
 * the postings and the skips are running sums, so nothing is copied to compute them. */
static lede_status write_dictionary(writer *w, const lede_field_buf *f, const sorted_term *terms,
                                    size_t n, uint32_t fi)
{
    size_t index;
    lede_status st = begin_section(w, LEDE_SECTION_DICT, fi, &index);
    if (st == LEDE_OK)
        st = lede_put_u32(&w->buf, (uint32_t)n);
    uint64_t term_at = 0, postings_at = 0;
    uint32_t skips_at = 0;
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        const lede_term_buf *t = &LEDE_VEC_AT(&f->postings, lede_term_buf, terms[i].number);
        if (term_at > UINT32_MAX || t->bytes.len > UINT32_MAX || skips_at > UINT32_MAX - t->skips.len)
            st = LEDE_ERR_TOO_LARGE;
        if (st == LEDE_OK) st = lede_put_u32(&w->buf, (uint32_t)term_at);
        if (st == LEDE_OK) st = lede_put_u32(&w->buf, terms[i].len);
        if (st == LEDE_OK) st = lede_put_u32(&w->buf, t->df);
        if (st == LEDE_OK) st = lede_put_u32(&w->buf, t->max_tf);
        if (st == LEDE_OK) st = lede_put_u32(&w->buf, t->min_len);
        if (st == LEDE_OK) st = lede_put_u32(&w->buf, (uint32_t)t->skips.len);
        if (st == LEDE_OK) st = lede_put_u64(&w->buf, postings_at);
        if (st == LEDE_OK) st = lede_put_u32(&w->buf, (uint32_t)t->bytes.len);
        if (st == LEDE_OK) st = lede_put_u32(&w->buf, skips_at);
        st = settle(w, st);
        term_at += terms[i].len;
        postings_at += t->bytes.len;
        skips_at += (uint32_t)t->skips.len;
    }
    for (size_t i = 0; st == LEDE_OK && i < n; i++)
        st = put(w, terms[i].bytes, terms[i].len);
    end_section(w, index);
    return st;
}

static lede_status write_postings(writer *w, const lede_field_buf *f, const sorted_term *terms,
                                  size_t n, uint32_t fi)
{
    size_t index;
    lede_status st = begin_section(w, LEDE_SECTION_POSTINGS, fi, &index);
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        const lede_term_buf *t = &LEDE_VEC_AT(&f->postings, lede_term_buf, terms[i].number);
        st = put(w, t->bytes.data, t->bytes.len);
    }
    end_section(w, index);
    if (st == LEDE_OK)
        st = begin_section(w, LEDE_SECTION_SKIPS, fi, &index);
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        const lede_term_buf *t = &LEDE_VEC_AT(&f->postings, lede_term_buf, terms[i].number);
        for (size_t k = 0; st == LEDE_OK && k < t->skips.len; k++) {
            const lede_skip_entry *e = &LEDE_VEC_AT(&t->skips, lede_skip_entry, k);
            st = lede_put_u32(&w->buf, e->last_doc);
            if (st == LEDE_OK)
                st = lede_put_u32(&w->buf, e->offset);
        }
        st = settle(w, st);
    }
    end_section(w, index);
    return st;
}

/* Per-document columns: field lengths (text) or term ordinals (keywords). */
static lede_status write_columns(writer *w, const lede_buffer *b, const lede_field_buf *f,
                                 const uint32_t *ordinal, uint32_t fi)
{
    size_t index;
    lede_status st = LEDE_OK;
    if (f->type == LEDE_FIELD_TEXT) {
        st = begin_section(w, LEDE_SECTION_LENGTHS, fi, &index);
        for (uint32_t d = 0; st == LEDE_OK && d < b->ndocs; d++)
            st = settle(w, lede_put_u32(&w->buf, d < f->lengths.len ? LEDE_VEC_AT(&f->lengths, uint32_t, d) : 0));
        end_section(w, index);
    } else if (f->type == LEDE_FIELD_KEYWORD) {
        st = begin_section(w, LEDE_SECTION_DOCVALUES, fi, &index);
        uint32_t values = (uint32_t)f->dv_terms.len;
        for (uint32_t d = 0; st == LEDE_OK && d <= b->ndocs; d++)
            st = settle(w, lede_put_u32(&w->buf, d < f->dv_offsets.len ? LEDE_VEC_AT(&f->dv_offsets, uint32_t, d)
                                                                       : values));
        for (size_t k = 0; st == LEDE_OK && k < f->dv_terms.len; k++)
            st = settle(w, lede_put_u32(&w->buf, ordinal[LEDE_VEC_AT(&f->dv_terms, uint32_t, k)]));
        end_section(w, index);
    }
    return st;
}

/* How each keyword was first written, in dictionary order: what facets show. */
static lede_status write_displays(writer *w, const lede_field_buf *f, const sorted_term *terms,
                                  size_t n, uint32_t fi)
{
    if (f->type != LEDE_FIELD_KEYWORD || f->displays.len != n)
        return LEDE_OK;
    size_t index;
    lede_status st = begin_section(w, LEDE_SECTION_DISPLAY, fi, &index);
    uint32_t at = 0;
    for (size_t i = 0; st == LEDE_OK && i <= n; i++) {
        st = settle(w, lede_put_u32(&w->buf, at));
        if (i < n)
            at += LEDE_VEC_AT(&f->displays, lede_strmap_key, terms[i].number).len;
    }
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        const lede_strmap_key *k = &LEDE_VEC_AT(&f->displays, lede_strmap_key, terms[i].number);
        st = put(w, (const char *)f->display_bytes.data + k->offset, k->len);
    }
    end_section(w, index);
    return st;
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
    lede_status st = terms && ordinal ? LEDE_OK : LEDE_ERR_NOMEM;
    for (uint32_t k = 0; st == LEDE_OK && k < n; k++) {
        terms[k].bytes = lede_strmap_key_bytes(&f->terms, k, &terms[k].len);
        terms[k].number = k;
    }
    if (st == LEDE_OK && n > 1)
        qsort(terms, n, sizeof *terms, by_bytes);
    for (size_t i = 0; st == LEDE_OK && i < n; i++)
        ordinal[terms[i].number] = (uint32_t)i;
    if (st == LEDE_OK)
        st = write_dictionary(w, f, terms, n, fi);
    if (st == LEDE_OK)
        st = write_postings(w, f, terms, n, fi);
    if (st == LEDE_OK)
        st = write_columns(w, b, f, ordinal, fi);
    if (st == LEDE_OK)
        st = write_displays(w, f, terms, n, fi);
    free(terms);
    free(ordinal);
    return st;
}

static lede_status write_footer(writer *w)
{
    uint64_t start = position(w);
    lede_status st = lede_put_u32(&w->buf, (uint32_t)w->sections.len);
    for (size_t i = 0; st == LEDE_OK && i < w->sections.len; i++) {
        const lede_section *s = &LEDE_VEC_AT(&w->sections, lede_section, i);
        st = lede_put_u32(&w->buf, s->kind);
        if (st == LEDE_OK) st = lede_put_u32(&w->buf, s->field);
        if (st == LEDE_OK) st = lede_put_u64(&w->buf, s->offset);
        if (st == LEDE_OK) st = lede_put_u64(&w->buf, s->length);
    }
    if (st == LEDE_OK)
        st = lede_put_u64(&w->buf, start);
    if (st == LEDE_OK) {
        uint32_t crc = lede_crc32(w->crc, w->buf.data, w->buf.len); /* of every byte before it */
        st = lede_put_u32(&w->buf, crc);
    }
    if (st == LEDE_OK)
        st = lede_vec_append(&w->buf, LEDE_SEGMENT_TAIL, sizeof LEDE_SEGMENT_TAIL - 1);
    return st == LEDE_OK ? drain(w) : st;
}

lede_status lede_segment_write(const lede_buffer *b, const char *path, char *error, size_t errlen)
{
    writer w = { -1, path, { 0 }, 0, 0, { 0 }, error, errlen };
    lede_vec_init(&w.buf, 1);
    lede_vec_init(&w.sections, sizeof(lede_section));
    w.fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (w.fd < 0) {
        lede_io_error(error, errlen, "cannot create", path);
        return LEDE_ERR_IO;
    }
    lede_status st = lede_vec_append(&w.buf, LEDE_SEGMENT_MAGIC, sizeof LEDE_SEGMENT_MAGIC - 1);
    if (st == LEDE_OK)
        st = lede_put_u32(&w.buf, LEDE_SEGMENT_VERSION);
    if (st == LEDE_OK)
        st = write_fields(&w, b);
    if (st == LEDE_OK)
        st = write_docs(&w, b);
    for (uint32_t fi = 0; st == LEDE_OK && fi < b->fields.len; fi++)
        st = write_field(&w, b, fi);
    if (st == LEDE_OK)
        st = write_footer(&w);
    if (st == LEDE_OK && fsync(w.fd) != 0) {
        lede_io_error(error, errlen, "cannot sync", path);
        st = LEDE_ERR_IO;
    }
    if (close(w.fd) != 0 && st == LEDE_OK) {
        lede_io_error(error, errlen, "cannot close", path);
        st = LEDE_ERR_IO;
    }
    lede_vec_free(&w.buf);
    lede_vec_free(&w.sections);
    return st;
}
