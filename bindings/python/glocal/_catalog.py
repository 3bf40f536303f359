"""Catalog, lint and Finding (private module; re-exported by glocal)."""

from __future__ import annotations

import ctypes
import dataclasses
import os
import threading
from typing import Any, List, Literal, Mapping, Optional, Tuple, Union

from . import _errors, _native, _values

__all__ = ["Catalog", "Finding", "lint"]

Isolation = Literal["auto", "never", "always"]
_ISOLATION = {"auto": 0, "never": 1, "always": 2}
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


def _opt(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else raw.decode("utf-8", "surrogateescape")


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

    def format(self, message_id: str, locale: str, args: Optional[Mapping[str, Any]] = None, *,
               formality: Optional[str] = None, tone: Optional[str] = None,
               channel: Optional[str] = None, time_zone: Optional[str] = None,
               isolation: Isolation = "auto") -> str:
        """Writes message `message_id` for a reader of `locale`.

        `args` maps argument names to values: str (text), int, float or
        decimal.Decimal (number), :class:`Money` (money), an aware
        datetime.datetime (date).  The keywords describe the context:
        `formality`, `tone` and `channel` are axis values (unset ones come
        from the locale's profile, except the channel), `time_zone` an IANA
        zone for dates, `isolation` the bidi isolation mode ``"auto"``,
        ``"never"`` or ``"always"``.

        Raises NotFoundError (unknown id), ArgumentError (missing or mistyped
        argument), InvalidError (an axis value, zone or value the catalog or
        library does not accept), LocaleError (malformed locale), LimitError,
        FormatError; TypeError for Python values of an unsupported type.
        """
        return self._run("glocal_format", message_id, locale, args, formality, tone, channel,
                         time_zone, isolation)

    def explain(self, message_id: str, locale: str, args: Optional[Mapping[str, Any]] = None, *,
                formality: Optional[str] = None, tone: Optional[str] = None,
                channel: Optional[str] = None, time_zone: Optional[str] = None,
                isolation: Isolation = "auto") -> str:
        """Explains in plain text how :meth:`format` would resolve the same
        call: the canonical locale, the fallback chain with each bundle's
        file, where each context value came from, the candidate variants and
        the winner, the format locale and (when `args` suffice) the output.
        The text is for people; its layout may change between releases.

        Raises what :meth:`format` raises, except ArgumentError and
        FormatError, which are reported inside the text.
        """
        return self._run("glocal_explain", message_id, locale, args, formality, tone, channel,
                         time_zone, isolation)

    def _run(self, fn_name: str, message_id: str, locale: str,
             args: Optional[Mapping[str, Any]], formality: Optional[str], tone: Optional[str],
             channel: Optional[str], time_zone: Optional[str], isolation: str) -> str:
        lib = _native.lib()
        raw_id = _values.encode(message_id, "message id")
        if not isinstance(isolation, str):
            raise TypeError(f"isolation must be str, not {type(isolation).__name__}")
        if isolation not in _ISOLATION:
            raise _errors.make(2, f"isolation must be 'auto', 'never' or 'always', not {isolation!r}")
        err = ctypes.c_void_p()
        request = ctypes.c_void_p()
        status = lib.glocal_request_new(_values.encode(locale, "locale"), ctypes.byref(request),
                                        ctypes.byref(err))
        if status != 0:
            raise _errors.from_status(status, err, f"locale {locale!r} was refused")
        arg_handle = None
        try:
            for axis, value in (("formality", formality), ("tone", tone), ("channel", channel)):
                if value is None:
                    continue
                status = lib.glocal_request_set_axis(request, axis.encode("ascii"),
                                                     _values.encode(value, axis),
                                                     ctypes.byref(err))
                if status != 0:
                    raise _errors.from_status(status, err, f"{axis} {value!r} was refused")
            if time_zone is not None:
                status = lib.glocal_request_set_time_zone(
                    request, _values.encode(time_zone, "time_zone"), ctypes.byref(err))
                if status != 0:
                    raise _errors.from_status(status, err, f"time zone {time_zone!r} was refused")
            if isolation != "auto":
                status = lib.glocal_request_set_isolation(request, _ISOLATION[isolation],
                                                          ctypes.byref(err))
                if status != 0:
                    raise _errors.from_status(status, err, f"isolation {isolation!r} was refused")
            arg_handle = _values.build_args(args)
            out = ctypes.c_void_p()
            ptr = self._acquire()
            try:
                status = getattr(lib, fn_name)(ptr, raw_id, request, arg_handle,
                                               ctypes.byref(out), ctypes.byref(err))
            finally:
                lib.glocal_catalog_unref(ptr)
            if status != 0:
                raise _errors.from_status(status, err, f"{message_id!r} for {locale!r} failed")
            return _take_string(lib, out)
        finally:
            lib.glocal_args_free(arg_handle)
            lib.glocal_request_free(request)


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
    findings = []
    try:
        for i in range(lib.glocal_findings_count(out)):
            x = lib.glocal_findings_at(out, i)
            findings.append(Finding(
                file=_opt(lib.glocal_finding_file(x)) or "",
                line=lib.glocal_finding_line(x),
                column=lib.glocal_finding_column(x),
                severity="warning" if lib.glocal_finding_severity(x) == 1 else "error",
                rule=_opt(lib.glocal_finding_rule(x)) or "",
                message=_opt(lib.glocal_finding_message(x)) or "",
                locale=_opt(lib.glocal_finding_locale(x)),
                message_id=_opt(lib.glocal_finding_message_id(x)),
            ))
    finally:
        lib.glocal_findings_free(out)
    return findings
