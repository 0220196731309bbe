"""Recorded and hand-written response bodies against the canonical spec and the generated models.

Each fixture listed in tests/fixtures/manifest.yaml is validated against the schema of the operation's 200 response
(or the named component), parsed by the generated model, and written back: the round trip must return the body
unchanged, fields the spec does not declare included.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import elevenlabs_user_client.models as models
import pytest
import spec_schemas
import yaml
from elevenlabs_user_client import errors
from spec_schemas import canonical_json

from scripts import redaction
from scripts.mock_api import load_fixture
from scripts.paths import FIXTURES_DIR

MANIFEST = FIXTURES_DIR / "manifest.yaml"
RECORDED_PREFIX = "recorded-"


@dataclass(frozen=True)
class Fixture:
    file: str
    pointer: str  # where the body's schema is in the spec
    conforms: bool
    missing: tuple[str, ...]  # required fields a non-conforming body lacks, as dotted paths

    @property
    def body(self) -> Any:
        return load_fixture(self.file)

    @property
    def model(self) -> Any:
        return getattr(models, spec_schemas.schema_name_at(self.pointer))


def _manifest_entries() -> list[dict[str, Any]]:
    return list(yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["fixtures"])


def _from_entry(entry: dict[str, Any]) -> Fixture:
    if "operation" in entry:
        pointer = spec_schemas.response_schema_pointer(entry["operation"])
    else:
        pointer = spec_schemas.component_pointer(entry["schema"])
    return Fixture(entry["file"], pointer, bool(entry["conforms"]), tuple(entry.get("missing", ())))


def _operation_for_id(operation_id: str) -> str:
    for path, item in spec_schemas.load_spec()["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return f"{method.upper()} {path}"
    raise spec_schemas.SpecLookupError(f"no operation {operation_id!r} in the spec")


def _recorded(path: Path) -> Fixture:
    # recorded-<operationId>[-anything].json, written by `make record` from live responses.
    stem = path.stem.removeprefix(RECORDED_PREFIX)
    ids = sorted(_all_operation_ids(), key=len, reverse=True)
    operation_id = next((i for i in ids if stem == i or stem.startswith(i + "-")), None)
    if operation_id is None:
        raise spec_schemas.SpecLookupError(f"{path.name} names no operation of the spec")
    pointer = spec_schemas.response_schema_pointer(_operation_for_id(operation_id))
    return Fixture(path.name, pointer, True, ())


def _all_operation_ids() -> list[str]:
    paths = spec_schemas.load_spec()["paths"].values()
    return [op["operationId"] for item in paths for op in item.values() if isinstance(op, dict) and "operationId" in op]


def all_fixtures() -> list[Fixture]:
    """The manifest's entries, then recorded files it does not list (an entry can mark a recorded body as drifted)."""
    entries = _manifest_entries()
    listed = {e["file"] for e in entries}
    recorded = [p for p in sorted(FIXTURES_DIR.glob(f"{RECORDED_PREFIX}*.json")) if p.name not in listed]
    return [_from_entry(e) for e in entries] + [_recorded(p) for p in recorded]


FIXTURES = all_fixtures()
CONFORMING = [f for f in FIXTURES if f.conforms]
NON_CONFORMING = [f for f in FIXTURES if not f.conforms]


def by_file(fixtures: list[Fixture]) -> Any:
    return pytest.mark.parametrize("fixture", fixtures, ids=[f.file for f in fixtures])


# Strict parsing in one place (it was jsonschema validation before the runtime offered its own).
STRICT_PARSE_ERRORS: tuple[type[Exception], ...] = (errors.ResponseValidationError,)


def parse_strictly(fixture: Fixture, body: Any) -> Any:
    return fixture.model.from_dict(body, strict=True)


def jsonschema_message_for_missing(path: str) -> str:
    parent, _, leaf = path.rpartition(".")
    return f"${'.' + parent if parent else ''}: '{leaf}' is a required property"


def missing_paths_reported(err: errors.ResponseValidationError, paths: tuple[str, ...]) -> list[str]:
    """The paths that no violation of err names (empty when every one is reported)."""
    return [p for p in paths if not any(v.startswith(f"{p}:") for v in err.violations)]


# --- the manifest itself ---------------------------------------------------------------------


def test_manifest_and_fixture_files_agree() -> None:
    listed = [e["file"] for e in _manifest_entries()]
    assert len(listed) == len(set(listed)), "a fixture is listed twice"
    assert [f for f in listed if not (FIXTURES_DIR / f).is_file()] == [], "listed but missing"
    unlisted = [
        p.name for p in FIXTURES_DIR.glob("*.json") if p.name not in listed and not p.name.startswith(RECORDED_PREFIX)
    ]
    assert unlisted == [], "every fixture but a recorded one needs a manifest entry"


def test_manifest_explains_every_non_conforming_fixture() -> None:
    for entry in _manifest_entries():
        assert entry.get("source"), entry["file"]
        if not entry["conforms"]:
            assert entry.get("reason") and entry.get("missing"), entry["file"]


