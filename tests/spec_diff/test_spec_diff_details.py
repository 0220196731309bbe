"""The differ's reading of specs in detail: every spelling of null, enums, compositions, owners of places, security
and servers, the errors it raises (with where), and how Python annotations are compared."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from test_spec_diff import INT, doc

from scripts.spec_diff import Kind, SpecShapeError, diff_specs, shape_of
from scripts.spec_diff.compare import Change, _plain
from scripts.spec_diff.python_api import union_members
from scripts.spec_diff.rules import Severity, severity_of
from scripts.spec_diff.shapes import Facts


def facts_of(spec: dict[str, Any], path: str = "a") -> Facts:
    return shape_of(spec).operations["GET /v1/user"].responses["200"][path]


@pytest.mark.parametrize(
    "schema",
    [
        {"anyOf": [INT, {"type": "null"}]},
        {"oneOf": [INT, {"type": "null"}]},
        {"type": ["integer", "null"]},
        {"type": "integer", "nullable": True},
        {"anyOf": [INT, {"const": None}]},
        {"type": "integer", "enum": [1, None]},
    ],
)
def test_every_spelling_of_null_is_nullable(schema: dict[str, Any]) -> None:
    facts = facts_of(doc({"a": schema}))
    assert facts.nullable is True
    assert facts.types == frozenset({"integer"})


def test_plain_facts() -> None:
    facts = facts_of(doc({"a": {"type": "string", "format": "date", "default": "x", "description": " D. ",
                                "deprecated": True}}, ("a",)))  # fmt: skip
    assert (facts.types, facts.nullable, facts.required, facts.fmt) == (frozenset({"string"}), False, True, "date")
    assert (facts.default_shown(), facts.deprecated, facts.description) == ("'x'", True, "D.")
    assert facts.enum is None
    assert facts_of(doc({"a": INT})).default_shown() is None
    assert facts_of(doc({"a": {}})).types == frozenset({"any"})


def test_enums_consts_and_inferred_types() -> None:
    assert facts_of(doc({"a": {"enum": ["x", "y"]}})).types == frozenset({"string"})
    assert facts_of(doc({"a": {"enum": ["x", "y"]}})).enum == frozenset({"x", "y"})
    assert facts_of(doc({"a": {"const": 3}})).types == frozenset({"integer"})
    assert facts_of(doc({"a": {"enum": [1.5]}})).types == frozenset({"number"})
    assert facts_of(doc({"a": {"enum": [True]}})).types == frozenset({"boolean"})
    assert facts_of(doc({"a": {"enum": [{"k": 1}]}})).types == frozenset({"object"})
    # One branch open to any string: not an enum any more.
    assert facts_of(doc({"a": {"anyOf": [{"enum": ["x"]}, {"type": "string"}]}})).enum is None
    assert facts_of(doc({"a": {"anyOf": [{"enum": ["x"]}, {"enum": ["y"]}]}})).enum == frozenset({"x", "y"})


def test_compositions_merge_properties_items_and_required() -> None:
    spec = doc({"a": {"allOf": [{"type": "object", "properties": {"x": INT}, "required": ["x"]},
                                {"properties": {"y": {"type": "array", "items": INT}}}]}})  # fmt: skip
    paths = shape_of(spec).operations["GET /v1/user"].responses["200"]
    assert set(paths) == {"", "a", "a.x", "a.y", "a.y[]"}
    assert paths["a"].types == frozenset({"object"}) and paths["a.y"].types == frozenset({"array"})
    assert (paths["a.x"].required, paths["a.y"].required, paths["a.y[]"].required) == (True, False, None)
    both = doc({"a": {"anyOf": [{"properties": {"x": INT}}, {"properties": {"x": {"type": "string"}}}]}})
    assert facts_of(both, "a.x").types == frozenset({"integer", "string"})
    items = doc({"a": {"anyOf": [{"type": "array", "items": INT}, {"type": "array", "items": {"type": "string"}}]}})
    assert facts_of(items, "a[]").types == frozenset({"integer", "string"})


def test_places_know_their_model() -> None:
    spec = doc({"a": {"$ref": "#/components/schemas/P"}, "i": {"type": "object", "properties": {"n": INT}}})
    spec["components"]["schemas"]["P"] = {"type": "object", "properties": {"q": {"type": "array", "items": {
        "type": "object", "properties": {"z": INT}}}, "c": {"anyOf": [{"$ref": "#/components/schemas/C"},
                                                                      {"type": "null"}]}}}  # fmt: skip
    spec["components"]["schemas"]["C"] = {"enum": ["x"]}
    paths = shape_of(spec).operations["GET /v1/user"].responses["200"]
    assert paths[""].owner is None
    assert paths["a"].owner == ("U", "a") and paths["a"].named == "P"
    assert paths["a.q"].owner == ("P", "q")
    assert paths["a.q[]"].owner == ("P", "q[]")
    assert paths["a.q[].z"].owner == ("P", "q[].z")
    assert paths["i.n"].owner == ("U", "i.n")
    assert paths["a.c"].named == "C" and paths["a.c"].owner == ("P", "c")
    new = copy.deepcopy(spec)
    new["components"]["schemas"]["C"]["enum"].append("y")
    new["components"]["schemas"]["P"]["properties"]["q"]["items"]["properties"]["w"] = INT
    found = {(c.kind, c.model) for c in diff_specs(spec, new)}
    assert found == {(Kind.ENUM_VALUE_ADDED, "C"), (Kind.PROPERTY_ADDED_OPTIONAL, "P.q[].w")}
    removed = copy.deepcopy(spec)
    del removed["components"]["schemas"]["P"]["properties"]["q"]
    assert [(c.kind, c.model) for c in diff_specs(spec, removed)] == [(Kind.PROPERTY_REMOVED, "P.q")]
    no_owner = doc({"a": INT})
    inline = {"content": {"application/json": {"schema": {"type": "object", "properties": {"a": INT}}}}}
    no_owner["paths"]["/v1/user"]["get"]["responses"]["200"].update(inline)
    assert facts_of(no_owner).owner is None


def test_security_servers_parameters_and_bodies() -> None:
    op = shape_of(doc({}, security=[{"B": [], "A": []}, {}])).operations["GET /v1/user"]
    assert op.security == ("(none)", "A+B")
    assert shape_of(doc({}, security="nonsense")).operations["GET /v1/user"].security == ()
    top = doc({})
    top["security"] = [{"Key": []}]
    assert shape_of(top).operations["GET /v1/user"].security == ("Key",)
    servers = doc({})
    servers["servers"] = [{"url": "https://a"}, "junk", {"url": "https://b"}]
    assert shape_of(servers).servers == ("https://a", "https://b")
    changed = copy.deepcopy(servers)
    changed["servers"] = []
    change = next(iter(diff_specs(servers, changed)))
    assert (change.kind, change.operation, change.location, change.old, change.new) == (
        Kind.SERVERS_CHANGED, "(document)", "servers", ("https://a", "https://b"), ("(none)",),
    )  # fmt: skip
    params = doc({})
    params["paths"]["/v1/user"]["parameters"] = [{"name": "p", "in": "path", "required": True, "schema": INT}]
    params["paths"]["/v1/user"]["get"]["parameters"] = [{"$ref": "#/components/parameters/Q"}]
    params["components"]["parameters"] = {"Q": {"name": "q", "in": "query", "description": " Q. ", "schema": INT}}
    op = shape_of(params).operations["GET /v1/user"]
    assert set(op.parameters) == {("path", "p"), ("query", "q")}
    assert op.parameters[("query", "q")].description == "Q." and op.parameters[("path", "p")].required is True
    text = doc({})
    text["paths"]["/v1/user"]["get"]["responses"]["200"]["content"] = {"text/plain": {"schema": {"type": "string"}}}
    assert shape_of(text).operations["GET /v1/user"].responses["200"] == {}
    assert shape_of(doc({}, summary="S", deprecated=True, operationId="x")).operations["GET /v1/user"].key == (
        "GET /v1/user"
    )


def test_operation_level_changes() -> None:
    old = doc({}, summary="Old", description="Was.")
    new = doc({}, summary="New", description="Is.", deprecated=True)
    got = {(c.kind, c.location, c.old, c.new) for c in diff_specs(old, new)}
    assert got == {
        (Kind.DESCRIPTION_CHANGED, "summary", "Old", "New"),
        (Kind.DESCRIPTION_CHANGED, "description", "Was.", "Is."),
        (Kind.DEPRECATED, "", False, True),
    }
    assert {c.kind for c in diff_specs(new, old)} == {Kind.DESCRIPTION_CHANGED, Kind.UNDEPRECATED}
    security = {(c.old, c.new) for c in diff_specs(doc({}), doc({}, security=[{"K": []}]))}
    assert security == {(("(none)",), ("K",))}


def test_parameter_facts_map_to_parameter_kinds() -> None:
    q = {"name": "q", "in": "query"}
    cases = [
        ({"type": "integer"}, {"anyOf": [INT, {"type": "null"}]}, []),
        ({"anyOf": [INT, {"type": "null"}]}, {"type": "integer"}, [Kind.PARAMETER_TYPE_CHANGED]),
        ({"enum": ["a"]}, {"enum": ["a", "b"]}, []),
        ({"enum": ["a", "b"]}, {"enum": ["a"]}, [Kind.PARAMETER_TYPE_CHANGED]),
        ({"type": "string"}, {"type": "string", "format": "uuid"}, [Kind.PARAMETER_TYPE_CHANGED]),
        ({"type": "string"}, {"type": "string", "description": "d"}, [Kind.DESCRIPTION_CHANGED]),
        ({"type": "string"}, {"type": "string", "deprecated": True}, [Kind.DEPRECATED]),
    ]
    for old, new, kinds in cases:
        got = [c.kind for c in diff_specs(doc({}, parameters=[{**q, "schema": old}]),
                                          doc({}, parameters=[{**q, "schema": new}]))]  # fmt: skip
        assert got == kinds, (old, new, got)
    described = diff_specs(doc({}, parameters=[{**q, "schema": INT}]),
                           doc({}, parameters=[{**q, "schema": INT, "description": "x"}]))  # fmt: skip
    assert [(c.kind, c.location) for c in described] == [(Kind.DESCRIPTION_CHANGED, "parameter query q")]


def test_fact_changes_carry_old_and_new_values() -> None:
    def one(old: Any, new: Any) -> Change:
        (change,) = diff_specs(doc({"a": old}), doc({"a": new}))
        return change

    assert (one(INT, {"type": "string"}).old, one(INT, {"type": "string"}).new) == ("integer", "string")
    enum_to_free = one({"type": "string", "enum": ["b", "a"]}, {"type": "string"})
    assert (enum_to_free.kind, enum_to_free.old, enum_to_free.new) == (Kind.TYPE_CHANGED, "enum ['a', 'b']",
                                                                       "any string")  # fmt: skip
    free_to_enum = one({"type": "string"}, {"type": "string", "enum": ["a"]})
    assert (free_to_enum.kind, free_to_enum.old, free_to_enum.new) == (Kind.TYPE_CHANGED, "any string", "enum ['a']")
    added = one({"enum": ["a"]}, {"enum": ["a", "b"]})
    assert (added.old, added.new, added.where) == (None, "b", "GET /v1/user 200 → a")
    removed = one({"enum": ["a", "b"]}, {"enum": ["a"]})
    assert (removed.old, removed.new) == ("b", None)
    fmt = one({"type": "string", "format": "uuid"}, {"type": "string"})
    assert (fmt.kind, fmt.old, fmt.new) == (Kind.FORMAT_CHANGED, "uuid", None)
    default = one({"type": "integer", "default": 1}, {"type": "integer", "default": 2})
    assert (default.old, default.new) == ("1", "2")
    assert one(INT, {"anyOf": [INT, {"type": "null"}]}).new is True


def test_change_records() -> None:
    change = Change(Kind.ENUM_VALUE_ADDED, "GET /v1/user", "200 → a", frozenset({"b", "a"}), ("y", "x"), model="U.a")
    assert change.severity is Severity.ADDITIVE is severity_of(Kind.ENUM_VALUE_ADDED)
    assert change.as_dict() == {
        "severity": "additive", "kind": "enum-value-added", "operation": "GET /v1/user", "location": "200 → a",
        "where": "GET /v1/user 200 → a", "summary": "enum value added", "old": ["a", "b"], "new": ["x", "y"],
        "model": "U.a",
    }  # fmt: skip
    assert Change(Kind.OPERATION_ADDED, "GET /x", "").where == "GET /x"
    assert _plain({"k"}) == ["k"] and _plain("s") == "s"
    assert [s.rank for s in Severity] == [0, 1, 2]
    worst_first = diff_specs(doc({"a": INT, "b": INT}), doc({"a": {"type": "integer", "description": "d"}, "c": INT}))
    assert [c.severity for c in worst_first] == [Severity.BREAKING, Severity.ADDITIVE, Severity.DOCS]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ([], "not an OpenAPI document: no 'paths' object"),
        ({"paths": []}, "not an OpenAPI document: no 'paths' object"),
        ({"paths": {"/x": []}}, "paths//x: expected a path item object"),
        ({"paths": {"/x": {"get": {"responses": {"200": []}}}}}, "paths//x/get/responses/200: expected a schema"),
        ({"paths": {"/x": {"get": {"responses": {"200": {"$ref": 3}}}}}}, "$ref must be a string"),
        ({"paths": {"/x": {"get": {"responses": {"200": {"$ref": "other.yaml#/x"}}}}}}, "external $ref"),
        ({"paths": {"/x": {"get": {"responses": {"200": {"$ref": "#/components/responses/Gone"}}}}}},
         "paths//x/get/responses/200: unresolvable $ref '#/components/responses/Gone'"),
    ],
)  # fmt: skip
def test_unreadable_documents_say_where(spec: Any, message: str) -> None:
    with pytest.raises(SpecShapeError) as caught:
        shape_of(spec)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("annotation", "members"),
    [
        (None, frozenset()),
        ("int", {"int"}),
        ("int | None | Unset", {"int", "None", "Unset"}),
        ("None | int", {"int", "None"}),
        ("list[int | str] | None", {"list[int|str]", "None"}),
        ("dict[str, int] | Literal['a', 'b']", {"dict[str,int]", "Literal['a','b']"}),
        ("Union[int, str]", {"int", "str"}),
        ("Optional[int]", {"int", "None"}),
        ("Optional[Union[int, str]]", {"Union[int,str]", "None"}),
        ("Callable[(int), str] | None", {"Callable[(int),str]", "None"}),
    ],
)
def test_annotations_compare_as_sets_of_union_members(annotation: str | None, members: set[str]) -> None:
    assert union_members(annotation) == frozenset(members)


def test_sibling_keywords_of_a_ref_win_and_refs_to_arrays_own_their_items() -> None:
    spec = doc({"a": {"$ref": "#/components/schemas/C", "description": "Sibling."},
                "l": {"$ref": "#/components/schemas/Arr"}})  # fmt: skip
    spec["components"]["schemas"]["C"] = {"type": "integer", "description": "Target."}
    spec["components"]["schemas"]["Arr"] = {"type": "array", "items": {"type": "object", "properties": {"z": INT}}}
    paths = shape_of(spec).operations["GET /v1/user"].responses["200"]
    assert paths["a"].description == "Sibling." and paths["a"].types == frozenset({"integer"})
    assert paths["l[]"].owner == ("Arr", "[]") and paths["l[].z"].owner == ("Arr", "[].z")
    inline_body = doc({})
    body = {"type": "array", "items": {"type": "object", "properties": {"z": INT}}}
    inline_body["paths"]["/v1/user"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = body
    inline = shape_of(inline_body).operations["GET /v1/user"].responses["200"]
    assert inline["[]"].owner is None and inline["[].z"].owner is None


def test_single_variants_keep_their_own_text() -> None:
    # One variant of a property or of array items is read as it is, description included.
    old = doc({"a": {"type": "array", "items": {"type": "integer", "description": "Old."}}})
    new = doc({"a": {"type": "array", "items": {"type": "integer", "description": "New."}}})
    assert [(c.kind, c.where) for c in diff_specs(old, new)] == [(Kind.DESCRIPTION_CHANGED, "GET /v1/user 200 → a[]")]


def test_defaults_compare_by_value_whatever_the_key_order() -> None:
    def default(value: Any) -> dict[str, Any]:
        return doc({"a": {"type": "object", "default": value}})

    assert diff_specs(default({"x": 1, "y": [1, 2]}), default({"y": [1, 2], "x": 1})) == []
    assert [c.kind for c in diff_specs(default({"x": 1}), default({"x": 2}))] == [Kind.DEFAULT_CHANGED]
    assert [c.kind for c in diff_specs(default([1, 2]), default([2, 1]))] == [Kind.DEFAULT_CHANGED]
    assert [c.kind for c in diff_specs(default({"x": 1}), default({"z": 1}))] == [Kind.DEFAULT_CHANGED]


def test_mixed_enum_values_and_multiple_types() -> None:
    added = diff_specs(doc({"a": {"enum": [1]}}), doc({"a": {"enum": [1, "b", 2.5]}}))
    assert [c.new for c in added if c.kind is Kind.ENUM_VALUE_ADDED] == ["b", 2.5]  # sorted by repr, no TypeError
    (changed,) = diff_specs(doc({"a": {"type": ["integer", "string"]}}), doc({"a": {"type": "boolean"}}))
    assert (changed.kind, changed.old, changed.new) == (Kind.TYPE_CHANGED, "integer|string", "boolean")
    (to_free,) = diff_specs(doc({"a": {"type": ["integer", "string"], "enum": [1]}}),
                            doc({"a": {"type": ["integer", "string"]}}))  # fmt: skip
    assert to_free.new == "any integer|string"
    (to_enum,) = diff_specs(doc({"a": {"type": ["integer", "string"]}}),
                            doc({"a": {"type": ["integer", "string"], "enum": [1]}}))  # fmt: skip
    assert to_enum.old == "any integer|string"


def test_operations_of_any_method_and_refs_in_parameters() -> None:
    spec = doc({})
    spec["paths"]["/v1/x"] = {"parameters": [], "post": _post()}
    spec["components"]["schemas"]["Q"] = {"type": "integer"}
    spec["paths"]["/v1/user"]["get"]["parameters"] = [
        {"name": "q", "in": "query", "required": True, "schema": {"$ref": "#/components/schemas/Q"}}
    ]
    shape = shape_of(spec)
    assert set(shape.operations) == {"GET /v1/user", "POST /v1/x"}
    assert shape.operations["GET /v1/user"].parameters[("query", "q")].types == frozenset({"integer"})
    assert shape.operations["GET /v1/user"].parameters[("query", "q")].required is True
    assert shape.operations["POST /v1/x"].deprecated is False


def _post() -> dict[str, Any]:
    return {"deprecated": "yes", "responses": {"204": {"description": "none"}}}


@pytest.mark.parametrize(
    ("where", "node", "message"),
    [
        ("property", [], "paths//v1/user/get/responses/200/properties/a: expected a schema object, got list"),
        ("allOf", {"allOf": [3]}, "paths//v1/user/get/responses/200/properties/a/allOf/0: expected a schema object"),
        ("anyOf", {"anyOf": [INT, "x"]}, "paths//v1/user/get/responses/200/properties/a/anyOf/1: expected a schema"),
        ("items", {"type": "array", "items": []}, "paths//v1/user/get/responses/200/properties/a/items: expected"),
        ("ref", {"$ref": "#/components/schemas/Bad"}, "#/components/schemas/Bad: expected a schema object, got list"),
    ],
)
def test_errors_deep_in_a_schema_say_where(where: str, node: Any, message: str) -> None:
    spec = doc({"a": node})
    spec["components"]["schemas"]["Bad"] = []
    with pytest.raises(SpecShapeError) as caught:
        shape_of(spec)
    assert message in str(caught.value), where


def test_parameter_errors_say_where() -> None:
    bad_schema = doc({}, parameters=[{"name": "q", "in": "query", "schema": "x"}])
    with pytest.raises(SpecShapeError, match="paths//v1/user/get/parameters/0: expected a schema object"):
        shape_of(bad_schema)
    dangling = doc({}, parameters=[{"$ref": "#/components/parameters/Gone"}])
    with pytest.raises(SpecShapeError, match="paths//v1/user/get/parameters/0: unresolvable"):
        shape_of(dangling)
