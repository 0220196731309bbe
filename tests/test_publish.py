"""scripts.publish without uploading: configuration from twine's variables, the duplicate check against a loopback
simple page, and secrets kept out of every message."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from packaging.version import Version
from pytest_httpserver import HTTPServer

from scripts.publish import (
    AlreadyPublished,
    PublishError,
    artifacts_in,
    index_from_env,
    publish,
    published_versions,
)

SECRET = "pw-Do-Not-Print-5521"


def env_for(url: str) -> dict[str, str]:
    return {"TWINE_REPOSITORY_URL": url, "TWINE_USERNAME": "me", "TWINE_PASSWORD": SECRET}


@pytest.mark.parametrize(
    ("upload", "simple"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/simple/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/simple/"),
        ("https://index.example.invalid/legacy/", "https://index.example.invalid/simple/"),
    ],
)
def test_simple_url_is_derived_from_the_upload_url(upload: str, simple: str) -> None:
    assert index_from_env(env_for(upload)).simple_url == simple


def test_explicit_simple_url_wins() -> None:
    env = {**env_for("http://127.0.0.1:1/"), "PUBLISH_SIMPLE_URL": "http://127.0.0.1:2/pypi/simple"}
    assert index_from_env(env).simple_url == "http://127.0.0.1:2/pypi/simple/"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "TWINE_REPOSITORY_URL is not set"),
        ({"TWINE_REPOSITORY_URL": "http://127.0.0.1:1/", "TWINE_USERNAME": "me"}, "set both"),
    ],
)
def test_configuration_errors(env: dict[str, str], message: str) -> None:
    with pytest.raises(PublishError, match=message):
        index_from_env(env)


def test_redaction_masks_password_and_url_userinfo() -> None:
    index = index_from_env(env_for(f"http://me:{SECRET}@127.0.0.1:1/"))
    assert SECRET not in index.shown
    assert (
        index.redact(f"error: 403 for me:{SECRET} at http://a:b@host/") == "error: 403 for me:*** at http://***@host/"
    )


def test_artifacts_must_be_one_project_at_one_version(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="run `make build` first"):
        artifacts_in(tmp_path)
    (tmp_path / "elevenlabs_user_client-0.2.0-py3-none-any.whl").write_bytes(b"")
    (tmp_path / "elevenlabs_user_client-0.2.0.tar.gz").write_bytes(b"")
    assert artifacts_in(tmp_path)[:2] == ("elevenlabs-user-client", Version("0.2.0"))
    (tmp_path / "elevenlabs_user_client-0.1.0.tar.gz").write_bytes(b"")
    with pytest.raises(PublishError, match="mixes projects or versions"):
        artifacts_in(tmp_path)


PAGE = """<!DOCTYPE html><html><body>
<a href="/packages/elevenlabs_user_client-0.1.0-py3-none-any.whl#sha256=00">wheel</a>
<a href="../../packages/elevenlabs_user_client-0.1.0.tar.gz">elevenlabs_user_client-0.1.0.tar.gz</a>
<a href="/packages/elevenlabs_user_client-0.3.0.tar.gz">elevenlabs_user_client-0.3.0.tar.gz</a>
<a href="/packages/other_project-0.2.0.tar.gz">other_project-0.2.0.tar.gz</a>
</body></html>"""


def test_versions_read_from_the_simple_page(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/simple/elevenlabs-user-client/").respond_with_data(PAGE, content_type="text/html")
    index = index_from_env(env_for(httpserver.url_for("/")))
    with httpx.Client() as client:
        assert published_versions(index, "elevenlabs-user-client", client) == {Version("0.1.0"), Version("0.3.0")}
    (request, _), = httpserver.log  # fmt: skip
    assert request.authorization is not None and request.authorization.username == "me"


def test_unknown_project_and_off_index_redirects_mean_not_published(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/simple/elevenlabs-user-client/").respond_with_data(
        "", status=303, headers={"Location": "https://elsewhere.invalid/simple/elevenlabs-user-client/"}
    )
    index = index_from_env(env_for(httpserver.url_for("/")))
    with httpx.Client() as client:
        assert published_versions(index, "elevenlabs-user-client", client) == set()
    httpserver.clear()
    httpserver.expect_request("/simple/elevenlabs-user-client/").respond_with_data("not found", status=404)
    with httpx.Client() as client:
        assert published_versions(index, "elevenlabs-user-client", client) == set()


def test_wrong_credentials_are_reported_without_the_password(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/simple/elevenlabs-user-client/").respond_with_data("no", status=401)
    index = index_from_env(env_for(httpserver.url_for("/")))
    with httpx.Client() as client, pytest.raises(PublishError, match="refused the credentials") as caught:
        published_versions(index, "elevenlabs-user-client", client)
    assert SECRET not in str(caught.value)


def test_unreachable_index_is_a_clear_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    index = index_from_env(env_for(f"http://me:{SECRET}@127.0.0.1:{port}/"))
    with httpx.Client() as client, pytest.raises(PublishError, match="cannot reach the index") as caught:
        published_versions(index, "elevenlabs-user-client", client)
    assert SECRET not in str(caught.value)


def test_duplicate_version_is_refused_before_upload(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/simple/elevenlabs-user-client/").respond_with_data(PAGE, content_type="text/html")
    (tmp_path / "elevenlabs_user_client-0.3.0.tar.gz").write_bytes(b"")
    with pytest.raises(AlreadyPublished, match="elevenlabs-user-client 0.3.0 is already on"):
        publish(tmp_path, env_for(httpserver.url_for("/")))
    # Nothing was uploaded: the one POST is the credential probe, which carries no file.
    assert [req.method for req, _ in httpserver.log] == ["POST", "GET"]
    assert not httpserver.log[0][0].files


def test_wrong_credentials_stop_before_the_duplicate_check_and_upload(httpserver: HTTPServer, tmp_path: Path) -> None:
    # An index that lists without auth (pypiserver's default) but refuses these credentials for uploads.
    httpserver.expect_request("/", method="POST").respond_with_data("Unauthorized", status=401)
    httpserver.expect_request("/simple/elevenlabs-user-client/").respond_with_data("", content_type="text/html")
    (tmp_path / "elevenlabs_user_client-0.3.0.tar.gz").write_bytes(b"")
    with pytest.raises(PublishError, match="refused the credentials") as caught:
        publish(tmp_path, env_for(httpserver.url_for("/")))
    assert SECRET not in str(caught.value)
    assert [req.method for req, _ in httpserver.log] == ["POST"]
    assert not httpserver.log[0][0].files
