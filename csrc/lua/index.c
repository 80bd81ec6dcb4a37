/* The index userdata: lede_index and its searches as Lua tables. Translation only. */
#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "lua/binding.h"

#define INDEX_MT "lede.index.core"

static lede_index **check_slot(lua_State *L)
{
    return luaL_checkudata(L, 1, INDEX_MT);
}

static lede_index *check_index(lua_State *L)
{
    lede_index **ix = check_slot(L);
    if (!*ix)
        luaL_error(L, "lede: the index is closed");
    return *ix;
}

static int fail(lua_State *L, lede_index *ix)
{
    return luaL_error(L, "lede: %s", lede_index_error(ix));
}

/* core.index_open(dir, create) */
static int index_open(lua_State *L)
{
    const char *dir = luaL_checkstring(L, 1);
    int create = lua_toboolean(L, 2);
    lede_index **slot = lua_newuserdatauv(L, sizeof *slot, 0);
    *slot = NULL;
    luaL_setmetatable(L, INDEX_MT);
    char error[512];
    lede_status st = lede_index_open(dir, create ? LEDE_INDEX_CREATE : 0, slot, error, sizeof error);
    if (st != LEDE_OK)
        return luaL_error(L, "lede: %s", error);
    return 1;
}

/* ix:add({ {name, value}, ... }) */
static int index_add(lua_State *L)
{
    lede_index *ix = check_index(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 2);
    lede_field *fields = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof *fields, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, 2, i);
        luaL_checktype(L, -1, LUA_TTABLE);
        lua_geti(L, -1, 1);
        lua_geti(L, -2, 2);
        fields[i - 1].name = luaL_checkstring(L, -2);
        fields[i - 1].value = luaL_checklstring(L, -1, &fields[i - 1].len);
        lua_pop(L, 3); /* the strings stay alive in the pair table, which the argument holds */
    }
    if (lede_index_add(ix, fields, (size_t)n) != LEDE_OK)
        return fail(L, ix);
    return 0;
}

static int index_delete(lua_State *L)
{
    lede_index *ix = check_index(L);
    size_t len;
    const char *id = luaL_checklstring(L, 2, &len);
    int found;
    if (lede_index_delete(ix, id, len, &found) != LEDE_OK)
        return fail(L, ix);
    lua_pushboolean(L, found);
    return 1;
}

static int index_commit(lua_State *L)
{
    lede_index *ix = check_index(L);
    if (lede_index_commit(ix) != LEDE_OK)
        return fail(L, ix);
    return 0;
}

static int index_optimize(lua_State *L)
{
    lede_index *ix = check_index(L);
    if (lede_index_optimize(ix) != LEDE_OK)
        return fail(L, ix);
    return 0;
}

static int index_stats(lua_State *L)
{
    lede_index *ix = check_index(L);
    lede_index_stats s;
    lede_index_stats_get(ix, &s);
    lua_createtable(L, 0, 6);
    lua_pushinteger(L, (lua_Integer)s.documents), lua_setfield(L, -2, "documents");
    lua_pushinteger(L, (lua_Integer)s.deleted), lua_setfield(L, -2, "deleted");
    lua_pushinteger(L, (lua_Integer)s.pending), lua_setfield(L, -2, "pending");
    lua_pushinteger(L, (lua_Integer)s.segments), lua_setfield(L, -2, "segments");
    lua_pushinteger(L, (lua_Integer)s.bytes), lua_setfield(L, -2, "bytes");
    lua_pushinteger(L, (lua_Integer)s.generation), lua_setfield(L, -2, "generation");
    return 1;
}

/* Pushes fields as a table: name → value, or name → { values } when a name repeats. */
static void push_fields(lua_State *L, const lede_field *fields, size_t n)
{
    lua_createtable(L, 0, (int)n);
    for (size_t i = 0; i < n; i++) {
        int repeated = 0;
        for (size_t k = 0; k < n; k++)
            repeated += strcmp(fields[k].name, fields[i].name) == 0;
        if (repeated > 1 || strcmp(fields[i].name, "authors") == 0) {
            if (lua_getfield(L, -1, fields[i].name) != LUA_TTABLE) {
                lua_pop(L, 1);
                lua_newtable(L);
                lua_pushvalue(L, -1);
                lua_setfield(L, -3, fields[i].name);
            }
            lua_pushlstring(L, fields[i].value, fields[i].len);
            lua_rawseti(L, -2, (lua_Integer)luaL_len(L, -2) + 1);
            lua_pop(L, 1);
        } else {
            lua_pushlstring(L, fields[i].value, fields[i].len);
            lua_setfield(L, -2, fields[i].name);
        }
    }
}

