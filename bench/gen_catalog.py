#!/usr/bin/env python3
"""Writes the large benchmark catalog, deterministically (python3 stdlib only).

    gen_catalog.py OUTDIR [MESSAGES]     (MESSAGES: 2500 unless given; fewer for profiling)

OUTDIR/catalog/      base.yaml + 40 locale bundles (28 languages translating
                     every message, 12 regional bundles overriding part of them)
OUTDIR/workloads.json  the benchmark's workloads (message, locale, context,
                     arguments) and the same messages in each Node peer's syntax
OUTDIR/workloads.tsv   the same workloads for the C++ driver
OUTDIR/gettext/de.po   the literal messages for glibc gettext
OUTDIR/messages.tsv    every message id with its arguments (name:type)
OUTDIR/manifest.json   counts: bundles, messages, templates, bytes, sha256

The text is pseudo-language (each language's script and plural categories,
made-up words), so that sizes, scripts and structure are realistic without
shipping real translations.  The same input always gives byte-identical output.
"""
import hashlib
import json
import os
import random
import shutil
import sys

N_MESSAGES = 2500

# ---- locales ----------------------------------------------------------------

# language bundle -> (script family, cardinal plural categories that integers
# 0-999 select, per CLDR 42 / ICU 72)
LANGUAGES = {
    "de": ("latin-de", ["one", "other"]),
    "es": ("latin-es", ["one", "other"]),
    "fr": ("latin-fr", ["one", "other"]),
    "it": ("latin-it", ["one", "other"]),
    "pt": ("latin-pt", ["one", "other"]),
    "nl": ("latin", ["one", "other"]),
    "sv": ("latin-sv", ["one", "other"]),
    "da": ("latin-sv", ["one", "other"]),
    "nb": ("latin-sv", ["one", "other"]),
    "fi": ("latin-fi", ["one", "other"]),
    "pl": ("latin-pl", ["one", "few", "many", "other"]),
    "cs": ("latin-cs", ["one", "few", "other"]),
    "ru": ("cyrillic", ["one", "few", "many", "other"]),
    "uk": ("cyrillic", ["one", "few", "many", "other"]),
    "tr": ("latin-tr", ["one", "other"]),
    "el": ("greek", ["one", "other"]),
    "hu": ("latin-hu", ["one", "other"]),
    "ro": ("latin-ro", ["one", "few", "other"]),
    "ja": ("ja", ["other"]),
    "ko": ("ko", ["other"]),
    "zh-Hans": ("zh-hans", ["other"]),
    "zh-Hant": ("zh-hant", ["other"]),
    "ar": ("arabic", ["zero", "one", "two", "few", "many", "other"]),
    "he": ("hebrew", ["one", "two", "other"]),
    "hi": ("devanagari", ["one", "other"]),
    "th": ("thai", ["other"]),
    "vi": ("latin-vi", ["other"]),
    "id": ("latin", ["other"]),
}

# regional bundle -> its language bundle (whose text it adjusts)
REGIONS = {
    "de-CH": "de", "de-AT": "de", "es-MX": "es", "es-419": "es", "es-AR": "es",
    "fr-CA": "fr", "fr-CH": "fr", "pt-PT": "pt", "nl-BE": "nl",
    "en-GB": "base", "en-AU": "base", "en-IN": "base",
}

PROFILES = {
    "de": {"formality": "formal", "time_zone": "Europe/Berlin", "channels": ["email", "sms"]},
    "de-CH": {"time_zone": "Europe/Zurich"},
    "de-AT": {"time_zone": "Europe/Vienna"},
    "es": {"formality": "informal", "time_zone": "Europe/Madrid", "channels": ["whatsapp", "email"]},
    "es-MX": {"time_zone": "America/Mexico_City"},
    "es-AR": {"time_zone": "America/Argentina/Buenos_Aires"},
    "fr": {"formality": "formal", "time_zone": "Europe/Paris"},
    "fr-CA": {"time_zone": "America/Toronto", "formality": "informal"},
    "fr-CH": {"time_zone": "Europe/Zurich"},
    "it": {"tone": "warm", "time_zone": "Europe/Rome"},
    "pt": {"formality": "informal", "time_zone": "America/Sao_Paulo", "channels": ["whatsapp"]},
    "pt-PT": {"formality": "formal", "time_zone": "Europe/Lisbon"},
    "nl": {"formality": "informal", "time_zone": "Europe/Amsterdam"},
    "nl-BE": {"time_zone": "Europe/Brussels"},
    "ja": {"formality": "honorific", "tone": "neutral", "time_zone": "Asia/Tokyo",
           "channels": ["line", "email"]},
    "ko": {"formality": "formal", "time_zone": "Asia/Seoul", "channels": ["kakaotalk"]},
    "zh-Hans": {"time_zone": "Asia/Shanghai", "channels": ["wechat"]},
    "zh-Hant": {"time_zone": "Asia/Taipei", "channels": ["line"]},
    "ar": {"formality": "formal", "time_zone": "Asia/Riyadh"},
    "he": {"time_zone": "Asia/Jerusalem"},
    "hi": {"time_zone": "Asia/Kolkata", "channels": ["whatsapp", "sms"]},
    "ru": {"formality": "formal", "time_zone": "Europe/Moscow"},
    "en-GB": {"time_zone": "Europe/London"},
    "en-AU": {"time_zone": "Australia/Sydney", "tone": "direct"},
    "en-IN": {"time_zone": "Asia/Kolkata"},
}

