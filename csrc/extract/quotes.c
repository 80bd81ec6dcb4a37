/*
 * quotes — lede_quotes: quoted segments grouped into quotations (split by the attribution, or
 * running over paragraphs), classified direct or partial, given a cue and speaker; then reported
 * speech in the sentences without quotation marks.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/attribution.h"
#include "extract/indirect.h"
#include "extract/quote_marks.h"
#include "extract/speaker_resolve.h"
#include "util/vec.h"

/* The words of the attribution between two pieces of one quote: "she said, clapping.", "said
 * Michael Oppenheimer, a professor of geosciences at Princeton University." */
#define MAX_SPLIT_TOKENS 32
/* Words a quotation with no attribution needs to count as a quoted sentence. */
#define MIN_UNATTRIBUTED_WORDS 6

struct lede_quote_list {
    lede_vec quotes; /* lede_quote */
    lede_vec pieces; /* lede_span */
    lede_vec text;   /* char: every quote's words as they read, one after another */
};

typedef struct builder {
    const lede_textview *v;
    const lede_vec *segs; /* lede_quoted */
    uint8_t *quoted;      /* per token: inside quotation marks */
    lede_vec items;       /* item */
    lede_vec pieces;      /* lede_span */
    lede_vec text;        /* char */
} builder;

typedef struct item {
    lede_quote q;
    size_t first_piece;
    size_t text_start; /* in builder.text */
} item;

#define SEG(b, i) LEDE_VEC_AT((b)->segs, lede_quoted, i)

static int is_punct(const lede_textview *v, size_t i, char c)
{
    return v->tok[i].kind == LEDE_TOKEN_PUNCT && v->tok[i].span.end - v->tok[i].span.start == 1 &&
           v->text[v->tok[i].span.start] == c;
}

/* Segment b continues segment a in the next paragraph: a ran to its paragraph's end and b opens
 * the next one with the mark repeated. */
static int continues_paragraph(const builder *b, const lede_quoted *a, const lede_quoted *n)
{
    if (a->close != LEDE_NO_TOKEN || a->single || n->single)
        return 0;
    const lede_textview *v = b->v;
    uint32_t pa = v->sent[v->tok[a->open].sentence].paragraph;
    uint32_t pn = v->sent[v->tok[n->open].sentence].paragraph;
    return pn == pa + 1 && v->sent[v->para[pn].first_sentence].first_token == n->open;
}

/* Segment n resumes segment a after a short attribution: “…,” he said, “…” */
static int continues_split(const builder *b, const lede_quoted *a, const lede_quoted *n)
{
    const lede_textview *v = b->v;
    if (a->close == LEDE_NO_TOKEN || a->single || n->single || n->open <= a->close + 1 ||
        n->open - a->close > MAX_SPLIT_TOKENS ||
        v->sent[v->tok[a->close].sentence].paragraph != v->sent[v->tok[n->open].sentence].paragraph)
        return 0;
    /* The first piece ends with its punctuation (“…,” he said) and the attribution with a comma
     * or period: one ending in a colon introduces the next quotation instead. */
    size_t before = n->open - 1;
    if (v->tok[a->end - 1].kind != LEDE_TOKEN_PUNCT ||
        !(is_punct(v, before, ',') || is_punct(v, before, '.')))
        return 0;
    lede_attribution at;
    return lede_attribution_find(v, a->close + 1, n->open, a->close + 1, &at) &&
           at.kind != LEDE_MENTION_NONE;
}

/* A quoted sentence rather than words set in the writer's own: it opens the sentence or follows
 * a colon or comma, or it starts with a capital and ends with its own punctuation. */
static int is_direct(const builder *b, const lede_quoted *s, size_t npieces, int attributed)
{
    const lede_textview *v = b->v;
    if (npieces > 1)
        return 1;
    size_t words = 0;
    for (size_t k = s->first; k < s->end; k++)
        words += v->tok[k].kind == LEDE_TOKEN_WORD;
    if (s->single && words < 3)
        return 0;
    size_t start = lede_tv_sentence_start(v, s->open);
    if (s->open == start || is_punct(v, s->open - 1, ':') || is_punct(v, s->open - 1, ','))
        return 1;
    size_t last = s->end - 1;
    /* Without an attribution a short capitalised phrase is more often a title: “Face the
     * Nation,” “Contract with America.” */
    return lede_tv_capitalised(v, s->first) && v->tok[last].kind == LEDE_TOKEN_PUNCT &&
           !is_punct(v, last, ')') && (attributed || words >= MIN_UNATTRIBUTED_WORDS);
}

