"""Where things live in the repository: one place, so scripts and tests agree."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPENAPI_DIR = ROOT / "openapi"
CANONICAL_SPEC = OPENAPI_DIR / "elevenlabs-user.yaml"
GENERATOR_CONFIG = ROOT / "generator-config.yaml"
TEMPLATES_DIR = ROOT / "templates"
RUNTIME_DIR = TEMPLATES_DIR / "runtime"  # the runtime's plain Python modules, copied into the package
# Hand-written modules built on the generated API (the quota command), copied when the spec has what they import.
EXTENSIONS_DIR = TEMPLATES_DIR / "extensions"
CLIENT_DIR = ROOT / "client"
PACKAGE_NAME = "elevenlabs_user_client"
PACKAGE_DIR = CLIENT_DIR / PACKAGE_NAME
FIXTURES_DIR = ROOT / "tests" / "fixtures"
