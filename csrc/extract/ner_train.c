/*
 * ner_train — the averaged perceptron that makes a model. Articles are kept as static features
 * and gold tags; each epoch walks them in the order added, decodes greedily (the history is the
 * tagger's own predictions, as at tagging time) and, on a mistake, moves weight from the
 * predicted tag to the gold one. Averaging uses the usual trick (w − u/c) in integers, and the
 * result is scaled to int16 with one rounding: the same input gives the same file on any run.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/ner_internal.h"
#include "index/file.h"

#define WEIGHTS (NER_BUCKETS * NER_TAGS)

typedef struct train_doc {
    ner_doc doc;
    uint8_t *gold;
} train_doc;

struct lede_ner_trainer {
    lede_vec docs; /* train_doc */
};

lede_status lede_ner_trainer_new(lede_ner_trainer **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return LEDE_ERR_NOMEM;
    lede_vec_init(&(*out)->docs, sizeof(train_doc));
    return LEDE_OK;
}

void lede_ner_trainer_free(lede_ner_trainer *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->docs.len; i++) {
        train_doc *d = &LEDE_VEC_AT(&t->docs, train_doc, i);
        ner_doc_free(&d->doc);
        free(d->gold);
    }
    lede_vec_free(&t->docs);
    free(t);
}

/* Gold IOB2 tags: a token takes the type of the mention its first byte falls in. */
static void gold_tags(const lede_token *tok, size_t n, const lede_mention *gold, size_t ngold,
                      uint8_t *tags)
{
    memset(tags, 0, n);
    for (size_t g = 0; g < ngold; g++) {
        if ((unsigned)gold[g].type >= NER_TYPES)
            continue;
        int first = 1;
        for (size_t i = 0; i < n; i++)
            if (tok[i].span.start >= gold[g].span.start && tok[i].span.start < gold[g].span.end) {
                tags[i] = first ? NER_TAG_B(gold[g].type) : NER_TAG_I(gold[g].type);
                first = 0;
            }
    }
}

lede_status lede_ner_trainer_add(lede_ner_trainer *t, const lede_article *article,
                                 const char *text, size_t len, const lede_mention *gold,
                                 size_t ngold)
{
    size_t n;
    const lede_token *tok = lede_article_tokens(article, &n);
    train_doc *d = lede_vec_push(&t->docs);
    if (!d)
        return LEDE_ERR_NOMEM;
    ner_doc_init(&d->doc);
    d->gold = malloc(n ? n : 1);
    lede_status st = d->gold ? ner_doc_build(&d->doc, article, text, len) : LEDE_ERR_NOMEM;
    if (st != LEDE_OK) {
        ner_doc_free(&d->doc);
        free(d->gold);
        t->docs.len--;
        return st;
    }
    gold_tags(tok, n, gold, ngold, d->gold);
    return LEDE_OK;
}

typedef struct perceptron {
    int32_t *w;  /* current weights */
    int64_t *u;  /* sum of step × update, for the average */
    int64_t step;
} perceptron;

static void update(perceptron *p, const uint32_t *f, size_t nf, const uint32_t *dyn, size_t ndyn,
                   uint8_t good, uint8_t bad)
{
    for (size_t k = 0; k < nf + ndyn; k++) {
        size_t row = (size_t)((k < nf ? f[k] : dyn[k - nf]) & (NER_BUCKETS - 1)) * NER_TAGS;
        p->w[row + good]++;
        p->u[row + good] += p->step;
        p->w[row + bad]--;
        p->u[row + bad] -= p->step;
    }
}

static lede_status epoch(perceptron *p, lede_ner_trainer *t)
{
    const ner_weights w = { .w32 = p->w };
    for (size_t di = 0; di < t->docs.len; di++) {
        train_doc *d = &LEDE_VEC_AT(&t->docs, train_doc, di);
        size_t n = d->doc.tokens.len;
        uint8_t *tags = malloc(n ? n : 1);
        if (!tags)
            return LEDE_ERR_NOMEM;
        for (size_t i = 0; i < n; i++) {
            uint32_t dyn[NER_MAX_DYNAMIC];
            size_t ndyn;
            int64_t score[NER_TAGS];
            ner_static_scores(&w, &d->doc, i, score);
            tags[i] = ner_choose(&w, &d->doc, i, tags, score, dyn, &ndyn);
            p->step++;
            if (tags[i] == d->gold[i])
                continue;
            const ner_token *tok = &LEDE_VEC_AT(&d->doc.tokens, ner_token, i);
            update(p, &LEDE_VEC_AT(&d->doc.feats, uint32_t, tok->first), tok->count, dyn, ndyn,
                   d->gold[i], tags[i]);
            /* Go on from the gold tag when the prediction cannot precede it (an I- tag). */
            if (!ner_tag_allowed(tags[i], i + 1 < n ? d->gold[i + 1] : 0))
                tags[i] = d->gold[i];
        }
        free(tags);
    }
    return LEDE_OK;
}

/* The averaged weights, scaled so the largest is ±32767 (a common factor changes no decision). */
static lede_status averaged(const perceptron *p, int16_t **out)
{
    int64_t *avg = malloc(WEIGHTS * sizeof *avg);
    *out = malloc(WEIGHTS * sizeof **out);
    if (!avg || !*out) {
        free(avg);
        free(*out);
        return LEDE_ERR_NOMEM;
    }
    int64_t top = 1;
    for (size_t i = 0; i < WEIGHTS; i++) {
        avg[i] = (int64_t)p->w[i] * p->step - p->u[i]; /* step × average, exact */
        int64_t a = avg[i] < 0 ? -avg[i] : avg[i];
        if (a > top)
            top = a;
    }
    for (size_t i = 0; i < WEIGHTS; i++) {
        double q = (double)avg[i] * 32767.0 / (double)top;
        (*out)[i] = (int16_t)(q < 0 ? q - 0.5 : q + 0.5);
    }
    free(avg);
    return LEDE_OK;
}

lede_status lede_ner_trainer_write(lede_ner_trainer *t, unsigned epochs, const char *path,
                                   char *error, size_t errlen)
{
    perceptron p = { calloc(WEIGHTS, sizeof(int32_t)), calloc(WEIGHTS, sizeof(int64_t)), 0 };
    lede_status st = p.w && p.u ? LEDE_OK : LEDE_ERR_NOMEM;
    for (unsigned e = 0; e < epochs && st == LEDE_OK; e++)
        st = epoch(&p, t);
    int16_t *weights = NULL;
    if (st == LEDE_OK)
        st = averaged(&p, &weights);
    free(p.w);
    free(p.u);
    lede_vec file;
    lede_vec_init(&file, 1);
    if (st == LEDE_OK)
        st = ner_model_encode(weights, &file);
    free(weights);
    if (st == LEDE_OK)
        st = lede_write_file(path, file.data, file.len, error, errlen);
    lede_vec_free(&file);
    return st;
}
