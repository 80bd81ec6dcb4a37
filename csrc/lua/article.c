/* The article userdata: a lede_article and the methods that turn its arrays into Lua tables.
 * Offsets become 1-based inclusive (start, stop) so that text:sub(start, stop) is the span. */
#include <lauxlib.h>
#include <limits.h>
#include <lua.h>

#include "lede.h"
#include "lua/binding.h"

#define ARTICLE_MT "lede.article.core"

static const char *const kind_names[LEDE_TOKEN_KIND_COUNT] = {
    "word", "number", "punct", "quote", "symbol", "url", "email", "hashtag", "mention",
};

lede_article *lede_lua_check_article(lua_State *L, int index)
{
    lede_article **a = luaL_checkudata(L, index, ARTICLE_MT);
    if (!*a)
        luaL_error(L, "lede: article is closed");
    return *a;
}

static lede_article *check_article(lua_State *L)
{
    return lede_lua_check_article(L, 1);
}

static void set_span(lua_State *L, lede_span span)
{
    lua_pushinteger(L, (lua_Integer)span.start + 1);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, (lua_Integer)span.end);
    lua_setfield(L, -2, "stop");
}

/* Pushes text:sub of the span; the text is argument 2 of every method that returns text. */
static void set_text(lua_State *L, const char *text, size_t len, lede_span span)
{
    if (text && span.end <= len)
        lua_pushlstring(L, text + span.start, span.end - span.start);
    else
        lua_pushnil(L);
    lua_setfield(L, -2, "text");
}

int lede_lua_analyze(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    lede_analyzer **an = lua_touserdata(L, lua_upvalueindex(1));
    lede_article **a = lua_newuserdatauv(L, sizeof *a, 0);
    *a = NULL;
    luaL_setmetatable(L, ARTICLE_MT);
    lede_status st = lede_article_analyze(*an, text, len, a);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede: cannot analyse the text", st);
    /* Lua's collector cannot see the analysis (several bytes per byte of text): nudge it, so
     * that articles left to the collector are collected at the pace they are made. */
    lua_gc(L, LUA_GCSTEP, (int)(len / 512 < INT_MAX ? len / 512 : INT_MAX));
    lua_pushinteger(L, (lua_Integer)lede_article_invalid_utf8(*a));
    return 2;
}

/* art:paragraphs(text) → { {start=, stop=, text=}, ... } */
static int article_paragraphs(lua_State *L)
{
    lede_article *a = check_article(L);
    size_t len, n;
    const char *text = luaL_optlstring(L, 2, NULL, &len);
    const lede_paragraph *p = lede_article_paragraphs(a, &n);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 3);
        set_span(L, p[i].span);
        set_text(L, text, len, p[i].span);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* art:sentences(text) → { {start=, stop=, text=, paragraph=}, ... } */
static int article_sentences(lua_State *L)
{
    lede_article *a = check_article(L);
    size_t len, n;
    const char *text = luaL_optlstring(L, 2, NULL, &len);
    const lede_sentence *s = lede_article_sentences(a, &n);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 4);
        set_span(L, s[i].span);
        set_text(L, text, len, s[i].span);
        lua_pushinteger(L, (lua_Integer)s[i].paragraph + 1);
        lua_setfield(L, -2, "paragraph");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* art:tokens(text) → { {start=, stop=, text=, kind=, lower=, stem=, stopword=, sentence=}, ... } */
