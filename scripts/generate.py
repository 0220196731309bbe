"""Regenerate client/elevenlabs_user_client from openapi/, generator-config.yaml and templates/.

The generator renders the spec-derived modules; the runtime (templates/runtime/*.py: client, errors, retries,
validation, logging, secrets) is plain Python, copied into the package byte for byte as the last step, and so are the
extensions (templates/extensions/*.py: the quota command) when the package has every module they import.

`python -m scripts.generate` writes the package (replacing the old one in one rename);
`python -m scripts.generate --check` regenerates into a temporary folder and lists every file that differs;
`python -m scripts.generate --spec PATH --output DIR` generates any imported spec the same way into DIR/<package>.
Any generator warning (a dropped operation, response or schema) fails the run and is listed in full.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from scripts.digest import digest_of, tools
from scripts.paths import (
    CANONICAL_SPEC,
    CLIENT_DIR,
    EXTENSIONS_DIR,
    GENERATOR_CONFIG,
    PACKAGE_DIR,
    PACKAGE_NAME,
    ROOT,
    RUNTIME_DIR,
    TEMPLATES_DIR,
)
from scripts.wire_support import survey

# The generator's own metadata files are not part of our package (the root pyproject.toml packages it).
_IGNORED = {"__pycache__", ".gitignore", "README.md", "pyproject.toml"}


class GenerationError(RuntimeError):
    """The generator failed or warned: its output is not trusted."""


def as_json(spec: Path, folder: Path) -> Path:
    """The spec as a JSON file in `folder` (a .json spec is used as it is). The generator reads YAML with a
    pure-Python parser: on the whole upstream document that alone took ~8 of its ~20 s; JSON takes a fraction."""
    if spec.suffix == ".json":
        return spec
    # Imported here: scripts.spec_import is the one place that knows how our specs are read.
    from scripts.spec_import.load import load_yaml_text  # noqa: PLC0415

    try:
        doc = load_yaml_text(spec.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise GenerationError(f"cannot read {spec}: {err}") from None
    converted = folder / (spec.stem + ".json")
    converted.write_text(json.dumps(doc, ensure_ascii=False, default=str), encoding="utf-8")
    return converted


# Generator options our templates cannot honour, and why: generation refuses them in one line.
_UNSUPPORTED_OPTIONS = {
    "literal_enums": "our templates keep enum values the spec does not list, which needs enum classes",
}


def check_config(config: Path) -> None:
    """GenerationError naming the first option of `config` our templates cannot honour."""
    try:
        settings = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise GenerationError(f"cannot read {config}: {err}") from None
    for option, why in _UNSUPPORTED_OPTIONS.items():
        if settings.get(option):
            raise GenerationError(f"{config.name}: `{option}: {settings[option]}` is not supported ({why}); remove it")


def templates_for(spec: Path, spec_json: Path, folder: Path) -> Path:
    """Our templates, copied into `folder` with `wire.jinja`: the spec's parameter styles and form encodings the
    generator does not hand the templates (scripts/wire_support.py). GenerationError listing every place where the
    spec asks for a serialization with no defined form or nothing to send, one line each."""
    try:
        doc = json.loads(spec_json.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise GenerationError(f"cannot read {spec}: {err}") from None
    problems, styles = survey(doc) if isinstance(doc, dict) else ([], {})
    if problems:
        raise GenerationError("\n".join(f"{spec.name}: {p}; not supported by the templates" for p in problems))
    templates = folder / "templates"
    shutil.copytree(TEMPLATES_DIR, templates, ignore=shutil.ignore_patterns("__pycache__"))
    # A JSON document is a Jinja literal (true / false; the survey writes no null).
    literal = json.dumps(styles, ensure_ascii=True, sort_keys=True)
    (templates / "wire.jinja").write_text(f"{{% set WIRE = {literal} %}}\n", encoding="utf-8")
    return templates


def run_generator(
    spec: Path, out: Path, config: Path = GENERATOR_CONFIG, templates: Path = TEMPLATES_DIR
) -> subprocess.CompletedProcess[str]:
    """The pinned generator with our config and templates, exactly as `make generate` runs it. The generator's own
    `--fail-on-warning` makes any warning (something of the spec left out of the package) a non-zero exit; its
    stderr lists every one."""
    cmd = [
        sys.executable, "-m", "openapi_python_client", "generate",
        "--fail-on-warning",
        "--path", str(spec),
        "--config", str(config),
        "--custom-template-path", str(templates),
        "--meta", "none",
        "--output-path", str(out),
        "--overwrite",
    ]  # fmt: skip
    # Post-hooks call `ruff` from PATH: put the pinned one (beside this interpreter) first, whoever calls us.
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)


# Where generated packages are kept by their inputs, when set (the test suite sets it: the same spec is generated
# by many tests and their scratch repositories). `make generate` and `make check` never read it.
CACHE_ENV = "GENERATE_CACHE_DIR"


def _inputs_digest(spec_json: Path, config: Path) -> str:
    """Everything the generated bytes depend on: the spec, the config, the templates and runtime, this script and the
    wire survey, and the pinned tools."""
    inputs = {"spec": spec_json, "config": config, "generate.py": Path(__file__), "templates": TEMPLATES_DIR,
              "wire_support.py": Path(__file__).with_name("wire_support.py")}  # fmt: skip
    return digest_of(inputs, salt=tools())


def generate_into(dest: Path, spec: Path = CANONICAL_SPEC, config: Path = GENERATOR_CONFIG) -> Path:
    """Run the pinned generator and return the folder holding the package (dest/<package name>)."""
    check_config(config)
    out = dest / PACKAGE_NAME
    with tempfile.TemporaryDirectory(prefix="generate-spec-") as tmp:
        spec_json = as_json(spec, Path(tmp))
        templates = templates_for(spec, spec_json, Path(tmp))
        cache = os.environ.get(CACHE_ENV)
        kept = Path(cache) / _inputs_digest(spec_json, config) if cache else None
        if kept is not None and kept.is_dir():
            shutil.copytree(kept, out, dirs_exist_ok=True)
            return out
        proc = run_generator(spec_json, out, config, templates)
    if proc.returncode != 0:
        said = [line for line in proc.stdout.splitlines() if not line.startswith("Generating ")]
        raise GenerationError(f"openapi-python-client failed or warned on {spec}:\n" + "\n".join([*said, proc.stderr]))
    for name in _IGNORED:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    copy_runtime(out)
    if kept is not None:  # complete before it is visible: copied aside, then renamed into place
        kept.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="staging-", dir=kept.parent))
        shutil.copytree(out, staging, dirs_exist_ok=True)
        try:
            staging.rename(kept)
        except OSError:  # another process kept the same package first
            shutil.rmtree(staging)
    return out


def copy_runtime(package: Path) -> list[str]:
    """Copy the runtime modules into a generated package, byte for byte (they replace the placeholders
    templates/client.py.jinja and errors.py.jinja render), and the extensions whose imports it has; returns the file
    names copied."""
    names = sorted(p.name for p in RUNTIME_DIR.glob("*.py"))
    for name in names:
        shutil.copyfile(RUNTIME_DIR / name, package / name)
    extensions = sorted(p for p in EXTENSIONS_DIR.glob("*.py") if not _missing_imports(p, package))
    for path in extensions:
        shutil.copyfile(path, package / path.name)
    return names + [path.name for path in extensions]


def _missing_imports(module: Path, package: Path) -> list[str]:
    """The package-relative imports of `module` that `package` does not have (an extension built on operations or
    models this spec lacks is left out, rather than copied in broken)."""
    missing = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.level != 1:
            continue
        where = package.joinpath(*(node.module or "").split("."))
        if not (where.is_dir() or where.with_suffix(".py").is_file() or (where / "__init__.py").is_file()):
            missing.append(f".{node.module}")
        elif where.is_dir():  # `from .api.user import get_user`: each name a module of that folder or in its __init__
            init = where / "__init__.py"
            names = set(re.findall(r"\w+", init.read_text(encoding="utf-8"))) if init.is_file() else set()
            missing += [
                f".{node.module}.{a.name}"
                for a in node.names
                if not ((where / f"{a.name}.py").is_file() or (where / a.name).is_dir() or a.name in names)
            ]
    return missing


def _files(root: Path) -> set[Path]:
    return {
        p.relative_to(root)
        for p in root.rglob("*")
        if p.is_file() and not any(part in _IGNORED for part in p.relative_to(root).parts)
    }


def tree_differences(expected: Path, actual: Path) -> list[str]:
    """Every path that differs between two trees, each with a short unified diff."""
    problems: list[str] = []
    want, have = _files(expected), _files(actual)
    for rel in sorted(want - have):
        problems.append(f"missing from client/: {rel}")
    for rel in sorted(have - want):
        problems.append(f"not produced by the generator: {rel}")
    for rel in sorted(want & have):
        a, b = expected / rel, actual / rel
        if not filecmp.cmp(a, b, shallow=False):
            diff = difflib.unified_diff(
                b.read_text().splitlines(), a.read_text().splitlines(), f"client/{rel}", f"generated/{rel}", lineterm=""
            )
            problems.append(f"differs: {rel}\n" + "\n".join(list(diff)[:40]))
    return problems


def write_package(spec: Path = CANONICAL_SPEC, output: Path = CLIENT_DIR, config: Path = GENERATOR_CONFIG) -> None:
    """Generate next to output/<package> and swap the folder in, so a failure leaves the old package whole."""
    output.mkdir(parents=True, exist_ok=True)
    package = output / PACKAGE_NAME
    with tempfile.TemporaryDirectory(dir=output, prefix=".generate-") as tmp:
        fresh = generate_into(Path(tmp), spec, config)
        old = Path(tmp) / "old"
        if package.exists():
            package.rename(old)
        fresh.rename(package)
    shown = package.relative_to(ROOT) if package.is_relative_to(ROOT) else package
    print(f"generated {len(_files(package))} files into {shown}")


def check_package() -> list[str]:
    with tempfile.TemporaryDirectory(prefix="elevenlabs-generate-") as tmp:
        return tree_differences(generate_into(Path(tmp)), PACKAGE_DIR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on any difference")
    parser.add_argument("--spec", type=Path, default=CANONICAL_SPEC, help="an imported spec (default: canonical)")
    parser.add_argument("--output", type=Path, default=CLIENT_DIR, help=f"write DIR/{PACKAGE_NAME} (default: client/)")
    parser.add_argument("--config", type=Path, default=GENERATOR_CONFIG, help="generator settings (default: ours)")
    args = parser.parse_args(argv)
    if args.check and (args.spec != CANONICAL_SPEC or args.output != CLIENT_DIR or args.config != GENERATOR_CONFIG):
        parser.error("--check compares client/ with the canonical spec; it takes no --spec/--output/--config")
    try:
        if not args.check:
            write_package(args.spec.resolve(), args.output.resolve(), args.config.resolve())
            return 0
        problems = check_package()
    except GenerationError as err:
        print(err, file=sys.stderr)
        return 2
    if problems:
        print(f"client/ is not what `make generate` produces ({len(problems)} files):", file=sys.stderr)
        print("\n".join(problems), file=sys.stderr)
        return 1
    print("client/ matches `make generate`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
