/*
 * keyphrase — the phrases that say what a set of news articles is about (lede_keyphrases).
 *
 * Candidates and their occurrences come from keyphrase_candidates.c. Each is scored on
 *   - how often it occurs, each occurrence weighted by how early in its article it comes: news
 *     puts the subject in the first sentences;
 *   - how often its words occur (for a phrase of several words): a phrase made of the text's
 *     recurring words is central to it, as in RAKE, where a phrase scores by its words;
 *   - its length, once it recurs: a phrase says more than any of its words, and is rarer for
 *     being longer;
 *   - the share of titles that hold it;
 *   - with several articles, the share of them it occurs in.
 * Phrases are then chosen best first, greedily. Choosing one takes its occurrences away from the
 * candidates inside it or across its edges, which are scored again on what is left and dropped
 * when nothing is ("training" after "training mission", when it never stands alone); and a name
 * leaves out the other names with its head ("Castellano" after "Raymond T. Castellano"). Scores
 * only fall as phrases are chosen, so a stale score is computed again only when it reaches the
 * top of the heap (lazy greedy), and the order is that of the final scores.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "summarize/keyphrase.h"

struct lede_keyphrase_list {
    lede_keyphrase *items;
    size_t count;
    lede_keyphrase_position *positions;
    char *strings;
};

/* ---- Scoring --------------------------------------------------------------------------------- */

typedef struct scorer {
    const kp_collection *c;
    size_t narticles;
    const lede_vec *chosen; /* uint32_t: the candidates chosen so far */
    uint8_t *name;    /* per candidate: 1 when it is mostly written among capitalised words */
    uint8_t *covered; /* per token of all articles: bit w-1 set where a chosen phrase of w words
                         starts */
} scorer;

/* Is the occurrence inside an occurrence of a chosen phrase, or across the edge of one? Either
 * way the chosen phrase already shows that place ("U.S. District Judge Ngozi" after "Judge Ngozi
 * Adébáyọ̀"). Chosen phrases inside the occurrence leave it its own: "training mission" still
 * says more than "mission". */
static int is_covered(const scorer *s, const kp_occurrence *o)
{
    const uint8_t *covered = s->covered + LEDE_VEC_AT(&s->c->token_base, size_t, o->article);
    size_t first = o->token, end = first + o->words;
    size_t from = first >= KP_MAX_WORDS - 1 ? first - (KP_MAX_WORDS - 1) : 0;
    for (size_t start = from; start < end; start++) {
        uint8_t bits = covered[start];
        for (size_t w = 1; bits && w <= KP_MAX_WORDS; w++) {
            int overlaps = (bits >> (w - 1)) & 1 && start + w > first;
            if (overlaps && (start < first || start + w > end))
                return 1;
        }
    }
    return 0;
}

/* Is one key the other with words before it ("castellano", "raymond t. castellano")? */
static int same_head(const char *a, uint32_t la, const char *b, uint32_t lb)
{
    if (la > lb) {
        const char *t = a;
        a = b, b = t;
        uint32_t n = la;
        la = lb, lb = n;
    }
    return lb > la && b[lb - la - 1] == ' ' && memcmp(b + lb - la, a, la) == 0;
}

/* Is the candidate a name that a chosen name already gives, longer or shorter? Names put their
 * head last, so "Castellano" and "Raymond T. Castellano" are one person, while "E.U." and "E.U.
 * Solidarity Fund" are two things. */
static int named_already(const scorer *s, uint32_t candidate)
{
    if (!s->name[candidate])
        return 0;
    uint32_t len;
    const char *key = lede_strmap_key_bytes(&s->c->keys, candidate, &len);
    const uint32_t *chosen = s->chosen->data;
    for (size_t i = 0; i < s->chosen->len; i++) {
        uint32_t plen;
        const char *pkey = lede_strmap_key_bytes(&s->c->keys, chosen[i], &plen);
        if (s->name[chosen[i]] && same_head(key, len, pkey, plen))
            return 1;
    }
    return 0;
}

static void cover(scorer *s, uint32_t candidate)
{
    const kp_candidate *k = &LEDE_VEC_AT(&s->c->candidates, kp_candidate, candidate);
    const uint32_t *order = s->c->order.data;
    const kp_occurrence *occ = s->c->occurrences.data;
    const size_t *base = s->c->token_base.data;
    for (uint32_t i = 0; i < k->count; i++) {
        const kp_occurrence *o = &occ[order[k->first + i]];
        s->covered[base[o->article] + o->token] |= (uint8_t)(1u << (o->words - 1));
    }
}

