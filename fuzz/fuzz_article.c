/*
 * libFuzzer target: any bytes are an article. Analysis and the extractors (quotations, dates,
 * quantities, entity grouping) must never crash, leak or read out of bounds, and every span
 * analysis returns must lie inside the input and in order.
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

/* Groups mentions made of every run of capitalised words (types in turn, as no model is
 * loaded here) with a small gazetteer; every mention must belong to an entity. */
static void entities(const lede_article *a, const char *text, size_t size)
{
    static lede_gazetteer *g;
    static const char places[] = "United States|U.S.|US; American\nIraq; Iraqi\n";
    static const char orgs[] = "North Atlantic Treaty Organization|NATO\n";
    static const char titles[] = "Mr.\nGen.\n";
    if (!g) {
        lede_status st = lede_gazetteer_new(&g);
        if (st == LEDE_OK)
            st = lede_gazetteer_add(g, LEDE_GAZETTEER_PLACES, places, sizeof places - 1);
        if (st == LEDE_OK)
            st = lede_gazetteer_add(g, LEDE_GAZETTEER_ORGANIZATIONS, orgs, sizeof orgs - 1);
        if (st == LEDE_OK)
            st = lede_gazetteer_add(g, LEDE_GAZETTEER_TITLES, titles, sizeof titles - 1);
        check(st == LEDE_OK);
    }
    size_t nt, n = 0;
    const lede_token *t = lede_article_tokens(a, &nt);
    lede_mention *m = malloc((nt ? nt : 1) * sizeof *m);
    if (!m)
        return;
    for (size_t i = 0; i < nt; i++) {
        int capital = t[i].kind == LEDE_TOKEN_WORD && text[t[i].span.start] >= 'A' &&
                      text[t[i].span.start] <= 'Z';
        if (capital && n && m[n - 1].first_token + m[n - 1].token_count == i) {
            m[n - 1].token_count++;
            m[n - 1].span.end = t[i].span.end;
        } else if (capital) {
            m[n] = (lede_mention){ t[i].span, (uint32_t)i, 1, (lede_entity_type)(n % 4) };
            n++;
        }
    }
    lede_entity_list *list;
    if (lede_entities(g, a, text, size, m, n, &list) == LEDE_OK) {
        size_t count, total = 0;
        const uint32_t *entity_of;
        const lede_mention *all = lede_entity_list_mentions(list, &count, &entity_of);
        for (size_t i = 0; i < count; i++)
            check(all[i].span.end <= size && entity_of[i] < lede_entity_list_count(list));
        for (size_t i = 0; i < lede_entity_list_count(list); i++)
            total += lede_entity_list_at(list, i)->count;
        check(total == count && count >= n);
        lede_entity_list_free(list);
    }
    free(m);
}

/* Runs the extractors; their results must lie inside the text. */
static void extract(const lede_article *a, const char *text, size_t size)
{
    entities(a, text, size);
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
