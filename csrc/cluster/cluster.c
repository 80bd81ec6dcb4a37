/*
 * cluster — the lede_cluster object: options, the batch (stage, then run in date order), and what
 * callers read back (articles, stories with their label, a story's heaviest features).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"

/* Defaults, chosen on the sample corpus (examples/corpus: its running stories go quiet for up to
 * 11 days between articles, and entities are what best tells its stories apart) and checked on
 * Reuters-21578 for speed and for template stories (dividends, results) not snowballing. See
 * bench/RESULTS.md. */
#define DEFAULT_THRESHOLD 0.2
#define DEFAULT_WINDOW_DAYS 14.0
#define DEFAULT_TITLE_WEIGHT 3.0
#define DEFAULT_LEAD_WEIGHT 2.0
#define DEFAULT_LEAD_PARAGRAPHS 2
#define DEFAULT_ENTITY_WEIGHT 3.0
#define DEFAULT_MAX_FEATURES 32
#define MAX_WINDOW_DAYS 36525.0 /* a century */

static int bad_number(double x, double max)
{
    return !(x >= 0 && x <= max); /* also catches NaN */
}

lede_status cl_options_resolve(const lede_cluster_options *in, lede_cluster_options *out)
{
    lede_cluster_options o;
    memset(&o, 0, sizeof o);
    if (in)
        o = *in;
    if (bad_number(o.threshold, 1) || bad_number(o.window_days, MAX_WINDOW_DAYS) ||
        bad_number(o.title_weight, 1e6) || bad_number(o.lead_weight, 1e6) ||
        bad_number(o.entity_weight, 1e6) || o.lead_paragraphs > 1000000 ||
        o.max_features > LEDE_CLUSTER_MAX_FEATURES)
        return LEDE_ERR_INVALID;
    if (o.threshold == 0) o.threshold = DEFAULT_THRESHOLD;
    if (o.window_days == 0) o.window_days = DEFAULT_WINDOW_DAYS;
    if (o.title_weight == 0) o.title_weight = DEFAULT_TITLE_WEIGHT;
    if (o.lead_weight == 0) o.lead_weight = DEFAULT_LEAD_WEIGHT;
    if (o.lead_paragraphs == 0) o.lead_paragraphs = DEFAULT_LEAD_PARAGRAPHS;
    if (o.entity_weight == 0) o.entity_weight = DEFAULT_ENTITY_WEIGHT;
    if (o.max_features == 0) o.max_features = DEFAULT_MAX_FEATURES;
    *out = o;
    return LEDE_OK;
}

void cl_cluster_init(lede_cluster *c, lede_analyzer *analyzer, const lede_cluster_options *o)
{
    memset(c, 0, sizeof *c);
    c->analyzer = analyzer;
    c->options = *o;
    c->clock = LEDE_CLUSTER_NO_DATE;
    lede_vec_init(&c->pool, 1);
    lede_strmap_init(&c->feature_keys);
    lede_vec_init(&c->features, sizeof(cl_feature));
    lede_strmap_init(&c->article_ids);
    lede_vec_init(&c->articles, sizeof(cl_article));
    lede_vec_init(&c->entries, sizeof(cl_entry));
    lede_vec_init(&c->stories, sizeof(cl_story));
    lede_strmap_init(&c->story_ids);
    lede_vec_init(&c->postings, sizeof(lede_vec));
    lede_vec_init(&c->all_postings, sizeof(lede_vec));
    lede_vec_init(&c->staged, sizeof(cl_staged));
    lede_strmap_init(&c->staged_ids);
    lede_vec_init(&c->counts, sizeof(cl_entry));
    lede_vec_init(&c->hot, sizeof(cl_story_hot));
    lede_vec_init(&c->touched, sizeof(uint32_t));
}

lede_status lede_cluster_new(lede_analyzer *analyzer, const lede_cluster_options *options,
                             lede_cluster **out)
{
    *out = NULL;
    if (!analyzer)
        return LEDE_ERR_INVALID;
    lede_cluster_options o;
    lede_status st = cl_options_resolve(options, &o);
    if (st != LEDE_OK)
        return st;
    lede_cluster *c = malloc(sizeof *c);
    if (!c)
        return LEDE_ERR_NOMEM;
    cl_cluster_init(c, analyzer, &o);
    *out = c;
    return LEDE_OK;
}

void lede_cluster_free(lede_cluster *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->stories.len; i++)
        cl_story_free(&LEDE_VEC_AT(&c->stories, cl_story, i));
    for (size_t i = 0; i < c->postings.len; i++)
        lede_vec_free(&LEDE_VEC_AT(&c->postings, lede_vec, i));
    for (size_t i = 0; i < c->all_postings.len; i++)
        lede_vec_free(&LEDE_VEC_AT(&c->all_postings, lede_vec, i));
    lede_vec_free(&c->pool);
    lede_strmap_free(&c->feature_keys);
    lede_vec_free(&c->features);
    lede_strmap_free(&c->article_ids);
    lede_vec_free(&c->articles);
    lede_vec_free(&c->entries);
    lede_vec_free(&c->stories);
    lede_strmap_free(&c->story_ids);
    lede_vec_free(&c->postings);
    lede_vec_free(&c->all_postings);
    lede_vec_free(&c->staged);
    lede_strmap_free(&c->staged_ids);
    lede_vec_free(&c->counts);
    lede_vec_free(&c->hot);
    lede_vec_free(&c->touched);
    free(c);
}

