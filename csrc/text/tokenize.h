/*
 * tokenize — splits text into tokens, and marks on each the role it may play in ending a
 * sentence, so that the sentence splitter works on tokens and never re-reads characters.
 */
#ifndef LEDE_TEXT_TOKENIZE_H
#define LEDE_TEXT_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "text/abbrev.h"
#include "util/vec.h"

typedef enum lede_role {
    LEDE_ROLE_NONE = 0,
    LEDE_ROLE_PERIOD,        /* "." */
    LEDE_ROLE_EXCLAIM,       /* "?", "!", "?!", "!!" */
    LEDE_ROLE_ELLIPSIS,      /* "...", "…", ". . ." */
    LEDE_ROLE_ELLIPSIS_LONG, /* four dots or more: a period and an ellipsis */
    LEDE_ROLE_BULLET,        /* "•", or "-" / "*" opening a line */
    LEDE_ROLE_ABBREV,        /* a word with its period: see `abbrev` for which kind */
    LEDE_ROLE_ACRONYM,       /* "U.S.", "e.g.", "a.m.", "Ph.D." */
    LEDE_ROLE_INITIAL        /* one capital letter and its period: "J." */
} lede_role;

typedef struct lede_rawtoken {
    lede_span span;
    uint8_t kind;   /* lede_token_kind */
    uint8_t flags;  /* LEDE_TOKEN_* */
    uint8_t role;   /* lede_role */
    uint8_t abbrev; /* lede_abbrev_class, for LEDE_ROLE_ABBREV */
} lede_rawtoken;

/* Appends the tokens of text[0..len) to `out` (items: lede_rawtoken), in order. */
lede_status lede_tokenize(const char *text, size_t len, lede_vec *out);

#endif
