/*
 * utf8 — decoding that never fails, and the character classes the tokenizer needs.
 *
 * Invalid input is the norm in scraped news, so decoding replaces every invalid sequence by
 * U+FFFD and advances one byte: offsets keep indexing the caller's original bytes.
 */
#ifndef LEDE_TEXT_UTF8_H
#define LEDE_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define LEDE_REPLACEMENT_CHAR 0xFFFDu

typedef enum lede_charclass {
    LEDE_CC_SPACE = 0, /* blanks, controls, NUL, format characters */
    LEDE_CC_NEWLINE,   /* \n, U+2028, U+2029 (\r is a SPACE: CRLF counts once) */
    LEDE_CC_UPPER,     /* upper- and title-case letters */
    LEDE_CC_LOWER,     /* every other letter, including scripts without case */
    LEDE_CC_DIGIT,
    LEDE_CC_MARK,      /* combining marks: they belong to the letter before them */
    LEDE_CC_PUNCT,
    LEDE_CC_SYMBOL
} lede_charclass;

/*
 * Decodes the code point at s[i] (i < len). *width receives its length in bytes (at least 1);
 * *invalid is set to 1 when the bytes were not valid UTF-8 (U+FFFD is returned then).
 */
uint32_t lede_utf8_decode_multibyte(const unsigned char *s, size_t len, size_t i, size_t *width,
                                    int *invalid);

static inline uint32_t lede_utf8_decode(const unsigned char *s, size_t len, size_t i, size_t *width,
                                        int *invalid)
{
    if (s[i] < 0x80) { /* the hot path: news text is mostly ASCII */
        *width = 1;
        *invalid = 0;
        return s[i];
    }
    return lede_utf8_decode_multibyte(s, len, i, width, invalid);
}

/* Writes the UTF-8 encoding of cp (at most 4 bytes) to out; returns its length. */
size_t lede_utf8_encode(uint32_t cp, unsigned char *out);

extern const unsigned char lede_ascii_classes[128];
lede_charclass lede_charclass_of_nonascii(uint32_t cp);

static inline lede_charclass lede_charclass_of(uint32_t cp)
{
    return cp < 128 ? (lede_charclass)lede_ascii_classes[cp] : lede_charclass_of_nonascii(cp);
}

static inline int lede_cc_is_letter(lede_charclass c) { return c == LEDE_CC_UPPER || c == LEDE_CC_LOWER; }
static inline int lede_cc_is_alnum(lede_charclass c)
{
    return c == LEDE_CC_UPPER || c == LEDE_CC_LOWER || c == LEDE_CC_DIGIT || c == LEDE_CC_MARK;
}
static inline int lede_cc_is_blank(lede_charclass c) { return c == LEDE_CC_SPACE || c == LEDE_CC_NEWLINE; }

#endif
