-- The `lede` command: picks the subcommand, parses its options, and turns errors into messages
-- and exit statuses (0 ok, 1 runtime error, 2 usage error). A subcommand is a module
-- lede.cli.NAME returning { summary, usage, help, options, operands, run(opts, operands) }.
local args = require "lede.cli.args"
local read = require "lede.read"

local M = {}

-- In the order `lede help` lists them.
M.commands = { "analyze", "sentences", "summarize", "keyphrases", "index", "search", "cluster",
  "report", "demo", "help" }

local function is_command(name)
  for _, c in ipairs(M.commands) do
    if c == name then return true end
  end
  return false
end

local function dispatch(argv)
  local name = argv[1]
  local help = require "lede.cli.help"
  if name == nil then
    io.stderr:write(help.overview())
    return 2
  elseif name == "-h" or name == "--help" then
    io.write(help.overview())
    return 0
  elseif name == "--version" then
    io.write("lede ", require("lede").version, "\n")
    return 0
  elseif name:sub(1, 1) == "-" then
    args.usage_error(nil, "unknown option '%s'", name)
  elseif not is_command(name) then
    args.usage_error(nil, "unknown command '%s'", name)
  end
  local cmd = require("lede.cli." .. name)
  -- A command whose options depend on its first argument (report NAME) parses the line itself.
  local opts, operands
  if cmd.parse then
    opts, operands = cmd.parse(argv, 2)
  else
    opts, operands = args.parse(name, cmd.options, cmd.operands, argv, 2)
  end
  if opts.help then
    io.write(help.command(name))
    return 0
  end
  return cmd.run(opts, operands) or 0
end

-- Set LEDE_DEBUG=1 to see where an error came from; users get one line.
local function handler(err)
  if args.is_usage_error(err) then return err end
  if os.getenv("LEDE_DEBUG") then return debug.traceback(tostring(err), 2) end
  return err
end

-- Runs the command line (a table like the script's `arg`); returns the exit status.
function M.main(argv)
  local ok, result = xpcall(dispatch, handler, argv or {})
  if ok then return result end
  if args.is_usage_error(result) then
    local who = result.command and ("lede " .. result.command) or "lede"
    local hint = result.command and ("lede help " .. result.command) or "lede help"
    io.stderr:write(who, ": ", result.message, "\n", "run '", hint, "' for usage\n")
    return 2
  end
  io.stderr:write("lede: ", read.clean_error(result), "\n")
  return 1
end

return M
