/*
 * entities — the tagger's mentions grouped into entities within one article. Mentions are taken
 * longest first, so that "Jens Stoltenberg" is known before "Stoltenberg" and "North Atlantic
 * Treaty Organization" before "NATO"; each joins the first group that one of these knows it by:
 * the gazetteer, an earlier form, a person's surname, the initials of a longer name. Then the
 * capitalised words the tagger left out that spell a known entity become mentions too, since a
 * perceptron trained on edited copy misses "Irans" or "Stoltenberg's" in sloppier text.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/entity_internal.h"

struct lede_entity_list {
    lede_mention *mentions;
    uint32_t *entity_of;
    size_t nmentions;
    lede_entity *entities;
    size_t count;
    uint32_t *members;
    char *strings;
};

typedef struct group {
    int64_t gaz;    /* gazetteer entry, or -1 */
    uint32_t best;  /* the mention whose form names the group, when `named` */
    int named;      /* whether a mention other than a demonym names it ("Iraqi" does not) */
    uint32_t count;
    uint32_t first; /* start of the earliest mention */
} group;

/* A map from keys to group numbers. */
typedef struct keymap {
    lede_strmap map;
    lede_vec group; /* uint32_t per key number */
} keymap;

typedef struct grouping {
    const lede_gazetteer *g;
    const lede_article *article;
    const lede_token *tok;
    const char *text;
    lede_vec mentions; /* lede_mention */
    lede_vec forms;    /* entity_form per mention */
    lede_vec owner;    /* uint32_t group per mention */
    lede_vec groups;   /* group */
    lede_vec pool;     /* key bytes of the forms */
    lede_vec scratch;
    keymap keys;       /* every form seen */
    keymap surnames;   /* last words of people named in full */
    keymap acronyms;   /* initials of names of two words or more */
    int64_t *gaz_group; /* per gazetteer entry: its group, or -1 */
} grouping;

static void keymap_init(keymap *k)
{
    lede_strmap_init(&k->map);
    lede_vec_init(&k->group, sizeof(uint32_t));
}

static void keymap_free(keymap *k)
{
    lede_strmap_free(&k->map);
    lede_vec_free(&k->group);
}

/* Maps key to group unless the key already has one: the first (longest) name keeps it. */
static lede_status keymap_put(keymap *k, const char *key, size_t len, uint32_t group_index)
{
    uint32_t number;
    int added;
    if (len == 0)
        return LEDE_OK;
    lede_status st = lede_strmap_intern(&k->map, key, len, &number, &added);
    if (st != LEDE_OK || !added)
        return st;
    uint32_t *slot = lede_vec_push(&k->group);
    if (!slot)
        return LEDE_ERR_NOMEM;
    *slot = group_index;
    return LEDE_OK;
}

static int64_t keymap_get(const keymap *k, const char *key, size_t len)
{
    int64_t n = lede_strmap_find(&k->map, key, len);
    return n < 0 ? -1 : (int64_t)LEDE_VEC_AT(&k->group, uint32_t, n);
}

/* Whether text[span) is written in capitals only ("BRUSSELS", "ST. LOUIS"): no lower-case ASCII
 * letter and two capitals or more. */
static int shouted(const char *text, lede_span s)
{
    uint32_t capitals = 0;
    for (uint32_t i = s.start; i < s.end; i++) {
        if (text[i] >= 'a' && text[i] <= 'z')
            return 0;
        capitals += text[i] >= 'A' && text[i] <= 'Z';
    }
    return capitals >= 2;
}

/* Whether form f names its group better than `best`: the longer name, else the one in mixed case
 * (a dateline's "BRUSSELS" is the text's "Brussels"), else the earlier. */
static int better_name(const char *text, const entity_form *f, const entity_form *best)
{
    uint32_t len = f->name.end - f->name.start, best_len = best->name.end - best->name.start;
    if (len != best_len)
        return len > best_len;
    int loud = shouted(text, f->name), best_loud = shouted(text, best->name);
    if (loud != best_loud)
        return best_loud;
    return f->name.start < best->name.start;
}

/* Whether text[span) is an acronym as written: capitals (and periods), two letters or more. */
static int all_caps(const char *text, lede_span s)
{
    uint32_t letters = 0;
    for (uint32_t i = s.start; i < s.end; i++) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            letters++;
        else if (c != '.')
            return 0;
    }
    return letters >= 2;
}

