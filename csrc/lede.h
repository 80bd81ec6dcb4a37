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
    LEDE_ERR_STEMMER,   /* the Snowball stemmer could not be created */
    LEDE_ERR_IO,        /* a file could not be read or written (the message says which) */
    LEDE_ERR_CORRUPT,   /* an index file is truncated or damaged (the message names it) */
    LEDE_ERR_BUSY       /* another process is writing to the index */
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

/* ---- Snippets ------------------------------------------------------------------------------- */

typedef enum lede_highlight {
    LEDE_HIGHLIGHT_PLAIN = 0, /* the text as is, with `open`/`close` around matches */
    LEDE_HIGHLIGHT_ANSI,      /* bold (ESC[1m … ESC[0m) around matches */
    LEDE_HIGHLIGHT_HTML       /* text HTML-escaped, <mark>…</mark> around matches */
} lede_highlight;

typedef struct lede_snippet_options {
    lede_highlight style;
    const char *open, *close; /* LEDE_HIGHLIGHT_PLAIN markers; NULL for none */
    size_t max_sentences;     /* 0: 2 */
    size_t max_bytes;         /* of text before markers; 0: 300. A single sentence may pass it. */
} lede_snippet_options;

/*
 * A snippet of `text` for a search result: its best whole sentences for the given stems (those
 * holding the most distinct query stems, earlier ones on ties), in text order, joined by " … ",
 * inner white space folded, tokens whose stem is one of `stems` highlighted. With no match, the
 * opening sentences. *out is a NUL-terminated string the caller frees with free().
 */
lede_status lede_snippet(lede_analyzer *analyzer, const char *text, size_t len,
                         const char *const *stems, const size_t *stem_lens, size_t nstems,
                         const lede_snippet_options *options, char **out, size_t *out_len);

/* ---- Index: an embedded, crash-safe search index on disk ------------------------------------ */

/*
 * A document is a list of named values. The name says what the index does with a value:
 *   "id"                 required, unique: adding a document with an existing id replaces it;
 *   "title", "text"      analysed (stems with positions) and stored;
 *   "date"               ISO 8601; indexed for date queries and facets, stored;
 *   "url", "authors"     stored only;
 *   any other name       a keyword ("source", "person", "org", "place", "speaker", "story"…):
 *                        matched whole and case-folded, counted by facets, stored; a name may
 *                        repeat for several values. New names need no change of file format.
 */
typedef struct lede_field {
    const char *name;
    const char *value;
    size_t len;
} lede_field;

typedef struct lede_index lede_index;

enum { LEDE_INDEX_CREATE = 1 }; /* lede_index_open: create the directory when missing */

/* Opens the index in `dir` at its last commit. On failure *out is NULL and `error` says why. */
lede_status lede_index_open(const char *dir, int flags, lede_index **out, char *error,
                            size_t errlen);
/* Closes the index; changes not committed are discarded. */
void lede_index_close(lede_index *ix);

/* The message of the last failed call on ix. */
const char *lede_index_error(const lede_index *ix);

lede_status lede_index_add(lede_index *ix, const lede_field *fields, size_t nfields);
/* Deletes the document with this id, if any; *found says whether one existed. */
lede_status lede_index_delete(lede_index *ix, const char *id, size_t len, int *found);
/* Makes every change since the last commit durable and visible, atomically. */
lede_status lede_index_commit(lede_index *ix);
/* Merges every segment into one. */
lede_status lede_index_optimize(lede_index *ix);

typedef struct lede_index_stats {
    uint64_t documents;   /* live, committed */
    uint64_t deleted;     /* deleted but still in segments (until merged) */
    uint64_t pending;     /* added or deleted since the last commit */
    uint32_t segments;
    uint64_t bytes;       /* on disk */
    uint64_t generation;  /* commit number */
} lede_index_stats;

lede_status lede_index_stats_get(lede_index *ix, lede_index_stats *stats);

/* ---- Search ---------------------------------------------------------------------------------- */

