"""The package's Region constants are the spec's servers, named by their x-region-name."""

from __future__ import annotations

import yaml
from elevenlabs_user_client import Region

from scripts.paths import CANONICAL_SPEC


def test_regions_match_the_spec_servers() -> None:
    servers = yaml.safe_load(CANONICAL_SPEC.read_text())["servers"]
    named = {server["x-region-name"].upper(): server["url"] for server in servers if "x-region-name" in server}
    assert named, "the spec names no region: the importer's overlay should add x-region-name to servers"
    assert {region.name: region.value for region in Region} == named
    assert servers[0]["url"] == Region.PRODUCTION
