/* textrank — TextRank (Mihalcea and Tarau 2004): PageRank over word-overlap similarity. */
#include <stdlib.h>

#include "summarize/graph.h"
#include "summarize/methods.h"

#define DAMPING 0.85

lede_status lede_rank_textrank(lede_sset *set)
{
    lede_graph g;
    lede_status st = lede_graph_build(set, LEDE_SIMILARITY_OVERLAP, &g);
    if (st != LEDE_OK)
        return st;
    double *scores = malloc((g.m ? g.m : 1) * sizeof *scores);
    st = scores ? lede_pagerank(&g, DAMPING, scores) : LEDE_ERR_NOMEM;
    for (size_t i = 0; st == LEDE_OK && i < set->n; i++)
        set->s[i].score = i < g.m ? scores[i] : 0;
    free(scores);
    lede_graph_free(&g);
    return st;
}
