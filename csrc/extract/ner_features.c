/*
 * ner_features — what the tagger sees of each token, as 32-bit hashes: the word (lower-case and as
 * written), its shape, affixes, the words and shapes around it, where it stands (sentence start,
 * all-capitals headline) and what the rest of the article says about the same word (written
 * capitalised mid-sentence elsewhere, or in lower case). Hashing keeps no feature dictionary:
 * the weight table's size is fixed whatever the training data.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/ner_internal.h"

/* Feature templates: the first value mixed into each hash, so equal strings of two templates
 * land in different rows. */
enum {
    F_BIAS = 1, F_WORD, F_SURFACE, F_SHAPE, F_FULL_SHAPE, F_PREFIX, F_SUFFIX, F_PREV, F_NEXT,
    F_PREV2, F_NEXT2, F_PREV_SHAPE, F_NEXT_SHAPE, F_BIGRAM_LEFT, F_BIGRAM_RIGHT, F_FLAGS,
    F_DOC, F_HEADLINE_SHAPE, F_INITIAL_SHAPE, F_PREV_WORD_SHAPE, F_NEXT_WORD_SHAPE,
    F_TAG1, F_TAG12, F_TAG_WORD, F_MEMORY, F_MEMORY_TAG
};

/* Boundary "words" beyond the sentence. */
enum { W_START = 0x5354u, W_END = 0x454eu };

static uint32_t mix(uint32_t h, uint32_t v)
{
    h ^= v + 0x9e3779b9u + (h << 6) + (h >> 2);
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    return h;
}

static uint32_t hash_bytes(const char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 16777619u;
    return h;
}

/* Per-token values the features combine. */
typedef struct token_info {
    uint32_t word, surface, shape, full_shape; /* full_shape is 0 for long tokens */
    uint32_t prefix[4], suffix[4];
    uint8_t flags;                             /* INFO_* */
} token_info;

enum {
    INFO_INITIAL = 1, INFO_HEADLINE = 2, INFO_CAPITAL = 4, INFO_LOWER = 8, INFO_HAS_DIGIT = 16,
    INFO_DOC_CAPITAL = 32, INFO_DOC_LOWER = 64
};

static char shape_class(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return 'X';
    if ((c >= 'a' && c <= 'z') || c >= 0x80)
        return 'x';
    if (c >= '0' && c <= '9')
        return 'd';
    return (char)c;
}

/* Shape hashes of a surface form: collapsed ("Xx", "d-d") and, for short tokens, full. */
static void shapes(const char *p, size_t n, token_info *t)
{
    char collapsed[32], full[8];
    size_t nc = 0;
    for (size_t i = 0; i < n && nc < sizeof collapsed; i++) {
        char c = shape_class((unsigned char)p[i]);
        if (nc == 0 || collapsed[nc - 1] != c)
            collapsed[nc++] = c;
        if (c == 'X')
            t->flags |= INFO_CAPITAL;
        else if (c == 'd')
            t->flags |= INFO_HAS_DIGIT;
        if (i < sizeof full)
            full[i] = c;
    }
    if (n > 0 && shape_class((unsigned char)p[0]) == 'x')
        t->flags |= INFO_LOWER;
    t->shape = hash_bytes(collapsed, nc);
    t->full_shape = n <= sizeof full ? hash_bytes(full, n) : 0;
}

static void affixes(const char *p, size_t n, token_info *t)
{
    for (size_t k = 1; k <= 4; k++) {
        t->prefix[k - 1] = n >= k ? mix(hash_bytes(p, k), (uint32_t)k) : 0;
        t->suffix[k - 1] = n >= k ? mix(hash_bytes(p + n - k, k), (uint32_t)k) : 0;
    }
}

/* A sentence whose letters are all capitals is a headline ("LEICESTERSHIRE TAKE OVER"). */
static int is_headline(const char *text, const lede_token *tok, size_t first, size_t count)
{
    size_t letters = 0;
    for (size_t i = first; i < first + count; i++)
        for (uint32_t b = tok[i].span.start; b < tok[i].span.end; b++) {
            unsigned char c = (unsigned char)text[b];
            if (c >= 'a' && c <= 'z')
                return 0;
            letters += c >= 'A' && c <= 'Z';
        }
    return letters >= 4;
}

