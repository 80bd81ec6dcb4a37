-- Perturbed copies of news articles, for the near-duplicate evaluation: deterministic (a fixed
-- seed gives the same copies on every machine; the generator has its own PRNG so that it does
-- not depend on math.random's algorithm), each kind of change a wire desk makes to a story:
-- typographic reflow, a new headline and byline, word edits, dropped or moved sentences, an
-- appended paragraph, and combinations of them.
local perturb = {}

-- SplitMix64 on Lua's 64-bit integers (they wrap around, as the algorithm needs).
local Rng = {}
Rng.__index = Rng

function perturb.rng(seed)
  return setmetatable({ state = seed }, Rng)
end

function Rng:next()
  self.state = self.state + 0x9e3779b97f4a7c15
  local z = self.state
  z = (z ~ (z >> 30)) * 0xbf58476d1ce4e5b9
  z = (z ~ (z >> 27)) * 0x94d049bb133111eb
  return z ~ (z >> 31)
end

-- An integer from 1 to n.
function Rng:int(n)
  return (self:next() >> 1) % n + 1
end

-- True with probability p.
function Rng:chance(p)
  return (self:next() >> 11) * (1.0 / (1 << 53)) < p
end

-- The sentences of a text, split after ., ! or ? followed by white space and a capital letter,
-- a digit or a quote mark; a cheap rule, independent of lede's splitter, good enough to move
-- whole sentences around.
function perturb.sentences(text)
  local list, start = {}, 1
  text = text:gsub("%s+", " ")
  for stop in text:gmatch("[%.!?]()%s+[%u%d\"']") do
    list[#list + 1] = text:sub(start, stop - 1)
    start = stop + 1
  end
  local rest = text:sub(start):match("^%s*(.-)%s*$")
  if rest ~= "" then list[#list + 1] = rest end
  return list
end

-- Replaces, deletes or inserts words, each word with probability `rate` (a third each);
-- replacements and insertions come from `vocabulary`.
local function edit_words(rng, text, rate, vocabulary)
  local out = {}
  for w in text:gmatch("%S+") do
    if rng:chance(rate) then
      local op = rng:int(3)
      if op == 1 then
        out[#out + 1] = vocabulary[rng:int(#vocabulary)]
      elseif op == 3 then
        out[#out + 1] = w
        out[#out + 1] = vocabulary[rng:int(#vocabulary)]
      end
    else
      out[#out + 1] = w
    end
  end
  return table.concat(out, " ")
end

local function drop_sentences(rng, list, count)
  for _ = 1, math.min(count, #list - 1) do table.remove(list, rng:int(#list)) end
  return list
end

-- Moves `count` sentences, each to another place.
local function move_sentences(rng, list, count)
  if #list < 2 then return list end
  for _ = 1, count do
    local s = table.remove(list, rng:int(#list))
    table.insert(list, rng:int(#list + 1), s)
  end
  return list
end

local BYLINES = { "By Staff Reporter", "By Anne Marsh, Business Correspondent",
                  "From our wire services", "By Peter Holm in London" }

-- Straight quotes to curly ones, hard wrapping removed, upper case headline style: what a
-- republishing system does to copy without touching a word.
local function retype(text)
  local open = true
  text = text:gsub('"', function()
    open = not open
    return open and "\u{201D}" or "\u{201C}"
  end)
  return (text:gsub("'", "\u{2019}"):gsub("%s+", " "))
end

-- A paragraph of new material for an update: the second and third sentences of another story
-- (not its lead, and never the whole of it, or the copy would be a copy of that story too).
local function new_paragraph(donor)
  local list = perturb.sentences(donor)
  return table.concat(list, " ", 2, math.min(3, #list - 1))
end

-- The kinds of copy, mildest first. Each takes (rng, article, context) and returns the copy's
-- { title, text }. context: vocabulary (words to edit in), donor (the text of another story of
-- at least four sentences, for an appended paragraph).
perturb.levels = {
  { name = "retyped", what = "quotes curled, wrapping and spaces changed",
    make = function(_, a) return { title = a.title, text = retype(a.text) } end },
  { name = "headline+byline", what = "new headline, byline line added",
    make = function(rng, a)
      return { title = "UPDATE 1-" .. a.title:lower(),
               text = BYLINES[rng:int(#BYLINES)] .. "\n" .. a.text }
    end },
  { name = "drop 1", what = "one sentence dropped",
    make = function(rng, a)
      return { title = a.title, text = table.concat(drop_sentences(rng, perturb.sentences(a.text), 1), " ") }
    end },
  { name = "drop 25%", what = "a quarter of the sentences dropped",
    make = function(rng, a)
      local list = perturb.sentences(a.text)
      return { title = a.title, text = table.concat(drop_sentences(rng, list, #list // 4), " ") }
    end },
  { name = "reorder", what = "two sentences moved",
    make = function(rng, a)
      return { title = a.title, text = table.concat(move_sentences(rng, perturb.sentences(a.text), 2), " ") }
    end },
  { name = "append", what = "a paragraph appended (2 sentences from another story)",
    make = function(_, a, c) return { title = a.title, text = a.text .. "\n\n" .. new_paragraph(c.donor) } end },
  { name = "light mix", what = "headline, byline, edit 2%, appended paragraph",
    make = function(rng, a, c)
      return { title = "UPDATE 1-" .. a.title:lower(),
               text = BYLINES[rng:int(#BYLINES)] .. "\n" .. edit_words(rng, a.text, 0.02, c.vocabulary)
                 .. "\n\n" .. new_paragraph(c.donor) }
    end },
  { name = "heavy mix", what = "edit 10%, drop 25%, move 2, appended paragraph",
    make = function(rng, a, c)
      local list = perturb.sentences(edit_words(rng, a.text, 0.10, c.vocabulary))
      list = move_sentences(rng, drop_sentences(rng, list, #list // 4), 2)
      return { title = a.title, text = table.concat(list, " ") .. "\n\n" .. new_paragraph(c.donor) }
    end },
}

-- Word edits at several rates, after the headline change.
for i, rate in ipairs({ 1, 3, 5, 10, 20 }) do
  table.insert(perturb.levels, 2 + i, {
    name = ("edit %d%%"):format(rate), what = ("%d%% of words replaced, deleted or inserted"):format(rate),
    make = function(rng, a, c)
      return { title = a.title, text = edit_words(rng, a.text, rate / 100, c.vocabulary) }
    end })
end

return perturb
