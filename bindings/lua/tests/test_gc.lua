-- Catalogs, requests, arguments and errors are all released: RSS stays flat.
local T = require "testlib"
local glocal = require "glocal"

local SLACK = 4 * 1024 * 1024

-- RSS growth over `rounds` calls of fn, after `warmup` calls.  Lua's collector
-- does not see the C memory behind a catalog, so a full collection runs every
-- 100 calls, as a long-running program's collector eventually would.
local function grown(fn, warmup, rounds)
  for _ = 1, warmup do fn() end
  collectgarbage("collect"); collectgarbage("collect")
  local before = T.rss()
  for i = 1, rounds do
    fn()
    if i % 100 == 0 then collectgarbage("collect") end
  end
  collectgarbage("collect"); collectgarbage("collect")
  return T.rss() - before
end

local shop = T.fixture("shop")

T.test("open and drop 10000 catalogs (__gc)", function()
  local growth = grown(function() assert(glocal.open(shop)) end, 300, 10000)
  T.ok(growth < SLACK, "RSS grew by " .. growth .. " bytes")
end)

T.test("open and close 10000 catalogs (<close>)", function()
  local growth = grown(function()
    local cat <close> = assert(glocal.open(shop))
  end, 300, 10000)
  T.ok(growth < SLACK, "RSS grew by " .. growth .. " bytes")
end)

T.test("format, explain and profile release everything", function()
  local cat <close> = assert(glocal.open(shop))
  local args = {name = "Anna", order = "A-17", count = 3, n = glocal.decimal("12.5"),
                total = glocal.money("19.90", "EUR"), eta = glocal.date(1796117400000)}
  local opts = {formality = "informal", time_zone = "Europe/Zurich", isolation = "always"}
  local growth = grown(function()
    assert(cat:format("order.delayed", "de-CH", args, opts))
    assert(cat:explain("cart.total", "fr", args))
    assert(cat:profile("de-CH", "channels"))
  end, 500, 10000)
  T.ok(growth < SLACK, "RSS grew by " .. growth .. " bytes")
end)

T.test("results and catalog reading release everything", function()
  local cat <close> = assert(glocal.open(shop))
  local args = {name = "Anna", order = "A-17", eta = glocal.date(1796117400000)}
  local opts = {channel = "sms", fallbacks = {"de"}}
  local growth = grown(function()
    assert(cat:format_result("order.delayed", "fr-CA", args, opts))
    cat:messages(); cat:axes(); cat:warnings(); glocal.rules()
    assert(cat:variants("de-CH", "order.delayed"))
    assert(cat:chain("de-CH"))
    assert(cat:terms("de"))
    assert(not cat:variants("de", "no.such.id"))
    assert(not cat:format_result("greeting", "fr", {}, {fallbacks = {"x y"}}))
    -- raised with a request that already has fallbacks: the scratch __gc frees it
    assert(not pcall(cat.format_result, cat, "greeting", "fr", {}, {fallbacks = {"de", 1}}))
  end, 300, 5000)
  T.ok(growth < SLACK, "RSS grew by " .. growth .. " bytes")
end)

T.test("failures and raised errors release everything", function()
  local cat <close> = assert(glocal.open(shop))
  local bad_yaml = T.fixture("bad-yaml")
  local growth = grown(function()
    assert(not glocal.open(bad_yaml))
    assert(not cat:format("no.such.id", "de"))
    assert(not cat:format("greeting", "de--CH", {name = "A"}))
    assert(not cat:format("greeting", "de", {}))
    assert(not cat:format("greeting", "de", {name = "A"}, {time_zone = "Mars/Olympus"}))
    -- raised after the request and arguments exist: the scratch __gc frees them
    assert(not pcall(cat.format, cat, "greeting", "de", {name = "A", x = true}))
    assert(not pcall(cat.format, cat, "greeting", "de", {name = "A"}, {formalty = "formal"}))
  end, 300, 3000)
  T.ok(growth < SLACK, "RSS grew by " .. growth .. " bytes")
end)

T.test("lint releases everything", function()
  local path = T.fixture("lint")
  local growth = grown(function() assert(glocal.lint(path)) end, 200, 2000)
  T.ok(growth < SLACK, "RSS grew by " .. growth .. " bytes")
end)

T.run()
