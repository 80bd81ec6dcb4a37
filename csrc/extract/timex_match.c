/* timex_match — the rules: at one token, the longest date, time, duration or set expression. */
#include <stdio.h>
#include <string.h>
#include "extract/timex.h"

/* A token's lower-case form without a final period or possessive, to look words up. */
typedef struct tx_word {
    char s[32];
    size_t n;
    int upper; /* the original starts with a capital letter */
    uint8_t kind;
} tx_word;

/* Token j as a word, empty when it is past the end or outside the sentence of token i. */
static tx_word word(const tx_context *c, size_t i, size_t j)
{
    tx_word w = { .n = 0 };
    if (j >= c->ntokens || c->tokens[j].sentence != c->tokens[i].sentence)
        return w;
    const lede_token *t = &c->tokens[j];
    size_t n = t->lower_len;
    if (n >= sizeof w.s)
        return w;
    memcpy(w.s, t->lower, n);
    if (n > 2 && (t->flags & LEDE_TOKEN_POSSESSIVE) && w.s[n - 2] == '\'' && w.s[n - 1] == 's')
        n -= 2;
    else if (n > 1 && (t->flags & LEDE_TOKEN_POSSESSIVE) && w.s[n - 1] == '\'')
        n -= 1;
    if (n > 1 && w.s[n - 1] == '.' && memchr(w.s, '.', n - 1) == NULL)
        n -= 1; /* "Feb." but not "a.m." */
    w.s[n] = '\0';
    w.n = n;
    char first = c->text[t->span.start];
    w.upper = first >= 'A' && first <= 'Z';
    w.kind = t->kind;
    return w;
}

#define IS(w, ...) tx_is((w).s, (w).n, (const char *const[]){ __VA_ARGS__, NULL })

static int year_of(const tx_word *w)
{
    if (w->n != 4 || w->kind != LEDE_TOKEN_NUMBER)
        return 0;
    int y = tx_number_word(w->s, w->n);
    return y >= 1000 && y <= 2999 ? y : 0;
}

/* A day of the month: "13", "13th", "thirteenth". */
static int day_of(const tx_word *w)
{
    int d = w->kind == LEDE_TOKEN_NUMBER && w->n <= 2 ? tx_number_word(w->s, w->n)
                                                      : tx_ordinal(w->s, w->n);
    return d >= 1 && d <= 31 ? d : 0;
}

/* A count: digits, a number word, "twenty four", "a"/"an"; X for "several", "few", "many". */
static int count_at(const tx_context *c, size_t i, size_t j, int *value)
{
    tx_word w = word(c, i, j);
    if (IS(w, "a", "an")) {
        tx_word next = word(c, i, j + 1);
        if (IS(next, "few", "couple")) {
            *value = -1;
            return IS(word(c, i, j + 2), "of") ? 3 : 2;
        }
        *value = 1;
        return 1;
    }
    if (IS(w, "several", "few", "many", "some", "recent", "coming")) {
        *value = -1;
        return 1;
    }
    int v = tx_number_word(w.s, w.n);
    if (v < 0 || (w.kind == LEDE_TOKEN_NUMBER && w.n > 3))
        return 0;
    if (v >= 20 && v % 10 == 0 && w.kind == LEDE_TOKEN_WORD) {
        tx_word unit = word(c, i, j + 1);
        int u = tx_number_word(unit.s, unit.n);
        if (u > 0 && u < 10 && unit.kind == LEDE_TOKEN_WORD) {
            *value = v + u;
            return 2;
        }
    }
    *value = v;
    return 1;
}

static void set_duration(tx_match *m, int count, tx_unit unit)
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
static void set_relative(const tx_context *c, tx_match *m, tx_unit unit, int offset)
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
static void set_quarter(const tx_context *c, tx_match *m, int q)
{
    int ry, rm, rd;
    set_relative(c, m, TX_YEAR, 0);
    if (m->flags & LEDE_TIMEX_UNRESOLVED) {
        snprintf(m->value, sizeof m->value, "XXXX-Q%d", q);
        return;
    }
    tx_civil(c->ref, &ry, &rm, &rd);
    snprintf(m->value, sizeof m->value, "%04d-Q%d", q > (rm - 1) / 3 + 1 ? ry - 1 : ry, q);
}

