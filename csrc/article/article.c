/*
 * article — one analysed text. Analysis runs in one go when the article is made: tokens,
 * paragraphs, sentences, then each token's normalised form and stem. Afterwards the article never
 * changes (terms are computed once, on demand), so everything it hands out stays valid.
 */
#include <stdlib.h>
#include <string.h>

#include "article/analyzer.h"
#include "text/dateline.h"
#include "text/normalize.h"
#include "text/paragraph.h"
#include "text/sentence.h"
#include "text/tokenize.h"
#include "text/utf8.h"
#include "util/strmap.h"
#include "util/vec.h"

struct lede_article {
    lede_vec tokens;     /* lede_token */
    lede_vec sentences;  /* lede_sentence */
    lede_vec paragraphs; /* lede_paragraph */
    lede_vec strings;    /* bytes: every token's lower-case form and stem */
    lede_vec terms;      /* lede_term, once computed */
    int terms_ready;
    size_t invalid_utf8;
    int has_dateline;
    lede_span dateline;
};

/* Where a token's strings sit in `strings` while that buffer may still move. */
typedef struct string_refs {
    uint32_t lower, stem; /* ONE_CHARACTER: the token's own byte, from ascii_strings */
} string_refs;

#define ONE_CHARACTER UINT32_MAX

/* Every ASCII character as a one-byte string: what one-character tokens point to. */
static const char ascii_strings[128] = {
    0,   1,   2,   3,   4,   5,   6,   7,   8,   9,   10,  11,  12,  13,  14,  15,
    16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
    32,  33,  34,  35,  36,  37,  38,  39,  40,  41,  42,  43,  44,  45,  46,  47,
    48,  49,  50,  51,  52,  53,  54,  55,  56,  57,  58,  59,  60,  61,  62,  63,
    64,  65,  66,  67,  68,  69,  70,  71,  72,  73,  74,  75,  76,  77,  78,  79,
    80,  81,  82,  83,  84,  85,  86,  87,  88,  89,  90,  91,  92,  93,  94,  95,
    96,  97,  98,  99,  100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
};

static size_t count_invalid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t w;
        int invalid;
        lede_utf8_decode(s, len, i, &w, &invalid);
        n += invalid;
        i += w;
    }
    return n;
}

static lede_status build_paragraphs(lede_article *a, const char *text, size_t len)
{
    lede_vec spans;
    lede_vec_init(&spans, sizeof(lede_span));
    lede_status st = lede_find_paragraphs(text, len, &spans);
    if (st == LEDE_OK)
        st = lede_vec_reserve(&a->paragraphs, spans.len);
    for (size_t i = 0; st == LEDE_OK && i < spans.len; i++) {
        lede_paragraph *p = lede_vec_push(&a->paragraphs);
        p->span = LEDE_VEC_AT(&spans, lede_span, i);
    }
    lede_vec_free(&spans);
    return st;
}

/* Words are stemmed; numbers are their own stem, and leaving them out of the analyzer's cache
 * keeps it small enough to stay in the processor's cache. */
static int is_analysed_kind(uint8_t kind)
{
    return kind == LEDE_TOKEN_WORD;
}

