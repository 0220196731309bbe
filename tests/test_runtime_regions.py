"""The package's Region constants are generated from the spec's servers, each named by its x-region-name."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from elevenlabs_user_client import AuthenticatedClient, Region
from elevenlabs_user_client.models import Region as ModelsRegion
from generated import generated_package
from pytest_httpserver import HTTPServer

from scripts.paths import CANONICAL_SPEC, PACKAGE_DIR
from scripts.spec_import.load import load_yaml_text


def test_generated_region_enum_equals_the_spec_servers() -> None:
    servers = load_yaml_text(CANONICAL_SPEC.read_text(encoding="utf-8"))["servers"]
    assert len(servers) == 5
    named = {server["x-region-name"].upper(): server["url"] for server in servers}
    assert {region.name: region.value for region in Region} == named
    assert servers[0]["url"] == Region.PRODUCTION
    assert Region.EU_RESIDENCY == "https://api.eu.residency.elevenlabs.io"


def test_region_is_the_generated_model_not_a_hand_written_list() -> None:
    assert Region is ModelsRegion
    assert Region.__module__ == "elevenlabs_user_client.models.region"
    assert "https://api." not in (PACKAGE_DIR / "client.py").read_text(encoding="utf-8")


def test_a_region_is_a_base_url(httpserver: HTTPServer) -> None:
    client = AuthenticatedClient(base_url=Region.US, token="fake-key-for-tests-0000")
    assert str(client.get_httpx_client().base_url) == "https://api.us.elevenlabs.io"
    assert type(AuthenticatedClient(base_url=Region.PRODUCTION, token="k")._base_url) is str
    # A string that is not a region still works as a base URL (the enum is only a list of known hosts).
    httpserver.expect_request("/v1/user").respond_with_json({"ok": True})
    local = AuthenticatedClient(base_url=httpserver.url_for(""), token="fake-key-for-tests-0000")
    assert local.get_httpx_client().get("/v1/user").json() == {"ok": True}


def test_a_spec_without_servers_generates_a_working_package(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The runtime imports nothing generated: no Region schema (no servers in the spec) is no import error.
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}}}
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
            "paths": {"/ping": {"get": {"operationId": "ping", "tags": ["t"], "responses": ok}}}}  # fmt: skip
    with generated_package(tmp_path, "serverless_client", spec) as package:
        ping = importlib.import_module("serverless_client.api.t.ping")
        httpserver.expect_request("/ping").respond_with_json("pong")
        client = package.AuthenticatedClient(base_url=httpserver.url_for(""), token="a-key")
        assert ping.sync(client=client) == "pong" and not hasattr(package, "Region")
        monkeypatch.delenv("ELEVENLABS_BASE_URL", raising=False)
        with pytest.raises(package.errors.ConfigurationError, match="ELEVENLABS_BASE_URL"):
            package.AuthenticatedClient.from_env("a-key")
