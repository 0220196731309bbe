"""The classifier against hand labels of the 20 real upstream transitions (tests/history.py): every version is
imported with the project's importer and generated with its generator, then both diffs run on each pair (each
version's spec and package read once: most are the new side of one pair and the old side of the next)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import griffe
import pytest
from history import LABELS, VERSIONS, Label, source

from scripts.generate import generate_into
from scripts.spec_diff import Change, Severity, diff_specs
from scripts.spec_diff.loading import load_spec_file
from scripts.spec_diff.python_api import compare_packages, load_package
from scripts.spec_import import load_config, run_import

WORDS = {Severity.BREAKING: "breaking", Severity.ADDITIVE: "compatible", Severity.DOCS: "compatible", None: "none"}


@cache
def _spec(path: Path) -> dict[str, Any]:
    return load_spec_file(path)


@cache
def _package(folder: Path) -> griffe.Module:
    return load_package(folder)


def label_of(changes: list[Change]) -> str:
    worst = min((c.severity for c in changes), key=lambda s: s.rank, default=None)
    return WORDS[worst]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Path, Path]]]:
    """version -> (its canonical spec, the folder holding its generated package)."""
    root = tmp_path_factory.mktemp("history")

    def build(version: str) -> tuple[str, tuple[Path, Path]]:
        spec = run_import([source(version)], load_config(), overlay=True, output=root / f"{version}.yaml")
        package = root / version
        generate_into(package, spec)
        return version, (spec, package)

    with ThreadPoolExecutor(max_workers=2) as pool:  # the generator runs in subprocesses
        yield dict(pool.map(build, VERSIONS))


def test_labels_cover_the_20_transitions_in_order() -> None:
    assert len(VERSIONS) == 21
    assert [(label.old, label.new) for label in LABELS] == list(zip(VERSIONS, VERSIONS[1:], strict=False))
    assert all(label.reason for label in LABELS)


@pytest.mark.parametrize("label", LABELS, ids=[f"{label.old[:10]}→{label.new[:10]}" for label in LABELS])
def test_classifier_agrees_with_the_hand_label(imported: dict[str, tuple[Path, Path]], label: Label) -> None:
    (old_spec, old_package), (new_spec, new_package) = imported[label.old], imported[label.new]
    wire = diff_specs(copy.deepcopy(_spec(old_spec)), copy.deepcopy(_spec(new_spec)))
    python = compare_packages(_package(old_package), _package(new_package))  # package_changes, with each read once
    got = (label_of(wire), label_of(python))
    assert got == (label.wire, label.python), (
        f"{label.old} → {label.new}: hand label (wire, python) = {(label.wire, label.python)} ({label.reason}); "
        f"classifier says {got}:\n" + "\n".join(f"  {c.severity.value} {c.kind.value} {c.where}" for c in wire + python)
    )


def test_make_diff_reads_every_raw_version_as_the_labels_were_checked(
    imported: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    # `make diff OLD=<raw> NEW=<raw>`, no flag: each raw published version is recognised and imported exactly as
    # above (overlay, name lock), so its verdict on every labelled transition is the one checked above.
    from scripts.spec_diff.both import as_imported

    for version in VERSIONS:
        folder = tmp_path / version
        folder.mkdir()
        read = as_imported(Path(source(version)), folder)
        assert read != Path(source(version)) and read.read_text() == imported[version][0].read_text(), version
