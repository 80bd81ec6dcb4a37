-- `luarocks make` installs a working module and command. Tagged "install": the sanitizer pass
-- skips it, since it builds its own copy of the core with luarocks' flags.
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")
local root = helpers.root

-- Runs a shell command; returns its exit status and its stdout and stderr together.
local function sh(cmd)
  local out, status = helpers.sh(cmd .. " 2>&1")
  return status, out
end

describe("luarocks make #install", function()
  it("installs the module and the command into a fresh tree", function()
    local tmp = helpers.temp_path()
    assert.equal(0, (sh("mkdir -p '" .. tmp .. "/src' '" .. tmp .. "/home'")))
    -- Build from a copy so that luarocks leaves no objects in the checkout.
    assert.equal(0, (sh(("cp -r '%s'/csrc '%s'/lua '%s'/bin '%s'/rockspec '%s'/data '%s/src'")
      :format(root, root, root, root, root, tmp))))
    -- Runs a shell script with the fresh tree as HOME and no paths inherited from this run.
    local function in_tree(script)
      local file = helpers.write_file(tmp .. "/step.sh", script)
      return sh("env -u LUA_PATH -u LUA_CPATH -u LEDE_CORE -u LD_PRELOAD HOME='" .. tmp .. "/home' sh '" .. file .. "'")
    end
    local code, out = in_tree("cd '" .. tmp .. "/src' && "
      .. "luarocks make --local --deps-mode=none rockspec/lede-scm-1.rockspec")
    assert.equal(0, code, out)
    code, out = in_tree([[cd / && eval "$(luarocks path)" && lua5.4 -e 'local lede = require("lede")
      local a = lede.article("Margaret Holloway met ministers in Brussels. Two.")
      print(lede.version, #a:sentences(), #a:entities() > 0)']])
    assert.equal(0, code, out)
    assert.equal("0.1.0\t2\ttrue\n", out) -- the entity model is installed beside the module
    code, out = in_tree([[cd / && eval "$(luarocks path)" && "$HOME/.luarocks/bin/lede" --version]])
    assert.equal(0, code, out)
    assert.equal("lede 0.1.0\n", out)
    helpers.remove_dir(tmp)
  end)

  -- Every file that `command` lists (run in the checkout) must be named in the rockspec.
  local function assert_listed(command)
    local spec = helpers.read_file(root .. "/rockspec/lede-scm-1.rockspec")
    local p = io.popen("cd '" .. root .. "' && " .. command)
    for path in p:lines() do
      assert.truthy(spec:find('"' .. path .. '"', 1, true), path .. " is missing from the rockspec")
    end
    p:close()
  end

  it("lists every C source of the core", function() assert_listed("ls csrc/*/*.c") end)
  it("lists every Lua module", function() assert_listed("find lua -name '*.lua'") end)
end)
