/*
 * lsh — the near-duplicate index: signatures cut into bands, one bucket table per band.
 *
 * With b bands of r rows, two texts of Jaccard similarity s share at least one whole band with
 * probability 1 - (1 - s^r)^b (32 × 4: 0.87 at s = 0.5, 0.99 at 0.6, 0.05 at 0.2), and only such
 * pairs are compared. Layout, chosen for memory (with the defaults 530 bytes an entry, up to 900
 * just after the arrays double):
 *
 *   - per entry: its id, its exact hash, and the low 16 bits of each minimum. Two different
 *     32-bit minima agree in their low 16 bits once in 65,536, so the similarity estimated from
 *     them is higher by at most 1.5e-5: far below the estimate's own error, for half the bytes.
 *   - per band: an array of bucket heads (no keys), and per entry and band the previous entry
 *     of the same bucket, so that a bucket is a chain through the entries and adding an entry
 *     allocates nothing but its own row. Buckets are found by a hash of the band's values;
 *     entries that land in a bucket by a collision of that hash are told apart by comparing the
 *     band's values themselves before anything else.
 *   - buckets per band: a power of two at least the number of entries, so chains stay short;
 *     when entries outgrow them, the table doubles and every chain is rebuilt from the stored
 *     values (amortised, a few passes over the entries in all).
 *
 * Band keys are computed from the 16-bit values too, so a query and the entries agree on them.
 */
#include <stdlib.h>
#include <string.h>

#include "dedup/dedup.h"
#include "util/vec.h"

#define NONE UINT32_MAX /* end of a chain */
#define MIN_BUCKETS 64

struct lede_dedup_index {
    lede_dedup_options options;
    unsigned rows;    /* values per band */
    lede_vec ids;     /* uint64_t, by entry number */
    lede_vec exact;   /* uint64_t, by entry: hash of the word stream; 0 = no words, in no band */
    lede_vec values;  /* uint16_t × hashes, by entry */
    lede_vec next;    /* uint32_t × bands, by entry: the previous entry in the same bucket */
    lede_vec seen;    /* uint32_t, by entry: the last query that compared it */
    uint32_t query;   /* the current query's number, for `seen` */
    uint32_t *heads;  /* bands × buckets: the newest entry of each bucket, or NONE */
    size_t buckets;   /* per band, a power of two */
    size_t banded;    /* entries in the bands (those with words) */
};

static uint64_t band_key(const uint16_t *values, unsigned band, unsigned rows)
{
    uint64_t h = band;
    for (unsigned i = 0; i < rows; i++)
        h = dedup_fold(h, values[band * rows + i]);
    return h;
}

static uint16_t *entry_values(const lede_dedup_index *ix, size_t e)
{
    return (uint16_t *)ix->values.data + e * ix->options.hashes;
}

static uint32_t *entry_next(const lede_dedup_index *ix, size_t e)
{
    return (uint32_t *)ix->next.data + e * ix->options.bands;
}

/* Puts entry e at the head of its bucket in every band. */
static void link_entry(lede_dedup_index *ix, size_t e)
{
    const uint16_t *v = entry_values(ix, e);
    uint32_t *next = entry_next(ix, e);
    for (unsigned band = 0; band < ix->options.bands; band++) {
        uint32_t *head = &ix->heads[band * ix->buckets +
                                    (band_key(v, band, ix->rows) & (ix->buckets - 1))];
        next[band] = *head;
        *head = (uint32_t)e;
    }
}

/* Sets the bucket count and relinks every entry with words, oldest first (so newest heads). */
static lede_status rebuild(lede_dedup_index *ix, size_t buckets)
{
    if (buckets > SIZE_MAX / sizeof(uint32_t) / ix->options.bands)
        return LEDE_ERR_TOO_LARGE;
    uint32_t *heads = malloc(buckets * ix->options.bands * sizeof *heads);
    if (!heads)
        return LEDE_ERR_NOMEM;
    memset(heads, 0xff, buckets * ix->options.bands * sizeof *heads); /* all NONE */
    free(ix->heads);
    ix->heads = heads;
    ix->buckets = buckets;
    for (size_t e = 0; e < ix->ids.len; e++)
        if (LEDE_VEC_AT(&ix->exact, uint64_t, e) != 0)
            link_entry(ix, e);
    return LEDE_OK;
}

