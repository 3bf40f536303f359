-- glocal.lint: findings with location, severity, rule, locale and message id.
local T = require "testlib"
local glocal = require "glocal"

local function row(f)
  return table.concat({f.file, f.line, f.column, f.severity, f.rule, f.locale or "-",
                       f.message_id or "-"}, " ")
end

T.test("findings", function()
  local d = T.fixture("lint")
  local findings = assert(glocal.lint(d))
  local got = {}
  for i, f in ipairs(findings) do
    got[i] = row(f)
    T.ok(type(f.message) == "string" and f.message ~= "", "message")
  end
  T.eq(table.concat(got, "\n"), table.concat({
    d .. "/base.yaml 7 12 warning whitespace - greeting",
    d .. "/de.yaml 4 13 warning dropped-arg de greeting",
    d .. "/de.yaml 5 3 warning orphan de farewell",
    d .. "/fr.yaml 5 3 error duplicate-key fr greeting",
  }, "\n"), "findings")
end)

T.test("a locked override is a lint error, and the catalog still opens", function()
  local d = T.fixture("shop")
  local locked = {}
  for _, f in ipairs(assert(glocal.lint(d))) do
    if f.rule == "locked" then locked[#locked + 1] = row(f) end
  end
  T.eq(table.concat(locked, "\n"), d .. "/de.yaml 16 3 error locked de legal.footer", "locked")
  assert(glocal.open(d)):close()
end)

T.test("broken bundles are findings", function()
  for name, rule in pairs({["bad-yaml"] = "yaml-syntax", ["bad-schema"] = "schema",
                           ["bad-template"] = "template-syntax"}) do
    local found = false
    for _, f in ipairs(assert(glocal.lint(T.fixture(name)))) do
      found = found or (f.rule == rule and f.severity == "error")
    end
    T.ok(found, name .. " reports " .. rule)
  end
end)

T.run()