# ---- words --------------------------------------------------------------------

EN_WORDS = (
    "your account order payment card delivery parcel address profile password email "
    "phone number code link request update change review team support message reply "
    "ticket case note item cart basket store shop return refund invoice receipt plan "
    "subscription trial offer discount voucher reward point level member service time "
    "day week month today tomorrow soon now again please thank you sorry great good new "
    "ready sent received shipped delayed confirmed cancelled saved removed added opened "
    "closed checked verified expired renewed paused started finished available missing "
    "we have been will can could should must may just still already here there with for "
    "from about into over after before while until when this that these those our their "
    "the a an and or but so if as at on in to of by it is are was were be get see find "
    "keep let make take give send check try use help need want know tell show"
).split()

SYLLABLES = {
    "latin": "ba be bi bo da de di do ka ke ko la le li lo ma me mi mo na ne ni no ra re ri "
             "ro sa se si so ta te ti to va ve vi wo en an er in ol ar".split(),
    "latin-de": "ge ver ung schaft lich keit be ein aus über für bä mö tü straß heit "
                "sch ach ich en er ste nde zu ab an".split(),
    "latin-es": "ción pa ra que la de el en ño ña mos es ta te ri ca co lo da do ví ó á".split(),
    "latin-fr": "le la les ment tion é è ê à ç eau oir eur ons ais nous vous re de "
                "pa ti qu ou".split(),
    "latin-it": "zio ne la le gli chi che mente ri pa to ta co ca à ò è ino etto".split(),
    "latin-pt": "ção ões ã õ ê é lh nh pa ra de do da que men to te mos vo ça".split(),
    "latin-sv": "ö ä å ar er ing lig het sk st fr ju va de to ni ma".split(),
    "latin-fi": "kk ll ss ä ö in en lla llä ssa ssä ta tä ko ke pa ma ja".split(),
    "latin-pl": "ą ę ł ń ó ś ź ż cz sz rz prz wy na po ko ta ni ja".split(),
    "latin-cs": "č ř š ž ě á í ú ů pro při na ko ta ni je".split(),
    "latin-tr": "ğ ı ş ç ö ü lar ler dir mek mak ba ka ta ya".split(),
    "latin-hu": "ő ű á é ó sz gy ny zs ban ben nak nek ta ke".split(),
    "latin-ro": "ă â î ș ț ul ea re ta ni co pe".split(),
    "latin-vi": "ngư ời đư ợc củ a không hàng gử i bạn đã thanh toán".split(),
    "cyrillic": "за ка ни по ро ст ва ль ть ше жи ый ой ие ся на до от бы".split(),
    "greek": "πα ρα κα λώ το τη σα μα νέ ου ει ός ής".split(),
    "arabic": "ال من في على تم طل ب شك را لك كم".split(),
    "hebrew": "של את ה ל ב מ הז מנ תך נש לח".split(),
    "devanagari": "आप का की है में नम स्ते धन्य वाद ऑर्डर".split(),
    "thai": "ขอ บ คุณ การ สั่ง ซื้อ ของ คุณ ได้ รับ แล้ว".split(),
}
CJK = {
    "ja": "ご注文お客様確認配送支払返金予定日時間ありがとうございますしましたできます商品発送受付完了変更",
    "ko": "주문고객님배송결제환불확인감사합니다되었습니다상품변경완료예정",
    "zh-hans": "您的订单已确认发货付款退款客户服务谢谢时间日期商品变更完成预计",
    "zh-hant": "您的訂單已確認發貨付款退款客戶服務謝謝時間日期商品變更完成預計",
}
NO_SPACES = {"ja", "zh-hans", "zh-hant", "thai"}


