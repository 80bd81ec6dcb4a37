#include "summarize/sentences.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/wordlist.h"

/* Near-identical sentences of different articles (republished wire copy) count once. */
#define DUPLICATE_COSINE 0.9

/* Words that open a sentence which leans on the one before it. Sorted. */
static const char *const dangling_openers[] = {
    "additionally", "also", "and", "besides", "but", "consequently", "furthermore", "he",
    "her", "hers", "him", "his", "however", "instead", "it", "its", "meanwhile", "moreover",
    "nevertheless", "nonetheless", "otherwise", "she", "so", "still", "that", "their", "them",
    "then", "therefore", "these", "they", "this", "those", "thus", "yet",
};

void lede_sset_free(lede_sset *set)
{
    free(set->s);
    lede_vec_free(&set->vector);
    lede_vec_free(&set->sequence);
    lede_strmap_free(&set->vocab);
    lede_vec_free(&set->frequency);
    lede_vec_free(&set->sentence_frequency);
    memset(set, 0, sizeof *set);
}

static int by_term(const void *x, const void *y)
{
    const lede_term_weight *a = x, *b = y;
    return a->term < b->term ? -1 : a->term > b->term;
}

static lede_status term_id(lede_sset *set, const char *stem, size_t len, uint32_t *id)
{
    int added;
    lede_status st = lede_vec_reserve(&set->frequency, 1);
    if (st == LEDE_OK)
        st = lede_vec_reserve(&set->sentence_frequency, 1);
    if (st == LEDE_OK)
        st = lede_strmap_intern(&set->vocab, stem, len, id, &added);
    if (st == LEDE_OK && added) {
        *(uint32_t *)lede_vec_push(&set->frequency) = 0;
        *(uint32_t *)lede_vec_push(&set->sentence_frequency) = 0;
    }
    return st;
}

static int is_content(const lede_token *t)
{
    return (t->kind == LEDE_TOKEN_WORD || t->kind == LEDE_TOKEN_NUMBER) &&
           !(t->flags & LEDE_TOKEN_STOPWORD);
}

/* Flags that depend on the sentence's tokens; `depth` carries the quotation depth from sentence
 * to sentence within a paragraph. */
static void set_flags(lede_ssent *s, const lede_token *toks, uint32_t n, const char *text,
                      int *depth)
{
    int level = *depth, first_word = 1, capitals = 0;
    s->in_quote = *depth > 0;
    for (uint32_t i = 0; i < n; i++) {
        const lede_token *t = &toks[i];
        if (t->kind == LEDE_TOKEN_QUOTE)
            level += (t->flags & LEDE_TOKEN_OPEN) ? 1 : (level > 0 ? -1 : 0);
        if (t->kind != LEDE_TOKEN_WORD && t->kind != LEDE_TOKEN_NUMBER)
            continue;
        if (first_word) {
            s->dangling = lede_wordlist_find(dangling_openers,
                                             sizeof dangling_openers / sizeof *dangling_openers,
                                             t->lower, t->lower_len) >= 0;
            first_word = 0;
        }
        const char *w = text + t->span.start;
        size_t len = t->span.end - t->span.start;
        if ((len == 10 && memcmp(w, "PUBLISHED:", 10) == 0) || (len >= 7 && memcmp(w, "UPDATED", 7) == 0))
            s->boilerplate = 1;
        capitals += w[0] >= 'A' && w[0] <= 'Z';
    }
    s->opens_quote = level > 0;
    *depth = level;
    s->length = 0;
    for (uint32_t i = 0; i < n; i++) /* a token after white space starts a word */
        s->length += i == 0 || toks[i].span.start > toks[i - 1].span.end;
    /* Bylines and credits: "By . Associated Press .", "Reporter: Jane Smith". */
    const char *start = text + s->span.start;
    if (s->words < 4 || (s->words <= 8 && s->span.end - s->span.start >= 3 &&
                         memcmp(start, "By ", 3) == 0 && (uint32_t)capitals * 2 >= s->words))
        s->boilerplate = 1;
}

