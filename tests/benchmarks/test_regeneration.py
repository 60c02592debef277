"""Regeneration: a no-op ``specloom generate`` of the repo's families, and all seven Run:ai releases from scratch.

Goals (issue 13): a no-op generate of every family in the repo takes at most 0.3 s (it
hashes the inputs and the written files, and reads no spec); generating the seven Run:ai
releases as one family from nothing takes at most 5 s. Both are wall times of the
``specloom`` command in its own process, median of a few runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.benchmarks._bench import Goal, median, report, run_child
from tests.support import REPO, RUNAI_RELEASES, runai_spec

SPECLOOM = str(REPO / ".venv" / "bin" / "specloom")
NO_OP_GOAL = 0.3
RUNAI_GOAL = 5.0
ROUNDS = 3


@pytest.mark.benchmark
def test_a_no_op_generate_of_the_repo_only_hashes(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "specs", root / "specs")
    shutil.copytree(REPO / "generated", root / "generated")
    first = run_child([SPECLOOM, "generate", "--root", str(root)])  # brings the copy's manifests up to date
    assert first.returncode == 0, first.stderr

    runs = [run_child([SPECLOOM, "generate", "--root", str(root)]) for _ in range(ROUNDS)]

    assert all(run.returncode == 0 and "0 files written" in run.stdout for run in runs)
    assert all("unchanged ->" in run.stdout for run in runs), runs[0].stdout
    wall = median([run.wall for run in runs])
    report("regeneration: no-op specloom generate of every family in the repo",
           [f"wall, median of {ROUNDS}: {wall:.3f} s"],
           [Goal(f"at most {NO_OP_GOAL} s ({wall:.3f} s)", wall <= NO_OP_GOAL)])


@pytest.mark.benchmark
def test_seven_run_ai_releases_as_one_family_from_scratch(tmp_path: Path) -> None:
    family = tmp_path / "repo" / "specs" / "runai"
    lines = ['[family]\ndistribution = "runai-client"\npackage = "runai"\n']
    for release in RUNAI_RELEASES:
        (family / release).mkdir(parents=True)
        shutil.copyfile(runai_spec(release), family / release / "openapi.json")
        lines.append(f'\n[[release]]\nversion = "{release}"\nspec = "{release}/openapi.json"\n')
    (family / "family.toml").write_text("".join(lines))

    walls = []
    for _ in range(ROUNDS):
        shutil.rmtree(tmp_path / "repo" / "generated", ignore_errors=True)
        run = run_child([SPECLOOM, "generate", "--root", str(tmp_path / "repo")])
        assert run.returncode == 0 and f"{len(RUNAI_RELEASES)} packages" in run.stdout, run.stderr
        walls.append(run.wall)
    wall = median(walls)
    report(f"regeneration: {len(RUNAI_RELEASES)} Run:ai releases as one family, from scratch",
           [f"wall, median of {ROUNDS}: {wall:.2f} s"],
           [Goal(f"at most {RUNAI_GOAL} s ({wall:.2f} s)", wall <= RUNAI_GOAL)])
