/* timex — internal pieces of the TIMEX3 recogniser: the word tables, calendar arithmetic, the
 * rules and the token matcher. The public API (lede_timexes) is in lede.h. */
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

/* ---- timex_match.c: what the rules share, and the matcher ---- */
typedef struct tx_word tx_word;

typedef struct tx_context {
    const lede_token *tokens;
    size_t ntokens;
    const char *text;
    const tx_word *words; /* each token as a word (tx_words), made once: the rules ask often */
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

/* A token's lower-case form without a final period or possessive, to look words up. */
struct tx_word {
    char s[32];
    size_t n;
    int upper; /* the original starts with a capital letter */
    int possessive;
    uint8_t kind;
    uint8_t may_start; /* an expression can begin with this word (tx_may_start) */
};

/* Every token as a word, for tx_context.words: an array of ntokens the caller frees, or NULL
 * when memory runs out. */
tx_word *tx_words(const lede_token *tokens, size_t ntokens, const char *text);
/* Token j as a word, empty when it is past the end or outside the sentence of token i. */
tx_word tx_word_at(const tx_context *c, size_t i, size_t j);
#define TX_IS(w, ...) tx_is((w).s, (w).n, (const char *const[]){ __VA_ARGS__, NULL })

/* Of three dates a year apart (`days[k]` in the reference's year - 1 + k), the index of the one
 * a story mentioning it at tokens [i, end) most likely means. */
int tx_nearest_of(const tx_context *c, size_t i, size_t end, const int64_t days[3]);

/* Words, counts and years (`j` is a token index; the sentence of token i bounds the look). */
int tx_year_of(const tx_word *w);   /* "1998" → 1998, else 0 */
int tx_count_at(const tx_context *c, size_t i, size_t j, int *value); /* tokens used */
size_t tx_spelled_year(const tx_context *c, size_t i, size_t j, int *year);
size_t tx_year_at(const tx_context *c, size_t i, size_t j, int *year);
int tx_skip_the(const tx_context *c, size_t i, size_t *j, tx_word *w);

/* Writing a value into a match. */
void tx_set_duration(tx_match *m, int count, tx_unit unit);
void tx_set_relative(const tx_context *c, tx_match *m, tx_unit unit, int offset);
void tx_set_quarter(const tx_context *c, tx_match *m, int q);
void tx_set_season_latest(const tx_context *c, tx_match *m, const char *code);
void tx_set_weekday(const tx_context *c, tx_match *m, int wd, int dir, int strict);
void tx_set_month_near(const tx_context *c, size_t i, size_t end, tx_match *m, int month,
                       int day);
void tx_add_time(tx_match *m, const char *suffix);

/* ---- timex_tense.c: does the text around an expression at tokens [i, end) speak of the
 * future? ---- */
/* Somewhere in the sentence of token i: "will", "scheduled", "'ll". */
int tx_future_sentence(const tx_context *c, size_t i);
/* In its clause: a future auxiliary or a verb of forecasting or planning before it ("would close
 * on Wednesday", "is forecast to make landfall late on Wednesday"), unless a word of the past
 * comes first ("said Tuesday it will…"); "until", "as early as" right before it; or after it when
 * it opens the sentence or a "when" clause follows ("on Wednesday, when ministers will meet"). */
int tx_future_near(const tx_context *c, size_t i, size_t end);
/* A word of deadline right before token i: "by", "until", "effective", "expires (on)". */
int tx_deadline_before(const tx_context *c, size_t i);

/* The rules: each returns the number of tokens of the expression at token i, 0 for none. */
/* ---- timex_absolute.c: expressions that name their date ---- */
size_t tx_try_numeric(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_month(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_year(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_quarter(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_weekday(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_season(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_clock(const tx_context *c, size_t i, tx_match *m);
/* ---- timex_relative.c: expressions that count from the reference or measure time ---- */
size_t tx_try_deictic(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_anchored(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_year_ago(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_duration(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_set(const tx_context *c, size_t i, tx_match *m);
size_t tx_try_year_end(const tx_context *c, size_t i, tx_match *m);
/* ---- timex_holiday.c: "Thanksgiving", "Christmas Day", "last Easter" ---- */
size_t tx_try_holiday(const tx_context *c, size_t i, tx_match *m);
int tx_holiday_word(const char *w, size_t n); /* the first word of a holiday's name */

/* Whether some rule can match with this word as its first token: the union of what each
 * tx_try_* asks of its first token. A rule taught to start with another word must add it here,
 * or it will never be tried at that word. */
int tx_may_start(const tx_word *w);

/* The longest expression that starts at token i. */
void tx_match_at(const tx_context *c, size_t i, tx_match *m);

#endif