static int article_tokens(lua_State *L)
{
    lede_article *a = check_article(L);
    size_t len, n;
    const char *text = luaL_optlstring(L, 2, NULL, &len);
    const lede_token *t = lede_article_tokens(a, &n);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 9);
        set_span(L, t[i].span);
        set_text(L, text, len, t[i].span);
        lua_pushstring(L, kind_names[t[i].kind]);
        lua_setfield(L, -2, "kind");
        lua_pushlstring(L, t[i].lower, t[i].lower_len);
        lua_setfield(L, -2, "lower");
        lua_pushlstring(L, t[i].stem, t[i].stem_len);
        lua_setfield(L, -2, "stem");
        lua_pushboolean(L, t[i].flags & LEDE_TOKEN_STOPWORD);
        lua_setfield(L, -2, "stopword");
        if (t[i].flags & LEDE_TOKEN_ABBREV) {
            lua_pushboolean(L, 1);
            lua_setfield(L, -2, "abbreviation");
        }
        if (t[i].flags & LEDE_TOKEN_POSSESSIVE) {
            lua_pushboolean(L, 1);
            lua_setfield(L, -2, "possessive");
        }
        if (t[i].flags & (LEDE_TOKEN_OPEN | LEDE_TOKEN_CLOSE)) {
            lua_pushstring(L, t[i].flags & LEDE_TOKEN_OPEN ? "open" : "close");
            lua_setfield(L, -2, "side");
        }
        lua_pushinteger(L, (lua_Integer)t[i].sentence + 1);
        lua_setfield(L, -2, "sentence");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* art:terms() → { {term=, count=}, ... }, most frequent first */
static int article_terms(lua_State *L)
{
    lede_article *a = check_article(L);
    const lede_term *terms;
    size_t n;
    lede_status st = lede_article_terms(a, &terms, &n);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede: cannot count terms", st);
    lua_Integer limit = luaL_optinteger(L, 2, (lua_Integer)n);
    if (limit < 0)
        limit = 0;
    if ((size_t)limit < n)
        n = (size_t)limit;
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 2);
        lua_pushlstring(L, terms[i].stem, terms[i].stem_len);
        lua_setfield(L, -2, "term");
        lua_pushinteger(L, terms[i].count);
        lua_setfield(L, -2, "count");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* art:counts() → { paragraphs=, sentences=, tokens=, words= } */
static int article_counts(lua_State *L)
{
    lede_article *a = check_article(L);
    size_t np, ns, nt, words = 0;
    lede_article_paragraphs(a, &np);
    lede_article_sentences(a, &ns);
    const lede_token *t = lede_article_tokens(a, &nt);
    for (size_t i = 0; i < nt; i++)
        words += t[i].kind == LEDE_TOKEN_WORD;
    lua_createtable(L, 0, 4);
    lua_pushinteger(L, (lua_Integer)np), lua_setfield(L, -2, "paragraphs");
    lua_pushinteger(L, (lua_Integer)ns), lua_setfield(L, -2, "sentences");
    lua_pushinteger(L, (lua_Integer)nt), lua_setfield(L, -2, "tokens");
    lua_pushinteger(L, (lua_Integer)words), lua_setfield(L, -2, "words");
    return 1;
}

/* art:dateline(text) → {start=, stop=, text=} or nil */
static int article_dateline(lua_State *L)
{
    lede_article *a = check_article(L);
    size_t len;
    const char *text = luaL_optlstring(L, 2, NULL, &len);
    lede_span span;
    if (!lede_article_dateline(a, &span)) {
        lua_pushnil(L);
        return 1;
    }
    lua_createtable(L, 0, 3);
    set_span(L, span);
    set_text(L, text, len, span);
    return 1;
}

static int article_close(lua_State *L)
{
    lede_article **a = luaL_checkudata(L, 1, ARTICLE_MT);
    lede_article_free(*a);
    *a = NULL;
    return 0;
}

void lede_lua_article_register(lua_State *L)
{
    static const luaL_Reg methods[] = {
        { "paragraphs", article_paragraphs },
        { "sentences", article_sentences },
        { "tokens", article_tokens },
        { "terms", article_terms },
        { "counts", article_counts },
        { "dateline", article_dateline },
        { "quotes", lede_lua_article_quotes },
        { "entities", lede_lua_article_entities },
        { "entity_groups", lede_lua_article_entity_groups },
        { "quantities", lede_lua_article_quantities },
        { "timexes", lede_lua_article_timexes },
        { "close", article_close },
        { NULL, NULL },
    };
    if (luaL_newmetatable(L, ARTICLE_MT)) {
        luaL_newlib(L, methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, article_close);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, article_close);
        lua_setfield(L, -2, "__close");
    }
    lua_pop(L, 1);
}
