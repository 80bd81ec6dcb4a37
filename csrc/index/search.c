/*
 * search — runs a query on the index's last commit: parse, plan, then each segment in turn into
 * one top-k heap. A plain disjunction of terms (what natural-language queries are) takes the
 * MaxScore path, which skips documents whose best possible score cannot enter the top k; every
 * other query, and any search that wants facets, scores every match. Both give the same hits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/document.h"
#include "index/exec.h"
#include "index/index.h"
#include "index/plan.h"
#include "index/query.h"
#include "util/strmap.h"

typedef struct hit {
    uint32_t seg;
    uint32_t doc;
    double score;
} hit;

/* Counts of one facet: values numbered by the map, counts alongside. */
typedef struct facet_counter {
    const char *name;  /* "source", "date", "date:week", … */
    const char *field; /* the field it counts */
    int date_unit;     /* 0 for a keyword field; else 'd', 'w' or 'm' */
    lede_strmap values; /* matching forms */
    lede_vec counts;   /* uint64_t */
    lede_vec shown;    /* lede_facet_value: how each value is shown (its first spelling) */
    lede_vec ord_counts; /* uint64_t per term ordinal of the current segment's field */
    const lede_seg_field *seg_field;
} facet_counter;

struct lede_results {
    lede_snapshot *snap;
    lede_analyzer *analyzer;
    hit *hits;
    size_t nhits;
    uint64_t total;
    int total_exact;
    lede_vec *hit_fields;    /* one vec of lede_field per hit, filled on demand */
    lede_vec *hit_storage;   /* the inflated record each hit's fields point into */
    lede_vec terms;          /* const char *: the query's index terms, for snippets */
    lede_vec term_lens;      /* size_t */
    lede_plan_pool pool;
    lede_vec facets;         /* lede_facet */
    lede_vec facet_storage;  /* lede_facet_value * and strmaps to free */
    facet_counter *counters;
    size_t ncounters;
};

/* ---- The top-k heap: the worst hit on top ------------------------------------------------------ */

typedef struct heap {
    hit *items;
    size_t len, cap;
} heap;

/* Is a ranked below b? Higher scores first; on a tie, the earlier document. */
static int worse(const hit *a, const hit *b)
{
    if (a->score != b->score)
        return a->score < b->score;
    if (a->seg != b->seg)
        return a->seg > b->seg;
    return a->doc > b->doc;
}

static void sift_down(heap *h, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->len && worse(&h->items[l], &h->items[m]))
            m = l;
        if (r < h->len && worse(&h->items[r], &h->items[m]))
            m = r;
        if (m == i)
            return;
        hit t = h->items[i];
        h->items[i] = h->items[m];
        h->items[m] = t;
        i = m;
    }
}

static void sift_up(heap *h, size_t i)
{
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!worse(&h->items[i], &h->items[parent]))
            return;
        hit t = h->items[i];
        h->items[i] = h->items[parent];
        h->items[parent] = t;
        i = parent;
    }
}

static void heap_offer(heap *h, hit x)
{
    if (h->cap == 0)
        return;
    if (h->len < h->cap) {
        h->items[h->len++] = x;
        sift_up(h, h->len - 1);
    } else if (worse(&h->items[0], &x)) {
        h->items[0] = x;
        sift_down(h, 0);
    }
}

/* The score a new hit must beat, or -1 while the heap has room. */
static double threshold(const heap *h)
{
    return h->len < h->cap ? -1.0 : h->items[0].score;
}

static int by_rank(const void *x, const void *y)
{
    const hit *a = x, *b = y;
    return worse(a, b) ? 1 : worse(b, a) ? -1 : 0;
}

/* ---- Facets ------------------------------------------------------------------------------------- */

/* Adds n to a value's count; `shown` is how it is displayed, kept from its first appearance (it
 * points into a segment or into the counter, both alive as long as the results). */
