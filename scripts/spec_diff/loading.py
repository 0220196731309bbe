"""Read a spec for diffing through the importer (any dialect, docs pages included), from a file or from git."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from scripts.paths import CANONICAL_SPEC, ROOT
from scripts.spec_diff.shapes import HTTP_METHODS
from scripts.spec_import import SpecImportError, load_config, load_spec


class SpecLoadError(Exception):
    """A spec could not be read; the message says which one and why."""


def _keep_operations(doc: dict[str, Any], keep: Any) -> dict[str, Any]:
    """Only the operations this client is configured for; one missing from a side is then a real add/remove."""
    if not isinstance(doc.get("paths"), dict):
        return doc
    wanted = {(str(method).lower(), str(path)) for method, path in keep}
    paths: dict[str, Any] = {}
    for path, item in doc["paths"].items():
        if not isinstance(item, dict):
            continue
        kept = {k: v for k, v in item.items() if (k, path) in wanted or k not in HTTP_METHODS}
        if any(k in HTTP_METHODS for k in kept):
            paths[path] = kept
    return {**doc, "paths": paths}


def load_spec_file(path: Path, *, overlay: bool = False) -> dict[str, Any]:
    """The normalised OpenAPI dict of one source file (the importer's reading when it is available).

    `overlay=True` applies our openapi/overlay.yaml too: use it to compare a raw upstream source with the canonical
    spec, so that our own additions (servers, security, operationIds) do not show as changes.
    """
    if not path.is_file():
        raise SpecLoadError(f"{path}: no such file")
    try:
        # Every operation is read, so a side lacking one of ours shows as an added/removed operation, not an error;
        # Default no overlay: a diff shows what the documents say (a canonical spec already holds our additions).
        doc = load_spec([path], operations="all", overlay=overlay)
        return _keep_operations(doc, load_config().operations)
    except SpecImportError as exc:
        raise SpecLoadError(f"{path}: {exc}") from exc


def is_ours(doc: dict[str, Any]) -> bool:
    """Whether our importer wrote `doc` (the canonical or released spec, an --output import): it carries the title
    our overlay gives; ElevenLabs' own documents and docs pages do not."""
    from scripts.spec_import.overlay import load_overlay

    overlay = load_config().overlay
    actions = load_overlay(overlay).get("actions", []) if overlay is not None else []
    titles = {str(action.get("update", {}).get("title")) for action in actions if action.get("target") == "$.info"}
    return str((doc.get("info") or {}).get("title")) in titles


def git_revision_file(rev: str, dest: Path, path: Path = CANONICAL_SPEC, repo: Path = ROOT) -> Path:
    """The spec as committed at `rev` (e.g. HEAD), written into folder `dest`; the file's path."""
    rel = path.resolve().relative_to(repo.resolve()).as_posix()
    proc = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=repo, capture_output=True)
    if proc.returncode != 0:
        msg = proc.stderr.decode(errors="replace").strip()
        raise SpecLoadError(f"{rev}:{rel}: not in git ({msg})")
    copy = dest / path.name
    copy.write_bytes(proc.stdout)
    return copy


def load_git_revision(rev: str, path: Path = CANONICAL_SPEC, repo: Path = ROOT, *, overlay: bool = False
                      ) -> dict[str, Any]:  # fmt: skip
    """The spec as committed at `rev` (e.g. HEAD), read through the same loader."""
    with tempfile.TemporaryDirectory() as tmp:
        return load_spec_file(git_revision_file(rev, Path(tmp), path, repo), overlay=overlay)
