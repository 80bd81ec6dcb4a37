/* timex_match — what the rules share (words, counts, years, the spelling of values, tense cues)
 * and the matcher that runs them all at one token and keeps the longest expression. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "extract/timex.h"

tx_word *tx_words(const lede_token *tokens, size_t ntokens, const char *text)
{
    tx_word *words = malloc((ntokens ? ntokens : 1) * sizeof *words);
    for (size_t j = 0; words && j < ntokens; j++) {
        const lede_token *t = &tokens[j];
        tx_word *w = &words[j];
        size_t n = t->lower_len;
        if (n >= sizeof w->s) {
            memset(w, 0, sizeof *w);
            continue;
        }
        memcpy(w->s, t->lower, n);
        if (n > 2 && (t->flags & LEDE_TOKEN_POSSESSIVE) && w->s[n - 2] == '\'' && w->s[n - 1] == 's')
            n -= 2;
        else if (n > 1 && (t->flags & LEDE_TOKEN_POSSESSIVE) && w->s[n - 1] == '\'')
            n -= 1;
        if (n > 1 && w->s[n - 1] == '.' && memchr(w->s, '.', n - 1) == NULL)
            n -= 1; /* "Feb." but not "a.m." */
        w->s[n] = '\0';
        w->n = n;
        char first = text[t->span.start];
        w->upper = first >= 'A' && first <= 'Z';
        w->kind = t->kind;
        w->possessive = (t->flags & LEDE_TOKEN_POSSESSIVE) != 0;
        w->may_start = (uint8_t)tx_may_start(w);
    }
    return words;
}

int tx_may_start(const tx_word *w)
{
    /* The words the rules test their first token against by name, rule by rule. */
    static const char *const cues[] = {
        "the", "a", "an", "these",                              /* year, deictic, duration */
        "this", "last", "next", "previous", "current", "coming", /* anchored, quarter, holiday */
        "earlier", "later", "early", "mid", "late", "fiscal",   /* month, year, anchored */
        "its", "their",                                         /* quarter */
        "now", "currently", "nowadays", "recently", "lately",   /* deictic */
        "today", "tonight", "yesterday", "tomorrow",
        "past", "latest", "final", "recent", "few", "several", "many", "couple", "some",
        "noon", "midday", "midnight",                           /* clock */
        "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", /* set */
        "every", "each", "per",
        "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
        "nineties",                                             /* year: "the nineties" */
        NULL,
    };
    const char *s = w->s;
    size_t n = w->n;
    /* numbers in digits ("1998", "10:30", "12/25/1998"); one-token compounds ("mid-November",
     * "five-year", "year-end"); "'80s" */
    if (w->kind == LEDE_TOKEN_NUMBER || memchr(s, '-', n) || (n > 0 && s[0] == '\''))
        return 1;
    /* every word the rules know by name begins with a letter or a digit: punctuation is out */
    if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
        return 0;
    /* decades in digits or as words: "1990s", "80s" */
    if (n > 1 && s[n - 1] == 's' && tx_number_word(s, n - 1) >= 0)
        return 1;
    return tx_is(s, n, cues) || tx_number_word(s, n) >= 0 || tx_ordinal(s, n)
           || tx_month(s, n) || tx_weekday(s, n) || tx_unit_word(s, n, NULL) != TX_NONE
           || tx_season(s, n) || tx_holiday_word(s, n);
}

tx_word tx_word_at(const tx_context *c, size_t i, size_t j)
{
    if (j >= c->ntokens || c->tokens[j].sentence != c->tokens[i].sentence)
        return (tx_word){ .n = 0 };
    return c->words[j];
}

int tx_year_of(const tx_word *w)
{
    if (w->n != 4 || w->kind != LEDE_TOKEN_NUMBER)
        return 0;
    int y = tx_number_word(w->s, w->n);
    return y >= 1000 && y <= 2999 ? y : 0;
}

/* A number in words below a hundred: "six", "ninety-six", "twenty four". */
static size_t number_words(const tx_context *c, size_t i, size_t j, int *value)
{
    tx_word w = tx_word_at(c, i, j);
    int v = w.kind == LEDE_TOKEN_WORD ? tx_number_word(w.s, w.n) : -1;
    if (v < 0)
        return 0;
    if (v >= 20 && v % 10 == 0) {
        tx_word unit = tx_word_at(c, i, j + 1);
        int u = tx_number_word(unit.s, unit.n);
        if (u > 0 && u < 10 && unit.kind == LEDE_TOKEN_WORD) {
            *value = v + u;
            return 2;
        }
    }
    *value = v;
    return 1;
}

