#!/usr/bin/env python3
"""Writes libglocal1's symbols file from lib/glocal.map, the version script.

usage: symbols-from-map.py MAP PACKAGE > debian/PACKAGE.symbols

Every version node GLOCAL_X.Y becomes its own symbols with the minimal
version X.Y.0, so a symbol added to the map is in the symbols file at once;
debian/rules builds with dpkg-gensymbols' check level 4, which fails when the
library exports anything else (a symbol missing from the map or from the
library).  Nodes and symbols keep the map's order.
"""
import re
import sys


def nodes(text):
    """[(node, [symbol, ...])] in the map's order."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    found = []
    for m in re.finditer(r"(GLOCAL_(\d+)\.(\d+))\s*\{(.*?)\}", text, re.S):
        body = re.sub(r"\b(global|local)\s*:", " ", m.group(4))
        symbols = [s.strip() for s in body.split(";") if s.strip() and s.strip() != "*"]
        found.append((m.group(1), f"{m.group(2)}.{m.group(3)}.0", symbols))
    return found


def main(map_path, package):
    with open(map_path, encoding="utf-8") as f:
        text = f.read()
    lines = [f"libglocal.so.1 {package} #MINVER#", "* Build-Depends-Package: libglocal-dev"]
    for node, version, symbols in nodes(text):
        lines.append(f" {node}@{node} {version}")
        lines += [f" {s}@{node} {version}" for s in symbols]
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    main(sys.argv[1], sys.argv[2])
