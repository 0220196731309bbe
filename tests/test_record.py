"""`make record` against a loopback server whose bodies are full of secrets (and echo the key in odd places)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from scratch_repo import scratch_clone
from spec_schemas import not_in_enum

from scripts import record, redaction
from scripts.paths import CANONICAL_SPEC, FIXTURES_DIR

KEY = "sk_live_7f3a9c_TEST_KEY_do_not_leak_42"
DATE = "2026-11-22"


def _fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES_DIR / name).read_text())
    return data


def _leaky_user() -> dict[str, Any]:
    body = _fixture("upstream-example-user.json")
    body.update(
        user_id="u_83kd92",
        first_name="Ada",
        xi_api_key=KEY,
        xi_api_key_preview=KEY[:6] + "…",
        referral_link_code="ada4821",
        partnerstack_partner_default_link=None,
    )
    body["subscription"]["tier"] = f"trial (key {KEY})"  # the key echoed inside a longer string
    return body


def _leaky_subscription() -> dict[str, Any]:
    body = _fixture("upstream-example-extended-subscription.json")
    body["open_invoices"] = [dict(body["open_invoices"][0], payment_intent_status="processing")]
    body["next_invoice"] = dict(body["open_invoices"][0])
    body["tier"] = f"https://example.invalid/?key={KEY}&x=1"
    return body


def _serve(server: HTTPServer, user: Any, subscription: Any) -> None:
    server.expect_request("/v1/user", headers={"xi-api-key": KEY}).respond_with_json(user)
    server.expect_request("/v1/user/subscription", headers={"xi-api-key": KEY}).respond_with_json(subscription)


def _run(monkeypatch: pytest.MonkeyPatch, server: HTTPServer, out: Path) -> int:
    monkeypatch.setenv(record.API_KEY_VARIABLE, KEY)
    monkeypatch.setenv(record.BASE_URL_VARIABLE, server.url_for("/").rstrip("/"))
    return record.main(["--output-dir", str(out), "--date", DATE])


def _written(out: Path, operation_id: str) -> Any:
    return json.loads((out / f"recorded-{operation_id}-{DATE}.json").read_text())


def _same_shape(a: Any, b: Any, where: str = "$") -> None:
    """Same keys, same JSON types, nulls where nulls were."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} became {type(b).__name__}"
    if isinstance(a, dict):
        assert list(a) == list(b), where
        for k in a:
            _same_shape(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same_shape(x, y, f"{where}[{i}]")


def test_no_secret_survives_and_shapes_are_kept(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    user, subscription = _leaky_user(), _leaky_subscription()
    _serve(httpserver, user, subscription)

    assert _run(monkeypatch, httpserver, tmp_path) == 0

    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [f"recorded-get_user-{DATE}.json", f"recorded-get_user_subscription-{DATE}.json"]
    for path in tmp_path.iterdir():
        text = path.read_text()
        for secret in (KEY, "u_83kd92", "Ada", "ada4821", KEY[:6] + "…"):
            assert secret not in text, f"{secret!r} survived in {path.name}"
    got_user, got_sub = _written(tmp_path, "get_user"), _written(tmp_path, "get_user_subscription")
    _same_shape(user, got_user)
    _same_shape(subscription, got_sub)
    assert got_user["user_id"] == "redacted-user_id"
    assert got_user["xi_api_key"] == "redacted-xi_api_key"  # x-secret in the spec
    assert got_user["partnerstack_partner_default_link"] is None
    assert got_user["subscription"]["tier"] == f"trial (key {redaction.KEY_PLACEHOLDER})"
    assert got_sub["tier"] == f"https://example.invalid/?key={redaction.KEY_PLACEHOLDER}&x=1"
    # untouched data stays as it was
    assert got_user["created_at"] == user["created_at"]
    assert got_sub["open_invoices"] == subscription["open_invoices"]
    captured = capfd.readouterr()
    assert KEY not in captured.out + captured.err
    assert "matches the spec" in captured.out


def test_missing_key_is_a_clear_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(record.API_KEY_VARIABLE, raising=False)
    assert record.main(["--output-dir", str(tmp_path)]) == 2
    assert record.API_KEY_VARIABLE in capfd.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_error_answer_writes_nothing_and_does_not_echo_the_key(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/v1/user").respond_with_json(_leaky_user())
    httpserver.expect_request("/v1/user/subscription").respond_with_json(
        {"detail": f"invalid api key {KEY}"}, status=401
    )

    assert _run(monkeypatch, httpserver, tmp_path) == 1

    assert list(tmp_path.iterdir()) == []  # the first body is not written alone either
    captured = capfd.readouterr()
    assert "401" in captured.err
    assert KEY not in captured.out + captured.err


def test_non_json_body_is_reported(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/v1/user").respond_with_data(f"<html>{KEY}</html>", content_type="text/html")
    assert _run(monkeypatch, httpserver, tmp_path) == 1
    captured = capfd.readouterr()
    assert "did not return JSON" in captured.err
    assert KEY not in captured.out + captured.err


def test_drift_lists_extra_missing_and_unknown_enum(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    user = _leaky_user()
    user["favourite_colour"] = "teal"
    del user["created_at"]
    status = not_in_enum("SubscriptionStatusType", "hibernating")
    currency = not_in_enum("Currency", "xyz")
    user["subscription"]["status"] = status
    user["subscription"]["currency"] = currency  # anyOf [Currency enum, null]
    user["subscription"]["character_count"] = "many"
    user[f"echo_{KEY}"] = {KEY: KEY}  # the key as an object key, in a field the spec lacks
    _serve(httpserver, user, _leaky_subscription())

    assert _run(monkeypatch, httpserver, tmp_path) == 0

    out = capfd.readouterr().out
    assert "- field the spec lacks: $.favourite_colour" in out
    assert "- missing required field: $.created_at" in out
    assert f"- unknown enum value: $.subscription.status = {status!r}" in out
    assert f"- unknown enum value: $.subscription.currency = {currency!r}" in out
    assert "- type mismatch: $.subscription.character_count is string, the spec says integer" in out
    assert f"- field the spec lacks: $.echo_{redaction.KEY_PLACEHOLDER}" in out
    assert "drift from the spec (6)" in out
    assert KEY not in out
    assert KEY not in (tmp_path / f"recorded-get_user-{DATE}.json").read_text()
    assert (tmp_path / f"recorded-get_user-{DATE}.json").exists()  # drifted bodies are exactly worth recording


def test_drift_descends_into_nullable_objects() -> None:
    spec = record.load_spec()
    body = copy.deepcopy(_leaky_subscription())
    body["next_invoice"]["surprise"] = 1
    del body["next_invoice"]["discounts"]
    assert record.drift(body, spec, "get_user_subscription") == [
        "field the spec lacks: $.next_invoice.surprise",
        "missing required field: $.next_invoice.discounts",  # sorted, so the report is stable
    ]


def test_conforming_fixture_has_no_drift() -> None:
    spec = record.load_spec()
    assert record.drift(_fixture("upstream-example-user.json"), spec, "get_user") == []


def test_secret_fields_come_from_the_spec_at_any_depth() -> None:
    spec = {
        "components": {
            "schemas": {
                "A": {"properties": {"token": {"type": "string", "x-secret": True}, "name": {"type": "string"}}},
                "B": {"items": {"properties": {"deep": {"anyOf": [{"properties": {"pin": {"x-secret": True}}}]}}}},
            }
        }
    }
    found = record.secret_fields(spec)
    assert {"token", "pin"} <= found
    assert "name" not in found and "deep" not in found
    assert "xi_api_key" in record.secret_fields(record.load_spec(CANONICAL_SPEC))


def test_placeholders_keep_types() -> None:
    assert redaction.placeholder("f", "abc") == "redacted-f"
    assert redaction.placeholder("f", None) is None
    assert redaction.placeholder("f", 12) == 0 and isinstance(redaction.placeholder("f", 12), int)
    assert redaction.placeholder("f", 1.5) == 0.0 and isinstance(redaction.placeholder("f", 1.5), float)
    assert redaction.placeholder("f", True) is False
    assert redaction.placeholder("f", ["a", 1]) == ["redacted-f", 0]
    assert redaction.placeholder("f", {"k": "v", KEY: 1}, KEY) == {"k": "redacted-k", redaction.KEY_PLACEHOLDER: 0}


@pytest.mark.slow
def test_recorded_fixtures_pass_the_contract_tests_as_they_stand(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `make record` into a scratch copy's tests/fixtures, then that copy's own contract tests, unedited.
    repo = scratch_clone(tmp_path / "repo")
    _serve(httpserver, _leaky_user(), _leaky_subscription())
    assert _run(monkeypatch, httpserver, repo / "tests" / "fixtures") == 0
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "tests/test_contract.py"],
        cwd=repo, capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:]
    for operation_id in ("get_user", "get_user_subscription"):  # the recorded files were among those tested
        assert f"recorded-{operation_id}-{DATE}.json] PASSED" in proc.stdout
    assert "test_no_fixture_carries_a_real_looking_api_key PASSED" in proc.stdout
