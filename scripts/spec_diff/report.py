"""Render a list of changes: grouped text for people, JSON for machines."""

from __future__ import annotations

import json
from typing import Any

from scripts.spec_diff.compare import Change
from scripts.spec_diff.rules import RULES, Kind, Severity

HEADINGS = {Severity.BREAKING: "Breaking", Severity.ADDITIVE: "Added", Severity.DOCS: "Docs"}
_MARKS = {Severity.BREAKING: "!", Severity.ADDITIVE: "+", Severity.DOCS: "~"}


# Additions and removals: the location says it all.
_NO_VALUES = {
    Kind.OPERATION_ADDED, Kind.OPERATION_REMOVED, Kind.RESPONSE_ADDED, Kind.RESPONSE_REMOVED,
    Kind.RESPONSE_BODY_ADDED, Kind.RESPONSE_BODY_REMOVED, Kind.PROPERTY_ADDED_REQUIRED, Kind.PROPERTY_ADDED_OPTIONAL,
    Kind.PROPERTY_REMOVED, Kind.PARAMETER_ADDED_REQUIRED, Kind.PARAMETER_ADDED_OPTIONAL, Kind.PARAMETER_REMOVED,
}  # fmt: skip


def _short(value: Any, width: int = 70) -> str:
    if value is None:
        return "(none)"
    text = ", ".join(map(str, value)) if isinstance(value, tuple | list) else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe(change: Change) -> str:
    """One line in words: where, what, and old → new when that helps."""
    text = f"{change.where}: {RULES[change.kind].wording}"
    if change.kind in (Kind.ENUM_VALUE_ADDED, Kind.ENUM_VALUE_REMOVED):
        return f"{text} {(change.new if change.kind is Kind.ENUM_VALUE_ADDED else change.old)!r}"
    if change.kind in _NO_VALUES or change.kind in (Kind.DEPRECATED, Kind.UNDEPRECATED):
        return text
    return f"{text}: {_short(change.old)} → {_short(change.new)}"


def worst(changes: list[Change]) -> Severity | None:
    return min((c.severity for c in changes), key=lambda s: s.rank, default=None)


def counts(changes: list[Change]) -> dict[str, int]:
    return {s.value: sum(c.severity is s for c in changes) for s in Severity}


def render_text(changes: list[Change], old_name: str, new_name: str) -> str:
    lines = [f"spec diff: {old_name} → {new_name}"]
    if not changes:
        return "\n".join([*lines, "no changes that matter to a client"])
    for severity in Severity:
        group = [c for c in changes if c.severity is severity]
        if not group:
            continue
        lines.append("")
        lines.append(f"{HEADINGS[severity]} ({len(group)})")
        lines += [f"  {_MARKS[severity]} {describe(c)}" for c in group]
    n = counts(changes)
    lines += ["", f"{n['breaking']} breaking, {n['additive']} additive, {n['docs']} docs-only"]
    return "\n".join(lines)


def render_json(changes: list[Change], old_name: str, new_name: str) -> str:
    top = worst(changes)
    payload = {
        "old": old_name,
        "new": new_name,
        "worst": top.value if top else None,
        "counts": counts(changes),
        "changes": [{**c.as_dict(), "text": describe(c)} for c in changes],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str)
