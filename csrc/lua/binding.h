/* The Lua binding's private header: one registration function per userdata type. */
#ifndef LEDE_LUA_BINDING_H
#define LEDE_LUA_BINDING_H

#include <lauxlib.h>
#include <lua.h>
#include "lede.h"

/* The module entry point, for require("lede.core"). */
__attribute__((visibility("default"))) int luaopen_lede_core(lua_State *L);

/* Registers the article metatable. */
void lede_lua_article_register(lua_State *L);

/* The article userdata at a stack index (a Lua error when it is not one, or is closed). */
lede_article *lede_lua_check_article(lua_State *L, int index);

/* core.summarize({ {article, text, title, date}, ... }, opts) → chosen sentences; upvalue 1 is
 * the analyzer userdata. */
int lede_lua_summarize(lua_State *L);

/* core.analyze(text) → article userdata, count of invalid UTF-8 sequences; upvalue 1 is the
 * analyzer userdata. */
int lede_lua_analyze(lua_State *L);

/* core.snippet(text, stems, opts) → string; upvalue 1 is the analyzer userdata. */
int lede_lua_snippet(lua_State *L);

/* core.keyphrases(list of {core article, text, title}, n) → list of phrases; upvalue 1 is the
 * analyzer userdata. */
int lede_lua_keyphrases(lua_State *L);

/* core.parse_query(text [, {mode=, default=, fields=, date_field=}]) → tree, or nil, message. */
int lede_lua_parse_query(lua_State *L);

/* Registers the index metatable; core.index_open(dir, create) → index userdata. */
void lede_lua_index_register(lua_State *L);
int lede_lua_index_open(lua_State *L);

/* art:quantities(text) → { {start, stop, text, value, value_max?, unit, approx?}, ... } */
int lede_lua_article_quantities(lua_State *L);

/* Entities: core.ner_load(path) → model or nil, message; core.ner_trainer() → trainer;
 * article:entities(model, text) → mentions (a method of the article userdata). */
int lede_lua_ner_load(lua_State *L);
int lede_lua_ner_trainer(lua_State *L);
int lede_lua_article_entities(lua_State *L);
int lede_lua_gazetteer(lua_State *L), lede_lua_article_entity_groups(lua_State *L);

/* art:quotes(text) → { {start, stop, text, kind, cue, speaker, mention, ...}, ... } */
int lede_lua_article_quotes(lua_State *L);

/* art:timexes(text [, reference date]) → dates and times (see lede_timexes). */
int lede_lua_article_timexes(lua_State *L);

/* Stories: registers the clustering metatable; core.cluster_new(opts) and
 * core.cluster_load(path) (upvalue 1 is the analyzer userdata) → clustering. */
void lede_lua_cluster_register(lua_State *L);
int lede_lua_cluster_new(lua_State *L);
int lede_lua_cluster_load(lua_State *L);

/* Pushes a userdata box for one pointer (NULL until the caller fills it) whose metatable `mt`
 * (made on first use) has `gc` as __gc and `methods` (may be NULL) as __index. */
void **lede_lua_new_box(lua_State *L, const char *mt, lua_CFunction gc, const luaL_Reg *methods);

/* Raises a Lua error "what: <status message>". */
int lede_lua_fail(lua_State *L, const char *what, lede_status status);

/* Near-duplicates: registers the index metatable and sets core.dedup_signature, dedup_compare,
 * dedup_info and dedup_index on the table at the top of the stack. */
void lede_lua_dedup_register(lua_State *L);

#endif
