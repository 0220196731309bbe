"""One case per kind of change, wire and Python: the differ names its kind and the rules give its severity.

The last test checks that every kind in rules.Kind has a case here, so a new kind cannot go untested.
"""

from __future__ import annotations

import copy
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
from test_spec_diff import INT, NULLABLE_INT, doc

from scripts.spec_diff import Kind, Severity, diff_specs
from scripts.spec_diff.python_api import package_changes

B, A, D = Severity.BREAKING, Severity.ADDITIVE, Severity.DOCS
Q = {"name": "q", "in": "query", "schema": INT}


def _with(spec: dict[str, Any], edit: Any) -> dict[str, Any]:
    out = copy.deepcopy(spec)
    edit(out)
    return out


def _op(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/v1/user"]["get"]


BASE = doc({"a": INT})
WIRE_CASES: list[tuple[Kind, Severity, dict[str, Any], dict[str, Any]]] = [
    (Kind.OPERATION_ADDED, A, BASE, _with(BASE, lambda d: d["paths"].update({"/v1/x": {"get": _op(BASE)}}))),
    (Kind.OPERATION_REMOVED, B, _with(BASE, lambda d: d["paths"].update({"/v1/x": {"get": _op(BASE)}})), BASE),
    (Kind.OPERATION_ID_CHANGED, B, BASE, doc({"a": INT}, operationId="user_get")),
    (Kind.RESPONSE_ADDED, A, BASE, _with(BASE, lambda d: _op(d)["responses"].update({"404": {"description": "no"}}))),
    (Kind.RESPONSE_REMOVED, B, _with(BASE, lambda d: _op(d)["responses"].update({"404": {"description": "no"}})),
     BASE),
    (Kind.RESPONSE_BODY_ADDED, A, _with(BASE, lambda d: _op(d)["responses"]["200"].pop("content")), BASE),
    (Kind.RESPONSE_BODY_REMOVED, B, BASE, _with(BASE, lambda d: _op(d)["responses"]["200"].pop("content"))),
    (Kind.PROPERTY_ADDED_REQUIRED, A, BASE, doc({"a": INT, "b": INT}, ("b",))),
    (Kind.PROPERTY_ADDED_OPTIONAL, A, BASE, doc({"a": INT, "b": INT})),
    (Kind.PROPERTY_REMOVED, B, doc({"a": INT, "b": INT}), BASE),
    (Kind.BECAME_OPTIONAL, B, doc({"a": INT}, ("a",)), BASE),
    (Kind.BECAME_REQUIRED, A, BASE, doc({"a": INT}, ("a",))),
    (Kind.BECAME_NULLABLE, B, BASE, doc({"a": NULLABLE_INT})),
    (Kind.BECAME_NON_NULLABLE, A, doc({"a": {"type": ["integer", "null"]}}), BASE),
    (Kind.TYPE_CHANGED, B, BASE, doc({"a": {"type": "string"}})),
    (Kind.FORMAT_CHANGED, B, doc({"a": {"type": "string"}}), doc({"a": {"type": "string", "format": "date-time"}})),
    (Kind.FORMAT_NOTE_CHANGED, D, doc({"a": {"type": "number"}}), doc({"a": {"type": "number", "format": "double"}})),
    (Kind.ENUM_VALUE_ADDED, A, doc({"a": {"enum": ["x"]}}), doc({"a": {"enum": ["x", "y"]}})),
    (Kind.ENUM_VALUE_REMOVED, B, doc({"a": {"enum": ["x", "y"]}}), doc({"a": {"enum": ["x"]}})),
    (Kind.DEFAULT_CHANGED, A, BASE, doc({"a": {"type": "integer", "default": 0}})),
    (Kind.DEPRECATED, A, BASE, doc({"a": {"type": "integer", "deprecated": True}})),
    (Kind.UNDEPRECATED, A, doc({"a": {"type": "integer", "deprecated": True}}), BASE),
    (Kind.DESCRIPTION_CHANGED, D, BASE, doc({"a": {"type": "integer", "description": "A."}})),
    (Kind.PARAMETER_ADDED_REQUIRED, B, BASE, doc({"a": INT}, parameters=[{**Q, "required": True}])),
    (Kind.PARAMETER_ADDED_OPTIONAL, A, BASE, doc({"a": INT}, parameters=[Q])),
    (Kind.PARAMETER_REMOVED, B, doc({"a": INT}, parameters=[Q]), BASE),
    (Kind.PARAMETER_BECAME_REQUIRED, B, doc({"a": INT}, parameters=[Q]),
     doc({"a": INT}, parameters=[{**Q, "required": True}])),
    (Kind.PARAMETER_BECAME_OPTIONAL, A, doc({"a": INT}, parameters=[{**Q, "required": True}]),
     doc({"a": INT}, parameters=[Q])),
    (Kind.PARAMETER_TYPE_CHANGED, B, doc({"a": INT}, parameters=[Q]),
     doc({"a": INT}, parameters=[{**Q, "schema": {"type": "string"}}])),
    (Kind.SECURITY_CHANGED, B, BASE, doc({"a": INT}, security=[{"Key": []}])),
    (Kind.SERVERS_CHANGED, D, BASE, _with(BASE, lambda d: d.update({"servers": [{"url": "https://x.invalid"}]}))),
]  # fmt: skip


# Where each one is reported, its old and new value, and the schema property it belongs to.
WIRE_DETAILS: dict[Kind, tuple[str, Any, Any, str | None]] = {
    Kind.OPERATION_ADDED: ("GET /v1/x", None, None, None),
    Kind.OPERATION_REMOVED: ("GET /v1/x", None, None, None),
    Kind.OPERATION_ID_CHANGED: ("GET /v1/user operationId", "get_user", "user_get", None),
    Kind.RESPONSE_ADDED: ("GET /v1/user 404", None, None, None),
    Kind.RESPONSE_REMOVED: ("GET /v1/user 404", None, None, None),
    Kind.RESPONSE_BODY_ADDED: ("GET /v1/user 200 (body)", None, None, None),
    Kind.RESPONSE_BODY_REMOVED: ("GET /v1/user 200 (body)", None, None, None),
    Kind.PROPERTY_ADDED_REQUIRED: ("GET /v1/user 200 → b", None, None, "U.b"),
    Kind.PROPERTY_ADDED_OPTIONAL: ("GET /v1/user 200 → b", None, None, "U.b"),
    Kind.PROPERTY_REMOVED: ("GET /v1/user 200 → b", None, None, "U.b"),
    Kind.BECAME_OPTIONAL: ("GET /v1/user 200 → a", True, False, "U.a"),
    Kind.BECAME_REQUIRED: ("GET /v1/user 200 → a", False, True, "U.a"),
    Kind.BECAME_NULLABLE: ("GET /v1/user 200 → a", False, True, "U.a"),
    Kind.BECAME_NON_NULLABLE: ("GET /v1/user 200 → a", True, False, "U.a"),
    Kind.TYPE_CHANGED: ("GET /v1/user 200 → a", "integer", "string", "U.a"),
    Kind.FORMAT_CHANGED: ("GET /v1/user 200 → a", None, "date-time", "U.a"),
    Kind.FORMAT_NOTE_CHANGED: ("GET /v1/user 200 → a", None, "double", "U.a"),
    Kind.ENUM_VALUE_ADDED: ("GET /v1/user 200 → a", None, "y", "U.a"),
    Kind.ENUM_VALUE_REMOVED: ("GET /v1/user 200 → a", "y", None, "U.a"),
    Kind.DEFAULT_CHANGED: ("GET /v1/user 200 → a", None, "0", "U.a"),
    Kind.DEPRECATED: ("GET /v1/user 200 → a", False, True, "U.a"),
    Kind.UNDEPRECATED: ("GET /v1/user 200 → a", True, False, "U.a"),
    Kind.DESCRIPTION_CHANGED: ("GET /v1/user 200 → a", None, "A.", "U.a"),
    Kind.PARAMETER_ADDED_REQUIRED: ("GET /v1/user parameter query q", None, None, None),
    Kind.PARAMETER_ADDED_OPTIONAL: ("GET /v1/user parameter query q", None, None, None),
    Kind.PARAMETER_REMOVED: ("GET /v1/user parameter query q", None, None, None),
    Kind.PARAMETER_BECAME_REQUIRED: ("GET /v1/user parameter query q", False, True, None),
    Kind.PARAMETER_BECAME_OPTIONAL: ("GET /v1/user parameter query q", True, False, None),
    Kind.PARAMETER_TYPE_CHANGED: ("GET /v1/user parameter query q", "integer", "string", None),
    Kind.SECURITY_CHANGED: ("GET /v1/user security", ("(none)",), ("Key",), None),
    Kind.SERVERS_CHANGED: ("(document) servers", ("(none)",), ("https://x.invalid",), None),
}


@pytest.mark.parametrize(("kind", "severity", "old", "new"), WIRE_CASES, ids=[c[0].value for c in WIRE_CASES])
def test_wire_change_kind_and_severity(kind: Kind, severity: Severity, old: Any, new: Any) -> None:
    changes = diff_specs(old, new)
    assert [(c.kind, c.severity) for c in changes] == [(kind, severity)]
    (change,) = changes
    assert (change.where, change.old, change.new, change.model) == WIRE_DETAILS[kind]


# --- the Python API: two versions of a tiny package, read by griffe -------------------------------------------------

OLD_PY = """
    from enum import Enum

    class Color(str, Enum):
        RED = "red"
        BLUE = "blue"

    class Base:
        pass

    class Model(Base):
        count: int
        name: str | None
        tag: str

    def fetch(client: object, *, limit: int = 10, mode: str | None = None) -> Model:
        ...

    def helper(x: int) -> int:
        ...

    gone = 1
"""
PY_CASES: list[tuple[Kind, Severity, str, str]] = [
    (Kind.PY_NAME_REMOVED, B, "gone = 1\n", ""),
    (Kind.PY_NAME_ADDED, A, "", "def added() -> None: ...\n"),
    (Kind.PY_KIND_CHANGED, B, "def gone() -> None: ...\n", "gone = 1\n"),
    (Kind.PY_ATTRIBUTE_WIDENED, B, "class M:\n    count: int\n", "class M:\n    count: int | None\n"),
    (Kind.PY_ATTRIBUTE_NARROWED, A, "class M:\n    name: str | None\n", "class M:\n    name: str\n"),
    (Kind.PY_ANNOTATION_CHANGED, B, "class M:\n    tag: str\n", "class M:\n    tag: int\n"),
    (Kind.PY_VALUE_CHANGED, B, "from enum import Enum\nclass C(Enum):\n    RED = 'red'\n",
     "from enum import Enum\nclass C(Enum):\n    RED = 'rouge'\n"),
    (Kind.PY_PARAMETER_REMOVED, B, "def f(a: int, b: int) -> None: ...\n", "def f(a: int) -> None: ...\n"),
    (Kind.PY_PARAMETER_ADDED_REQUIRED, B, "def f(a: int) -> None: ...\n", "def f(a: int, b: int) -> None: ...\n"),
    (Kind.PY_PARAMETER_ADDED_OPTIONAL, A, "def f(a: int) -> None: ...\n",
     "def f(a: int, *, b: int = 1) -> None: ...\n"),
    (Kind.PY_PARAMETER_INCOMPATIBLE, B, "def f(a: int) -> None: ...\n", "def f(*, a: int) -> None: ...\n"),
    (Kind.PY_PARAMETER_NARROWED, B, "def f(a: int | None) -> None: ...\n", "def f(a: int) -> None: ...\n"),
    (Kind.PY_PARAMETER_WIDENED, A, "def f(a: int) -> None: ...\n", "def f(a: int | str) -> None: ...\n"),
    (Kind.PY_RETURN_WIDENED, B, "def f() -> int: ...\n", "def f() -> int | None: ...\n"),
    (Kind.PY_RETURN_NARROWED, A, "def f() -> int | None: ...\n", "def f() -> int: ...\n"),
    (Kind.PY_BASE_REMOVED, B, "class B: ...\nclass M(B): ...\n", "class B: ...\nclass M: ...\n"),
]  # fmt: skip


# Where each one is reported (relative to the package) and its old and new value in words.
PY_DETAILS: dict[Kind, tuple[str, str | None, str | None]] = {
    Kind.PY_NAME_REMOVED: ("gone", "attribute", None),
    Kind.PY_NAME_ADDED: ("added", None, "function"),
    Kind.PY_KIND_CHANGED: ("gone", "function", "attribute"),
    Kind.PY_ATTRIBUTE_WIDENED: ("M.count", "int", "int | None"),
    Kind.PY_ATTRIBUTE_NARROWED: ("M.name", "str | None", "str"),
    Kind.PY_ANNOTATION_CHANGED: ("M.tag", "str", "int"),
    Kind.PY_VALUE_CHANGED: ("C.RED", "'red'", "'rouge'"),
    Kind.PY_PARAMETER_REMOVED: ("f(b)", "b: int", None),
    Kind.PY_PARAMETER_ADDED_REQUIRED: ("f(b)", None, "b: int"),
    Kind.PY_PARAMETER_ADDED_OPTIONAL: ("f(b)", None, None),
    Kind.PY_PARAMETER_INCOMPATIBLE: ("f(a)", "a: int", "a: int"),
    Kind.PY_PARAMETER_NARROWED: ("f(a)", "int | None", "int"),
    Kind.PY_PARAMETER_WIDENED: ("f(a)", "int", "int | str"),
    Kind.PY_RETURN_WIDENED: ("f() return", "int", "int | None"),
    Kind.PY_RETURN_NARROWED: ("f() return", "int | None", "int"),
    Kind.PY_BASE_REMOVED: ("M", "B", ""),
}


def _package(root: Path, source: str) -> Path:
    (root / "elevenlabs_user_client").mkdir(parents=True)
    (root / "elevenlabs_user_client" / "__init__.py").write_text(textwrap.dedent(source))
    return root


@pytest.mark.parametrize(("kind", "severity", "old", "new"), PY_CASES, ids=[c[0].value for c in PY_CASES])
def test_python_change_kind_and_severity(tmp_path: Path, kind: Kind, severity: Severity, old: str, new: str) -> None:
    changes = package_changes(_package(tmp_path / "old", old), _package(tmp_path / "new", new))
    assert [(c.kind, c.severity) for c in changes] == [(kind, severity)], changes
    (change,) = changes
    location, was, now = PY_DETAILS[kind]
    assert (change.operation, change.location, change.old, change.new) == (
        "(python)", f"elevenlabs_user_client.{location}", was, now,
    )  # fmt: skip
    assert change.model == f"elevenlabs_user_client.{location.split('(')[0]}"


def test_identical_packages_have_no_changes(tmp_path: Path) -> None:
    assert package_changes(_package(tmp_path / "old", OLD_PY), _package(tmp_path / "new", OLD_PY)) == []


def test_enum_member_added_and_removed(tmp_path: Path) -> None:
    more = OLD_PY.replace('BLUE = "blue"', 'BLUE = "blue"\n        GREEN = "green"')
    fewer = OLD_PY.replace('        BLUE = "blue"\n', "")
    added = package_changes(_package(tmp_path / "a", OLD_PY), _package(tmp_path / "b", more))
    removed = package_changes(_package(tmp_path / "c", OLD_PY), _package(tmp_path / "d", fewer))
    assert [(c.kind, c.location) for c in added] == [(Kind.PY_NAME_ADDED, "elevenlabs_user_client.Color.GREEN")]
    assert [(c.kind, c.location) for c in removed] == [(Kind.PY_NAME_REMOVED, "elevenlabs_user_client.Color.BLUE")]


def test_every_kind_has_a_case() -> None:
    covered = {c[0] for c in WIRE_CASES} | {c[0] for c in PY_CASES}
    assert covered == set(Kind)


def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        target = root / "elevenlabs_user_client" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text))
    return root


