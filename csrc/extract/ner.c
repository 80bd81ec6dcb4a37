/*
 * ner — tagging an article: greedy left-to-right decoding (each token's tag sees the two before
 * it and what the same word was tagged earlier in the article), then IOB2 tags → mentions.
 */
#include <stdlib.h>

#include "extract/ner_internal.h"

/* Turns a run of IOB2 tags into mentions. */
static lede_status mentions_of(const uint8_t *tags, const lede_token *tok, size_t n,
                               lede_vec *out)
{
    lede_mention *m = NULL;
    for (size_t i = 0; i < n; i++) {
        if (tags[i] == 0) {
            m = NULL;
            continue;
        }
        if (tags[i] > NER_TYPES && m) { /* I- continues the open mention (decoding ensured it) */
            m->span.end = tok[i].span.end;
            m->token_count++;
            continue;
        }
        if (!(m = lede_vec_push(out)))
            return LEDE_ERR_NOMEM;
        m->span = tok[i].span;
        m->first_token = (uint32_t)i;
        m->token_count = 1;
        m->type = (lede_entity_type)NER_TAG_TYPE(tags[i]);
    }
    return LEDE_OK;
}

lede_status lede_ner_tag(const lede_ner_model *model, const lede_article *article, const char *text,
                         size_t len, lede_mention **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!model || !article || !text)
        return LEDE_ERR_INVALID;
    size_t n;
    const lede_token *tok = lede_article_tokens(article, &n);
    ner_doc d;
    ner_doc_init(&d);
    lede_vec mentions;
    lede_vec_init(&mentions, sizeof(lede_mention));
    uint8_t *tags = malloc(n ? n : 1);
    int64_t (*scores)[NER_TAGS] = malloc((n ? n : 1) * sizeof *scores);
    lede_status st = tags && scores ? ner_doc_build(&d, article, text, len) : LEDE_ERR_NOMEM;
    /* The static scores of all tokens first, each token's rows requested a few tokens ahead. */
    enum { AHEAD = 4 };
    const ner_weights w = { .w16 = model->w };
    for (size_t i = 0; i < n && i < AHEAD && st == LEDE_OK; i++)
        ner_prefetch(&w, &d, i);
    for (size_t i = 0; i < n && st == LEDE_OK; i++) {
        if (i + AHEAD < n)
            ner_prefetch(&w, &d, i + AHEAD);
        ner_static_scores(&w, &d, i, scores[i]);
    }
    for (size_t i = 0; i < n && st == LEDE_OK; i++) {
        uint32_t dyn[NER_MAX_DYNAMIC];
        size_t ndyn;
        tags[i] = ner_choose(&w, &d, i, tags, scores[i], dyn, &ndyn);
    }
    free(scores);
    if (st == LEDE_OK)
        st = mentions_of(tags, tok, n, &mentions);
    free(tags);
    ner_doc_free(&d);
    if (st != LEDE_OK) {
        lede_vec_free(&mentions);
        return st;
    }
    *out = mentions.data;
    *count = mentions.len;
    return LEDE_OK;
}
