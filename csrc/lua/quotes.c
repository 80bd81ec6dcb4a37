/* art:quotes(text) — lede_quotes as Lua tables; offsets become 1-based inclusive. */
#include <lauxlib.h>
#include <lua.h>

#include "lede.h"
#include "lua/binding.h"

static const char *const kind_names[] = { "direct", "partial", "indirect" };

static void set_field_span(lua_State *L, const char *text, lede_span s, const char *name,
                           const char *start, const char *stop)
{
    lua_pushlstring(L, text + s.start, s.end - s.start);
    lua_setfield(L, -2, name);
    lua_pushinteger(L, (lua_Integer)s.start + 1);
    lua_setfield(L, -2, start);
    lua_pushinteger(L, (lua_Integer)s.end);
    lua_setfield(L, -2, stop);
}

/* The quoted pieces: { {start, stop, text}, ... }, one or more. */
static void push_parts(lua_State *L, const char *text, const lede_quote *q)
{
    lua_createtable(L, (int)q->npieces, 0);
    for (size_t i = 0; i < q->npieces; i++) {
        lede_span s = q->pieces[i];
        lua_createtable(L, 0, 3);
        lua_pushinteger(L, (lua_Integer)s.start + 1);
        lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)s.end);
        lua_setfield(L, -2, "stop");
        lua_pushlstring(L, text + s.start, s.end - s.start);
        lua_setfield(L, -2, "text");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

static void push_quote(lua_State *L, const char *text, const lede_quote *q)
{
    lua_createtable(L, 0, 13);
    lua_pushinteger(L, (lua_Integer)q->span.start + 1);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, (lua_Integer)q->span.end);
    lua_setfield(L, -2, "stop");
    lua_pushlstring(L, q->text, q->text_len);
    lua_setfield(L, -2, "text");
    push_parts(L, text, q);
    lua_setfield(L, -2, "parts");
    lua_pushstring(L, kind_names[q->kind]);
    lua_setfield(L, -2, "kind");
    if (q->has_cue)
        set_field_span(L, text, q->cue, "cue", "cue_start", "cue_stop");
    if (q->has_speaker)
        set_field_span(L, text, q->speaker, "mention", "speaker_start", "speaker_stop");
    if (q->has_resolved)
        set_field_span(L, text, q->resolved, "speaker", "resolved_start", "resolved_stop");
    else if (q->has_speaker) {
        lua_getfield(L, -1, "mention");
        lua_setfield(L, -2, "speaker");
    }
}

int lede_lua_article_quotes(lua_State *L)
{
    lede_article *a = lede_lua_check_article(L, 1);
    size_t len;
    const char *text = luaL_checklstring(L, 2, &len);
    lede_quote_list *list;
    lede_status st = lede_quotes(a, text, len, &list);
    if (st != LEDE_OK)
        return lede_lua_fail(L, "lede: quotes", st);
    size_t n = lede_quote_list_count(list);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        push_quote(L, text, lede_quote_list_at(list, i));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lede_quote_list_free(list);
    return 1;
}
