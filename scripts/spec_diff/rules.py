"""The classification table: every kind of change the differ can report, and what it means to a caller.

This is the ONE place the severity of a change is decided; `compare.py` only names the kind of change it saw.
The client is forward-compatible: unknown response fields and unknown enum values are tolerated at runtime.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How a change affects code that calls this client; ordered from worst to harmless."""

    BREAKING = "breaking"
    ADDITIVE = "additive"
    DOCS = "docs"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Kind(StrEnum):
    OPERATION_ADDED = "operation-added"
    OPERATION_REMOVED = "operation-removed"
    OPERATION_ID_CHANGED = "operation-id-changed"
    RESPONSE_ADDED = "response-added"
    RESPONSE_REMOVED = "response-removed"
    RESPONSE_BODY_ADDED = "response-body-added"
    RESPONSE_BODY_REMOVED = "response-body-removed"
    PROPERTY_ADDED_REQUIRED = "property-added-required"
    PROPERTY_ADDED_OPTIONAL = "property-added-optional"
    PROPERTY_REMOVED = "property-removed"
    BECAME_OPTIONAL = "became-optional"
    BECAME_REQUIRED = "became-required"
    BECAME_NULLABLE = "became-nullable"
    BECAME_NON_NULLABLE = "became-non-nullable"
    TYPE_CHANGED = "type-changed"
    FORMAT_CHANGED = "format-changed"
    FORMAT_NOTE_CHANGED = "format-note-changed"
    ENUM_VALUE_ADDED = "enum-value-added"
    ENUM_VALUE_REMOVED = "enum-value-removed"
    DEFAULT_CHANGED = "default-changed"
    DEPRECATED = "deprecated"
    UNDEPRECATED = "undeprecated"
    DESCRIPTION_CHANGED = "description-changed"
    PARAMETER_ADDED_REQUIRED = "parameter-added-required"
    PARAMETER_ADDED_OPTIONAL = "parameter-added-optional"
    PARAMETER_REMOVED = "parameter-removed"
    PARAMETER_BECAME_REQUIRED = "parameter-became-required"
    PARAMETER_BECAME_OPTIONAL = "parameter-became-optional"
    PARAMETER_TYPE_CHANGED = "parameter-type-changed"
    SECURITY_CHANGED = "security-changed"
    SERVERS_CHANGED = "servers-changed"


@dataclass(frozen=True)
class Rule:
    severity: Severity
    wording: str  # what happened, as a changelog would say it
    why: str  # why it has this severity, for the caller


B, A, D = Severity.BREAKING, Severity.ADDITIVE, Severity.DOCS

# fmt: off
RULES: dict[Kind, Rule] = {
    Kind.OPERATION_ADDED:           Rule(A, "operation added", "a new function in the client"),
    Kind.OPERATION_REMOVED:         Rule(B, "operation removed", "callers of the function lose it"),
    Kind.OPERATION_ID_CHANGED:      Rule(B, "operationId changed", "the generated function's module is renamed"),
    Kind.RESPONSE_ADDED:            Rule(A, "response status added", "a status the client now parses"),
    Kind.RESPONSE_REMOVED:          Rule(B, "response status removed", "code handling that parsed status breaks"),
    Kind.RESPONSE_BODY_ADDED:       Rule(A, "response body schema added", "the client now parses that body"),
    Kind.RESPONSE_BODY_REMOVED:     Rule(B, "response body schema removed", "code reading the parsed body breaks"),
    Kind.PROPERTY_ADDED_REQUIRED:   Rule(A, "response property added (required)", "new data; old code ignores it"),
    Kind.PROPERTY_ADDED_OPTIONAL:   Rule(A, "response property added (optional)", "new data; old code ignores it"),
    Kind.PROPERTY_REMOVED:          Rule(B, "response property removed", "code reading it breaks"),
    Kind.BECAME_OPTIONAL:           Rule(B, "response property became optional", "code reading it may get UNSET"),
    Kind.BECAME_REQUIRED:           Rule(A, "response property became required", "a stronger guarantee"),
    Kind.BECAME_NULLABLE:           Rule(B, "response property became nullable", "code reading it may get None"),
    Kind.BECAME_NON_NULLABLE:       Rule(A, "response property no longer nullable", "a stronger guarantee"),
    Kind.TYPE_CHANGED:              Rule(B, "type changed", "code using the old type breaks"),
    Kind.FORMAT_CHANGED:            Rule(B, "format changed", "the parsed Python type changes (date, uuid, ...)"),
    Kind.FORMAT_NOTE_CHANGED:       Rule(D, "format annotation changed", "no effect on the parsed Python type"),
    Kind.ENUM_VALUE_ADDED:          Rule(A, "enum value added", "unknown values are tolerated at runtime"),
    Kind.ENUM_VALUE_REMOVED:        Rule(B, "enum value removed", "code comparing to that member breaks"),
    Kind.DEFAULT_CHANGED:           Rule(A, "default added, removed or changed",
                                         "the server's value wins when parsing; only model constructors change"),
    Kind.DEPRECATED:                Rule(A, "deprecated", "still works; callers should move away"),
    Kind.UNDEPRECATED:              Rule(A, "no longer deprecated", "still works"),
    Kind.DESCRIPTION_CHANGED:       Rule(D, "description changed", "docstrings only"),
    Kind.PARAMETER_ADDED_REQUIRED:  Rule(B, "required parameter added", "existing calls lack the argument"),
    Kind.PARAMETER_ADDED_OPTIONAL:  Rule(A, "optional parameter added", "existing calls still work"),
    Kind.PARAMETER_REMOVED:         Rule(B, "parameter removed", "calls passing it break"),
    Kind.PARAMETER_BECAME_REQUIRED: Rule(B, "parameter became required", "calls omitting it break"),
    Kind.PARAMETER_BECAME_OPTIONAL: Rule(A, "parameter became optional", "existing calls still work"),
    Kind.PARAMETER_TYPE_CHANGED:    Rule(B, "parameter type changed", "calls passing the old type break"),
    Kind.SECURITY_CHANGED:          Rule(B, "security requirements changed", "callers may need other credentials"),
    Kind.SERVERS_CHANGED:           Rule(D, "servers changed", "the client's base_url is chosen by the caller"),
}
# fmt: on


def severity_of(kind: Kind) -> Severity:
    return RULES[kind].severity


def rules_table_markdown() -> str:
    """The table above as Markdown, for the README and `--rules`."""
    lines = ["| change | severity | why |", "| --- | --- | --- |"]
    lines += [f"| {r.wording} | {r.severity.value} | {r.why} |" for r in RULES.values()]
    return "\n".join(lines)
