#include "index/exec.h"

#include <stdlib.h>
#include <string.h>

static void *exec_alloc(lede_exec *e, size_t size)
{
    if (lede_vec_reserve(&e->allocations, 1) != LEDE_OK)
        return NULL;
    void *p = calloc(1, size ? size : 1);
    if (p)
        *(void **)lede_vec_push(&e->allocations) = p;
    return p;
}

void lede_exec_free(lede_exec *e)
{
    for (size_t i = 0; i < e->allocations.len; i++)
        free(LEDE_VEC_AT(&e->allocations, void *, i));
    lede_vec_free(&e->allocations);
    lede_vec_free(&e->positions);
}

/* ---- Sources: a term or phrase in one field --------------------------------------------------- */

/* Reads the positions of every cursor (all on the same document) into e->positions; starts[i]
 * and counts[i] say where cursor i's are. */
static int load_positions(lede_exec *e, const lede_source *s, size_t *starts, size_t *counts)
{
    e->positions.len = 0;
    for (size_t i = 0; i < s->ncursors; i++) {
        starts[i] = e->positions.len;
        lede_positions it = lede_cursor_positions(&s->cursors[i]);
        uint32_t p;
        while (lede_positions_next(&it, &p)) {
            uint32_t *slot = lede_vec_push(&e->positions);
            if (!slot)
                return 0;
            *slot = p;
        }
        counts[i] = e->positions.len - starts[i];
    }
    return 1;
}

/* Does cursor i hold a position in [lo, hi]? Positions are ascending. */
static int has_position(const uint32_t *pos, size_t count, uint64_t lo, uint64_t hi)
{
    size_t a = 0, b = count;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (pos[mid] < lo)
            a = mid + 1;
        else
            b = mid;
    }
    return a < count && pos[a] <= hi;
}

/* How often the phrase (or NEAR group) occurs in the current document. */
static uint32_t phrase_frequency(lede_exec *e, const lede_source *s)
{
    size_t fixed_starts[8] = { 0 }, fixed_counts[8] = { 0 };
    size_t *starts = fixed_starts, *counts = fixed_counts;
    if (s->ncursors > 8) {
        starts = malloc(s->ncursors * sizeof *starts);
        counts = malloc(s->ncursors * sizeof *counts);
    }
    uint32_t freq = 0;
    if (starts && counts && load_positions(e, s, starts, counts)) {
        const uint32_t *all = e->positions.data;
        for (size_t k = 0; k < counts[0]; k++) {
            uint64_t p = all[starts[0] + k];
            int ok = 1;
            for (size_t i = 1; ok && i < s->ncursors; i++) {
                uint64_t lo = s->distance ? (p > s->distance ? p - s->distance : 0) : p + i;
                uint64_t hi = s->distance ? p + s->distance : p + i;
                ok = has_position(all + starts[i], counts[i], lo, hi);
            }
            freq += (uint32_t)ok;
        }
    }
    if (s->ncursors > 8) {
        free(starts);
        free(counts);
    }
    return freq;
}

static uint32_t source_stop(lede_exec *e, lede_source *s)
{
    for (size_t i = 0; i < s->ncursors; i++)
        e->corrupt |= s->cursors[i].corrupt;
    s->doc = LEDE_NO_DOC;
    return LEDE_NO_DOC;
}

/* Moves a source to its first occurrence in a document >= target. */
static uint32_t source_advance(lede_exec *e, lede_source *s, uint32_t target)
{
    if (s->doc != LEDE_NO_DOC && s->doc >= target && s->freq > 0)
        return s->doc;
    for (;;) {
        uint32_t d = lede_cursor_advance(&s->cursors[0], target);
        if (d == LEDE_NO_DOC)
            return source_stop(e, s);
        int aligned = 1;
        for (size_t i = 1; i < s->ncursors; i++) {
            uint32_t di = lede_cursor_advance(&s->cursors[i], d);
            if (di == LEDE_NO_DOC)
                return source_stop(e, s);
            if (di > d) {
                target = di;
                aligned = 0;
                break;
            }
        }
        if (!aligned)
            continue;
        s->doc = d;
        s->freq = s->ncursors == 1 ? s->cursors[0].tf : phrase_frequency(e, s);
        if (s->freq > 0)
            return d;
        target = d + 1;
    }
}

/* ---- Nodes -------------------------------------------------------------------------------------- */