def test_re_exports_new_modules_and_order(tmp_path: Path) -> None:
    old = _tree(tmp_path / "old", {
        "__init__.py": "from .m import X\n__all__ = ['X']\n",
        "m.py": "class X:\n    a: int\n    b: int\n    c = 1\n    d = 1\n",
    })  # fmt: skip
    new = _tree(tmp_path / "new", {
        "__init__.py": "from .m import X\n__all__ = ['X']\n",
        "m.py": "class X:\n    a: int | None\n    b: str\n    c: int = 2\n    d = 1\n",
        "n.py": "class Y:\n    z: int\n",
    })  # fmt: skip
    got = [(c.kind, c.location) for c in package_changes(old, new)]
    # A re-export is compared where its class is defined; a new module is one change, not one per member; an
    # annotation added to an unannotated attribute, or a plain value changing, is no change; breaking first.
    assert got == [
        (Kind.PY_ATTRIBUTE_WIDENED, "elevenlabs_user_client.m.X.a"),
        (Kind.PY_ANNOTATION_CHANGED, "elevenlabs_user_client.m.X.b"),
        (Kind.PY_NAME_ADDED, "elevenlabs_user_client.n"),
    ]


def test_dangling_re_exports_are_dropped_and_bad_packages_are_errors(tmp_path: Path) -> None:
    from scripts.spec_diff.python_api import PythonApiError, load_package, public_api

    package = load_package(_tree(tmp_path / "a", {
        "__init__.py": "from .missing import Gone\nfrom .m import X\nfrom os import path\n__all__ = ['Gone', 'X']\n",
        "m.py": "from .missing import Also\nclass X: ...\n",
    }))  # fmt: skip
    names = set(public_api(package))
    assert "elevenlabs_user_client.X" in names and "elevenlabs_user_client.Gone" not in names
    assert "Also" not in package["m"].members and "path" in package.members  # outside aliases stay
    with pytest.raises(PythonApiError, match=r"b: no package elevenlabs_user_client"):
        load_package(tmp_path / "b")
    with pytest.raises(PythonApiError, match=r"c/elevenlabs_user_client: griffe cannot read it"):
        load_package(_tree(tmp_path / "c", {"__init__.py": "def broken(:\n"}))


