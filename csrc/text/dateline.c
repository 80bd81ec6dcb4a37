#include "text/dateline.h"

#include <string.h>

enum { MAX_DATELINE = 120 };

/* Length of the dash separator at i ("-" between spaces, "--", an en or em dash), or 0. */
static size_t dash_at(const unsigned char *s, size_t len, size_t i)
{
    if (i + 3 <= len && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x93 || s[i + 2] == 0x94))
        return 3;
    if (i + 2 <= len && s[i] == '-' && s[i + 1] == '-')
        return 2;
    if (i + 1 < len && i > 0 && s[i] == '-' && s[i - 1] == ' ' && s[i + 1] == ' ')
        return 1;
    return 0;
}

int lede_find_dateline(const char *text, size_t len, lede_span *span)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    size_t start = i, limit = len - start > MAX_DATELINE ? start + MAX_DATELINE : len;

    /* The place: capitals, with spaces, periods, apostrophes and hyphens ("ST. JOHN'S"). Non-ASCII
     * capitals are allowed as any byte above 0x7F, since a lower-case letter there is rare. */
    size_t capitals = 0, j = i;
    while (j < limit) {
        unsigned char c = s[j];
        if ((c >= 'A' && c <= 'Z') || c >= 0x80)
            capitals += c < 0x80;
        else if (!(c == ' ' || c == '.' || c == '\'' || (c == '-' && !dash_at(s, len, j))))
            break;
        if (dash_at(s, len, j))
            break;
        j++;
    }
    if (capitals < 2 || j >= limit || !(s[j] == ',' || s[j] == '(' || dash_at(s, len, j)))
        return 0;
    /* Then, before the dash, only a region, a date and an agency: "(…)", commas, words, numbers. */
    int parens = 0;
    for (; j < limit; j++) {
        size_t dash = dash_at(s, len, j);
        if (dash && parens == 0) {
            span->start = (uint32_t)start;
            span->end = (uint32_t)(j + dash);
            return 1;
        }
        unsigned char c = s[j];
        if (c == '(')
            parens++;
        else if (c == ')')
            parens--;
        else if (c == '\n' || c == '"' || c == '!' || c == '?' || c == ';' || parens < 0 ||
                 (c == '.' && j + 1 < len && s[j + 1] != ' '))
            return 0;
    }
    return 0;
}
