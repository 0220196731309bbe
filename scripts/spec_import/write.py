"""YAML out: fixed dumper settings, written atomically (temp file in the same folder, then os.replace)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scripts import atomic

from .errors import SpecImportError


def dump_yaml(doc: dict[str, Any], *, width: int = 120, indent: int = 2) -> str:
    # The pure-Python SafeDumper, never the C one: both exist, and only one may decide the bytes.
    return yaml.dump(
        doc,
        Dumper=yaml.SafeDumper,
        sort_keys=False,
        width=width,
        indent=indent,
        allow_unicode=True,
        default_flow_style=False,
    )


def write_atomically(path: Path, text: str | bytes) -> None:
    """The project's one atomic write (scripts.atomic), failures as SpecImportError naming the file."""
    try:
        atomic.write_atomically(Path(path), text)
    except OSError as exc:
        raise SpecImportError(f"cannot write output: {exc.strerror or exc}", source=str(path)) from None
