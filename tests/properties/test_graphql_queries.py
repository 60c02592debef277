"""Property: any query hypothesis-graphql draws against the reference schema generates, and decodes what
graphql-js with @graphql-tools/mock answers it (issue 12).

Each drawn query (fragments on interfaces and unions, aliases, inline arguments of every
kind, strings full of control characters) becomes the only operation of a release of
``gpucloud`` 1.1; the package is generated, imported, and its one method called against
the mock engine in strict mode: the answer must decode with nothing kept as received.
"""

from __future__ import annotations

import importlib
import itertools
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import hypothesis_graphql
import pytest
from hypothesis import HealthCheck, given, settings
from specloom.cli import main
from specloom_runtime import decode_issues

from tests.conformance.graphql_mock import GRAPHQL_MOCK, GraphQLMockServer
from tests.support import REPO

SCHEMA = REPO / "specs" / "gpucloud" / "1.1" / "schema.graphql"
_NUMBERS = itertools.count()


@pytest.fixture(scope="module")
def mock() -> Iterator[GraphQLMockServer]:
    reason = GRAPHQL_MOCK.unavailable()
    if reason is not None:
        pytest.skip(reason)
    with GraphQLMockServer(SCHEMA) as server:
        yield server


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("drawn")


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(query=hypothesis_graphql.queries(SCHEMA.read_text()))
def test_a_drawn_query_generates_and_decodes_the_mock_engines_answer(query: str, mock: GraphQLMockServer,
                                                                     scratch: Path) -> None:
    number = next(_NUMBERS)
    release = scratch / f"release-{number}"
    (release / "operations").mkdir(parents=True)
    shutil.copyfile(SCHEMA, release / "schema.graphql")
    # hypothesis-graphql draws the shorthand form; a generated method needs its operation named.
    named = f"query Drawn {query}" if query.lstrip().startswith("{") else query
    (release / "operations" / "drawn.graphql").write_text(named)
    package, out = f"drawn_{number}", scratch / f"out-{number}"

    assert main(["generate", "--spec", str(release / "schema.graphql"), "--out", str(out), "--name", package]) == 0

    sys.path.insert(0, str(out))
    try:
        module = importlib.import_module(package)
        with module.Client(base_url=mock.base_url, bearer_token="mock-token-0123", strict_responses=True) as client:
            answer = client.drawn.drawn()
        assert decode_issues(answer) == []
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == package or m.startswith(f"{package}.")]:
            del sys.modules[name]
