"""Each importer pass on tiny hand-built specs."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from scripts.spec_import import SpecImportError
from scripts.spec_import.canonical import canonical_order
from scripts.spec_import.config import ImportConfig
from scripts.spec_import.constructs import refuse_unsupported
from scripts.spec_import.dialect import Dialect, detect
from scripts.spec_import.load import Source, parse_text
from scripts.spec_import.merge import merge_documents
from scripts.spec_import.overlay import apply_overlay
from scripts.spec_import.pipeline import normalise_source
from scripts.spec_import.regions import derive_region_schema
from scripts.spec_import.slicing import slice_document

CONFIG = ImportConfig(operations=(("GET", "/a"),), overlay=None, docs_schema_names={"ThingCurrency": "Currency"})
NULL = {"type": "null"}


def spec(schemas: dict[str, Any], version: str = "3.1.0", **extra: Any) -> dict[str, Any]:
    schema = {"$ref": "#/components/schemas/Thing"}
    response = {"description": "ok", "content": {"application/json": {"schema": schema}}}
    doc = {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {"operationId": "get_a", "responses": {"200": response}}}},
        "components": {"schemas": schemas},
    }
    doc.update(extra)
    return doc


def run(doc: dict[str, Any], dialect: Dialect) -> dict[str, Any]:
    return normalise_source(doc, dialect, CONFIG)


# --- dialect detection --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "dialect"),
    [("3.0.3", Dialect.OAS30), ("3.1.0", Dialect.OAS31), ("3.1.1", Dialect.OAS31), ("3.2.0", Dialect.OAS32)],
)
def test_detects_dialect_from_version(version: str, dialect: Dialect) -> None:
    assert detect(Source("s", spec({}, version), from_markdown=False)) is dialect


def test_docs_dialect_from_markdown_or_endpoint_version() -> None:
    assert detect(Source("s", spec({}, "3.1.1"), from_markdown=True)) is Dialect.DOCS
    doc = spec({}, "3.1.1", info={"title": "t", "version": "endpoint_user.get"})
    assert detect(Source("s", doc, from_markdown=False)) is Dialect.DOCS


@pytest.mark.parametrize(
    ("doc", "pointer"),
    [
        ({"swagger": "2.0"}, "/swagger"),
        ({"openapi": "4.0.0"}, "/openapi"),
        ({"openapi": 3.1}, "/openapi"),
        ({"info": {}}, "/openapi"),
    ],
)
def test_unknown_dialect_is_refused(doc: dict[str, Any], pointer: str) -> None:
    with pytest.raises(SpecImportError, match="unknown dialect") as caught:
        detect(Source("s", doc, from_markdown=False))
    assert caught.value.pointer == pointer


# --- 3.0 ----------------------------------------------------------------------------------------


def test_30_nullable_becomes_any_of_with_null() -> None:
    doc = run(
        spec(
            {
                "Thing": {
                    "type": "object",
                    "properties": {
                        "a": {"type": "string", "nullable": True, "description": "d", "maxLength": 3},
                        "b": {"$ref": "#/components/schemas/Other", "nullable": True},
                        "c": {"allOf": [{"$ref": "#/components/schemas/Other"}], "nullable": True, "description": "c"},
                        "d": {"type": "integer", "nullable": False},
                        "e": {"type": "string", "enum": ["x", None], "nullable": True},
                    },
                },
                "Other": {"type": "string"},
            },
            "3.0.3",
        ),
        Dialect.OAS30,
    )
    props = doc["components"]["schemas"]["Thing"]["properties"]
    assert doc["openapi"] == "3.1.0"
    assert props["a"] == {"anyOf": [{"type": "string", "maxLength": 3}, NULL], "description": "d"}
    assert props["b"] == {"anyOf": [{"$ref": "#/components/schemas/Other"}, NULL]}
    assert props["c"] == {"anyOf": [{"$ref": "#/components/schemas/Other"}, NULL], "description": "c"}
    assert props["d"] == {"type": "integer"}
    assert props["e"] == {"anyOf": [{"type": "string", "const": "x"}, NULL]}  # one value: one spelling, a const


def test_30_exclusive_bounds_become_numbers() -> None:
    doc = run(
        spec(
            {
                "Thing": {
                    "type": "number",
                    "minimum": 1,
                    "exclusiveMinimum": True,
                    "maximum": 5,
                    "exclusiveMaximum": False,
                }
            },
            "3.0.0",
        ),
        Dialect.OAS30,
    )
    assert doc["components"]["schemas"]["Thing"] == {"type": "number", "exclusiveMinimum": 1, "maximum": 5}


# --- 3.1 ----------------------------------------------------------------------------------------


def test_type_lists_become_any_of_and_31_any_of_is_kept() -> None:
    upstream_style = {"anyOf": [{"type": "integer"}, NULL], "title": "N"}
    doc = run(
        spec(
            {
                "Thing": {
                    "type": "object",
                    "properties": {
                        "n": copy.deepcopy(upstream_style),
                        "m": {"type": ["integer", "null"], "title": "N"},
                        "one": {"type": ["string"]},
                        "k": {"type": "string", "const": "x"},
                    },
                }
            }
        ),
        Dialect.OAS31,
    )
    props = doc["components"]["schemas"]["Thing"]["properties"]
    assert props["n"] == upstream_style
    assert props["m"] == upstream_style
    assert props["one"] == {"type": "string"}
    assert props["k"] == {"type": "string", "const": "x"}


def test_auth_header_parameter_is_removed_other_parameters_stay() -> None:
    doc = spec({"Thing": {"type": "string"}})
    doc["paths"]["/a"]["get"]["parameters"] = [
        {"name": "xi-api-key", "in": "header", "required": True, "schema": {"type": "string"}},
        {"name": "xi-api-key", "in": "query", "schema": {"type": "string"}},
    ]
    run(doc, Dialect.OAS31)
    assert doc["paths"]["/a"]["get"]["parameters"] == [
        {"name": "xi-api-key", "in": "query", "schema": {"type": "string"}}
    ]


# --- 3.2 ----------------------------------------------------------------------------------------


def test_32_version_and_32_only_fields() -> None:
    doc = spec(
        {"Thing": {"type": "string"}},
        "3.2.0",
        **{
            "$self": "https://x/y",
            "tags": [{"name": "t", "parent": "p", "kind": "nav"}],
            "servers": [{"url": "https://h", "name": "prod"}],
        },
    )
    media = doc["paths"]["/a"]["get"]["responses"]["200"]
    media["summary"] = "OK"
    media["content"]["application/json"]["examples"] = {"e": {"dataValue": {"a": 1}, "serializedValue": "{}"}}
    run(doc, Dialect.OAS32)
    assert doc["openapi"] == "3.1.0"
    assert "$self" not in doc
    assert doc["tags"] == [{"name": "t"}]
    assert doc["servers"] == [{"url": "https://h"}]
    assert "summary" not in media
    assert media["content"]["application/json"]["examples"] == {"e": {"value": {"a": 1}}}


def test_32_query_operation_refused_when_kept() -> None:
    doc = spec({"Thing": {"type": "string"}}, "3.2.0")
    doc["paths"]["/a"]["query"] = {"responses": {"200": {"description": "ok"}}}
    run(doc, Dialect.OAS32)
    sliced, _ = slice_document(doc, CONFIG.operations, "s")  # not selectable, so simply not kept
    assert "query" not in sliced["paths"]["/a"]
    with pytest.raises(SpecImportError, match="unsupported construct 'query'") as caught:
        slice_document(doc, None, "s")
    assert caught.value.pointer == "/paths/~1a/query"


# --- docs markdown dialect ----------------------------------------------------------------------

DOCS_PAGE = """# Get a

