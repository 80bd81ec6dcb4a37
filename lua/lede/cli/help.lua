-- `lede help [COMMAND]`: the overview, or one command's help, built from the commands' own
-- summary/usage/help/options so the text cannot drift from what the parser accepts.
local args = require "lede.cli.args"

local M = {
  summary = "show this overview, or the help of COMMAND",
  usage = "lede help [COMMAND]",
  options = {},
  operands = 1,
}

function M.overview()
  local cli = require "lede.cli"
  local lines = {
    "usage: lede COMMAND [OPTIONS] [ARGS]",
    "       lede --help | --version",
    "",
    "Analyses news articles: sentences, paragraphs, tokens and terms.",
    "",
    "commands:",
  }
  for _, name in ipairs(cli.commands) do
    lines[#lines + 1] = string.format("  %-10s %s", name, require("lede.cli." .. name).summary)
  end
  lines[#lines + 1] = ""
  lines[#lines + 1] = "Run 'lede help COMMAND' for a command's options."
  return table.concat(lines, "\n") .. "\n"
end

function M.command(name)
  local cmd = require("lede.cli." .. name)
  local text = "usage: " .. cmd.usage .. "\n\n" .. cmd.summary:gsub("^%l", string.upper) .. ".\n"
  if cmd.help then text = text .. "\n" .. cmd.help .. "\n" end
  if #cmd.options > 0 then text = text .. "\noptions:\n" .. args.describe(cmd.options) .. "\n" end
  return text
end

function M.run(_, operands)
  local name = operands[1]
  if name == nil then
    io.write(M.overview())
    return 0
  end
  for _, c in ipairs(require("lede.cli").commands) do
    if c == name then
      io.write(M.command(name))
      return 0
    end
  end
  args.usage_error("help", "unknown command '%s'", name)
end

return M