/* A count: digits, a number word, "twenty four", "a"/"an"; X for "several", "few", "many". */
int tx_count_at(const tx_context *c, size_t i, size_t j, int *value)
{
    tx_word w = tx_word_at(c, i, j);
    if (TX_IS(w, "couple") && TX_IS(tx_word_at(c, i, j + 1), "of")) {
        *value = 2; /* "the next couple of years": TimeBank counts a couple as two */
        return 2;
    }
    if (TX_IS(w, "a", "an")) {
        tx_word next = tx_word_at(c, i, j + 1);
        if (TX_IS(next, "few", "couple")) {
            *value = TX_IS(next, "couple") ? 2 : -1;
            return TX_IS(tx_word_at(c, i, j + 2), "of") ? 3 : 2;
        }
        if (TX_IS(next, "hundred", "thousand")) { /* "almost a hundred years" */
            *value = TX_IS(next, "hundred") ? 100 : 1000;
            return 2;
        }
        *value = 1;
        return 1;
    }
    if (TX_IS(w, "several", "few", "many", "some", "recent", "coming")) {
        *value = -1;
        return 1;
    }
    if (w.kind == LEDE_TOKEN_WORD)
        return number_words(c, i, j, value);
    int v = tx_number_word(w.s, w.n);
    if (v < 0 || w.n > 3)
        return 0;
    *value = v;
    return 1;
}

/* A year in words: "nineteen ninety-six", "two thousand (and) one". */
size_t tx_spelled_year(const tx_context *c, size_t i, size_t j, int *year)
{
    int hi, lo = 0;
    size_t n = number_words(c, i, j, &hi);
    if (!n)
        return 0;
    tx_word next = tx_word_at(c, i, j + n);
    if (hi == 2 && TX_IS(next, "thousand")) {
        n++;
        size_t and = TX_IS(tx_word_at(c, i, j + n), "and");
        size_t k = number_words(c, i, j + n + and, &lo);
        if (k && lo > 0)
            n += and + k;
        *year = 2000 + (k ? lo : 0);
        int plural; /* "two thousand years" is a count */
        tx_word unit = tx_word_at(c, i, j + n);
        return tx_unit_word(unit.s, unit.n, &plural) == TX_NONE ? n : 0;
    }
    if (hi < 11 || hi > 29)
        return 0;
    size_t k = number_words(c, i, j + n, &lo);
    if (!k || lo < 10)
        return 0; /* "nineteen five" is not how years are said, "twelve hundred" is a count */
    *year = hi * 100 + lo;
    return n + k;
}

/* A year, in digits or words; the number of tokens it takes. */
size_t tx_year_at(const tx_context *c, size_t i, size_t j, int *year)
{
    tx_word w = tx_word_at(c, i, j);
    if ((*year = tx_year_of(&w)) != 0)
        return 1;
    return tx_spelled_year(c, i, j, year);
}

void tx_set_duration(tx_match *m, int count, tx_unit unit)
{
    static const char *const codes[] = {
        [TX_SECOND] = "S", [TX_MINUTE] = "M", [TX_HOUR] = "H", [TX_DAY] = "D",
        [TX_WEEKEND] = "WE", [TX_WEEK] = "W", [TX_MONTH] = "M", [TX_QUARTER] = "Q",
        [TX_HALF] = "H", [TX_YEAR] = "Y", [TX_DECADE] = "DE", [TX_CENTURY] = "CE",
    };
    const char *t = unit <= TX_HOUR ? "T" : "";
    if (count < 0)
        snprintf(m->value, sizeof m->value, "P%sX%s", t, codes[unit]);
    else
        snprintf(m->value, sizeof m->value, "P%s%d%s", t, count, codes[unit]);
    m->type = LEDE_TIMEX_DURATION;
}

/* The period `offset` units from the reference, or its unresolved form. */
void tx_set_relative(const tx_context *c, tx_match *m, tx_unit unit, int offset)
{
    m->type = LEDE_TIMEX_DATE;
    m->used_ref = 1;
    if (c->has_ref)
        tx_format_period(m->value, sizeof m->value, c->ref, unit, offset);
    else {
        tx_format_unresolved(m->value, sizeof m->value, unit);
        m->flags |= LEDE_TIMEX_UNRESOLVED;
    }
}

static void set_day(tx_match *m, int64_t days)
{
    tx_format_period(m->value, sizeof m->value, days, TX_DAY, 0);
    m->type = LEDE_TIMEX_DATE;
}

/* Quarter q of the year: the latest one begun by the reference date ("the fourth quarter" said
 * in February is last year's). */
void tx_set_quarter(const tx_context *c, tx_match *m, int q)
{
    int ry, rm, rd;
    tx_set_relative(c, m, TX_YEAR, 0);
    if (m->flags & LEDE_TIMEX_UNRESOLVED) {
        snprintf(m->value, sizeof m->value, "XXXX-Q%d", q);
        return;
    }
    tx_civil(c->ref, &ry, &rm, &rd);
    snprintf(m->value, sizeof m->value, "%04d-Q%d", q > (rm - 1) / 3 + 1 ? ry - 1 : ry, q);
}

/* Season `code` ("SP".."WI") in the latest year where it has begun by the reference: "this
 * past spring" or "the summer" said in October is this year's, said in February last year's. */
void tx_set_season_latest(const tx_context *c, tx_match *m, const char *code)
{
    static const char *const order[] = { "SP", "SU", "FA", "WI" };
    int ry = 0, rm = 1, rd, start = 3;
    if (c->has_ref)
        tx_civil(c->ref, &ry, &rm, &rd);
    for (int k = 0; k < 4; k++)
        if (strcmp(order[k], code) == 0)
            start = 3 * k + 3; /* March, June, September, December */
    tx_set_relative(c, m, TX_YEAR, start <= rm ? 0 : -1);
    size_t n = strlen(m->value);
    snprintf(m->value + n, sizeof m->value - n, "-%s", code);
}

