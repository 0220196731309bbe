"""Smoke test of `make bench` with tiny round counts: the table has the right shape. Timings are never asserted."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from scripts.bench import __main__ as bench
from scripts.bench import contenders, generation, parse
from scripts.bench.table import COLUMNS

RATIO = re.compile(r"^\d+\.\d\d×$|^—$")
TINY = [
    "--rounds", "2", "--calls", "3",
    "--cold-rounds", "1", "--cold-python", "self",  # the clean venv needs the package index: not in tests
    "--instruction-calls", "4",
    "--parse-rounds", "2", "--parse-iterations", "3",
    "--generate-rounds", "1",
    "--fanout", "12", "--max-connections", "4", "--fanout-rounds", "1",
]  # fmt: skip


def _table(text: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip()[1:-1])] for line in lines]


# Stands in for valgrind (a real run takes minutes): reports a count made from the child's arguments, per call
# 1 M (sync) and 2 M (async) for raw httpx, half as much again for this client, 10 M for a cold start; for N parses
# 40 k each, the first 20 k more.
_FAKE_VALGRIND = """#!{python}
import sys
args = sys.argv[sys.argv.index("-c") + 2:]
if not args:
    total = 10_000_000
elif len(args) == 1:
    total = 5_000_000 + 40_000 * int(args[0]) + (20_000 if int(args[0]) else 0)
else:
    scale = 1.0 if args[0] == "raw" else 1.5
    total = int(scale * (1_000_000 * int(args[1]) + 2_000_000 * int(args[2]))) + 5_000_000
