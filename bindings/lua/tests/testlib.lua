-- A minimal test runner for the glocal Lua tests (no dependencies).
-- Each test file: local T = require "testlib"; T.test("name", function() ... end); T.run()
local T = {}

local tests = {}
local dir = os.getenv("GLOCAL_TEST_FIXTURES")
if not dir then
  local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
  dir = here .. "/../../fixtures"
end
T.fixtures = dir

function T.fixture(name) return T.fixtures .. "/" .. name end

function T.test(name, fn) tests[#tests + 1] = {name = name, fn = fn} end

-- A test of a known library bug: it must fail; once it passes, the run fails
-- so that the marker is removed.
function T.xfail(name, reason, fn) tests[#tests + 1] = {name = name, fn = fn, xfail = reason} end

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

function T.eq(actual, expected, what)
  if actual ~= expected then
    error(string.format("%s: expected %s, got %s", what or "value", show(expected), show(actual)), 2)
  end
end

function T.ok(cond, what)
  if not cond then error((what or "condition") .. " is false", 2) end
end

-- Asserts that fn raises an error whose message contains `pattern` (plain text).
function T.raises(fn, pattern)
  local ok, err = pcall(fn)
  if ok then error("expected an error containing " .. show(pattern), 2) end
  if pattern and not tostring(err):find(pattern, 1, true) then
    error(string.format("error %s does not contain %s", show(tostring(err)), show(pattern)), 2)
  end
end

-- Asserts a `nil, message, code, info` failure and returns message, info.
function T.fails(code, v, message, c, info)
  if v ~= nil then error("expected a failure " .. code .. ", got " .. show(v), 2) end
  if c ~= code then
    error(string.format("expected code %s, got %s (%s)", code, show(c), show(message)), 2)
  end
  if type(message) ~= "string" or message == "" then error("failure without a message", 2) end
  if type(info) ~= "table" or info.code ~= code then error("failure without an info table", 2) end
  return message, info
end

function T.rss()
  local f = assert(io.open("/proc/self/statm"))
  local pages = tonumber(f:read("l"):match("^%d+%s+(%d+)"))
  f:close()
  return pages * 4096
end

function T.run()
  local passed, failed = 0, 0
  for _, t in ipairs(tests) do
    local ok, err = xpcall(t.fn, debug.traceback)
    if t.xfail and ok then
      failed = failed + 1
      print("FAILED  " .. t.name .. ": passed unexpectedly; remove T.xfail (" .. t.xfail .. ")")
    elseif t.xfail then
      passed = passed + 1
      print("xfail   " .. t.name .. " (" .. t.xfail .. ")")
    elseif ok then
      passed = passed + 1
      print("ok      " .. t.name)
    else
      failed = failed + 1
      print("FAILED  " .. t.name .. "\n" .. tostring(err))
    end
  end
  print(string.format("%d passed, %d failed", passed, failed))
  os.exit(failed == 0 and 0 or 1)
end

return T
