"""Helpers the conformance tests share: reading a generated package and probing it in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tests.support import REPO

VENV_BIN = Path(sys.executable).parent
OPERATION_KEYS = frozenset({"method", "path", "operation_id", "python_name", "group", "deprecated"})
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


# Run in a fresh interpreter with the package's folder first on sys.path: resolves every operation's
# python_name on a sync and an async client and every schema row's class; prints a JSON report.
PROBE = r"""
import importlib, inspect, json, sys
from pathlib import Path
package = importlib.import_module(PACKAGE)
root = Path(package.__file__).parent
ops = json.loads((root / "operations.json").read_text(encoding="utf-8"))
rows = json.loads((root / "schemas.json").read_text(encoding="utf-8"))
report = {"operations": len(ops), "schemas": len(rows), "problems": []}
clients = [(package.Client(base_url="http://127.0.0.1:9"), False), (package.AsyncClient(base_url="http://127.0.0.1:9"), True)]
for client, is_async in clients:
    kind = type(client).__name__
    for op in ops:
        target = client
        try:
            for part in op["python_name"].split("."):
                target = getattr(target, part)
        except Exception as exc:
            report["problems"].append(f"{kind}.{op['python_name']} ({op['method']} {op['path']}): {type(exc).__name__}: {exc}")
            continue
        if not callable(target):
            report["problems"].append(f"{kind}.{op['python_name']}: not callable but {type(target).__name__}")
        elif inspect.iscoroutinefunction(target) != is_async:
            want = "a coroutine function" if is_async else "a plain (non-async) function"
            report["problems"].append(f"{kind}.{op['python_name']}: is not {want}")
for row in rows:
    try:
        getattr(importlib.import_module(row["module"]), row["python_name"])
    except Exception as exc:
        report["problems"].append(f"schema {row['schema']!r} -> {row['module']}.{row['python_name']}: {type(exc).__name__}: {exc}")
print(json.dumps(report))
"""


def probe(dist: Path, package: str, python: str = sys.executable) -> dict[str, Any]:
    """Run :data:`PROBE` for ``package`` found in ``dist`` in a fresh interpreter; returns its report."""
    from tests.support import run_python

    out = run_python(f"PACKAGE = {package!r}\n" + PROBE, path=dist, python=python)
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
    """The keys of ``components.schemas``."""
    return list((spec.get("components") or {}).get("schemas") or {})
