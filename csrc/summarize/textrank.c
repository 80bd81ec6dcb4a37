/* textrank — TextRank (Mihalcea and Tarau 2004): PageRank over word-overlap similarity. */
#include "summarize/graph.h"
#include "summarize/methods.h"

lede_status lede_rank_textrank(lede_sset *set)
{
    return lede_rank_by_pagerank(set, LEDE_SIMILARITY_OVERLAP, 0);
}