/* Appends a part of day or a clock time to a date value: "2020-02-13TMO". */
static void add_time(tx_match *m, const char *suffix)
{
    size_t n = strlen(m->value);
    snprintf(m->value + n, sizeof m->value - n, "T%s", suffix);
    m->type = LEDE_TIMEX_TIME;
}

/* Is w one of `words`, or does it end with `suffix` ("he'll")? */
static int is_cue(const tx_word *w, const char *const *words, const char *suffix)
{
    size_t sn = suffix ? strlen(suffix) : 0;
    return tx_is(w->s, w->n, words) || (sn && w->n > sn && memcmp(w->s + w->n - sn, suffix, sn) == 0);
}

/* Does the sentence of token i hold a cue? */
static int sentence_has(const tx_context *c, size_t i, const char *const *words, const char *suffix)
{
    uint32_t s = c->tokens[i].sentence;
    size_t a = i;
    while (a > 0 && c->tokens[a - 1].sentence == s)
        a--;
    for (size_t j = a; j < c->ntokens && c->tokens[j].sentence == s; j++) {
        tx_word w = word(c, j, j);
        if (is_cue(&w, words, suffix))
            return 1;
    }
    return 0;
}

/* Does the sentence of token i speak of the future ("will", "next", "'ll")? */
static int future_sentence(const tx_context *c, size_t i)
{
    static const char *const cues[] = { "will", "shall", "tomorrow", "upcoming", "scheduled",
                                        "plans", "expected", "wo", "won't", "until", NULL };
    return sentence_has(c, i, cues, "'ll");
}



/* Does a future auxiliary stand in the few words before a weekday ("will meet on Monday")? The
 * whole sentence says too much: "said Tuesday it will…" is past. */
static int future_near(const tx_context *c, size_t i)
{
    static const char *const cues[] = { "will", "shall", "wo", "scheduled", "until", "next", NULL };
    for (size_t j = i > 6 ? i - 6 : 0; j < i; j++) {
        tx_word w = word(c, i, j);
        if (is_cue(&w, cues, "'ll"))
            return 1;
    }
    return 0;
}

/* Weekday `wd` (1..7) near the reference: dir < 0 on or before, > 0 on or after; strict skips
 * the reference day itself ("last Friday" said on a Friday is a week back). */
static void set_weekday(const tx_context *c, tx_match *m, int wd, int dir, int strict)
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

/* Month `month` (day `day`, 0 for none) in the year that puts it nearest the reference. */
static void set_month_near(const tx_context *c, size_t i, tx_match *m, int month, int day)
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
    int ry, rm, rd, best = 0;
    tx_civil(c->ref, &ry, &rm, &rd);
    int64_t best_gap = INT64_MAX;
    /* news mostly reports what has happened: a later date counts as three times as far, unless
     * the sentence speaks of the future */
    int64_t ahead = future_sentence(c, i) ? 1 : 3;
    for (int y = ry - 1; y <= ry + 1; y++) {
        int64_t gap = tx_days(y, month, day ? day : 15) - c->ref;
        gap = gap < 0 ? -gap : gap * ahead;
        if (gap < best_gap)
            best_gap = gap, best = y;
    }
    if (day)
        snprintf(m->value, sizeof m->value, "%04d-%02d-%02d", best, month, day);
    else
        snprintf(m->value, sizeof m->value, "%04d-%02d", best, month);
}

