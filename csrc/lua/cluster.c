/* core.cluster_new / core.cluster_load: the story clustering userdata (see lede_cluster_*). */
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "lua/binding.h"

#define CLUSTER_MT "lede.cluster"

static lede_cluster *check_cluster(lua_State *L)
{
    lede_cluster **c = luaL_checkudata(L, 1, CLUSTER_MT);
    return *c;
}

static int cluster_gc(lua_State *L)
{
    lede_cluster **c = luaL_checkudata(L, 1, CLUSTER_MT);
    lede_cluster_free(*c);
    *c = NULL;
    return 0;
}

/* A new userdata slot for a clustering, holding the analyzer (upvalue 1) as its user value so
 * that the analyzer outlives it. */
static lede_cluster **new_slot(lua_State *L)
{
    lede_cluster **slot = lua_newuserdatauv(L, sizeof *slot, 1);
    *slot = NULL;
    luaL_setmetatable(L, CLUSTER_MT);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_setiuservalue(L, -2, 1);
    return slot;
}

static lede_analyzer *analyzer_of(lua_State *L)
{
    return *(lede_analyzer **)lua_touserdata(L, lua_upvalueindex(1));
}

static double opt_number(lua_State *L, int t, const char *key)
{
    lua_getfield(L, t, key);
    double v = luaL_optnumber(L, -1, 0);
    lua_pop(L, 1);
    return v;
}

/* core.cluster_new({ threshold=, window=, title_weight=, lead_weight=, lead_paragraphs=,
 * entity_weight=, max_features= }) → clustering */
int lede_lua_cluster_new(lua_State *L)
{
    lede_cluster_options o;
    memset(&o, 0, sizeof o);
    if (!lua_isnoneornil(L, 1)) {
        luaL_checktype(L, 1, LUA_TTABLE);
        o.threshold = opt_number(L, 1, "threshold");
        o.window_days = opt_number(L, 1, "window");
        o.title_weight = opt_number(L, 1, "title_weight");
        o.lead_weight = opt_number(L, 1, "lead_weight");
        o.entity_weight = opt_number(L, 1, "entity_weight");
        double lead = opt_number(L, 1, "lead_paragraphs"), max = opt_number(L, 1, "max_features");
        if (lead < 0 || lead > 1e6 || max < 0 || max > 1e6)
            return luaL_error(L, "lede.stories: lead_paragraphs and max_features must be "
                                 "whole numbers of at least 1");
        o.lead_paragraphs = (unsigned)lead;
        o.max_features = (unsigned)max;
    }
    lede_cluster **slot = new_slot(L);
    lede_status st = lede_cluster_new(analyzer_of(L), &o, slot);
    if (st == LEDE_ERR_INVALID)
        return luaL_error(L, "lede.stories: an option is out of range (threshold 0 to 1, "
                             "window 0 to 36525 days, weights 0 to 1e6, max_features up to 4096)");
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.stories", st);
    return 1;
}

/* core.cluster_load(path) → clustering, or nil and a message */
int lede_lua_cluster_load(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    lede_cluster **slot = new_slot(L);
    char error[512];
    lede_status st = lede_cluster_load(analyzer_of(L), path, slot, error, sizeof error);
    if (st != LEDE_OK) {
        lua_pushnil(L);
        if (error[0])
            lua_pushstring(L, error);
        else
            lua_pushfstring(L, "cannot load %s: %s", path, lede_status_string(st));
        return 2;
    }
    return 1;
}

/* A string field of table t, or NULL. */
static const char *opt_string(lua_State *L, int t, const char *key, size_t *len)
{
    *len = 0;
    if (lua_getfield(L, t, key) != LUA_TSTRING) {
        lua_pop(L, 1);
        return NULL;
    }
    const char *s = lua_tolstring(L, -1, len);
    lua_pop(L, 1); /* the string stays alive in t */
    return s;
}

/* c:stage{ id=, date=epoch|nil, title=, text=, article=core article|nil, source=,
 *          entities={names} } → whether it was taken (false: its id is known) */
