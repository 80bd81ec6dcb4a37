#include "index/analyze.h"

#include <string.h>

#include "article/analyzer.h"
#include "text/normalize.h"

/* One token's terms: its stem, or the stems of its hyphenated parts. */
static lede_status token_terms(lede_analyzer *an, const lede_token *tok, lede_term_sink sink,
                               void *ctx)
{
    const char *lower = tok->lower;
    size_t len = tok->lower_len;
    if (tok->kind != LEDE_TOKEN_WORD || len < 2 || !memchr(lower, '-', len))
        return sink(ctx, tok->stem, tok->stem_len, (tok->flags & LEDE_TOKEN_STOPWORD) != 0);
    for (size_t i = 0; i < len;) {
        const char *dash = memchr(lower + i, '-', len - i);
        size_t part = dash ? (size_t)(dash - (lower + i)) : len - i;
        if (part > 0) {
            const char *stem;
            size_t stem_len;
            int stopword;
            lede_status st = lede_analyzer_lookup(an, lower + i, part, &stem, &stem_len, &stopword);
            if (st == LEDE_OK)
                st = sink(ctx, stem, stem_len, stopword);
            if (st != LEDE_OK)
                return st;
        }
        i += part + 1;
    }
    return LEDE_OK;
}

lede_status lede_index_terms(lede_analyzer *an, const char *text, size_t len, lede_term_sink sink,
                             void *ctx)
{
    lede_article *a;
    lede_status st = lede_article_analyze(an, text, len, &a);
    if (st != LEDE_OK)
        return st;
    size_t n;
    const lede_token *toks = lede_article_tokens(a, &n);
    for (size_t i = 0; st == LEDE_OK && i < n; i++)
        if (toks[i].kind == LEDE_TOKEN_WORD || toks[i].kind == LEDE_TOKEN_NUMBER)
            st = token_terms(an, &toks[i], sink, ctx);
    lede_article_free(a);
    return st;
}

lede_status lede_keyword_form(const char *value, size_t len, lede_vec *out)
{
    out->len = 0;
    lede_status st = lede_normalize(value, len, 0, out);
    if (st != LEDE_OK)
        return st;
    char *s = out->data;
    size_t n = 0;
    int space = 1; /* drops leading blanks */
    for (size_t i = 0; i < out->len; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = 1;
            continue;
        }
        if (space && n > 0)
            s[n++] = ' ';
        space = 0;
        s[n++] = c;
    }
    out->len = n;
    return LEDE_OK;
}