lede_status lede_dedup_index_new(const lede_dedup_options *options, lede_dedup_index **out)
{
    *out = NULL;
    lede_dedup_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return LEDE_ERR_NOMEM;
    if (dedup_resolve_options(options, &ix->options) != LEDE_OK) {
        free(ix);
        return LEDE_ERR_INVALID;
    }
    ix->rows = ix->options.hashes / ix->options.bands;
    lede_vec_init(&ix->ids, sizeof(uint64_t));
    lede_vec_init(&ix->exact, sizeof(uint64_t));
    lede_vec_init(&ix->values, sizeof(uint16_t) * ix->options.hashes);
    lede_vec_init(&ix->next, sizeof(uint32_t) * ix->options.bands);
    lede_vec_init(&ix->seen, sizeof(uint32_t));
    lede_status st = rebuild(ix, MIN_BUCKETS);
    if (st != LEDE_OK) {
        lede_dedup_index_free(ix);
        return st;
    }
    *out = ix;
    return LEDE_OK;
}

void lede_dedup_index_free(lede_dedup_index *ix)
{
    if (!ix)
        return;
    lede_vec_free(&ix->ids);
    lede_vec_free(&ix->exact);
    lede_vec_free(&ix->values);
    lede_vec_free(&ix->next);
    lede_vec_free(&ix->seen);
    free(ix->heads);
    free(ix);
}

/* Decodes a signature and checks it was made with the index's shingle size and hash count. */
static lede_status decode_for(const lede_dedup_index *ix, const unsigned char *sig, size_t len,
                              dedup_signature *s)
{
    lede_status st = dedup_decode(sig, len, s);
    if (st != LEDE_OK)
        return st;
    if (s->shingle_size != ix->options.shingle_size || s->hashes != ix->options.hashes)
        return LEDE_ERR_INVALID;
    return LEDE_OK;
}

static void low_bits(const dedup_signature *s, uint16_t *out)
{
    for (unsigned i = 0; i < s->hashes; i++)
        out[i] = (uint16_t)dedup_value(s, i);
}

lede_status lede_dedup_index_add(lede_dedup_index *ix, uint64_t id, const unsigned char *sig,
                                 size_t len)
{
    dedup_signature s;
    lede_status st = decode_for(ix, sig, len, &s);
    if (st != LEDE_OK)
        return st;
    size_t e = ix->ids.len;
    if (e >= NONE)
        return LEDE_ERR_TOO_LARGE;
    if ((st = lede_vec_reserve(&ix->ids, 1)) != LEDE_OK ||
        (st = lede_vec_reserve(&ix->exact, 1)) != LEDE_OK ||
        (st = lede_vec_reserve(&ix->values, 1)) != LEDE_OK ||
        (st = lede_vec_reserve(&ix->next, 1)) != LEDE_OK ||
        (st = lede_vec_reserve(&ix->seen, 1)) != LEDE_OK)
        return st;
    /* Room is reserved in every array, so only the rebuild below can fail. */
    LEDE_VEC_AT(&ix->ids, uint64_t, e) = id;
    LEDE_VEC_AT(&ix->exact, uint64_t, e) = s.exact;
    LEDE_VEC_AT(&ix->seen, uint32_t, e) = 0;
    low_bits(&s, (uint16_t *)ix->values.data + e * ix->options.hashes);
    uint32_t *next = (uint32_t *)ix->next.data + e * ix->options.bands;
    for (unsigned band = 0; band < ix->options.bands; band++)
        next[band] = NONE;
    ix->ids.len++, ix->exact.len++, ix->values.len++, ix->next.len++, ix->seen.len++;
    if (s.exact == 0)
        return LEDE_OK;
    if (ix->banded + 1 > ix->buckets) {
        /* Growing relinks every entry with words, this one included. */
        if ((st = rebuild(ix, ix->buckets * 2)) != LEDE_OK) {
            /* The old table is intact: take the entry back out, as if never added. */
            ix->ids.len--, ix->exact.len--, ix->values.len--, ix->next.len--, ix->seen.len--;
            return st;
        }
    } else {
        link_entry(ix, e);
    }
    ix->banded++;
    return LEDE_OK;
}

