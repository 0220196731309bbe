"""The markdown table: one row per (measurement, contender), medians, same-round ratios, targets and ✓/✗."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from scripts.bench.contenders import FLOOR, SDK
from scripts.bench.stats import ratio

COLUMNS = ("Measurement", "Contender", "Median", "× floor", "× SDK", "Target", "Met")


@dataclass
class Row:
    measurement: str
    contender: str
    median: str
    vs_floor: str = ""
    vs_sdk: str = ""
    target: str = ""
    met: str = ""

    def cells(self) -> tuple[str, ...]:
        return (self.measurement, self.contender, self.median, self.vs_floor, self.vs_sdk, self.target, self.met)


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def times(x: float) -> str:
    return f"{x:.2f}×" if math.isfinite(x) else "—"


def duration(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def compared_rows(
    measurement: str,
    samples: dict[str, list[float]],
    fmt: str | None = None,
    floor_limit: float | None = None,
    absolute_limit: tuple[float, str] | None = None,
    must_beat_sdk: bool = True,
    floor: str = FLOOR,
    sdk: str = SDK,
) -> list[Row]:
    """Rows for samples where lower is better (times, memory): ratios to the floor and to the SDK, per round.

    Targets apply to the rows that are neither floor nor SDK (this client's): at most `floor_limit` × the floor,
    at most an absolute limit, and (if `must_beat_sdk`) lower than the SDK.
    """
    rows = []
    for name, values in samples.items():
        med = statistics.median(values)
        row = Row(measurement, name, fmt.format(med) if fmt else duration(med))
        to_floor = ratio(values, samples[floor]) if floor in samples and name != floor else None
        to_sdk = ratio(values, samples[sdk]) if sdk in samples and name != sdk else None
        row.vs_floor = times(to_floor) if to_floor is not None else ("1.00×" if name == floor else "")
        row.vs_sdk = times(to_sdk) if to_sdk is not None else ("1.00×" if name == sdk else "")
        if name not in (floor, sdk):
            goals, ok = [], True
            if floor_limit is not None and to_floor is not None:
                goals.append(f"≤ {floor_limit:.2f}× floor")
                ok &= to_floor <= floor_limit
            if absolute_limit is not None:
                goals.append(f"≤ {absolute_limit[1]}")
                ok &= med <= absolute_limit[0]
            if must_beat_sdk and to_sdk is not None:
                goals.append("< SDK")
                ok &= to_sdk < 1
            if goals:
                row.target, row.met = ", ".join(goals), mark(ok)
        rows.append(row)
    return rows


def unavailable_rows(measurement: str, reasons: dict[str, str]) -> list[Row]:
    return [
        Row(measurement, name, reason if reason.startswith(("n/a", "error")) else f"n/a: {reason}")
        for name, reason in reasons.items()
    ]


def render(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row.cells()) + " |")
    return "\n".join(lines)
