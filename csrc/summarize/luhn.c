/*
 * luhn — Luhn's significant-word clusters (1958). A word is significant when it is among the most
 * frequent content words; a sentence scores the best of its clusters, runs of significant words
 * at most GAP insignificant words apart, as (significant words)² / (cluster length).
 */
#include <stdlib.h>

#include "summarize/methods.h"

enum { GAP = 4, MIN_FREQUENCY = 2 };
#define SIGNIFICANT_SHARE 0.1 /* the most frequent tenth of the vocabulary */

static int descending(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? 1 : a > b ? -1 : 0;
}

lede_status lede_rank_luhn(lede_sset *set)
{
    size_t nv = set->frequency.len;
    uint32_t *sorted = malloc((nv ? nv : 1) * sizeof *sorted);
    if (!sorted)
        return LEDE_ERR_NOMEM;
    for (size_t t = 0; t < nv; t++)
        sorted[t] = LEDE_VEC_AT(&set->frequency, uint32_t, t);
    qsort(sorted, nv, sizeof *sorted, descending);
    size_t top = (size_t)((double)nv * SIGNIFICANT_SHARE);
    uint32_t cutoff = nv ? sorted[top < nv ? top : nv - 1] : 0;
    if (cutoff < MIN_FREQUENCY)
        cutoff = MIN_FREQUENCY;
    free(sorted);
    const uint32_t *seq = set->sequence.data;
    for (size_t i = 0; i < set->n; i++) {
        lede_ssent *s = &set->s[i];
        double best = 0;
        size_t start = 0, last = 0, count = 0;
        for (size_t k = 0; k < s->seq_len; k++) {
            uint32_t t = seq[s->seq_first + k];
            if (t == LEDE_NO_TERM || LEDE_VEC_AT(&set->frequency, uint32_t, t) < cutoff)
                continue;
            if (count == 0 || k - last > GAP + 1) {
                start = k;
                count = 0;
            }
            count++;
            last = k;
            double value = (double)(count * count) / (double)(k - start + 1);
            if (value > best)
                best = value;
        }
        s->score = best;
    }
    return LEDE_OK;
}
