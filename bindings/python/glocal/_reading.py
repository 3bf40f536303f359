"""Message, Variant, Term and Rule: reading a catalog and the lint rules
(private module; re-exported by glocal).

Every reader takes the loaded library and a catalog pointer the caller holds a
reference to, and copies what it reads: nothing returned borrows C memory."""

from __future__ import annotations

import ctypes
import dataclasses
from typing import Literal, Optional, Tuple

from . import _errors, _native
from ._frozen import FrozenDict
from ._values import decode

__all__ = ["Message", "Variant", "Term", "Rule", "messages", "variants", "chain", "terms",
           "axes", "rules"]


@dataclasses.dataclass(frozen=True)
class Message:
    """A message as base.yaml defines it.

    `note` is its note for translators (``""`` when none), `locked` True when
    every locale is served base's text, `args` its arguments in declaration
    (else first use) order as ``(name, type)`` pairs; a type is ``"text"``,
    ``"number"``, ``"date"``, ``"money"`` or ``"any"`` (not declared; the
    templates' uses decide), and later releases may add types.
    """

    id: str
    note: str
    locked: bool
    args: Tuple[Tuple[str, str], ...]


@dataclasses.dataclass(frozen=True)
class Variant:
    """One variant a locale ends up with for a message, after its chain and
    merging: its `key` as written (``"formal+sms"``; ``"other"`` for a message
    written as one string), its `template` as written, the `bundle` defining
    it (a locale or ``"base"``) with `file`, `line` and `column`; `inherited`
    is True when a bundle other than the locale's own defines it, `locked`
    True when the message is locked (the variant is base's).
    """

    key: str
    template: str
    bundle: str
    file: str
    line: int
    column: int
    inherited: bool
    locked: bool


@dataclasses.dataclass(frozen=True)
class Term:
    """A term (``{-name}``) as a locale's texts see it: its `name` without
    the ``-``, its `text` as written, the `bundle` defining it with `file`,
    `line` and `column`; `inherited` as for :class:`Variant`; `locked` True
    when base.yaml locks it."""

    name: str
    text: str
    bundle: str
    file: str
    line: int
    column: int
    inherited: bool
    locked: bool


@dataclasses.dataclass(frozen=True)
class Rule:
    """A lint rule of docs/lint.md: its `id` (``"duplicate-key"``), default
    `severity` (``"error"`` or ``"warning"``) and a one-line `summary`."""

    id: str
    severity: Literal["error", "warning"]
    summary: str


def severity_name(severity: int) -> Literal["error", "warning"]:
    return "warning" if severity == 1 else "error"


def _message(lib, m: int) -> Message:
    return Message(
        id=decode(lib.glocal_message_id(m)) or "",
        note=decode(lib.glocal_message_note(m)) or "",
        locked=bool(lib.glocal_message_locked(m)),
        args=tuple((decode(lib.glocal_message_arg_name(m, i)) or "",
                    decode(lib.glocal_message_arg_type(m, i)) or "")
                   for i in range(lib.glocal_message_arg_count(m))),
    )


def messages(lib, cat: int) -> Tuple[Message, ...]:
    return tuple(_message(lib, lib.glocal_catalog_message_at(cat, i))
                 for i in range(lib.glocal_catalog_message_count(cat)))


def _variant(lib, v: int) -> Variant:
    return Variant(
        key=decode(lib.glocal_variant_key(v)) or "",
        template=decode(lib.glocal_variant_template(v)) or "",
        bundle=decode(lib.glocal_variant_bundle(v)) or "",
        file=decode(lib.glocal_variant_file(v)) or "",
        line=lib.glocal_variant_line(v),
        column=lib.glocal_variant_column(v),
        inherited=bool(lib.glocal_variant_inherited(v)),
        locked=bool(lib.glocal_variant_locked(v)),
    )


def variants(lib, cat: int, raw_locale: bytes, raw_id: bytes, what: str) -> Tuple[Variant, ...]:
    out = ctypes.c_void_p()
    err = ctypes.c_void_p()
    status = lib.glocal_catalog_variants(cat, raw_locale, raw_id, ctypes.byref(out),
                                         ctypes.byref(err))
    if status != 0:
        raise _errors.from_status(status, err, f"cannot list the variants of {what}")
    try:
        return tuple(_variant(lib, lib.glocal_variants_at(out, i))
                     for i in range(lib.glocal_variants_count(out)))
    finally:
        lib.glocal_variants_free(out)


def locked_by(lib, cat: int, raw_locale: bytes, raw_id: bytes, what: str) -> Optional[str]:
    out = ctypes.c_char_p()
    err = ctypes.c_void_p()
    status = lib.glocal_catalog_locked_by(cat, raw_locale, raw_id, ctypes.byref(out),
                                          ctypes.byref(err))
    if status != 0:
        raise _errors.from_status(status, err, f"cannot tell who locks {what}")
    return decode(out.value)


def chain(lib, cat: int, raw_locale: bytes, what: str) -> Tuple[Tuple[str, str], ...]:
    out = ctypes.c_void_p()
    err = ctypes.c_void_p()
    status = lib.glocal_catalog_chain(cat, raw_locale, ctypes.byref(out), ctypes.byref(err))
    if status != 0:
        raise _errors.from_status(status, err, f"cannot read the chain of {what}")
    try:
        return tuple((decode(lib.glocal_chain_bundle(out, i)) or "",
                      decode(lib.glocal_chain_file(out, i)) or "")
                     for i in range(lib.glocal_chain_count(out)))
    finally:
        lib.glocal_chain_free(out)


def _term(lib, t: int) -> Term:
    return Term(
        name=decode(lib.glocal_term_name(t)) or "",
        text=decode(lib.glocal_term_text(t)) or "",
        bundle=decode(lib.glocal_term_bundle(t)) or "",
        file=decode(lib.glocal_term_file(t)) or "",
        line=lib.glocal_term_line(t),
        column=lib.glocal_term_column(t),
        inherited=bool(lib.glocal_term_inherited(t)),
        locked=bool(lib.glocal_term_locked(t)),
    )


def terms(lib, cat: int, raw_locale: bytes, what: str) -> Tuple[Term, ...]:
    out = ctypes.c_void_p()
    err = ctypes.c_void_p()
    status = lib.glocal_catalog_terms(cat, raw_locale, ctypes.byref(out), ctypes.byref(err))
    if status != 0:
        raise _errors.from_status(status, err, f"cannot read the terms of {what}")
    try:
        return tuple(_term(lib, lib.glocal_terms_at(out, i))
                     for i in range(lib.glocal_terms_count(out)))
    finally:
        lib.glocal_terms_free(out)


def axes(lib, cat: int) -> FrozenDict:
    """Axis name -> tuple of its values, axes in rank order."""
    result = {}
    for i in range(lib.glocal_catalog_axis_count(cat)):
        raw = lib.glocal_catalog_axis_name(cat, i)
        result[decode(raw)] = tuple(decode(lib.glocal_catalog_axis_value(cat, raw, j))
                                    for j in range(lib.glocal_catalog_axis_value_count(cat, raw)))
    return FrozenDict(result)


def rules() -> Tuple[Rule, ...]:
    """Every lint rule, in the order of docs/lint.md (errors, then warnings)."""
    lib = _native.lib()
    found = []
    for i in range(lib.glocal_rule_count()):
        r = lib.glocal_rule_at(i)
        found.append(Rule(id=decode(lib.glocal_rule_id(r)) or "",
                          severity=severity_name(lib.glocal_rule_severity(r)),
                          summary=decode(lib.glocal_rule_summary(r)) or ""))
    return tuple(found)
