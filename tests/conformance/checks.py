"""Helpers the conformance tests share: reading a generated package and probing it in a fresh interpreter."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from tests.support import REPO

VENV_BIN = Path(sys.executable).parent
OPERATION_KEYS = frozenset({"method", "path", "operation_id", "python_name", "group", "deprecated", "security", "pager"})
SCHEMA_KEYS = frozenset({"schema", "pointer", "python_name", "module", "kind"})


def operations(package: Path) -> list[dict[str, Any]]:
    """The rows of ``<package>/operations.json``."""
    rows = json.loads((package / "operations.json").read_text(encoding="utf-8"))
    assert isinstance(rows, list), f"{package}/operations.json is not a JSON list"
    return rows


def schemas(package: Path) -> list[dict[str, Any]]:
    """The rows of ``<package>/schemas.json``."""
    rows = json.loads((package / "schemas.json").read_text(encoding="utf-8"))
    assert isinstance(rows, list), f"{package}/schemas.json is not a JSON list"
    return rows


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (caches excluded), by POSIX path relative to ``root``."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def duplicates(values: list[Any]) -> list[Any]:
    """The values that occur more than once."""
    return sorted((v for v, n in Counter(values).items() if n > 1), key=repr)


# Run in a fresh interpreter with the package's folder first on sys.path: tests.package_check.check_package
# (standard library only) reports what does not work; one JSON line.
PROBE = r"""
import json, sys
sys.path.append(REPO)
from tests.package_check import check_package
print(json.dumps(check_package(PACKAGE, import_all=IMPORT_ALL)))
"""


def probe(dist: Path | None, package: str, python: str = sys.executable, *, import_all: bool = False) -> dict[str, Any]:
    """Run :data:`PROBE` for ``package`` in a fresh interpreter; returns its report.

    ``dist`` goes first on sys.path; None finds the package where ``python`` has it installed.
    """
    from tests.support import run_python

    out = run_python(f"PACKAGE = {package!r}\nIMPORT_ALL = {import_all!r}\nREPO = {str(REPO)!r}\n" + PROBE, path=dist,
                     python=python)
    report: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return report


def run_tool(
    args: list[str], cwd: Path, timeout: float = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a dev-venv tool (mypy, ruff, specloom) as a subprocess."""
    env = {**{k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}, **(env or {})}
    return subprocess.run(args, check=False, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


def mypy_strict(dist: Path, package: str, scratch: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict -p package`` from ``dist`` with a config of its own (the repo's excludes generated/)."""
    scratch.mkdir(parents=True, exist_ok=True)
    config = scratch / "mypy.ini"
    config.write_text("[mypy]\nstrict = True\npython_version = 3.11\n", encoding="utf-8")
    args = [str(VENV_BIN / "mypy"), "--strict", "--config-file", str(config), "--cache-dir", str(scratch / "cache"),
            "--no-error-summary", "-p", package]  # fmt: skip
    return run_tool(args, cwd=dist)


def ruff_check(dist: Path) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """``ruff check`` over ``dist`` with the repo's ruff settings; also the set of .py files ruff looked at."""
    config = ["--config", str(REPO / "pyproject.toml"), "--no-cache"]
    shown = run_tool([str(VENV_BIN / "ruff"), "check", *config, "--show-files", str(dist)], cwd=dist)
    files = {str(Path(line.strip()).resolve()) for line in shown.stdout.splitlines() if line.strip().endswith(".py")}
    return run_tool([str(VENV_BIN / "ruff"), "check", *config, str(dist)], cwd=dist), files


def spec_schema_names(spec: dict[str, Any]) -> list[str]:
    """The keys of ``components.schemas`` (Swagger 2.0: of ``definitions``)."""
    return list((spec.get("components") or {}).get("schemas") or spec.get("definitions") or {})


BUILD_LEFTOVERS = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist")


def fresh_venv(base: Path, sources: dict[str, Path], *, isolated_builds: bool = True, timeout: float = 900) -> Path:
    """A new venv at ``base/venv`` holding ``sources`` (distribution folders or wheels), installed by one pip call.

    Folders are copied to ``base/src/<name>`` first so builds never touch the repo or a shared output. With
    ``isolated_builds=False`` the build requirements the folders name are installed into the venv first and the
    folders are built there, not each in a new isolated build environment (a minute saved over 20 packages).
    Returns the venv's python.
    """
    targets, build_requires = [], set()
    for name, source in sources.items():
        if source.is_file():  # a wheel
            targets.append(str(source))
            continue
        assert (source / "pyproject.toml").is_file(), f"{source} is not a distribution"
        shutil.copytree(source, base / "src" / name, ignore=BUILD_LEFTOVERS)
        targets.append(str(base / "src" / name))
        project = tomllib.loads((source / "pyproject.toml").read_text(encoding="utf-8"))
        build_requires.update(project.get("build-system", {}).get("requires", []))
    env = base / "venv"
    made = subprocess.run([sys.executable, "-m", "venv", str(env)], check=False, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    python = env / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--quiet"]
    steps = [[*pip, *targets]]
    if not isolated_builds and build_requires:
        steps = [[*pip, *sorted(build_requires)], [*pip, "--no-build-isolation", *targets]]
    for step in steps:
        done = run_tool(step, cwd=base, timeout=timeout)
        assert done.returncode == 0, f"pip install failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return python