/* Document knowledge per lower-case form: is the word written capitalised mid-sentence, or in
 * lower case, anywhere in the article? Also links each token to the previous one of its form.
 * A form is its 32-bit hash (the features see no more of it), so an open-addressing table keyed
 * by that hash holds them, at least twice as many slots as tokens. */
typedef struct form_seen {
    uint32_t word;
    uint32_t last; /* 1 + index of the form's last token so far; 0 for an empty slot */
    uint8_t flags; /* INFO_DOC_* */
} form_seen;

static form_seen *form_slot(form_seen *table, size_t cap, uint32_t word)
{
    size_t k = word & (cap - 1);
    while (table[k].last && table[k].word != word)
        k = (k + 1) & (cap - 1);
    return &table[k];
}

static lede_status document_pass(token_info *info, ner_token *nt, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    form_seen *forms = calloc(cap, sizeof *forms);
    if (!forms)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        form_seen *s = form_slot(forms, cap, info[i].word);
        s->word = info[i].word;
        nt[i].same = s->last;
        s->last = (uint32_t)i + 1;
        if (!(info[i].flags & (INFO_INITIAL | INFO_HEADLINE)) && (info[i].flags & INFO_CAPITAL))
            s->flags |= INFO_DOC_CAPITAL;
        if (info[i].flags & INFO_LOWER)
            s->flags |= INFO_DOC_LOWER;
    }
    for (size_t i = 0; i < n; i++)
        info[i].flags |= form_slot(forms, cap, info[i].word)->flags;
    free(forms);
    return LEDE_OK;
}

static lede_status collect(const lede_article *article, const char *text, token_info *info,
                           size_t n)
{
    size_t ns;
    const lede_token *tok = lede_article_tokens(article, &(size_t){ 0 });
    const lede_sentence *sent = lede_article_sentences(article, &ns);
    for (size_t s = 0; s < ns; s++) {
        int headline = is_headline(text, tok, sent[s].first_token, sent[s].token_count);
        for (size_t i = sent[s].first_token; i < sent[s].first_token + sent[s].token_count; i++) {
            if (i >= n)
                return LEDE_ERR_INVALID;
            info[i].flags |= (uint8_t)((i == sent[s].first_token ? INFO_INITIAL : 0) |
                                       (headline ? INFO_HEADLINE : 0));
        }
    }
    for (size_t i = 0; i < n; i++) {
        const char *p = text + tok[i].span.start;
        size_t len = tok[i].span.end - tok[i].span.start;
        info[i].word = hash_bytes(tok[i].lower, tok[i].lower_len);
        info[i].surface = hash_bytes(p, len);
        shapes(p, len, &info[i]);
        affixes(tok[i].lower, tok[i].lower_len, &info[i]);
    }
    return LEDE_OK;
}

/* A token's static features, gathered before they join the article's: one append per token
 * rather than a check per feature. */
enum { MAX_STATIC = 28 }; /* the emit calls of token_features, each prefix and suffix counted */

typedef struct emitter {
    uint32_t f[MAX_STATIC];
    size_t n;
} emitter;

static void emit(emitter *e, uint32_t template_id, uint32_t a, uint32_t b)
{
    e->f[e->n++] = mix(mix(template_id, a), b);
}

/* The word (or boundary) at i + offset within the token's sentence. */
static uint32_t word_at(const token_info *info, const lede_token *tok, size_t n, size_t i, int off,
                        int shape)
{
    long j = (long)i + off;
    if (j < 0 || (size_t)j >= n || tok[j].sentence != tok[i].sentence)
        return off < 0 ? W_START : W_END;
    return shape ? info[j].shape : info[j].word;
}

