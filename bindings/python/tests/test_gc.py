"""Catalogs, requests, arguments and errors are all released: RSS stays flat."""

import decimal
import gc
import unittest
from datetime import datetime, timezone

from support import fixture, rss_bytes
import glocal

SLACK = 4 << 20  # bytes of RSS growth tolerated (allocator noise)


def grown(fn, warmup: int, rounds: int) -> int:
    for _ in range(warmup):
        fn()
    gc.collect()
    before = rss_bytes()
    for _ in range(rounds):
        fn()
    gc.collect()
    return rss_bytes() - before


class GcTest(unittest.TestCase):
    def test_open_and_drop_10000_catalogs(self):
        path = fixture("shop")
        growth = grown(lambda: glocal.Catalog(path), 300, 10_000)
        self.assertLess(growth, SLACK)

    def test_catalogs_in_reference_cycles_are_released(self):
        path = fixture("shop")

        def cycle():
            cat = glocal.Catalog(path)
            cat.me = cat  # only the cycle collector can free it
        # warm up past the collector's first full cycles, so that the baseline
        # already holds the most catalogs that wait for it at once
        self.assertLess(grown(cycle, 2000, 5000), SLACK)

    def test_format_releases_everything(self):
        cat = glocal.Catalog(fixture("shop"))
        args = {"name": "Anna", "order": "A-17", "count": 3, "n": decimal.Decimal("12.5"),
                "total": glocal.Money("19.90", "EUR"),
                "eta": datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)}

        def once():
            cat.format("order.delayed", "de-CH", args, formality="informal",
                       time_zone="Europe/Zurich", isolation="always")
            cat.explain("cart.total", "fr", args)
            cat.profile("de-CH", "channels")
        self.assertLess(grown(once, 500, 10_000), SLACK)

    def test_results_and_reading_release_everything(self):
        cat = glocal.Catalog(fixture("shop"))
        args = {"name": "Anna", "order": "A-17",
                "eta": datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)}

        def once():
            cat.format_result("order.delayed", "fr-CA", args, channel="sms", fallbacks=["de"])
            cat.messages()
            cat.variants("de-CH", "order.delayed")
            cat.chain("de-CH")
            cat.terms("de")
            glocal.rules()
            for call in (lambda: cat.variants("de", "no.such.id"),
                         lambda: cat.format_result("greeting", "fr", {}, fallbacks=["x y"])):
                try:
                    call()
                except glocal.Error:
                    pass
        self.assertLess(grown(once, 300, 5000), SLACK)

    def test_failures_release_everything(self):
        cat = glocal.Catalog(fixture("shop"))
        bad_yaml = fixture("bad-yaml")

        def once():
            for call in (lambda: glocal.Catalog(bad_yaml),
                         lambda: cat.format("no.such.id", "de"),
                         lambda: cat.format("greeting", "de--CH", {"name": "A"}),
                         lambda: cat.format("greeting", "de", {}),
                         lambda: cat.format("greeting", "de", {"name": "A"}, time_zone="Mars/X"),
                         lambda: cat.format("greeting", "de", {"name": True})):
                try:
                    call()
                except (glocal.Error, TypeError):
                    pass
        self.assertLess(grown(once, 300, 3000), SLACK)

    def test_lint_releases_everything(self):
        path = fixture("lint")
        self.assertLess(grown(lambda: glocal.lint(path), 200, 2000), SLACK)


if __name__ == "__main__":
    unittest.main()
