"""The import pipeline, in order: load -> detect dialect -> normalise -> slice -> refuse unsupported constructs
(each source), then merge -> generator workarounds -> overlay -> Region schema from servers -> canonical order
(-> write, in run_import)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import traps
from .canonical import canonical_order
from .config import ImportConfig
from .constructs import refuse_unsupported
from .dialect import detect
from .errors import SpecImportError
from .load import read_source
from .merge import merge_documents
from .normalise import normalise
from .overlay import apply_overlay, load_overlay
from .pointer import join
from .regions import derive_region_schema
from .slicing import slice_document
from .write import dump_yaml, write_atomically


def build_document(sources: Sequence[str | Path], config: ImportConfig, *, overlay: bool = True) -> dict[str, Any]:
    if not sources:
        raise SpecImportError("no sources given")
    sliced: list[tuple[str, dict[str, Any]]] = []
    found: set[tuple[str, str]] = set()
    for location in sources:
        source = read_source(location)
        with _blame(source.name):
            dialect = detect(source)
            normalise(source.doc, dialect, config)
            doc, keys = slice_document(source.doc, config.operations, source.name)
            refuse_unsupported(doc)
        sliced.append((source.name, doc))
        found |= keys
    names = ", ".join(name for name, _ in sliced)
    for method, path in config.operations or ():
        if (method, path) not in found:
            raise SpecImportError(f"operation {method} {path} not found", join("/paths", path, method.lower()), names)
    if not found:
        raise SpecImportError("no operations found", "/paths", names)
    merged = merge_documents(sliced)
    traps.apply_all(merged)
    if overlay and config.overlay is not None:
        apply_overlay(merged, load_overlay(config.overlay), str(config.overlay))
    derive_region_schema(merged)  # after the overlay: that is where the servers come from
    return canonical_order(merged)


def run_import(
    sources: Sequence[str | Path], config: ImportConfig, *, overlay: bool = True, output: Path | None = None
) -> Path:
    """Import ``sources`` and write the result; on any error the existing output is left as it was."""
    doc = build_document(sources, config, overlay=overlay)
    target = output if output is not None else config.output
    write_atomically(target, dump_yaml(doc, width=config.yaml_width, indent=config.yaml_indent))
    return target


@contextmanager
def _blame(source: str) -> Iterator[None]:
    """Adds the source's name to an importer error raised while that source is being processed."""
    try:
        yield
    except SpecImportError as exc:
        if exc.source is not None:
            raise
        raise SpecImportError(exc.message, exc.pointer, source) from None