typedef struct lede_search_params {
    const char *query;
    size_t query_len;
    int strict;              /* strict query syntax: errors name the position */
    int match_any;           /* `a b` means a OR b (batch, natural-language queries); else AND */
    size_t offset, limit;    /* the hits wanted, best first */
    double k1, b;            /* BM25F; 0 for the defaults 1.2 and 0.75 */
    double title_weight;     /* 0 for the default 2.0 (the text's weight is 1) */
    int exhaustive;          /* score every match instead of pruning (a reference for tests) */
    int count;               /* count every match (the total) even when pruning */
    const char *const *facets; /* field names to count values of: "source", "date" (by day),
                                  "date:week", "date:month", "person"…; NULL-terminated */
    size_t facet_limit;      /* values per facet, most frequent first; 0 for 10 */
} lede_search_params;

typedef struct lede_results lede_results;

typedef struct lede_facet_value {
    const char *value;
    size_t len;
    uint64_t count;
} lede_facet_value;

typedef struct lede_facet {
    const char *name;
    const lede_facet_value *values;
    size_t nvalues;
} lede_facet;

/* Runs a search on the last commit. On failure lede_index_error(ix) says why. */
lede_status lede_index_search(lede_index *ix, const lede_search_params *params, lede_results **out);
void lede_results_free(lede_results *r);

/* Matches in all (exact when counted; otherwise at least the hits returned). */
uint64_t lede_results_total(const lede_results *r);
int lede_results_total_exact(const lede_results *r);
size_t lede_results_count(const lede_results *r);
double lede_results_score(const lede_results *r, size_t i);
/* The stored values of hit i; valid until the results are freed. */
lede_status lede_results_fields(lede_results *r, size_t i, const lede_field **fields, size_t *n);
/* A snippet of hit i's text for the query's terms (see lede_snippet). */
lede_status lede_results_snippet(lede_results *r, size_t i, const lede_snippet_options *options,
                                 char **out, size_t *out_len);
size_t lede_results_facet_count(const lede_results *r);
const lede_facet *lede_results_facet(const lede_results *r, size_t i);

/* The stored values of the document with this id in the last commit; *fields is NULL when there
 * is none. Free with lede_document_free. */
typedef struct lede_document lede_document;
lede_status lede_index_get(lede_index *ix, const char *id, size_t len, lede_document **doc);
const lede_field *lede_document_fields(const lede_document *d, size_t *n);
void lede_document_free(lede_document *d);

/* ---- Summaries -------------------------------------------------------------------------------- */

typedef enum lede_summary_method {
    LEDE_SUMMARY_AUTO = 0,      /* position, directed centrality, title overlap and length */
    LEDE_SUMMARY_LEAD,          /* the opening sentences */
    LEDE_SUMMARY_LUHN,          /* clusters of significant words (Luhn 1958) */
    LEDE_SUMMARY_LEXRANK,       /* continuous LexRank: PageRank on cosine similarities */
    LEDE_SUMMARY_LEXRANK_THRESHOLD, /* LexRank on the graph of similarities above 0.1 */
    LEDE_SUMMARY_TEXTRANK,      /* TextRank: PageRank on word-overlap similarity */
    LEDE_SUMMARY_CENTROID,      /* similarity to the TF-IDF centroid */
    LEDE_SUMMARY_PACSUM,        /* position-aware directed centrality (PacSum, TF-IDF) */
    LEDE_SUMMARY_METHOD_COUNT
} lede_summary_method;

typedef enum lede_budget_unit {
    LEDE_BUDGET_SENTENCES = 0,
    LEDE_BUDGET_WORDS,
    LEDE_BUDGET_BYTES,
    LEDE_BUDGET_RATIO           /* a fraction of the sentences */
} lede_budget_unit;

typedef struct lede_summary_options {
    lede_summary_method method;
    lede_budget_unit unit;
    double amount;              /* how many units; for RATIO a fraction in (0, 1] */
    int cut;                    /* a word or byte budget may cut the last sentence */
    const char *query;          /* focus: sentences relevant to these words, or NULL */
    size_t query_len;
} lede_summary_options;

/* An article given to the summarizer: its analysis, its text, and optionally title and date. */
typedef struct lede_summary_input {
    const lede_article *article;
    const char *text;
    size_t len;
    const char *title;          /* NULL when none */
    size_t title_len;
    int64_t date;               /* epoch seconds, INT64_MIN when unknown (orders multi-document output) */
} lede_summary_input;

