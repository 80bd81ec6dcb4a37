/*
 * abbrev — the words whose following period belongs to them ("Feb.", "Gen.", "Inc."), and what
 * such a period says about a sentence boundary.
 */
#ifndef LEDE_TEXT_ABBREV_H
#define LEDE_TEXT_ABBREV_H

#include <stddef.h>

typedef enum lede_abbrev_class {
    LEDE_ABBREV_NONE = 0,
    LEDE_ABBREV_TITLE,   /* comes before a name: never ends a sentence ("Gen.", "Mr.", "St.") */
    LEDE_ABBREV_MONTH,   /* "Feb." — before a day number it never ends a sentence */
    LEDE_ABBREV_NUMERIC, /* only an abbreviation before a number ("No. 10", "p. 55") */
    LEDE_ABBREV_GENERAL  /* may end a sentence ("Inc.", "Jr.", "etc.", "Calif.") */
} lede_abbrev_class;

/* No abbreviation in the lists is longer than this ("approx", "messrs"). */
#define LEDE_ABBREV_MAX_LEN 6

/* Classifies the word before a period, as written (case matters: "St." is a title, "st." a street). */
lede_abbrev_class lede_abbrev_classify(const char *word, size_t len);

#endif
