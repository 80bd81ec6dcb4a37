#include "text/utf8.h"

#include <utf8proc.h>

uint32_t lede_utf8_decode_multibyte(const unsigned char *s, size_t len, size_t i, size_t *width,
                                    int *invalid)
{
    unsigned char b = s[i];
    *invalid = 0;
    size_t need;
    uint32_t cp, min;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1; cp = b & 0x1F; min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2; cp = b & 0x0F; min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3; cp = b & 0x07; min = 0x10000;
    } else {
        goto bad;
    }
    if (need > len - i - 1)
        goto bad;
    for (size_t k = 1; k <= need; k++) {
        unsigned char c = s[i + k];
        if ((c & 0xC0) != 0x80)
            goto bad;
        cp = (cp << 6) | (c & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are invalid too. */
    if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        goto bad;
    *width = need + 1;
    return cp;
bad:
    *width = 1;
    *invalid = 1;
    return LEDE_REPLACEMENT_CHAR;
}

size_t lede_utf8_encode(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Classes of the ASCII range, by code: the tokenizer's hot path looks here first. */
#define SP LEDE_CC_SPACE
#define NL LEDE_CC_NEWLINE
#define UP LEDE_CC_UPPER
#define LO LEDE_CC_LOWER
#define DG LEDE_CC_DIGIT
#define PU LEDE_CC_PUNCT
#define SY LEDE_CC_SYMBOL
const unsigned char lede_ascii_classes[128] = {
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, NL, SP, SP, SP, SP, SP,
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
    SP, PU, PU, PU, SY, PU, PU, PU, PU, PU, PU, SY, PU, PU, PU, PU,
    DG, DG, DG, DG, DG, DG, DG, DG, DG, DG, PU, PU, SY, SY, SY, PU,
    PU, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP,
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, PU, PU, PU, SY, PU,
    SY, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO,
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, PU, SY, PU, SY, SP,
};
#undef SP
#undef NL
#undef UP
#undef LO
#undef DG
#undef PU
#undef SY

lede_charclass lede_charclass_of_nonascii(uint32_t cp)
{
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
        return LEDE_CC_NEWLINE;
    if (cp == LEDE_REPLACEMENT_CHAR)
        return LEDE_CC_SYMBOL;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return LEDE_CC_UPPER;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return LEDE_CC_LOWER;
    case UTF8PROC_CATEGORY_ND:
        return LEDE_CC_DIGIT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return LEDE_CC_MARK;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return LEDE_CC_PUNCT;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return LEDE_CC_SYMBOL;
    default: /* separators, controls, format, unassigned, private use */
        return LEDE_CC_SPACE;
    }
}
