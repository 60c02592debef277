"""Runtime behaviour suite: one set of tests run over the sync, threaded and async clients.

Every test drives the generated controlplane 2.24 client against the real test control
plane (:mod:`tests.servers`) through :class:`tests.runtime.conftest.Harness`, so each
test body is written once and runs for ``kind`` in ``("sync", "threaded", "async-aiohttp", "async-httpx")``
(the async client over each of its transports).
"""
