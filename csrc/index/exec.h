/*
 * exec — a plan instantiated on one segment: a tree of iterators that walk matching documents in
 * ascending order (advance never goes back) and score the current one with BM25F:
 *
 *   tf~ = sum over fields f of  w_f * tf_f / (1 - b + b * len_f / avglen_f)
 *   score = idf * tf~ * (k1 + 1) / (k1 + tf~)
 *
 * where a phrase's tf is the number of times the phrase occurs. Each unit also knows an upper
 * bound of its score in the segment, from the largest tf and the shortest field there, which is
 * what lets the MaxScore search skip documents that cannot enter the top k.
 */
#ifndef LEDE_INDEX_EXEC_H
#define LEDE_INDEX_EXEC_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "index/cursor.h"
#include "index/plan.h"
#include "index/snapshot.h"
#include "util/vec.h"

typedef struct lede_bm25 {
    double k1, b;
} lede_bm25;

/* A term or phrase in one field of the segment. */
typedef struct lede_source {
    const lede_seg_field *field;
    double weight;
    double avg_len;
    lede_cursor *cursors; /* one per term of the unit */
    size_t ncursors;
    uint32_t distance;    /* NEAR window; 0 for an exact phrase */
    uint32_t doc;
    uint32_t freq;
    uint32_t max_tf;      /* for the upper bound */
    uint32_t min_len;
} lede_source;

typedef struct lede_node lede_node;
struct lede_node {
    lede_plan_kind kind;
    int started;  /* a node is positioned by its first advance */
    uint32_t doc; /* LEDE_NO_DOC when exhausted */
    /* UNIT */
    lede_source *sources;
    size_t nsources;
    double idf;
    int keyword;
    double upper_bound;
    /* AND, OR, OPT */
    lede_node **kids;
    size_t nkids;
    lede_node **excluded;
    size_t nexcluded;
    /* DATE, ALL */
    const lede_segment *seg;
    int64_t from, to;
};

typedef struct lede_exec {
    const lede_snapshot *snap;
    const lede_segment *seg;
    lede_bm25 bm25;
    lede_vec allocations; /* void *, freed with the exec */
    lede_vec positions;   /* uint32_t scratch for phrase matching */
    int corrupt;          /* a cursor met damaged postings */
} lede_exec;

/* Instantiates plan p on segment seg of the snapshot, positioned on its first match. */
lede_status lede_exec_init(lede_exec *e, const lede_snapshot *snap, const lede_segment *seg,
                           lede_bm25 bm25, const lede_plan *p, lede_node **root);
void lede_exec_free(lede_exec *e);

/* Moves to the first match >= target; returns the document or LEDE_NO_DOC. */
uint32_t lede_node_advance(lede_exec *e, lede_node *n, uint32_t target);

static inline uint32_t lede_node_next(lede_exec *e, lede_node *n)
{
    return n->doc == LEDE_NO_DOC ? LEDE_NO_DOC : lede_node_advance(e, n, n->doc + 1);
}

/* The score of the current document (the node must be on one). */
double lede_node_score(lede_exec *e, const lede_node *n);

#endif
