/*
 * cluster — the private structures of story clustering (see lede_cluster_* in lede.h).
 *
 * Strings (ids, titles, sources, feature texts) live in one pool, addressed by offset, so that
 * growing it never invalidates what the structures hold. Article vectors live in one array of
 * entries; an article addresses its run of them. A story's centroid is a small hash map of its
 * own, and two inverted indexes map a feature to the (story, centroid slot) pairs that hold it:
 * one of the open stories, pruned as they close, for articles that come in date order; one of
 * every story, for the rest.
 */
#ifndef LEDE_CLUSTER_CLUSTER_H
#define LEDE_CLUSTER_CLUSTER_H

#include <stdint.h>
#include "lede.h"
#include "util/strmap.h"
#include "util/vec.h"

/* The most features an article's vector may keep (lede_cluster_options.max_features). */
#define LEDE_CLUSTER_MAX_FEATURES 4096

/* Feature keys start with their kind, so that a word and an entity spelt alike differ. */
enum { FEATURE_WORD = 'w', FEATURE_ENTITY = 'e' };

typedef struct cl_text {
    uint32_t offset; /* into lede_cluster.pool; NUL-terminated there */
    uint32_t len;
} cl_text;

typedef struct cl_feature {
    cl_text display; /* as first written */
    uint32_t df;     /* articles learned that have it */
} cl_feature;

/* One weighted feature of a vector. */
typedef struct cl_entry {
    uint32_t feature;
    float weight;
} cl_entry;

typedef struct cl_article {
    cl_text id, title, source;
    int64_t date;
    uint64_t fingerprint;
    uint32_t story;
    uint32_t first_entry, nentries; /* into lede_cluster.entries */
} cl_article;

/* A story's centroid: the sum of its members' vectors, as open addressing over its entries. */
typedef struct cl_centroid {
    lede_vec entries; /* cl_centroid_entry, in the order features arrived */
    uint32_t *table;  /* entry index + 1, 0 empty */
    size_t mask;
    double norm2;     /* squared length */
} cl_centroid;

typedef struct cl_centroid_entry {
    uint32_t feature;
    double weight;
} cl_centroid_entry;

typedef struct cl_story {
    char id[LEDE_STORY_ID_LEN + 1];
    int64_t first, last;
    lede_vec members;    /* uint32_t article indexes, date order (undated last), then arrival */
    cl_centroid centroid;
} cl_story;

/* What scoring reads of every story it meets, packed apart from cl_story so that walking a long
 * posting list touches few cache lines. */
typedef struct cl_story_hot {
    double score;        /* scratch of the article being placed; 0 between articles */
    int64_t last;        /* = cl_story.last */
    uint32_t generation; /* bumped each time the story (re)enters the open postings */
} cl_story_hot;

/* A story holding a feature: the centroid entry gives its current weight. A posting counts only
 * while its story is open and it carries the story's generation; others are dropped when met. */
typedef struct cl_posting {
    uint32_t story;
    uint32_t entry;
    uint32_t generation;
} cl_posting;

/* An article of the batch waiting for lede_cluster_run: raw weighted counts, not yet TF-IDF. */
typedef struct cl_staged {
    cl_text id, title, source;
    int64_t date;
    uint64_t fingerprint;
    uint32_t first_count, ncounts; /* into lede_cluster.counts (cl_entry, weight = raw count) */
} cl_staged;

struct lede_cluster {
    lede_analyzer *analyzer;
    lede_cluster_options options;
    lede_vec pool;        /* char */
    lede_strmap feature_keys;
    lede_vec features;    /* cl_feature, by key number */
    uint64_t learned;     /* articles whose features the document frequencies count */
    int64_t clock;        /* the newest date clustered, LEDE_CLUSTER_NO_DATE at first */
    lede_strmap article_ids;
    lede_vec articles;    /* cl_article, by id number */
    lede_vec entries;     /* cl_entry */
    lede_vec stories;     /* cl_story */
    lede_strmap story_ids;
    lede_vec postings;    /* lede_vec of cl_posting, by feature: the open stories */
    lede_vec all_postings;/* lede_vec of cl_posting, by feature: every story, for late and
                             undated articles */
    lede_vec staged;      /* cl_staged */
    lede_strmap staged_ids;
    lede_vec counts;      /* cl_entry */
    lede_vec hot;         /* cl_story_hot, by story */
    lede_vec touched;     /* uint32_t: the stories scored for the article being placed */
};

/* Pool text. */
static inline const char *cl_str(const lede_cluster *c, cl_text t)
{
    return (const char *)c->pool.data + t.offset;
}
lede_status cl_pool_add(lede_cluster *c, const char *s, size_t len, cl_text *out);

/* features.c: an article's raw weighted counts and fingerprint, then its unit vector. */
lede_status cl_features_stage(lede_cluster *c, const lede_cluster_doc *doc, cl_staged *st);
lede_status cl_features_vector(lede_cluster *c, const cl_staged *st, uint32_t *first,
                               uint32_t *n);
/* Interns a feature key (kind byte + text); new features remember `display`. */
lede_status cl_feature_intern(lede_cluster *c, int kind, const char *text, size_t len,
                              const char *display, size_t display_len, uint32_t *number);

/* centroid.c */
void cl_centroid_init(cl_centroid *m);
void cl_centroid_free(cl_centroid *m);
/* Adds weight to a feature; *entry is its entry index and *added whether it is new there. */
lede_status cl_centroid_add(cl_centroid *m, uint32_t feature, double weight, uint32_t *entry,
                            int *added);
/* The weight of a feature, 0 when absent. */
double cl_centroid_weight(const cl_centroid *m, uint32_t feature);

/* place.c: puts article `index` (its vector built) into the best story, or a new one. */
lede_status cl_place(lede_cluster *c, uint32_t index);

/* story.c */
/* Appends an empty story with this id (LEDE_STORY_ID_LEN bytes); a taken id is
 * LEDE_ERR_INVALID. */
lede_status cl_story_push(lede_cluster *c, const char *id, uint32_t *story);
/* Makes an empty story named from the id of the article that starts it. */
lede_status cl_story_new(lede_cluster *c, const char *first_id, size_t len, uint32_t *story);
/* Adds article `index` to story s: members, span, centroid and, when the story is open, the
 * postings (all of them again when it was closed). */
lede_status cl_story_join(lede_cluster *c, uint32_t s, uint32_t index);
/* Is the story open: dated, its last article within the window of the clock? */
int cl_story_open(const lede_cluster *c, const cl_story *s);
/* The oldest last date an open story may have. */
double cl_open_since(const lede_cluster *c);
/* Puts every feature of the story (newly open) into the open postings. */
lede_status cl_story_index(lede_cluster *c, uint32_t story);
void cl_story_free(cl_story *s);

/* The vector of an article: its nentries entries, or NULL when it has none (the entries may
 * not be allocated yet, and an offset from NULL is undefined even when it is 0). */
static inline const cl_entry *cl_article_entries(const lede_cluster *c, const cl_article *a)
{
    return a->nentries ? (const cl_entry *)c->entries.data + a->first_entry : NULL;
}

/* cluster.c: an empty clustering with these options (already checked). */
void cl_cluster_init(lede_cluster *c, lede_analyzer *analyzer, const lede_cluster_options *o);
/* Checks options and fills in defaults. */
lede_status cl_options_resolve(const lede_cluster_options *in, lede_cluster_options *out);

#endif
