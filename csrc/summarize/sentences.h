/*
 * sentences — the sentences of the articles being summarized, as the ranking methods see them:
 * term vectors (stems of content words, weighted by inverse sentence frequency), word order,
 * lengths, positions, and the flags the faithfulness guards need.
 */
#ifndef LEDE_SUMMARIZE_SENTENCES_H
#define LEDE_SUMMARIZE_SENTENCES_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "util/strmap.h"
#include "util/vec.h"

#define LEDE_NO_TERM UINT32_MAX

typedef struct lede_term_weight {
    uint32_t term;  /* vocabulary id */
    float weight;   /* tf * idf */
} lede_term_weight;

typedef struct lede_ssent {
    uint32_t article;    /* index into the inputs */
    uint32_t sentence;   /* index into the article's sentences */
    lede_span span;
    uint32_t position;   /* among the article's sentences */
    uint32_t words;      /* word and number tokens */
    uint32_t length;     /* white-space separated words, as word budgets (ROUGE's -l) count */
    uint32_t first;      /* its term weights: vector[first .. first + nterms), sorted by term */
    uint32_t nterms;
    uint32_t seq_first;  /* its content words in order (LEDE_NO_TERM for a stopword) */
    uint32_t seq_len;
    double norm;         /* of the weight vector */
    double title;        /* share of the title's terms it holds (0 without a title) */
    uint8_t dangling;    /* opens with a pronoun or connective that needs the sentence before */
    uint8_t opens_quote; /* leaves a quotation open for the next sentence */
    uint8_t in_quote;    /* begins inside a quotation a sentence before it opened */
    uint8_t boilerplate; /* a byline, timestamp or photo credit rather than news */
    uint8_t duplicate;   /* near-identical to an earlier sentence of another article */
    double score;        /* set by a ranking method */
} lede_ssent;

typedef struct lede_sset {
    lede_ssent *s;
    size_t n;
    size_t narticles;
    double share;        /* what part of the text the summary may take (set before ranking) */
    lede_vec vector;     /* lede_term_weight */
    lede_vec sequence;   /* uint32_t */
    lede_strmap vocab;   /* stems, numbered */
    lede_vec frequency;  /* uint32_t per term: occurrences in all the sentences */
    lede_vec sentence_frequency; /* uint32_t per term */
} lede_sset;

lede_status lede_sset_build(lede_analyzer *analyzer, const lede_summary_input *inputs, size_t n,
                            lede_sset *out);
void lede_sset_free(lede_sset *set);

/* Cosine similarity of the weight vectors of sentences i and j. */
double lede_sset_cosine(const lede_sset *set, size_t i, size_t j);

/* Cosine similarity of sentence i with a vector (sorted by term) of norm `norm`. */
double lede_sset_cosine_with(const lede_sset *set, size_t i, const lede_term_weight *v, size_t n,
                             double norm);

/* Looks up the terms of a text (a query, a title) as a weighted vector sorted by term; terms
 * the sentences never use are dropped. *norm receives its norm. */
lede_status lede_sset_vector_of(const lede_sset *set, lede_analyzer *analyzer, const char *text,
                                size_t len, lede_vec *out, double *norm);

#endif
