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
  T.test("codes are written as given, SMS are measured (1.1)", function()
    local cat <close> = assert(glocal.open(dir))
    local args = {code = glocal.code("482913"), minutes = 10}
    local text = assert(cat:format("verification.code", "ar", args, {isolation = "always"}))
    T.ok(text:find("482913", 1, true) ~= nil, "the code is there")
    T.ok(text:find("\u{2068}482913", 1, true) == nil, "and not isolated")
    local r = assert(cat:format_result("verification.code", "en", args, {channel = "sms"}))
    T.eq(r.sms.segments, 1, "segments")
    T.eq(r.sms.units, #r.text, "units")
    T.eq(r.sms.ucs2, false, "ucs2")
    T.eq(assert(cat:format_result("verification.code", "en", args)).sms, nil, "not an SMS")
  end)
else
  print("skipped: GLOCAL_TEST_LOCALES does not name a catalog")
end

T.test("glocal.sms_measure", function()
  local function m(text, segments, units, ucs2, what)
    local s, u, c = glocal.sms_measure(text)
    T.eq(s, segments, what .. " segments")
    T.eq(u, units, what .. " units")
    T.eq(c, ucs2, what .. " ucs2")
  end
  m("", 0, 0, false, "empty")
  m(string.rep("a", 160), 1, 160, false, "160")
  m(string.rep("a", 161), 2, 161, false, "161")
  m(string.rep("€", 81), 2, 162, false, "extension")
  m(string.rep("a", 69) .. "ê", 1, 70, true, "UCS-2 at 70")
  m(string.rep("a", 70) .. "ê", 2, 71, true, "UCS-2 at 71")
  m(string.rep("a", 66) .. "😀" .. string.rep("a", 66), 3, 134, true, "pair at a boundary")
  T.fails("GLOCAL_ERR_INVALID", glocal.sms_measure("a\xC3"))
end)

T.test("glocal.code", function()
  local c = assert(glocal.code("AB-12"))
  T.eq(c.value, "AB-12", "value")
  T.eq(tostring(c), "AB-12", "tostring")
  T.ok(c == glocal.code("AB-12"), "eq")
  T.fails("GLOCAL_ERR_ARGUMENT", glocal.code("48 29"))
end)

T.run()
