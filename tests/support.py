"""Shared helpers for the test suite: where the real specs are, and generating packages."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from specloom.cli import main as specloom_main

REPO = Path(__file__).resolve().parent.parent
SHARED_SPECS = REPO.parent / "shared" / "specs"
RUNAI_RELEASES = ("2.18", "2.19", "2.20", "2.21", "2.22", "2.23", "2.24")
HOSTILE_SPEC = REPO / "tests" / "fixtures" / "hostile" / "openapi.yaml"
# Every validation keyword in its OpenAPI 3.0 and 3.1 forms: label -> (spec, package).
KEYWORD_SPECS = {
    label: (REPO / "tests" / "properties" / "specs" / f"{label}.yaml", package)
    for label, package in (("keywords-3.0", "keywords30"), ("keywords-3.1", "keywords31"))
}


def runai_spec(release: str) -> Path:
    """The real Run:ai spec of ``release``; skips (saying why) when ../shared is not beside the repo."""
    path = SHARED_SPECS / "runai" / release / "openapi.json"
    if not path.is_file():
        pytest.skip(f"the Run:ai {release} spec is not at {path} (../shared/specs is not checked out beside the repo)")
    return path


def load_spec(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())


def spec_operations(spec: dict[str, Any]) -> set[tuple[str, str]]:
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return {(m.upper(), p) for p, item in spec["paths"].items() for m in item if m in methods}


def generate(spec: Path, out: Path, name: str, release: str = "0.0", *extra: str) -> Path:
    """Run ``specloom generate --spec`` in-process; returns the package's import directory."""
    code = specloom_main(["generate", "--spec", str(spec), "--out", str(out), "--name", name, "--release", release, *extra])
    assert code == 0, f"specloom generate failed for {spec}"
    return out / name


def run_python(code: str, *, path: Path | None = None, python: str = sys.executable, timeout: float = 300) -> str:
    """Run ``code`` in a fresh interpreter (``path`` first on sys.path); returns stdout, fails with stderr."""
    env_path = [str(path)] if path else []
    prelude = f"import sys; sys.path[:0] = {env_path!r}\n"
    proc = subprocess.run([python, "-c", prelude + code], check=False, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"python failed:\n{proc.stderr}"
    return proc.stdout


def method_of(client: Any, python_name: str) -> Callable[..., Any]:
    """The bound method at ``python_name`` (the operation index's dotted path) from a client."""
    target = client
    for part in python_name.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]
