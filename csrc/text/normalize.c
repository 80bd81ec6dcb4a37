#include "text/normalize.h"

#include <stdlib.h>
#include <utf8proc.h>

#include "text/utf8.h"

/* Typographic variants that NFKC keeps apart but a reader does not. */
static uint32_t unify(uint32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0x2032:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB: case 0x2033:
        return '"';
    case 0x2010: case 0x2011: case 0x2212:
        return '-';
    default:
        return cp;
    }
}

static lede_status ascii_lower(const char *text, size_t len, lede_vec *out)
{
    lede_status st = lede_vec_reserve(out, len);
    if (st != LEDE_OK)
        return st;
    char *dst = (char *)out->data + out->len;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        dst[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out->len += len;
    return LEDE_OK;
}

lede_status lede_normalize(const char *text, size_t len, int fold_marks, lede_vec *out)
{
    size_t i = 0;
    while (i < len && (unsigned char)text[i] < 0x80)
        i++;
    if (i == len)
        return ascii_lower(text, len, out);

    /* Re-encode into clean UTF-8 first: utf8proc refuses invalid input. */
    lede_vec clean;
    lede_vec_init(&clean, 1);
    lede_status st = lede_vec_reserve(&clean, len + 1);
    for (i = 0; st == LEDE_OK && i < len;) {
        size_t w;
        int invalid;
        uint32_t cp = unify(lede_utf8_decode((const unsigned char *)text, len, i, &w, &invalid));
        unsigned char buf[4];
        size_t n = lede_utf8_encode(cp, buf);
        st = lede_vec_append(&clean, buf, n);
        i += w;
    }
    if (st == LEDE_OK) {
        utf8proc_uint8_t *mapped = NULL;
        int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                      (fold_marks ? UTF8PROC_STRIPMARK : 0);
        utf8proc_ssize_t n = utf8proc_map(clean.data, (utf8proc_ssize_t)clean.len, &mapped,
                                          (utf8proc_option_t)options);
        if (n < 0)
            st = n == UTF8PROC_ERROR_NOMEM ? LEDE_ERR_NOMEM : LEDE_ERR_INVALID;
        else
            st = lede_vec_append(out, mapped, (size_t)n);
        free(mapped);
    }
    lede_vec_free(&clean);
    return st;
}