/* "2020-02-13", "12/25/1998" */
static size_t try_numeric(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = word(c, i, i);
    int y, mo, d;
    char tail;
    if (w.kind != LEDE_TOKEN_NUMBER)
        return 0;
    if (sscanf(w.s, "%4d-%2d-%2d%c", &y, &mo, &d, &tail) == 3 && w.n == 10) {
    } else if (sscanf(w.s, "%2d/%2d/%4d%c", &mo, &d, &y, &tail) == 3) {
        if (y < 100)
            y += y < 50 ? 2000 : 1900;
    } else
        return 0;
    if (y < 1000 || y > 2999 || !tx_valid_day(y, mo, d))
        return 0;
    snprintf(m->value, sizeof m->value, "%04d-%02d-%02d", y, mo, d);
    m->type = LEDE_TIMEX_DATE;
    return 1;
}

/* "Feb. 13", "13 February 2020", "Thursday, Feb. 13, 2020", "February 2020", "late May" */
static size_t try_month(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w = word(c, i, j);
    if (w.upper && tx_weekday(w.s, w.n) > 0) {
        j += IS(word(c, i, j + 1), ",") ? 2 : 1;
        w = word(c, i, j);
    }
    int modified = IS(w, "early", "mid", "late", "mid-");
    if (modified)
        w = word(c, i, ++j);
    int day = day_of(&w), month = 0;
    if (day && !modified) {
        size_t k = j + 1 + IS(word(c, i, j + 1), "of");
        tx_word mw = word(c, i, k);
        if (mw.upper && (month = tx_month(mw.s, mw.n)) != 0)
            j = k;
        else
            day = 0;
    }
    if (!month) {
        if (!w.upper || (month = tx_month(w.s, w.n)) == 0)
            return 0;
        if (w.n <= 4 && month != 5 && month != 6 && month != 7
            && !(c->tokens[j].flags & LEDE_TOKEN_ABBREV))
            return 0; /* "Sep" or "Mar" without the period of an abbreviation */
        tx_word next = word(c, i, j + 1);
        if (!modified && day_of(&next) && next.n <= 4) {
            day = day_of(&next);
            j++;
        }
    }
    size_t end = j + 1;
    int year = 0;
    tx_word yw = word(c, i, end);
    if (IS(yw, ",") || IS(yw, "of")) {
        tx_word after = word(c, i, end + 1);
        if ((year = year_of(&after)) != 0)
            end += 2;
    } else if ((year = year_of(&yw)) != 0)
        end++;
    if (month == 5 && !day && !year && !modified && i > 0
        && !IS(word(c, i, i - 1), "in", "since", "until", "by", "last", "next", "this", "of",
               "during", "through", "early", "late", "mid", "before", "after", "from", "to"))
        return 0; /* "May" the modal */
    if (year) {
        if (day && !tx_valid_day(year, month, day))
            return 0;
        if (day)
            snprintf(m->value, sizeof m->value, "%04d-%02d-%02d", year, month, day);
        else
            snprintf(m->value, sizeof m->value, "%04d-%02d", year, month);
        m->type = LEDE_TIMEX_DATE;
    } else
        set_month_near(c, i, m, month, day);
    return end - i;
}

/* Token j as a word, past a leading "the" (said by the result). */
static int skip_the(const tx_context *c, size_t i, size_t *j, tx_word *w)
{
    *w = word(c, i, *j);
    if (!IS(*w, "the"))
        return 0;
    *w = word(c, i, ++*j);
    return 1;
}

/* "the 1988 third quarter", "the 1989 period": a quarter of a given year */
static size_t year_quarter(const tx_context *c, size_t i, size_t j, int year, tx_match *m)
{
    tx_word q = word(c, i, j);
    int n = tx_ordinal(q.s, q.n);
    if (n > 4)
        return 0;
    if (n)
        q = word(c, i, ++j);
    if (!IS(q, "quarter", "period"))
        return 0;
    if (!n && c->has_ref) { /* the quarter just reported */
        int ry, rm, rd;
        tx_civil(c->ref, &ry, &rm, &rd);
        n = (rm - 1) / 3 == 0 ? 4 : (rm - 1) / 3;
        m->used_ref = 1;
    }
    if (!n)
        return 0;
    snprintf(m->value, sizeof m->value, "%04d-Q%d", year, n);
    m->type = LEDE_TIMEX_DATE;
    return j + 1 - i;
}

