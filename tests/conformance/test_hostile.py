"""Acceptance 6: the hostile spec generates code that compiles, stays in its folder and never runs spec text."""

from __future__ import annotations

import json
import keyword
import os
import py_compile
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conformance.checks import duplicates, operations, probe, schemas, spec_schema_names
from tests.support import HOSTILE_SPEC, generate, spec_operations

HOSTILE_TEXT = HOSTILE_SPEC.read_text(encoding="utf-8")
# Files the spec's shell payloads would create, e.g. "__import__('os').system('touch /tmp/pwned')".
SENTINELS = sorted(set(re.findall(r"touch\s+(/[A-Za-z0-9_./-]+)", HOSTILE_TEXT)))
# Template syntax in spec text that must reach the generated code verbatim, not evaluated.
TEMPLATE_TEXT = ("{{ 7 * 7 }}", "{{ ''.__class__.__mro__[1].__subclasses__() }}")
_SAFE_PART = re.compile(r"^\.?[A-Za-z0-9_][A-Za-z0-9_.-]*$")


def _state(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def _listing(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def test_the_fixture_carries_the_payloads_this_module_looks_for() -> None:
    assert SENTINELS, "no 'touch /path' payload found in the hostile spec: the side-effect checks would check nothing"
    assert all(text in HOSTILE_TEXT for text in TEMPLATE_TEXT)


def test_generation_writes_only_inside_the_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    out = tmp_path / "deep" / "er" / "out"
    parent_before = sorted(os.listdir(tmp_path.parent))
    sandbox_before = _listing(tmp_path)
    fixture_before = {p: p.stat().st_mtime_ns for p in HOSTILE_SPEC.parent.rglob("*")}
    sentinels_before = {s: _state(s) for s in SENTINELS}
    monkeypatch.chdir(cwd)
    generate(HOSTILE_SPEC, out, "hostile", "0.1")

    assert sorted(os.listdir(tmp_path.parent)) == parent_before, "files appeared beside the test's folder"
    new = _listing(tmp_path) - sandbox_before
    outside = sorted(p for p in new if not (tmp_path / p).is_relative_to(out) and p not in ("deep", "deep/er"))
    assert outside == [], "files written outside the output folder"
    assert list(cwd.iterdir()) == [], "files were written into the current folder"
    assert {p: p.stat().st_mtime_ns for p in HOSTILE_SPEC.parent.rglob("*")} == fixture_before
    assert {s: _state(s) for s in SENTINELS} == sentinels_before, "a payload of the spec ran"

    files = [p for p in out.rglob("*") if p.is_file()]
    assert files, "nothing was generated"
    unsafe = []
    for path in out.rglob("*"):
        relative = path.relative_to(out)
        if path.is_symlink() or not path.resolve().is_relative_to(out.resolve()):
            unsafe.append(f"{relative}: leaves the output folder")
        elif not all(_SAFE_PART.match(part) for part in relative.parts):
            unsafe.append(f"{relative}: not built from sanitised names")
        elif (
            path.suffix == ".py"
            and path.stem != "__init__"
            and (not path.stem.isidentifier() or keyword.iskeyword(path.stem))
        ):
            unsafe.append(f"{relative}: not an importable module name")
    assert unsafe == []


def test_every_generated_file_compiles(hostile_dist: Path, tmp_path: Path) -> None:
    sources = sorted(hostile_dist.rglob("*.py"))
    assert sources
    errors = []
    for i, source in enumerate(sources):
        try:
            py_compile.compile(str(source), cfile=str(tmp_path / f"{i}.pyc"), doraise=True)
        except py_compile.PyCompileError as exc:
            errors.append(str(exc))
    assert errors == []


def test_spec_text_reaches_the_code_as_text(hostile_dist: Path) -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in sorted(hostile_dist.rglob("*.py")))
    missing = [text for text in TEMPLATE_TEXT if text not in sources]
    assert missing == [], "template syntax from the spec was evaluated or dropped instead of kept as text"


def test_the_indexes_cover_the_whole_hostile_spec(hostile_dist: Path) -> None:
    spec = yaml.safe_load(HOSTILE_TEXT)
    rows = operations(hostile_dist / "hostile")
    listed = [(row["method"], row["path"]) for row in rows]
    assert duplicates(listed) == []
    assert set(listed) == spec_operations(spec)
    assert duplicates([row["python_name"] for row in rows]) == []
    assert sorted(row["schema"] for row in schemas(hostile_dist / "hostile")) == sorted(spec_schema_names(spec))


# Imports every module of the package, builds every model from {} and dumps it, and reaches every operation
# of both clients; writes what failed to REPORT. Nothing of it may print: a payload like print('pwned') or
# system('id') would.
EXERCISE = r"""
import importlib, inspect, json, pkgutil, sys
errors = {"import": [], "model": [], "client": []}
package = importlib.import_module(PACKAGE)
names = [PACKAGE] + [m.name for m in pkgutil.walk_packages(package.__path__, PACKAGE + ".")]
modules = []
for name in names:
    try:
        modules.append(importlib.import_module(name))
    except BaseException as exc:
        errors["import"].append(f"{name}: {type(exc).__name__}: {exc}")
for module in modules:
    for obj in list(vars(module).values()):
        if inspect.isclass(obj) and obj.__module__ == module.__name__ and hasattr(obj, "from_dict"):
            try:
                obj.from_dict({}).to_dict()
            except (KeyError, TypeError, ValueError) as exc:
                pass  # a required property is missing from {}: expected
            except BaseException as exc:
                errors["model"].append(f"{module.__name__}.{obj.__name__}: {type(exc).__name__}: {exc}")
ops = json.loads((importlib.resources.files(PACKAGE) / "operations.json").read_text(encoding="utf-8"))
for client in (package.Client(base_url="http://127.0.0.1:9"), package.AsyncClient(base_url="http://127.0.0.1:9")):
    for op in ops:
        try:
            target = client
            for part in op["python_name"].split("."):
                target = getattr(target, part)
            inspect.signature(target)
        except BaseException as exc:
            errors["client"].append(f"{type(client).__name__}.{op['python_name']}: {type(exc).__name__}: {exc}")
with open(REPORT, "w", encoding="utf-8") as handle:
    json.dump({"modules": len(names), "errors": errors}, handle)
"""


@pytest.fixture(scope="module")
def exercised(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Generate the hostile spec afresh, then exercise the package in a fresh interpreter; what happened."""
    import subprocess

    base = tmp_path_factory.mktemp("hostile-exercise")
    cwd = base / "cwd"
    cwd.mkdir()
    report = base / "report.json"
    sentinels_before = {s: _state(s) for s in SENTINELS}
    dist = generate(HOSTILE_SPEC, base / "out", "hostile", "0.1").parent
    code = f"import sys, importlib.resources; sys.path.insert(0, {str(dist)!r})\n" \
           f"PACKAGE = 'hostile'; REPORT = {str(report)!r}\n" + EXERCISE  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", code], check=False, cwd=cwd, capture_output=True, text=True, timeout=300
    )
    return {
        "proc": proc,
        "report": json.loads(report.read_text(encoding="utf-8")) if report.exists() else None,
        "sentinels": (sentinels_before, {s: _state(s) for s in SENTINELS}),
        "cwd": sorted(os.listdir(cwd)),
        "dist": dist,
    }


def test_importing_and_using_the_package_executes_no_spec_text(exercised: dict[str, Any]) -> None:
    proc = exercised["proc"]
    before, after = exercised["sentinels"]
    assert after == before, f"a payload of the spec ran: {before} -> {after}"
    assert proc.returncode == 0, f"the exercise script died:\n{proc.stderr}"
    assert proc.stdout == "", f"importing the package printed something:\n{proc.stdout}"
    assert proc.stderr == "", f"importing the package wrote to stderr:\n{proc.stderr}"
    assert exercised["cwd"] == [], "files appeared in the current folder"


def test_every_generated_module_imports(exercised: dict[str, Any]) -> None:
    report = exercised["report"]
    assert report is not None, exercised["proc"].stderr
    assert report["modules"] > 1
    assert report["errors"] == {"import": [], "model": [], "client": []}


def test_every_operation_and_schema_is_reachable(hostile_dist: Path) -> None:
    report = probe(hostile_dist, "hostile")
    assert report["problems"] == [], "\n".join(report["problems"])
