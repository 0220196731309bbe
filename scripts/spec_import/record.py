"""The sources of the canonical spec: kept gzipped under openapi/upstream/, listed in openapi/upstream/SOURCE.yaml.

``make update-spec`` stores each source it imported (replacing the previous ones that no operation needs any more)
and records, per configured operation, which stored file it came from. Tests read the record to reproduce the
canonical spec and to compare it with upstream, so importing another upstream version needs no test edit. An import
whose sources lack some configured operations takes those from their recorded sources (one docs page, one
operation).
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from .errors import SpecImportError
from .load import load_yaml_text
from .write import write_atomically

HEADER = """\
# The sources of the canonical spec (written by `make update-spec`; see openapi/README.md).
# Each file beside this one is a source exactly as imported, gzipped; `operations` are the ones taken from it.
"""


@dataclass(frozen=True)
class Stored:
    file: str  # name beside SOURCE.yaml
    origin: str  # the path or URL it was imported from
    sha256: str  # of the uncompressed bytes
    operations: tuple[str, ...]
    kept: bool = False  # True: an earlier import's source, still the origin of the operations listed


@dataclass(frozen=True)
class Record:
    folder: Path
    sources: tuple[Stored, ...]

    def paths(self) -> list[Path]:
        """The last import's own sources (what `make update-spec SRC=...` was given)."""
        return [self.folder / s.file for s in self.sources if not s.kept]

    def kept(self) -> list[tuple[str, list[str]]]:
        """Earlier sources still behind some operations: the fallback that reproduces the last import."""
        return [(str(self.folder / s.file), list(s.operations)) for s in self.sources if s.kept]

    def fallback(self) -> list[tuple[str, list[str]]]:
        return [(str(self.folder / s.file), list(s.operations)) for s in self.sources]


def load_record(path: Path) -> Record | None:
    if not path.exists():
        return None
    try:
        raw = load_yaml_text(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SpecImportError(f"cannot read the source record: {exc}", source=str(path)) from None
    entries = raw.get("sources") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise SpecImportError("the source record needs a list of sources", "/sources", str(path))
    sources = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise SpecImportError("source entry needs a file", f"/sources/{index}", str(path))
        sources.append(
            Stored(
                entry["file"],
                str(entry.get("from", "")),
                str(entry.get("sha256", "")),
                tuple(str(op) for op in entry.get("operations") or ()),
                entry.get("kept") is True,
            )
        )
    return Record(path.parent, tuple(sources))


def _stored_name(location: str) -> str:
    name = Path(urlparse(location).path).name or "source"
    return name if name.endswith(".gz") else name + ".gz"


def _origin(location: str) -> str:
    """What the record says a source came from: a URL as given, a file by its name (never a local machine's path)."""
    return location if urlparse(location).scheme in ("http", "https") else Path(location).name


def copy_sources(
    record_file: Path, sources: dict[str, bytes], previous: Record | None = None
) -> list[tuple[str, str, str, str]]:
    """Writes each source (location -> the bytes imported) gzipped beside the record (same content, same bytes:
    gzip without a timestamp); returns (stored file name, origin, sha256) per source. Bytes already recorded keep
    their stored file and recorded origin, wherever they were imported from this time: a no-op for the tree.
    Each entry also names the location it was read from (how the import's operations refer to it)."""
    recorded = {s.sha256: s for s in previous.sources} if previous is not None else {}
    stored = []
    for location, raw in sources.items():
        digest = hashlib.sha256(raw).hexdigest()
        known = recorded.get(digest)
        name, origin = (known.file, known.origin) if known else (_stored_name(location), _origin(location))
        target = record_file.parent / name
        if not (target.exists() and _unzipped(target) == raw):
            write_atomically(target, gzip.compress(raw, compresslevel=9, mtime=0))
        stored.append((name, origin, digest, location))
    return stored


def write_record(
    record_file: Path, stored: list[tuple[str, str, str, str]], origins: dict[str, str], previous: Record | None
) -> None:
    """Records which stored file each operation came from; deletes stored files no operation needs any more."""
    by_origin = {location: (name, digest) for name, _, digest, location in stored}
    old = {str(previous.folder / s.file): s for s in previous.sources} if previous is not None else {}
    entries: dict[str, dict[str, Any]] = {
        name: {"file": name, "from": origin, "sha256": digest, "operations": []} for name, origin, digest, _ in stored
    }
    for operation, origin in sorted(origins.items()):
        if origin in by_origin:
            entries[by_origin[origin][0]]["operations"].append(operation)
        else:  # kept from a recorded source
            kept = old[origin]
            entry = entries.setdefault(
                kept.file,
                {"file": kept.file, "from": kept.origin, "sha256": kept.sha256, "operations": [], "kept": True},
            )
            entry["operations"].append(operation)
    text = HEADER + yaml.dump({"sources": list(entries.values())}, Dumper=yaml.SafeDumper, sort_keys=False, width=120)
    write_atomically(record_file, text)
    for path in record_file.parent.glob("*.gz"):
        if path.name not in entries:
            path.unlink()


def _unzipped(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data.startswith(b"\x1f\x8b") else data
