#include "index/plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "index/analyze.h"
#include "index/fields.h"
#include "text/normalize.h"

/* A prefix matches at most this many terms (the most frequent ones), as other engines cap it. */
enum { PREFIX_TERMS = 64, PREFIX_SCAN = 100000 };

void lede_plan_pool_init(lede_plan_pool *pool)
{
    lede_vec_init(&pool->blocks, sizeof(void *));
}

void lede_plan_pool_free(lede_plan_pool *pool)
{
    for (size_t i = 0; i < pool->blocks.len; i++)
        free(LEDE_VEC_AT(&pool->blocks, void *, i));
    lede_vec_free(&pool->blocks);
}

static void *pool_alloc(lede_plan_pool *pool, size_t size)
{
    if (lede_vec_reserve(&pool->blocks, 1) != LEDE_OK)
        return NULL;
    void *p = calloc(1, size ? size : 1);
    if (p)
        *(void **)lede_vec_push(&pool->blocks) = p;
    return p;
}

static char *pool_strdup(lede_plan_pool *pool, const char *s, size_t len)
{
    char *p = pool_alloc(pool, len + 1);
    if (p)
        memcpy(p, s, len);
    return p;
}

typedef struct builder {
    const lede_snapshot *snap;
    lede_analyzer *analyzer;
    const lede_plan_options *options;
    lede_plan_pool *pool;
    lede_vec scratch;
    double documents; /* live documents, at least 1 */
} builder;

static lede_plan *new_plan(builder *b, lede_plan_kind kind)
{
    lede_plan *p = pool_alloc(b->pool, sizeof *p);
    if (p)
        p->kind = kind;
    return p;
}

/* Documents holding the term in the field, over the whole snapshot. */
static double document_frequency(const builder *b, const char *field, const char *term, size_t len)
{
    double df = 0;
    for (size_t i = 0; i < b->snap->nsegs; i++) {
        const lede_segment *s = b->snap->segs[i].seg;
        const lede_seg_field *f = lede_segment_field(s, field, strlen(field));
        lede_term_info info;
        if (f && lede_segment_term(f, term, len, &info))
            df += info.df;
    }
    return df;
}

static double idf_of(const builder *b, double df)
{
    return log(1.0 + (b->documents - df + 0.5) / (df + 0.5));
}

/* IDF of a unit: of its rarest field for a term; the sum over members for a phrase. */
static void set_idf(builder *b, lede_plan *u)
{
    u->idf = 0;
    for (size_t t = 0; t < u->nterms; t++) {
        double df = 0;
        for (size_t f = 0; f < u->nfields; f++) {
            double d = document_frequency(b, u->fields[f], u->terms[t], u->term_lens[t]);
            if (d > df)
                df = d;
        }
        u->idf += idf_of(b, df);
    }
}

/* The fields a unit searches, with their weights: title and text by default. */
static lede_status set_fields(builder *b, lede_plan *u, const lede_qnode *n)
{
    static const char *const text_fields[] = { "title", "text" };
    if (n->field) {
        u->nfields = 1;
        u->fields = pool_alloc(b->pool, sizeof *u->fields);
        u->weights = pool_alloc(b->pool, sizeof *u->weights);
        if (!u->fields || !u->weights || !(u->fields[0] = pool_strdup(b->pool, n->field, n->field_len)))
            return LEDE_ERR_NOMEM;
        u->weights[0] = 1.0;
        u->keyword = lede_field_type_of(n->field, n->field_len) != LEDE_FIELD_TEXT;
        return LEDE_OK;
    }
    u->nfields = 2;
    u->fields = pool_alloc(b->pool, 2 * sizeof *u->fields);
    u->weights = pool_alloc(b->pool, 2 * sizeof *u->weights);
    if (!u->fields || !u->weights)
        return LEDE_ERR_NOMEM;
    u->fields[0] = text_fields[0];
    u->fields[1] = text_fields[1];
    u->weights[0] = b->options->title_weight;
    u->weights[1] = 1.0;
    return LEDE_OK;
}

typedef struct term_list {
    builder *b;
    lede_vec terms; /* const char * */
    lede_vec lens;  /* size_t */
    int all_stopwords;
} term_list;

