/*
 * keyphrase_candidates — which runs of words can be keyphrases, and where each one occurs.
 *
 * A run is a stretch of consecutive content words inside one sentence (the dateline left out):
 * a stopword, punctuation, a reporting verb ("said"), one of the commonest verbs ("made"), a day
 * or month name ("Monday") or a company suffix ("Inc.") ends it, and so does a possessive "'s"
 * ("Aldmark's | general election"). Within a run, a change between capitalised and lower-case
 * words ends one phrase and starts the next, so that a name stays whole and apart from the
 * common nouns beside it ("NATO | defence ministers", "Storm Odile | damage"). The sub-phrases
 * of 1 to 4 words of such a phrase are the candidates (of a name, those that end with its last
 * word), counted where they occur, unless they start or end with a number or a quantity word
 * ("40 million"); the selection (keyphrase.c) drops the parts that a chosen whole accounts for.
 *
 * Candidates are keyed by their stems, so "storm" and "Storms" are one candidate; the form as
 * written is kept per occurrence, for display and positions.
 */
#include <string.h>

#include "summarize/keyphrase.h"
#include "text/abbrev.h"
#include "text/utf8.h"
#include "text/wordlist.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* What a token may be in a phrase. */
typedef enum role {
    ROLE_BREAK = 0, /* ends the run */
    ROLE_WORD,      /* starts or ends a phrase */
    ROLE_INNER,     /* only inside one: numbers, quantities, initials ("Margaret A. Holloway") */
    ROLE_HEAD       /* starts one, never ends it: a title before a name ("Dr.", "Gen.") */
} role;

typedef enum letter_case {
    CASE_NEUTRAL = 0, /* numbers and quantities join either side */
    CASE_LOWER,
    CASE_UPPER,
    CASE_UNKNOWN      /* capitalised first word of a sentence or quotation: may be either */
} letter_case;

typedef struct token_info {
    uint8_t role;
    uint8_t letter_case;
    uint8_t ends_run; /* a possessive "'s": what follows is what it owns, not the same name */
} token_info;

/* Words that end a run though they are no stopwords: reporting verbs, which glue a speaker to
 * what was said ("Holloway said Thursday"); the commonest general verbs, which glue a subject to
 * its object ("Prosecutors showed jurors"); day and month names, which date an event but are
 * not its subject; company legal forms written without a period ("ACME INC"); and adverbs and
 * prepositions that the stopword list leaves to the other uses of the analysis. Sorted, lower
 * case. */
static const char *const breaks[] = {
    "according", "added", "adding", "adds", "ago", "agree", "agreed", "agrees", "almost",
    "already", "also", "although", "amid", "among", "amongst", "announce", "announced",
    "announces", "another", "april", "argue", "argued", "argues", "around", "ask", "asked",
    "asking", "asks", "august", "away", "became", "become", "becomes", "began", "begin", "begins",
    "behind", "believe", "believed", "beyond", "bring", "brought", "call", "called", "calls",
    "came", "co", "come", "comes", "coming", "continue", "continued", "continues", "corp",
    "december", "despite", "either", "else", "even", "ever", "every", "expect", "expected",
    "expects", "february", "feel", "felt", "find", "finds", "found", "friday", "gave", "get",
    "gets", "getting", "give", "given", "gives", "go", "goes", "going", "gone", "got", "however",
    "inc", "including", "insist", "insisted", "january", "july", "june", "just", "keep", "keeps",
    "kept", "knew", "know", "known", "knows", "let", "like", "llc", "look", "looked", "looking",
    "ltd", "made", "make", "makes", "making", "many", "march", "may", "mean", "means", "meant",
    "might", "monday", "much", "must", "nearly", "need", "needed", "needs", "neither", "november",
    "october", "often", "onto", "per", "perhaps", "plc", "put", "puts", "rather", "roughly",
    "said", "saturday", "saw", "say", "saying", "says", "see", "seem", "seemed", "seems", "seen",
    "september", "shall", "showed", "shown", "since", "still", "sunday", "take", "taken", "takes",
    "taking", "tell", "telling", "tells", "think", "though", "thought", "thursday", "thus",
    "today", "told", "tomorrow", "tonight", "took", "toward", "towards", "tried", "try", "tuesday",
    "unless", "upon", "urge", "urged", "urges", "via", "want", "wanted", "wants", "warn", "warned",
    "warns", "wednesday", "went", "whereas", "whether", "whose", "within", "without", "yesterday",
    "yet",
};

