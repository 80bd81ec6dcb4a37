/*
 * centroid — a story's summed vector: entries in the order features arrived (the inverted index
 * points at them by position, so they never move) behind an open-addressing table, and the
 * squared length kept up to date as weights are added, so a cosine costs one division.
 */
#include <stdlib.h>

#include "cluster/cluster.h"

void cl_centroid_init(cl_centroid *m)
{
    lede_vec_init(&m->entries, sizeof(cl_centroid_entry));
    m->table = NULL;
    m->mask = 0;
    m->norm2 = 0;
}

void cl_centroid_free(cl_centroid *m)
{
    lede_vec_free(&m->entries);
    free(m->table);
    cl_centroid_init(m);
}

static size_t slot_of(uint32_t feature, size_t mask)
{
    return (size_t)((feature * 2654435761u) & mask);
}

static lede_status grow(cl_centroid *m)
{
    size_t size = m->table ? (m->mask + 1) * 2 : 16;
    uint32_t *table = calloc(size, sizeof *table);
    if (!table)
        return LEDE_ERR_NOMEM;
    const cl_centroid_entry *e = m->entries.data;
    for (size_t i = 0; i < m->entries.len; i++) {
        size_t s = slot_of(e[i].feature, size - 1);
        while (table[s])
            s = (s + 1) & (size - 1);
        table[s] = (uint32_t)i + 1;
    }
    free(m->table);
    m->table = table;
    m->mask = size - 1;
    return LEDE_OK;
}

double cl_centroid_weight(const cl_centroid *m, uint32_t feature)
{
    if (!m->table)
        return 0;
    const cl_centroid_entry *e = m->entries.data;
    for (size_t s = slot_of(feature, m->mask); m->table[s]; s = (s + 1) & m->mask)
        if (e[m->table[s] - 1].feature == feature)
            return e[m->table[s] - 1].weight;
    return 0;
}

lede_status cl_centroid_add(cl_centroid *m, uint32_t feature, double weight, uint32_t *entry,
                            int *added)
{
    /* At most half full, so probes stay short. */
    if (!m->table || (m->entries.len + 1) * 2 > m->mask + 1) {
        if (m->entries.len >= UINT32_MAX / 4)
            return LEDE_ERR_TOO_LARGE;
        lede_status st = grow(m);
        if (st != LEDE_OK)
            return st;
    }
    cl_centroid_entry *e = m->entries.data;
    size_t s = slot_of(feature, m->mask);
    for (; m->table[s]; s = (s + 1) & m->mask) {
        cl_centroid_entry *x = &e[m->table[s] - 1];
        if (x->feature == feature) {
            m->norm2 += weight * (2 * x->weight + weight);
            x->weight += weight;
            *entry = m->table[s] - 1;
            *added = 0;
            return LEDE_OK;
        }
    }
    cl_centroid_entry *x = lede_vec_push(&m->entries);
    if (!x)
        return LEDE_ERR_NOMEM;
    x->feature = feature;
    x->weight = weight;
    m->norm2 += weight * weight;
    *entry = (uint32_t)(m->entries.len - 1);
    m->table[s] = *entry + 1;
    *added = 1;
    return LEDE_OK;
}
