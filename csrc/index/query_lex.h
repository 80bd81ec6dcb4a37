/*
 * query_lex — the query string as tokens, for query_parse.c (private to the query parser).
 *
 * The lexer decides everything that depends on bytes and their neighbours: which '-' is an
 * operator and which joins "U.S.-led", which `name:` is a field and which is text ("10:30"),
 * whether a date value is valid, where a word ends. The parser sees only whole tokens.
 *
 * In lenient mode the lexer never fails: a construct it cannot read becomes plain words. In
 * strict mode it reports the first problem through `qerror` and then returns only QT_END.
 */
#ifndef LEDE_INDEX_QUERY_LEX_H
#define LEDE_INDEX_QUERY_LEX_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "index/query.h"

enum {
    LEDE_QUERY_NEAR_DEFAULT = 10, /* NEAR(a b) */
    LEDE_QUERY_NEAR_MAX = 1000    /* NEAR/n: larger n is an error (strict) or clamped (lenient) */
};

typedef enum qtok_kind {
    QT_END = 0,
    QT_WORD,   /* text: a word */
    QT_PREFIX, /* text: the word before '*' */
    QT_PHRASE, /* text: between the quotes; `empty` when it holds no letter or digit */
    QT_LPAREN,
    QT_RPAREN,
    QT_AND,
    QT_OR,
    QT_NOT,
    QT_PLUS,   /* '+' at the start of a clause, directly before what it applies to */
    QT_MINUS,  /* '-' likewise */
    QT_FIELD,  /* `name:` of a known field; `field` is its index in the options' list */
    QT_DATE,   /* `date:value`; text: the value; [from, to) */
    QT_NEAR    /* `NEAR(` or `NEAR/n(`, the parenthesis included; distance; text: `NEAR/n` */
} qtok_kind;

typedef struct qtok {
    qtok_kind kind;
    uint32_t pos;      /* byte offset of the token's first byte */
    uint32_t end;      /* one past its last byte: text[pos, end) is what the user typed */
    const char *text;  /* WORD, PREFIX, PHRASE, DATE */
    size_t len;
    size_t field;      /* FIELD */
    int64_t from, to;  /* DATE */
    uint32_t distance; /* NEAR */
    int empty;         /* PHRASE */
} qtok;

/* The first error of a strict parse: "message at position N", always NUL-terminated. */
typedef struct qerror {
    char *buf;
    size_t size;
    int failed;
} qerror;

/* How many bytes of quoted text a message shows (%.*s): a 1 MB word must not make a 1 MB message. */
static inline int qerror_quoted(size_t n) { return n < 40 ? (int)n : 40; }

/* Records the first error; pos UINT32_MAX for none ("empty query"). Later errors are ignored. */
void qerror_set(qerror *e, uint32_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void qerror_vset(qerror *e, uint32_t pos, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

typedef struct qlexer {
    const char *text;
    size_t len;
    size_t at;                       /* next byte to read */
    const lede_parse_options *opt;
    qerror *err;
    int value_next;                  /* after a field or +/-: AND/OR/NOT are words */
    int keywords;                    /* 0: read AND, OR, NOT as words (a query of only those) */
    size_t nkeywords;                /* AND, OR, NOT tokens returned so far */
} qlexer;

void qlex_init(qlexer *lx, const char *text, size_t len, const lede_parse_options *opt,
               qerror *err);

/* The next token; QT_END at the end of the text and, in strict mode, after an error. */
qtok qlex_next(qlexer *lx);

/* Stops the lexer: every later call returns QT_END (the lenient cap on clauses). */
void qlex_stop(qlexer *lx);

#endif
