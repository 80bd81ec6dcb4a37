-- `lede index` and `lede search` end to end: bin/lede is run as a user runs it, on the sample
-- corpus, and its stdout, stderr and exit status are checked. What the corpus holds (ids,
-- titles, sources) is read from its files here, independently of lede.
local cjson = require "cjson"
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local lede, lede_bin, fixtures = helpers.lede, helpers.lede_bin, helpers.fixtures
local q, sh, lines, escape = helpers.quote, helpers.sh, helpers.lines, helpers.escape
local slurp, write_file, exists = helpers.read_file, helpers.write_file, helpers.exists
local temp_dir, remove_dir = helpers.temp_dir, helpers.remove_dir

-- The sample corpus, read here: the files, every article by id, and the count per source.
local FILES = helpers.corpus_files()
local ARTICLES, BY_SOURCE, TOTAL = {}, {}, 0
for _, a in ipairs(helpers.corpus_articles()) do
  ARTICLES[a.id] = a
  BY_SOURCE[a.source] = (BY_SOURCE[a.source] or 0) + 1
  TOTAL = TOTAL + 1
end

local function ids_with_prefix(prefix)
  local n = 0
  for id in pairs(ARTICLES) do
    if id:sub(1, #prefix) == prefix then n = n + 1 end
  end
  return n
end

-- One index of the whole corpus, made once through the command.
local INDEX = temp_dir() .. "/ix"
local INDEX_ARGS = { "index", "-o", INDEX } -- the short form; other tests use --output
for _, f in ipairs(FILES) do INDEX_ARGS[#INDEX_ARGS + 1] = f end
local INDEX_OUT, INDEX_ERR, INDEX_STATUS = lede(INDEX_ARGS)

-- A query that matches every article: one of the corpus's sources.
local function any_source()
  local any = {}
  for source in pairs(BY_SOURCE) do any[#any + 1] = 'source:"' .. source .. '"' end
  table.sort(any)
  return table.concat(any, " OR ")
end

local function search_json(...)
  local out, err, status = lede { "search", INDEX, "--json", ... }
  assert.are.equal(0, status, err)
  assert.are.equal(1, #lines(out)) -- one object, one line
  return cjson.decode(out), out
end

teardown(function()
  remove_dir(INDEX:match("^(.*)/ix$"))
end)

describe("lede index", function()
  it("indexes the sample corpus and says so in one line on stderr", function()
    assert.are.equal(0, INDEX_STATUS, INDEX_ERR)
    assert.are.equal("", INDEX_OUT)
    assert.are.equal(1, #lines(INDEX_ERR))
    assert.matches("^lede: indexed " .. TOTAL .. " articles %(0 skipped%) into " .. escape(INDEX)
      .. " in %d+%.%d+ s, %d+ articles/s; index: " .. TOTAL .. " documents, 1 segment, %d+%.%d MB\n$",
      INDEX_ERR)
    assert.is_nil(INDEX_ERR:find("\r", 1, true)) -- stderr is no terminal: no progress line
    assert.is_true(exists(INDEX .. "/MANIFEST"))
  end)

  it("shows a progress line with --progress, cleared at the end, and none with --no-progress", function()
    local dir = temp_dir()
    local _, err, status = lede { "index", "--output", dir, "--progress", FILES[1] }
    assert.are.equal(0, status)
    assert.matches("^\r%[[#.]+%]  1 article  +%d+%%", err)
    -- the last thing before the summary clears the line: \r, spaces, \r
    assert.matches("\r +\rlede: indexed %d+ articles", err)
    _, err = lede { "index", "--output", dir, "--no-progress", FILES[1] }
    assert.is_nil(err:find("\r", 1, true))
    assert.matches("^lede: indexed", err)
    remove_dir(dir)
  end)

  it("reports bad lines as FILE:LINE, skips and counts them, and exits 1", function()
    local dir = temp_dir()
    local path = fixtures .. "wire.jsonl"
    local out, err, status = lede { "index", "--output", dir, path }
    assert.are.equal(1, status)
    assert.are.equal("", out)
    local e = lines(err)
    assert.are.equal(4, #e)
    assert.matches("^lede: " .. escape(path) .. ":4: invalid JSON", e[1])
    assert.matches("^lede: " .. escape(path) .. ":5: no text", e[2])
    assert.matches("^lede: " .. escape(path) .. ":6: invalid date 'last Tuesday'", e[3])
    assert.matches("^lede: indexed 3 articles %(3 skipped%) into .*; index: 3 documents,", e[4])
    -- the good lines are in, with their fields; the id 7 (a JSON number) is the string "7"
    local result = cjson.decode((lede { "search", dir, "--json", "--any", "portugal copper oil" }))
    local got = {}
    for _, hit in ipairs(result.hits) do got[hit.id] = hit end
    assert.are.same({ "7", "w1", "w6" }, (function()
      local ids = {}
      for id in pairs(got) do ids[#ids + 1] = id end
      table.sort(ids)
      return ids
    end)())
    assert.are.equal("Portugal cuts growth forecast", got.w1.title)
    assert.are.equal("Reuters", got.w1.source)
    assert.are.equal("Copper climbs", got["7"].title) -- from "body"
    remove_dir(dir)
  end)

  it("stops at the first bad line with --strict, keeping what came before", function()
    local dir = temp_dir()
    local path = fixtures .. "wire.jsonl"
    local _, err, status = lede { "index", "--output", dir, "--strict", path }
    assert.are.equal(1, status)
    local e = lines(err)
    assert.are.equal(2, #e)
    assert.matches("^lede: " .. escape(path) .. ":4: invalid JSON", e[1])
    assert.matches("^lede: indexed 2 articles %(1 skipped%) .*index: 2 documents", e[2])
    remove_dir(dir)
  end)

  it("reads JSONL on stdin with -, giving an article without an id stdin:LINE", function()
    local dir = temp_dir()
    local input = '{"id": "s1", "text": "Gold rose on Monday."}\n\n'
      .. '{"title": "Nickel", "text": "Nickel prices slumped in Shanghai."}\n'
    local _, err, status = lede({ "index", "--output", dir, "-" }, input)
    assert.are.equal(0, status, err)
    assert.matches("^lede: indexed 2 articles %(0 skipped%)", err)
    local result = cjson.decode((lede { "search", dir, "nickel", "--json" }))
    assert.are.equal(1, result.total)
    assert.are.equal("stdin:3", result.hits[1].id) -- line 3: the blank line counts
    assert.are.equal("Nickel", result.hits[1].title)
    remove_dir(dir)
  end)

  -- 10,001 one-line articles: enough for a commit on the way.
  local function many_articles(dir)
    local lines_ = {}
    for i = 1, 10001 do
      lines_[i] = string.format('{"id": "n%d", "text": "Copper rose %d."}', i, i)
    end
    return write_file(dir .. "/many.jsonl", table.concat(lines_, "\n") .. "\n")
  end

  it("commits every --commit-every articles", function()
    local dir = temp_dir()
    local _, err, status = lede { "index", "--output", dir .. "/ix", "--commit-every", "10000", many_articles(dir) }
    assert.are.equal(0, status, err)
    assert.matches("indexed 10001 articles .*index: 10001 documents, 2 segments,", err)
    remove_dir(dir)
  end)

  it("stops on Ctrl-C, keeping what was committed", function()
    local dir = temp_dir()
    -- The input comes through a FIFO held open, so lede is still running when the first
    -- commit (the MANIFEST) appears; SIGINT then, and closing the FIFO lets it see it.
    local script = write_file(dir .. "/interrupt.sh", [[
set -e
mkfifo "$DIR/fifo"
"$LEDE" index --output "$DIR/ix" --commit-every 10000 - <"$DIR/fifo" 2>"$DIR/err" &
pid=$!
exec 3>"$DIR/fifo"
cat "$DIR/many.jsonl" >&3
i=0
while [ ! -f "$DIR/ix/MANIFEST" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
kill -INT $pid
exec 3>&-
status=0
wait $pid || status=$?
echo $status
]])
    many_articles(dir)
    local out = sh("DIR=" .. q(dir) .. " LEDE=" .. q(lede_bin) .. " sh " .. q(script))
    assert.are.equal("1\n", out)
    assert.matches("^lede: interrupted after 1000[01] articles; the first 10000 are in the index\n$",
      slurp(dir .. "/err"))
    assert.are.equal(10000, cjson.decode((lede { "search", dir .. "/ix", "copper", "--json" })).total)
    remove_dir(dir)
  end)

  it("adds to an index, and empties it first with --replace, leaving other files alone", function()
    local dir = temp_dir()
    local one = write_file(dir .. "/one.jsonl", '{"id": "a", "text": "Zinc rallied."}\n')
    local two = write_file(dir .. "/two.jsonl", '{"id": "b", "text": "Tin eased."}\n')
    write_file(dir .. "/MANIFEST.bak", "mine")
    local ix = dir .. "/ix"
    local _, err = lede { "index", "--output", ix, one }
    assert.matches("index: 1 document,", err)
    _, err = lede { "index", "--output", ix, two }
    assert.matches("index: 2 documents,", err) -- added to what was there
    write_file(ix .. "/notes.txt", "mine too")
    local status
    _, err, status = lede { "index", "--output", ix, "--replace", two }
    assert.are.equal(0, status, err)
    assert.matches("index: 1 document, 1 segment,", err)
    assert.are.equal(0, cjson.decode((lede { "search", ix, "zinc", "--json" })).total)
    assert.are.equal(1, cjson.decode((lede { "search", ix, "tin", "--json" })).total)
    assert.are.equal("mine too", slurp(ix .. "/notes.txt"))
    assert.are.equal("mine", slurp(dir .. "/MANIFEST.bak"))
    remove_dir(dir)
  end)

  it("--replace removes nothing from a directory whose MANIFEST is not lede's", function()
    local dir = temp_dir()
    write_file(dir .. "/MANIFEST", "my packing list\n")
    write_file(dir .. "/seg-00000001.lseg", "LEDESEG\0")
    local out, err, status = lede { "index", "--output", dir, "--replace", fixtures .. "wire.jsonl" }
    assert.are.equal(1, status)
    assert.are.equal("", out)
    assert.matches("^lede: " .. escape(dir) .. "/MANIFEST is not a lede index file", err)
    assert.are.equal("my packing list\n", slurp(dir .. "/MANIFEST"))
    assert.is_true(exists(dir .. "/seg-00000001.lseg"))
    remove_dir(dir)
  end)

  it("--replace refuses, removing nothing, while another process writes to the index", function()
    local dir = temp_dir()
    local ix = dir .. "/ix"
    lede { "index", "--output", ix, FILES[1] }
    -- A writer that holds the lock until told to stop (it never commits).
    local holder = write_file(dir .. "/hold.lua", [[
      local dir = ...
      local ix = require("lede").index.open(dir .. "/ix")
      ix:add { id = "held", text = "Held." }
      io.open(dir .. "/ready", "w"):close()
      for _ = 1, 600 do
        local f = io.open(dir .. "/stop")
        if f then f:close(); break end
        os.execute("sleep 0.05")
      end
    ]])
    os.execute("lua5.4 " .. q(holder) .. " " .. q(dir) .. " >/dev/null 2>&1 &")
    for _ = 1, 600 do
      if exists(dir .. "/ready") then break end
      os.execute("sleep 0.05")
    end
    local out, err, status = lede { "index", "--output", ix, "--replace", FILES[2] }
    write_file(dir .. "/stop", "")
    assert.are.equal(1, status)
    assert.are.equal("", out)
    assert.are.equal("lede: another process is writing to the index " .. ix .. "\n", err)
    local result = cjson.decode((lede { "search", ix, "--json", "--limit", "0", any_source() }))
    assert.are.equal(#lines(slurp(FILES[1])), result.total)
    remove_dir(dir)
  end)

  it("leaves the index alone when an input cannot be opened, even with --replace", function()
    local dir = temp_dir()
    local ix = dir .. "/ix"
    lede { "index", "--output", ix, FILES[1] }
    local out, err, status = lede { "index", "--output", ix, "--replace", FILES[2], dir .. "/none.jsonl" }
    assert.are.equal(1, status)
    assert.are.equal("", out)
    assert.are.equal("lede: cannot open " .. dir .. "/none.jsonl: No such file or directory\n", err)
    local n = #lines(slurp(FILES[1]))
    local result = cjson.decode((lede { "search", ix, "--json", "--limit", "0", any_source() }))
    assert.are.equal(n, result.total) -- what FILES[1] put there, nothing removed
    -- a directory opens like a file, but is no input either
    out, err, status = lede { "index", "--output", ix, "--replace", dir }
    assert.are.equal(1, status)
    assert.are.equal("lede: cannot read " .. dir .. ": Is a directory\n", err)
    result = cjson.decode((lede { "search", ix, "--json", "--limit", "0", any_source() }))
    assert.are.equal(n, result.total)
    remove_dir(dir)
  end)
end)

local storms = ids_with_prefix("storm-")

describe("lede search", function()

  it("shows readable results: header, rank, title, date, source, id, score, wrapped snippet", function()
    local out, err, status = lede({ "search", INDEX, "storm" }, nil, "COLUMNS=60 ")
    assert.are.equal(0, status)
    assert.are.equal("", err)
    local l = lines(out)
    local total = tonumber(l[1]:match('^(%d+) results for "storm"'))
    assert.is_true(total >= storms)
    local ranks, metas = {}, {}
    for i, line in ipairs(l) do
      assert.is_true(utf8.len(line) <= 60, "too wide: " .. line)
      local rank, title = line:match("^ +(%d+)%. (.*)$")
      if rank then
        ranks[#ranks + 1] = tonumber(rank)
        -- a long title goes on over indented lines, then comes the line of facts
        local j, date, source, id
        for k = i + 1, i + 3 do
          date, source, id = l[k]:match("^    (%d%d%d%d%-%d%d%-%d%d) · (.-) · (%S+) · score %d+%.%d%d%d$")
          if id then j = k; break end
        end
        assert.is_not_nil(id, "no date · source · id · score line after " .. line)
        metas[#metas + 1] = { id = id, title = title, date = date, source = source }
        assert.matches("^    %S", l[j + 1]) -- the snippet, indented
      end
    end
    local want = {}
    for i = 1, math.min(total, 10) do want[i] = i end -- the default limit is 10
    assert.are.same(want, ranks)
    for i = 1, math.min(storms, #metas) do
      local m = metas[i]
      assert.matches("^storm%-", m.id)
      local a = ARTICLES[m.id]
      assert.are.equal(a.source, m.source)
      assert.are.equal(a.date:sub(1, 10), m.date)
      assert.are.equal(a.title:sub(1, #m.title), m.title) -- the title's first line
    end
    assert.matches("%[[Ss]torm%]", out) -- highlights in brackets: stdout is no terminal
  end)

  it("writes exactly the documented JSON, storm articles first", function()
    local result, raw = search_json("storm", "--limit", "20")
    assert.matches('^{"total":%d+,"exact":true,"hits":%[{"id":', raw)
    assert.matches('"facets":{}}\n$', raw)
    assert.is_true(result.total >= storms)
    assert.is_true(#result.hits >= storms)
    local last = math.huge
    for i, hit in ipairs(result.hits) do
      local keys = {}
      for k in pairs(hit) do keys[#keys + 1] = k end
      table.sort(keys)
      assert.are.same({ "date", "id", "score", "snippet", "source", "title" }, keys)
      if i <= storms then
        assert.matches("^storm%-%d+$", hit.id)
        assert.are.equal(ARTICLES[hit.id].title, hit.title)
        assert.are.equal(ARTICLES[hit.id].source, hit.source)
      end
      assert.is_true(hit.score <= last)
      last = hit.score
    end
  end)

  it("finds only the articles of a source with source:\"...\"", function()
    local result = search_json('source:"continental press"', "--limit", "100")
    assert.are.equal(BY_SOURCE["Continental Press"], result.total)
    assert.are.equal(BY_SOURCE["Continental Press"], #result.hits)
    for _, hit in ipairs(result.hits) do assert.are.equal("Continental Press", hit.source) end
  end)

  it("counts facets by source as the corpus files do", function()
    local query = any_source()
    local result = search_json(query, "--facets", "source,date:month", "--limit", "0")
    assert.are.equal(TOTAL, result.total)
    assert.are.equal(0, #result.hits)
    local got = {}
    for _, f in ipairs(result.facets.source) do got[f.value] = f.count end
    local want = {}
    for source, n in pairs(BY_SOURCE) do want[source] = n end -- as first written
    assert.are.same(want, got)
    local months = 0
    for _, f in ipairs(result.facets["date:month"]) do
      assert.matches("^%d%d%d%d%-%d%d$", f.value)
      months = months + f.count
    end
    assert.are.equal(TOTAL - 1, months) -- health-003 has no date
    -- the readable form: a small table per facet, in the order asked for
    local out = lede { "search", INDEX, query, "--facets", "source", "--limit", "0" }
    assert.matches("\nsource\n  Continental Press +" .. BY_SOURCE["Continental Press"] .. "\n", out)
    assert.matches("\n  Wire Service +" .. BY_SOURCE["Wire Service"] .. "\n", out)
  end)

  it("pages with --limit and --offset", function()
    local four = search_json("storm", "--limit", "4")
    local page = search_json("storm", "--limit", "2", "--offset", "2")
    assert.are.equal(2, #page.hits)
    assert.are.equal(four.hits[3].id, page.hits[1].id)
    assert.are.equal(four.hits[4].id, page.hits[2].id)
    local out = lede { "search", INDEX, "storm", "--limit", "2", "--offset", "2" }
    assert.matches(" %(showing 3%-4%)\n", out)
    assert.matches("\n 3%. ", out)
    assert.matches("\n 4%. ", out)
    assert.not_matches("\n 1%. ", out)
  end)

  it("styles snippets with --snippet, and leaves them out with none", function()
    assert.matches("<mark>[Ss]torm</mark>", search_json("storm", "--snippet", "html").hits[1].snippet)
    assert.matches("\27%[1m[Ss]torm\27%[0m", search_json("storm", "--snippet", "ansi").hits[1].snippet)
    assert.are.equal(cjson.null, search_json("storm", "--snippet", "none").hits[1].snippet)
  end)

  it("matches all words by default and any with --any", function()
    local storm, election = search_json("storm").total, search_json("election").total
    local all = search_json("storm election").total
    local any = search_json("storm election", "--any").total
    assert.is_true(all < math.min(storm, election))
    assert.are.equal(storm + election - all, any)
  end)

  it("explains a query error with its position under --strict, and reads on without it", function()
    local out, err, status = lede { "search", INDEX, "storm AND (", "--strict" }
    assert.are.equal(1, status)
    assert.are.equal("", out)
    assert.are.equal("lede: query: unbalanced '(' at position 10\n", err)
    out, err, status = lede { "search", INDEX, "source:", "--strict" }
    assert.are.equal(1, status)
    assert.matches("^lede: query: .* at position 0\n$", err)
    out, err, status = lede { "search", INDEX, "storm AND (" }
    assert.are.equal(0, status)
    assert.are.equal("", err)
    assert.matches("^%d+ results", out)
  end)

  it("exits 1 for a directory without an index", function()
    local out, err, status = lede { "search", "/nonexistent/ix", "storm" }
    assert.are.equal(1, status)
    assert.are.equal("", out)
    assert.matches("^lede: no index at /nonexistent/ix", err)
    local dir = temp_dir() -- there, but no index in it: not an empty result
    out, err, status = lede { "search", dir, "storm" }
    remove_dir(dir)
    assert.are.equal(1, status)
    assert.are.equal("", out)
    assert.matches("^lede: no index at " .. escape(dir) .. " %(make one with 'lede index", err)
  end)

  it("keeps control characters of the articles away from the terminal", function()
    local dir = temp_dir()
    lede({ "index", "--output", dir, "-" }, '{"id": "e\\u001b[31m1", "title": "Red \\u001b[31mtitle",'
      .. ' "source": "S\\u0007rc", "text": "Storm \\u001b[2Jclears the screen."}\n')
    local out, _, status = lede { "search", dir, "storm", "--facets", "source" }
    remove_dir(dir)
    assert.are.equal(0, status)
    assert.matches("\n 1%. Red %[31mtitle\n    S rc · e %[31m1 · score ", out)
    assert.is_nil(out:find("[\27\7]"))
  end)

  it("takes a --limit far beyond the number of documents", function()
    local result = search_json("storm", "--limit", "100000000000")
    assert.are.equal(result.total, #result.hits)
  end)
end)

describe("lede search --queries", function()
  local function run_lines(out)
    local rows = {}
    for _, line in ipairs(lines(out)) do
      local qid, docid, rank, score, name =
        line:match("^(%S+) Q0 (%S+) (%d+) (%-?%d+%.%d%d%d%d%d%d%d*) (%S+)$")
      assert.is_not_nil(qid, "not a TREC run line: " .. line)
      rows[#rows + 1] = { qid = qid, docid = docid, rank = tonumber(rank), score = tonumber(score),
        name = name }
    end
    return rows
  end

  -- Ranks 1..n per query, in order, scores never rising.
  local function check_order(rows)
    local per = {}
    for _, r in ipairs(rows) do
      local p = per[r.qid] or { rank = 0, score = math.huge, n = 0 }
      assert.are.equal(p.rank + 1, r.rank)
      assert.is_true(r.score <= p.score)
      p.rank, p.score, p.n = r.rank, r.score, p.n + 1
      per[r.qid] = p
    end
    return per
  end

  it("writes a TREC run: qid Q0 docid rank score name", function()
    local queries = helpers.write_temp(table.concat({
      '{"id": "q1", "text": "Storm damage along the coast of Galicia"}',
      '{"id": 2, "text": "Which defence ministers met in Brussels?"}',
      '{"id": "q3", "text": "jury verdict in the fraud trial"}',
    }, "\n") .. "\n")
    local out, err, status = lede { "search", INDEX, "--queries", queries, "--limit", "5", "--run", "mine" }
    os.remove(queries)
    assert.are.equal(0, status)
    assert.are.equal("", err)
    local rows = run_lines(out)
    local per = check_order(rows)
    for _, qid in ipairs { "q1", "2", "q3" } do assert.are.equal(5, per[qid].n) end
    for _, r in ipairs(rows) do
      assert.are.equal("mine", r.name)
      assert.is_not_nil(ARTICLES[r.docid])
    end
    assert.matches("^storm%-", rows[1].docid)
    assert.are.equal("q1", rows[1].qid)
    assert.matches("^defence%-", rows[6].docid)
    assert.matches("^court%-", rows[11].docid)
  end)

  it("ORs the words, ignores query syntax, defaults to 1000 hits and the name lede", function()
    local queries = helpers.write_temp('{"id": "x", "text": "NOT storm (election"}\n')
    local out, err, status = lede { "search", INDEX, "--queries", queries }
    os.remove(queries)
    assert.are.equal(0, status, err)
    local rows = run_lines(out)
    check_order(rows)
    -- what "storm election" with --any finds: NOT excluded nothing, the lone ( is no error
    local any = search_json("storm election", "--any", "--limit", "100")
    assert.are.equal(any.total, #rows)
    local storm_rows = 0
    for i, r in ipairs(rows) do
      assert.are.equal(any.hits[i].id, r.docid)
      if r.docid:match("^storm%-") then storm_rows = storm_rows + 1 end
    end
    assert.are.equal(storms, storm_rows)
    assert.are.equal("lede", rows[1].name)
  end)

  it("reports bad query lines by number, skips them and exits 1", function()
    local queries = helpers.write_temp(table.concat({
      '{"id": "q1", "text": "storm"}',
      '',
      'not json',
      '{"text": "no id"}',
      '{"id": "q 5", "text": "space in the id"}',
      '{"id": "q6"}',
      '{"id": "q7", "text": "election"}',
    }, "\n") .. "\n")
    local out, err, status = lede { "search", INDEX, "--queries", queries, "--limit", "2" }
    assert.are.equal(1, status)
    local e = lines(err)
    assert.are.equal(5, #e)
    assert.matches("^lede: " .. escape(queries) .. ":3: invalid JSON", e[1])
    assert.matches("^lede: " .. escape(queries) .. ':4: no "id" field', e[2])
    assert.matches("^lede: " .. escape(queries) .. ":5: .*without spaces", e[3])
    assert.matches("^lede: " .. escape(queries) .. ":6: no text", e[4])
    assert.are.equal("lede: 4 of 6 queries skipped", e[5])
    local per = check_order(run_lines(out))
    assert.are.equal(2, per.q1.n)
    assert.are.equal(2, per.q7.n)
    os.remove(queries)
  end)
end)

describe("lede index and search usage errors exit 2", function()
  local cases = {
    { { "index", FILES[1] }, "missing %-o DIR", "index" },
    { { "index", "--output", "/tmp/x" }, "no input", "index" },
    { { "index", "--output", "/tmp/x", "--progress", "--no-progress", "-" }, "%-%-progress and %-%-no%-progress cannot", "index" },
    { { "index", "--output", "/tmp/x", "--commit-every", "0", "-" }, "%-%-commit%-every takes a whole number of at least 1, got '0'", "index" },
    { { "search" }, "missing DIR", "search" },
    { { "search", INDEX }, "missing QUERY", "search" },
    { { "search", INDEX, "storm", "--limit", "ten" }, "%-%-limit takes a whole number", "search" },
    { { "search", INDEX, "storm", "--offset", "1.5" }, "%-%-offset takes a whole number", "search" },
    { { "search", INDEX, "storm", "--snippet", "bold" }, "%-%-snippet takes plain, ansi, html or none", "search" },
    { { "search", INDEX, "storm", "--facets", "date:year" }, "unknown facet 'date:year'", "search" },
    { { "search", INDEX, "storm", "--facets", "title" }, "'title' cannot be a facet", "search" },
    { { "search", INDEX, "storm", "--run", "x" }, "%-%-run needs %-%-queries", "search" },
    { { "search", INDEX, "storm", "--queries", "q.jsonl" }, "QUERY cannot be given with %-%-queries", "search" },
    { { "search", INDEX, "--queries", "q.jsonl", "--json" }, "%-%-json cannot be used with %-%-queries", "search" },
    { { "search", INDEX, "--queries", "q.jsonl", "--run", "a b" }, "%-%-run NAME must be a word", "search" },
  }
  for _, case in ipairs(cases) do
    it((table.concat(case[1], " "):gsub(escape(INDEX), "IX")), function()
      local out, err, status = lede(case[1])
      assert.are.equal(2, status)
      assert.are.equal("", out)
      assert.matches("^lede " .. case[3] .. ": " .. case[2], err)
      assert.matches("run 'lede help " .. case[3] .. "'", err)
    end)
  end

  it("lists index and search in the overview, with their help", function()
    local out = lede { "help" }
    assert.matches("\n  index +add the articles", out)
    assert.matches("\n  search +search an index", out)
    out = lede { "help", "search" }
    assert.matches("usage: lede search DIR QUERY", out)
    assert.matches("%-%-queries FILE", out)
    assert.are.equal(out, (lede { "search", "--help" }))
    assert.matches("usage: lede index %-o DIR", (lede { "index", "--help" }))
  end)
end)