print(f"==1== Collected : {{total}}", file=sys.stderr)
"""


def _fake_valgrind(directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = directory / "valgrind"
    fake.write_text(_FAKE_VALGRIND.format(python=sys.executable))
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{directory}{os.pathsep}{os.environ['PATH']}")


@pytest.mark.slow
def test_tiny_run_prints_and_writes_a_well_formed_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The full-document row takes minutes; pointing it at a missing file checks that it degrades to "n/a".
    monkeypatch.setattr(generation, "FULL_DOCUMENT", tmp_path / "missing.json.gz")
    _fake_valgrind(tmp_path, monkeypatch)
    # The SDK's place is taken by a stand-in (tests/sdk_stand_in), here and in the bench's child processes:
    # `make test` does not install the SDK, and this test checks the harness and its table, never a timing.
    stand_in = str(Path(__file__).parent / "sdk_stand_in")
    monkeypatch.syspath_prepend(stand_in)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [stand_in, os.environ.get("PYTHONPATH")])))
    output = tmp_path / "out" / "bench.md"

    assert bench.main([*TINY, "--output", str(output)]) == 0

    printed = capsys.readouterr().out
    written = output.read_text()
    assert written.strip() in printed
    assert re.search(r"^## Benchmark run \d{4}-\d\d-\d\d \d\d:\d\d UTC$", written, re.M)
    assert re.search(r"Machine: \d+ CPUs \(nproc \d+\), [\d.]+ GiB memory", written)
    assert "keep-alive: yes" in written
    assert "Cold-start interpreter: " in written and "dev venv" in written

    header, rule, *rows = _table(written)
    assert tuple(header) == COLUMNS
    assert len(rule) == len(header) == 7
    assert all(len(row) == 7 for row in rows), rows
    by_measurement: dict[str, list[list[str]]] = {}
    for row in rows:
        by_measurement.setdefault(row[0], []).append(row)
    assert not [r for r in rows if r[2].startswith("error")], "a section failed"

    for mode in ("sync", "async"):
        per_call = by_measurement[f"GET /v1/user per call, {mode}"]
        assert [r[1] for r in per_call if not r[2].startswith("n/a")][:2] == [contenders.FLOOR, contenders.DEFAULT]
        assert {r[1] for r in per_call} == set(contenders.ORDER)
        floor = next(r for r in per_call if r[1] == contenders.FLOOR)
        assert floor[3] == "1.00×"
        ours = next(r for r in per_call if r[1] == contenders.DEFAULT)
        assert RATIO.match(ours[3]) and RATIO.match(ours[4])
        limit = {"sync": "1.10", "async": "1.05"}[mode]
        assert ours[5] == f"≤ {limit}× floor, < SDK" and ours[6] in ("✓", "✗")

    cold = [m for m in by_measurement if m.startswith("cold start")]
    assert len(cold) == 2
    for measurement in cold:
        assert {r[1] for r in by_measurement[measurement]} == set(contenders.ORDER)
    peak = by_measurement["cold start: peak RSS"]
    assert all(re.match(r"^\d+\.\d MiB$", r[2]) for r in peak if not r[2].startswith("n/a"))

    parse_rows = next(v for k, v in by_measurement.items() if k.startswith("parse only"))
    assert [r[1] for r in parse_rows] == [parse.JSON_ONLY, parse.THIS_MODEL, parse.SDK_MODEL]
    assert parse_rows[1][5] == "< SDK" and parse_rows[1][6] in ("✓", "✗")

    (generate,) = by_measurement["`make generate`, canonical spec"]
    assert re.match(r"^[\d.]+ (s|ms), \d+ files$", generate[2]) and generate[5] == "≤ 3 s"
    (full,) = next(v for k, v in by_measurement.items() if k.startswith("full upstream document"))
    assert full[2].startswith("n/a: ") and "missing.json.gz" in full[2]

    counted = {k: v for k, v in by_measurement.items() if k.startswith("instructions")}
    attrs_floor = "raw httpx + import attrs"
    assert [[r[1:4] + r[5:] for r in v] for v in counted.values()] == [
        # sync: differences / N
        [
            [contenders.FLOOR, "1000 k", "1.00×", "", ""],
            [contenders.DEFAULT, "1500 k", "1.50×", "≤ 1.05× raw httpx", "✗"],
        ],
        [
            [contenders.FLOOR, "2000 k", "1.00×", "", ""],
            [contenders.DEFAULT, "3000 k", "1.50×", "≤ 1.03× raw httpx", "✗"],
        ],
        [  # a whole cold start, against raw httpx preceded by `import attrs`
            [attrs_floor, "10.0 M", "1.00×", "", ""],
            [contenders.FLOOR, "10.0 M", "1.00×", "", ""],
            [contenders.DEFAULT, "10.0 M", "1.00×", f"≤ 1.05× {attrs_floor}", "✓"],
        ],
        [
            ["after the 10th (CPython specialised)", "40 k", "1.00×", "", ""],
            ["second parse", "40 k", "1.00×", "", ""],
            ["first parse", "60 k", "1.50×", "≤ 1.25× second", "✗"],
        ],
    ]

    fan = [k for k in by_measurement if k.startswith("async fan-out: 12 concurrent")]
    assert len(fan) == 2
    throughput = by_measurement[fan[0]]
    assert all(re.search(r"\(\d+ calls/s(; [^)]+)?\)$", r[2]) for r in throughput)
    assert {r[1] for r in throughput} >= {contenders.FLOOR, contenders.DEFAULT, contenders.SDK}


def test_without_valgrind_the_instruction_rows_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no valgrind on it
    output = tmp_path / "bench.md"
    assert bench.main(["--sections", "instructions", "--cold-python", "self", "--output", str(output)]) == 0
    rows = [r for r in _table(output.read_text())[2:] if r[0].startswith("instructions")]
    assert len(rows) == 3 and all(r[2] == "n/a: valgrind is not installed" for r in rows)


def test_unknown_section_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert bench.main(["--sections", "percall,nonsense", "--output", str(tmp_path / "b.md")]) == 2
    assert "nonsense" in capsys.readouterr().err
    assert not (tmp_path / "b.md").exists()
