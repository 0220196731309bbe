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
    # The generated package's public Python API (python_api.py), as `from elevenlabs_user_client... import` sees it.
    PY_NAME_REMOVED = "python-name-removed"
    PY_NAME_ADDED = "python-name-added"
    PY_KIND_CHANGED = "python-kind-changed"
    PY_ATTRIBUTE_WIDENED = "python-attribute-widened"
    PY_ATTRIBUTE_NARROWED = "python-attribute-narrowed"
    PY_ANNOTATION_CHANGED = "python-annotation-changed"
    PY_VALUE_CHANGED = "python-value-changed"
    PY_PARAMETER_REMOVED = "python-parameter-removed"
    PY_PARAMETER_ADDED_REQUIRED = "python-parameter-added-required"
    PY_PARAMETER_ADDED_OPTIONAL = "python-parameter-added-optional"
    PY_PARAMETER_INCOMPATIBLE = "python-parameter-incompatible"
    PY_PARAMETER_NARROWED = "python-parameter-narrowed"
    PY_PARAMETER_WIDENED = "python-parameter-widened"
    PY_RETURN_WIDENED = "python-return-widened"
    PY_RETURN_NARROWED = "python-return-narrowed"
    PY_BASE_REMOVED = "python-base-removed"


class Section(StrEnum):
    """Where a change goes in the CHANGELOG, for the consumer reading it."""

    BREAKING = "Breaking"
    ADDED = "Added"
    DEPRECATED = "Deprecated"
    CHANGED = "Changed"
    DOCS = "Docs"


@dataclass(frozen=True)
class Rule:
    severity: Severity
    wording: str  # what happened, as a changelog would say it
    why: str  # why it has this severity, for the caller
    advice: str = ""  # breaking only: what to change in calling code
    section: Section | None = None  # None: from the severity (breaking -> Breaking, docs -> Docs, additive -> Added)

    @property
    def changelog_section(self) -> Section:
        if self.section is not None:
            return self.section
        return {Severity.BREAKING: Section.BREAKING, Severity.DOCS: Section.DOCS}.get(self.severity, Section.ADDED)


B, A, D = Severity.BREAKING, Severity.ADDITIVE, Severity.DOCS
CHG, DEP = Section.CHANGED, Section.DEPRECATED

