/* timex_lexicon — the words of dates and times: months, weekdays, numbers, units, seasons. */
#include <string.h>
#include "extract/timex.h"

/* w (n bytes) is the NUL-terminated s. These linear word lists are the extractor's hot spot, and
 * the first byte settles almost every comparison, so no string is measured. */
static int eq(const char *w, size_t n, const char *s)
{
    for (size_t k = 0; k < n; k++)
        if (s[k] != w[k] || s[k] == '\0')
            return 0;
    return s[n] == '\0';
}

int tx_is(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (eq(w, n, *list))
            return 1;
    return 0;
}

/* Index+1 of w in a table of names grouped by value: several spellings per slot. */
static int lookup(const char *w, size_t n, const char *const table[][4], int count)
{
    for (int i = 0; i < count; i++)
        for (int k = 0; k < 4 && table[i][k]; k++)
            if (eq(w, n, table[i][k]))
                return i + 1;
    return 0;
}

int tx_month(const char *w, size_t n)
{
    static const char *const months[12][4] = {
        { "january", "jan" }, { "february", "feb" }, { "march", "mar" }, { "april", "apr" },
        { "may" }, { "june", "jun" }, { "july", "jul" }, { "august", "aug" },
        { "september", "sept", "sep" }, { "october", "oct" }, { "november", "nov" },
        { "december", "dec" },
    };
    return lookup(w, n, months, 12);
}

int tx_weekday(const char *w, size_t n)
{
    static const char *const days[7][4] = {
        { "monday", "mon" }, { "tuesday", "tue", "tues" }, { "wednesday", "wed" },
        { "thursday", "thu", "thur", "thurs" }, { "friday", "fri" }, { "saturday", "sat" },
        { "sunday", "sun" },
    };
    int d = lookup(w, n, days, 7);
    if (d || n < 7 || w[n - 1] != 's')
        return d;
    d = lookup(w, n - 1, days, 7); /* "Mondays": a recurrence */
    return d ? -d : 0;
}

static const char *const ones[20] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
};
static const char *const tens[10] = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
};

int tx_number_word(const char *w, size_t n)
{
    if (n > 0 && n <= 4) {
        int v = 0;
        size_t i = 0;
        while (i < n && w[i] >= '0' && w[i] <= '9')
            v = v * 10 + (w[i++] - '0');
        if (i == n)
            return v;
    }
    for (int i = 0; i < 20; i++)
        if (eq(w, n, ones[i]))
            return i;
    for (int t = 2; t < 10; t++) {
        if (n == 0 || w[0] != tens[t][0]) /* the first letter settles it for most words */
            continue;
        size_t tl = strlen(tens[t]);
        if (n < tl || memcmp(w, tens[t], tl) != 0)
            continue;
        if (n == tl)
            return t * 10;
        if (w[tl] == '-' || w[tl] == ' ')
            for (int i = 1; i < 10; i++)
                if (eq(w + tl + 1, n - tl - 1, ones[i]))
                    return t * 10 + i;
    }
    return -1;
}

int tx_ordinal(const char *w, size_t n)
{
    static const char *const words[][4] = {
        { "first" }, { "second" }, { "third" }, { "fourth" }, { "fifth" }, { "sixth" },
        { "seventh" }, { "eighth" }, { "ninth" }, { "tenth" }, { "eleventh" }, { "twelfth" },
        { "thirteenth" }, { "fourteenth" }, { "fifteenth" }, { "sixteenth" }, { "seventeenth" },
        { "eighteenth" }, { "nineteenth" }, { "twentieth" },
    };
    /* Every ordinal starts with a digit or one of these letters: most words are out at once. */
    if (n == 0 || !((w[0] >= '0' && w[0] <= '9') || strchr("efnst", w[0])))
        return 0;
    int v = lookup(w, n, words, 20);
    if (v)
        return v;
    if (n > 7 && memcmp(w, "twenty-", 7) == 0 && (v = lookup(w + 7, n - 7, words, 9)) > 0)
        return 20 + v;
    if (eq(w, n, "thirtieth"))
        return 30;
    if (eq(w, n, "thirty-first"))
        return 31;
    /* "3rd", "21st" */
    if (n >= 3 && n <= 4) {
        int d = 0;
        size_t i = 0;
        while (i < n && w[i] >= '0' && w[i] <= '9')
            d = d * 10 + (w[i++] - '0');
        if (i > 0 && n - i == 2 && (tx_is(w + i, 2, (const char *const[]){ "st", "nd", "rd", "th", NULL })))
            return d;
    }
    return 0;
}

tx_unit tx_unit_word(const char *w, size_t n, int *plural)
{
    static const struct { const char *one, *many; tx_unit unit; } units[] = {
        { "second", "seconds", TX_SECOND }, { "minute", "minutes", TX_MINUTE },
        { "hour", "hours", TX_HOUR }, { "day", "days", TX_DAY },
        { "weekend", "weekends", TX_WEEKEND }, { "week", "weeks", TX_WEEK },
        { "month", "months", TX_MONTH }, { "quarter", "quarters", TX_QUARTER },
        { "year", "years", TX_YEAR }, { "decade", "decades", TX_DECADE },
        { "century", "centuries", TX_CENTURY },
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (eq(w, n, units[i].one) || eq(w, n, units[i].many)) {
            if (plural)
                *plural = eq(w, n, units[i].many);
            return units[i].unit;
        }
    }
    return TX_NONE;
}

const char *tx_season(const char *w, size_t n)
{
    static const char *const names[4][4] = {
        { "spring" }, { "summer" }, { "fall", "autumn" }, { "winter" },
    };
    static const char *const codes[4] = { "SP", "SU", "FA", "WI" };
    int s = lookup(w, n, names, 4);
    return s ? codes[s - 1] : NULL;
}

const char *tx_part_of_day(const char *w, size_t n)
{
    static const char *const names[4][4] = {
        { "morning" }, { "afternoon" }, { "evening" }, { "night", "overnight" },
    };
    static const char *const codes[4] = { "MO", "AF", "EV", "NI" };
    int s = lookup(w, n, names, 4);
    return s ? codes[s - 1] : NULL;
}
