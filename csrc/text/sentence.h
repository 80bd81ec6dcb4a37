/*
 * sentence — the news sentence splitter. It works on tokens (see tokenize.h, whose roles mark the
 * candidates) inside each paragraph: a paragraph end is always a boundary; inside one, a boundary
 * follows a terminal token, any closing quotes and brackets, when what comes next opens a sentence.
 * Abbreviations, initials, ellipses and list markers each have their own rule below.
 */
#ifndef LEDE_TEXT_SENTENCE_H
#define LEDE_TEXT_SENTENCE_H

#include <stddef.h>
#include "lede.h"
#include "text/tokenize.h"
#include "util/vec.h"

/*
 * Appends the sentences of every paragraph to `out` (items: lede_sentence) and fills each
 * paragraph's first_sentence and sentence_count. Tokens are in text order and each lies inside
 * one of the paragraphs, which are in text order too.
 */
lede_status lede_split_sentences(const char *text, const lede_rawtoken *tokens, size_t ntokens,
                                 lede_paragraph *paragraphs, size_t nparagraphs, lede_vec *out);

#endif
