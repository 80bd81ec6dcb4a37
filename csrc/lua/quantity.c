/* art:quantities(text): translates lede_quantities to { {start, stop, text, value, value_max?,
 * unit, approx?}, ... }; offsets become 1-based inclusive, as everywhere in the binding. */
#include <lauxlib.h>
#include <lua.h>

#include "lede.h"
#include "lua/binding.h"

static const char *const approx_names[] = {
    NULL, "about", "more_than", "at_least", "up_to", "less_than",
};

/* Frees a list that a Lua error (out of memory while copying it) left behind. */
static int result_gc(lua_State *L)
{
    lede_quantity_list **box = lua_touserdata(L, 1);
    lede_quantity_list_free(*box);
    *box = NULL;
    return 0;
}

static void push_quantity(lua_State *L, const lede_quantity *q, const char *text, size_t len)
{
    lua_createtable(L, 0, 7);
    lua_pushinteger(L, (lua_Integer)q->span.start + 1);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, (lua_Integer)q->span.end);
    lua_setfield(L, -2, "stop");
    if (q->span.end <= len) {
        lua_pushlstring(L, text + q->span.start, q->span.end - q->span.start);
        lua_setfield(L, -2, "text");
    }
    lua_pushnumber(L, q->value);
    lua_setfield(L, -2, "value");
    if (q->is_range) {
        lua_pushnumber(L, q->value_max);
        lua_setfield(L, -2, "value_max");
    }
    lua_pushlstring(L, q->unit, q->unit_len);
    lua_setfield(L, -2, "unit");
    if (q->approx > LEDE_APPROX_NONE && q->approx <= LEDE_APPROX_LESS_THAN) {
        lua_pushstring(L, approx_names[q->approx]);
        lua_setfield(L, -2, "approx");
    }
}

int lede_lua_article_quantities(lua_State *L)
{
    lede_article *a = lede_lua_check_article(L, 1);
    size_t len;
    const char *text = luaL_checklstring(L, 2, &len);
    lede_quantity_list **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = NULL;
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, result_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lede_status st = lede_quantities(a, text, len, box);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede: cannot find quantities", st);
    size_t n = lede_quantity_list_count(*box);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        push_quantity(L, lede_quantity_list_at(*box, i), text, len);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lede_quantity_list_free(*box);
    *box = NULL;
    return 1;
}
