/*
 * ner_internal — what the named-entity files share: the tag set, the per-token static features
 * of an article (hashed), the weight table and one greedy decoding step. Training and tagging go
 * through the same ner_predict, so a model sees at tagging time exactly what it was trained on.
 */
#ifndef LEDE_EXTRACT_NER_INTERNAL_H
#define LEDE_EXTRACT_NER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "util/vec.h"

/* Tags, IOB2: 0 is O, 1 + type is B-type, 1 + NER_TYPES + type is I-type. */
#define NER_TYPES LEDE_ENTITY_TYPE_COUNT
#define NER_TAGS (1 + 2 * NER_TYPES)
#define NER_TAG_B(type) (uint8_t)(1 + (type))
#define NER_TAG_I(type) (uint8_t)(1 + NER_TYPES + (type))
#define NER_TAG_TYPE(tag) (((tag) - 1) % NER_TYPES) /* for tags other than O */

/* Features hash into 2^NER_BUCKET_BITS rows of NER_TAGS weights: collisions cost a little
 * accuracy and buy a fixed, small model. */
#define NER_BUCKET_BITS 19
#define NER_BUCKETS ((size_t)1 << NER_BUCKET_BITS)
#define NER_MAX_DYNAMIC 8

typedef struct ner_token {
    uint32_t first, count; /* the token's static feature hashes in ner_doc.feats */
    uint32_t word;         /* hash of the lower-case form */
    uint32_t same;         /* 1 + index of the previous token with the same lower-case form, or 0 */
} ner_token;

/* One article's tokens with their static features. */
typedef struct ner_doc {
    lede_vec tokens; /* ner_token */
    lede_vec feats;  /* uint32_t */
} ner_doc;

void ner_doc_init(ner_doc *d);
void ner_doc_free(ner_doc *d);
/* Computes the static features of every token of the article (the doc is emptied first). */
lede_status ner_doc_build(ner_doc *d, const lede_article *article, const char *text, size_t len);

/* The features that depend on the tags already chosen (tags[0..i-1]); returns how many. */
size_t ner_dynamic_features(const ner_doc *d, size_t i, const uint8_t *tags,
                            uint32_t out[NER_MAX_DYNAMIC]);

/* Whether tag may follow prev in IOB2 (I-X only after B-X or I-X). */
int ner_tag_allowed(uint8_t prev, uint8_t tag);

/* The weight table, NER_BUCKETS rows of NER_TAGS weights: the trainer's int32 weights, which it
 * updates in place, or a model's int16 ones as the file stores them. Exactly one is set. Tagging
 * reads int16, half the memory of int32: the table is far larger than the cache and every
 * token's features land in rows all over it, so the bytes fetched are the cost. */
typedef struct ner_weights {
    const int32_t *w32;
    const int16_t *w16;
} ner_weights;

/* Prediction is split in two so that inference can score the static features of every token
 * first (independent row loads overlap) and then decode left to right. ner_static_scores sums
 * the rows of token i's static features; ner_prefetch asks the CPU for those rows ahead of time;
 * ner_choose adds the dynamic features (given tags[0..i-1]) and returns the best allowed tag,
 * leaving in dyn/ndyn the dynamic features it used, for the trainer's update. */
void ner_static_scores(const ner_weights *w, const ner_doc *d, size_t i, int64_t score[NER_TAGS]);
void ner_prefetch(const ner_weights *w, const ner_doc *d, size_t i);
uint8_t ner_choose(const ner_weights *w, const ner_doc *d, size_t i, const uint8_t *tags,
                   const int64_t static_score[NER_TAGS], uint32_t dyn[NER_MAX_DYNAMIC],
                   size_t *ndyn);

/* The model file: header, then the int16 weights compressed with zlib. */
lede_status ner_model_encode(const int16_t *weights, lede_vec *out);

struct lede_ner_model {
    int16_t *w; /* NER_BUCKETS * NER_TAGS */
};

#endif
