/* attribution — cue words and speaker mentions, read off the tokens around a cue. */
#include "extract/attribution.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Reporting verbs, sorted (lede_wordlist_find bisects). */
static const char *const cue_verbs[] = {
    "acknowledged", "added", "adds", "admits", "admitted", "announced", "argued", "argues", "asked",
    "asks", "asserted", "boasted", "cautioned", "chanted", "claimed", "claims", "commented",
    "complained", "conceded", "concluded", "confirmed", "continued", "countered", "declared",
    "demanded", "explained", "explains", "insisted", "insists", "joked", "mused", "noted", "notes",
    "observed", "posted", "predicted", "promised", "read", "reads", "recalled", "remarked",
    "replied", "reported", "responded", "said", "sang", "say", "says", "shouted", "sings", "stated",
    "stressed", "suggested", "tells", "testified", "told", "tweeted", "urged", "vowed", "warned",
    "warns", "wondered", "writes", "wrote", "yelled", "yells",
};

static const char *const pronouns[] = { "he", "i", "it", "she", "they", "we" };

/* Words between a subject and its verb: "Smith also said", "she had told". */
static const char *const skippable[] = {
    "again", "also", "earlier", "further", "had", "has", "have", "later", "previously",
    "reportedly", "then", "was", "would",
};

/* Words that open a description: "the alliance's chief", "a spokeswoman". */
static const char *const determiners[] = {
    "a", "an", "another", "her", "his", "its", "my", "one", "our", "the", "their", "this",
};

/* Words that end a description read forwards ("said the minister on Tuesday"). */
static const char *const clause_words[] = {
    "after", "as", "at", "before", "during", "in", "on", "that", "to", "when", "where", "which",
    "while", "who", "with",
};

/* Capitalised words after a cue that say when, not who: "said Tuesday". */
static const char *const time_words[] = {
    "april", "aug.", "august", "dec.", "december", "feb.", "february", "friday", "jan.",
    "january", "july", "june", "march", "may", "monday", "nov.", "november", "oct.", "october",
    "saturday", "sept.", "september", "sunday", "thursday", "tuesday", "wednesday",
};

/* Words that join clauses: a description read backwards stops short of them. */
static const char *const conjunctions[] = { "and", "but", "or", "then" };

/* Words in a capitalised run that make it an organisation or place rather than a person. */
static const char *const not_person[] = {
    "agency", "association", "bank", "commission", "committee", "company", "corp.", "council",
    "court", "department", "federal", "firm", "government", "group", "house", "inc.", "letter",
    "ministry", "national", "nato", "news", "office", "organization", "party", "police", "post",
    "press", "report", "reuters", "ruling", "service", "statement", "states", "study", "survey",
    "times", "union", "united", "university",
};

size_t lede_cue_at(const lede_textview *v, size_t i)
{
    if (lede_tv_is(v, i, "according") && lede_tv_is(v, i + 1, "to"))
        return 2;
    if (!lede_tv_in(v, i, cue_verbs, COUNT(cue_verbs)))
        return 0;
    /* "told reporters", "told the BBC": the audience belongs to the cue (not "told a news
     * conference", whose noun phrase has no end we can see). */
    if (!lede_tv_is(v, i, "told") || i + 1 >= v->ntok || v->tok[i + 1].kind != LEDE_TOKEN_WORD ||
        lede_tv_is(v, i + 1, "that"))
        return 1;
    if (lede_tv_is(v, i + 1, "the"))
        return lede_tv_capitalised(v, i + 2) ? 3 : 1;
    return lede_tv_in(v, i + 1, determiners, COUNT(determiners)) ? 1 : 2;
}

static int is_title(const lede_textview *v, size_t i)
{
    return (v->tok[i].flags & LEDE_TOKEN_ABBREV) && lede_tv_capitalised(v, i);
}

size_t lede_person_start(const lede_textview *v, size_t start, size_t last)
{
    while (start < last && !lede_looks_like_person(v, start, last + 1))
        start++;
    return start;
}

size_t lede_name_start(const lede_textview *v, size_t lo, size_t last)
{
    size_t s = last;
    while (s > lo && (lede_tv_capitalised(v, s - 1) || is_title(v, s - 1)) &&
           !(v->tok[s - 1].flags & LEDE_TOKEN_POSSESSIVE))
        s--;
    return s;
}

int lede_names_thing(const lede_textview *v, size_t i)
{
    return lede_tv_in(v, i, not_person, COUNT(not_person));
}

