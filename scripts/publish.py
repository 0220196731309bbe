"""Upload dist/* with twine to the index named by twine's own environment variables, after gates that protect it.

`python -m scripts.publish [--dist DIR] [--repo DIR] [--simple-url URL]` reads TWINE_REPOSITORY_URL, TWINE_USERNAME
and TWINE_PASSWORD (nothing is hard-coded). An index never takes a version twice, so nothing is sent unless, in order:
1. the repository (--repo, default this one) is a clean git tree;
2. client/ is exactly what `make generate` produces (`python -m scripts.generate --check` in that tree);
3. HEAD is the release commit of the version in pyproject.toml: openapi/released.yaml records that version, and
   nothing that goes into the distributions (client/, pyproject.toml, README.md, CHANGELOG.md, LICENSE) changed
   since the commit that wrote it;
4. dist/ holds that version only;
5. the index accepts the credentials: an upload request without any file (`POST` to the upload URL, which an index
   answers 401/403 for wrong credentials and 400 otherwise; nothing is stored);
6. the index's simple page (<index>/simple/elevenlabs-user-client/, or --simple-url / PUBLISH_SIMPLE_URL) does not
   list the version yet.
Only then twine uploads (`--no-color` unless stderr is a terminal). Credentials never appear in output, not even in
errors. Exit status: 0 uploaded, 1 refused (a gate said no; nothing uploaded), 2 error.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import Version

from scripts.paths import ROOT

DIST = ROOT / "dist"
_USERINFO = re.compile(r"(?<=//)[^/@\s]+@")


class PublishError(Exception):
    """Configuration, network, credential or upload trouble; the message is already free of secrets."""


class Refused(Exception):
    """A gate said no: nothing was uploaded."""


class AlreadyPublished(Refused):
    """The index already has this version: refused before uploading."""


# What goes into the sdist and wheel: HEAD must build exactly what the release commit built.
DISTRIBUTED = ("client", "pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE")
RELEASED = Path("openapi/released.yaml")
_RELEASED_VERSION = re.compile(r"^# released-version: (\S+)$", re.MULTILINE)


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)


def _listed(names: list[str]) -> str:
    return ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")


def check_release_state(repo: Path, version: Version) -> None:
    """Gates 1-4: a clean tree, client/ as generated, HEAD the release commit of `version`, dist/ of that version."""
    status = _git(repo, "status", "--porcelain")
    if status.returncode != 0:
        raise PublishError(f"{repo} is not a git work tree: {status.stderr.strip()}")
    if status.stdout.strip():
        dirty = [line[3:] for line in status.stdout.splitlines()]
        raise Refused(f"the git tree is dirty ({_listed(dirty)}): publish only a committed release")
    check = subprocess.run([sys.executable, "-m", "scripts.generate", "--check"], cwd=repo, capture_output=True,
                           text=True)  # fmt: skip
    if check.returncode != 0:
        detail = "\n".join((check.stdout + check.stderr).strip().splitlines()[:12])
        raise Refused(f"client/ is not what `make generate` produces; fix the generation, then release:\n{detail}")
    commit = _git(repo, "log", "-1", "--format=%H", "--", RELEASED.as_posix()).stdout.strip()
    released = _RELEASED_VERSION.search((repo / RELEASED).read_text(encoding="utf-8")) if commit else None
    project = Version(_project_version(repo))
    if not commit or released is None or Version(released.group(1)) != project:
        raise Refused(f"{project} was never released here ({RELEASED} does not record it): run `make release`, "
                      "commit, then publish")  # fmt: skip
    changed = _git(repo, "diff", "--name-only", commit, "HEAD", "--", *DISTRIBUTED).stdout.split()
    if changed:
        raise Refused(f"HEAD is not the release commit of {project} ({commit[:12]}): {_listed(changed)} changed "
                      "since; cut a new release with `make release`")  # fmt: skip
    if project != version:
        raise Refused(f"dist/ holds {version} but the release is {project}: run `make build`")


def _project_version(repo: Path) -> str:
    return str(tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def check_credentials(index: Index, client: httpx.Client) -> None:
    """Gate 5: an upload request with no file, which stores nothing; 401/403 means the credentials are wrong."""
    auth = httpx.BasicAuth(index.username, index.password) if index.username and index.password else None
    try:
        if auth is None:
            response = client.post(index.upload_url, data={"protocol_version": "1"})
        else:
            response = client.post(index.upload_url, auth=auth, data={"protocol_version": "1"})
    except httpx.HTTPError as exc:
        raise PublishError(f"cannot reach the index at {index.shown}: {type(exc).__name__}") from None
    if response.status_code in (401, 403):
        what = "refused the credentials" if auth else "wants credentials"
        raise PublishError(f"the index at {index.shown} {what} (HTTP {response.status_code}): "
                           "check TWINE_USERNAME and TWINE_PASSWORD; nothing was uploaded")  # fmt: skip


@dataclass(frozen=True)
class Index:
    upload_url: str
    simple_url: str
    username: str | None
    password: str | None

    def redact(self, text: str) -> str:
        """`text` with the password (and any user:password@ in URLs) masked."""
        if self.password:
            text = text.replace(self.password, "***")
        return _USERINFO.sub("***@", text)

    @property
    def shown(self) -> str:
        return self.redact(self.upload_url)


def index_from_env(env: dict[str, str], simple_url: str | None = None) -> Index:
    upload = env.get("TWINE_REPOSITORY_URL", "").strip()
    if not upload:
        raise PublishError("TWINE_REPOSITORY_URL is not set: name the index to upload to (twine's variable)")
    username, password = env.get("TWINE_USERNAME") or None, env.get("TWINE_PASSWORD") or None
    if bool(username) != bool(password):
        raise PublishError("set both TWINE_USERNAME and TWINE_PASSWORD, or neither")
    simple = simple_url or env.get("PUBLISH_SIMPLE_URL")
    if not simple:
        # An upload URL is the index root (pypiserver, devpi) or ends in /legacy/ (warehouse-style).
        base = re.sub(r"/legacy/?$", "", upload.rstrip("/"))
        simple = f"{base}/simple/"
    return Index(upload, simple.rstrip("/") + "/", username, password)


def artifacts_in(dist: Path) -> tuple[str, Version, list[Path]]:
    """The project name, version and files in `dist`; all must be one project at one version."""
    files = sorted(dist.glob("*.whl")) + sorted(dist.glob("*.tar.gz"))
    if not files:
        raise PublishError(f"nothing to upload in {dist}: run `make build` first")
    found: set[tuple[str, Version]] = set()
    for path in files:
        try:
            if path.suffix == ".whl":
                name, version, _, _ = parse_wheel_filename(path.name)
            else:
                name, version = parse_sdist_filename(path.name)
        except (InvalidWheelFilename, InvalidSdistFilename) as exc:
            raise PublishError(f"{path.name}: not a distribution file name ({exc})") from exc
        found.add((str(name), version))
    if len(found) != 1:
        raise PublishError(f"{dist} mixes projects or versions: {sorted(map(str, found))}; run `make build`")
    (project, project_version), = found  # fmt: skip
    return project, project_version, files


class _Links(HTMLParser):
    """File names on a PEP 503 simple page: the last path segment of each link."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.names.append(unquote(urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]))