def word(family, rng):
    if family == "en":
        return rng.choice(EN_WORDS)
    if family in CJK:
        chars = CJK[family]
        return "".join(rng.choice(chars) for _ in range(rng.randint(2, 4)))
    if family == "ko":
        return "".join(rng.choice(CJK["ko"]) for _ in range(rng.randint(2, 3)))
    syl = SYLLABLES.get(family) or SYLLABLES["latin"]
    return "".join(rng.choice(syl) for _ in range(rng.randint(1, 3)))


def words(family, rng, n):
    sep = "" if family in NO_SPACES else " "
    return sep.join(word(family, rng) for _ in range(n))


# ---- message structure ----------------------------------------------------------
# A template is a list of tokens:
#   ("w", n)               n words of literal text
#   ("p", s)               punctuation, attached to the token before it
#   ("arg", name)          {name}
#   ("num", name, style)   {name, number[, style]}
#   ("date", name, style)  {name, date, style}
#   ("time", name, style)  {name, time, style}
#   ("cur", name)          {name, number, currency}
#   ("term", name)         {-name}
#   ("plural", name, [words per branch])
#   ("select", name, keys, [words per branch])

KINDS = [("literal", 28), ("text", 27), ("plural", 14), ("select", 4), ("number", 5),
         ("date", 9), ("money", 8), ("date_money", 3), ("term", 2)]
VARIANT_KEYS = ["formal", "informal", "sms", "email", "whatsapp", "push", "chat", "formal+sms",
                "informal+whatsapp", "formal+email", "warm", "direct+sms",
                "formal+empathetic+email", "informal+playful+whatsapp"]
SHORT_CHANNELS = ("sms", "push")
TEXT_ARGS = ["name", "order", "store", "ticket", "agent", "carrier", "plan", "city", "code"]
DATE_STYLES = ["short", "medium", "long", "full"]


def pick_kind(rng):
    total = sum(w for _, w in KINDS)
    x = rng.randrange(total)
    for k, w in KINDS:
        if x < w:
            return k
        x -= w
    raise AssertionError


def skeleton(kind, rng):
    """The message's structure in base: tokens and argument declarations."""
    toks, args = [], {}

    def text_arg():
        name = rng.choice(TEXT_ARGS)
        args[name] = "text"
        return ("arg", name)

    toks.append(("w", rng.randint(2, 5)))
    if kind == "literal":
        toks += [("p", ","), ("w", rng.randint(3, 8))]
    elif kind == "text":
        for _ in range(rng.randint(1, 3)):
            toks += [text_arg(), ("w", rng.randint(1, 4))]
    elif kind == "term":
        toks += [("term", rng.choice(["brand", "care-team"])), ("w", rng.randint(2, 5)),
                 text_arg()]
    elif kind == "plural":
        if rng.random() < 0.5:
            toks += [text_arg(), ("p", ",")]
        name = rng.choice(["count", "days", "hours", "items"])
        args[name] = "number"
        toks += [("w", 2), ("plural", name, rng.randint(1, 3))]
    elif kind == "select":
        name = rng.choice(["gender", "role"])
        args[name] = "text"
        keys = ["female", "male", "other"] if name == "gender" else ["admin", "owner", "other"]
        toks += [("select", name, keys, rng.randint(2, 4)), text_arg()]
    elif kind == "number":
        name = rng.choice(["points", "score", "quantity"])
        args[name] = "number"
        toks += [("num", name, rng.choice(["", "", "integer"])), ("w", 2)]
        if rng.random() < 0.3:
            args["share"] = "number"
            toks += [("num", "share", "percent")]
    elif kind in ("date", "date_money"):
        args["eta"] = "date"
        toks += [("date", "eta", rng.choice(DATE_STYLES))]
        if rng.random() < 0.4:
            toks += [("w", 1), ("time", "eta", "short")]
    if kind in ("money", "date_money"):
        name = rng.choice(["total", "amount", "price"])
        args[name] = "money"
        toks += [("w", rng.randint(1, 3)), ("cur", name)]
    toks.append(("p", "."))
    return toks, args


