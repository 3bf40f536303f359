"""The in-tree PEP 517 build backend of the Python package `glocal`.

Why in-tree: the package is pure Python with no build step, and these
machines reach no package index.  A fresh venv's setuptools 65 has no
bdist_wheel, so `pip install ./bindings/python` with setuptools as backend
would need the `wheel` package from PyPI.  This backend needs only the
standard library (`requires = []`): it writes the wheel (PEP 427) and the
sdist itself, with the metadata of pyproject.toml's [project] table
(core metadata 2.1) and the version of glocal/__init__.py's __version__.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "glocal"
# Files of the sdist besides the package: what the backend needs to run again.
SDIST_EXTRA = ("pyproject.toml", "README.md", "_build/glocal_backend.py")
TAG = "py3-none-any"
# Fixed timestamp (1980-01-01, the zip epoch): the same tree gives the same wheel.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

__all__ = [
    "build_wheel", "build_sdist", "build_editable", "get_requires_for_build_wheel",
    "get_requires_for_build_sdist", "get_requires_for_build_editable",
    "prepare_metadata_for_build_wheel", "prepare_metadata_for_build_editable",
]


# --- reading pyproject.toml ---------------------------------------------

def _load_toml(text: str) -> dict:
    try:
        import tomllib  # Python 3.11+
    except ImportError:
        return _load_toml_subset(text)
    return tomllib.loads(text)


def _load_toml_subset(text: str) -> dict:
    """Python before 3.11 has no tomllib: reads the subset pyproject.toml uses
    (tables, strings, arrays of strings, one-line inline tables of strings)."""
    doc: dict = {}
    table = doc
    pending = ""
    for raw in text.splitlines():
        line = raw.split(" #")[0].strip() if not raw.lstrip().startswith("#") else ""
        if pending:
            pending += " " + line
            if not pending.rstrip().endswith("]"):
                continue
            line, pending = pending, ""
        if not line:
            continue
        header = re.fullmatch(r"\[([A-Za-z0-9_.-]+)\]", line)
        if header:
            table = doc
            for part in header.group(1).split("."):
                table = table.setdefault(part, {})
            continue
        key, _, value = (s.strip() for s in line.partition("="))
        if value.startswith("[") and not value.endswith("]"):
            pending = line
            continue
        table[key] = _toml_value(value)
    return doc


def _toml_value(value: str):
    if value.startswith("["):
        return re.findall(r'"((?:[^"\\]|\\.)*)"', value)
    if value.startswith("{"):
        return dict(re.findall(r'([A-Za-z0-9_-]+)\s*=\s*"((?:[^"\\]|\\.)*)"', value))
    if value.startswith('"') and value.endswith('"'):
        return value[1:-1]
    raise ValueError(f"pyproject.toml: unsupported value {value!r} for this Python's reader")


def _project() -> dict:
    with open(os.path.join(HERE, "pyproject.toml"), encoding="utf-8") as f:
        return _load_toml(f.read())["project"]


def _version() -> str:
    with open(os.path.join(HERE, PACKAGE, "__init__.py"), encoding="utf-8") as f:
        found = re.search(r'^__version__ = "([^"]+)"$', f.read(), re.M)
    if not found:
        raise RuntimeError(f"{PACKAGE}/__init__.py defines no __version__")
    return found.group(1)


def _metadata() -> str:
    project = _project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {_version()}",
        f"Summary: {project['description']}",
        f"Requires-Python: {project['requires-python']}",
    ]
    license_ = project.get("license", {})
    if "text" in license_:
        lines.append(f"License: {license_['text']}")
    lines += [f"Classifier: {c}" for c in project.get("classifiers", [])]
    lines += [f"Requires-Dist: {d}" for d in project.get("dependencies", [])]
    readme = project.get("readme")
    body = ""
    if readme:
        lines.append("Description-Content-Type: text/markdown")
        with open(os.path.join(HERE, readme), encoding="utf-8") as f:
            body = "\n" + f.read()
    return "\n".join(lines) + "\n" + body


def _dist_info() -> str:
    return f"{_project()['name']}-{_version()}.dist-info"


def _wheel_name() -> str:
    return f"{_project()['name']}-{_version()}-{TAG}.whl"


# --- writing ------------------------------------------------------------

def _package_files() -> list:
    """(path in the archive, path on disk) of the package, sorted."""
    root = os.path.join(HERE, PACKAGE)
    files = []
    for name in sorted(os.listdir(root)):
        if name.endswith(".py") or name == "py.typed":
            files.append((f"{PACKAGE}/{name}", os.path.join(root, name)))
    return files


def _dist_info_files() -> dict:
    return {
        "METADATA": _metadata(),
        "WHEEL": f"Wheel-Version: 1.0\nGenerator: glocal_backend\nRoot-Is-Purelib: true\nTag: {TAG}\n",
        "top_level.txt": PACKAGE + "\n",
    }


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(directory: str, entries: list) -> str:
    """Writes entries (archive name, bytes) and the dist-info; returns the file name."""
    dist_info = _dist_info()
    entries = entries + [(f"{dist_info}/{k}", v.encode()) for k, v in _dist_info_files().items()]
    record_name = f"{dist_info}/RECORD"
    record = "\n".join([_record_line(n, d) for n, d in entries] + [f"{record_name},,", ""])
    name = _wheel_name()
    # Written beside, then renamed: no half-written wheel under the final name.
    final = os.path.join(directory, name)
    partial = final + ".partial"
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as wheel:
        for arcname, data in entries + [(record_name, record.encode())]:
            info = zipfile.ZipInfo(arcname, ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    os.replace(partial, final)
    return name


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


# --- the PEP 517 / PEP 660 hooks -----------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist_info = _dist_info()
    os.makedirs(os.path.join(metadata_directory, dist_info), exist_ok=True)
    for name, text in _dist_info_files().items():
        with open(os.path.join(metadata_directory, dist_info, name), "w", encoding="utf-8") as f:
            f.write(text)
    return dist_info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, [(n, _read(p)) for n, p in _package_files()])


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """A wheel holding only a .pth file naming this source tree."""
    return _write_wheel(wheel_directory, [(f"{PACKAGE}.pth", (HERE + "\n").encode())])


def build_sdist(sdist_directory, config_settings=None):
    base = f"{_project()['name']}-{_version()}"
    final = os.path.join(sdist_directory, base + ".tar.gz")
    partial = final + ".partial"
    members = [(n, _read(p)) for n, p in _package_files()]
    members += [(n, _read(os.path.join(HERE, n))) for n in SDIST_EXTRA]
    members.append(("PKG-INFO", _metadata().encode()))
    with tarfile.open(partial, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for name, data in sorted(members):
            info = tarfile.TarInfo(f"{base}/{name}")
            info.size, info.mode, info.mtime = len(data), 0o644, 315532800
            tar.addfile(info, io.BytesIO(data))
    os.replace(partial, final)
    return base + ".tar.gz"