static int cluster_stage(lua_State *L)
{
    lede_cluster *c = check_cluster(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    lede_cluster_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = opt_string(L, 2, "id", &doc.id_len);
    if (!doc.id || doc.id_len == 0)
        return luaL_error(L, "lede.stories: an article needs an id");
    doc.title = opt_string(L, 2, "title", &doc.title_len);
    doc.text = opt_string(L, 2, "text", &doc.text_len);
    doc.source = opt_string(L, 2, "source", &doc.source_len);
    doc.date = LEDE_CLUSTER_NO_DATE;
    if (lua_getfield(L, 2, "date") != LUA_TNIL)
        doc.date = (int64_t)luaL_checkinteger(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, 2, "article") != LUA_TNIL)
        doc.article = lede_lua_check_article(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, 2, "entities");
    int ents = lua_gettop(L);
    lua_Integer n = lua_istable(L, ents) ? luaL_len(L, ents) : 0;
    const char **names = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof *names, 0);
    size_t *lens = lua_newuserdatauv(L, (size_t)(n > 0 ? n : 1) * sizeof *lens, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_geti(L, ents, i) != LUA_TSTRING)
            return luaL_error(L, "lede.stories: entities[%d] must be a string", (int)i);
        names[i - 1] = lua_tolstring(L, -1, &lens[i - 1]);
        lua_pop(L, 1);
    }
    doc.entities = names;
    doc.entity_lens = lens;
    doc.nentities = (size_t)n;
    int staged;
    lede_status st = lede_cluster_stage(c, &doc, &staged);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.stories", st);
    lua_pushboolean(L, staged);
    return 1;
}

static int cluster_run(lua_State *L)
{
    lede_status st = lede_cluster_run(check_cluster(L));
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.stories", st);
    return 0;
}

static int cluster_save(lua_State *L)
{
    lede_cluster *c = check_cluster(L);
    const char *path = luaL_checkstring(L, 2);
    char error[512];
    lede_status st = lede_cluster_save(c, path, error, sizeof error);
    if (st != LEDE_OK)
        return luaL_error(L, "lede.stories: %s", error[0] ? error : lede_status_string(st));
    return 0;
}

static int cluster_tune(lua_State *L)
{
    lede_cluster *c = check_cluster(L);
    lede_status st = lede_cluster_tune(c, luaL_optnumber(L, 2, 0), luaL_optnumber(L, 3, 0));
    if (st == LEDE_ERR_INVALID)
        return luaL_error(L, "lede.stories: threshold must be 0 to 1 and window 0 to 36525 days");
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.stories", st);
    return 0;
}

static int cluster_options(lua_State *L)
{
    lede_cluster_options o;
    lede_cluster_options_get(check_cluster(L), &o);
    lua_createtable(L, 0, 7);
    lua_pushnumber(L, o.threshold), lua_setfield(L, -2, "threshold");
    lua_pushnumber(L, o.window_days), lua_setfield(L, -2, "window");
    lua_pushnumber(L, o.title_weight), lua_setfield(L, -2, "title_weight");
    lua_pushnumber(L, o.lead_weight), lua_setfield(L, -2, "lead_weight");
    lua_pushinteger(L, o.lead_paragraphs), lua_setfield(L, -2, "lead_paragraphs");
    lua_pushnumber(L, o.entity_weight), lua_setfield(L, -2, "entity_weight");
    lua_pushinteger(L, o.max_features), lua_setfield(L, -2, "max_features");
    return 1;
}

static void push_date(lua_State *L, int64_t date, const char *key)
{
    if (date != LEDE_CLUSTER_NO_DATE) {
        lua_pushinteger(L, (lua_Integer)date);
        lua_setfield(L, -2, key);
    }
}

/* c:articles() → { {id, title, source, date (epoch, absent when none), story (index),
 * fingerprint (16 hex digits)}, ... } in the order clustered */
