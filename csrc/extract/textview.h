/*
 * textview — one article's tokens, sentences and paragraphs with its text, and the small
 * questions the extractors ask of a token (is it this word, is it capitalised, a quote glyph).
 */
#ifndef LEDE_EXTRACT_TEXTVIEW_H
#define LEDE_EXTRACT_TEXTVIEW_H

#include <stddef.h>
#include "lede.h"

typedef struct lede_textview {
    const lede_token *tok;
    size_t ntok;
    const lede_sentence *sent;
    size_t nsent;
    const lede_paragraph *para;
    size_t npara;
    const char *text;
    size_t len;
} lede_textview;

void lede_textview_init(lede_textview *v, const lede_article *a, const char *text, size_t len);

/* The token is a word whose lower-case form is `word` (NUL-terminated). */
int lede_tv_is(const lede_textview *v, size_t i, const char *word);
/* The token's lower-case form is in the sorted lower-case list. */
int lede_tv_in(const lede_textview *v, size_t i, const char *const *list, size_t n);
/* A word token whose first letter is upper case. */
int lede_tv_capitalised(const lede_textview *v, size_t i);
/* A quote token whose glyph is a single mark (' ‘ ’ ‚ ‹ ›) rather than a double one. */
int lede_tv_single_mark(const lede_textview *v, size_t i);
/* Index of the first token of the sentence after the one holding token i's sentence ends. */
size_t lede_tv_sentence_end(const lede_textview *v, size_t i);
size_t lede_tv_sentence_start(const lede_textview *v, size_t i);

#endif
