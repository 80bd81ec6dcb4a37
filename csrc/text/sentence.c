#include "text/sentence.h"

#include "text/utf8.h"
#include "text/wordlist.h"

/* Capitalised, these words open sentences far more often than they continue a name, so after an
 * ambiguous period ("U.S.", "Inc.", "J.") they tip the decision towards a boundary. Sorted. */
static const char *const starters[] = {
    "a", "about", "according", "after", "all", "also", "although", "an", "and", "another", "any",
    "as", "at", "because", "before", "both", "but", "by", "during", "each", "earlier", "even",
    "every", "few", "for", "from", "he", "her", "here", "his", "how", "however", "i", "if", "in",
    "instead", "it", "its", "last", "later", "many", "meanwhile", "more", "most", "much", "my",
    "neither", "no", "nor", "not", "now", "of", "on", "once", "one", "only", "or", "other", "our",
    "over", "several", "she", "since", "so", "some", "still", "such", "that", "the", "their",
    "then", "there", "these", "they", "this", "those", "though", "thus", "to", "today", "two",
    "under", "unlike", "until", "we", "what", "when", "where", "whether", "which", "while", "who",
    "why", "with", "within", "without", "yesterday", "yet", "you", "your",
};

/* Photo credits that scraped pages glue to the caption before them ("… in Washington D.C.
 * Image: United States Navy."); followed by a colon they always start a new unit. Sorted. */
static const char *const credits[] = { "credit", "image", "photo", "photograph", "picture" };

typedef struct splitter {
    const char *text;
    const lede_rawtoken *tok;
    size_t end; /* one past the paragraph's last token */
} splitter;

static lede_charclass first_class(const splitter *sp, size_t k)
{
    size_t w;
    int invalid;
    const lede_span *s = &sp->tok[k].span;
    uint32_t cp = lede_utf8_decode((const unsigned char *)sp->text, s->end, s->start, &w, &invalid);
    return lede_charclass_of(cp);
}

static size_t token_len(const splitter *sp, size_t k)
{
    return sp->tok[k].span.end - sp->tok[k].span.start;
}

/* Does token k open a sentence: a capital, a digit, an opening quote or bracket, a bullet? */
static int opens_sentence(const splitter *sp, size_t k)
{
    if (k >= sp->end)
        return 0;
    const lede_rawtoken *t = &sp->tok[k];
    if ((t->flags & LEDE_TOKEN_OPEN) || t->role == LEDE_ROLE_BULLET)
        return 1;
    if (t->kind == LEDE_TOKEN_QUOTE)
        return 0;
    lede_charclass c = first_class(sp, k);
    return c == LEDE_CC_UPPER || c == LEDE_CC_DIGIT || t->kind == LEDE_TOKEN_NUMBER;
}

static int is_capitalised_word(const splitter *sp, size_t k)
{
    return k < sp->end && sp->tok[k].kind == LEDE_TOKEN_WORD && first_class(sp, k) == LEDE_CC_UPPER;
}

static int is_starter(const splitter *sp, size_t k)
{
    if (!is_capitalised_word(sp, k))
        return 0;
    const lede_span *s = &sp->tok[k].span;
    return lede_wordlist_find(starters, sizeof starters / sizeof *starters, sp->text + s->start,
                              s->end - s->start) >= 0;
}

static int is_open_quote(const splitter *sp, size_t k)
{
    return k < sp->end && sp->tok[k].kind == LEDE_TOKEN_QUOTE && (sp->tok[k].flags & LEDE_TOKEN_OPEN);
}

static int is_char_token(const splitter *sp, size_t k, char c)
{
    return k < sp->end && token_len(sp, k) == 1 && sp->text[sp->tok[k].span.start] == c;
}

static int is_credit(const splitter *sp, size_t k)
{
    if (!is_capitalised_word(sp, k) || k + 1 >= sp->end || !is_char_token(sp, k + 1, ':'))
        return 0;
    const lede_span *s = &sp->tok[k].span;
    return lede_wordlist_find(credits, sizeof credits / sizeof *credits, sp->text + s->start,
                              s->end - s->start) >= 0;
}