static lede_status collect_term(void *ctx, const char *term, size_t len, int stopword)
{
    term_list *l = ctx;
    char *copy = pool_strdup(l->b->pool, term, len);
    lede_status st = copy ? lede_vec_append(&l->terms, &copy, 1) : LEDE_ERR_NOMEM;
    if (st == LEDE_OK)
        st = lede_vec_append(&l->lens, &len, 1);
    l->all_stopwords &= stopword;
    return st;
}

/* A term or phrase: its text analysed as the index analyses documents. A keyword field takes the
 * whole value instead. NULL (and LEDE_OK) when the text holds no word. */
static lede_status unit(builder *b, const lede_qnode *n, uint32_t distance, lede_plan **out)
{
    *out = NULL;
    lede_plan *u = new_plan(b, LEDE_PLAN_UNIT);
    lede_status st = u ? set_fields(b, u, n) : LEDE_ERR_NOMEM;
    if (st != LEDE_OK)
        return st;
    u->distance = distance;
    term_list l = { b, { 0 }, { 0 }, 1 };
    lede_vec_init(&l.terms, sizeof(const char *));
    lede_vec_init(&l.lens, sizeof(size_t));
    if (u->keyword) {
        st = lede_keyword_form(n->text, n->text_len, &b->scratch);
        if (st == LEDE_OK && b->scratch.len > 0)
            st = collect_term(&l, b->scratch.data, b->scratch.len, 0);
    } else {
        st = lede_index_terms(b->analyzer, n->text, n->text_len, collect_term, &l);
    }
    if (st == LEDE_OK && l.terms.len > 0) {
        u->nterms = l.terms.len;
        u->terms = pool_alloc(b->pool, l.terms.len * sizeof *u->terms);
        u->term_lens = pool_alloc(b->pool, l.lens.len * sizeof *u->term_lens);
        if (!u->terms || !u->term_lens) {
            st = LEDE_ERR_NOMEM;
        } else {
            memcpy(u->terms, l.terms.data, l.terms.len * sizeof *u->terms);
            memcpy(u->term_lens, l.lens.data, l.lens.len * sizeof *u->term_lens);
            u->stopword = n->kind == LEDE_Q_TERM && l.all_stopwords && u->nterms == 1;
            set_idf(b, u);
            *out = u;
        }
    }
    lede_vec_free(&l.terms);
    lede_vec_free(&l.lens);
    return st;
}

typedef struct prefix_term {
    const char *term;
    size_t len;
    double df;
} prefix_term;

static int by_df_desc(const void *x, const void *y)
{
    const prefix_term *a = x, *b = y;
    if (a->df != b->df)
        return a->df > b->df ? -1 : 1;
    size_t n = a->len < b->len ? a->len : b->len;
    int cmp = memcmp(a->term, b->term, n);
    return cmp ? cmp : (a->len > b->len) - (a->len < b->len);
}

static lede_status found_term(lede_vec *found, const char *t, size_t tlen, double df)
{
    size_t j = 0;
    while (j < found->len && !(LEDE_VEC_AT(found, prefix_term, j).len == tlen &&
                               memcmp(LEDE_VEC_AT(found, prefix_term, j).term, t, tlen) == 0))
        j++;
    if (j == found->len) {
        prefix_term *p = lede_vec_push(found);
        if (!p)
            return LEDE_ERR_NOMEM;
        p->term = t;
        p->len = tlen;
    }
    LEDE_VEC_AT(found, prefix_term, j).df += df;
    return LEDE_OK;
}

/* Adds every term of field f (in any segment) that starts with key to `found`, summing df.
 * Terms are stems, which can be shorter than the words typed: "evacuated" is indexed as "evacu",
 * so "evacua*" also takes a stem of four letters or more that the key extends by at most
 * STEM_SLACK bytes. */
enum { STEM_SLACK = 2, STEM_MIN = 4 };

