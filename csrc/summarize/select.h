/*
 * select — choosing ranked sentences under a budget: best first, skipping what repeats a chosen
 * sentence (maximal marginal relevance with a similarity bar), and preferring not to take a
 * sentence that leans on an unchosen neighbour (a dangling "He added…", a quotation left open).
 */
#ifndef LEDE_SUMMARIZE_SELECT_H
#define LEDE_SUMMARIZE_SELECT_H

#include <stddef.h>
#include "lede.h"
#include "summarize/sentences.h"

typedef struct lede_choice {
    size_t sentence;  /* index into the set */
    lede_span span;   /* the whole sentence, or its cut part */
} lede_choice;

/* Chooses sentences of `set` (scores already set) within the options' budget. `inputs` give the
 * tokens needed to cut a sentence. *out is malloc'd, in reading order. */
lede_status lede_select(const lede_sset *set, const lede_summary_input *inputs,
                        const lede_summary_options *options, lede_choice **out, size_t *count);

#endif
