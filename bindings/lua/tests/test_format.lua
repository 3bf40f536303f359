-- Resolution and typed arguments, with exact expected output (taken from
-- libglocal with ICU 72 data: fr groups with U+202F and puts U+00A0 before €,
-- de-CH writes "CHF", U+00A0, then the amount).
local T = require "testlib"
local glocal = require "glocal"

local FSI, PDI = "\u{2068}", "\u{2069}"
local NNBSP, NBSP = "\u{202F}", "\u{A0}"
local ETA = 1796117400000          -- 2026-12-01T09:30:00Z
local LATE = 1796167800000         -- 2026-12-01T23:30:00Z

local cat = assert(glocal.open(T.fixture("shop")))
local function order(eta) return {name = "Anna", order = "A-17", eta = glocal.date(eta or ETA)} end

local function is(expected, text, message, code)
  if text == nil then error(string.format("failed: %s (%s)", message, code), 2) end
  if text ~= expected then
    error(string.format("expected %q, got %q", expected, text), 2)
  end
end

T.test("formality from the profile chooses the formal variant", function()
  is("Guten Tag Anna, Ihre Bestellung A-17 verspätet sich bis 1. Dezember 2026.",
     cat:format("order.delayed", "de-CH", order()))
end)

T.test("requested formality chooses the informal variant", function()
  is("Hoi Anna, dini Bstellig A-17 chunnt erst am 1. Dezember 2026.",
     cat:format("order.delayed", "de-CH", order(), {formality = "informal"}))
  is("Hallo Anna, deine Bestellung A-17 kommt erst am 1. Dezember 2026.",
     cat:format("order.delayed", "de", order(), {formality = "informal"}))
end)

T.test("the channel variant beats formality", function()
  is("Acme: Bestellung A-17 verspätet, neu 01.12.26.",
     cat:format("order.delayed", "de-CH", order(), {formality = "informal", channel = "sms"}))
  is("Acme: order A-17 delayed, new date 12/1/26.",
     cat:format("order.delayed", "en-US", order(), {channel = "sms"}))
  is("Sorry Anna, order A-17 is late. New date: 1 Dec 2026.",
     cat:format("order.delayed", "en-GB", order(), {channel = "email"}))
end)

T.test("fallback de-CH -> de -> base", function()
  is("Hallo Anna!", cat:format("greeting", "de-CH", {name = "Anna"}))
  is("Our team answers from nine to five.", cat:format("help.hours", "de-CH"))
  is("Hello Anna!", cat:format("greeting", "pt-BR", {name = "Anna"}))
end)

T.test("zh-TW reaches zh-Hant, not zh (Simplified)", function()
  is("您好，小明！歡迎光臨。", cat:format("greeting", "zh-TW", {name = "小明"}))
  is("你好，小明！", cat:format("greeting", "zh-CN", {name = "小明"}))
end)

T.test("a locked message always comes from base", function()
  is("Acme Ltd. All rights reserved.", cat:format("legal.footer", "de"))
  is("Acme Ltd. All rights reserved.", cat:format("legal.footer", "de-CH"))
end)

T.test("locale spellings are canonicalized", function()
  is("Hallo Anna!", cat:format("greeting", "de_ch", {name = "Anna"}))
end)

T.test("bidi isolation", function()
  is("مرحبا " .. FSI .. "Anna" .. PDI .. "!", cat:format("greeting", "ar", {name = "Anna"}))
  is("مرحبا Anna!", cat:format("greeting", "ar", {name = "Anna"}, {isolation = "never"}))
  is("مرحبا ليلى!", cat:format("greeting", "ar", {name = "ليلى"}))
  is("Hello " .. FSI .. "ليلى" .. PDI .. "!", cat:format("greeting", "en", {name = "ليلى"}))
  is("Hello " .. FSI .. "Anna" .. PDI .. "!",
     cat:format("greeting", "en", {name = "Anna"}, {isolation = "always"}))
end)

T.test("html medium", function()
  -- the fixture's base.yaml declares `email: {medium: html}`
  local hostile = {name = "<img src=x onerror=alert(1)> & 'Tom' \"Jr\""}
  local raw = "Hello <img src=x onerror=alert(1)> & 'Tom' \"Jr\"!"
  local escaped = "Hello &lt;img src=x onerror=alert(1)&gt; &amp; &#39;Tom&#39; &quot;Jr&quot;!"
  is(escaped, cat:format("greeting", "en", hostile, {channel = "email"}))
  is(escaped, cat:format("greeting", "en", hostile, {channel = "email", medium = "channel"}))
  -- the request's medium overrides its channel's, both ways
  is(raw, cat:format("greeting", "en", hostile, {channel = "email", medium = "plain"}))
  is(escaped, cat:format("greeting", "en", hostile, {medium = "html"}))
  is(escaped, cat:format("greeting", "en", hostile, {channel = "sms", medium = "html"}))
  is(raw, cat:format("greeting", "en", hostile))
  is(raw, cat:format("greeting", "en", hostile, {channel = "sms"}))
  is("Acme Ltd. All rights reserved.", cat:format("legal.footer", "en", nil, {medium = "html"}))
  T.eq(assert(cat:format_result("greeting", "en", hostile, {medium = "html"})).text, escaped,
       "format_result")
  local text = assert(cat:explain("greeting", "en", hostile, {channel = "email", medium = "plain"}))
  T.ok(text:find("output: " .. raw, 1, true), "explain shows the plain output")
end)

