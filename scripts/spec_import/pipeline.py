"""The import pipeline. Its order lives here and only here:

each source: load -> detect dialect -> SOURCE_PASSES (3.1 in upstream's spelling, one spelling of null, $ref
siblings the generator would drop kept in a form it reads) -> slice -> refuse
unsupported constructs; then the document: merge -> overlay -> Region schema from servers -> Python names (the
name lock) -> canonical order (-> write, in run_import).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import docs, names, normalise, nullability, record, refs
from .canonical import canonical_order
from .config import ImportConfig
from .constructs import refuse_unsupported
from .dialect import Dialect, detect
from .errors import SpecImportError
from .load import read_source
from .merge import merge_documents
from .overlay import apply_overlay, load_overlay
from .pointer import join
from .regions import derive_region_schema
from .slicing import slice_document
from .write import dump_yaml, write_atomically

Pass = Callable[[dict[str, Any], ImportConfig], None]
_ALL = frozenset(Dialect)
_DOCS = frozenset({Dialect.DOCS})

# Per-source passes, in order, with the dialects each applies to. Each is idempotent.
SOURCE_PASSES: tuple[tuple[Pass, frozenset[Dialect]], ...] = (
    (normalise.set_target_version, _ALL),
    (docs.drop_page_info, _DOCS),
    (docs.enum_value_items, _DOCS),
    (docs.drop_double_format, _DOCS),
    (docs.one_of_as_any_of, _DOCS),
    (docs.drop_empty_content, _DOCS),
    (docs.sdk_names_from_tags, _DOCS),
    (docs.schema_names, _DOCS),
    (normalise.exclusive_bounds_to_numbers, frozenset({Dialect.OAS30})),
    (normalise.drop_32_only_fields, frozenset({Dialect.OAS32})),
    (nullability.one_null_spelling, _ALL),
    (normalise.one_value_enum_as_const, _ALL),
    (refs.keep_defaults, _ALL),
    (normalise.remove_auth_header_parameters, _ALL),
)


def normalise_source(doc: dict[str, Any], dialect: Dialect, config: ImportConfig) -> dict[str, Any]:
    for step, dialects in SOURCE_PASSES:
        if dialect in dialects:
            step(doc, config)
    return doc


@dataclass(frozen=True)
class Built:
    doc: dict[str, Any]
    lock: names.Lock
    # operation key ("GET /v1/user") -> the source it came from
    origins: dict[str, str]
    raw: dict[str, bytes]  # each given source's bytes, as read (gunzipped)
    kept: tuple[str, ...] = ()  # operations taken from the recorded sources of the canonical spec


def build(
    sources: Sequence[str | Path],
    config: ImportConfig,
    *,
    overlay: bool = True,
    lock: names.Lock | None = None,
    fallback: Sequence[tuple[str | Path, Sequence[str]]] = (),
    naming: bool = True,
) -> Built:
    """``fallback``: (source, operations) to fill configured operations that ``sources`` lack; their components
    only add what ``sources`` do not define (the given sources are newer)."""
    if not sources:
        raise SpecImportError("no sources given")
    sliced: list[tuple[str, dict[str, Any]]] = []
    origins: dict[str, str] = {}
    raw: dict[str, bytes] = {}
    for location in sources:
        doc, keys, raw[str(location)] = _read_and_slice(location, config)
        sliced.append((str(location), doc))
        origins.update({key: str(location) for key in keys})
    wanted = [f"{m} {p}" for m, p in config.operations or ()]
    kept: list[str] = []
    extra: list[tuple[str, dict[str, Any]]] = []
    for location, operations in fallback:
        missing = [op for op in operations if op in wanted and op not in origins]
        if missing:
            doc, keys, _ = _read_and_slice(location, config.with_operations(missing))
            extra.append((str(location), doc))
            origins.update({key: str(location) for key in keys})
            kept += sorted(keys)
    names_given = ", ".join(str(s) for s in sources)
    for key in wanted:
        if key not in origins:
            method, path = key.split(" ", 1)
            raise SpecImportError(f"operation {key} not found", join("/paths", path, method.lower()), names_given)
    if not origins:
        raise SpecImportError("no operations found", "/paths", names_given)
    merged = merge_documents(sliced, fallback=extra)
    if overlay and config.overlay is not None:
        apply_overlay(merged, load_overlay(config.overlay), str(config.overlay))
    derive_region_schema(merged)  # after the overlay: that is where the servers come from
    new_lock = names.Lock()
    if naming:
        new_lock = names.assign_names(merged, lock if lock is not None else names.load_lock(config.names))
    return Built(canonical_order(merged), new_lock, origins, raw, tuple(kept))


def build_document(
    sources: Sequence[str | Path], config: ImportConfig, *, overlay: bool = True, naming: bool = True
) -> dict[str, Any]:
    return build(sources, config, overlay=overlay, naming=naming).doc


def run_import(
    sources: Sequence[str | Path],
    config: ImportConfig,
    *,
    overlay: bool = True,
    output: Path | None = None,
    names_file: Path | None = None,
    report: Callable[[str], None] | None = None,
    fallback: Sequence[tuple[str | Path, Sequence[str]]] | None = None,
) -> Path:
    """Import ``sources`` and write the result; on any error the existing output is left as it was.

    Writing the configured output (``make update-spec``) also keeps the sources under openapi/upstream/ with their
    record, updates the name lock, and fills configured operations the sources lack from the recorded ones.
    """
    target = output if output is not None else config.output
    canonical = Path(target).resolve() == Path(config.output).resolve()
    previous = record.load_record(config.record) if canonical and config.record is not None else None
    lock_file = names_file if names_file is not None else config.names
    if fallback is None:
        fallback = previous.fallback() if previous is not None else ()
    built = build(sources, config, overlay=overlay, lock=names.load_lock(lock_file), fallback=fallback)
    # A .json output (the whole API for the generator, the bench, tests) skips the slow pure-Python YAML dumper.
    text = (
        json.dumps(built.doc, ensure_ascii=False, default=str) + "\n"
        if Path(target).suffix == ".json"
        else dump_yaml(built.doc, width=config.yaml_width, indent=config.yaml_indent)
    )
    stored = (
        record.copy_sources(config.record, built.raw, previous) if canonical and config.record is not None else None
    )
    if lock_file is not None and (canonical or names_file is not None):
        write_atomically(lock_file, names.dump_lock(built.lock))
    write_atomically(target, text)
    if stored is not None and config.record is not None:
        record.write_record(config.record, stored, built.origins, previous)
    if report is not None and built.kept:
        report(f"kept from the recorded sources of the current spec: {', '.join(built.kept)}")
    return target


def _read_and_slice(location: str | Path, config: ImportConfig) -> tuple[dict[str, Any], set[str], bytes]:
    source = read_source(location)
    with _blame(source.name):
        dialect = detect(source)
        normalise_source(source.doc, dialect, config)
        doc, keys = slice_document(source.doc, config.operations, source.name)
        refuse_unsupported(doc)
    return doc, {f"{method} {path}" for method, path in keys}, source.raw


@contextmanager
def _blame(source: str) -> Iterator[None]:
    """Adds the source's name to an importer error raised while that source is being processed."""
    try:
        yield
    except SpecImportError as exc:
        if exc.source is not None:
            raise
        raise SpecImportError(exc.message, exc.pointer, source) from None
