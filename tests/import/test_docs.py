"""The documented command sessions print what the docs say they print.

usage: test_docs.py GLOCAL REPO_ROOT

A ```console block in docs/cli.md or docs/migrating.md right after a line
`<!-- doc-test: SETUP -->` is run: each `$ COMMAND` line with bash, `glocal`
being the CLI under test, in a new directory made by SETUP; the lines after it
up to the next `$ ` are its expected output (standard output and error as
one stream, as a terminal shows them).
SETUP is `catalog` (a copy of the shipped locales/ as locales/) or `migrate`
(the importer fixtures as po/, public/locales/ and config/locales/).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI, ROOT = (os.path.abspath(p) for p in sys.argv[1:3])
DOCS = ["docs/cli.md", "docs/migrating.md"]
FIXTURES = os.path.join(ROOT, "tests", "import", "fixtures")
MARK = re.compile(r"^<!-- doc-test: (\w+) -->\n```console\n(.*?)^```", re.M | re.S)


def setup(kind, where):
    if kind == "catalog":
        shutil.copytree(os.path.join(ROOT, "locales"), os.path.join(where, "locales"))
    elif kind == "migrate":
        shutil.copytree(os.path.join(FIXTURES, "gettext"), os.path.join(where, "po"))
        shutil.copytree(os.path.join(FIXTURES, "i18next", "locales"),
                        os.path.join(where, "public", "locales"))
        shutil.copytree(os.path.join(FIXTURES, "rails"), os.path.join(where, "config", "locales"))
    else:
        raise ValueError(f"unknown doc-test setup {kind!r}")
    os.mkdir(os.path.join(where, "bin"))
    os.symlink(CLI, os.path.join(where, "bin", "glocal"))


def sessions():
    """(doc, line, setup, [(command, expected output lines)])"""
    for doc in DOCS:
        with open(os.path.join(ROOT, doc), encoding="utf-8") as f:
            text = f.read()
        for m in MARK.finditer(text):
            steps = []
            for line in m.group(2).splitlines():
                if line.startswith("$ "):
                    steps.append((line[2:], []))
                elif steps:
                    steps[-1][1].append(line)
            yield doc, text.count("\n", 0, m.start()) + 1, m.group(1), steps


class DocumentedSessions(unittest.TestCase):
    def test_sessions_print_what_the_docs_say(self):
        found = list(sessions())
        self.assertGreaterEqual(len(found), 3, "the doc-test markers are gone")
        for doc, line, kind, steps in found:
            with self.subTest(doc=doc, line=line), tempfile.TemporaryDirectory() as where:
                setup(kind, where)
                env = dict(os.environ, PATH=os.path.join(where, "bin") + os.pathsep +
                           os.environ.get("PATH", ""))
                for command, expected in steps:
                    p = subprocess.run(["bash", "-c", command], cwd=where, env=env,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       text=True, check=False)
                    got = p.stdout.splitlines()
                    self.assertEqual(got, expected, f"{doc}:{line}: `{command}`")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