/* Keeps the attribution found in tokens [lo, hi) when it is the first, or the first with a
 * speaker. Returns 1 once an attribution with a speaker is kept. */
static int try_region(const lede_textview *v, size_t lo, size_t hi, size_t near,
                      lede_attribution *a, int *found)
{
    lede_attribution x;
    if (lo >= hi || !lede_attribution_find(v, lo, hi, near, &x))
        return 0;
    if (!*found || x.kind != LEDE_MENTION_NONE)
        *a = x;
    *found = 1;
    return x.kind != LEDE_MENTION_NONE;
}

/* The attribution of a quote whose pieces are segments [i, j]: between the pieces, after the
 * closing mark, then before the opening one, each within the sentence; the first with a speaker
 * wins ("X said the bill was “…” and vowed to block it"), else the first cue. */
static int attribution_of(const builder *b, size_t i, size_t j, lede_attribution *a)
{
    const lede_textview *v = b->v;
    const lede_quoted *first = &SEG(b, i), *last = &SEG(b, j);
    int found = 0;
    for (size_t k = i; k < j; k++) {
        const lede_quoted *p = &SEG(b, k), *n = &SEG(b, k + 1);
        if (p->close != LEDE_NO_TOKEN &&
            try_region(v, p->close + 1, n->open, p->close + 1, a, &found))
            return 1;
    }
    if (last->close != LEDE_NO_TOKEN &&
        try_region(v, last->close + 1, lede_tv_sentence_end(v, last->close), last->close + 1, a,
                   &found))
        return 1;
    size_t start = lede_tv_sentence_start(v, first->open);
    try_region(v, start, first->open, first->open, a, &found);
    return found;
}

static void set_attribution(const builder *b, lede_quote *q, const lede_attribution *a)
{
    const lede_token *t = b->v->tok;
    q->has_cue = 1;
    q->cue.start = t[a->cue].span.start;
    q->cue.end = t[a->cue_end - 1].span.end;
    if (a->kind == LEDE_MENTION_NONE)
        return;
    q->has_speaker = 1;
    q->speaker.start = t[a->speaker].span.start;
    q->speaker.end = t[a->speaker_end - 1].span.end;
    q->has_resolved = lede_speaker_resolve(b->v, b->quoted, a, &q->resolved);
}

static item *push_item(builder *b, lede_quote_kind kind)
{
    item *it = lede_vec_push(&b->items);
    if (it) {
        it->q.kind = kind;
        it->first_piece = b->pieces.len;
        it->text_start = b->text.len;
    }
    return it;
}