/* Words that count or measure, like numbers: inside a phrase only ("two seats" is about seats,
 * "40 million" about nothing), with the abbreviations of wire copy's tables ("MLN DLRS", "QTR").
 * Sorted, lower case. */
static const char *const quantities[] = {
    "billion", "billions", "bln", "bn", "cent", "cts", "day", "days", "dlr", "dlrs", "dozen",
    "dozens", "eight", "eighteen", "eighty", "eleven", "fifteen", "fifth", "fifty", "first",
    "five", "forty", "four", "fourteen", "fourth", "half", "hour", "hours", "hundred", "hundreds",
    "last", "million", "millions", "minute", "minutes", "mln", "month", "months", "mths", "next",
    "nine", "nineteen", "ninety", "one", "pct", "percent", "qtr", "second", "seven", "seventeen",
    "seventy", "six", "sixteen", "sixty", "ten", "third", "thirteen", "thirty", "thousand",
    "thousands", "three", "trillion", "trillions", "twelve", "twenty", "two", "week", "weeks",
    "year", "years", "zero",
};

/* Titles written without a period (British style: "Mr Pettifer"). Sorted, lower case. */
static const char *const bare_titles[] = { "dr", "mr", "mrs", "ms" };

/* Lower-case particles inside names ("Pieter van Aalst", "Costa da Morte"), when a capitalised
 * word follows. Sorted. */
static const char *const particles[] = {
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "ibn", "la", "le",
    "van", "von",
};

static int in_list(const char *const *list, size_t n, const lede_token *t)
{
    return lede_wordlist_find(list, n, t->lower, t->lower_len) >= 0;
}

/* The role of an abbreviation ("Dr.", "Inc.", "U.S.", "p.m."), from the word before its period
 * as written. */
static role abbreviation_role(const char *text, lede_span span)
{
    size_t len = span.end - span.start;
    if (len > 0 && text[span.end - 1] == '.')
        len--;
    const char *word = text + span.start;
    switch (lede_abbrev_classify(word, len)) {
    case LEDE_ABBREV_TITLE:
        return ROLE_HEAD;
    case LEDE_ABBREV_MONTH:
    case LEDE_ABBREV_GENERAL: /* "Inc.", "Jr.", "Calif.": "Parallax Payments" is the name */
        return ROLE_BREAK;
    case LEDE_ABBREV_NUMERIC:
        return ROLE_INNER;
    case LEDE_ABBREV_NONE:
        break;
    }
    if (len == 1)
        return ROLE_INNER; /* an initial */
    if (len > 0 && word[0] >= 'a' && word[0] <= 'z')
        return ROLE_BREAK; /* "p.m.", "e.g.": times and Latin, never a subject */
    return ROLE_WORD;      /* "U.S.", "E.U." */
}

/* Does the word start with a capital letter? */
static int capitalised(const char *text, const lede_token *t)
{
    size_t width;
    int invalid;
    uint32_t cp = lede_utf8_decode((const unsigned char *)text, t->span.end, t->span.start,
                                   &width, &invalid);
    return lede_charclass_of(cp) == LEDE_CC_UPPER;
}

/* The role of token t; `next` is the token after it in its sentence, or NULL. */
static role token_role(const char *text, const lede_token *t, const lede_token *next)
{
    if (t->kind == LEDE_TOKEN_NUMBER)
        return ROLE_INNER;
    if (t->kind != LEDE_TOKEN_WORD || (t->flags & (LEDE_TOKEN_STOPWORD | LEDE_TOKEN_INVALID_UTF8)))
        return ROLE_BREAK;
    if (t->flags & LEDE_TOKEN_ABBREV)
        return abbreviation_role(text, t->span);
    if (in_list(breaks, COUNT(breaks), t))
        return ROLE_BREAK;
    if (in_list(quantities, COUNT(quantities), t) || t->lower_len == 1)
        return ROLE_INNER; /* a lone letter is no subject either */
    if (in_list(bare_titles, COUNT(bare_titles), t))
        return ROLE_HEAD;
    if (next && next->kind == LEDE_TOKEN_WORD && capitalised(text, next) &&
        in_list(particles, COUNT(particles), t))
        return ROLE_INNER;
    return ROLE_WORD;
}

/* The case of a word from its letters as written; `initial` when nothing before it in its
 * sentence or quotation tells a name from a capitalised common word. */