typedef struct lede_summary_sentence {
    uint32_t article;           /* index into the inputs */
    uint32_t sentence;          /* index into that article's sentences */
    lede_span span;             /* the sentence, or its cut part */
    double score;
} lede_summary_sentence;

/*
 * Summarizes one article (n = 1) or several about one story. Output: *out (malloc'd, free()) holds
 * *count sentences in reading order: document order for one article; by date, then article, then
 * position for several. Near-identical sentences of several articles count once.
 */
lede_status lede_summarize(lede_analyzer *analyzer, const lede_summary_input *inputs, size_t n,
                           const lede_summary_options *options, lede_summary_sentence **out,
                           size_t *count);

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

/* The UTC calendar date and time of an epoch (precision LEDE_DATE_SECOND). */
void lede_date_from_epoch(int64_t epoch, lede_date *out);

/* The ISO week (1..53) of a date and the year that week belongs to. */
void lede_date_iso_week(const lede_date *d, int *year, int *week);

/* ---- Quotations ------------------------------------------------------------------------------ */

typedef enum lede_quote_kind {
    LEDE_QUOTE_DIRECT = 0, /* a quoted sentence or more: “We will not back down,” she said. */
    LEDE_QUOTE_PARTIAL,    /* quoted words inside the writer's sentence: called it “a disgrace” */
    LEDE_QUOTE_INDIRECT    /* reported speech: X said that …, according to X, … */
} lede_quote_kind;

typedef struct lede_quote {
    lede_span span;            /* the content without marks: first piece's start to last's end */
    const lede_span *pieces;   /* the quoted pieces: one, or several when the attribution splits
                                  the quote or it runs over paragraphs */
    size_t npieces;
    const char *text;          /* the quoted words as they read, owned by the list (not NUL-
                                  terminated): the pieces joined by the punctuation the first kept
                                  inside its marks (“…retreat,” she said, “but…” reads "…retreat,
                                  but…"), by " … " where the attribution ended a sentence and the
                                  next piece begins another, or by a space */
    size_t text_len;
    lede_quote_kind kind;
    int has_cue, has_speaker, has_resolved;
    lede_span cue;             /* "said", "told reporters", "according to" */
    lede_span speaker;         /* the mention: a name, a pronoun or a description */
    lede_span resolved;        /* the name a pronoun or description refers to */
} lede_quote;

typedef struct lede_quote_list lede_quote_list;

/*
 * The quotations of an article analysed from `text`, in text order: direct quotes in straight,
 * curly or single marks (also split by their attribution or running over paragraphs), partial
 * quotes and indirect speech, each with its cue and speaker when the text gives them. A speaker
 * that is a pronoun or description is resolved to the nearest earlier name when there is one;
 * otherwise it stays unresolved. Free *out with lede_quote_list_free.
 */
lede_status lede_quotes(const lede_article *article, const char *text, size_t len,
                        lede_quote_list **out);
size_t lede_quote_list_count(const lede_quote_list *list);
const lede_quote *lede_quote_list_at(const lede_quote_list *list, size_t i);
void lede_quote_list_free(lede_quote_list *list);

/* ---- Quantities ------------------------------------------------------------------------------ */

typedef enum lede_approx {
    LEDE_APPROX_NONE = 0,
    LEDE_APPROX_ABOUT,     /* "around", "about", "roughly", "nearly", "some" */
    LEDE_APPROX_MORE_THAN, /* "more than", "over" */
    LEDE_APPROX_AT_LEAST,  /* "at least"; also vague counts: "hundreds of" is at least 100 */
    LEDE_APPROX_UP_TO,     /* "up to", "as many as" */
    LEDE_APPROX_LESS_THAN  /* "less than", "fewer than", "under" */
} lede_approx;

typedef struct lede_quantity {
    lede_span span;        /* cue, number and unit: "around 500 troops", "$2.5 billion" */
    double value;          /* multipliers applied: "$2.5 billion" 2.5e9, "two-thirds" 0.6667 */
    double value_max;      /* the top of a range ("between 10 and 15"); equal to value if none */
    int is_range;
    const char *unit;      /* "USD", "percent", "km", "fraction", a counted noun ("troops"), or ""
                              for a bare multiplied number; NUL-terminated, owned by the list */
    size_t unit_len;
    lede_approx approx;
} lede_quantity;

