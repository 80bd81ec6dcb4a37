/*
 * entity_forms — what a mention names, as opposed to how it is written: "Mr. Stoltenberg's" names
 * "Stoltenberg". Titles go only from people ("General Motors" keeps its "General").
 */
#include "extract/entity_internal.h"

lede_status entity_is_title(const lede_gazetteer *g, const lede_token *t, const char *text,
                            lede_vec *pool, int *yes)
{
    *yes = 0;
    if (!g || t->kind != LEDE_TOKEN_WORD)
        return LEDE_OK;
    size_t from = pool->len;
    lede_status st = entity_key(text + t->span.start, t->span.end - t->span.start, pool);
    if (st == LEDE_OK)
        *yes = lede_strmap_find(&g->titles, (const char *)pool->data + from, pool->len - from) >= 0;
    pool->len = from;
    return st;
}

/* The end of token t without its possessive ending: "NATO's" and "ministers’" lose the
 * apostrophe (ASCII or U+2019) and what follows it. */
static uint32_t without_possessive(const lede_token *t, const char *text)
{
    uint32_t end = t->span.end;
    if (!(t->flags & LEDE_TOKEN_POSSESSIVE))
        return end;
    for (uint32_t i = end; i > t->span.start; i--) {
        if (text[i - 1] == '\'')
            return i - 1;
        if (i - t->span.start >= 3 && (unsigned char)text[i - 3] == 0xE2 &&
            (unsigned char)text[i - 2] == 0x80 && (unsigned char)text[i - 1] == 0x99)
            return i - 3;
    }
    return end;
}

lede_status entity_form_of(const lede_gazetteer *g, const lede_token *tok, const char *text,
                           uint32_t first, uint32_t count, lede_entity_type type, lede_vec *pool,
                           entity_form *out)
{
    while (type == LEDE_ENTITY_PER && count > 1) {
        int title;
        lede_status st = entity_is_title(g, &tok[first], text, pool, &title);
        if (st != LEDE_OK)
            return st;
        if (!title)
            break;
        first++;
        count--;
    }
    out->first = first;
    out->count = count;
    out->name.start = tok[first].span.start;
    out->name.end = without_possessive(&tok[first + count - 1], text);
    if (out->name.end <= out->name.start) /* a lone apostrophe: keep the token as it is */
        out->name.end = tok[first + count - 1].span.end;
    out->key = (uint32_t)pool->len;
    lede_status st = entity_key(text + out->name.start, out->name.end - out->name.start, pool);
    out->key_len = (uint32_t)(pool->len - out->key);
    return st;
}
