/*
 * query — the search query language, parsed into a tree. Parsing is purely syntactic: words and
 * phrases keep their raw text, which the query compiler later analyses with the same tokenizer
 * and stemmer as the documents. See docs/QUERY.md for the language.
 *
 * Two modes: lenient (for what users type: never fails; stray quotes, brackets and operators are
 * read sensibly) and strict (errors name the byte position of the problem).
 */
#ifndef LEDE_INDEX_QUERY_H
#define LEDE_INDEX_QUERY_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"

typedef enum lede_qkind {
    LEDE_Q_TERM = 1, /* text: one word as typed ("NATO's", "U.S.-led") */
    LEDE_Q_PHRASE,   /* text: the words between the quotes */
    LEDE_Q_PREFIX,   /* text: the word before '*' */
    LEDE_Q_NEAR,     /* children (terms or phrases) within `distance` words of each other */
    LEDE_Q_AND,      /* children: all must match */
    LEDE_Q_OR,       /* children: any may match */
    LEDE_Q_NOT,      /* children[0] must not match; only ever a child of AND */
    LEDE_Q_DATE,     /* date_from <= date < date_to (epoch seconds) */
    LEDE_Q_ALL       /* every document (a query of only negations, or an empty query) */
} lede_qkind;

typedef struct lede_qnode lede_qnode;
struct lede_qnode {
    lede_qkind kind;
    uint32_t position;     /* byte offset of the node in the query string */
    const char *field;     /* "title", "source", …; NULL for the default fields */
    size_t field_len;
    const char *text;      /* TERM, PHRASE, PREFIX: raw text, not NUL-terminated */
    size_t text_len;
    int64_t date_from;     /* DATE: INT64_MIN when open */
    int64_t date_to;       /* DATE: INT64_MAX when open */
    uint32_t distance;     /* NEAR */
    int required;          /* '+term': under an OR, this child must match */
    lede_qnode **children;
    size_t nchildren;
};

typedef enum lede_query_mode { LEDE_QUERY_LENIENT = 0, LEDE_QUERY_STRICT = 1 } lede_query_mode;

typedef enum lede_default_op { LEDE_DEFAULT_AND = 0, LEDE_DEFAULT_OR = 1 } lede_default_op;

typedef struct lede_parse_options {
    lede_query_mode mode;
    lede_default_op default_op;     /* how `a b` combines */
    const char *const *fields;      /* known field names (NULL-terminated); others are text */
    const char *date_field;         /* the field whose values are dates ("date") */
} lede_parse_options;

typedef struct lede_query lede_query; /* owns every node and string of one parse */

/*
 * Parses text[0..len). On success *out holds the query and lede_query_root() its tree. In strict
 * mode a syntax error returns LEDE_ERR_INVALID and writes "message at position N" into `error`
 * (errlen bytes, always NUL-terminated). Lenient mode returns only LEDE_OK or LEDE_ERR_NOMEM.
 */
lede_status lede_query_parse(const char *text, size_t len, const lede_parse_options *options,
                             lede_query **out, char *error, size_t errlen);
const lede_qnode *lede_query_root(const lede_query *q);
/* The query's copy of the text it parsed, byte for byte (*len bytes, NUL-terminated): node texts
 * point into it, at the offsets they have in the original. */
const char *lede_query_text(const lede_query *q, size_t *len);
void lede_query_free(lede_query *q);

#endif
