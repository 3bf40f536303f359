"""Result and AxisValue: what a format call served (private; re-exported by glocal)."""

from __future__ import annotations

import ctypes
import dataclasses
from typing import Iterable, Mapping, Optional

from ._frozen import FrozenDict
from ._values import SmsMeasure, decode

__all__ = ["AxisValue", "Result", "read"]


@dataclasses.dataclass(frozen=True)
class AxisValue:
    """The value an axis had in the context that chose the variant.

    `source` says where it came from: ``"request"`` (the call's keyword) or
    ``"profile"`` (a bundle's profile; `profile` is that bundle's locale,
    None otherwise).  Later library releases may add sources: treat an
    unknown one as opaque.
    """

    value: str
    source: str
    profile: Optional[str] = None


@dataclasses.dataclass(frozen=True)
class Result:
    """A formatted message and how glocal chose it.

    `text` is what :meth:`Catalog.format` returns for the same call
    (``str(result)`` too).  `bundle` is the locale of the bundle whose variant
    was served (``"de-CH"``, or ``"base"``), `variant` its key as written
    (``"informal+sms"``; ``"other"`` for a message written as one string),
    `file`, `line` and `column` where it is written.  `format_locale` is the
    BCP 47 locale numbers and dates were written in, `language` the text's
    language and script (``"de-Latn"``), `fallback` True when that language
    is not the request's.  `axes` maps each axis that had a value, in the
    catalog's rank order, to its :class:`AxisValue`; `time_zone` is the IANA
    zone of dates and `time_zone_source` ``"request"``, ``"profile"``,
    ``"region"`` (the reader's country has only that zone) or ``"default"``
    (open to new values); `time_zone_profile` the bundle whose profile set it
    (None unless the source is ``"profile"``).
    """

    text: str
    bundle: str
    variant: str
    file: str
    line: int
    column: int
    format_locale: str
    language: str
    fallback: bool
    axes: Mapping[str, AxisValue]
    time_zone: str
    time_zone_source: str
    time_zone_profile: Optional[str] = None
    #: The SMS measure of `text` when the context's channel is declared
    #: ``kind: sms`` (a glocal.SmsMeasure), else None.  Since 1.1.
    sms: Optional["SmsMeasure"] = None

    def __str__(self) -> str:
        return self.text


def _axes(lib, res: int, names: Iterable[str]) -> FrozenDict:
    axes = {}
    for name in names:
        key = name.encode("utf-8")
        value = lib.glocal_result_axis(res, key)
        if value is not None:
            axes[name] = AxisValue(value=decode(value) or "",
                                   source=decode(lib.glocal_result_axis_source(res, key)) or "",
                                   profile=decode(lib.glocal_result_axis_profile(res, key)))
    return FrozenDict(axes)


def read(lib, res: int, axis_names: Iterable[str]) -> Result:
    """A Result copied from the glocal_result `res`; axis_names are the
    catalog's axes, in rank order.  Does not free res."""
    return Result(
        text=decode(lib.glocal_result_text(res)) or "",
        bundle=decode(lib.glocal_result_bundle(res)) or "",
        variant=decode(lib.glocal_result_variant(res)) or "",
        file=decode(lib.glocal_result_file(res)) or "",
        line=lib.glocal_result_line(res),
        column=lib.glocal_result_column(res),
        format_locale=decode(lib.glocal_result_format_locale(res)) or "",
        language=decode(lib.glocal_result_language(res)) or "",
        fallback=bool(lib.glocal_result_fallback(res)),
        axes=_axes(lib, res, axis_names),
        time_zone=decode(lib.glocal_result_time_zone(res)) or "",
        time_zone_source=decode(lib.glocal_result_time_zone_source(res)) or "",
        time_zone_profile=decode(lib.glocal_result_time_zone_profile(res)),
        sms=_sms(lib, res),
    )


def _sms(lib, res: int) -> Optional[SmsMeasure]:
    segments, units, ucs2 = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_int()
    if not lib.glocal_result_sms(res, ctypes.byref(segments), ctypes.byref(units),
                                 ctypes.byref(ucs2)):
        return None
    return SmsMeasure(segments.value, units.value, bool(ucs2.value))