def render(toks, family, cats, rng, short=False):
    """Template text for one language (family), using its plural categories."""
    sep = "" if family in NO_SPACES else " "
    out = []

    def lit(n):
        return words(family, rng, min(n, 3) if short else n)

    for t in toks:
        k = t[0]
        if k == "w":
            piece = lit(t[1])
        elif k == "p":
            if out:
                out[-1] += t[1]
            continue
        elif k == "arg":
            piece = "{%s}" % t[1]
        elif k == "num":
            piece = "{%s, number%s}" % (t[1], ", " + t[2] if t[2] else "")
        elif k == "date":
            piece = "{%s, date, %s}" % (t[1], t[2])
        elif k == "time":
            piece = "{%s, time, %s}" % (t[1], t[2])
        elif k == "cur":
            piece = "{%s, number, currency}" % t[1]
        elif k == "term":
            piece = "{-%s}" % t[1]
        elif k == "plural":
            branches = []
            for c in cats:
                branches.append("%s {# %s}" % (c, lit(t[2])))
            piece = "{%s, plural, %s}" % (t[1], " ".join(branches))
        elif k == "select":
            branches = ["%s {%s}" % (key, lit(t[3])) for key in t[2]]
            piece = "{%s, select, %s}" % (t[1], " ".join(branches))
        else:
            raise AssertionError(k)
        out.append(piece)
    return sep.join(out)


# ---- the fixed messages the workloads format ------------------------------------

# id -> base text, or a map of variants; and the German (de) translation.
BENCH = {
    "bench.literal": {
        "args": {},
        "base": "Your changes have been saved.",
        "de": "Ihre Änderungen wurden gespeichert.",
    },
    "bench.text": {
        "args": {"name": "text", "order": "text", "store": "text"},
        "base": "Hi {name}, your order {order} is ready for pickup at {store}.",
        "de": "Hallo {name}, Ihre Bestellung {order} liegt in der Filiale {store} zur Abholung bereit.",
    },
    "bench.plural": {
        "args": {"name": "text", "count": "number"},
        "base": "{name}, you have {count, plural, one {# new message} other {# new messages}}.",
        "de": "{name}, Sie haben {count, plural, one {# neue Nachricht} other {# neue Nachrichten}}.",
        # the mf2 workload (glocal_bench.cpp): the same German in MessageFormat 2
        "de-mf2": (".input {$count :number}\n.match $count\n"
                   "one {{{$name}, Sie haben {$count} neue Nachricht.}}\n"
                   "* {{{$name}, Sie haben {$count} neue Nachrichten.}}"),
    },
    "bench.select": {
        "args": {"gender": "text", "name": "text"},
        "base": "{gender, select, female {{name} updated her profile.} male {{name} updated his "
                "profile.} other {{name} updated their profile.}}",
        "de": "{gender, select, female {{name} hat ihr Profil aktualisiert.} male {{name} hat sein "
              "Profil aktualisiert.} other {{name} hat das Profil aktualisiert.}}",
    },
    "bench.number": {
        "args": {"points": "number", "share": "number"},
        "base": "Your balance is {points, number} points ({share, number, percent} of your goal).",
        "de": "Ihr Guthaben beträgt {points, number} Punkte ({share, number, percent} Ihres Ziels).",
    },
    "bench.date": {
        "args": {"eta": "date"},
        "base": "Your delivery arrives on {eta, date, medium} at {eta, time, short}.",
        "de": "Ihre Lieferung kommt am {eta, date, medium} um {eta, time, short}.",
    },
    "bench.money": {
        "args": {"total": "money"},
        "base": "Total charged: {total, number, currency}.",
        "de": "Belastet: {total, number, currency}.",
    },
    "bench.date_money": {
        "args": {"order": "text", "total": "money", "eta": "date"},
        "base": "Order {order}: {total, number, currency}, delivery on {eta, date, long}.",
        "de": "Bestellung {order}: {total, number, currency}, Lieferung am {eta, date, long}.",
    },
    "bench.fallback": {  # new in base, not yet translated anywhere
        "args": {"name": "text", "invoice": "text"},
        "base": "Hi {name}, your invoice {invoice} is ready to download.",
    },
    "bench.variants": {
        "args": {"name": "text", "order": "text"},
        "base": {
            "other": "Hi {name}, your order {order} is running late.",
            "formal": "Dear {name}, we regret that your order {order} has been delayed.",
            "informal": "Hey {name}, heads up: order {order} is running late.",
            "sms": "Order {order} is delayed. Sorry, {name}!",
            "email": "Hello {name}, a quick note: your order {order} is running late.",
            "formal+email": "Dear {name}, please accept our apologies: order {order} is delayed.",
            "formal+empathetic+email": "Dear {name}, we are truly sorry that your order {order} "
                                       "is late. We know how much you were looking forward to it.",
            "informal+playful+whatsapp": "Oops {name}! Order {order} took a detour. Back soon!",
            "formal+neutral+sms": "Order {order} delayed. Regards to {name}.",
            "informal+warm+chat": "Hi {name}! So sorry, order {order} needs a little longer.",
        },
        "de": {
            "other": "Hallo {name}, Ihre Bestellung {order} verspätet sich.",
            "formal": "Sehr geehrte Kundin, sehr geehrter Kunde {name}, Ihre Bestellung {order} verzögert sich leider.",
            "informal": "Hey {name}, kurze Info: Bestellung {order} kommt später.",
            "sms": "Bestellung {order} verspätet sich. Sorry, {name}!",
            "email": "Hallo {name}, eine kurze Nachricht: Ihre Bestellung {order} verspätet sich.",
            "formal+email": "Guten Tag {name}, bitte entschuldigen Sie: Bestellung {order} verzögert sich.",
            "formal+empathetic+email": "Guten Tag {name}, es tut uns aufrichtig leid, dass sich Ihre "
                                       "Bestellung {order} verspätet. Wir wissen, wie sehr Sie sich darauf gefreut haben.",
            "informal+playful+whatsapp": "Hoppla {name}! Bestellung {order} macht einen Umweg. Bald da!",
            "formal+neutral+sms": "Bestellung {order} verspätet. Grüße an {name}.",
            "informal+warm+chat": "Hallo {name}! Tut uns leid, Bestellung {order} braucht etwas länger.",
        },
    },
}

