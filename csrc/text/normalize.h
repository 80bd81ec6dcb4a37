/* normalize — the form of a token that matching uses: NFKC, case-folded, one apostrophe, one
 * double quote and one hyphen, invalid bytes replaced; optionally without diacritics. */
#ifndef LEDE_TEXT_NORMALIZE_H
#define LEDE_TEXT_NORMALIZE_H

#include <stddef.h>
#include "lede.h"
#include "util/vec.h"

/* Appends the normalised form of text[0..len) to `out` (items: bytes). With fold_marks,
 * diacritics go too ("Martínez" → "martinez"). */
lede_status lede_normalize(const char *text, size_t len, int fold_marks, lede_vec *out);

#endif
