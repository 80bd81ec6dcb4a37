/*
 * hash — the 64-bit hashes several modules share: FNV-1a over bytes, continued from any running
 * value, and the finaliser of MurmurHash3, which spreads FNV's weak bits (words and ids that
 * differ only in their last byte) over all 64. Stored formats depend on these values (dedup
 * signatures, story ids, clustering fingerprints): they must never change.
 */
#ifndef LEDE_UTIL_HASH_H
#define LEDE_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

#define LEDE_FNV_OFFSET 0xcbf29ce484222325ULL
#define LEDE_FNV_PRIME 0x100000001b3ULL

/* FNV-1a of `len` bytes, starting from h (LEDE_FNV_OFFSET for a fresh hash). */
static inline uint64_t lede_fnv1a(uint64_t h, const void *bytes, size_t len)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * LEDE_FNV_PRIME;
    return h;
}

/* Every input bit flips about half of the output bits. */
static inline uint64_t lede_mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

#endif