DATE_MS = 1796117400000  # 2026-12-01T09:30:00Z

# Workloads: which message, for whom, with what.  Arguments: name -> [type, value...]
WORKLOADS = [
    {"name": "literal", "kind": "literal", "id": "bench.literal", "locale": "de", "args": {}},
    {"name": "text", "kind": "text", "id": "bench.text", "locale": "de",
     "args": {"name": ["text", "Anna"], "order": ["text", "K-204817"], "store": ["text", "Berlin Mitte"]}},
    {"name": "plural", "kind": "plural", "id": "bench.plural", "locale": "de",
     "args": {"name": ["text", "Anna"], "count": ["int", 3]}},
    {"name": "select", "kind": "plural", "id": "bench.select", "locale": "de",
     "args": {"gender": ["text", "female"], "name": ["text", "Anna"]}},
    {"name": "number", "kind": "plural", "id": "bench.number", "locale": "de",
     "args": {"points": ["int", 1234567], "share": ["double", 0.42]}},
    {"name": "date", "kind": "plural", "id": "bench.date", "locale": "de",
     "zone": "America/New_York", "args": {"eta": ["date", DATE_MS]}},
    {"name": "money", "kind": "money", "id": "bench.money", "locale": "de",
     "args": {"total": ["money", "1234.50", "EUR"]}},
    {"name": "date_money", "kind": "date_money", "id": "bench.date_money", "locale": "de",
     "zone": "America/New_York",
     "args": {"order": ["text", "K-204817"], "total": ["money", "1234.50", "EUR"],
              "eta": ["date", DATE_MS]}},
    {"name": "fallback", "kind": "text", "id": "bench.fallback", "locale": "es-MX",
     "args": {"name": ["text", "Ana"], "invoice": ["text", "F-2026-0042"]}},
    {"name": "variants", "kind": "text", "id": "bench.variants", "locale": "de",
     "formality": "formal", "tone": "empathetic", "channel": "email",
     "args": {"name": ["text", "Anna"], "order": ["text", "K-204817"]}},
]

