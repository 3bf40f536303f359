-- A compiled catalog file (glocal compile, docs/compiled.md) opens through the
-- same glocal.open(path) as its directory and formats exactly as the directory
-- does.  GLOCAL_TEST_COMPILED names bindings/fixtures/shop compiled by the CLI
-- at build time.
local T = require "testlib"
local glocal = require "glocal"

local compiled = os.getenv("GLOCAL_TEST_COMPILED")
local ETA = 1796117400000 -- 2026-12-01T09:30:00Z

if compiled then
  T.test("formats as its directory", function()
    local comp <close> = assert(glocal.open(compiled))
    local yaml <close> = assert(glocal.open(T.fixture("shop")))
    local locales = comp:locales()
    T.eq(table.concat(locales, " "), "ar de de-CH fr zh zh-Hant", "locales")
    T.eq(table.concat(locales, " "), table.concat(yaml:locales(), " "), "the directory's locales")
    local calls = {
      {"order.delayed", {name = "Anna", order = "A-17", eta = glocal.date(ETA)}},
      {"cart.items", {count = 1500}},
      {"cart.total", {total = glocal.money("19.90", "EUR")}},
      {"greeting", {name = "Anna"}},
      {"stats.visitors", {n = 3}},
      {"help.hours", {}},
      {"legal.footer", {}},
    }
    table.insert(locales, 1, "en")
    table.insert(locales, 2, "de-AT")
    for _, locale in ipairs(locales) do
      for _, call in ipairs(calls) do
        local want = assert(yaml:format(call[1], locale, call[2]))
        T.eq(assert(comp:format(call[1], locale, call[2])), want, locale .. " " .. call[1])
      end
    end
    T.eq(assert(comp:format("cart.items", "de-CH", {count = 1500})), "1’500 Artikel", "de-CH")
  end)

  T.test("a damaged file is an error, not a crash", function()
    local f = assert(io.open(compiled, "rb"))
    local head = f:read(100)
    f:close()
    local path = os.tmpname()
    f = assert(io.open(path, "wb"))
    f:write(head) -- the header cut short
    f:close()
    local message = T.fails("GLOCAL_ERR_SYNTAX", glocal.open(path))
    os.remove(path)
    T.ok(message:find(path, 1, true) == 1, "the message names the file: " .. message)
  end)
end

T.run()
