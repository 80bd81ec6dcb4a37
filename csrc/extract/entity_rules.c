/*
 * entity_rules — corrections to the tagger's types that news layout and naming make certain, where
 * a perceptron trained on CoNLL's edited copy goes wrong:
 *   - the credit in a dateline's parentheses, "ST. LOUIS (Ledger Daily) -", is the news
 *     organisation that filed the story, whatever its name looks like, and so is that name
 *     wherever the story uses it;
 *   - a name right after a title of the gazetteer is a person's: "Defence Minister Élodie
 *     Tremblay-Haines", where the tagger knew neither the accented first name nor the hyphenated
 *     surname and called "Tremblay-Haines" an organisation. A capitalised word between the title
 *     and the mention that no mention covers is the first name, and joins it;
 *   - a name that ends in a company's legal form, "Chrysler Corp" or "Wood Gundy Inc", is an
 *     organisation's;
 * and the mentions that are no name at all: capitalised words of a closed class, which wire copy
 * starts its lines and table rows with ("Nine mths", "Record Jan Four", "Co Inc").
 */
#include <string.h>

#include "extract/entity_internal.h"
#include "text/utf8.h"
#include "text/wordlist.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Whether span s is the credit between the dateline's parentheses, or the same name elsewhere
 * ("Economists polled by Ledger Daily"). */
static int names_dateline_credit(const lede_article *article, const char *text, lede_span s)
{
    lede_span d;
    if (!lede_article_dateline(article, &d))
        return 0;
    uint32_t open = d.end, close = d.end;
    for (uint32_t i = d.start; i < d.end; i++) {
        if (text[i] == '(' && open == d.end)
            open = i;
        else if (text[i] == ')' && open < i)
            close = i;
    }
    if (open >= close)
        return 0;
    if (s.start > open && s.end <= close)
        return 1;
    while (open + 1 < close && text[open + 1] == ' ')
        open++;
    while (close > open + 1 && text[close - 1] == ' ')
        close--;
    uint32_t len = close - open - 1;
    return s.end - s.start == len && memcmp(text + s.start, text + open + 1, len) == 0;
}

/* A word of the mention's sentence that starts with a capital letter (also "É"). */
static int capitalised(const lede_token *tok, const char *text, uint32_t t, uint32_t sentence)
{
    if (tok[t].kind != LEDE_TOKEN_WORD || tok[t].sentence != sentence)
        return 0;
    size_t width;
    int invalid;
    uint32_t cp = lede_utf8_decode((const unsigned char *)text, tok[t].span.end, tok[t].span.start,
                                   &width, &invalid);
    return !invalid && lede_charclass_of(cp) == LEDE_CC_UPPER;
}

/* Legal forms of companies, as the last word of a name (sorted, lower case, no period). */
static const char *const legal_forms[] = {
    "ag", "bhd", "bv", "co", "corp", "corporation", "cos", "gmbh", "inc", "incorporated", "llc",
    "lp", "ltd", "nv", "plc", "pty", "sa", "spa",
};

/* Words that never make a name by themselves (sorted, lower case, no period): numbers in words,
 * months ("May" is a surname too, and is left to the tagger), weekdays, the legal forms above,
 * the abbreviations of wire copy's earnings and price tables ("Shr", "Revs", "Nine mths") and
 * the currency codes of its exchange-rate tables ("DMK", "STG", "SFR"). */
static const char *const closed_class[] = {
    "ag", "apr", "april", "aug", "august", "avg", "bfr", "bhd", "billion", "bln", "bv", "co",
    "corp", "corporation", "cos", "cts", "dec", "december", "dfl", "dkr", "dlr", "dlrs", "dmk",
    "dozen", "eight", "eighteen", "eighty", "eleven", "feb", "february", "ffr", "fifteen", "fifty",
    "five", "forty", "four", "fourteen", "friday", "gmbh", "hundred", "inc", "incorporated", "jan",
    "january", "jul", "july", "jun", "june", "lit", "llc", "lp", "ltd", "mar", "march", "million",
    "mln", "monday", "mths", "nine", "nineteen", "ninety", "nkr", "nov", "november", "nv", "oct",
    "october", "one", "pct", "plc", "pty", "qtly", "qtr", "revs", "sa", "saturday", "sep", "sept",
    "september", "seven", "seventeen", "seventy", "sfr", "shr", "shrs", "six", "sixteen", "sixty",
    "skr", "spa", "stg", "sunday", "ten", "thirteen", "thirty", "thousand", "three", "thursday",
    "tuesday", "twelve", "twenty", "two", "wednesday", "yen", "zero",
};

/* Whether token t, without a final period, is in `list`. */
static int listed(const char *const *list, size_t count, const lede_token *t, const char *text)
{
    uint32_t len = t->span.end - t->span.start;
    if (len > 1 && text[t->span.end - 1] == '.')
        len--;
    return t->kind == LEDE_TOKEN_WORD &&
           lede_wordlist_find(list, count, text + t->span.start, len) >= 0;
}

int entity_not_a_name(const lede_token *tok, const char *text, const lede_mention *m)
{
    const lede_token *first = &tok[m->first_token];
    uint32_t len = first->span.end - first->span.start;
    if (m->token_count == 1 && (len == 1 || (len == 2 && text[first->span.start + 1] == '.')))
        return 1; /* an initial alone: "P." of a name the tagger split */
    for (uint32_t t = m->first_token; t < m->first_token + m->token_count; t++)
        if (!listed(closed_class, COUNT(closed_class), &tok[t], text))
            return 0;
    return 1;
}

lede_status entity_retype(const lede_gazetteer *g, const lede_article *article,
                          const lede_token *tok, const char *text, const uint8_t *covered,
                          lede_vec *pool, lede_mention *m)
{
    if (names_dateline_credit(article, text, m->span)) {
        m->type = LEDE_ENTITY_ORG;
        return LEDE_OK;
    }
    uint32_t t = m->first_token, sentence = tok[t].sentence;
    if (m->token_count > 1 && m->type != LEDE_ENTITY_ORG &&
        listed(legal_forms, COUNT(legal_forms), &tok[t + m->token_count - 1], text)) {
        m->type = LEDE_ENTITY_ORG;
        return LEDE_OK;
    }
    if (m->type == LEDE_ENTITY_PER || t == 0 || tok[t - 1].sentence != sentence || covered[t - 1])
        return LEDE_OK;
    int title;
    lede_status st = entity_is_title(g, &tok[t - 1], text, pool, &title);
    if (st != LEDE_OK || title) {
        m->type = title ? LEDE_ENTITY_PER : m->type;
        return st;
    }
    if (t < 2 || !capitalised(tok, text, t - 1, sentence) || covered[t - 2] ||
        tok[t - 2].sentence != sentence)
        return LEDE_OK;
    st = entity_is_title(g, &tok[t - 2], text, pool, &title);
    if (st == LEDE_OK && title) { /* the first name the tagger skipped */
        m->type = LEDE_ENTITY_PER;
        m->first_token = t - 1;
        m->token_count++;
        m->span.start = tok[t - 1].span.start;
    }
    return st;
}