static letter_case token_case(const char *text, const lede_token *t, role r, int initial)
{
    if (r == ROLE_INNER)
        return CASE_NEUTRAL;
    const unsigned char *u = (const unsigned char *)text;
    size_t i = t->span.start, width;
    int invalid, letters = 0, upper = 0;
    while (i < t->span.end) {
        uint32_t cp = lede_utf8_decode(u, t->span.end, i, &width, &invalid);
        lede_charclass cc = lede_charclass_of(cp);
        if (letters == 0 && cc == LEDE_CC_DIGIT)
            return CASE_NEUTRAL; /* "3D", "5G" */
        if (lede_cc_is_letter(cc)) {
            if (letters == 0 && cc == LEDE_CC_LOWER)
                return CASE_LOWER;
            letters++;
            upper += cc == LEDE_CC_UPPER;
        }
        i += width;
    }
    if (letters == 0)
        return CASE_NEUTRAL;
    /* An acronym is a name wherever it stands ("NATO defence ministers"). */
    return initial && (letters < 2 || upper < letters) ? CASE_UNKNOWN : CASE_UPPER;
}

/* Is the token a possessive with "'s", which ends the name it belongs to? A bare apostrophe
 * ("Farmers' League") is left inside: plural possessives are common within names. */
static int possessive_s(const char *text, const lede_token *t)
{
    if (!(t->flags & LEDE_TOKEN_POSSESSIVE) || t->span.end - t->span.start < 2)
        return 0;
    char last = text[t->span.end - 1];
    return last == 's' || last == 'S';
}

/* The end of the span without a possessive ending ("Odile's" → "Odile"). */
static uint32_t without_possessive(const char *text, const lede_token *t)
{
    uint32_t start = t->span.start, end = t->span.end;
    if (!(t->flags & LEDE_TOKEN_POSSESSIVE))
        return end;
    if (end - start > 1 && (text[end - 1] == 's' || text[end - 1] == 'S'))
        end--;
    if (end - start > 1 && text[end - 1] == '\'')
        end--;
    else if (end - start > 3 && memcmp(text + end - 3, "\xE2\x80\x99", 3) == 0) /* ’ */
        end -= 3;
    else if (end != t->span.end)
        end++; /* no apostrophe before the "s": it was part of the word */
    return end;
}

/* ---- Collection ------------------------------------------------------------------------------ */

void kp_collection_init(kp_collection *c)
{
    lede_strmap_init(&c->keys);
    lede_strmap_init(&c->surfaces);
    lede_vec_init(&c->candidates, sizeof(kp_candidate));
    lede_vec_init(&c->occurrences, sizeof(kp_occurrence));
    lede_vec_init(&c->order, sizeof(uint32_t));
    lede_vec_init(&c->token_base, sizeof(size_t));
    lede_vec_init(&c->scratch, 1);
    c->tokens = 0;
}

void kp_collection_free(kp_collection *c)
{
    lede_strmap_free(&c->keys);
    lede_strmap_free(&c->surfaces);
    lede_vec_free(&c->candidates);
    lede_vec_free(&c->occurrences);
    lede_vec_free(&c->order);
    lede_vec_free(&c->token_base);
    lede_vec_free(&c->scratch);
}

/* One article's tokens with what the collector needs to know of each. */
typedef struct source {
    const lede_token *tokens;
    const token_info *info;
    const char *text;
    uint32_t article;
} source;

/* Finds or adds the candidate with this key; a new one gets `words` and no members yet. */
static lede_status intern_candidate(kp_collection *c, const char *key, size_t len, uint32_t words,
                                    uint32_t *number)
{
    int added;
    lede_status st = lede_strmap_intern(&c->keys, key, len, number, &added);
    if (st != LEDE_OK || !added)
        return st;
    kp_candidate *k = lede_vec_push(&c->candidates);
    if (!k)
        return LEDE_ERR_NOMEM;
    k->words = words;
    for (size_t i = 0; i < KP_MAX_WORDS; i++)
        k->member[i] = KP_NONE;
    return LEDE_OK;
}

