/*
 * libFuzzer target: any bytes are a query. The first byte picks the options, the rest is parsed
 * in both modes. Lenient parsing must always succeed; strict parsing succeeds or names a position
 * inside the query; a strict success must give the very tree lenient parsing gives. Every tree
 * must keep the shape query.h promises (NOT only under AND, texts inside the query's copy, ...).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/query.h"

#define check(condition)                                                                 \
    do {                                                                                 \
        if (!(condition)) {                                                              \
            fprintf(stderr, "fuzz_query: %s:%d: %s\n", __FILE__, __LINE__, #condition); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fields[] = { "title", "text", "source", "date", NULL };

typedef struct walk {
    const char *const *fields;
    const char *copy; /* the query's copy of the text */
    size_t len;
    const char *date_field;
    size_t leaves;
} walk;

static int known_field(const walk *w, const char *f, size_t n)
{
    if (w->date_field && strlen(w->date_field) == n && memcmp(w->date_field, f, n) == 0)
        return 1;
    for (size_t k = 0; w->fields && w->fields[k]; k++)
        if (strlen(w->fields[k]) == n && memcmp(w->fields[k], f, n) == 0)
            return 1;
    return 0;
}

static void check_leaf(walk *w, const lede_qnode *n)
{
    check(n->nchildren == 0 && n->children == NULL);
    check(n->text && n->text_len > 0);
    check(n->text >= w->copy && n->text_len <= w->len && n->text - w->copy <= (ptrdiff_t)(w->len - n->text_len));
    if (n->kind == LEDE_Q_TERM || n->kind == LEDE_Q_PREFIX || n->kind == LEDE_Q_DATE)
        check(n->text == w->copy + n->position);
    if (n->kind == LEDE_Q_PHRASE)
        check(n->text == w->copy + n->position + 1 && w->copy[n->position] == '"');
    if (n->kind == LEDE_Q_DATE) {
        check(n->date_from < n->date_to);
        check(w->date_field && n->field && strcmp(n->field, w->date_field) == 0);
    }
    w->leaves++;
}

static void check_node(walk *w, const lede_qnode *n, const lede_qnode *parent, size_t index,
                       int depth)
{
    check(n != NULL);
    check(depth < 4 * 64 + 8); /* groups nest at most 64 deep */
    check(n->position < w->len || (w->len == 0 && n->position == 0));
    check(!n->field || known_field(w, n->field, n->field_len));
    for (size_t i = 0; i < n->nchildren; i++)
        check_node(w, n->children[i], n, i, depth + 1);
    switch (n->kind) {
    case LEDE_Q_TERM: case LEDE_Q_PHRASE: case LEDE_Q_PREFIX: case LEDE_Q_DATE:
        check_leaf(w, n);
        break;
    case LEDE_Q_NEAR:
        check(n->nchildren >= 2 && n->distance >= 1 && n->distance <= 1000);
        for (size_t i = 0; i < n->nchildren; i++) {
            const lede_qnode *c = n->children[i];
            check(c->kind == LEDE_Q_TERM || c->kind == LEDE_Q_PHRASE);
            check(c->field == n->field);
        }
        break;
    case LEDE_Q_AND: {
        size_t positives = 0;
        check(n->nchildren >= 2);
        for (size_t i = 0; i < n->nchildren; i++) {
            check(n->children[i]->kind != LEDE_Q_AND); /* merged */
            positives += n->children[i]->kind != LEDE_Q_NOT;
        }
        check(positives >= 1);
        break;
    }
    case LEDE_Q_OR:
        check(n->nchildren >= 2);
        for (size_t i = 0; i < n->nchildren; i++)
            check(n->children[i]->kind != LEDE_Q_NOT);
        break;
    case LEDE_Q_NOT:
        check(n->nchildren == 1 && parent && parent->kind == LEDE_Q_AND);
        break;
    case LEDE_Q_ALL:
        check(n->nchildren == 0);
        /* the whole query, or first under an AND of negations only */
        if (parent) {
            check(parent->kind == LEDE_Q_AND && index == 0);
            for (size_t i = 1; i < parent->nchildren; i++)
                check(parent->children[i]->kind == LEDE_Q_NOT);
        }
        break;
    default:
        check(0);
    }
}

/* Same tree, with texts at the same offsets in their copies. */
static int same_tree(const lede_qnode *a, const char *ca, const lede_qnode *b, const char *cb)
{
    if (a->kind != b->kind || a->position != b->position || a->nchildren != b->nchildren ||
        a->required != b->required || a->distance != b->distance ||
        a->date_from != b->date_from || a->date_to != b->date_to ||
        a->text_len != b->text_len || (a->text ? a->text - ca : -1) != (b->text ? b->text - cb : -1) ||
        (a->field == NULL) != (b->field == NULL) || (a->field && strcmp(a->field, b->field) != 0))
        return 0;
    for (size_t i = 0; i < a->nchildren; i++)
        if (!same_tree(a->children[i], ca, b->children[i], cb))
            return 0;
    return 1;
}

static lede_query *parse_checked(const char *text, size_t len, const lede_parse_options *o)
{
    char error[128];
    memset(error, 'x', sizeof error);
    lede_query *q = NULL;
    lede_status st = lede_query_parse(text, len, o, &q, error, sizeof error);
    if (o->mode == LEDE_QUERY_STRICT && st == LEDE_ERR_INVALID) {
        check(q == NULL && memchr(error, 0, sizeof error) != NULL);
        const char *at = strstr(error, " at position ");
        check(at ? strtoul(at + 13, NULL, 10) <= len : strcmp(error, "empty query") == 0);
        return NULL;
    }
    check(st == LEDE_OK && q != NULL);
    size_t copy_len;
    const char *copy = lede_query_text(q, &copy_len);
    check(copy_len == len && copy[len] == 0 && (len == 0 || memcmp(copy, text, len) == 0));
    walk w = { .fields = o->fields, .copy = copy, .len = len, .date_field = o->date_field };
    const lede_qnode *root = lede_query_root(q);
    check(root != NULL && root->kind != LEDE_Q_NOT);
    check_node(&w, root, NULL, 0, 0);
    check(w.leaves <= 1024);
    return q;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    lede_parse_options o = {
        .default_op = data[0] & 1 ? LEDE_DEFAULT_OR : LEDE_DEFAULT_AND,
        .fields = data[0] & 2 ? NULL : fields,
        .date_field = data[0] & 4 ? NULL : "date",
    };
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    o.mode = LEDE_QUERY_LENIENT;
    lede_query *lenient = parse_checked(text, len, &o);
    o.mode = LEDE_QUERY_STRICT;
    lede_query *strict = parse_checked(text, len, &o);
    if (strict) {
        size_t n;
        check(same_tree(lede_query_root(strict), lede_query_text(strict, &n),
                        lede_query_root(lenient), lede_query_text(lenient, &n)));
    }
    lede_query_free(strict);
    lede_query_free(lenient);
    return 0;
}