def test_parameters_without_annotations_and_bases_in_words(tmp_path: Path) -> None:
    (removed,) = package_changes(
        _package(tmp_path / "a", "def f(a, b): ...\n"), _package(tmp_path / "b", "def f(a): ...\n")
    )
    assert removed.old == "b"
    (base,) = package_changes(_package(tmp_path / "c", "class A: ...\nclass B: ...\nclass M(A, B): ...\n"),
                              _package(tmp_path / "d", "class A: ...\nclass B: ...\nclass M(A): ...\n"))  # fmt: skip
    assert (base.old, base.new) == ("A, B", "A")


# How a class is built (attrs, or by hand) is not its API: the same client built both ways compares equal; a protocol
# callers use (item access here) still counts.
BUILT_WITH_ATTRS = """
import attrs
@attrs.define
class Client:
    base_url: str
    def __attrs_post_init__(self) -> None: ...
    def __getitem__(self, key: str) -> str: ...
"""
BUILT_BY_HAND = """
class Client:
    base_url: str
    def __init__(self, base_url: str) -> None: ...
    def __repr__(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __setattr__(self, name: str, value: object) -> None: ...
    def __getitem__(self, key: str) -> str: ...
"""


def test_how_a_class_is_built_is_neither_breaking_nor_listed(tmp_path: Path) -> None:
    changes = package_changes(_package(tmp_path / "old", BUILT_WITH_ATTRS), _package(tmp_path / "new", BUILT_BY_HAND))
    assert changes == []
    without_item_access = BUILT_BY_HAND.replace("    def __getitem__(self, key: str) -> str: ...\n", "")
    changes = package_changes(_package(tmp_path / "a", BUILT_WITH_ATTRS), _package(tmp_path / "b", without_item_access))
    assert [(c.kind, c.location) for c in changes] == [
        (Kind.PY_NAME_REMOVED, "elevenlabs_user_client.Client.__getitem__")
    ]