/* The candidate of `words` tokens from token `first`: its stems joined by spaces. */
static lede_status phrase_candidate(kp_collection *c, const source *s, size_t first,
                                    uint32_t words, uint32_t *number)
{
    c->scratch.len = 0;
    lede_status st = LEDE_OK;
    for (uint32_t i = 0; st == LEDE_OK && i < words; i++) {
        const lede_token *t = &s->tokens[first + i];
        if (i > 0)
            st = lede_vec_append(&c->scratch, " ", 1);
        if (st == LEDE_OK)
            st = lede_vec_append(&c->scratch, t->stem, t->stem_len);
    }
    if (st != LEDE_OK)
        return st;
    size_t before = c->candidates.len;
    st = intern_candidate(c, c->scratch.data, c->scratch.len, words, number);
    if (st != LEDE_OK || c->candidates.len == before)
        return st;
    /* A new phrase learns which one-word candidates its words are, for their frequencies. */
    uint32_t member[KP_MAX_WORDS];
    for (uint32_t i = 0; i < words; i++) {
        const lede_token *t = &s->tokens[first + i];
        member[i] = KP_NONE;
        if (s->info[first + i].role == ROLE_WORD) /* interned by add_run */
            member[i] = (uint32_t)lede_strmap_find(&c->keys, t->stem, t->stem_len);
    }
    kp_candidate *k = &LEDE_VEC_AT(&c->candidates, kp_candidate, *number);
    memcpy(k->member, member, words * sizeof *member);
    return LEDE_OK;
}

/* The bytes [start, end) of the text with every run of white space made one space. */
static lede_status folded_surface(kp_collection *c, const char *text, uint32_t start,
                                  uint32_t end, uint32_t *number)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    const unsigned char *u = (const unsigned char *)text;
    c->scratch.len = 0;
    lede_status st = LEDE_OK;
    int blank = 0;
    for (size_t i = start, width; st == LEDE_OK && i < end; i += width) {
        int invalid;
        uint32_t cp = lede_utf8_decode(u, end, i, &width, &invalid);
        if (lede_cc_is_blank(lede_charclass_of(cp))) {
            blank = 1;
            continue;
        }
        if (blank)
            st = lede_vec_append(&c->scratch, " ", 1);
        blank = 0;
        if (st == LEDE_OK)
            st = invalid ? lede_vec_append(&c->scratch, replacement, 3)
                         : lede_vec_append(&c->scratch, text + i, width);
    }
    int added;
    return st != LEDE_OK ? st
                         : lede_strmap_intern(&c->surfaces, c->scratch.data, c->scratch.len,
                                              number, &added);
}

static lede_status add_occurrence(kp_collection *c, const source *s, size_t first, uint32_t words,
                                  int name)
{
    const lede_token *tokens = s->tokens;
    uint32_t candidate, surface;
    const lede_token *last = &tokens[first + words - 1];
    lede_span span = { tokens[first].span.start, without_possessive(s->text, last) };
    lede_status st = phrase_candidate(c, s, first, words, &candidate);
    if (st == LEDE_OK)
        st = folded_surface(c, s->text, span.start, span.end, &surface);
    if (st != LEDE_OK)
        return st;
    if (c->occurrences.len >= UINT32_MAX)
        return LEDE_ERR_TOO_LARGE; /* occurrences are numbered with 32 bits */
    kp_occurrence *o = lede_vec_push(&c->occurrences);
    if (!o)
        return LEDE_ERR_NOMEM;
    o->candidate = candidate;
    o->article = s->article;
    o->token = (uint32_t)first;
    o->sentence = tokens[first].sentence;
    o->surface = surface;
    o->words = (uint16_t)words;
    o->name = name != 0;
    o->initial = s->info[first].letter_case == CASE_UNKNOWN;
    o->span = span;
    return LEDE_OK;
}

static int may_start(const token_info *t) { return t->role == ROLE_WORD || t->role == ROLE_HEAD; }
static int may_end(const token_info *t) { return t->role == ROLE_WORD; }

/*
 * The sub-phrases of the phrase [first, end) that may start and end where they do. Of a name,
 * only those that end with its last word: a name puts its head last, and what comes before
 * qualifies it ("Trade Commissioner Pieter van Aalst" is neither "Trade" nor "Trade
 * Commissioner Pieter"; "E.U. Solidarity Fund" is not "E.U."). Common words get every
 * sub-phrase: without parts of speech, a run of them may hold a verb ("defence ministers
 * agreed") and its head is not known.
 */
