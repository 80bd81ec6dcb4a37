/* timex_tense — does the text around a date speak of the future?
 *
 * A bare weekday or a month-day without a year is resolved against the article's date, and the
 * tense of its clause decides the direction: news mostly reports what has happened ("resigned on
 * Tuesday" is the last Tuesday), but a clause with a future auxiliary, a verb of forecasting or
 * planning, or a deadline points forward ("is expected to make landfall late on Wednesday",
 * "would close on Wednesday", "the period to December 31"). Without a parser, the clause is
 * approximated by the words of the sentence before the date, read backwards until the first word
 * that settles the tense: a future word, or a word of the past ("said", "had", "ago") that shows
 * the date belongs to a verb already done ("said Tuesday it will…"). */
#include <string.h>
#include "extract/timex.h"

/* How many words before the date the clause is looked for: far enough for "Forecasters expect
 * the storm to reach the coast of northern Portugal and the Spanish region of Galicia late on
 * Wednesday", near enough to stay in one sentence's main clause most of the time. */
#define TENSE_REACH 20
/* How many words after a date that opens its sentence ("On Monday, the board will vote"). */
#define TENSE_AHEAD 12

/* Is w one of `words`, or does it end with `suffix` ("he'll")? */
static int is_cue(const tx_word *w, const char *const *words, const char *suffix)
{
    size_t sn = suffix ? strlen(suffix) : 0;
    return tx_is(w->s, w->n, words)
           || (sn && w->n > sn && memcmp(w->s + w->n - sn, suffix, sn) == 0);
}

int tx_future_sentence(const tx_context *c, size_t i)
{
    static const char *const cues[] = { "will", "shall", "tomorrow", "upcoming", "scheduled",
                                        "plans", "expected", "wo", "won't", "until", NULL };
    uint32_t s = c->tokens[i].sentence;
    size_t a = i;
    while (a > 0 && c->tokens[a - 1].sentence == s)
        a--;
    for (size_t j = a; j < c->ntokens && c->tokens[j].sentence == s; j++) {
        tx_word w = tx_word_at(c, j, j);
        if (is_cue(&w, cues, "'ll"))
            return 1;
    }
    return 0;
}

/* Words that put a clause in the future wherever they stand before the date. Modals are lower
 * case only ("May 3" is a month); "forecast" only as a passive verb; "plan", "likely", "set" and
 * the forms of "to be" only before "to" ("announced the plan Aug. 21" is past). */
static int future_word(const tx_context *c, size_t i, size_t j)
{
    static const char *const always[] = {
        "will", "shall", "wo", "won't", "expect", "expects", "expected", "expecting", "due",
        "scheduled", "planned", "planning", "intends", "upcoming", "tomorrow", "soon", "until",
        "till", NULL };
    static const char *const modals[] = { "would", "should", "might", "may", NULL };
    static const char *const before_to[] = { "plan", "plans", "likely", "set", "is", "are", "am",
                                             NULL };
    tx_word w = tx_word_at(c, i, j);
    if (is_cue(&w, always, "'ll"))
        return 1;
    if (!w.upper && tx_is(w.s, w.n, modals))
        return !TX_IS(tx_word_at(c, i, j + 1), "have"); /* "would have met" is past */
    if (TX_IS(w, "forecast")) /* the verb ("are forecast off Galicia"), not the noun ("its
                                 growth forecast for this year") */
        return j > 0 && TX_IS(tx_word_at(c, i, j - 1), "is", "are", "was", "were", "be", "been");
    return tx_is(w.s, w.n, before_to) && TX_IS(tx_word_at(c, i, j + 1), "to");
}

/* A plan that is itself in the past: "had been due to expire Friday", "previously scheduled". */
static int past_plan(const tx_context *c, size_t i, size_t j)
{
    tx_word prev = j > 0 ? tx_word_at(c, i, j - 1) : (tx_word){ .n = 0 };
    if (TX_IS(prev, "had", "previously"))
        return 1;
    return TX_IS(prev, "been") && j > 1 && TX_IS(tx_word_at(c, i, j - 2), "had", "previously");
}

/* Words that tie the clause to the past before any future word is met. */
static int past_word(const tx_word *w)
{
    return TX_IS(*w, "said", "told", "announced", "reported", "added", "confirmed", "had", "did",
                 "ago", "yesterday", "last", "previously", "since");
}

/* Words that open another clause, and quotation marks: a future word beyond them is not the
 * date's ("aid for the countries where the Aug. 7 blasts killed 257 people"). */
