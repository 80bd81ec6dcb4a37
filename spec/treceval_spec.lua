-- bench/lib/treceval.lua against small runs computed by hand. trec_eval is not packaged in
-- Debian 12, so these cases are the check that the measures are computed as trec_eval 9.x
-- computes them (its source: form_res_rels.c, m_map.c, m_P.c, m_recall.c, m_ndcg_cut.c,
-- meas_avg.c). Each expected value is worked out in the comment above it.
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")
package.path = helpers.root .. "/bench/?.lua;" .. package.path
local te = require("lib.treceval")

local function log2(x) return math.log(x) / math.log(2) end

local function lines(t) return table.concat(t, "\n") .. "\n" end

local function eval(qrels_lines, run_lines, opts)
  return te.evaluate(te.parse_qrels(lines(qrels_lines)), (te.parse_run(lines(run_lines))), opts)
end

local function near(expected, got)
  assert.is_true(math.abs(expected - got) < 1e-12,
    string.format("expected %.15g, got %.15g", expected, got))
end

describe("treceval", function()
  describe("ranking", function()
    it("orders by score, not by the rank column or the file order", function()
      -- Judged: d1 d2 d3 relevant, d4 not. Sorted by score: d1 .9, d5 .7, d4 .6, d2 .5 →
      -- relevance 1 0 0 1; d3 is never retrieved. AP = (1/1 + 2/4) / 3 = 0.5.
      local r = eval({ "q1 0 d1 1", "q1 0 d2 1", "q1 0 d3 1", "q1 0 d4 0" }, {
        "q1 Q0 d2 1 0.5 run",
        "q1 Q0 d1 2 0.9 run",
        "q1 Q0 d5 3 0.7 run",
        "q1 Q0 d4 4 0.6 run",
      })
      near(0.5, r.mean.map)
      -- P@10: 2 relevant in the 4 retrieved, the 6 missing count as non-relevant: 2/10.
      near(0.2, r.mean.P_10)
      -- R@100: 2 of the 3 relevant.
      near(2 / 3, r.mean.recall_100)
      -- nDCG@10, gain = rel, discount log2(rank + 1): DCG = 1/log2(2) + 1/log2(5) = 1.430677;
      -- ideal = the 3 relevant at ranks 1-3: 1 + 1/log2(3) + 1/log2(4) = 2.130930; 0.671386.
      near((1 + 1 / log2(5)) / (1 + 1 / log2(3) + 1 / 2), r.mean.ndcg_cut_10)
      near(0.6713860725233041, r.mean.ndcg_cut_10)
    end)

    it("breaks ties by docid in reverse byte order, as trec_eval's comp_sim_docno", function()
      -- Both score 1: strcmp("9", "10") > 0, so "9" comes first (rank 1, non-relevant) and the
      -- relevant "10" is at rank 2: AP = 1/2. An ascending tie-break would give 1.
      local r = eval({ "q 0 10 1", "q 0 9 0" }, { "q Q0 10 1 1.0 run", "q Q0 9 2 1.0 run" })
      near(0.5, r.mean.map)
      local ranked = te.rank({ { docno = "a", sim = 2 }, { docno = "10", sim = 2 },
        { docno = "b", sim = 2 }, { docno = "9", sim = 2 }, { docno = "z", sim = 3 } })
      local order = {}
      for i, x in ipairs(ranked) do order[i] = x.docno end
      assert.same({ "z", "b", "a", "9", "10" }, order)
    end)

    it("reads the score as a number: 2 and 2.0 tie, 1e1 is ten", function()
      -- Scores 2, 2.0 and 1e1: "x" (10) first, then the tie "b" before "a". Only "a" is
      -- relevant, at rank 3: AP = 1/3.
      local r = eval({ "q 0 a 1" }, { "q Q0 a 1 2 run", "q Q0 b 2 2.0 run", "q Q0 x 3 1e1 run" })
      near(1 / 3, r.mean.map)
    end)
  end)

  describe("measures", function()
    -- Graded judgments: a 3, b 2, c 1, d 0, e 2 (e never retrieved).
    -- Ranking by score: c (1), a (3), d (0), b (2).
    local qrels = { "q 0 a 3", "q 0 b 2", "q 0 c 1", "q 0 d 0", "q 0 e 2" }
    local run = { "q Q0 c 1 0.9 r", "q Q0 a 2 0.8 r", "q Q0 d 3 0.7 r", "q Q0 b 4 0.6 r" }

    it("computes graded nDCG@10 with the ideal from every judged relevant document", function()
      -- DCG = 1/1 + 3/log2(3) + 0 + 2/log2(5) = 3.754142
      -- ideal gains 3 2 2 1: 3 + 2/log2(3) + 2/log2(4) + 1/log2(5) = 5.692536
      -- nDCG@10 = 0.659485
      local r = eval(qrels, run)
      near((1 + 3 / log2(3) + 2 / log2(5)) / (3 + 2 / log2(3) + 1 + 1 / log2(5)), r.mean.ndcg_cut_10)
      near(0.6594850403848089, r.mean.ndcg_cut_10)
    end)

    it("counts rel >= 1 as relevant for MAP, P and recall", function()
      -- Relevant: a b c e (4). c at 1 → 1/1, a at 2 → 2/2, b at 4 → 3/4.
      -- AP = (1 + 1 + 0.75) / 4 = 0.6875; P@10 = 3/10; R@100 = 3/4.
      local r = eval(qrels, run)
      near(0.6875, r.mean.map)
      near(0.3, r.mean.P_10)
      near(0.75, r.mean.recall_100)
    end)

    it("takes the relevance level for binary measures only (trec_eval -l)", function()
      -- Level 2: relevant a b e (3); c is not. a at 2 → 1/2, b at 4 → 2/4: AP = 1/3.
      -- nDCG keeps every rel > 0 as gain, so it does not change.
      local r = eval(qrels, run, { level = 2 })
      near(1 / 3, r.mean.map)
      near(0.2, r.mean.P_10)
      near(2 / 3, r.mean.recall_100)
      near(0.6594850403848089, r.mean.ndcg_cut_10)
    end)

    it("cuts both the ranking and the ideal at 10", function()
      -- 12 relevant documents retrieved at ranks 1-12: every measure is 1 (the ideal DCG is
      -- cut at 10 too, so nDCG@10 is exactly 1).
      local q, r = {}, {}
      for k = 1, 12 do
        q[k] = "q 0 d" .. k .. " 1"
        r[k] = string.format("q Q0 d%d %d %d run", k, k, 100 - k)
      end
      local res = eval(q, r)
      near(1, res.mean.map)
      near(1, res.mean.ndcg_cut_10)
      near(1, res.mean.P_10)
      near(1, res.mean.recall_100)
    end)

    it("scores a relevant document past rank 10 in MAP and recall only", function()
      -- One relevant document, at rank 11 of 11: AP = 1/11, P@10 = 0, nDCG@10 = 0, R@100 = 1.
      local r = {}
      for k = 1, 11 do r[k] = string.format("q Q0 d%d %d %d run", k, k, 100 - k) end
      local res = eval({ "q 0 d11 1" }, r)
      near(1 / 11, res.mean.map)
      near(0, res.mean.P_10)
      near(0, res.mean.ndcg_cut_10)
      near(1, res.mean.recall_100)
    end)

    it("keeps only the top max_docs (trec_eval -M)", function()
      -- With -M 1 only "b" (score 2, non-relevant) is kept: AP 0, R@100 0.
      local res = eval({ "q 0 a 1" }, { "q Q0 a 1 1 r", "q Q0 b 2 2 r" }, { max_docs = 1 })
      near(0, res.mean.map)
      near(0, res.mean.recall_100)
    end)

    it("knows other cutoffs by name", function()
      -- Relevance 1 0 0 1 (the first case): P@5 = 2/5, R@1 = 1/3.
      local r = eval({ "q1 0 d1 1", "q1 0 d2 1", "q1 0 d3 1", "q1 0 d4 0" },
        { "q1 Q0 d2 1 0.5 r", "q1 Q0 d1 2 0.9 r", "q1 Q0 d5 3 0.7 r", "q1 Q0 d4 4 0.6 r" },
        { measures = { "P_5", "recall_1", "ndcg_cut_1" } })
      near(0.4, r.mean.P_5)
      near(1 / 3, r.mean.recall_1)
      near(1, r.mean.ndcg_cut_1)
      assert.has_error(function() te.evaluate({}, {}, { measures = { "bpref" } }) end)
    end)
  end)

  describe("queries averaged", function()
    -- qA: AP 1 (its one relevant doc at rank 1). qB: AP 0.5 (relevant at rank 2).
    -- qC: judged, not in the run. qD: in the run, not judged. qE: judged non-relevant only.
    local qrels = { "qA 0 x 1", "qB 0 y 1", "qC 0 z 1", "qE 0 w 0" }
    local run = { "qA Q0 x 1 5 r", "qB Q0 n 1 5 r", "qB Q0 y 2 4 r", "qD Q0 x 1 5 r", "qE Q0 w 1 5 r" }

    it("by default, over the queries both judged and in the run (trec_eval without -c)", function()
      -- qA, qB and qE (which scores 0, as trec_eval counts it): (1 + 0.5 + 0) / 3.
      local r = eval(qrels, run)
      assert.equal(3, r.num_q)
      assert.same({ "qA", "qB", "qE" }, r.qids)
      assert.same({ "qC" }, r.missing)
      near(1.5 / 3, r.mean.map)
      near(0, r.per_query.qE.map)
      assert.is_nil(r.per_query.qD)
    end)

    it("with complete = true, over every judged query, a missing one as 0 (trec_eval -c)", function()
      local r = eval(qrels, run, { complete = true })
      assert.equal(4, r.num_q)
      near(1.5 / 4, r.mean.map)
      near(0, r.per_query.qC.map)
      near(0, r.per_query.qC.ndcg_cut_10)
    end)
  end)

  describe("files", function()
    it("skips blank and comment lines and keeps the last runid", function()
      local run, runid = te.parse_run("# a comment\n\nq Q0 a 1 1 first\n  \nq Q0 b 2 0.5 second")
      assert.equal(2, #run.q)
      assert.equal("second", runid)
      local qrels = te.parse_qrels("# judged\nq 0 a 2\n\n")
      assert.same({ q = { a = 2 } }, qrels)
    end)

    it("refuses a document twice for one query, as trec_eval does", function()
      assert.has_error(function() te.parse_run("q Q0 a 1 1 r\nq Q0 a 2 0.5 r\n") end)
      assert.has_error(function() te.parse_qrels("q 0 a 1\nq 0 a 0\n") end)
      -- the same docid under two queries is fine
      assert.has_no.errors(function() te.parse_run("q Q0 a 1 1 r\np Q0 a 1 1 r\n") end)
    end)

    it("refuses malformed lines", function()
      assert.has_error(function() te.parse_run("q Q0 a 1 1\n") end)
      assert.has_error(function() te.parse_run("q Q0 a 1 high r\n") end)
      assert.has_error(function() te.parse_qrels("q 0 a\n") end)
      assert.has_error(function() te.parse_qrels("q 0 a yes\n") end)
    end)

    it("prints summary lines as trec_eval does", function()
      local r = eval({ "q 0 a 1" }, { "q Q0 a 1 1 r" })
      assert.equal(table.concat({
        "num_q                 \tall\t1",
        "map                   \tall\t1.0000",
        "ndcg_cut_10           \tall\t1.0000",
        "P_10                  \tall\t0.1000",
        "recall_100            \tall\t1.0000",
      }, "\n") .. "\n", te.format(r))
    end)
  end)
end)
