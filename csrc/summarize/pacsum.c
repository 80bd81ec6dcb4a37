/*
 * pacsum — position-aware directed centrality in the spirit of PacSum (Zheng and Lapata 2019),
 * with TF-ISF similarities. Edges are kept above a share β of the similarity range; a sentence
 * gains from the later sentences it resembles (λ2) and loses from the earlier ones (λ1 < 0): in
 * news, what later sentences elaborate is what comes first.
 */
#include <stdlib.h>

#include "summarize/graph.h"
#include "summarize/methods.h"

#define BETA 0.6
#define LAMBDA_EARLIER (-2.0)
#define LAMBDA_LATER 1.0

lede_status lede_rank_pacsum(lede_sset *set)
{
    lede_graph g;
    lede_status st = lede_graph_build(set, LEDE_SIMILARITY_COSINE, &g);
    if (st != LEDE_OK)
        return st;
    float lo = 1, hi = 0; /* the range of the similarities off the diagonal */
    for (size_t k = 0; k < g.m * g.m; k++) {
        if (k % (g.m + 1) == 0)
            continue;
        if (g.w[k] < lo)
            lo = g.w[k];
        if (g.w[k] > hi)
            hi = g.w[k];
    }
    double floor_ = lo + BETA * (hi - lo);
    for (size_t i = 0; i < set->n; i++) {
        double score = 0;
        for (size_t j = 0; i < g.m && j < g.m; j++) {
            double e = g.w[i * g.m + j] - floor_;
            if (j == i || e <= 0)
                continue;
            /* Order counts within an article; another article's sentences elaborate alike. */
            int earlier = set->s[j].article == set->s[i].article && j < i;
            score += (earlier ? LAMBDA_EARLIER : LAMBDA_LATER) * e;
        }
        set->s[i].score = score;
    }
    lede_graph_free(&g);
    return st;
}
