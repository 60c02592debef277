"""Real servers for client tests: the test control plane (tokens, faults, idempotency, counters).

Usage::

    from tests.servers import CLIENT_ID, CLIENT_SECRET, ControlPlaneServer, Fault

    with ControlPlaneServer(token_lifetime=2) as cp:          # or the `controlplane` fixture
        cp.inject(Fault.unavailable(retry_after=1), method="POST", path="/api/v1/workloads", times=2)
        cp.inject(Fault.server_error(after_execute=True), path="/api/v1/workloads")
        ...                                                   # drive a client at cp.base_url
        assert cp.token_request_count() == 1
        assert cp.execution_count("POST", "/api/v1/workloads") == 1
        assert cp.duplicate_executions() == {}
        waits = [b.received_at - a.answered_at for a, b in zip(cp.requests, cp.requests[1:])]

Modules: :mod:`~tests.servers.controlplane` (the server and its Python API),
:mod:`~tests.servers.controlplane_api` (the spec's operations in memory),
:mod:`~tests.servers.faults` (:class:`Fault`), :mod:`~tests.servers.tokens` (HS256 JWTs),
:mod:`~tests.servers.fixtures` (``controlplane``, ``controlplane_module``,
``controlplane_factory``; load with ``pytest_plugins = ["tests.servers.fixtures"]`` in the
root conftest, or import them into a test module).

The GraphQL test server of the reference family ``specs/gpucloud`` is
:mod:`~tests.servers.gpucloud` (``GpuCloudServer``), on :mod:`~tests.servers.gpucloud_spec`
(the family's files), :mod:`~tests.servers.gpucloud_schema` (resolvers and scalars) and
:mod:`~tests.servers.gpucloud_data` (its state); it shares :mod:`~tests.servers.faults` and
:mod:`~tests.servers.connection_drop` with the control plane.
"""

from tests.servers.controlplane import OPERATIONS, ControlPlaneServer, Exchange, Execution
from tests.servers.controlplane_api import (
    APP_ID,
    APP_SECRET,
    CLIENT_ID,
    CLIENT_SECRET,
    CLUSTER_ID,
    OTHER_CLUSTER_ID,
    SUSPENDED_WORKLOAD_ID,
    WORKLOAD_ID,
)
from tests.servers.faults import Fault, FaultRule
from tests.servers.tokens import IssuedToken, TokenError

__all__ = [
    "APP_ID",
    "APP_SECRET",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "CLUSTER_ID",
    "OPERATIONS",
    "OTHER_CLUSTER_ID",
    "SUSPENDED_WORKLOAD_ID",
    "WORKLOAD_ID",
    "ControlPlaneServer",
    "Exchange",
    "Execution",
    "Fault",
    "FaultRule",
    "IssuedToken",
    "TokenError",
]
