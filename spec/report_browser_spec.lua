-- A hostile article in every HTML report, opened in headless Chromium: no script runs, and the
-- hostile strings are shown as text. The reports' Content-Security-Policy is taken out of the
-- copies the browser opens, so that what is tested is the escaping alone.
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")
local lede = require "lede"
local report = require "lede.report"

-- Each payload would set the page title to "PWNED" or mark the body with data-pwned; the
-- markers are built at run time, so the payloads' own text never contains them.
local SET_TITLE = "document.title='PW'+'NED'"
local MARK_BODY = "document.body.setAttribute('data-'+'pwned','1')"
local SCRIPT = "<script>" .. SET_TITLE .. "</script>"
local IMG = '"><img src=x onerror="' .. MARK_BODY .. '">'
local JS_URL = "javascript:" .. SET_TITLE

local HOSTILE = {
  id = "hostile-1",
  title = "Minister " .. SCRIPT .. " quits " .. IMG,
  date = "2026-02-17T09:00:00Z",
  source = "Evil " .. SCRIPT .. " Wire",
  url = JS_URL,
  text = table.concat({
    "LONDON (Evil Wire) - The minister for transport, Jane Doe, resigned on Tuesday " .. SCRIPT .. ".",
    '"We will not give in to ' .. SCRIPT .. ' threats," Jane Doe said in a statement.',
    "Read [the letter](" .. JS_URL .. ') or <a href="' .. JS_URL .. '">the reply</a>.',
    "Talks resume on Friday " .. IMG .. " in Geneva, officials said.",
  }, "\n\n"),
}

local function chromium_dom(paths)
  -- One browser per report, all at once; LD_PRELOAD (the sanitizer run's) is not for Chromium.
  local cmds = {}
  for i, path in ipairs(paths) do
    cmds[i] = string.format("env -u LD_PRELOAD chromium --headless --no-sandbox --disable-gpu "
      .. "--dump-dom %s >%s 2>/dev/null &", helpers.quote("file://" .. path), helpers.quote(path .. ".dom"))
  end
  helpers.sh(table.concat(cmds, " ") .. " wait")
  local doms = {}
  for i, path in ipairs(paths) do
    doms[i] = helpers.read_file(path .. ".dom")
    os.remove(path .. ".dom")
  end
  return doms
end

describe("HTML reports in a browser", function()
  it("run no script of a hostile article and show its strings as text", function()
    local dir = helpers.temp_dir()
    local ix = lede.index.open(dir .. "/index", { create = true })
    ix:add(lede.article(HOSTILE))
    ix:commit()
    local paths = {}
    local operands = { dossier = { "Jane Doe" } }
    for i, name in ipairs(report.BUILTIN) do
      local doc = report.run(report.load(name), ix, { name = name, operands = operands[name] })
      local html = report.render(doc, "html")
      assert.truthy(html:find('http-equiv="Content-Security-Policy"', 1, true))
      html = html:gsub('<meta http%-equiv="Content%-Security%-Policy"[^>]*>', "")
      paths[i] = helpers.write_file(dir .. "/" .. name .. ".html", html)
    end
    ix:close()
    local doms = chromium_dom(paths)
    helpers.remove_dir(dir)

    -- What each report shows of the article: its title (brief), the quotation (quotes), the
    -- sentence of "Friday" (timeline), its source (overview), the minister's quotation (dossier),
    -- its headline as the story's (briefing).
    local shown = {
      briefing = "Minister &lt;script&gt;document.title='PW'+'NED'&lt;/script&gt; quits",
      brief = "Minister &lt;script&gt;document.title='PW'+'NED'&lt;/script&gt; quits",
      dossier = "We will not give in to &lt;script&gt;",
      quotes = "We will not give in to &lt;script&gt;",
      timeline = "Talks resume on Friday \"&gt;&lt;img src=x onerror=",
      overview = "Evil &lt;script&gt;document.title='PW'+'NED'&lt;/script&gt; Wire",
    }
    local dom_of = {}
    for i, name in ipairs(report.BUILTIN) do
      local dom = doms[i]
      dom_of[name] = dom
      assert.truthy(dom:find("</html>", 1, true), name .. ": the browser gave no DOM")
      assert.is_nil(dom:find("PWNED", 1, true), name .. ": a script ran")
      assert.is_nil(dom:find("data-pwned", 1, true), name .. ": a script ran")
      assert.is_nil(dom:lower():find("<script", 1, true), name .. ": a script element")
      assert.is_nil(dom:lower():find("<img", 1, true), name .. ": an img element")
      assert.is_nil(dom:lower():find('<a [^>]*href="%s*javascript:'), name .. ": a javascript: link")
      assert.truthy(dom:find(shown[name], 1, true), name .. ": " .. shown[name])
    end
    -- The brief shows the javascript: URL, as text.
    assert.truthy(dom_of.brief:find("<li>javascript:document.title='PW'+'NED'</li>", 1, true))
  end)
end)
