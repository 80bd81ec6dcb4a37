/*
 * shingle — an article as a stream of word shingles, for MinHash.
 *
 * Words are the analysed tokens' lower-case forms (NFKC, case-folded, apostrophes unified), so
 * two texts that differ only in case, quote marks, punctuation or white space give the same
 * shingles. Each word is hashed once; a shingle's hash folds the hashes of its words in order,
 * so it costs `size` folds and never copies text.
 */
#include "dedup/dedup.h"

/* Punctuation, quote marks and stray symbols are layout, not wording. */
static int is_word(const lede_token *t)
{
    return t->kind != LEDE_TOKEN_PUNCT && t->kind != LEDE_TOKEN_QUOTE &&
           t->kind != LEDE_TOKEN_SYMBOL;
}

/* FNV-1a over the bytes, then mixed: FNV alone leaves the high bits of short words weak. */
static uint64_t hash_word(const char *s, size_t len)
{
    return lede_mix64(lede_fnv1a(LEDE_FNV_OFFSET, s, len));
}

void dedup_shingler_init(dedup_shingler *s, const lede_article *article, unsigned size)
{
    s->tokens = lede_article_tokens(article, &s->ntokens);
    s->next = 0;
    s->size = size;
    s->words = 0;
    s->exact = 0;
    s->emitted = 0;
}

/* The hash of the `n` words that end at ring slot (words - 1), oldest first. */
static uint64_t ring_hash(const dedup_shingler *s, unsigned n)
{
    uint64_t h = n;
    for (unsigned i = 0; i < n; i++)
        h = dedup_fold(h, s->ring[(s->words - n + i) % s->size]);
    return h;
}

int dedup_shingler_next(dedup_shingler *s, uint64_t *hash)
{
    while (s->next < s->ntokens) {
        const lede_token *t = &s->tokens[s->next++];
        if (!is_word(t))
            continue;
        uint64_t w = hash_word(t->lower, t->lower_len);
        s->ring[s->words % s->size] = w;
        s->words++;
        s->exact = dedup_fold(s->exact, w);
        if (s->words >= s->size) {
            *hash = ring_hash(s, s->size);
            s->emitted = 1;
            return 1;
        }
    }
    /* A text shorter than one shingle is one shingle of all its words. */
    if (!s->emitted && s->words > 0) {
        *hash = ring_hash(s, (unsigned)s->words);
        s->emitted = 1;
        return 1;
    }
    return 0;
}

uint64_t dedup_shingler_exact(const dedup_shingler *s)
{
    if (s->words == 0)
        return 0;
    uint64_t h = dedup_fold(s->exact, s->words);
    return h ? h : 1; /* 0 is kept for "no words" */
}
