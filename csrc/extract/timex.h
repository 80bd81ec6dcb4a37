/* timex — internal pieces of the TIMEX3 recogniser: the word tables, calendar arithmetic and the
 * token matcher. The public API (lede_timexes) is in lede.h. */
#ifndef LEDE_EXTRACT_TIMEX_H
#define LEDE_EXTRACT_TIMEX_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"

/* Units of time, also the granularity of a relative date. */
typedef enum tx_unit {
    TX_NONE = 0, TX_SECOND, TX_MINUTE, TX_HOUR, TX_DAY, TX_WEEKEND, TX_WEEK, TX_MONTH,
    TX_QUARTER, TX_HALF, TX_YEAR, TX_DECADE, TX_CENTURY
} tx_unit;

/* ---- timex_lexicon.c: words → meanings (`w` is lower case, without "." or "'s") ---- */
int tx_month(const char *w, size_t n);       /* 1..12, or 0 */
int tx_weekday(const char *w, size_t n);     /* 1 (Monday)..7, or 0; plural "mondays" → -day */
int tx_number_word(const char *w, size_t n); /* "one".."ninety-nine", digits; -1 when none */
int tx_ordinal(const char *w, size_t n);     /* "first".."thirty-first", "3rd"; 0 when none */
tx_unit tx_unit_word(const char *w, size_t n, int *plural);
const char *tx_season(const char *w, size_t n);     /* "SP" "SU" "FA" "WI", or NULL */
const char *tx_part_of_day(const char *w, size_t n); /* "MO" "AF" "EV" "NI", or NULL */
int tx_is(const char *w, size_t n, const char *const *list); /* list ends with NULL */

/* ---- timex_calendar.c: proleptic Gregorian days since 1970-01-01 ---- */
int64_t tx_days(int year, int month, int day);
void tx_civil(int64_t days, int *year, int *month, int *day);
int tx_weekday_of(int64_t days);             /* 1 (Monday)..7 */
int tx_valid_day(int year, int month, int day);
/* Writes the value of the period `offset` units of `unit` from `days` ("2020-W07", "2020-Q1"). */
void tx_format_period(char *out, size_t cap, int64_t days, tx_unit unit, int offset);
/* The same period with X for every digit the reference would have given ("XXXX-WXX"). */
void tx_format_unresolved(char *out, size_t cap, tx_unit unit);

/* ---- timex_match.c: one expression at a token ---- */
typedef struct tx_context {
    const lede_token *tokens;
    size_t ntokens;
    const char *text;
    int has_ref;
    int64_t ref;   /* days of the reference date */
    int fallback;  /* the reference was found in the text, not given */
    int quarterly; /* earnings news: "a year earlier" is the quarter reported, a year back */
} tx_context;

typedef struct tx_match {
    size_t ntokens;        /* tokens consumed; 0 when nothing matched */
    size_t first;          /* first token of the span (a "the" before may be left out) */
    lede_timex_type type;
    unsigned flags;        /* LEDE_TIMEX_* */
    int used_ref;          /* the value depends on the reference date */
    char value[LEDE_TIMEX_VALUE_MAX];
} tx_match;

/* The longest expression that starts at token i. */
void tx_match_at(const tx_context *c, size_t i, tx_match *m);

#endif
