"""Fixtures of the runtime behaviour suite: the client ``kind`` and the :class:`Harness` ``h``.

The control-plane fixtures are imported from :mod:`tests.servers.fixtures` rather than
listed in ``pytest_plugins``: pytest refuses ``pytest_plugins`` in a conftest below the
rootdir's first level when the whole ``tests`` tree is collected.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.runtime.forms_package import fh, forms_api, forms_package  # noqa: F401 - fixtures (issue 11)
from tests.runtime.harness import KINDS, Harness, is_http2
from tests.servers import ControlPlaneServer
from tests.servers.fixtures import controlplane_h2_module, controlplane_module  # noqa: F401 - fixtures

GENERATED = Path(__file__).resolve().parents[2] / "generated" / "controlplane-2.24"
if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    """``sync`` (Client), ``threaded`` (ThreadedClient.run_concurrently) or ``async-<transport>`` (AsyncClient
    over each transport it can be built on); ``<kind>-h2``: that kind over HTTP/2."""
    return str(request.param)


@pytest.fixture
def server(request: pytest.FixtureRequest) -> ControlPlaneServer:
    """The module's control plane, reset for the test: seed data, no faults, tokens, counters or log.

    One server per module (stopping uvicorn costs ~0.2 s); ``reset()`` also restores the
    constructor's options, so a test may change ``token_lifetime`` freely. The HTTP/2 kinds get
    the one served over HTTP/2 (looked up only then, so other modules start no hypercorn).
    """
    over_http2 = "kind" in request.fixturenames and is_http2(request.getfixturevalue("kind"))
    served: ControlPlaneServer = request.getfixturevalue("controlplane_h2_module" if over_http2 else "controlplane_module")
    served.reset()
    return served


@pytest.fixture
def h(kind: str, server: ControlPlaneServer) -> Iterator[Harness]:
    """The harness for ``kind`` against ``server``; afterwards: clients closed, and no write executed twice."""
    harness = Harness(kind, server)
    try:
        yield harness
    finally:
        harness.close()
    assert server.duplicate_executions() == {}, "a non-idempotent write was executed more than once"
