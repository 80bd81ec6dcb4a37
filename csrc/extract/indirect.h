/*
 * indirect — reported speech in one sentence with no quotation marks: "X said that …",
 * "According to X, …", "…, X said." and "…, according to X."
 */
#ifndef LEDE_EXTRACT_INDIRECT_H
#define LEDE_EXTRACT_INDIRECT_H

#include "extract/attribution.h"

/* Returns 1 when sentence `s` reports speech, with the attribution and the reported clause's
 * tokens [*first, *end). */
int lede_indirect_find(const lede_textview *v, size_t s, lede_attribution *a, size_t *first,
                       size_t *end);

#endif
