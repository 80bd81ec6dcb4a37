/*
 * plan — a parsed query turned into what can be matched: words analysed into index terms, fields
 * resolved, prefixes expanded, and each scoring unit's IDF computed from the whole snapshot. A
 * plan is the same for every segment; exec instantiates it per segment.
 */
#ifndef LEDE_INDEX_PLAN_H
#define LEDE_INDEX_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "index/query.h"
#include "index/snapshot.h"
#include "util/vec.h"

typedef enum lede_plan_kind {
    LEDE_PLAN_UNIT = 1, /* a term or phrase, scored with BM25F over its fields */
    LEDE_PLAN_AND,      /* every kid, none of `excluded` */
    LEDE_PLAN_OR,       /* any kid */
    LEDE_PLAN_OPT,      /* kids[0] must match; kids[1] only adds to the score */
    LEDE_PLAN_DATE,     /* from <= date < to */
    LEDE_PLAN_ALL,      /* every document */
    LEDE_PLAN_NONE      /* no document */
} lede_plan_kind;

typedef struct lede_plan lede_plan;
struct lede_plan {
    lede_plan_kind kind;
    /* UNIT */
    int keyword;             /* a keyword value: matches, adds nothing to the score */
    int stopword;            /* a single stopword: dropped when its siblings say more */
    const char **fields;     /* field names */
    double *weights;         /* per field */
    size_t nfields;
    const char **terms;      /* index terms, in order: one for a term, more for a phrase */
    size_t *term_lens;
    size_t nterms;
    uint32_t distance;       /* NEAR window; 0 for an exact phrase */
    double idf;
    /* AND, OR, OPT */
    lede_plan **kids;
    size_t nkids;
    lede_plan **excluded;
    size_t nexcluded;
    /* DATE */
    int64_t from, to;
};

/* Everything a plan allocates, freed at once. */
typedef struct lede_plan_pool {
    lede_vec blocks; /* void * */
} lede_plan_pool;

void lede_plan_pool_init(lede_plan_pool *pool);
void lede_plan_pool_free(lede_plan_pool *pool);

typedef struct lede_plan_options {
    double title_weight;
    int keep_stopwords; /* keep stopword terms even beside other terms */
} lede_plan_options;

/* Builds the plan of a parsed query over a snapshot. */
lede_status lede_plan_build(const lede_qnode *root, const lede_snapshot *snap,
                            lede_analyzer *analyzer, const lede_plan_options *options,
                            lede_plan_pool *pool, lede_plan **out);

/* Every distinct index term of the plan's text units, for highlighting (appended to `out`, items:
 * const char * and lengths in `lens`). */
lede_status lede_plan_terms(const lede_plan *p, lede_vec *out, lede_vec *lens);

/* The field names every segment of the snapshot knows, plus the standard ones (NULL-terminated,
 * allocated in the pool). */
lede_status lede_plan_field_names(const lede_snapshot *snap, lede_plan_pool *pool,
                                  const char ***out);

#endif
