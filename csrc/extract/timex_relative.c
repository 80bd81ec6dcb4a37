/* timex_relative — rules for expressions that count from the reference date or measure time:
 * "yesterday", "last month", "two weeks ago", "three years", "every Monday", "by year-end". */
#include <stdio.h>
#include <string.h>
#include "extract/timex.h"

/* "today", "yesterday morning", "tonight", "now", "recently", "the future" */
size_t tx_try_deictic(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = tx_word_at(c, i, i);
    const char *ref = NULL;
    if (TX_IS(w, "now", "currently", "nowadays", "current"))
        ref = "PRESENT_REF";
    else if (TX_IS(w, "these") && TX_IS(tx_word_at(c, i, i + 1), "days")) {
        snprintf(m->value, sizeof m->value, "PRESENT_REF"); /* "prices these days" */
        m->type = LEDE_TIMEX_DATE;
        return 2;
    }
    else if (TX_IS(w, "recently", "lately"))
        ref = "PAST_REF"; /* "previously", "soon": TimeBank marks them too seldom to pay */
    if (ref) {
        snprintf(m->value, sizeof m->value, "%s", ref);
        m->type = LEDE_TIMEX_DATE;
        return 1;
    }
    if (TX_IS(w, "the")) {
        tx_word next = tx_word_at(c, i, i + 1);
        /* "the near future", "the near term", "the short term": the time just ahead */
        size_t near = TX_IS(next, "near", "short")
                      && TX_IS(tx_word_at(c, i, i + 2), "future", "term");
        if (near)
            next = tx_word_at(c, i, i + 2);
        if (!TX_IS(next, "future", "past") && !near)
            return 0;
        snprintf(m->value, sizeof m->value, TX_IS(next, "past") ? "PAST_REF" : "FUTURE_REF");
        m->type = LEDE_TIMEX_DATE;
        return 2 + near;
    }
    if (TX_IS(w, "a") && TX_IS(tx_word_at(c, i, i + 1), "later")
        && TX_IS(tx_word_at(c, i, i + 2), "date")) { /* "postponed to a later date" */
        snprintf(m->value, sizeof m->value, "FUTURE_REF");
        m->type = LEDE_TIMEX_DATE;
        return 3;
    }
    int offset;
    if (TX_IS(w, "today", "tonight"))
        offset = 0;
    else if (TX_IS(w, "yesterday"))
        offset = -1;
    else if (TX_IS(w, "tomorrow"))
        offset = 1;
    else
        return 0;
    tx_set_relative(c, m, TX_DAY, offset);
    if (TX_IS(w, "tonight")) {
        tx_add_time(m, "NI");
        return 1;
    }
    tx_word next = tx_word_at(c, i, i + 1);
    const char *part = tx_part_of_day(next.s, next.n);
    if (!part)
        return 1;
    tx_add_time(m, part);
    return 2;
}

/* "a year ago", "a year earlier", "last year" after a period of earnings news: its length */
static size_t year_back(const tx_context *c, size_t i, size_t j)
{
    tx_word a = tx_word_at(c, i, j), b = tx_word_at(c, i, j + 1), d = tx_word_at(c, i, j + 2);
    if (TX_IS(a, "last") && TX_IS(b, "year"))
        return 2;
    return TX_IS(a, "a") && TX_IS(b, "year") && TX_IS(d, "ago", "earlier") ? 3 : 0;
}

/* "last month", "this week", "earlier this year", "late last year", "next Thursday", "last
 * March", "this summer", "the quarter", "the third quarter" */
