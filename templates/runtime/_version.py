"""The installed version of this package and the User-Agent that names it (and the Python and httpx in use)."""

import os
import sys

import httpx

DISTRIBUTION = "elevenlabs-user-client"
_DIST_INFO_PREFIX = DISTRIBUTION.replace("-", "_") + "-"


def _version_beside_the_package() -> str | None:
    """The Version of the one `elevenlabs_user_client-*.dist-info` next to the package (a wheel install), or None.

    Read directly because importing importlib.metadata costs about 10 ms at every start, a twentieth of this
    client's whole cold start; anything unusual (an editable install, two dist-infos) falls back to it.
    """
    site = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        found = [
            e.path for e in os.scandir(site) if e.name.startswith(_DIST_INFO_PREFIX) and e.name.endswith(".dist-info")
        ]
        if len(found) != 1:
            return None
        with open(os.path.join(found[0], "METADATA"), encoding="utf-8") as metadata:
            for line in metadata:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip() or None
                if not line.strip():  # the headers end at the first blank line
                    return None
    except OSError:
        return None
    return None


def installed_version() -> str:
    """This package's version from its installed metadata; "0+unknown" when it runs without being installed."""
    fast = _version_beside_the_package()
    if fast:
        return fast
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"


def _major_minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


__version__: str = installed_version()

USER_AGENT: str = (
    f"{DISTRIBUTION}/{__version__} python/{sys.version_info.major}.{sys.version_info.minor} "
    f"httpx/{_major_minor(httpx.__version__)}"
)
"""Sent with every request unless the client's ``headers`` name another ``User-Agent``."""
