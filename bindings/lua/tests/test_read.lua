-- Reading a catalog: messages, variants, chains, terms, axes, language, open
-- warnings; the lint rules and the version number.
local T = require "testlib"
local glocal = require "glocal"

local SHOP = T.fixture("shop")
local cat = assert(glocal.open(SHOP))

T.test("messages", function()
  local ids = {}
  for i, m in ipairs(cat:messages()) do ids[i] = m.id end
  T.eq(table.concat(ids, " "), "cart.items cart.total greeting help.hours legal.footer " ..
       "order.delayed stats.visitors", "sorted ids")
  local m = cat:messages()[6]
  T.eq(m.id, "order.delayed", "id")
  T.eq(m.note, "Carrier reported a delay. Apologise and give the new date.", "note")
  T.eq(m.locked, false, "locked")
  T.eq(#m.args, 3, "args")
  T.eq(m.args[3].name .. ":" .. m.args[3].type, "eta:date", "third argument")
  local footer = cat:messages()[5]
  T.eq(footer.locked, true, "legal.footer is locked")
  T.eq(#footer.args, 0, "no arguments")
  T.eq(cat:messages()[4].note, "", "no note")
end)

T.test("variants", function()
  local vs = assert(cat:variants("de-CH", "order.delayed"))
  local keys = {}
  for i, v in ipairs(vs) do keys[i] = v.key .. "@" .. v.bundle end
  T.eq(table.concat(keys, " "), "informal@de-CH other@de formal@de sms@de", "keys, nearer first")
  local v = vs[1]
  T.eq(v.template, "Hoi {name}, dini Bstellig {order} chunnt erst am {eta, date, long}.", "template")
  T.eq(v.file, SHOP .. "/de-CH.yaml", "file")
  T.eq(v.line .. ":" .. v.column, "7:5", "where")
  T.eq(v.inherited, false, "own")
  T.eq(vs[4].inherited, true, "inherited")
  T.eq(vs[4].line, 11, "sms line")
  T.eq(assert(cat:variants("de", "legal.footer"))[1].locked, true, "locked")
  T.fails("GLOCAL_ERR_NOT_FOUND", cat:variants("de", "no.such.message"))
  T.fails("GLOCAL_ERR_LOCALE", cat:variants("de--CH", "greeting"))
  T.raises(function() cat:variants("de") end, "string expected")
end)

T.test("locked_by", function()
  T.eq(cat:locked_by("de-CH", "legal.footer"), "base", "base locks the footer")
  T.eq(cat:locked_by("de-CH", "greeting"), nil, "not locked")
  T.fails("GLOCAL_ERR_NOT_FOUND", cat:locked_by("de", "no.such.message"))
  T.fails("GLOCAL_ERR_LOCALE", cat:locked_by("de--CH", "greeting"))
end)

T.test("chain", function()
  local chain = assert(cat:chain("de-CH"))
  T.eq(#chain, 3, "length")
  T.eq(chain[1].bundle .. " " .. chain[2].bundle .. " " .. chain[3].bundle, "de-CH de base", "bundles")
  T.eq(chain[3].file, SHOP .. "/base.yaml", "file")
  T.eq(assert(cat:chain("zh-TW"))[1].bundle, "zh-Hant", "zh-TW reads zh-Hant")
  T.fails("GLOCAL_ERR_LOCALE", cat:chain("not a tag"))
end)

T.test("terms", function()
  local terms = assert(cat:terms("de-CH"))
  T.eq(#terms, 1, "count")
  local t = terms[1]
  T.eq(t.name .. "=" .. t.text, "brand=Acme", "brand")
  T.eq(t.bundle, "base", "bundle")
  T.eq(t.file, SHOP .. "/base.yaml", "file")
  T.eq(t.line .. ":" .. t.column, "9:3", "where")
  T.eq(t.inherited, true, "inherited")
  T.eq(t.locked, false, "locked")
  T.eq(assert(cat:terms("base"))[1].inherited, false, "base's own")
  T.fails("GLOCAL_ERR_LOCALE", cat:terms("de--CH"))
end)

T.test("axes and language", function()
  T.eq(cat:language(), "en", "language")
  local axes = cat:axes()
  T.eq(table.concat(axes, " "), "formality tone channel", "rank order")
  T.eq(table.concat(axes.formality, " "), "formal informal honorific", "formality")
  T.eq(axes.channel[2], "sms", "a channel")
  local custom <close> = assert(glocal.open(T.fixture("axes")))
  axes = custom:axes()
  T.eq(table.concat(axes, " "), "formality tone channel experiment segment", "custom axes last")
  T.eq(table.concat(axes.experiment, " "), "arm_a arm_b", "experiment")
  T.eq(table.concat(axes.segment, " "), "vip newcomer", "segment")
  T.eq(axes.channel[#axes.channel], "kiosk", "base's channel after the built-in ones")
end)

T.test("warnings", function()
  T.eq(#cat:warnings(), 0, "none")
  local quoted <close> = assert(glocal.open(T.fixture("open-quote")))
  local w = quoted:warnings()
  T.eq(#w, 1, "one")
  T.eq(w[1].file, T.fixture("open-quote") .. "/base.yaml", "file")
  T.eq(w[1].line .. ":" .. w[1].column, "7:12", "where")
  T.eq(w[1].severity .. " " .. w[1].rule, "warning template-syntax", "rule")
  T.eq(w[1].message_id, "hello", "message id")
  T.eq(w[1].message, assert(glocal.lint(T.fixture("open-quote")))[1].message, "lint says the same")
end)

T.test("a closed catalog cannot be read", function()
  local closed = assert(glocal.open(SHOP))
  closed:close()
  for _, method in ipairs({"messages", "axes", "language", "warnings"}) do
    T.raises(function() closed[method](closed) end, "attempt to use a closed glocal catalog")
  end
  T.raises(function() closed:variants("de", "greeting") end, "closed")
end)

T.test("rules", function()
  local rules = glocal.rules()
  T.eq(rules[1].id .. " " .. rules[1].severity, "yaml-syntax error", "first")
  T.eq(rules[1].summary, "YAML that does not parse", "summary")
  local seen, warnings = {}, false
  for _, r in ipairs(rules) do
    T.ok(not seen[r.id], "unique " .. r.id)
    seen[r.id] = true
    if warnings then T.eq(r.severity, "warning", "errors, then warnings") end
    warnings = warnings or r.severity == "warning"
    T.ok(#r.summary > 0, "summary of " .. r.id)
  end
  T.ok(warnings, "some rules warn")
  for _, f in ipairs(assert(glocal.lint(T.fixture("lint")))) do
    T.ok(seen[f.rule], "lint's rule " .. f.rule .. " is listed")
  end
end)

T.test("version number", function()
  T.eq(glocal.version_number(), 10100, "1.1.0")
  local major, minor, patch = glocal.version():match("^(%d+)%.(%d+)%.(%d+)$")
  T.eq(glocal.version_number(), major * 10000 + minor * 100 + patch, "matches version()")
end)

T.run()