static lede_status count_value(facet_counter *c, const char *value, size_t len, const char *shown,
                               size_t shown_len, uint64_t n)
{
    uint32_t number;
    int added;
    lede_status st = lede_vec_reserve(&c->counts, 1);
    if (st == LEDE_OK)
        st = lede_vec_reserve(&c->shown, 1);
    if (st == LEDE_OK)
        st = lede_strmap_intern(&c->values, value, len, &number, &added);
    if (st != LEDE_OK)
        return st;
    if (added) {
        *(uint64_t *)lede_vec_push(&c->counts) = 0;
        lede_facet_value *v = lede_vec_push(&c->shown);
        v->value = shown;
        v->len = shown_len;
    }
    LEDE_VEC_AT(&c->counts, uint64_t, number) += n;
    return LEDE_OK;
}

static lede_status count_date(facet_counter *c, int64_t epoch)
{
    if (epoch == INT64_MIN)
        return LEDE_OK;
    lede_date d;
    lede_date_from_epoch(epoch, &d);
    char key[24];
    if (c->date_unit == 'w') {
        int year, week;
        lede_date_iso_week(&d, &year, &week);
        snprintf(key, sizeof key, "%04d-W%02d", year, week);
    } else if (c->date_unit == 'm') {
        snprintf(key, sizeof key, "%04d-%02d", d.year, d.month);
    } else {
        snprintf(key, sizeof key, "%04d-%02d-%02d", d.year, d.month, d.day);
    }
    return count_value(c, key, strlen(key), NULL, 0, 1);
}

/* Keyword values are counted per term ordinal in a segment, then named once per segment. */
static lede_status facets_begin_segment(lede_results *r, const lede_segment *seg)
{
    for (size_t i = 0; i < r->ncounters; i++) {
        facet_counter *c = &r->counters[i];
        c->ord_counts.len = 0;
        c->seg_field = c->date_unit ? NULL : lede_segment_field(seg, c->field, strlen(c->field));
        if (c->seg_field && c->seg_field->dv_offsets) {
            if (lede_vec_reserve(&c->ord_counts, c->seg_field->nterms) != LEDE_OK)
                return LEDE_ERR_NOMEM;
            memset(c->ord_counts.data, 0, c->seg_field->nterms * sizeof(uint64_t));
            c->ord_counts.len = c->seg_field->nterms;
        }
    }
    return LEDE_OK;
}

static lede_status facets_count(lede_results *r, const lede_segment *seg, uint32_t doc)
{
    for (size_t i = 0; i < r->ncounters; i++) {
        facet_counter *c = &r->counters[i];
        if (c->date_unit) {
            lede_status st = count_date(c, lede_segment_date(seg, doc));
            if (st != LEDE_OK)
                return st;
            continue;
        }
        const lede_seg_field *f = c->seg_field;
        if (!f || !f->dv_offsets)
            continue;
        uint32_t a = lede_load_u32(f->dv_offsets + (size_t)doc * 4);
        uint32_t b = lede_load_u32(f->dv_offsets + (size_t)doc * 4 + 4);
        for (uint32_t k = a; k < b; k++) {
            uint32_t ord = lede_load_u32(f->dv_ords + (size_t)k * 4);
            if (ord < c->ord_counts.len)
                LEDE_VEC_AT(&c->ord_counts, uint64_t, ord)++;
        }
    }
    return LEDE_OK;
}

static lede_status facets_end_segment(lede_results *r)
{
    for (size_t i = 0; i < r->ncounters; i++) {
        facet_counter *c = &r->counters[i];
        for (uint32_t ord = 0; ord < c->ord_counts.len; ord++) {
            uint64_t n = LEDE_VEC_AT(&c->ord_counts, uint64_t, ord);
            if (!n)
                continue;
            size_t len, shown_len;
            const char *value = lede_segment_term_at(c->seg_field, ord, &len, NULL);
            const char *shown = lede_segment_display(c->seg_field, ord, &shown_len);
            lede_status st = count_value(c, value, len, shown, shown_len, n);
            if (st != LEDE_OK)
                return st;
        }
    }
    return LEDE_OK;
}

static int compare_values(const lede_facet_value *a, const lede_facet_value *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int cmp = n ? memcmp(a->value, b->value, n) : 0;
    return cmp ? cmp : (a->len > b->len) - (a->len < b->len);
}

static int by_count_desc(const void *x, const void *y)
{
    const lede_facet_value *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return compare_values(a, b);
}

static int by_value(const void *x, const void *y)
{
    return compare_values(x, y);
}

