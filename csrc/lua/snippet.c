/* core.snippet: translates Lua arguments for lede_snippet and its result back to a string. */
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "lede.h"
#include "lua/binding.h"

#define RESULT_MT "lede.snippet.result"

/* Frees a result that a Lua error (out of memory while copying it) left behind. */
static int result_gc(lua_State *L)
{
    char **box = lua_touserdata(L, 1);
    free(*box);
    *box = NULL;
    return 0;
}

/* A size option: a non-negative integer, 0 (the library's default) when absent. */
static size_t size_option(lua_State *L, int opts, const char *name)
{
    lua_getfield(L, opts, name);
    int isnum;
    lua_Integer n = lua_tointegerx(L, -1, &isnum);
    if (!lua_isnil(L, -1) && (!isnum || n < 0))
        luaL_error(L, "lede.snippet: option '%s' must be a non-negative integer", name);
    lua_pop(L, 1);
    return isnum ? (size_t)n : 0;
}

/* A marker option: a string, or NULL when absent. The string stays alive in the options table. */
static const char *marker_option(lua_State *L, int opts, const char *name)
{
    lua_getfield(L, opts, name);
    if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "lede.snippet: option '%s' must be a string", name);
    const char *s = lua_tostring(L, -1);
    lua_pop(L, 1);
    return s;
}

static void read_options(lua_State *L, int opts, lede_snippet_options *o)
{
    static const char *const styles[] = { "plain", "ansi", "html", NULL };
    static const lede_highlight values[] = { LEDE_HIGHLIGHT_PLAIN, LEDE_HIGHLIGHT_ANSI,
                                             LEDE_HIGHLIGHT_HTML };
    if (lua_isnoneornil(L, opts))
        return;
    luaL_checktype(L, opts, LUA_TTABLE);
    lua_getfield(L, opts, "style");
    const char *style = lua_isnil(L, -1) ? "plain" : lua_tostring(L, -1);
    size_t i = 0;
    while (styles[i] && (!style || strcmp(styles[i], style) != 0))
        i++;
    if (!styles[i])
        luaL_error(L, "lede.snippet: option 'style' must be \"plain\", \"ansi\" or \"html\"");
    o->style = values[i];
    lua_pop(L, 1);
    o->open = marker_option(L, opts, "open");
    o->close = marker_option(L, opts, "close");
    o->max_sentences = size_option(L, opts, "sentences");
    o->max_bytes = size_option(L, opts, "bytes");
}

/* core.snippet(text, stems, opts) → string; upvalue 1 is the analyzer userdata. */
int lede_lua_snippet(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    luaL_checktype(L, 2, LUA_TTABLE);
    lede_snippet_options o = { LEDE_HIGHLIGHT_PLAIN, NULL, NULL, 0, 0 };
    read_options(L, 3, &o);

    /* The stem strings stay alive in the stems table, which stays on the stack. */
    size_t n = (size_t)luaL_len(L, 2);
    if (n > ((size_t)-1) / sizeof(const char *))
        return lede_lua_fail(L, "lede.snippet", LEDE_ERR_TOO_LARGE);
    const char **stems = lua_newuserdatauv(L, n * sizeof *stems, 0);
    size_t *lens = lua_newuserdatauv(L, n * sizeof *lens, 0);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, 2, (lua_Integer)i + 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            return luaL_error(L, "lede.snippet: stems[%d] must be a string", (int)i + 1);
        stems[i] = lua_tolstring(L, -1, &lens[i]);
        lua_pop(L, 1);
    }

    char **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = NULL;
    if (luaL_newmetatable(L, RESULT_MT)) {
        lua_pushcfunction(L, result_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lede_analyzer **an = lua_touserdata(L, lua_upvalueindex(1));
    size_t out_len;
    lede_status st = lede_snippet(*an, text, len, (const char *const *)stems, lens, n, &o, box,
                                  &out_len);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.snippet", st);
    lua_pushlstring(L, *box, out_len);
    free(*box);
    *box = NULL;
    return 1;
}
