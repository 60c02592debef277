"""Acceptance 7: ``specloom inspect PACKAGE_DIR --json`` prints the operation index of a generated package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from specloom.cli import main

from tests.conformance.checks import OPERATION_KEYS, VENV_BIN, operations, run_tool
from tests.support import REPO

_TYPES = {"method": str, "path": str, "operation_id": str, "python_name": str, "group": str, "deprecated": bool}


def _check_rows(rows: Any, package: Path) -> None:
    assert isinstance(rows, list) and rows, "inspect --json did not print a non-empty JSON list"
    wrong_keys = [row for row in rows if not isinstance(row, dict) or set(row) != OPERATION_KEYS]
    assert wrong_keys == [], f"rows whose keys are not exactly {sorted(OPERATION_KEYS)}"
    wrong_types = [(row, k) for row in rows for k, t in _TYPES.items() if type(row[k]) is not t]
    assert wrong_types == [], "values of the wrong JSON type"
    assert rows == operations(package), "inspect --json differs from operations.json"


def _target(which: str, request: pytest.FixtureRequest) -> tuple[Path, Path]:
    """(the folder to pass to inspect, the package folder holding operations.json)."""
    if which.startswith("runai"):
        dist = request.getfixturevalue("runai").dist("2.24")
        return (dist if which == "runai-dist" else dist / "runai"), dist / "runai"
    if which == "hostile":
        dist = request.getfixturevalue("hostile_dist")
        return dist, dist / "hostile"
    dist = REPO / "generated" / "controlplane-2.24"
    return dist, dist / "controlplane_client"


@pytest.mark.parametrize("which", ["runai-dist", "runai-package", "hostile", "controlplane-2.24"])
def test_inspect_json_matches_operations_json(
    which: str, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, package = _target(which, request)
    capsys.readouterr()
    assert main(["inspect", str(folder), "--json"]) == 0
    _check_rows(json.loads(capsys.readouterr().out), package)


def test_inspect_json_from_the_command_line_in_a_c_locale(hostile_dist: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The console script, with non-ASCII names in the index and a plain C locale (as in CI)."""
    for name in ("PYTHONIOENCODING", "PYTHONUTF8"):
        monkeypatch.delenv(name, raising=False)
    env = {"LC_ALL": "C", "LANG": "C"}
    proc = run_tool([str(VENV_BIN / "specloom"), "inspect", str(hostile_dist), "--json"], cwd=hostile_dist, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    _check_rows(json.loads(proc.stdout), hostile_dist / "hostile")


def test_inspect_of_a_folder_without_an_index_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["inspect", str(tmp_path), "--json"]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "operations.json" in err and "Traceback" not in err, err
