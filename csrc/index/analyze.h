/*
 * analyze — how text becomes index terms, shared by indexing and querying so that both always
 * agree: stems of the words and numbers, with hyphenated words split into their parts
 * ("Secretary-General" → "secretari", "general"); and the whole-value form of keywords.
 */
#ifndef LEDE_INDEX_ANALYZE_H
#define LEDE_INDEX_ANALYZE_H

#include <stddef.h>
#include "lede.h"
#include "util/vec.h"

/* Receives each index term of a text in order; its position is the count of terms before it. */
typedef lede_status (*lede_term_sink)(void *ctx, const char *term, size_t len, int stopword);

lede_status lede_index_terms(lede_analyzer *analyzer, const char *text, size_t len,
                             lede_term_sink sink, void *ctx);

/* The matching form of a keyword value: case-folded, white space folded and trimmed. Replaces
 * the contents of `out` (bytes). */
lede_status lede_keyword_form(const char *value, size_t len, lede_vec *out);

#endif
