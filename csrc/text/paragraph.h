/*
 * paragraph — where paragraphs begin and end. Three layouts occur in news text:
 *   - blank lines between paragraphs (most feeds);
 *   - one paragraph per line (scraped pages, BBC-style dumps);
 *   - hard-wrapped lines with indented paragraph starts (wire archives such as Reuters-21578).
 * The layout is chosen per text from its lines, then paragraphs are cut accordingly.
 */
#ifndef LEDE_TEXT_PARAGRAPH_H
#define LEDE_TEXT_PARAGRAPH_H

#include <stddef.h>
#include "lede.h"
#include "util/vec.h"

/* Appends the paragraph spans of text[0..len) to `out` (items: lede_span), trimmed of blanks;
 * blank paragraphs are skipped. */
lede_status lede_find_paragraphs(const char *text, size_t len, lede_vec *out);

#endif
