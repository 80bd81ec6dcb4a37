/* timex_holiday — named days: "Thanksgiving Day", "Christmas Eve", "last Easter", "Election Day
 * 1998", "Easter week". Their dates follow fixed calendar rules (a fixed day, the n-th weekday
 * of a month, or a distance from Easter), so they resolve like any other date. */
#include <stdio.h>
#include "extract/timex.h"

typedef enum { FIXED, WEEKDAY_FROM, EASTER } rule_kind;

typedef struct holiday {
    const char *words[4]; /* lower case, possessives stripped; NULL-terminated */
    int need_day;         /* "Election" alone is not a date, "Election Day" is */
    rule_kind kind;
    int month, day;       /* FIXED: the day; WEEKDAY_FROM: the first day it may fall on */
    int weekday;          /* WEEKDAY_FROM: 1 (Monday)..7 */
    int easter_offset;    /* EASTER: days from Easter Sunday */
} holiday;

/* Longer names first, so that "Christmas Eve" is not read as "Christmas". US holidays, as the
 * news lede is tuned on is mostly American. */
static const holiday holidays[] = {
    { { "christmas", "eve" }, 0, FIXED, 12, 24, 0, 0 },
    { { "new", "year", "eve" }, 0, FIXED, 12, 31, 0, 0 },
    { { "fourth", "of", "july" }, 0, FIXED, 7, 4, 0, 0 },
    { { "easter", "sunday" }, 0, EASTER, 0, 0, 0, 0 },
    { { "easter", "monday" }, 0, EASTER, 0, 0, 0, 1 },
    { { "good", "friday" }, 0, EASTER, 0, 0, 0, -2 },
    { { "christmas" }, 0, FIXED, 12, 25, 0, 0 },
    { { "new", "year" }, 1, FIXED, 1, 1, 0, 0 },
    { { "boxing" }, 1, FIXED, 12, 26, 0, 0 },
    { { "independence" }, 1, FIXED, 7, 4, 0, 0 },
    { { "valentine" }, 1, FIXED, 2, 14, 0, 0 },
    { { "veterans" }, 1, FIXED, 11, 11, 0, 0 },
    { { "halloween" }, 0, FIXED, 10, 31, 0, 0 },
    { { "thanksgiving" }, 0, WEEKDAY_FROM, 11, 22, 4, 0 }, /* fourth Thursday of November */
    { { "election" }, 1, WEEKDAY_FROM, 11, 2, 2, 0 },     /* Tuesday after the first Monday */
    { { "labor" }, 1, WEEKDAY_FROM, 9, 1, 1, 0 },
    { { "memorial" }, 1, WEEKDAY_FROM, 5, 25, 1, 0 },     /* last Monday of May */
    { { "columbus" }, 1, WEEKDAY_FROM, 10, 8, 1, 0 },
    { { "presidents" }, 1, WEEKDAY_FROM, 2, 15, 1, 0 },
    { { "easter" }, 0, EASTER, 0, 0, 0, 0 },
};

/* Easter Sunday of a Gregorian year (the anonymous "Meeus/Jones/Butcher" computus). */
static int64_t easter(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return tx_days(y, month, day);
}

static int64_t holiday_in(const holiday *h, int year)
{
    switch (h->kind) {
    case FIXED:
        return tx_days(year, h->month, h->day);
    case WEEKDAY_FROM: {
        int64_t from = tx_days(year, h->month, h->day);
        return from + (h->weekday - tx_weekday_of(from) + 7) % 7;
    }
    case EASTER:
    default:
        return easter(year) + h->easter_offset;
    }
}

/* The holiday named at token j, or NULL; *end is the token after the name (and its "Day"). */
static const holiday *holiday_at(const tx_context *c, size_t i, size_t j, size_t *end)
{
    tx_word first = tx_word_at(c, i, j);
    if (!first.upper)
        return NULL;
    for (size_t h = 0; h < sizeof holidays / sizeof holidays[0]; h++) {
        size_t k = 0;
        while (holidays[h].words[k]) {
            tx_word w = tx_word_at(c, i, j + k);
            if (!tx_is(w.s, w.n, (const char *const[]){ holidays[h].words[k], NULL }))
                break;
            k++;
        }
        if (holidays[h].words[k])
            continue;
        tx_word day = tx_word_at(c, i, j + k);
        int has_day = day.upper && TX_IS(day, "day");
        if (holidays[h].need_day && !has_day)
            continue;
        *end = j + k + has_day;
        return &holidays[h];
    }
    return NULL;
}

int tx_holiday_word(const char *w, size_t n)
{
    for (size_t h = 0; h < sizeof holidays / sizeof holidays[0]; h++)
        if (tx_is(w, n, (const char *const[]){ holidays[h].words[0], NULL }))
            return 1;
    return 0;
}

size_t tx_try_holiday(const tx_context *c, size_t i, tx_match *m)
{
    tx_word w = tx_word_at(c, i, i);
    int anchored = TX_IS(w, "last", "next", "this");
    int offset = TX_IS(w, "last") ? -1 : TX_IS(w, "next") ? 1 : 0;
    size_t end;
    const holiday *h = holiday_at(c, i, i + (size_t)anchored, &end);
    if (!h)
        return 0;
    m->type = LEDE_TIMEX_DATE;
    tx_word after = tx_word_at(c, i, end);
    int week = TX_IS(after, "week"); /* "Easter week": TimeBank gives the ISO week */
    end += (size_t)week;
    int year = 0;
    tx_word yw = tx_word_at(c, i, end);
    if (!anchored && yw.kind == LEDE_TOKEN_NUMBER && yw.n == 4) {
        year = tx_number_word(yw.s, yw.n);
        if (year >= 1000 && year <= 2999)
            end++;
        else
            year = 0;
    }
    int64_t day;
    if (year)
        day = holiday_in(h, year);
    else if (!c->has_ref) {
        snprintf(m->value, sizeof m->value, week ? "XXXX-WXX" : "XXXX-XX-XX");
        m->flags |= LEDE_TIMEX_UNRESOLVED;
        m->used_ref = 1;
        return end - i;
    } else {
        int ry, rm, rd;
        tx_civil(c->ref, &ry, &rm, &rd);
        int64_t days[3];
        for (int k = 0; k < 3; k++)
            days[k] = holiday_in(h, ry - 1 + k);
        int k;
        if (offset < 0) /* the latest one before the reference */
            k = days[1] < c->ref ? 1 : 0;
        else if (offset > 0) /* the first one after */
            k = days[1] > c->ref ? 1 : 2;
        else
            k = anchored ? 1 : tx_nearest_of(c, i, end, days);
        day = days[k];
        m->used_ref = 1;
    }
    tx_format_period(m->value, sizeof m->value, day, week ? TX_WEEK : TX_DAY, 0);
    return end - i;
}