/* How often the phrase's words occur, or the phrase's own frequency for a single word. The
 * harmonic mean: one rare word tacked on ("defence ministers agreed") weighs it down. */
static double support(const scorer *s, const kp_candidate *k, double own)
{
    if (k->words == 1)
        return own;
    double sum = 0;
    uint32_t n = 0;
    for (uint32_t i = 0; i < k->words; i++)
        if (k->member[i] != KP_NONE) {
            sum += 1.0 / LEDE_VEC_AT(&s->c->candidates, kp_candidate, k->member[i]).word_frequency;
            n++;
        }
    return n > 0 ? n / sum : own;
}

/* What the phrase's length adds: n words count n times, once the phrase recurs (in the text or
 * in a title). A run of words seen once is no evidence of a phrase, only of a sentence. */
static double length_bonus(const kp_candidate *k)
{
    return k->count + k->titles >= 2 ? (double)k->words : 1.0;
}

/* The score of a candidate on its occurrences not inside a chosen longer phrase; 0 when none is
 * left. */
static double score(const scorer *s, uint32_t candidate)
{
    const kp_candidate *k = &LEDE_VEC_AT(&s->c->candidates, kp_candidate, candidate);
    const uint32_t *order = s->c->order.data;
    const kp_occurrence *occ = s->c->occurrences.data;
    if (named_already(s, candidate))
        return 0;
    /* Common words seen together once are a piece of a sentence, not yet a phrase; a name's
     * capitals show that its words belong together even the first time. */
    if (k->words > 1 && !s->name[candidate] && k->count + k->titles < 2)
        return 0;
    double own = 0;
    size_t articles = 0;
    uint32_t last_article = KP_NONE;
    for (uint32_t i = 0; i < k->count; i++) {
        const kp_occurrence *o = &occ[order[k->first + i]];
        if (is_covered(s, o))
            continue;
        own += kp_position_weight(o->sentence);
        if (o->article != last_article) { /* occurrences are in article order */
            articles++;
            last_article = o->article;
        }
    }
    if (articles == 0)
        return 0;
    /* The geometric mean of its own frequency and its words': either alone would let a phrase
     * ride on frequent words, or a frequent phrase of rare words lead. Every title holding it
     * counts double; a phrase in few of the articles counts less, as a share of them, softened
     * (one article in seven keeps 0.5). */
    double n = (double)s->narticles;
    return sqrt(own * support(s, k, own)) * length_bonus(k) * (1.0 + k->titles / n) *
           sqrt((1.0 + (double)articles) / (1.0 + n));
}

/* ---- Choosing -------------------------------------------------------------------------------- */

typedef struct entry {
    double score;
    uint32_t candidate;
    uint32_t round; /* phrases chosen when the score was computed */
} entry;

/* Higher score first; equal scores in byte order of their keys, so that ties do not depend on
 * the order the heap saw them in. */
static int before(const kp_collection *c, const entry *a, const entry *b)
{
    if (a->score != b->score)
        return a->score > b->score;
    uint32_t la, lb;
    const char *ka = lede_strmap_key_bytes(&c->keys, a->candidate, &la);
    const char *kb = lede_strmap_key_bytes(&c->keys, b->candidate, &lb);
    int cmp = memcmp(ka, kb, la < lb ? la : lb);
    return cmp != 0 ? cmp < 0 : la < lb;
}

static void sift_down(const kp_collection *c, entry *h, size_t n, size_t i)
{
    for (;;) {
        size_t best = i, l = 2 * i + 1, r = l + 1;
        if (l < n && before(c, &h[l], &h[best]))
            best = l;
        if (r < n && before(c, &h[r], &h[best]))
            best = r;
        if (best == i)
            return;
        entry tmp = h[i];
        h[i] = h[best];
        h[best] = tmp;
        i = best;
    }
}

