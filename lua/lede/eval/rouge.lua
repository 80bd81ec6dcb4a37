-- lede.eval.rouge: ROUGE-N, ROUGE-L and ROUGE-Lsum in pure Lua, for evaluating summaries.
--
-- Two sets of conventions are implemented, and a caller picks one per call:
--
-- * rouge_score (Google's `rouge-score` Python package, the usual CNN/DailyMail convention; the
--   default here).
--   - Tokens: the text is lower-cased, every character other than [a-z0-9] becomes a space, and
--     the text is split on white space. Non-ASCII letters therefore vanish (as in rouge_score,
--     whose str.lower() only turns two non-ASCII characters into ASCII: U+0130 and the Kelvin
--     sign; those two are mapped the same way here).
--   - `stem = true`: Porter stemming of tokens longer than 3 characters, with NLTK's
--     PorterStemmer in its default NLTK_EXTENSIONS mode, which is what rouge_score calls. It is
--     ported below rule for rule (irregular forms, `ies`/`ied` on 4-letter words, the `alli`,
--     `fulli` and `logi` rules, the 2-letter *o condition, y -> i only after a consonant).
--   - rougeN: clipped n-gram overlap; P = hits / candidate n-grams, R = hits / reference
--     n-grams, F = 2PR / (P + R) (0 when P + R = 0).
--   - rougeL: the longest common subsequence of the two whole token lists (newlines ignored).
--   - rougeLsum: summary-level LCS (Lin 2004, section 3.2): texts are split into sentences at
--     "\n" (empty lines dropped); for each reference sentence the union of its LCS with every
--     candidate sentence is taken, and each token counts at most as often as it occurs in both
--     texts (the clipping of ROUGE-1.5.5 that rouge_score also applies). P = hits / candidate
--     tokens, R = hits / reference tokens. On ties the LCS walk-back moves along the reference
--     first, as both rouge_score and ROUGE-1.5.5 do, so the same union is found.
--   - Several references, `multi = "max"` (rouge_score's score_multi): each metric takes the
--     scores of the reference with the highest F (the first such reference on a tie).
--
-- * ROUGE-1.5.5 (the Perl script used by DUC and most older papers), `conventions = "rouge155"`.
--   It sets: stemmer = "rouge155", multi = "average", limit_references = true.
--   - Tokens: the same as above (ROUGE-1.5.5 keeps only tokens that start with [a-z0-9] after
--     replacing other characters by spaces, which gives the same tokens), ASCII lower-casing only.
--   - `stem = true` uses the Perl Porter stemmer that ships inside ROUGE-1.5.5.pl, ported here
--     with Chin-Yew Lin's change to step 4 (-ement, then -ment, then -ent, each tried in turn).
--     Not reproduced: ROUGE-1.5.5 first looks each word up in WordNet 2.0's exception lists
--     (irregular forms such as went -> go); those lists are not shipped with lede. A caller who
--     has them may pass `exceptions = { [word] = base, ... }`, looked up before stemming.
--   - Stop words are kept (ROUGE-1.5.5 without -s).
--   - `multi = "average"` is ROUGE-1.5.5's `-f A` ("model average"): hits and counts are summed
--     over the references, R = sum of hits / sum of reference counts and P = sum of hits / (the
--     candidate count times the number of references). It is a pooled average, weighted by
--     reference length, not the mean of per-reference recalls.
--   - `multi = "jackknife"`: the mean, over the k leave-one-reference-out subsets, of the
--     "average" score on k - 1 references (the procedure DUC used to compare systems with the
--     human summarizers; ROUGE-1.5.5 itself dropped its internal jackknifing in version 1.4).
--     With one reference it equals "average".
--   - ROUGE-1.5.5's ROUGE-L is the summary-level LCS: here that is "rougeLsum".
--   - Per-document scores are not rounded to 5 decimals and corpus means are plain means (not
--     the mean of 1,000 bootstrap resamples), which moves figures by well under 0.01 point.
--
-- Length limits (either convention): `words = N` (ROUGE-1.5.5 -l N) keeps the first N words of
-- the candidate, a word being a run of non-space characters of the raw text (so "U.S.-led" is
-- one word and a lone "--" is one too); `bytes = N` (-b N) keeps its first N bytes, the line
-- breaks between sentences not counted. Both keep the sentence lines for rougeLsum, as
-- ROUGE-1.5.5 does. ROUGE-1.5.5 applies the limit to the references as well;
-- `limit_references = true` does the same (set by conventions = "rouge155").
--
-- API:
--   rouge.score(candidate, references, opts) -> { rouge1 = { p =, r =, f = }, ... }
--     references: a string or a list of strings.
--     opts: metrics = { "rouge1", "rouge2", "rougeL", "rougeLsum" } (any "rougeN", N = 1..9),
--           stem = false, stemmer = "porter" | "rouge155", exceptions = nil,
--           words = nil, bytes = nil, limit_references = false,
--           multi = "max" | "average" | "jackknife", conventions = "rouge_score" | "rouge155"
--   rouge.corpus(pairs, opts) -> the mean of rouge.score over pairs, plus n = #pairs;
--     a pair is { candidate, references } or { candidate = , references = }.
--   rouge.tokenize(text, opts) -> list of tokens; rouge.stem(word, stemmer) -> stem;
--   rouge.truncate(text, opts) -> the text cut to opts.words / opts.bytes.

local rouge = {}

local DEFAULT_METRICS = { "rouge1", "rouge2", "rougeL", "rougeLsum" }

---------------------------------------------------------------------------------------------------
-- Porter stemmer, NLTK_EXTENSIONS mode (what rouge_score uses)
---------------------------------------------------------------------------------------------------

local VOWEL = { [97] = true, [101] = true, [105] = true, [111] = true, [117] = true } -- a e i o u
local Y = 121

-- Whether byte i of w is a consonant in Porter's sense (y after a consonant is a vowel).
local function is_cons(w, i)
  local b = w:byte(i)
  if VOWEL[b] then return false end
  if b == Y then
    if i == 1 then return true end
    return not is_cons(w, i - 1)
  end
  return true
end

-- m in [C](VC){m}[V]: the number of vowel-consonant transitions.
local function measure(s)
  local m, prev_vowel = 0, false
  for i = 1, #s do
    local c = is_cons(s, i)
    if c and prev_vowel then m = m + 1 end
    prev_vowel = not c
  end
  return m
end

local function positive_measure(s) return measure(s) > 0 end
local function measure_gt1(s) return measure(s) > 1 end

local function contains_vowel(s)
  for i = 1, #s do
    if not is_cons(s, i) then return true end
  end
  return false
end

local function ends_double_cons(w)
  local n = #w
  return n >= 2 and w:byte(n) == w:byte(n - 1) and is_cons(w, n)
end

-- *o: the stem ends consonant-vowel-consonant, the last not w, x or y; NLTK also accepts a
-- two-letter vowel-consonant stem.
local function ends_cvc(w)
  local n = #w
  if n >= 3 and is_cons(w, n - 2) and not is_cons(w, n - 1) and is_cons(w, n) then
    local last = w:sub(n)
    return last ~= "w" and last ~= "x" and last ~= "y"
  end
  return n == 2 and not is_cons(w, 1) and is_cons(w, 2)
end

local function ends(w, suffix)
  return suffix == "" or w:sub(-#suffix) == suffix
end

local function strip(w, suffix)
  return w:sub(1, #w - #suffix)
end

-- The first rule whose suffix the word ends with decides: its replacement if its condition
-- holds, else the word unchanged. The suffix "*d" means "ends with a double consonant".
local function apply_rules(w, rules)
  for _, rule in ipairs(rules) do
    local suffix, replacement, cond = rule[1], rule[2], rule[3]
    if suffix == "*d" then
      if ends_double_cons(w) then
        local stem = w:sub(1, -3)
        if cond == nil or cond(stem) then return stem .. replacement end
        return w
      end
    elseif ends(w, suffix) then
      local stem = strip(w, suffix)
      if cond == nil or cond(stem) then return stem .. replacement end
      return w
    end
  end
  return w
end

local IRREGULAR = {
  sky = "sky", skies = "sky", dying = "die", lying = "lie", tying = "tie", news = "news",
  innings = "inning", inning = "inning", outings = "outing", outing = "outing",
  cannings = "canning", canning = "canning", howe = "howe", proceed = "proceed",
  exceed = "exceed", succeed = "succeed",
}

local STEP1A = { { "sses", "ss" }, { "ies", "i" }, { "ss", "ss" }, { "s", "" } }

local function step1a(w)
  if #w == 4 and ends(w, "ies") then return strip(w, "ies") .. "ie" end
  return apply_rules(w, STEP1A)
end

local function step1b(w)
  if ends(w, "ied") then
    return strip(w, "ied") .. (#w == 4 and "ie" or "i")
  end
  if ends(w, "eed") then
    local stem = strip(w, "eed")
    if measure(stem) > 0 then return stem .. "ee" end
    return w
  end
  local inter
  for _, suffix in ipairs({ "ed", "ing" }) do
    if ends(w, suffix) then
      local s = strip(w, suffix)
      if contains_vowel(s) then inter = s; break end
    end
  end
  if not inter then return w end
  local last = inter:sub(-1)
  return apply_rules(inter, {
    { "at", "ate" }, { "bl", "ble" }, { "iz", "ize" },
    { "*d", last, function() return last ~= "l" and last ~= "s" and last ~= "z" end },
    { "", "e", function(stem) return measure(stem) == 1 and ends_cvc(stem) end },
  })
end

local STEP1C = { { "y", "i", function(stem) return #stem > 1 and is_cons(stem, #stem) end } }

local function step2(w)
  if ends(w, "alli") and positive_measure(strip(w, "alli")) then
    return step2(strip(w, "alli") .. "al")
  end
  return apply_rules(w, {
    { "ational", "ate", positive_measure }, { "tional", "tion", positive_measure },
    { "enci", "ence", positive_measure }, { "anci", "ance", positive_measure },
    { "izer", "ize", positive_measure }, { "bli", "ble", positive_measure },
    { "alli", "al", positive_measure }, { "entli", "ent", positive_measure },
    { "eli", "e", positive_measure }, { "ousli", "ous", positive_measure },
    { "ization", "ize", positive_measure }, { "ation", "ate", positive_measure },
    { "ator", "ate", positive_measure }, { "alism", "al", positive_measure },
    { "iveness", "ive", positive_measure }, { "fulness", "ful", positive_measure },
    { "ousness", "ous", positive_measure }, { "aliti", "al", positive_measure },
    { "iviti", "ive", positive_measure }, { "biliti", "ble", positive_measure },
    { "fulli", "ful", positive_measure },
    { "logi", "log", function() return positive_measure(w:sub(1, -4)) end },
  })
end

local STEP3 = {
  { "icate", "ic", positive_measure }, { "ative", "", positive_measure },
  { "alize", "al", positive_measure }, { "iciti", "ic", positive_measure },
  { "ical", "ic", positive_measure }, { "ful", "", positive_measure },
  { "ness", "", positive_measure },
}

local STEP4 = {
  { "al", "", measure_gt1 }, { "ance", "", measure_gt1 }, { "ence", "", measure_gt1 },
  { "er", "", measure_gt1 }, { "ic", "", measure_gt1 }, { "able", "", measure_gt1 },
  { "ible", "", measure_gt1 }, { "ant", "", measure_gt1 }, { "ement", "", measure_gt1 },
  { "ment", "", measure_gt1 }, { "ent", "", measure_gt1 },
  { "ion", "", function(stem)
      local last = stem:sub(-1)
      return measure(stem) > 1 and (last == "s" or last == "t")
    end },
  { "ou", "", measure_gt1 }, { "ism", "", measure_gt1 }, { "ate", "", measure_gt1 },
  { "iti", "", measure_gt1 }, { "ous", "", measure_gt1 }, { "ive", "", measure_gt1 },
  { "ize", "", measure_gt1 },
}

local function step5a(w)
  if ends(w, "e") then
    local stem = strip(w, "e")
    local m = measure(stem)
    if m > 1 then return stem end
    if m == 1 and not ends_cvc(stem) then return stem end
  end
  return w
end

local function step5b(w)
  return apply_rules(w, { { "ll", "l", function() return measure(w:sub(1, -2)) > 1 end } })
end

local function porter_nltk(w)
  local irregular = IRREGULAR[w]
  if irregular then return irregular end
  if #w <= 2 then return w end
  w = step1a(w)
  w = step1b(w)
  w = apply_rules(w, STEP1C)
  w = step2(w)
  w = apply_rules(w, STEP3)
  w = apply_rules(w, STEP4)
  w = step5a(w)
  return step5b(w)
end

---------------------------------------------------------------------------------------------------
-- Porter stemmer as in ROUGE-1.5.5.pl (Martin Porter's Perl "Release 1", with Lin's step 4).
-- Its conditions are regular expressions over these classes, matched here with backtracking:
--   c = [^aeiou]   v = [aeiouy]   C = c[^aeiouy]*   V = v[aeiou]*
--   mgr0 = ^(C)?VC   meq1 = ^(C)?VC(V)?$   mgr1 = ^(C)?VCVC   _v = ^(C)?v
-- An initial y is written Y first, so that it is never a vowel (Y is in [^aeiou...] classes).
---------------------------------------------------------------------------------------------------

local function in_set(b, set) return set[b] == true end
local AEIOU = { [97] = true, [101] = true, [105] = true, [111] = true, [117] = true }
local AEIOUY = { [97] = true, [101] = true, [105] = true, [111] = true, [117] = true, [121] = true }

-- End positions (exclusive) at which element el can stop when it starts at pos.
local function element_ends(w, pos, el)
  local n = #w
  if pos > n then return {} end
  local b = w:byte(pos)
  if el == "c" then
    return in_set(b, AEIOU) and {} or { pos + 1 }
  elseif el == "v" then
    return in_set(b, AEIOUY) and { pos + 1 } or {}
  end
  local first_ok, rest
  if el == "C" then
    first_ok, rest = not in_set(b, AEIOU), function(x) return not in_set(x, AEIOUY) end
  else -- "V"
    first_ok, rest = in_set(b, AEIOUY), function(x) return in_set(x, AEIOU) end
  end
  if not first_ok then return {} end
  local stop = pos + 1
  while stop <= n and rest(w:byte(stop)) do stop = stop + 1 end
  local out = {}
  for e = stop, pos + 1, -1 do out[#out + 1] = e end
  return out
end

-- Whether the pattern (a list of elements, "C?" / "V?" optional) matches w from its start;
-- anchored: it must also reach the end.
local function seq_match(w, pattern, k, pos, anchored)
  if k > #pattern then return not anchored or pos == #w + 1 end
  local el = pattern[k]
  local optional = #el == 2
  local base = el:sub(1, 1)
  for _, e in ipairs(element_ends(w, pos, base)) do
    if seq_match(w, pattern, k + 1, e, anchored) then return true end
  end
  if optional then return seq_match(w, pattern, k + 1, pos, anchored) end
  return false
end

local MGR0, MEQ1, MGR1, HAS_V = { "C?", "V", "C" }, { "C?", "V", "C", "V?" },
  { "C?", "V", "C", "V", "C" }, { "C?", "v" }
local function mgr0(s) return seq_match(s, MGR0, 1, 1, false) end
local function meq1(s) return seq_match(s, MEQ1, 1, 1, true) end
local function mgr1(s) return seq_match(s, MGR1, 1, 1, false) end
local function has_v(s) return seq_match(s, HAS_V, 1, 1, false) end

-- ^C v [^aeiouwxy]$ : the whole string.
local function short_cvc(s)
  local n = #s
  if n < 3 then return false end
  local last = s:byte(n)
  if in_set(last, AEIOU) or last == 119 or last == 120 or last == Y then return false end
  if not in_set(s:byte(n - 1), AEIOUY) then return false end
  local head = s:sub(1, n - 2)
  -- head must be exactly one C: [^aeiou][^aeiouy]*
  if in_set(head:byte(1), AEIOU) then return false end
  for i = 2, #head do
    if in_set(head:byte(i), AEIOUY) then return false end
  end
  return true
end

-- The longest suffix of w in the list (Perl's leftmost match of an alternation anchored at $).
local function longest_suffix(w, list)
  local best
  for _, s in ipairs(list) do
    if #s <= #w and w:sub(-#s) == s and (not best or #s > #best) then best = s end
  end
  return best
end

local P_STEP2 = {
  ational = "ate", tional = "tion", enci = "ence", anci = "ance", izer = "ize", bli = "ble",
  alli = "al", entli = "ent", eli = "e", ousli = "ous", ization = "ize", ation = "ate",
  ator = "ate", alism = "al", iveness = "ive", fulness = "ful", ousness = "ous", aliti = "al",
  iviti = "ive", biliti = "ble", logi = "log",
}
local P_STEP3 = { icate = "ic", ative = "", alize = "al", iciti = "ic", ical = "ic", ful = "", ness = "" }
local function keys_of(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  table.sort(out)
  return out
end
local P_STEP2_KEYS, P_STEP3_KEYS = keys_of(P_STEP2), keys_of(P_STEP3)
local P_STEP4 = { "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism",
  "ate", "iti", "ous", "ive", "ize" }

local function porter_rouge155(w)
  if #w < 3 then return w end
  local initial_y = w:byte(1) == Y
  if initial_y then w = "Y" .. w:sub(2) end
  -- Step 1a
  if ends(w, "sses") or ends(w, "ies") then
    w = w:sub(1, -3)
  elseif #w >= 2 and w:byte(-1) == 115 and w:byte(-2) ~= 115 then
    w = w:sub(1, -2)
  end
  -- Step 1b
  if ends(w, "eed") then
    if mgr0(strip(w, "eed")) then w = w:sub(1, -2) end
  else
    local suffix = ends(w, "ed") and "ed" or (ends(w, "ing") and "ing" or nil)
    if suffix then
      local stem = strip(w, suffix)
      if has_v(stem) then
        w = stem
        local n = #w
        local b1, b2 = w:byte(n), w:byte(n - 1)
        if ends(w, "at") or ends(w, "bl") or ends(w, "iz") then
          w = w .. "e"
        elseif n >= 2 and b1 == b2 and not AEIOUY[b1] and b1 ~= 108 and b1 ~= 115 and b1 ~= 122 then
          w = w:sub(1, -2)
        elseif short_cvc(w) then
          w = w .. "e"
        end
      end
    end
  end
  -- Step 1c
  if ends(w, "y") then
    local stem = w:sub(1, -2)
    if has_v(stem) then w = stem .. "i" end
  end
  -- Step 2
  local s = longest_suffix(w, P_STEP2_KEYS)
  if s then
    local stem = strip(w, s)
    if mgr0(stem) then w = stem .. P_STEP2[s] end
  end
  -- Step 3
  s = longest_suffix(w, P_STEP3_KEYS)
  if s then
    local stem = strip(w, s)
    if mgr0(stem) then w = stem .. P_STEP3[s] end
  end
  -- Step 4 (with Lin's 2004 change: -ement, then -ment, then -ent or -(s|t)ion)
  s = longest_suffix(w, P_STEP4)
  if s then
    local stem = strip(w, s)
    if mgr1(stem) then w = stem end
  end
  if ends(w, "ment") then
    local stem = strip(w, "ment")
    if mgr1(stem) then w = stem end
  end
  if ends(w, "ent") then
    local stem = strip(w, "ent")
    if mgr1(stem) then w = stem end
  elseif ends(w, "sion") or ends(w, "tion") then
    local stem = strip(w, "ion")
    if mgr1(stem) then w = stem end
  end
  -- Step 5
  if ends(w, "e") then
    local stem = w:sub(1, -2)
    if mgr1(stem) or (meq1(stem) and not short_cvc(stem)) then w = stem end
  end
  if ends(w, "ll") and mgr1(w) then w = w:sub(1, -2) end
  if initial_y then w = "y" .. w:sub(2) end
  return w
end

local STEMMERS = { porter = porter_nltk, nltk = porter_nltk, rouge155 = porter_rouge155 }
local stem_cache = { porter = {}, nltk = {}, rouge155 = {} }

--- The stem of a lower-case ASCII word (no length threshold here).
function rouge.stem(word, stemmer)
  stemmer = stemmer or "porter"
  local fn = STEMMERS[stemmer]
  if not fn then error("lede.eval.rouge: unknown stemmer '" .. tostring(stemmer) .. "'", 2) end
  local cache = stem_cache[stemmer]
  local s = cache[word]
  if not s then
    s = fn(word)
    cache[word] = s
  end
  return s
end

---------------------------------------------------------------------------------------------------
-- Options, tokens, limits
---------------------------------------------------------------------------------------------------

local function resolve(opts)
  opts = opts or {}
  local o = {
    metrics = opts.metrics or DEFAULT_METRICS,
    stem = opts.stem and true or false,
    stemmer = opts.stemmer,
    exceptions = opts.exceptions,
    words = opts.words,
    bytes = opts.bytes,
    limit_references = opts.limit_references,
    multi = opts.multi,
  }
  local conventions = opts.conventions or "rouge_score"
  if conventions == "rouge155" then
    o.stemmer = o.stemmer or "rouge155"
    o.multi = o.multi or "average"
    if o.limit_references == nil then o.limit_references = true end
    o.python_lower = false
  elseif conventions == "rouge_score" then
    o.stemmer = o.stemmer or "porter"
    o.multi = o.multi or "max"
    o.python_lower = true
  else
    error("lede.eval.rouge: conventions must be 'rouge_score' or 'rouge155'", 3)
  end
  if not STEMMERS[o.stemmer] then
    error("lede.eval.rouge: unknown stemmer '" .. tostring(o.stemmer) .. "'", 3)
  end
  if o.multi ~= "max" and o.multi ~= "average" and o.multi ~= "jackknife" then
    error("lede.eval.rouge: multi must be 'max', 'average' or 'jackknife'", 3)
  end
  if o.words and o.bytes then
    error("lede.eval.rouge: give a limit in words or in bytes, not both", 3)
  end
  for _, m in ipairs(o.metrics) do
    if not (m == "rougeL" or m == "rougeLsum" or m:match("^rouge[1-9]$")) then
      error("lede.eval.rouge: unknown metric '" .. tostring(m) .. "'", 3)
    end
  end
  return o
end

local function tokenize(text, o)
  if o.python_lower then
    -- The two non-ASCII characters that Python's str.lower() turns into ASCII letters.
    if text:find("\xC4\xB0", 1, true) then text = text:gsub("\xC4\xB0", "i") end
    if text:find("\xE2\x84\xAA", 1, true) then text = text:gsub("\xE2\x84\xAA", "k") end
  end
  text = text:lower()
  local out, n = {}, 0
  local stem, stemmer, exceptions = o.stem, o.stemmer, o.exceptions
  for w in text:gmatch("[a-z0-9]+") do
    if stem and #w > 3 then
      w = (exceptions and exceptions[w]) or rouge.stem(w, stemmer)
    end
    n = n + 1
    out[n] = w
  end
  return out
end

--- Tokens of a text as ROUGE sees them (opts: stem, stemmer, conventions, exceptions).
function rouge.tokenize(text, opts)
  return tokenize(text, resolve(opts))
end

-- The non-empty lines of a text (ROUGE-1.5.5 and rouge_score's rougeLsum both drop empty lines).
local function lines_of(text)
  local out = {}
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    if #line > 0 then out[#out + 1] = line end
  end
  return out
end

-- ROUGE-1.5.5's readText: whole lines while they fit, then the head of the line that does not.
local function truncate(text, words, bytes)
  if not words and not bytes then return text end
  local out, used = {}, 0
  for _, line in ipairs(lines_of(text)) do
    if words then
      local ws = {}
      for w in line:gmatch("%S+") do ws[#ws + 1] = w end
      if used + #ws < words then
        out[#out + 1] = line
        used = used + #ws
      else
        out[#out + 1] = table.concat(ws, " ", 1, words - used)
        break
      end
    else
      if used + #line < bytes then
        out[#out + 1] = line
        used = used + #line
      else
        out[#out + 1] = line:sub(1, bytes - used)
        break
      end
    end
  end
  return table.concat(out, "\n")
end

--- The text cut to opts.words words or opts.bytes bytes, as ROUGE-1.5.5's -l / -b do.
function rouge.truncate(text, opts)
  opts = opts or {}
  return truncate(text, opts.words, opts.bytes)
end

---------------------------------------------------------------------------------------------------
-- Counting
---------------------------------------------------------------------------------------------------

local function ngram_counts(tokens, n)
  local counts, total = {}, 0
  for i = 1, #tokens - n + 1 do
    local g = n == 1 and tokens[i] or table.concat(tokens, " ", i, i + n - 1)
    counts[g] = (counts[g] or 0) + 1
    total = total + 1
  end
  return counts, total
end

local function ngram_stats(ref_tokens, cand_tokens, n)
  local rc, rtotal = ngram_counts(ref_tokens, n)
  local cc, ctotal = ngram_counts(cand_tokens, n)
  local hits = 0
  for g, k in pairs(rc) do
    local c = cc[g]
    if c then hits = hits + (c < k and c or k) end
  end
  return hits, rtotal, ctotal
end

-- Length of the LCS of two token lists (two rows).
local function lcs_length(a, b)
  local nb = #b
  if #a == 0 or nb == 0 then return 0 end
  local prev, cur = {}, {}
  for j = 0, nb do prev[j] = 0 end
  for i = 1, #a do
    local ai = a[i]
    cur[0] = 0
    for j = 1, nb do
      if ai == b[j] then
        cur[j] = prev[j - 1] + 1
      else
        local up, left = prev[j], cur[j - 1]
        cur[j] = up > left and up or left
      end
    end
    prev, cur = cur, prev
  end
  return prev[nb]
end

-- Marks in `mask` the positions of ref on one LCS of ref and cand (walk-back: diagonal on a
-- match, else up when the cell above is >= the one to the left).
local function mark_lcs(ref, cand, mask)
  local m, n = #ref, #cand
  if m == 0 or n == 0 then return end
  local w = n + 1
  local t = {}
  for j = 0, n do t[j] = 0 end
  for i = 1, m do
    local base, pbase = i * w, (i - 1) * w
    t[base] = 0
    local ri = ref[i]
    for j = 1, n do
      if ri == cand[j] then
        t[base + j] = t[pbase + j - 1] + 1
      else
        local up, left = t[pbase + j], t[base + j - 1]
        t[base + j] = up >= left and up or left
      end
    end
  end
  local i, j = m, n
  while i > 0 and j > 0 do
    if ref[i] == cand[j] then
      mask[i] = true
      i, j = i - 1, j - 1
    elseif t[i * w + j - 1] > t[(i - 1) * w + j] then
      j = j - 1
    else
      i = i - 1
    end
  end
end

local function lsum_stats(ref_sents, cand_sents)
  local m, n = 0, 0
  local rcount, ccount = {}, {}
  for _, s in ipairs(ref_sents) do
    m = m + #s
    for _, t in ipairs(s) do rcount[t] = (rcount[t] or 0) + 1 end
  end
  for _, s in ipairs(cand_sents) do
    n = n + #s
    for _, t in ipairs(s) do ccount[t] = (ccount[t] or 0) + 1 end
  end
  if #ref_sents == 0 or #cand_sents == 0 or m == 0 or n == 0 then return 0, m, n end
  local hits = 0
  for _, r in ipairs(ref_sents) do
    local mask = {}
    for _, c in ipairs(cand_sents) do mark_lcs(r, c, mask) end
    for i = 1, #r do
      if mask[i] then
        local t = r[i]
        if (ccount[t] or 0) > 0 and (rcount[t] or 0) > 0 then
          hits = hits + 1
          ccount[t] = ccount[t] - 1
          rcount[t] = rcount[t] - 1
        end
      end
    end
  end
  return hits, m, n
end

-- A text prepared once: its tokens and its tokenized sentence lines.
local function prepare(text, o, limit)
  if limit then text = truncate(text, o.words, o.bytes) end
  local p = { tokens = tokenize(text, o) }
  for _, metric in ipairs(o.metrics) do
    if metric == "rougeLsum" then
      local sents = {}
      for _, line in ipairs(lines_of(text)) do sents[#sents + 1] = tokenize(line, o) end
      p.sents = sents
      break
    end
  end
  return p
end

-- { [metric] = { hits, ref_count, cand_count } } for one reference.
local function stats(ref, cand, o)
  local out = {}
  for _, metric in ipairs(o.metrics) do
    if metric == "rougeL" then
      out[metric] = { lcs_length(ref.tokens, cand.tokens), #ref.tokens, #cand.tokens }
    elseif metric == "rougeLsum" then
      out[metric] = { lsum_stats(ref.sents, cand.sents) }
    else
      out[metric] = { ngram_stats(ref.tokens, cand.tokens, tonumber(metric:sub(6))) }
    end
  end
  return out
end

local function prf(hits, m, n)
  local p = n > 0 and hits / n or 0
  local r = m > 0 and hits / m or 0
  local f = (p + r) > 0 and 2 * p * r / (p + r) or 0
  return { p = p, r = r, f = f }
end

local function pooled(per_ref, metric, skip)
  local h, m, n = 0, 0, 0
  for k, s in ipairs(per_ref) do
    if k ~= skip then
      local x = s[metric]
      h, m, n = h + x[1], m + x[2], n + x[3]
    end
  end
  return prf(h, m, n)
end

--- Scores one candidate against one or more references.
function rouge.score(candidate, references, opts)
  local o = resolve(opts)
  if type(candidate) ~= "string" then
    error("lede.eval.rouge: the candidate must be a string", 2)
  end
  if type(references) == "string" then references = { references } end
  if type(references) ~= "table" or #references == 0 then
    error("lede.eval.rouge: references must be a string or a non-empty list of strings", 2)
  end
  local cand = prepare(candidate, o, true)
  local per_ref = {}
  for k, ref in ipairs(references) do
    if type(ref) ~= "string" then error("lede.eval.rouge: reference " .. k .. " is not a string", 2) end
    per_ref[k] = stats(prepare(ref, o, o.limit_references), cand, o)
  end
  local result = {}
  for _, metric in ipairs(o.metrics) do
    if o.multi == "max" then
      local best
      for _, s in ipairs(per_ref) do
        local score = prf(s[metric][1], s[metric][2], s[metric][3])
        if not best or score.f > best.f then best = score end
      end
      result[metric] = best
    elseif o.multi == "average" or #per_ref == 1 then
      result[metric] = pooled(per_ref, metric)
    else -- jackknife
      local sp, sr, sf = 0, 0, 0
      for k = 1, #per_ref do
        local s = pooled(per_ref, metric, k)
        sp, sr, sf = sp + s.p, sr + s.r, sf + s.f
      end
      local k = #per_ref
      result[metric] = { p = sp / k, r = sr / k, f = sf / k }
    end
  end
  return result
end

--- The mean scores over a list of { candidate, references } pairs.
function rouge.corpus(pairs, opts)
  local o = resolve(opts)
  local sums = {}
  for _, metric in ipairs(o.metrics) do sums[metric] = { p = 0, r = 0, f = 0 } end
  for i, pair in ipairs(pairs) do
    local cand = pair.candidate or pair[1]
    local refs = pair.references or pair[2]
    local ok, s = pcall(rouge.score, cand, refs, opts)
    if not ok then error(("lede.eval.rouge.corpus: pair %d: %s"):format(i, s), 2) end
    for _, metric in ipairs(o.metrics) do
      local t = sums[metric]
      t.p, t.r, t.f = t.p + s[metric].p, t.r + s[metric].r, t.f + s[metric].f
    end
  end
  local n = #pairs
  local out = { n = n }
  for _, metric in ipairs(o.metrics) do
    local t = sums[metric]
    out[metric] = n > 0 and { p = t.p / n, r = t.r / n, f = t.f / n } or { p = 0, r = 0, f = 0 }
  end
  return out
end

return rouge
