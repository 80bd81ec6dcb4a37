/*
 * The tokenizer is a single left-to-right scan. At each position it tries, in order: a run of
 * invalid bytes, a URL, an e-mail address, a number, a word, then punctuation and symbols. Every
 * rule consumes at least one byte, so the scan always ends, and no rule looks back further than
 * the current line, so the scan stays linear even on a megabyte without a space.
 */
#include "text/tokenize.h"

#include <string.h>

#include "text/utf8.h"

typedef struct scanner {
    const unsigned char *s;
    size_t len;
    lede_vec *out;
    int open_single;         /* single quotes opened and not yet closed */
    int open_double;         /* double quotes opened and not yet closed */
    size_t next_at;          /* position of the next '@' at or after the scan, or len */
} scanner;

/* Code point at i, or 0 with width 0 past the end. */
static uint32_t cp_at(const scanner *sc, size_t i, size_t *width)
{
    int invalid;
    if (i >= sc->len) {
        *width = 0;
        return 0;
    }
    return lede_utf8_decode(sc->s, sc->len, i, width, &invalid);
}

static lede_charclass class_at(const scanner *sc, size_t i)
{
    size_t w;
    if (i >= sc->len)
        return LEDE_CC_SPACE;
    return lede_charclass_of(cp_at(sc, i, &w));
}

/* Class of the code point that ends just before i (SPACE at the start of the text). */
static lede_charclass class_before(const scanner *sc, size_t i)
{
    if (i == 0)
        return LEDE_CC_SPACE;
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && (sc->s[k] & 0xC0) == 0x80)
        k--;
    size_t w;
    uint32_t cp = cp_at(sc, k, &w);
    if (k + w != i) /* the byte before i is a stray continuation byte */
        return LEDE_CC_SYMBOL;
    return lede_charclass_of(cp);
}

static int is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_hyphen(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
static int is_apostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
static int is_currency(uint32_t cp)
{
    return cp == '$' || cp == 0x20AC || cp == 0xA3 || cp == 0xA5 || cp == 0x20B9 || cp == 0x20BD;
}

static lede_status emit(scanner *sc, size_t start, size_t end, lede_token_kind kind, int flags,
                        lede_role role, lede_abbrev_class abbrev)
{
    lede_rawtoken *t = lede_vec_push(sc->out);
    if (!t)
        return LEDE_ERR_NOMEM;
    t->span.start = (uint32_t)start;
    t->span.end = (uint32_t)end;
    t->kind = (uint8_t)kind;
    t->flags = (uint8_t)flags;
    t->role = (uint8_t)role;
    t->abbrev = (uint8_t)abbrev;
    return LEDE_OK;
}

/* Skips code points of the classes `accept` approves, from i; ASCII is decided by `ascii`. */
static inline size_t skip_while(const scanner *sc, size_t i, int (*ascii)(unsigned char),
                                int (*accept)(lede_charclass))
{
    while (i < sc->len) {
        if (sc->s[i] < 0x80) {
            if (!ascii(sc->s[i]))
                break;
            i++;
            continue;
        }
        size_t w;
        if (!accept(lede_charclass_of(cp_at(sc, i, &w))))
            break;
        i += w;
    }
    return i;
}

static int is_ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Letters, digits and combining marks. */
static size_t skip_alnum(const scanner *sc, size_t i)
{
    return skip_while(sc, i, is_ascii_alnum, lede_cc_is_alnum);
}

static size_t skip_letters(const scanner *sc, size_t i)
{
    return skip_while(sc, i, is_ascii_letter, lede_cc_is_letter);
}

static size_t skip_digits(const scanner *sc, size_t i)
{
    while (i < sc->len && sc->s[i] >= '0' && sc->s[i] <= '9')
        i++;
    return i;
}

/* ---- URLs and e-mail addresses ------------------------------------------------------------- */

static int starts_with_nocase(const scanner *sc, size_t i, const char *prefix)
{
    for (size_t k = 0; prefix[k]; k++) {
        if (i + k >= sc->len)
            return 0;
        unsigned char c = sc->s[i + k];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)prefix[k])
            return 0;
    }
    return 1;
}

