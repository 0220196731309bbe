"""YAML out: fixed dumper settings, written atomically (temp file in the same folder, then os.replace)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .errors import SpecImportError


def dump_yaml(doc: dict[str, Any], *, width: int = 120, indent: int = 2) -> str:
    # The pure-Python SafeDumper, never the C one: both exist, and only one may decide the bytes.
    return yaml.dump(doc, Dumper=yaml.SafeDumper, sort_keys=False, width=width, indent=indent, allow_unicode=True,
                     default_flow_style=False)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(path: Path, text: str | bytes) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise SpecImportError(f"cannot write output: {exc.strerror or exc}", source=str(path)) from None
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would have (or the old file's).
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise SpecImportError(f"cannot write output: {exc.strerror or exc}", source=str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
