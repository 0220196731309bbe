"""The consumer CHANGELOG entry and the text report: full text, grouped by model and operation, each change once,
the right section for each kind, advice under breaking changes, and both verdicts."""

from __future__ import annotations

import json

from scripts.spec_diff import Change, Kind, Severity
from scripts.spec_diff.changelog import entry_sections, render_entry, shown
from scripts.spec_diff.compare import _plain
from scripts.spec_diff.python_api import PYTHON
from scripts.spec_diff.report import counts, render_json, render_text, split_layers, verdict_lines, verdict_word, worst
from scripts.spec_diff.rules import RULES, Section, rules_table_markdown

LONG = "A description far longer than any terminal line, " * 4
USER, SUB = "GET /v1/user", "GET /v1/user/subscription"


def wire(kind: Kind, op: str, location: str, model: str | None = None, old: object = None, new: object = None):
    return Change(kind, op, location, old, new, model=model)


def py(kind: Kind, path: str, old: object = None, new: object = None) -> Change:
    return Change(kind, PYTHON, path, old, new, model=path)


def test_a_model_two_operations_share_is_listed_once_under_the_model() -> None:
    changes = [
        wire(Kind.ENUM_VALUE_ADDED, USER, "200 → subscription.currency", "Currency", None, "gbp"),
        wire(Kind.ENUM_VALUE_ADDED, SUB, "200 → currency", "Currency", None, "gbp"),
    ]
    sections = entry_sections(changes)
    assert list(sections) == [Section.ADDED]
    assert sections[Section.ADDED] == [
        "#### `Currency`", "", f"- enum value added `gbp` (in {USER}, {SUB})", "",
    ]  # fmt: skip


def test_each_section_gets_its_kinds_in_order_and_breaking_ones_say_what_to_do() -> None:
    changes = [
        wire(Kind.DESCRIPTION_CHANGED, USER, "200 → a", "U.a", None, LONG),
        wire(Kind.BECAME_NON_NULLABLE, USER, "200 → b", "U.b", True, False),
        wire(Kind.DEPRECATED, USER, "200 → c", "U.c", False, True),
        wire(Kind.PROPERTY_ADDED_OPTIONAL, USER, "200 → d", "U.d"),
        wire(Kind.PROPERTY_REMOVED, USER, "200 → e", "U.e"),
        wire(Kind.OPERATION_ADDED, "GET /v1/x", ""),
    ]
    entry = render_entry("1.0.0 — 2026-01-01", ["intro", ""], changes)
    order = [entry.index(f"### {s.value}") for s in Section]
    assert order == sorted(order)
    assert entry.startswith("## 1.0.0 — 2026-01-01\n\nintro\n\n### Breaking\n\n#### `U`\n\n")
    assert (
        f"- `e`: response property removed (in {USER})\n  - In your code: {RULES[Kind.PROPERTY_REMOVED].advice}.\n"
        in entry
    )
    assert f"- `b`: response property can no longer be null (in {USER})\n" in entry.split("### Changed")[1]
    assert f"- `c`: deprecated (in {USER})\n" in entry.split("### Deprecated")[1].split("\n### ")[0]
    assert "#### `GET /v1/x`\n\n- operation added\n" in entry
    assert f"description changed to {shown(LONG)} (was nothing)" in entry  # never cut
    assert "…" not in entry and "(none)" not in entry
    assert entry.count("In your code") == 1
    assert entry.endswith("\n") and not entry.endswith("\n\n")


def test_python_changes_the_wire_explains_are_folded_others_are_listed() -> None:
    changes = [
        wire(Kind.BECAME_NULLABLE, USER, "200 → first_name", "UserResponseModel.first_name", False, True),
        py(
            Kind.PY_ATTRIBUTE_WIDENED,
            "pkg.models.user_response_model.UserResponseModel.first_name",
            "str",
            "None | str",
        ),
        wire(Kind.ENUM_VALUE_ADDED, USER, "200 → currency", "Currency", None, "gbp"),
        py(Kind.PY_NAME_ADDED, "pkg.models.currency.Currency.GBP", None, "attribute"),
        py(Kind.PY_NAME_REMOVED, "pkg.models.Price", "class"),
        py(Kind.PY_NAME_ADDED, "pkg.models.Cost", None, "class"),
    ]
    sections = entry_sections(changes)
    breaking, added = "\n".join(sections[Section.BREAKING]), "\n".join(sections[Section.ADDED])
    assert "first_name" in breaking and "UserResponseModel.first_name`" not in breaking
    assert "GBP" not in added
    assert "#### Python API" in breaking and "- `pkg.models.Price`: Python name removed (was a class)" in breaking
    assert "- `pkg.models.Cost`: new class" in added
    assert breaking.index("#### `UserResponseModel`") < breaking.index("#### Python API")
    assert "- `pkg.models.x`: Python annotation changed: `str` → `int`" in "\n".join(
        entry_sections([py(Kind.PY_ANNOTATION_CHANGED, "pkg.models.x", "str", "int")])[Section.BREAKING]
    )


def test_plain_values_sort_mixed_types() -> None:
    assert _plain(frozenset({1, "a"})) == ["a", 1]  # sorted by repr: mixed types do not raise
    assert _plain((2, 1)) == [1, 2]
    assert rules_table_markdown().splitlines()[:2] == [
        "| change | severity | changelog section | why |",
        "| --- | --- | --- | --- |",
    ]
    assert len(rules_table_markdown().splitlines()) == len(RULES) + 2


