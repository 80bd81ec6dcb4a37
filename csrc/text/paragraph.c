#include "text/paragraph.h"

#include <string.h>

#include "text/utf8.h"

typedef struct line {
    size_t start, end;       /* the line without its newline */
    size_t text_start, text_end; /* without leading and trailing blanks; equal when blank */
} line;

static int blank_at(const unsigned char *s, size_t len, size_t i, size_t *w)
{
    int invalid;
    uint32_t cp = lede_utf8_decode(s, len, i, w, &invalid);
    return !invalid && lede_charclass_of(cp) == LEDE_CC_SPACE;
}

/* Start of the code point that ends just before i (i > from). */
static size_t previous_start(const unsigned char *s, size_t from, size_t i)
{
    size_t k = i - 1;
    while (k > from && i - k < 4 && (s[k] & 0xC0) == 0x80)
        k--;
    return k;
}

/* Reads the line that starts at i; returns where the next line starts. */
static size_t read_line(const unsigned char *s, size_t len, size_t i, line *ln)
{
    const unsigned char *nl = memchr(s + i, '\n', len - i);
    size_t j = nl ? (size_t)(nl - s) : len, w;
    ln->start = i;
    ln->end = j;
    size_t a = i;
    while (a < j && blank_at(s, len, a, &w))
        a += w;
    size_t b = j;
    while (b > a) { /* trailing blanks, read backwards */
        size_t k = previous_start(s, a, b);
        if (!blank_at(s, j, k, &w) || k + w != b)
            break;
        b = k;
    }
    ln->text_start = a;
    ln->text_end = b;
    return j < len ? j + 1 : j;
}

static int ends_sentence(const unsigned char *s, const line *ln)
{
    unsigned char c = s[ln->text_end - 1];
    return c == '.' || c == '?' || c == '!' || c == ':' || c == '"' ||
           (ln->text_end - ln->text_start >= 3 && s[ln->text_end - 3] == 0xE2 &&
            s[ln->text_end - 2] == 0x80 && (c == 0x9D || c == 0x99 || c == 0xA6));
}

typedef enum layout { BLANK_LINES, ONE_PER_LINE, WRAPPED } layout;

/* Hard-wrapped text breaks lines mid-sentence; one-paragraph-per-line text ends almost every
 * line with a sentence. */
static layout detect_layout(const unsigned char *s, size_t len)
{
    size_t lines = 0, ended = 0, long_lines = 0, i = 0;
    int seen_text = 0, blank_after_text = 0;
    line ln;
    while (i < len) {
        size_t next = read_line(s, len, i, &ln);
        if (ln.text_start == ln.text_end) {
            blank_after_text = seen_text;
        } else {
            if (blank_after_text)
                return BLANK_LINES;
            seen_text = 1;
            if (next < len) { /* the last line says nothing about wrapping */
                lines++;
                ended += ends_sentence(s, &ln);
                long_lines += ln.text_end - ln.text_start > 100;
            }
        }
        i = next;
    }
    return lines >= 3 && ended * 2 < lines && long_lines * 10 < lines ? WRAPPED : ONE_PER_LINE;
}

static lede_status push_span(lede_vec *out, size_t start, size_t end)
{
    if (start >= end)
        return LEDE_OK;
    lede_span *p = lede_vec_push(out);
    if (!p)
        return LEDE_ERR_NOMEM;
    p->start = (uint32_t)start;
    p->end = (uint32_t)end;
    return LEDE_OK;
}

lede_status lede_find_paragraphs(const char *text, size_t len, lede_vec *out)
{
    const unsigned char *s = (const unsigned char *)text;
    layout lay = detect_layout(s, len);
    size_t i = 0, para_start = 0, para_end = 0;
    int open = 0;
    line ln;
    while (i < len) {
        size_t next = read_line(s, len, i, &ln);
        int blank = ln.text_start == ln.text_end;
        int indented = ln.text_start > ln.start;
        int breaks = blank || lay == ONE_PER_LINE || (lay == WRAPPED && indented);
        if (open && breaks) {
            lede_status st = push_span(out, para_start, para_end);
            if (st != LEDE_OK)
                return st;
            open = 0;
        }
        if (!blank) {
            if (!open)
                para_start = ln.text_start;
            para_end = ln.text_end;
            open = 1;
        }
        i = next;
    }
    return open ? push_span(out, para_start, para_end) : LEDE_OK;
}
