/* vec — a growable array of fixed-size items, the one container the core builds everything on. */
#ifndef LEDE_UTIL_VEC_H
#define LEDE_UTIL_VEC_H

#include <stddef.h>
#include <string.h>
#include "lede.h"

typedef struct lede_vec {
    void *data;
    size_t len;  /* items in use */
    size_t cap;  /* items allocated */
    size_t item; /* size of one item in bytes */
} lede_vec;

void lede_vec_init(lede_vec *v, size_t item_size);
void lede_vec_free(lede_vec *v);

/* Makes room for `extra` more items; the only place that allocates. */
lede_status lede_vec_grow(lede_vec *v, size_t extra);

static inline lede_status lede_vec_reserve(lede_vec *v, size_t extra)
{
    return v->cap - v->len >= extra ? LEDE_OK : lede_vec_grow(v, extra);
}

/* Appends one zeroed item and returns it, or NULL when memory ran out. */
static inline void *lede_vec_push(lede_vec *v)
{
    if (lede_vec_reserve(v, 1) != LEDE_OK)
        return NULL;
    void *slot = (char *)v->data + v->len * v->item;
    memset(slot, 0, v->item);
    v->len++;
    return slot;
}

/* Appends `n` items copied from `items`. */
lede_status lede_vec_append(lede_vec *v, const void *items, size_t n);

#define LEDE_VEC_AT(v, type, i) (((type *)(v)->data)[i])

#endif
