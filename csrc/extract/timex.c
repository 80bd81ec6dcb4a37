/* timex — lede_timexes: the article's temporal expressions, resolved against a reference date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract/timex.h"
#include "util/vec.h"

struct lede_timex_list {
    lede_vec items; /* lede_timex */
};

/* One left-to-right pass: the longest expression at each token, then on after it. */
static lede_status scan(const tx_context *c, lede_vec *out, int *used_ref)
{
    *used_ref = 0;
    for (size_t i = 0; i < c->ntokens;) {
        tx_match m;
        tx_match_at(c, i, &m);
        if (!m.ntokens) {
            i++;
            continue;
        }
        lede_timex *t = lede_vec_push(out);
        if (!t)
            return LEDE_ERR_NOMEM;
        t->span.start = c->tokens[m.first].span.start;
        t->span.end = c->tokens[i + m.ntokens - 1].span.end;
        t->type = m.type;
        t->flags = m.flags | (m.used_ref && c->fallback ? LEDE_TIMEX_FALLBACK : 0);
        memcpy(t->value, m.value, sizeof t->value);
        t->value[sizeof t->value - 1] = '\0';
        *used_ref |= m.used_ref;
        i += m.ntokens;
    }
    return LEDE_OK;
}

/* Is the span the whole of its sentence but for punctuation, a date line of its own? */
static int own_line(const lede_article *a, lede_span span)
{
    size_t ns;
    const lede_sentence *s = lede_article_sentences(a, &ns);
    for (size_t k = 0; k < ns; k++)
        if (span.start >= s[k].span.start && span.start < s[k].span.end)
            return span.start == s[k].span.start && s[k].span.end - span.end <= 1;
    return 0;
}

/* A full date written in the text to stand in for a missing reference: the first one when it is
 * in the dateline or on a line of its own ("Friday, July 21, 2017"), else the latest. Only
 * expressions that did not need a reference count. */
static int fallback_reference(const lede_article *a, const lede_vec *found, int64_t *days)
{
    lede_span dateline;
    int has_dateline = lede_article_dateline(a, &dateline);
    int found_one = 0;
    for (size_t k = 0; k < found->len; k++) {
        const lede_timex *t = &LEDE_VEC_AT(found, lede_timex, k);
        int y, mo, d;
        char tail;
        if (t->type != LEDE_TIMEX_DATE || (t->flags & LEDE_TIMEX_UNRESOLVED)
            || sscanf(t->value, "%4d-%2d-%2d%c", &y, &mo, &d, &tail) != 3 || !tx_valid_day(y, mo, d))
            continue;
        int64_t v = tx_days(y, mo, d);
        if (!found_one && ((has_dateline && t->span.start <= dateline.end) || own_line(a, t->span))) {
            *days = v;
            return 1;
        }
        if (!found_one || v > *days)
            *days = v;
        found_one = 1;
    }
    return found_one;
}

/* Does the text speak of quarters more than once ("third-quarter profit", "the quarter")? */
static int quarterly(const lede_token *tokens, size_t n)
{
    size_t seen = 0;
    for (size_t i = 0; i < n && seen < 2; i++) {
        const lede_token *t = &tokens[i];
        seen += t->lower_len >= 7 && memcmp(t->lower + t->lower_len - 7, "quarter", 7) == 0;
    }
    return seen >= 2;
}

lede_status lede_timexes(const lede_article *article, const char *text, size_t len,
                         const lede_date *reference, lede_timex_list **out)
{
    *out = NULL;
    if (!article || (!text && len > 0))
        return LEDE_ERR_INVALID;
    lede_timex_list *list = calloc(1, sizeof *list);
    if (!list)
        return LEDE_ERR_NOMEM;
    lede_vec_init(&list->items, sizeof(lede_timex));
    tx_context c = { .text = text };
    c.tokens = lede_article_tokens(article, &c.ntokens);
    /* tokens of another text would index past this one */
    if (c.ntokens && c.tokens[c.ntokens - 1].span.end > len) {
        lede_timex_list_free(list);
        return LEDE_ERR_INVALID;
    }
    tx_word *words = tx_words(c.tokens, c.ntokens, text);
    if (!words) {
        lede_timex_list_free(list);
        return LEDE_ERR_NOMEM;
    }
    c.words = words;
    c.quarterly = quarterly(c.tokens, c.ntokens);
    if (reference) {
        c.has_ref = 1;
        /* the calendar day as written: the article's own day, whatever its zone */
        c.ref = tx_days(reference->year, reference->month, reference->day);
    }
    int used_ref;
    lede_status st = scan(&c, &list->items, &used_ref);
    int64_t days;
    if (st == LEDE_OK && !reference && used_ref && fallback_reference(article, &list->items, &days)) {
        list->items.len = 0;
        c.has_ref = 1;
        c.ref = days;
        c.fallback = 1;
        st = scan(&c, &list->items, &used_ref);
    }
    free(words);
    if (st != LEDE_OK) {
        lede_timex_list_free(list);
        return st;
    }
    *out = list;
    return LEDE_OK;
}

size_t lede_timex_list_count(const lede_timex_list *list)
{
    return list ? list->items.len : 0;
}

const lede_timex *lede_timex_list_at(const lede_timex_list *list, size_t i)
{
    return list && i < list->items.len ? &LEDE_VEC_AT(&list->items, lede_timex, i) : NULL;
}

void lede_timex_list_free(lede_timex_list *list)
{
    if (!list)
        return;
    lede_vec_free(&list->items);
    free(list);
}