/* A URL runs to the next blank; trailing punctuation is the sentence's, and a closing bracket is
 * the URL's only when it opened one. Returns the end, or i when there is no URL at i. */
static size_t scan_url(const scanner *sc, size_t i)
{
    size_t body;
    if (starts_with_nocase(sc, i, "https://"))
        body = i + 8;
    else if (starts_with_nocase(sc, i, "http://"))
        body = i + 7;
    else if (starts_with_nocase(sc, i, "www."))
        body = i + 4;
    else
        return i;
    if (body >= sc->len || !is_ascii_alnum(sc->s[body]))
        return i;
    size_t j = body;
    while (j < sc->len && !lede_cc_is_blank(class_at(sc, j)) && sc->s[j] != '"' && sc->s[j] != '<')
        j++;
    int depth = 0;
    for (size_t k = body; k < j; k++)
        depth += sc->s[k] == '(' ? 1 : sc->s[k] == ')' ? -1 : 0;
    while (j > body) {
        unsigned char c = sc->s[j - 1];
        if (c == ')' && depth < 0) {
            depth++;
            j--;
        } else if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                   c == '\'' || c == ']' || c >= 0x80) {
            j--;
        } else {
            break;
        }
    }
    return j;
}

static int is_local_part_char(unsigned char c)
{
    return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

enum { MAX_LOCAL_PART = 64 }; /* RFC 5321 */

/* user@host.domain; returns the end, or i. */
static size_t scan_email(scanner *sc, size_t i)
{
    /* Most words are nowhere near an '@': find the next one once, not once per word. */
    if (sc->next_at < i) {
        const unsigned char *at_sign = memchr(sc->s + i, '@', sc->len - i);
        sc->next_at = at_sign ? (size_t)(at_sign - sc->s) : sc->len;
    }
    if (sc->next_at >= sc->len || sc->next_at - i > MAX_LOCAL_PART)
        return i;
    size_t at = i;
    while (at < sc->len && is_local_part_char(sc->s[at]))
        at++;
    if (at != sc->next_at || at == i)
        return i;
    size_t j = at + 1, end = at;
    int labels = 0;
    for (;;) {
        size_t k = j;
        while (k < sc->len && (is_ascii_alnum(sc->s[k]) || sc->s[k] == '-'))
            k++;
        if (k == j)
            break;
        labels++;
        end = k;
        if (k + 1 < sc->len && sc->s[k] == '.' && is_ascii_alnum(sc->s[k + 1]))
            j = k + 1;
        else
            break;
    }
    return labels >= 2 ? end : i;
}

/* ---- Words and numbers ---------------------------------------------------------------------- */

/* "U.S.", "e.g.", "Ph.D.": two or more runs of one or two letters, each closed by a period. */
static size_t scan_acronym(const scanner *sc, size_t i)
{
    /* Most words are plain ASCII with no period in their first three bytes. */
    if (sc->s[i] < 0x80 && !(i + 1 < sc->len && sc->s[i + 1] == '.') &&
        !(i + 2 < sc->len && sc->s[i + 2] == '.' && sc->s[i + 1] < 0x80))
        return i;
    size_t j = i, end = i;
    int segments = 0;
    for (;;) {
        size_t k = skip_letters(sc, j);
        size_t letters = 0;
        for (size_t m = j; m < k; m++)
            letters += (sc->s[m] & 0xC0) != 0x80;
        if (letters == 0 || letters > 2 || k >= sc->len || sc->s[k] != '.')
            break;
        segments++;
        end = j = k + 1;
    }
    return segments >= 2 ? end : i;
}

/* Joins hyphenated parts, inner apostrophes ("don't", "O'Brien") and "AT&T" onto a word that
 * ends at j. *letters is set when a joined part starts with a letter. */
static size_t extend_compound(const scanner *sc, size_t j, int *letters)
{
    for (;;) {
        size_t w;
        uint32_t cp = cp_at(sc, j, &w);
        if (w == 0)
            return j;
        lede_charclass next = class_at(sc, j + w);
        if (is_hyphen(cp) && lede_cc_is_alnum(next)) {
            *letters |= lede_cc_is_letter(next);
            j = skip_alnum(sc, j + w);
        } else if (is_apostrophe(cp) && lede_cc_is_letter(next)) {
            j = skip_alnum(sc, j + w);
        } else if (cp == '&' && next == LEDE_CC_UPPER && class_before(sc, j) == LEDE_CC_UPPER) {
            j = skip_alnum(sc, j + 1);
        } else {
            return j;
        }
    }
}

/* A period after a word belongs to it when the word is an abbreviation. Returns the class and,
 * in *end, where the token ends. */
static lede_role word_period(const scanner *sc, size_t start, size_t *end, lede_abbrev_class *abbrev)
{
    size_t j = *end;
    *abbrev = LEDE_ABBREV_NONE;
    if (j >= sc->len || sc->s[j] != '.' || (j + 1 < sc->len && sc->s[j + 1] == '.'))
        return LEDE_ROLE_NONE;
    size_t w;
    cp_at(sc, start, &w);
    if (start + w == j) { /* one letter: an initial, a list letter or "p." */
        *end = j + 1;
        if (class_at(sc, start) == LEDE_CC_UPPER)
            return LEDE_ROLE_INITIAL;
        *abbrev = LEDE_ABBREV_GENERAL;
        return LEDE_ROLE_ABBREV;
    }
    if (j - start > LEDE_ABBREV_MAX_LEN)
        return LEDE_ROLE_NONE; /* most words before a period: no list needs looking at */
    lede_abbrev_class c = lede_abbrev_classify((const char *)sc->s + start, j - start);
    if (j - start == 3 && (sc->s[start] == 'N' || sc->s[start] == 'n') &&
        (cp_at(sc, start + 1, &w) == 0xB0 || cp_at(sc, start + 1, &w) == 0xBA))
        c = LEDE_ABBREV_NUMERIC; /* "N°." */
    if (c == LEDE_ABBREV_NONE)
        return LEDE_ROLE_NONE;
    if (c == LEDE_ABBREV_NUMERIC) {
        size_t k = j + 1;
        while (k < sc->len && (sc->s[k] == ' ' || sc->s[k] == '\t'))
            k++;
        if (k >= sc->len || sc->s[k] < '0' || sc->s[k] > '9')
            return LEDE_ROLE_NONE;
    }
    *end = j + 1;
    *abbrev = c;
    return LEDE_ROLE_ABBREV;
}

/* A possessive apostrophe after a plural ("ministers'"), unless a single quote is open, in which
 * case the mark most likely closes it. */
static size_t possessive_tail(const scanner *sc, size_t start, size_t j, int *flags)
{
    if (j - start >= 2 && (sc->s[j - 2] == '\'' || (j - start >= 4 && sc->s[j - 4] == 0xE2 &&
                                                     sc->s[j - 3] == 0x80 && sc->s[j - 2] == 0x99)) &&
        (sc->s[j - 1] == 's' || sc->s[j - 1] == 'S')) {
        *flags |= LEDE_TOKEN_POSSESSIVE;
        return j;
    }
    size_t w;
    uint32_t cp = cp_at(sc, j, &w);
    if (w && is_apostrophe(cp) && (sc->s[j - 1] == 's' || sc->s[j - 1] == 'S') &&
        !lede_cc_is_alnum(class_at(sc, j + w)) && sc->open_single == 0) {
        *flags |= LEDE_TOKEN_POSSESSIVE;
        return j + w;
    }
    return j;
}

static lede_status scan_word(scanner *sc, size_t i, size_t *next)
{
    size_t end = scan_acronym(sc, i);
    if (end > i) {
        *next = end;
        return emit(sc, i, end, LEDE_TOKEN_WORD, LEDE_TOKEN_ABBREV, LEDE_ROLE_ACRONYM,
                    LEDE_ABBREV_NONE);
    }
    int letters = 1, flags = 0;
    end = extend_compound(sc, skip_alnum(sc, i), &letters);
    size_t w;
    if (end == i + 1 && (sc->s[i] == 'N' || sc->s[i] == 'n')) {
        uint32_t cp = cp_at(sc, end, &w);
        if (cp == 0xB0 || cp == 0xBA) /* "N°" (numero) */
            end += w;
    }
    end = possessive_tail(sc, i, end, &flags);
    lede_abbrev_class abbrev;
    lede_role role = LEDE_ROLE_NONE;
    if (!(flags & LEDE_TOKEN_POSSESSIVE))
        role = word_period(sc, i, &end, &abbrev);
    else
        abbrev = LEDE_ABBREV_NONE;
    if (role != LEDE_ROLE_NONE)
        flags |= LEDE_TOKEN_ABBREV;
    *next = end;
    return emit(sc, i, end, LEDE_TOKEN_WORD, flags, role, abbrev);
}

/* Numbers: "1,000.50", "3.2%", "$2.5bn", "1990s", "10:30", "5th", "1/2"; "10-year-old" is a word. */
static lede_status scan_number(scanner *sc, size_t i, size_t *next)
{
    size_t w, j = i;
    if (is_currency(cp_at(sc, j, &w)))
        j += w;
    j = skip_digits(sc, j);
    for (;;) {
        unsigned char c = j < sc->len ? sc->s[j] : 0;
        int digit_next = j + 1 < sc->len && sc->s[j + 1] >= '0' && sc->s[j + 1] <= '9';
        if (c == ',' && digit_next && skip_digits(sc, j + 1) == j + 4)
            j += 4;
        else if ((c == '.' || c == ':' || c == '/') && digit_next)
            j = skip_digits(sc, j + 1);
        else
            break;
    }
    if (j < sc->len && sc->s[j] == '%')
        j++;
    size_t suffix = skip_letters(sc, j);
    int letters = suffix - j > 3; /* "5th", "2.5bn", "10am" stay numbers; "3million" does not */
    j = extend_compound(sc, suffix, &letters);
    int flags = 0;
    j = possessive_tail(sc, i, j, &flags);
    *next = j;
    return emit(sc, i, j, letters ? LEDE_TOKEN_WORD : LEDE_TOKEN_NUMBER, flags, LEDE_ROLE_NONE,
                LEDE_ABBREV_NONE);
}

/* ---- Punctuation -------------------------------------------------------------------------- */

static int is_quote(uint32_t cp)
{
    switch (cp) {
    case '"': case '\'': case '`': case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB: case 0x2039:
    case 0x203A:
        return 1;
    default:
        return 0;
    }
}

static int is_single_quote(uint32_t cp)
{
    return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B ||
           cp == 0x2039 || cp == 0x203A;
}

/* The direction a quote mark's glyph suggests: 1 opening, -1 closing, 0 straight. */
static int glyph_direction(uint32_t cp)
{
    switch (cp) {
    case 0x201C: case 0x201E: case 0x2018: case 0x201A: case 0xAB: case 0x2039: case '`':
        return 1;
    case 0x201D: case 0x2019: case 0xBB: case 0x203A:
        return -1;
    default:
        return 0;
    }
}

static int opens_context(const scanner *sc, size_t i)
{
    lede_charclass c = class_before(sc, i);
    if (lede_cc_is_blank(c))
        return 1;
    unsigned char b = sc->s[i - 1];
    return b == '(' || b == '[' || b == '{' || b == '-' || (i >= 3 && sc->s[i - 3] == 0xE2 &&
                                                             sc->s[i - 2] == 0x80 &&
                                                             (b == 0x94 || b == 0x93 || b == 0x9C));
}

static int closes_context(const scanner *sc, size_t j)
{
    lede_charclass c = class_at(sc, j);
    return lede_cc_is_blank(c) || c == LEDE_CC_PUNCT;
}

static lede_status scan_quote(scanner *sc, size_t i, uint32_t cp, size_t w, size_t *next)
{
    size_t end = i + w;
    /* "''" and "``" are one double quote in Penn Treebank text. */
    if ((cp == '\'' || cp == '`') && end < sc->len && sc->s[end] == cp)
        end++;
    int single = is_single_quote(cp) && end == i + w;
    int open_ctx = opens_context(sc, i), close_ctx = closes_context(sc, end);
    int *depth = single ? &sc->open_single : &sc->open_double;
    int dir;
    if (open_ctx && !close_ctx)
        dir = 1;
    else if (!open_ctx && close_ctx)
        dir = -1;
    else if (glyph_direction(cp))
        dir = glyph_direction(cp);
    else
        dir = *depth > 0 ? -1 : 1;
    if (dir > 0)
        (*depth)++;
    else if (*depth > 0)
        (*depth)--;
    *next = end;
    return emit(sc, i, end, LEDE_TOKEN_QUOTE, dir > 0 ? LEDE_TOKEN_OPEN : LEDE_TOKEN_CLOSE,
                LEDE_ROLE_NONE, LEDE_ABBREV_NONE);
}

/* "...", "....", or ". . ." written with spaces (only when the first dot follows a blank or a
 * bracket: "compounds. . . ." is a period, then an ellipsis). */
static lede_status scan_dots(scanner *sc, size_t i, size_t *next)
{
    size_t j = i;
    while (j < sc->len && sc->s[j] == '.')
        j++;
    size_t dots = j - i;
    if (dots == 1) {
        unsigned char before = i ? sc->s[i - 1] : ' ';
        if (before == ' ' || before == '\t' || before == '\n' || before == '[' || before == '(') {
            while (j + 1 < sc->len && sc->s[j] == ' ' && sc->s[j + 1] == '.') {
                j += 2;
                dots++;
            }
            if (dots < 3)
                j = i + 1, dots = 1;
        }
    }
    *next = j;
    lede_role role = dots == 1 ? LEDE_ROLE_PERIOD : dots <= 3 ? LEDE_ROLE_ELLIPSIS
                                                              : LEDE_ROLE_ELLIPSIS_LONG;
    return emit(sc, i, j, LEDE_TOKEN_PUNCT, 0, role, LEDE_ABBREV_NONE);
}

static int at_line_start(const scanner *sc, size_t i)
{
    while (i > 0 && (sc->s[i - 1] == ' ' || sc->s[i - 1] == '\t'))
        i--;
    return i == 0 || sc->s[i - 1] == '\n' || sc->s[i - 1] == '\r';
}

static int is_bullet(uint32_t cp)
{
    return cp == 0x2022 || cp == 0x2043 || cp == 0x2023 || cp == 0x25E6 || cp == 0x25AA ||
           cp == 0x25CF || cp == 0x25A0;
}

static lede_status scan_punct(scanner *sc, size_t i, uint32_t cp, size_t w, size_t *next)
{
    size_t end = i + w;
    lede_token_kind kind = lede_charclass_of(cp) == LEDE_CC_SYMBOL ? LEDE_TOKEN_SYMBOL
                                                                   : LEDE_TOKEN_PUNCT;
    int flags = 0;
    lede_role role = LEDE_ROLE_NONE;
    if (cp == '?' || cp == '!' || cp == 0x203D) {
        while (end < sc->len && (sc->s[end] == '?' || sc->s[end] == '!'))
            end++;
        role = LEDE_ROLE_EXCLAIM;
    } else if (cp == 0x2026) {
        while (end < sc->len && (sc->s[end] == '.' || starts_with_nocase(sc, end, "\xE2\x80\xA6")))
            end += sc->s[end] == '.' ? 1 : 3;
        role = end - i > 3 ? LEDE_ROLE_ELLIPSIS_LONG : LEDE_ROLE_ELLIPSIS;
    } else if (cp == '(' || cp == '[' || cp == '{') {
        flags = LEDE_TOKEN_OPEN;
    } else if (cp == ')' || cp == ']' || cp == '}') {
        flags = LEDE_TOKEN_CLOSE;
    } else if (is_bullet(cp)) {
        kind = LEDE_TOKEN_SYMBOL;
        role = LEDE_ROLE_BULLET;
    } else if ((cp == '-' || cp == '*' || cp == 0x2013) && at_line_start(sc, i) &&
               end < sc->len && (sc->s[end] == ' ' || sc->s[end] == '\t')) {
        role = LEDE_ROLE_BULLET;
    } else if (cp == '-') {
        while (end < sc->len && sc->s[end] == '-')
            end++;
    }
    *next = end;
    return emit(sc, i, end, kind, flags, role, LEDE_ABBREV_NONE);
}

/* "#tag" and "@handle". Returns the end, or i. */
static size_t scan_tag(const scanner *sc, size_t i)
{
    size_t j = i + 1;
    while (j < sc->len) {
        size_t k = skip_alnum(sc, j);
        if (k == j && sc->s[j] == '_')
            k = j + 1;
        if (k == j)
            break;
        j = k;
    }
    return j - i > 1 ? j : i;
}

/* ---- The scan ----------------------------------------------------------------------------- */

static lede_status scan_token(scanner *sc, size_t i, uint32_t cp, size_t w, lede_charclass cc,
                              size_t *next)
{
    size_t end;
    if ((cp == 'h' || cp == 'H' || cp == 'w' || cp == 'W') && (end = scan_url(sc, i)) > i) {
        *next = end;
        return emit(sc, i, end, LEDE_TOKEN_URL, 0, LEDE_ROLE_NONE, LEDE_ABBREV_NONE);
    }
    if (cp < 0x80 && is_local_part_char((unsigned char)cp) && (end = scan_email(sc, i)) > i) {
        *next = end;
        return emit(sc, i, end, LEDE_TOKEN_EMAIL, 0, LEDE_ROLE_NONE, LEDE_ABBREV_NONE);
    }
    if ((cp >= '0' && cp <= '9') ||
        (is_currency(cp) && i + w < sc->len && sc->s[i + w] >= '0' && sc->s[i + w] <= '9'))
        return scan_number(sc, i, next);
    if (lede_cc_is_alnum(cc)) /* letters, marks, and digits of other scripts */
        return scan_word(sc, i, next);
    if ((cp == '#' || cp == '@') && (end = scan_tag(sc, i)) > i) {
        *next = end;
        return emit(sc, i, end, cp == '#' ? LEDE_TOKEN_HASHTAG : LEDE_TOKEN_MENTION, 0,
                    LEDE_ROLE_NONE, LEDE_ABBREV_NONE);
    }
    if (is_apostrophe(cp) && !lede_cc_is_blank(class_before(sc, i)) && i + w < sc->len &&
        (sc->s[i + w] == 's' || sc->s[i + w] == 'S') && !lede_cc_is_alnum(class_at(sc, i + w + 1))) {
        *next = i + w + 1; /* the clitic of "Jr.'s" */
        return emit(sc, i, *next, LEDE_TOKEN_WORD, LEDE_TOKEN_POSSESSIVE, LEDE_ROLE_NONE,
                    LEDE_ABBREV_NONE);
    }
    if (is_quote(cp))
        return scan_quote(sc, i, cp, w, next);
    if (cp == '.')
        return scan_dots(sc, i, next);
    return scan_punct(sc, i, cp, w, next);
}

lede_status lede_tokenize(const char *text, size_t len, lede_vec *out)
{
    scanner sc = { (const unsigned char *)text, len, out, 0, 0, 0 };
    if (len == 0)
        return LEDE_OK;
    size_t i = 0;
    int newlines = 0;
    while (i < len) {
        size_t w;
        int invalid;
        uint32_t cp = lede_utf8_decode(sc.s, len, i, &w, &invalid);
        if (invalid) {
            size_t j = i + 1;
            while (j < len) {
                size_t w2;
                int bad;
                lede_utf8_decode(sc.s, len, j, &w2, &bad);
                if (!bad)
                    break;
                j++;
            }
            lede_status st = emit(&sc, i, j, LEDE_TOKEN_SYMBOL, LEDE_TOKEN_INVALID_UTF8,
                                  LEDE_ROLE_NONE, LEDE_ABBREV_NONE);
            if (st != LEDE_OK)
                return st;
            i = j;
            newlines = 0;
            continue;
        }
        lede_charclass cc = lede_charclass_of(cp);
        if (lede_cc_is_blank(cc)) {
            /* A blank line ends any quotation left open by a stray mark. */
            if (cc == LEDE_CC_NEWLINE && ++newlines >= 2)
                sc.open_single = sc.open_double = 0;
            i += w;
            continue;
        }
        newlines = 0;
        size_t next = i + w;
        lede_status st = scan_token(&sc, i, cp, w, cc, &next);
        if (st != LEDE_OK)
            return st;
        i = next > i ? next : i + w;
    }
    return LEDE_OK;
}
