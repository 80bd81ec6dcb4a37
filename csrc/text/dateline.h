/* dateline — the place (and often date and agency) that opens a wire story:
 * "BRUSSELS (Reuters) -", "LONDON —", "GENEVA, Feb. 13 (AFP) –", "KYIV, Ukraine (AP) —". */
#ifndef LEDE_TEXT_DATELINE_H
#define LEDE_TEXT_DATELINE_H

#include <stddef.h>
#include "lede.h"

/* Finds a dateline at the start of text; returns 1 and fills *span (up to and including the
 * dash), or 0. */
int lede_find_dateline(const char *text, size_t len, lede_span *span);

#endif
