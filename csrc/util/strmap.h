/*
 * strmap — an open-addressing hash set of byte strings that numbers its keys 0, 1, 2… in insertion
 * order. Callers keep whatever they associate with a key in their own array, indexed by that
 * number, so one map serves the stem cache and the term counter alike.
 */
#ifndef LEDE_UTIL_STRMAP_H
#define LEDE_UTIL_STRMAP_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "util/vec.h"

typedef struct lede_strmap_key {
    uint32_t offset; /* into the key pool */
    uint32_t len;
} lede_strmap_key;

typedef struct lede_strmap {
    uint64_t *slots;  /* 0 = empty, else the key's hash << 32 | (key number + 1): probes compare
                         hashes without touching the keys */
    size_t mask;      /* slot count - 1 (a power of two) */
    lede_vec keys;    /* lede_strmap_key, by key number */
    lede_vec pool;    /* the key bytes */
} lede_strmap;

void lede_strmap_init(lede_strmap *m);
void lede_strmap_free(lede_strmap *m);
void lede_strmap_clear(lede_strmap *m);

static inline size_t lede_strmap_count(const lede_strmap *m) { return m->keys.len; }

/* The hash the map uses, for callers that keep a cache in front of it. */
uint32_t lede_strmap_hash(const char *key, size_t len);

/* Finds `key`; returns its number, or -1. */
int64_t lede_strmap_find(const lede_strmap *m, const char *key, size_t len);

/* Finds or adds `key`; *number receives its number and *added whether it is new. */
lede_status lede_strmap_intern(lede_strmap *m, const char *key, size_t len, uint32_t *number,
                               int *added);

/* The bytes of key `number` (not NUL-terminated; valid until the next insertion). */
const char *lede_strmap_key_bytes(const lede_strmap *m, uint32_t number, uint32_t *len);

#endif
