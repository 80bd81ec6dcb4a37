/*
 * graph — sentence similarity graphs and PageRank over them, for LexRank, TextRank and PacSum.
 * Graphs are dense, so they take at most LEDE_GRAPH_MAX sentences (the first ones, where news
 * puts what matters); later sentences are left out of graph scores.
 */
#ifndef LEDE_SUMMARIZE_GRAPH_H
#define LEDE_SUMMARIZE_GRAPH_H

#include <stddef.h>
#include "lede.h"
#include "summarize/sentences.h"

#define LEDE_GRAPH_MAX 800

typedef struct lede_graph {
    size_t m;
    float *w; /* m × m similarities, 0 on the diagonal */
} lede_graph;

typedef enum lede_similarity {
    LEDE_SIMILARITY_COSINE,  /* of TF-ISF vectors */
    LEDE_SIMILARITY_OVERLAP  /* TextRank: shared words / (log |a| + log |b|) */
} lede_similarity;

lede_status lede_graph_build(const lede_sset *set, lede_similarity kind, lede_graph *g);
void lede_graph_free(lede_graph *g);

/* PageRank with the given damping over the graph's weights (rows normalised); scores[m]. */
lede_status lede_pagerank(const lede_graph *g, double damping, double *scores);

/* Scores every sentence of the set by PageRank (damping 0.85) over a graph of the given
 * similarity; with `threshold` > 0, edges are 1 above it and 0 below (unweighted). Sentences past
 * the graph's size score 0. */
lede_status lede_rank_by_pagerank(lede_sset *set, lede_similarity kind, double threshold);

#endif