typedef struct lede_quantity_list lede_quantity_list;

/*
 * The quantities in an analysed article, in text order: a number (digits or words, a vague count
 * such as "hundreds of", or a fraction) with a currency, a percentage, a unit of measure or the
 * counted noun after it, and the approximation cue before it. Years, dates, times, ordinals and
 * labels ("No. 5") are left out. `text` is the text the article was analysed from. Free *out
 * with lede_quantity_list_free.
 */
lede_status lede_quantities(const lede_article *a, const char *text, size_t len,
                            lede_quantity_list **out);
size_t lede_quantity_list_count(const lede_quantity_list *list);
const lede_quantity *lede_quantity_list_at(const lede_quantity_list *list, size_t i);
void lede_quantity_list_free(lede_quantity_list *list);

/* ---- Named entities ------------------------------------------------------------------------- */

/* The CoNLL-2003 entity types. */
typedef enum lede_entity_type {
    LEDE_ENTITY_PER = 0,
    LEDE_ENTITY_ORG,
    LEDE_ENTITY_LOC,
    LEDE_ENTITY_MISC,
    LEDE_ENTITY_TYPE_COUNT
} lede_entity_type;

/* "PER", "ORG", "LOC", "MISC" (NULL for anything else). */
const char *lede_entity_type_name(lede_entity_type type);

/* One mention: a run of tokens tagged as one entity. */
typedef struct lede_mention {
    lede_span span;        /* from the first token's start to the last token's end */
    uint32_t first_token;  /* index into lede_article_tokens */
    uint32_t token_count;
    lede_entity_type type;
} lede_mention;

/* A trained tagger: an averaged perceptron over hashed features, read-only once loaded. */
typedef struct lede_ner_model lede_ner_model;

/* Loads a model file; a damaged or foreign file is LEDE_ERR_CORRUPT, never a crash. `error`
 * (may be NULL) says why. */
lede_status lede_ner_model_load(const char *path, lede_ner_model **out, char *error, size_t errlen);
/* The same from bytes in memory. */
lede_status lede_ner_model_read(const void *bytes, size_t len, lede_ner_model **out);
void lede_ner_model_free(lede_ner_model *model);

/* The mentions in an article analysed from `text`, in text order; *out is malloc'd (free()). */
lede_status lede_ner_tag(const lede_ner_model *model, const lede_article *article, const char *text,
                         size_t len, lede_mention **out, size_t *count);

/* Training: add gold-annotated articles, then train. The same articles in the same order with the
 * same epochs give the same model file, byte for byte. */
typedef struct lede_ner_trainer lede_ner_trainer;

lede_status lede_ner_trainer_new(lede_ner_trainer **out);
void lede_ner_trainer_free(lede_ner_trainer *trainer);
/* gold[i].span must cover whole tokens of the article (first_token/token_count are ignored);
 * a token takes the type of the mention its first byte falls in. */
lede_status lede_ner_trainer_add(lede_ner_trainer *trainer, const lede_article *article,
                                 const char *text, size_t len, const lede_mention *gold,
                                 size_t ngold);
/* Runs `epochs` passes over the articles in the order added and writes the averaged model. */
lede_status lede_ner_trainer_write(lede_ner_trainer *trainer, unsigned epochs, const char *path,
                                   char *error, size_t errlen);

/* ---- Entities: mentions grouped within an article ---------------------------------------- */

/* The gazetteer: places with their short forms and demonyms, organisations with their acronyms,
 * titles. Each list is text, one entry a line, "#" comments (data/gazetteer/ has the format). */
typedef struct lede_gazetteer lede_gazetteer;

typedef enum lede_gazetteer_list {
    LEDE_GAZETTEER_PLACES = 0,    /* "United States|U.S.|US|USA|America; American" (LOC) */
    LEDE_GAZETTEER_ORGANIZATIONS, /* "North Atlantic Treaty Organization|NATO" (ORG) */
    LEDE_GAZETTEER_TITLES         /* "Gen.", one a line */
} lede_gazetteer_list;

