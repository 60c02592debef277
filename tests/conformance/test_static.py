"""Generated packages pass ``mypy --strict`` and ``ruff check`` as they are written: every Run:ai release too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance.checks import VENV_BIN, mypy_strict, ruff_check, run_tool
from tests.support import KEYWORD_SPECS, REPO, RUNAI_RELEASES

TARGETS = [*(f"runai-{r}" for r in RUNAI_RELEASES), "controlplane-2.22", "controlplane-2.23", "controlplane-2.24", "hostile",
           *KEYWORD_SPECS]


def _target(which: str, request: pytest.FixtureRequest) -> tuple[Path, str]:
    """(distribution folder, import package) of a target."""
    if which.startswith("runai-"):
        return request.getfixturevalue("runai").dist(which.removeprefix("runai-")), "runai"
    if which == "hostile":
        return request.getfixturevalue("hostile_dist"), "hostile"
    if which in KEYWORD_SPECS:
        return request.getfixturevalue("keyword_packages") / which, KEYWORD_SPECS[which][1]
    dist = REPO / "generated" / which
    if not dist.is_dir():
        pytest.fail(f"{dist} is missing: generated/ should hold {which} (run ./dev generate)")
    return dist, "controlplane_client"


@pytest.mark.slow
@pytest.mark.parametrize("which", TARGETS)
def test_mypy_strict_passes(which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    dist, package = _target(which, request)
    proc = mypy_strict(dist, package, tmp_path)
    assert proc.returncode == 0, f"mypy --strict -p {package} in {dist}:\n{proc.stdout}\n{proc.stderr}"


@pytest.mark.parametrize("which", TARGETS)
def test_ruff_check_passes(which: str, request: pytest.FixtureRequest) -> None:
    dist, _ = _target(which, request)
    proc, checked = ruff_check(dist)
    sources = {str(p.resolve()) for p in dist.rglob("*.py") if "__pycache__" not in p.parts}
    assert sources and sources <= checked, f"ruff would skip {sorted(sources - checked)[:5]}..."
    assert proc.returncode == 0, f"ruff check {dist}:\n{proc.stdout}\n{proc.stderr}"


@pytest.mark.slow
def test_the_generator_and_the_runtime_pass_mypy_strict(tmp_path: Path) -> None:
    """Our own sources meet the bar we set for generated code (the repo's [tool.mypy] settings)."""
    args = [str(VENV_BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary",
            "codegen/src", "plugins/src"]  # fmt: skip
    proc = run_tool(args, cwd=REPO)
    assert proc.returncode == 0, f"mypy --strict codegen/src plugins/src:\n{proc.stdout}\n{proc.stderr}"


def test_the_repository_passes_ruff_check() -> None:
    proc = run_tool([str(VENV_BIN / "ruff"), "check", "--no-cache", "."], cwd=REPO)
    assert proc.returncode == 0, f"ruff check .:\n{proc.stdout}\n{proc.stderr}"


@pytest.mark.slow
def test_a_uuid_parameter_takes_its_text_under_mypy_strict(tmp_path: Path) -> None:
    """An id copied from a listing or a log is a ``str``: passing it must not be a type error."""
    dist = REPO / "generated" / "controlplane-2.24"
    usage = tmp_path / "usage.py"
    usage.write_text(
        "from controlplane_client import Client\n\n\n"
        "def fetch(client: Client, text: str) -> None:\n"
        "    client.workloads.workloads.get_workload(workload_id=text)\n",
        encoding="utf-8",
    )
    args = [str(VENV_BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary", str(usage)]
    proc = run_tool(args, cwd=tmp_path, env={"MYPYPATH": str(dist)})
    assert proc.returncode == 0, f"mypy --strict {usage}:\n{proc.stdout}\n{proc.stderr}"