int lede_looks_like_person(const lede_textview *v, size_t i, size_t end)
{
    /* One word alone is no name with a title: a capitalised abbreviation by itself is "U.S.",
     * not "Gen." before a name */
    if (end < i + 2)
        return 0;
    for (size_t k = i; k < end; k++) {
        if (!lede_tv_capitalised(v, k) || lede_tv_in(v, k, not_person, COUNT(not_person)) ||
            (v->tok[k].flags & LEDE_TOKEN_STOPWORD))
            return 0;
    }
    return 1;
}

/* Words [i, last] with no function word: "analysts", "state officials", not "which prosecutors". */
static int bare_noun_phrase(const lede_textview *v, size_t i, size_t last)
{
    for (size_t k = i; k <= last; k++)
        if (v->tok[k].flags & LEDE_TOKEN_STOPWORD)
            return 0;
    return i <= last;
}

/* The description that ends at token `last`: back to its determiner, at most six words, or a
 * bare noun phrase of up to three words after a comma or at the start ("…, analysts said"). */
static int description_before(const lede_textview *v, size_t lo, size_t last, size_t *start)
{
    size_t k = last + 1, steps = 0;
    for (; k > lo && steps < 6; k--, steps++) {
        size_t j = k - 1;
        if (v->tok[j].kind != LEDE_TOKEN_WORD) {
            *start = j + 1;
            return steps <= 3 && bare_noun_phrase(v, j + 1, last) &&
                   (v->tok[j].kind == LEDE_TOKEN_PUNCT || v->tok[j].kind == LEDE_TOKEN_QUOTE);
        }
        if (lede_tv_in(v, j, conjunctions, COUNT(conjunctions)))
            return 0;
        if (lede_tv_in(v, j, determiners, COUNT(determiners))) {
            *start = j;
            return j < last;
        }
        /* "Obama's former campaign strategist": a possessive name determines the noun. */
        if (j < last && (v->tok[j].flags & LEDE_TOKEN_POSSESSIVE) && lede_tv_capitalised(v, j)) {
            *start = lede_name_start(v, lo, j);
            return 1;
        }
    }
    *start = k;
    return k == lo && steps <= 3 && bare_noun_phrase(v, k, last);
}

static int closes_bracket(const lede_textview *v, size_t i)
{
    return v->tok[i].kind == LEDE_TOKEN_PUNCT && v->text[v->tok[i].span.start] == ')';
}

/* The token before an aside that ends at `j` (exclusive): "Smith, 45, said", "Chaffetz (R-Utah)
 * said", "McConnell, R-Ky., said". Returns j itself when no aside ends there. */
static size_t skip_aside(const lede_textview *v, size_t lo, size_t j)
{
    if (j <= lo || v->tok[j - 1].kind != LEDE_TOKEN_PUNCT)
        return j;
    const char close = v->text[v->tok[j - 1].span.start];
    const char open = close == ')' ? '(' : close == ',' ? ',' : 0;
    if (!open || v->tok[j - 1].span.end - v->tok[j - 1].span.start != 1)
        return j;
    for (size_t k = j - 1, steps = 0; k > lo && steps < 14; k--, steps++) {
        const lede_token *t = &v->tok[k - 1];
        if (t->kind == LEDE_TOKEN_QUOTE)
            return j;
        if (t->kind == LEDE_TOKEN_PUNCT && t->span.end - t->span.start == 1 &&
            v->text[t->span.start] == open)
            return k - 1 > lo && (lede_tv_capitalised(v, k - 2) || closes_bracket(v, k - 2)) ? k - 1
                                                                                        : j;
    }
    return j;
}

static void speaker_before(const lede_textview *v, size_t lo, size_t cue, lede_attribution *a)
{
    size_t j = cue;
    while (j > lo && lede_tv_in(v, j - 1, skippable, COUNT(skippable)))
        j--;
    /* Asides nest: "Rep. Jim Jordan (R-Ohio), an oversight panel member, said". */
    for (int asides = 0; asides < 3; asides++) {
        size_t before = skip_aside(v, lo, j);
        if (before == j)
            break;
        j = before;
    }
    if (j == lo || v->tok[j - 1].kind != LEDE_TOKEN_WORD)
        return;
    size_t last = j - 1, start;
    if (lede_tv_in(v, last, pronouns, COUNT(pronouns))) {
        a->kind = LEDE_MENTION_PRONOUN;
        a->speaker = last;
    } else if (lede_tv_capitalised(v, last)) {
        a->kind = LEDE_MENTION_NAME;
        a->speaker = lede_name_start(v, lo, last);
    } else if (description_before(v, lo, last, &start)) {
        a->kind = LEDE_MENTION_DESCRIPTION;
        a->speaker = start;
        /* "Smith, the alliance's chief, said": the name is the mention. */
        if (start >= lo + 2 && v->tok[start - 1].kind == LEDE_TOKEN_PUNCT &&
            lede_tv_capitalised(v, start - 2)) {
            a->kind = LEDE_MENTION_NAME;
            last = start - 2;
            a->speaker = lede_name_start(v, lo, last);
        }
    } else {
        return;
    }
    a->speaker_end = last + 1;
}

