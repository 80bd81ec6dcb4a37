/*
 * auto — the default: what news summaries are made of, combined. A sentence scores for coming
 * early (news leads with the point), for being central in the PacSum sense (later sentences
 * elaborate it) and for sharing the headline's words; a sentence too short to carry a fact counts
 * half, and bylines, timestamps and credits nothing.
 *
 * Weights chosen on the CNN/DailyMail development set (bench/RESULTS.md): the position decay and
 * the centrality weight were searched over a grid; a length reward, similarity to the centroid,
 * and penalties for quotations and numbers were tried and left out, as they did not help on the
 * half of the set they were not tuned on.
 */
#include <math.h>

#include "summarize/methods.h"

#define W_POSITION 1.0
#define W_CENTRALITY 0.5
#define W_TITLE 0.4
#define POSITION_DECAY 1.0 /* position feature: 1 / (1 + position)^decay */
#define SHORT 8            /* fewer words than this: rarely a summary sentence */

lede_status lede_rank_auto(lede_sset *set)
{
    lede_status st = lede_rank_pacsum(set);
    if (st != LEDE_OK || set->n == 0)
        return st;
    double lo = set->s[0].score, hi = set->s[0].score;
    for (size_t i = 1; i < set->n; i++) {
        lo = set->s[i].score < lo ? set->s[i].score : lo;
        hi = set->s[i].score > hi ? set->s[i].score : hi;
    }
    for (size_t i = 0; i < set->n; i++) {
        lede_ssent *s = &set->s[i];
        double centrality = hi > lo ? (s->score - lo) / (hi - lo) : 0;
        double position = 1.0 / pow(1.0 + s->position, POSITION_DECAY);
        double score = W_POSITION * position + W_CENTRALITY * centrality + W_TITLE * s->title;
        if (s->words < SHORT)
            score *= 0.5;
        s->score = s->boilerplate ? 0 : score;
    }
    return LEDE_OK;
}
