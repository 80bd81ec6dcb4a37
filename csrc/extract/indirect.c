/* indirect — the reported clause sits after "that", or on the far side of the comma that sets
 * the attribution apart. */
#include "extract/indirect.h"

/* Words after a closing attribution: "…, he said in a statement on Tuesday." */
#define MAX_TAIL_WORDS 6
/* Words between the cue and "that": "told a news conference in Brussels that". */
#define MAX_THAT_DISTANCE 8

static int is_comma(const lede_textview *v, size_t i)
{
    return v->tok[i].kind == LEDE_TOKEN_PUNCT && v->tok[i].span.end - v->tok[i].span.start == 1 &&
           v->text[v->tok[i].span.start] == ',';
}

/* The sentence's tokens without its closing punctuation. */
static size_t clause_end(const lede_textview *v, size_t lo, size_t hi)
{
    while (hi > lo && v->tok[hi - 1].kind == LEDE_TOKEN_PUNCT)
        hi--;
    return hi;
}

/* The first comma in [from, hi), or hi. */
static size_t next_comma(const lede_textview *v, size_t from, size_t hi)
{
    while (from < hi && !is_comma(v, from))
        from++;
    return from;
}

int lede_indirect_find(const lede_textview *v, size_t s, lede_attribution *a, size_t *first,
                       size_t *end)
{
    size_t lo = v->sent[s].first_token, hi = lo + v->sent[s].token_count;
    for (size_t i = lo; i < hi; i++)
        if (v->tok[i].kind == LEDE_TOKEN_QUOTE && !lede_tv_single_mark(v, i))
            return 0; /* a quotation: direct or partial, not reported speech */
    if (!lede_attribution_find(v, lo, hi, lo, a) || a->kind == LEDE_MENTION_NONE)
        return 0;
    size_t stop = clause_end(v, lo, hi);
    size_t who = a->speaker < a->cue ? a->speaker : a->cue;
    /* "…, X said." / "…, according to X.": the attribution ends the sentence, bar a few words
     * ("on Tuesday"); otherwise the comma closes an opening phrase ("Testifying, X said …"). */
    if (who > lo && is_comma(v, who - 1) && stop <= a->cue_end + MAX_TAIL_WORDS) {
        *first = lo;
        *end = who - 1;
        return *end > *first + 2;
    }
    if (lede_tv_is(v, a->cue, "according") && a->cue == lo) { /* "According to X, …" */
        *first = next_comma(v, a->speaker_end, stop) + 1;
        *end = stop;
        return *first < *end;
    }
    /* "X said (on Tuesday) that …": the clause after "that", a few words on at most. */
    for (size_t k = a->cue_end; k < stop && k < a->cue_end + MAX_THAT_DISTANCE; k++) {
        if (lede_tv_is(v, k, "that")) {
            *first = k + 1;
            *end = stop;
            return *first + 2 < *end;
        }
    }
    return 0;
}
