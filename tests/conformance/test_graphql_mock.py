"""Every generated GraphQL operation sent to an independent engine: graphql-js with @graphql-tools/mock (issue 12).

The reference family's two releases (their packages in generated/) are called method by
method, with a value for each required variable built from the schema, against a mock
server of their own release. graphql-js executes each document the package sends, and the
answer decodes into the package's models with nothing kept as received.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from specloom.diagnostics import Diagnostics
from specloom.graphql.reader import load_graphql_api, load_schema
from specloom_runtime import decode_issues

from tests.conformance.graphql_mock import GRAPHQL_MOCK, GraphQLMockServer
from tests.conformance.graphql_ops import sample_variables
from tests.support import REPO, method_of

RELEASES = ("1.0", "1.1")


@pytest.fixture(scope="module", params=RELEASES)
def release(request: pytest.FixtureRequest) -> Iterator[tuple[str, Any, GraphQLMockServer]]:
    reason = GRAPHQL_MOCK.unavailable()
    if reason is not None:
        pytest.skip(reason)
    version: str = request.param
    package_dir = REPO / "generated" / f"gpucloud-{version}"
    sys.path.insert(0, str(package_dir))
    try:
        package = importlib.import_module("gpucloud_client")
        with GraphQLMockServer(REPO / "specs" / "gpucloud" / version / "schema.graphql") as server:
            yield version, package, server
    finally:
        sys.path.remove(str(package_dir))
        for name in [m for m in sys.modules if m == "gpucloud_client" or m.startswith("gpucloud_client.")]:
            del sys.modules[name]


def test_every_operation_is_executed_by_graphql_js_and_its_answer_decodes(
        release: tuple[str, Any, GraphQLMockServer]) -> None:
    version, package, server = release
    spec = REPO / "specs" / "gpucloud" / version / "schema.graphql"
    api = load_graphql_api(spec, Diagnostics())[0]
    schema = load_schema(spec, Diagnostics())
    client = package.Client(base_url=server.base_url, bearer_token="mock-token-0123", strict_responses=True)
    called = []
    try:
        for op in api.operations:
            assert op.graphql is not None
            wire = sample_variables(schema, op.graphql.document)
            names = {p.wire_name: p.python_name for p in op.parameters}
            answer = method_of(client, op.python_name)(**{names[k]: v for k, v in wire.items()})
            assert decode_issues(answer) == [], f"{op.operation_id}: {decode_issues(answer)}"
            called.append(op.operation_id)
    finally:
        client.close()
    assert len(called) == len(api.operations) == {"1.0": 19, "1.1": 20}[version]
