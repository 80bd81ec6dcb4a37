/*
 * summarize — the entry point: build the sentence set, rank with the chosen method, fold in a
 * query's relevance when the summary is focused, then select under the budget.
 */
#include <stdlib.h>

#include "summarize/methods.h"
#include "summarize/select.h"
#include "summarize/sentences.h"

/* A focused summary ranks by relevance to the query first and by the method's score second. */
#define FOCUS_WEIGHT 0.7
#define IRRELEVANT 0.1 /* what a sentence without any query word keeps of its score */

/* The share of the text the budget allows: what `auto` chooses its regime by. */
static double budget_share(const lede_sset *set, const lede_summary_options *o)
{
    double words = 0, bytes = 0;
    for (size_t i = 0; i < set->n; i++) {
        words += set->s[i].length;
        bytes += set->s[i].span.end - set->s[i].span.start + 1;
    }
    switch (o->unit) {
    case LEDE_BUDGET_SENTENCES: return set->n ? o->amount / (double)set->n : 1;
    case LEDE_BUDGET_WORDS: return words > 0 ? o->amount / words : 1;
    case LEDE_BUDGET_BYTES: return bytes > 0 ? o->amount / bytes : 1;
    default: return o->amount;
    }
}

static lede_status rank(lede_sset *set, lede_summary_method method)
{
    switch (method) {
    case LEDE_SUMMARY_LEAD: return lede_rank_lead(set);
    case LEDE_SUMMARY_LUHN: return lede_rank_luhn(set);
    case LEDE_SUMMARY_LEXRANK: return lede_rank_lexrank(set, 0);
    case LEDE_SUMMARY_LEXRANK_THRESHOLD: return lede_rank_lexrank(set, 1);
    case LEDE_SUMMARY_TEXTRANK: return lede_rank_textrank(set);
    case LEDE_SUMMARY_CENTROID: return lede_rank_centroid(set);
    case LEDE_SUMMARY_PACSUM: return lede_rank_pacsum(set);
    case LEDE_SUMMARY_AUTO: return lede_rank_auto(set);
    default: return LEDE_ERR_INVALID;
    }
}

static lede_status focus(lede_sset *set, lede_analyzer *analyzer, const char *query, size_t len)
{
    lede_vec q;
    lede_vec_init(&q, sizeof(lede_term_weight));
    double norm;
    lede_status st = lede_sset_vector_of(set, analyzer, query, len, &q, &norm);
    if (st == LEDE_OK && set->n > 0) {
        double lo = set->s[0].score, hi = set->s[0].score;
        for (size_t i = 1; i < set->n; i++) {
            lo = set->s[i].score < lo ? set->s[i].score : lo;
            hi = set->s[i].score > hi ? set->s[i].score : hi;
        }
        for (size_t i = 0; i < set->n; i++) {
            double base = hi > lo ? (set->s[i].score - lo) / (hi - lo) : 1;
            double relevance = lede_sset_cosine_with(set, i, q.data, q.len, norm);
            double score = (1 - FOCUS_WEIGHT) * base + FOCUS_WEIGHT * relevance;
            set->s[i].score = relevance > 0 ? score : IRRELEVANT * score;
        }
    }
    lede_vec_free(&q);
    return st;
}

lede_status lede_summarize(lede_analyzer *analyzer, const lede_summary_input *inputs, size_t n,
                           const lede_summary_options *options, lede_summary_sentence **out,
                           size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!analyzer || (!inputs && n > 0) || !options || options->amount < 0 ||
        options->method >= LEDE_SUMMARY_METHOD_COUNT ||
        (options->unit == LEDE_BUDGET_RATIO && options->amount > 1))
        return LEDE_ERR_INVALID;
    lede_sset set;
    lede_status st = lede_sset_build(analyzer, inputs, n, &set);
    if (st == LEDE_OK) {
        set.share = budget_share(&set, options);
        st = rank(&set, options->method);
    }
    if (st == LEDE_OK && options->query && options->query_len > 0)
        st = focus(&set, analyzer, options->query, options->query_len);
    lede_choice *choices = NULL;
    size_t nc = 0;
    if (st == LEDE_OK)
        st = lede_select(&set, inputs, options, &choices, &nc);
    lede_summary_sentence *result = st == LEDE_OK ? malloc((nc ? nc : 1) * sizeof *result) : NULL;
    if (st == LEDE_OK && !result)
        st = LEDE_ERR_NOMEM;
    for (size_t k = 0; st == LEDE_OK && k < nc; k++) {
        const lede_ssent *s = &set.s[choices[k].sentence];
        result[k].article = s->article;
        result[k].sentence = s->sentence;
        result[k].span = choices[k].span;
        result[k].score = s->score;
    }
    free(choices);
    lede_sset_free(&set);
    if (st != LEDE_OK) {
        free(result);
        return st;
    }
    *out = result;
    *count = nc;
    return LEDE_OK;
}
