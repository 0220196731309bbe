"""Both comparisons of two spec files in one list: the wire's changes, then the Python API's (each spec generated
into a temporary package with the project's generator, then compared by python_api)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from scripts.spec_diff import diff_specs
from scripts.spec_diff.compare import Change
from scripts.spec_diff.loading import SpecLoadError, is_ours, load_spec_file
from scripts.spec_diff.python_api import PythonApiError, compare_packages, load_package


def generate_package(spec: Path, dest: Path, *, overlay: bool = False) -> Path:
    """Generate `spec` with the project's generator, config and templates into `dest`; the folder holding it.

    `overlay`: `spec` is a raw upstream source; import it (configured operations, our overlay) first.
    """
    from scripts.generate import GenerationError, generate_into
    from scripts.spec_import import SpecImportError, load_config, run_import

    dest.mkdir(parents=True, exist_ok=True)
    try:
        if overlay:
            spec = run_import([spec], load_config(), overlay=True, output=dest / "imported.yaml")
        generate_into(dest, spec)
    except (GenerationError, SpecImportError) as exc:
        raise PythonApiError(f"cannot generate a package from {spec}: {exc}") from exc
    return dest


def python_changes(old_spec: Path, new_spec: Path, *, overlay: bool = False) -> list[Change]:
    """Generate both specs into temporary packages and compare their public Python APIs."""
    with tempfile.TemporaryDirectory(prefix="spec-diff-python-") as tmp:
        old = load_package(generate_package(old_spec, Path(tmp) / "old", overlay=overlay))
        new = load_package(generate_package(new_spec, Path(tmp) / "new", overlay=overlay))
        return compare_packages(old, new)


def as_imported(path: Path, folder: Path, *, force: bool = False) -> Path:
    """`path` as `make sync` would see it: a spec our importer wrote (canonical, released) as it is; a raw upstream
    document (OpenAPI 3.0 / 3.1 / 3.2, JSON or YAML, docs pages: recognised by not carrying our overlay's title)
    imported into `folder` with the overlay and the name lock first. SpecLoadError names the file and why."""
    from scripts.spec_import import SpecImportError, load_config, run_import

    if not force and is_ours(load_spec_file(path)):
        return path
    try:
        return run_import([path], load_config(), overlay=True, output=folder / f"{path.stem}.imported.yaml")
    except (SpecImportError, OSError) as exc:
        raise SpecLoadError(f"{path}: {exc}") from None


def all_changes(old: Path, new: Path, *, overlay: bool = False, python: bool = True) -> list[Change]:
    """Wire changes, then (unless `python` is false) the Python API's, worst first within each; each side read as
    `make sync` reads it (see as_imported; `overlay` imports both sides whatever they are)."""
    with tempfile.TemporaryDirectory(prefix="spec-diff-import-") as tmp:
        (Path(tmp) / "old").mkdir()
        (Path(tmp) / "new").mkdir()
        old = as_imported(old, Path(tmp) / "old", force=overlay)
        new = as_imported(new, Path(tmp) / "new", force=overlay)
        changes = diff_specs(load_spec_file(old), load_spec_file(new))
        if python:
            changes += python_changes(old, new)
        return changes
