#!/usr/bin/env bash
# The main job on the shipped catalog: set up, lint locales/, and render
# sample messages across locales, formality and channels.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

glocal=build/tools/glocal
echo
echo "== glocal lint --werror locales"
"$glocal" lint --werror locales && echo "locales/: no findings"

render() { # LOCALE [OPTIONS...] -- message and args
  printf '%-8s %-34s ' "$1" "${*:2:2}"
  "$glocal" render locales "$@"
}
echo
echo "== order.delayed, one moment, many customers"
# name: the given name (most languages); full_name: family name first (ja, zh, ko)
args=(name=Anna "full_name=Anna Schmidt" order=A-17 eta=2026-12-01T09:30:00Z)
for loc in en-GB de de-CH fr fr-CA es es-MX pt ja ko zh-Hans zh-Hant ar ru hi; do
  printf '%-8s ' "$loc"
  "$glocal" render locales order.delayed --locale "$loc" "${args[@]}"
done
echo
echo "== the same customer, other contexts"
for ctx in "de --formality informal" "de-CH --channel sms" "pt-BR --channel whatsapp" \
           "ja --channel line" "ko --channel kakaotalk" "zh-Hans --channel wechat"; do
  set -- $ctx
  printf '%-28s ' "$ctx"
  "$glocal" render locales order.delayed --locale "$@" "${args[@]}"
done
echo
echo "== money, plurals, dates"
"$glocal" render locales refund.issued --locale de-CH name=Anna "full_name=Anna Keller" "amount=19.90 CHF" order=A-17 days=5
"$glocal" render locales refund.issued --locale fr name=Léa "full_name=Léa Martin" "amount=1234.5 EUR" order=A-17 days=1
"$glocal" render locales cart.items --locale ru count=21
"$glocal" render locales cart.items --locale ar count=3
"$glocal" render locales appointment.reminder --locale ja name=健太 "full_name=佐藤 健太" when=2026-12-01T01:30:00Z
"$glocal" render locales verification.code --locale hi --channel sms code=482913 minutes=10
echo
echo "== markets added in 1.1"
for loc in it nl pl tr uk he th vi id es-ES pt-PT zh-Hant-HK; do
  printf '%-10s ' "$loc"
  "$glocal" render locales order.delayed --locale "$loc" "${args[@]}"
done
for ctx in "sv --channel sms" "es-ES --channel whatsapp" "pt-PT --formality informal" \
           "id --channel whatsapp" "zh-Hant-HK --channel whatsapp"; do
  set -- $ctx
  printf '%-30s ' "$ctx"
  "$glocal" render locales order.shipped --locale "$@" name=Anna "full_name=Anna Schmidt" \
    order=A-17 carrier=DHL eta=2026-12-01
done
"$glocal" render locales cart.items --locale pl count=22
"$glocal" render locales ticket.received --locale he name=נועה ticket=A-17 hours=2
