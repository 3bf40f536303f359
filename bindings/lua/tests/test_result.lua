-- What was served (cat:format_result), fallback locales and custom axes, with
-- exact values from the shop and axes fixtures.
local T = require "testlib"
local glocal = require "glocal"

local SHOP = T.fixture("shop")
local cat = assert(glocal.open(SHOP))
local ORDER = {name = "Anna", order = "A-17", eta = glocal.date(1796117400000)} -- 2026-12-01T09:30Z

local function same(actual, expected, what)
  if type(expected) ~= "table" then return T.eq(actual, expected, what) end
  T.eq(type(actual), "table", what)
  for k, v in pairs(expected) do same(actual[k], v, what .. "." .. tostring(k)) end
  for k in pairs(actual) do T.ok(expected[k] ~= nil, what .. "." .. tostring(k) .. " is unexpected") end
end

T.test("the result says what was served", function()
  local r = assert(cat:format_result("order.delayed", "de-CH", ORDER, {channel = "sms"}))
  same(r, {
    text = "Acme: Bestellung A-17 verspätet, neu 01.12.26.",
    bundle = "de", variant = "sms",              -- de-CH inherits it
    file = SHOP .. "/de.yaml", line = 11, column = 5,
    format_locale = "de-CH", language = "de-Latn", fallback = false,
    axes = {formality = {value = "formal", source = "profile", profile = "de"},
            tone = {value = "neutral", source = "profile", profile = "base"},
            channel = {value = "sms", source = "request"}},
    time_zone = "Europe/Zurich", time_zone_source = "profile", time_zone_profile = "de-CH",
  }, "result")
end)

T.test("the text is what format writes", function()
  for _, opts in ipairs({{}, {formality = "informal"}, {channel = "sms", time_zone = "UTC"}}) do
    T.eq(assert(cat:format_result("order.delayed", "de-CH", ORDER, opts)).text,
         assert(cat:format("order.delayed", "de-CH", ORDER, opts)), "text")
  end
end)

T.test("a language the catalog lacks is a fallback to base", function()
  local r = assert(cat:format_result("greeting", "it-CH", {name = "Anna"}))
  T.eq(r.bundle, "base", "bundle")
  T.eq(r.line, 26, "line")
  T.eq(r.fallback, true, "fallback")
  T.eq(r.language, "en-Latn", "language")
  T.eq(r.time_zone_source, "region", "zone source: Switzerland's only zone")
  T.eq(r.axes.channel, nil, "unset axes are absent")
end)

T.test("failures return nil, message, code as format does", function()
  T.fails("GLOCAL_ERR_NOT_FOUND", cat:format_result("no.such.message", "de"))
  T.fails("GLOCAL_ERR_ARGUMENT", cat:format_result("greeting", "de", {}))
  T.fails("GLOCAL_ERR_LOCALE", cat:format_result("greeting", "de--CH", {name = "A"}))
  T.raises(function() cat:format_result("greeting") end, "string expected")
end)

T.test("a fallback serves what the locale lacks", function()
  T.eq(cat:format("greeting", "fr-CA", {name = "Anna"}), "Hello Anna!", "without")
  T.eq(cat:format("greeting", "fr-CA", {name = "Anna"}, {fallbacks = {"de"}}), "Hallo Anna!", "with")
  T.eq(cat:format("cart.total", "fr-CA", {total = glocal.money("5", "EUR")}, {fallbacks = {"de"}}),
       "Total : 5,00\u{A0}€", "fr's own text first")
  local r = assert(cat:format_result("greeting", "fr-CA", {name = "Anna"}, {fallbacks = {"fr", "de"}}))
  T.eq(r.bundle, "de", "bundle")
  T.eq(r.line .. ":" .. r.column, "14:13", "where")
  T.eq(r.fallback, true, "fallback")
  T.eq(r.language, "de-Latn", "language")
  T.eq(r.axes.formality.profile, "de", "formality from de's profile")
  local text = assert(cat:explain("greeting", "fr-CA", {name = "Anna"}, {fallbacks = {"de"}}))
  T.ok(text:find("fallbacks: de\n", 1, true), "explain lists the fallbacks")
end)