/* "2018", "mid-2019", "the 1990s", "the late '80s", "fiscal 1989" */
static size_t try_year(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w;
    int the = skip_the(c, i, &j, &w);
    if (IS(w, "early", "mid", "late", "fiscal"))
        w = word(c, i, ++j);
    const char *s = w.s;
    size_t n = w.n;
    if (n > 4 && memcmp(s, "mid-", 4) == 0)
        s += 4, n -= 4;
    if (n > 0 && s[0] == '\'')
        s++, n--;
    if ((n == 5 || n == 3) && s[n - 1] == 's') {
        int v = tx_number_word(s, n - 1);
        if (v < 0 || v % 10 != 0)
            return 0;
        snprintf(m->value, sizeof m->value, "%03d", n == 5 ? v / 10 : 190 + v / 10);
    } else {
        int y = n == 4 ? tx_number_word(s, n) : -1;
        if (y < 1000 || y > 2999 || (w.kind != LEDE_TOKEN_NUMBER && s == w.s))
            return 0;
        if (the)
            return year_quarter(c, i, j + 1, y, m);
        tx_word next = word(c, i, j + 1);
        if (IS(next, "%", "percent") || (i > 0 && IS(word(c, i, i - 1), "$")))
            return 0;
        snprintf(m->value, sizeof m->value, "%04d", y); /* TimeBank values "fiscal 1989" as 1989 */
    }
    m->type = LEDE_TIMEX_DATE;
    return j + 1 - i;
}

/* "today", "yesterday morning", "tonight", "now", "recently", "the future" */
static size_t try_deictic(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = word(c, i, i);
    const char *ref = NULL;
    if (IS(w, "now", "currently", "nowadays", "current"))
        ref = "PRESENT_REF";
    else if (IS(w, "recently", "lately"))
        ref = "PAST_REF"; /* "previously", "soon": TimeBank marks them too seldom to pay */
    if (ref) {
        snprintf(m->value, sizeof m->value, "%s", ref);
        m->type = LEDE_TIMEX_DATE;
        return 1;
    }
    if (IS(w, "the")) {
        tx_word next = word(c, i, i + 1);
        if (!IS(next, "future", "past"))
            return 0;
        snprintf(m->value, sizeof m->value, IS(next, "future") ? "FUTURE_REF" : "PAST_REF");
        m->type = LEDE_TIMEX_DATE;
        return 2;
    }
    int offset;
    if (IS(w, "today", "tonight"))
        offset = 0;
    else if (IS(w, "yesterday"))
        offset = -1;
    else if (IS(w, "tomorrow"))
        offset = 1;
    else
        return 0;
    set_relative(c, m, TX_DAY, offset);
    if (IS(w, "tonight")) {
        add_time(m, "NI");
        return 1;
    }
    tx_word next = word(c, i, i + 1);
    const char *part = tx_part_of_day(next.s, next.n);
    if (!part)
        return 1;
    add_time(m, part);
    return 2;
}

/* "last month", "this week", "earlier this year", "late last year", "next Thursday", "last
 * March", "this summer", "the quarter", "the third quarter" */