# A constructor's effective signature: settings spelled out, or typed once and taken as `**settings: Unpack[...]`
# (PEP 692), are the same keyword parameters for a caller.
SPELLED_OUT = """
class Client:
    def __init__(self, base_url: str, *, timeout: float = 5.0, strict: bool = False) -> None: ...
"""
TYPED_ONCE = """
from typing import TypedDict, Unpack
class Settings(TypedDict, total=False):
    timeout: float
    strict: bool
class Client:
    def __init__(self, base_url: str, **settings: Unpack[Settings]) -> None: ...
"""


def test_settings_taken_as_an_unpacked_typeddict_compare_as_the_keywords_they_stand_for(tmp_path: Path) -> None:
    def changes(old: str, new: str) -> list[tuple[Kind, str]]:
        found = package_changes(_package(tmp_path / "old", old), _package(tmp_path / "new", new))
        for folder in ("old", "new"):
            shutil.rmtree(tmp_path / folder)
        return [(c.kind, c.location.removeprefix("elevenlabs_user_client.")) for c in found]

    assert changes(SPELLED_OUT, TYPED_ONCE) == [(Kind.PY_NAME_ADDED, "Settings")]
    # The TypedDict is public too: its own change is listed beside the constructor's.
    assert changes(TYPED_ONCE, TYPED_ONCE.replace("    strict: bool\n", "")) == [
        (Kind.PY_PARAMETER_REMOVED, "Client.__init__(strict)"),
        (Kind.PY_NAME_REMOVED, "Settings.strict"),
    ]
    assert changes(TYPED_ONCE, TYPED_ONCE.replace("timeout: float", "timeout: float | None")) == [
        (Kind.PY_ATTRIBUTE_WIDENED, "Settings.timeout"),
        (Kind.PY_PARAMETER_WIDENED, "Client.__init__(timeout)"),
    ]
    assert changes(TYPED_ONCE, TYPED_ONCE.replace("    strict: bool\n", "    strict: bool\n    deadline: float\n")) == [
        (Kind.PY_PARAMETER_ADDED_OPTIONAL, "Client.__init__(deadline)"),
        (Kind.PY_NAME_ADDED, "Settings.deadline"),
    ]


