#include "summarize/select.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A candidate this similar to a chosen sentence says the same thing. Articles about one story
 * tell the same facts in other words, so across articles a lower similarity is already a
 * repeat (DUC 2003 multi-document, R-1/R-2 recall: 38.81/9.86 at 0.6, 38.97/10.08 at 0.4). */
#define REDUNDANT 0.6
#define REDUNDANT_ACROSS_ARTICLES 0.4

typedef struct budget {
    lede_budget_unit unit;
    double capacity; /* sentences, words or bytes */
    double used;
} budget;

static double cost(const budget *b, const lede_ssent *s, size_t chosen)
{
    switch (b->unit) {
    case LEDE_BUDGET_WORDS:
        return s->length;
    case LEDE_BUDGET_BYTES: /* a space joins each sentence to the one before */
        return (double)(s->span.end - s->span.start) + (chosen > 0 ? 1 : 0);
    default:
        return 1;
    }
}

/* A sentence with what ranking and ordering compare, so that qsort needs no context. */
typedef struct keyed {
    size_t sentence;
    double score;
    uint32_t article, position;
    int64_t date;
    lede_span span;
} keyed;

static int by_score(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    if (a->score != b->score)
        return a->score < b->score ? 1 : -1;
    if (a->position != b->position)
        return a->position < b->position ? -1 : 1;
    return a->article < b->article ? -1 : a->article > b->article;
}

/* Unknown dates (INT64_MIN) first, then oldest; then article; then position. */
static int by_reading_order(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    if (a->article != b->article)
        return a->article < b->article ? -1 : 1;
    return a->position < b->position ? -1 : a->position > b->position;
}

static keyed key_of(const lede_sset *set, const lede_summary_input *inputs, size_t i)
{
    const lede_ssent *s = &set->s[i];
    keyed k = { i, s->score, s->article, s->position, inputs[s->article].date, s->span };
    return k;
}

static int is_chosen(const unsigned char *chosen, const lede_sset *set, size_t i, uint32_t article,
                     int64_t position)
{
    /* Sentences of one article are consecutive in the set, in order. */
    int64_t k = (int64_t)i + (position - (int64_t)set->s[i].position);
    if (position < 0 || k < 0 || (size_t)k >= set->n || set->s[k].article != article)
        return 0;
    return chosen[k];
}

/* Would sentence i lean on a neighbour that is not chosen? */
static int leans(const lede_sset *set, const unsigned char *chosen, size_t i)
{
    const lede_ssent *s = &set->s[i];
    if ((s->dangling || s->in_quote) && s->position > 0 &&
        !is_chosen(chosen, set, i, s->article, (int64_t)s->position - 1))
        return 1;
    return s->opens_quote && !is_chosen(chosen, set, i, s->article, (int64_t)s->position + 1);
}

static int redundant(const lede_sset *set, const unsigned char *chosen, size_t i)
{
    double bar = set->narticles > 1 ? REDUNDANT_ACROSS_ARTICLES : REDUNDANT;
    for (size_t k = 0; k < set->n; k++)
        if (chosen[k] && lede_sset_cosine(set, i, k) > bar)
            return 1;
    return 0;
}

/* Takes the best candidates that fit; with `strict`, not those that lean on a neighbour. */
static size_t fill(const lede_sset *set, const keyed *order, unsigned char *chosen, budget *b,
                   size_t taken, int strict)
{
    for (size_t r = 0; r < set->n && b->used < b->capacity; r++) {
        size_t i = order[r].sentence;
        const lede_ssent *s = &set->s[i];
        if (chosen[i] || s->duplicate || redundant(set, chosen, i) || (strict && leans(set, chosen, i)))
            continue;
        double c = cost(b, s, taken);
        if (b->used + c > b->capacity)
            continue;
        chosen[i] = 1;
        b->used += c;
        taken++;
    }
    return taken;
}

/* The longest prefix of sentence i, at a token boundary outside any quotation, within `room`
 * words or bytes. Returns 0 when not even one token fits. */
static int cut_span(const lede_sset *set, const lede_summary_input *inputs, size_t i,
                    const budget *b, double room, lede_span *out)
{
    const lede_ssent *s = &set->s[i];
    size_t ns, nt;
    const lede_sentence *sents = lede_article_sentences(inputs[s->article].article, &ns);
    const lede_token *toks = lede_article_tokens(inputs[s->article].article, &nt);
    const lede_sentence *sent = &sents[s->sentence];
    int depth = 0, found = 0;
    double words = 0;
    for (uint32_t k = 0; k < sent->token_count; k++) {
        const lede_token *t = &toks[sent->first_token + k];
        if (t->kind == LEDE_TOKEN_QUOTE)
            depth += (t->flags & LEDE_TOKEN_OPEN) ? 1 : (depth > 0 ? -1 : 0);
        words += k == 0 || t->span.start > toks[sent->first_token + k - 1].span.end;
        double used = b->unit == LEDE_BUDGET_WORDS ? words : (double)(t->span.end - s->span.start);
        if (used > room)
            break;
        if (depth == 0) {
            out->start = s->span.start;
            out->end = t->span.end;
            found = 1;
        }
    }
    return found;
}

lede_status lede_select(const lede_sset *set, const lede_summary_input *inputs,
                        const lede_summary_options *options, lede_choice **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    budget b = { options->unit, options->amount, 0 };
    if (options->unit == LEDE_BUDGET_RATIO) {
        b.unit = LEDE_BUDGET_SENTENCES;
        b.capacity = options->amount > 0 ? fmax(1.0, floor(options->amount * (double)set->n + 0.5)) : 0;
    }
    keyed *order = malloc((set->n ? set->n : 1) * sizeof *order);
    unsigned char *chosen = calloc(set->n ? set->n : 1, 1);
    keyed *picked = malloc((set->n + 1) * sizeof *picked);
    lede_choice *choices = malloc((set->n + 1) * sizeof *choices);
    if (!order || !chosen || !picked || !choices) {
        free(order);
        free(chosen);
        free(picked);
        free(choices);
        return LEDE_ERR_NOMEM;
    }
    for (size_t i = 0; i < set->n; i++)
        order[i] = key_of(set, inputs, i);
    qsort(order, set->n, sizeof *order, by_score);
    size_t taken = fill(set, order, chosen, &b, 0, 1);
    taken = fill(set, order, chosen, &b, taken, 0);
    size_t n = 0;
    for (size_t i = 0; i < set->n; i++)
        if (chosen[i])
            picked[n++] = key_of(set, inputs, i);
    /* A word or byte budget left with room: the best sentence that did not fit, cut to size. */
    if (options->cut && (b.unit == LEDE_BUDGET_WORDS || b.unit == LEDE_BUDGET_BYTES)) {
        double room = b.capacity - b.used - (b.unit == LEDE_BUDGET_BYTES && n > 0 ? 1 : 0);
        for (size_t r = 0; r < set->n && room >= 1; r++) {
            size_t i = order[r].sentence;
            if (chosen[i] || set->s[i].duplicate || redundant(set, chosen, i))
                continue;
            lede_span part;
            if (cut_span(set, inputs, i, &b, room, &part)) {
                picked[n] = key_of(set, inputs, i);
                picked[n++].span = part;
            }
            break;
        }
    }
    qsort(picked, n, sizeof *picked, by_reading_order);
    for (size_t k = 0; k < n; k++) {
        choices[k].sentence = picked[k].sentence;
        choices[k].span = picked[k].span;
    }
    free(order);
    free(chosen);
    free(picked);
    *out = choices;
    *count = n;
    return LEDE_OK;
}
