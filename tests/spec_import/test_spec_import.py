"""The importer end to end: the committed canonical spec, determinism, sources, CLI and every error path."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import history
import pytest
import yaml
from pytest_httpserver import HTTPServer

from scripts.paths import CANONICAL_SPEC, OPENAPI_DIR, ROOT
from scripts.spec_import import SpecImportError, load_config, load_spec, run_import
from scripts.spec_import.__main__ import main
from scripts.spec_import.load import load_yaml_text
from scripts.spec_import.record import Record, load_record

# A fixed full upstream document for the importer's own tests; the canonical spec's sources are in the record.
UPSTREAM = ROOT / "tests" / "spec_inputs" / "elevenlabs-openapi-2026-08-22.json.gz"
RECORD = OPENAPI_DIR / "upstream" / "SOURCE.yaml"
DOCS_PAGE = ROOT / "tests" / "spec_inputs" / "docs-get-user-subscription.md"
OPERATIONS = {("get", "/v1/user"), ("get", "/v1/user/subscription")}


def operations_of(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {(method, path) for path, item in doc["paths"].items() for method in item}


def recorded() -> Record:
    found = load_record(RECORD)
    assert found is not None, f"{RECORD} is missing: run `make update-spec SRC=...`"
    return found


def test_recorded_sources_reproduce_committed_spec_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "spec.yaml"
    run_import(recorded().paths(), load_config(), output=out, fallback=recorded().kept())
    assert out.read_bytes() == CANONICAL_SPEC.read_bytes(), (
        "openapi/elevenlabs-user.yaml is not what its recorded sources (openapi/upstream/SOURCE.yaml) import to: "
        "run `make update-spec SRC=<the new source>` instead of editing the spec by hand"
    )


def test_importing_the_output_again_changes_nothing(tmp_path: Path) -> None:
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    run_import(recorded().paths(), load_config(), output=first, fallback=recorded().kept())
    run_import([first], load_config(), output=second)
    assert second.read_bytes() == first.read_bytes()


def test_plain_json_and_yaml_sources_give_the_same_document(tmp_path: Path) -> None:
    # A published slice of the two operations (tests/upstream_history): reading does not depend on the size.
    published = history.source(history.VERSIONS[-1])
    text = gzip.decompress(published.read_bytes()).decode()
    as_json = tmp_path / "up.json"
    as_json.write_text(text)
    as_yaml = tmp_path / "up.yaml"
    as_yaml.write_text(yaml.dump(json.loads(text), Dumper=yaml.CSafeDumper, sort_keys=False))
    assert load_spec([as_json]) == load_spec([as_yaml]) == load_spec([published])


def test_url_source_from_a_loopback_server(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/openapi.json.gz").respond_with_data(
        UPSTREAM.read_bytes(), content_type="application/gzip"
    )
    httpserver.expect_request("/page.md").respond_with_data(DOCS_PAGE.read_text(), content_type="text/markdown")
    doc = load_spec([httpserver.url_for("/openapi.json.gz")])
    assert doc == load_spec([UPSTREAM])
    page = load_spec([httpserver.url_for("/page.md")], operations=["GET /v1/user/subscription"], overlay=False)
    assert operations_of(page) == {("get", "/v1/user/subscription")}


def test_url_errors_are_importer_errors(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    with pytest.raises(SpecImportError, match="HTTP 404"):
        load_spec([httpserver.url_for("/missing")])


def test_load_spec_api_options() -> None:
    with_overlay = load_spec([UPSTREAM])
    plain = load_spec([UPSTREAM], overlay=False)
    assert operations_of(with_overlay) == operations_of(plain) == OPERATIONS
    assert with_overlay["paths"]["/v1/user"]["get"]["operationId"] == "get_user"
    assert plain["paths"]["/v1/user"]["get"]["operationId"] == "get_user_info"
    assert "xi_api_key" not in plain["components"]["schemas"]["UserResponseModel"]["properties"]
    only_user = load_spec([UPSTREAM], operations=["GET /v1/user"], overlay=False)
    assert operations_of(only_user) == {("get", "/v1/user")}
    assert "ExtendedSubscriptionResponseModel" not in only_user["components"]["schemas"]


def test_all_operations_keeps_every_upstream_operation() -> None:
    doc = load_spec([UPSTREAM], operations="all", overlay=False)
    assert len(operations_of(doc)) == 387
    assert doc["openapi"] == "3.1.0"


def test_several_sources_merge(tmp_path: Path) -> None:
    # Two one-operation slices of the same document merge into the two-operation spec.
    user, sub = tmp_path / "user.yaml", tmp_path / "sub.yaml"
    for op, out in (("GET /v1/user", user), ("GET /v1/user/subscription", sub)):
        config = load_config().with_operations([op])
        run_import([UPSTREAM], config, overlay=False, output=out)
    assert load_spec([user, sub]) == load_spec([UPSTREAM])
    # The same operation from two sources that disagree: a clear error, not a silent pick.
    with pytest.raises(SpecImportError, match="conflicting definitions of operation GET /v1/user/subscription"):
        load_spec([UPSTREAM, DOCS_PAGE])
    # The docs page (older snapshot) and upstream's /v1/user slice share schemas that changed since.
    with pytest.raises(SpecImportError, match="conflicting definitions of schema 'Currency'") as caught:
        load_spec([user, DOCS_PAGE])
    assert caught.value.pointer == "/components/schemas/Currency"
    assert str(user) in str(caught.value) and str(DOCS_PAGE) in str(caught.value)


# --- errors -------------------------------------------------------------------------------------

MINIMAL = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/v1/user": {
            "get": {
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nope"}}},
                    }
                }
            }
        }
    },
}


def bad_sources(tmp_path: Path) -> dict[str, tuple[Path, str, str | None]]:
    """name -> (source file, expected message part, expected pointer)."""
    ref = tmp_path / "bad-ref.json"
    ref.write_text(json.dumps(MINIMAL))
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\npaths: {\n  /a: [unclosed\n")
    swagger = tmp_path / "swagger.yaml"
    swagger.write_text("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n")
    future = tmp_path / "future.yaml"
    future.write_text("openapi: 4.0.0\npaths: {}\n")
    page = tmp_path / "page.md"
    page.write_text("# Get user\n\nGET https://example.invalid/v1/user\n\n```json\n{}\n```\n")
    dynamic = tmp_path / "dynamic.json"
    dynamic.write_text(json.dumps({**MINIMAL, "components": {"schemas": {"Nope": {"$dynamicRef": "#meta"}}}}))
    return {
        "bad ref": (
            ref,
            "unresolvable $ref '#/components/schemas/Nope'",
            "/paths/~1v1~1user/get/responses/200/content/application~1json/schema",
        ),
        "unparseable YAML": (broken, "unparseable YAML (line", ""),
        "swagger": (swagger, "unknown dialect: swagger '2.0'", "/swagger"),
        "unknown version": (future, "unknown dialect: openapi '4.0.0'", "/openapi"),
        "markdown without yaml": (page, "markdown page without an embedded ```yaml block", ""),
        "unsupported construct": (
            dynamic,
            "unsupported construct '$dynamicRef'",
            "/components/schemas/Nope/$dynamicRef",
        ),
        "missing file": (tmp_path / "absent.json", "cannot read source", None),
    }


@pytest.mark.parametrize(
    "case",
    [
        "bad ref",
        "unparseable YAML",
        "swagger",
        "unknown version",
        "markdown without yaml",
        "unsupported construct",
        "missing file",
    ],
)
def test_bad_input_fails_cleanly_and_leaves_output_alone(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, message, pointer = bad_sources(tmp_path)[case]
    with pytest.raises(SpecImportError) as caught:
        load_spec([source], operations=["GET /v1/user"], overlay=False)
    assert message in str(caught.value)
    assert caught.value.pointer == pointer
    assert str(source) in str(caught.value)

    out = tmp_path / "out.yaml"
    out.write_text("previous\n")
    assert main([str(source), "--operation", "GET /v1/user", "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("spec_import: error: ") and message in err and err.count("\n") == 1
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.yaml")] == []


def test_unknown_operation_names_operation_pointer_and_source(tmp_path: Path) -> None:
    with pytest.raises(SpecImportError) as caught:
        load_spec([UPSTREAM], operations=["GET /v1/nope"])
    assert str(caught.value) == f"operation GET /v1/nope not found at /paths/~1v1~1nope/get in {UPSTREAM}"


def test_bad_operation_list_is_an_importer_error() -> None:
    with pytest.raises(SpecImportError, match="operation must look like 'GET /v1/user'"):
        load_spec([UPSTREAM], operations=["fetch the user"])


def test_cli_exit_code_two_one_line_no_traceback(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("previous\n")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.spec_import",
            "--operation",
            "GET /v1/nope",
            "--output",
            str(out),
            str(UPSTREAM),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"spec_import: error: operation GET /v1/nope not found at /paths/~1v1~1nope/get in {UPSTREAM}"
    ]
    assert "Traceback" not in proc.stderr
    assert out.read_text() == "previous\n"


def test_cli_writes_requested_output(tmp_path: Path) -> None:
    # A small source with an operation outside the configured two: --all-operations keeps it.
    source = tmp_path / "source.json"
    tiny = _tiny("3.1.0", {"type": "string"})
    tiny["paths"]["/v1/voices"] = {"get": {**tiny["paths"]["/v1/user"]["get"], "operationId": "get_voices"}}
    source.write_text(json.dumps(tiny))
    out = tmp_path / "full.yaml"
    assert main([str(source), "--all-operations", "--no-overlay", "--output", str(out)]) == 0
    doc = load_yaml_text(out.read_text())
    assert operations_of(doc) == {("get", "/v1/user"), ("get", "/v1/voices")}
    assert out.stat().st_mode & 0o777 != 0o600  # not the temp file's private mode


def _tiny(version: str, nullable_name: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": version,
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/v1/user": {
                "get": {
                    "operationId": "get_user_info",
                    "parameters": [
                        {"name": "xi-api-key", "in": "header", "required": False, "schema": {"type": "string"}}
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "User": {
                    "type": "object",
                    "required": ["user_id"],
                    "properties": {"user_id": {"type": "string"}, "first_name": nullable_name},
                }
            }
        },
    }


@pytest.mark.parametrize(
    ("version", "spelling"),
    [
        ("3.0.3", {"type": "string", "nullable": True, "description": "First name."}),
        ("3.1.0", {"type": ["string", "null"], "description": "First name."}),
        ("3.2.0", {"anyOf": [{"type": "string"}, {"type": "null"}], "description": "First name."}),
    ],
)
def test_every_dialect_gives_one_spelling_of_nullability(
    version: str, spelling: dict[str, Any], tmp_path: Path
) -> None:
    source = tmp_path / f"spec-{version}.yaml"
    source.write_text(yaml.safe_dump(_tiny(version, spelling)))
    doc = load_spec([source], operations=["GET /v1/user"], overlay=False)
    assert doc["openapi"] == "3.1.0"
    assert doc["components"]["schemas"]["User"]["properties"]["first_name"] == {
        "anyOf": [{"type": "string"}, {"type": "null"}],
        "description": "First name.",
    }
    assert "parameters" not in doc["paths"]["/v1/user"]["get"]


def test_a_source_with_some_operations_keeps_the_others_from_their_recorded_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seed 004 (the docs page of GET /v1/user/subscription) imported alone, as `make update-spec SRC=...` does."""
    work = tmp_path / "openapi"
    shutil.copytree(OPENAPI_DIR, work)
    config_file = work / "import-config.yaml"
    before = recorded()
    user_source = next(s for s in before.sources if "GET /v1/user" in s.operations)
    assert main([str(DOCS_PAGE), "--config", str(config_file)]) == 0
    assert "kept from the recorded sources of the current spec: GET /v1/user" in capsys.readouterr().out
    spec = load_yaml_text((work / "elevenlabs-user.yaml").read_text())
    full = load_spec([before.folder / user_source.file], operations=["GET /v1/user"])
    page = load_spec([DOCS_PAGE], operations=["GET /v1/user/subscription"])
    assert spec["paths"]["/v1/user"] == full["paths"]["/v1/user"]
    assert spec["paths"]["/v1/user/subscription"] == page["paths"]["/v1/user/subscription"]
    assert spec["components"]["schemas"]["UserResponseModel"] == full["components"]["schemas"]["UserResponseModel"]
    saved = load_record(work / "upstream" / "SOURCE.yaml")
    assert saved is not None
    assert [(s.file, s.operations, s.kept) for s in saved.sources] == [
        ("docs-get-user-subscription.md.gz", ("GET /v1/user/subscription",), False),
        (user_source.file, ("GET /v1/user",), True),
    ]
    # The record reproduces it; importing the previous sources again gives the committed spec back.
    again = tmp_path / "again.yaml"
    run_import(saved.paths(), load_config(config_file), output=again, fallback=saved.kept())
    assert again.read_bytes() == (work / "elevenlabs-user.yaml").read_bytes()
    assert main([*(str(p) for p in before.paths()), "--config", str(config_file)]) == 0
    assert (work / "elevenlabs-user.yaml").read_bytes() == CANONICAL_SPEC.read_bytes()
    assert sorted(p.name for p in (work / "upstream").iterdir()) == sorted(
        ["SOURCE.yaml", *(s.file for s in before.sources)]
    )


def test_importing_the_recorded_bytes_from_elsewhere_changes_nothing(tmp_path: Path) -> None:
    # The same bytes as the recorded source, from another folder under another name: no file stored again, none
    # deleted, and SOURCE.yaml keeps its record (never a path of this machine).
    from scratch_repo import git, scratch_clone

    repo = scratch_clone(tmp_path / "repo")
    recorded = yaml.safe_load((repo / "openapi/upstream/SOURCE.yaml").read_text())["sources"][0]
    elsewhere = tmp_path / "downloads" / "openapi.json"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(gzip.decompress((repo / "openapi/upstream" / recorded["file"]).read_bytes()))
    done = subprocess.run([sys.executable, "-m", "scripts.spec_import", str(elsewhere)], cwd=repo, capture_output=True,
                          text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert git(repo, "status", "--porcelain") == ""
    assert str(tmp_path) not in (repo / "openapi/upstream/SOURCE.yaml").read_text()
