"""Pytest fixtures for the test control plane.

Load them in a conftest or test module with ``pytest_plugins = ["tests.servers.fixtures"]``
(root conftest) or ``from tests.servers.fixtures import controlplane`` (any module).

- ``controlplane``: a fresh :class:`ControlPlaneServer` running on 127.0.0.1 for one test,
  stopped (uvicorn thread joined) afterwards. Options through indirect parametrization:
  ``@pytest.mark.parametrize("controlplane", [{"token_lifetime": 1}], indirect=True)``.
- ``controlplane_module``: one server for the whole module; call ``.reset()`` where a test
  needs a clean state.
- ``controlplane_h2_module``: like ``controlplane_module``, served over HTTP/2 (hypercorn over TLS,
  :class:`tests.servers.http2_controlplane.Http2ControlPlane`; clients trust its ``ca_file``).
- ``controlplane_factory``: ``start(**options)`` starts more servers, all stopped after the test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.servers.controlplane import ControlPlaneServer
from tests.servers.http2_controlplane import Http2ControlPlane


@pytest.fixture
def controlplane(request: pytest.FixtureRequest) -> Iterator[ControlPlaneServer]:
    """A running control plane for one test; ``request.param`` (a dict) gives constructor options."""
    options: dict[str, Any] = getattr(request, "param", None) or {}
    with ControlPlaneServer(**options) as server:
        yield server


@pytest.fixture(scope="module")
def controlplane_module() -> Iterator[ControlPlaneServer]:
    """One running control plane shared by the tests of a module (not reset between them)."""
    with ControlPlaneServer() as server:
        yield server


@pytest.fixture(scope="module")
def controlplane_h2_module(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Http2ControlPlane]:
    """One control plane served over HTTP/2 for the tests of a module (not reset between them)."""
    with Http2ControlPlane(tmp_path_factory.mktemp("controlplane-h2")) as server:
        yield server


@pytest.fixture
def controlplane_factory() -> Iterator[Callable[..., ControlPlaneServer]]:
    """``start(**options) -> ControlPlaneServer``; every server started is stopped after the test."""
    started: list[ControlPlaneServer] = []

    def start(**options: Any) -> ControlPlaneServer:
        server = ControlPlaneServer(**options).start()
        started.append(server)
        return server

    yield start
    for server in reversed(started):
        server.stop()
