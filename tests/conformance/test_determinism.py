"""Acceptance 4: same input, same bytes; a second run writes nothing; ``specloom check`` finds stale output."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from specloom.cli import main

from tests.conformance.checks import VENV_BIN, run_tool, tree
from tests.conformance.conftest import RUNAI_ARGS, RunaiPackages
from tests.support import HOSTILE_SPEC, REPO, runai_spec

_SUMMARY = re.compile(r"\((\d+) written, (\d+) unchanged, (\d+) removed, ")


def _cli_generate(spec: Path, out: Path, name: str, release: str, *extra: str, seed: str) -> None:
    """``specloom generate`` in its own interpreter, with a chosen hash seed (set and dict order must not leak)."""
    args = [str(VENV_BIN / "specloom"), "generate", "--spec", str(spec), "--out", str(out), "--name", name,
            "--release", release, *extra]  # fmt: skip
    proc = run_tool(args, cwd=out.parent, env={"PYTHONHASHSEED": seed})
    assert proc.returncode == 0, f"specloom generate failed:\n{proc.stderr}"


def _differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(p for p in a.keys() | b.keys() if a.get(p) != b.get(p))


@pytest.mark.parametrize("which", ["runai-2.24", "hostile"])
def test_same_spec_twice_gives_byte_identical_trees(which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    extra: tuple[str, ...] = ()
    if which == "hostile":
        spec, name, release = HOSTILE_SPEC, "hostile", "0.1"
        in_process: Path = request.getfixturevalue("hostile_dist")
    else:
        spec, name, release, extra = runai_spec("2.24"), "runai", "2.24", RUNAI_ARGS
        in_process = request.getfixturevalue("runai_224")  # generated alone, like the two runs here
    first, second = tmp_path / "first", tmp_path / "second"
    _cli_generate(spec, first, name, release, *extra, seed="0")
    _cli_generate(spec, second, name, release, *extra, seed="4242")
    a, b = tree(first), tree(second)
    assert any(p.endswith(".py") for p in a), "nothing was generated"
    assert _differences(a, b) == [], "files that differ between two runs (PYTHONHASHSEED 0 and 4242)"
    assert _differences(a, tree(in_process)) == [], "files that differ from the in-process run of the session"


def test_generating_again_into_the_same_folder_writes_nothing(
    runai: RunaiPackages, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "runai-2.24"
    shutil.copytree(runai.dist("2.24"), out, ignore=shutil.ignore_patterns("__pycache__"))
    before = {p: (s.st_ino, s.st_mtime_ns, s.st_size) for p in out.rglob("*") if (s := p.stat())}
    capsys.readouterr()
    assert main(["generate", "--spec", str(runai_spec("2.24")), "--out", str(out), "--name", "runai",
                 "--release", "2.24", *RUNAI_ARGS, "--names-from", str(runai.dist("2.23"))]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    after = {p: (s.st_ino, s.st_mtime_ns, s.st_size) for p in out.rglob("*") if (s := p.stat())}
    touched = sorted(str(p.relative_to(out)) for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    assert touched == [], "files created, removed or rewritten by the second run"
    found = _SUMMARY.search(printed)
    assert found, f"no summary in the output:\n{printed}"
    written, unchanged, removed = (int(g) for g in found.groups())
    files = sum(1 for p in out.rglob("*") if p.is_file())
    assert (written, unchanged, removed) == (0, files, 0), printed
    assert "0 files written" in printed, printed


def _copy_repo(root: Path) -> Path:
    for part in ("specs", "generated"):
        shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _edit_a_description(spec: Path) -> str:
    """Append a marker to the first plain one-line description of a tag; returns the marker."""
    marker = "Edited by the conformance suite."
    lines = spec.read_text(encoding="utf-8").splitlines(keepends=True)
    in_tags = False
    for i, line in enumerate(lines):
        if not line.startswith((" ", "\t", "#")) and line.strip():
            in_tags = line.startswith("tags:")
        match = re.match(r"^(\s+description:\s+)([A-Za-z][^#'\"\n]*?)\s*$", line)
        if in_tags and match:
            lines[i] = f"{match.group(1)}{match.group(2)} {marker}\n"
            spec.write_text("".join(lines), encoding="utf-8")
            return marker
    pytest.fail(f"{spec} has no plain one-line tag description to edit; the test needs another way to edit it")


def test_check_passes_on_a_fresh_copy_and_lists_files_an_edited_spec_makes_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy_repo(tmp_path / "repo")
    capsys.readouterr()
    assert main(["check", "--root", str(root)]) == 0, capsys.readouterr().out
    capsys.readouterr()

    specs = sorted((root / "specs").glob("*/*/openapi.*"))
    assert specs, "no spec under the copied specs/"
    edited = specs[-1]
    family, release = edited.parent.parent.name, edited.parent.name
    marker = _edit_a_description(edited)
    snapshot = tree(root / "generated")

    assert main(["check", "--root", str(root)]) == 1
    captured = capsys.readouterr()
    stale = {Path(m).resolve() for m in re.findall(r"^stale: (.+)$", captured.out, flags=re.MULTILINE)}
    assert stale, f"check exited 1 but listed no stale file:\n{captured.out}"
    assert "specloom generate" in captured.err, "check does not say what to do"
    target = (root / "generated" / f"{family}-{release}").resolve()
    assert all(p.is_relative_to(target) for p in stale), f"files outside {target} reported stale: {sorted(stale)}"

    # The files check named are exactly the ones generate then rewrites, and the edit is in one of them.
    assert main(["generate", "--root", str(root)]) == 0
    capsys.readouterr()
    regenerated = tree(root / "generated")
    changed = {(root / "generated" / p).resolve() for p in _differences(snapshot, regenerated)}
    assert stale == changed
    assert any(marker.encode() in regenerated[str(p.relative_to((root / "generated").resolve()))] for p in changed)

    assert main(["check", "--root", str(root)]) == 0, capsys.readouterr().out


def test_the_committed_generated_folder_is_fresh() -> None:
    proc = run_tool([str(VENV_BIN / "specloom"), "check"], cwd=REPO)
    assert proc.returncode == 0, f"generated/ is stale; run ./dev generate:\n{proc.stdout}\n{proc.stderr}"
    assert "up to date" in proc.stdout and "stale:" not in proc.stdout, proc.stdout
