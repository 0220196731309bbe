"""Every kind of success body the whole upstream API documents, generated from a tiny spec and called over a loopback
server: a list of models, a union of models, an enum, text, binary (audio), JSON-or-text, no body."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from enum import Enum
from types import ModuleType
from typing import Any

import pytest
from generated import generated_package, ref
from pytest_httpserver import HTTPServer

PACKAGE = "tiny_whole_api_client"  # the generated package under its own name, beside the real one


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def _op(operation_id: str, responses: dict[str, Any]) -> dict[str, Any]:
    return {"get": {"operationId": operation_id, "tags": ["things"], "responses": responses}}


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "tiny", "version": "1"},
    "paths": {
        "/voices": _op("list_voices", _json({"type": "array", "items": ref("Voice")})),
        "/either": _op("get_either", _json({"anyOf": [ref("Voice"), ref("Folder")]})),
        "/state": _op("get_state", _json({"type": "string", "enum": ["on", "off"], "title": "State"})),
        "/text": _op("get_text", {"200": {"description": "ok", "content": {
            "text/plain": {"schema": {"type": "string"}}}}}),
        "/audio": _op("get_audio", {"200": {"description": "ok", "content": {
            "audio/mpeg": {"schema": {"type": "string", "format": "binary"}}}}}),
        "/audio-untyped": _op("get_audio_untyped", {"200": {"description": "ok", "content": {"audio/*": {}}}}),
        "/transcript": _op("get_transcript", {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"anyOf": [ref("Voice"), {"type": "string"}]}},
            "text/plain": {"schema": {"type": "string"}}}}}),
        "/nothing": _op("do_nothing", {"204": {"description": "done"}}),
    },
    "components": {"schemas": {
        # The runtime's region constants (the importer derives this schema from the spec's servers).
        "Region": {"type": "string", "enum": ["https://api.example.invalid"], "x-enum-varnames": ["PRODUCTION"]},
        "Voice": {"type": "object", "title": "Voice", "required": ["voice_id"],
                  "properties": {"voice_id": {"type": "string"}, "name": {"type": "string"}}},
        "Folder": {"type": "object", "title": "Folder", "required": ["folder_id"],
                   "properties": {"folder_id": {"type": "integer"}}},
    }},
}  # fmt: skip


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with generated_package(tmp_path_factory.mktemp("tiny"), PACKAGE, SPEC) as package:
        yield package


def _call(package: ModuleType, operation: str, server: HTTPServer, **settings: Any) -> Any:
    endpoint = importlib.import_module(f"{PACKAGE}.api.things.{operation}")
    return endpoint.sync(client=package.Client(base_url=server.url_for(""), **settings))


def test_a_list_of_models_parses_into_models(package: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/voices").respond_with_json([{"voice_id": "a", "name": "A"}, {"voice_id": "b"}])
    voices = _call(package, "list_voices", httpserver)
    assert [type(v).__name__ for v in voices] == ["Voice", "Voice"]
    assert voices[0].voice_id == "a" and voices[0].name == "A"


def test_a_union_of_models_picks_the_matching_one(package: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/either").respond_with_json({"folder_id": 7})
    folder = _call(package, "get_either", httpserver)
    assert type(folder).__name__ == "Folder" and folder.folder_id == 7


def test_an_enum_body_parses_into_the_enum(package: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/state").respond_with_json("on")
    state = _call(package, "get_state", httpserver)
    assert isinstance(state, Enum) and state.value == "on"


def test_text_and_binary_bodies_come_back_as_str_and_bytes(package: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/text").respond_with_data("1\n00:00:01 --> 00:00:02\nHi", content_type="text/plain")
    httpserver.expect_request("/audio").respond_with_data(b"ID3\x00\xff", content_type="audio/mpeg")
    httpserver.expect_request("/audio-untyped").respond_with_data(b"\xff\xfb", content_type="audio/mpeg")
    assert _call(package, "get_text", httpserver) == "1\n00:00:01 --> 00:00:02\nHi"
    assert _call(package, "get_audio", httpserver) == b"ID3\x00\xff"
    assert _call(package, "get_audio_untyped", httpserver) == b"\xff\xfb"


def test_json_or_text_follows_the_answers_content_type(package: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/transcript").respond_with_data("1\nHi", content_type="text/plain")
    httpserver.expect_ordered_request("/transcript").respond_with_json({"voice_id": "v"})
    assert _call(package, "get_transcript", httpserver) == "1\nHi"
    assert type(_call(package, "get_transcript", httpserver)).__name__ == "Voice"


def test_no_body_returns_none(package: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/nothing").respond_with_data(b"", status=204)
    assert _call(package, "do_nothing", httpserver) is None


@pytest.mark.parametrize(
    ("operation", "path", "body", "problem"),
    [
        ("list_voices", "/voices", {"voice_id": "a"}, "expected array"),
        ("list_voices", "/voices", [17], "[0]: expected object Voice"),
        ("get_either", "/either", ["x"], "expected object Voice | object Folder"),
    ],
)
def test_off_spec_bodies_raise_the_packages_error_with_paths(
    package: ModuleType, httpserver: HTTPServer, operation: str, path: str, body: Any, problem: str
) -> None:
    httpserver.expect_request(path).respond_with_json(body)
    with pytest.raises(package.errors.ResponseValidationError) as caught:
        _call(package, operation, httpserver)
    assert problem in str(caught.value)
    assert caught.value.status_code == 200


def test_strict_mode_rejects_what_lenient_parsing_keeps(package: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/voices").respond_with_json([{"voice_id": "a"}, {"voice_id": 5}, {"name": "no id"}])
    # Lenient: the list comes back; a drifted item's broken field raises when read, naming its path.
    voices = _call(package, "list_voices", httpserver)
    assert voices[0].voice_id == "a" and len(voices) == 3
    with pytest.raises(package.errors.ResponseValidationError, match=r"\[1\]\.voice_id: expected string, got integer"):
        _ = voices[1].voice_id
    with pytest.raises(package.errors.ResponseValidationError, match=r"\[2\]\.voice_id: required field missing"):
        _ = voices[2].voice_id
    with pytest.raises(package.errors.ResponseValidationError, match=r"\[1\]\.voice_id: expected string, got integer"):
        _call(package, "list_voices", httpserver, strict=True)


def test_a_drifted_union_member_is_still_the_closest_member(package: ModuleType, httpserver: HTTPServer) -> None:
    # A Folder with a wrongly typed field must not be taken for a Voice (the union's first member) just because
    # lenient parsing tolerates drift: the member is chosen first, then only its broken field raises.
    httpserver.expect_request("/either").respond_with_json({"folder_id": "seven"})
    folder = _call(package, "get_either", httpserver)
    assert type(folder).__name__ == "Folder"
    with pytest.raises(package.errors.ResponseValidationError, match=r"folder_id: expected integer"):
        _ = folder.folder_id
