-- The search query parser (csrc/index/query_*.c) through core.parse_query: every construct of
-- docs/QUERY.md with its exact tree, lenient mode on hostile input, strict mode's errors.
local core = require("lede.core")

-- A date bound as text: the day when it is midnight UTC, else the full time.
local function iso(t)
  if t % 86400 == 0 then return os.date("!%Y-%m-%d", t) end
  return os.date("!%Y-%m-%dT%H:%M:%SZ", t)
end

-- The tree as one line, losing nothing but positions: AND(title:nato NOT("defence ministers")),
-- +required, field:term, prefix*, NEAR/5(a b), date:[from,to) with -inf/+inf, ALL.
local function render(n)
  local s = n.required and "+" or ""
  if n.field and n.kind ~= "date" then s = s .. n.field .. ":" end
  local k = n.kind
  if k == "term" then return s .. n.text end
  if k == "prefix" then return s .. n.text .. "*" end
  if k == "phrase" then return s .. '"' .. n.text .. '"' end
  if k == "all" then return s .. "ALL" end
  if k == "date" then
    return s .. n.field .. ":[" .. (n.from and iso(n.from) or "-inf") .. "," .. (n.to and iso(n.to) or "+inf") .. ")"
  end
  local parts = {}
  for i, c in ipairs(n.children) do parts[i] = render(c) end
  return s .. k:upper() .. (k == "near" and "/" .. n.distance or "") .. "(" .. table.concat(parts, " ") .. ")"
end

