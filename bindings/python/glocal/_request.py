"""Building the glocal_request of one call: locale and context (private)."""

from __future__ import annotations

import ctypes
from typing import Iterable, Literal, Optional, Sequence, Tuple

from . import _errors, _native, _values

__all__ = ["Isolation", "Medium", "build"]

Isolation = Literal["auto", "never", "always"]
_ISOLATION = {"auto": 0, "never": 1, "always": 2}
Medium = Literal["channel", "plain", "html"]
_MEDIUM = {"channel": 0, "plain": 1, "html": 2}


def _locales(fallbacks: Iterable[str]) -> Tuple[str, ...]:
    # A str is iterable too: "de" would be read as the fallbacks "d" and "e".
    if isinstance(fallbacks, (str, bytes)):
        raise TypeError("fallbacks must be a sequence of locale tags such as ['es', 'en'], "
                        f"not a {type(fallbacks).__name__}")
    try:
        return tuple(fallbacks)
    except TypeError:
        raise TypeError("fallbacks must be a sequence of locale tags, not "
                        f"{type(fallbacks).__name__}") from None


def _check(status: int, err: ctypes.c_void_p, what: str) -> None:
    if status != 0:
        raise _errors.from_status(status, err, f"{what} was refused")


def build(locale: str, axes: Sequence[Tuple[str, Optional[str]]], time_zone: Optional[str],
          isolation: str, medium: str, fallbacks: Iterable[str]) -> int:
    """A new glocal_request for `locale`, the caller's (glocal_request_free).

    `axes` are (axis, value) pairs; a None value leaves the axis unset.  The
    library checks every value: axis names and values when formatting, since
    only the catalog knows them.
    """
    lib = _native.lib()
    if not isinstance(isolation, str):
        raise TypeError(f"isolation must be str, not {type(isolation).__name__}")
    if isolation not in _ISOLATION:
        raise _errors.make(2, f"isolation must be 'auto', 'never' or 'always', not {isolation!r}")
    if not isinstance(medium, str):
        raise TypeError(f"medium must be str, not {type(medium).__name__}")
    if medium not in _MEDIUM:
        raise _errors.make(2, f"medium must be 'channel', 'plain' or 'html', not {medium!r}")
    extra = _locales(fallbacks)
    err = ctypes.c_void_p()
    request = ctypes.c_void_p()
    status = lib.glocal_request_new(_values.encode(locale, "locale"), ctypes.byref(request),
                                    ctypes.byref(err))
    _check(status, err, f"locale {locale!r}")
    try:
        for axis, value in axes:
            if value is not None:
                status = lib.glocal_request_set_axis(request, _values.encode(axis, "axis"),
                                                     _values.encode(value, axis),
                                                     ctypes.byref(err))
                _check(status, err, f"{axis} {value!r}")
        if time_zone is not None:
            status = lib.glocal_request_set_time_zone(
                request, _values.encode(time_zone, "time_zone"), ctypes.byref(err))
            _check(status, err, f"time zone {time_zone!r}")
        if isolation != "auto":
            status = lib.glocal_request_set_isolation(request, _ISOLATION[isolation],
                                                      ctypes.byref(err))
            _check(status, err, f"isolation {isolation!r}")
        if medium != "channel":
            status = lib.glocal_request_set_medium(request, _MEDIUM[medium], ctypes.byref(err))
            _check(status, err, f"medium {medium!r}")
        for tag in extra:
            status = lib.glocal_request_add_fallback(
                request, _values.encode(tag, "fallback locale"), ctypes.byref(err))
            _check(status, err, f"fallback locale {tag!r}")
    except BaseException:
        lib.glocal_request_free(request)
        raise
    return request.value