typedef struct candidate {
    uint32_t entry;
    uint32_t agree; /* positions whose values agree */
    int exact;
} candidate;

/* Most similar first (exact copies before all), then in the order added. */
static int by_similarity(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    if (a->exact != b->exact)
        return a->exact ? -1 : 1;
    if (a->agree != b->agree)
        return a->agree > b->agree ? -1 : 1;
    return a->entry < b->entry ? -1 : a->entry > b->entry;
}

/* A new query number; when the counter wraps, every entry's mark is cleared. */
static uint32_t next_query(lede_dedup_index *ix)
{
    if (++ix->query == 0) {
        memset(ix->seen.data, 0, ix->seen.len * sizeof(uint32_t));
        ix->query = 1;
    }
    return ix->query;
}

lede_status lede_dedup_index_query(lede_dedup_index *ix, const unsigned char *sig, size_t len,
                                   lede_dedup_match **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    dedup_signature s;
    lede_status st = decode_for(ix, sig, len, &s);
    if (st != LEDE_OK || s.exact == 0)
        return st;
    uint16_t q[DEDUP_MAX_HASHES];
    low_bits(&s, q);
    unsigned hashes = ix->options.hashes, rows = ix->rows;
    /* The least number of agreeing positions that reaches the threshold (a small tolerance so
     * that 0.5 of 128 is 64, whatever the rounding of the product). */
    double need = ix->options.threshold * hashes - 1e-9;
    uint32_t stamp = next_query(ix);
    uint32_t *seen = ix->seen.data;
    lede_vec found;
    lede_vec_init(&found, sizeof(candidate));
    for (unsigned band = 0; band < ix->options.bands; band++) {
        uint64_t key = band_key(q, band, rows);
        uint32_t e = ix->heads[band * ix->buckets + (key & (ix->buckets - 1))];
        for (; e != NONE; e = entry_next(ix, e)[band]) {
            const uint16_t *v = entry_values(ix, e);
            if (seen[e] == stamp || memcmp(v + band * rows, q + band * rows, rows * sizeof *q))
                continue; /* compared already, or in this bucket by a collision of the key */
            seen[e] = stamp;
            unsigned agree = 0;
            for (unsigned i = 0; i < hashes; i++)
                agree += v[i] == q[i];
            int exact = LEDE_VEC_AT(&ix->exact, uint64_t, e) == s.exact;
            if (!exact && agree < need)
                continue;
            candidate *c = lede_vec_push(&found);
            if (!c) {
                lede_vec_free(&found);
                return LEDE_ERR_NOMEM;
            }
            *c = (candidate){ e, exact ? hashes : agree, exact };
        }
    }
    if (found.len == 0) {
        lede_vec_free(&found);
        return LEDE_OK;
    }
    qsort(found.data, found.len, sizeof(candidate), by_similarity);
    lede_dedup_match *m = malloc(found.len * sizeof *m);
    if (!m) {
        lede_vec_free(&found);
        return LEDE_ERR_NOMEM;
    }
    for (size_t i = 0; i < found.len; i++) {
        const candidate *c = &LEDE_VEC_AT(&found, candidate, i);
        m[i] = (lede_dedup_match){ LEDE_VEC_AT(&ix->ids, uint64_t, c->entry),
                                   (double)c->agree / hashes, c->exact };
    }
    *out = m;
    *count = found.len;
    lede_vec_free(&found);
    return LEDE_OK;
}

size_t lede_dedup_index_count(const lede_dedup_index *ix)
{
    return ix->ids.len;
}

size_t lede_dedup_index_bytes(const lede_dedup_index *ix)
{
    const lede_vec *vecs[] = { &ix->ids, &ix->exact, &ix->values, &ix->next, &ix->seen };
    size_t bytes = sizeof *ix + ix->buckets * ix->options.bands * sizeof(uint32_t);
    for (size_t i = 0; i < sizeof vecs / sizeof vecs[0]; i++)
        bytes += vecs[i]->cap * vecs[i]->item;
    return bytes;
}