static uint32_t unit_advance(lede_exec *e, lede_node *n, uint32_t target)
{
    uint32_t best = LEDE_NO_DOC;
    for (size_t i = 0; i < n->nsources; i++) {
        lede_source *s = &n->sources[i];
        uint32_t d = source_advance(e, s, target);
        if (d < best)
            best = d;
    }
    return n->doc = best;
}

static int excluded_at(lede_exec *e, lede_node *n, uint32_t d)
{
    for (size_t i = 0; i < n->nexcluded; i++)
        if (lede_node_advance(e, n->excluded[i], d) == d)
            return 1;
    return 0;
}

static uint32_t and_advance(lede_exec *e, lede_node *n, uint32_t target)
{
    for (;;) {
        uint32_t d = lede_node_advance(e, n->kids[0], target);
        if (d == LEDE_NO_DOC)
            return n->doc = LEDE_NO_DOC;
        int aligned = 1;
        for (size_t i = 1; i < n->nkids; i++) {
            uint32_t di = lede_node_advance(e, n->kids[i], d);
            if (di == LEDE_NO_DOC)
                return n->doc = LEDE_NO_DOC;
            if (di > d) {
                target = di;
                aligned = 0;
                break;
            }
        }
        if (!aligned)
            continue;
        if (!excluded_at(e, n, d))
            return n->doc = d;
        target = d + 1;
    }
}

static uint32_t or_advance(lede_exec *e, lede_node *n, uint32_t target)
{
    uint32_t best = LEDE_NO_DOC;
    for (size_t i = 0; i < n->nkids; i++) {
        uint32_t d = lede_node_advance(e, n->kids[i], target);
        if (d < best)
            best = d;
    }
    return n->doc = best;
}

static uint32_t date_advance(lede_node *n, uint32_t target)
{
    for (uint32_t d = target; d < n->seg->ndocs; d++) {
        int64_t t = lede_segment_date(n->seg, d);
        if (t != INT64_MIN && t >= n->from && t < n->to)
            return n->doc = d;
    }
    return n->doc = LEDE_NO_DOC;
}

uint32_t lede_node_advance(lede_exec *e, lede_node *n, uint32_t target)
{
    if (n->started && (n->doc == LEDE_NO_DOC || n->doc >= target))
        return n->doc;
    n->started = 1;
    switch (n->kind) {
    case LEDE_PLAN_UNIT:
        return unit_advance(e, n, target);
    case LEDE_PLAN_AND:
        return and_advance(e, n, target);
    case LEDE_PLAN_OR:
        return or_advance(e, n, target);
    case LEDE_PLAN_OPT:
        return n->doc = lede_node_advance(e, n->kids[0], target);
    case LEDE_PLAN_DATE:
        return date_advance(n, target);
    case LEDE_PLAN_ALL:
        return n->doc = target < n->seg->ndocs ? target : LEDE_NO_DOC;
    case LEDE_PLAN_NONE:
        return n->doc = LEDE_NO_DOC;
    }
    return n->doc = LEDE_NO_DOC;
}

static double bm25f(const lede_exec *e, double idf, double tf_tilde)
{
    return idf * tf_tilde * (e->bm25.k1 + 1.0) / (e->bm25.k1 + tf_tilde);
}

static double normalised(const lede_exec *e, const lede_source *s, double tf, double len)
{
    return s->weight * tf / (1.0 - e->bm25.b + e->bm25.b * len / s->avg_len);
}

double lede_node_score(lede_exec *e, const lede_node *n)
{
    double score = 0;
    switch (n->kind) {
    case LEDE_PLAN_UNIT: {
        if (n->keyword)
            return 0;
        double tf = 0;
        for (size_t i = 0; i < n->nsources; i++) {
            const lede_source *s = &n->sources[i];
            if (s->doc == n->doc)
                tf += normalised(e, s, s->freq, lede_segment_length(s->field, n->doc));
        }
        return bm25f(e, n->idf, tf);
    }
    case LEDE_PLAN_AND:
    case LEDE_PLAN_OR:
        for (size_t i = 0; i < n->nkids; i++)
            if (n->kids[i]->doc == n->doc)
                score += lede_node_score(e, n->kids[i]);
        return score;
    case LEDE_PLAN_OPT:
        score = lede_node_score(e, n->kids[0]);
        if (n->nkids > 1 && lede_node_advance(e, n->kids[1], n->doc) == n->doc)
            score += lede_node_score(e, n->kids[1]);
        return score;
    default:
        return 0;
    }
}

