/*
 * state — a clustering as a file, so that a later run adds articles to the same stories.
 *
 *   "LEDESTO\0"  u32 version (1)  u64 body length  body  u32 CRC-32 of the body
 *
 * body (integers little-endian; "varint" LEB128; "bytes" a varint length then the bytes):
 *   options: threshold, window_days, title_weight, lead_weight, entity_weight (u64 bit patterns
 *            of doubles), lead_paragraphs, max_features (varints)
 *   learned (varint), clock (u64, two's complement)
 *   features: count, then per feature: key (bytes: kind 'w' or 'e', then stem or entity key),
 *            display (bytes), df (varint)
 *   stories: count, then per story: id (bytes, 12 hex digits)
 *   articles, in the order clustered: count, then per article: id, title, source (bytes), date
 *            (u64), fingerprint (u64), story (varint), vector length (varint), then per entry:
 *            feature (varint), weight (u32 bit pattern of a float)
 *
 * Centroids, members, spans and the inverted index are not stored: loading replays the articles
 * into their stories in the order they were clustered, which rebuilds them exactly.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"
#include "index/codec.h"
#include "index/file.h"

#define MAGIC "LEDESTO\0"
#define MAGIC_LEN 8
#define VERSION 1
#define HEADER_LEN (MAGIC_LEN + 4 + 8)

static uint64_t bits_of(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static double double_of(uint64_t u)
{
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

static lede_status put_text(lede_vec *out, const lede_cluster *c, cl_text t)
{
    return lede_put_bytes(out, cl_str(c, t), t.len);
}

static lede_status encode(const lede_cluster *c, lede_vec *b)
{
    const lede_cluster_options *o = &c->options;
    lede_status st = LEDE_OK;
#define PUT(call) do { if (st == LEDE_OK) st = (call); } while (0)
    PUT(lede_put_u64(b, bits_of(o->threshold)));
    PUT(lede_put_u64(b, bits_of(o->window_days)));
    PUT(lede_put_u64(b, bits_of(o->title_weight)));
    PUT(lede_put_u64(b, bits_of(o->lead_weight)));
    PUT(lede_put_u64(b, bits_of(o->entity_weight)));
    PUT(lede_put_varint(b, o->lead_paragraphs));
    PUT(lede_put_varint(b, o->max_features));
    PUT(lede_put_varint(b, c->learned));
    PUT(lede_put_u64(b, (uint64_t)c->clock));
    PUT(lede_put_varint(b, c->features.len));
    for (size_t i = 0; i < c->features.len && st == LEDE_OK; i++) {
        const cl_feature *f = &LEDE_VEC_AT(&c->features, cl_feature, i);
        uint32_t klen;
        const char *key = lede_strmap_key_bytes(&c->feature_keys, (uint32_t)i, &klen);
        PUT(lede_put_bytes(b, key, klen));
        PUT(put_text(b, c, f->display));
        PUT(lede_put_varint(b, f->df));
    }
    PUT(lede_put_varint(b, c->stories.len));
    for (size_t i = 0; i < c->stories.len && st == LEDE_OK; i++)
        PUT(lede_put_bytes(b, LEDE_VEC_AT(&c->stories, cl_story, i).id, LEDE_STORY_ID_LEN));
    PUT(lede_put_varint(b, c->articles.len));
    for (size_t i = 0; i < c->articles.len && st == LEDE_OK; i++) {
        const cl_article *a = &LEDE_VEC_AT(&c->articles, cl_article, i);
        PUT(put_text(b, c, a->id));
        PUT(put_text(b, c, a->title));
        PUT(put_text(b, c, a->source));
        PUT(lede_put_u64(b, (uint64_t)a->date));
        PUT(lede_put_u64(b, a->fingerprint));
        PUT(lede_put_varint(b, a->story));
        PUT(lede_put_varint(b, a->nentries));
        const cl_entry *v = cl_article_entries(c, a);
        for (uint32_t k = 0; k < a->nentries && st == LEDE_OK; k++) {
            uint32_t w;
            memcpy(&w, &v[k].weight, sizeof w);
            PUT(lede_put_varint(b, v[k].feature));
            PUT(lede_put_u32(b, w));
        }
    }
#undef PUT
    return st;
}

lede_status lede_cluster_save(const lede_cluster *c, const char *path, char *error, size_t errlen)
{
    if (errlen)
        error[0] = '\0';
    if (c->staged.len > 0) {
        if (errlen)
            snprintf(error, errlen, "articles are staged but not clustered yet");
        return LEDE_ERR_INVALID;
    }
    lede_vec body, file;
    lede_vec_init(&body, 1);
    lede_vec_init(&file, 1);
    lede_status st = encode(c, &body);
    if (st == LEDE_OK)
        st = lede_vec_append(&file, MAGIC, MAGIC_LEN);
    if (st == LEDE_OK)
        st = lede_put_u32(&file, VERSION);
    if (st == LEDE_OK)
        st = lede_put_u64(&file, body.len);
    if (st == LEDE_OK)
        st = lede_vec_append(&file, body.data, body.len);
    if (st == LEDE_OK)
        st = lede_put_u32(&file, lede_crc32(0, body.data, body.len));
    lede_vec_free(&body);
    size_t plen = strlen(path);
    char *tmp = st == LEDE_OK ? malloc(plen + 5) : NULL;
    if (st == LEDE_OK && !tmp)
        st = LEDE_ERR_NOMEM;
    if (st == LEDE_OK) {
        memcpy(tmp, path, plen);
        memcpy(tmp + plen, ".tmp", 5);
        /* Written aside and synced, then renamed over: a reader sees the old state or the new. */
        st = lede_write_file(tmp, file.data, file.len, error, errlen);
        if (st == LEDE_OK && rename(tmp, path) != 0) {
            lede_io_error(error, errlen, "cannot rename to", path);
            remove(tmp);
            st = LEDE_ERR_IO;
        }
    }
    if (st == LEDE_OK) {
        const char *slash = strrchr(path, '/');
        char *dir = slash ? malloc((size_t)(slash - path) + 2) : NULL;
        if (slash && !dir) {
            st = LEDE_ERR_NOMEM;
        } else if (dir) {
            size_t n = slash == path ? 1 : (size_t)(slash - path);
            memcpy(dir, path, n);
            dir[n] = '\0';
            st = lede_sync_dir(dir, error, errlen);
            free(dir);
        } else {
            st = lede_sync_dir(".", error, errlen);
        }
    }
    free(tmp);
    lede_vec_free(&file);
    return st;
}

