#include "index/document.h"

#include <string.h>
#include <zstd.h>

#include "index/codec.h"

enum { RECORD_PLAIN = 0, RECORD_COMPRESSED = 1, COMPRESS_FROM = 256, COMPRESS_LEVEL = 1 };

lede_status lede_record_encode(const lede_field *fields, size_t n, const uint32_t *field_index,
                               ZSTD_CCtx *cctx, lede_vec *scratch, lede_vec *out)
{
    scratch->len = 0;
    lede_status st = lede_put_varint(scratch, n);
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        st = lede_put_varint(scratch, field_index[i]);
        if (st == LEDE_OK)
            st = lede_put_bytes(scratch, fields[i].value, fields[i].len);
    }
    if (st != LEDE_OK)
        return st;
    unsigned char flag = RECORD_PLAIN;
    if (scratch->len >= COMPRESS_FROM) {
        size_t bound = ZSTD_compressBound(scratch->len);
        size_t at = out->len;
        st = lede_vec_reserve(out, 1 + 10 + bound);
        if (st != LEDE_OK)
            return st;
        unsigned char *dst = (unsigned char *)out->data + at;
        size_t head = 1 + lede_varint_encode(scratch->len, dst + 1);
        size_t got = ZSTD_compressCCtx(cctx, dst + head, bound, scratch->data, scratch->len,
                                       COMPRESS_LEVEL);
        if (!ZSTD_isError(got) && head + got < scratch->len) {
            dst[0] = RECORD_COMPRESSED;
            out->len += head + got;
            return LEDE_OK;
        }
    }
    st = lede_vec_append(out, &flag, 1);
    return st == LEDE_OK ? lede_vec_append(out, scratch->data, scratch->len) : st;
}

/* The record's plain bytes: in the segment, or decompressed into storage. */
static lede_status record_bytes(const lede_segment *s, uint32_t doc, lede_vec *storage,
                                const unsigned char **bytes, size_t *len)
{
    size_t n;
    const unsigned char *rec = lede_segment_record(s, doc, &n);
    if (n == 0)
        return LEDE_ERR_CORRUPT;
    if (rec[0] == RECORD_PLAIN) {
        *bytes = rec + 1;
        *len = n - 1;
        return LEDE_OK;
    }
    lede_reader r = lede_reader_of(rec + 1, n - 1);
    uint64_t raw = lede_get_varint(&r);
    if (rec[0] != RECORD_COMPRESSED || r.failed || raw > UINT32_MAX)
        return LEDE_ERR_CORRUPT;
    storage->len = 0;
    lede_status st = lede_vec_reserve(storage, (size_t)raw ? (size_t)raw : 1);
    if (st != LEDE_OK)
        return st;
    size_t got = ZSTD_decompress(storage->data, (size_t)raw, r.p, (size_t)(r.end - r.p));
    if (ZSTD_isError(got) || got != raw)
        return LEDE_ERR_CORRUPT;
    storage->len = (size_t)raw;
    *bytes = storage->data;
    *len = (size_t)raw;
    return LEDE_OK;
}

lede_status lede_record_decode(const lede_segment *s, uint32_t doc, lede_vec *out,
                               lede_vec *storage)
{
    size_t len;
    const unsigned char *rec;
    lede_status st = record_bytes(s, doc, storage, &rec, &len);
    if (st != LEDE_OK)
        return st;
    lede_reader r = lede_reader_of(rec, len);
    uint64_t n = lede_get_varint(&r);
    for (uint64_t i = 0; !r.failed && i < n; i++) {
        uint64_t field = lede_get_varint(&r);
        size_t vlen;
        const unsigned char *value = lede_get_bytes(&r, &vlen);
        if (r.failed || field >= s->nfields)
            break;
        lede_field *f = lede_vec_push(out);
        if (!f)
            return LEDE_ERR_NOMEM;
        f->name = s->fields[field].name;
        f->value = (const char *)value;
        f->len = vlen;
    }
    return r.failed ? LEDE_ERR_CORRUPT : LEDE_OK;
}

const lede_field *lede_fields_find(const lede_field *fields, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(fields[i].name, name) == 0)
            return &fields[i];
    return NULL;
}
