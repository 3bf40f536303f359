-- Every error code, with its location for bundle errors.
local T = require "testlib"
local glocal = require "glocal"

local function open_fails(name, code, line, column)
  local file = T.fixture(name) .. "/base.yaml"
  local message, info = T.fails(code, glocal.open(T.fixture(name)))
  T.eq(info.file, file, name .. " file")
  T.eq(info.line, line, name .. " line")
  T.eq(info.column, column, name .. " column")
  T.ok(message:sub(1, #file + 1) == file .. ":", name .. " message starts with the location: " .. message)
  T.ok(message:find(string.format("%s:%d:%d: ", file, line, column), 1, true), message)
end

T.test("yaml syntax", function() open_fails("bad-yaml", "GLOCAL_ERR_SYNTAX", 6, 4) end)
T.test("template syntax", function() open_fails("bad-template", "GLOCAL_ERR_SYNTAX", 7, 12) end)
T.test("schema", function() open_fails("bad-schema", "GLOCAL_ERR_SCHEMA", 1, 9) end)
T.test("limit", function() open_fails("bad-limit", "GLOCAL_ERR_LIMIT", 7, 23) end)

T.test("io", function()
  T.fails("GLOCAL_ERR_IO", glocal.open(T.fixture("no-such-catalog")))
  T.fails("GLOCAL_ERR_IO", glocal.lint(T.fixture("no-such-catalog")))
end)

T.test("assert(glocal.open(...)) raises with the location", function()
  T.raises(function() assert(glocal.open(T.fixture("bad-schema"))) end,
           T.fixture("bad-schema") .. "/base.yaml:1:9: ")
end)

local cat = assert(glocal.open(T.fixture("shop")))

T.test("not found", function()
  T.fails("GLOCAL_ERR_NOT_FOUND", cat:format("no.such.message", "de"))
  T.fails("GLOCAL_ERR_NOT_FOUND", cat:format("promo.summer", "fr")) -- an orphan
end)

T.test("argument", function()
  T.fails("GLOCAL_ERR_ARGUMENT", cat:format("greeting", "de", {}))
  T.fails("GLOCAL_ERR_ARGUMENT", cat:format("greeting", "de"))
  T.fails("GLOCAL_ERR_ARGUMENT", cat:format("greeting", "de", {name = 5}))
  T.fails("GLOCAL_ERR_ARGUMENT", cat:format("cart.total", "de", {total = 19}))
  T.fails("GLOCAL_ERR_ARGUMENT", cat:format("stats.visitors", "de", {n = glocal.money("1", "EUR")}))
  T.fails("GLOCAL_ERR_ARGUMENT", cat:format("order.delayed", "de", {name = "A", order = "B", eta = "tomorrow"}))
end)

T.test("locale", function()
  for _, bad in ipairs({"de--CH", "", "not a locale", "x"}) do
    T.fails("GLOCAL_ERR_LOCALE", cat:format("greeting", bad, {name = "A"}))
  end
  T.fails("GLOCAL_ERR_LOCALE", cat:profile("de--CH", "tone"))
end)

T.test("invalid", function()
  local args = {name = "A"}
  T.fails("GLOCAL_ERR_INVALID", cat:format("greeting", "de", args, {formality = "sloppy"}))
  T.fails("GLOCAL_ERR_INVALID", cat:format("greeting", "de", args, {channel = "SMS"}))
  T.fails("GLOCAL_ERR_INVALID", cat:format("greeting", "de", args, {time_zone = "Mars/Olympus_Mons"}))
  T.fails("GLOCAL_ERR_INVALID", cat:format("greeting", "de", {name = "\xff\xfe"}))
  T.fails("GLOCAL_ERR_INVALID", cat:format("greeting", "de", {name = "A\0B"}))
  T.fails("GLOCAL_ERR_INVALID", cat:format("greeting", "de", {["first-name"] = "A"}))
  T.fails("GLOCAL_ERR_INVALID", cat:format("stats.visitors", "de", {n = 0/0}))
  T.fails("GLOCAL_ERR_INVALID", cat:format("stats.visitors", "de", {n = math.huge}))
  T.fails("GLOCAL_ERR_INVALID", cat:profile("de", "colour"))
  T.fails("GLOCAL_ERR_INVALID", glocal.money("1.2.3", "EUR"))
  T.fails("GLOCAL_ERR_INVALID", glocal.money("1", "EURO"))
  T.fails("GLOCAL_ERR_INVALID", glocal.decimal("1,5"))
end)

T.test("refused values carry the library's message", function()
  local cases = {
    {"greeting", {["first-name"] = "A"}, "`first-name` is not an argument name ([A-Za-z_][A-Za-z0-9_]*)"},
    {"greeting", {name = "\xff"}, "text argument `name` is not valid UTF-8"},
    {"stats.visitors", {n = 0/0}, "number argument `n` is NaN"},
    {"stats.visitors", {n = -math.huge}, "number argument `n` is infinite"},
  }
  for _, c in ipairs(cases) do
    local message, info = T.fails("GLOCAL_ERR_INVALID", cat:format(c[1], "de", c[2]))
    T.eq(message, c[3], "message")
    T.eq(info.message, c[3], "info.message")
  end
  T.eq(T.fails("GLOCAL_ERR_INVALID", glocal.money("1", "XYZ")),
       "money argument `value`: the currency is not an ISO 4217 code ICU knows (e.g. EUR, JPY)",
       "money")
  local message = T.fails("GLOCAL_ERR_INVALID", glocal.decimal("1e99999"))
  T.ok(message:find("^number argument `value` is not a decimal number"), message)
  T.eq(assert(glocal.decimal("1E+300")).value, "1E+300", "an exponent the library accepts")
  T.eq(assert(cat:format("stats.visitors", "en", {n = glocal.decimal("1E+300")})),
       "1" .. string.rep(",000", 100) .. " visitors", "written in full by the library")
end)

T.test("limit on output", function()
  local big = string.rep("x", 256 * 1024)
  T.fails("GLOCAL_ERR_LIMIT", cat:format("order.delayed", "en",
    {name = big, order = big:rep(3), eta = glocal.date(0)}))
end)

T.run()
