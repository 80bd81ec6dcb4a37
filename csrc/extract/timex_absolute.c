/* timex_absolute — rules for expressions that name their date: "Feb. 13, 2020", "1998", "the
 * third quarter", "10:30 a.m. Tuesday", "nineteen ninety-six", "the summer". */
#include <stdio.h>
#include <string.h>
#include "extract/quantity_words.h"
#include "extract/timex.h"

/* A day of the month: "13", "13th", "thirteenth". */
static int day_of(const tx_word *w)
{
    int d = w->kind == LEDE_TOKEN_NUMBER && w->n <= 2 ? tx_number_word(w->s, w->n)
                                                      : tx_ordinal(w->s, w->n);
    return d >= 1 && d <= 31 ? d : 0;
}

/* "2020-02-13", "12/25/1998" */
size_t tx_try_numeric(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = tx_word_at(c, i, i);
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
size_t tx_try_month(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w = tx_word_at(c, i, j);
    if (w.upper && tx_weekday(w.s, w.n) > 0) {
        j += TX_IS(tx_word_at(c, i, j + 1), ",") ? 2 : 1;
        w = tx_word_at(c, i, j);
    }
    int modified = TX_IS(w, "early", "mid", "late", "mid-");
    if (modified)
        w = tx_word_at(c, i, ++j);
    int month = 0;
    const char *dash = memchr(w.s, '-', w.n);
    if (!modified && dash) { /* "mid-November", "late-November": one token */
        size_t pre = (size_t)(dash - w.s), rest = w.n - pre - 1;
        if (tx_is(w.s, pre, (const char *const[]){ "early", "mid", "late", NULL })
            && rest > 3 && (month = tx_month(dash + 1, rest)) != 0)
            modified = 1;
    }
    int day = month ? 0 : day_of(&w);
    if (day && !modified) {
        size_t k = j + 1 + TX_IS(tx_word_at(c, i, j + 1), "of");
        tx_word mw = tx_word_at(c, i, k);
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
        tx_word next = tx_word_at(c, i, j + 1);
        if (!modified && day_of(&next) && next.n <= 4) {
            day = day_of(&next);
            j++;
        }
    }
    size_t end = j + 1;
    int year = 0;
    tx_word yw = tx_word_at(c, i, end);
    size_t yn;
    if (TX_IS(yw, ",") || TX_IS(yw, "of")) {
        if ((yn = tx_year_at(c, i, end + 1, &year)) != 0)
            end += 1 + yn;
    } else
        end += tx_year_at(c, i, end, &year);
    if (month == 5 && !day && !year && !modified && i > 0
        && !TX_IS(tx_word_at(c, i, i - 1), "in", "since", "until", "by", "last", "next", "this",
                  "of",
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
        tx_set_month_near(c, i, end, m, month, day);
    return end - i;
}

/* "the 1988 third quarter", "the 1989 period": a quarter of a given year */
static size_t year_quarter(const tx_context *c, size_t i, size_t j, int year, tx_match *m)
{
    tx_word q = tx_word_at(c, i, j);
    int n = tx_ordinal(q.s, q.n);
    if (n > 4)
        return 0;
    if (n)
        q = tx_word_at(c, i, ++j);
    if (!TX_IS(q, "quarter", "period"))
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

/* Whether token j is a number of a table row beside a bare year at token i: right before or
 * after it, or across a bracket ("1755(1430 1695)"), and not a likely year itself (a row of
 * column headings, "1987 1986", is years). */
static int table_number(const tx_context *c, size_t i, size_t j)
{
    tx_word w = tx_word_at(c, i, j);
    if (w.kind != LEDE_TOKEN_NUMBER)
        return 0;
    int y = tx_year_of(&w);
    return y < 1900 || y > 2100;
}

/* Whether a bare four-digit number at token i, value y, is a year. It is with a word of time
 * before it ("in 1987", "since 1962", "the year 1492") or when it is a likely year (1900 to
 * 2100), unless it stands in a run of numbers, as in a wire story's price table ("T 1405
 * 1755(1430 1695) TT 2000 2129(1900 2303)"), or counts something ("2000 tonnes", "1950 mln"). */
static int bare_year(const tx_context *c, size_t i, int y)
{
    /* i - 1 wraps when i is 0, and tx_word_at gives no word past the end */
    size_t before = i - 1, after = i + 1;
    tx_word prev = tx_word_at(c, i, before), next = tx_word_at(c, i, after);
    if (TX_IS(prev, "in", "since", "until", "till", "before", "after", "during", "by", "from",
              "of", "year", "through", "throughout") || tx_month(prev.s, prev.n))
        return 1;
    if (y < 1900 || y > 2100)
        return 0;
    if (lede_qw_unit(next.s, next.n) || lede_qw_multiplier(next.s, next.n) > 0 ||
        lede_qw_currency_word(next.s, next.n) || TX_IS(next, "dlrs", "dlr", "cts", "pct"))
        return 0;
    before -= TX_IS(prev, "(", ")");
    after += TX_IS(next, "(", ")");
    return !table_number(c, i, before) && !table_number(c, i, after);
}

/* "2018", "mid-2019", "the 1990s", "the late '80s", "fiscal 1989" */
size_t tx_try_year(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w;
    int the = tx_skip_the(c, i, &j, &w);
    if (TX_IS(w, "early", "mid", "late", "fiscal"))
        w = tx_word_at(c, i, ++j);
    static const char *const decades[] = { "twenties", "thirties", "forties", "fifties",
                                           "sixties", "seventies", "eighties", "nineties", NULL };
    for (int k = 0; decades[k]; k++)
        if (tx_is(w.s, w.n, (const char *const[]){ decades[k], NULL })) {
            /* "the nineties": the twentieth century's, as news before 2020 meant */
            snprintf(m->value, sizeof m->value, "19%d", k + 2);
            m->type = LEDE_TIMEX_DATE;
            return j + 1 - i;
        }
    int century = tx_ordinal(w.s, w.n);
    if (century >= 1 && century <= 30 && TX_IS(tx_word_at(c, i, j + 1), "century")) {
        snprintf(m->value, sizeof m->value, "%02d", century - 1); /* "the 20th century": 19 */
        m->type = LEDE_TIMEX_DATE;
        return j + 2 - i;
    }
    int y;
    size_t spelled = tx_spelled_year(c, i, j + (the && TX_IS(w, "year")), &y);
    if (spelled) { /* "the year two thousand": said, not written */
        snprintf(m->value, sizeof m->value, "%04d", y);
        m->type = LEDE_TIMEX_DATE;
        return j + (the && TX_IS(w, "year")) + spelled - i;
    }
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
        y = n == 4 ? tx_number_word(s, n) : -1;
        if (y < 1000 || y > 2999 || (w.kind != LEDE_TOKEN_NUMBER && s == w.s))
            return 0;
        if (the)
            return year_quarter(c, i, j + 1, y, m);
        tx_word next = tx_word_at(c, i, j + 1);
        if (TX_IS(next, "%", "percent") || (i > 0 && TX_IS(tx_word_at(c, i, i - 1), "$")))
            return 0;
        if (j == i && s == w.s && !w.possessive && !bare_year(c, i, y))
            return 0;
        snprintf(m->value, sizeof m->value, "%04d", y); /* TimeBank values "fiscal 1989" as 1989 */
    }
    m->type = LEDE_TIMEX_DATE;
    return j + 1 - i;
}

/* "the third quarter", "its fiscal first quarter", "the fourth quarter of 1998", "this year's
 * second quarter", "third quarter" */
size_t tx_try_quarter(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w = tx_word_at(c, i, j);
    int year_offset = 0, of_year = 0;
    if (TX_IS(w, "this", "last", "next")) {
        tx_word y = tx_word_at(c, i, j + 1);
        if (!TX_IS(y, "year") || !y.possessive)
            return 0;
        year_offset = TX_IS(w, "last") ? -1 : TX_IS(w, "next") ? 1 : 0;
        of_year = 1;
        j += 2;
    } else if (TX_IS(w, "the", "its", "their"))
        j++;
    w = tx_word_at(c, i, j);
    if (TX_IS(w, "fiscal"))
        w = tx_word_at(c, i, ++j);
    const char *s = w.s;
    size_t n = w.n;
    if (n > 7 && memcmp(s, "fiscal-", 7) == 0) /* "the fiscal-first quarter" */
        s += 7, n -= 7;
    int q = tx_ordinal(s, n);
    if (of_year && year_offset < 0 && c->quarterly && TX_IS(w, "quarter", "period")) {
        /* "last year's quarter": the one reported, a year back */
        tx_set_relative(c, m, TX_QUARTER, -5);
        return j + 1 - i;
    }
    if (q < 1 || q > 4 || !TX_IS(tx_word_at(c, i, j + 1), "quarter"))
        return 0;
    size_t end = j + 2;
    int year = 0;
    size_t of = TX_IS(tx_word_at(c, i, end), "of");
    size_t yn = tx_year_at(c, i, end + of, &year);
    if (yn && !of_year)
        end += of + yn;
    else if (of_year) { /* "this year's second quarter": the year the words name */
        tx_set_relative(c, m, TX_YEAR, year_offset);
        if (m->flags & LEDE_TIMEX_UNRESOLVED)
            snprintf(m->value, sizeof m->value, "XXXX-Q%d", q);
        else {
            int rm, rd;
            tx_civil(c->ref, &year, &rm, &rd);
            year += year_offset;
        }
    } else {
        tx_set_quarter(c, m, q);
        return end - i;
    }
    if (year)
        snprintf(m->value, sizeof m->value, "%04d-Q%d", year, q);
    m->type = LEDE_TIMEX_DATE;
    return end - i;
}

/* "Thursday", "Friday morning", "Mondays" */
size_t tx_try_weekday(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = tx_word_at(c, i, i);
    int wd = w.upper ? tx_weekday(w.s, w.n) : 0;
    if (!wd || (w.n <= 4 && !(c->tokens[i].flags & LEDE_TOKEN_ABBREV)))
        return 0;
    tx_word part = tx_word_at(c, i, i + 1);
    const char *nights = wd > 0 && part.n > 1 && part.s[part.n - 1] == 's'
                             ? tx_part_of_day(part.s, part.n - 1) : NULL;
    if (wd < 0 || nights) { /* "Mondays", "Tuesday nights": XXXX-WXX-2TNI */
        snprintf(m->value, sizeof m->value, "XXXX-WXX-%d", wd < 0 ? -wd : wd);
        if (nights)
            tx_add_time(m, nights);
        m->type = LEDE_TIMEX_SET;
        return nights ? 2 : 1;
    }
    /* "Friday night": TimeBank values it as the day alone */
    size_t n = tx_part_of_day(part.s, part.n) ? 2 : 1;
    tx_set_weekday(c, m, wd, tx_future_near(c, i, i + n) ? 1 : -1, 0);
    return n;
}

/* "the summer", "in early summer", "during the winter": a season without a year */
size_t tx_try_season(const tx_context *c, size_t i, tx_match *m)
{
    if (i == 0 || !TX_IS(tx_word_at(c, i, i - 1), "in", "during", "over", "since", "by", "until",
                         "through", "throughout"))
        return 0;
    size_t j = i;
    tx_word w;
    tx_skip_the(c, i, &j, &w);
    if (TX_IS(w, "early", "late", "mid"))
        w = tx_word_at(c, i, ++j);
    const char *code = tx_season(w.s, w.n);
    if (!code || TX_IS(tx_word_at(c, i, j + 1), "of")) /* "the winter of 1994": tx_try_anchored */
        return 0;
    tx_set_season_latest(c, m, code);
    return j + 1 - i;
}

/* A day after a clock time: a weekday, "today", a month and day. */
static size_t day_rule(const tx_context *c, size_t i, tx_match *m)
{
    size_t n = tx_try_weekday(c, i, m);
    if (!n)
        n = tx_try_deictic(c, i, m);
    if (!n)
        n = tx_try_month(c, i, m);
    return n;
}

/* "10:30 a.m. EST", "5 p.m.", "noon" */
size_t tx_try_clock(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = tx_word_at(c, i, i);
    int h = -1, min = 0;
    size_t end = i + 1;
    char tail;
    if (TX_IS(w, "noon", "midday"))
        h = 12;
    else if (TX_IS(w, "midnight"))
        h = 24;
    else if (w.kind == LEDE_TOKEN_NUMBER) {
        tx_word next = tx_word_at(c, i, i + 1);
        int ampm = TX_IS(next, "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock");
        if (sscanf(w.s, "%2d:%2d%c", &h, &min, &tail) != 2
            && !(ampm && sscanf(w.s, "%2d%c", &h, &tail) == 1))
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
        tx_word zone = tx_word_at(c, i, end);
        if (TX_IS(zone, "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst",
               "cet", "et", "pt"))
            end++;
    } else
        return 0;
    char clock[8];
    snprintf(clock, sizeof clock, "%02d:%02d", h % 100, min % 100);
    /* the day may follow: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6" */
    size_t day_at = end + TX_IS(tx_word_at(c, i, end), ",");
    tx_match day = { .ntokens = 0 };
    size_t n = day_at < c->ntokens && c->tokens[day_at].sentence == c->tokens[i].sentence
                   ? day_rule(c, day_at, &day) : 0;
    if (n && day.type == LEDE_TIMEX_DATE && strlen(day.value) == 10) {
        *m = day;
        end = day_at + n;
    } else
        tx_set_relative(c, m, TX_DAY, 0);
    tx_add_time(m, clock);
    return end - i;
}
