"""Shared helpers for the glocal Python tests."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The package under test: bindings/python (unless PYTHONPATH already has it).
sys.path.insert(0, os.path.dirname(HERE))

#: The fixture catalogs shared by the Python and Lua tests.
FIXTURES = os.environ.get("GLOCAL_TEST_FIXTURES") or os.path.join(HERE, "..", "..", "fixtures")
FIXTURES = os.path.abspath(FIXTURES)


def fixture(name: str) -> str:
    return os.path.join(FIXTURES, name)


def rss_bytes() -> int:
    """Resident set size of this process."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
