/*
 * snippet — the few sentences of a text that show why it matched a search, with the matching
 * words highlighted, ready for plain text, a terminal or a web page.
 *
 * Selection works on the analysed article (sentences, stems); rendering goes back to the
 * original bytes so that the reader sees the text as written, only with white space folded and
 * invalid UTF-8 replaced.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "lede.h"
#include "text/utf8.h"
#include "util/vec.h"

#define DEFAULT_SENTENCES 2
#define DEFAULT_BYTES 300

static const char JOIN[] = " \xE2\x80\xA6 "; /* " … " between sentences */
static const char CUT[] = " \xE2\x80\xA6";   /* " …" after a sentence cut short */
static const char REPLACEMENT[] = "\xEF\xBF\xBD";

typedef struct query {
    const char *const *stems;
    const size_t *lens;
    size_t n;
} query;

/* Index of the first query stem equal to the token's stem, or q->n. Returning the first makes
 * a stem listed twice count once. */
static size_t match(const query *q, const lede_token *t)
{
    for (size_t i = 0; i < q->n; i++)
        if (q->lens[i] > 0 && q->lens[i] == t->stem_len &&
            memcmp(q->stems[i], t->stem, t->stem_len) == 0)
            return i;
    return q->n;
}

static int matches(const query *q, const lede_token *t)
{
    return match(q, t) < q->n;
}

/* ---- Choosing the sentences ------------------------------------------------------------------ */

typedef struct ranked {
    uint32_t score; /* distinct query stems in the sentence */
    uint32_t sentence;
} ranked;

static int by_rank(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return (a->sentence > b->sentence) - (a->sentence < b->sentence);
}

static int by_position(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return (a > b) - (a < b);
}

/* Fills `ranks` (items: ranked) with every sentence that has tokens, best first. */
static lede_status rank_sentences(const lede_article *a, const query *q, lede_vec *ranks)
{
    size_t ns, nt;
    const lede_sentence *s = lede_article_sentences(a, &ns);
    const lede_token *t = lede_article_tokens(a, &nt);
    /* seen[i] is 1 + the last sentence that counted stem i, so nothing is cleared between
     * sentences. */
    lede_vec seen;
    lede_vec_init(&seen, sizeof(uint32_t));
    lede_status st = lede_vec_reserve(&seen, q->n);
    if (st == LEDE_OK && q->n > 0)
        memset(seen.data, 0, q->n * sizeof(uint32_t));
    if (st == LEDE_OK)
        st = lede_vec_reserve(ranks, ns);
    uint32_t *last = seen.data;
    for (size_t i = 0; st == LEDE_OK && i < ns; i++) {
        if (s[i].token_count == 0)
            continue;
        ranked *r = lede_vec_push(ranks);
        r->sentence = (uint32_t)i;
        for (uint32_t k = 0; k < s[i].token_count; k++) {
            size_t m = match(q, &t[s[i].first_token + k]);
            if (m < q->n && last[m] != i + 1) {
                last[m] = (uint32_t)i + 1;
                r->score++;
            }
        }
    }
    lede_vec_free(&seen);
    if (st == LEDE_OK && ranks->len > 1)
        qsort(ranks->data, ranks->len, sizeof(ranked), by_rank);
    return st;
}

/* Bytes of the sentence from its first token to its last: what the budget counts. */
static size_t sentence_length(const lede_sentence *s, const lede_token *t)
{
    return t[s->first_token + s->token_count - 1].span.end - t[s->first_token].span.start;
}

/*
 * Appends to `chosen` (items: uint32_t sentence index) the best sentences that fit the budget,
 * in text order. The best one is always taken, even alone over budget (the caller cuts it).
 * Matching sentences are taken greedily, a shorter one filling what a longer one could not; with
 * no match, the opening sentences stop at the first that does not fit, so they read on.
 */