T.test("refused fallbacks", function()
  local args = {name = "A"}
  local message = T.fails("GLOCAL_ERR_LOCALE",
                          cat:format("greeting", "fr-CA", args, {fallbacks = {"not a tag"}}))
  T.eq(message, "`not a tag` is not a well-formed BCP 47 locale tag (e.g. de-CH, pt-BR, zh-Hant)",
       "message")
  local nine = {}
  for i = 1, 9 do nine[i] = "de" end
  message = T.fails("GLOCAL_ERR_LIMIT", cat:format("greeting", "fr-CA", args, {fallbacks = nine}))
  T.eq(message, "a request has at most 8 fallback locales", "limit message")
  T.fails("GLOCAL_ERR_INVALID", cat:format("greeting", "fr-CA", args, {fallbacks = {"de\0x"}}))
  T.raises(function() cat:format("greeting", "fr-CA", args, {fallbacks = "de"}) end,
           "option 'fallbacks' must be an array of locales, not string")
  T.raises(function() cat:format("greeting", "fr-CA", args, {fallbacks = {"de", 1}}) end,
           "fallbacks[2] must be a string, not number")
end)

-- fixtures/axes: base.yaml declares experiment [arm_a, arm_b] and segment
-- [vip, newcomer], ranked after the built-in axes, and adds the channel kiosk.
local axes = assert(glocal.open(T.fixture("axes")))

T.test("custom axes select variants", function()
  local function promo(opts, locale) return assert(axes:format("promo", locale or "en", nil, opts)) end
  T.eq(promo({}), "Our offer", "none")
  T.eq(promo({experiment = "arm_a"}), "Our offer", "arm_a")
  T.eq(promo({experiment = "arm_b"}), "Our offer (B)", "arm_b")
  T.eq(promo({segment = "vip"}), "Your private offer", "vip")
  T.eq(promo({segment = "vip", experiment = "arm_b"}), "Your private offer (B)", "both")
  T.eq(promo({segment = "newcomer", experiment = "arm_b"}), "Our offer (B)", "experiment first")
  T.eq(promo({segment = "vip", formality = "formal"}),
       "We are pleased to present your private offer", "built-in outranks")
  T.eq(promo({channel = "kiosk"}), "Offer at the kiosk", "a channel base adds")
  T.eq(promo({segment = "newcomer", experiment = "arm_a", formality = "informal"}, "de"),
       "Willkommen: unser Angebot (A)", "de")
end)

T.test("the result knows custom axes", function()
  local r = assert(axes:format_result("promo", "de", nil, {segment = "newcomer", formality = "informal"}))
  same(r.axes, {formality = {value = "informal", source = "request"},
                segment = {value = "newcomer", source = "request"}}, "axes")
  T.eq(r.variant, "newcomer", "variant")
  T.eq(r.file, T.fixture("axes") .. "/de.yaml", "file")
end)

T.test("axis values are checked by the library, axis names against the catalog", function()
  local message = T.fails("GLOCAL_ERR_INVALID", axes:format("promo", "en", nil, {experiment = "vip"}))
  T.eq(message, "`vip` is not an experiment value of this catalog", "value")
  message = T.fails("GLOCAL_ERR_INVALID", axes:format("promo", "en", nil, {experiment = "ARM"}))
  T.eq(message, "experiment value must be a lowercase identifier ([a-z][a-z0-9_-]*)", "syntax")
  T.raises(function() axes:format("promo", "en", nil, {mood = "happy"}) end,
           "unknown option 'mood' (expected time_zone, isolation, medium, fallbacks or an axis of this " ..
           "catalog: formality, tone, channel, experiment, segment)")
  T.raises(function() cat:format("greeting", "en", {name = "A"}, {segment = "vip"}) end,
           "unknown option 'segment'")
  T.raises(function() axes:format("promo", "en", nil, {segment = 1}) end,
           "option 'segment' must be a string, not number")
end)

T.run()
