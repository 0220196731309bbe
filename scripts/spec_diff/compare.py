"""Compare two flattened documents and name each change; `rules.RULES` decides what each kind means."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from scripts.spec_diff.rules import RULES, Kind, Severity
from scripts.spec_diff.shapes import Facts, Operation, Shape


@dataclass(frozen=True)
class Change:
    kind: Kind
    operation: str  # "GET /v1/user", or "(document)"
    location: str  # "200 → subscription.tier", "parameter header xi-api-key", ""
    old: Any = None
    new: Any = None
    # The schema property it belongs to ("SubscriptionResponseModel.currency"), or the Python name it is
    # about; None for changes of an operation itself.
    model: str | None = None

    @property
    def severity(self) -> Severity:
        return RULES[self.kind].severity

    @property
    def where(self) -> str:
        return f"{self.operation} {self.location}".rstrip()

    def as_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity.value,
            "kind": self.kind.value,
            "operation": self.operation,
            "location": self.location,
            "where": self.where,
            "summary": RULES[self.kind].wording,
            "old": _plain(self.old),
            "new": _plain(self.new),
            "model": self.model,
        }


def _plain(value: Any) -> Any:
    if isinstance(value, frozenset | set | tuple):
        return sorted((_plain(v) for v in value), key=repr)
    return value


# Formats the generator turns into a Python type of their own; others (double, int64, ...) stay float/int/str.
TYPED_FORMATS = {"date", "date-time", "uuid", "binary"}


def _sorted(values: Any) -> list[Any]:
    return sorted(values, key=repr)


def _fact_changes(old: Facts, new: Facts) -> Iterator[tuple[Kind, Any, Any]]:
    if old.required is not None and new.required is not None and old.required != new.required:
        yield (Kind.BECAME_REQUIRED if new.required else Kind.BECAME_OPTIONAL), old.required, new.required
    if old.nullable != new.nullable:
        yield (Kind.BECAME_NULLABLE if new.nullable else Kind.BECAME_NON_NULLABLE), old.nullable, new.nullable
    if old.types != new.types:
        yield Kind.TYPE_CHANGED, "|".join(sorted(old.types)), "|".join(sorted(new.types))
    if old.fmt != new.fmt:
        typed = {old.fmt, new.fmt} & TYPED_FORMATS
        yield (Kind.FORMAT_CHANGED if typed else Kind.FORMAT_NOTE_CHANGED), old.fmt, new.fmt
    if old.enum is not None and new.enum is not None:
        for value in _sorted(new.enum - old.enum):
            yield Kind.ENUM_VALUE_ADDED, None, value
        for value in _sorted(old.enum - new.enum):
            yield Kind.ENUM_VALUE_REMOVED, value, None
    elif old.enum is not None and new.types == old.types:
        yield Kind.TYPE_CHANGED, f"enum {_sorted(old.enum)}", "any " + "|".join(sorted(new.types))
    elif new.enum is not None and new.types == old.types:
        yield Kind.TYPE_CHANGED, "any " + "|".join(sorted(old.types)), f"enum {_sorted(new.enum)}"
    if old.default_shown() != new.default_shown():
        yield Kind.DEFAULT_CHANGED, old.default_shown(), new.default_shown()
    if old.deprecated != new.deprecated:
        yield (Kind.DEPRECATED if new.deprecated else Kind.UNDEPRECATED), old.deprecated, new.deprecated
    if old.description != new.description:
        yield Kind.DESCRIPTION_CHANGED, old.description, new.description


def _model(facts: Facts) -> str | None:
    if facts.owner is None or not facts.owner[1]:
        return None
    return f"{facts.owner[0]}.{facts.owner[1]}"


def _topmost(paths: set[str]) -> list[str]:
    """Only the outermost of nested paths: a removed object is one change, not one per field."""

    def has_ancestor(p: str) -> bool:
        return any(q == "" or p.startswith(q + ".") or p.startswith(q + "[]") for q in paths if q != p)

    return sorted(p for p in paths if not has_ancestor(p))


def _response_changes(op: str, status: str, old: dict[str, Facts], new: dict[str, Facts]) -> Iterator[Change]:
    def loc(path: str) -> str:
        return f"{status} → {path}" if path else f"{status} (body)"

    for path in _topmost(set(old) - set(new)):
        yield Change(Kind.PROPERTY_REMOVED if path else Kind.RESPONSE_BODY_REMOVED, op, loc(path),
                     model=_model(old[path]))  # fmt: skip
    for path in _topmost(set(new) - set(old)):
        if not path:
            kind = Kind.RESPONSE_BODY_ADDED
        else:
            kind = Kind.PROPERTY_ADDED_REQUIRED if new[path].required else Kind.PROPERTY_ADDED_OPTIONAL
        yield Change(kind, op, loc(path), model=_model(new[path]))
    for path in sorted(set(old) & set(new)):
        for kind, was, now in _fact_changes(old[path], new[path]):
            # A named enum's values belong to that enum, whichever properties use it.
            value_level = kind in (Kind.ENUM_VALUE_ADDED, Kind.ENUM_VALUE_REMOVED) and new[path].named
            yield Change(kind, op, loc(path), was, now, model=new[path].named if value_level else _model(new[path]))


_PARAMETER_KINDS = {
    Kind.BECAME_REQUIRED: Kind.PARAMETER_BECAME_REQUIRED,
    Kind.BECAME_OPTIONAL: Kind.PARAMETER_BECAME_OPTIONAL,
    Kind.TYPE_CHANGED: Kind.PARAMETER_TYPE_CHANGED,
    Kind.FORMAT_CHANGED: Kind.PARAMETER_TYPE_CHANGED,
    # A parameter accepting null or more enum values accepts every old call.
    Kind.BECAME_NULLABLE: None,
    Kind.BECAME_NON_NULLABLE: Kind.PARAMETER_TYPE_CHANGED,
    Kind.ENUM_VALUE_ADDED: None,
    Kind.ENUM_VALUE_REMOVED: Kind.PARAMETER_TYPE_CHANGED,
}


def _parameter_changes(op: str, old: Operation, new: Operation) -> Iterator[Change]:
    def loc(key: tuple[str, str]) -> str:
        return f"parameter {key[0]} {key[1]}"

    for key in sorted(set(old.parameters) - set(new.parameters)):
        yield Change(Kind.PARAMETER_REMOVED, op, loc(key))
    for key in sorted(set(new.parameters) - set(old.parameters)):
        kind = Kind.PARAMETER_ADDED_REQUIRED if new.parameters[key].required else Kind.PARAMETER_ADDED_OPTIONAL
        yield Change(kind, op, loc(key))
    for key in sorted(set(old.parameters) & set(new.parameters)):
        for kind, was, now in _fact_changes(old.parameters[key], new.parameters[key]):
            mapped = _PARAMETER_KINDS.get(kind, kind)
            if mapped is not None:
                yield Change(mapped, op, loc(key), was, now)


def _operation_changes(old: Operation, new: Operation) -> Iterator[Change]:
    op = new.key
    for field in ("summary", "description"):
        if getattr(old, field) != getattr(new, field):
            yield Change(Kind.DESCRIPTION_CHANGED, op, field, getattr(old, field), getattr(new, field))
    if old.operation_id != new.operation_id:
        yield Change(Kind.OPERATION_ID_CHANGED, op, "operationId", old.operation_id, new.operation_id)
    if old.deprecated != new.deprecated:
        yield Change(Kind.DEPRECATED if new.deprecated else Kind.UNDEPRECATED, op, "", old.deprecated, new.deprecated)
    if old.security != new.security:
        yield Change(Kind.SECURITY_CHANGED, op, "security", old.security or ("(none)",), new.security or ("(none)",))
    yield from _parameter_changes(op, old, new)
    for status in sorted(set(old.responses) - set(new.responses)):
        yield Change(Kind.RESPONSE_REMOVED, op, status)
    for status in sorted(set(new.responses) - set(old.responses)):
        yield Change(Kind.RESPONSE_ADDED, op, status)
    for status in sorted(set(old.responses) & set(new.responses)):
        yield from _response_changes(op, status, old.responses[status], new.responses[status])


def compare(old: Shape, new: Shape) -> list[Change]:
    """Every change from `old` to `new` that a client of these operations could notice, worst first."""
    changes: list[Change] = []
    if old.servers != new.servers:
        was, now = old.servers or ("(none)",), new.servers or ("(none)",)
        changes.append(Change(Kind.SERVERS_CHANGED, "(document)", "servers", was, now))
    for key in sorted(set(old.operations) - set(new.operations)):
        changes.append(Change(Kind.OPERATION_REMOVED, key, ""))
    for key in sorted(set(new.operations) - set(old.operations)):
        changes.append(Change(Kind.OPERATION_ADDED, key, ""))
    for key in sorted(set(old.operations) & set(new.operations)):
        changes.extend(_operation_changes(old.operations[key], new.operations[key]))
    return sorted(changes, key=lambda c: c.severity.rank)
