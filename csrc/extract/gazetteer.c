/*
 * gazetteer — the lists that let grouping know what no article spells out: that "US" is the
 * United States, that "Iraqi" points at Iraq, that "Gen." is a title. Lines of text, read from
 * memory so that the caller decides where the files live (see data/gazetteer/).
 */
#include <stdlib.h>
#include <string.h>

#include "extract/entity_internal.h"
#include "text/normalize.h"

lede_status lede_gazetteer_new(lede_gazetteer **out)
{
    lede_gazetteer *g = calloc(1, sizeof *g);
    *out = g;
    if (!g)
        return LEDE_ERR_NOMEM;
    lede_strmap_init(&g->forms);
    lede_vec_init(&g->form_of, sizeof(uint32_t));
    lede_vec_init(&g->entries, sizeof(gaz_entry));
    lede_vec_init(&g->names, 1);
    lede_strmap_init(&g->titles);
    return LEDE_OK;
}

void lede_gazetteer_free(lede_gazetteer *g)
{
    if (!g)
        return;
    lede_strmap_free(&g->forms);
    lede_vec_free(&g->form_of);
    lede_vec_free(&g->entries);
    lede_vec_free(&g->names);
    lede_strmap_free(&g->titles);
    free(g);
}

lede_status entity_key(const char *text, size_t len, lede_vec *out)
{
    size_t from = out->len;
    lede_status st = lede_normalize(text, len, 0, out);
    if (st != LEDE_OK)
        return st;
    char *s = (char *)out->data + from;
    size_t n = out->len - from, k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '.')
            continue;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (k > 0 && s[k - 1] != ' ')
                s[k++] = ' ';
            continue;
        }
        s[k++] = c;
    }
    if (k > 0 && s[k - 1] == ' ')
        k--;
    out->len = from + k;
    return LEDE_OK;
}

int64_t gaz_find(const lede_gazetteer *g, const char *key, size_t len, int *demonym)
{
    int64_t n = g ? lede_strmap_find(&g->forms, key, len) : -1;
    if (n < 0)
        return -1;
    uint32_t v = LEDE_VEC_AT(&g->form_of, uint32_t, n);
    *demonym = (int)(v & 1);
    return v >> 1;
}

/* Adds one form of entry `entry`; a form listed twice keeps its first entry. */
static lede_status add_form(lede_gazetteer *g, const char *s, size_t len, uint32_t entry,
                            int demonym, lede_vec *scratch)
{
    scratch->len = 0;
    lede_status st = entity_key(s, len, scratch);
    if (st != LEDE_OK || scratch->len == 0)
        return st;
    uint32_t number;
    int added;
    st = lede_strmap_intern(&g->forms, scratch->data, scratch->len, &number, &added);
    if (st != LEDE_OK || !added)
        return st;
    uint32_t *slot = lede_vec_push(&g->form_of);
    if (!slot)
        return LEDE_ERR_NOMEM;
    *slot = entry << 1 | (uint32_t)(demonym != 0);
    return LEDE_OK;
}

/* Trims spaces and tabs around s[*a..*b). */
static void trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && (s[*a] == ' ' || s[*a] == '\t' || s[*a] == '\r'))
        (*a)++;
    while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t' || s[*b - 1] == '\r'))
        (*b)--;
}

/* One line "Name|Short|...; Demonym|..." of entries of `type`. */
static lede_status add_entry(lede_gazetteer *g, const char *s, size_t len, lede_entity_type type,
                             lede_vec *scratch)
{
    size_t a = 0, b = 0;
    while (b < len && s[b] != '|' && s[b] != ';')
        b++;
    trim(s, &a, &b);
    if (a == b)
        return LEDE_ERR_INVALID;
    uint32_t entry = (uint32_t)g->entries.len;
    gaz_entry *e = lede_vec_push(&g->entries);
    if (!e)
        return LEDE_ERR_NOMEM;
    e->type = type;
    e->name = (uint32_t)g->names.len;
    e->name_len = (uint32_t)(b - a);
    lede_status st = lede_vec_append(&g->names, s + a, b - a);
    if (st == LEDE_OK) {
        e->key = (uint32_t)g->names.len;
        st = entity_key(s + a, b - a, &g->names);
        e->key_len = (uint32_t)(g->names.len - e->key);
    }
    int demonym = 0;
    for (size_t i = 0; st == LEDE_OK && i <= len;) {
        size_t j = i;
        while (j < len && s[j] != '|' && s[j] != ';')
            j++;
        size_t fa = i, fb = j;
        trim(s, &fa, &fb);
        if (fa < fb)
            st = add_form(g, s + fa, fb - fa, entry, demonym, scratch);
        if (j < len && s[j] == ';')
            demonym = 1;
        i = j + 1;
    }
    return st;
}

lede_status lede_gazetteer_add(lede_gazetteer *g, lede_gazetteer_list list, const char *bytes,
                               size_t len)
{
    static const lede_entity_type types[] = { LEDE_ENTITY_LOC, LEDE_ENTITY_ORG };
    if (!g || (!bytes && len) || (unsigned)list > LEDE_GAZETTEER_TITLES)
        return LEDE_ERR_INVALID;
    if (len >= UINT32_MAX / 2)
        return LEDE_ERR_TOO_LARGE;
    lede_vec scratch;
    lede_vec_init(&scratch, 1);
    lede_status st = LEDE_OK;
    for (size_t i = 0; st == LEDE_OK && i < len;) {
        const char *nl = memchr(bytes + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - bytes) : len, a = i, b = end;
        trim(bytes, &a, &b);
        if (a < b && bytes[a] != '#') {
            if (list == LEDE_GAZETTEER_TITLES) {
                uint32_t number;
                int added;
                scratch.len = 0;
                st = entity_key(bytes + a, b - a, &scratch);
                if (st == LEDE_OK && scratch.len)
                    st = lede_strmap_intern(&g->titles, scratch.data, scratch.len, &number, &added);
            } else {
                st = add_entry(g, bytes + a, b - a, types[list], &scratch);
            }
        }
        i = end + 1;
    }
    lede_vec_free(&scratch);
    return st;
}
