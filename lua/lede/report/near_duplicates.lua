-- The near-duplicate figures of the reports, registered by default as
-- require('lede.report').providers.duplicates: the hits' stored texts are signed (lede.dedup,
-- default options: exact copies and copies of estimated similarity 0.5 or more, the text only,
-- not the title) and put in one set, whose groups give the count. A text is tokenised for its
-- signature and nothing more (no entities, no dates), which keeps 22k articles near a second.
local lede = require "lede"

--- { duplicates = articles beyond the first of each group, groups = groups of copies } over the
-- hits (tables of stored fields with id and text); a hit without text is nobody's copy.
return function(_, hits)
  local set = lede.dedup.new()
  for _, hit in ipairs(hits) do
    if type(hit.text) == "string" then
      local a = lede.article { text = hit.text }
      set:add(hit.id, a)
      a:close()
    end
  end
  local s = set:stats()
  return { duplicates = s.duplicates, groups = s.groups }
end
