"""Money and the conversion of Python values to glocal arguments (private)."""

from __future__ import annotations

import ctypes
import datetime as _dt
import decimal
import re
from typing import Any, Mapping, NamedTuple, Optional, Union

from . import _errors, _native

__all__ = ["Money", "Code", "SmsMeasure", "sms_measure", "encode", "decode", "build_args"]

_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1
_CURRENCY = re.compile(r"[A-Z]{3}\Z")
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
_MS = _dt.timedelta(milliseconds=1)


def encode(value: Any, what: str) -> bytes:
    """UTF-8 bytes for a str passed to the library.

    Lone surrogates are passed through as the invalid UTF-8 they make, so the
    library refuses them (GLOCAL_ERR_INVALID) exactly as it would from C; NUL
    cannot cross a C string and is refused here with the same error.
    """
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")
    if "\0" in value:
        raise _errors.make(2, f"{what} contains a NUL character")
    return value.encode("utf-8", "surrogatepass")


def decode(raw: Optional[bytes]) -> Optional[str]:
    """A str for a string the library returned (None for NULL).  The library
    writes UTF-8; bytes from file names that are not are kept as surrogate
    escapes, as os.fsdecode() keeps them."""
    return None if raw is None else raw.decode("utf-8", "surrogateescape")


def _decimal_text(d: decimal.Decimal) -> bytes:
    # As written: str() keeps the exponent ("1E+999999999"), so a value is
    # never expanded here; the library decides what it accepts and says why.
    return str(d).encode("ascii")


class Money:
    """A money argument: an exact decimal amount in an ISO 4217 currency.

    >>> Money("19.90", "EUR")
    Money('19.90', 'EUR')

    `amount` is a str such as ``"19.90"`` or ``"-5"``, a decimal.Decimal or an
    int; it is kept exactly (floats are refused: they cannot hold 19.90).
    `currency` is three uppercase ASCII letters.  The amount is written
    rounded as CLDR says for the currency; the digits given are never lost
    before that.  Money objects are immutable, hashable and compare by value
    (``Money("1.0", "EUR") == Money("1.00", "EUR")``).
    """

    __slots__ = ("_amount", "_currency")

    def __init__(self, amount: Union[str, decimal.Decimal, int], currency: str) -> None:
        if isinstance(amount, bool) or not isinstance(amount, (str, decimal.Decimal, int)):
            raise TypeError("Money amount must be str, decimal.Decimal or int, not "
                            f"{type(amount).__name__} (floats cannot hold amounts exactly)")
        if isinstance(amount, str):
            try:
                value = decimal.Decimal(amount.strip())
            except decimal.InvalidOperation:
                raise _errors.make(2, f"Money amount {amount!r} is not a decimal number") from None
        else:
            value = decimal.Decimal(amount)
        if not value.is_finite():
            raise _errors.make(2, f"Money amount must be finite, not {amount!r}")
        if not isinstance(currency, str):
            raise TypeError(f"Money currency must be str, not {type(currency).__name__}")
        if not _CURRENCY.match(currency):
            raise _errors.make(2, f"Money currency {currency!r} is not an ISO 4217 code "
                                  "(three uppercase letters, such as 'EUR')")
        self._amount = value
        self._currency = currency

    @property
    def amount(self) -> decimal.Decimal:
        """The exact amount."""
        return self._amount

    @property
    def currency(self) -> str:
        """The ISO 4217 code, such as ``"EUR"``."""
        return self._currency

    def __repr__(self) -> str:
        return f"Money({str(self._amount)!r}, {self._currency!r})"

    def __str__(self) -> str:
        return f"{self._amount} {self._currency}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self._amount == other._amount and self._currency == other._currency

    def __hash__(self) -> int:
        return hash((self._amount, self._currency))

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, "_currency"):
            raise AttributeError("Money is immutable")
        object.__setattr__(self, name, value)


def _date_ms(value: _dt.datetime, what: str) -> int:
    if value.tzinfo is None or value.utcoffset() is None:
        raise _errors.make(2, f"{what} is a naive datetime; glocal needs an instant: attach a "
                              "tzinfo (e.g. datetime(..., tzinfo=timezone.utc))")
    # Exact integer arithmetic; sub-millisecond digits are dropped (floor).
    return (value - _EPOCH) // _MS