# Typing plumbing is not API: a module's TypeVar, and `-> T` with `cls: type[T]` against `-> Self` (the generator's
# `from_dict` spelling and ours), say nothing a caller could notice. A real change of such a return still shows.
_T_SPELLING = """
from typing import TypeVar
T = TypeVar("T", bound="M")
class M:
    @classmethod
    def from_dict(cls: type[T], src: dict) -> T: ...
    def copy(self: T) -> T: ...
"""
_SELF_SPELLING = """
from typing import Self
class M:
    @classmethod
    def from_dict(cls, src: dict) -> Self: ...
    def copy(self) -> Self: ...
"""
TYPING_PLUMBING: list[tuple[str, str, list[tuple[Kind, str]]]] = [
    (_T_SPELLING, _SELF_SPELLING, []),
    (_SELF_SPELLING, _T_SPELLING, []),
    (_T_SPELLING, _T_SPELLING + 'U = TypeVar("U")\n', []),
    (_T_SPELLING, _SELF_SPELLING.replace("def copy(self) -> Self", "def copy(self) -> int"),
     [(Kind.PY_ANNOTATION_CHANGED, "M.copy() return")]),
    ("def f(x: int) -> int: ...\n", "def f(x: int) -> str: ...\n", [(Kind.PY_ANNOTATION_CHANGED, "f() return")]),
    ("gone = 1\n", "", [(Kind.PY_NAME_REMOVED, "gone")]),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "expected"), TYPING_PLUMBING)
def test_typing_plumbing_is_not_api(tmp_path: Path, old: str, new: str, expected: list[tuple[Kind, str]]) -> None:
    changes = package_changes(_package(tmp_path / "old", old), _package(tmp_path / "new", new))
    assert [(c.kind, c.location.removeprefix("elevenlabs_user_client.")) for c in changes] == expected