static lede_status choose_sentences(const lede_article *a, const lede_vec *ranks,
                                    size_t max_sentences, size_t max_bytes, lede_vec *chosen)
{
    size_t ns, nt;
    const lede_sentence *s = lede_article_sentences(a, &ns);
    const lede_token *t = lede_article_tokens(a, &nt);
    const ranked *r = ranks->data;
    int matched = ranks->len > 0 && r[0].score > 0;
    size_t used = 0;
    for (size_t i = 0; i < ranks->len && chosen->len < max_sentences; i++) {
        if (matched && r[i].score == 0)
            break;
        size_t len = sentence_length(&s[r[i].sentence], t);
        if (chosen->len > 0 && len > max_bytes - used) {
            if (!matched)
                break;
            continue;
        }
        lede_status st = lede_vec_append(chosen, &r[i].sentence, 1);
        if (st != LEDE_OK)
            return st;
        used += len;
        if (used > max_bytes)
            break; /* the best sentence alone is over budget: it is all there is room for */
    }
    if (chosen->len > 1)
        qsort(chosen->data, chosen->len, sizeof(uint32_t), by_position);
    return LEDE_OK;
}

/*
 * Where to end a sentence that is over budget: after the last token that ends within `limit`,
 * backing off to before a highlighted phrase that the cut would split. Only when the first
 * token alone passes the limit is it cut inside, at a character boundary, keeping at least one
 * character.
 */
static size_t cut_point(const char *text, const lede_token *t, size_t first, size_t count,
                        size_t limit, const query *q)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t end = first + count, k = first;
    if (t[first].span.end <= limit) {
        while (k + 1 < end && t[k + 1].span.end <= limit)
            k++;
        if (k + 1 < end && matches(q, &t[k]) && matches(q, &t[k + 1])) {
            size_t run = k;
            while (run > first && matches(q, &t[run - 1]))
                run--;
            if (run > first)
                k = run - 1;
        }
        return t[k].span.end;
    }
    size_t i = t[first].span.start;
    while (i < t[first].span.end) {
        size_t width;
        int invalid;
        lede_utf8_decode(u, t[first].span.end, i, &width, &invalid);
        if (i > t[first].span.start && i + width > limit)
            break;
        i += width;
    }
    return i;
}

/* ---- Writing the snippet -------------------------------------------------------------------- */

/* The output, with a sticky status so that rendering reads as a sequence of writes. */
typedef struct writer {
    lede_vec out; /* bytes */
    lede_status st;
    lede_highlight style;
    const char *open, *close;
    int space; /* the last character written was a folded space */
} writer;

static void put(writer *w, const char *s, size_t n)
{
    if (w->st == LEDE_OK)
        w->st = lede_vec_append(&w->out, s, n);
}

static void put_str(writer *w, const char *s)
{
    if (s)
        put(w, s, strlen(s));
}

/* White space is what folds; format characters (soft hyphen, zero-width joiner), which the
 * tokenizer also treats as blanks, are part of the text and stay. NUL and the other controls
 * fold too: they are never meant to be seen, and an ESC would drive the reader's terminal. */
static int is_white(uint32_t cp)
{
    if (cp < 0x80)
        return lede_cc_is_blank(lede_charclass_of(cp));
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
           c == UTF8PROC_CATEGORY_CC;
}