class Code:
    """A code argument (``_args`` type ``code``): a one-time password or an
    order number the reader copies or auto-fills, written exactly as given
    (never isolated, replaced or escaped).  The library checks it when it is
    passed: ASCII letters, digits and ``-`` only, else ArgumentError.

    >>> Code("AB-482913")
    Code('AB-482913')

    A plain ``str`` passed where a message declares ``code`` is read as a
    code too; Code also makes an undeclared ``{x}`` write a code.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"Code value must be str, not {type(value).__name__}")
        object.__setattr__(self, "_value", value)

    @property
    def value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Code({self._value!r})"

    def __str__(self) -> str:
        return self._value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Code) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("glocal.Code", self._value))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Code is immutable")


class SmsMeasure(NamedTuple):
    """How an SMS is billed: ``segments`` (parts; 0 for ""), ``units``
    (GSM-7 septets, or UTF-16 units for UCS-2) and ``ucs2``."""
    segments: int
    units: int
    ucs2: bool


def sms_measure(text: str) -> SmsMeasure:
    """How the SMS `text`, sent as it is, is billed (glocal_sms_measure):
    GSM-7 when every character is in GSM 03.38 (an extension character
    counts 2), else UCS-2; 160/153 septets or 70/67 units a part."""
    lib = _native.lib()
    segments, units, ucs2 = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_int()
    err = ctypes.c_void_p()
    status = lib.glocal_sms_measure(encode(text, "text"), ctypes.byref(segments),
                                    ctypes.byref(units), ctypes.byref(ucs2), ctypes.byref(err))
    if status != 0:
        raise _errors.from_status(status, err, "the text was refused")
    return SmsMeasure(segments.value, units.value, bool(ucs2.value))


def _set(lib, args: int, key: bytes, name: str, value: Any) -> None:
    what = f"argument {name!r}"
    err = ctypes.c_void_p()
    if isinstance(value, str):
        status = lib.glocal_args_text(args, key, encode(value, what), ctypes.byref(err))
    elif isinstance(value, bool):
        raise TypeError(f"{what} is a bool; glocal has no boolean type: pass a str "
                        "(for a select) or an int")
    elif isinstance(value, int):
        if _INT64_MIN <= value <= _INT64_MAX:
            status = lib.glocal_args_int(args, key, value, ctypes.byref(err))
        else:
            status = lib.glocal_args_decimal(args, key, str(int(value)).encode("ascii"),
                                            ctypes.byref(err))
    elif isinstance(value, float):
        status = lib.glocal_args_double(args, key, value, ctypes.byref(err))
    elif isinstance(value, decimal.Decimal):
        status = lib.glocal_args_decimal(args, key, _decimal_text(value), ctypes.byref(err))
    elif isinstance(value, Money):
        status = lib.glocal_args_money(args, key, _decimal_text(value.amount),
                                       value.currency.encode("ascii"), ctypes.byref(err))
    elif isinstance(value, Code):
        status = lib.glocal_args_code(args, key, encode(value.value, what), ctypes.byref(err))
    elif isinstance(value, _dt.datetime):
        status = lib.glocal_args_date(args, key, _date_ms(value, what), ctypes.byref(err))
    elif isinstance(value, _dt.date):  # a calendar day (a datetime is caught above)
        status = lib.glocal_args_day(args, key, value.year, value.month, value.day,
                                     ctypes.byref(err))
    else:
        raise TypeError(f"{what} has unsupported type {type(value).__name__} "
                        "(use str, int, float, Decimal, datetime, date, glocal.Money or "
                        "glocal.Code)")
    if status != 0:
        raise _errors.from_status(status, err, f"{what} was refused")


def build_args(args: Optional[Mapping[str, Any]]) -> Optional[int]:
    """A new glocal_args for `args` (None for None); the caller frees it."""
    if args is None:
        return None
    if not isinstance(args, Mapping):
        raise TypeError(f"args must be a mapping of names to values, not {type(args).__name__}")
    lib = _native.lib()
    out = ctypes.c_void_p()
    err = ctypes.c_void_p()
    status = lib.glocal_args_new(ctypes.byref(out), ctypes.byref(err))
    if status != 0:
        raise _errors.from_status(status, err, "cannot build arguments")
    handle = out.value
    try:
        for name, value in args.items():
            if not isinstance(name, str):
                raise TypeError(f"argument names must be str, not {type(name).__name__}")
            key = encode(name, "argument name")
            _set(lib, handle, key, name, value)
    except BaseException:
        lib.glocal_args_free(handle)
        raise
    return handle