# fmt: off
RULES: dict[Kind, Rule] = {
    Kind.OPERATION_ADDED:           Rule(A, "operation added", "a new function in the client"),
    Kind.OPERATION_REMOVED:         Rule(B, "operation removed", "callers of the function lose it",
                                         "remove the calls to this operation's functions"),
    Kind.OPERATION_ID_CHANGED:      Rule(B, "operationId changed", "the generated function's module is renamed",
                                         "import the operation's functions from the module of the new name"),
    Kind.RESPONSE_ADDED:            Rule(A, "response status added", "a status the client now parses"),
    Kind.RESPONSE_REMOVED:          Rule(B, "response status removed", "code handling that parsed status breaks",
                                         "drop the code that handles this status's parsed body"),
    Kind.RESPONSE_BODY_ADDED:       Rule(A, "response body schema added", "the client now parses that body"),
    Kind.RESPONSE_BODY_REMOVED:     Rule(B, "response body schema removed", "code reading the parsed body breaks",
                                         "stop reading the parsed body; use the raw response if you need it"),
    Kind.PROPERTY_ADDED_REQUIRED:   Rule(A, "response property added (always sent)", "new data; old code ignores it"),
    Kind.PROPERTY_ADDED_OPTIONAL:   Rule(A, "response property added (optional)", "new data; old code ignores it"),
    Kind.PROPERTY_REMOVED:          Rule(B, "response property removed", "code reading it breaks",
                                         "stop reading this field; it is no longer sent"),
    Kind.BECAME_OPTIONAL:           Rule(B, "response property may now be absent", "code reading it may get UNSET",
                                         "check `isinstance(value, Unset)` before using this field"),
    Kind.BECAME_REQUIRED:           Rule(A, "response property is now always sent", "a stronger guarantee",
                                         section=CHG),
    Kind.BECAME_NULLABLE:           Rule(B, "response property may now be null", "code reading it may get None",
                                         "handle `None` where you read this field"),
    Kind.BECAME_NON_NULLABLE:       Rule(A, "response property can no longer be null", "a stronger guarantee",
                                         section=CHG),
    Kind.TYPE_CHANGED:              Rule(B, "type changed", "code using the old type breaks",
                                         "update the code that reads this value to the new type"),
    Kind.FORMAT_CHANGED:            Rule(B, "format changed", "the parsed Python type changes (date, uuid, ...)",
                                         "update the code that reads this value to the new Python type"),
    Kind.FORMAT_NOTE_CHANGED:       Rule(D, "format annotation changed", "no effect on the parsed Python type"),
    Kind.ENUM_VALUE_ADDED:          Rule(A, "enum value added", "unknown values are tolerated at runtime"),
    Kind.ENUM_VALUE_REMOVED:        Rule(B, "enum value removed", "code comparing to that member breaks",
                                         "remove comparisons with this member; the API no longer sends it"),
    Kind.DEFAULT_CHANGED:           Rule(A, "default added, removed or changed",
                                         "the server's value wins when parsing; only model constructors change",
                                         section=CHG),
    Kind.DEPRECATED:                Rule(A, "deprecated", "still works; callers should move away", section=DEP),
    Kind.UNDEPRECATED:              Rule(A, "no longer deprecated", "still works", section=CHG),
    Kind.DESCRIPTION_CHANGED:       Rule(D, "description changed", "docstrings only"),
    Kind.PARAMETER_ADDED_REQUIRED:  Rule(B, "required parameter added", "existing calls lack the argument",
                                         "pass the new argument in every call"),
    Kind.PARAMETER_ADDED_OPTIONAL:  Rule(A, "optional parameter added", "existing calls still work"),
    Kind.PARAMETER_REMOVED:         Rule(B, "parameter removed", "calls passing it break",
                                         "stop passing this argument"),
    Kind.PARAMETER_BECAME_REQUIRED: Rule(B, "parameter became required", "calls omitting it break",
                                         "pass this argument in every call"),
    Kind.PARAMETER_BECAME_OPTIONAL: Rule(A, "parameter became optional", "existing calls still work", section=CHG),
    Kind.PARAMETER_TYPE_CHANGED:    Rule(B, "parameter type changed", "calls passing the old type break",
                                         "pass a value of the new type"),
    Kind.SECURITY_CHANGED:          Rule(B, "security requirements changed", "callers may need other credentials",
                                         "check which credentials the client needs now"),
    Kind.SERVERS_CHANGED:           Rule(D, "servers changed", "the client's base_url is chosen by the caller"),
    Kind.PY_NAME_REMOVED:           Rule(B, "Python name removed", "imports and uses of it fail",
                                         "stop importing it; if it was renamed, the new name is listed under Added"),
    Kind.PY_NAME_ADDED:             Rule(A, "Python name added", "new; nothing existing changes"),
    Kind.PY_KIND_CHANGED:           Rule(B, "Python object changed kind", "code using it as before fails",
                                         "use it as its new kind (module, class, function or attribute)"),
    Kind.PY_ATTRIBUTE_WIDENED:      Rule(B, "Python attribute type widened", "code reading it meets new types",
                                         "handle the new types where you read this attribute"),
    Kind.PY_ATTRIBUTE_NARROWED:     Rule(A, "Python attribute type narrowed", "readers get a subset of before",
                                         section=CHG),
    Kind.PY_ANNOTATION_CHANGED:     Rule(B, "Python annotation changed", "code typed against the old one breaks",
                                         "update the code (and its type hints) to the new annotation"),
    Kind.PY_VALUE_CHANGED:          Rule(B, "Python constant value changed", "code relying on the value breaks",
                                         "update code that relies on this member's value"),
    Kind.PY_PARAMETER_REMOVED:      Rule(B, "Python parameter removed", "calls passing it fail",
                                         "stop passing this argument"),
    Kind.PY_PARAMETER_ADDED_REQUIRED: Rule(B, "Python required parameter added", "existing calls lack it",
                                           "pass the new argument in every call"),
    Kind.PY_PARAMETER_ADDED_OPTIONAL: Rule(A, "Python optional parameter added", "existing calls still work"),
    Kind.PY_PARAMETER_INCOMPATIBLE: Rule(B, "Python parameter changed incompatibly",
                                         "moved, changed kind or default, or became required",
                                         "check every call against the new signature"),
    Kind.PY_PARAMETER_NARROWED:     Rule(B, "Python parameter type narrowed", "calls passing the dropped types fail",
                                         "pass only the types the parameter still accepts"),
    Kind.PY_PARAMETER_WIDENED:      Rule(A, "Python parameter type widened", "existing calls still work",
                                         section=CHG),
    Kind.PY_RETURN_WIDENED:         Rule(B, "Python return type widened", "code using the result meets new types",
                                         "handle the new types where you use the result"),
    Kind.PY_RETURN_NARROWED:        Rule(A, "Python return type narrowed", "callers get a subset of before",
                                         section=CHG),
    Kind.PY_BASE_REMOVED:           Rule(B, "Python base class removed", "isinstance checks and inherited uses fail",
                                         "stop relying on the removed base class"),
}
# fmt: on


def is_python_level(kind: Kind) -> bool:
    """A change of the generated package's Python API rather than of the HTTP wire."""
    return kind.value.startswith("python-")


def severity_of(kind: Kind) -> Severity:
    return RULES[kind].severity


def rules_table_markdown() -> str:
    """The table above as Markdown: for `--rules`, the README and the package docstring (never copied by hand)."""
    lines = ["| change | severity | changelog section | why |", "| --- | --- | --- | --- |"]
    lines += [f"| {r.wording} | {r.severity.value} | {r.changelog_section.value} | {r.why} |" for r in RULES.values()]
    return "\n".join(lines)