static const char *html_entity(uint32_t cp)
{
    switch (cp) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

/* Writes text[from, to) as the reader should see it: white space folded to one space, invalid
 * UTF-8 replaced by U+FFFD, and for HTML escaped. */
static void put_text(writer *w, const char *text, size_t from, size_t to)
{
    const unsigned char *u = (const unsigned char *)text;
    for (size_t i = from; i < to;) {
        size_t width;
        int invalid;
        uint32_t cp = lede_utf8_decode(u, to, i, &width, &invalid);
        int white = !invalid && is_white(cp);
        const char *entity = w->style == LEDE_HIGHLIGHT_HTML ? html_entity(cp) : NULL;
        if (invalid)
            put(w, REPLACEMENT, sizeof REPLACEMENT - 1);
        else if (white && !w->space)
            put(w, " ", 1);
        else if (entity)
            put_str(w, entity);
        else if (!white)
            put(w, text + i, width);
        w->space = white;
        i += width;
    }
}

/* Writes the tokens of one sentence up to byte `end`, each run of matching tokens (with the
 * space between them) inside one highlight. */
static void put_sentence(writer *w, const char *text, const lede_token *t, size_t first,
                         size_t count, size_t end, const query *q)
{
    size_t pos = t[first].span.start;
    int open = 0;
    for (size_t k = first; k < first + count && t[k].span.start < end; k++) {
        int m = matches(q, &t[k]);
        if (open && !m) {
            put_str(w, w->close);
            open = 0;
        }
        put_text(w, text, pos, t[k].span.start);
        if (m && !open) {
            put_str(w, w->open);
            open = 1;
        }
        pos = t[k].span.end < end ? t[k].span.end : end;
        put_text(w, text, t[k].span.start, pos);
    }
    if (open)
        put_str(w, w->close);
}

static void init_writer(writer *w, const lede_snippet_options *o)
{
    lede_vec_init(&w->out, 1);
    w->st = LEDE_OK;
    w->style = o->style;
    w->space = 0;
    switch (o->style) {
    case LEDE_HIGHLIGHT_ANSI:
        w->open = "\x1b[1m", w->close = "\x1b[0m";
        break;
    case LEDE_HIGHLIGHT_HTML:
        w->open = "<mark>", w->close = "</mark>";
        break;
    default:
        w->open = o->open, w->close = o->close;
        break;
    }
}

/* Writes the chosen sentences, joined, the first cut to `max_bytes` when it passes them. */
static void put_snippet(writer *w, const lede_article *a, const char *text, const lede_vec *chosen,
                        size_t max_bytes, const query *q)
{
    size_t ns, nt;
    const lede_sentence *s = lede_article_sentences(a, &ns);
    const lede_token *t = lede_article_tokens(a, &nt);
    for (size_t i = 0; i < chosen->len; i++) {
        const lede_sentence *sen = &s[LEDE_VEC_AT(chosen, uint32_t, i)];
        size_t start = t[sen->first_token].span.start;
        size_t end = t[sen->first_token + sen->token_count - 1].span.end;
        int cut = end - start > max_bytes;
        if (cut)
            end = cut_point(text, t, sen->first_token, sen->token_count, start + max_bytes, q);
        if (i > 0)
            put(w, JOIN, sizeof JOIN - 1);
        put_sentence(w, text, t, sen->first_token, sen->token_count, end, q);
        if (cut)
            put(w, CUT, sizeof CUT - 1);
    }
}

static int valid_arguments(const lede_analyzer *analyzer, const char *text, size_t len,
                           const char *const *stems, const size_t *stem_lens, size_t nstems,
                           char **out)
{
    if (!analyzer || (!text && len > 0) || !out || (nstems > 0 && (!stems || !stem_lens)))
        return 0;
    for (size_t i = 0; i < nstems; i++)
        if (!stems[i] && stem_lens[i] > 0)
            return 0;
    return 1;
}

lede_status lede_snippet(lede_analyzer *analyzer, const char *text, size_t len,
                         const char *const *stems, const size_t *stem_lens, size_t nstems,
                         const lede_snippet_options *options, char **out, size_t *out_len)
{
    if (!valid_arguments(analyzer, text, len, stems, stem_lens, nstems, out))
        return LEDE_ERR_INVALID;
    *out = NULL;
    if (out_len)
        *out_len = 0;
    lede_snippet_options o = { LEDE_HIGHLIGHT_PLAIN, NULL, NULL, 0, 0 };
    if (options)
        o = *options;
    if (o.style != LEDE_HIGHLIGHT_PLAIN && o.style != LEDE_HIGHLIGHT_ANSI &&
        o.style != LEDE_HIGHLIGHT_HTML)
        return LEDE_ERR_INVALID;
    if (o.max_sentences == 0)
        o.max_sentences = DEFAULT_SENTENCES;
    if (o.max_bytes == 0)
        o.max_bytes = DEFAULT_BYTES;
    const query q = { stems, stem_lens, nstems };

    lede_article *a;
    lede_status st = lede_article_analyze(analyzer, text, len, &a);
    if (st != LEDE_OK)
        return st;
    lede_vec ranks, chosen;
    lede_vec_init(&ranks, sizeof(ranked));
    lede_vec_init(&chosen, sizeof(uint32_t));
    writer w;
    init_writer(&w, &o);
    st = rank_sentences(a, &q, &ranks);
    if (st == LEDE_OK)
        st = choose_sentences(a, &ranks, o.max_sentences, o.max_bytes, &chosen);
    if (st == LEDE_OK) {
        put_snippet(&w, a, text, &chosen, o.max_bytes, &q);
        put(&w, "", 1); /* the NUL terminator */
        st = w.st;
    }
    lede_vec_free(&ranks);
    lede_vec_free(&chosen);
    lede_article_free(a);
    if (st != LEDE_OK) {
        lede_vec_free(&w.out);
        return st;
    }
    *out = w.out.data;
    if (out_len)
        *out_len = w.out.len - 1;
    return LEDE_OK;
}
