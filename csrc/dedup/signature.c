/*
 * signature — MinHash signatures of articles, their byte format and their comparison.
 *
 * For each of `hashes` hash functions, a signature keeps the least value the function takes
 * over the article's shingles. Two articles agree at one position with a probability equal to
 * the Jaccard similarity of their shingle sets, so the share of agreeing positions estimates it
 * (standard error sqrt(J(1-J)/hashes): ±0.044 at J = 0.5 with 128 hashes).
 *
 * Hash function i maps a shingle hash h to the top 32 bits of a_i·h + b_i (mod 2^64), with a_i
 * odd: one multiply-add per value, and h is already well mixed. a_i and b_i come from
 * SplitMix64 with a fixed seed, so a signature is the same on every machine and run; changing
 * the seed or the scheme means a new format version.
 *
 * Byte format, version 1 (integers little-endian), 20 + 4·hashes bytes:
 *   0      version (1)
 *   1      shingle size, words (1..32)
 *   2..3   hash count (1..1024)
 *   4..7   words in the text (saturated at 2^32 - 1)
 *   8..15  hash of the normalised word stream (0: no words); equal hashes = exact copies
 *   16..   the minima, 4 bytes each
 *   last 4 CRC-32 of all the bytes before it
 */
#include "dedup/dedup.h"
#include "index/codec.h"

#define SEED 0x6c6564652d646470ULL /* "lede-ddp" */

size_t lede_dedup_signature_size(unsigned hashes)
{
    return DEDUP_HEADER + 4 * (size_t)hashes + DEDUP_TRAILER;
}

lede_status dedup_resolve_options(const lede_dedup_options *in, lede_dedup_options *out)
{
    lede_dedup_options o = { 0 };
    if (in)
        o = *in;
    if (!o.shingle_size)
        o.shingle_size = LEDE_DEDUP_SHINGLE_SIZE;
    if (!o.hashes)
        o.hashes = LEDE_DEDUP_HASHES;
    if (!o.bands)
        o.bands = o.hashes < LEDE_DEDUP_BANDS ? o.hashes : LEDE_DEDUP_BANDS;
    if (o.threshold == 0)
        o.threshold = LEDE_DEDUP_THRESHOLD;
    if (o.shingle_size > DEDUP_MAX_SHINGLE || o.hashes > DEDUP_MAX_HASHES || o.bands > o.hashes ||
        !(o.threshold > 0 && o.threshold <= 1))
        return LEDE_ERR_INVALID;
    *out = o;
    return LEDE_OK;
}

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16), p[3] = (unsigned char)(v >> 24);
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

lede_status lede_dedup_sign(const lede_article *article, const lede_dedup_options *options,
                            unsigned char *out, size_t outlen)
{
    lede_dedup_options o;
    if (!article || !out || dedup_resolve_options(options, &o) != LEDE_OK ||
        outlen != lede_dedup_signature_size(o.hashes))
        return LEDE_ERR_INVALID;

    uint64_t a[DEDUP_MAX_HASHES], b[DEDUP_MAX_HASHES];
    uint32_t mins[DEDUP_MAX_HASHES];
    uint64_t state = SEED;
    for (unsigned i = 0; i < o.hashes; i++) {
        a[i] = splitmix64(&state) | 1;
        b[i] = splitmix64(&state);
        mins[i] = UINT32_MAX;
    }
    dedup_shingler s;
    dedup_shingler_init(&s, article, o.shingle_size);
    uint64_t h;
    while (dedup_shingler_next(&s, &h))
        for (unsigned i = 0; i < o.hashes; i++) {
            uint32_t v = (uint32_t)((a[i] * h + b[i]) >> 32);
            mins[i] = v < mins[i] ? v : mins[i];
        }

    uint64_t exact = dedup_shingler_exact(&s);
    out[0] = DEDUP_VERSION;
    out[1] = (unsigned char)o.shingle_size;
    out[2] = (unsigned char)o.hashes, out[3] = (unsigned char)(o.hashes >> 8);
    put32(out + 4, s.words > UINT32_MAX ? UINT32_MAX : (uint32_t)s.words);
    put32(out + 8, (uint32_t)exact), put32(out + 12, (uint32_t)(exact >> 32));
    for (unsigned i = 0; i < o.hashes; i++)
        put32(out + DEDUP_HEADER + 4 * i, mins[i]);
    size_t body = outlen - DEDUP_TRAILER;
    put32(out + body, lede_crc32(0, out, body));
    return LEDE_OK;
}

lede_status dedup_decode(const unsigned char *bytes, size_t len, dedup_signature *out)
{
    if (!bytes || len < DEDUP_HEADER + DEDUP_TRAILER || bytes[0] != DEDUP_VERSION)
        return LEDE_ERR_CORRUPT;
    unsigned size = bytes[1], hashes = (unsigned)bytes[2] | (unsigned)bytes[3] << 8;
    if (size < 1 || size > DEDUP_MAX_SHINGLE || hashes < 1 || hashes > DEDUP_MAX_HASHES ||
        len != lede_dedup_signature_size(hashes))
        return LEDE_ERR_CORRUPT;
    size_t body = len - DEDUP_TRAILER;
    if (get32(bytes + body) != lede_crc32(0, bytes, body))
        return LEDE_ERR_CORRUPT;
    out->shingle_size = size;
    out->hashes = hashes;
    out->words = get32(bytes + 4);
    out->exact = (uint64_t)get32(bytes + 8) | (uint64_t)get32(bytes + 12) << 32;
    out->values = bytes + DEDUP_HEADER;
    /* A text without words has no shingles: its minima are all still at their start. */
    if ((out->words == 0) != (out->exact == 0))
        return LEDE_ERR_CORRUPT;
    return LEDE_OK;
}

lede_status lede_dedup_signature_check(const unsigned char *bytes, size_t len,
                                      lede_dedup_signature_info *info)
{
    dedup_signature s;
    lede_status st = dedup_decode(bytes, len, &s);
    if (st != LEDE_OK)
        return st;
    info->version = DEDUP_VERSION;
    info->shingle_size = s.shingle_size;
    info->hashes = s.hashes;
    info->words = s.words;
    return LEDE_OK;
}

lede_status lede_dedup_compare(const unsigned char *a, size_t alen, const unsigned char *b,
                               size_t blen, double *similarity, int *exact)
{
    dedup_signature x, y;
    lede_status st = dedup_decode(a, alen, &x);
    if (st == LEDE_OK)
        st = dedup_decode(b, blen, &y);
    if (st != LEDE_OK)
        return st;
    if (x.shingle_size != y.shingle_size || x.hashes != y.hashes)
        return LEDE_ERR_INVALID;
    *exact = x.exact != 0 && x.exact == y.exact;
    if (*exact || x.exact == 0 || y.exact == 0) {
        /* A text without words is like nothing, not even another empty text. */
        *similarity = *exact ? 1.0 : 0.0;
        return LEDE_OK;
    }
    unsigned agree = 0;
    for (unsigned i = 0; i < x.hashes; i++)
        agree += dedup_value(&x, i) == dedup_value(&y, i);
    *similarity = (double)agree / x.hashes;
    return LEDE_OK;
}
