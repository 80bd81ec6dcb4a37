/*
 * dedup — what the near-duplicate files share: the hash functions, the shingle stream of an
 * article, and a signature decoded from its bytes (see signature.c for the byte format).
 */
#ifndef LEDE_DEDUP_DEDUP_H
#define LEDE_DEDUP_DEDUP_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "util/hash.h"

#define DEDUP_VERSION 1
#define DEDUP_MAX_SHINGLE 32  /* words per shingle: the shingler keeps them in a fixed ring */
#define DEDUP_MAX_HASHES 1024 /* values per signature: query scratch lives on the stack */
#define DEDUP_HEADER 16       /* version, shingle size, hash count, words, exact hash */
#define DEDUP_TRAILER 4       /* CRC-32 of everything before it */

/* Folds one 64-bit value into a running hash, in order: (a, b) and (b, a) differ. */
static inline uint64_t dedup_fold(uint64_t h, uint64_t v)
{
    return lede_mix64(h * 0x9e3779b97f4a7c15ULL ^ v);
}

/*
 * The shingles of an article: hashes of each run of `size` consecutive words, where a word is a
 * token that is neither punctuation, a quote mark nor a stray symbol, taken in its normalised
 * lower-case form (so case, quote style, dashes and white space do not count). A text with
 * fewer words than `size` has one shingle of all its words; a text with none has no shingle.
 * Alongside, the hash of the whole word stream (`exact`: 0 only for a text without words).
 */
typedef struct dedup_shingler {
    const lede_token *tokens;
    size_t ntokens, next;        /* the tokens, and the next one to look at */
    unsigned size;               /* words per shingle */
    uint64_t ring[DEDUP_MAX_SHINGLE]; /* the hashes of the last `size` words */
    uint64_t words;              /* words seen so far */
    uint64_t exact;              /* running hash of the word stream */
    int emitted;                 /* whether a shingle has been given */
} dedup_shingler;

void dedup_shingler_init(dedup_shingler *s, const lede_article *article, unsigned size);
/* The next shingle's hash in *hash; 0 when there are no more. */
int dedup_shingler_next(dedup_shingler *s, uint64_t *hash);
/* After the last shingle: the hash of the word stream, 0 for a text without words. */
uint64_t dedup_shingler_exact(const dedup_shingler *s);

/* A signature checked and decoded from its bytes; `values` points into those bytes. */
typedef struct dedup_signature {
    unsigned shingle_size;
    unsigned hashes;
    uint32_t words;        /* words in the text (saturated) */
    uint64_t exact;        /* hash of the word stream; 0: no words */
    const unsigned char *values; /* `hashes` little-endian 32-bit minima */
} dedup_signature;

/* LEDE_ERR_CORRUPT when the bytes are not a signature of this version, or are damaged. */
lede_status dedup_decode(const unsigned char *bytes, size_t len, dedup_signature *out);

static inline uint32_t dedup_value(const dedup_signature *s, size_t i)
{
    const unsigned char *p = s->values + 4 * i;
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The options with defaults filled in; LEDE_ERR_INVALID when one is out of range. */
lede_status dedup_resolve_options(const lede_dedup_options *in, lede_dedup_options *out);

#endif
