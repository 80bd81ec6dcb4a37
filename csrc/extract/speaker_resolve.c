/* speaker_resolve — a backwards scan for the nearest person-like name. */
#include "extract/speaker_resolve.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define LOOKBACK_SENTENCES 6

/* Pronouns that stand for one person; "it", "they", "we" may be an organisation or a crowd. */
static const char *const personal[] = { "he", "i", "she" };

/* A description that reads as one person: not a plural noun ("the officials"), nor an
 * organisation or document ("the ministry", "the letter"). */
static int singular_description(const lede_textview *v, const lede_attribution *a)
{
    if (lede_names_thing(v, a->speaker_end - 1))
        return 0;
    const lede_token *last = &v->tok[a->speaker_end - 1];
    const char *w = last->lower;
    size_t n = last->lower_len;
    return !(n > 2 && w[n - 1] == 's' && w[n - 2] != 's');
}

/* A single name that was itself a speaker ("Holloway said", "said Holloway"). */
static int was_speaker(const lede_textview *v, size_t first, size_t last)
{
    if (first != last || (v->tok[first].flags & LEDE_TOKEN_STOPWORD))
        return 0;
    return lede_cue_at(v, last + 1) || (first > 0 && lede_cue_at(v, first - 1) == 1);
}

int lede_speaker_resolve(const lede_textview *v, const uint8_t *quoted, const lede_attribution *a,
                         lede_span *name)
{
    if (a->kind == LEDE_MENTION_PRONOUN) {
        if (!lede_tv_in(v, a->speaker, personal, COUNT(personal)))
            return 0;
    } else if (a->kind != LEDE_MENTION_DESCRIPTION || !singular_description(v, a)) {
        return 0;
    }
    uint32_t sentence = v->tok[a->speaker].sentence;
    uint32_t oldest = sentence > LOOKBACK_SENTENCES ? sentence - LOOKBACK_SENTENCES : 0;
    size_t lo = v->sent[oldest].first_token;
    for (size_t k = a->speaker; k > lo; k--) {
        size_t last = k - 1;
        if (quoted[last] || !lede_tv_capitalised(v, last))
            continue;
        size_t start = lede_name_start(v, lo, last);
        while (start < last && quoted[start])
            start++;
        size_t from = lede_person_start(v, start, last);
        if (lede_looks_like_person(v, from, last + 1) || was_speaker(v, from, last)) {
            start = from;
            name->start = v->tok[start].span.start;
            name->end = v->tok[last].span.end;
            return 1;
        }
        k = start + 1; /* past the whole run */
    }
    return 0;
}