static int index_get(lua_State *L)
{
    lede_index *ix = check_index(L);
    size_t len;
    const char *id = luaL_checklstring(L, 2, &len);
    lede_document *d;
    if (lede_index_get(ix, id, len, &d) != LEDE_OK)
        return fail(L, ix);
    if (!d) {
        lua_pushnil(L);
        return 1;
    }
    size_t n;
    const lede_field *fields = lede_document_fields(d, &n);
    push_fields(L, fields, n);
    lede_document_free(d);
    return 1;
}

/* ---- Search ------------------------------------------------------------------------------------- */

static lua_Integer opt_integer(lua_State *L, int t, const char *key, lua_Integer dflt)
{
    lua_getfield(L, t, key);
    lua_Integer v = luaL_optinteger(L, -1, dflt);
    lua_pop(L, 1);
    return v;
}

static double opt_number(lua_State *L, int t, const char *key)
{
    lua_getfield(L, t, key);
    double v = luaL_optnumber(L, -1, 0);
    lua_pop(L, 1);
    return v;
}

static int opt_boolean(lua_State *L, int t, const char *key, int dflt)
{
    int type = lua_getfield(L, t, key);
    int v = type == LUA_TNIL ? dflt : lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* The facet names of opts.facets, as a NULL-terminated array kept alive by the options table. */
static const char **facet_names(lua_State *L, int t)
{
    if (lua_getfield(L, t, "facets") != LUA_TTABLE) {
        lua_pop(L, 1);
        return NULL;
    }
    lua_Integer n = luaL_len(L, -1);
    const char **names = lua_newuserdatauv(L, (size_t)(n + 1) * sizeof *names, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, -2, i);
        names[i - 1] = luaL_checkstring(L, -1);
        lua_pop(L, 1);
    }
    names[n] = NULL;
    lua_remove(L, -2); /* the array stays on the stack, alive until the search returns */
    return names;
}

/* The snippet style asked for in opts.snippet: false/nil for none. */
static int snippet_options(lua_State *L, int t, lede_snippet_options *so)
{
    memset(so, 0, sizeof *so);
    int type = lua_getfield(L, t, "snippet");
    const char *style = type == LUA_TSTRING ? lua_tostring(L, -1) : type == LUA_TBOOLEAN &&
                        lua_toboolean(L, -1) ? "plain" : NULL;
    lua_pop(L, 1);
    if (!style)
        return 0;
    if (strcmp(style, "ansi") == 0)
        so->style = LEDE_HIGHLIGHT_ANSI;
    else if (strcmp(style, "html") == 0)
        so->style = LEDE_HIGHLIGHT_HTML;
    else if (strcmp(style, "plain") == 0)
        so->style = LEDE_HIGHLIGHT_PLAIN;
    else
        luaL_error(L, "lede: unknown snippet style '%s' (plain, ansi or html)", style);
    lua_getfield(L, t, "open");
    so->open = lua_tostring(L, -1);
    lua_getfield(L, t, "close");
    so->close = lua_tostring(L, -1);
    lua_pop(L, 2); /* the strings stay alive in the options table */
    so->max_sentences = (size_t)opt_integer(L, t, "snippet_sentences", 0);
    so->max_bytes = (size_t)opt_integer(L, t, "snippet_bytes", 0);
    return 1;
}

static void push_facets(lua_State *L, const lede_results *r)
{
    size_t n = lede_results_facet_count(r);
    lua_createtable(L, 0, (int)n);
    for (size_t i = 0; i < n; i++) {
        const lede_facet *f = lede_results_facet(r, i);
        lua_createtable(L, (int)f->nvalues, 0);
        for (size_t k = 0; k < f->nvalues; k++) {
            lua_createtable(L, 0, 2);
            lua_pushlstring(L, f->values[k].value, f->values[k].len);
            lua_setfield(L, -2, "value");
            lua_pushinteger(L, (lua_Integer)f->values[k].count);
            lua_setfield(L, -2, "count");
            lua_rawseti(L, -2, (lua_Integer)k + 1);
        }
        lua_setfield(L, -2, f->name);
    }
}

