/* Entities in Lua: the gazetteer userdata and the article's `entity_groups` method, which tags
 * and groups in one call. Spans become 1-based inclusive (start, stop), as everywhere in the
 * binding. */
#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "lua/binding.h"

#define GAZETTEER_MT "lede.gazetteer"

static int gazetteer_gc(lua_State *L)
{
    lede_gazetteer **g = luaL_checkudata(L, 1, GAZETTEER_MT);
    lede_gazetteer_free(*g);
    *g = NULL;
    return 0;
}

/* core.gazetteer({ places = text, organizations = text, titles = text }) → gazetteer; a list
 * left out is empty. */
int lede_lua_gazetteer(lua_State *L)
{
    static const char *const lists[] = { "places", "organizations", "titles" };
    luaL_checktype(L, 1, LUA_TTABLE);
    lede_gazetteer **g = lua_newuserdatauv(L, sizeof *g, 0);
    *g = NULL;
    if (luaL_newmetatable(L, GAZETTEER_MT)) {
        lua_pushcfunction(L, gazetteer_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lede_status st = lede_gazetteer_new(g);
    for (int i = 0; i < 3 && st == LEDE_OK; i++) {
        size_t len;
        lua_getfield(L, 1, lists[i]);
        const char *bytes = lua_isnil(L, -1) ? "" : luaL_checklstring(L, -1, &len);
        if (lua_isnil(L, -1))
            len = 0;
        st = lede_gazetteer_add(*g, (lede_gazetteer_list)i, bytes, len);
        lua_pop(L, 1);
        if (st == LEDE_ERR_INVALID)
            return luaL_error(L, "lede.gazetteer: %s: an entry line without a name", lists[i]);
    }
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.gazetteer", st);
    return 1;
}

/* Pushes { {start, stop, text, type, entity, key}, ... }. */
static void push_mentions(lua_State *L, const lede_entity_list *list, const char *text)
{
    size_t n;
    const uint32_t *entity_of;
    const lede_mention *m = lede_entity_list_mentions(list, &n, &entity_of);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        const lede_entity *e = lede_entity_list_at(list, entity_of[i]);
        lua_createtable(L, 0, 6);
        lua_pushinteger(L, (lua_Integer)m[i].span.start + 1), lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)m[i].span.end), lua_setfield(L, -2, "stop");
        lua_pushlstring(L, text + m[i].span.start, m[i].span.end - m[i].span.start);
        lua_setfield(L, -2, "text");
        lua_pushstring(L, lede_entity_type_name(m[i].type)), lua_setfield(L, -2, "type");
        lua_pushstring(L, e->name), lua_setfield(L, -2, "entity");
        lua_pushstring(L, e->key), lua_setfield(L, -2, "key");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* Pushes { {name, type, key, count, first, mentions = { {start, stop}, ... }}, ... }. */
static void push_entities(lua_State *L, const lede_entity_list *list)
{
    size_t n = lede_entity_list_count(list), nm;
    const lede_mention *m = lede_entity_list_mentions(list, &nm, NULL);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        const lede_entity *e = lede_entity_list_at(list, i);
        lua_createtable(L, 0, 6);
        lua_pushstring(L, e->name), lua_setfield(L, -2, "name");
        lua_pushstring(L, lede_entity_type_name(e->type)), lua_setfield(L, -2, "type");
        lua_pushstring(L, e->key), lua_setfield(L, -2, "key");
        lua_pushinteger(L, e->count), lua_setfield(L, -2, "count");
        lua_pushinteger(L, (lua_Integer)e->first + 1), lua_setfield(L, -2, "first");
        lua_createtable(L, (int)e->count, 0);
        for (uint32_t j = 0; j < e->count; j++) {
            lede_span s = m[e->mentions[j]].span;
            lua_createtable(L, 0, 2);
            lua_pushinteger(L, (lua_Integer)s.start + 1), lua_setfield(L, -2, "start");
            lua_pushinteger(L, (lua_Integer)s.end), lua_setfield(L, -2, "stop");
            lua_rawseti(L, -2, (lua_Integer)j + 1);
        }
        lua_setfield(L, -2, "mentions");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* Reads the list at `index` of {start, stop, type} (1-based inclusive spans of whole tokens) into
 * mentions, so that grouping can be tried on mentions chosen by hand; NULL after a Lua error. */
static lede_mention *read_mentions(lua_State *L, int index, const lede_article *a, size_t *count)
{
    size_t ntok;
    const lede_token *tok = lede_article_tokens(a, &ntok);
    lua_Integer n = luaL_len(L, index);
    lede_mention *out = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof *out, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, index, i);
        luaL_checktype(L, -1, LUA_TTABLE);
        lua_getfield(L, -1, "start");
        lua_getfield(L, -2, "stop");
        lua_getfield(L, -3, "type");
        lua_Integer start = luaL_checkinteger(L, -3) - 1, stop = luaL_checkinteger(L, -2);
        const char *type = luaL_checkstring(L, -1);
        lede_mention *m = &out[i - 1];
        m->type = LEDE_ENTITY_TYPE_COUNT;
        for (int t = 0; t < LEDE_ENTITY_TYPE_COUNT; t++)
            if (strcmp(type, lede_entity_type_name((lede_entity_type)t)) == 0)
                m->type = (lede_entity_type)t;
        size_t first = 0;
        while (first < ntok && tok[first].span.start < start)
            first++;
        size_t last = first;
        while (last < ntok && tok[last].span.end < stop)
            last++;
        if (m->type == LEDE_ENTITY_TYPE_COUNT || last >= ntok || tok[first].span.start != start ||
            tok[last].span.end != stop)
            luaL_error(L, "lede.entities: mention %d is not whole tokens of a known type", (int)i);
        m->span = (lede_span){ tok[first].span.start, tok[last].span.end };
        m->first_token = (uint32_t)first;
        m->token_count = (uint32_t)(last - first + 1);
        lua_pop(L, 4);
    }
    *count = (size_t)n;
    return out;
}

/* article:entity_groups(model or mentions, gazetteer, text) → mentions, entities: the tagger's
 * mentions, or a list of {start, stop, type} (for tests of the grouping alone). */
int lede_lua_article_entity_groups(lua_State *L)
{
    lede_article *a = lede_lua_check_article(L, 1);
    lede_gazetteer **g = luaL_checkudata(L, 3, GAZETTEER_MT);
    size_t len;
    const char *text = luaL_checklstring(L, 4, &len);
    lede_mention *tagged;
    size_t n;
    lede_status st = LEDE_OK;
    if (lua_istable(L, 2)) {
        tagged = read_mentions(L, 2, a, &n);
    } else {
        /* the metatable of ner.c's model userdata */
        const lede_ner_model *const *model = luaL_checkudata(L, 2, "lede.ner.model");
        st = lede_ner_tag(*model, a, text, len, &tagged, &n);
        if (st != LEDE_OK)
            return lede_lua_fail(L, "lede.entities", st);
    }
    lede_entity_list *list;
    st = lede_entities(*g, a, text, len, tagged, n, &list);
    if (!lua_istable(L, 2))
        free(tagged);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.entities", st);
    push_mentions(L, list, text);
    push_entities(L, list);
    lede_entity_list_free(list);
    return 2;
}
