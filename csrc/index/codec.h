/*
 * codec — the byte encodings of index files: little-endian fixed-width integers, LEB128-style
 * variable-length integers, and a bounds-checked reader that never reads past its buffer (index
 * files may be truncated or corrupt: a bad length is an error, never a crash).
 */
#ifndef LEDE_INDEX_CODEC_H
#define LEDE_INDEX_CODEC_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "util/vec.h"

lede_status lede_put_u32(lede_vec *out, uint32_t v);
lede_status lede_put_u64(lede_vec *out, uint64_t v);
lede_status lede_put_varint(lede_vec *out, uint64_t v);
lede_status lede_put_bytes(lede_vec *out, const void *bytes, size_t len); /* varint length + bytes */

/* Writes v as a varint into buf (at least 10 bytes); returns its length. */
size_t lede_varint_encode(uint64_t v, unsigned char *buf);

typedef struct lede_reader {
    const unsigned char *p;
    const unsigned char *end;
    int failed; /* set once anything read ran past the end or was malformed */
} lede_reader;

static inline lede_reader lede_reader_of(const void *data, size_t len)
{
    lede_reader r = { data, (const unsigned char *)data + len, 0 };
    return r;
}

uint32_t lede_get_u32(lede_reader *r);
uint64_t lede_get_u64(lede_reader *r);
uint64_t lede_get_varint(lede_reader *r);
/* A varint length then that many bytes; *len receives the length. NULL when it does not fit. */
const unsigned char *lede_get_bytes(lede_reader *r, size_t *len);
/* Skips n bytes; fails when fewer remain. */
const unsigned char *lede_skip(lede_reader *r, size_t n);

/* Decodes one varint at p (before end) without the reader's bookkeeping: the postings hot path.
 * Returns the position after it, or NULL when it is malformed or runs past end. */
static inline const unsigned char *lede_varint_next(const unsigned char *p, const unsigned char *end,
                                                     uint64_t *v)
{
    if (p < end && *p < 0x80) {
        *v = *p;
        return p + 1;
    }
    uint64_t x = 0;
    for (unsigned shift = 0; shift < 64 && p < end; shift += 7) {
        unsigned char b = *p++;
        x |= (uint64_t)(b & 0x7F) << shift;
        if (b < 0x80) {
            *v = x;
            return p;
        }
    }
    return NULL;
}

uint32_t lede_crc32(uint32_t crc, const void *data, size_t len);

#endif