void lede_cluster_options_get(const lede_cluster *c, lede_cluster_options *out)
{
    *out = c->options;
}

lede_status lede_cluster_tune(lede_cluster *c, double threshold, double window_days)
{
    if (bad_number(threshold, 1) || bad_number(window_days, MAX_WINDOW_DAYS))
        return LEDE_ERR_INVALID;
    if (threshold > 0)
        c->options.threshold = threshold;
    if (window_days > 0) {
        /* Stories that a longer window reopens must be in the postings again. */
        double old = c->options.window_days;
        c->options.window_days = window_days;
        for (size_t i = 0; window_days > old && i < c->stories.len; i++) {
            cl_story *s = &LEDE_VEC_AT(&c->stories, cl_story, i);
            c->options.window_days = old;
            int was_open = cl_story_open(c, s);
            c->options.window_days = window_days;
            if (was_open || !cl_story_open(c, s))
                continue;
            lede_status st = cl_story_index(c, (uint32_t)i);
            if (st != LEDE_OK)
                return st;
        }
    }
    return LEDE_OK;
}

lede_status lede_cluster_stage(lede_cluster *c, const lede_cluster_doc *doc, int *staged)
{
    *staged = 0;
    if (!doc || !doc->id || doc->id_len == 0 || memchr(doc->id, 0, doc->id_len) ||
        (!doc->text && doc->text_len > 0) || (!doc->title && doc->title_len > 0) ||
        (!doc->source && doc->source_len > 0) || (doc->nentities > 0 && !doc->entity_lens))
        return LEDE_ERR_INVALID;
    if (doc->id_len > UINT32_MAX)
        return LEDE_ERR_TOO_LARGE;
    if (lede_strmap_find(&c->article_ids, doc->id, doc->id_len) >= 0 ||
        lede_strmap_find(&c->staged_ids, doc->id, doc->id_len) >= 0)
        return LEDE_OK;
    cl_staged st;
    memset(&st, 0, sizeof st);
    st.date = doc->date;
    lede_status s = cl_features_stage(c, doc, &st);
    if (s == LEDE_OK)
        s = cl_pool_add(c, doc->id, doc->id_len, &st.id);
    if (s == LEDE_OK)
        s = cl_pool_add(c, doc->title, doc->title_len, &st.title);
    if (s == LEDE_OK)
        s = cl_pool_add(c, doc->source, doc->source_len, &st.source);
    uint32_t number;
    int added;
    if (s == LEDE_OK)
        s = lede_strmap_intern(&c->staged_ids, doc->id, doc->id_len, &number, &added);
    cl_staged *slot = s == LEDE_OK ? lede_vec_push(&c->staged) : NULL;
    if (!slot)
        return s != LEDE_OK ? s : LEDE_ERR_NOMEM;
    *slot = st;
    *staged = 1;
    return LEDE_OK;
}

/* A batch article's sort key (qsort has no context argument in C11). */
typedef struct batch_key {
    int64_t date;
    const char *id;
    uint32_t id_len;
    uint32_t staged;
} batch_key;

/* Dated by date, undated last, then by id. */
static int by_date_then_id(const void *a, const void *b)
{
    const batch_key *x = a, *y = b;
    if (x->date != y->date) {
        if (x->date == LEDE_CLUSTER_NO_DATE || y->date == LEDE_CLUSTER_NO_DATE)
            return x->date == LEDE_CLUSTER_NO_DATE ? 1 : -1;
        return x->date < y->date ? -1 : 1;
    }
    size_t n = x->id_len < y->id_len ? x->id_len : y->id_len;
    int cmp = memcmp(x->id, y->id, n);
    if (cmp != 0)
        return cmp;
    return (x->id_len > y->id_len) - (x->id_len < y->id_len);
}

static lede_status place_batch(lede_cluster *c, const batch_key *order, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const cl_staged *st = &LEDE_VEC_AT(&c->staged, cl_staged, order[k].staged);
        if (c->articles.len >= UINT32_MAX - 1)
            return LEDE_ERR_TOO_LARGE;
        cl_article a;
        memset(&a, 0, sizeof a);
        a.id = st->id;
        a.title = st->title;
        a.source = st->source;
        a.date = st->date;
        a.fingerprint = st->fingerprint;
        lede_status s = cl_features_vector(c, st, &a.first_entry, &a.nentries);
        uint32_t number;
        int added;
        if (s == LEDE_OK)
            s = lede_strmap_intern(&c->article_ids, cl_str(c, a.id), a.id.len, &number, &added);
        cl_article *slot = s == LEDE_OK ? lede_vec_push(&c->articles) : NULL;
        if (!slot)
            return s != LEDE_OK ? s : LEDE_ERR_NOMEM;
        *slot = a;
        s = cl_place(c, (uint32_t)(c->articles.len - 1));
        if (s != LEDE_OK)
            return s;
    }
    return LEDE_OK;
}

