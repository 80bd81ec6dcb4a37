/* lead — the opening sentences, the baseline news summaries are measured against. */
#include "summarize/methods.h"

lede_status lede_rank_lead(lede_sset *set)
{
    for (size_t i = 0; i < set->n; i++)
        set->s[i].score = 1.0 / (1.0 + set->s[i].position);
    return LEDE_OK;
}
