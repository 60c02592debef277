"""GraphQL generation: specloom vs ariadne-codegen on the same schema and operations, same run.

Goal (issue 12): specloom takes no longer than ariadne-codegen, on the reference family's
release 1.1 (its schema and operations) and on Linear's schema with a query per root field
(built as in tests/conformance/graphql_ops.py). Both are wall times of each tool's command
in its own process, alternating, median of the rounds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from specloom.diagnostics import Diagnostics
from specloom.graphql.reader import load_schema

from tests.benchmarks._bench import ChildRun, Goal, alternate, pinned_venv, report, run_child
from tests.conformance.graphql_ops import scalar_queries
from tests.support import REPO, SHARED_SPECS

ARIADNE_VERSION = "0.19.0"
#: ariadne-codegen pins its own pydantic, httpx...: it lives in a venv of its own, reused across runs.
ARIADNE_VENV = REPO / ".venv" / "bench-ariadne"
SPECLOOM = str(REPO / ".venv" / "bin" / "specloom")
GOAL = 1.0
ROUNDS = 3


def _inputs(root: Path, name: str, schema: Path, operations: str) -> Path:
    """A folder both tools read: the schema, operations/*.graphql for specloom, queries.graphql and the
    pyproject.toml ariadne-codegen reads its settings from."""
    folder = root / name
    (folder / "operations").mkdir(parents=True)
    shutil.copyfile(schema, folder / schema.name)
    (folder / "operations" / "queries.graphql").write_text(operations)
    (folder / "queries.graphql").write_text(operations)
    (folder / "pyproject.toml").write_text(f'[tool.ariadne-codegen]\nschema_path = "{schema.name}"\n'
                                           f'queries_path = "queries.graphql"\ntarget_package_name = "{name}_client"\n')
    return folder


@pytest.mark.benchmark
@pytest.mark.parametrize("case", ["gpucloud-1.1", "linear"])
def test_generation_is_no_slower_than_ariadne_codegen(case: str, tmp_path: Path) -> None:
    if case == "linear":
        schema = SHARED_SPECS / "graphql" / "linear" / "schema.graphql"
        if not schema.is_file():
            pytest.skip(f"{schema} is not there (../shared/specs is not checked out beside the repo)")
        operations = scalar_queries(load_schema(schema, Diagnostics()))
    else:
        schema = REPO / "specs" / "gpucloud" / "1.1" / "schema.graphql"
        operations = "\n".join(p.read_text() for p in sorted((schema.parent / "operations").glob("*.graphql")))
    folder = _inputs(tmp_path, case.replace("-", "_").replace(".", "_"), schema, operations)
    # By its module, not its console script: a script's first line names the path the venv was made at.
    ariadne = [str(pinned_venv(ARIADNE_VENV, "ariadne-codegen", ARIADNE_VERSION) / "bin" / "python"), "-m", "ariadne_codegen"]

    def ours(tag: str) -> ChildRun:
        out = tmp_path / f"specloom-{tag}"
        return run_child([SPECLOOM, "generate", "--spec", str(folder / schema.name), "--out", str(out),
                          "--name", f"{folder.name}_client"])

    def anchor(tag: str) -> ChildRun:
        shutil.rmtree(folder / f"{folder.name}_client", ignore_errors=True)
        return run_child(ariadne, cwd=folder)

    paired = alternate(ours, anchor, ROUNDS)
    for run in (*paired.ours, *paired.anchor):
        assert run.returncode == 0, run.stderr[-2000:]
    ratio = paired.ratio
    report(
        f"GraphQL generation: {case}, specloom vs ariadne-codegen {ARIADNE_VERSION}",
        [f"wall, median of {ROUNDS}: specloom {paired.ours_wall:.2f} s, ariadne-codegen {paired.anchor_wall:.2f} s",
         f"ratio {ratio:.2f}"],
        [Goal(f"specloom takes no longer than ariadne-codegen ({ratio:.2f}x)", ratio <= GOAL)],
    )