size_t tx_try_anchored(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w = tx_word_at(c, i, j);
    int edge = TX_IS(w, "earlier", "later", "early", "late", "mid");
    if (edge)
        w = tx_word_at(c, i, ++j);
    int offset;
    if (TX_IS(w, "this", "current"))
        offset = 0;
    else if (TX_IS(w, "last", "previous") && !TX_IS(tx_word_at(c, i, i - 1), "the"))
        offset = -1;
    else if (TX_IS(w, "next", "coming"))
        offset = 1;
    else if (TX_IS(w, "the") && !edge) {
        tx_word what = tx_word_at(c, i, j + 1);
        tx_word unit = tx_word_at(c, i, j + 2);
        if (tx_season(what.s, what.n) && TX_IS(unit, "of")) { /* "the winter of 1994" */
            int year;
            size_t yn = tx_year_at(c, i, j + 3, &year);
            if (!yn)
                return 0;
            snprintf(m->value, sizeof m->value, "%04d-%s", year, tx_season(what.s, what.n));
            m->type = LEDE_TIMEX_DATE;
            return j + 3 + yn - i;
        }
        int plural;
        if (TX_IS(what, "past", "last")) { /* "the past year", "the last decade": the one before */
            tx_unit u = tx_unit_word(unit.s, unit.n, &plural);
            if ((u != TX_YEAR && u != TX_DECADE) || plural
                || TX_IS(tx_word_at(c, i, j + 3), "ago", "or", "and"))
                return 0;
            tx_set_relative(c, m, u, -1);
            return j + 3 - i;
        }
        /* WSJ usage: "the quarter" just reported is the last one, "the year" this one, and so
         * are "the full year" and "the fiscal year". */
        int latest = TX_IS(what, "latest"), modified = TX_IS(what, "latest", "full", "fiscal");
        int same = TX_IS(what, "same", "corresponding", "comparable");
        tx_word u = modified || same ? unit : what;
        size_t end = j + 2 + (size_t)(modified || same);
        size_t back = year_back(c, i, end);
        if (TX_IS(u, "quarter", "period") && back && c->quarterly) {
            tx_set_relative(c, m, TX_QUARTER, -5); /* "the quarter a year ago" */
            end += back;
        } else if (same)
            return 0;
        else if (TX_IS(u, "year") && !latest
            && TX_IS(tx_word_at(c, i, end), "ended", "ending")) /* "the year ended March 31" */
            tx_set_duration(m, 1, TX_YEAR);
        else if (TX_IS(u, "quarter") || (latest && TX_IS(u, "period")))
            tx_set_relative(c, m, TX_QUARTER, -1);
        else if (TX_IS(u, "year") && !latest)
            tx_set_relative(c, m, TX_YEAR, 0);
        else if (modified)
            return 0;
        else if (TX_IS(u, "weekend")) /* the last one, or the one under way */
            tx_set_relative(c, m, TX_WEEKEND, c->has_ref && tx_weekday_of(c->ref) >= 6 ? 0 : -1);
        else if (TX_IS(u, "week", "month"))
            tx_set_relative(c, m, TX_IS(u, "week") ? TX_WEEK : TX_MONTH, 0);
        else
            return 0;
        return end - i;
    } else
        return 0;
    tx_word x = tx_word_at(c, i, j + 1);
    tx_word after_past = tx_word_at(c, i, j + 2);
    const char *past_season = TX_IS(x, "past") ? tx_season(after_past.s, after_past.n) : NULL;
    if (offset == 0 && past_season) { /* "this past spring" */
        tx_set_season_latest(c, m, past_season);
        return j + 3 - i;
    }
    int plural = 0;
    tx_unit unit = tx_unit_word(x.s, x.n, &plural);
    int wd = x.upper ? tx_weekday(x.s, x.n) : 0;
    int month = x.upper ? tx_month(x.s, x.n) : 0;
    const char *season = tx_season(x.s, x.n);
    if (unit >= TX_DAY && !plural && unit != TX_DAY) {
        tx_set_relative(c, m, unit, offset);
    } else if (wd > 0) {
        tx_set_weekday(c, m, wd, offset == 0 ? 1 : offset, offset != 0);
    } else if (month) {
        int ry, rm, rd, y;
        if (!c->has_ref) {
            tx_set_month_near(c, i, j + 2, m, month, 0);
            return j + 2 - i;
        }
        tx_civil(c->ref, &ry, &rm, &rd);
        y = offset < 0 ? (month < rm ? ry : ry - 1) : offset > 0 ? (month > rm ? ry : ry + 1) : ry;
        snprintf(m->value, sizeof m->value, "%04d-%02d", y, month);
        m->type = LEDE_TIMEX_DATE;
        m->used_ref = 1;
    } else if (tx_part_of_day(x.s, x.n) && offset <= 0) { /* "this morning", "last night" */
        tx_set_relative(c, m, TX_DAY, offset);
        tx_add_time(m, tx_part_of_day(x.s, x.n));
        return j + 2 - i;
    } else if (season) {
        tx_set_relative(c, m, TX_YEAR, offset);
        size_t n = strlen(m->value);
        snprintf(m->value + n, sizeof m->value - n, "-%s", season);
    } else
        return 0;
    tx_word part = tx_word_at(c, i, j + 2);
    const char *pod = wd > 0 || unit == TX_DAY ? tx_part_of_day(part.s, part.n) : NULL;
    if (pod && m->type == LEDE_TIMEX_DATE && !(m->flags & LEDE_TIMEX_UNRESOLVED)) {
        tx_add_time(m, pod);
        return j + 3 - i;
    }
    return j + 2 - i;
}

