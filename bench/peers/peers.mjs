// The Node peers of bench/run: each workload of workloads.json through
// intl-messageformat, @fluent/bundle and i18next, written the way a user of
// each library would write it (formatters built once, a lookup by message id
// and locale on every call, the request's time zone applied), timed the way
// glocal-bench times glocal.  Prints one JSON object: peer -> workload ->
// {ns: [per repetition], out: the formatted text}.  bench/run compares each
// `out` with glocal's and reports a ratio only where they are equal.
//
//   node peers.mjs WORKLOADS_JSON [REPS [WORKLOAD]]
import { readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import { FluentBundle, FluentDateTime, FluentNumber, FluentResource } from "@fluent/bundle";
import i18next from "i18next";

const [, , file, repsArg, only] = process.argv;
const REPS = Number(repsArg || 7);
const workloads = JSON.parse(readFileSync(file, "utf8")).workloads
  .filter((w) => !only || w.name === only);

// ---- timing, as glocal-bench does it: calibrate to ~60 ms, then repeat ----
// CPU time (process.cpuUsage, in ns) unless GLOCAL_BENCH_CLOCK=wall, like
// glocal-bench; the process's CPU time also counts V8's helper threads (GC).
const WALL = process.env.GLOCAL_BENCH_CLOCK === "wall";
const tick = WALL ? () => Number(process.hrtime.bigint())
  : () => { const u = process.cpuUsage(); return (u.user + u.system) * 1000; };
let sink = 0;
function timePerCall(fn, n) {
  const t0 = tick();
  for (let i = 0; i < n; i++) sink += fn().length;
  return (tick() - t0) / n;
}
function measure(fn) {
  for (let i = 0; i < 2000; i++) sink += fn().length; // JIT warm-up
  let n = 1;
  for (;;) {
    const t0 = tick();
    for (let i = 0; i < n; i++) sink += fn().length;
    const ms = (tick() - t0) / 1e6;
    if (ms > 60 / 8) {
      n = Math.max(1, Math.round((n * 60) / ms));
      break;
    }
    n *= 4;
  }
  const ns = [];
  for (let r = 0; r < REPS; r++) ns.push(timePerCall(fn, n));
  return ns;
}

// ---- arguments: glocal's typed values as each library takes them ----
function jsArgs(w) {
  const a = {};
  for (const [name, v] of Object.entries(w.args)) {
    const [type, value] = v;
    if (type === "text") a[name] = value;
    else if (type === "date") a[name] = new Date(Number(value));
    else a[name] = Number(value); // int, double, money amount
  }
  return a;
}
const currencyOf = (w) => Object.values(w.args).find((v) => v[0] === "money")?.[2];

// glocal's variant choice (docs/resolution.md#variants): channel beats formality beats tone.
const AXES = {
  formal: "formality", informal: "formality", honorific: "formality",
  neutral: "tone", warm: "tone", direct: "tone", playful: "tone", empathetic: "tone",
};
const WEIGHT = { channel: 4, formality: 2, tone: 1 };
function chooseVariant(keys, ctx) {
  let best = "other", bestScore = 0;
  for (const key of keys) {
    if (key === "other") continue;
    let score = 0;
    for (const v of key.split("+")) {
      const axis = AXES[v] || "channel";
      if (ctx[axis] !== v) { score = -1; break; }
      score += WEIGHT[axis];
    }
    if (score > bestScore) { best = key; bestScore = score; }
  }
  return best;
}
const contextOf = (w) => ({ formality: w.formality, tone: w.tone, channel: w.channel });

// The chain a user of a chain-less library walks for es-MX (CLDR parents).
const CHAINS = { "es-MX": ["es-MX", "es-419", "es", "en"], de: ["de", "en"] };

// ---- intl-messageformat ----
// ICU's date and time styles as Intl styles, in the request's zone; the
// library's own defaults for these names (year, month, ...) are cleared,
// since Intl refuses them beside dateStyle/timeStyle.
function imfFormats(w) {
  const tz = w.zone ? { timeZone: w.zone } : {};
  const cur = currencyOf(w);
  const clear = { weekday: undefined, era: undefined, year: undefined, month: undefined,
                  day: undefined, hour: undefined, minute: undefined, second: undefined,
                  timeZoneName: undefined };
  const styles = (key) => Object.fromEntries(["short", "medium", "long", "full"].map(
    (s) => [s, { ...clear, [key]: s, ...tz }]));
  return {
    date: styles("dateStyle"),
    time: styles("timeStyle"),
    number: cur ? { currency: { style: "currency", currency: cur } } : {},
  };
}
function imfCase(w) {
  const args = jsArgs(w);
  const catalogs = new Map(); // locale -> Map(id -> IntlMessageFormat)
  const add = (loc, id, pattern) => {
    if (!catalogs.has(loc)) catalogs.set(loc, new Map());
    catalogs.get(loc).set(id, new IntlMessageFormat(pattern, loc, imfFormats(w), { ignoreTag: true }));
  };
  if (w.peer_variants) {
    for (const [key, v] of Object.entries(w.peer_variants)) add(w.locale, `${w.id}|${key}`, v.icu);
    const keys = Object.keys(w.peer_variants), ctx = contextOf(w);
    return () => catalogs.get(w.locale).get(`${w.id}|${chooseVariant(keys, ctx)}`).format(args);
  }
  const chain = CHAINS[w.locale] || [w.locale];
  add(w.fluent_locale || w.locale, w.id, w.icu);
  return () => {
    for (const loc of chain) {
      const m = catalogs.get(loc)?.get(w.id);
      if (m) return m.format(args);
    }
    throw new Error("not found");
  };
}

// ---- @fluent/bundle ----
// Fluent leaves currency, percent and time zone to the developer, who passes
// them with the value (FTL may not set them).
function fluentArgs(w) {
  const args = {};
  for (const [name, v] of Object.entries(w.args)) {
    const [type, value, cur] = v;
    const opts = (w.fluent_options || {})[name] || {};
    if (type === "text") args[name] = value;
    else if (type === "date")
      args[name] = new FluentDateTime(Number(value), w.zone ? { timeZone: w.zone } : {});
    else if (type === "money")
      args[name] = new FluentNumber(Number(value), { style: "currency", currency: cur });
    else args[name] = Object.keys(opts).length ? new FluentNumber(Number(value), opts) : Number(value);
  }
  return args;
}

function fluentCase(w) {
  const args = fluentArgs(w);
  const bundles = new Map();
  const add = (loc, text) => {
    if (!bundles.has(loc)) bundles.set(loc, new FluentBundle(loc, { useIsolating: false }));
    const errors = bundles.get(loc).addResource(new FluentResource(text));
    if (errors.length) throw errors[0];
  };
  const run = (bundle, id) => {
    const errors = [];
    const out = bundle.formatPattern(bundle.getMessage(id).value, args, errors);
    if (errors.length) throw errors[0];
    return out;
  };
  if (w.peer_variants) {
    const keys = Object.keys(w.peer_variants), ctx = contextOf(w);
    const fid = (key) => `bench-variants-${key.replace(/\+/g, "-")}`;
    add(w.locale, keys.map((k) => `${fid(k)} = ${w.peer_variants[k].fluent}`).join("\n"));
    return () => run(bundles.get(w.locale), fid(chooseVariant(keys, ctx)));
  }
  const chain = CHAINS[w.locale] || [w.locale];
  add(w.fluent_locale || w.locale, w.fluent);
  return () => {
    for (const loc of chain) {
      const b = bundles.get(loc);
      if (b && b.hasMessage(w.fluent_id)) return run(b, w.fluent_id);
    }
    throw new Error("not found");
  };
}

// ---- i18next ----
function i18nextCase(w) {
  const args = jsArgs(w);
  const resources = {};
  let key = w.id, extra = {};
  if (w.peer_variants) {
    resources[w.locale] = { translation: {} };
    for (const [k, v] of Object.entries(w.peer_variants))
      resources[w.locale].translation[`${w.id}|${k}`] = v.i18next;
  } else {
    resources[w.i18next_locale || w.locale] = { translation: w.i18next };
  }
  const fallbackLng = w.locale === "es-MX" ? ["es-419", "es", "en"] : ["en"];
  const i18n = i18next.createInstance();
  i18n.init({
    lng: w.locale, fallbackLng, resources, initAsync: false, keySeparator: false,
    nsSeparator: false, interpolation: { escapeValue: false }, showSupportNotice: false,
  });
  if (w.i18next_count) extra = { count: args[w.i18next_count] };
  if (w.i18next_context) extra = { context: args[w.i18next_context] };
  const opts = { ...args, ...extra };
  if (w.peer_variants) {
    const keys = Object.keys(w.peer_variants), ctx = contextOf(w);
    return () => i18n.t(`${w.id}|${chooseVariant(keys, ctx)}`, opts);
  }
  return () => i18n.t(key, opts);
}

// ---- run ----
const peers = { "intl-messageformat": imfCase, "@fluent/bundle": fluentCase, i18next: i18nextCase };
const result = { node: process.version, icu: process.versions.icu,
                 clock: WALL ? "wall" : "process-cpu", peers: {} };
for (const [peer, make] of Object.entries(peers)) {
  result.peers[peer] = {};
  for (const w of workloads) {
    try {
      const fn = make(w);
      const out = fn();
      result.peers[peer][w.name] = { out, ns: measure(fn) };
    } catch (e) {
      result.peers[peer][w.name] = { error: String(e && e.message ? e.message : e) };
    }
  }
}
result.sink = sink % 10;
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