T.test("money", function()
  is("Summe: CHF" .. NBSP .. "19.90", cat:format("cart.total", "de-CH", {total = glocal.money("19.90", "CHF")}))
  is("Total : 1" .. NNBSP .. "234,50" .. NBSP .. "€",
     cat:format("cart.total", "fr", {total = glocal.money("1234.5", "EUR")}))
  is("Total: €19.90", cat:format("cart.total", "en-US", {total = glocal.money("19.9", "EUR")}))
  is("Total: ¥1,234", cat:format("cart.total", "en-US", {total = glocal.money(1234, "JPY")}))
end)

T.test("dates and time zones", function()
  is("Sorry Anna, order A-17 is late. New date: Dec 1, 2026.",
     cat:format("order.delayed", "en-US", order(LATE)))
  is("Sorry Anna, order A-17 is late. New date: Dec 2, 2026.",
     cat:format("order.delayed", "en-US", order(LATE), {time_zone = "Pacific/Auckland"}))
  is("Hoi Anna, dini Bstellig A-17 chunnt erst am 2. Dezember 2026.",
     cat:format("order.delayed", "de-CH", order(LATE), {formality = "informal"}))
end)

T.test("numbers", function()
  is("1,234,567 visitors", cat:format("stats.visitors", "en", {n = 1234567}))
  is("2.5 visitors", cat:format("stats.visitors", "en", {n = 2.5}))
  is("1" .. NNBSP .. "234" .. NNBSP .. "567,25 visites",
     cat:format("stats.visitors", "fr", {n = glocal.decimal("1234567.25")}))
  is("1’234’567 Besuche", cat:format("stats.visitors", "de-CH", {n = 1234567}))
  is("9,223,372,036,854,775,807 visitors",
     cat:format("stats.visitors", "en", {n = math.maxinteger}))
  is("12,345,678,901,234,567.125 visitors",
     cat:format("stats.visitors", "en", {n = glocal.decimal("12345678901234567.125")}))
end)

T.test("plural", function()
  is("1 item", cat:format("cart.items", "en", {count = 1}))
  is("7 items", cat:format("cart.items", "en", {count = 7}))
  is("1.500 Artikel", cat:format("cart.items", "de", {count = 1500}))
end)

T.test("extra arguments are ignored; a numeric string is text", function()
  is("Hello Anna!", cat:format("greeting", "en", {name = "Anna", channel = "sms"}, {channel = "sms"}))
  is("Hello 42!", cat:format("greeting", "en", {name = "42"}))
end)

T.test("profile", function()
  T.eq(cat:profile("de-CH", "formality"), "formal", "formality")
  T.eq(cat:profile("de-CH", "channels"), "email,sms", "channels")
  T.eq(cat:profile("de-CH", "time_zone"), "Europe/Zurich", "time_zone")
  T.eq(cat:profile("de", "time_zone"), "", "unset")
  T.eq(cat:profile("fr", "tone"), "neutral", "tone from base")
end)

T.test("a text longer than the first buffer", function()
  -- the binding formats into a 1 KiB buffer first, then into one of the size needed
  for _, n in ipairs({1000, 1016, 1017, 5000, 100000}) do
    local name = string.rep("\u{E9}", n // 2) .. string.rep("x", n % 2)
    is("Hello " .. name .. "!", cat:format("greeting", "en", {name = name}))
  end
  is("Our team answers from nine to five.", cat:format("help.hours", "en"))
end)

T.test("explain", function()
  local text = assert(cat:explain("order.delayed", "de-CH", order(), {formality = "informal"}))
  for _, part in ipairs({"de-CH", "de.yaml", "base.yaml", "informal",
                         "Hoi Anna, dini Bstellig A-17 chunnt erst am 1. Dezember 2026."}) do
    T.ok(text:find(part, 1, true), "explain mentions " .. part)
  end
  T.eq(type(cat:explain("order.delayed", "de-CH", {})), "string", "argument problems are explained")
end)

T.test("glocal.day is the same calendar day in every zone", function()
  local days = assert(glocal.open(T.fixture("days")))
  for _, zone in ipairs({"Etc/GMT+12", "America/Los_Angeles", "Pacific/Kiritimati"}) do
    is("Arriving Dec 1, 2026.",
       days:format("delivery", "en-US", {eta = glocal.day(2026, 12, 1)}, {time_zone = zone}))
  end
  T.eq(tostring(glocal.day(2026, 12, 1)), "glocal.day(2026, 12, 1)", "tostring")
  T.ok(glocal.day(2026, 12, 1) == glocal.day(2026, 12, 1), "equality")
  T.raises(function() glocal.day(2026, 13, 1) end, "the month must be 1 to 12")
  local text, message = days:format("delivery", "en-US", {eta = glocal.day(2026, 2, 29)})
  T.eq(text, nil, "2026-02-29 is refused")
  T.ok(message:find("not a calendar day", 1, true), message)
end)

T.run()
