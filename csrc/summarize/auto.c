/*
 * auto — the default: what news summaries are made of, combined. A sentence scores for coming
 * early (news leads with the point), for being central in the PacSum sense (later sentences
 * elaborate it), for sharing the headline's words, and for being long enough to carry a fact;
 * bylines, timestamps and credits score nothing. The weights were chosen on the CNN/DailyMail
 * development set (make eval-summ), see bench/RESULTS.md.
 */
#include <math.h>
#include <stdlib.h>

#include "summarize/methods.h"

#define W_POSITION 1.0
#define W_CENTRALITY 0.35
#define W_TITLE 0.4
#define W_LENGTH 0.35
#define POSITION_DECAY 0.8  /* position feature: 1 / (1 + position)^decay */
#define FULL_LENGTH 25.0    /* words at which the length feature saturates */
#define SHORT 8             /* fewer words than this: rarely a summary sentence */

lede_status lede_rank_auto(lede_sset *set)
{
    lede_status st = lede_rank_pacsum(set);
    if (st != LEDE_OK || set->n == 0)
        return st;
    double lo = set->s[0].score, hi = set->s[0].score;
    for (size_t i = 1; i < set->n; i++) {
        if (set->s[i].score < lo)
            lo = set->s[i].score;
        if (set->s[i].score > hi)
            hi = set->s[i].score;
    }
    for (size_t i = 0; i < set->n; i++) {
        lede_ssent *s = &set->s[i];
        double centrality = hi > lo ? (s->score - lo) / (hi - lo) : 0;
        double position = 1.0 / pow(1.0 + s->position, POSITION_DECAY);
        double length = s->words >= FULL_LENGTH ? 1.0 : s->words / FULL_LENGTH;
        double score = W_POSITION * position + W_CENTRALITY * centrality + W_TITLE * s->title +
                       W_LENGTH * length;
        if (s->words < SHORT)
            score *= 0.5;
        s->score = s->boilerplate ? 0 : score;
    }
    return LEDE_OK;
}