static lede_status add_phrase(kp_collection *c, const source *s, size_t first, size_t end,
                              int name)
{
    size_t head = end;
    while (name && head > first && !may_end(&s->info[head - 1]))
        head--;
    for (size_t i = first; i < end; i++) {
        if (!may_start(&s->info[i]))
            continue;
        for (uint32_t w = 1; w <= KP_MAX_WORDS && i + w <= end; w++) {
            if (!may_end(&s->info[i + w - 1]) || (name && i + w != head))
                continue;
            lede_status st = add_occurrence(c, s, i, w, name);
            if (st != LEDE_OK)
                return st;
        }
    }
    return LEDE_OK;
}

/* The case a word of the run [.., end) counts as: an unknown one takes that of the next word
 * that shows one ("Storm Odile" is a name, "Insured losses" is not), a name when none does. */
static letter_case resolved_case(const token_info *info, size_t i, size_t end)
{
    if (info[i].letter_case != CASE_UNKNOWN)
        return info[i].letter_case;
    for (size_t j = i + 1; j < end; j++)
        if (info[j].letter_case == CASE_LOWER || info[j].letter_case == CASE_UPPER)
            return info[j].letter_case;
    return CASE_UPPER;
}

/* Cuts the run [first, end) into phrases where the case changes (with `split_case`), and adds
 * the candidates of each. */
static lede_status add_run(kp_collection *c, const source *s, size_t first, size_t end,
                           int split_case)
{
    /* Every word of the run counts for its word's frequency, whether or not a candidate holds
     * it there: "Civic" in "Civic Alliance" is a word of the text though no candidate alone. */
    for (size_t i = first; i < end; i++) {
        if (s->info[i].role != ROLE_WORD)
            continue;
        const lede_token *t = &s->tokens[i];
        uint32_t word;
        lede_status st = intern_candidate(c, t->stem, t->stem_len, 1, &word);
        if (st != LEDE_OK)
            return st;
        kp_candidate *k = &LEDE_VEC_AT(&c->candidates, kp_candidate, word);
        k->member[0] = word;
        k->word_frequency += kp_position_weight(t->sentence);
    }
    size_t start = first;
    letter_case current = CASE_NEUTRAL;
    for (size_t i = first; split_case && i < end; i++) {
        letter_case lc = resolved_case(s->info, i, end);
        if (lc == CASE_NEUTRAL)
            continue;
        if (current != CASE_NEUTRAL && lc != current) {
            lede_status st = add_phrase(c, s, start, i, current == CASE_UPPER);
            if (st != LEDE_OK)
                return st;
            start = i;
        }
        current = lc;
    }
    return add_phrase(c, s, start, end, current == CASE_UPPER);
}

/* Fills `info` (token_info per token) for the tokens of an article; tokens before `skip_to`
 * (the dateline) are breaks. */
static lede_status describe_tokens(const lede_article *a, const char *text, size_t len,
                                   uint32_t skip_to, lede_vec *info)
{
    size_t nt, ns;
    const lede_token *t = lede_article_tokens(a, &nt);
    const lede_sentence *s = lede_article_sentences(a, &ns);
    for (size_t i = 0; i < nt; i++)
        if (t[i].span.end > len || t[i].span.start >= t[i].span.end)
            return LEDE_ERR_INVALID; /* not the text the article was analysed from */
    lede_status st = lede_vec_reserve(info, nt);
    if (st != LEDE_OK)
        return st;
    info->len = nt;
    token_info *ti = info->data;
    if (nt > 0) /* an empty article has no array to clear */
        memset(ti, 0, nt * sizeof *ti);
    for (size_t k = 0; k < ns; k++) {
        size_t end = (size_t)s[k].first_token + s[k].token_count;
        if (end > nt)
            return LEDE_ERR_INVALID;
        int initial = 1;
        for (size_t i = s[k].first_token; i < end; i++) {
            if (t[i].span.start < skip_to)
                continue;
            role r = token_role(text, &t[i], i + 1 < end ? &t[i + 1] : NULL);
            ti[i].role = (uint8_t)r;
            if (r != ROLE_BREAK) {
                ti[i].letter_case = (uint8_t)token_case(text, &t[i], r, initial);
                ti[i].ends_run = (uint8_t)possessive_s(text, &t[i]);
            }
            if (t[i].kind == LEDE_TOKEN_WORD || t[i].kind == LEDE_TOKEN_NUMBER)
                initial = 0;
            if (t[i].flags & LEDE_TOKEN_OPEN)
                initial = 1; /* a quotation opens with a capital whatever the word */
        }
    }
    return LEDE_OK;
}