static int clause_opener(const tx_word *w)
{
    return w->kind == LEDE_TOKEN_QUOTE || (w->n == 1 && (w->s[0] == ';' || w->s[0] == ':'))
           || TX_IS(*w, "where", "which", "who", "whose", "that", "because", "although", "while",
                    "but");
}

/* Is the word right before the date a verb in the past tense ("Cuba predicted Wednesday", "ruled
 * on Wednesday")? A participle after a form of "to be" is not ("will be closed on Monday"). */
static int past_verb_before(const tx_context *c, size_t i, size_t j)
{
    tx_word w = tx_word_at(c, i, j);
    if (w.upper || w.n < 4 || w.s[w.n - 2] != 'e' || w.s[w.n - 1] != 'd')
        return 0;
    return j == 0 || !TX_IS(tx_word_at(c, i, j - 1), "be", "been", "being", "is", "are", "was",
                            "were");
}

/* Does a word right before the date point ahead ("until Tuesday", "as early as Tuesday", "this
 * coming Sunday", "ahead of Wednesday's vote")? `j` is the first word before the date. */
static int leads_forward(const tx_context *c, size_t i, size_t j)
{
    tx_word w = tx_word_at(c, i, j);
    if (TX_IS(w, "until", "till", "next", "coming"))
        return 1;
    if (TX_IS(w, "of") && j > 0 && TX_IS(tx_word_at(c, i, j - 1), "ahead"))
        return 1;
    return TX_IS(w, "as") && j > 1 && TX_IS(tx_word_at(c, i, j - 1), "early", "soon")
           && TX_IS(tx_word_at(c, i, j - 2), "as");
}

/* Does the date open its sentence ("On Monday, …", "Late on Tuesday, …") or a "when" clause
 * follow it ("on Wednesday, when ministers will meet")? Then its verb comes after it: the token
 * where to look for it, or 0. */
static size_t verb_after(const tx_context *c, size_t i, size_t end)
{
    size_t j = end;
    tx_word w = tx_word_at(c, i, j);
    if (w.n == 1 && w.s[0] == ',')
        w = tx_word_at(c, i, ++j);
    if (TX_IS(w, "when"))
        return j + 1;
    for (size_t k = i; k-- > 0;) {
        tx_word before = tx_word_at(c, i, k);
        if (before.n == 0)
            break; /* the start of the sentence */
        if (!TX_IS(before, "on", "by", "from", "late", "early", "later", "and", "then"))
            return 0;
    }
    return end;
}

/* A future verb group after the date: "will", "'ll", "plans to", "is to", "are expected to". */
static int future_after(const tx_context *c, size_t i, size_t from)
{
    static const char *const auxiliaries[] = { "will", "shall", "wo", "won't", NULL };
    for (size_t j = from; j < from + TENSE_AHEAD; j++) {
        tx_word w = tx_word_at(c, i, j);
        if (w.n == 0 || past_word(&w))
            return 0;
        if (is_cue(&w, auxiliaries, "'ll"))
            return 1;
        if (TX_IS(w, "plan", "plans") && TX_IS(tx_word_at(c, i, j + 1), "to"))
            return 1;
        if (TX_IS(w, "is", "are") && (future_word(c, i, j) || future_word(c, i, j + 1)))
            return 1;
    }
    return 0;
}

int tx_future_near(const tx_context *c, size_t i, size_t end)
{
    if (i > 0) { /* the word right before, past an "on" */
        size_t before = i - 1 - (i > 1 && TX_IS(tx_word_at(c, i, i - 1), "on"));
        if (leads_forward(c, i, before))
            return 1;
        if (past_verb_before(c, i, before) && !future_word(c, i, before))
            return 0;
    }
    /* "Wednesday's ruling" names an event: the tense of the sentence does not date it */
    if (c->words[i].possessive)
        return 0;
    for (size_t j = i, seen = 0; j-- > 0 && seen < TENSE_REACH; seen++) {
        tx_word w = tx_word_at(c, i, j);
        if (w.n == 0 || clause_opener(&w))
            break;
        if (future_word(c, i, j))
            return !past_plan(c, i, j);
        if (past_word(&w))
            return 0;
    }
    size_t from = verb_after(c, i, end);
    return from && future_after(c, i, from);
}

int tx_deadline_before(const tx_context *c, size_t i)
{
    if (i == 0)
        return 0;
    tx_word w = tx_word_at(c, i, i - 1);
    if (TX_IS(w, "by", "effective", "until", "till", "expires", "expire", "due"))
        return 1;
    return TX_IS(w, "on") && i > 1 && TX_IS(tx_word_at(c, i, i - 2), "expires", "expire", "due");
}