/* ---- List markers: "1.", "2)", "3.)", "a." ------------------------------------------------- */

enum { STYLE_PERIOD = 1, STYLE_PAREN, STYLE_PERIOD_PAREN, STYLE_LETTER };

typedef struct marker {
    int ordinal;
    int style;
    size_t length; /* tokens */
} marker;

static int adjacent(const splitter *sp, size_t k)
{
    return sp->tok[k].span.start == sp->tok[k - 1].span.end;
}

/* Is there a list marker at k, followed by the item's first word? */
static int list_marker(const splitter *sp, size_t k, marker *m)
{
    if (k >= sp->end)
        return 0;
    const lede_rawtoken *t = &sp->tok[k];
    const char *s = sp->text + t->span.start;
    size_t len = token_len(sp, k);
    if (t->kind == LEDE_TOKEN_NUMBER && len <= 2 && s[0] >= '0' && s[0] <= '9' &&
        (len == 1 || (s[1] >= '0' && s[1] <= '9'))) {
        m->ordinal = len == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
        if (is_char_token(sp, k + 1, '.') && adjacent(sp, k + 1)) {
            int paren = is_char_token(sp, k + 2, ')') && adjacent(sp, k + 2);
            m->style = paren ? STYLE_PERIOD_PAREN : STYLE_PERIOD;
            m->length = paren ? 3 : 2;
        } else if (is_char_token(sp, k + 1, ')') && adjacent(sp, k + 1)) {
            m->style = STYLE_PAREN;
            m->length = 2;
        } else {
            return 0;
        }
    } else if (len == 2 && s[1] == '.' && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) {
        m->ordinal = (s[0] | 0x20) - 'a' + 1;
        m->style = STYLE_LETTER;
        m->length = 1;
    } else {
        return 0;
    }
    return opens_sentence(sp, k + m->length);
}

/* ---- Boundaries ----------------------------------------------------------------------------- */

static int is_terminal(const splitter *sp, size_t k, size_t sentence_start)
{
    switch (sp->tok[k].role) {
    case LEDE_ROLE_ELLIPSIS:
    case LEDE_ROLE_ELLIPSIS_LONG:
        /* An ellipsis that opens a sentence cannot end it. */
        return k > sentence_start;
    case LEDE_ROLE_PERIOD:
    case LEDE_ROLE_EXCLAIM:
    case LEDE_ROLE_ABBREV:
    case LEDE_ROLE_ACRONYM:
    case LEDE_ROLE_INITIAL:
        return 1;
    default:
        return 0;
    }
}

/* After terminal token k (and any closing marks), does a sentence begin at token n? */
static int is_boundary(const splitter *sp, size_t k, size_t n)
{
    const lede_rawtoken *t = &sp->tok[k];
    switch (t->role) {
    case LEDE_ROLE_PERIOD:
        /* "compounds. . . . The": the period ends the sentence, the spaced ellipsis opens the
         * next; "Scientology. ... The" ends after the ellipsis, which decides for itself. */
        if (sp->tok[n].role == LEDE_ROLE_ELLIPSIS)
            return token_len(sp, n) > 3 && is_capitalised_word(sp, n + 1);
        return opens_sentence(sp, n);
    case LEDE_ROLE_EXCLAIM:
    case LEDE_ROLE_ELLIPSIS_LONG:
        return opens_sentence(sp, n);
    case LEDE_ROLE_ELLIPSIS:
        /* "[...] used" marks an omission; "[...] However" ends a sentence. */
        if (k > 0 && (sp->tok[k - 1].flags & LEDE_TOKEN_OPEN))
            return is_capitalised_word(sp, n);
        /* "the thing is . . . I didn't" goes on; "that… She left" does not. */
        return is_capitalised_word(sp, n) &&
               !(token_len(sp, n) == 1 && sp->text[sp->tok[n].span.start] == 'I');
    case LEDE_ROLE_ABBREV:
        if (t->abbrev == LEDE_ABBREV_TITLE || t->abbrev == LEDE_ABBREV_NUMERIC)
            return 0;
        return is_starter(sp, n) || is_open_quote(sp, n);
    case LEDE_ROLE_ACRONYM:
        return is_starter(sp, n) || is_open_quote(sp, n);
    case LEDE_ROLE_INITIAL:
        if (!opens_sentence(sp, n))
            return 0;
        if (is_starter(sp, n))
            return 1;
        /* "you and I. Did…" ends; "Albert I. Jones" does not. */
        if (sp->text[t->span.start] == 'I' && (k == 0 || !is_capitalised_word(sp, k - 1)))
            return 1;
        return !is_capitalised_word(sp, n);
    default:
        return 0;
    }
}

