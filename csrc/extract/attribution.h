/*
 * attribution — the reporting cue ("said", "told reporters", "according to") and the speaker
 * mention next to it: a name with its titles, a pronoun, or a description ("the alliance's chief").
 */
#ifndef LEDE_EXTRACT_ATTRIBUTION_H
#define LEDE_EXTRACT_ATTRIBUTION_H

#include <stddef.h>
#include "extract/textview.h"

typedef enum lede_mention_kind {
    LEDE_MENTION_NONE = 0,
    LEDE_MENTION_NAME,
    LEDE_MENTION_PRONOUN,
    LEDE_MENTION_DESCRIPTION
} lede_mention_kind;

typedef struct lede_attribution {
    size_t cue, cue_end;         /* cue tokens [cue, cue_end) */
    size_t speaker, speaker_end; /* mention tokens, when kind is not NONE */
    lede_mention_kind kind;
} lede_attribution;

/* Number of tokens of the cue that starts at token i, 0 when none starts there. */
size_t lede_cue_at(const lede_textview *v, size_t i);

/*
 * Looks for an attribution in tokens [lo, hi), the cue nearest `near` first (near == lo: scan
 * forwards; near == hi: backwards). The speaker is the subject before the cue, or after it when
 * inverted ("said Smith", "according to Smith"). Returns 1 when a cue was found.
 */
int lede_attribution_find(const lede_textview *v, size_t lo, size_t hi, size_t near,
                          lede_attribution *out);

/* Whether tokens [i, end) read as a person's name with titles (two capitalised words or more,
 * or a title and a name, and no word that names an organisation or place). */
int lede_looks_like_person(const lede_textview *v, size_t i, size_t end);

/* The word names an organisation, a document or a group, not a person ("ministry", "letter"). */
int lede_names_thing(const lede_textview *v, size_t i);

/* The first token from `start` on such that [.., last] looks like a person ("NATO
 * Secretary-General Jens Stoltenberg" → "Jens Stoltenberg"); `last` when none does. */
size_t lede_person_start(const lede_textview *v, size_t start, size_t last);

/* The capitalised run (with titles and initials) that ends at token `last`: its first token. */
size_t lede_name_start(const lede_textview *v, size_t lo, size_t last);

#endif