# The same messages as each Node peer spells them (German unless noted).
PEERS = {
    "bench.literal": {
        "fluent": "Ihre Änderungen wurden gespeichert.",
        "i18next": {"bench.literal": "Ihre Änderungen wurden gespeichert."},
    },
    "bench.text": {
        "fluent": "Hallo { $name }, Ihre Bestellung { $order } liegt in der Filiale { $store } zur Abholung bereit.",
        "i18next": {"bench.text": "Hallo {{name}}, Ihre Bestellung {{order}} liegt in der Filiale {{store}} zur Abholung bereit."},
    },
    "bench.plural": {
        "fluent": "{ $name }, Sie haben { $count ->\n    [one] { $count } neue Nachricht\n   *[other] { $count } neue Nachrichten\n}.",
        "i18next": {"bench.plural_one": "{{name}}, Sie haben {{count}} neue Nachricht.",
                    "bench.plural_other": "{{name}}, Sie haben {{count}} neue Nachrichten."},
        "i18next_count": "count",
    },
    "bench.select": {
        "fluent": "{ $gender ->\n    [female] { $name } hat ihr Profil aktualisiert.\n    [male] { $name } hat sein Profil aktualisiert.\n   *[other] { $name } hat das Profil aktualisiert.\n}",
        "i18next": {"bench.select_female": "{{name}} hat ihr Profil aktualisiert.",
                    "bench.select_male": "{{name}} hat sein Profil aktualisiert.",
                    "bench.select": "{{name}} hat das Profil aktualisiert."},
        "i18next_context": "gender",
    },
    "bench.number": {
        "fluent": "Ihr Guthaben beträgt { $points } Punkte ({ $share } Ihres Ziels).",
        "fluent_options": {"share": {"style": "percent"}},
        "i18next": {"bench.number": "Ihr Guthaben beträgt {{points, number}} Punkte ({{share, number(style: percent)}} Ihres Ziels)."},
    },
    "bench.date": {
        "fluent": "Ihre Lieferung kommt am { DATETIME($eta, dateStyle: \"medium\") } um { DATETIME($eta, timeStyle: \"short\") }.",
        "i18next": {"bench.date": "Ihre Lieferung kommt am {{eta, datetime(dateStyle: medium; timeZone: America/New_York)}} um {{eta, datetime(timeStyle: short; timeZone: America/New_York)}}."},
    },
    "bench.money": {
        "fluent": "Belastet: { $total }.",
        "i18next": {"bench.money": "Belastet: {{total, currency(EUR)}}."},
    },
    "bench.date_money": {
        "fluent": "Bestellung { $order }: { $total }, Lieferung am { DATETIME($eta, dateStyle: \"long\") }.",
        "i18next": {"bench.date_money": "Bestellung {{order}}: {{total, currency(EUR)}}, Lieferung am {{eta, datetime(dateStyle: long; timeZone: America/New_York)}}."},
    },
    "bench.fallback": {
        "fluent_locale": "en",
        "fluent": "Hi { $name }, your invoice { $invoice } is ready to download.",
        "i18next_locale": "en",
        "i18next": {"bench.fallback": "Hi {{name}}, your invoice {{invoice}} is ready to download."},
    },
}


def fluent_id(mid):
    return mid.replace(".", "-").replace("_", "-")


def peer_variants():
    """bench.variants: every variant, in each peer's syntax, keyed as in YAML."""
    out = {}
    for key, text in BENCH["bench.variants"]["de"].items():
        fl = text.replace("{name}", "{ $name }").replace("{order}", "{ $order }")
        i1 = text.replace("{name}", "{{name}}").replace("{order}", "{{order}}")
        out[key] = {"icu": text, "fluent": fl, "i18next": i1}
    return out


# ---- writing YAML -------------------------------------------------------------------

def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Bundle:
    def __init__(self, locale):
        self.locale = locale
        self.head = []
        self.msgs = []  # (id, scalar text | list of (key, text) | dict with _args)

    def text(self):
        lines = ["# Generated by bench/gen_catalog.py; do not edit.", "glocal: 1",
                 "locale: %s" % self.locale]
        lines += self.head
        lines.append("messages:")
        for mid, body, meta in self.msgs:
            if isinstance(body, str) and not meta:
                lines.append("  %s: %s" % (mid, q(body)))
                continue
            lines.append("  %s:" % mid)
            if meta.get("args"):
                lines.append("    _args: {%s}" % ", ".join("%s: %s" % kv for kv in meta["args"].items()))
            if meta.get("note"):
                lines.append("    _note: %s" % q(meta["note"]))
            if isinstance(body, str):
                lines.append("    other: %s" % q(body))
            else:
                for key, text in body:
                    lines.append("    %s: %s" % (key, q(text)))
        return "\n".join(lines) + "\n"


def profile_lines(loc):
    p = PROFILES.get(loc)
    if not p:
        return []
    out = ["profile:"]
    for k in ("formality", "tone", "time_zone"):
        if k in p:
            out.append("  %s: %s" % (k, p[k]))
    if "channels" in p:
        out.append("  channels: [%s]" % ", ".join(p["channels"]))
    return out


def message_ids(rng):
    areas = ["account", "order", "payment", "delivery", "support", "loyalty", "cart", "profile",
             "security", "billing", "returns", "store", "review", "subscription", "promo",
             "onboarding", "settings", "notification", "invoice", "gift"]
    objects = ["card", "address", "item", "parcel", "ticket", "plan", "voucher", "password",
               "email", "phone", "refund", "reward", "session", "device", "receipt", "slot",
               "basket", "wishlist", "rating", "badge"]
    events = ["created", "updated", "removed", "failed", "expired", "reminder", "confirmed",
              "delayed", "ready", "summary"]
    ids = ["%s.%s.%s" % (a, o, e) for a in areas for o in objects for e in events]
    rng.shuffle(ids)
    return sorted(ids[:N_MESSAGES - len(BENCH)])


