"""Catalog, lint and Finding (private module; re-exported by glocal)."""

from __future__ import annotations

import ctypes
import dataclasses
import os
import threading
from typing import (Any, Callable, Dict, Iterable, List, Literal, Mapping, Optional, Tuple,
                    TypeVar, Union)

from . import _errors, _native, _reading, _request, _result, _values
from ._reading import Message, Term, Variant
from ._request import Isolation, Medium
from ._result import Result

__all__ = ["Catalog", "Finding", "lint"]

T = TypeVar("T")
PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]


def _path_bytes(path: PathLike) -> bytes:
    raw = os.fsencode(os.fspath(path))
    if b"\0" in raw:
        raise _errors.make(2, "path contains a NUL character")
    return raw


def _take_string(lib, ptr: ctypes.c_void_p) -> str:
    """Copies a library-allocated string and frees it."""
    try:
        return ctypes.string_at(ptr.value).decode("utf-8")
    finally:
        lib.glocal_free(ptr)
        ptr.value = None


class Catalog:
    """A catalog: a directory of YAML bundles, loaded and checked once.

    ``Catalog(path)`` opens the directory (``base.yaml`` plus one
    ``LOCALE.yaml`` per locale) and raises a subclass of :class:`glocal.Error`
    when it cannot: :class:`BundleIOError` for an unreadable directory,
    :class:`BundleSyntaxError` for broken YAML or templates,
    :class:`SchemaError` for any other error-level lint finding.  The error
    carries ``file``, ``line`` and ``column``.

    A catalog is immutable and may be shared by any number of threads; the
    library releases the GIL while it formats.  Close it with :meth:`close` or
    a ``with`` block; otherwise it is released when garbage-collected.

    >>> with glocal.Catalog("bindings/fixtures/shop") as cat:
    ...     cat.format("cart.items", "de-CH", {"count": 1500})
    '1’500 Artikel'
    """

    def __init__(self, path: PathLike) -> None:
        self._ptr: Optional[int] = None
        self._axes: Optional[Mapping[str, Tuple[str, ...]]] = None
        self._lock = threading.Lock()
        self._path = os.fspath(path)
        raw = _path_bytes(path)
        lib = _native.lib()
        out = ctypes.c_void_p()
        err = ctypes.c_void_p()
        status = lib.glocal_catalog_open(raw, ctypes.byref(out), ctypes.byref(err))
        if status != 0:
            raise _errors.from_status(status, err, f"cannot open catalog {self._path!r}")
        self._ptr = out.value
        try:
            count = lib.glocal_catalog_locale_count(self._ptr)
            self._locales: Tuple[str, ...] = tuple(
                lib.glocal_catalog_locale_at(self._ptr, i).decode("utf-8")
                for i in range(count))
        except BaseException:
            self.close()
            raise

    # -- lifetime -------------------------------------------------------------

    def close(self) -> None:
        """Releases the catalog.  Calling it again does nothing.  Calls that
        are running in other threads finish first: each holds its own
        reference."""
        with self._lock:
            ptr, self._ptr = self._ptr, None
        if ptr is not None:
            _native.lib().glocal_catalog_unref(ptr)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._ptr is None

    def __enter__(self) -> "Catalog":
        self._check_open()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: modules may be gone
            pass

    def __repr__(self) -> str:
        state = "closed" if self._ptr is None else f"{len(self._locales)} locales"
        return f"<glocal.Catalog {self._path!r} ({state})>"

    def _check_open(self) -> None:
        if self._ptr is None:
            raise ValueError("operation on a closed glocal.Catalog")

    def _acquire(self) -> int:
        # A reference of our own keeps the catalog alive even if another
        # thread closes this object while the call runs.
        with self._lock:
            self._check_open()
            return _native.lib().glocal_catalog_ref(self._ptr)

    # -- queries --------------------------------------------------------------

    @property
    def path(self) -> Union[str, bytes]:
        """The directory the catalog was opened from."""
        return self._path

    @property
    def locales(self) -> Tuple[str, ...]:
        """The locale tags of the catalog's bundles other than base, sorted."""
        self._check_open()
        return self._locales

    def profile(self, locale: str, key: str) -> str:
        """The profile value `key` (``formality``, ``tone``, ``channels`` or
        ``time_zone``) for `locale`, resolved along its fallback chain.
        Channels come as a comma-separated list; ``""`` when no profile sets
        the key.

        Raises InvalidError (unknown key) or LocaleError (malformed locale).
        """
        lib = _native.lib()
        raw_locale = _values.encode(locale, "locale")
        raw_key = _values.encode(key, "profile key")
        out = ctypes.c_void_p()
        err = ctypes.c_void_p()
        ptr = self._acquire()
        try:
            status = lib.glocal_profile(ptr, raw_locale, raw_key, ctypes.byref(out),
                                        ctypes.byref(err))
        finally:
            lib.glocal_catalog_unref(ptr)
        if status != 0:
            raise _errors.from_status(status, err, f"profile {key!r} for {locale!r} failed")
        return _take_string(lib, out)

    def negotiate(self, accept_language: str) -> str:
        """The locale to serve a reader who sends `accept_language`, an HTTP
        ``Accept-Language`` value such as ``"fr-CH, fr;q=0.9, en;q=0.5"``
        (or any list in that form, say from a CRM profile).

        Entries are tried by weight, each matched with ICU's locale matching
        against the catalog's locales, never across scripts (``zh-TW`` is
        never served Simplified Chinese).  The result is the entry itself when
        its own fallback chain starts at the matched bundle (``fr-CH`` for a
        catalog with ``fr``, so Swiss formats apply), else the matched
        bundle's locale, and base's language when nothing matches.  Pass it
        to :meth:`format` as the locale.

        Raises LocaleError for a malformed header (a bad tag or weight is an
        error, not a guess), InvalidError for text that is not valid UTF-8.
        """
        lib = _native.lib()
        raw = _values.encode(accept_language, "Accept-Language header")
        out = ctypes.c_void_p()
        err = ctypes.c_void_p()
        ptr = self._acquire()
        try:
            status = lib.glocal_negotiate(ptr, raw, ctypes.byref(out), ctypes.byref(err))
        finally:
            lib.glocal_catalog_unref(ptr)
        if status != 0:
            raise _errors.from_status(status, err,
                                      f"cannot negotiate a locale for {accept_language!r}")
        return _take_string(lib, out)

    # -- formatting -----------------------------------------------------------

    def format(self, message_id: str, locale: str, args: Optional[Mapping[str, Any]] = None, *,
               formality: Optional[str] = None, tone: Optional[str] = None,
               channel: Optional[str] = None, time_zone: Optional[str] = None,
               isolation: Isolation = "auto", medium: Medium = "channel",
               fallbacks: Iterable[str] = (),
               **axes: Optional[str]) -> str:
        """Writes message `message_id` for a reader of `locale`.

        `args` maps argument names to values: str (text), int, float or
        decimal.Decimal (number), :class:`Money` (money), an aware
        datetime.datetime (date).  The keywords describe the context:
        `formality`, `tone` and `channel` are axis values (unset ones come
        from the locale's profile, except the channel), `time_zone` an IANA
        zone for dates, `isolation` the bidi isolation mode ``"auto"``,
        ``"never"`` or ``"always"``, `medium` how argument values and terms
        are written: ``"channel"`` (as the channel's ``medium:`` declares),
        ``"plain"`` or ``"html"`` (escaped), `fallbacks` locales whose
        chains are read, in order, after `locale`'s and before base.  Any other keyword
        sets an axis the catalog's base.yaml declares under ``axes:``
        (``experiment="arm_b"``); a keyword that is neither raises TypeError.

        Raises NotFoundError (unknown id), ArgumentError (missing or mistyped
        argument), InvalidError (an axis value, zone or value the catalog or
        library does not accept), LocaleError (malformed locale), LimitError,
        FormatError; TypeError for Python values of an unsupported type.
        """
        context = self._context("format", formality, tone, channel, axes, time_zone,
                                isolation, medium, fallbacks)
        return self._call("glocal_format", message_id, locale, args, context, _take_string)

    def explain(self, message_id: str, locale: str, args: Optional[Mapping[str, Any]] = None, *,
                formality: Optional[str] = None, tone: Optional[str] = None,
                channel: Optional[str] = None, time_zone: Optional[str] = None,
                isolation: Isolation = "auto", medium: Medium = "channel",
                fallbacks: Iterable[str] = (),
                **axes: Optional[str]) -> str:
        """Explains in plain text how :meth:`format` would resolve the same
        call: the canonical locale, the fallback chain with each bundle's
        file, where each context value came from, the candidate variants and
        the winner, the format locale and (when `args` suffice) the output.
        The text is for people; its layout may change between releases.

        Raises what :meth:`format` raises, except ArgumentError and
        FormatError, which are reported inside the text.
        """
        context = self._context("explain", formality, tone, channel, axes, time_zone,
                                isolation, medium, fallbacks)
        return self._call("glocal_explain", message_id, locale, args, context, _take_string)

    def format_result(self, message_id: str, locale: str,
                      args: Optional[Mapping[str, Any]] = None, *,
                      formality: Optional[str] = None, tone: Optional[str] = None,
                      channel: Optional[str] = None, time_zone: Optional[str] = None,
                      isolation: Isolation = "auto", medium: Medium = "channel",
                      fallbacks: Iterable[str] = (),
                      **axes: Optional[str]) -> Result:
        """Formats like :meth:`format` and says what was served: a frozen
        :class:`Result` with the text, the bundle and variant that served it
        (with file, line and column), the format locale, the text's language
        and whether it is a fallback, each axis's value and where it came
        from, and the time zone.  Takes and raises what :meth:`format` does.

        >>> with glocal.Catalog("bindings/fixtures/shop") as cat:
        ...     cat.format_result("greeting", "de-CH", {"name": "Anna"}).bundle
        'de'
        """
        context = self._context("format_result", formality, tone, channel, axes, time_zone,
                                isolation, medium, fallbacks)
        names = tuple(self.axes)
        return self._call("glocal_format_result", message_id, locale, args, context,
                          lambda lib, out: _take_result(lib, out, names))

    def _context(self, method: str, formality: Optional[str], tone: Optional[str],
                 channel: Optional[str], axes: Mapping[str, Optional[str]],
                 time_zone: Optional[str], isolation: str, medium: str,
                 fallbacks: Iterable[str]) -> Dict[str, Any]:
        """The keyword arguments of _request.build for one call.  A keyword
        naming no axis of the catalog is a mistake in the program, not in its
        data: TypeError, as for any unexpected keyword."""
        known = self.axes
        for name in axes:
            if name not in known:
                raise TypeError(f"{method}() got an unexpected keyword argument {name!r}: the "
                                "options are time_zone, isolation, medium and fallbacks, and "
                                f"the axes of this catalog are {', '.join(known)}")
        pairs = [("formality", formality), ("tone", tone), ("channel", channel)]
        pairs.extend(axes.items())
        return {"axes": pairs, "time_zone": time_zone, "isolation": isolation,
                "medium": medium, "fallbacks": fallbacks}

    def _call(self, fn_name: str, message_id: str, locale: str,
              args: Optional[Mapping[str, Any]], context: Dict[str, Any],
              take: Callable[[Any, ctypes.c_void_p], T]) -> T:
        """Calls fn_name (glocal_format's signature) with a request built from
        locale and context, and returns take(lib, out)."""
        lib = _native.lib()
        raw_id = _values.encode(message_id, "message id")
        request = _request.build(locale, **context)
        arg_handle = None
        try:
            arg_handle = _values.build_args(args)
            out = ctypes.c_void_p()
            err = ctypes.c_void_p()
            ptr = self._acquire()
            try:
                status = getattr(lib, fn_name)(ptr, raw_id, request, arg_handle,
                                               ctypes.byref(out), ctypes.byref(err))
            finally:
                lib.glocal_catalog_unref(ptr)
            if status != 0:
                raise _errors.from_status(status, err, f"{message_id!r} for {locale!r} failed")
            return take(lib, out)
        finally:
            lib.glocal_args_free(arg_handle)
            lib.glocal_request_free(request)

    # -- reading the catalog --------------------------------------------------

    def _read(self, reader: Callable[..., T], *args: Any) -> T:
        """reader(lib, catalog, *args) under a reference of our own."""
        lib = _native.lib()
        ptr = self._acquire()
        try:
            return reader(lib, ptr, *args)
        finally:
            lib.glocal_catalog_unref(ptr)

    def messages(self) -> Tuple[Message, ...]:
        """Every message base.yaml defines, as :class:`Message`, sorted by id.

        >>> with glocal.Catalog("bindings/fixtures/shop") as cat:
        ...     cat.messages()[0]
        Message(id='cart.items', note='', locked=False, args=(('count', 'number'),))
        """
        return self._read(_reading.messages)

    def variants(self, locale: str, message_id: str) -> Tuple[Variant, ...]:
        """The variants `locale` ends up with for `message_id` after its chain
        and merging, one :class:`Variant` per key, nearer bundles first:
        the candidates :meth:`format` chooses from for that locale.

        Raises NotFoundError (unknown id), LocaleError (malformed locale).
        """
        raw_locale = _values.encode(locale, "locale")
        raw_id = _values.encode(message_id, "message id")
        return self._read(_reading.variants, raw_locale, raw_id,
                          f"{message_id!r} for {locale!r}")

    def locked_by(self, locale: str, message_id: str) -> Optional[str]:
        """Who supplies a locked message for `locale`: ``"base"`` when base's
        text is served, a bundle's locale (``"de"``) when that bundle's
        approved version is, None when the message is not locked for it.

        Raises NotFoundError (unknown id), LocaleError (malformed locale).
        """
        raw_locale = _values.encode(locale, "locale")
        raw_id = _values.encode(message_id, "message id")
        return self._read(_reading.locked_by, raw_locale, raw_id,
                          f"{message_id!r} for {locale!r}")

    def chain(self, locale: str) -> Tuple[Tuple[str, str], ...]:
        """The bundles a request for `locale` reads, nearest first, base last,
        as ``(bundle, file)`` pairs: ``(("de", ".../de.yaml"), ("base",
        ".../base.yaml"))``.  Raises LocaleError for a malformed locale."""
        return self._read(_reading.chain, _values.encode(locale, "locale"), repr(locale))

    def terms(self, locale: str) -> Tuple[Term, ...]:
        """The terms (``{-name}``) a text in `locale`'s language sees, as
        :class:`Term`: base's in base.yaml's order, then those only bundles
        of that language define.  ``"base"`` gives base's own terms.  Raises
        LocaleError for a malformed locale."""
        return self._read(_reading.terms, _values.encode(locale, "locale"), repr(locale))

    @property
    def axes(self) -> Mapping[str, Tuple[str, ...]]:
        """Each axis a variant key may name, in rank order, with its values:
        ``{"formality": ("formal", "informal", ...), "tone": (...),
        "channel": (...), ...}``, then the axes base.yaml declares.  Values
        come built-in first, then base.yaml's in the order written."""
        if self._axes is None:
            self._axes = self._read(_reading.axes)
        return self._axes

    @property
    def language(self) -> str:
        """The language tag base.yaml declares (``"en"``)."""
        return self._read(lambda lib, ptr: _values.decode(lib.glocal_catalog_language(ptr)))

    @property
    def warnings(self) -> Tuple["Finding", ...]:
        """The warnings found while opening the catalog, as :class:`Finding`
        (:func:`lint` reports them too, with every other rule); ``()`` when
        there were none."""
        return self._read(lambda lib, ptr: _findings(lib, lib.glocal_catalog_warnings(ptr)))