static int cluster_articles(lua_State *L)
{
    lede_cluster *c = check_cluster(L);
    size_t n = lede_cluster_article_count(c);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lede_cluster_article a;
        lede_cluster_article_at(c, i, &a);
        lua_createtable(L, 0, 6);
        lua_pushstring(L, a.id), lua_setfield(L, -2, "id");
        lua_pushstring(L, a.title), lua_setfield(L, -2, "title");
        lua_pushstring(L, a.source), lua_setfield(L, -2, "source");
        push_date(L, a.date, "date");
        lua_pushinteger(L, (lua_Integer)a.story + 1), lua_setfield(L, -2, "story");
        char hex[17];
        snprintf(hex, sizeof hex, "%016llx", (unsigned long long)a.fingerprint);
        lua_pushstring(L, hex), lua_setfield(L, -2, "fingerprint");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* c:stories() → { {id, first, last (epochs, absent when none), size, label (article index),
 * members = {article indexes}}, ... } in the order started */
static int cluster_stories(lua_State *L)
{
    lede_cluster *c = check_cluster(L);
    size_t n = lede_cluster_story_count(c);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lede_story s;
        lede_cluster_story_at(c, i, &s);
        lua_createtable(L, 0, 6);
        lua_pushstring(L, s.id), lua_setfield(L, -2, "id");
        push_date(L, s.first, "first");
        push_date(L, s.last, "last");
        lua_pushinteger(L, (lua_Integer)s.size), lua_setfield(L, -2, "size");
        lua_pushinteger(L, (lua_Integer)s.label + 1), lua_setfield(L, -2, "label");
        lua_createtable(L, (int)s.size, 0);
        for (size_t k = 0; k < s.size; k++) {
            lua_pushinteger(L, (lua_Integer)s.members[k] + 1);
            lua_rawseti(L, -2, (lua_Integer)k + 1);
        }
        lua_setfield(L, -2, "members");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* A malloc'd block owned by a userdata while its contents become tables, so that a Lua error
 * (out of memory) frees it. */
#define BOX_MT "lede.cluster.box"

static int box_gc(lua_State *L)
{
    void **p = luaL_checkudata(L, 1, BOX_MT);
    free(*p);
    *p = NULL;
    return 0;
}

/* c:features(story index, k) → { {text, weight, entity = bool}, ... } heaviest first */
static int cluster_features(lua_State *L)
{
    lede_cluster *c = check_cluster(L);
    lua_Integer story = luaL_checkinteger(L, 2), k = luaL_checkinteger(L, 3);
    if (story < 1 || (size_t)story > lede_cluster_story_count(c) || k < 0)
        return luaL_error(L, "lede.stories: no story %d", (int)story);
    void **box = lede_lua_new_box(L, BOX_MT, box_gc, NULL);
    lede_story_feature *f;
    size_t n;
    lede_status st = lede_cluster_story_features(c, (size_t)story - 1, (size_t)k, &f, &n);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede.stories", st);
    *box = f;
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 3);
        lua_pushlstring(L, f[i].text, f[i].len), lua_setfield(L, -2, "text");
        lua_pushnumber(L, f[i].weight), lua_setfield(L, -2, "weight");
        lua_pushboolean(L, f[i].entity), lua_setfield(L, -2, "entity");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* c:find(id) → article index, or nil */
static int cluster_find(lua_State *L)
{
    lede_cluster *c = check_cluster(L);
    size_t len;
    const char *id = luaL_checklstring(L, 2, &len);
    int64_t i = lede_cluster_find(c, id, len);
    if (i < 0)
        lua_pushnil(L);
    else
        lua_pushinteger(L, (lua_Integer)i + 1);
    return 1;
}

void lede_lua_cluster_register(lua_State *L)
{
    static const luaL_Reg methods[] = {
        { "stage", cluster_stage },       { "run", cluster_run },
        { "save", cluster_save },         { "tune", cluster_tune },
        { "options", cluster_options },   { "articles", cluster_articles },
        { "stories", cluster_stories },   { "features", cluster_features },
        { "find", cluster_find },         { NULL, NULL },
    };
    if (luaL_newmetatable(L, CLUSTER_MT)) {
        luaL_newlib(L, methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, cluster_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
}
