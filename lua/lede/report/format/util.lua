-- What the report formats share: text on one line, and the test a URL passes to become a link.
local M = {}

--- s on one line: C0, DEL and C1 controls (ESC among them), NBSP, the Unicode line and
-- paragraph separators and every run of white space become one space; no space at the ends.
function M.one_line(s)
  s = s:gsub("[%z\1-\31\127]", " "):gsub("\194[\128-\160]", " "):gsub("\226\128[\168\169]", " ")
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

--- The URL if a report may link to it, else nil: http or https with a host, and no white space
-- or control character (browsers drop those, and so they could hide another scheme).
function M.http_url(url)
  if type(url) ~= "string" or not url:lower():match("^https?://[^/]") then return nil end
  if url:find("[%s%z\1-\31\127]") then return nil end
  return url
end

return M