static void speaker_after(const lede_textview *v, size_t from, size_t hi, lede_attribution *a)
{
    if (from >= hi || v->tok[from].kind != LEDE_TOKEN_WORD)
        return;
    if (lede_tv_in(v, from, pronouns, COUNT(pronouns))) {
        a->kind = LEDE_MENTION_PRONOUN;
        a->speaker = from;
        a->speaker_end = from + 1;
        return;
    }
    size_t k = from;
    if (lede_tv_capitalised(v, k) || is_title(v, k)) {
        while (k < hi && (lede_tv_capitalised(v, k) || is_title(v, k))) {
            k++;
            if (v->tok[k - 1].flags & LEDE_TOKEN_POSSESSIVE)
                break;
        }
        if (lede_tv_in(v, from, time_words, COUNT(time_words)))
            return;
        /* "said NATO's chief": a possessive name opens a description. */
        if (!(v->tok[k - 1].flags & LEDE_TOKEN_POSSESSIVE)) {
            a->kind = LEDE_MENTION_NAME;
            a->speaker = from;
            a->speaker_end = k;
            return;
        }
    } else if (!lede_tv_in(v, from, determiners, COUNT(determiners))) {
        /* "according to forecasters.": a bare noun phrase up to the punctuation. */
        while (k < hi && k < from + 3 && v->tok[k].kind == LEDE_TOKEN_WORD &&
               !(v->tok[k].flags & LEDE_TOKEN_STOPWORD))
            k++;
        if (k > from && (k == hi || v->tok[k].kind == LEDE_TOKEN_PUNCT)) {
            a->kind = LEDE_MENTION_DESCRIPTION;
            a->speaker = from;
            a->speaker_end = k;
        }
        return;
    }
    size_t steps = 0;
    while (k < hi && steps < 6 && v->tok[k].kind == LEDE_TOKEN_WORD &&
           !lede_tv_in(v, k, clause_words, COUNT(clause_words)) && !lede_cue_at(v, k)) {
        k++;
        steps++;
    }
    if (k > from + 1) {
        a->kind = LEDE_MENTION_DESCRIPTION;
        a->speaker = from;
        a->speaker_end = k;
    }
}

/* "” ― Carla Sanchez": a dash right after the closing mark, then the name, is the attribution
 * of reader comments and epigraphs. */
static int dash_attribution(const lede_textview *v, size_t lo, size_t hi, lede_attribution *out)
{
    if (hi - lo < 2 || v->tok[lo].kind != LEDE_TOKEN_PUNCT)
        return 0;
    const unsigned char *s = (const unsigned char *)v->text + v->tok[lo].span.start;
    size_t n = v->tok[lo].span.end - v->tok[lo].span.start;
    /* U+2013 en dash, U+2014 em dash, U+2015 horizontal bar, or "-"/"--". */
    int dash = (n == 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x93 && s[2] <= 0x95) ||
               (n <= 2 && s[0] == '-' && s[n - 1] == '-');
    if (!dash || !lede_tv_capitalised(v, lo + 1))
        return 0;
    out->cue = lo;
    out->cue_end = lo + 1;
    out->kind = LEDE_MENTION_NONE;
    speaker_after(v, lo + 1, hi, out);
    return out->kind == LEDE_MENTION_NAME;
}

int lede_attribution_find(const lede_textview *v, size_t lo, size_t hi, size_t near,
                          lede_attribution *out)
{
    if (near == lo && dash_attribution(v, lo, hi, out))
        return 1;
    for (size_t step = 0; step < hi - lo; step++) {
        size_t i = near == lo ? lo + step : hi - 1 - step;
        if (v->tok[i].kind == LEDE_TOKEN_QUOTE)
            return 0; /* another quotation's words */
        size_t n = lede_cue_at(v, i);
        if (!n)
            continue;
        out->cue = i;
        out->cue_end = i + n < hi ? i + n : hi;
        out->kind = LEDE_MENTION_NONE;
        if (n != 2 || !lede_tv_is(v, i, "according"))
            speaker_before(v, lo, i, out);
        if (out->kind == LEDE_MENTION_NONE)
            speaker_after(v, out->cue_end, hi, out);
        return 1;
    }
    return 0;
}