def test_both_operations_and_both_outcomes_are_covered() -> None:
    names = {spec_schemas.schema_name_at(f.pointer) for f in CONFORMING}
    assert {"UserResponseModel", "ExtendedSubscriptionResponseModel"} <= names
    assert NON_CONFORMING


def test_no_fixture_carries_a_real_looking_api_key() -> None:
    # The recorder's own vocabulary (scripts.redaction): what `make record` writes passes here by construction.
    for fixture in FIXTURES:
        for value in _values_of(fixture.body, "xi_api_key"):
            assert redaction.is_redacted("xi_api_key", value), f"{fixture.file}: xi_api_key = {value!r:.12}"


def _values_of(node: Any, name: str) -> list[Any]:
    if isinstance(node, dict):
        own = [node[name]] if name in node else []
        return own + [v for child in node.values() for v in _values_of(child, name)]
    if isinstance(node, list):
        return [v for child in node for v in _values_of(child, name)]
    return []


# --- schema conformance ----------------------------------------------------------------------


@by_file(CONFORMING)
def test_conforming_fixture_validates(fixture: Fixture) -> None:
    assert spec_schemas.violations(fixture.pointer, fixture.body) == []


@by_file(NON_CONFORMING)
def test_non_conforming_fixture_shows_its_known_violations(fixture: Fixture) -> None:
    found = spec_schemas.violations(fixture.pointer, fixture.body)
    expected = [jsonschema_message_for_missing(p) for p in fixture.missing]
    assert [e for e in expected if e not in found] == [], f"reported: {found}"


# --- generated models ------------------------------------------------------------------------


@by_file(CONFORMING)
def test_conforming_fixture_round_trips_through_the_model(fixture: Fixture) -> None:
    body = fixture.body
    parsed = fixture.model.from_dict(body)
    assert canonical_json(parsed.to_dict()) == canonical_json(body)


@by_file(NON_CONFORMING)
def test_non_conforming_fixture_parses_leniently_and_names_each_missing_field(fixture: Fixture) -> None:
    # Drift does not fail the call: the model comes back, each missing field raises the package's error naming its
    # path when read, and to_dict() gives back what was received.
    parsed = fixture.model.from_dict(fixture.body)
    for path in fixture.missing:
        with pytest.raises(errors.ResponseValidationError) as caught:
            read_path(parsed, path)
        assert any(v.startswith(f"{path}:") for v in caught.value.violations), caught.value.violations
    assert canonical_json(parsed.to_dict()) == canonical_json(fixture.body)


def read_path(model: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        model = getattr(model, part)
    return model


def test_undeclared_fields_are_kept_where_they_were() -> None:
    body = load_fixture("user-all-optional.json")
    user = models.UserResponseModel.from_dict(body)
    assert user["subscription_extras"]["moderation"]["safety_status"] == "appeal_approved"
    assert user.subscription["trust_on_invoice_creation"] is False
    assert "subscription_extras" not in user.subscription.additional_properties


def test_pending_change_parses_into_the_right_variant() -> None:
    def pending(file: str) -> Any:
        body = load_fixture(file)
        return models.ExtendedSubscriptionResponseModel.from_dict(body).pending_change

    assert isinstance(pending("subscription-switch-with-invoices.json"), models.PendingSubscriptionSwitchResponseModel)
    assert isinstance(pending("subscription-cancellation.json"), models.PendingCancellationResponseModel)
    assert pending("subscription-nulls-unlimited.json") is None


@by_file(CONFORMING)
def test_conforming_fixture_parses_strictly_and_round_trips(fixture: Fixture) -> None:
    body = fixture.body
    parsed = parse_strictly(fixture, body)
    assert isinstance(parsed, fixture.model)
    assert canonical_json(parsed.to_dict()) == canonical_json(body)


@by_file(NON_CONFORMING)
def test_non_conforming_fixture_is_refused_by_strict_parsing(fixture: Fixture) -> None:
    with pytest.raises(STRICT_PARSE_ERRORS) as caught:
        parse_strictly(fixture, fixture.body)
    assert missing_paths_reported(caught.value, fixture.missing) == [], caught.value.violations


def test_recorded_file_names_lead_to_their_operation() -> None:
    # `make record` writes recorded-<operationId>-<date>.json; get_user must not swallow get_user_subscription.
    subscription = _recorded(FIXTURES_DIR / "recorded-get_user_subscription-2026-11-22.json")
    user = _recorded(FIXTURES_DIR / "recorded-get_user-2026-11-22.json")
    assert spec_schemas.schema_name_at(subscription.pointer) == "ExtendedSubscriptionResponseModel"
    assert spec_schemas.schema_name_at(user.pointer) == "UserResponseModel"
    with pytest.raises(spec_schemas.SpecLookupError):
        _recorded(FIXTURES_DIR / "recorded-delete_everything-2026-11-22.json")
