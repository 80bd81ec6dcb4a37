#include "index/codec.h"

#include <zlib.h>

lede_status lede_put_u32(lede_vec *out, uint32_t v)
{
    unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                           (unsigned char)(v >> 24) };
    return lede_vec_append(out, b, 4);
}

lede_status lede_put_u64(lede_vec *out, uint64_t v)
{
    lede_status st = lede_put_u32(out, (uint32_t)v);
    return st == LEDE_OK ? lede_put_u32(out, (uint32_t)(v >> 32)) : st;
}

size_t lede_varint_encode(uint64_t v, unsigned char *buf)
{
    size_t n = 0;
    while (v >= 0x80) {
        buf[n++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    buf[n++] = (unsigned char)v;
    return n;
}

lede_status lede_put_varint(lede_vec *out, uint64_t v)
{
    unsigned char buf[10];
    return lede_vec_append(out, buf, lede_varint_encode(v, buf));
}

lede_status lede_put_bytes(lede_vec *out, const void *bytes, size_t len)
{
    lede_status st = lede_put_varint(out, len);
    return st == LEDE_OK ? lede_vec_append(out, bytes, len) : st;
}

const unsigned char *lede_skip(lede_reader *r, size_t n)
{
    if (r->failed || (size_t)(r->end - r->p) < n) {
        r->failed = 1;
        return NULL;
    }
    const unsigned char *at = r->p;
    r->p += n;
    return at;
}

uint32_t lede_get_u32(lede_reader *r)
{
    const unsigned char *b = lede_skip(r, 4);
    if (!b)
        return 0;
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

uint64_t lede_get_u64(lede_reader *r)
{
    uint64_t lo = lede_get_u32(r);
    return lo | (uint64_t)lede_get_u32(r) << 32;
}

uint64_t lede_get_varint(lede_reader *r)
{
    uint64_t v = 0;
    const unsigned char *next = r->failed ? NULL : lede_varint_next(r->p, r->end, &v);
    if (!next) {
        r->failed = 1;
        return 0;
    }
    r->p = next;
    return v;
}

const unsigned char *lede_get_bytes(lede_reader *r, size_t *len)
{
    uint64_t n = lede_get_varint(r);
    if (r->failed || n > (uint64_t)(r->end - r->p)) {
        r->failed = 1;
        *len = 0;
        return NULL;
    }
    *len = (size_t)n;
    return lede_skip(r, (size_t)n);
}

uint32_t lede_crc32(uint32_t crc, const void *data, size_t len)
{
    /* zlib takes lengths as uInt: feed large buffers in pieces. */
    const unsigned char *p = data;
    while (len > 0) {
        uInt n = len > (1u << 30) ? (1u << 30) : (uInt)len;
        crc = (uint32_t)crc32(crc, p, n);
        p += n;
        len -= n;
    }
    return crc;
}
