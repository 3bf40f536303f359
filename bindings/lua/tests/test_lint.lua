-- glocal.lint: findings with location, severity, rule, locale and message id.
local T = require "testlib"
local glocal = require "glocal"

local function row(f)
  return table.concat({f.file, f.line, f.column, f.severity, f.rule, f.locale or "-",
                       f.message_id or "-"}, " ")
end

local function rows(findings, rule)
  local out = {}
  for _, f in ipairs(findings) do
    if rule == nil or f.rule == rule then out[#out + 1] = row(f) end
  end
  return out
end

local function has(list, wanted)
  for _, r in ipairs(list) do if r == wanted then return true end end
  return false
end

local d = T.fixture("lint")
local findings = assert(glocal.lint(d))

T.test("an error and an orphan warning", function()
  local dup = rows(findings, "duplicate-key")
  T.eq(#dup, 1, "one duplicate-key")
  T.ok(dup[1]:find(d .. "/fr.yaml 5 3 error duplicate-key", 1, true) == 1, dup[1])
  T.eq(table.concat(rows(findings, "orphan"), "\n"), d .. "/de.yaml 5 3 warning orphan de farewell", "orphan")
end)

T.test("warning rules (whitespace, dropped-arg)", function()
  local all = rows(findings)
  T.ok(has(all, d .. "/base.yaml 7 12 warning whitespace - greeting")
       or has(all, d .. "/base.yaml 7 12 warning whitespace base greeting"),
       "whitespace finding in\n" .. table.concat(all, "\n"))
  T.ok(has(all, d .. "/de.yaml 4 13 warning dropped-arg de greeting"),
       "dropped-arg finding in\n" .. table.concat(all, "\n"))
end)

T.test("finding tables", function()
  local prev
  for _, f in ipairs(findings) do
    T.ok(f.severity == "error" or f.severity == "warning", "severity")
    T.ok(type(f.message) == "string" and f.message ~= "", "message")
    T.eq(math.type(f.line), "integer", "line")
    T.eq(math.type(f.column), "integer", "column")
    local key = string.format("%s\0%09d\0%09d\0%s", f.file, f.line, f.column, f.rule)
    T.ok(prev == nil or prev <= key, "sorted by file, line, column, rule")
    prev = key
  end
end)

T.test("a locked override is a lint error, and the catalog still opens", function()
  local shop = T.fixture("shop")
  T.eq(table.concat(rows(assert(glocal.lint(shop)), "locked"), "\n"),
       shop .. "/de.yaml 16 3 error locked de legal.footer", "locked")
  assert(glocal.open(shop)):close()
end)

T.test("broken bundles are findings", function()
  for name, want in pairs({["bad-yaml"] = "6 4 error yaml-syntax",
                           ["bad-schema"] = "1 9 error schema",
                           ["bad-template"] = "7 12 error template-syntax"}) do
    local dir = T.fixture(name)
    local all = rows(assert(glocal.lint(dir)))
    local found = false
    for _, r in ipairs(all) do
      found = found or r:find(dir .. "/base.yaml " .. want, 1, true) == 1
    end
    T.ok(found, name .. ": " .. want .. " in\n" .. table.concat(all, "\n"))
  end
end)

T.run()
