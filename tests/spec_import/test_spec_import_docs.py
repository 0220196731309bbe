"""Importing the docs' markdown page for GET /v1/user/subscription (seed 004), compared with upstream.

The page is an older snapshot than the stored upstream document. Every difference that remains after normalising
is listed below with its reason; anything else (a normalisation gap or a regression) fails the test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from document_differences import differences
from openapi_spec_validator import validate

from scripts.paths import ROOT
from scripts.spec_import import load_spec

# The export has no titles, and titles are cosmetic.
NO_TITLES = frozenset({"title"})
DOCS_PAGE = ROOT / "tests" / "spec_inputs" / "docs-get-user-subscription.md"
UPSTREAM = ROOT / "tests" / "spec_inputs" / "elevenlabs-openapi-2026-08-22.json.gz"
OPERATION = ["GET /v1/user/subscription"]

NEWER = "added upstream after the page's snapshot"
NO_DEFAULT = "the export drops a const's default"
WORDING = "description reworded upstream since the snapshot"
# Pointers relative to #/components/schemas (and to the operation, below) -> (kind of difference, why).
EXPECTED_SCHEMA_DIFFERENCES: dict[str, tuple[str, str]] = {
    "/Currency/enum": ("changed", "upstream added 'pln' (checked below)"),
    "/ExtendedSubscriptionResponseModel/example": ("removed", "the export carries no schema examples"),
    "/ExtendedSubscriptionResponseModel/properties/allowed_to_extend_character_limit/description": ("changed", WORDING),
    "/ExtendedSubscriptionResponseModel/properties/can_extend_character_limit/description": ("changed", WORDING),
    "/ExtendedSubscriptionResponseModel/properties/max_character_limit_extension/description": ("changed", WORDING),
    "/ExtendedSubscriptionResponseModel/properties/professional_voice_slots_used/description": ("changed", WORDING),
    "/ExtendedSubscriptionResponseModel/properties/current_overage": ("removed", NEWER),
    "/ExtendedSubscriptionResponseModel/properties/has_used_creator_coupon_on_account": ("removed", NEWER),
    "/ExtendedSubscriptionResponseModel/properties/has_used_starter_coupon_on_account": ("removed", NEWER),
    "/ExtendedSubscriptionResponseModel/properties/max_credit_limit_extension": ("removed", NEWER),
    "/ExtendedSubscriptionResponseModel/properties/professional_voice_slots_used_in_workspace": ("removed", NEWER),
    "/ExtendedSubscriptionResponseModel/required": ("changed", "the newer required fields (checked below)"),
    "/InvoiceResponseModel/example": ("removed", "the export carries no schema examples"),
    "/InvoiceResponseModel/properties/next_payment_attempt_unix/description": ("changed", WORDING),
    "/InvoiceResponseModel/properties/payment_intent_status/description": ("changed", WORDING),
    "/InvoiceResponseModel/properties/payment_intent_statusses": ("removed", NEWER),
    "/InvoiceResponseModel/required": ("changed", "payment_intent_statusses (checked below)"),
    "/PendingCancellationResponseModel/properties/kind/default": ("removed", NO_DEFAULT),
    "/PendingSubscriptionSwitchResponseModel/properties/kind/default": ("removed", NO_DEFAULT),
    "/PendingSubscriptionSwitchResponseModel/properties/next_tier/enum": ("changed", "upstream added 'go'"),
    "/Price": ("removed", "only current_overage uses it"),
    "/HTTPValidationError": ("removed", "the page's 422 response has no schema"),
    "/ValidationError": ("removed", "the page's 422 response has no schema"),
}
EXPECTED_OPERATION_DIFFERENCES: dict[str, tuple[str, str]] = {
    "/operationId": ("changed", "the page's is the SDK method name `get`; the importer makes get_v1_user_subscription"),
    "/summary": ("changed", "'Get user subscription' vs upstream's 'Get User Subscription Info'"),
    "/responses/422/content": ("removed", "the page's 422 is `content: {}`, dropped as saying nothing"),
}


def import_both() -> tuple[dict[str, Any], dict[str, Any]]:
    docs = load_spec([DOCS_PAGE], operations=OPERATION, overlay=False)
    upstream = load_spec([UPSTREAM], operations=OPERATION, overlay=False)
    return docs, upstream


def test_seed_page_is_the_stored_copy() -> None:
    assert DOCS_PAGE.read_text().startswith("# Get user subscription\n")
    assert "```yaml\nopenapi: 3.1.1\n" in DOCS_PAGE.read_text()


def test_docs_page_imports_to_a_valid_31_document(tmp_path: Path) -> None:
    docs, _ = import_both()
    assert docs["openapi"] == "3.1.0"
    assert list(docs["paths"]) == ["/v1/user/subscription"]
    validate({**docs, "info": {"title": "t", "version": "1"}})
    with_overlay = load_spec([DOCS_PAGE], operations=OPERATION)
    op = with_overlay["paths"]["/v1/user/subscription"]["get"]
    assert op["operationId"] == "get_user_subscription" and "parameters" not in op


def test_subscription_schemas_equal_upstream_apart_from_listed_snapshot_differences() -> None:
    docs, upstream = import_both()
    found = differences(upstream["components"]["schemas"], docs["components"]["schemas"], ignore=NO_TITLES)
    assert found == {pointer: kind for pointer, (kind, _why) in EXPECTED_SCHEMA_DIFFERENCES.items()}


def test_operation_equals_upstream_apart_from_listed_differences() -> None:
    docs, upstream = import_both()
    path = "/v1/user/subscription"
    found = differences(upstream["paths"][path]["get"], docs["paths"][path]["get"], ignore=NO_TITLES)
    assert found == {pointer: kind for pointer, (kind, _why) in EXPECTED_OPERATION_DIFFERENCES.items()}


def test_changed_value_sets_differ_exactly_as_described() -> None:
    docs, upstream = import_both()
    d, u = docs["components"]["schemas"], upstream["components"]["schemas"]
    assert u["Currency"]["enum"] == [*d["Currency"]["enum"], "pln"]
    u_tier = u["PendingSubscriptionSwitchResponseModel"]["properties"]["next_tier"]["enum"]
    d_tier = d["PendingSubscriptionSwitchResponseModel"]["properties"]["next_tier"]["enum"]
    assert [v for v in u_tier if v != "go"] == d_tier
    newer = {"max_credit_limit_extension", "professional_voice_slots_used_in_workspace", "current_overage"}
    upstream_required = u["ExtendedSubscriptionResponseModel"]["required"]
    assert [f for f in upstream_required if f not in newer] == d["ExtendedSubscriptionResponseModel"]["required"]
    assert [f for f in u["InvoiceResponseModel"]["required"] if f != "payment_intent_statusses"] == d[
        "InvoiceResponseModel"
    ]["required"]


def test_docs_made_schema_names_are_mapped_to_upstream_names() -> None:
    docs, upstream = import_both()
    names = set(docs["components"]["schemas"])
    assert not {
        n
        for n in names
        if n.startswith(("ExtendedSubscriptionResponseModel", "InvoiceResponseModel"))
        and n not in ("ExtendedSubscriptionResponseModel", "InvoiceResponseModel")
    }
    assert names == set(upstream["components"]["schemas"]) - {"Price", "HTTPValidationError", "ValidationError"}
    pending = docs["components"]["schemas"]["ExtendedSubscriptionResponseModel"]["properties"]["pending_change"]
    assert pending["anyOf"] == [
        {"$ref": "#/components/schemas/PendingSubscriptionSwitchResponseModel"},
        {"$ref": "#/components/schemas/PendingCancellationResponseModel"},
        {"type": "null"},
    ]