static lede_status push_piece(builder *b, item *it, lede_span span)
{
    lede_span *p = lede_vec_push(&b->pieces);
    if (!p)
        return LEDE_ERR_NOMEM;
    *p = span;
    if (lede_vec_append(&b->text, b->v->text + span.start, span.end - span.start) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    it->q.text_len = b->text.len - it->text_start;
    if (it->q.npieces++ == 0)
        it->q.span.start = span.start;
    it->q.span.end = span.end;
    return LEDE_OK;
}

/* The last direct quote with a speaker, when it sits in this paragraph or the one before: a
 * quote with no attribution of its own goes on in that speaker's voice. */
static const item *previous_speaker(const builder *b, uint32_t paragraph)
{
    for (size_t k = b->items.len; k > 0; k--) {
        const item *it = &LEDE_VEC_AT(&b->items, item, k - 1);
        if (it->q.kind != LEDE_QUOTE_DIRECT)
            continue;
        if (!it->q.has_speaker)
            return NULL;
        const lede_paragraph *p = &b->v->para[paragraph];
        const lede_paragraph *before = paragraph ? &b->v->para[paragraph - 1] : p;
        return it->q.span.start >= before->span.start ? it : NULL;
    }
    return NULL;
}

/* The quoted words without a trailing comma, colon or semicolon: that punctuation belongs to
 * the writer's sentence even where the style puts it inside the marks. */
static lede_span content_of(const lede_textview *v, const lede_quoted *s)
{
    size_t end = s->end;
    while (end > s->first + 1 &&
           (is_punct(v, end - 1, ',') || is_punct(v, end - 1, ':') || is_punct(v, end - 1, ';')))
        end--;
    lede_span span = { s->content.start, v->tok[end - 1].span.end };
    return span;
}

static int ends_sentence(const char *text, lede_span s)
{
    static const char ellipsis[] = "\xE2\x80\xA6";
    size_t n = s.end - s.start;
    char last = n ? text[s.end - 1] : 0;
    return last == '.' || last == '?' || last == '!' ||
           (n >= 3 && memcmp(text + s.end - 3, ellipsis, 3) == 0);
}

/* Appends to the quote's text what joins segment n to segment p before it (p's words `pc`), so
 * that the words read as the speaker's without the attribution between them: a space after a
 * full stop or a paragraph's end; " … " where p's full stop became the comma before "she said."
 * and n begins a sentence of its own; else the punctuation p kept inside its marks and a space
 * (“This is not a retreat,” she said, “but a change” reads "…retreat, but a change"). */
static lede_status append_joint(builder *b, const lede_quoted *p, lede_span pc,
                                const lede_quoted *n)
{
    const lede_textview *v = b->v;
    lede_vec *t = &b->text;
    if (ends_sentence(v->text, pc) || p->close == LEDE_NO_TOKEN)
        return lede_vec_append(t, " ", 1);
    if (v->tok[p->end - 1].sentence != v->tok[n->first].sentence)
        return lede_vec_append(t, " \xE2\x80\xA6 ", 5);
    for (size_t k = pc.end; k < v->tok[p->end - 1].span.end; k++)
        if (v->text[k] != ' ' && lede_vec_append(t, v->text + k, 1) != LEDE_OK)
            return LEDE_ERR_NOMEM;
    return lede_vec_append(t, " ", 1);
}

static lede_status add_marked(builder *b)
{
    const lede_textview *v = b->v;
    size_t nseg = b->segs->len;
    for (size_t i = 0; i < nseg;) {
        size_t j = i;
        while (j + 1 < nseg && (continues_paragraph(b, &SEG(b, j), &SEG(b, j + 1)) ||
                                continues_split(b, &SEG(b, j), &SEG(b, j + 1))))
            j++;
        lede_attribution a;
        int attributed = attribution_of(b, i, j, &a);
        lede_quote_kind kind = is_direct(b, &SEG(b, i), j - i + 1, attributed) ? LEDE_QUOTE_DIRECT
                                                                   : LEDE_QUOTE_PARTIAL;
        if (kind == LEDE_QUOTE_PARTIAL && !attributed) {
            i = j + 1; /* scare quotes, titles, nicknames */
            continue;
        }
        uint32_t paragraph = v->sent[v->tok[SEG(b, i).open].sentence].paragraph;
        const item *prev = attributed ? NULL : previous_speaker(b, paragraph);
        lede_quote voice = prev ? prev->q : (lede_quote){ 0 }; /* the push may move items */
        item *it = push_item(b, kind);
        if (!it)
            return LEDE_ERR_NOMEM;
        if (attributed) {
            set_attribution(b, &it->q, &a);
        } else if (prev) {
            it->q.has_speaker = 1;
            it->q.speaker = voice.speaker;
            it->q.has_resolved = voice.has_resolved;
            it->q.resolved = voice.resolved;
        }
        for (size_t k = i; k <= j; k++) {
            if (k > i && append_joint(b, &SEG(b, k - 1), content_of(v, &SEG(b, k - 1)),
                                      &SEG(b, k)) != LEDE_OK)
                return LEDE_ERR_NOMEM;
            if (push_piece(b, it, content_of(v, &SEG(b, k))) != LEDE_OK)
                return LEDE_ERR_NOMEM;
        }
        i = j + 1;
    }
    return LEDE_OK;
}

static lede_status add_indirect(builder *b)
{
    const lede_textview *v = b->v;
    for (size_t s = 0; s < v->nsent; s++) {
        lede_attribution a;
        size_t first, end;
        if (!lede_indirect_find(v, s, &a, &first, &end))
            continue;
        item *it = push_item(b, LEDE_QUOTE_INDIRECT);
        if (!it)
            return LEDE_ERR_NOMEM;
        set_attribution(b, &it->q, &a);
        lede_span span = { v->tok[first].span.start, v->tok[end - 1].span.end };
        if (push_piece(b, it, span) != LEDE_OK)
            return LEDE_ERR_NOMEM;
    }
    return LEDE_OK;
}

static int by_start(const void *x, const void *y)
{
    const item *a = x, *b = y;
    return (a->q.span.start > b->q.span.start) - (a->q.span.start < b->q.span.start);
}

static lede_status mark_quoted(builder *b)
{
    if (b->v->ntok == 0)
        return LEDE_OK;
    b->quoted = calloc(b->v->ntok, 1);
    if (!b->quoted)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < b->segs->len; i++)
        for (uint32_t k = SEG(b, i).first; k < SEG(b, i).end; k++)
            b->quoted[k] = 1;
    return LEDE_OK;
}