/* One sentence's term vector (tf, weighted later) and word sequence. */
static lede_status add_sentence(lede_sset *set, lede_ssent *s, const lede_token *toks, uint32_t n,
                                lede_vec *scratch)
{
    scratch->len = 0;
    s->seq_first = (uint32_t)set->sequence.len;
    lede_status st = LEDE_OK;
    for (uint32_t i = 0; st == LEDE_OK && i < n; i++) {
        const lede_token *t = &toks[i];
        if (t->kind != LEDE_TOKEN_WORD && t->kind != LEDE_TOKEN_NUMBER)
            continue;
        s->words++;
        uint32_t id = LEDE_NO_TERM;
        if (is_content(t)) {
            st = term_id(set, t->stem, t->stem_len, &id);
            lede_term_weight tw = { id, 1.0f };
            if (st == LEDE_OK)
                st = lede_vec_append(scratch, &tw, 1);
        }
        if (st == LEDE_OK)
            st = lede_vec_append(&set->sequence, &id, 1);
    }
    if (st != LEDE_OK)
        return st;
    s->seq_len = (uint32_t)(set->sequence.len - s->seq_first);
    lede_term_weight *v = scratch->data;
    size_t m = scratch->len;
    if (m > 1)
        qsort(v, m, sizeof *v, by_term);
    size_t out = 0;
    for (size_t i = 0; i < m; i++) {
        if (out > 0 && v[out - 1].term == v[i].term) {
            v[out - 1].weight += 1.0f;
            continue;
        }
        v[out++] = v[i];
    }
    s->first = (uint32_t)set->vector.len;
    s->nterms = (uint32_t)out;
    for (size_t i = 0; i < out; i++) {
        LEDE_VEC_AT(&set->frequency, uint32_t, v[i].term) += (uint32_t)v[i].weight;
        LEDE_VEC_AT(&set->sentence_frequency, uint32_t, v[i].term)++;
    }
    return lede_vec_append(&set->vector, v, out);
}

/* Turns term frequencies into tf * isf weights and computes norms. */
static void weigh(lede_sset *set)
{
    lede_term_weight *v = set->vector.data;
    double n = (double)set->n;
    for (size_t i = 0; i < set->n; i++) {
        lede_ssent *s = &set->s[i];
        double norm = 0;
        for (uint32_t k = s->first; k < s->first + s->nterms; k++) {
            double sf = LEDE_VEC_AT(&set->sentence_frequency, uint32_t, v[k].term);
            v[k].weight = (float)(v[k].weight * log(1.0 + n / sf));
            norm += (double)v[k].weight * v[k].weight;
        }
        s->norm = sqrt(norm);
    }
}

static double dot(const lede_term_weight *a, size_t na, const lede_term_weight *b, size_t nb)
{
    double sum = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].term == b[j].term)
            sum += (double)a[i++].weight * b[j++].weight;
        else if (a[i].term < b[j].term)
            i++;
        else
            j++;
    }
    return sum;
}

double lede_sset_cosine(const lede_sset *set, size_t i, size_t j)
{
    const lede_ssent *a = &set->s[i], *b = &set->s[j];
    if (a->norm == 0 || b->norm == 0)
        return 0;
    const lede_term_weight *v = set->vector.data;
    return dot(v + a->first, a->nterms, v + b->first, b->nterms) / (a->norm * b->norm);
}

double lede_sset_cosine_with(const lede_sset *set, size_t i, const lede_term_weight *v, size_t n,
                             double norm)
{
    const lede_ssent *a = &set->s[i];
    if (a->norm == 0 || norm == 0)
        return 0;
    return dot((const lede_term_weight *)set->vector.data + a->first, a->nterms, v, n) /
           (a->norm * norm);
}

lede_status lede_sset_vector_of(const lede_sset *set, lede_analyzer *analyzer, const char *text,
                                size_t len, lede_vec *out, double *norm)
{
    out->len = 0;
    *norm = 0;
    lede_article *a;
    lede_status st = lede_article_analyze(analyzer, text, len, &a);
    if (st != LEDE_OK)
        return st;
    size_t n;
    const lede_token *toks = lede_article_tokens(a, &n);
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        if (!is_content(&toks[i]))
            continue;
        int64_t id = lede_strmap_find(&set->vocab, toks[i].stem, toks[i].stem_len);
        if (id < 0)
            continue;
        lede_term_weight tw = { (uint32_t)id, 1.0f };
        st = lede_vec_append(out, &tw, 1);
    }
    lede_article_free(a);
    if (st != LEDE_OK)
        return st;
    lede_term_weight *v = out->data;
    if (out->len > 1)
        qsort(v, out->len, sizeof *v, by_term);
    size_t m = 0;
    for (size_t i = 0; i < out->len; i++) {
        if (m > 0 && v[m - 1].term == v[i].term)
            continue; /* a query names a term once however often it repeats it */
        v[m++] = v[i];
    }
    out->len = m;
    double sum = 0;
    for (size_t i = 0; i < m; i++) {
        double sf = LEDE_VEC_AT(&set->sentence_frequency, uint32_t, v[i].term);
        v[i].weight = (float)log(1.0 + (double)set->n / sf);
        sum += (double)v[i].weight * v[i].weight;
    }
    *norm = sqrt(sum);
    return LEDE_OK;
}