/* Fills one token from its raw form: the normalised string, then the stem and stopword flag. */
static lede_status build_token(lede_article *a, lede_analyzer *an, const char *text,
                               const lede_rawtoken *raw, lede_token *tok, string_refs *refs)
{
    tok->span = raw->span;
    tok->kind = raw->kind;
    tok->flags = raw->flags;
    size_t len = raw->span.end - raw->span.start;
    unsigned char first = (unsigned char)text[raw->span.start];
    if (len == 1 && first < 0x80 && !(first >= 'A' && first <= 'Z')) {
        /* Punctuation and one-letter words are their own lower-case form and stem: no copy. */
        refs->lower = refs->stem = ONE_CHARACTER;
        tok->lower_len = tok->stem_len = 1;
        if (!is_analysed_kind(raw->kind))
            return LEDE_OK;
        const char *stem;
        size_t stem_len;
        int stopword;
        lede_status st = lede_analyzer_lookup(an, &ascii_strings[first], 1, &stem, &stem_len,
                                              &stopword);
        if (stopword)
            tok->flags |= LEDE_TOKEN_STOPWORD;
        return st;
    }
    size_t lower = a->strings.len;
    lede_status st = lede_normalize(text + raw->span.start, len, 0, &a->strings);
    if (st != LEDE_OK)
        return st;
    if (a->strings.len > UINT32_MAX)
        return LEDE_ERR_TOO_LARGE;
    tok->lower_len = (uint32_t)(a->strings.len - lower);
    refs->lower = refs->stem = (uint32_t)lower;
    tok->stem_len = tok->lower_len;
    if (!is_analysed_kind(raw->kind))
        return LEDE_OK;
    const char *stem;
    size_t stem_len;
    int stopword;
    st = lede_analyzer_lookup(an, (const char *)a->strings.data + lower, tok->lower_len, &stem,
                              &stem_len, &stopword);
    if (st != LEDE_OK)
        return st;
    if (stopword)
        tok->flags |= LEDE_TOKEN_STOPWORD;
    if (stem_len == tok->lower_len && memcmp(stem, (const char *)a->strings.data + lower, stem_len) == 0)
        return LEDE_OK;
    size_t at = a->strings.len;
    st = lede_vec_append(&a->strings, stem, stem_len);
    if (st != LEDE_OK)
        return st;
    if (a->strings.len > UINT32_MAX)
        return LEDE_ERR_TOO_LARGE;
    refs->stem = (uint32_t)at;
    tok->stem_len = (uint32_t)stem_len;
    return LEDE_OK;
}

static lede_status build_tokens(lede_article *a, lede_analyzer *an, const char *text,
                                const lede_vec *raw)
{
    lede_vec refs;
    lede_vec_init(&refs, sizeof(string_refs));
    lede_status st = lede_vec_reserve(&a->tokens, raw->len);
    if (st == LEDE_OK)
        st = lede_vec_reserve(&refs, raw->len);
    if (st == LEDE_OK)
        st = lede_vec_reserve(&a->strings, raw->len * 8);
    for (size_t i = 0; st == LEDE_OK && i < raw->len; i++) {
        lede_token *tok = lede_vec_push(&a->tokens);
        string_refs *r = lede_vec_push(&refs);
        st = build_token(a, an, text, &LEDE_VEC_AT(raw, lede_rawtoken, i), tok, r);
    }
    if (st == LEDE_OK) {
        /* `strings` is final now: turn offsets into pointers. */
        const char *base = a->strings.data ? a->strings.data : "";
        lede_token *toks = a->tokens.data;
        for (size_t i = 0; i < a->tokens.len; i++) {
            const string_refs *r = &LEDE_VEC_AT(&refs, string_refs, i);
            if (r->lower == ONE_CHARACTER) {
                toks[i].lower = toks[i].stem = &ascii_strings[(unsigned char)text[toks[i].span.start]];
                continue;
            }
            toks[i].lower = base + r->lower;
            toks[i].stem = base + r->stem;
        }
        const lede_sentence *sents = a->sentences.data;
        for (size_t s = 0; s < a->sentences.len; s++)
            for (uint32_t k = 0; k < sents[s].token_count; k++)
                toks[sents[s].first_token + k].sentence = (uint32_t)s;
    }
    lede_vec_free(&refs);
    return st;
}

static void init_article(lede_article *a)
{
    memset(a, 0, sizeof *a);
    lede_vec_init(&a->tokens, sizeof(lede_token));
    lede_vec_init(&a->sentences, sizeof(lede_sentence));
    lede_vec_init(&a->paragraphs, sizeof(lede_paragraph));
    lede_vec_init(&a->strings, 1);
    lede_vec_init(&a->terms, sizeof(lede_term));
}

