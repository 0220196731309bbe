"""A CHANGELOG entry for consumers of the package: full text, grouped by model and by operation, each change once.

Sections (rules.Section): Breaking (each with what to change in calling code), Added, Deprecated, Changed
(compatible: e.g. a response field that can no longer be null), Docs. A wire change to a schema property is listed
under its model, once, however many operations return that model; a Python-level change the wire already explains
(the attribute of that model, the member of that enum) is folded into it; the others are listed under "Python API".
"""

from __future__ import annotations

from typing import Any

from scripts.spec_diff.compare import Change
from scripts.spec_diff.rules import RULES, Kind, Section, is_python_level

_VALUE_KINDS = {Kind.ENUM_VALUE_ADDED, Kind.ENUM_VALUE_REMOVED}
_PLAIN = {
    Kind.OPERATION_ADDED, Kind.OPERATION_REMOVED, Kind.RESPONSE_ADDED, Kind.RESPONSE_REMOVED,
    Kind.RESPONSE_BODY_ADDED, Kind.RESPONSE_BODY_REMOVED, Kind.PROPERTY_ADDED_REQUIRED, Kind.PROPERTY_ADDED_OPTIONAL,
    Kind.PROPERTY_REMOVED, Kind.PARAMETER_ADDED_REQUIRED, Kind.PARAMETER_ADDED_OPTIONAL, Kind.PARAMETER_REMOVED,
    Kind.DEPRECATED, Kind.UNDEPRECATED, Kind.BECAME_OPTIONAL, Kind.BECAME_REQUIRED, Kind.BECAME_NULLABLE,
    Kind.BECAME_NON_NULLABLE, Kind.PY_PARAMETER_ADDED_OPTIONAL,
}  # fmt: skip


def shown(value: Any) -> str:
    """A value in full, as a reader wants it: text quoted, lists joined, absence named."""
    if value is None:
        return "nothing"
    if isinstance(value, tuple | list | frozenset | set):
        return ", ".join(sorted(map(str, value)))
    if isinstance(value, str):
        return f"“{' '.join(value.split())}”"
    return str(value)


def _what(change: Change) -> str:
    """The change in words, without where it is."""
    wording = RULES[change.kind].wording
    if change.kind in _VALUE_KINDS:
        value = change.new if change.kind is Kind.ENUM_VALUE_ADDED else change.old
        return f"{wording} `{value}`"
    if change.kind in _PLAIN:
        return wording
    if change.kind is Kind.PY_NAME_ADDED:
        return f"new {change.new}"
    if change.kind is Kind.PY_NAME_REMOVED:
        article = "an" if str(change.old)[:1] in "aeiou" else "a"
        return f"{wording} (was {article} {change.old})" if change.old else wording
    if is_python_level(change.kind):
        return f"{wording}: `{change.old}` → `{change.new}`"
    if change.kind is Kind.DESCRIPTION_CHANGED:
        return f"{wording} to {shown(change.new)} (was {shown(change.old)})"
    return f"{wording}: {shown(change.old)} → {shown(change.new)}"


def _python_key(change: Change) -> str:
    """`CLASS.ATTRIBUTE` (or `ENUM.MEMBER`) of a Python-level change, to fold it into the wire change it mirrors."""
    return ".".join(str(change.model).split(".")[-2:]).upper()


def _explained(changes: list[Change]) -> set[tuple[Section, str]]:
    """What the wire changes already say, as (section, `MODEL.FIELD` or `ENUM.VALUE`), upper-cased."""
    keys: set[tuple[Section, str]] = set()
    for c in changes:
        if c.model and not is_python_level(c.kind):
            section = RULES[c.kind].changelog_section
            keys.add((section, c.model.upper()))
            if c.kind in _VALUE_KINDS:
                keys.add((section, f"{c.model}.{c.new or c.old}".upper()))
    return keys


def _group(change: Change) -> tuple[str, str]:
    """(group heading, the item's own label) for one change."""
    if is_python_level(change.kind):
        return "Python API", f"`{change.location}`"
    if change.model:
        name, _, field = change.model.partition(".")
        return f"`{name}`", f"`{field}`" if field else ""
    return f"`{change.operation}`", f"`{change.location}`" if change.location else ""


def entry_sections(changes: list[Change]) -> dict[Section, list[str]]:
    """Markdown lines per section: each change once, grouped, breaking ones with what to change in your code."""
    explained = _explained(changes)
    out: dict[Section, list[str]] = {}
    for section in Section:
        # heading -> (label, what) -> the operations it appears in; and each line's advice
        groups: dict[str, dict[tuple[str, str], list[str]]] = {}
        advice: dict[tuple[str, str], str] = {}
        for c in changes:
            if RULES[c.kind].changelog_section is not section:
                continue
            if is_python_level(c.kind) and (section, _python_key(c)) in explained:
                continue  # the wire change of this model says it already
            heading, label = _group(c)
            line = (label, _what(c))
            operations = groups.setdefault(heading, {}).setdefault(line, [])
            if c.model and not is_python_level(c.kind) and c.operation not in operations:
                operations.append(c.operation)
            advice[line] = RULES[c.kind].advice
        lines: list[str] = []
        for heading in sorted(groups, key=lambda h: (h == "Python API", h)):
            lines += [f"#### {heading}", ""]
            for (label, what), operations in groups[heading].items():
                where = f" (in {', '.join(operations)})" if operations else ""
                lines.append(f"- {label}: {what}{where}" if label else f"- {what}{where}")
                if advice[(label, what)]:
                    lines.append(f"  - In your code: {advice[(label, what)]}.")
            lines.append("")
        if lines:
            out[section] = lines
    return out


def render_entry(title: str, intro: list[str], changes: list[Change]) -> str:
    """One CHANGELOG entry: `## title`, the intro lines, then the sections that have changes."""
    lines = [f"## {title}", "", *intro]
    for section, body in entry_sections(changes).items():
        lines += [f"### {section.value}", "", *body]
    while not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