/* ---- Loading ----------------------------------------------------------------------------------- */

typedef struct loader {
    lede_cluster *c;
    lede_reader r;
    const char *why; /* what is wrong, when something is */
} loader;

static int fail(loader *l, const char *why)
{
    if (!l->why)
        l->why = why;
    return 0;
}

static int get_text(loader *l, cl_text *t, lede_status *st)
{
    size_t len;
    const unsigned char *p = lede_get_bytes(&l->r, &len);
    if (!p)
        return fail(l, "truncated");
    *st = cl_pool_add(l->c, (const char *)p, len, t);
    return *st == LEDE_OK;
}

static lede_status read_options(loader *l, lede_cluster_options *o)
{
    lede_cluster_options raw;
    raw.threshold = double_of(lede_get_u64(&l->r));
    raw.window_days = double_of(lede_get_u64(&l->r));
    raw.title_weight = double_of(lede_get_u64(&l->r));
    raw.lead_weight = double_of(lede_get_u64(&l->r));
    raw.entity_weight = double_of(lede_get_u64(&l->r));
    uint64_t lead = lede_get_varint(&l->r), max = lede_get_varint(&l->r);
    raw.lead_paragraphs = lead > UINT32_MAX ? UINT32_MAX : (unsigned)lead;
    raw.max_features = max > UINT32_MAX ? UINT32_MAX : (unsigned)max;
    if (l->r.failed)
        return fail(l, "truncated"), LEDE_ERR_CORRUPT;
    /* A saved state has every option filled in: a 0 would be taken for a default. */
    if (cl_options_resolve(&raw, o) != LEDE_OK || o->threshold != raw.threshold ||
        o->window_days != raw.window_days || o->title_weight != raw.title_weight ||
        o->lead_weight != raw.lead_weight || o->entity_weight != raw.entity_weight ||
        o->lead_paragraphs != raw.lead_paragraphs || o->max_features != raw.max_features)
        return fail(l, "bad options"), LEDE_ERR_CORRUPT;
    return LEDE_OK;
}

