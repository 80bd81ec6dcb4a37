-- Reads a CoNLL-2003 file (token POS chunk NER, IOB1) into documents as the shared JSONL gives
-- them: tokens joined by one space, sentences by "\n", entities as 1-based inclusive spans.
local M = {}

local function flush(docs, doc)
  if doc and #doc.parts > 0 then
    docs[#docs + 1] = { text = table.concat(doc.parts), entities = doc.entities }
  end
end

function M.read(path)
  local f, err = io.open(path, "r")
  if not f then return nil, err end
  local docs, doc, len, sentence_open, open_type = {}, nil, 0, false, nil
  local function start_doc()
    flush(docs, doc)
    doc, len, sentence_open, open_type = { parts = {}, entities = {} }, 0, false, nil
  end
  local function add(piece)
    doc.parts[#doc.parts + 1] = piece
    len = len + #piece
  end
  for line in f:lines() do
    local token, tag = line:match("^(%S+) %S+ %S+ (%S+)$")
    if token == "-DOCSTART-" then
      start_doc()
    elseif not token then
      if sentence_open then sentence_open, open_type = false, nil end
    else
      if not doc then start_doc() end
      if not sentence_open and len > 0 then add("\n") elseif sentence_open then add(" ") end
      sentence_open = true
      local prefix, kind = tag:match("^([BI])%-(%u+)$")
      if not kind then
        open_type = nil
      elseif prefix == "B" or open_type ~= kind then
        doc.entities[#doc.entities + 1] = { start = len + 1, stop = len + #token, type = kind }
        open_type = kind
      else
        doc.entities[#doc.entities].stop = len + #token
      end
      add(token)
    end
  end
  f:close()
  flush(docs, doc)
  return docs
end

return M
