/*
 * auto — the default, in two regimes chosen by what the summary must cover.
 *
 * A short summary of one article (at most COVERAGE_SHARE of it) is a lead: a sentence scores for
 * coming early (news leads with the point), for being central in the PacSum sense (later sentences
 * elaborate it) and for sharing the headline's words. On CNN/DailyMail this beats LEAD-3.
 *
 * A summary of several articles, or a long one, must cover the story instead: position within
 * one article says little, and TextRank centrality (what many sentences repeat) leads, with a
 * touch of position and headline. On DUC 2003 this beats every single method here, and on BBC
 * and DUC 2002 it stays near the best.
 *
 * In both, a sentence too short to carry a fact counts half, and bylines, timestamps and credits
 * nothing. Weights were chosen on the development sets (make eval-summ, bench/RESULTS.md): a grid
 * over position decay and centrality weight; a length reward, similarity to the centroid, and
 * penalties for quotations and numbers were tried and left out, as they did not help on data
 * they were not tuned on.
 */
#include <math.h>
#include <stdlib.h>

#include "summarize/methods.h"

#define COVERAGE_SHARE 0.3 /* a summary longer than this share of the text must cover it */

#define LEAD_POSITION 1.0
#define LEAD_CENTRALITY 0.5
#define LEAD_TITLE 0.4
#define COVER_POSITION 0.05
#define COVER_CENTRALITY 1.0
#define COVER_TITLE 0.1
#define SHORT 8            /* fewer words than this: rarely a summary sentence */

/* Rescales the current scores to [0, 1] into out[]. */
static void normalised_scores(const lede_sset *set, double *out)
{
    double lo = set->s[0].score, hi = set->s[0].score;
    for (size_t i = 1; i < set->n; i++) {
        lo = set->s[i].score < lo ? set->s[i].score : lo;
        hi = set->s[i].score > hi ? set->s[i].score : hi;
    }
    for (size_t i = 0; i < set->n; i++)
        out[i] = hi > lo ? (set->s[i].score - lo) / (hi - lo) : 0;
}

lede_status lede_rank_auto(lede_sset *set)
{
    if (set->n == 0)
        return LEDE_OK;
    int cover = set->narticles > 1 || set->share > COVERAGE_SHARE;
    lede_status st = cover ? lede_rank_textrank(set) : lede_rank_pacsum(set);
    double *centrality = malloc(set->n * sizeof *centrality);
    if (st != LEDE_OK || !centrality) {
        free(centrality);
        return st != LEDE_OK ? st : LEDE_ERR_NOMEM;
    }
    normalised_scores(set, centrality);
    for (size_t i = 0; i < set->n; i++) {
        lede_ssent *s = &set->s[i];
        double position = 1.0 / (1.0 + s->position);
        double score = cover ? COVER_POSITION * position + COVER_CENTRALITY * centrality[i] +
                                   COVER_TITLE * s->title
                             : LEAD_POSITION * position + LEAD_CENTRALITY * centrality[i] +
                                   LEAD_TITLE * s->title;
        if (s->words < SHORT)
            score *= 0.5;
        s->score = s->boilerplate ? 0 : score;
    }
    free(centrality);
    return LEDE_OK;
}