/* ---- Instantiation ------------------------------------------------------------------------------ */

/* Average length of a field over the snapshot (1 when unknown). */
static double average_length(const lede_snapshot *snap, const char *field)
{
    double total = 0, docs = 0;
    for (size_t i = 0; i < snap->nsegs; i++) {
        const lede_segment *s = snap->segs[i].seg;
        const lede_seg_field *f = lede_segment_field(s, field, strlen(field));
        docs += s->ndocs;
        if (f)
            total += (double)f->total_len;
    }
    return docs > 0 && total > 0 ? total / docs : 1.0;
}

/* The unit's sources in this segment: the fields that hold every one of its terms. */
static lede_status instantiate_unit(lede_exec *e, const lede_plan *p, lede_node *n)
{
    n->sources = exec_alloc(e, p->nfields * sizeof *n->sources);
    if (!n->sources)
        return LEDE_ERR_NOMEM;
    n->idf = p->idf;
    n->keyword = p->keyword;
    double bound = 0;
    for (size_t f = 0; f < p->nfields; f++) {
        const lede_seg_field *field = lede_segment_field(e->seg, p->fields[f], strlen(p->fields[f]));
        if (!field)
            continue;
        lede_source *s = &n->sources[n->nsources];
        s->cursors = exec_alloc(e, p->nterms * sizeof *s->cursors);
        if (!s->cursors)
            return LEDE_ERR_NOMEM;
        s->max_tf = UINT32_MAX;
        s->min_len = 0;
        int complete = 1;
        for (size_t t = 0; complete && t < p->nterms; t++) {
            lede_term_info info;
            complete = lede_segment_term(field, p->terms[t], p->term_lens[t], &info);
            if (!complete)
                break;
            lede_cursor_init(&s->cursors[t], &info, field->type == LEDE_FIELD_TEXT);
            if (info.max_tf < s->max_tf)
                s->max_tf = info.max_tf;
            if (info.min_len > s->min_len)
                s->min_len = info.min_len;
        }
        if (!complete)
            continue;
        s->field = field;
        s->ncursors = p->nterms;
        s->weight = p->weights[f];
        s->avg_len = average_length(e->snap, p->fields[f]);
        s->distance = p->distance;
        s->doc = 0;
        s->freq = 0;
        bound += normalised(e, s, s->max_tf, s->min_len);
        n->nsources++;
    }
    n->upper_bound = n->keyword ? 0 : bm25f(e, n->idf, bound);
    return LEDE_OK;
}

static lede_status instantiate(lede_exec *e, const lede_plan *p, lede_node **out)
{
    lede_node *n = exec_alloc(e, sizeof *n);
    if (!n)
        return LEDE_ERR_NOMEM;
    n->kind = p->kind;
    n->doc = 0;
    n->seg = e->seg;
    n->from = p->from;
    n->to = p->to;
    lede_status st = LEDE_OK;
    if (p->kind == LEDE_PLAN_UNIT)
        st = instantiate_unit(e, p, n);
    if (st == LEDE_OK && (p->nkids || p->nexcluded)) {
        n->kids = exec_alloc(e, (p->nkids ? p->nkids : 1) * sizeof *n->kids);
        n->excluded = exec_alloc(e, (p->nexcluded ? p->nexcluded : 1) * sizeof *n->excluded);
        if (!n->kids || !n->excluded)
            return LEDE_ERR_NOMEM;
        for (size_t i = 0; st == LEDE_OK && i < p->nkids; i++)
            st = instantiate(e, p->kids[i], &n->kids[n->nkids++]);
        for (size_t i = 0; st == LEDE_OK && i < p->nexcluded; i++)
            st = instantiate(e, p->excluded[i], &n->excluded[n->nexcluded++]);
    }
    *out = n;
    return st;
}

lede_status lede_exec_init(lede_exec *e, const lede_snapshot *snap, const lede_segment *seg,
                           lede_bm25 bm25, const lede_plan *p, lede_node **root)
{
    memset(e, 0, sizeof *e);
    e->snap = snap;
    e->seg = seg;
    e->bm25 = bm25;
    lede_vec_init(&e->allocations, sizeof(void *));
    lede_vec_init(&e->positions, sizeof(uint32_t));
    lede_status st = instantiate(e, p, root);
    if (st == LEDE_OK)
        lede_node_advance(e, *root, 0);
    return st;
}
