"""Real GraphQL schemas (Linear's SDL, Railway's introspection) with a query per root field (issue 12, item 6).

The operations are built from each schema by the test (:mod:`tests.conformance.graphql_ops`);
they validate, generate, import, the package passes ruff and mypy --strict, and every
operation, sent to graphql-js with @graphql-tools/mock serving the same schema, comes back
as an answer the package decodes with nothing kept as received.
"""

from __future__ import annotations

import importlib
import shutil
import sys
from pathlib import Path

import pytest
from specloom.cli import main
from specloom.diagnostics import Diagnostics
from specloom.graphql.reader import load_graphql_api, load_schema
from specloom_runtime import decode_issues

from tests.conformance.checks import VENV_BIN, mypy_strict, run_tool
from tests.conformance.graphql_mock import GRAPHQL_MOCK, GraphQLMockServer
from tests.conformance.graphql_ops import sample_variables, scalar_queries
from tests.support import REPO, SHARED_SPECS, method_of, run_python

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
    queries = scalar_queries(load_schema(schema_file, Diagnostics()))
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
    _every_operation_decodes_from_the_mock(schema_file, out, package)


def _every_operation_decodes_from_the_mock(schema_file: Path, out: Path, package: str) -> None:
    reason = GRAPHQL_MOCK.unavailable()
    if reason is not None:
        pytest.skip(f"generated and type-checked; not sent: {reason}")
    api = load_graphql_api(schema_file, Diagnostics())[0]
    schema = load_schema(schema_file, Diagnostics())
    sys.path.insert(0, str(out))
    try:
        module = importlib.import_module(package)
        with GraphQLMockServer(schema_file) as server, \
                module.Client(base_url=server.base_url, bearer_token="mock-token-0123", strict_responses=True) as client:
            for op in api.operations:
                assert op.graphql is not None
                names = {p.wire_name: p.python_name for p in op.parameters}
                variables = sample_variables(schema, op.graphql.document)
                answer = method_of(client, op.python_name)(**{names[k]: v for k, v in variables.items()})
                assert decode_issues(answer) == [], f"{op.operation_id}: {decode_issues(answer)}"
    finally:
        sys.path.remove(str(out))