/* Turns the counters into facets: keyword values most frequent first, dates in order. */
static lede_status facets_finish(lede_results *r, size_t limit)
{
    for (size_t i = 0; i < r->ncounters; i++) {
        facet_counter *c = &r->counters[i];
        size_t n = lede_strmap_count(&c->values);
        lede_facet_value *values = malloc((n ? n : 1) * sizeof *values);
        lede_facet *f = values ? lede_vec_push(&r->facets) : NULL;
        if (!f || lede_vec_append(&r->facet_storage, &values, 1) != LEDE_OK) {
            free(values);
            return LEDE_ERR_NOMEM;
        }
        for (uint32_t k = 0; k < n; k++) {
            const lede_facet_value *shown = &LEDE_VEC_AT(&c->shown, lede_facet_value, k);
            uint32_t len;
            values[k].value = shown->value ? shown->value : lede_strmap_key_bytes(&c->values, k, &len);
            values[k].len = shown->value ? shown->len : len;
            values[k].count = LEDE_VEC_AT(&c->counts, uint64_t, k);
        }
        qsort(values, n, sizeof *values, c->date_unit ? by_value : by_count_desc);
        f->name = c->name;
        f->values = values;
        f->nvalues = c->date_unit || n < limit ? n : limit;
    }
    return LEDE_OK;
}

static lede_status facets_setup(lede_results *r, const char *const *names)
{
    size_t n = 0;
    while (names && names[n])
        n++;
    r->counters = calloc(n ? n : 1, sizeof *r->counters);
    if (!r->counters)
        return LEDE_ERR_NOMEM;
    r->ncounters = n;
    for (size_t i = 0; i < n; i++) {
        facet_counter *c = &r->counters[i];
        c->name = names[i];
        c->field = names[i];
        lede_strmap_init(&c->values);
        lede_vec_init(&c->counts, sizeof(uint64_t));
        lede_vec_init(&c->shown, sizeof(lede_facet_value));
        lede_vec_init(&c->ord_counts, sizeof(uint64_t));
        if (strncmp(names[i], "date", 4) == 0 && (names[i][4] == '\0' || names[i][4] == ':')) {
            const char *unit = names[i][4] ? names[i] + 5 : "day";
            c->date_unit = strcmp(unit, "week") == 0 ? 'w' : strcmp(unit, "month") == 0 ? 'm' : 'd';
        }
    }
    return LEDE_OK;
}

/* ---- Matching -------------------------------------------------------------------------------------- */

typedef struct run {
    lede_results *r;
    heap top;
    int want_total;
} run;

/* Scores every match of the segment. */
static lede_status run_exhaustive(run *x, lede_exec *e, lede_node *root, uint32_t seg_index)
{
    const lede_snap_segment *ss = &x->r->snap->segs[seg_index];
    lede_status st = x->r->ncounters ? facets_begin_segment(x->r, ss->seg) : LEDE_OK;
    for (uint32_t d = root->doc; st == LEDE_OK && d != LEDE_NO_DOC; d = lede_node_next(e, root)) {
        if (lede_is_deleted(ss, d))
            continue;
        x->r->total++;
        if (x->r->ncounters)
            st = facets_count(x->r, ss->seg, d);
        if (x->top.cap) {
            hit h = { seg_index, d, lede_node_score(e, root) };
            heap_offer(&x->top, h);
        }
    }
    if (st == LEDE_OK && x->r->ncounters)
        st = facets_end_segment(x->r);
    return st;
}

typedef struct maxscore_unit {
    lede_node *node;
    size_t index; /* in the OR, for summing in the same order as exhaustive scoring */
} maxscore_unit;

