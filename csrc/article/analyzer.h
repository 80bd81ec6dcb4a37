/*
 * analyzer — what every article's analysis reuses: the Snowball stemmer and a cache from a
 * word's lower-case form to its stem and stopword flag. News vocabulary is Zipfian, so after a few
 * articles almost every word is a cache hit and the stemmer runs rarely.
 */
#ifndef LEDE_ARTICLE_ANALYZER_H
#define LEDE_ARTICLE_ANALYZER_H

#include <stddef.h>
#include "lede.h"

/* The stem of a lower-cased word ("ministers'" → "minist", "nato's" → "nato") and whether it is a
 * stopword. *stem points into the analyzer and is valid until the next lookup. */
lede_status lede_analyzer_lookup(lede_analyzer *a, const char *lower, size_t len, const char **stem,
                                 size_t *stem_len, int *stopword);

#endif
