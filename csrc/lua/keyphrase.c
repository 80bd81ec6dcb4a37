/* core.keyphrases: translates a list of analysed articles for lede_keyphrases and its result
 * back to tables. Offsets become 1-based inclusive (start, stop), as everywhere in the binding. */
#include <lauxlib.h>
#include <lua.h>

#include "lede.h"
#include "lua/binding.h"

#define ARTICLE_MT "lede.article.core" /* the metatable article.c registers */
#define RESULT_MT "lede.keyphrase.result"

/* Frees a list that a Lua error (out of memory while copying it) left behind. */
static int result_gc(lua_State *L)
{
    lede_keyphrase_list **box = lua_touserdata(L, 1);
    lede_keyphrase_list_free(*box);
    *box = NULL;
    return 0;
}

/* The arrays lede_keyphrases takes, in userdata that the collector frees. */
typedef struct arguments {
    lede_article **articles;
    const char **texts, **titles;
    size_t *lens, *title_lens;
} arguments;

static void *new_array(lua_State *L, size_t n, size_t size)
{
    return lua_newuserdatauv(L, (n ? n : 1) * size, 0);
}

/* Reads entry i ({core article, text, title}) of the list at index 1. The strings stay alive in
 * the entry, which the list keeps. */
static void read_entry(lua_State *L, size_t i, arguments *a)
{
    lua_rawgeti(L, 1, (lua_Integer)i + 1);
    if (!lua_istable(L, -1))
        luaL_error(L, "lede.keyphrases: entry %d must be a table", (int)i + 1);
    lua_rawgeti(L, -1, 1);
    lede_article **art = luaL_testudata(L, -1, ARTICLE_MT);
    if (!art)
        luaL_error(L, "lede.keyphrases: entry %d holds no article", (int)i + 1);
    if (!*art)
        luaL_error(L, "lede: article is closed");
    a->articles[i] = *art;
    lua_rawgeti(L, -2, 2);
    if (lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "lede.keyphrases: entry %d holds no text", (int)i + 1);
    a->texts[i] = lua_tolstring(L, -1, &a->lens[i]);
    lua_rawgeti(L, -3, 3);
    if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "lede.keyphrases: the title of entry %d must be a string", (int)i + 1);
    a->titles[i] = lua_tolstring(L, -1, &a->title_lens[i]);
    if (!a->titles[i])
        a->title_lens[i] = 0;
    lua_pop(L, 4);
}

static void push_phrase(lua_State *L, const lede_keyphrase *p)
{
    lua_createtable(L, 0, 4);
    lua_pushlstring(L, p->text, p->len);
    lua_setfield(L, -2, "text");
    lua_pushnumber(L, p->score);
    lua_setfield(L, -2, "score");
    lua_pushinteger(L, (lua_Integer)p->count);
    lua_setfield(L, -2, "count");
    lua_createtable(L, (int)p->count, 0);
    for (size_t i = 0; i < p->count; i++) {
        lua_createtable(L, 0, 3);
        lua_pushinteger(L, (lua_Integer)p->positions[i].article + 1);
        lua_setfield(L, -2, "article");
        lua_pushinteger(L, (lua_Integer)p->positions[i].span.start + 1);
        lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)p->positions[i].span.end);
        lua_setfield(L, -2, "stop");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "positions");
}

/* core.keyphrases(list of {core article, text, title}, n) → { {text=, score=, count=,
 * positions={ {article=, start=, stop=}, ... } }, ... }; upvalue 1 is the analyzer userdata. */
int lede_lua_keyphrases(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer k = luaL_checkinteger(L, 2);
    luaL_argcheck(L, k >= 0, 2, "must be a non-negative integer");
    size_t n = (size_t)luaL_len(L, 1);
    if (n > ((size_t)-1) / sizeof(const char *))
        return lede_lua_fail(L, "lede.keyphrases", LEDE_ERR_TOO_LARGE);
    arguments a;
    a.articles = new_array(L, n, sizeof *a.articles);
    a.texts = new_array(L, n, sizeof *a.texts);
    a.titles = new_array(L, n, sizeof *a.titles);
    a.lens = new_array(L, n, sizeof *a.lens);
    a.title_lens = new_array(L, n, sizeof *a.title_lens);
    for (size_t i = 0; i < n; i++)
        read_entry(L, i, &a);

    lede_keyphrase_list **box = lua_newuserdatauv(L, sizeof *box, 0);
    *box = NULL;
    if (luaL_newmetatable(L, RESULT_MT)) {
        lua_pushcfunction(L, result_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lede_analyzer **an = lua_touserdata(L, lua_upvalueindex(1));
    lede_status st = lede_keyphrases(*an, a.articles, a.texts, a.lens, a.titles, a.title_lens, n,
                                     (size_t)k, box);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.keyphrases", st);
    size_t count = lede_keyphrase_list_count(*box);
    lua_createtable(L, (int)count, 0);
    for (size_t i = 0; i < count; i++) {
        push_phrase(L, lede_keyphrase_list_at(*box, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lede_keyphrase_list_free(*box);
    *box = NULL;
    return 1;
}