static size_t try_anchored(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w = word(c, i, j);
    int edge = IS(w, "earlier", "later", "early", "late", "mid");
    if (edge)
        w = word(c, i, ++j);
    int offset;
    if (IS(w, "this", "current"))
        offset = 0;
    else if (IS(w, "last", "previous") && !IS(word(c, i, i - 1), "the"))
        offset = -1;
    else if (IS(w, "next", "coming"))
        offset = 1;
    else if (IS(w, "the") && !edge) {
        tx_word what = word(c, i, j + 1);
        int q = tx_ordinal(what.s, what.n);
        tx_word unit = word(c, i, j + 2);
        if (q >= 1 && q <= 4 && IS(unit, "quarter")) {
            tx_word of = word(c, i, j + 3), yw = word(c, i, j + 4);
            int year = IS(of, "of") ? year_of(&yw) : 0;
            if (year) {
                snprintf(m->value, sizeof m->value, "%04d-Q%d", year, q);
                m->type = LEDE_TIMEX_DATE;
                return 5;
            }
            set_quarter(c, m, q);
            return 3;
        }
        /* WSJ usage: "the quarter" just reported is the last one, "the year" this one. */
        int latest = IS(what, "latest");
        tx_word u = latest ? unit : what;
        if (IS(u, "quarter") || (latest && IS(u, "period")))
            set_relative(c, m, TX_QUARTER, -1);
        else if (IS(u, "weekend") && !latest) /* the last one, or the one under way */
            set_relative(c, m, TX_WEEKEND, c->has_ref && tx_weekday_of(c->ref) >= 6 ? 0 : -1);
        else if (IS(u, "year", "week", "month") && !latest)
            set_relative(c, m, IS(u, "year") ? TX_YEAR : IS(u, "week") ? TX_WEEK : TX_MONTH, 0);
        else
            return 0;
        return 2 + latest;
    } else
        return 0;
    tx_word x = word(c, i, j + 1);
    int plural = 0;
    tx_unit unit = tx_unit_word(x.s, x.n, &plural);
    int wd = x.upper ? tx_weekday(x.s, x.n) : 0;
    int month = x.upper ? tx_month(x.s, x.n) : 0;
    const char *season = tx_season(x.s, x.n);
    if (unit >= TX_DAY && !plural && unit != TX_DAY) {
        set_relative(c, m, unit, offset);
    } else if (wd > 0) {
        set_weekday(c, m, wd, offset == 0 ? 1 : offset, offset != 0);
    } else if (month) {
        int ry, rm, rd, y;
        if (!c->has_ref) {
            set_month_near(c, i, m, month, 0);
            return j + 2 - i;
        }
        tx_civil(c->ref, &ry, &rm, &rd);
        y = offset < 0 ? (month < rm ? ry : ry - 1) : offset > 0 ? (month > rm ? ry : ry + 1) : ry;
        snprintf(m->value, sizeof m->value, "%04d-%02d", y, month);
        m->type = LEDE_TIMEX_DATE;
        m->used_ref = 1;
    } else if (tx_part_of_day(x.s, x.n) && offset <= 0) { /* "this morning", "last night" */
        set_relative(c, m, TX_DAY, offset);
        add_time(m, tx_part_of_day(x.s, x.n));
        return j + 2 - i;
    } else if (season) {
        set_relative(c, m, TX_YEAR, offset);
        size_t n = strlen(m->value);
        snprintf(m->value + n, sizeof m->value - n, "-%s", season);
    } else
        return 0;
    tx_word part = word(c, i, j + 2);
    const char *pod = wd > 0 || unit == TX_DAY ? tx_part_of_day(part.s, part.n) : NULL;
    if (pod && m->type == LEDE_TIMEX_DATE && !(m->flags & LEDE_TIMEX_UNRESOLVED)) {
        add_time(m, pod);
        return j + 3 - i;
    }
    return j + 2 - i;
}

/* "the year-earlier quarter", "year-ago": a year before, the quarter reported in earnings news */
static size_t try_year_ago(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w;
    int the = skip_the(c, i, &j, &w);
    if (!IS(w, "year-earlier", "year-ago"))
        return 0;
    size_t end = j + 1;
    if (the) {
        tx_word q = word(c, i, end);
        end += tx_ordinal(q.s, q.n) > 0;
        q = word(c, i, end);
        if (!IS(q, "quarter", "period"))
            return 0;
        end++;
    }
    if (c->quarterly)
        set_relative(c, m, TX_QUARTER, -5);
    else
        set_relative(c, m, TX_YEAR, -1);
    return end - i;
}

