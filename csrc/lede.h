/*
 * lede.h — the public C API of lede, a library that turns news articles into structured data.
 *
 * This header knows nothing of Lua. Conventions:
 *   - Every fallible call returns a lede_status; LEDE_OK is 0. lede_status_string() names it.
 *   - Objects are opaque handles created by *_new / *_analyze and released by *_free.
 *   - Spans are byte offsets into the caller's original text, half-open: [start, end).
 *   - Arrays and strings returned by accessors belong to the object they came from and stay valid
 *     until that object is freed.
 */
#ifndef LEDE_H
#define LEDE_H

#include <stddef.h>
#include <stdint.h>

#define LEDE_VERSION "0.1.0"

typedef enum lede_status {
    LEDE_OK = 0,
    LEDE_ERR_NOMEM,     /* an allocation failed */
    LEDE_ERR_INVALID,   /* bad argument or malformed input */
    LEDE_ERR_TOO_LARGE, /* input beyond what offsets can address (4 GiB) */
    LEDE_ERR_STEMMER    /* the Snowball stemmer could not be created */
} lede_status;

const char *lede_status_string(lede_status status);

/* ---- Spans ---------------------------------------------------------------------------------- */

typedef struct lede_span {
    uint32_t start; /* first byte */
    uint32_t end;   /* one past the last byte */
} lede_span;

/* ---- Analyzer: the reusable text pipeline (stemmer, caches) ---------------------------------- */

typedef struct lede_analyzer lede_analyzer;

lede_status lede_analyzer_new(lede_analyzer **out);
void lede_analyzer_free(lede_analyzer *analyzer);

/* ---- Article: one analysed text -------------------------------------------------------------- */

typedef enum lede_token_kind {
    LEDE_TOKEN_WORD = 0,
    LEDE_TOKEN_NUMBER,
    LEDE_TOKEN_PUNCT,
    LEDE_TOKEN_QUOTE,
    LEDE_TOKEN_SYMBOL,
    LEDE_TOKEN_URL,
    LEDE_TOKEN_EMAIL,
    LEDE_TOKEN_HASHTAG,
    LEDE_TOKEN_MENTION,
    LEDE_TOKEN_KIND_COUNT
} lede_token_kind;

/* Token flags. */
enum {
    LEDE_TOKEN_STOPWORD = 1 << 0,    /* a function word ("the", "of", "said" is not one) */
    LEDE_TOKEN_ABBREV = 1 << 1,      /* ends with a period that belongs to it: "Feb.", "U.S." */
    LEDE_TOKEN_POSSESSIVE = 1 << 2,  /* "NATO's", "ministers'" */
    LEDE_TOKEN_OPEN = 1 << 3,        /* opening quote or bracket */
    LEDE_TOKEN_CLOSE = 1 << 4,       /* closing quote or bracket */
    LEDE_TOKEN_INVALID_UTF8 = 1 << 5 /* contains bytes that were not valid UTF-8 */
};

typedef struct lede_token {
    lede_span span;
    const char *lower; /* case-folded, NFKC-normalised form, apostrophes unified */
    const char *stem;  /* Snowball English stem of `lower` (diacritics and possessive removed) */
    uint32_t lower_len;
    uint32_t stem_len;
    uint32_t sentence; /* index of the sentence that holds the token */
    uint8_t kind;      /* lede_token_kind */
    uint8_t flags;
} lede_token;

typedef struct lede_sentence {
    lede_span span;
    uint32_t first_token;
    uint32_t token_count;
    uint32_t paragraph;
} lede_sentence;

typedef struct lede_paragraph {
    lede_span span;
    uint32_t first_sentence;
    uint32_t sentence_count;
} lede_paragraph;

typedef struct lede_term {
    const char *stem;
    uint32_t stem_len;
    uint32_t count;
} lede_term;

typedef struct lede_article lede_article;

/*
 * Analyses `len` bytes of `text`: decodes UTF-8 (invalid sequences are replaced for analysis while
 * offsets keep indexing the original bytes), tokenizes, splits sentences and paragraphs, stems.
 * The article keeps no pointer to `text`. On success *out is a new article the caller frees.
 */
lede_status lede_article_analyze(lede_analyzer *analyzer, const char *text, size_t len,
                                 lede_article **out);
void lede_article_free(lede_article *article);

const lede_token *lede_article_tokens(const lede_article *article, size_t *count);
const lede_sentence *lede_article_sentences(const lede_article *article, size_t *count);
const lede_paragraph *lede_article_paragraphs(const lede_article *article, size_t *count);

/* Stems of word, number and hashtag tokens that are not stopwords, with counts, most frequent
 * first (ties in byte order). Computed on first call. */
lede_status lede_article_terms(lede_article *article, const lede_term **terms, size_t *count);

/* Number of invalid UTF-8 sequences seen in the text (0 for clean input). */
size_t lede_article_invalid_utf8(const lede_article *article);

/* The dateline that opens the text ("BRUSSELS (Reuters) -"), or 0 when there is none. */
int lede_article_dateline(const lede_article *article, lede_span *span);

/* ---- Dates ------------------------------------------------------------------------------------ */

typedef enum lede_date_precision {
    LEDE_DATE_YEAR = 1,
    LEDE_DATE_MONTH,
    LEDE_DATE_DAY,
    LEDE_DATE_MINUTE,
    LEDE_DATE_SECOND
} lede_date_precision;

typedef struct lede_date {
    int year, month, day;           /* month and day are 1-based; 1 when below the precision */
    int hour, minute, second;
    int millisecond;
    int utc_offset_minutes;         /* 0 when the text gives none (UTC is assumed) */
    int has_offset;                 /* the text named a zone: "Z" or "+01:00" */
    lede_date_precision precision;
    int64_t epoch;                  /* seconds since 1970-01-01T00:00:00Z */
} lede_date;

/* Parses ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, and YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH[:MM]]. */
lede_status lede_date_parse(const char *text, size_t len, lede_date *out);

#endif