/* "the year-earlier quarter", "year-ago": a year before, the quarter reported in earnings news */
size_t tx_try_year_ago(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w;
    int the = tx_skip_the(c, i, &j, &w);
    if (!TX_IS(w, "year-earlier", "year-ago"))
        return 0;
    size_t end = j + 1;
    if (the) {
        tx_word q = tx_word_at(c, i, end);
        end += tx_ordinal(q.s, q.n) > 0;
        q = tx_word_at(c, i, end);
        if (!TX_IS(q, "quarter", "period"))
            return 0;
        end++;
    }
    if (c->quarterly)
        tx_set_relative(c, m, TX_QUARTER, -5);
    else
        tx_set_relative(c, m, TX_YEAR, -1);
    return end - i;
}

/* Is a quarter a share, not three months ("three-quarters of the vote", "a quarter of
 * sales")? `next` is the token after the unit. */
static int fraction(const tx_context *c, size_t i, size_t next, tx_unit unit)
{
    tx_word after = tx_word_at(c, i, next + 1);
    return unit == TX_QUARTER && TX_IS(tx_word_at(c, i, next), "of") && !tx_year_of(&after);
}

/* Adds half a unit to a duration in the next smaller one: P2Y → P2Y6M, PT5H → PT5H30M. */
static void add_half(tx_match *m, tx_unit unit)
{
    static const char *const halves[] = {
        [TX_MINUTE] = "30S", [TX_HOUR] = "30M", [TX_DAY] = "T12H", [TX_MONTH] = "15D",
        [TX_YEAR] = "6M",
    };
    if ((size_t)unit >= sizeof halves / sizeof halves[0] || !halves[unit])
        return; /* "2 1/2 weeks" has no exact spelling; the whole count stands */
    size_t n = strlen(m->value);
    snprintf(m->value + n, sizeof m->value - n, "%s", halves[unit]);
}

/* "three years", "the past two months", "five-year", "recent years", "two weeks ago" */
size_t tx_try_duration(const tx_context *c, size_t i, tx_match *m)
{
    size_t j = i;
    tx_word w;
    int the = tx_skip_the(c, i, &j, &w);
    int lead = TX_IS(w, "past", "last", "next", "first", "previous", "latest", "final", "coming",
                  "recent", "few", "several", "many");
    if (lead && !TX_IS(w, "recent", "few", "several", "many"))
        w = tx_word_at(c, i, ++j);
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
            tx_set_quarter(c, m, q); /* "third-quarter profit" */
            return j + 1 - i;
        }
        int vague = v < 0 && tx_is(w.s, (size_t)(dash - w.s),
                                   (const char *const[]){ "several", "many", "multi", NULL });
        if ((v > 0 || vague) && !age && (unit = tx_unit_word(u, un, &plural)) != TX_NONE
            && !fraction(c, i, j + 1, unit)) {
            tx_set_duration(m, vague ? -1 : v, unit); /* "several-year": a vague count */
            return j + 1 - i;
        }
        /* "day-long", "year-long": one unit */
        tx_unit lone = tx_unit_word(w.s, (size_t)(dash - w.s), &plural);
        if (lone != TX_NONE && lone != TX_HALF && !plural && !end && un == 4
            && memcmp(u, "long", 4) == 0) {
            tx_set_duration(m, 1, lone);
            return j + 1 - i;
        }
        unit = TX_NONE;
    }
    used = tx_count_at(c, i, j, &count);
    /* "2 1/2 years", "two more weeks", "an additional year", "eight trading days": words
     * between the count and the unit */
    int half = used && count >= 0 && TX_IS(tx_word_at(c, i, j + used), "1/2");
    used += (size_t)half;
    if (used && TX_IS(tx_word_at(c, i, j + used), "more", "additional", "extra"))
        used++;
    if (used && TX_IS(tx_word_at(c, i, j + used), "trading", "business", "working")
        && TX_IS(tx_word_at(c, i, j + used + 1), "days", "day"))
        used++;
    tx_word uw = tx_word_at(c, i, j + used);
    unit = tx_unit_word(uw.s, uw.n, &plural);
    if (unit == TX_NONE || unit == TX_HALF
        || (count >= 0 && fraction(c, i, j + used + 1, unit))) /* "several quarters of losses" */
        return 0;
    if (!used) {
        /* a bare plural ("for years", "recent years") is a vague duration */
        if (!plural || !(lead || TX_IS(tx_word_at(c, i, i - 1), "for", "in", "over", "within")))
            return 0;
        count = -1;
    }
    if (count == 1 && plural && used)
        return 0;
    tx_word then = tx_word_at(c, i, j + used + 1);
    if (unit == TX_SECOND && TX_IS(w, "a") && then.kind == LEDE_TOKEN_WORD
        && !TX_IS(then, "ago", "later", "earlier", "before", "after", "or", "and", "of", "to"))
        return 0; /* "a second term": the ordinal */
    if (!used && !lead && !the && !plural)
        return 0;
    if (used && lead && TX_IS(w, "few"))
        count = -1;
    size_t end = j + used + 1;
    tx_word after = tx_word_at(c, i, end);
    int vague = lead && TX_IS(w, "few", "several", "many") && TX_IS(after, "ago");
    if (!the && (!lead || vague) && TX_IS(after, "ago", "earlier", "before", "later", "from")) {
        if (TX_IS(after, "from") && !TX_IS(tx_word_at(c, i, end + 1), "now"))
            goto duration;
        if (count < 0) {
            int past = TX_IS(after, "ago", "earlier", "before");
            snprintf(m->value, sizeof m->value, past ? "PAST_REF" : "FUTURE_REF");
            m->type = LEDE_TIMEX_DATE;
        } else {
            int sign = TX_IS(after, "ago", "earlier", "before") ? -1 : 1;
            tx_unit g = unit <= TX_HOUR ? TX_DAY : unit;
            int n = count;
            if (g == TX_DECADE)
                g = TX_YEAR, n *= 10;
            if (g == TX_CENTURY)
                g = TX_YEAR, n *= 100;
            if (g == TX_YEAR && sign < 0 && c->quarterly)
                /* the quarter reported, n years back */
                tx_set_relative(c, m, TX_QUARTER, -1 - 4 * n);
            else
                tx_set_relative(c, m, g, sign * n);
        }
        return end + 1 + TX_IS(after, "from") - i;
    }
