/*
 * quote_marks — pairs quotation marks into quoted segments, one paragraph at a time, using the
 * open/close sides the tokenizer gave each mark.
 */
#ifndef LEDE_EXTRACT_QUOTE_MARKS_H
#define LEDE_EXTRACT_QUOTE_MARKS_H

#include <stdint.h>
#include "extract/textview.h"
#include "util/vec.h"

#define LEDE_NO_TOKEN UINT32_MAX

typedef struct lede_quoted {
    uint32_t open;       /* token of the opening mark */
    uint32_t close;      /* token of the closing mark, LEDE_NO_TOKEN when the paragraph ends first */
    uint32_t first, end; /* content tokens [first, end) */
    lede_span content;   /* bytes between the marks */
    uint8_t single;      /* single marks ('…', ‘…’) rather than double */
} lede_quoted;

/* Appends the quoted segments of the article to `out` (items: lede_quoted), in text order. A
 * double mark left open runs to its paragraph's end; a single one left open is no quote (it is
 * more often an apostrophe). */
lede_status lede_quoted_find(const lede_textview *v, lede_vec *out);

#endif
