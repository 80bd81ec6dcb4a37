/*
 * ner_model — the weight table of the entity tagger and its file. The file is a fixed header
 * (magic, version, table geometry, sizes, CRC-32 of the weights) and the weights as little-endian
 * int16, compressed with zlib: most rows of a hashed table are empty, so the file is small. A
 * model is checked completely before use, so a damaged file is an error, never a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "extract/ner_internal.h"
#include "index/codec.h"
#include "index/file.h"

static const char MAGIC[8] = { 'L', 'E', 'D', 'E', 'N', 'E', 'R', 0 };
enum { VERSION = 1, HEADER = 8 + 6 * 4 };

#define WEIGHTS (NER_BUCKETS * NER_TAGS)

const char *lede_entity_type_name(lede_entity_type type)
{
    static const char *const names[] = { "PER", "ORG", "LOC", "MISC" };
    return (unsigned)type < LEDE_ENTITY_TYPE_COUNT ? names[type] : NULL;
}

int ner_tag_allowed(uint8_t prev, uint8_t tag)
{
    if (tag <= NER_TYPES)
        return 1;
    return prev != 0 && prev < NER_TAGS && NER_TAG_TYPE(prev) == NER_TAG_TYPE(tag);
}

/* Adds the row of a feature to a score. */
static void add_row(const ner_weights *w, uint32_t feature, int64_t score[NER_TAGS])
{
    size_t row = (size_t)(feature & (NER_BUCKETS - 1)) * NER_TAGS;
    if (w->w16)
        for (int g = 0; g < NER_TAGS; g++)
            score[g] += w->w16[row + g];
    else
        for (int g = 0; g < NER_TAGS; g++)
            score[g] += w->w32[row + g];
}

void ner_static_scores(const ner_weights *w, const ner_doc *d, size_t i, int64_t score[NER_TAGS])
{
    const ner_token *t = &LEDE_VEC_AT(&d->tokens, ner_token, i);
    const uint32_t *f = &LEDE_VEC_AT(&d->feats, uint32_t, t->first);
    for (int g = 0; g < NER_TAGS; g++)
        score[g] = 0;
    for (size_t k = 0; k < t->count; k++)
        add_row(w, f[k], score);
}

void ner_prefetch(const ner_weights *w, const ner_doc *d, size_t i)
{
    const ner_token *t = &LEDE_VEC_AT(&d->tokens, ner_token, i);
    const uint32_t *f = &LEDE_VEC_AT(&d->feats, uint32_t, t->first);
    for (size_t k = 0; k < t->count; k++) {
        size_t row = (size_t)(f[k] & (NER_BUCKETS - 1)) * NER_TAGS;
        /* a row may straddle two cache lines: ask for both ends */
        const char *p = w->w16 ? (const char *)(w->w16 + row) : (const char *)(w->w32 + row);
        size_t last = w->w16 ? NER_TAGS * sizeof *w->w16 - 1 : NER_TAGS * sizeof *w->w32 - 1;
        __builtin_prefetch(p);
        __builtin_prefetch(p + last);
    }
}

uint8_t ner_choose(const ner_weights *w, const ner_doc *d, size_t i, const uint8_t *tags,
                   const int64_t static_score[NER_TAGS], uint32_t dyn[NER_MAX_DYNAMIC],
                   size_t *ndyn)
{
    int64_t score[NER_TAGS];
    for (int g = 0; g < NER_TAGS; g++)
        score[g] = static_score[g];
    *ndyn = ner_dynamic_features(d, i, tags, dyn);
    for (size_t k = 0; k < *ndyn; k++)
        add_row(w, dyn[k], score);
    uint8_t prev = i > 0 ? tags[i - 1] : 0, best = 0;
    for (uint8_t g = 1; g < NER_TAGS; g++)
        if (ner_tag_allowed(prev, g) && score[g] > score[best])
            best = g;
    return best;
}