/* Moves the items into the list, in text order, with their pieces' pointers set. */
static lede_status finish(builder *b, lede_quote_list *list)
{
    if (b->items.len > 1) /* an empty vec has no data pointer to give qsort */
        qsort(b->items.data, b->items.len, sizeof(item), by_start);
    if (lede_vec_reserve(&list->quotes, b->items.len) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    list->pieces = b->pieces;
    lede_vec_init(&b->pieces, sizeof(lede_span));
    list->text = b->text;
    lede_vec_init(&b->text, 1);
    for (size_t i = 0; i < b->items.len; i++) {
        item *it = &LEDE_VEC_AT(&b->items, item, i);
        it->q.pieces = &LEDE_VEC_AT(&list->pieces, lede_span, it->first_piece);
        it->q.text = list->text.data ? (const char *)list->text.data + it->text_start : "";
        lede_quote *q = lede_vec_push(&list->quotes);
        *q = it->q;
    }
    return LEDE_OK;
}

lede_status lede_quotes(const lede_article *article, const char *text, size_t len,
                        lede_quote_list **out)
{
    *out = NULL;
    if (!article || (!text && len))
        return LEDE_ERR_INVALID;
    lede_textview v;
    lede_textview_init(&v, article, text, len);
    lede_quote_list *list = calloc(1, sizeof *list);
    if (!list)
        return LEDE_ERR_NOMEM;
    lede_vec_init(&list->quotes, sizeof(lede_quote));
    lede_vec_init(&list->pieces, sizeof(lede_span));
    lede_vec_init(&list->text, 1);
    lede_vec segs;
    lede_vec_init(&segs, sizeof(lede_quoted));
    builder b = { .v = &v, .segs = &segs };
    lede_vec_init(&b.items, sizeof(item));
    lede_vec_init(&b.pieces, sizeof(lede_span));
    lede_vec_init(&b.text, 1);
    lede_status st = lede_quoted_find(&v, &segs);
    if (st == LEDE_OK)
        st = mark_quoted(&b);
    if (st == LEDE_OK)
        st = add_marked(&b);
    if (st == LEDE_OK)
        st = add_indirect(&b);
    if (st == LEDE_OK)
        st = finish(&b, list);
    free(b.quoted);
    lede_vec_free(&b.items);
    lede_vec_free(&b.pieces);
    lede_vec_free(&b.text);
    lede_vec_free(&segs);
    if (st != LEDE_OK) {
        lede_quote_list_free(list);
        return st;
    }
    *out = list;
    return LEDE_OK;
}

size_t lede_quote_list_count(const lede_quote_list *list)
{
    return list ? list->quotes.len : 0;
}

const lede_quote *lede_quote_list_at(const lede_quote_list *list, size_t i)
{
    return list && i < list->quotes.len ? &LEDE_VEC_AT(&list->quotes, lede_quote, i) : NULL;
}

void lede_quote_list_free(lede_quote_list *list)
{
    if (!list)
        return;
    lede_vec_free(&list->quotes);
    lede_vec_free(&list->pieces);
    lede_vec_free(&list->text);
    free(list);
}