lede_status lede_cluster_run(lede_cluster *c)
{
    size_t n = c->staged.len;
    if (n == 0)
        return LEDE_OK;
    /* Document frequencies learn from the whole batch first, so its first articles are weighed
     * with what its last ones teach. */
    cl_feature *features = c->features.data;
    const cl_entry *counts = c->counts.data;
    for (size_t i = 0; i < n; i++) {
        const cl_staged *st = &LEDE_VEC_AT(&c->staged, cl_staged, i);
        for (uint32_t k = 0; k < st->ncounts; k++)
            features[counts[st->first_count + k].feature].df++;
    }
    c->learned += n;
    batch_key *order = malloc(n * sizeof *order);
    if (!order)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const cl_staged *st = &LEDE_VEC_AT(&c->staged, cl_staged, i);
        order[i].date = st->date;
        order[i].id = cl_str(c, st->id);
        order[i].id_len = st->id.len;
        order[i].staged = (uint32_t)i;
    }
    qsort(order, n, sizeof *order, by_date_then_id);
    lede_status s = place_batch(c, order, n);
    free(order);
    c->staged.len = 0;
    c->counts.len = 0;
    lede_strmap_clear(&c->staged_ids);
    return s;
}

size_t lede_cluster_article_count(const lede_cluster *c)
{
    return c->articles.len;
}

void lede_cluster_article_at(const lede_cluster *c, size_t i, lede_cluster_article *out)
{
    const cl_article *a = &LEDE_VEC_AT(&c->articles, cl_article, i);
    out->id = cl_str(c, a->id);
    out->title = cl_str(c, a->title);
    out->source = cl_str(c, a->source);
    out->date = a->date;
    out->story = a->story;
    out->fingerprint = a->fingerprint;
}

int64_t lede_cluster_find(const lede_cluster *c, const char *id, size_t len)
{
    return lede_strmap_find(&c->article_ids, id, len);
}

size_t lede_cluster_story_count(const lede_cluster *c)
{
    return c->stories.len;
}

/* The member whose vector is closest to the centroid (earliest on ties). */
static uint32_t label_of(const lede_cluster *c, const cl_story *s)
{
    const uint32_t *m = s->members.data;
    uint32_t label = m[0];
    double best = -1;
    for (size_t k = 0; k < s->members.len; k++) {
        const cl_article *a = &LEDE_VEC_AT(&c->articles, cl_article, m[k]);
        const cl_entry *v = cl_article_entries(c, a);
        double dot = 0;
        for (uint32_t i = 0; i < a->nentries; i++)
            dot += v[i].weight * cl_centroid_weight(&s->centroid, v[i].feature);
        if (dot > best) {
            best = dot;
            label = m[k];
        }
    }
    return label;
}

void lede_cluster_story_at(const lede_cluster *c, size_t i, lede_story *out)
{
    const cl_story *s = &LEDE_VEC_AT(&c->stories, cl_story, i);
    out->id = s->id;
    out->first = s->first;
    out->last = s->last;
    out->members = s->members.data;
    out->size = s->members.len;
    out->label = label_of(c, s);
}

static int by_centroid_weight(const void *a, const void *b)
{
    const cl_centroid_entry *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    return (x->feature > y->feature) - (x->feature < y->feature);
}

lede_status lede_cluster_story_features(const lede_cluster *c, size_t i, size_t k,
                                        lede_story_feature **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (i >= c->stories.len)
        return LEDE_ERR_INVALID;
    const cl_story *s = &LEDE_VEC_AT(&c->stories, cl_story, i);
    size_t n = s->centroid.entries.len;
    if (n == 0 || k == 0)
        return LEDE_OK;
    cl_centroid_entry *sorted = malloc(n * sizeof *sorted);
    lede_story_feature *f = malloc((k < n ? k : n) * sizeof *f);
    if (!sorted || !f) {
        free(sorted);
        free(f);
        return LEDE_ERR_NOMEM;
    }
    memcpy(sorted, s->centroid.entries.data, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, by_centroid_weight);
    double total = 0;
    for (size_t j = 0; j < n; j++)
        total += sorted[j].weight;
    size_t kept = k < n ? k : n;
    for (size_t j = 0; j < kept; j++) {
        const cl_feature *feature = &LEDE_VEC_AT(&c->features, cl_feature, sorted[j].feature);
        uint32_t klen;
        const char *key = lede_strmap_key_bytes(&c->feature_keys, sorted[j].feature, &klen);
        f[j].text = cl_str(c, feature->display);
        f[j].len = feature->display.len;
        f[j].weight = total > 0 ? sorted[j].weight / total : 0;
        f[j].entity = key[0] == FEATURE_ENTITY;
    }
    free(sorted);
    *out = f;
    *count = kept;
    return LEDE_OK;
}
