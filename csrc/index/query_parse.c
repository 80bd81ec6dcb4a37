/*
 * query_parse — the query grammar and the tree it builds (docs/QUERY.md). Recursive descent over
 * the tokens of query_lex.c:
 *
 *   or      := default ('OR' default)*
 *   default := and and*                  (adjacent clauses: the default operator)
 *   and     := unary ('AND' unary)*
 *   unary   := 'NOT'* ('+' | '-')? primary
 *   primary := field* (word | prefix | phrase | date | near | '(' or ')')
 *   near    := ('NEAR(' | 'NEAR/n(') (word | phrase)* ')'
 *
 * Recursion happens only at '(' and is capped at MAX_DEPTH, so no query can exhaust the C stack;
 * chains of NOT or of fields are loops. Lenient mode stops reading after MAX_CLAUSES clauses, so
 * a long query costs time in proportion to its length and no more.
 */
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "index/query.h"
#include "index/query_lex.h"
#include "util/vec.h"

#define MAX_DEPTH 64      /* groups inside groups; deeper '(' are read as nothing (lenient) */
#define MAX_CLAUSES 1024  /* words, phrases, prefixes and dates in one query */
#define MAX_LEN ((size_t)UINT32_MAX - 1) /* positions are uint32_t, the end included */

/* ---- Memory: everything of one query lives in its blocks, freed together ------------------- */

typedef struct block {
    struct block *next;
    size_t used, size;
    max_align_t data[]; /* aligned for any node */
} block;

enum { BLOCK_SIZE = 8192 };

struct lede_query {
    block *blocks;
    const char *text; /* the copy node texts point into */
    size_t len;
    const lede_qnode *root;
};

