/* Near-duplicates: signatures as Lua strings and the LSH index as a userdata. Translation only;
 * lua/lede/dedup.lua checks options and maps the caller's ids to the integers used here. */
#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>

#include "lede.h"
#include "lua/binding.h"

#define DEDUP_INDEX_MT "lede.dedup.index"

/* Raises the error of a failed signature call, worded for signatures rather than files. */
static int fail(lua_State *L, lede_status st)
{
    if (st == LEDE_ERR_CORRUPT)
        return luaL_error(L, "lede.dedup: not a signature of this format version, or a damaged one");
    if (st == LEDE_ERR_INVALID)
        return luaL_error(L, "lede.dedup: the signatures were made with different shingle sizes "
                             "or hash counts");
    return lede_lua_fail(L, "lede.dedup", st);
}

/* Reads { shingle=, hashes=, bands=, threshold= } at index `arg` (absent fields: 0, defaults). */
static lede_dedup_options check_options(lua_State *L, int arg)
{
    lede_dedup_options o = { 0 };
    if (lua_isnoneornil(L, arg))
        return o;
    luaL_checktype(L, arg, LUA_TTABLE);
    static const char *const names[] = { "shingle", "hashes", "bands" };
    unsigned *fields[] = { &o.shingle_size, &o.hashes, &o.bands };
    for (int i = 0; i < 3; i++) {
        lua_getfield(L, arg, names[i]);
        lua_Integer v = luaL_optinteger(L, -1, 0);
        if (v < 0 || v > 1 << 20)
            luaL_error(L, "lede.dedup: %s= is out of range", names[i]);
        *fields[i] = (unsigned)v;
        lua_pop(L, 1);
    }
    lua_getfield(L, arg, "threshold");
    o.threshold = luaL_optnumber(L, -1, 0);
    lua_pop(L, 1);
    return o;
}

/* core.dedup_signature(core article, opts) → bytes */
static int dedup_signature(lua_State *L)
{
    lede_article *a = lede_lua_check_article(L, 1);
    lede_dedup_options o = check_options(L, 2);
    size_t len = lede_dedup_signature_size(o.hashes ? o.hashes : LEDE_DEDUP_HASHES);
    luaL_Buffer b;
    unsigned char *out = (unsigned char *)luaL_buffinitsize(L, &b, len);
    lede_status st = lede_dedup_sign(a, &o, out, len);
    if (st != LEDE_OK)
        return luaL_error(L, "lede.dedup: invalid options (shingle 1..32, hashes 1..1024, "
                             "bands 1..hashes, threshold in (0, 1])");
    luaL_pushresultsize(&b, len);
    return 1;
}

/* core.dedup_compare(a, b) → similarity, exact */
static int dedup_compare(lua_State *L)
{
    size_t alen, blen;
    const char *a = luaL_checklstring(L, 1, &alen), *b = luaL_checklstring(L, 2, &blen);
    double similarity;
    int exact;
    lede_status st = lede_dedup_compare((const unsigned char *)a, alen, (const unsigned char *)b,
                                        blen, &similarity, &exact);
    if (st != LEDE_OK)
        return fail(L, st);
    lua_pushnumber(L, similarity);
    lua_pushboolean(L, exact);
    return 2;
}

/* core.dedup_info(bytes) → { version=, shingle=, hashes=, words= } */
static int dedup_info(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    lede_dedup_signature_info info;
    lede_status st = lede_dedup_signature_check((const unsigned char *)s, len, &info);
    if (st != LEDE_OK)
        return fail(L, st);
    lua_createtable(L, 0, 4);
    lua_pushinteger(L, info.version), lua_setfield(L, -2, "version");
    lua_pushinteger(L, info.shingle_size), lua_setfield(L, -2, "shingle");
    lua_pushinteger(L, info.hashes), lua_setfield(L, -2, "hashes");
    lua_pushinteger(L, info.words), lua_setfield(L, -2, "words");
    return 1;
}

static lede_dedup_index *check_index(lua_State *L)
{
    lede_dedup_index **ix = luaL_checkudata(L, 1, DEDUP_INDEX_MT);
    if (!*ix)
        luaL_error(L, "lede.dedup: the set is closed");
    return *ix;
}

/* core.dedup_index(opts) → index userdata */
static int dedup_index(lua_State *L)
{
    lede_dedup_options o = check_options(L, 1);
    lede_dedup_index **ix = lua_newuserdatauv(L, sizeof *ix, 0);
    *ix = NULL;
    luaL_setmetatable(L, DEDUP_INDEX_MT);
    lede_status st = lede_dedup_index_new(&o, ix);
    if (st == LEDE_ERR_INVALID)
        return luaL_error(L, "lede.dedup: invalid options (shingle 1..32, hashes 1..1024, "
                             "bands 1..hashes, threshold in (0, 1])");
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.dedup", st);
    return 1;
}

/* ix:add(integer id, bytes) */
static int index_add(lua_State *L)
{
    lede_dedup_index *ix = check_index(L);
    lua_Integer id = luaL_checkinteger(L, 2);
    size_t len;
    const char *sig = luaL_checklstring(L, 3, &len);
    lede_status st = lede_dedup_index_add(ix, (uint64_t)id, (const unsigned char *)sig, len);
    if (st != LEDE_OK)
        return fail(L, st);
    return 0;
}

/* ix:query(bytes) → { {id=, similarity=, exact=}, ... } */
static int index_query(lua_State *L)
{
    lede_dedup_index *ix = check_index(L);
    size_t len, n;
    const char *sig = luaL_checklstring(L, 2, &len);
    lede_dedup_match *m;
    lede_status st = lede_dedup_index_query(ix, (const unsigned char *)sig, len, &m, &n);
    if (st != LEDE_OK)
        return fail(L, st);
    /* Copy the matches out before building tables, so a Lua memory error cannot leak them. */
    lede_dedup_match *copy = lua_newuserdatauv(L, (n ? n : 1) * sizeof *copy, 0);
    for (size_t i = 0; i < n; i++)
        copy[i] = m[i];
    free(m);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 3);
        lua_pushinteger(L, (lua_Integer)copy[i].id), lua_setfield(L, -2, "id");
        lua_pushnumber(L, copy[i].similarity), lua_setfield(L, -2, "similarity");
        lua_pushboolean(L, copy[i].exact), lua_setfield(L, -2, "exact");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* ix:stats() → count, bytes */
static int index_stats(lua_State *L)
{
    lede_dedup_index *ix = check_index(L);
    lua_pushinteger(L, (lua_Integer)lede_dedup_index_count(ix));
    lua_pushinteger(L, (lua_Integer)lede_dedup_index_bytes(ix));
    return 2;
}

static int index_close(lua_State *L)
{
    lede_dedup_index **ix = luaL_checkudata(L, 1, DEDUP_INDEX_MT);
    lede_dedup_index_free(*ix);
    *ix = NULL;
    return 0;
}

void lede_lua_dedup_register(lua_State *L)
{
    static const luaL_Reg methods[] = {
        { "add", index_add },     { "query", index_query }, { "stats", index_stats },
        { "close", index_close }, { NULL, NULL },
    };
    if (luaL_newmetatable(L, DEDUP_INDEX_MT)) {
        luaL_newlib(L, methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, index_close);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    static const luaL_Reg functions[] = {
        { "dedup_signature", dedup_signature }, { "dedup_compare", dedup_compare },
        { "dedup_info", dedup_info },           { "dedup_index", dedup_index },
        { NULL, NULL },
    };
    luaL_setfuncs(L, functions, 0);
}