lede_status lede_gazetteer_new(lede_gazetteer **out);
/* Adds a list; an entry line without a name ("|US") is LEDE_ERR_INVALID. */
lede_status lede_gazetteer_add(lede_gazetteer *g, lede_gazetteer_list list, const char *bytes,
                               size_t len);
void lede_gazetteer_free(lede_gazetteer *g);

/* One entity: the mentions of an article that name the same person, place or thing. */
typedef struct lede_entity {
    const char *name;  /* the longest form seen, without title or "'s" (the gazetteer's name
                          when only demonyms were seen: "Iraqi" → "Iraq") */
    const char *key;   /* `name` case-folded, periods dropped, diacritics kept (for a gazetteer
                          entity, its gazetteer name's): matches the entity across articles */
    lede_entity_type type;
    uint32_t count;            /* mentions */
    uint32_t first;            /* byte offset of the first mention */
    const uint32_t *mentions;  /* `count` indexes into lede_entity_list_mentions, text order */
} lede_entity;

typedef struct lede_entity_list lede_entity_list;

/*
 * Groups the tagger's mentions (lede_ner_tag) into entities: same names, surnames of people
 * named in full, acronyms of longer names, possessives with or without apostrophe, gazetteer
 * short forms and demonyms. Capitalised words the tagger missed that spell a known entity
 * ("Stoltenberg's", "Irans") become mentions too. `g` may be NULL. Entities come by salience:
 * most mentions first, then earliest. Free with lede_entity_list_free.
 */
lede_status lede_entities(const lede_gazetteer *g, const lede_article *article, const char *text,
                          size_t len, const lede_mention *tagged, size_t ntagged,
                          lede_entity_list **out);
/* All mentions, tagged and found, in text order; entity_of[i] is mention i's entity index. */
const lede_mention *lede_entity_list_mentions(const lede_entity_list *list, size_t *count,
                                              const uint32_t **entity_of);
size_t lede_entity_list_count(const lede_entity_list *list);
const lede_entity *lede_entity_list_at(const lede_entity_list *list, size_t i);
void lede_entity_list_free(lede_entity_list *list);

/* ---- Dates and times (TIMEX3) ---------------------------------------------------------------- */

typedef enum lede_timex_type {
    LEDE_TIMEX_DATE = 0,  /* a calendar date or period: "Feb. 13", "last month", "the 1990s" */
    LEDE_TIMEX_TIME,      /* a time of day: "10:30 a.m. EST", "Thursday night" */
    LEDE_TIMEX_DURATION,  /* an amount of time: "three years" (P3Y) */
    LEDE_TIMEX_SET        /* a recurrence: "every Monday" (XXXX-WXX-1) */
} lede_timex_type;

/* Timex flags. */
enum {
    LEDE_TIMEX_UNRESOLVED = 1 << 0, /* relative, with no reference date: X stand for the digits */
    LEDE_TIMEX_FALLBACK = 1 << 1    /* resolved against the dateline or latest explicit date */
};

#define LEDE_TIMEX_VALUE_MAX 32

typedef struct lede_timex {
    lede_span span;
    lede_timex_type type;
    unsigned flags;
    char value[LEDE_TIMEX_VALUE_MAX]; /* TIMEX3 value, NUL-terminated: "2020-02-13", "2020-W07",
                                         "P3Y", "PRESENT_REF", "XXXX-XX-XX" when unresolved */
} lede_timex;

typedef struct lede_timex_list lede_timex_list;

/*
 * The temporal expressions of an article in text order. `text` is the text the article was
 * analysed from. Relative expressions ("Thursday", "last month", "two weeks ago") are resolved
 * against `reference` (the article's date); when it is NULL, against a full date in the dateline
 * or else the latest explicit full date in the text (flag LEDE_TIMEX_FALLBACK), and when there
 * is none they stay unresolved (LEDE_TIMEX_UNRESOLVED). A bare weekday is the latest such day on
 * or before the reference, or the next one on or after it when the sentence speaks of the future.
 * Free *out with lede_timex_list_free.
 */
