"""One catalog shared by many threads."""

import decimal
import threading
import unittest
from datetime import datetime, timezone

from support import fixture
import glocal

ETA = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)

CASES = [
    ("order.delayed", "de-CH", {"name": "Anna", "order": "A-17", "eta": ETA},
     {"formality": "informal", "time_zone": "Europe/Zurich"}),
    ("order.delayed", "de", {"name": "Anna", "order": "A-17", "eta": ETA}, {"channel": "sms"}),
    ("order.delayed", "en-GB", {"name": "Sam", "order": "B-2", "eta": ETA}, {}),
    ("cart.items", "de", {"count": 1}, {}),
    ("cart.items", "en", {"count": 7}, {}),
    ("cart.total", "fr", {"total": glocal.Money("1234.5", "EUR")}, {}),
    ("cart.total", "de-CH", {"total": glocal.Money("19.90", "CHF")}, {}),
    ("stats.visitors", "fr", {"n": decimal.Decimal("1234567.25")}, {}),
    ("greeting", "ar", {"name": "Anna"}, {}),
    ("greeting", "zh-TW", {"name": "小明"}, {}),
]


class ThreadTest(unittest.TestCase):
    def test_eight_threads_format_concurrently(self):
        with glocal.Catalog(fixture("shop")) as cat:
            expected = [cat.format(i, loc, args, **kw) for i, loc, args, kw in CASES]
            barrier = threading.Barrier(8)
            failures = []

            def work(k: int) -> None:
                barrier.wait()
                for n in range(400):
                    j = (n + k) % len(CASES)
                    message_id, locale, args, kw = CASES[j]
                    try:
                        got = cat.format(message_id, locale, args, **kw)
                    except Exception as exc:  # recorded, then reported by the main thread
                        failures.append((k, j, repr(exc)))
                        return
                    if got != expected[j]:
                        failures.append((k, j, got))

            threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(failures, [])

    def test_close_while_other_threads_format(self):
        cat = glocal.Catalog(fixture("shop"))
        started = threading.Barrier(5)
        outcomes = []

        def work() -> None:
            started.wait()
            while True:
                try:
                    text = cat.format("greeting", "de", {"name": "Anna"})
                except ValueError:  # closed: the only failure allowed
                    outcomes.append("closed")
                    return
                if text != "Hallo Anna!":
                    outcomes.append(text)
                    return

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        started.wait()
        cat.close()
        for t in threads:
            t.join()
        self.assertEqual(outcomes, ["closed"] * 4)


if __name__ == "__main__":
    unittest.main()