lede_status ner_model_encode(const int16_t *weights, lede_vec *out)
{
    size_t raw_len = WEIGHTS * 2;
    unsigned char *raw = malloc(raw_len);
    uLongf comp_len = compressBound((uLong)raw_len);
    unsigned char *comp = malloc(comp_len);
    lede_status st = raw && comp ? LEDE_OK : LEDE_ERR_NOMEM;
    if (st == LEDE_OK) {
        for (size_t i = 0; i < WEIGHTS; i++) {
            uint16_t v = (uint16_t)weights[i];
            raw[2 * i] = (unsigned char)(v & 0xFF);
            raw[2 * i + 1] = (unsigned char)(v >> 8);
        }
        if (compress2(comp, &comp_len, raw, (uLong)raw_len, 9) != Z_OK)
            st = LEDE_ERR_NOMEM;
    }
    if (st == LEDE_OK)
        st = lede_vec_append(out, MAGIC, sizeof MAGIC);
    uint32_t header[] = { VERSION, NER_BUCKET_BITS, NER_TAGS, (uint32_t)raw_len,
                          (uint32_t)comp_len, lede_crc32(0, raw ? raw : comp, raw ? raw_len : 0) };
    for (size_t i = 0; i < sizeof header / sizeof header[0] && st == LEDE_OK; i++)
        st = lede_put_u32(out, header[i]);
    if (st == LEDE_OK)
        st = lede_vec_append(out, comp, comp_len);
    free(raw);
    free(comp);
    return st;
}

lede_status lede_ner_model_read(const void *bytes, size_t len, lede_ner_model **out)
{
    *out = NULL;
    lede_reader r = lede_reader_of(bytes, len);
    const unsigned char *magic = lede_skip(&r, sizeof MAGIC);
    uint32_t version = lede_get_u32(&r), bits = lede_get_u32(&r), ntags = lede_get_u32(&r);
    uint32_t raw_len = lede_get_u32(&r), comp_len = lede_get_u32(&r), crc = lede_get_u32(&r);
    if (r.failed || memcmp(magic, MAGIC, sizeof MAGIC) != 0 || version != VERSION ||
        bits != NER_BUCKET_BITS || ntags != NER_TAGS || raw_len != WEIGHTS * 2 ||
        comp_len != len - HEADER)
        return LEDE_ERR_CORRUPT;
    unsigned char *raw = malloc(raw_len);
    lede_ner_model *m = calloc(1, sizeof *m);
    if (m)
        m->w = malloc(WEIGHTS * sizeof *m->w);
    lede_status st = raw && m && m->w ? LEDE_OK : LEDE_ERR_NOMEM;
    uLongf got = raw_len;
    if (st == LEDE_OK && (uncompress(raw, &got, r.p, comp_len) != Z_OK || got != raw_len ||
                          lede_crc32(0, raw, raw_len) != crc))
        st = LEDE_ERR_CORRUPT;
    for (size_t i = 0; i < WEIGHTS && st == LEDE_OK; i++)
        m->w[i] = (int16_t)(uint16_t)(raw[2 * i] | (unsigned)raw[2 * i + 1] << 8);
    free(raw);
    if (st != LEDE_OK) {
        lede_ner_model_free(m);
        return st;
    }
    *out = m;
    return LEDE_OK;
}

lede_status lede_ner_model_load(const char *path, lede_ner_model **out, char *error, size_t errlen)
{
    unsigned char *data;
    size_t len;
    char scratch[1];
    if (!error)
        error = scratch, errlen = sizeof scratch;
    *out = NULL;
    lede_status st = lede_read_file(path, &data, &len, error, errlen);
    if (st != LEDE_OK)
        return st;
    st = lede_ner_model_read(data, len, out);
    free(data);
    if (st == LEDE_ERR_CORRUPT)
        snprintf(error, errlen, "%s: not a lede entity model, or a damaged one", path);
    return st;
}

void lede_ner_model_free(lede_ner_model *model)
{
    if (model)
        free(model->w);
    free(model);
}