GET https://example.invalid/a

```yaml
openapi: 3.1.1
info:
  title: Get a
  version: endpoint_a.get
paths:
  /a:
    get:
      operationId: get
      tags:
        - - subpackage_things
          - subpackage_things/a
      parameters:
        - name: xi-api-key
          in: header
          required: true
          schema:
            type: string
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Thing'
        '422':
          description: Validation Error
          content: {}
components:
  schemas:
    ThingCurrency:
      type: string
      enum:
        - value: usd
        - value: eur
    ThingStatus:
      type: string
      enum:
        - value: on
    ThingChange:
      oneOf:
        - $ref: '#/components/schemas/A'
        - $ref: '#/components/schemas/B'
    A:
      type: object
      properties:
        kind:
          type: string
          enum:
            - type: stringLiteral
              value: a
    B:
      type: object
      properties:
        n:
          type:
            - number
            - 'null'
          format: double
    Thing:
      type: object
      properties:
        currency:
          oneOf:
            - $ref: '#/components/schemas/ThingCurrency'
            - type: 'null'
        status:
          $ref: '#/components/schemas/ThingStatus'
          description: The status.
        change:
          oneOf:
            - $ref: '#/components/schemas/ThingChange'
            - type: 'null'
```

## SDK Code Examples
"""


def docs_doc() -> dict[str, Any]:
    source = parse_text(DOCS_PAGE, "page.md")
    assert source.from_markdown
    assert detect(source) is Dialect.DOCS
    return run(source.doc, Dialect.DOCS)


def test_docs_enum_items_and_string_literals() -> None:
    schemas = docs_doc()["components"]["schemas"]
    assert schemas["Currency"] == {"type": "string", "enum": ["usd", "eur"]}
    assert schemas["A"]["properties"]["kind"] == {"type": "string", "const": "a"}


def test_docs_double_format_and_type_list() -> None:
    assert docs_doc()["components"]["schemas"]["B"]["properties"]["n"] == {"anyOf": [{"type": "number"}, NULL]}


def test_yaml_reads_on_off_yes_no_as_strings() -> None:
    assert parse_text("openapi: 3.1.0\nx: [on, off, yes, no, true, false]\n", "s").doc["x"] == [
        "on",
        "off",
        "yes",
        "no",
        True,
        False,
    ]


def test_docs_names_renamed_or_inlined_and_one_of_as_any_of() -> None:
    schemas = docs_doc()["components"]["schemas"]
    assert set(schemas) == {"Currency", "A", "B", "Thing"}
    props = schemas["Thing"]["properties"]
    assert props["currency"] == {"anyOf": [{"$ref": "#/components/schemas/Currency"}, NULL]}
    assert props["status"] == {"type": "string", "const": "on", "description": "The status."}
    assert props["change"] == {"anyOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}, NULL]}


def test_docs_operation_tags_id_header_and_empty_content() -> None:
    doc = docs_doc()
    op = doc["paths"]["/a"]["get"]
    assert op == {
        "operationId": "get_a",
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
            },
            "422": {"description": "Validation Error"},
        },
        "x-fern-sdk-group-name": ["things", "a"],
        "x-fern-sdk-method-name": "get",
    }
    assert "info" not in doc
    assert doc["openapi"] == "3.1.0"


@pytest.mark.parametrize("dialect", list(Dialect))
def test_normalising_a_normalised_document_changes_nothing(dialect: Dialect) -> None:
    once = docs_doc()
    twice = run(copy.deepcopy(once), dialect)
    assert twice == once


# --- slicing ------------------------------------------------------------------------------------


def sliceable() -> dict[str, Any]:
    doc = spec(
        {
            "Thing": {"type": "object", "properties": {"p": {"$ref": "#/components/schemas/Part"}}},
            "Part": {"type": "array", "items": {"$ref": "#/components/schemas/Leaf"}},
            "Leaf": {"anyOf": [{"$ref": "#/components/schemas/Thing"}, NULL]},  # a cycle back to Thing
            "Unused": {"type": "string"},
            "OnlyB": {"type": "string"},
        },
        security=[{"key": []}],
        tags=[{"name": "a"}, {"name": "b"}],
    )
    doc["paths"]["/a"]["get"]["tags"] = ["a"]
    doc["paths"]["/b"] = {
        "post": {
            "tags": ["b"],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"text/plain": {"schema": {"$ref": "#/components/schemas/OnlyB"}}},
                }
            },
        }
    }
    doc["components"]["securitySchemes"] = {
        "key": {"type": "apiKey", "in": "header", "name": "k"},
        "other": {"type": "http", "scheme": "basic"},
    }
    return doc


def test_slice_keeps_transitive_closure_only() -> None:
    sliced, found = slice_document(sliceable(), (("GET", "/a"),), "s")
    assert found == {("GET", "/a")}
    assert list(sliced["paths"]) == ["/a"]
    assert set(sliced["components"]["schemas"]) == {"Thing", "Part", "Leaf"}
    assert set(sliced["components"]["securitySchemes"]) == {"key"}
    assert sliced["tags"] == [{"name": "a"}]


def test_slice_all_operations() -> None:
    sliced, found = slice_document(sliceable(), None, "s")
    assert found == {("GET", "/a"), ("POST", "/b")}
    assert set(sliced["components"]["schemas"]) == {"Thing", "Part", "Leaf", "OnlyB"}


def test_slice_unresolvable_ref_names_its_pointer() -> None:
    doc = sliceable()
    doc["components"]["schemas"]["Part"]["items"] = {"$ref": "#/components/schemas/Nope"}
    with pytest.raises(SpecImportError, match="unresolvable \\$ref '#/components/schemas/Nope'") as caught:
        slice_document(doc, (("GET", "/a"),), "s")
    assert caught.value.pointer == "/components/schemas/Part/items"


def test_slice_external_ref_is_unsupported() -> None:
    doc = sliceable()
    doc["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {"$ref": "x.yaml#/A"}
    with pytest.raises(SpecImportError, match="unsupported construct external \\$ref") as caught:
        slice_document(doc, (("GET", "/a"),), "s")
    assert caught.value.pointer == "/paths/~1a/get/responses/200/content/application~1json/schema"


# --- merge --------------------------------------------------------------------------------------


def test_merge_unions_paths_and_identical_components() -> None:
    first, _ = slice_document(sliceable(), (("GET", "/a"),), "one")
    second, _ = slice_document(sliceable(), None, "two")
    merged = merge_documents([("one", first), ("two", second)])
    assert set(merged["paths"]) == {"/a", "/b"}
    assert set(merged["components"]["schemas"]) == {"Thing", "Part", "Leaf", "OnlyB"}
    assert [t["name"] for t in merged["tags"]] == ["a", "b"]


def test_merge_conflicting_schema_is_an_error() -> None:
    first, _ = slice_document(sliceable(), None, "one")
    changed = sliceable()
    changed["components"]["schemas"]["OnlyB"] = {"type": "integer"}
    second, _ = slice_document(changed, None, "two")
    with pytest.raises(SpecImportError, match="conflicting definitions of schema 'OnlyB' in one and two") as caught:
        merge_documents([("one", first), ("two", second)])
    assert caught.value.pointer == "/components/schemas/OnlyB"


def test_merge_conflicting_operation_is_an_error() -> None:
    first, _ = slice_document(sliceable(), None, "one")
    changed = sliceable()
    changed["paths"]["/b"]["post"]["summary"] = "different"
    second, _ = slice_document(changed, None, "two")
    with pytest.raises(SpecImportError, match="conflicting definitions of operation POST /b") as caught:
        merge_documents([("one", first), ("two", second)])
    assert caught.value.pointer == "/paths/~1b/post"


# --- overlay ------------------------------------------------------------------------------------


def overlay(*actions: dict[str, Any]) -> dict[str, Any]:
    return {"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": list(actions)}


def test_overlay_update_deep_merges_and_appends_to_arrays() -> None:
    doc = sliceable()
    apply_overlay(
        doc,
        overlay(
            {"target": "$.paths['/a'].get", "update": {"operationId": "renamed", "responses": {"200": {"x-a": 1}}}},
            {"target": "$.tags", "update": {"name": "c"}},
            {"target": "$.components.schemas[?@.type == 'string']", "update": {"x-string": True}},
        ),
    )
    op = doc["paths"]["/a"]["get"]
    assert op["operationId"] == "renamed"
    assert op["responses"]["200"]["x-a"] == 1 and op["responses"]["200"]["description"] == "ok"
    assert doc["tags"] == [{"name": "a"}, {"name": "b"}, {"name": "c"}]
    assert doc["components"]["schemas"]["OnlyB"]["x-string"] is True
    assert "x-string" not in doc["components"]["schemas"]["Thing"]


def test_overlay_remove_and_no_match_is_a_no_op() -> None:
    doc = sliceable()
    apply_overlay(
        doc,
        overlay(
            {"target": "$.components.schemas[?@.type == 'string']", "remove": True},
            {"target": "$.tags[0]", "remove": True},
            {"target": "$.paths['/nowhere'].get", "update": {"x": 1}},
        ),
    )
    assert set(doc["components"]["schemas"]) == {"Thing", "Part", "Leaf"}
    assert doc["tags"] == [{"name": "b"}]
    assert "/nowhere" not in doc["paths"]


@pytest.mark.parametrize(
    ("bad", "pointer"),
    [
        ({"overlay": "2.0.0", "actions": []}, "/overlay"),
        (overlay({"target": "$[[", "update": {}}), "/actions/0/target"),
        (overlay({"target": "$.info", "update": {}, "remove": True}), "/actions/0"),
        (overlay({"target": "$.info.title", "update": {"a": 1}}), "/info/title"),
    ],
)
def test_overlay_errors_name_their_pointer(bad: dict[str, Any], pointer: str) -> None:
    with pytest.raises(SpecImportError) as caught:
        apply_overlay(sliceable(), bad)
    assert caught.value.pointer == pointer


# --- Region schema from servers -------------------------------------------------------------------

SERVERS = [
    {"url": "https://a.example", "description": "A", "x-region-name": "production"},
    {"url": "https://b.example", "x-region-name": "eu_residency"},
]


def test_region_schema_lists_server_urls_named_by_upper_cased_region_names() -> None:
    doc = spec({"Thing": {"type": "object"}}, servers=copy.deepcopy(SERVERS))
    derive_region_schema(doc)
    region = doc["components"]["schemas"]["Region"]
    assert region["type"] == "string" and region["title"] == "Region" and region["description"]
    assert region["enum"] == ["https://a.example", "https://b.example"]
    assert region["x-enum-varnames"] == ["PRODUCTION", "EU_RESIDENCY"]
    assert doc["servers"] == SERVERS and doc["components"]["schemas"]["Thing"] == {"type": "object"}
    again = copy.deepcopy(doc)
    derive_region_schema(again)
    assert again == doc


def test_no_servers_no_region_schema() -> None:
    doc = spec({"Thing": {"type": "object"}})
    derive_region_schema(doc)
    assert set(doc["components"]["schemas"]) == {"Thing"}


@pytest.mark.parametrize(
    ("servers", "message", "pointer"),
    [
        ([SERVERS[0], {"url": "https://c.example"}], "no x-region-name", "/servers/1/x-region-name"),
        (
            [{"url": "https://c.example", "x-region-name": "EU Residency"}],
            "not a lower-case name",
            "/servers/0/x-region-name",
        ),
        (
            [SERVERS[0], {"url": "https://c.example", "x-region-name": "production"}],
            "used twice",
            "/servers/1/x-region-name",
        ),
        ([SERVERS[0], {"url": "https://a.example", "x-region-name": "us"}], "listed twice", "/servers/1/url"),
        ([{"x-region-name": "us"}], "no url", "/servers/0/url"),
        ({"url": "https://a.example"}, "not a list", "/servers"),
    ],
)
def test_region_schema_errors_name_their_pointer(servers: Any, message: str, pointer: str) -> None:
    doc = spec({}, servers=servers)
    with pytest.raises(SpecImportError, match=message) as caught:
        derive_region_schema(doc)
    assert caught.value.pointer == pointer
    assert "Region" not in doc["components"]["schemas"]


def test_a_different_existing_region_schema_is_an_error() -> None:
    doc = spec({"Region": {"type": "string", "enum": ["eu"]}}, servers=copy.deepcopy(SERVERS))
    with pytest.raises(SpecImportError, match="differs") as caught:
        derive_region_schema(doc)
    assert caught.value.pointer == "/components/schemas/Region"


# --- canonical order ----------------------------------------------------------------------------


def test_canonical_order() -> None:
    doc = {
        "components": {"securitySchemes": {}, "schemas": {"b": {}, "a": {}}},
        "paths": {"/z": {"post": {}, "get": {}}, "/a": {}},
        "x-extra": 1,
        "tags": [],
        "info": {},
        "openapi": "3.1.0",
    }
    ordered = canonical_order(doc)
    assert list(ordered) == ["openapi", "info", "tags", "paths", "components", "x-extra"]
    assert list(ordered["paths"]) == ["/a", "/z"]
    assert list(ordered["paths"]["/z"]) == ["get", "post"]
    assert list(ordered["components"]) == ["schemas", "securitySchemes"]
    assert list(ordered["components"]["schemas"]) == ["a", "b"]


def test_docs_rename_onto_an_equal_schema_merges_onto_a_different_one_fails() -> None:
    currency = "    Currency:\n      type: string\n      enum:\n        - value: usd\n        - value: eur\n"
    page = DOCS_PAGE.replace("    ThingStatus:", currency + "    ThingStatus:")
    schemas = run(parse_text(page, "p.md").doc, Dialect.DOCS)["components"]["schemas"]
    assert schemas["Currency"] == {"type": "string", "enum": ["usd", "eur"]} and "ThingCurrency" not in schemas
    clash = DOCS_PAGE.replace("    ThingStatus:", "    Currency:\n      type: integer\n    ThingStatus:")
    with pytest.raises(SpecImportError, match="cannot rename schema 'ThingCurrency' to 'Currency'") as caught:
        run(parse_text(clash, "p.md").doc, Dialect.DOCS)
    assert caught.value.pointer == "/components/schemas/ThingCurrency"


# --- refused constructs: every one, with its pointer ---------------------------------------------


def _refusal_cases() -> list[tuple[str, dict[str, Any], str, str]]:
    def with_schema(extra: dict[str, Any]) -> dict[str, Any]:
        return spec({"Thing": {"type": "object", **extra}})

    querystring = spec({"Thing": {"type": "string"}})
    querystring["paths"]["/a"]["get"]["parameters"] = [
        {
            "name": "q",
            "in": "querystring",
            "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}},
        }
    ]
    item_schema: dict[str, dict[str, Any]] = {}
    for field in ("itemSchema", "itemEncoding", "prefixEncoding"):
        doc = spec({"Thing": {"type": "string"}})
        doc["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"][field] = {}
        item_schema[field] = doc
    media = "/paths/~1a/get/responses/200/content/application~1json"
    return [
        (
            "$dynamicRef",
            with_schema({"$dynamicRef": "#meta"}),
            "'$dynamicRef'",
            "/components/schemas/Thing/$dynamicRef",
        ),
        (
            "$recursiveRef",
            with_schema({"$recursiveRef": "#"}),
            "'$recursiveRef'",
            "/components/schemas/Thing/$recursiveRef",
        ),
        (
            "defaultMapping",
            with_schema({"discriminator": {"propertyName": "k", "defaultMapping": "#/x"}}),
            "'defaultMapping' (OpenAPI 3.2)",
            "/components/schemas/Thing/discriminator/defaultMapping",
        ),
        ("in: querystring", querystring, "'in: querystring' (OpenAPI 3.2)", "/paths/~1a/get/parameters/0/in"),
        *[(field, doc, f"{field!r} (OpenAPI 3.2)", f"{media}/{field}") for field, doc in item_schema.items()],
    ]


@pytest.mark.parametrize("case", _refusal_cases(), ids=lambda case: case[0])
def test_every_refused_construct_names_itself_and_its_pointer(case: tuple[str, dict[str, Any], str, str]) -> None:
    _name, doc, message, pointer = case
    with pytest.raises(SpecImportError, match=re.escape(f"unsupported construct {message}")) as caught:
        refuse_unsupported(doc)
    assert caught.value.pointer == pointer


@pytest.mark.parametrize("key", ["query", "additionalOperations"])
def test_32_only_operations_are_refused_when_every_operation_is_kept(key: str) -> None:
    doc = spec({"Thing": {"type": "string"}}, "3.2.0")
    doc["paths"]["/a"][key] = {"responses": {"200": {"description": "ok"}}}
    with pytest.raises(SpecImportError, match=f"unsupported construct '{key}'") as caught:
        slice_document(doc, None, "s")
    assert caught.value.pointer == f"/paths/~1a/{key}"


def test_a_ref_outside_components_is_refused() -> None:
    doc = sliceable()
    doc["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": "#/paths/~1b/post"
    }
    with pytest.raises(SpecImportError, match=r"only #/components/<kind>/<name>"):
        slice_document(doc, (("GET", "/a"),), "s")


def test_a_one_value_enum_and_a_const_import_to_the_same_form() -> None:
    from scripts.spec_import.normalise import one_value_enum_as_const

    def doc(schema: dict[str, Any]) -> dict[str, Any]:
        return {"openapi": "3.1.0", "paths": {}, "components": {"schemas": {"Kind": schema}}}

    as_enum, as_const = (
        doc({"type": "string", "enum": ["cancellation"]}),
        doc({"type": "string", "const": "cancellation"}),
    )
    for spelled in (as_enum, as_const):
        one_value_enum_as_const(spelled, CONFIG)
        one_value_enum_as_const(spelled, CONFIG)  # idempotent
    assert as_enum == as_const
    several = doc({"type": "string", "enum": ["a", "b"]})
    one_value_enum_as_const(several, CONFIG)
    assert several["components"]["schemas"]["Kind"] == {"type": "string", "enum": ["a", "b"]}
