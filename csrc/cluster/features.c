/*
 * features — what an article is to the clustering: the stems of its title and text counted with
 * weights by where they stand (title, lead paragraphs, the rest; the dateline left out), its
 * entities as features of their own, and a fingerprint of its words for exact duplicates. At run
 * time the counts become a TF-IDF vector, cut to its heaviest features and made unit length.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"
#include "util/hash.h"

lede_status cl_pool_add(lede_cluster *c, const char *s, size_t len, cl_text *out)
{
    if (len > UINT32_MAX - 1 || c->pool.len > UINT32_MAX - 1 - len)
        return LEDE_ERR_TOO_LARGE;
    out->offset = (uint32_t)c->pool.len;
    out->len = (uint32_t)len;
    lede_status st = lede_vec_append(&c->pool, s ? s : "", len);
    if (st == LEDE_OK)
        st = lede_vec_append(&c->pool, "", 1);
    return st;
}

lede_status cl_feature_intern(lede_cluster *c, int kind, const char *text, size_t len,
                              const char *display, size_t display_len, uint32_t *number)
{
    /* The key is the kind byte then the text: built on the stack when short. */
    char small[128];
    char *key = len < sizeof small ? small : malloc(len + 1);
    if (!key)
        return LEDE_ERR_NOMEM;
    key[0] = (char)kind;
    memcpy(key + 1, text, len);
    int added;
    lede_status st = lede_strmap_intern(&c->feature_keys, key, len + 1, number, &added);
    if (key != small)
        free(key);
    if (st != LEDE_OK || !added)
        return st;
    cl_feature *f = lede_vec_push(&c->features);
    lede_vec *open = lede_vec_push(&c->postings);
    lede_vec *all = open ? lede_vec_push(&c->all_postings) : NULL;
    if (!f || !all)
        return LEDE_ERR_NOMEM;
    lede_vec_init(open, sizeof(cl_posting));
    lede_vec_init(all, sizeof(cl_posting));
    return cl_pool_add(c, display, display_len, &f->display);
}

/* Counts one occurrence of a feature with a weight. */
static lede_status count(lede_cluster *c, uint32_t feature, double weight)
{
    cl_entry *e = lede_vec_push(&c->counts);
    if (!e)
        return LEDE_ERR_NOMEM;
    e->feature = feature;
    e->weight = (float)weight;
    return LEDE_OK;
}

static int is_term(const lede_token *t)
{
    return (t->kind == LEDE_TOKEN_WORD || t->kind == LEDE_TOKEN_NUMBER ||
            t->kind == LEDE_TOKEN_HASHTAG) && !(t->flags & LEDE_TOKEN_STOPWORD) && t->stem_len > 0;
}

/* The terms of an analysed text. `lead` paragraphs weigh lead_weight, the rest `weight`; a title
 * passes lead 0 and its own weight. Also folds the words into the fingerprint. */
