/*
 * keyphrase — private to the keyphrase extractor: the candidates found in a set of articles and
 * every place each one occurs. keyphrase_candidates.c finds them; keyphrase.c scores, selects
 * and returns them (lede_keyphrases in lede.h).
 */
#ifndef LEDE_SUMMARIZE_KEYPHRASE_H
#define LEDE_SUMMARIZE_KEYPHRASE_H

#include <stddef.h>
#include <stdint.h>

#include "lede.h"
#include "util/strmap.h"
#include "util/vec.h"

/* Longest candidate, in tokens. Longer runs are read as their sub-phrases. */
#define KP_MAX_WORDS 4

#define KP_NONE UINT32_MAX

/* One place where a candidate occurs. */
typedef struct kp_occurrence {
    uint32_t candidate;
    uint32_t article;  /* index in the set */
    uint32_t token;    /* first token, in the article */
    uint32_t sentence; /* in the article: how early it comes */
    uint32_t surface;  /* number of its form as written, in kp_collection.surfaces */
    uint16_t words;    /* tokens, 1..KP_MAX_WORDS */
    uint8_t name;      /* 1 when it stands among capitalised words (part of a name) */
    uint8_t initial;   /* 1 when it opens a sentence: its capital says nothing */
    lede_span span;    /* bytes of the article's text, a final possessive "'s" left out */
} kp_occurrence;

typedef struct kp_candidate {
    uint32_t words;                 /* tokens in the phrase */
    uint32_t member[KP_MAX_WORDS];  /* the one-word candidate of each token, or KP_NONE (a
                                       number, an initial, a title such as "Dr.") */
    double word_frequency;          /* of a single word: its position-weighted occurrences in
                                       every phrase, whether or not they are candidates */
    uint32_t titles;                /* articles whose title holds the phrase */
    uint32_t title_mark;            /* 1 + the last article counted in `titles` */
    uint32_t first, count;          /* its occurrences: kp_collection.order[first .. first+count) */
} kp_candidate;

typedef struct kp_collection {
    lede_strmap keys;      /* candidate number → its stems joined by spaces (the key) */
    lede_strmap surfaces;  /* forms as written, white space folded, numbered as first seen */
    lede_vec candidates;   /* kp_candidate, by candidate number */
    lede_vec occurrences;  /* kp_occurrence, in text order, article after article */
    lede_vec order;        /* uint32_t occurrence numbers grouped by candidate (kp_group) */
    lede_vec token_base;   /* size_t: tokens in the articles before each article */
    size_t tokens;         /* tokens in the articles added so far */
    lede_vec scratch;      /* bytes: the key or surface being built */
} kp_collection;

/* How much an occurrence in this sentence of its article counts: news states its subject first.
 * The opening sentence counts 3, the third 2, fading towards 1. */
static inline double kp_position_weight(uint32_t sentence)
{
    return 1.0 + 4.0 / (2.0 + (double)sentence);
}

void kp_collection_init(kp_collection *c);
void kp_collection_free(kp_collection *c);

/* Adds the candidates of the next article (articles are numbered in the order they are added);
 * `text` is what it was analysed from. */
lede_status kp_collect_article(kp_collection *c, const lede_article *a, const char *text,
                               size_t len);

/* Counts, for every candidate already collected, whether the title of article `index` holds
 * it. The title is analysed like a text, without the case rules: headlines capitalise freely. */
lede_status kp_collect_title(kp_collection *c, lede_analyzer *analyzer, uint32_t index,
                             const char *title, size_t len);

/* Fills `order` and each candidate's first/count; call once, after every article and title. */
lede_status kp_group(kp_collection *c);

#endif
