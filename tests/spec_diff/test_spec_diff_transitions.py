"""Real transitions of the upstream User schemas, reconstructed from the seed documents (tests/spec_transitions/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.paths import ROOT
from scripts.spec_diff import Change, Kind, Severity, diff_specs
from scripts.spec_diff.loading import load_spec_file

HERE = ROOT / "tests" / "spec_transitions"
UPSTREAM = HERE / "upstream_2026_08_22.yaml"


def changes(old: Path, new: Path) -> dict[str, list[Change]]:
    out: dict[str, list[Change]] = {}
    for change in diff_specs(load_spec_file(old), load_spec_file(new)):
        out.setdefault(change.where, []).append(change)
    return out


def classified(found: dict[str, list[Change]], where: str) -> set[tuple[Kind, Severity]]:
    assert where in found, f"{where} not reported; got {sorted(found)}"
    return {(c.kind, c.severity) for c in found[where]}


@pytest.fixture(scope="module")
def seed000() -> dict[str, list[Change]]:
    return changes(HERE / "seed000_user_old.yaml", UPSTREAM)


@pytest.fixture(scope="module")
def seed004() -> dict[str, list[Change]]:
    return changes(HERE / "seed004_subscription_old.yaml", UPSTREAM)


@pytest.mark.parametrize(
    ("where", "kind", "severity"),
    [
        ("GET /v1/user 200 → subscription_extras", Kind.PROPERTY_REMOVED, Severity.BREAKING),
        ("GET /v1/user 200 → xi_api_key", Kind.PROPERTY_REMOVED, Severity.BREAKING),
        ("GET /v1/user 200 → user_id", Kind.PROPERTY_ADDED_REQUIRED, Severity.ADDITIVE),
        ("GET /v1/user 200 → seat_type", Kind.PROPERTY_ADDED_REQUIRED, Severity.ADDITIVE),
        ("GET /v1/user 200 → show_compliance_terms", Kind.PROPERTY_ADDED_OPTIONAL, Severity.ADDITIVE),
        ("GET /v1/user 200 → subscription.current_overage", Kind.PROPERTY_ADDED_REQUIRED, Severity.ADDITIVE),
        ("GET /v1/user 200 → subscription.max_credit_limit_extension", Kind.PROPERTY_ADDED_REQUIRED,
         Severity.ADDITIVE),
        ("GET /v1/user 200 → subscription.currency", Kind.ENUM_VALUE_ADDED, Severity.ADDITIVE),
        ("GET /v1/user 200 → is_new_user", Kind.DEPRECATED, Severity.ADDITIVE),
        ("GET /v1/user 200 → is_new_user", Kind.DESCRIPTION_CHANGED, Severity.DOCS),
        ("GET /v1/user 200 → subscription.can_extend_character_limit", Kind.DESCRIPTION_CHANGED, Severity.DOCS),
    ],
)  # fmt: skip
def test_seed000_old_user_to_upstream(seed000: dict[str, list[Change]], where: str, kind: Kind, severity: Severity):
    assert (kind, severity) in classified(seed000, where)


def test_seed000_removed_object_is_reported_once(seed000: dict[str, list[Change]]) -> None:
    assert not [w for w in seed000 if "subscription_extras." in w]
    (pln,) = seed000["GET /v1/user 200 → subscription.currency"]
    assert pln.new == "pln"


def test_seed002_reference_page_to_upstream_only_loses_xi_api_key() -> None:
    found = changes(HERE / "seed002_user_reference.yaml", UPSTREAM)
    user = {w: c for w, c in found.items() if w.startswith("GET /v1/user ")}
    assert list(user) == ["GET /v1/user 200 → xi_api_key"]
    assert classified(user, "GET /v1/user 200 → xi_api_key") == {(Kind.PROPERTY_REMOVED, Severity.BREAKING)}


@pytest.mark.parametrize(
    ("where", "kind", "severity"),
    [
        ("GET /v1/user/subscription 200 → max_credit_limit_extension", Kind.PROPERTY_ADDED_REQUIRED,
         Severity.ADDITIVE),
        ("GET /v1/user/subscription 200 → current_overage", Kind.PROPERTY_ADDED_REQUIRED, Severity.ADDITIVE),
        ("GET /v1/user/subscription 200 → professional_voice_slots_used_in_workspace", Kind.PROPERTY_ADDED_REQUIRED,
         Severity.ADDITIVE),
        ("GET /v1/user/subscription 200 → has_used_starter_coupon_on_account", Kind.PROPERTY_ADDED_OPTIONAL,
         Severity.ADDITIVE),
        ("GET /v1/user/subscription 200 → open_invoices[].payment_intent_statusses", Kind.PROPERTY_ADDED_REQUIRED,
         Severity.ADDITIVE),
        ("GET /v1/user/subscription 200 → currency", Kind.ENUM_VALUE_ADDED, Severity.ADDITIVE),
        ("GET /v1/user/subscription 200 → pending_change.next_tier", Kind.ENUM_VALUE_ADDED, Severity.ADDITIVE),
        ("GET /v1/user/subscription 200 → max_character_limit_extension", Kind.DESCRIPTION_CHANGED, Severity.DOCS),
        ("GET /v1/user/subscription 200 → professional_voice_slots_used", Kind.DESCRIPTION_CHANGED, Severity.DOCS),
    ],
)  # fmt: skip
def test_seed004_old_subscription_to_upstream(
    seed004: dict[str, list[Change]], where: str, kind: Kind, severity: Severity
) -> None:
    assert (kind, severity) in classified(seed004, where)


def test_seed004_enum_values_added_are_the_new_ones(seed004: dict[str, list[Change]]) -> None:
    assert [c.new for c in seed004["GET /v1/user/subscription 200 → currency"]] == ["pln"]
    assert [c.new for c in seed004["GET /v1/user/subscription 200 → pending_change.next_tier"]] == ["go"]
    # Nothing the old response carried is gone, narrowed or retyped.
    response = [c for cs in seed004.values() for c in cs if " 200 → " in c.where]
    assert not [c for c in response if c.severity is Severity.BREAKING]


def test_going_back_in_time_is_breaking() -> None:
    found = changes(UPSTREAM, HERE / "seed004_subscription_old.yaml")
    assert classified(found, "GET /v1/user/subscription 200 → currency") == {
        (Kind.ENUM_VALUE_REMOVED, Severity.BREAKING)
    }
    assert (Kind.PROPERTY_REMOVED, Severity.BREAKING) in classified(
        found, "GET /v1/user/subscription 200 → current_overage"
    )


def test_with_our_overlay_on_both_sides_the_seed004_transition_is_additive() -> None:
    # Raw docs page vs upstream differ in operationId; our overlay names both the same, as the client sees them.
    old = load_spec_file(HERE / "seed004_subscription_old.yaml", overlay=True)
    new = load_spec_file(UPSTREAM, overlay=True)
    found = diff_specs(old, new)
    assert not [c for c in found if c.severity is Severity.BREAKING]
    assert {c.where for c in found if c.kind is Kind.PROPERTY_ADDED_REQUIRED} >= {
        "GET /v1/user/subscription 200 → max_credit_limit_extension",
        "GET /v1/user/subscription 200 → current_overage",
    }
