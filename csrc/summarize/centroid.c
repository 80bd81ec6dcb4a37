/*
 * centroid — similarity to the centroid of the sentence vectors (Radev et al. 2004), keeping the
 * centroid's strongest terms only, which is what makes it a topic signature rather than an average.
 */
#include <math.h>
#include <stdlib.h>

#include "summarize/methods.h"

enum { CENTROID_TERMS = 20 };

static int by_weight_desc(const void *x, const void *y)
{
    const lede_term_weight *a = x, *b = y;
    if (a->weight != b->weight)
        return a->weight < b->weight ? 1 : -1;
    return a->term < b->term ? -1 : a->term > b->term;
}

static int by_term(const void *x, const void *y)
{
    const lede_term_weight *a = x, *b = y;
    return a->term < b->term ? -1 : a->term > b->term;
}

lede_status lede_rank_centroid(lede_sset *set)
{
    size_t nv = set->frequency.len;
    lede_term_weight *c = calloc(nv ? nv : 1, sizeof *c);
    if (!c)
        return LEDE_ERR_NOMEM;
    for (size_t t = 0; t < nv; t++)
        c[t].term = (uint32_t)t;
    const lede_term_weight *v = set->vector.data;
    for (size_t i = 0; i < set->n; i++)
        for (uint32_t k = set->s[i].first; k < set->s[i].first + set->s[i].nterms; k++)
            c[v[k].term].weight += v[k].weight;
    qsort(c, nv, sizeof *c, by_weight_desc);
    size_t keep = nv < CENTROID_TERMS ? nv : CENTROID_TERMS;
    qsort(c, keep, sizeof *c, by_term);
    double norm = 0;
    for (size_t k = 0; k < keep; k++)
        norm += (double)c[k].weight * c[k].weight;
    norm = sqrt(norm);
    for (size_t i = 0; i < set->n; i++)
        set->s[i].score = lede_sset_cosine_with(set, i, c, keep, norm);
    free(c);
    return LEDE_OK;
}
