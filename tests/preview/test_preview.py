"""glocal preview: the page's cells, directions, escaping and filters, as a
browser sees them (headless Chromium's DOM after the page's script ran).

usage: test_preview.py GLOCAL LOCALES_DIR HOSTILE_DIR SAMPLES

Without Chromium the test is skipped (77), unless CI is set: CI installs it
(scripts/setup-test.sh), so there a missing browser is a failure.
"""

import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI, LOCALES, HOSTILE, SAMPLES = sys.argv[1:5]
BROWSER = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
RTL_LANGUAGES = ("ar", "he", "fa", "ur")


def preview(catalog, out, *extra):
    p = subprocess.run([CLI, "preview", catalog, "--out", out, *extra],
                       capture_output=True, text=True, check=False)
    return p.returncode, p.stderr


def browse(page, fragment="", screenshot=None):
    """The DOM after the page's script ran, and what the browser logged."""
    args = [BROWSER, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--enable-logging=stderr", "--v=0", "--window-size=1400,1800",
            "--user-data-dir=" + tempfile.mkdtemp(prefix="glocal-preview-chromium-")]
    args += ["--screenshot=" + screenshot] if screenshot else ["--dump-dom"]
    p = subprocess.run(args + ["file://" + os.path.abspath(page) + fragment],
                       capture_output=True, text=True, timeout=120, check=False)
    return p.stdout, p.stderr


class Dom(html.parser.HTMLParser):
    """The elements of a page as (tag, attributes) and its text, in order."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements, self.texts = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.texts.append(data)

    def with_class(self, cls):
        return [a for t, a in self.elements if cls in a.get("class", "").split()]


def console_errors(log):
    return [l for l in log.splitlines() if "CONSOLE" in l and ("Uncaught" in l or "ERROR" in l)]


def coverage_cells(catalog):
    """Variants per (locale, message), from `glocal coverage --format json`:
    what the page must show one cell for."""
    p = subprocess.run([CLI, "coverage", "--format", "json", catalog],
                       capture_output=True, text=True, check=True)
    report = json.loads(p.stdout)
    cells = {}
    for loc in report["locales"]:
        for mid, msg in loc["messages"].items():
            cells[(loc["locale"], mid)] = len(msg["variants"])
    return cells


@unittest.skipUnless(BROWSER or os.environ.get("CI"), "no chromium (CI installs it)")
class PreviewPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not BROWSER:
            raise AssertionError("CI is set but chromium is not installed")
        cls.tmp = tempfile.mkdtemp(prefix="glocal-preview-")
        cls.page = os.path.join(cls.tmp, "locales.html")
        code, err = preview(LOCALES, cls.page, "--samples", SAMPLES)
        assert code == 0, err
        cls.dom_text, cls.log = browse(cls.page)
        cls.dom = Dom(cls.dom_text)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_one_cell_per_message_locale_context(self):
        got, section = {}, None
        for tag, a in self.dom.elements:
            classes = a.get("class", "").split()
            if "msg" in classes:
                section = a["id"][len("m-"):]
            elif "cell" in classes:
                key = (a["data-locale"], section)
                got[key] = got.get(key, 0) + 1
        self.assertEqual(got, coverage_cells(LOCALES))

    def test_right_to_left_texts_are_marked(self):
        texts = self.dom.with_class("text")
        rtl = [a for a in texts if a.get("lang", "").split("-")[0] in RTL_LANGUAGES]
        ltr = [a for a in texts if a.get("lang", "").split("-")[0] not in RTL_LANGUAGES]
        self.assertTrue(rtl, "the shipped catalog has Arabic texts")
        self.assertEqual({a["dir"] for a in rtl}, {"rtl"})
        self.assertEqual({a["dir"] for a in ltr}, {"ltr"})

    def test_no_script_errors(self):
        root = self.dom.elements[0][1]
        self.assertNotIn("data-script-errors", root)
        self.assertIn("data-filter-ms", root)        # the filter script ran
        self.assertEqual(console_errors(self.log), [])

    def test_filters_come_from_the_fragment(self):
        dom, log = browse(self.page, "#locale=ar&channel=whatsapp")
        self.assertIn('.cell:not([data-locale="ar"])', dom)
        self.assertIn('.cell:not([data-channel="whatsapp"])', dom)
        self.assertEqual(console_errors(log), [])

    def test_screenshot(self):
        shot = os.path.join(self.tmp, "locales.png")
        browse(self.page, screenshot=shot)
        with open(shot, "rb") as f:
            data = f.read()
        self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n")
        self.assertGreater(len(data), 20000)          # not a blank page


@unittest.skipUnless(BROWSER or os.environ.get("CI"), "no chromium (CI installs it)")
class HostileCatalog(unittest.TestCase):
    def test_bundle_text_is_shown_as_text(self):
        if not BROWSER:
            raise AssertionError("CI is set but chromium is not installed")
        tmp = tempfile.mkdtemp(prefix="glocal-preview-")
        page = os.path.join(tmp, "hostile.html")
        code, err = preview(HOSTILE, page, "--samples", os.path.join(HOSTILE, "samples.json"))
        self.assertEqual(code, 0, err)
        dom_text, log = browse(page)
        dom = Dom(dom_text)
        tags = {t for t, _ in dom.elements}
        self.assertFalse(tags & {"img", "iframe", "svg", "b"}, tags)
        self.assertEqual(sum(t == "script" for t, _ in dom.elements), 1)   # the page's own
        self.assertNotIn("data-pwned", dom_text)
        text = "".join(dom.texts)
        self.assertIn("<img src=x onerror=", text)
        self.assertIn("<script>document.documentElement.dataset.pwned='note'</script>", text)
        self.assertIn("<svg onload=", text)
        he = [a for a in dom.with_class("text") if a.get("lang", "").startswith("he")]
        self.assertEqual([a["dir"] for a in he], ["rtl"])
        self.assertEqual(console_errors(log), [])
        shutil.rmtree(tmp, ignore_errors=True)


class Usage(unittest.TestCase):
    def test_out_is_required(self):
        p = subprocess.run([CLI, "preview", LOCALES], capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--out FILE.html is required", p.stderr)

    def test_bad_samples_file(self):
        with tempfile.NamedTemporaryFile("w", suffix=".yaml") as f:
            f.write("args:\n  - name\n")
            f.flush()
            code, err = preview(LOCALES, "/dev/null", "--samples", f.name)
        self.assertEqual(code, 2)
        self.assertIn(":2: `args` is a map of sample values", err)

    def test_narrowed_page(self):
        with tempfile.TemporaryDirectory() as tmp:
            page = os.path.join(tmp, "p.html")
            code, err = preview(LOCALES, page, "--locale", "de_CH", "--message", "order.*",
                                "--samples", SAMPLES)
            self.assertEqual(code, 0, err)
            with open(page, encoding="utf-8") as f:
                dom = Dom(f.read())
        cells = dom.with_class("cell")
        self.assertTrue(cells)
        self.assertEqual({a["data-locale"] for a in cells}, {"de-CH"})
        ids = {a["id"] for a in dom.with_class("msg")}
        self.assertTrue(ids)
        self.assertTrue(all(i.startswith("m-order.") for i in ids), ids)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