static lede_status gather_prefix(builder *b, const char *field, const char *key, size_t len,
                                 int stemmed, lede_vec *found)
{
    lede_status st = LEDE_OK;
    for (size_t i = 0; st == LEDE_OK && i < b->snap->nsegs; i++) {
        const lede_seg_field *f = lede_segment_field(b->snap->segs[i].seg, field, strlen(field));
        if (!f)
            continue;
        for (uint32_t k = lede_segment_lower_bound(f, key, len), seen = 0;
             st == LEDE_OK && k < f->nterms && seen < PREFIX_SCAN; k++, seen++) {
            size_t tlen;
            lede_term_info info;
            const char *t = lede_segment_term_at(f, k, &tlen, &info);
            if (tlen < len || memcmp(t, key, len) != 0)
                break;
            st = found_term(found, t, tlen, info.df);
        }
        for (size_t cut = 1; stemmed && st == LEDE_OK && cut <= STEM_SLACK && len - cut >= STEM_MIN;
             cut++) {
            lede_term_info info;
            uint32_t k = lede_segment_lower_bound(f, key, len - cut);
            size_t tlen;
            if (k < f->nterms) {
                const char *t = lede_segment_term_at(f, k, &tlen, &info);
                if (tlen == len - cut && memcmp(t, key, tlen) == 0)
                    st = found_term(found, t, tlen, info.df);
            }
        }
    }
    return st;
}

/* "minist*": the OR of the most frequent terms that start with the (case-folded) prefix. */
static lede_status prefix(builder *b, const lede_qnode *n, lede_plan **out)
{
    *out = NULL;
    lede_plan *shape = new_plan(b, LEDE_PLAN_UNIT);
    lede_status st = shape ? set_fields(b, shape, n) : LEDE_ERR_NOMEM;
    if (st != LEDE_OK)
        return st;
    b->scratch.len = 0;
    st = shape->keyword ? lede_keyword_form(n->text, n->text_len, &b->scratch)
                        : lede_normalize(n->text, n->text_len, 1, &b->scratch);
    if (st != LEDE_OK || b->scratch.len == 0)
        return st;
    char *key = pool_strdup(b->pool, b->scratch.data, b->scratch.len);
    size_t key_len = b->scratch.len;
    lede_vec found;
    lede_vec_init(&found, sizeof(prefix_term));
    for (size_t f = 0; st == LEDE_OK && f < shape->nfields; f++)
        st = key ? gather_prefix(b, shape->fields[f], key, key_len, !shape->keyword, &found)
                 : LEDE_ERR_NOMEM;
    if (st == LEDE_OK && found.len > 0) {
        qsort(found.data, found.len, sizeof(prefix_term), by_df_desc);
        size_t n_terms = found.len < PREFIX_TERMS ? found.len : PREFIX_TERMS;
        lede_plan *or = new_plan(b, LEDE_PLAN_OR);
        if (or)
            or->kids = pool_alloc(b->pool, n_terms * sizeof *or->kids);
        for (size_t i = 0; st == LEDE_OK && i < n_terms; i++) {
            lede_plan *u = or && or->kids ? new_plan(b, LEDE_PLAN_UNIT) : NULL;
            const prefix_term *pt = &LEDE_VEC_AT(&found, prefix_term, i);
            if (!u || !(u->terms = pool_alloc(b->pool, sizeof *u->terms)) ||
                !(u->term_lens = pool_alloc(b->pool, sizeof *u->term_lens)) ||
                !(u->terms[0] = pool_strdup(b->pool, pt->term, pt->len))) {
                st = LEDE_ERR_NOMEM;
                break;
            }
            u->fields = shape->fields;
            u->weights = shape->weights;
            u->nfields = shape->nfields;
            u->keyword = shape->keyword;
            u->term_lens[0] = pt->len;
            u->nterms = 1;
            set_idf(b, u);
            or->kids[or->nkids++] = u;
        }
        if (st == LEDE_OK)
            *out = or->nkids == 1 ? or->kids[0] : or;
    }
    lede_vec_free(&found);
    return st;
}

static lede_status build(builder *b, const lede_qnode *n, lede_plan **out);

/* Children of AND/OR/NEAR, without those that hold no word; stopwords go when their siblings say
 * more ("the talks" searches "talks"). */
