/*
 * entity_internal — what the entity-grouping files share: the gazetteer's tables, the key every
 * comparison uses, and the cleaned-up form of one mention (titles and possessive ending removed).
 */
#ifndef LEDE_EXTRACT_ENTITY_INTERNAL_H
#define LEDE_EXTRACT_ENTITY_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "util/strmap.h"
#include "util/vec.h"

typedef struct gaz_entry {
    uint32_t name, name_len; /* the usual name, in gazetteer.names */
    uint32_t key, key_len;   /* its key, in gazetteer.names */
    lede_entity_type type;
} gaz_entry;

struct lede_gazetteer {
    lede_strmap forms; /* keys of names, short forms and demonyms */
    lede_vec form_of;  /* uint32_t per form number: entry index << 1 | 1 for a demonym */
    lede_vec entries;  /* gaz_entry */
    lede_vec names;    /* bytes */
    lede_strmap titles;
};

/* Appends the key of text[0..len): normalised (NFKC, case-folded, diacritics kept), periods
 * dropped so that "U.S." and "US" agree, white space runs made one space, trimmed. */
lede_status entity_key(const char *text, size_t len, lede_vec *out);

/* The gazetteer entry whose name, short form or demonym has this key, or -1; *demonym says
 * which. */
int64_t gaz_find(const lede_gazetteer *g, const char *key, size_t len, int *demonym);

/* *yes: token t is a title of the gazetteer ("Gen.", "Minister", "Secretary-General"); `pool`
 * is scratch space, left as it was. */
lede_status entity_is_title(const lede_gazetteer *g, const lede_token *t, const char *text,
                            lede_vec *pool, int *yes);

/* The cleaned-up form of a mention. */
typedef struct entity_form {
    uint32_t first, count; /* the tokens left once leading titles are skipped */
    lede_span name;        /* their text without a possessive ending */
    uint32_t key, key_len; /* the key of `name`, in the caller's pool */
} entity_form;

/* Computes the form of tokens [first, first + count) (titles are skipped only for people). */
lede_status entity_form_of(const lede_gazetteer *g, const lede_token *tok, const char *text,
                           uint32_t first, uint32_t count, lede_entity_type type, lede_vec *pool,
                           entity_form *out);

/* entity_rules.c: corrects tagged mention m by the article's layout and the titles before it (a
 * dateline's credit is an organisation, a name after a title a person's, with the capitalised
 * first name the tagger skipped); covered[t]: token t belongs to a tagged mention. */
lede_status entity_retype(const lede_gazetteer *g, const lede_article *article,
                          const lede_token *tok, const char *text, const uint8_t *covered,
                          lede_vec *pool, lede_mention *m);

/* entity_rules.c: whether tagged mention m is no name at all: an initial alone, or words of a
 * closed class only (numbers in words, months, weekdays, companies' legal forms, the
 * abbreviations of wire tables), as in "Nine mths" or "Record Jan Four". */
int entity_not_a_name(const lede_token *tok, const char *text, const lede_mention *m);

#endif