static lede_status add_sentence(const splitter *sp, size_t first, size_t end, uint32_t paragraph,
                                lede_vec *out)
{
    if (first >= end)
        return LEDE_OK;
    lede_sentence *s = lede_vec_push(out);
    if (!s)
        return LEDE_ERR_NOMEM;
    s->span.start = sp->tok[first].span.start;
    s->span.end = sp->tok[end - 1].span.end;
    s->first_token = (uint32_t)first;
    s->token_count = (uint32_t)(end - first);
    s->paragraph = paragraph;
    return LEDE_OK;
}

/* Where the first word of a sentence that starts at s is, past a bullet and a list marker; the
 * marker's ordinal and style become what the next item must carry. */
static size_t skip_item_marker(const splitter *sp, size_t s, marker *expect)
{
    size_t k = s;
    if (k < sp->end && sp->tok[k].role == LEDE_ROLE_BULLET)
        k++;
    marker m;
    if (list_marker(sp, k, &m)) {
        expect->ordinal = m.ordinal + 1;
        expect->style = m.style;
        return k + m.length;
    }
    expect->ordinal = 0;
    return s;
}

static lede_status split_paragraph(splitter *sp, size_t first, uint32_t paragraph, lede_vec *out)
{
    size_t s = first;
    marker expect;
    size_t i = skip_item_marker(sp, s, &expect);
    while (i < sp->end) {
        marker m;
        size_t cut = 0; /* a new sentence begins at token `cut` */
        if (i > s && (sp->tok[i].role == LEDE_ROLE_BULLET || is_credit(sp, i))) {
            cut = i;
        } else if (i > s && expect.ordinal && list_marker(sp, i, &m) &&
                   m.ordinal == expect.ordinal && m.style == expect.style) {
            cut = i;
        } else if (is_terminal(sp, i, s)) {
            size_t n = i + 1;
            while (n < sp->end && (sp->tok[n].flags & LEDE_TOKEN_CLOSE))
                n++;
            if (n < sp->end && is_boundary(sp, i, n))
                cut = n;
        }
        if (!cut) {
            i++;
            continue;
        }
        lede_status st = add_sentence(sp, s, cut, paragraph, out);
        if (st != LEDE_OK)
            return st;
        s = cut;
        i = skip_item_marker(sp, s, &expect);
    }
    return add_sentence(sp, s, sp->end, paragraph, out);
}

lede_status lede_split_sentences(const char *text, const lede_rawtoken *tokens, size_t ntokens,
                                 lede_paragraph *paragraphs, size_t nparagraphs, lede_vec *out)
{
    splitter sp = { text, tokens, 0 };
    size_t k = 0;
    for (size_t p = 0; p < nparagraphs; p++) {
        size_t first = k;
        while (k < ntokens && tokens[k].span.start < paragraphs[p].span.end)
            k++;
        sp.end = k;
        size_t before = out->len;
        lede_status st = split_paragraph(&sp, first, (uint32_t)p, out);
        if (st != LEDE_OK)
            return st;
        paragraphs[p].first_sentence = (uint32_t)before;
        paragraphs[p].sentence_count = (uint32_t)(out->len - before);
    }
    return LEDE_OK;
}
