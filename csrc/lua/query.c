/*
 * core.parse_query(text [, options]) — the query parser's tree as nested tables. Translation only:
 * the language is csrc/index/query_*.c and docs/QUERY.md.
 */
#include <lauxlib.h>
#include <lua.h>
#include <string.h>

#include "index/query.h"
#include "lua/binding.h"

/* The fields of an article, when the caller names none. */
static const char *const default_fields[] = { "title", "text",  "source",  "date", "person",
                                              "org",   "place", "speaker", "story", NULL };

static const char *const kind_names[] = {
    [LEDE_Q_TERM] = "term", [LEDE_Q_PHRASE] = "phrase", [LEDE_Q_PREFIX] = "prefix",
    [LEDE_Q_NEAR] = "near", [LEDE_Q_AND] = "and",       [LEDE_Q_OR] = "or",
    [LEDE_Q_NOT] = "not",   [LEDE_Q_DATE] = "date",     [LEDE_Q_ALL] = "all",
};

/* options[key], one of `names`, as its index; `fallback` when absent. */
static int choice(lua_State *L, const char *key, const char *const names[], int fallback)
{
    int type = lua_getfield(L, 2, key), found = -1;
    if (type == LUA_TNIL)
        found = fallback;
    for (int i = 0; found < 0 && type == LUA_TSTRING && names[i]; i++)
        if (strcmp(lua_tostring(L, -1), names[i]) == 0)
            found = i;
    if (found < 0)
        return luaL_error(L, "parse_query: option '%s' must be \"%s\" or \"%s\"", key, names[0],
                          names[1]);
    lua_pop(L, 1);
    return found;
}

/* options.fields as a NULL-terminated array in a userdata left on the stack. The strings stay
 * alive in the options table, argument 2, for the whole call. */
static const char *const *fields_option(lua_State *L)
{
    if (lua_getfield(L, 2, "fields") == LUA_TNIL) {
        lua_pop(L, 1);
        return default_fields;
    }
    luaL_argexpected(L, lua_istable(L, -1), 2, "a list of field names in 'fields'");
    lua_Integer n = luaL_len(L, -1);
    const char **names = lua_newuserdatauv(L, ((size_t)n + 1) * sizeof *names, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, -2, i) != LUA_TSTRING)
            luaL_error(L, "parse_query: fields[%d] is not a string", (int)i);
        names[i - 1] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    names[n] = NULL;
    return names;
}

static void read_options(lua_State *L, lede_parse_options *o)
{
    static const char *const modes[] = { "lenient", "strict", NULL };
    static const char *const operators[] = { "and", "or", NULL };
    o->fields = default_fields;
    o->date_field = "date";
    if (lua_isnoneornil(L, 2))
        return;
    luaL_checktype(L, 2, LUA_TTABLE);
    o->mode = choice(L, "mode", modes, LEDE_QUERY_LENIENT) ? LEDE_QUERY_STRICT : LEDE_QUERY_LENIENT;
    o->default_op = choice(L, "default", operators, LEDE_DEFAULT_AND) ? LEDE_DEFAULT_OR
                                                                        : LEDE_DEFAULT_AND;
    int type = lua_getfield(L, 2, "date_field"); /* false: no field holds dates */
    if (type == LUA_TSTRING)
        o->date_field = lua_tostring(L, -1);
    else if (type == LUA_TBOOLEAN && !lua_toboolean(L, -1))
        o->date_field = NULL;
    else if (type != LUA_TNIL)
        luaL_error(L, "parse_query: option 'date_field' must be a string or false");
    lua_pop(L, 1);
    o->fields = fields_option(L); /* its userdata stays on the stack */
}

static void set_string(lua_State *L, const char *key, const char *s, size_t len)
{
    lua_pushlstring(L, s, len);
    lua_setfield(L, -2, key);
}

static void set_integer(lua_State *L, const char *key, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, key);
}

/* { kind=, position= (1-based), field=, text=, from=, to=, distance=, required=, children= }.
 * The tree is at most a few levels per group and groups nest at most 64 deep. */
static void push_node(lua_State *L, const lede_qnode *n)
{
    luaL_checkstack(L, 4, "parse_query: tree too deep");
    lua_createtable(L, 0, 8);
    lua_pushstring(L, kind_names[n->kind]);
    lua_setfield(L, -2, "kind");
    set_integer(L, "position", (lua_Integer)n->position + 1);
    if (n->field)
        set_string(L, "field", n->field, n->field_len);
    if (n->text)
        set_string(L, "text", n->text, n->text_len);
    if (n->kind == LEDE_Q_DATE && n->date_from != INT64_MIN)
        set_integer(L, "from", n->date_from);
    if (n->kind == LEDE_Q_DATE && n->date_to != INT64_MAX)
        set_integer(L, "to", n->date_to);
    if (n->kind == LEDE_Q_NEAR)
        set_integer(L, "distance", n->distance);
    if (n->required) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "required");
    }
    if (n->nchildren) {
        lua_createtable(L, (int)n->nchildren, 0);
        for (size_t i = 0; i < n->nchildren; i++) {
            push_node(L, n->children[i]);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        lua_setfield(L, -2, "children");
    }
}

#define QUERY_MT "lede.query"

/* Frees the query if building the tables failed (a memory error unwinds past the caller). */
static int query_gc(lua_State *L)
{
    lede_query **box = luaL_checkudata(L, 1, QUERY_MT);
    lede_query_free(*box);
    *box = NULL;
    return 0;
}

int lede_lua_parse_query(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    lede_parse_options options = { 0 };
    read_options(L, &options);
    lede_query **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = NULL;
    if (luaL_newmetatable(L, QUERY_MT)) {
        lua_pushcfunction(L, query_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    char error[256];
    lede_status st = lede_query_parse(text, len, &options, box, error, sizeof error);
    if (st == LEDE_ERR_INVALID) {
        lua_pushnil(L);
        lua_pushstring(L, error);
        return 2;
    }
    if (st != LEDE_OK)
        return lede_lua_fail(L, "parse_query", st);
    push_node(L, lede_query_root(*box));
    lede_query_free(*box);
    *box = NULL;
    return 1;
}