/* Adds the candidates of every run of every sentence. */
static lede_status add_runs(kp_collection *c, const lede_article *a, const source *s,
                            int split_case)
{
    size_t ns;
    const lede_sentence *sent = lede_article_sentences(a, &ns);
    for (size_t k = 0; k < ns; k++) {
        size_t end = (size_t)sent[k].first_token + sent[k].token_count, run = SIZE_MAX;
        for (size_t i = sent[k].first_token; i <= end; i++) {
            int in = i < end && s->info[i].role != ROLE_BREAK;
            if (in && run == SIZE_MAX)
                run = i;
            int last = in && s->info[i].ends_run;
            if ((!in || last) && run != SIZE_MAX) {
                lede_status st = add_run(c, s, run, last ? i + 1 : i, split_case);
                if (st != LEDE_OK)
                    return st;
                run = SIZE_MAX;
            }
        }
    }
    return LEDE_OK;
}

lede_status kp_collect_article(kp_collection *c, const lede_article *a, const char *text,
                               size_t len)
{
    if (c->token_base.len >= UINT32_MAX)
        return LEDE_ERR_TOO_LARGE; /* articles are numbered with 32 bits */
    size_t nt;
    const lede_token *tokens = lede_article_tokens(a, &nt);
    lede_span dateline = { 0, 0 };
    lede_article_dateline(a, &dateline);
    source s = { tokens, NULL, text, (uint32_t)c->token_base.len };
    lede_vec info;
    lede_vec_init(&info, sizeof(token_info));
    lede_status st = lede_vec_append(&c->token_base, &c->tokens, 1);
    if (st == LEDE_OK)
        /* The dateline names a place and an outlet: where the story was filed, not what it is
         * about, and the same in every article from that outlet. */
        st = describe_tokens(a, text, len, dateline.end, &info);
    s.info = info.data;
    if (st == LEDE_OK)
        st = add_runs(c, a, &s, 1);
    lede_vec_free(&info);
    c->tokens += nt;
    return st;
}

lede_status kp_collect_title(kp_collection *c, lede_analyzer *analyzer, uint32_t index,
                             const char *title, size_t len)
{
    lede_article *a = NULL;
    lede_status st = lede_article_analyze(analyzer, title, len, &a);
    if (st != LEDE_OK)
        return st;
    size_t nt;
    const lede_token *tokens = lede_article_tokens(a, &nt);
    lede_vec info;
    lede_vec_init(&info, sizeof(token_info));
    st = describe_tokens(a, title, len, 0, &info);
    /* The title's phrases go to a collection of their own, whose keys are then looked up. */
    kp_collection t;
    kp_collection_init(&t);
    source s = { tokens, info.data, title, 0 };
    if (st == LEDE_OK)
        st = add_runs(&t, a, &s, 0);
    for (size_t i = 0; st == LEDE_OK && i < lede_strmap_count(&t.keys); i++) {
        uint32_t klen;
        const char *key = lede_strmap_key_bytes(&t.keys, (uint32_t)i, &klen);
        int64_t found = lede_strmap_find(&c->keys, key, klen);
        if (found < 0)
            continue;
        kp_candidate *k = &LEDE_VEC_AT(&c->candidates, kp_candidate, (size_t)found);
        if (k->title_mark != index + 1) {
            k->title_mark = index + 1;
            k->titles++;
        }
    }
    kp_collection_free(&t);
    lede_vec_free(&info);
    lede_article_free(a);
    return st;
}

lede_status kp_group(kp_collection *c)
{
    size_t nc = c->candidates.len, no = c->occurrences.len;
    kp_candidate *k = c->candidates.data;
    const kp_occurrence *o = c->occurrences.data;
    lede_status st = lede_vec_reserve(&c->order, no);
    if (st != LEDE_OK)
        return st;
    c->order.len = no;
    for (size_t i = 0; i < nc; i++)
        k[i].count = 0;
    for (size_t i = 0; i < no; i++)
        k[o[i].candidate].count++;
    uint32_t next = 0;
    for (size_t i = 0; i < nc; i++) {
        k[i].first = next;
        next += k[i].count;
    }
    /* A counting sort: each candidate's occurrences stay in text order. */
    uint32_t *order = c->order.data;
    for (size_t i = 0; i < nc; i++)
        k[i].count = 0;
    for (size_t i = 0; i < no; i++) {
        kp_candidate *ki = &k[o[i].candidate];
        order[ki->first + ki->count++] = (uint32_t)i;
    }
    return LEDE_OK;
}
