/*
 * place — the decision for one article: which story it joins, if any.
 *
 * An article at or after the clock (the newest date clustered) is scored through the index of
 * open stories, which stays small because postings of closed stories are dropped as they are
 * met. An older article or an undated one goes through the index of every story, each checked
 * for its dates. Either way only stories that share a feature with the article are touched, and
 * the cosine is the same.
 */
#include <math.h>
#include <string.h>

#include "cluster/cluster.h"

typedef struct best {
    int64_t story; /* -1: none */
    double score;
} best;

/* Keeps the better of the best so far and this story: the higher cosine at or above the
 * threshold, the older story on ties. */
static void consider(best *b, uint32_t story, double score, double threshold)
{
    if (score < threshold)
        return;
    if (b->story < 0 || score > b->score || (score == b->score && story < (uint32_t)b->story)) {
        b->story = story;
        b->score = score;
    }
}

static double cosine(const cl_story *s, double dot)
{
    return s->centroid.norm2 > 0 ? dot / sqrt(s->centroid.norm2) : 0;
}

/* Can a story take this article, by dates? A dated article must fall within the window of the
 * story's dated span; an undated article may join any story. */
static int within(const lede_cluster *c, const cl_story *s, int64_t date)
{
    if (date == LEDE_CLUSTER_NO_DATE)
        return 1;
    if (s->first == LEDE_CLUSTER_NO_DATE)
        return 0;
    double window = c->options.window_days * 86400.0;
    return (double)s->first - (double)date <= window && (double)date - (double)s->last <= window;
}

/* Stories are found through the article's distinctive features only: those in at most
 * COMMON_SHARE of the articles learned, or COMMON_FLOOR of them in a small collection. A story
 * that shares only common words with the article is not a candidate: their posting lists are the
 * long ones, and the stories they alone bring are not the article's story. The cosine of a
 * candidate is then exact, over all the features. An article made only of common words is
 * compared through all of them. */
#define COMMON_SHARE 0.02
#define COMMON_FLOOR 100.0
/* Only the candidates whose cosine over the distinctive features is among the best FINALISTS
 * have the common ones looked up in their centroid: the lookups are what costs. */
#define FINALISTS 8

static int distinctive(const lede_cluster *c, uint32_t feature)
{
    double limit = (double)c->learned * COMMON_SHARE;
    if (limit < COMMON_FLOOR)
        limit = COMMON_FLOOR;
    return LEDE_VEC_AT(&c->features, cl_feature, feature).df <= limit;
}

/* Scores the stories that share one of the article's distinctive features, through one inverted
 * index. In the index of open stories a posting of a closed story, or of an earlier generation,
 * is dropped; in the index of every story, stories out of the article's dates are passed over. */
static best by_postings(lede_cluster *c, const cl_article *a, lede_vec *index, int open_only)
{
    best b = { -1, 0 };
    cl_story_hot *hot = c->hot.data;
    cl_story *stories = c->stories.data;
    lede_vec *postings = index->data;
    double since = cl_open_since(c);
    const cl_entry *v = cl_article_entries(c, a);
    /* probed[i]: feature i was scored through the postings; the others are looked up. */
    uint64_t probed[(LEDE_CLUSTER_MAX_FEATURES + 63) / 64] = { 0 };
    int any = 0;
    for (uint32_t i = 0; i < a->nentries; i++)
        any |= distinctive(c, v[i].feature);
    c->touched.len = 0;
    for (uint32_t i = 0; i < a->nentries && b.story != -2; i++) {
        if (any && !distinctive(c, v[i].feature))
            continue;
        probed[i / 64] |= 1ULL << (i % 64);
        lede_vec *list = &postings[v[i].feature];
        cl_posting *p = list->data;
        for (size_t j = 0; j < list->len;) {
            cl_story_hot *h = &hot[p[j].story];
            if (open_only && (p[j].generation != h->generation || h->last == LEDE_CLUSTER_NO_DATE ||
                              (double)h->last < since)) {
                p[j] = p[--list->len]; /* order does not matter: one posting per story */
                continue;
            }
            if (!open_only && !within(c, &stories[p[j].story], a->date)) {
                j++;
                continue;
            }
            if (h->score == 0) {
                uint32_t *t = lede_vec_push(&c->touched);
                if (!t) {
                    b.story = -2;
                    break;
                }
                *t = p[j].story;
            }
            const cl_centroid_entry *e = stories[p[j].story].centroid.entries.data;
            h->score += v[i].weight * e[p[j].entry].weight;
            j++;
        }
    }
    /* The finalists, best partial cosine first (the older story on ties). */
    uint32_t final[FINALISTS];
    double partial[FINALISTS];
    size_t nfinal = 0;
    const uint32_t *touched = c->touched.data;
    for (size_t k = 0; k < c->touched.len; k++) {
        uint32_t s = touched[k];
        double score = cosine(&stories[s], hot[s].score);
        hot[s].score = 0;
        size_t at = nfinal;
        while (at > 0 && (score > partial[at - 1] ||
                          (score == partial[at - 1] && s < final[at - 1])))
            at--;
        if (at >= FINALISTS)
            continue;
        size_t last = nfinal < FINALISTS ? nfinal : FINALISTS - 1;
        memmove(final + at + 1, final + at, (last - at) * sizeof *final);
        memmove(partial + at + 1, partial + at, (last - at) * sizeof *partial);
        final[at] = s;
        partial[at] = score;
        if (nfinal < FINALISTS)
            nfinal++;
    }
    for (size_t k = 0; k < nfinal && b.story != -2; k++) {
        const cl_story *s = &stories[final[k]];
        double dot = partial[k] * sqrt(s->centroid.norm2);
        for (uint32_t i = 0; i < a->nentries; i++)
            if (!(probed[i / 64] >> (i % 64) & 1))
                dot += v[i].weight * cl_centroid_weight(&s->centroid, v[i].feature);
        consider(&b, final[k], cosine(s, dot), c->options.threshold);
    }
    return b;
}

lede_status cl_place(lede_cluster *c, uint32_t index)
{
    const cl_article *a = &LEDE_VEC_AT(&c->articles, cl_article, index);
    best b;
    if (a->date != LEDE_CLUSTER_NO_DATE &&
        (c->clock == LEDE_CLUSTER_NO_DATE || a->date >= c->clock)) {
        c->clock = a->date;
        b = by_postings(c, a, &c->postings, 1);
    } else {
        b = by_postings(c, a, &c->all_postings, 0);
    }
    if (b.story == -2)
        return LEDE_ERR_NOMEM;
    uint32_t story;
    if (b.story >= 0) {
        story = (uint32_t)b.story;
    } else {
        lede_status st = cl_story_new(c, cl_str(c, a->id), a->id.len, &story);
        if (st != LEDE_OK)
            return st;
    }
    return cl_story_join(c, story, index);
}