def main():
    global N_MESSAGES
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: gen_catalog.py OUTDIR [MESSAGES]")
    out = sys.argv[1]
    if len(sys.argv) == 3:
        N_MESSAGES = int(sys.argv[2])
    cat_dir = os.path.join(out, "catalog")
    os.makedirs(cat_dir, exist_ok=True)
    for f in os.listdir(cat_dir):
        if f.endswith(".yaml"):
            os.remove(os.path.join(cat_dir, f))

    rng = random.Random("glocal-bench-1")
    ids = message_ids(rng)
    # the structure of every generated message, decided once
    specs = {}
    for mid in ids:
        r = random.Random("spec/" + mid)
        kind = pick_kind(r)
        toks, args = skeleton(kind, r)
        keys = ["other"]
        if r.random() < 0.35:
            keys += sorted(r.sample(VARIANT_KEYS, r.randint(1, 4)), key=VARIANT_KEYS.index)
        new = r.random() < 0.01          # added to base, not translated yet
        locked = not new and r.random() < 0.004
        specs[mid] = {"kind": kind, "toks": toks, "args": args, "keys": keys,
                      "declared": r.random() < 0.7, "new": new, "locked": locked}

    def variant_text(mid, key, family, cats, lang):
        s = specs[mid]
        r = random.Random("text/%s/%s/%s" % (lang, mid, key))
        return render(s["toks"], family, cats, r, short=key.split("+")[-1] in SHORT_CHANNELS)

    bundles = {}
    # ---- base
    base = Bundle("base")
    locked = [m for m in ids if specs[m]["locked"]]
    base.head = ["language: en"] + ["profile:", "  tone: warm"] + [
        "channels:", "  sms: {max_length: 160}", "  push: {max_length: 178}",
        "terms:", "  brand: Zephyr", "  care-team: Zephyr Care",
        "locked: [%s]" % ", ".join(locked + ["-brand"])]
    all_ids = sorted(ids + list(BENCH))
    for mid in all_ids:
        if mid in BENCH:
            b = BENCH[mid]
            body = b["base"] if isinstance(b["base"], str) else list(b["base"].items())
            base.msgs.append((mid, body, {"args": b["args"]}))
            continue
        s = specs[mid]
        meta = {"args": s["args"] if s["declared"] else {},
                "note": "Generated %s message." % s["kind"] if len(s["keys"]) > 1 else ""}
        variants = [(k, variant_text(mid, k, "en", ["one", "other"], "en")) for k in s["keys"]]
        if len(variants) == 1 and not meta["args"] and not meta["note"]:
            base.msgs.append((mid, variants[0][1], {}))
        elif len(variants) == 1:
            base.msgs.append((mid, variants[0][1], meta))
        else:
            base.msgs.append((mid, variants, meta))
    bundles["base"] = base

    # ---- languages: every message except new and locked ones
    for lang, (family, cats) in LANGUAGES.items():
        b = Bundle(lang)
        b.head = profile_lines(lang) + ["terms:", "  care-team: %s" % q(
            "Zephyr " + words(family, random.Random("term/" + lang), 1))]
        for mid in all_ids:
            if mid in BENCH:
                if lang == "de" and "de" in BENCH[mid]:
                    t = BENCH[mid]["de"]
                    b.msgs.append((mid, t if isinstance(t, str) else list(t.items()), {}))
                continue
            s = specs[mid]
            if s["new"] or s["locked"]:
                continue
            vs = [(k, variant_text(mid, k, family, cats, lang)) for k in s["keys"]]
            b.msgs.append((mid, vs[0][1] if len(vs) == 1 else vs, {}))
        bundles[lang] = b

    # ---- regions: a third of the messages, some maps only adding a variant
    for loc, parent in REGIONS.items():
        b = Bundle(loc)
        b.head = profile_lines(loc)
        if parent == "base":
            family, cats, plang = "en", ["one", "other"], "en"
        else:
            (family, cats), plang = LANGUAGES[parent], parent
        for mid in all_ids:
            if mid in BENCH:
                continue
            s = specs[mid]
            r = random.Random("region/%s/%s" % (loc, mid))
            if s["new"] or s["locked"] or r.random() >= 0.33:
                continue
            if len(s["keys"]) > 1 and parent != "base" and r.random() < 0.5:
                # adds or replaces one variant of the language's map
                key = r.choice(s["keys"][1:])
                b.msgs.append((mid, [(key, variant_text(mid, key, family, cats, loc))], {}))
                continue
            vs = [(k, variant_text(mid, k, family, cats, loc)) for k in s["keys"]]
            b.msgs.append((mid, vs[0][1] if len(vs) == 1 else vs, {}))
        bundles[loc] = b

    assert len(bundles) == 41, len(bundles)
    total_bytes, templates, defs = 0, 0, 0
    digest = hashlib.sha256()
    for loc in sorted(bundles):
        text = bundles[loc].text()
        data = text.encode("utf-8")
        with open(os.path.join(cat_dir, loc + ".yaml"), "wb") as f:
            f.write(data)
        digest.update(loc.encode() + b"\0" + data)
        total_bytes += len(data)
        for _, body, _ in bundles[loc].msgs:
            defs += 1
            templates += 1 if isinstance(body, str) else len(body)

    # ---- catalog-mf2/: base as above, de's bench.plural in MessageFormat 2 (the mf2 workload)
    mf2_dir = os.path.join(out, "catalog-mf2")
    os.makedirs(mf2_dir, exist_ok=True)
    shutil.copyfile(os.path.join(cat_dir, "base.yaml"), os.path.join(mf2_dir, "base.yaml"))
    de_mf2 = ["glocal: 1", "syntax: mf2", "locale: de"] + profile_lines("de") + [
        "messages:", "  bench.plural: |"] + [
        "    " + line for line in BENCH["bench.plural"]["de-mf2"].split("\n")]
    with open(os.path.join(mf2_dir, "de.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(de_mf2) + "\n")

    # ---- workloads and peers
    wl = []
    for w in WORKLOADS:
        w = dict(w)
        mid = w["id"]
        if mid == "bench.variants":
            w["peer_variants"] = peer_variants()
        else:
            p = PEERS[mid]
            w["icu"] = BENCH[mid].get("de") if w["locale"] == "de" else BENCH[mid]["base"]
            w["fluent"] = "%s = %s" % (fluent_id(mid), p["fluent"])
            w["fluent_id"] = fluent_id(mid)
            w["i18next"] = p["i18next"]
            for k in ("i18next_count", "i18next_context", "fluent_locale", "i18next_locale",
                      "fluent_options"):
                if k in p:
                    w[k] = p[k]
        wl.append(w)
    with open(os.path.join(out, "workloads.json"), "w", encoding="utf-8") as f:
        json.dump({"date_ms": DATE_MS, "workloads": wl}, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out, "workloads.tsv"), "w", encoding="utf-8") as f:
        for w in WORKLOADS:
            args = ";".join("%s=%s" % (k, ":".join(str(x) for x in v)) for k, v in w["args"].items())
            f.write("\t".join([w["name"], w["kind"], w["id"], w["locale"], w.get("formality", "-"),
                               w.get("tone", "-"), w.get("channel", "-"), w.get("zone", "-"),
                               args or "-"]) + "\n")
    po_dir = os.path.join(out, "gettext")
    os.makedirs(po_dir, exist_ok=True)
    with open(os.path.join(po_dir, "de.po"), "w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n')
        f.write('msgid "%s"\nmsgstr "%s"\n\n' % (BENCH["bench.literal"]["base"], BENCH["bench.literal"]["de"]))
        # the rest of the German literal messages, so the lookup table is not trivially small
        seen = {BENCH["bench.literal"]["base"]}
        for mid in ids:
            s = specs[mid]
            if s["kind"] == "literal" and len(s["keys"]) == 1 and not s["new"] and not s["locked"]:
                en = variant_text(mid, "other", "en", ["one", "other"], "en")
                de = variant_text(mid, "other", "latin-de", ["one", "other"], "de")
                if en in seen:
                    continue
                seen.add(en)
                f.write('msgid "%s"\nmsgstr "%s"\n\n' % (en.replace('"', '\\"'), de.replace('"', '\\"')))
    # every base message and its arguments, for `glocal-bench dump` (differential checks)
    with open(os.path.join(out, "messages.tsv"), "w", encoding="utf-8") as f:
        for mid in all_ids:
            args = BENCH[mid]["args"] if mid in BENCH else specs[mid]["args"]
            f.write("%s\t%s\n" % (mid, ",".join("%s:%s" % kv for kv in sorted(args.items())) or "-"))
    manifest = {"bundles": len(bundles), "locales": len(bundles) - 1, "base_messages": len(all_ids),
                "message_definitions": defs, "templates": templates, "yaml_bytes": total_bytes,
                "sha256": digest.hexdigest()}
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