def test_values_are_shown_in_full() -> None:
    assert shown(None) == "nothing"
    assert shown(("b", "a")) == "a, b"
    assert shown("  two\n words ") == "“two words”"
    assert shown(3) == "3"
    assert shown(LONG).count("description") == 4


def test_verdicts_and_text_report_show_both_layers() -> None:
    changes = [
        wire(Kind.PROPERTY_ADDED_OPTIONAL, USER, "200 → d", "U.d"),
        py(Kind.PY_NAME_REMOVED, "pkg.models.Price", "class"),
    ]
    wire_part, python_part = split_layers(changes)
    assert [c.kind for c in wire_part] == [Kind.PROPERTY_ADDED_OPTIONAL]
    assert [c.kind for c in python_part] == [Kind.PY_NAME_REMOVED]
    assert worst(changes) is Severity.BREAKING and worst([]) is None
    assert counts(changes) == {"breaking": 1, "additive": 1, "docs": 0}
    assert verdict_lines(changes) == [
        "wire (HTTP API): additive",
        "Python API:      breaking",
        "verdict:         breaking (the worse of the two)",
    ]
    assert verdict_lines([], python_compared=False)[1] == "Python API:      not compared (--wire-only)"
    text = render_text(changes, "old.yaml", "new.yaml")
    assert text.startswith(
        "spec diff: old.yaml → new.yaml\nwire (HTTP API): additive\nPython API:      breaking\n"
        "verdict:         breaking (the worse of the two)\n\nBREAKING\n\n#### Python API\n\n"
    )
    assert "\n\nADDED\n\n#### `U`\n\n" in text
    assert "not compared" in render_text(changes, "a", "b", False)
    assert text.endswith("1 breaking, 1 additive, 0 docs-only")
    assert render_text([], "a", "b").endswith("\n\nno changes that matter to a client")
    payload = json.loads(render_json(changes, "a", "b"))
    assert (payload["worst"], payload["wire"], payload["python"]) == ("breaking", "additive", "breaking")
    assert [c["layer"] for c in payload["changes"]] == ["wire", "python"]
    assert json.loads(render_json(changes, "a", "b", python_compared=False))["python"] is None


def test_each_wording_of_a_line() -> None:
    def line(change: Change) -> str:
        (section,) = entry_sections([change]).values()
        return section[2]

    assert line(wire(Kind.ENUM_VALUE_REMOVED, USER, "200 → s", "S", "gone", None)) == (
        f"- enum value removed `gone` (in {USER})"
    )
    assert line(py(Kind.PY_NAME_REMOVED, "pkg.x")) == "- `pkg.x`: Python name removed"
    assert line(py(Kind.PY_NAME_REMOVED, "pkg.x", "module")) == "- `pkg.x`: Python name removed (was a module)"
    assert line(py(Kind.PY_NAME_REMOVED, "pkg.y", "attribute")) == "- `pkg.y`: Python name removed (was an attribute)"
    assert line(wire(Kind.RESPONSE_ADDED, USER, "404")) == "- `404`: response status added"
    assert line(wire(Kind.TYPE_CHANGED, USER, "200 → a", "U.a", "integer", "string")) == (
        f"- `a`: type changed: “integer” → “string” (in {USER})"
    )
    assert line(wire(Kind.SERVERS_CHANGED, "(document)", "servers", None, ("b", "a"))) == (
        "- `servers`: servers changed: a, b → nothing"
    )


def test_only_python_changes_the_wire_explains_are_folded() -> None:
    # An attribute of another model, or a member of another enum, is not explained by these wire changes.
    changes = [
        wire(Kind.BECAME_NULLABLE, USER, "200 → a", "U.a", False, True),
        wire(Kind.ENUM_VALUE_ADDED, USER, "200 → c", "Currency", None, "gbp"),
        py(Kind.PY_ATTRIBUTE_WIDENED, "pkg.models.v.V.a", "int", "int | None"),
        py(Kind.PY_NAME_ADDED, "pkg.models.c.Other.GBP", None, "attribute"),
        py(Kind.PY_ATTRIBUTE_WIDENED, "pkg.models.u.U.a", "int", "int | None"),
    ]
    sections = entry_sections(changes)
    assert "- `pkg.models.v.V.a`: Python attribute type widened: `int` → `int | None`" in sections[Section.BREAKING]
    assert "- `pkg.models.c.Other.GBP`: new attribute" in sections[Section.ADDED]
    assert not any("pkg.models.u.U.a" in line for line in sections[Section.BREAKING])


def test_json_report_fields() -> None:
    changes = [wire(Kind.PROPERTY_ADDED_OPTIONAL, USER, "200 → d", "U.d")]
    text = render_json(changes, "old.yaml", "new.yaml")
    assert text.startswith('{\n  "old": "old.yaml",\n  "new": "new.yaml",\n  "worst": "additive",\n')
    payload = json.loads(text)
    assert list(payload) == ["old", "new", "worst", "wire", "python", "counts", "changes"]
    assert (payload["wire"], payload["python"], payload["counts"]) == (
        "additive", "no changes", {"breaking": 0, "additive": 1, "docs": 0},
    )  # fmt: skip
    assert payload["changes"] == [{**changes[0].as_dict(), "layer": "wire"}]
    assert json.loads(render_json([], "a", "b"))["worst"] is None
    assert "“é”" in render_json([wire(Kind.DESCRIPTION_CHANGED, USER, "200 → d", "U.d", None, "“é”")], "a", "b")
    assert verdict_word(None) == "no changes" and verdict_word(Severity.DOCS) == "docs"
