/*
 * libFuzzer target: any bytes are an article. Analysis and the extractors (quotations, dates,
 * quantities) must never crash, leak or read out of bounds, and every span analysis returns must
 * lie inside the input and in order.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lede.h"

#define check(condition)                                                                   \
    do {                                                                                   \
        if (!(condition)) {                                                                \
            fprintf(stderr, "fuzz_article: %s:%d: %s\n", __FILE__, __LINE__, #condition); \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Runs the extractors; their results must lie inside the text. */
static void extract(const lede_article *a, const char *text, size_t size)
{
    lede_quote_list *quotes;
    if (lede_quotes(a, text, size, &quotes) == LEDE_OK) {
        for (size_t i = 0; i < lede_quote_list_count(quotes); i++)
            check(lede_quote_list_at(quotes, i)->span.end <= size);
        lede_quote_list_free(quotes);
    }
    lede_date reference;
    lede_date_parse("2020-02-13", 10, &reference);
    lede_timex_list *dates;
    if (lede_timexes(a, text, size, &reference, &dates) == LEDE_OK) {
        for (size_t i = 0; i < lede_timex_list_count(dates); i++)
            check(lede_timex_list_at(dates, i)->span.end <= size);
        lede_timex_list_free(dates);
    }
    lede_quantity_list *quantities;
    if (lede_quantities(a, text, size, &quantities) == LEDE_OK) {
        for (size_t i = 0; i < lede_quantity_list_count(quantities); i++)
            check(lede_quantity_list_at(quantities, i)->span.end <= size);
        lede_quantity_list_free(quantities);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lede_analyzer *analyzer; /* reused across inputs, as the Lua binding reuses one */
    if (!analyzer && lede_analyzer_new(&analyzer) != LEDE_OK)
        abort();
    lede_article *a;
    if (lede_article_analyze(analyzer, (const char *)data, size, &a) != LEDE_OK)
        return 0;
    size_t nt, ns, np, nterms;
    const lede_token *t = lede_article_tokens(a, &nt);
    const lede_sentence *s = lede_article_sentences(a, &ns);
    const lede_paragraph *p = lede_article_paragraphs(a, &np);
    uint32_t previous_end = 0;
    for (size_t i = 0; i < nt; i++) {
        check(t[i].span.start < t[i].span.end && t[i].span.end <= size);
        check(t[i].span.start >= previous_end);
        check(t[i].sentence < ns);
        previous_end = t[i].span.end;
    }
    size_t covered = 0;
    for (size_t i = 0; i < ns; i++) {
        check(s[i].span.start < s[i].span.end && s[i].span.end <= size);
        check(s[i].paragraph < np);
        check(s[i].first_token == covered);
        covered += s[i].token_count;
    }
    check(covered == nt);
    for (size_t i = 0; i < np; i++)
        check(p[i].span.start < p[i].span.end && p[i].span.end <= size);
    const lede_term *terms;
    check(lede_article_terms(a, &terms, &nterms) == LEDE_OK);
    lede_span dateline;
    if (lede_article_dateline(a, &dateline))
        check(dateline.end <= size);
    extract(a, (const char *)data, size);
    lede_article_free(a);
    return 0;
}