static const char *key_of(const grouping *gr, const entity_form *f)
{
    return (const char *)gr->pool.data + f->key;
}

/* The group that knows the key of form f, or -1; *gaz receives the gazetteer entry when the
 * gazetteer knows it (the group may not exist yet). A final "s" is tried off when nothing knows
 * the whole key: "NATOs" and "Irans" are possessives that lost their apostrophe, "Iraqis" a
 * plural demonym. */
static int64_t resolve(const grouping *gr, const entity_form *f, int64_t *gaz, int *demonym,
                       int *stripped, int *by_surname)
{
    const char *key = key_of(gr, f);
    size_t len = f->key_len;
    int acronym = f->count == 1 && all_caps(gr->text, f->name);
    /* the text itself must end in "s" for the name to lose one byte with it */
    int ends_s = f->name.end > f->name.start && (gr->text[f->name.end - 1] | 0x20) == 's';
    *gaz = -1;
    *demonym = 0;
    *by_surname = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && (!ends_s || len < 3 || key[len - 1] != 's' || key[len - 2] == ' '))
            break;
        size_t n = len - (size_t)pass;
        *stripped = pass;
        int64_t e = gaz_find(gr->g, key, n, demonym);
        if (e >= 0) {
            *gaz = e;
            return gr->gaz_group[e];
        }
        int64_t found = keymap_get(&gr->keys, key, n);
        if (found < 0 && (found = keymap_get(&gr->surnames, key, n)) >= 0)
            *by_surname = 1;
        if (found < 0 && acronym)
            found = keymap_get(&gr->acronyms, key, n);
        if (found >= 0)
            return found;
    }
    *stripped = 0;
    return -1;
}

/* Makes mention m a member of the group its form resolves to (a new one if none does), and
 * teaches the maps its forms. */
static lede_status place(grouping *gr, uint32_t m)
{
    entity_form *f = &LEDE_VEC_AT(&gr->forms, entity_form, m);
    lede_mention *mention = &LEDE_VEC_AT(&gr->mentions, lede_mention, m);
    int64_t gaz;
    int demonym, stripped, by_surname;
    int64_t gi = resolve(gr, f, &gaz, &demonym, &stripped, &by_surname);
    if (by_surname) /* "Tremblay-Haines" after "Élodie Tremblay-Haines" is the person */
        mention->type = LEDE_ENTITY_PER;
    if (stripped) {
        f->name.end--;
        f->key_len--;
    }
    if (gi < 0) {
        group *g = lede_vec_push(&gr->groups);
        if (!g)
            return LEDE_ERR_NOMEM;
        gi = (int64_t)gr->groups.len - 1;
        g->gaz = gaz;
        g->best = m;
        g->first = mention->span.start;
        g->named = !demonym;
        if (gaz >= 0)
            gr->gaz_group[gaz] = gi;
    }
    group *g = &LEDE_VEC_AT(&gr->groups, group, gi);
    const entity_form *best = &LEDE_VEC_AT(&gr->forms, entity_form, g->best);
    if (!demonym && (!g->named || better_name(gr->text, f, best))) {
        g->best = m;
        g->named = 1;
    }
    if (mention->span.start < g->first)
        g->first = mention->span.start;
    g->count++;
    LEDE_VEC_AT(&gr->owner, uint32_t, m) = (uint32_t)gi;

    lede_status st = keymap_put(&gr->keys, key_of(gr, f), f->key_len, (uint32_t)gi);
    if (st != LEDE_OK || f->count < 2)
        return st;
    const lede_token *last = &gr->tok[f->first + f->count - 1];
    if (mention->type == LEDE_ENTITY_PER) {
        gr->scratch.len = 0;
        st = entity_key(gr->text + last->span.start, f->name.end - last->span.start, &gr->scratch);
        if (st == LEDE_OK)
            st = keymap_put(&gr->surnames, gr->scratch.data, gr->scratch.len, (uint32_t)gi);
    }
    gr->scratch.len = 0;
    for (uint32_t t = f->first; st == LEDE_OK && t < f->first + f->count; t++) {
        char c = gr->text[gr->tok[t].span.start];
        if (gr->tok[t].kind == LEDE_TOKEN_WORD && c >= 'A' && c <= 'Z') {
            char *slot = lede_vec_push(&gr->scratch);
            if (!slot)
                return LEDE_ERR_NOMEM;
            *slot = (char)(c + ('a' - 'A'));
        }
    }
    if (st == LEDE_OK && gr->scratch.len >= 2)
        st = keymap_put(&gr->acronyms, gr->scratch.data, gr->scratch.len, (uint32_t)gi);
    return st;
}

