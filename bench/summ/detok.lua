-- Detokenizer for the PTB-tokenized CNN/DailyMail articles (Stanford PTBTokenizer output, as in
-- the `stories` of the usual CNN/DM preprocessing), so that lede's tokenizer and sentence splitter
-- see ordinary news text. Works on the space-separated token stream:
--   -LRB- -RRB- -LSB- -RSB- -LCB- -RCB-  -> ( ) [ ] { }, attached inwards
--   `` ... ''                            -> "...", attached inwards
--   ` ... '  (Daily Mail's single quotes) -> '...'; a lone ' closes (or is a plural possessive,
--                                           "players ' ball") and attaches to the left
--   clitics 's n't 're 've 'll 'd 'm (any case) rejoin the word before; gon na / wan na rejoin
--   , . ; : ? ! % ... ) ] }              attach to the left; ( [ { $ attach to the right
--   "# 500" (the pound sign lost in conversion) -> "£500"; "# tag" -> "#tag"
--   "U.S. ." (a sentence-final period after an abbreviation) -> "U.S."
-- Everything else (hyphens, "--", "-", "&", "/") keeps its spaces.
--
--   local detok = dofile("bench/summ/detok.lua"); detok.detokenize(text)
--   lua5.4 bench/summ/detok.lua          runs the self-check and prints "detok: N cases ok"

local detok = {}

local BRACKETS = {
  ["-LRB-"] = "(", ["-RRB-"] = ")", ["-LSB-"] = "[", ["-RSB-"] = "]",
  ["-LCB-"] = "{", ["-RCB-"] = "}",
}
local ATTACH_LEFT = {
  [","] = true, ["."] = true, [";"] = true, [":"] = true, ["?"] = true, ["!"] = true,
  ["%"] = true, ["..."] = true, [")"] = true, ["]"] = true, ["}"] = true,
}
local ATTACH_RIGHT = { ["("] = true, ["["] = true, ["{"] = true, ["$"] = true }
local CLITICS = { ["'s"] = true, ["n't"] = true, ["'re"] = true, ["'ve"] = true, ["'ll"] = true,
  ["'d"] = true, ["'m"] = true }

--- PTB tokens (one line or several) back to plain text.
function detok.detokenize(text)
  local toks = {}
  for t in text:gmatch("%S+") do toks[#toks + 1] = BRACKETS[t] or t end
  local out = {}
  local glue_next = false   -- the next token attaches to the previous one
  local function emit(tok, left)
    if #out > 0 and not left and not glue_next then out[#out + 1] = " " end
    out[#out + 1] = tok
    glue_next = false
  end
  local prev
  for i, t in ipairs(toks) do
    local nxt = toks[i + 1]
    local lower = t:lower()
    if t == "``" then
      emit('"', false); glue_next = true
    elseif t == "''" then
      emit('"', true)
    elseif t == "`" then
      emit("'", false); glue_next = true
    elseif t == "'" then
      emit("'", true)
    elseif CLITICS[lower] and prev then
      emit(t, true)
    elseif (lower == "na") and prev and (prev:lower() == "gon" or prev:lower() == "wan") then
      emit(t, true)
    elseif t == "." and prev and prev ~= "." and prev:sub(-1) == "." and #prev > 1 then
      -- "U.S. ." : the abbreviation's period already ends the sentence
      glue_next = false
    elseif ATTACH_LEFT[t] then
      emit(t, true)
    elseif ATTACH_RIGHT[t] then
      emit(t, false); glue_next = true
    elseif t == "#" and nxt then
      if nxt:match("^%d[%d,%.]*$") then emit("£", false) else emit("#", false) end
      glue_next = true
    else
      emit(t, false)
    end
    prev = t
  end
  return table.concat(out)
end

detok.CASES = {
  { "Marseille , France -LRB- CNN -RRB- The French prosecutor said .",
    "Marseille, France (CNN) The French prosecutor said." },
  { "told CNN that `` so far no videos were used . '' He added , `` A person . ''",
    'told CNN that "so far no videos were used." He added, "A person."' },
  { "Robin 's comments do n't help ; they 're here , we 've seen , I 'm sure , he 'd go , we 'll see",
    "Robin's comments don't help; they're here, we've seen, I'm sure, he'd go, we'll see" },
  { "`` One can hear cries of ` My God ' in several languages , '' Paris Match reported .",
    "\"One can hear cries of 'My God' in several languages,\" Paris Match reported." },
  { "the players ' wages rose 5 % to $ 3 million and # 500 -LSB- sic -RSB- .",
    "the players' wages rose 5% to $3 million and £500 [sic]." },
  { "He lives in the U.S. . Then he left ... or did he ? Yes !",
    "He lives in the U.S. Then he left... or did he? Yes!" },
  { "I 'm gon na win -- really . We ca n't , wo n't , WO N'T stop .",
    "I'm gonna win -- really. We can't, won't, WON'T stop." },
  { "Using the hashtag # 147notjustanumber -- a campaign", "Using the hashtag #147notjustanumber -- a campaign" },
  { "", "" },
}

--- Runs the cases; returns the number checked, or raises an error naming the first failure.
function detok.check()
  for i, case in ipairs(detok.CASES) do
    local got = detok.detokenize(case[1])
    if got ~= case[2] then
      error(("detok case %d:\n  input    %s\n  expected %s\n  got      %s"):format(i, case[1], case[2], got))
    end
  end
  return #detok.CASES
end

if arg and arg[0] and arg[0]:match("detok%.lua$") then
  print(("detok: %d cases ok"):format(detok.check()))
end

return detok