lede_status lede_timexes(const lede_article *article, const char *text, size_t len,
                         const lede_date *reference, lede_timex_list **out);
size_t lede_timex_list_count(const lede_timex_list *list);
const lede_timex *lede_timex_list_at(const lede_timex_list *list, size_t i);
void lede_timex_list_free(lede_timex_list *list);

/* ---- Keyphrases ------------------------------------------------------------------------------- */

typedef struct lede_keyphrase_position {
    size_t article;  /* index in the articles given */
    lede_span span;  /* in that article's text */
} lede_keyphrase_position;

typedef struct lede_keyphrase {
    const char *text;  /* the form most often written (white space folded), NUL-terminated */
    size_t len;
    double score;      /* higher is better; comparable within one list only */
    size_t count;      /* occurrences, also inside longer phrases */
    const lede_keyphrase_position *positions; /* `count` of them, in text order */
} lede_keyphrase;

typedef struct lede_keyphrase_list lede_keyphrase_list;

/*
 * The (at most) k phrases of 1 to 4 words that best say what the articles are about, best
 * first: frequent ones, early ones, ones whose words recur, ones in the titles and, with several
 * articles, ones that many of them share. A phrase inside a better one is left out unless it
 * also stands on its own. texts[i] is the text articles[i] was analysed from; titles may be NULL,
 * and so may any titles[i]. The analyzer analyses the titles. Free *out with
 * lede_keyphrase_list_free; it owns its strings.
 */
lede_status lede_keyphrases(lede_analyzer *analyzer, lede_article *const *articles,
                            const char *const *texts, const size_t *lens,
                            const char *const *titles, const size_t *title_lens, size_t narticles,
                            size_t k, lede_keyphrase_list **out);
size_t lede_keyphrase_list_count(const lede_keyphrase_list *list);
const lede_keyphrase *lede_keyphrase_list_at(const lede_keyphrase_list *list, size_t i);
void lede_keyphrase_list_free(lede_keyphrase_list *list);

/* ---- Stories: incremental clustering of articles ------------------------------------------- */

/*
 * Articles arrive in batches; each batch is clustered in date order (ties by id). An article is a
 * sparse vector: TF-IDF over the stems of its title, lead paragraphs and the rest (each weighted),
 * plus its entity keys as features of their own, truncated to its heaviest features and made
 * unit length. It joins the story whose centroid (the sum of its members' vectors) is the most
 * similar by cosine, at or above the threshold, among the stories whose date span widened by the
 * window holds the article's date; found through an inverted index over centroid features that
 * holds only the stories still open at the newest date seen. Otherwise it starts a story.
 *
 * A story's id is a hash of the id of the article that started it, so it never changes as
 * articles join. An article older than the newest one already clustered (a late arrival) is
 * compared with every story whose widened span holds its date, closed or not; it may join a story
 * it predates, which then keeps its id. An article without a date is clustered after the dated
 * ones of its batch against every story, whatever its dates, and never moves a story's span.
 * An article whose id is known already is skipped.
 */
typedef struct lede_cluster lede_cluster;

#define LEDE_CLUSTER_NO_DATE INT64_MIN /* lede_cluster_doc.date of an undated article */
#define LEDE_STORY_ID_LEN 12            /* characters of a story id: lower-case hex */

typedef struct lede_cluster_options {
    double threshold;        /* cosine needed to join a story; 0: 0.2 */
    double window_days;      /* how far from a story's span an article may be; 0: 14 */
    double title_weight;     /* a title word counts this many times; 0: 3 */
    double lead_weight;      /* a word of the lead paragraphs; 0: 2 (the rest count 1) */
    unsigned lead_paragraphs;/* paragraphs that make the lead (after a dateline); 0: 2 */
    double entity_weight;    /* an entity's weight relative to a word's TF-IDF; 0: 3 */
    unsigned max_features;   /* features kept per article, heaviest first; 0: 32 (at most 4096) */
} lede_cluster_options;

