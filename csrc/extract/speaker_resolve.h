/*
 * speaker_resolve — the name a pronoun or description speaker refers to: the nearest earlier
 * person-like name outside quotations, within a few sentences; none rather than a guess.
 */
#ifndef LEDE_EXTRACT_SPEAKER_RESOLVE_H
#define LEDE_EXTRACT_SPEAKER_RESOLVE_H

#include <stdint.h>
#include "extract/attribution.h"

/* `quoted[i]` is non-zero for tokens inside quotation marks (they are someone's words, not the
 * writer's). Returns 1 and the name's span when the mention of `a` resolves. */
int lede_speaker_resolve(const lede_textview *v, const uint8_t *quoted, const lede_attribution *a,
                         lede_span *name);

#endif