/* Appends to `chosen` (uint32_t candidates) the best k, with their scores in `scores`. */
static lede_status choose(scorer *s, size_t k, lede_vec *chosen, lede_vec *scores)
{
    const kp_collection *c = s->c;
    size_t n = c->candidates.len;
    lede_vec heap;
    lede_vec_init(&heap, sizeof(entry));
    lede_status st = lede_vec_reserve(&heap, n);
    if (st != LEDE_OK)
        return st;
    entry *h = heap.data;
    for (size_t i = 0; i < n; i++)
        h[i] = (entry){ score(s, (uint32_t)i), (uint32_t)i, 0 };
    for (size_t i = n / 2; i-- > 0;)
        sift_down(c, h, n, i);
    uint32_t round = 0;
    while (n > 0 && chosen->len < k && st == LEDE_OK) {
        entry top = h[0];
        if (top.round != round) {
            top.score = score(s, top.candidate);
            top.round = round;
            if (top.score > 0) {
                h[0] = top; /* fallen: it goes back among the others */
                sift_down(c, h, n, 0);
                if (h[0].candidate != top.candidate)
                    continue;
            }
        }
        h[0] = h[--n];
        sift_down(c, h, n, 0);
        if (top.score <= 0)
            continue; /* everything it had is inside phrases already chosen */
        st = lede_vec_append(chosen, &top.candidate, 1);
        if (st == LEDE_OK)
            st = lede_vec_append(scores, &top.score, 1);
        cover(s, top.candidate);
        round++;
    }
    lede_vec_free(&heap);
    return st;
}

/* ---- The result ------------------------------------------------------------------------------ */

/* An occurrence's form as written, and whether it opens a sentence. */
typedef struct form {
    uint32_t surface;
    uint32_t initial;
} form;

static int by_surface(const void *pa, const void *pb)
{
    const form *a = pa, *b = pb;
    return (a->surface > b->surface) - (a->surface < b->surface);
}

/* The form the candidate is most often written in, counting first those not at the start of a
 * sentence, whose capitals are the word's own ("insured losses", not "Insured losses"); on ties
 * the first seen (surfaces are numbered in the order they were first seen). */
static lede_status usual_surface(const kp_collection *c, const kp_candidate *k, lede_vec *tmp,
                                 uint32_t *surface)
{
    const uint32_t *order = c->order.data;
    const kp_occurrence *occ = c->occurrences.data;
    tmp->len = 0;
    lede_status st = lede_vec_reserve(tmp, k->count);
    if (st != LEDE_OK)
        return st;
    form *forms = tmp->data;
    for (uint32_t i = 0; i < k->count; i++) {
        const kp_occurrence *o = &occ[order[k->first + i]];
        forms[i] = (form){ o->surface, o->initial };
    }
    qsort(forms, k->count, sizeof *forms, by_surface);
    size_t best_inner = 0, best_all = 0;
    for (size_t i = 0, j; i < k->count; i = j) {
        size_t inner = 0;
        for (j = i; j < k->count && forms[j].surface == forms[i].surface; j++)
            inner += !forms[j].initial;
        if (inner > best_inner || (inner == best_inner && j - i > best_all)) {
            best_inner = inner;
            best_all = j - i;
            *surface = forms[i].surface;
        }
    }
    return LEDE_OK;
}

static lede_status build_list(const kp_collection *c, const lede_vec *chosen,
                              const lede_vec *scores, lede_keyphrase_list *list)
{
    const uint32_t *ids = chosen->data;
    const double *sc = scores->data;
    const kp_candidate *cands = c->candidates.data;
    size_t n = chosen->len, npos = 0, nbytes = 0;
    lede_vec surfaces, tmp;
    lede_vec_init(&surfaces, sizeof(uint32_t));
    lede_vec_init(&tmp, sizeof(form));
    lede_status st = lede_vec_reserve(&surfaces, n);
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        uint32_t surface = 0, len;
        st = usual_surface(c, &cands[ids[i]], &tmp, &surface);
        lede_strmap_key_bytes(&c->surfaces, surface, &len);
        LEDE_VEC_AT(&surfaces, uint32_t, i) = surface;
        npos += cands[ids[i]].count;
        nbytes += (size_t)len + 1;
    }
    lede_vec_free(&tmp);
    if (st == LEDE_OK) {
        /* One block each, so that the list is three frees whatever its length. */
        list->items = malloc((n ? n : 1) * sizeof *list->items);
        list->positions = malloc((npos ? npos : 1) * sizeof *list->positions);
        list->strings = malloc(nbytes ? nbytes : 1);
        if (!list->items || !list->positions || !list->strings)
            st = LEDE_ERR_NOMEM;
    }
    const uint32_t *order = c->order.data;
    const kp_occurrence *occ = c->occurrences.data;
    char *text = list->strings;
    lede_keyphrase_position *pos = list->positions;
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        const kp_candidate *k = &cands[ids[i]];
        uint32_t len;
        const char *s = lede_strmap_key_bytes(&c->surfaces, LEDE_VEC_AT(&surfaces, uint32_t, i),
                                              &len);
        memcpy(text, s, len);
        text[len] = '\0';
        list->items[i] = (lede_keyphrase){ text, len, sc[i], k->count, pos };
        text += (size_t)len + 1;
        for (uint32_t j = 0; j < k->count; j++, pos++) {
            const kp_occurrence *o = &occ[order[k->first + j]];
            *pos = (lede_keyphrase_position){ o->article, o->span };
        }
    }
    list->count = st == LEDE_OK ? n : 0;
    lede_vec_free(&surfaces);
    return st;
}