typedef struct lede_cluster_doc {
    const char *id;              /* required, not empty */
    size_t id_len;
    int64_t date;                /* epoch seconds, or LEDE_CLUSTER_NO_DATE */
    const char *title;           /* may be NULL */
    size_t title_len;
    const char *text;            /* the body, analysed here unless `article` is given */
    size_t text_len;
    const lede_article *article; /* the body's analysis, or NULL */
    const char *source;          /* kept for the caller (story sources); may be NULL */
    size_t source_len;
    const char *const *entities; /* names or keys of people, organisations and places; a name
                                    given twice counts twice. Case-folded (ASCII) and periods
                                    dropped here. */
    const size_t *entity_lens;
    size_t nentities;
} lede_cluster_doc;

/* A new, empty clustering. `analyzer` (borrowed; it must outlive the clustering) analyses
 * titles and texts; options may be NULL for the defaults. */
lede_status lede_cluster_new(lede_analyzer *analyzer, const lede_cluster_options *options,
                             lede_cluster **out);
void lede_cluster_free(lede_cluster *c);

/* The options in force (defaults filled in). */
void lede_cluster_options_get(const lede_cluster *c, lede_cluster_options *out);
/* Changes the threshold and the window (0 keeps one); the other options shape the stored
 * vectors and stay as they were made. */
lede_status lede_cluster_tune(lede_cluster *c, double threshold, double window_days);

/* Takes an article into the next batch; *staged is 0 when its id is known already (it is then
 * left alone). A missing id is LEDE_ERR_INVALID. */
lede_status lede_cluster_stage(lede_cluster *c, const lede_cluster_doc *doc, int *staged);
/* Clusters the batch: document frequencies learn from all of it first, then every article is
 * placed in date order (ties by id), undated ones last. After a failure (memory) the batch may
 * be partly placed: free the clustering, or reload its last saved state. */
lede_status lede_cluster_run(lede_cluster *c);

/* The state (options, document frequencies, articles with their vectors and stories) as a file:
 * magic, version, CRC-32; written to path.tmp, synced, renamed over path. */
lede_status lede_cluster_save(const lede_cluster *c, const char *path, char *error, size_t errlen);
/* Reads a saved state; a damaged or foreign file is LEDE_ERR_CORRUPT with `error` saying why. */
lede_status lede_cluster_load(lede_analyzer *analyzer, const char *path, lede_cluster **out,
                              char *error, size_t errlen);

typedef struct lede_cluster_article {
    const char *id, *title, *source; /* NUL-terminated; title and source "" when not given */
    int64_t date;                    /* or LEDE_CLUSTER_NO_DATE */
    uint32_t story;                  /* index of its story */
    uint64_t fingerprint;            /* hash of the title's and text's lower-case words: equal for
                                        exact duplicates */
} lede_cluster_article;

size_t lede_cluster_article_count(const lede_cluster *c);
/* Article i, in the order they were clustered. */
void lede_cluster_article_at(const lede_cluster *c, size_t i, lede_cluster_article *out);
/* The index of the article with this id, or -1. */
int64_t lede_cluster_find(const lede_cluster *c, const char *id, size_t len);

typedef struct lede_story {
    const char *id;          /* LEDE_STORY_ID_LEN hex characters, NUL-terminated */
    int64_t first, last;     /* the dated members' span; LEDE_CLUSTER_NO_DATE when none */
    const uint32_t *members; /* article indexes by date (undated last), then arrival */
    size_t size;
    uint32_t label;          /* the member most similar to the centroid (its title is the
                                story's headline); the earliest on ties */
} lede_story;

size_t lede_cluster_story_count(const lede_cluster *c);
/* Story i, in the order stories were started; valid until the next stage/run/tune. */
void lede_cluster_story_at(const lede_cluster *c, size_t i, lede_story *out);

typedef struct lede_story_feature {
    const char *text;  /* a word as first written (lower case) or an entity as first given */
    size_t len;
    double weight;     /* share of the centroid's weight */
    int entity;        /* 1 for an entity, 0 for a word */
} lede_story_feature;

/* The k heaviest features of story i's centroid, heaviest first; *out is malloc'd (free()). */
lede_status lede_cluster_story_features(const lede_cluster *c, size_t i, size_t k,
                                        lede_story_feature **out, size_t *count);
/* ---- Near-duplicates: MinHash signatures and an LSH index ------------------------------------ */

