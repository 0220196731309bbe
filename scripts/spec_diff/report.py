"""Render the two comparisons (wire and Python API): grouped text for people, JSON for machines."""

from __future__ import annotations

import json

from scripts.spec_diff.changelog import entry_sections
from scripts.spec_diff.compare import Change
from scripts.spec_diff.rules import Severity, is_python_level


def worst(changes: list[Change]) -> Severity | None:
    return min((c.severity for c in changes), key=lambda s: s.rank, default=None)


def counts(changes: list[Change]) -> dict[str, int]:
    return {s.value: sum(c.severity is s for c in changes) for s in Severity}


def verdict_word(severity: Severity | None) -> str:
    return severity.value if severity is not None else "no changes"


def split_layers(changes: list[Change]) -> tuple[list[Change], list[Change]]:
    """(wire changes, Python-level changes)."""
    return [c for c in changes if not is_python_level(c.kind)], [c for c in changes if is_python_level(c.kind)]


def verdict_lines(changes: list[Change], python_compared: bool = True) -> list[str]:
    wire, python = split_layers(changes)
    shown_python = verdict_word(worst(python)) if python_compared else "not compared (--wire-only)"
    return [
        f"wire (HTTP API): {verdict_word(worst(wire))}",
        f"Python API:      {shown_python}",
        f"verdict:         {verdict_word(worst(changes))} (the worse of the two)",
    ]


def render_text(changes: list[Change], old_name: str, new_name: str, python_compared: bool = True) -> str:
    lines = [f"spec diff: {old_name} → {new_name}", *verdict_lines(changes, python_compared)]
    if not changes:
        return "\n".join([*lines, "", "no changes that matter to a client"])
    for section, body in entry_sections(changes).items():
        lines += ["", f"{section.value.upper()}", "", *body]
    n = counts(changes)
    lines += [f"{n['breaking']} breaking, {n['additive']} additive, {n['docs']} docs-only"]
    return "\n".join(lines)


def render_json(changes: list[Change], old_name: str, new_name: str, python_compared: bool = True) -> str:
    wire, python = split_layers(changes)
    top = worst(changes)
    payload = {
        "old": old_name,
        "new": new_name,
        "worst": top.value if top else None,
        "wire": verdict_word(worst(wire)),
        "python": verdict_word(worst(python)) if python_compared else None,
        "counts": counts(changes),
        "changes": [{**c.as_dict(), "layer": "python" if is_python_level(c.kind) else "wire"} for c in changes],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str)