static int by_upper_bound(const void *x, const void *y)
{
    const maxscore_unit *a = x, *b = y;
    if (a->node->upper_bound != b->node->upper_bound)
        return a->node->upper_bound < b->node->upper_bound ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * MaxScore over the kids of an OR (all units). Units are ordered by upper bound; the longest
 * prefix whose bounds add up to no more than the heap's threshold is "non-essential": a document
 * matching only those cannot enter the top k, so candidates come from the essential units alone
 * and non-essential ones are consulted only while they could still lift the score over the bar.
 */
static lede_status run_maxscore(run *x, lede_exec *e, lede_node *root, uint32_t seg_index)
{
    const lede_snap_segment *ss = &x->r->snap->segs[seg_index];
    size_t m = root->nkids;
    maxscore_unit *u = malloc(m * sizeof *u);
    double *prefix = malloc((m + 1) * sizeof *prefix);
    double *contribution = malloc(m * sizeof *contribution);
    if (!u || !prefix || !contribution) {
        free(u);
        free(prefix);
        free(contribution);
        return LEDE_ERR_NOMEM;
    }
    for (size_t i = 0; i < m; i++) {
        u[i].node = root->kids[i];
        u[i].index = i;
    }
    qsort(u, m, sizeof *u, by_upper_bound);
    prefix[0] = 0;
    for (size_t i = 0; i < m; i++)
        prefix[i + 1] = prefix[i] + u[i].node->upper_bound;
    size_t first_essential = 0;
    for (;;) {
        double bar = threshold(&x->top);
        while (first_essential < m && prefix[first_essential + 1] <= bar)
            first_essential++;
        if (first_essential == m)
            break; /* nothing left can enter the top k */
        uint32_t d = LEDE_NO_DOC;
        for (size_t i = first_essential; i < m; i++)
            if (u[i].node->doc < d)
                d = u[i].node->doc;
        if (d == LEDE_NO_DOC)
            break;
        memset(contribution, 0, m * sizeof *contribution);
        double score = 0;
        for (size_t i = first_essential; i < m; i++) {
            lede_node *n = u[i].node;
            if (n->doc == d) {
                contribution[u[i].index] = lede_node_score(e, n);
                score += contribution[u[i].index];
                lede_node_next(e, n);
            }
        }
        int pruned = 0;
        for (size_t i = first_essential; i-- > 0;) {
            if (score + prefix[i + 1] <= bar) {
                pruned = 1;
                break;
            }
            lede_node *n = u[i].node;
            if (lede_node_advance(e, n, d) == d) {
                contribution[u[i].index] = lede_node_score(e, n);
                score += contribution[u[i].index];
            }
        }
        if (pruned || lede_is_deleted(ss, d))
            continue;
        double exact = 0; /* summed in kid order, as exhaustive scoring sums it */
        for (size_t i = 0; i < m; i++)
            exact += contribution[i];
        hit h = { seg_index, d, exact };
        heap_offer(&x->top, h);
    }
    free(u);
    free(prefix);
    free(contribution);
    return LEDE_OK;
}

static int prunable(const lede_plan *p)
{
    if (p->kind != LEDE_PLAN_OR || p->nkids < 2)
        return 0;
    for (size_t i = 0; i < p->nkids; i++)
        if (p->kids[i]->kind != LEDE_PLAN_UNIT || p->kids[i]->keyword)
            return 0;
    return 1;
}

static lede_status search_segments(lede_index *ix, run *x, const lede_plan *plan,
                                   const lede_search_params *p)
{
    lede_bm25 bm25 = { p->k1 > 0 ? p->k1 : 1.2, p->b > 0 ? p->b : 0.75 };
    /* An exact total needs every match anyway: then scoring them all costs no more. */
    int pruning = !p->exhaustive && !x->r->ncounters && !x->want_total && prunable(plan);
    lede_status st = LEDE_OK;
    for (uint32_t i = 0; st == LEDE_OK && i < x->r->snap->nsegs; i++) {
        const lede_segment *seg = x->r->snap->segs[i].seg;
        lede_exec e;
        lede_node *root;
        st = lede_exec_init(&e, x->r->snap, seg, bm25, plan, &root);
        if (st == LEDE_OK)
            st = pruning ? run_maxscore(x, &e, root, i) : run_exhaustive(x, &e, root, i);
        if (st == LEDE_OK && e.corrupt)
            st = lede_index_fail(ix, LEDE_ERR_CORRUPT, "index file %s is corrupt: bad postings",
                                 seg->name);
        lede_exec_free(&e);
    }
    x->r->total_exact = !pruning;
    return st;
}

/* ---- The search ---------------------------------------------------------------------------------- */

void lede_results_free(lede_results *r)
{
    if (!r)
        return;
    for (size_t i = 0; r->hit_fields && i < r->nhits; i++)
        lede_vec_free(&r->hit_fields[i]);
    for (size_t i = 0; r->hit_storage && i < r->nhits; i++)
        lede_vec_free(&r->hit_storage[i]);
    free(r->hit_fields);
    free(r->hit_storage);
    free(r->hits);
    for (size_t i = 0; i < r->ncounters; i++) {
        lede_strmap_free(&r->counters[i].values);
        lede_vec_free(&r->counters[i].counts);
        lede_vec_free(&r->counters[i].shown);
        lede_vec_free(&r->counters[i].ord_counts);
    }
    free(r->counters);
    for (size_t i = 0; i < r->facet_storage.len; i++)
        free(LEDE_VEC_AT(&r->facet_storage, void *, i));
    lede_vec_free(&r->facet_storage);
    lede_vec_free(&r->facets);
    lede_vec_free(&r->terms);
    lede_vec_free(&r->term_lens);
    lede_plan_pool_free(&r->pool);
    lede_snapshot_release(r->snap);
    free(r);
}

static lede_status parse(lede_index *ix, const lede_search_params *p, lede_results *r,
                         lede_query **q)
{
    const char **fields;
    lede_status st = lede_plan_field_names(r->snap, &r->pool, &fields);
    if (st != LEDE_OK)
        return st;
    lede_parse_options po = { p->strict ? LEDE_QUERY_STRICT : LEDE_QUERY_LENIENT,
                              p->match_any ? LEDE_DEFAULT_OR : LEDE_DEFAULT_AND, fields, "date" };
    char message[256];
    st = lede_query_parse(p->query ? p->query : "", p->query ? p->query_len : 0, &po, q, message,
                          sizeof message);
    if (st == LEDE_ERR_INVALID)
        return lede_index_fail(ix, st, "query: %s", message);
    return st;
}

lede_status lede_index_search(lede_index *ix, const lede_search_params *p, lede_results **out)
{
    *out = NULL;
    ix->error[0] = '\0';
    lede_results *r = calloc(1, sizeof *r);
    if (!r)
        return LEDE_ERR_NOMEM;
    r->snap = ix->snapshot;
    lede_snapshot_retain(r->snap);
    r->analyzer = ix->analyzer;
    lede_plan_pool_init(&r->pool);
    lede_vec_init(&r->terms, sizeof(const char *));
    lede_vec_init(&r->term_lens, sizeof(size_t));
    lede_vec_init(&r->facets, sizeof(lede_facet));
    lede_vec_init(&r->facet_storage, sizeof(void *));
    run x = { r, { NULL, 0, 0 }, p->count };
    lede_query *q = NULL;
    lede_plan *plan = NULL;
    lede_plan_options po = { p->title_weight > 0 ? p->title_weight : 2.0, 0 };
    size_t k = p->offset + p->limit;
    lede_status st = k < p->offset ? LEDE_ERR_INVALID : LEDE_OK;
    if (st == LEDE_OK)
        st = parse(ix, p, r, &q);
    if (st == LEDE_OK)
        st = lede_plan_build(lede_query_root(q), r->snap, ix->analyzer, &po, &r->pool, &plan);
    if (st == LEDE_OK)
        st = lede_plan_terms(plan, &r->terms, &r->term_lens);
    if (st == LEDE_OK)
        st = facets_setup(r, p->facets);
    if (st == LEDE_OK && k > 0 && !(x.top.items = malloc(k * sizeof *x.top.items)))
        st = LEDE_ERR_NOMEM;
    x.top.cap = st == LEDE_OK ? k : 0;
    if (st == LEDE_OK)
        st = search_segments(ix, &x, plan, p);
    if (st == LEDE_OK)
        st = facets_finish(r, p->facet_limit ? p->facet_limit : 10);
    lede_query_free(q);
    if (st == LEDE_OK) {
        if (x.top.len > 1)
            qsort(x.top.items, x.top.len, sizeof *x.top.items, by_rank);
        size_t from = p->offset < x.top.len ? p->offset : x.top.len;
        r->nhits = x.top.len - from;
        r->hits = malloc((r->nhits ? r->nhits : 1) * sizeof *r->hits);
        r->hit_fields = calloc(r->nhits ? r->nhits : 1, sizeof *r->hit_fields);
        r->hit_storage = calloc(r->nhits ? r->nhits : 1, sizeof *r->hit_storage);
        if (!r->hits || !r->hit_fields || !r->hit_storage)
            st = LEDE_ERR_NOMEM;
        else if (r->nhits)
            memcpy(r->hits, x.top.items + from, r->nhits * sizeof *r->hits);
        if (!r->total_exact && r->total < x.top.len)
            r->total = x.top.len;
    }
    free(x.top.items);
    if (st != LEDE_OK) {
        if (!ix->error[0])
            lede_index_fail(ix, st, "search failed: %s", lede_status_string(st));
        lede_results_free(r);
        return st;
    }
    *out = r;
    return LEDE_OK;
}

uint64_t lede_results_total(const lede_results *r) { return r->total; }
int lede_results_total_exact(const lede_results *r) { return r->total_exact; }
size_t lede_results_count(const lede_results *r) { return r->nhits; }
double lede_results_score(const lede_results *r, size_t i) { return r->hits[i].score; }
size_t lede_results_facet_count(const lede_results *r) { return r->facets.len; }

const lede_facet *lede_results_facet(const lede_results *r, size_t i)
{
    return &LEDE_VEC_AT(&r->facets, lede_facet, i);
}

lede_status lede_results_fields(lede_results *r, size_t i, const lede_field **fields, size_t *n)
{
    lede_vec *v = &r->hit_fields[i];
    if (v->item == 0) {
        lede_vec_init(v, sizeof(lede_field));
        lede_vec_init(&r->hit_storage[i], 1);
        lede_status st = lede_record_decode(r->snap->segs[r->hits[i].seg].seg, r->hits[i].doc, v,
                                            &r->hit_storage[i]);
        if (st != LEDE_OK) {
            lede_vec_free(v);
            v->item = 0;
            return st;
        }
    }
    *fields = v->data;
    *n = v->len;
    return LEDE_OK;
}

lede_status lede_results_snippet(lede_results *r, size_t i, const lede_snippet_options *options,
                                 char **out, size_t *out_len)
{
    const lede_field *fields;
    size_t n;
    lede_status st = lede_results_fields(r, i, &fields, &n);
    if (st != LEDE_OK)
        return st;
    const lede_field *text = lede_fields_find(fields, n, "text");
    return lede_snippet(r->analyzer, text ? text->value : "", text ? text->len : 0,
                        r->terms.data, r->term_lens.data, r->terms.len, options, out, out_len);
}

/* ---- Documents by id ------------------------------------------------------------------------------ */

struct lede_document {
    lede_snapshot *snap;
    lede_vec fields;  /* lede_field */
    lede_vec storage; /* the inflated record the fields point into */
};

lede_status lede_index_get(lede_index *ix, const char *id, size_t len, lede_document **out)
{
    *out = NULL;
    lede_snapshot *snap = ix->snapshot;
    for (size_t i = snap->nsegs; i-- > 0;) {
        int64_t doc = lede_segment_find_id(snap->segs[i].seg, id, len);
        if (doc < 0 || lede_is_deleted(&snap->segs[i], (uint32_t)doc))
            continue;
        lede_document *d = calloc(1, sizeof *d);
        if (!d)
            return LEDE_ERR_NOMEM;
        lede_vec_init(&d->fields, sizeof(lede_field));
        lede_vec_init(&d->storage, 1);
        lede_status st = lede_record_decode(snap->segs[i].seg, (uint32_t)doc, &d->fields,
                                            &d->storage);
        if (st != LEDE_OK) {
            lede_vec_free(&d->fields);
            lede_vec_free(&d->storage);
            free(d);
            return lede_index_fail(ix, st, "index file %s is corrupt: bad stored record",
                                   snap->segs[i].seg->name);
        }
        d->snap = snap;
        lede_snapshot_retain(snap);
        *out = d;
        return LEDE_OK;
    }
    return LEDE_OK;
}

const lede_field *lede_document_fields(const lede_document *d, size_t *n)
{
    *n = d->fields.len;
    return d->fields.data;
}

void lede_document_free(lede_document *d)
{
    if (!d)
        return;
    lede_vec_free(&d->fields);
    lede_vec_free(&d->storage);
    lede_snapshot_release(d->snap);
    free(d);
}
