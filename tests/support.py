"""Shared helpers for the test suite: where the real specs are, and generating packages."""

from __future__ import annotations

import contextlib
import copy
import importlib
import io
import json
import pickle
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from specloom.cli import main as specloom_main

REPO = Path(__file__).resolve().parent.parent
SHARED_SPECS = REPO.parent / "shared" / "specs"
RUNAI_RELEASES = ("2.18", "2.19", "2.20", "2.21", "2.22", "2.23", "2.24")
#: Real public specs (../shared/specs/public/MANIFEST.tsv says where each comes from): read there, never copied.
PUBLIC_SPECS = SHARED_SPECS / "public"
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
    spec: dict[str, Any] = json.loads(path.read_text())
    return spec


@dataclass(frozen=True)
class PublicSpec:
    """One row of ../shared/specs/public/MANIFEST.tsv."""

    label: str  # test id: the file's stem, or the folder of a spec split over many files ("digitalocean")
    path: Path  # the root document
    format: str  # openapi2, openapi3.0, openapi3.1
    why: str

    @property
    def package(self) -> str:
        return re.sub(r"\W+", "_", self.label).lower()


def public_specs() -> list[PublicSpec]:
    """Every spec MANIFEST.tsv lists; empty when ../shared/specs/public is absent."""
    manifest = PUBLIC_SPECS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return [
        PublicSpec(name.split("/")[0] if "/" in name else Path(name).stem, PUBLIC_SPECS / name, fmt, why)
        for name, fmt, *_, why in rows
    ]


def public_specs_or_skip() -> list[PublicSpec]:
    """Every spec MANIFEST.tsv lists; skips (saying why) when ../shared/specs/public is not beside the repo."""
    specs = public_specs()
    if not specs:
        pytest.skip(f"no public corpus at {PUBLIC_SPECS} (../shared/specs/public is not checked out beside the repo)")
    return specs


def public_spec(label: str) -> PublicSpec:
    """The public spec ``label``; skips (saying why) when ../shared/specs/public or the spec is absent."""
    found = {spec.label: spec for spec in public_specs_or_skip()}
    if label not in found or not found[label].path.is_file():
        pytest.skip(f"the public spec {label!r} is not in {PUBLIC_SPECS} (MANIFEST.tsv or the file is missing)")
    return found[label]


def load_document(path: Path) -> Any:
    """A JSON or YAML file as data (YAML through libyaml when PyYAML has it)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def spec_operations(spec: dict[str, Any]) -> set[tuple[str, str]]:
    """(METHOD, path) of every operation: the method keys of each path item, whether they hold an object or a $ref."""
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return {(m.upper(), p) for p, item in (spec.get("paths") or {}).items() for m in item if m in methods}


def generate(spec: Path, out: Path, name: str, release: str = "0.0", *extra: str) -> Path:
    """Run ``specloom generate --spec`` in-process; returns the package's import directory."""
    code = specloom_main(["generate", "--spec", str(spec), "--out", str(out), "--name", name, "--release", release, *extra])
    assert code == 0, f"specloom generate failed for {spec}"
    return out / name


@dataclass
class Generation:
    """What one in-process ``specloom generate --spec`` run did; ``error`` is None when it exited 0."""

    label: str
    dist: str  # the output folder (holds pyproject.toml and the package)
    package: str
    exit_code: int | None  # None: it raised
    operations: int | None  # as the command's summary line says
    models: int | None
    warnings: int
    seconds: float
    error: str | None
    stderr: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


_SUMMARY = re.compile(r": (\d+) operations, (\d+) models ->")


def generate_captured(label: str, spec: Path, out: Path, name: str, *extra: str) -> Generation:
    """Run ``specloom generate --spec`` in-process with its output captured; never raises for what the generator does.

    An exception inside the generator is recorded as the error (its type, message and innermost frame).
    """
    stdout, stderr = io.StringIO(), io.StringIO()
    code: int | None = None
    error = None
    started = time.perf_counter()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = specloom_main(["generate", "--spec", str(spec), "--out", str(out), "--name", name, *extra])
    except BaseException as exc:  # a crash is what this records (argparse's SystemExit too)
        if isinstance(exc, KeyboardInterrupt):
            raise
        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f" at {Path(frame.filename).name}:{frame.lineno} in {frame.name}" if frame else ""
        error = f"{type(exc).__name__}: {exc}{where}"
    seconds = time.perf_counter() - started
    err = stderr.getvalue()
    if error is None and code != 0:
        last = [line for line in err.splitlines() if line.strip()][-1:] or ["(nothing on stderr)"]
        error = f"exit code {code}: {last[0]}"
    summary = _SUMMARY.search(stdout.getvalue())
    return Generation(
        label, str(out), name, code,
        int(summary[1]) if summary else None, int(summary[2]) if summary else None,
        sum(line.startswith("warning:") for line in err.splitlines()), seconds, error, err,
    )  # fmt: skip


def run_python(code: str, *, path: Path | None = None, python: str = sys.executable, timeout: float = 300) -> str:
    """Run ``code`` in a fresh interpreter (``path`` first on sys.path); returns stdout, fails with stderr."""
    env_path = [str(path)] if path else []
    prelude = f"import sys; sys.path[:0] = {env_path!r}\n"
    proc = subprocess.run([python, "-c", prelude + code], check=False, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"python failed:\n{proc.stderr}"
    return proc.stdout


def wait_for(condition: Callable[[], bool], limit: float = 5.0) -> None:
    """Poll ``condition`` (a safety limit only, nothing is asserted about time)."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.005)


def method_of(client: Any, python_name: str) -> Callable[..., Any]:
    """The bound method at ``python_name`` (the operation index's dotted path) from a client."""
    target = client
    for part in python_name.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]


#: The ways a user copies a value read from an answer (copy, deepcopy, pickle): each must keep what was received.
COPIES = [copy.copy, copy.deepcopy, lambda v: pickle.loads(pickle.dumps(v))]
COPY_IDS = ["copy", "deepcopy", "pickle"]


@contextlib.contextmanager
def imported(folder: Path, name: str) -> Iterator[ModuleType]:
    """Import package ``name`` from ``folder``, whatever other test put a package of that name in sys.modules
    (set aside meanwhile, and put back after)."""
    saved = {k: m for k, m in sys.modules.items() if k == name or k.startswith(name + ".")}
    for key in saved:
        del sys.modules[key]
    sys.path.insert(0, str(folder))
    try:
        module = importlib.import_module(name)
        assert Path(module.__file__ or "").resolve().is_relative_to(folder.resolve()), module.__file__
        yield module
    finally:
        sys.path.remove(str(folder))
        for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
            del sys.modules[key]
        sys.modules.update(saved)