-- Checks the shape query.h promises; returns the number of leaves.
local function check_tree(q, n, parent, index)
  local leaves = 0
  assert.is_true(n.position >= 1 and n.position <= math.max(#q, 1), "position " .. n.position)
  local k = n.kind
  if k == "term" or k == "prefix" then
    assert.equal(n.text, q:sub(n.position, n.position + #n.text - 1))
  elseif k == "phrase" then
    assert.equal('"' .. n.text, q:sub(n.position, n.position + #n.text))
  end
  if k == "term" or k == "prefix" or k == "phrase" or k == "date" then
    assert.is_nil(n.children)
    assert.is_true(#n.text > 0)
    return 1
  end
  if k == "all" then
    assert.is_true(parent == nil or (parent.kind == "and" and index == 1))
    return 0
  end
  assert.is_true(#n.children >= (k == "not" and 1 or 2), k .. " with too few children")
  local positives = 0
  for i, c in ipairs(n.children) do
    if k == "near" then assert.is_true(c.kind == "term" or c.kind == "phrase") end
    if k == "or" then assert.are_not.equal("not", c.kind) end
    if k == "and" then assert.are_not.equal("and", c.kind) end
    if c.kind ~= "not" then positives = positives + 1 end
    leaves = leaves + check_tree(q, c, n, i)
  end
  if k == "not" then assert.is_true(#n.children == 1 and parent and parent.kind == "and") end
  if k == "and" then assert.is_true(positives >= 1) end
  return leaves
end

local function parse(q, opts)
  local t, err = core.parse_query(q, opts)
  assert(t, err)
  return t
end

local function lenient(q, opts) return render(parse(q, opts)) end

local function strict_error(q, opts)
  opts = opts or {}
  opts.mode = "strict"
  local t, err = core.parse_query(q, opts)
  assert.is_nil(t, q:sub(1, 80))
  return err
end

-- Parses in lenient mode and checks the tree; returns it.
local function survives(q, opts)
  local ok, t = pcall(core.parse_query, q, opts)
  assert(ok and t, "lenient parse failed on " .. string.format("%q", q:sub(1, 80)))
  assert.is_true(check_tree(q, t) <= 1024)
  return t
end

describe("query parser", function()
  describe("constructs", function()
    it("reads bare terms and combines them with the default operator, AND", function()
      assert.equal("nato", lenient("nato"))
      assert.equal("AND(nato troops brussels)", lenient("nato  troops\tbrussels"))
    end)

    it("reads phrases", function()
      assert.equal('AND("defence ministers" brussels)', lenient('"defence ministers" AND brussels'))
      assert.equal('"a  b"', lenient('"a  b"'))
    end)

    it("takes upper-case AND, OR, NOT as operators and lower-case ones as words", function()
      assert.equal("OR(nato russia)", lenient("nato OR russia"))
      assert.equal("AND(nato NOT(russia))", lenient("nato NOT russia"))
      assert.equal("AND(rock and roll)", lenient("rock and roll"))
      assert.equal("AND(war or peace)", lenient("war or peace"))
      assert.equal("AND(not guilty)", lenient("not guilty"))
      assert.equal("AND(And Or)", lenient("And Or"))
    end)

    it("reads +must and -mustnot", function()
      assert.equal("AND(title:nato NOT(russia))", lenient("title:nato -russia"))
      assert.equal("AND(+nato troops)", lenient("+nato troops"))
      assert.equal("AND(nato NOT(\"cold war\") NOT(OR(a b)))", lenient('nato -"cold war" -(a OR b)'))
      assert.equal("AND(+OR(a b) c)", lenient("+(a OR b) c"))
    end)

    it("reads parentheses and merges nested groups of the same operator", function()
      assert.equal("AND(OR(a b) c)", lenient("(a OR b) c"))
      assert.equal("AND(a b c)", lenient("a (b c)"))
      assert.equal("OR(a b c)", lenient("a OR (b OR c)"))
      assert.equal("a", lenient("((((a))))"))
    end)

    it("reads field:term, field:\"phrase\" and field:(group), case aside", function()
      assert.equal("title:nato", lenient("title:nato"))
      assert.equal('title:"defence ministers"', lenient('title:"defence ministers"'))
      assert.equal("AND(OR(title:a title:\"b c\") d)", lenient('title:(a OR "b c") d'))
      assert.equal("source:reuters", lenient("source:reuters"))
      assert.equal("title:nato", lenient("Title:nato"))
      assert.equal("AND(title:a text:b)", lenient("title:(a text:b)"))
      assert.equal("text:x", lenient("title:text:x"))
      assert.equal("title:AND", lenient("title:AND"))
      assert.equal("AND(person:stoltenberg org:nato place:brussels speaker:x story:y)",
        lenient("person:stoltenberg org:nato place:brussels speaker:x story:y"))
    end)

    it("reads prefix*", function()
      assert.equal("minist*", lenient("minist*"))
      assert.equal("AND(title:minist* troops)", lenient("title:minist* troops"))
      assert.equal("AND(a* b)", lenient("a*b"))
    end)

    it("reads NEAR/n(...) and NEAR(...) with distance 10", function()
      assert.equal("NEAR/5(stoltenberg troops)", lenient("NEAR/5(stoltenberg troops)"))
      assert.equal('NEAR/10(a b "c d")', lenient('NEAR(a b "c d")'))
      assert.equal("title:NEAR/3(title:a title:b)", lenient("title:NEAR/3(a b)"))
      assert.equal("AND(ALL NOT(NEAR/2(a b)))", lenient("-NEAR/2(a b)"))
      assert.equal("AND(near a b)", lenient("near(a b)"))
      assert.equal("AND(NEAR a)", lenient("NEAR a"))
    end)

    it("reads dates as the whole period they name", function()
      assert.equal("date:[2020-02-13,2020-02-14)", lenient("date:2020-02-13"))
      assert.equal("date:[2020-02-01,2020-03-01)", lenient("date:2020-02"))
      assert.equal("date:[2019-02-01,2019-03-01)", lenient("date:2019-02"))
      assert.equal("date:[2020-12-01,2021-01-01)", lenient("date:2020-12"))
      assert.equal("date:[2020-01-01,2021-01-01)", lenient("date:2020"))
      assert.equal("date:[2020-02-13T10:30:00Z,2020-02-13T10:31:00Z)", lenient("date:2020-02-13T10:30Z"))
      assert.equal("date:[2020-02-13T09:30:00Z,2020-02-13T09:30:01Z)", lenient("date:2020-02-13T10:30:00+01:00"))
    end)

    it("reads date ranges and comparisons", function()
      assert.equal("date:[2020-01-01,2020-03-01)", lenient("date:2020-01..2020-02-29"))
      assert.equal("date:[2020-02-01,2020-03-01)", lenient("date:2020-02-01..2020-02-29"))
      assert.equal("date:[2019-01-01,2021-01-01)", lenient("date:2019..2020"))
      assert.equal("date:[2020-02-01,+inf)", lenient("date:>=2020-02"))
      assert.equal("date:[2020-02-14,+inf)", lenient("date:>2020-02-13"))
      assert.equal("date:[-inf,2020-01-01)", lenient("date:<2020"))
      assert.equal("date:[-inf,2020-04-01)", lenient("date:<=2020-03"))
      assert.equal("AND(date:[2020-02-01,2020-03-01) source:reuters)",
        lenient("date:2020-02-01..2020-02-29 source:reuters"))
      assert.equal("OR(date:[2020-01-01,2021-01-01) date:[2022-01-01,2023-01-01))",
        lenient("(date:2020 OR date:2022)"))
    end)

    it("gives every field of a node, positions counted from 1", function()
      assert.same({
        kind = "and", position = 7, children = {
          { kind = "term", position = 7, field = "title", text = "nato" },
          { kind = "not", position = 12, children = {
            { kind = "phrase", position = 13, text = "defence ministers" } } },
          { kind = "date", position = 38, field = "date", text = ">=2020-02", from = 1580515200 },
          { kind = "near", position = 48, distance = 5, children = {
            { kind = "term", position = 55, text = "a" },
            { kind = "term", position = 57, text = "b" } } },
          { kind = "prefix", position = 61, text = "c", required = true },
        } }, parse('title:nato -"defence ministers" date:>=2020-02 NEAR/5(a b) +c*', { default = "and" }))
      assert.same({ kind = "date", position = 6, field = "date", text = "2020..2020-02", from = 1577836800,
                    to = 1583020800 }, parse("date:2020..2020-02"))
      assert.same({ kind = "all", position = 1 }, parse(""))
    end)
  end)

  describe("precedence and default operator", function()
    it("binds NOT, then AND, then the default operator, then OR", function()
      assert.equal("OR(AND(a b) AND(c d))", lenient("a b OR c d"))
      assert.equal("OR(a AND(b c))", lenient("a OR b c"))
      assert.equal("OR(a AND(b c))", lenient("a OR b AND c"))
      assert.equal("AND(NOT(a) b)", lenient("NOT a AND b"))
      assert.equal("OR(AND(a b) c)", lenient("a AND b c", { default = "or" }))
      assert.equal("OR(a AND(b c) d)", lenient("a b AND c OR d", { default = "or" }))
    end)

    it("joins adjacent clauses with OR when asked, keeping +required and pulling negations out", function()
      assert.equal("OR(a b)", lenient("a b", { default = "or" }))
      assert.equal("OR(+nato troops)", lenient("+nato troops", { default = "or" }))
      assert.equal("AND(OR(+a b) NOT(c))", lenient("+a b -c", { default = "or" }))
      assert.equal("OR(OR(a +b) c)", lenient("(a +b) c", { default = "or" }))
      assert.equal("AND(ALL NOT(a) NOT(b))", lenient("-a -b", { default = "or" }))
    end)

    it("makes a query of negations AND(ALL, NOT x) and an empty query ALL", function()
      assert.equal("AND(ALL NOT(a))", lenient("-a"))
      assert.equal("AND(ALL NOT(a))", lenient("NOT a"))
      assert.equal("AND(ALL NOT(a) NOT(b))", lenient("-a -b"))
      assert.equal("OR(a AND(ALL NOT(b)))", lenient("a OR -b"))
      assert.equal("AND(NOT(a) b)", lenient("(-a) b"))
      assert.equal("a", lenient("NOT NOT a"))
      assert.equal("ALL", lenient(""))
      assert.equal("ALL", lenient(" \t\n"))
    end)
  end)

  describe("lenient mode", function()
    it("keeps hyphens and apostrophes inside words", function()
      assert.equal("Secretary-General", lenient("Secretary-General"))
      assert.equal("AND(U.S.-led troops)", lenient("U.S.-led troops"))
      assert.equal("AND(NATO's don't)", lenient("NATO's don't"))
      assert.equal("AND(C++ C# 5% U.S.)", lenient("C++ C# 5% U.S."))
      assert.equal("AND(#metoo @nato)", lenient("#metoo @nato"))
    end)

    it("reads stray quotes as a phrase to the end", function()
      assert.equal('"unbalanced"', lenient('"unbalanced'))
      assert.equal('AND(a "b c")', lenient('a "b c'))
      assert.equal('AND("a" b)', lenient('"a" b "'))
      assert.equal("AND(a b)", lenient('a -"" b'))
    end)

    it("closes unbalanced parentheses at the end and ignores stray ones", function()
      assert.equal("OR(a b)", lenient("(a OR b"))
      assert.equal("OR(a b)", lenient("a OR b)"))
      assert.equal("AND(a b)", lenient(")a(b"))
      assert.equal("ALL", lenient("()"))
      assert.equal("ALL", lenient(")))((("))
    end)

    it("drops stray operators, or reads them as words when nothing else is there", function()
      assert.equal("a", lenient("AND a"))
      assert.equal("a", lenient("a AND"))
      assert.equal("a", lenient("a OR"))
      assert.equal("a", lenient("a NOT"))
      assert.equal("AND(a b)", lenient("a AND AND b"))
      assert.equal("OR(a b)", lenient("a OR OR b"))
      assert.equal("OR(a b)", lenient("a AND OR b"))
      assert.equal("OR", lenient("OR"))
      assert.equal("NOT", lenient("NOT"))
      assert.equal("AND(AND OR NOT)", lenient("AND OR NOT"))
      assert.equal("OR", lenient("(OR)"))
    end)

    it("reads a lone - or + and other punctuation as separators", function()
      assert.equal("ALL", lenient("-"))
      assert.equal("ALL", lenient("+"))
      assert.equal("AND(a b)", lenient("a - b"))
      assert.equal("AND(a b c)", lenient("a, b; c!"))
      assert.equal("AND(a b)", lenient("a * b"))
    end)

    it("reads unknown name: prefixes and bad dates as text", function()
      assert.equal("10:30", lenient("10:30"))
      assert.equal("AND(re talks)", lenient("re: talks"))
      assert.equal("foo:bar", lenient("foo:bar"))
      assert.equal("http://example.com/a", lenient("http://example.com/a"))
      assert.equal("date:x", lenient("date:x"))
      assert.equal("date:2020-13", lenient("date:2020-13"))
      assert.equal("date:2019-02-29", lenient("date:2019-02-29"))
      assert.equal("AND(date x)", lenient("date:>=x"))
      assert.equal("date", lenient("date:"))
      assert.equal("date:[2020-01-01,2022-01-01)", lenient("date:2021..2020"))
      assert.equal("AND(date:[2020-01-01,2021-01-01) x)", lenient("date:2020\0x"))
    end)

    it("reads NEAR's words and phrases and skips the rest", function()
      assert.equal("NEAR/10(a b c)", lenient("NEAR(a AND (b) c"))
      assert.equal("NEAR/10(a b)", lenient("NEAR(a* -b)"))
      assert.equal("a", lenient("NEAR(a)"))
      assert.equal("ALL", lenient("NEAR()"))
      assert.equal("NEAR/1(a b)", lenient("NEAR/0(a b)"))
      assert.equal("NEAR/1000(a b)", lenient("NEAR/99999999999999(a b)"))
      assert.equal("NEAR/10(a b)", lenient("NEAR/x(a b)"))
      assert.equal("NEAR/10(a b c d)", lenient("NEAR(a NEAR(b c) d)"))
    end)

    it("honours the field list and the date field", function()
      assert.equal("headline:x", lenient("headline:x", { fields = { "headline" } }))
      assert.equal("title:x", lenient("title:x", { fields = { "headline" } }))
      assert.equal("date:2020", lenient("date:2020", { date_field = false }))
      assert.equal("day:[2020-01-01,2021-01-01)", lenient("day:2020", { date_field = "day" }))
      assert.has_error(function() core.parse_query("x", { mode = "loose" }) end)
      assert.has_error(function() core.parse_query("x", { default = "xor" }) end)
      assert.has_error(function() core.parse_query("x", { fields = { 1 } }) end)
    end)
  end)

  describe("lenient mode on hostile input", function()
    local punct = {}
    for c = 33, 126 do
      local ch = string.char(c)
      if not ch:match("%w") then punct[#punct + 1] = ch end
    end

    it("survives every ASCII punctuation character alone, in pairs and around words", function()
      assert.equal(32, #punct)
      for _, a in ipairs(punct) do
        survives(a)
        survives("x" .. a .. "y")
        survives(a .. "x " .. a)
        for _, b in ipairs(punct) do
          survives(a .. b)
          survives(a .. "a" .. b)
          survives(a .. " " .. b .. "NEAR(" .. a)
          survives("title:" .. a .. b .. " date:" .. a .. b)
        end
      end
    end)

    it("survives unbalanced quotes and parentheses", function()
      for _, q in ipairs({ '"', '""', '"""', '"a', 'a"', '"a" "', '(', ')', '(()', '())', ')(',
                           '("a)"', '"(a"', 'NEAR(', 'NEAR/5("a', 'title:(', 'title:"', '-(', '+"' }) do
        survives(q)
      end
    end)

    it("survives 10,000 nested parentheses, flattening past depth 64", function()
      local deep = ("("):rep(10000) .. "a OR b" .. (")"):rep(10000)
      assert.equal("OR(a b)", render(survives(deep)))
      assert.equal("ALL", render(survives(("("):rep(10000))))
      assert.equal("ALL", render(survives((")"):rep(10000))))
      -- Groups 64 deep keep their meaning; a 65th level is read as if its brackets were not there.
      assert.equal("AND(OR(a b) c)", render(survives(("("):rep(64) .. "a OR b) c" .. (")"):rep(63))))
      assert.equal("OR(a AND(b c))", render(survives(("("):rep(65) .. "a OR b) c" .. (")"):rep(64))))
      local wide = ("(a OR "):rep(5000) .. "b" .. (")"):rep(5000)
      assert.equal(1024, check_tree(wide, survives(wide)))
      assert.equal("NEAR/10(a b)", render(survives(("NEAR("):rep(10000) .. "a b")))
      assert.equal("AND(ALL NOT(a))", render(survives(("NOT "):rep(10001) .. "a")))
      assert.equal("title:a", render(survives(("title:"):rep(10000) .. "(a")))
    end)

    it("parses a 1 MB query in linear time, reading its first 1024 clauses", function()
      local mb = 1024 * 1024
      local started = os.clock()
      local t = survives(("nato "):rep(mb // 5))
      assert.equal("and", t.kind)
      assert.equal(1024, #t.children)
      for _, unit in ipairs({ "(", ")", '"', "-", "a", "a-", "\"a\" ", "NOT ", "AND ", "OR ", "(a ",
                              "a) ", "foo:", "title:", "date:", "date:2020 ", "NEAR(", "x*", "'", "\0",
                              "\xFF", "a b OR ", "-(a ", "+a ", ":", "..", "date:2020..", "NEAR/5(a " }) do
        survives(unit:rep(mb // #unit))
      end
      -- Quadratic work on these would take minutes; linear takes well under a second each.
      assert.is_true(os.clock() - started < 20, "too slow: " .. (os.clock() - started) .. " s")
    end)

    it("survives random bytes, invalid UTF-8 and NULs", function()
      math.randomseed(20200213)
      local alphabet = { "a", "b", " ", '"', "(", ")", "-", "+", "*", ":", "AND", "OR", "NOT", "NEAR(",
                         "NEAR/3(", "title:", "date:", "2020", "-02", "..", ">=", "<", "\0", "\xC3",
                         "\xFF", "é", "'", "." }
      for _ = 1, 3000 do
        local bytes = {}
        for i = 1, math.random(0, 40) do bytes[i] = string.char(math.random(0, 255)) end
        survives(table.concat(bytes))
        local words = {}
        for i = 1, math.random(0, 20) do words[i] = alphabet[math.random(#alphabet)] end
        local q = table.concat(words)
        local t = survives(q)
        local st = core.parse_query(q, { mode = "strict" })
        if st then assert.same(t, st) end -- strict success reads like lenient
      end
    end)
  end)

  describe("strict mode", function()
    it("gives the same trees as lenient mode on good queries", function()
      for _, q in ipairs({ '"defence ministers" AND brussels', "title:nato -russia", "NEAR/5(stoltenberg troops)",
                           "date:2020-02-01..2020-02-29 source:reuters", "minist*", "a b OR c d", "(a OR b) -c",
                           "U.S.-led NATO's 10:30 re: talks", "NOT a", "a, b", "http://x.org" }) do
        assert.same(parse(q), parse(q, { mode = "strict" }))
      end
    end)

    it("names the problem and its byte position, counted from 0", function()
      local cases = {
        { "nato (troops", "unbalanced '(' at position 5" },
        { "nato troops)", "unbalanced ')' at position 11" },
        { "NEAR(a b", "unbalanced '(' at position 4" },
        { "foo:bar", "unknown field 'foo' at position 0" },
        { "nato troops AND", "expected a term after 'AND' at position 12" },
        { "AND nato", "expected a term before 'AND' at position 0" },
        { "a OR OR b", "expected a term after 'OR' at position 2" },
        { "OR b", "expected a term before 'OR' at position 0" },
        { "a NOT", "expected a term after 'NOT' at position 2" },
        { "a - b", "expected a term after '-' at position 2" },
        { "+", "expected a term after '+' at position 0" },
        { "title: nato", "expected a term after 'title:' at position 0" },
        { 'nato "troops', "unterminated phrase at position 5" },
        { 'a ""', "empty phrase at position 2" },
        { "a ()", "empty parentheses at position 2" },
        { "date:x", "invalid date 'x' at position 5" },
        { "a date:2020-02-30", "invalid date '2020-02-30' at position 7" },
        { "date:", "expected a date after 'date:' at position 0" },
        { "date:2021..2020", "empty date range '2021..2020' at position 5" },
        { "NEAR/0(a b)", "invalid NEAR distance '0' at position 0" },
        { "NEAR(a)", "NEAR needs at least two words or phrases at position 0" },
        { "NEAR(a AND b)", "unexpected 'AND' in NEAR at position 7" },
        { "NEAR(a b*)", "unexpected 'b*' in NEAR at position 7" },
        { "a * b", "'*' must follow a word at position 2" },
        { ("("):rep(65) .. "a" .. (")"):rep(65), "parentheses nested deeper than 64 at position 64" },
        { ("a "):rep(1025), "more than 1024 clauses at position 2048" },
        { "", "empty query" },
        { " , ", "empty query" },
      }
      for _, case in ipairs(cases) do
        assert.equal(case[2], strict_error(case[1]))
      end
    end)

    it("returns an error, never a crash, on hostile input", function()
      for _, q in ipairs({ ("("):rep(10000), (")"):rep(10000), ('"'):rep(1001), ("x"):rep(1024 * 1024) .. ":y",
                           "date:" .. ("9"):rep(100000), "\0\255(" }) do
        local t, err = core.parse_query(q, { mode = "strict" })
        assert.is_true(t ~= nil or err:match("at position %d+$") ~= nil, err)
      end
    end)
  end)
end)
