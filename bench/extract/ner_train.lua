-- `make model`: trains the entity tagger on a CoNLL-2003 file and writes the model.
-- Usage: lua ner_train.lua TRAIN.txt OUT.model [EPOCHS]
local core = require("lede.core")
package.path = arg[0]:gsub("[^/]*$", "") .. "?.lua;" .. package.path
local conll = require("conll")

local train, out, epochs = arg[1], arg[2], tonumber(arg[3] or "8")
local docs, err = conll.read(train)
if not docs then
  io.stderr:write("ner_train: ", err, "\n")
  os.exit(1)
end
local trainer = core.ner_trainer()
local t0 = os.clock()
for _, d in ipairs(docs) do
  local article = core.analyze(d.text)
  trainer:add(article, d.text, d.entities)
  article:close()
end
trainer:write(epochs, out)
io.write(string.format("ner_train: %d documents, %d epochs, %.1f s → %s\n", #docs, epochs,
  os.clock() - t0, out))
