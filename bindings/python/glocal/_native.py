"""Loading libglocal.so.1 and declaring the C prototypes (private)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import subprocess
import threading

__all__ = ["lib", "LIBRARY_ENV"]

#: Environment variable naming the full path of the shared library to load.
LIBRARY_ENV = "GLOCAL_LIBRARY"

_SONAME = "libglocal.so.1"

_p = ctypes.c_void_p
_pp = ctypes.POINTER(ctypes.c_void_p)
_s = ctypes.c_char_p
_st = ctypes.c_int  # glocal_status, glocal_isolation, glocal_medium, glocal_severity
_u = ctypes.c_uint
_sz = ctypes.c_size_t
_i64 = ctypes.c_int64
_b = ctypes.c_int  # 0 or 1

# name: (restype, argtypes).  Opaque handles travel as c_void_p; strings the
# library allocates come back through c_void_p out-parameters so that they can
# be handed to glocal_free() after copying.
_PROTOTYPES = {
    "glocal_version": (_s, []),
    "glocal_version_number": (ctypes.c_int, []),
    "glocal_status_name": (_s, [_st]),
    "glocal_error_code": (_st, [_p]),
    "glocal_error_message": (_s, [_p]),
    "glocal_error_file": (_s, [_p]),
    "glocal_error_line": (_u, [_p]),
    "glocal_error_column": (_u, [_p]),
    "glocal_error_free": (None, [_p]),
    "glocal_free": (None, [_p]),
    "glocal_catalog_open": (_st, [_s, _pp, _pp]),
    "glocal_catalog_ref": (_p, [_p]),
    "glocal_catalog_unref": (None, [_p]),
    "glocal_catalog_locale_count": (_sz, [_p]),
    "glocal_catalog_locale_at": (_s, [_p, _sz]),
    "glocal_profile": (_st, [_p, _s, _s, _pp, _pp]),
    "glocal_request_new": (_st, [_s, _pp, _pp]),
    "glocal_request_set_axis": (_st, [_p, _s, _s, _pp]),
    "glocal_request_set_time_zone": (_st, [_p, _s, _pp]),
    "glocal_request_set_isolation": (_st, [_p, _st, _pp]),
    "glocal_request_set_medium": (_st, [_p, _st, _pp]),
    "glocal_request_add_fallback": (_st, [_p, _s, _pp]),
    "glocal_request_free": (None, [_p]),
    "glocal_args_new": (_st, [_pp, _pp]),
    "glocal_args_text": (_st, [_p, _s, _s, _pp]),
    "glocal_args_int": (_st, [_p, _s, _i64, _pp]),
    "glocal_args_double": (_st, [_p, _s, ctypes.c_double, _pp]),
    "glocal_args_decimal": (_st, [_p, _s, _s, _pp]),
    "glocal_args_date": (_st, [_p, _s, _i64, _pp]),
    "glocal_args_day": (_st, [_p, _s, ctypes.c_int, ctypes.c_int, ctypes.c_int, _pp]),
    "glocal_args_money": (_st, [_p, _s, _s, _s, _pp]),
    "glocal_args_code": (_st, [_p, _s, _s, _pp]),
    "glocal_sms_measure": (_st, [_s, ctypes.POINTER(_sz), ctypes.POINTER(_sz),
                                 ctypes.POINTER(ctypes.c_int), _pp]),
    "glocal_result_sms": (ctypes.c_int, [_p, ctypes.POINTER(_sz), ctypes.POINTER(_sz),
                                         ctypes.POINTER(ctypes.c_int)]),
    "glocal_args_free": (None, [_p]),
    "glocal_format": (_st, [_p, _s, _p, _p, _pp, _pp]),
    "glocal_explain": (_st, [_p, _s, _p, _p, _pp, _pp]),
    "glocal_lint": (_st, [_s, _pp, _pp]),
    "glocal_findings_count": (_sz, [_p]),
    "glocal_findings_at": (_p, [_p, _sz]),
    "glocal_finding_file": (_s, [_p]),
    "glocal_finding_line": (_u, [_p]),
    "glocal_finding_column": (_u, [_p]),
    "glocal_finding_severity": (_st, [_p]),
    "glocal_finding_rule": (_s, [_p]),
    "glocal_finding_message": (_s, [_p]),
    "glocal_finding_locale": (_s, [_p]),
    "glocal_finding_message_id": (_s, [_p]),
    "glocal_findings_free": (None, [_p]),
    "glocal_negotiate": (_st, [_p, _s, _pp, _pp]),
    "glocal_catalog_warnings": (_p, [_p]),
    "glocal_rule_count": (_sz, []),
    "glocal_rule_at": (_p, [_sz]),
    "glocal_rule_id": (_s, [_p]),
    "glocal_rule_severity": (_st, [_p]),
    "glocal_rule_summary": (_s, [_p]),
    # what was served
    "glocal_format_result": (_st, [_p, _s, _p, _p, _pp, _pp]),
    "glocal_result_text": (_s, [_p]),
    "glocal_result_bundle": (_s, [_p]),
    "glocal_result_variant": (_s, [_p]),
    "glocal_result_file": (_s, [_p]),
    "glocal_result_line": (_u, [_p]),
    "glocal_result_column": (_u, [_p]),
    "glocal_result_format_locale": (_s, [_p]),
    "glocal_result_language": (_s, [_p]),
    "glocal_result_fallback": (_b, [_p]),
    "glocal_result_axis": (_s, [_p, _s]),
    "glocal_result_axis_source": (_s, [_p, _s]),
    "glocal_result_axis_profile": (_s, [_p, _s]),
    "glocal_result_time_zone": (_s, [_p]),
    "glocal_result_time_zone_source": (_s, [_p]),
    "glocal_result_time_zone_profile": (_s, [_p]),
    "glocal_result_free": (None, [_p]),
    # reading a catalog
    "glocal_catalog_message_count": (_sz, [_p]),
    "glocal_catalog_message_at": (_p, [_p, _sz]),
    "glocal_message_id": (_s, [_p]),
    "glocal_message_note": (_s, [_p]),
    "glocal_message_locked": (_b, [_p]),
    "glocal_message_arg_count": (_sz, [_p]),
    "glocal_message_arg_name": (_s, [_p, _sz]),
    "glocal_message_arg_type": (_s, [_p, _sz]),
    "glocal_catalog_variants": (_st, [_p, _s, _s, _pp, _pp]),
    "glocal_variants_count": (_sz, [_p]),
    "glocal_variants_at": (_p, [_p, _sz]),
    "glocal_variant_key": (_s, [_p]),
    "glocal_variant_template": (_s, [_p]),
    "glocal_variant_bundle": (_s, [_p]),
    "glocal_variant_file": (_s, [_p]),
    "glocal_variant_line": (_u, [_p]),
    "glocal_variant_column": (_u, [_p]),
    "glocal_variant_inherited": (_b, [_p]),
    "glocal_variant_locked": (_b, [_p]),
    "glocal_variants_free": (None, [_p]),
    "glocal_catalog_chain": (_st, [_p, _s, _pp, _pp]),
    "glocal_catalog_locked_by": (_st, [_p, _s, _s, ctypes.POINTER(_s), _pp]),
    "glocal_chain_count": (_sz, [_p]),
    "glocal_chain_bundle": (_s, [_p, _sz]),
    "glocal_chain_file": (_s, [_p, _sz]),
    "glocal_chain_free": (None, [_p]),
    "glocal_catalog_language": (_s, [_p]),
    "glocal_catalog_axis_count": (_sz, [_p]),
    "glocal_catalog_axis_name": (_s, [_p, _sz]),
    "glocal_catalog_axis_value_count": (_sz, [_p, _s]),
    "glocal_catalog_axis_value": (_s, [_p, _s, _sz]),
    "glocal_catalog_channel_max_length": (_u, [_p, _s]),
    "glocal_catalog_terms": (_st, [_p, _s, _pp, _pp]),
    "glocal_terms_count": (_sz, [_p]),
    "glocal_terms_at": (_p, [_p, _sz]),
    "glocal_term_name": (_s, [_p]),
    "glocal_term_text": (_s, [_p]),
    "glocal_term_bundle": (_s, [_p]),
    "glocal_term_file": (_s, [_p]),
    "glocal_term_line": (_u, [_p]),
    "glocal_term_column": (_u, [_p]),
    "glocal_term_inherited": (_b, [_p]),
    "glocal_term_locked": (_b, [_p]),
    "glocal_terms_free": (None, [_p]),
}

_lock = threading.Lock()
_lib: ctypes.CDLL | None = None


def _pkg_config_libdir() -> str | None:
    """pkg-config's libdir for glocal (honours PKG_CONFIG_PATH), or None."""
    try:
        done = subprocess.run(["pkg-config", "--variable=libdir", "glocal"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=30,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    libdir = done.stdout.decode("utf-8", "replace").strip()
    return libdir if done.returncode == 0 and libdir else None


def _open() -> ctypes.CDLL:
    """The library from $GLOCAL_LIBRARY, else pkg-config's libdir, else the
    system loader (ld.so.cache, LD_LIBRARY_PATH), else find_library; the
    error names every place tried, so a missing ldconfig is easy to see."""
    explicit = os.environ.get(LIBRARY_ENV)
    if explicit:
        try:
            return ctypes.CDLL(explicit)
        except OSError as exc:
            raise OSError(f"cannot load {explicit!r} named by ${LIBRARY_ENV}: {exc}") from exc
    tried = [f"${LIBRARY_ENV}: not set"]
    libdir = _pkg_config_libdir()
    if libdir is None:
        tried.append("pkg-config --variable=libdir glocal: no glocal.pc found")
    else:
        path = os.path.join(libdir, _SONAME)
        try:
            return ctypes.CDLL(path)
        except OSError as exc:
            tried.append(f"pkg-config's libdir: {exc}")
    try:
        return ctypes.CDLL(_SONAME)
    except OSError as exc:
        tried.append(f"the system loader: {exc}")
    found = ctypes.util.find_library("glocal")
    if found:
        return ctypes.CDLL(found)
    tried.append("ctypes.util.find_library('glocal'): not found")
    raise OSError(
        f"cannot load {_SONAME}; tried " + "; ".join(tried) + ". Install libglocal (after "
        f"`meson install` into /usr/local run `ldconfig`), or set ${LIBRARY_ENV} to the "
        "library's full path, or PKG_CONFIG_PATH to the directory of its glocal.pc")


def lib() -> ctypes.CDLL:
    """The loaded library with its prototypes declared; loaded on first use."""
    global _lib
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is None:
            handle = _open()
            for name, (restype, argtypes) in _PROTOTYPES.items():
                fn = getattr(handle, name)
                fn.restype = restype
                fn.argtypes = argtypes
            version = handle.glocal_version().decode("ascii")
            if version.split(".")[0] != "1":
                raise OSError(f"libglocal {version} is not ABI-compatible with these bindings (need 1.x)")
            _lib = handle
    return _lib
