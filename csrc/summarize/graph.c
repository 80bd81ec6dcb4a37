#include "summarize/graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { PAGERANK_ITERATIONS = 100 };
#define DAMPING 0.85
#define PAGERANK_EPSILON 1e-7

static double overlap(const lede_sset *set, size_t i, size_t j)
{
    const lede_ssent *a = &set->s[i], *b = &set->s[j];
    if (a->nterms < 2 || b->nterms < 2)
        return 0;
    const lede_term_weight *v = set->vector.data;
    size_t x = a->first, y = b->first, shared = 0;
    while (x < a->first + a->nterms && y < b->first + b->nterms) {
        if (v[x].term == v[y].term)
            shared++, x++, y++;
        else if (v[x].term < v[y].term)
            x++;
        else
            y++;
    }
    return (double)shared / (log((double)a->nterms) + log((double)b->nterms));
}

lede_status lede_graph_build(const lede_sset *set, lede_similarity kind, lede_graph *g)
{
    g->m = set->n < LEDE_GRAPH_MAX ? set->n : LEDE_GRAPH_MAX;
    g->w = calloc(g->m > 0 ? g->m * g->m : 1, sizeof *g->w);
    if (!g->w)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < g->m; i++)
        for (size_t j = i + 1; j < g->m; j++) {
            double s = kind == LEDE_SIMILARITY_COSINE ? lede_sset_cosine(set, i, j) : overlap(set, i, j);
            g->w[i * g->m + j] = g->w[j * g->m + i] = (float)s;
        }
    return LEDE_OK;
}

void lede_graph_free(lede_graph *g)
{
    free(g->w);
    g->w = NULL;
    g->m = 0;
}

lede_status lede_pagerank(const lede_graph *g, double damping, double *scores)
{
    size_t m = g->m;
    if (m == 0)
        return LEDE_OK;
    double *out_weight = malloc(m * sizeof *out_weight), *next = malloc(m * sizeof *next);
    if (!out_weight || !next) {
        free(out_weight);
        free(next);
        return LEDE_ERR_NOMEM;
    }
    for (size_t i = 0; i < m; i++) {
        double sum = 0;
        for (size_t j = 0; j < m; j++)
            sum += g->w[i * m + j];
        out_weight[i] = sum;
        scores[i] = 1.0 / (double)m;
    }
    for (int it = 0; it < PAGERANK_ITERATIONS; it++) {
        double dangling = 0; /* rank of sentences like no other: spread evenly */
        for (size_t i = 0; i < m; i++)
            if (out_weight[i] == 0)
                dangling += scores[i];
        double delta = 0;
        for (size_t j = 0; j < m; j++) {
            double in = 0;
            for (size_t i = 0; i < m; i++)
                if (out_weight[i] > 0)
                    in += scores[i] * g->w[i * m + j] / out_weight[i];
            next[j] = (1.0 - damping) / (double)m + damping * (in + dangling / (double)m);
            delta += fabs(next[j] - scores[j]);
        }
        memcpy(scores, next, m * sizeof *scores);
        if (delta < PAGERANK_EPSILON)
            break;
    }
    free(out_weight);
    free(next);
    return LEDE_OK;
}

lede_status lede_rank_by_pagerank(lede_sset *set, lede_similarity kind, double threshold)
{
    lede_graph g;
    lede_status st = lede_graph_build(set, kind, &g);
    if (st != LEDE_OK)
        return st;
    if (threshold > 0)
        for (size_t k = 0; k < g.m * g.m; k++)
            g.w[k] = g.w[k] > threshold ? 1.0f : 0.0f;
    double *scores = malloc((g.m ? g.m : 1) * sizeof *scores);
    st = scores ? lede_pagerank(&g, DAMPING, scores) : LEDE_ERR_NOMEM;
    for (size_t i = 0; st == LEDE_OK && i < set->n; i++)
        set->s[i].score = i < g.m ? scores[i] : 0;
    free(scores);
    lede_graph_free(&g);
    return st;
}
