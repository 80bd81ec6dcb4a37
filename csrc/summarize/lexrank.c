/*
 * lexrank — LexRank (Erkan and Radev 2004): PageRank over the cosine similarities of sentences.
 * Continuous LexRank weighs edges by similarity; the thresholded variant keeps edges above 0.1,
 * unweighted, as the paper's best configuration.
 */
#include "summarize/graph.h"
#include "summarize/methods.h"

#define THRESHOLD 0.1

lede_status lede_rank_lexrank(lede_sset *set, int thresholded)
{
    return lede_rank_by_pagerank(set, LEDE_SIMILARITY_COSINE, thresholded ? THRESHOLD : 0);
}