static lede_status build_kids(builder *b, const lede_qnode *n, lede_plan *p)
{
    p->kids = pool_alloc(b->pool, (n->nchildren ? n->nchildren : 1) * sizeof *p->kids);
    p->excluded = pool_alloc(b->pool, (n->nchildren ? n->nchildren : 1) * sizeof *p->excluded);
    if (!p->kids || !p->excluded)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < n->nchildren; i++) {
        const lede_qnode *c = n->children[i];
        int negated = c->kind == LEDE_Q_NOT;
        lede_plan *k;
        lede_status st = build(b, negated ? (c->nchildren ? c->children[0] : NULL) : c, &k);
        if (st != LEDE_OK)
            return st;
        if (!k)
            continue;
        if (negated)
            p->excluded[p->nexcluded++] = k;
        else
            p->kids[p->nkids++] = k;
    }
    if (!b->options->keep_stopwords) {
        size_t kept = 0, content = 0;
        for (size_t i = 0; i < p->nkids; i++)
            content += !(p->kids[i]->kind == LEDE_PLAN_UNIT && p->kids[i]->stopword);
        for (size_t i = 0; i < p->nkids; i++)
            if (!content || !(p->kids[i]->kind == LEDE_PLAN_UNIT && p->kids[i]->stopword))
                p->kids[kept++] = p->kids[i];
        p->nkids = kept;
    }
    return LEDE_OK;
}

/* An OR whose kids include '+required' ones becomes OPT(AND(required), OR(the others)). */
static lede_status split_required(builder *b, const lede_qnode *n, lede_plan *or, lede_plan **out)
{
    size_t required = 0;
    for (size_t i = 0; i < n->nchildren; i++)
        required += n->children[i]->required;
    if (required == 0) {
        *out = or;
        return LEDE_OK;
    }
    lede_plan *must = new_plan(b, LEDE_PLAN_AND), *may = new_plan(b, LEDE_PLAN_OR);
    lede_plan *opt = new_plan(b, LEDE_PLAN_OPT);
    if (!must || !may || !opt)
        return LEDE_ERR_NOMEM;
    /* Re-build the kids by side: simpler than tracking which built kid came from which child. */
    for (size_t i = 0; i < n->nchildren; i++) {
        lede_plan *side = n->children[i]->required ? must : may;
        lede_plan *k;
        lede_status st = build(b, n->children[i], &k);
        if (st != LEDE_OK)
            return st;
        if (!k)
            continue;
        lede_plan **grown = pool_alloc(b->pool, (side->nkids + 1) * sizeof *grown);
        if (!grown)
            return LEDE_ERR_NOMEM;
        if (side->nkids)
            memcpy(grown, side->kids, side->nkids * sizeof *grown);
        grown[side->nkids++] = k;
        side->kids = grown;
    }
    opt->kids = pool_alloc(b->pool, 2 * sizeof *opt->kids);
    if (!opt->kids)
        return LEDE_ERR_NOMEM;
    opt->kids[0] = must;
    opt->kids[1] = may;
    opt->nkids = may->nkids ? 2 : 1;
    *out = must->nkids ? opt : may;
    return LEDE_OK;
}

/* NEAR/n(a b "c d"): every word of every child within n words of each other, in any order. */
static lede_status near(builder *b, const lede_qnode *n, lede_plan **out)
{
    lede_qnode joined = *n;
    joined.kind = LEDE_Q_PHRASE;
    joined.field = NULL;
    joined.field_len = 0;
    b->scratch.len = 0;
    for (size_t i = 0; i < n->nchildren; i++) {
        const lede_qnode *c = n->children[i];
        if (c->field && !joined.field) {
            joined.field = c->field;
            joined.field_len = c->field_len;
        }
        lede_status st = lede_vec_append(&b->scratch, c->text ? c->text : "", c->text ? c->text_len : 0);
        if (st == LEDE_OK)
            st = lede_vec_append(&b->scratch, " ", 1);
        if (st != LEDE_OK)
            return st;
    }
    char *text = pool_strdup(b->pool, b->scratch.data ? b->scratch.data : "", b->scratch.len);
    if (!text)
        return LEDE_ERR_NOMEM;
    joined.text = text;
    joined.text_len = b->scratch.len;
    return unit(b, &joined, n->distance ? n->distance : 1, out);
}

