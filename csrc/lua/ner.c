/* The entity tagger in Lua: model and trainer userdata, and the article's `entities` method.
 * Spans become 1-based inclusive (start, stop), as everywhere in the binding. */
#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "lua/binding.h"

#define MODEL_MT "lede.ner.model"
#define TRAINER_MT "lede.ner.trainer"

static int model_gc(lua_State *L)
{
    lede_ner_model **m = luaL_checkudata(L, 1, MODEL_MT);
    lede_ner_model_free(*m);
    *m = NULL;
    return 0;
}

/* core.ner_load(path) → model, or nil and a message. */
int lede_lua_ner_load(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    lede_ner_model **m = (lede_ner_model **)lede_lua_new_box(L, MODEL_MT, model_gc, NULL);
    char error[512] = "";
    lede_status st = lede_ner_model_load(path, m, error, sizeof error);
    if (st != LEDE_OK) {
        lua_pushnil(L);
        lua_pushstring(L, error[0] ? error : lede_status_string(st));
        return 2;
    }
    return 1;
}

/* article:entities(model, text) → { {start, stop, text, type}, ... } */
int lede_lua_article_entities(lua_State *L)
{
    lede_article *a = lede_lua_check_article(L, 1);
    lede_ner_model **m = luaL_checkudata(L, 2, MODEL_MT);
    size_t len;
    const char *text = luaL_checklstring(L, 3, &len);
    lede_mention *mentions;
    size_t n;
    lede_status st = lede_ner_tag(*m, a, text, len, &mentions, &n);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.entities", st);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lede_span s = mentions[i].span;
        lua_createtable(L, 0, 4);
        lua_pushinteger(L, (lua_Integer)s.start + 1), lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)s.end), lua_setfield(L, -2, "stop");
        lua_pushlstring(L, text + s.start, s.end - s.start), lua_setfield(L, -2, "text");
        lua_pushstring(L, lede_entity_type_name(mentions[i].type)), lua_setfield(L, -2, "type");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    free(mentions);
    return 1;
}

static lede_ner_trainer *check_trainer(lua_State *L)
{
    lede_ner_trainer **t = luaL_checkudata(L, 1, TRAINER_MT);
    if (!*t)
        luaL_error(L, "lede: trainer is closed");
    return *t;
}

static int trainer_gc(lua_State *L)
{
    lede_ner_trainer **t = luaL_checkudata(L, 1, TRAINER_MT);
    lede_ner_trainer_free(*t);
    *t = NULL;
    return 0;
}

/* Reads entry i of the gold list at index 4: {start, stop, type}, 1-based inclusive. */
static lede_mention read_gold(lua_State *L, lua_Integer i)
{
    static const char *const types[] = { "PER", "ORG", "LOC", "MISC", NULL };
    lua_rawgeti(L, 4, i);
    luaL_checktype(L, -1, LUA_TTABLE);
    lua_getfield(L, -1, "start");
    lua_getfield(L, -2, "stop");
    lua_getfield(L, -3, "type");
    lede_mention m;
    memset(&m, 0, sizeof m);
    lua_Integer start = luaL_checkinteger(L, -3), stop = luaL_checkinteger(L, -2);
    if (start < 1 || stop < start - 1 || stop > UINT32_MAX)
        luaL_error(L, "lede.ner_trainer: bad span %d", (int)i);
    m.span.start = (uint32_t)(start - 1);
    m.span.end = (uint32_t)stop;
    m.type = (lede_entity_type)luaL_checkoption(L, -1, NULL, types);
    lua_pop(L, 4);
    return m;
}

/* trainer:add(article, text, gold) */
static int trainer_add(lua_State *L)
{
    lede_ner_trainer *t = check_trainer(L);
    lede_article *a = lede_lua_check_article(L, 2);
    size_t len;
    const char *text = luaL_checklstring(L, 3, &len);
    luaL_checktype(L, 4, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 4);
    lede_mention *gold = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof *gold, 0);
    for (lua_Integer i = 1; i <= n; i++)
        gold[i - 1] = read_gold(L, i);
    lede_status st = lede_ner_trainer_add(t, a, text, len, gold, (size_t)n);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.ner_trainer", st);
    return 0;
}

/* trainer:write(epochs, path) */
static int trainer_write(lua_State *L)
{
    lede_ner_trainer *t = check_trainer(L);
    lua_Integer epochs = luaL_checkinteger(L, 2);
    const char *path = luaL_checkstring(L, 3);
    luaL_argcheck(L, epochs >= 1 && epochs <= 1000, 2, "epochs must be 1..1000");
    char error[512] = "";
    lede_status st = lede_ner_trainer_write(t, (unsigned)epochs, path, error, sizeof error);
    if (st != LEDE_OK)
        return luaL_error(L, "lede.ner_trainer: %s", error[0] ? error : lede_status_string(st));
    return 0;
}

/* core.ner_trainer() → trainer */
int lede_lua_ner_trainer(lua_State *L)
{
    static const luaL_Reg methods[] = {
        { "add", trainer_add }, { "write", trainer_write }, { NULL, NULL },
    };
    lede_ner_trainer **t = (lede_ner_trainer **)lede_lua_new_box(L, TRAINER_MT, trainer_gc, methods);
    lede_status st = lede_ner_trainer_new(t);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.ner_trainer", st);
    return 1;
}
