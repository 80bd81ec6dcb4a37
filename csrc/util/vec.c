#include "util/vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void lede_vec_init(lede_vec *v, size_t item_size)
{
    v->data = NULL;
    v->len = 0;
    v->cap = 0;
    v->item = item_size;
}

void lede_vec_free(lede_vec *v)
{
    free(v->data);
    v->data = NULL;
    v->len = v->cap = 0;
}

lede_status lede_vec_grow(lede_vec *v, size_t extra)
{
    if (extra > SIZE_MAX - v->len)
        return LEDE_ERR_TOO_LARGE;
    size_t need = v->len + extra;
    if (need <= v->cap)
        return LEDE_OK;
    size_t cap = v->cap ? v->cap : 16;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return LEDE_ERR_TOO_LARGE;
        cap *= 2;
    }
    if (cap > SIZE_MAX / v->item)
        return LEDE_ERR_TOO_LARGE;
    void *data = realloc(v->data, cap * v->item);
    if (!data)
        return LEDE_ERR_NOMEM;
    v->data = data;
    v->cap = cap;
    return LEDE_OK;
}

lede_status lede_vec_append(lede_vec *v, const void *items, size_t n)
{
    if (n == 0)
        return LEDE_OK;
    lede_status st = lede_vec_reserve(v, n);
    if (st != LEDE_OK)
        return st;
    memcpy((char *)v->data + v->len * v->item, items, n * v->item);
    v->len += n;
    return LEDE_OK;
}