static lede_status read_features(loader *l)
{
    lede_cluster *c = l->c;
    uint64_t n = lede_get_varint(&l->r);
    if (l->r.failed || n > (uint64_t)(l->r.end - l->r.p))
        return fail(l, "bad feature count"), LEDE_ERR_CORRUPT;
    for (uint64_t i = 0; i < n; i++) {
        size_t klen;
        const unsigned char *key = lede_get_bytes(&l->r, &klen);
        if (!key || klen < 1 || (key[0] != FEATURE_WORD && key[0] != FEATURE_ENTITY))
            return fail(l, "bad feature"), LEDE_ERR_CORRUPT;
        size_t dlen;
        const unsigned char *display = lede_get_bytes(&l->r, &dlen);
        uint64_t df = lede_get_varint(&l->r);
        if (!display || l->r.failed || df > c->learned || df > UINT32_MAX)
            return fail(l, "bad feature"), LEDE_ERR_CORRUPT;
        uint32_t number;
        lede_status st = cl_feature_intern(c, key[0], (const char *)key + 1, klen - 1,
                                           (const char *)display, dlen, &number);
        if (st != LEDE_OK)
            return st;
        if (number != i)
            return fail(l, "feature twice"), LEDE_ERR_CORRUPT;
        LEDE_VEC_AT(&c->features, cl_feature, number).df = (uint32_t)df;
    }
    return LEDE_OK;
}

static int is_story_id(const unsigned char *p, size_t len)
{
    if (len != LEDE_STORY_ID_LEN)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')))
            return 0;
    return 1;
}