/* Share of each article's title terms that each of its sentences holds. */
static lede_status title_overlap(lede_sset *set, lede_analyzer *analyzer,
                                 const lede_summary_input *inputs)
{
    lede_vec title;
    lede_vec_init(&title, sizeof(lede_term_weight));
    lede_status st = LEDE_OK;
    for (size_t a = 0; st == LEDE_OK && a < set->narticles; a++) {
        if (!inputs[a].title)
            continue;
        double norm;
        st = lede_sset_vector_of(set, analyzer, inputs[a].title, inputs[a].title_len, &title, &norm);
        const lede_term_weight *t = title.data;
        for (size_t i = 0; st == LEDE_OK && i < set->n && title.len > 0; i++) {
            lede_ssent *s = &set->s[i];
            if (s->article != a)
                continue;
            const lede_term_weight *v = (const lede_term_weight *)set->vector.data + s->first;
            size_t shared = 0, x = 0, y = 0;
            while (x < s->nterms && y < title.len) {
                if (v[x].term == t[y].term)
                    shared++, x++, y++;
                else if (v[x].term < t[y].term)
                    x++;
                else
                    y++;
            }
            s->title = (double)shared / (double)title.len;
        }
    }
    lede_vec_free(&title);
    return st;
}

static void mark_duplicates(lede_sset *set)
{
    if (set->narticles < 2)
        return;
    for (size_t i = 0; i < set->n; i++)
        for (size_t j = 0; j < i && !set->s[i].duplicate; j++)
            if (set->s[j].article != set->s[i].article && !set->s[j].duplicate &&
                lede_sset_cosine(set, i, j) >= DUPLICATE_COSINE)
                set->s[i].duplicate = 1;
}

lede_status lede_sset_build(lede_analyzer *analyzer, const lede_summary_input *inputs, size_t n,
                            lede_sset *set)
{
    memset(set, 0, sizeof *set);
    lede_vec_init(&set->vector, sizeof(lede_term_weight));
    lede_vec_init(&set->sequence, sizeof(uint32_t));
    lede_strmap_init(&set->vocab);
    lede_vec_init(&set->frequency, sizeof(uint32_t));
    lede_vec_init(&set->sentence_frequency, sizeof(uint32_t));
    set->narticles = n;
    size_t total = 0;
    for (size_t a = 0; a < n; a++) {
        size_t ns;
        lede_article_sentences(inputs[a].article, &ns);
        total += ns;
    }
    set->s = calloc(total ? total : 1, sizeof *set->s);
    if (!set->s)
        return LEDE_ERR_NOMEM;
    lede_vec scratch;
    lede_vec_init(&scratch, sizeof(lede_term_weight));
    lede_status st = LEDE_OK;
    for (size_t a = 0; st == LEDE_OK && a < n; a++) {
        size_t ns, nt;
        const lede_sentence *sents = lede_article_sentences(inputs[a].article, &ns);
        const lede_token *toks = lede_article_tokens(inputs[a].article, &nt);
        int depth = 0;
        for (size_t k = 0; st == LEDE_OK && k < ns; k++) {
            if (k > 0 && sents[k].paragraph != sents[k - 1].paragraph)
                depth = 0; /* a quotation that goes on opens again in the next paragraph */
            lede_ssent *s = &set->s[set->n++];
            s->article = (uint32_t)a;
            s->sentence = (uint32_t)k;
            s->position = (uint32_t)k;
            s->span = sents[k].span;
            const lede_token *first = toks + sents[k].first_token;
            st = add_sentence(set, s, first, sents[k].token_count, &scratch);
            if (st == LEDE_OK && inputs[a].text && sents[k].span.end <= inputs[a].len)
                set_flags(s, first, sents[k].token_count, inputs[a].text, &depth);
        }
    }
    lede_vec_free(&scratch);
    if (st == LEDE_OK) {
        weigh(set);
        st = title_overlap(set, analyzer, inputs);
    }
    if (st == LEDE_OK)
        mark_duplicates(set);
    return st;
}
