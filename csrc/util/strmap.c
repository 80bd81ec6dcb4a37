#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a: keys are short words, where it is as fast as anything fancier. */
uint32_t lede_strmap_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void lede_strmap_init(lede_strmap *m)
{
    m->slots = NULL;
    m->mask = 0;
    lede_vec_init(&m->keys, sizeof(lede_strmap_key));
    lede_vec_init(&m->pool, 1);
}

void lede_strmap_free(lede_strmap *m)
{
    free(m->slots);
    lede_vec_free(&m->keys);
    lede_vec_free(&m->pool);
    lede_strmap_init(m);
}

void lede_strmap_clear(lede_strmap *m)
{
    if (m->slots)
        memset(m->slots, 0, (m->mask + 1) * sizeof *m->slots);
    m->keys.len = 0;
    m->pool.len = 0;
}

static int key_equals(const lede_strmap *m, uint32_t number, const char *key, size_t len)
{
    const lede_strmap_key *k = &LEDE_VEC_AT(&m->keys, lede_strmap_key, number);
    if (k->len != len)
        return 0;
    /* Keys are short words: a plain loop beats a call to memcmp. */
    const char *a = (const char *)m->pool.data + k->offset;
    for (size_t i = 0; i < len; i++)
        if (a[i] != key[i])
            return 0;
    return 1;
}

/* Returns the slot that holds `key`, or the empty slot where it would go. */
static size_t probe(const lede_strmap *m, const char *key, size_t len, uint32_t h)
{
    size_t i = h & m->mask;
    for (;;) {
        uint64_t s = m->slots[i];
        if (s == 0 || ((uint32_t)(s >> 32) == h && key_equals(m, (uint32_t)s - 1, key, len)))
            return i;
        i = (i + 1) & m->mask;
    }
}

int64_t lede_strmap_find(const lede_strmap *m, const char *key, size_t len)
{
    if (!m->slots)
        return -1;
    size_t i = probe(m, key, len, lede_strmap_hash(key, len));
    return m->slots[i] ? (int64_t)(uint32_t)m->slots[i] - 1 : -1;
}

/* Doubles the slot table (or makes the first one) and moves every key over. */
static lede_status grow(lede_strmap *m)
{
    size_t old_count = m->slots ? m->mask + 1 : 0;
    size_t count = old_count ? old_count * 2 : 64;
    if (count > UINT32_MAX)
        return LEDE_ERR_TOO_LARGE;
    uint64_t *table = calloc(count, sizeof *table);
    if (!table)
        return LEDE_ERR_NOMEM;
    for (size_t k = 0; k < old_count; k++) {
        uint64_t s = m->slots[k];
        if (!s)
            continue;
        size_t i = (uint32_t)(s >> 32) & (count - 1);
        while (table[i])
            i = (i + 1) & (count - 1);
        table[i] = s;
    }
    free(m->slots);
    m->slots = table;
    m->mask = count - 1;
    return LEDE_OK;
}

lede_status lede_strmap_intern(lede_strmap *m, const char *key, size_t len, uint32_t *number,
                               int *added)
{
    /* Keep the load factor at or below one half so probes stay short. */
    if (!m->slots || m->keys.len + 1 > (m->mask + 1) / 2) {
        lede_status st = grow(m);
        if (st != LEDE_OK)
            return st;
    }
    if (len > UINT32_MAX || m->pool.len > UINT32_MAX - len)
        return LEDE_ERR_TOO_LARGE;
    uint32_t h = lede_strmap_hash(key, len);
    size_t i = probe(m, key, len, h);
    if (m->slots[i]) {
        *number = (uint32_t)m->slots[i] - 1;
        *added = 0;
        return LEDE_OK;
    }
    lede_status st = lede_vec_reserve(&m->keys, 1);
    if (st == LEDE_OK)
        st = lede_vec_reserve(&m->pool, len);
    if (st != LEDE_OK)
        return st;
    uint32_t n = (uint32_t)m->keys.len;
    lede_strmap_key *k = lede_vec_push(&m->keys); /* cannot fail: reserved above */
    k->offset = (uint32_t)m->pool.len;
    k->len = (uint32_t)len;
    lede_vec_append(&m->pool, key, len);
    m->slots[i] = (uint64_t)h << 32 | (n + 1);
    *number = n;
    *added = 1;
    return LEDE_OK;
}

const char *lede_strmap_key_bytes(const lede_strmap *m, uint32_t number, uint32_t *len)
{
    const lede_strmap_key *k = &LEDE_VEC_AT(&m->keys, lede_strmap_key, number);
    *len = k->len;
    return (const char *)m->pool.data + k->offset;
}