/* "three years", "the past two months", "five-year", "recent years", "two weeks ago" */
static size_t try_duration(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w;
    int the = skip_the(c, i, &j, &w);
    int lead = IS(w, "past", "last", "next", "first", "previous", "latest", "final", "coming",
                  "recent", "few", "several", "many");
    if (lead && !IS(w, "recent", "few", "several", "many"))
        w = word(c, i, ++j);
    int count = 1;
    size_t used = 0;
    int plural = 0;
    tx_unit unit = TX_NONE;
    const char *dash = memchr(w.s, '-', w.n);
    if (dash && w.kind == LEDE_TOKEN_WORD) { /* "five-year", "24-hour" */
        int v = tx_number_word(w.s, (size_t)(dash - w.s));
        const char *u = dash + 1;
        const char *end = memchr(u, '-', w.n - (size_t)(u - w.s));
        size_t un = end ? (size_t)(end - u) : w.n - (size_t)(u - w.s);
        int age = end && strcmp(end, "-old") == 0; /* "6-year-old" is an age, not a timex */
        int q = tx_ordinal(w.s, (size_t)(dash - w.s));
        if (q >= 1 && q <= 4 && !end && tx_unit_word(u, un, &plural) == TX_QUARTER) {
            set_quarter(c, m, q); /* "third-quarter profit" */
            return j + 1 - i;
        }
        if (v > 0 && !age && (unit = tx_unit_word(u, un, &plural)) != TX_NONE) {
            set_duration(m, v, unit);
            return j + 1 - i;
        }
        unit = TX_NONE;
    }
    used = count_at(c, i, j, &count);
    tx_word uw = word(c, i, j + used);
    unit = tx_unit_word(uw.s, uw.n, &plural);
    if (unit == TX_NONE || unit == TX_HALF)
        return 0;
    if (!used) {
        /* a bare plural ("for years", "recent years") is a vague duration */
        if (!plural || !(lead || IS(word(c, i, i - 1), "for", "in", "over")))
            return 0;
        count = -1;
    }
    if (count == 1 && plural && used)
        return 0;
    if (!used && !lead && !the && !plural)
        return 0;
    if (used && lead && IS(w, "few"))
        count = -1;
    size_t end = j + used + 1;
    tx_word after = word(c, i, end);
    if (!the && !lead && IS(after, "ago", "earlier", "before", "later", "from")) {
        if (IS(after, "from") && !IS(word(c, i, end + 1), "now"))
            goto duration;
        if (count < 0) {
            snprintf(m->value, sizeof m->value, IS(after, "ago", "earlier", "before") ? "PAST_REF"
                                                                                   : "FUTURE_REF");
            m->type = LEDE_TIMEX_DATE;
        } else {
            int sign = IS(after, "ago", "earlier", "before") ? -1 : 1;
            tx_unit g = unit <= TX_HOUR ? TX_DAY : unit;
            int n = count;
            if (g == TX_DECADE)
                g = TX_YEAR, n *= 10;
            if (g == TX_CENTURY)
                g = TX_YEAR, n *= 100;
            if (g == TX_YEAR && sign < 0 && c->quarterly)
                set_relative(c, m, TX_QUARTER, -1 - 4 * n); /* the quarter reported, n years back */
            else
                set_relative(c, m, g, sign * n);
        }
        return end + 1 + IS(after, "from") - i;
    }
duration:
    if (lead && !the && !used && !plural)
        return 0;
    set_duration(m, count, unit);
    return end - i;
}

static size_t day_rule(const tx_context *c, size_t i, tx_match *m);