duration:
    if (lead && !the && !used && !plural)
        return 0;
    tx_set_duration(m, count, unit);
    if (half)
        add_half(m, unit);
    return end - i;
}

/* "every Monday", "each year", "every two weeks", "daily", "per year" */
size_t tx_try_set(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = tx_word_at(c, i, i);
    static const struct { const char *word; const char *value; } adverbs[] = {
        { "daily", "P1D" }, { "weekly", "P1W" }, { "monthly", "P1M" }, { "annually", "P1Y" },
        { "yearly", "P1Y" }, { "hourly", "PT1H" }, { "nightly", "P1D" },
    };
    for (size_t k = 0; k < sizeof adverbs / sizeof adverbs[0]; k++) {
        if (TX_IS(w, adverbs[k].word)) {
            snprintf(m->value, sizeof m->value, "%s", adverbs[k].value);
            m->type = LEDE_TIMEX_SET;
            return 1;
        }
    }
    if (!TX_IS(w, "every", "each", "per"))
        return 0;
    tx_word x = tx_word_at(c, i, i + 1);
    int wd = x.upper ? tx_weekday(x.s, x.n) : 0;
    if (wd > 0 && !TX_IS(w, "per")) {
        snprintf(m->value, sizeof m->value, "XXXX-WXX-%d", wd);
        m->type = LEDE_TIMEX_SET;
        return 2;
    }
    int month = x.upper ? tx_month(x.s, x.n) : 0;
    if (month && !TX_IS(w, "per")) { /* "each July" */
        snprintf(m->value, sizeof m->value, "XXXX-%02d", month);
        m->type = LEDE_TIMEX_SET;
        return 2;
    }
    int count = 1, plural = 0;
    size_t used = tx_count_at(c, i, i + 1, &count);
    tx_word uw = tx_word_at(c, i, i + 1 + used);
    tx_unit unit = tx_unit_word(uw.s, uw.n, &plural);
    if (unit == TX_NONE || unit == TX_HALF)
        return 0;
    tx_set_duration(m, count < 0 ? 1 : count, unit);
    m->type = LEDE_TIMEX_SET;
    return used + 2;
}

/* "by year-end", "since year end", "by year's end": December 31, the coming one or, after
 * "since", the last one */
size_t tx_try_year_end(const tx_context *c, size_t i, tx_match *m)
{
    tx_word before = tx_word_at(c, i, i > 0 ? i - 1 : i), w = tx_word_at(c, i, i);
    if (i == 0 || !TX_IS(before, "by", "since", "until", "before", "at"))
        return 0;
    size_t n = TX_IS(w, "year-end") ? 1
               : TX_IS(w, "year") && TX_IS(tx_word_at(c, i, i + 1), "end") ? 2 : 0;
    if (!n)
        return 0;
    tx_set_relative(c, m, TX_YEAR, TX_IS(before, "since") ? -1 : 0);
    if (!(m->flags & LEDE_TIMEX_UNRESOLVED)) {
        size_t len = strlen(m->value);
        snprintf(m->value + len, sizeof m->value - len, "-12-31");
    }
    return n;
}
