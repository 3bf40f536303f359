-- cat:negotiate(header): an Accept-Language value to the locale to serve.
local T = require "testlib"
local glocal = require "glocal"

local cat = assert(glocal.open(T.fixture("shop"))) -- ar de de-CH fr zh zh-Hant; base en

T.test("regional entry kept when its chain starts at the match", function()
  T.eq(cat:negotiate("fr-CH, fr;q=0.9, en;q=0.5"), "fr-CH", "fr-CH")
  T.eq(cat:negotiate("de-AT"), "de-AT", "de-AT")
end)

T.test("weights order the entries", function()
  T.eq(cat:negotiate("de;q=0.2, fr;q=0.8"), "fr", "heavier first")
  T.eq(cat:negotiate("de;q=0, fr;q=0.5"), "fr", "q=0 is never served")
end)

T.test("never across scripts", function()
  local locale = cat:negotiate("zh-TW")
  T.eq(locale, "zh-TW", "zh-TW")
  T.eq(cat:format("greeting", locale, {name = "小明"}), "您好，小明！歡迎光臨。", "Traditional text")
end)

T.test("base language as last resort", function()
  T.eq(cat:negotiate("pt-BR, it;q=0.5"), "en", "nothing matches")
  T.eq(cat:negotiate("ja, *;q=0.1"), "en", "wildcard")
end)

T.test("malformed headers fail, never guess", function()
  for _, h in ipairs({"en;q=1.5", "de,,fr", "x!", "fr;q=x", ""}) do
    T.fails("GLOCAL_ERR_LOCALE", cat:negotiate(h))
  end
  T.fails("GLOCAL_ERR_INVALID", cat:negotiate("de\0fr"))
  T.fails("GLOCAL_ERR_INVALID", cat:negotiate("\xff"))
end)

T.test("programmer mistakes raise", function()
  T.raises(function() cat:negotiate() end, "string expected")
  T.raises(function() cat:negotiate({}) end, "string expected")
  local closed = assert(glocal.open(T.fixture("shop")))
  closed:close()
  T.raises(function() closed:negotiate("de") end, "closed")
end)

T.run()