/* "10:30 a.m. EST", "5 p.m.", "noon" */
static size_t try_clock(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = word(c, i, i);
    int h = -1, min = 0;
    size_t end = i + 1;
    char tail;
    if (IS(w, "noon", "midday"))
        h = 12;
    else if (IS(w, "midnight"))
        h = 24;
    else if (w.kind == LEDE_TOKEN_NUMBER) {
        tx_word next = word(c, i, i + 1);
        int ampm = IS(next, "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock");
        if (sscanf(w.s, "%2d:%2d%c", &h, &min, &tail) != 2 && !(ampm && sscanf(w.s, "%2d%c", &h, &tail) == 1))
            return 0;
        if (h < 0 || h > 24 || min < 0 || min > 59 || (!ampm && h > 12 && strchr(w.s, ':') == NULL))
            return 0;
        if (ampm) {
            if (next.s[0] == 'p' && h < 12)
                h += 12;
            else if (next.s[0] == 'a' && h == 12)
                h = 0;
            end++;
        }
        tx_word zone = word(c, i, end);
        if (IS(zone, "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst",
               "cet", "et", "pt"))
            end++;
    } else
        return 0;
    char clock[8];
    snprintf(clock, sizeof clock, "%02d:%02d", h % 100, min % 100);
    /* the day may follow: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6" */
    size_t day_at = end + IS(word(c, i, end), ",");
    tx_match day = { .ntokens = 0 };
    size_t n = day_at < c->ntokens && c->tokens[day_at].sentence == c->tokens[i].sentence
                   ? day_rule(c, day_at, &day) : 0;
    if (n && day.type == LEDE_TIMEX_DATE && strlen(day.value) == 10) {
        *m = day;
        end = day_at + n;
    } else
        set_relative(c, m, TX_DAY, 0);
    add_time(m, clock);
    return end - i;
}

/* "Thursday", "Friday morning", "Mondays" */
static size_t try_weekday(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = word(c, i, i);
    int wd = w.upper ? tx_weekday(w.s, w.n) : 0;
    if (!wd || (w.n <= 4 && !(c->tokens[i].flags & LEDE_TOKEN_ABBREV)))
        return 0;
    if (wd < 0) {
        snprintf(m->value, sizeof m->value, "XXXX-WXX-%d", -wd);
        m->type = LEDE_TIMEX_SET;
        return 1;
    }
    set_weekday(c, m, wd, future_near(c, i) ? 1 : -1, 0);
    tx_word part = word(c, i, i + 1);
    /* "Friday night": TimeBank values it as the day alone */
    return tx_part_of_day(part.s, part.n) ? 2 : 1;
}

/* "every Monday", "each year", "every two weeks", "daily", "per year" */
static size_t try_set(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = word(c, i, i);
    static const struct { const char *word; const char *value; } adverbs[] = {
        { "daily", "P1D" }, { "weekly", "P1W" }, { "monthly", "P1M" }, { "annually", "P1Y" },
        { "yearly", "P1Y" }, { "hourly", "PT1H" }, { "nightly", "P1D" },
    };
    for (size_t k = 0; k < sizeof adverbs / sizeof adverbs[0]; k++) {
        if (IS(w, adverbs[k].word)) {
            snprintf(m->value, sizeof m->value, "%s", adverbs[k].value);
            m->type = LEDE_TIMEX_SET;
            return 1;
        }
    }
    if (!IS(w, "every", "each", "per"))
        return 0;
    tx_word x = word(c, i, i + 1);
    int wd = x.upper ? tx_weekday(x.s, x.n) : 0;
    if (wd > 0 && !IS(w, "per")) {
        snprintf(m->value, sizeof m->value, "XXXX-WXX-%d", wd);
        m->type = LEDE_TIMEX_SET;
        return 2;
    }
    int count = 1, plural = 0;
    size_t used = count_at(c, i, i + 1, &count);
    tx_word uw = word(c, i, i + 1 + used);
    tx_unit unit = tx_unit_word(uw.s, uw.n, &plural);
    if (unit == TX_NONE || unit == TX_HALF)
        return 0;
    set_duration(m, count < 0 ? 1 : count, unit);
    m->type = LEDE_TIMEX_SET;
    return used + 2;
}

/* A day after a clock time: a weekday, "today", a month and day. */
static size_t day_rule(const tx_context *c, size_t i, tx_match *m)
{
    size_t n = try_weekday(c, i, m);
    if (!n)
        n = try_deictic(c, i, m);
    if (!n)
        n = try_month(c, i, m);
    return n;
}

void tx_match_at(const tx_context *c, size_t i, tx_match *m)
{
    typedef size_t (*rule)(const tx_context *, size_t, tx_match *);
    static const rule rules[] = {
        try_numeric, try_month, try_year, try_deictic, try_anchored,
        try_duration, try_clock, try_weekday, try_set, try_year_ago,
    };
    memset(m, 0, sizeof *m);
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