def _versions_of(names: list[str], project: str) -> set[Version]:
    versions: set[Version] = set()
    for name in names:
        try:
            if name.endswith(".whl"):
                dist_name, version, _, _ = parse_wheel_filename(name)
            elif name.endswith((".tar.gz", ".zip")):
                dist_name, version = parse_sdist_filename(name)
            else:
                continue
        except (InvalidWheelFilename, InvalidSdistFilename):
            continue
        if dist_name == canonicalize_name(project):
            versions.add(version)
    return versions


def published_versions(index: Index, project: str, client: httpx.Client) -> set[Version]:
    """Versions of `project` the index lists; empty if it has none. Raises PublishError on auth or network trouble."""
    url = urljoin(index.simple_url, f"{canonicalize_name(project)}/")
    auth = (index.username, index.password) if index.username and index.password else None
    origin = urlsplit(url)[:2]
    try:
        for _ in range(5):
            response = client.get(url, auth=auth, headers={"Accept": "text/html"})
            if not response.is_redirect:
                break
            target = urljoin(url, response.headers.get("location", ""))
            # A redirect off this index (e.g. pypiserver's fallback to another index) means: not here.
            if urlsplit(target)[:2] != origin:
                return set()
            url = target
    except httpx.HTTPError as exc:
        raise PublishError(
            f"cannot reach the index at {index.redact(index.simple_url)}: {type(exc).__name__}"
        ) from None
    if response.status_code in (401, 403):
        raise PublishError(
            f"the index at {index.redact(index.simple_url)} refused the credentials (HTTP {response.status_code}): "
            "check TWINE_USERNAME and TWINE_PASSWORD"
        )
    if response.status_code == 404:
        return set()
    if response.status_code != 200:
        raise PublishError(f"the index's simple page answered HTTP {response.status_code}: {index.redact(url)}")
    parser = _Links()
    parser.feed(response.text)
    return _versions_of(parser.names, project)


def upload(index: Index, files: list[Path], env: dict[str, str], *, colour: bool = False) -> None:
    no_color = [] if colour else ["--no-color"]
    cmd = [sys.executable, "-m", "twine", *no_color, "upload", "--non-interactive", "--disable-progress-bar",
           *map(str, files)]  # fmt: skip
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        out = index.redact((proc.stdout + proc.stderr).strip())
        raise PublishError(f"twine upload to {index.shown} failed:\n{out[-3000:]}")


def publish(dist: Path, env: dict[str, str], simple_url: str | None = None, repo: Path | None = None,
            *, colour: bool = False) -> str:  # fmt: skip
    """Every gate, then the upload; `repo=None` skips the git gates (1-4), for callers that ran them."""
    index = index_from_env(env, simple_url)
    name, version, files = artifacts_in(dist)
    if repo is not None:
        check_release_state(repo, version)
    with httpx.Client(timeout=15.0, follow_redirects=False) as client:
        check_credentials(index, client)
        if version in published_versions(index, name, client):
            raise AlreadyPublished(
                f"{name} {version} is already on {index.shown}: an index never takes a version twice; "
                "cut a new one with `make release`"
            )
    upload(index, files, env, colour=colour)
    return f"uploaded {', '.join(p.name for p in files)} to {index.shown}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.publish", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=DIST, help="folder holding the built files (default dist/)")
    parser.add_argument("--simple-url", help="the index's simple API root, if not <TWINE_REPOSITORY_URL>/simple/")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the repository whose release this is (default: here)")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    try:
        print(publish(args.dist, env, args.simple_url, args.repo.resolve(), colour=sys.stderr.isatty()))
    except Refused as exc:
        print(f"publish refused, nothing uploaded: {exc}", file=sys.stderr)
        return 1
    except PublishError as exc:
        print(f"publish error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
