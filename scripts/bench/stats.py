"""Medians and same-round ratios: on a noisy machine only comparisons taken close together mean anything."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass
class Result:
    """One contender's samples in one measurement (one sample per round)."""

    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def ratio(samples: list[float], floor: list[float]) -> float:
    """Median over rounds of (this round's value / the floor's value in the same round)."""
    pairs = [a / b for a, b in zip(samples, floor, strict=True) if b > 0]
    return statistics.median(pairs) if pairs else float("nan")


def rotate(items: list[str], by: int) -> list[str]:
    """Each round starts with a different contender, so no one always runs first (cold caches) or last."""
    by %= max(len(items), 1)
    return items[by:] + items[:by]
