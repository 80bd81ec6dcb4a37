/*
 * story — one story: its stable id, its members in date order, its date span, its centroid, and
 * its place in the inverted index while it is open.
 */
#include <stdio.h>
#include <string.h>

#include "cluster/cluster.h"
#include "util/hash.h"

static uint64_t hash_id(const char *id, size_t len, unsigned attempt)
{
    uint64_t h = lede_fnv1a(LEDE_FNV_OFFSET, id, len);
    /* A second, third… name for the rare id whose hash another story took first. */
    for (unsigned a = attempt; a > 0; a >>= 8) {
        unsigned char byte = (unsigned char)(a & 0xff);
        h = lede_fnv1a(h, &byte, 1);
    }
    /* "markets-001" and "markets-002" differ in a few bits of FNV: mixed, in all of them. */
    return lede_mix64(h);
}

lede_status cl_story_push(lede_cluster *c, const char *id, uint32_t *story)
{
    if (c->stories.len >= UINT32_MAX - 1)
        return LEDE_ERR_TOO_LARGE;
    uint32_t number;
    int added;
    lede_status st = lede_strmap_intern(&c->story_ids, id, LEDE_STORY_ID_LEN, &number, &added);
    if (st != LEDE_OK)
        return st;
    if (!added)
        return LEDE_ERR_INVALID;
    cl_story *s = lede_vec_push(&c->stories);
    cl_story_hot *hot = lede_vec_push(&c->hot);
    if (!s || !hot)
        return LEDE_ERR_NOMEM;
    hot->last = LEDE_CLUSTER_NO_DATE;
    memcpy(s->id, id, LEDE_STORY_ID_LEN);
    s->id[LEDE_STORY_ID_LEN] = '\0';
    s->first = s->last = LEDE_CLUSTER_NO_DATE;
    lede_vec_init(&s->members, sizeof(uint32_t));
    cl_centroid_init(&s->centroid);
    *story = (uint32_t)(c->stories.len - 1);
    return LEDE_OK;
}

lede_status cl_story_new(lede_cluster *c, const char *first_id, size_t len, uint32_t *story)
{
    char id[LEDE_STORY_ID_LEN + 1];
    for (unsigned attempt = 0;; attempt++) {
        /* The top 48 bits, as 12 hex digits: short enough to type in a query. */
        snprintf(id, sizeof id, "%012llx",
                 (unsigned long long)(hash_id(first_id, len, attempt) >> 16));
        if (lede_strmap_find(&c->story_ids, id, LEDE_STORY_ID_LEN) < 0)
            return cl_story_push(c, id, story);
    }
}

void cl_story_free(cl_story *s)
{
    lede_vec_free(&s->members);
    cl_centroid_free(&s->centroid);
}

double cl_open_since(const lede_cluster *c)
{
    return (double)c->clock - c->options.window_days * 86400.0;
}

int cl_story_open(const lede_cluster *c, const cl_story *s)
{
    return s->last != LEDE_CLUSTER_NO_DATE && (double)s->last >= cl_open_since(c);
}

/* Does article a come before article b among a story's members? Dated by date, undated last,
 * then in arrival order. */
static int member_before(const lede_cluster *c, uint32_t a, uint32_t b)
{
    const cl_article *x = &LEDE_VEC_AT(&c->articles, cl_article, a);
    const cl_article *y = &LEDE_VEC_AT(&c->articles, cl_article, b);
    if (x->date != y->date) {
        if (x->date == LEDE_CLUSTER_NO_DATE || y->date == LEDE_CLUSTER_NO_DATE)
            return y->date == LEDE_CLUSTER_NO_DATE;
        return x->date < y->date;
    }
    return a < b;
}

static lede_status insert_member(lede_cluster *c, cl_story *s, uint32_t index)
{
    if (!lede_vec_push(&s->members))
        return LEDE_ERR_NOMEM;
    uint32_t *m = s->members.data;
    size_t at = s->members.len - 1;
    /* Articles mostly come in date order: the loop rarely runs. */
    while (at > 0 && member_before(c, index, m[at - 1])) {
        m[at] = m[at - 1];
        at--;
    }
    m[at] = index;
    return LEDE_OK;
}

static lede_status add_posting(lede_vec *index, uint32_t story, uint32_t feature, uint32_t entry,
                               uint32_t generation)
{
    cl_posting *p = lede_vec_push(&LEDE_VEC_AT(index, lede_vec, feature));
    if (!p)
        return LEDE_ERR_NOMEM;
    p->story = story;
    p->entry = entry;
    p->generation = generation;
    return LEDE_OK;
}

lede_status cl_story_join(lede_cluster *c, uint32_t story, uint32_t index)
{
    cl_story *s = &LEDE_VEC_AT(&c->stories, cl_story, story);
    cl_article *a = &LEDE_VEC_AT(&c->articles, cl_article, index);
    int was_open = cl_story_open(c, s);
    lede_status st = insert_member(c, s, index);
    if (st != LEDE_OK)
        return st;
    a->story = story;
    if (a->date != LEDE_CLUSTER_NO_DATE) {
        if (s->first == LEDE_CLUSTER_NO_DATE || a->date < s->first)
            s->first = a->date;
        if (s->last == LEDE_CLUSTER_NO_DATE || a->date > s->last)
            s->last = a->date;
        LEDE_VEC_AT(&c->hot, cl_story_hot, story).last = s->last;
    }
    int is_open = cl_story_open(c, s);
    const cl_entry *v = cl_article_entries(c, a);
    for (uint32_t i = 0; i < a->nentries; i++) {
        uint32_t entry;
        int added;
        st = cl_centroid_add(&s->centroid, v[i].feature, v[i].weight, &entry, &added);
        if (st == LEDE_OK && added)
            st = add_posting(&c->all_postings, story, v[i].feature, entry, 0);
        if (st == LEDE_OK && added && was_open)
            st = add_posting(&c->postings, story, v[i].feature, entry,
                             LEDE_VEC_AT(&c->hot, cl_story_hot, story).generation);
        if (st != LEDE_OK)
            return st;
    }
    /* Opened (a new story, or a late article brought it back in the window). */
    if (is_open && !was_open)
        return cl_story_index(c, story);
    return LEDE_OK;
}

lede_status cl_story_index(lede_cluster *c, uint32_t story)
{
    /* Every feature goes in under a new generation, which voids what is left of the old
     * postings. */
    const cl_story *s = &LEDE_VEC_AT(&c->stories, cl_story, story);
    uint32_t generation = ++LEDE_VEC_AT(&c->hot, cl_story_hot, story).generation;
    const cl_centroid_entry *e = s->centroid.entries.data;
    for (size_t i = 0; i < s->centroid.entries.len; i++) {
        lede_status st = add_posting(&c->postings, story, e[i].feature, (uint32_t)i, generation);
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}
