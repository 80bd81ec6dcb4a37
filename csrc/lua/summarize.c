/* core.summarize: the inputs from Lua tables, the chosen sentences back as tables. */
#include <lauxlib.h>
#include <lua.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "lua/binding.h"

static const char *const method_names[LEDE_SUMMARY_METHOD_COUNT + 1] = {
    "auto", "lead", "luhn", "lexrank", "lexrank-threshold", "textrank", "centroid", "pacsum", NULL,
};

static const char *const unit_names[] = { "sentences", "words", "bytes", "ratio", NULL };

/* Reads input i (a table {article, text, title, date}) at the top of the stack. */
static void read_input(lua_State *L, lede_summary_input *in)
{
    lua_geti(L, -1, 1);
    in->article = lede_lua_check_article(L, -1);
    lua_pop(L, 1);
    lua_geti(L, -1, 2);
    in->text = luaL_checklstring(L, -1, &in->len);
    lua_pop(L, 1); /* the string stays alive in the input table */
    in->title = NULL;
    in->title_len = 0;
    if (lua_geti(L, -1, 3) == LUA_TSTRING)
        in->title = lua_tolstring(L, -1, &in->title_len);
    lua_pop(L, 1);
    in->date = INT64_MIN;
    if (lua_geti(L, -1, 4) == LUA_TNUMBER)
        in->date = (int64_t)lua_tointeger(L, -1);
    lua_pop(L, 1);
}

/* The sentences live in a userdata while they are turned into tables, so an error frees them. */
static int sentences_gc(lua_State *L)
{
    lede_summary_sentence **p = lua_touserdata(L, 1);
    free(*p);
    *p = NULL;
    return 0;
}

int lede_lua_summarize(lua_State *L)
{
    lede_analyzer **an = lua_touserdata(L, lua_upvalueindex(1));
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    lede_summary_input *inputs = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof *inputs, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, 1, i);
        luaL_checktype(L, -1, LUA_TTABLE);
        read_input(L, &inputs[i - 1]);
        lua_pop(L, 1);
    }
    lede_summary_options o;
    memset(&o, 0, sizeof o);
    lua_getfield(L, 2, "method");
    o.method = (lede_summary_method)luaL_checkoption(L, -1, "auto", method_names);
    lua_getfield(L, 2, "unit");
    o.unit = (lede_budget_unit)luaL_checkoption(L, -1, "sentences", unit_names);
    lua_getfield(L, 2, "amount");
    o.amount = luaL_optnumber(L, -1, 3);
    lua_getfield(L, 2, "cut");
    o.cut = lua_toboolean(L, -1);
    lua_getfield(L, 2, "query");
    o.query = lua_tolstring(L, -1, &o.query_len);
    if (o.amount < 0 || (o.unit == LEDE_BUDGET_RATIO && o.amount > 1))
        return luaL_error(L, "lede.summarize: the budget must be positive (a ratio at most 1)");

    lede_summary_sentence **slot = lua_newuserdatauv(L, sizeof *slot, 0);
    *slot = NULL;
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, sentences_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    size_t count;
    lede_status st = lede_summarize(*an, inputs, (size_t)n, &o, slot, &count);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.summarize", st);
    lua_createtable(L, (int)count, 0);
    for (size_t k = 0; k < count; k++) {
        const lede_summary_sentence *s = &(*slot)[k];
        lua_createtable(L, 0, 5);
        lua_pushinteger(L, (lua_Integer)s->article + 1), lua_setfield(L, -2, "article");
        lua_pushinteger(L, (lua_Integer)s->sentence + 1), lua_setfield(L, -2, "sentence");
        lua_pushinteger(L, (lua_Integer)s->span.start + 1), lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)s->span.end), lua_setfield(L, -2, "stop");
        lua_pushnumber(L, s->score), lua_setfield(L, -2, "score");
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    free(*slot);
    *slot = NULL;
    return 1;
}
