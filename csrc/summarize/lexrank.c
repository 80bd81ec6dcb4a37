/*
 * lexrank — LexRank (Erkan and Radev 2004): PageRank over the cosine similarities of sentences.
 * Continuous LexRank weighs edges by similarity; the thresholded variant keeps edges above 0.1,
 * unweighted, as the paper's best configuration.
 */
#include <stdlib.h>

#include "summarize/graph.h"
#include "summarize/methods.h"

#define THRESHOLD 0.1
#define DAMPING 0.85

lede_status lede_rank_lexrank(lede_sset *set, int thresholded)
{
    lede_graph g;
    lede_status st = lede_graph_build(set, LEDE_SIMILARITY_COSINE, &g);
    if (st != LEDE_OK)
        return st;
    if (thresholded)
        for (size_t k = 0; k < g.m * g.m; k++)
            g.w[k] = g.w[k] > THRESHOLD ? 1.0f : 0.0f;
    double *scores = malloc((g.m ? g.m : 1) * sizeof *scores);
    st = scores ? lede_pagerank(&g, DAMPING, scores) : LEDE_ERR_NOMEM;
    for (size_t i = 0; st == LEDE_OK && i < set->n; i++)
        set->s[i].score = i < g.m ? scores[i] : 0;
    free(scores);
    lede_graph_free(&g);
    return st;
}
