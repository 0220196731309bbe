"""Both comparisons of two spec files in one list: the wire's changes, then the Python API's."""

from __future__ import annotations

from pathlib import Path

from scripts.spec_diff import diff_specs
from scripts.spec_diff.compare import Change
from scripts.spec_diff.loading import load_spec_file
from scripts.spec_diff.python_api import python_changes


def all_changes(old: Path, new: Path, *, overlay: bool = False, python: bool = True) -> list[Change]:
    """Wire changes, then (unless `python` is false) the Python API's, worst first within each."""
    changes = diff_specs(load_spec_file(old, overlay=overlay), load_spec_file(new, overlay=overlay))
    if python:
        changes += python_changes(old, new, overlay=overlay)
    return changes
