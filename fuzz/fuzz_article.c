/*
 * libFuzzer target: any bytes are an article. Analysis must never crash, leak or read out of
 * bounds, and every span it returns must lie inside the input and in order.
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
    lede_article_free(a);
    return 0;
}