/* Appends a part of day or a clock time to a date value: "2020-02-13TMO". */
void tx_add_time(tx_match *m, const char *suffix)
{
    size_t n = strlen(m->value);
    snprintf(m->value + n, sizeof m->value - n, "T%s", suffix);
    m->type = LEDE_TIMEX_TIME;
}

/* Weekday `wd` (1..7) near the reference: dir < 0 on or before, > 0 on or after; strict skips
 * the reference day itself ("last Friday" said on a Friday is a week back). */
void tx_set_weekday(const tx_context *c, tx_match *m, int wd, int dir, int strict)
{
    if (!c->has_ref) {
        snprintf(m->value, sizeof m->value, "XXXX-XX-XX");
        m->flags |= LEDE_TIMEX_UNRESOLVED;
        m->used_ref = 1;
        m->type = LEDE_TIMEX_DATE;
        return;
    }
    int r = tx_weekday_of(c->ref);
    int diff = dir < 0 ? (r - wd + 7) % 7 : (wd - r + 7) % 7;
    if (strict && diff == 0)
        diff = 7;
    set_day(m, c->ref + (dir < 0 ? -diff : diff));
    m->used_ref = 1;
}

int tx_nearest_of(const tx_context *c, size_t i, size_t end, const int64_t days[3])
{
    /* news mostly reports what has happened: a later date counts as three times as far, unless
     * the sentence speaks of the future somewhere. A deadline ("by December 31", "effective Feb.
     * 1") or a date the clause puts ahead ("will remain in force to December 31", "is expected to
     * vote on March 10") turns it round: an earlier date counts as three times as far, so that
     * December 31 said of a plan in June is the coming one, but "by Jan. 14" said on Jan. 15 is
     * still the day before. */
    int64_t ahead = 3, behind = 1;
    if (tx_deadline_before(c, i) || tx_future_near(c, i, end))
        ahead = 1, behind = 3;
    else if (tx_future_sentence(c, i))
        ahead = 1;
    int64_t best_gap = INT64_MAX;
    int best = 1;
    for (int k = 0; k < 3; k++) {
        int64_t gap = days[k] - c->ref;
        gap = gap < 0 ? -gap * behind : gap * ahead;
        if (gap < best_gap)
            best_gap = gap, best = k;
    }
    return best;
}

/* Month `month` (day `day`, 0 for none) in the year that puts it nearest the reference. */
void tx_set_month_near(const tx_context *c, size_t i, size_t end, tx_match *m, int month,
                       int day)
{
    m->type = LEDE_TIMEX_DATE;
    m->used_ref = 1;
    if (!c->has_ref) {
        if (day)
            snprintf(m->value, sizeof m->value, "XXXX-%02d-%02d", month, day);
        else
            snprintf(m->value, sizeof m->value, "XXXX-%02d", month);
        m->flags |= LEDE_TIMEX_UNRESOLVED;
        return;
    }
    int ry, rm, rd;
    tx_civil(c->ref, &ry, &rm, &rd);
    int64_t days[3];
    for (int k = 0; k < 3; k++)
        days[k] = tx_days(ry - 1 + k, month, day ? day : 15);
    int best = ry - 1 + tx_nearest_of(c, i, end, days);
    if (day)
        snprintf(m->value, sizeof m->value, "%04d-%02d-%02d", best, month, day);
    else
        snprintf(m->value, sizeof m->value, "%04d-%02d", best, month);
}

/* Token j as a word, past a leading "the" (said by the result). */
int tx_skip_the(const tx_context *c, size_t i, size_t *j, tx_word *w)
{
    *w = tx_word_at(c, i, *j);
    if (!TX_IS(*w, "the"))
        return 0;
    *w = tx_word_at(c, i, ++*j);
    return 1;
}

/* The rules run in this order; absolute ones are in timex_absolute.c, relative ones in
 * timex_relative.c, holidays in timex_holiday.c. */
void tx_match_at(const tx_context *c, size_t i, tx_match *m)
{
    typedef size_t (*rule)(const tx_context *, size_t, tx_match *);
    static const rule rules[] = {
        tx_try_numeric, tx_try_month,    tx_try_year,     tx_try_deictic,  tx_try_anchored,
        tx_try_duration, tx_try_clock,  tx_try_weekday,  tx_try_set,      tx_try_year_ago,
        tx_try_quarter,  tx_try_season, tx_try_year_end, tx_try_holiday,
    };
    memset(m, 0, sizeof *m);
    if (!c->words[i].may_start) /* most tokens: no rule would match */
        return;
    for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
        tx_match candidate;
        memset(&candidate, 0, sizeof candidate);
        size_t n = rules[r](c, i, &candidate);
        if (n > m->ntokens) { /* the longest wins; on ties the earlier rule */
            *m = candidate;
            m->ntokens = n;
            m->first = i;
        }
    }
}