static void *arena_alloc(lede_query *q, size_t n)
{
    const size_t align = alignof(max_align_t);
    if (n > SIZE_MAX - sizeof(block) - align)
        return NULL;
    n = n == 0 ? align : (n + align - 1) / align * align;
    block *b = q->blocks;
    if (!b || b->size - b->used < n) {
        size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
        if (!(b = malloc(sizeof *b + size)))
            return NULL;
        b->next = q->blocks;
        b->used = 0;
        b->size = size;
        q->blocks = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

void lede_query_free(lede_query *q)
{
    if (!q)
        return;
    for (block *b = q->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(q);
}

const lede_qnode *lede_query_root(const lede_query *q) { return q->root; }

const char *lede_query_text(const lede_query *q, size_t *len)
{
    *len = q->len;
    return q->text;
}

/* ---- The parser's state ---------------------------------------------------------------------- */

typedef struct parser {
    lede_query *q;
    const lede_parse_options *opt;
    int strict;
    qlexer lx;
    qtok tok;              /* the current token */
    qerror err;            /* strict mode's first error */
    lede_status status;    /* LEDE_ERR_NOMEM once an allocation failed */
    lede_vec stack;        /* lede_qnode *: the children of the nodes being built, innermost last */
    const char **names;    /* the known fields' names, copied into the query, by index */
    const char *date_name; /* the date field's name, copied */
    const char *field;     /* the field leaves take here: from the innermost `name:` */
    unsigned depth;        /* groups open ('(' and NEAR( read and not yet closed) */
    size_t ignored_opens;  /* '(' beyond MAX_DEPTH, read as nothing, whose ')' must be too */
    size_t clauses;
} parser;

#define STACK(p, i) LEDE_VEC_AT(&(p)->stack, lede_qnode *, i)

static int failed(const parser *p) { return p->err.failed || p->status != LEDE_OK; }

/* After an error every loop of the grammar sees the end of the query and unwinds. */
static void out_of_memory(parser *p)
{
    p->status = LEDE_ERR_NOMEM;
    p->tok.kind = QT_END;
}

/* A strict-mode error about token t: "<before> '<t as typed>'<after> at position <t's start>". */
static void fail_at(parser *p, const qtok *t, const char *before, const char *after)
{
    qerror_set(&p->err, t->pos, "%s '%.*s'%s", before, qerror_quoted(t->end - t->pos),
               p->lx.text + t->pos, after);
    p->tok.kind = QT_END;
}

static void fail(parser *p, uint32_t pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void fail(parser *p, uint32_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    qerror_vset(&p->err, pos, fmt, ap);
    va_end(ap);
    p->tok.kind = QT_END;
}

/* Reads the next token, applying the limits on nesting and dropping the ')' that close nothing. */
static void advance(parser *p)
{
    for (;;) {
        p->tok = failed(p) ? (qtok){ .kind = QT_END } : qlex_next(&p->lx);
        qtok_kind k = p->tok.kind;
        if ((k == QT_LPAREN || k == QT_NEAR) && p->depth >= MAX_DEPTH) {
            if (p->strict)
                fail(p, p->tok.pos, "parentheses nested deeper than %d", MAX_DEPTH);
            p->ignored_opens++;
            continue;
        }
        if (k == QT_RPAREN && p->ignored_opens > 0) {
            p->ignored_opens--;
            continue;
        }
        if (k == QT_RPAREN && p->depth == 0) {
            if (p->strict)
                fail(p, p->tok.pos, "unbalanced ')'");
            continue;
        }
        return;
    }
}

static int starts_operand(qtok_kind k)
{
    switch (k) {
    case QT_WORD: case QT_PREFIX: case QT_PHRASE: case QT_LPAREN: case QT_PLUS: case QT_MINUS:
    case QT_FIELD: case QT_DATE: case QT_NEAR: case QT_NOT:
        return 1;
    default:
        return 0;
    }
}

/* ---- Nodes ----------------------------------------------------------------------------------- */

static lede_qnode *new_node(parser *p, lede_qkind kind, uint32_t position)
{
    lede_qnode *n = arena_alloc(p->q, sizeof *n);
    if (!n) {
        out_of_memory(p);
        return NULL;
    }
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->position = position;
    return n;
}

static void push(parser *p, lede_qnode *n)
{
    if (!n)
        return;
    lede_qnode **slot = lede_vec_push(&p->stack);
    if (!slot)
        out_of_memory(p);
    else
        *slot = n;
}

/* Moves the items pushed since `from` down to `to`, dropping those between. */
static void move_down(parser *p, size_t to, size_t from)
{
    size_t n = p->stack.len - from;
    if (n > 0 && to != from) /* when nothing was pushed, the stack may have no memory at all */
        memmove(&STACK(p, to), &STACK(p, from), n * sizeof(lede_qnode *));
    p->stack.len = to + n;
}

/* A node of `kind` whose children are the stack from `base` up, which it takes off the stack. Its
 * position is that of its first child in the text. */
static lede_qnode *finish(parser *p, lede_qkind kind, size_t base)
{
    size_t n = p->stack.len - base;
    lede_qnode *node = new_node(p, kind, 0);
    lede_qnode **kids = node ? arena_alloc(p->q, n * sizeof *kids) : NULL;
    if (!kids) {
        out_of_memory(p);
        p->stack.len = base;
        return NULL;
    }
    memcpy(kids, &STACK(p, base), n * sizeof *kids);
    node->position = UINT32_MAX;
    for (size_t i = 0; i < n; i++)
        if (kids[i]->position < node->position)
            node->position = kids[i]->position;
    node->children = kids;
    node->nchildren = n;
    p->stack.len = base;
    return node;
}

/* The one node left on the stack above `base`, taken off; NULL when there is none. */
static lede_qnode *take_single(parser *p, size_t base)
{
    lede_qnode *n = p->stack.len > base ? STACK(p, base) : NULL;
    p->stack.len = base;
    return n;
}

/*
 * AND of the stack from `base`. Nested ANDs are merged into it (a required flag means nothing
 * under AND, so merging loses nothing). NOT may appear only under AND, and something must be there
 * to subtract from: when every child is a NOT, ALL is put first. A lone child, even a NOT, is
 * returned as it is: the clauses around it may still be ANDed with it, and make_or() places a NOT
 * that stays alone.
 */
static lede_qnode *make_and(parser *p, size_t base)
{
    size_t end = p->stack.len;
    for (size_t i = base; i < end && !failed(p); i++) {
        lede_qnode *c = STACK(p, i);
        if (c->kind == LEDE_Q_AND)
            for (size_t k = 0; k < c->nchildren; k++)
                push(p, c->children[k]->kind == LEDE_Q_ALL ? NULL : c->children[k]);
        else if (c->kind != LEDE_Q_ALL)
            push(p, c);
    }
    move_down(p, base, end);
    size_t n = p->stack.len - base, positives = 0;
    for (size_t i = base; i < p->stack.len; i++)
        positives += STACK(p, i)->kind != LEDE_Q_NOT;
    if (n <= 1)
        return take_single(p, base);
    if (positives == 0) {
        lede_qnode *all = new_node(p, LEDE_Q_ALL, STACK(p, base)->position); /* the first NOT's */
        push(p, all);
        if (failed(p)) {
            p->stack.len = base;
            return NULL;
        }
        memmove(&STACK(p, base + 1), &STACK(p, base), n * sizeof(lede_qnode *));
        STACK(p, base) = all;
    }
    return finish(p, LEDE_Q_AND, base);
}

/* Whether OR child c can be merged into its OR parent: not when c or one of its children is
 * required, for `+` binds to the OR it was written in. */
static int mergeable_or(const lede_qnode *c)
{
    if (c->kind != LEDE_Q_OR || c->required)
        return 0;
    for (size_t k = 0; k < c->nchildren; k++)
        if (c->children[k]->required)
            return 0;
    return 1;
}

/* AND(ALL, NOT x): how a negation stands where no AND holds it. */
static lede_qnode *under_all(parser *p, lede_qnode *not)
{
    size_t base = p->stack.len;
    push(p, new_node(p, LEDE_Q_ALL, not->position));
    push(p, not);
    if (failed(p)) {
        p->stack.len = base;
        return NULL;
    }
    return finish(p, LEDE_Q_AND, base);
}

/* OR of the stack from `base`, merging plain nested ORs and giving each NOT its AND. */
static lede_qnode *make_or(parser *p, size_t base)
{
    size_t end = p->stack.len;
    for (size_t i = base; i < end && !failed(p); i++) {
        lede_qnode *c = STACK(p, i);
        if (mergeable_or(c))
            for (size_t k = 0; k < c->nchildren; k++)
                push(p, c->children[k]);
        else
            push(p, c->kind == LEDE_Q_NOT ? under_all(p, c) : c);
    }
    move_down(p, base, end);
    if (p->stack.len - base <= 1)
        return take_single(p, base);
    return finish(p, LEDE_Q_OR, base);
}

/*
 * Adjacent clauses, with the default operator. Under OR, `a -b c` means (a OR c) AND NOT b: the
 * negations apply to the whole, as NOT must sit under AND.
 */
static lede_qnode *make_default(parser *p, size_t base)
{
    if (p->opt->default_op == LEDE_DEFAULT_AND)
        return make_and(p, base);
    size_t end = p->stack.len, negations = 0;
    for (size_t i = base; i < end; i++)
        negations += STACK(p, i)->kind == LEDE_Q_NOT;
    if (negations == 0)
        return make_or(p, base);
    for (size_t i = base; i < end; i++)
        push(p, STACK(p, i)->kind == LEDE_Q_NOT ? NULL : STACK(p, i));
    push(p, make_or(p, end));
    for (size_t i = base; i < end; i++)
        push(p, STACK(p, i)->kind == LEDE_Q_NOT ? STACK(p, i) : NULL);
    move_down(p, base, end);
    return make_and(p, base);
}

/* A word, prefix, phrase or date from the current token; NULL past the clause limit. */
static lede_qnode *leaf(parser *p, lede_qkind kind)
{
    if (++p->clauses > MAX_CLAUSES) {
        if (p->strict)
            fail(p, p->tok.pos, "more than %d clauses", MAX_CLAUSES);
        qlex_stop(&p->lx); /* lenient: the rest of the query is ignored */
        p->tok.kind = QT_END;
        return NULL;
    }
    lede_qnode *n = new_node(p, kind, p->tok.pos);
    if (!n)
        return NULL;
    n->text = p->tok.text;
    n->text_len = p->tok.len;
    n->field = p->field;
    n->field_len = p->field ? strlen(p->field) : 0;
    if (kind == LEDE_Q_DATE) { /* like every leaf, placed where its text starts: the value */
        n->position = (uint32_t)(p->tok.text - p->lx.text);
        n->field = p->date_name;
        n->field_len = strlen(p->date_name);
        n->date_from = p->tok.from;
        n->date_to = p->tok.to;
    }
    advance(p);
    return n;
}

/* ---- Grammar --------------------------------------------------------------------------------- */

static lede_qnode *parse_or(parser *p);

/* A bracketed group, closed at the end of the query when its ')' is missing (lenient). */
static lede_qnode *parse_group(parser *p)
{
    uint32_t open = p->tok.pos;
    p->depth++;
    advance(p);
    lede_qnode *n = parse_or(p);
    p->depth--;
    if (p->tok.kind == QT_RPAREN) {
        if (!n && p->strict)
            fail(p, open, "empty parentheses");
        advance(p);
    } else if (p->strict) {
        fail(p, open, "unbalanced '('");
    }
    return n;
}

/* NEAR/n(a b "c d"): words and phrases only. Lenient mode reads a prefix as its word and skips
 * anything else, brackets included. */
static lede_qnode *parse_near(parser *p)
{
    qtok near = p->tok;
    size_t base = p->stack.len, inner = 0;
    p->depth++;
    advance(p);
    for (;;) {
        qtok t = p->tok;
        if (t.kind == QT_END || (t.kind == QT_RPAREN && inner == 0))
            break;
        if (t.kind == QT_WORD || (t.kind == QT_PHRASE && !t.empty) ||
            (t.kind == QT_PREFIX && !p->strict)) {
            push(p, leaf(p, t.kind == QT_PHRASE ? LEDE_Q_PHRASE : LEDE_Q_TERM));
            continue;
        }
        if (p->strict) {
            if (t.kind == QT_PHRASE)
                fail(p, t.pos, "empty phrase");
            else
                fail_at(p, &t, "unexpected", " in NEAR");
            break;
        }
        inner += t.kind == QT_LPAREN || t.kind == QT_NEAR; /* their ')' close them, not us */
        inner -= t.kind == QT_RPAREN;
        advance(p);
    }
    p->depth--;
    if (p->tok.kind == QT_RPAREN)
        advance(p);
    else if (p->strict)
        fail(p, near.pos + (uint32_t)near.len, "unbalanced '('");
    if (p->stack.len - base < 2) {
        if (p->strict)
            fail(p, near.pos, "NEAR needs at least two words or phrases");
        return take_single(p, base);
    }
    lede_qnode *n = finish(p, LEDE_Q_NEAR, base);
    if (n) {
        n->position = near.pos;
        n->distance = near.distance;
        n->field = p->field;
        n->field_len = p->field ? strlen(p->field) : 0;
    }
    return n;
}

/* What a clause is made of, after any `name:` (the innermost one wins). */
static lede_qnode *parse_primary(parser *p)
{
    const char *outer = p->field;
    while (p->tok.kind == QT_FIELD) {
        p->field = p->names[p->tok.field];
        advance(p);
    }
    lede_qnode *n = NULL;
    switch (p->tok.kind) {
    case QT_WORD: n = leaf(p, LEDE_Q_TERM); break;
    case QT_PREFIX: n = leaf(p, LEDE_Q_PREFIX); break;
    case QT_DATE: n = leaf(p, LEDE_Q_DATE); break;
    case QT_NEAR: n = parse_near(p); break;
    case QT_LPAREN: n = parse_group(p); break;
    case QT_PHRASE:
        if (!p->tok.empty)
            n = leaf(p, LEDE_Q_PHRASE);
        else if (p->strict)
            fail(p, p->tok.pos, "empty phrase");
        else
            advance(p); /* `""`, `"!"`: nothing to search for */
        break;
    default: break; /* nothing: the operator before it is dropped */
    }
    p->field = outer;
    return n;
}

/* NOT binds tightest; NOT NOT x is x. */
static lede_qnode *parse_unary(parser *p)
{
    uint32_t pos = p->tok.pos;
    int negate = 0, required = 0;
    while (p->tok.kind == QT_NOT) {
        qtok op = p->tok;
        negate ^= 1;
        advance(p);
        if (!starts_operand(p->tok.kind)) {
            if (p->strict)
                fail_at(p, &op, "expected a term after", "");
            return NULL;
        }
    }
    if (p->tok.kind == QT_PLUS || p->tok.kind == QT_MINUS) {
        required = p->tok.kind == QT_PLUS;
        negate ^= p->tok.kind == QT_MINUS;
        advance(p);
    }
    lede_qnode *n = parse_primary(p);
    if (!n)
        return NULL;
    n->required |= required;
    if (!negate)
        return n;
    lede_qnode *not = new_node(p, LEDE_Q_NOT, pos);
    lede_qnode **kid = not ? arena_alloc(p->q, sizeof *kid) : NULL;
    if (!kid) {
        out_of_memory(p);
        return NULL;
    }
    kid[0] = n;
    not->children = kid;
    not->nchildren = 1;
    return not;
}

static lede_qnode *parse_and(parser *p)
{
    size_t base = p->stack.len;
    push(p, parse_unary(p));
    while (p->tok.kind == QT_AND) {
        qtok op = p->tok;
        advance(p);
        if (starts_operand(p->tok.kind))
            push(p, parse_unary(p));
        else if (p->strict)
            fail_at(p, &op, "expected a term after", "");
        /* lenient: `a AND AND b` is a AND b, `a AND` is a */
    }
    return make_and(p, base);
}

static lede_qnode *parse_default(parser *p)
{
    size_t base = p->stack.len;
    for (;;) {
        if (p->tok.kind == QT_AND) { /* with nothing before it */
            if (p->strict)
                fail_at(p, &p->tok, "expected a term before", "");
            advance(p);
        } else if (starts_operand(p->tok.kind)) {
            push(p, parse_and(p));
        } else {
            break;
        }
    }
    return make_default(p, base);
}

static lede_qnode *parse_or(parser *p)
{
    size_t base = p->stack.len;
    for (;;) {
        lede_qnode *n = parse_default(p);
        push(p, n);
        if (p->tok.kind != QT_OR)
            break;
        qtok op = p->tok;
        if (!n && p->strict)
            fail_at(p, &op, "expected a term before", "");
        advance(p);
        if (!starts_operand(p->tok.kind) && p->strict)
            fail_at(p, &op, "expected a term after", "");
    }
    return make_or(p, base);
}

/* The whole query; the parser's state is fresh except for the lexer's `keywords` switch. */
static lede_qnode *parse_query(parser *p, int keywords)
{
    qlex_init(&p->lx, p->q->text, p->q->len, p->opt, &p->err);
    p->lx.keywords = keywords;
    p->depth = 0;
    p->ignored_opens = 0;
    p->clauses = 0;
    p->stack.len = 0;
    advance(p);
    return parse_or(p); /* stops only at the end: advance() drops the ')' that close nothing */
}

/* ---- Entry ----------------------------------------------------------------------------------- */

static const char *copy_name(parser *p, const char *name)
{
    size_t n = strlen(name);
    char *s = arena_alloc(p->q, n + 1);
    if (!s)
        out_of_memory(p);
    else
        memcpy(s, name, n + 1);
    return s;
}

/* Copies the text and the field names into the query, so that the tree depends on nothing else. */
static void setup(parser *p, const char *text, size_t len)
{
    char *copy = arena_alloc(p->q, len + 1);
    if (!copy) {
        out_of_memory(p);
        return;
    }
    if (len)
        memcpy(copy, text, len);
    copy[len] = 0;
    p->q->text = copy;
    p->q->len = len;
    size_t nfields = 0;
    while (p->opt->fields && p->opt->fields[nfields])
        nfields++;
    if (nfields && !(p->names = arena_alloc(p->q, nfields * sizeof *p->names))) {
        out_of_memory(p);
        return;
    }
    for (size_t k = 0; k < nfields; k++)
        p->names[k] = copy_name(p, p->opt->fields[k]);
    if (p->opt->date_field)
        p->date_name = copy_name(p, p->opt->date_field);
}

static lede_qnode *parse(parser *p)
{
    lede_qnode *root = parse_query(p, 1);
    /* `OR`, `NOT AND`: operators with nothing to join are the words the user searched for. */
    if (!root && !p->strict && !failed(p) && p->lx.nkeywords > 0)
        root = parse_query(p, 0);
    if (!root && !failed(p)) {
        if (p->strict)
            qerror_set(&p->err, UINT32_MAX, "empty query");
        else
            root = new_node(p, LEDE_Q_ALL, 0);
    }
    return root;
}

lede_status lede_query_parse(const char *text, size_t len, const lede_parse_options *options,
                             lede_query **out, char *error, size_t errlen)
{
    static const lede_parse_options defaults = { .mode = LEDE_QUERY_LENIENT };
    *out = NULL;
    if (error && errlen)
        error[0] = 0;
    if (!options)
        options = &defaults;
    if (!text)
        len = 0;
    parser p = { .opt = options, .strict = options->mode == LEDE_QUERY_STRICT,
                 .err = { .buf = error, .size = errlen } };
    if (len > MAX_LEN) {
        if (p.strict) {
            qerror_set(&p.err, UINT32_MAX, "query longer than 4 GiB");
            return LEDE_ERR_INVALID;
        }
        len = MAX_LEN; /* the clause limit would ignore the rest anyway */
    }
    if (!(p.q = calloc(1, sizeof *p.q)))
        return LEDE_ERR_NOMEM;
    lede_vec_init(&p.stack, sizeof(lede_qnode *));
    setup(&p, text, len);
    lede_qnode *root = failed(&p) ? NULL : parse(&p);
    lede_vec_free(&p.stack);
    if (failed(&p)) {
        lede_query_free(p.q);
        return p.status != LEDE_OK ? p.status : LEDE_ERR_INVALID;
    }
    p.q->root = root;
    *out = p.q;
    return LEDE_OK;
}