static void token_features(emitter *e, const token_info *info, const lede_token *tok, size_t n,
                           size_t i)
{
    const token_info *t = &info[i];
    uint32_t prev = word_at(info, tok, n, i, -1, 0), next = word_at(info, tok, n, i, 1, 0);
    emit(e, F_BIAS, 0, 0);
    emit(e, F_WORD, t->word, 0);
    emit(e, F_SURFACE, t->surface, 0);
    emit(e, F_SHAPE, t->shape, 0);
    if (t->full_shape)
        emit(e, F_FULL_SHAPE, t->full_shape, 0);
    for (int k = 0; k < 4; k++) {
        if (t->prefix[k])
            emit(e, F_PREFIX, t->prefix[k], 0);
        if (t->suffix[k])
            emit(e, F_SUFFIX, t->suffix[k], 0);
    }
    emit(e, F_PREV, prev, 0);
    emit(e, F_NEXT, next, 0);
    emit(e, F_PREV2, word_at(info, tok, n, i, -2, 0), 0);
    emit(e, F_NEXT2, word_at(info, tok, n, i, 2, 0), 0);
    emit(e, F_PREV_SHAPE, word_at(info, tok, n, i, -1, 1), 0);
    emit(e, F_NEXT_SHAPE, word_at(info, tok, n, i, 1, 1), 0);
    emit(e, F_BIGRAM_LEFT, prev, t->word);
    emit(e, F_BIGRAM_RIGHT, t->word, next);
    emit(e, F_PREV_WORD_SHAPE, prev, t->shape);
    emit(e, F_NEXT_WORD_SHAPE, next, t->shape);
    emit(e, F_FLAGS, (uint32_t)(t->flags & (INFO_INITIAL | INFO_HEADLINE)), tok[i].kind);
    emit(e, F_FLAGS, tok[i].flags & (LEDE_TOKEN_ABBREV | LEDE_TOKEN_POSSESSIVE), 1);
    emit(e, F_DOC, (uint32_t)(t->flags & (INFO_DOC_CAPITAL | INFO_DOC_LOWER)),
         (uint32_t)(t->flags & (INFO_INITIAL | INFO_HEADLINE)));
    if (t->flags & INFO_HEADLINE)
        emit(e, F_HEADLINE_SHAPE, t->shape, t->word);
    if (t->flags & INFO_INITIAL)
        emit(e, F_INITIAL_SHAPE, t->shape, t->word);
}

lede_status ner_doc_build(ner_doc *d, const lede_article *article, const char *text, size_t len)
{
    size_t n;
    const lede_token *tok = lede_article_tokens(article, &n);
    d->tokens.len = d->feats.len = 0;
    if (n > 0 && tok[n - 1].span.end > len)
        return LEDE_ERR_INVALID; /* the text is not the one the article was analysed from */
    token_info *info = calloc(n ? n : 1, sizeof *info);
    lede_status st = info ? lede_vec_grow(&d->tokens, n ? n : 1) : LEDE_ERR_NOMEM;
    if (st == LEDE_OK)
        st = collect(article, text, info, n);
    if (st == LEDE_OK) {
        d->tokens.len = n;
        memset(d->tokens.data, 0, n * sizeof(ner_token));
        st = document_pass(info, d->tokens.data, n);
    }
    for (size_t i = 0; i < n && st == LEDE_OK; i++) {
        ner_token *t = &LEDE_VEC_AT(&d->tokens, ner_token, i);
        emitter e = { .n = 0 };
        token_features(&e, info, tok, n, i);
        t->first = (uint32_t)d->feats.len;
        t->count = (uint32_t)e.n;
        t->word = info[i].word;
        st = lede_vec_append(&d->feats, e.f, e.n);
    }
    free(info);
    return st;
}

size_t ner_dynamic_features(const ner_doc *d, size_t i, const uint8_t *tags,
                            uint32_t out[NER_MAX_DYNAMIC])
{
    const ner_token *t = &LEDE_VEC_AT(&d->tokens, ner_token, i);
    uint32_t t1 = i > 0 ? tags[i - 1] : NER_TAGS, t2 = i > 1 ? tags[i - 2] : NER_TAGS;
    size_t k = 0;
    out[k++] = mix(mix(F_TAG1, t1), 0);
    out[k++] = mix(mix(F_TAG12, t1), t2);
    out[k++] = mix(mix(F_TAG_WORD, t1), t->word);
    if (t->same) {
        /* What this word was tagged as earlier in the article: names recur, and their first,
         * fuller mention ("Nasser Hussain") is the easier one. */
        uint8_t m = tags[t->same - 1];
        out[k++] = mix(mix(F_MEMORY, m ? 1 + NER_TAG_TYPE(m) : 0), 0);
        out[k++] = mix(mix(F_MEMORY_TAG, m ? 1 + NER_TAG_TYPE(m) : 0), t1);
    }
    return k;
}

void ner_doc_init(ner_doc *d)
{
    lede_vec_init(&d->tokens, sizeof(ner_token));
    lede_vec_init(&d->feats, sizeof(uint32_t));
}

void ner_doc_free(ner_doc *d)
{
    lede_vec_free(&d->tokens);
    lede_vec_free(&d->feats);
}