static lede_status read_stories(loader *l)
{
    uint64_t n = lede_get_varint(&l->r);
    if (l->r.failed || n > (uint64_t)(l->r.end - l->r.p))
        return fail(l, "bad story count"), LEDE_ERR_CORRUPT;
    for (uint64_t i = 0; i < n; i++) {
        size_t len;
        const unsigned char *id = lede_get_bytes(&l->r, &len);
        if (!id || !is_story_id(id, len))
            return fail(l, "bad story id"), LEDE_ERR_CORRUPT;
        uint32_t story;
        lede_status st = cl_story_push(l->c, (const char *)id, &story);
        if (st == LEDE_ERR_INVALID)
            return fail(l, "story id twice"), LEDE_ERR_CORRUPT;
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}

static lede_status read_vector(loader *l, cl_article *a)
{
    lede_cluster *c = l->c;
    uint64_t n = lede_get_varint(&l->r);
    if (l->r.failed || n > c->options.max_features || n > (uint64_t)(l->r.end - l->r.p))
        return fail(l, "bad vector"), LEDE_ERR_CORRUPT;
    if (c->entries.len > UINT32_MAX - n)
        return LEDE_ERR_TOO_LARGE;
    a->first_entry = (uint32_t)c->entries.len;
    a->nentries = (uint32_t)n;
    for (uint64_t k = 0; k < n; k++) {
        uint64_t feature = lede_get_varint(&l->r);
        uint32_t bits = lede_get_u32(&l->r);
        float w;
        memcpy(&w, &bits, sizeof w);
        if (l->r.failed || feature >= c->features.len || !(w > 0 && w <= 1))
            return fail(l, "bad vector"), LEDE_ERR_CORRUPT;
        cl_entry *e = lede_vec_push(&c->entries);
        if (!e)
            return LEDE_ERR_NOMEM;
        e->feature = (uint32_t)feature;
        e->weight = w;
    }
    return LEDE_OK;
}

static lede_status read_articles(loader *l)
{
    lede_cluster *c = l->c;
    uint64_t n = lede_get_varint(&l->r);
    if (l->r.failed || n > (uint64_t)(l->r.end - l->r.p) || n > UINT32_MAX - 1)
        return fail(l, "bad article count"), LEDE_ERR_CORRUPT;
    for (uint64_t i = 0; i < n; i++) {
        cl_article a;
        memset(&a, 0, sizeof a);
        lede_status st = LEDE_OK;
        if (!get_text(l, &a.id, &st) || !get_text(l, &a.title, &st) ||
            !get_text(l, &a.source, &st))
            return st != LEDE_OK ? st : LEDE_ERR_CORRUPT;
        a.date = (int64_t)lede_get_u64(&l->r);
        a.fingerprint = lede_get_u64(&l->r);
        uint64_t story = lede_get_varint(&l->r);
        if (l->r.failed || story >= c->stories.len || a.id.len == 0)
            return fail(l, "bad article"), LEDE_ERR_CORRUPT;
        if ((st = read_vector(l, &a)) != LEDE_OK)
            return st;
        uint32_t number;
        int added;
        st = lede_strmap_intern(&c->article_ids, cl_str(c, a.id), a.id.len, &number, &added);
        if (st != LEDE_OK)
            return st;
        if (!added)
            return fail(l, "article id twice"), LEDE_ERR_CORRUPT;
        cl_article *slot = lede_vec_push(&c->articles);
        if (!slot)
            return LEDE_ERR_NOMEM;
        *slot = a;
        if ((st = cl_story_join(c, (uint32_t)story, (uint32_t)i)) != LEDE_OK)
            return st;
    }
    for (size_t s = 0; s < c->stories.len; s++)
        if (LEDE_VEC_AT(&c->stories, cl_story, s).members.len == 0)
            return fail(l, "a story without articles"), LEDE_ERR_CORRUPT;
    return LEDE_OK;
}

static lede_status parse(loader *l, const unsigned char *data, size_t len)
{
    if (len < HEADER_LEN + 4 || memcmp(data, MAGIC, MAGIC_LEN) != 0)
        return fail(l, "not a lede story state"), LEDE_ERR_CORRUPT;
    lede_reader h = lede_reader_of(data + MAGIC_LEN, 12);
    uint32_t version = lede_get_u32(&h);
    uint64_t body_len = lede_get_u64(&h);
    if (version != VERSION)
        return fail(l, "unknown version"), LEDE_ERR_CORRUPT;
    if (body_len != len - HEADER_LEN - 4)
        return fail(l, "truncated or too long"), LEDE_ERR_CORRUPT;
    const unsigned char *body = data + HEADER_LEN;
    lede_reader crc = lede_reader_of(body + body_len, 4);
    if (lede_get_u32(&crc) != lede_crc32(0, body, (size_t)body_len))
        return fail(l, "checksum mismatch"), LEDE_ERR_CORRUPT;
    l->r = lede_reader_of(body, (size_t)body_len);
    lede_cluster_options o;
    lede_status st = read_options(l, &o);
    if (st != LEDE_OK)
        return st;
    l->c->options = o;
    l->c->learned = lede_get_varint(&l->r);
    l->c->clock = (int64_t)lede_get_u64(&l->r);
    if (l->r.failed)
        return fail(l, "truncated"), LEDE_ERR_CORRUPT;
    if ((st = read_features(l)) != LEDE_OK || (st = read_stories(l)) != LEDE_OK ||
        (st = read_articles(l)) != LEDE_OK)
        return st;
    if (l->r.p != l->r.end)
        return fail(l, "bytes after the end"), LEDE_ERR_CORRUPT;
    return LEDE_OK;
}

lede_status lede_cluster_load(lede_analyzer *analyzer, const char *path, lede_cluster **out,
                              char *error, size_t errlen)
{
    *out = NULL;
    if (errlen)
        error[0] = '\0';
    if (!analyzer)
        return LEDE_ERR_INVALID;
    unsigned char *data;
    size_t len;
    lede_status st = lede_read_file(path, &data, &len, error, errlen);
    if (st != LEDE_OK)
        return st;
    lede_cluster_options defaults;
    cl_options_resolve(NULL, &defaults);
    lede_cluster *c = malloc(sizeof *c);
    if (!c) {
        free(data);
        return LEDE_ERR_NOMEM;
    }
    cl_cluster_init(c, analyzer, &defaults);
    loader l = { c, lede_reader_of(data, 0), NULL };
    st = parse(&l, data, len);
    free(data);
    if (st != LEDE_OK) {
        if (st == LEDE_ERR_CORRUPT && errlen)
            snprintf(error, errlen, "story state %s is corrupt: %s", path,
                     l.why ? l.why : "bad data");
        lede_cluster_free(c);
        return st;
    }
    *out = c;
    return LEDE_OK;
}
