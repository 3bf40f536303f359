"""The exception hierarchy (private module; everything is re-exported by glocal)."""

from __future__ import annotations

import ctypes
from typing import Optional

from . import _native

__all__ = [
    "Error", "NoMemoryError", "InvalidError", "BundleIOError", "BundleSyntaxError",
    "SchemaError", "LocaleError", "NotFoundError", "ArgumentError", "FormatError",
    "LimitError",
]


class Error(Exception):
    """Base class of every failure reported by libglocal.

    Attributes:
        code: the status name, such as ``"GLOCAL_ERR_SYNTAX"``
            (``"GLOCAL_ERR_UNKNOWN"`` for a status newer than this library).
        status: the numeric ``glocal_status``.
        message: the library's human message.
        file: ``"DIR/NAME"`` of the bundle concerned, or None.
        line: 1-based line, or None when unknown.
        column: 1-based column in Unicode code points, or None when unknown.

    ``str(error)`` is ``FILE:LINE:COLUMN: MESSAGE`` when the error is about a
    file, else the message.
    """

    #: The status this class stands for (None on the base class).
    status_code: Optional[int] = None

    def __init__(self, message: str, *, code: str = "GLOCAL_ERR_UNKNOWN", status: int = -1,
                 file: Optional[str] = None, line: Optional[int] = None,
                 column: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.file = file
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.file is None:
            return self.message
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        if self.message.startswith(where):
            return self.message
        return f"{where}: {self.message}"

    def __reduce__(self):
        return (_rebuild, (type(self), self.message, self.code, self.status,
                           self.file, self.line, self.column))


def _rebuild(cls, message, code, status, file, line, column):
    return cls(message, code=code, status=status, file=file, line=line, column=column)


class NoMemoryError(Error, MemoryError):
    """GLOCAL_ERR_NOMEM: an allocation failed inside the library."""
    status_code = 1


class InvalidError(Error, ValueError):
    """GLOCAL_ERR_INVALID: a bad value: an unknown axis value, time zone or
    profile key, a malformed decimal or currency code, text that is not valid
    Unicode or contains NUL."""
    status_code = 2


class BundleIOError(Error, OSError):
    """GLOCAL_ERR_IO: a catalog directory or bundle file could not be read."""
    status_code = 3


class BundleSyntaxError(Error):
    """GLOCAL_ERR_SYNTAX: YAML that does not parse, a duplicate key, or a
    template ICU cannot parse.  (Named so as not to shadow the builtin
    SyntaxError.)"""
    status_code = 4


class SchemaError(Error):
    """GLOCAL_ERR_SCHEMA: a bundle that parses but breaks the bundle rules."""
    status_code = 5


class LocaleError(Error, ValueError):
    """GLOCAL_ERR_LOCALE: a malformed BCP 47 locale tag."""
    status_code = 6


class NotFoundError(Error, LookupError):
    """GLOCAL_ERR_NOT_FOUND: an unknown or orphan message id."""
    status_code = 7


class ArgumentError(Error):
    """GLOCAL_ERR_ARGUMENT: a message argument is missing or of a type its use
    does not allow."""
    status_code = 8


class FormatError(Error):
    """GLOCAL_ERR_FORMAT: ICU failed on a valid catalog and valid arguments."""
    status_code = 9


class LimitError(Error):
    """GLOCAL_ERR_LIMIT: input or output beyond a documented safety limit."""
    status_code = 10


_BY_STATUS = {cls.status_code: cls for cls in (
    NoMemoryError, InvalidError, BundleIOError, BundleSyntaxError, SchemaError,
    LocaleError, NotFoundError, ArgumentError, FormatError, LimitError)}


def status_name(status: int) -> str:
    return _native.lib().glocal_status_name(status).decode("ascii")


def make(status: int, message: str, **where) -> Error:
    """An exception of the class for `status` (Error for unknown statuses)."""
    cls = _BY_STATUS.get(status, Error)
    return cls(message, code=status_name(status), status=status, **where)


def from_status(status: int, err: ctypes.c_void_p, fallback: str) -> Error:
    """Turns a failed call's status and glocal_error (may be NULL) into an
    exception, freeing the glocal_error."""
    lib = _native.lib()
    if not err.value:
        return make(status, fallback)
    try:
        status = lib.glocal_error_code(err)
        raw_message = lib.glocal_error_message(err)
        raw_file = lib.glocal_error_file(err)
        line = lib.glocal_error_line(err)
        column = lib.glocal_error_column(err)
        message = raw_message.decode("utf-8", "replace") if raw_message else fallback
        file = raw_file.decode("utf-8", "surrogateescape") if raw_file is not None else None
    finally:
        lib.glocal_error_free(err)
        err.value = None
    return make(status, message, file=file, line=line or None, column=column or None)
