/* quote_marks — pairing opening and closing marks of the same kind within a paragraph. */
#include "extract/quote_marks.h"

static int is_mark(const lede_textview *v, size_t i, int single)
{
    return v->tok[i].kind == LEDE_TOKEN_QUOTE && lede_tv_single_mark(v, i) == single;
}

/* The closing mark for the opening one at `open`, before `stop`, or LEDE_NO_TOKEN. Another
 * opening double mark first (*reopened) means this one was a stray or misturned mark. */
static uint32_t find_close(const lede_textview *v, size_t open, size_t stop, int single,
                           size_t *reopened)
{
    *reopened = 0;
    for (size_t j = open + 1; j < stop; j++) {
        if (!is_mark(v, j, single))
            continue;
        if (v->tok[j].flags & LEDE_TOKEN_CLOSE)
            return (uint32_t)j;
        if (!single && (v->tok[j].flags & LEDE_TOKEN_OPEN)) {
            *reopened = j;
            return LEDE_NO_TOKEN;
        }
    }
    return LEDE_NO_TOKEN;
}

static lede_status scan_paragraph(const lede_textview *v, size_t lo, size_t hi, lede_vec *out)
{
    for (size_t i = lo; i < hi; i++) {
        if (v->tok[i].kind != LEDE_TOKEN_QUOTE || (v->tok[i].flags & LEDE_TOKEN_CLOSE))
            continue;
        int single = lede_tv_single_mark(v, i);
        size_t reopened;
        uint32_t close = find_close(v, i, hi, single, &reopened);
        if (reopened) {
            i = reopened - 1; /* start again at the mark that opens a quotation */
            continue;
        }
        if (close == LEDE_NO_TOKEN && single)
            continue;
        size_t end = close == LEDE_NO_TOKEN ? hi : close;
        if (end == i + 1)
            continue; /* nothing between the marks */
        lede_quoted *q = lede_vec_push(out);
        if (!q)
            return LEDE_ERR_NOMEM;
        q->open = (uint32_t)i;
        q->close = close;
        q->first = (uint32_t)i + 1;
        q->end = (uint32_t)end;
        q->content.start = v->tok[i + 1].span.start;
        q->content.end = v->tok[end - 1].span.end;
        q->single = (uint8_t)single;
        if (close == LEDE_NO_TOKEN)
            break;
        i = close;
    }
    return LEDE_OK;
}

lede_status lede_quoted_find(const lede_textview *v, lede_vec *out)
{
    for (size_t p = 0; p < v->npara && v->ntok; p++) {
        const lede_paragraph *para = &v->para[p];
        if (para->sentence_count == 0)
            continue;
        const lede_sentence *first = &v->sent[para->first_sentence];
        const lede_sentence *last = &v->sent[para->first_sentence + para->sentence_count - 1];
        lede_status st = scan_paragraph(v, first->first_token,
                                        last->first_token + last->token_count, out);
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}
