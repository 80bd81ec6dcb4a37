/*
 * lede.core — the Lua face of the C library. It only translates: arguments are checked, results
 * become tables, failures become Lua errors. The friendly API lives in lua/lede/init.lua.
 */
#include <lauxlib.h>
#include <lua.h>

#include "lede.h"
#include "lua/binding.h"

#define ANALYZER_MT "lede.analyzer"

int lede_lua_fail(lua_State *L, const char *what, lede_status status)
{
    return luaL_error(L, "%s: %s", what, lede_status_string(status));
}

void **lede_lua_new_box(lua_State *L, const char *mt, lua_CFunction gc, const luaL_Reg *methods)
{
    void **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = NULL;
    if (luaL_newmetatable(L, mt)) {
        if (methods) {
            lua_newtable(L);
            luaL_setfuncs(L, methods, 0);
            lua_setfield(L, -2, "__index");
        }
        lua_pushcfunction(L, gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    return box;
}

static int analyzer_gc(lua_State *L)
{
    lede_analyzer **a = luaL_checkudata(L, 1, ANALYZER_MT);
    lede_analyzer_free(*a);
    *a = NULL;
    return 0;
}

/* core.parse_date(s) → { year=, month=, day=, hour=, minute=, second=, precision=, epoch=,
 * utc_offset= } or nil, message. */
static int parse_date(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lede_date d;
    if (lede_date_parse(s, len, &d) != LEDE_OK) {
        lua_pushnil(L);
        lua_pushfstring(L, "invalid date '%s' (expected ISO 8601, e.g. 2020-02-14 or "
                           "2020-02-14T10:30:00Z)", s);
        return 2;
    }
    static const char *const precisions[] = { "", "year", "month", "day", "minute", "second" };
    lua_createtable(L, 0, 10);
    lua_pushinteger(L, d.year), lua_setfield(L, -2, "year");
    lua_pushinteger(L, d.month), lua_setfield(L, -2, "month");
    lua_pushinteger(L, d.day), lua_setfield(L, -2, "day");
    lua_pushinteger(L, d.hour), lua_setfield(L, -2, "hour");
    lua_pushinteger(L, d.minute), lua_setfield(L, -2, "minute");
    lua_pushinteger(L, d.second), lua_setfield(L, -2, "second");
    lua_pushinteger(L, d.millisecond), lua_setfield(L, -2, "millisecond");
    lua_pushstring(L, precisions[d.precision]), lua_setfield(L, -2, "precision");
    lua_pushinteger(L, (lua_Integer)d.epoch), lua_setfield(L, -2, "epoch");
    if (d.has_offset)
        lua_pushinteger(L, d.utc_offset_minutes), lua_setfield(L, -2, "utc_offset");
    return 1;
}

int luaopen_lede_core(lua_State *L)
{
    lede_lua_article_register(L);
    lede_lua_index_register(L);
    lede_lua_cluster_register(L);
    lua_newtable(L);
    lua_pushliteral(L, LEDE_VERSION);
    lua_setfield(L, -2, "version");

    /* One analyzer per Lua state: created here, freed when the state closes. */
    lede_analyzer **a = lua_newuserdatauv(L, sizeof *a, 0);
    *a = NULL;
    if (luaL_newmetatable(L, ANALYZER_MT)) {
        lua_pushcfunction(L, analyzer_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lede_status st = lede_analyzer_new(a);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.core", st);
    lua_pushvalue(L, -1); /* the snippet closure shares the analyzer */
    lua_pushcclosure(L, lede_lua_snippet, 1);
    lua_setfield(L, -3, "snippet");
    lua_pushvalue(L, -1); /* and so does the keyphrases one (it analyses titles) */
    lua_pushcclosure(L, lede_lua_keyphrases, 1);
    lua_setfield(L, -3, "keyphrases");
    lua_pushvalue(L, -1); /* and story clustering (it analyses titles and texts) */
    lua_pushcclosure(L, lede_lua_cluster_new, 1);
    lua_setfield(L, -3, "cluster_new");
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, lede_lua_cluster_load, 1);
    lua_setfield(L, -3, "cluster_load");
    lua_pushvalue(L, -1); /* so does summarize */
    lua_pushcclosure(L, lede_lua_summarize, 1);
    lua_setfield(L, -3, "summarize");
    lua_pushcclosure(L, lede_lua_analyze, 1);
    lua_setfield(L, -2, "analyze");

    lua_pushcfunction(L, parse_date);
    lua_setfield(L, -2, "parse_date");
    lua_pushcfunction(L, lede_lua_parse_query);
    lua_setfield(L, -2, "parse_query");
    lua_pushcfunction(L, lede_lua_index_open);
    lua_setfield(L, -2, "index_open");
    lua_pushcfunction(L, lede_lua_ner_load), lua_setfield(L, -2, "ner_load");
    lua_pushcfunction(L, lede_lua_ner_trainer), lua_setfield(L, -2, "ner_trainer");
    lua_pushcfunction(L, lede_lua_gazetteer), lua_setfield(L, -2, "gazetteer");
    lede_lua_dedup_register(L);
    return 1;
}
