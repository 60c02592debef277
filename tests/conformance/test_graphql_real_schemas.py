"""Real GraphQL schemas (Linear's SDL, Railway's introspection) with a query per root field (issue 12, item 6).

The operations are built from each schema by the test (:mod:`tests.conformance.graphql_ops`);
they validate, generate, import, and the package passes ruff and mypy --strict.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from specloom.cli import main

from tests.conformance.checks import VENV_BIN, mypy_strict, run_tool
from tests.conformance.graphql_ops import load_schema, scalar_queries
from tests.support import REPO, SHARED_SPECS, run_python

SCHEMAS = {"linear": "linear/schema.graphql", "railway": "railway/schema.json"}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_a_real_schema_with_a_query_per_root_field_generates_a_typed_package(name: str, tmp_path: Path) -> None:
    source = SHARED_SPECS / "graphql" / SCHEMAS[name]
    if not source.is_file():
        pytest.skip(f"{source} is not there (../shared/specs is not checked out beside the repo)")
    release = tmp_path / "release"
    (release / "operations").mkdir(parents=True)
    schema_file = release / source.name
    shutil.copyfile(source, schema_file)
    queries = scalar_queries(load_schema(schema_file))
    (release / "operations" / "queries.graphql").write_text(queries)
    package = f"{name}_client"
    out = tmp_path / "out"

    assert main(["generate", "--spec", str(schema_file), "--out", str(out), "--name", package]) == 0

    count = queries.count("\nquery ") + 1
    assert count > 100
    listed = run_python(f"import {package}, json; c = {package}.Client(base_url='http://127.0.0.1:9'); "
                        "print(len(c.queries.options())); c.close()", path=out)
    assert int(listed.strip().splitlines()[-1]) == count
    linted = run_tool([str(VENV_BIN / "ruff"), "check", "--config", str(REPO / "pyproject.toml"), "."], cwd=out)
    assert linted.returncode == 0, linted.stdout[-3000:]
    checked = mypy_strict(out, package, tmp_path / "mypy")
    assert checked.returncode == 0, checked.stdout[-3000:]