lede_status lede_article_analyze(lede_analyzer *analyzer, const char *text, size_t len,
                                 lede_article **out)
{
    if (!analyzer || (!text && len > 0) || !out)
        return LEDE_ERR_INVALID;
    if (len >= UINT32_MAX)
        return LEDE_ERR_TOO_LARGE;
    if (!text)
        text = "";
    lede_article *a = malloc(sizeof *a);
    if (!a)
        return LEDE_ERR_NOMEM;
    init_article(a);
    lede_vec raw;
    lede_vec_init(&raw, sizeof(lede_rawtoken));
    lede_status st = lede_tokenize(text, len, &raw);
    if (st == LEDE_OK)
        st = build_paragraphs(a, text, len);
    if (st == LEDE_OK)
        st = lede_split_sentences(text, raw.data, raw.len, a->paragraphs.data, a->paragraphs.len,
                                  &a->sentences);
    if (st == LEDE_OK)
        st = build_tokens(a, analyzer, text, &raw);
    lede_vec_free(&raw);
    if (st != LEDE_OK) {
        lede_article_free(a);
        return st;
    }
    a->invalid_utf8 = count_invalid(text, len);
    a->has_dateline = lede_find_dateline(text, len, &a->dateline);
    *out = a;
    return LEDE_OK;
}

void lede_article_free(lede_article *a)
{
    if (!a)
        return;
    lede_vec_free(&a->tokens);
    lede_vec_free(&a->sentences);
    lede_vec_free(&a->paragraphs);
    lede_vec_free(&a->strings);
    lede_vec_free(&a->terms);
    free(a);
}

const lede_token *lede_article_tokens(const lede_article *a, size_t *count)
{
    *count = a->tokens.len;
    return a->tokens.data;
}

const lede_sentence *lede_article_sentences(const lede_article *a, size_t *count)
{
    *count = a->sentences.len;
    return a->sentences.data;
}

const lede_paragraph *lede_article_paragraphs(const lede_article *a, size_t *count)
{
    *count = a->paragraphs.len;
    return a->paragraphs.data;
}

size_t lede_article_invalid_utf8(const lede_article *a)
{
    return a->invalid_utf8;
}

int lede_article_dateline(const lede_article *a, lede_span *span)
{
    if (a->has_dateline)
        *span = a->dateline;
    return a->has_dateline;
}

static int is_term(const lede_token *t)
{
    return (t->kind == LEDE_TOKEN_WORD || t->kind == LEDE_TOKEN_NUMBER ||
            t->kind == LEDE_TOKEN_HASHTAG) && !(t->flags & LEDE_TOKEN_STOPWORD);
}

static int by_count_then_bytes(const void *x, const void *y)
{
    const lede_term *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    size_t n = a->stem_len < b->stem_len ? a->stem_len : b->stem_len;
    int cmp = memcmp(a->stem, b->stem, n);
    if (cmp)
        return cmp;
    return a->stem_len < b->stem_len ? -1 : a->stem_len > b->stem_len;
}

lede_status lede_article_terms(lede_article *a, const lede_term **terms, size_t *count)
{
    if (!a->terms_ready) {
        lede_strmap seen;
        lede_strmap_init(&seen);
        lede_status st = LEDE_OK;
        const lede_token *toks = a->tokens.data;
        for (size_t i = 0; st == LEDE_OK && i < a->tokens.len; i++) {
            if (!is_term(&toks[i]))
                continue;
            uint32_t number;
            int added;
            st = lede_strmap_intern(&seen, toks[i].stem, toks[i].stem_len, &number, &added);
            if (st == LEDE_OK && added) {
                lede_term *t = lede_vec_push(&a->terms);
                if (!t) {
                    st = LEDE_ERR_NOMEM;
                    break;
                }
                t->stem = toks[i].stem;
                t->stem_len = toks[i].stem_len;
            }
            if (st == LEDE_OK)
                LEDE_VEC_AT(&a->terms, lede_term, number).count++;
        }
        lede_strmap_free(&seen);
        if (st != LEDE_OK) {
            a->terms.len = 0;
            return st;
        }
        if (a->terms.len > 1)
            qsort(a->terms.data, a->terms.len, sizeof(lede_term), by_count_then_bytes);
        a->terms_ready = 1;
    }
    *terms = a->terms.data;
    *count = a->terms.len;
    return LEDE_OK;
}