static lede_status build(builder *b, const lede_qnode *n, lede_plan **out)
{
    *out = NULL;
    if (!n)
        return LEDE_OK;
    switch (n->kind) {
    case LEDE_Q_TERM:
    case LEDE_Q_PHRASE:
        return unit(b, n, 0, out);
    case LEDE_Q_PREFIX:
        return prefix(b, n, out);
    case LEDE_Q_NEAR:
        return near(b, n, out);
    case LEDE_Q_DATE: {
        lede_plan *p = new_plan(b, LEDE_PLAN_DATE);
        if (!p)
            return LEDE_ERR_NOMEM;
        p->from = n->date_from;
        p->to = n->date_to;
        *out = p;
        return LEDE_OK;
    }
    case LEDE_Q_ALL:
        return (*out = new_plan(b, LEDE_PLAN_ALL)) ? LEDE_OK : LEDE_ERR_NOMEM;
    case LEDE_Q_NOT: { /* a lone NOT: everything but it */
        lede_plan *p = new_plan(b, LEDE_PLAN_AND);
        lede_qnode all = { .kind = LEDE_Q_ALL };
        lede_qnode *kids[2] = { &all, (lede_qnode *)n };
        lede_qnode and = { .kind = LEDE_Q_AND, .children = kids, .nchildren = 2 };
        if (!p)
            return LEDE_ERR_NOMEM;
        lede_status st = build_kids(b, &and, p);
        *out = p;
        return st;
    }
    case LEDE_Q_AND:
    case LEDE_Q_OR: {
        lede_plan *p = new_plan(b, n->kind == LEDE_Q_AND ? LEDE_PLAN_AND : LEDE_PLAN_OR);
        lede_status st = p ? build_kids(b, n, p) : LEDE_ERR_NOMEM;
        if (st != LEDE_OK)
            return st;
        if (p->kind == LEDE_PLAN_OR)
            return split_required(b, n, p, out);
        if (p->nkids == 0 && p->nexcluded > 0) { /* only negations: everything else */
            lede_plan *all = new_plan(b, LEDE_PLAN_ALL);
            if (!all)
                return LEDE_ERR_NOMEM;
            p->kids[p->nkids++] = all;
        }
        *out = p->nkids == 0 ? NULL : (p->nkids == 1 && p->nexcluded == 0) ? p->kids[0] : p;
        return LEDE_OK;
    }
    }
    return LEDE_OK;
}

lede_status lede_plan_build(const lede_qnode *root, const lede_snapshot *snap,
                            lede_analyzer *analyzer, const lede_plan_options *options,
                            lede_plan_pool *pool, lede_plan **out)
{
    builder b = { snap, analyzer, options, pool, { 0 }, 1 };
    lede_vec_init(&b.scratch, 1);
    b.documents = snap->live_docs > 0 ? (double)snap->live_docs : 1.0;
    lede_status st = build(&b, root, out);
    lede_vec_free(&b.scratch);
    if (st == LEDE_OK && !*out)
        *out = new_plan(&b, LEDE_PLAN_NONE);
    return st == LEDE_OK && !*out ? LEDE_ERR_NOMEM : st;
}

lede_status lede_plan_terms(const lede_plan *p, lede_vec *out, lede_vec *lens)
{
    lede_status st = LEDE_OK;
    if (p->kind == LEDE_PLAN_UNIT && !p->keyword) {
        for (size_t i = 0; st == LEDE_OK && i < p->nterms; i++) {
            st = lede_vec_append(out, &p->terms[i], 1);
            if (st == LEDE_OK)
                st = lede_vec_append(lens, &p->term_lens[i], 1);
        }
    }
    for (size_t i = 0; st == LEDE_OK && i < p->nkids; i++)
        st = lede_plan_terms(p->kids[i], out, lens);
    return st;
}

lede_status lede_plan_field_names(const lede_snapshot *snap, lede_plan_pool *pool,
                                  const char ***out)
{
    static const char *const standard[] = { "title", "text", "source", "date", "person", "org",
                                            "place", "speaker", "story", "url", "id" };
    size_t cap = sizeof standard / sizeof *standard + 1;
    for (size_t i = 0; i < snap->nsegs; i++)
        cap += snap->segs[i].seg->nfields;
    const char **names = pool_alloc(pool, cap * sizeof *names);
    if (!names)
        return LEDE_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < sizeof standard / sizeof *standard; i++)
        names[n++] = standard[i];
    for (size_t i = 0; i < snap->nsegs; i++) {
        const lede_segment *s = snap->segs[i].seg;
        for (size_t f = 0; f < s->nfields; f++) {
            size_t k = 0;
            while (k < n && strcmp(names[k], s->fields[f].name) != 0)
                k++;
            if (k == n)
                names[n++] = s->fields[f].name;
        }
    }
    names[n] = NULL;
    *out = names;
    return LEDE_OK;
}