/* Defaults (see docs/ARCHITECTURE.md and bench/RESULTS.md for how they were chosen). */
#define LEDE_DEDUP_SHINGLE_SIZE 5  /* words per shingle */
#define LEDE_DEDUP_HASHES 128      /* MinHash values per signature */
#define LEDE_DEDUP_BANDS 32        /* LSH bands (of hashes / bands rows each) */
#define LEDE_DEDUP_THRESHOLD 0.5   /* least estimated Jaccard similarity of a near-duplicate */

typedef struct lede_dedup_options {
    unsigned shingle_size; /* 0: LEDE_DEDUP_SHINGLE_SIZE; at most 32 */
    unsigned hashes;       /* 0: LEDE_DEDUP_HASHES; at most 1024 */
    unsigned bands;        /* 0: LEDE_DEDUP_BANDS (or `hashes` when fewer); at most `hashes`.
                              Each band is hashes / bands rows; rows left over are only compared */
    double threshold;      /* 0: LEDE_DEDUP_THRESHOLD; else in (0, 1] */
} lede_dedup_options;

/* The byte length of a signature with `hashes` values: 20 + 4 * hashes. */
size_t lede_dedup_signature_size(unsigned hashes);

/*
 * The MinHash signature of an article's text: its words (tokens other than punctuation, quote
 * marks and symbols, in their normalised lower-case form) in shingles of `shingle_size`, each
 * hashed by `hashes` fixed functions. `out` must hold exactly lede_dedup_signature_size(hashes)
 * bytes; the bytes can be stored and read back by any build of this format version. A text
 * without words gets a signature that matches nothing. Deterministic: same text, same bytes.
 */
lede_status lede_dedup_sign(const lede_article *article, const lede_dedup_options *options,
                            unsigned char *out, size_t outlen);

typedef struct lede_dedup_signature_info {
    unsigned version, shingle_size, hashes;
    uint32_t words; /* in the text the signature was made from */
} lede_dedup_signature_info;

/* Checks signature bytes (version, lengths, checksum): LEDE_ERR_CORRUPT when they are not one. */
lede_status lede_dedup_signature_check(const unsigned char *bytes, size_t len,
                                      lede_dedup_signature_info *info);

/* The estimated Jaccard similarity of two signatures' shingle sets, and whether their texts are
 * exact copies (the same word stream). Signatures made with other shingle sizes or hash counts
 * are LEDE_ERR_INVALID; damaged bytes LEDE_ERR_CORRUPT. */
lede_status lede_dedup_compare(const unsigned char *a, size_t alen, const unsigned char *b,
                               size_t blen, double *similarity, int *exact);

/*
 * An in-memory LSH index of signatures: each signature's values are cut into bands, and two
 * signatures that agree on a whole band are candidates, checked against the threshold. A query
 * costs the few candidates it meets, not a pass over all entries. With the defaults, 530 to 900
 * bytes an entry, by where the arrays stand between doublings (705 at 99k entries).
 */
typedef struct lede_dedup_index lede_dedup_index;

typedef struct lede_dedup_match {
    uint64_t id;       /* as given to lede_dedup_index_add */
    double similarity; /* estimated Jaccard similarity; 1 for an exact copy */
    int exact;         /* the same word stream */
} lede_dedup_match;

lede_status lede_dedup_index_new(const lede_dedup_options *options, lede_dedup_index **out);
void lede_dedup_index_free(lede_dedup_index *ix);
/* Adds a signature under the caller's id (ids are not checked for uniqueness). */
lede_status lede_dedup_index_add(lede_dedup_index *ix, uint64_t id, const unsigned char *sig,
                                 size_t len);
/* The entries whose similarity to `sig` reaches the threshold, or that are exact copies: most
 * similar first, then in the order added. *out is malloc'd (free()); NULL when *count is 0. */
lede_status lede_dedup_index_query(lede_dedup_index *ix, const unsigned char *sig, size_t len,
                                   lede_dedup_match **out, size_t *count);
size_t lede_dedup_index_count(const lede_dedup_index *ix);
/* Bytes of memory the index holds. */
size_t lede_dedup_index_bytes(const lede_dedup_index *ix);

#endif
