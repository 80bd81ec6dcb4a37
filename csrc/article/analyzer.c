#include "article/analyzer.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "text/normalize.h"
#include "text/stopwords.h"
#include "util/strmap.h"
#include "util/vec.h"

/* The cache starts over past this many words, which bounds memory on endless streams. */
enum { CACHE_LIMIT = 1 << 20, MAX_STEMMED = 64 };

/* In front of the cache, a small direct-mapped table holds short words with their stems inline.
 * It fits in the processor's L1/L2 cache, and the few hundred most frequent words, which make up
 * most of any news text, nearly always hit it; the big table's random probes missed the processor
 * cache on almost every token. */
enum { HOT_SLOTS = 16384, HOT_BYTES = 15 };

typedef struct hot_entry {
    uint32_t hash;
    uint8_t key_len; /* 0: empty */
    uint8_t stem_len;
    uint8_t stopword;
    char key[HOT_BYTES];
    char stem[HOT_BYTES];
} hot_entry;

typedef struct cache_entry {
    uint32_t stem_offset; /* into stems */
    uint32_t stem_len;
    uint8_t stopword;
} cache_entry;

struct lede_analyzer {
    struct sb_stemmer *stemmer;
    lede_strmap words;   /* lower-case forms; numbered like `entries` */
    lede_vec entries;    /* cache_entry */
    lede_vec stems;      /* bytes */
    lede_vec scratch;    /* bytes */
    hot_entry hot[HOT_SLOTS];
};

lede_status lede_analyzer_new(lede_analyzer **out)
{
    lede_analyzer *a = calloc(1, sizeof *a);
    if (!a)
        return LEDE_ERR_NOMEM;
    a->stemmer = sb_stemmer_new("english", "UTF_8");
    if (!a->stemmer) {
        free(a);
        return LEDE_ERR_STEMMER;
    }
    lede_strmap_init(&a->words);
    lede_vec_init(&a->entries, sizeof(cache_entry));
    lede_vec_init(&a->stems, 1);
    lede_vec_init(&a->scratch, 1);
    *out = a;
    return LEDE_OK;
}

void lede_analyzer_free(lede_analyzer *a)
{
    if (!a)
        return;
    sb_stemmer_delete(a->stemmer);
    lede_strmap_free(&a->words);
    lede_vec_free(&a->entries);
    lede_vec_free(&a->stems);
    lede_vec_free(&a->scratch);
    free(a);
}

/* Drops the possessive ending: "nato's" → "nato", "ministers'" → "ministers". */
static size_t strip_possessive(const char *w, size_t len)
{
    if (len > 2 && w[len - 2] == '\'' && w[len - 1] == 's')
        return len - 2;
    if (len > 1 && w[len - 1] == '\'')
        return len - 1;
    return len;
}

/* Computes the entry for a word that missed the cache, writing the stem into a->stems. */
static lede_status compute(lede_analyzer *a, const char *lower, size_t len, cache_entry *e)
{
    size_t base = strip_possessive(lower, len);
    e->stopword = (uint8_t)(lede_is_stopword(lower, len) || lede_is_stopword(lower, base));
    a->scratch.len = 0;
    lede_status st = lede_normalize(lower, base, 1, &a->scratch); /* folds diacritics */
    if (st != LEDE_OK)
        return st;
    const char *word = a->scratch.data ? a->scratch.data : "";
    size_t wlen = a->scratch.len;
    if (wlen > 0 && wlen <= MAX_STEMMED) {
        const sb_symbol *s = sb_stemmer_stem(a->stemmer, (const sb_symbol *)word, (int)wlen);
        if (!s)
            return LEDE_ERR_NOMEM;
        word = (const char *)s;
        wlen = (size_t)sb_stemmer_length(a->stemmer);
    }
    if (a->stems.len > UINT32_MAX - wlen)
        return LEDE_ERR_TOO_LARGE;
    e->stem_offset = (uint32_t)a->stems.len;
    e->stem_len = (uint32_t)wlen;
    return lede_vec_append(&a->stems, word, wlen);
}

/* Words are short: a plain loop beats a call to memcmp. */
static int same_bytes(const char *a, const char *b, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static void remember_hot(hot_entry *h, uint32_t hash, const char *lower, size_t len,
                         const char *stem, size_t stem_len, int stopword)
{
    if (len > HOT_BYTES || stem_len > HOT_BYTES)
        return;
    h->hash = hash;
    h->key_len = (uint8_t)len;
    h->stem_len = (uint8_t)stem_len;
    h->stopword = (uint8_t)stopword;
    memcpy(h->key, lower, len);
    memcpy(h->stem, stem, stem_len);
}

lede_status lede_analyzer_lookup(lede_analyzer *a, const char *lower, size_t len, const char **stem,
                                 size_t *stem_len, int *stopword)
{
    uint32_t hash = lede_strmap_hash(lower, len);
    hot_entry *h = &a->hot[hash & (HOT_SLOTS - 1)];
    if (h->key_len == len && h->hash == hash && same_bytes(h->key, lower, len)) {
        *stem = h->stem;
        *stem_len = h->stem_len;
        *stopword = h->stopword;
        return LEDE_OK;
    }
    int64_t found = lede_strmap_find(&a->words, lower, len);
    cache_entry *e;
    if (found >= 0) {
        e = &LEDE_VEC_AT(&a->entries, cache_entry, found);
    } else {
        if (lede_strmap_count(&a->words) >= CACHE_LIMIT) {
            lede_strmap_clear(&a->words);
            a->entries.len = 0;
            a->stems.len = 0;
        }
        cache_entry fresh;
        lede_status st = compute(a, lower, len, &fresh);
        if (st == LEDE_OK)
            st = lede_vec_reserve(&a->entries, 1);
        uint32_t number;
        int added;
        if (st == LEDE_OK)
            st = lede_strmap_intern(&a->words, lower, len, &number, &added);
        if (st != LEDE_OK)
            return st;
        e = lede_vec_push(&a->entries); /* reserved: cannot fail, and gets index `number` */
        *e = fresh;
    }
    *stem = e->stem_len ? (const char *)a->stems.data + e->stem_offset : "";
    *stem_len = e->stem_len;
    *stopword = e->stopword;
    remember_hot(h, hash, lower, len, *stem, *stem_len, *stopword);
    return LEDE_OK;
}