static lede_status count_terms(lede_cluster *c, const lede_article *a, double weight,
                               unsigned lead, double lead_weight, uint64_t *fingerprint)
{
    size_t ntokens, nsentences;
    const lede_token *tokens = lede_article_tokens(a, &ntokens);
    const lede_sentence *sentences = lede_article_sentences(a, &nsentences);
    lede_span dateline = { 0, 0 };
    int has_dateline = lede_article_dateline(a, &dateline);
    for (size_t i = 0; i < ntokens; i++) {
        const lede_token *t = &tokens[i];
        if (t->kind == LEDE_TOKEN_WORD || t->kind == LEDE_TOKEN_NUMBER)
            *fingerprint = lede_fnv1a(lede_fnv1a(*fingerprint, t->lower, t->lower_len), " ", 1);
        /* "BRUSSELS (Reuters) -" says who wrote it and where, not what about. */
        if (!is_term(t) || (has_dateline && t->span.start < dateline.end))
            continue;
        double w = weight;
        if (t->sentence < nsentences && sentences[t->sentence].paragraph < lead)
            w = lead_weight;
        uint32_t feature;
        lede_status st = cl_feature_intern(c, FEATURE_WORD, t->stem, t->stem_len, t->lower,
                                           t->lower_len, &feature);
        if (st == LEDE_OK)
            st = count(c, feature, w);
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}

/* An entity name as a key, as lede_entities makes them: ASCII case folded, periods dropped
 * ("U.S." and "US" meet), white space runs made one space, ends trimmed. */
static size_t entity_key(const char *name, size_t len, char *out)
{
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = n > 0;
            continue;
        }
        if (ch == '.')
            continue;
        if (space)
            out[n++] = ' ';
        space = 0;
        out[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    return n;
}

static lede_status count_entities(lede_cluster *c, const lede_cluster_doc *doc)
{
    for (size_t i = 0; i < doc->nentities; i++) {
        const char *name = doc->entities[i];
        size_t len = doc->entity_lens[i];
        if (!name && len > 0)
            return LEDE_ERR_INVALID;
        char *key = malloc(len + 1);
        if (!key)
            return LEDE_ERR_NOMEM;
        size_t klen = entity_key(name, len, key);
        uint32_t feature;
        lede_status st = LEDE_OK;
        if (klen > 0) {
            st = cl_feature_intern(c, FEATURE_ENTITY, key, klen, name, len, &feature);
            if (st == LEDE_OK)
                st = count(c, feature, 1.0);
        }
        free(key);
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}

static int by_feature(const void *a, const void *b)
{
    const cl_entry *x = a, *y = b;
    return (x->feature > y->feature) - (x->feature < y->feature);
}

/* Sums the counts of each feature in counts[first..], leaving one entry per feature. */
static void merge_counts(lede_cluster *c, size_t first)
{
    if (c->counts.len == first)
        return; /* no words (the counts may not even be allocated) */
    cl_entry *e = (cl_entry *)c->counts.data + first;
    size_t n = c->counts.len - first, out = 0;
    qsort(e, n, sizeof *e, by_feature);
    for (size_t i = 0; i < n; i++) {
        if (out > 0 && e[out - 1].feature == e[i].feature)
            e[out - 1].weight += e[i].weight;
        else
            e[out++] = e[i];
    }
    c->counts.len = first + out;
}

lede_status cl_features_stage(lede_cluster *c, const lede_cluster_doc *doc, cl_staged *st)
{
    const lede_cluster_options *o = &c->options;
    size_t first = c->counts.len;
    if (first > UINT32_MAX)
        return LEDE_ERR_TOO_LARGE;
    uint64_t fingerprint = LEDE_FNV_OFFSET;
    lede_status s = LEDE_OK;
    if (doc->title && doc->title_len > 0) {
        lede_article *title;
        s = lede_article_analyze(c->analyzer, doc->title, doc->title_len, &title);
        if (s != LEDE_OK)
            return s;
        s = count_terms(c, title, o->title_weight, 0, 0, &fingerprint);
        lede_article_free(title);
    }
    fingerprint = lede_fnv1a(fingerprint, "\n", 1);
    lede_article *own = NULL;
    const lede_article *body = doc->article;
    if (s == LEDE_OK && !body && doc->text && doc->text_len > 0) {
        s = lede_article_analyze(c->analyzer, doc->text, doc->text_len, &own);
        body = own;
    }
    if (s == LEDE_OK && body)
        s = count_terms(c, body, 1.0, o->lead_paragraphs, o->lead_weight, &fingerprint);
    lede_article_free(own);
    if (s == LEDE_OK)
        s = count_entities(c, doc);
    if (s != LEDE_OK) {
        c->counts.len = first;
        return s;
    }
    merge_counts(c, first);
    if (c->counts.len > UINT32_MAX)
        return LEDE_ERR_TOO_LARGE;
    st->fingerprint = fingerprint;
    st->first_count = (uint32_t)first;
    st->ncounts = (uint32_t)(c->counts.len - first);
    return LEDE_OK;
}

static int by_weight_desc(const void *a, const void *b)
{
    const cl_entry *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    return (x->feature > y->feature) - (x->feature < y->feature);
}

lede_status cl_features_vector(lede_cluster *c, const cl_staged *st, uint32_t *first, uint32_t *n)
{
    const lede_cluster_options *o = &c->options;
    size_t at = c->entries.len;
    *first = (uint32_t)at;
    *n = 0;
    if (st->ncounts == 0)
        return LEDE_OK; /* no features: the article will start a story of its own */
    if (at > UINT32_MAX - st->ncounts)
        return LEDE_ERR_TOO_LARGE;
    lede_status s = lede_vec_reserve(&c->entries, st->ncounts);
    if (s != LEDE_OK)
        return s;
    const cl_entry *counts = (const cl_entry *)c->counts.data + st->first_count;
    cl_entry *out = (cl_entry *)c->entries.data + at;
    const cl_feature *features = c->features.data;
    double docs = (double)c->learned + 1.0;
    for (uint32_t i = 0; i < st->ncounts; i++) {
        uint32_t f = counts[i].feature;
        /* log(1 + N/df): a word every article of the batch shares still weighs something, so
         * that a batch of one story's articles is not told apart by its incidental words. */
        double idf = log(1.0 + docs / ((double)features[f].df + 0.5));
        double w = (1.0 + log(counts[i].weight > 1 ? counts[i].weight : 1)) * idf;
        const char *key;
        uint32_t klen;
        key = lede_strmap_key_bytes(&c->feature_keys, f, &klen);
        if (key[0] == FEATURE_ENTITY)
            w *= o->entity_weight;
        out[i].feature = f;
        out[i].weight = (float)w;
    }
    qsort(out, st->ncounts, sizeof *out, by_weight_desc);
    uint32_t kept = st->ncounts < o->max_features ? st->ncounts : o->max_features;
    double norm2 = 0;
    for (uint32_t i = 0; i < kept; i++)
        norm2 += (double)out[i].weight * out[i].weight;
    if (norm2 > 0) {
        double inv = 1.0 / sqrt(norm2);
        for (uint32_t i = 0; i < kept; i++)
            out[i].weight = (float)(out[i].weight * inv);
    } else {
        kept = 0; /* nothing to compare by: the article will start a story of its own */
    }
    c->entries.len = at + kept;
    *first = (uint32_t)at;
    *n = kept;
    return LEDE_OK;
}