/* Pushes the hits; returns 0, or an error status with the results still to free. */
static lede_status push_hits(lua_State *L, lede_results *r, const lede_snippet_options *so,
                             int snippets)
{
    size_t n = lede_results_count(r);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        const lede_field *fields;
        size_t nf;
        lede_status st = lede_results_fields(r, i, &fields, &nf);
        if (st != LEDE_OK)
            return st;
        push_fields(L, fields, nf);
        lua_pushnumber(L, lede_results_score(r, i));
        lua_setfield(L, -2, "score");
        if (snippets) {
            char *text;
            size_t len;
            st = lede_results_snippet(r, i, so, &text, &len);
            if (st != LEDE_OK)
                return st;
            lua_pushlstring(L, text, len);
            free(text);
            lua_setfield(L, -2, "snippet");
        }
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return LEDE_OK;
}

/* The results live in a userdata while they are converted, so that a Lua error frees them. */
static int results_gc(lua_State *L)
{
    lede_results **r = lua_touserdata(L, 1);
    lede_results_free(*r);
    *r = NULL;
    return 0;
}

/* ix:search(query, { limit=, offset=, strict=, any=, k1=, b=, title_weight=, exhaustive=,
 *                    count=, facets={...}, facet_limit=, snippet=, open=, close= }) */
static int index_search(lua_State *L)
{
    lede_index *ix = check_index(L);
    lede_search_params p;
    memset(&p, 0, sizeof p);
    p.query = luaL_checklstring(L, 2, &p.query_len);
    if (lua_isnoneornil(L, 3))
        lua_newtable(L);
    else
        luaL_checktype(L, 3, LUA_TTABLE);
    lua_settop(L, 3);
    lua_Integer limit = opt_integer(L, 3, "limit", 10), offset = opt_integer(L, 3, "offset", 0);
    if (limit < 0 || offset < 0)
        return luaL_error(L, "lede: limit and offset must not be negative");
    p.limit = (size_t)limit;
    p.offset = (size_t)offset;
    p.strict = opt_boolean(L, 3, "strict", 0);
    p.match_any = opt_boolean(L, 3, "any", 0);
    p.k1 = opt_number(L, 3, "k1");
    p.b = opt_number(L, 3, "b");
    p.title_weight = opt_number(L, 3, "title_weight");
    p.exhaustive = opt_boolean(L, 3, "exhaustive", 0);
    p.count = opt_boolean(L, 3, "count", 1);
    p.facets = facet_names(L, 3);
    p.facet_limit = (size_t)opt_integer(L, 3, "facet_limit", 10);
    lede_snippet_options so;
    int snippets = snippet_options(L, 3, &so);

    lede_results **slot = lua_newuserdatauv(L, sizeof *slot, 0);
    *slot = NULL;
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, results_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    if (lede_index_search(ix, &p, slot) != LEDE_OK)
        return fail(L, ix);
    lede_results *r = *slot;
    lua_createtable(L, 0, 4);
    lua_pushinteger(L, (lua_Integer)lede_results_total(r));
    lua_setfield(L, -2, "total");
    lua_pushboolean(L, lede_results_total_exact(r));
    lua_setfield(L, -2, "exact");
    lede_status st = push_hits(L, r, &so, snippets);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede: cannot read the results", st);
    lua_setfield(L, -2, "hits");
    push_facets(L, r);
    lua_setfield(L, -2, "facets");
    lede_results_free(r);
    *slot = NULL;
    return 1;
}

static int index_close(lua_State *L)
{
    lede_index **ix = check_slot(L);
    lede_index_close(*ix);
    *ix = NULL;
    return 0;
}

void lede_lua_index_register(lua_State *L)
{
    static const luaL_Reg methods[] = {
        { "add", index_add },         { "delete", index_delete },
        { "commit", index_commit },   { "optimize", index_optimize },
        { "stats", index_stats },     { "get", index_get },
        { "search", index_search },   { "close", index_close },
        { NULL, NULL },
    };
    if (luaL_newmetatable(L, INDEX_MT)) {
        luaL_newlib(L, methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, index_close);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, index_close);
        lua_setfield(L, -2, "__close");
    }
    lua_pop(L, 1);
}

int lede_lua_index_open(lua_State *L)
{
    return index_open(L);
}
