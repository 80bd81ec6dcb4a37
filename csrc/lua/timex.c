/* The Lua binding of lede_timexes: art:timexes(text [, date]) → { {start, stop, text, type,
 * value, unresolved, fallback}, ... }. Translation only. */
#include <lauxlib.h>
#include "lua/binding.h"

int lede_lua_article_timexes(lua_State *L)
{
    static const char *const types[] = { "DATE", "TIME", "DURATION", "SET" };
    lede_article *a = lede_lua_check_article(L, 1);
    size_t len, dlen;
    const char *text = luaL_checklstring(L, 2, &len);
    const char *date = luaL_optlstring(L, 3, NULL, &dlen);
    lede_date ref;
    if (date && lede_date_parse(date, dlen, &ref) != LEDE_OK)
        return luaL_error(L, "invalid date '%s'", date);
    lede_timex_list *list;
    lede_status st = lede_timexes(a, text, len, date ? &ref : NULL, &list);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "timexes", st);
    size_t n = lede_timex_list_count(list);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        const lede_timex *t = lede_timex_list_at(list, i);
        lua_createtable(L, 0, 7);
        lua_pushinteger(L, (lua_Integer)t->span.start + 1), lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)t->span.end), lua_setfield(L, -2, "stop");
        lua_pushlstring(L, text + t->span.start, t->span.end - t->span.start);
        lua_setfield(L, -2, "text");
        lua_pushstring(L, types[t->type]), lua_setfield(L, -2, "type");
        lua_pushstring(L, t->value), lua_setfield(L, -2, "value");
        lua_pushboolean(L, (t->flags & LEDE_TIMEX_UNRESOLVED) != 0);
        lua_setfield(L, -2, "unresolved");
        lua_pushboolean(L, (t->flags & LEDE_TIMEX_FALLBACK) != 0);
        lua_setfield(L, -2, "fallback");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lede_timex_list_free(list);
    return 1;
}
