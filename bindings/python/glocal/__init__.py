"""glocal — the right words for one customer, from a catalog of YAML bundles.

Python bindings to libglocal (``libglocal.so.1``) through ctypes; standard
library only.  The shared library is found through the environment variable
``GLOCAL_LIBRARY`` (its full path) when set, else in pkg-config's libdir for
glocal, else by the dynamic loader as ``libglocal.so.1``.  It is loaded on
first use.

Quick start::

    from datetime import datetime, timezone
    import glocal

    with glocal.Catalog("locales") as cat:
        text = cat.format(
            "order.delayed", "de-CH",
            {"name": "Anna", "order": "A-17",
             "eta": datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)},
            formality="informal", channel="sms", time_zone="Europe/Zurich")

    for finding in glocal.lint("locales"):
        print(finding)              # FILE:LINE:COL: error|warning: MESSAGE [RULE]

Argument values (the mapping passed as ``args``):

========================  ===========================================
Python value              glocal argument
========================  ===========================================
``str``                   text
``int``                   number (exact; beyond int64 passed as a decimal string)
``float``                 number (NaN and infinities are refused)
``decimal.Decimal``       exact number, never rounded through a double
``glocal.Money``          money (exact amount + ISO 4217 code)
``glocal.Code``           code (ASCII letters, digits, ``-``; since 1.1)
aware ``datetime``        date (the instant, to the millisecond)
naive ``datetime``        refused: InvalidError (a ValueError)
``datetime.date``         day (a calendar day, the same date in every zone)
``bool``, ``None``, ...   refused: TypeError
========================  ===========================================

Every failure of the library raises a subclass of :class:`glocal.Error`
with ``code`` (the ``GLOCAL_ERR_*`` name), ``file``, ``line`` and
``column``:  NoMemoryError, InvalidError, BundleIOError,
BundleSyntaxError, SchemaError, LocaleError, NotFoundError,
ArgumentError, FormatError, LimitError.
"""

from __future__ import annotations

from ._catalog import Catalog, Finding, lint
from ._errors import (ArgumentError, BundleIOError, BundleSyntaxError, Error, FormatError,
                      InvalidError, LimitError, LocaleError, NoMemoryError, NotFoundError,
                      SchemaError)
from ._native import LIBRARY_ENV
from ._reading import Message, Rule, Term, Variant, rules
from ._result import AxisValue, Result
from ._values import Code, Money, SmsMeasure, sms_measure

__version__ = "1.1.0"

__all__ = [
    "Catalog", "Finding", "Money", "Code", "SmsMeasure", "sms_measure", "Result", "AxisValue", "Message", "Variant", "Term", "Rule",
    "lint", "rules", "library_version", "version_number",
    "Error", "NoMemoryError", "InvalidError", "BundleIOError", "BundleSyntaxError",
    "SchemaError", "LocaleError", "NotFoundError", "ArgumentError", "FormatError",
    "LimitError", "LIBRARY_ENV",
]


# Show the public names as glocal.X (in help(), tracebacks and reprs).
for _cls in (Catalog, Finding, Money, Code, SmsMeasure, Result, AxisValue, Message, Variant, Term, Rule, Error,
             NoMemoryError, InvalidError, BundleIOError, BundleSyntaxError, SchemaError, LocaleError, NotFoundError, ArgumentError,
             FormatError, LimitError):
    _cls.__module__ = __name__
del _cls


def library_version() -> str:
    """The version of the loaded libglocal, such as ``"1.1.0"``."""
    from . import _native
    return _native.lib().glocal_version().decode("ascii")


def version_number() -> int:
    """The loaded libglocal's version as one number, MAJOR * 10000 + MINOR *
    100 + PATCH (``10000`` for 1.0.0), for comparisons."""
    from . import _native
    return _native.lib().glocal_version_number()
