-- Smoke test over the repository's shipped catalog (locales/), when given.
-- Its wording changes with the product, so only the shape is checked here.
local T = require "testlib"
local glocal = require "glocal"

local dir = os.getenv("GLOCAL_TEST_LOCALES")
local base = dir and io.open(dir .. "/base.yaml")
if base then base:close() end

if base then
  T.test("opens and formats in every locale", function()
    local cat <close> = assert(glocal.open(dir))
    local locales = cat:locales()
    T.ok(#locales > 0, "locales")
    table.insert(locales, 1, "en")
    for _, locale in ipairs(locales) do
      local text = assert(cat:format("greeting", locale, {name = "Anna", full_name = "Anna Schmidt"}))
      T.ok(#text > 0, locale)
    end
  end)

  T.test("lint reports no errors", function()
    local errors = {}
    for _, f in ipairs(assert(glocal.lint(dir))) do
      if f.severity == "error" then
        errors[#errors + 1] = string.format("%s:%d:%d: %s [%s]", f.file, f.line, f.column, f.message, f.rule)
      end
    end
    T.eq(table.concat(errors, "\n"), "", "errors")
  end)
else
  print("skipped: GLOCAL_TEST_LOCALES does not name a catalog")
end

T.run()
