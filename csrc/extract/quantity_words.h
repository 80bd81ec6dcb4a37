/*
 * quantity_words — the vocabulary of quantities: spelled numbers, multipliers, vague counts,
 * fractions, currencies, units, approximation cues, and the calendar words that rule a number
 * out. Lookups take a token's lower-case form; none allocates.
 */
#ifndef LEDE_EXTRACT_QUANTITY_WORDS_H
#define LEDE_EXTRACT_QUANTITY_WORDS_H

#include <stddef.h>
#include "lede.h"

/* "five" 5, "twenty-four" 24, "dozen" 12; -1 when the word is no number. */
double lede_qw_number(const char *w, size_t len);

/* "thousand" 1e3, "million" 1e6, "bn" 1e9, "k" 1e3 ("m" is a multiplier only after money and is
 * left to the caller); 0 when the word multiplies nothing. */
double lede_qw_multiplier(const char *w, size_t len);

/* Vague counts that need "of": "dozens" 12, "hundreds" 100, "thousands" 1e3, "tens" 10,
 * "millions" 1e6; 0 when not one. */
double lede_qw_vague(const char *w, size_t len);

/* "two-thirds" 2/3, "three-quarters" 0.75, "half" 0.5, "third" 1/3; 0 when not one. `needs_of`
 * is set for the single words ("half of", "a third of") that are fractions only before "of". */
double lede_qw_fraction(const char *w, size_t len, int *needs_of);

/* "dollars" → "USD", "euros" → "EUR"…; NULL when not a currency name. */
const char *lede_qw_currency_word(const char *w, size_t len);

/* The currency a symbol at the start of `s` stands for ("$", "€", "£", "¥"), its width in
 * *width; NULL when `s` starts with none. */
const char *lede_qw_currency_symbol(const char *s, size_t len, size_t *width);

/* "kilometres" → "km", "tonnes" → "tonne", "mph" → "mph"…; NULL when not a unit. */
const char *lede_qw_unit(const char *w, size_t len);

/* The one-word approximation cues: "around" → ABOUT, "over" → MORE_THAN, "under" → LESS_THAN;
 * LEDE_APPROX_NONE otherwise. */
lede_approx lede_qw_cue(const char *w, size_t len);

/* Month names and their abbreviations ("feb", "feb.", "sept"): a number beside one is a date. */
int lede_qw_is_month(const char *w, size_t len);

/* Words after which a number is a label, not an amount ("no.", "page", "flight", "route"). */
int lede_qw_is_label(const char *w, size_t len);

#endif