def _take_result(lib, out: ctypes.c_void_p, axis_names: Tuple[str, ...]) -> Result:
    """Copies a glocal_result and frees it."""
    try:
        return _result.read(lib, out.value, axis_names)
    finally:
        lib.glocal_result_free(out)
        out.value = None


@dataclasses.dataclass(frozen=True)
class Finding:
    """One lint finding.

    `line` and `column` are 1-based (columns count code points); both are 0
    when the finding is about a whole file.  `severity` is ``"error"`` or
    ``"warning"``; `rule` a rule id such as ``"duplicate-key"``; `locale` and
    `message_id` are None when they do not apply.  ``str(finding)`` is the
    CLI's line: ``FILE:LINE:COL: SEVERITY: MESSAGE [RULE]``.
    """

    file: str
    line: int
    column: int
    severity: Literal["error", "warning"]
    rule: str
    message: str
    locale: Optional[str] = None
    message_id: Optional[str] = None

    def __str__(self) -> str:
        return (f"{self.file}:{self.line}:{self.column}: {self.severity}: "
                f"{self.message} [{self.rule}]")


def lint(path: PathLike) -> List[Finding]:
    """Checks every bundle in the catalog directory `path` with every lint
    rule and returns all findings as a list of :class:`Finding`, sorted by
    file, line, column and rule.  Problems in bundles are findings, not
    exceptions; an unreadable directory raises BundleIOError.
    """
    lib = _native.lib()
    raw = _path_bytes(path)
    out = ctypes.c_void_p()
    err = ctypes.c_void_p()
    status = lib.glocal_lint(raw, ctypes.byref(out), ctypes.byref(err))
    if status != 0:
        raise _errors.from_status(status, err, f"cannot lint {os.fspath(path)!r}")
    try:
        return list(_findings(lib, out.value))
    finally:
        lib.glocal_findings_free(out)


def _findings(lib, report: int) -> Tuple[Finding, ...]:
    """Copies the findings of a glocal_findings report (not freed)."""
    found = []
    for i in range(lib.glocal_findings_count(report)):
        x = lib.glocal_findings_at(report, i)
        found.append(Finding(
            file=_values.decode(lib.glocal_finding_file(x)) or "",
            line=lib.glocal_finding_line(x),
            column=lib.glocal_finding_column(x),
            severity=_reading.severity_name(lib.glocal_finding_severity(x)),
            rule=_values.decode(lib.glocal_finding_rule(x)) or "",
            message=_values.decode(lib.glocal_finding_message(x)) or "",
            locale=_values.decode(lib.glocal_finding_locale(x)),
            message_id=_values.decode(lib.glocal_finding_message_id(x)),
        ))
    return tuple(found)
