"""Spec importer: any dialect of ElevenLabs' OpenAPI document -> the canonical spec openapi/elevenlabs-user.yaml.

Public API: ``load_spec`` (for other scripts, e.g. the spec diff), ``run_import``, ``SpecImportError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .config import ALL_OPERATIONS, DEFAULT_CONFIG_FILE, ImportConfig, load_config
from .errors import SpecImportError
from .pipeline import build_document, run_import


def load_spec(
    sources: Sequence[str | Path],
    *,
    operations: Sequence[str] | str | None = None,
    overlay: bool = True,
    config: ImportConfig | None = None,
    names: bool = True,
) -> dict[str, Any]:
    """The normalised, sliced, merged document of ``sources`` (paths, URLs, .gz, JSON, YAML or docs markdown).

    ``operations``: ``None`` keeps the configured list (openapi/import-config.yaml), ``"all"`` keeps every
    operation, or a list like ``["GET /v1/user"]``. ``overlay=False`` leaves out our additions (openapi/overlay.yaml);
    ``names=False`` leaves out the titles the name lock (openapi/names.yaml) sets.
    Raises SpecImportError for anything it cannot read or handle.
    """
    if isinstance(sources, str | Path):
        sources = [sources]
    settings = config if config is not None else load_config()
    if operations is not None:
        settings = settings.with_operations(operations if isinstance(operations, str) else list(operations))
    return build_document(list(sources), settings, overlay=overlay, naming=names)


__all__ = [
    "ALL_OPERATIONS",
    "DEFAULT_CONFIG_FILE",
    "ImportConfig",
    "SpecImportError",
    "load_config",
    "load_spec",
    "run_import",
]