/* ---- The API --------------------------------------------------------------------------------- */

static lede_status collect(kp_collection *c, lede_analyzer *analyzer,
                           lede_article *const *articles, const char *const *texts,
                           const size_t *lens, const char *const *titles,
                           const size_t *title_lens, size_t narticles)
{
    lede_status st = LEDE_OK;
    for (size_t i = 0; st == LEDE_OK && i < narticles; i++) {
        if (!articles[i] || (!texts[i] && lens[i] > 0))
            return LEDE_ERR_INVALID;
        st = kp_collect_article(c, articles[i], texts[i] ? texts[i] : "", lens[i]);
    }
    /* Titles last: they only mark the candidates that the texts hold. */
    for (size_t i = 0; st == LEDE_OK && titles && i < narticles; i++)
        if (titles[i])
            st = kp_collect_title(c, analyzer, (uint32_t)i, titles[i],
                                  title_lens ? title_lens[i] : strlen(titles[i]));
    return st == LEDE_OK ? kp_group(c) : st;
}

static lede_status rank(const kp_collection *c, size_t narticles, size_t k,
                        lede_keyphrase_list *list)
{
    size_t nc = c->candidates.len;
    lede_vec chosen, scores;
    lede_vec_init(&chosen, sizeof(uint32_t));
    lede_vec_init(&scores, sizeof(double));
    scorer s = { c, narticles, &chosen, NULL, NULL };
    s.name = calloc(nc ? nc : 1, 1);
    s.covered = calloc(c->tokens ? c->tokens : 1, 1);
    lede_status st = s.name && s.covered ? LEDE_OK : LEDE_ERR_NOMEM;
    const kp_candidate *cands = c->candidates.data;
    const kp_occurrence *occ = c->occurrences.data;
    const uint32_t *order = c->order.data;
    for (size_t i = 0; st == LEDE_OK && i < nc; i++) {
        uint32_t names = 0;
        for (uint32_t j = 0; j < cands[i].count; j++)
            names += occ[order[cands[i].first + j]].name;
        s.name[i] = names > 0 && 2 * names >= cands[i].count;
    }
    if (st == LEDE_OK)
        st = choose(&s, k, &chosen, &scores);
    if (st == LEDE_OK)
        st = build_list(c, &chosen, &scores, list);
    free(s.name);
    free(s.covered);
    lede_vec_free(&chosen);
    lede_vec_free(&scores);
    return st;
}

lede_status lede_keyphrases(lede_analyzer *analyzer, lede_article *const *articles,
                            const char *const *texts, const size_t *lens,
                            const char *const *titles, const size_t *title_lens, size_t narticles,
                            size_t k, lede_keyphrase_list **out)
{
    *out = NULL;
    if (narticles > 0 && (!articles || !texts || !lens))
        return LEDE_ERR_INVALID;
    if (titles && !analyzer)
        return LEDE_ERR_INVALID;
    if (narticles >= UINT32_MAX)
        return LEDE_ERR_TOO_LARGE;
    lede_keyphrase_list *list = calloc(1, sizeof *list);
    if (!list)
        return LEDE_ERR_NOMEM;
    kp_collection c;
    kp_collection_init(&c);
    lede_status st = collect(&c, analyzer, articles, texts, lens, titles, title_lens, narticles);
    if (st == LEDE_OK && k > 0)
        st = rank(&c, narticles, k, list);
    kp_collection_free(&c);
    if (st != LEDE_OK) {
        lede_keyphrase_list_free(list);
        return st;
    }
    *out = list;
    return LEDE_OK;
}

size_t lede_keyphrase_list_count(const lede_keyphrase_list *list)
{
    return list->count;
}

const lede_keyphrase *lede_keyphrase_list_at(const lede_keyphrase_list *list, size_t i)
{
    return i < list->count ? &list->items[i] : NULL;
}

void lede_keyphrase_list_free(lede_keyphrase_list *list)
{
    if (!list)
        return;
    free(list->items);
    free(list->positions);
    free(list->strings);
    free(list);
}