/* Appends a mention with its form; *index receives its number. */
static lede_status add_mention(grouping *gr, const lede_mention *m, uint32_t *index)
{
    lede_mention *slot = lede_vec_push(&gr->mentions);
    entity_form *f = lede_vec_push(&gr->forms);
    uint32_t *owner = lede_vec_push(&gr->owner);
    if (!slot || !f || !owner)
        return LEDE_ERR_NOMEM;
    *slot = *m;
    *index = (uint32_t)gr->mentions.len - 1;
    return entity_form_of(gr->g, gr->tok, gr->text, m->first_token, m->token_count, m->type,
                          &gr->pool, f);
}

typedef struct order_item {
    uint32_t count, start, index;
} order_item;

static int longest_first(const void *a, const void *b)
{
    const order_item *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Whether capitalised word t may be a missed mention: capitalised, and a function word ("Us")
 * only when written in capitals ("US"). */
static int candidate(const grouping *gr, const lede_token *t)
{
    char c = gr->text[t->span.start];
    if (t->kind != LEDE_TOKEN_WORD || c < 'A' || c > 'Z')
        return 0;
    if (!(t->flags & LEDE_TOKEN_STOPWORD))
        return 1;
    for (uint32_t i = t->span.start; i < t->span.end; i++)
        if (gr->text[i] >= 'a' && gr->text[i] <= 'z')
            return 0;
    return 1;
}

/* The words no mention covers that name an entity of the article or of the gazetteer. */
static lede_status recover(grouping *gr, size_t ntok, const uint8_t *covered)
{
    for (size_t t = 0; t < ntok; t++) {
        if (covered[t] || !candidate(gr, &gr->tok[t]))
            continue;
        entity_form f;
        size_t mark = gr->pool.len;
        lede_status st = entity_form_of(gr->g, gr->tok, gr->text, (uint32_t)t, 1,
                                        LEDE_ENTITY_MISC, &gr->pool, &f);
        if (st != LEDE_OK)
            return st;
        int64_t gaz;
        int demonym, stripped, by_surname;
        int64_t gi = resolve(gr, &f, &gaz, &demonym, &stripped, &by_surname);
        gr->pool.len = mark;
        if (gi < 0 && gaz < 0)
            continue;
        lede_mention m = { gr->tok[t].span, (uint32_t)t, 1, LEDE_ENTITY_MISC };
        if (gaz >= 0 && !demonym)
            m.type = LEDE_VEC_AT(&gr->g->entries, gaz_entry, gaz).type;
        else if (gaz < 0)
            m.type = LEDE_VEC_AT(&gr->mentions, lede_mention,
                                 LEDE_VEC_AT(&gr->groups, group, gi).best).type;
        uint32_t index;
        st = add_mention(gr, &m, &index);
        if (st == LEDE_OK)
            st = place(gr, index);
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}

static lede_status group_all(grouping *gr, const lede_mention *tagged, size_t ntagged, size_t ntok)
{
    order_item *order = malloc((ntagged ? ntagged : 1) * sizeof *order);
    uint8_t *covered = calloc(ntok ? ntok : 1, 1);
    lede_status st = order && covered ? LEDE_OK : LEDE_ERR_NOMEM;
    for (size_t i = 0; i < ntagged && st == LEDE_OK; i++) {
        const lede_mention *m = &tagged[i];
        if (m->token_count == 0 || (size_t)m->first_token + m->token_count > ntok)
            st = LEDE_ERR_INVALID;
        else
            memset(covered + m->first_token, 1, m->token_count);
    }
    /* Mentions that are no name are dropped but stay covered, so that recovery does not take
     * their words back. */
    size_t kept = 0;
    for (size_t i = 0; i < ntagged && st == LEDE_OK; i++) {
        lede_mention m = tagged[i];
        if (entity_not_a_name(gr->tok, gr->text, &m))
            continue;
        st = entity_retype(gr->g, gr->article, gr->tok, gr->text, covered, &gr->scratch, &m);
        covered[m.first_token] = 1; /* a first name it took in */
        uint32_t index;
        if (st == LEDE_OK)
            st = add_mention(gr, &m, &index);
        if (st == LEDE_OK)
            order[kept++] = (order_item){ LEDE_VEC_AT(&gr->forms, entity_form, index).count,
                                          m.span.start, index };
    }
    if (st == LEDE_OK) {
        qsort(order, kept, sizeof *order, longest_first);
        for (size_t i = 0; i < kept && st == LEDE_OK; i++)
            st = place(gr, order[i].index);
    }
    if (st == LEDE_OK)
        st = recover(gr, ntok, covered);
    free(order);
    free(covered);
    return st;
}

static int by_salience(const void *a, const void *b)
{
    const group *x = *(const group *const *)a, *y = *(const group *const *)b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

static int by_position(const void *a, const void *b)
{
    const order_item *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Appends s[0..len) and a NUL to the strings; *at receives its offset. */
static lede_status add_string(lede_vec *strings, const char *s, size_t len, size_t *at)
{
    *at = strings->len;
    lede_status st = lede_vec_append(strings, s, len);
    return st == LEDE_OK ? lede_vec_append(strings, "", 1) : st;
}

/* Appends the name text[s) and a NUL with each run of white space made one space: a name that
 * wire copy broke across lines ("Paul\n    Volcker") is the same name; *at receives its
 * offset. */
static int blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static lede_status add_name(lede_vec *strings, const char *text, lede_span s, size_t *at)
{
    *at = strings->len;
    for (uint32_t i = s.start; i < s.end; i++) {
        if (blank(text[i]) && i > s.start && blank(text[i - 1]))
            continue;
        char *slot = lede_vec_push(strings);
        if (!slot)
            return LEDE_ERR_NOMEM;
        *slot = blank(text[i]) ? ' ' : text[i];
    }
    return lede_vec_append(strings, "", 1);
}

/* The list: mentions in text order, entities by salience, names and keys in one block. */
static lede_status build(const grouping *gr, lede_entity_list *out)
{
    size_t nm = gr->mentions.len, ng = gr->groups.len;
    const group **sorted = malloc((ng ? ng : 1) * sizeof *sorted);
    order_item *pos = malloc((nm ? nm : 1) * sizeof *pos);
    size_t *name_at = malloc((ng ? ng : 1) * 2 * sizeof *name_at);
    uint32_t *rank = malloc((ng ? ng : 1) * sizeof *rank);
    uint32_t *fill = calloc(ng ? ng : 1, sizeof *fill);
    out->mentions = malloc((nm ? nm : 1) * sizeof *out->mentions);
    out->entity_of = malloc((nm ? nm : 1) * sizeof *out->entity_of);
    out->members = malloc((nm ? nm : 1) * sizeof *out->members);
    out->entities = calloc(ng ? ng : 1, sizeof *out->entities);
    lede_vec strings;
    lede_vec_init(&strings, 1);
    lede_status st = sorted && pos && name_at && rank && fill && out->mentions &&
                     out->entity_of && out->members && out->entities ? LEDE_OK : LEDE_ERR_NOMEM;
    if (st == LEDE_OK) {
        for (size_t i = 0; i < ng; i++)
            sorted[i] = &LEDE_VEC_AT(&gr->groups, group, i);
        qsort(sorted, ng, sizeof *sorted, by_salience);
        for (size_t i = 0; i < nm; i++)
            pos[i] = (order_item){ 0, LEDE_VEC_AT(&gr->mentions, lede_mention, i).span.start,
                                   (uint32_t)i };
        qsort(pos, nm, sizeof *pos, by_position);
    }
    size_t offset = 0;
    for (size_t r = 0; r < ng && st == LEDE_OK; r++) {
        const group *g = sorted[r];
        rank[g - (const group *)gr->groups.data] = (uint32_t)r;
        lede_entity *e = &out->entities[r];
        e->count = g->count;
        e->first = g->first;
        e->mentions = out->members + offset; /* out->members does not move any more */
        offset += g->count;
        /* A gazetteer entity goes by the gazetteer's usual name and key, so that "U.S." here,
         * "UNITED STATES" in a headline and "United States" there are one name across articles
         * (facets, dossiers); any other by the longest form seen. */
        const entity_form *f = &LEDE_VEC_AT(&gr->forms, entity_form, g->best);
        const gaz_entry *ge = g->gaz >= 0 ? &LEDE_VEC_AT(&gr->g->entries, gaz_entry, g->gaz) : NULL;
        const char *names = gr->g ? gr->g->names.data : NULL;
        e->type = ge ? ge->type : LEDE_VEC_AT(&gr->mentions, lede_mention, g->best).type;
        if (ge)
            st = add_string(&strings, names + ge->name, ge->name_len, &name_at[2 * r]);
        else
            st = add_name(&strings, gr->text, f->name, &name_at[2 * r]);
        if (st == LEDE_OK && ge)
            st = add_string(&strings, names + ge->key, ge->key_len, &name_at[2 * r + 1]);
        else if (st == LEDE_OK)
            st = add_string(&strings, key_of(gr, f), f->key_len, &name_at[2 * r + 1]);
    }
    if (st == LEDE_OK) {
        for (size_t i = 0; i < nm; i++) {
            uint32_t old = pos[i].index, r = rank[LEDE_VEC_AT(&gr->owner, uint32_t, old)];
            out->mentions[i] = LEDE_VEC_AT(&gr->mentions, lede_mention, old);
            out->entity_of[i] = r;
            ((uint32_t *)out->entities[r].mentions)[fill[r]++] = (uint32_t)i;
        }
        out->nmentions = nm;
        out->count = ng;
        out->strings = strings.data;
        for (size_t r = 0; r < ng; r++) {
            out->entities[r].name = out->strings + name_at[2 * r];
            out->entities[r].key = out->strings + name_at[2 * r + 1];
        }
    } else {
        lede_vec_free(&strings);
    }
    free(sorted);
    free(pos);
    free(name_at);
    free(rank);
    free(fill);
    return st;
}

lede_status lede_entities(const lede_gazetteer *g, const lede_article *article, const char *text,
                          size_t len, const lede_mention *tagged, size_t ntagged,
                          lede_entity_list **out)
{
    *out = NULL;
    if (!article || !text || (!tagged && ntagged))
        return LEDE_ERR_INVALID;
    size_t ntok;
    grouping gr = { .g = g, .article = article, .text = text };
    gr.tok = lede_article_tokens(article, &ntok);
    if (ntok && gr.tok[ntok - 1].span.end > len)
        return LEDE_ERR_INVALID;
    lede_vec_init(&gr.mentions, sizeof(lede_mention));
    lede_vec_init(&gr.forms, sizeof(entity_form));
    lede_vec_init(&gr.owner, sizeof(uint32_t));
    lede_vec_init(&gr.groups, sizeof(group));
    lede_vec_init(&gr.pool, 1);
    lede_vec_init(&gr.scratch, 1);
    keymap_init(&gr.keys);
    keymap_init(&gr.surnames);
    keymap_init(&gr.acronyms);
    size_t nentries = g ? g->entries.len : 0;
    gr.gaz_group = malloc((nentries ? nentries : 1) * sizeof *gr.gaz_group);
    lede_entity_list *list = calloc(1, sizeof *list);
    lede_status st = gr.gaz_group && list ? LEDE_OK : LEDE_ERR_NOMEM;
    for (size_t i = 0; st == LEDE_OK && i < nentries; i++)
        gr.gaz_group[i] = -1;
    if (st == LEDE_OK)
        st = group_all(&gr, tagged, ntagged, ntok);
    if (st == LEDE_OK)
        st = build(&gr, list);
    lede_vec_free(&gr.mentions);
    lede_vec_free(&gr.forms);
    lede_vec_free(&gr.owner);
    lede_vec_free(&gr.groups);
    lede_vec_free(&gr.pool);
    lede_vec_free(&gr.scratch);
    keymap_free(&gr.keys);
    keymap_free(&gr.surnames);
    keymap_free(&gr.acronyms);
    free(gr.gaz_group);
    if (st != LEDE_OK) {
        lede_entity_list_free(list);
        return st;
    }
    *out = list;
    return LEDE_OK;
}

const lede_mention *lede_entity_list_mentions(const lede_entity_list *list, size_t *count,
                                              const uint32_t **entity_of)
{
    *count = list->nmentions;
    if (entity_of)
        *entity_of = list->entity_of;
    return list->mentions;
}

size_t lede_entity_list_count(const lede_entity_list *list) { return list->count; }

const lede_entity *lede_entity_list_at(const lede_entity_list *list, size_t i)
{
    return i < list->count ? &list->entities[i] : NULL;
}

void lede_entity_list_free(lede_entity_list *list)
{
    if (!list)
        return;
    free(list->mentions);
    free(list->entity_of);
    free(list->members);
    free(list->entities);
    free(list->strings);
    free(list);
}
