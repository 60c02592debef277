"""A generated call vs a raw httpx request, same loopback server, same run (goal: <= 1.15x).

The server runs in its own process (uvicorn), so its work does not compete
for the client's GIL. Both sides make the same GET and read the same JSON;
the generated client also builds its request from the operation, runs the
plugin hooks (tracing, retry decision, error mapping) and decodes the answer
into its model.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from tests.benchmarks._bench import Goal, median, report, server_process

GOAL = 1.15
ROUNDS, CALLS = 7, 300
BODY = ('{"nodes": [{"id": "7f9c2b1e-0000-4000-8000-000000000001", "name": "node-1", "clusterUuid": '
        '"7f9c2b1e-0000-4000-8000-000000000002", "status": "Ready", "gpuCount": 8, "labels": {"zone": "a"}}], "next": null}')
SERVER = f"""
import uvicorn
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

async def nodes(request):
    return Response({BODY!r}, media_type="application/json")

uvicorn.run(Starlette(routes=[Route("/api/v1/nodes", nodes)]), host="127.0.0.1", port=int(__import__("sys").argv[1]),
            log_level="warning", access_log=False)
"""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with server_process(SERVER) as url:
        yield url


def _per_call(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    for _ in range(CALLS):
        fn()
    return (time.perf_counter() - start) / CALLS


def _compare(title: str, generated: Callable[[], float], raw: Callable[[], float]) -> None:
    generated(), raw()  # warm up connections, imports and caches
    ours, anchor = [], []
    for _ in range(ROUNDS):  # alternate, so drift in machine load hits both sides alike
        ours.append(generated())
        anchor.append(raw())
    ratio = median(ours) / median(anchor)
    report(
        title,
        [f"per call, median of {ROUNDS} rounds of {CALLS}: generated {median(ours) * 1e6:.0f} us, raw httpx {median(anchor) * 1e6:.0f} us",
         f"ratio {ratio:.3f}"],
        [Goal(f"a generated call costs <= {GOAL}x a raw httpx request ({ratio:.3f}x)", ratio <= GOAL)],
    )


@pytest.mark.benchmark
def test_sync_call_overhead(server: str, cp: object) -> None:
    client = cp.Client(base_url=server, bearer_token="bench")  # type: ignore[attr-defined]
    raw = httpx.Client(base_url=server, headers={"Authorization": "Bearer bench"})
    try:
        _compare(
            "call overhead: sync generated call vs httpx.Client",
            lambda: _per_call(lambda: client.infrastructure.nodes.get_nodes()),
            lambda: _per_call(lambda: raw.get("/api/v1/nodes").json()),
        )
    finally:
        client.close()
        raw.close()


@pytest.mark.benchmark
def test_async_call_overhead(server: str, cp: object) -> None:
    async def main() -> None:
        client = cp.AsyncClient(base_url=server, bearer_token="bench")  # type: ignore[attr-defined]
        raw = httpx.AsyncClient(base_url=server, headers={"Authorization": "Bearer bench"})

        async def generated_round() -> float:
            start = time.perf_counter()
            for _ in range(CALLS):
                await client.infrastructure.nodes.get_nodes()
            return (time.perf_counter() - start) / CALLS

        async def raw_round() -> float:
            start = time.perf_counter()
            for _ in range(CALLS):
                (await raw.get("/api/v1/nodes")).json()
            return (time.perf_counter() - start) / CALLS

        await generated_round(), await raw_round()
        ours, anchor = [], []
        for _ in range(ROUNDS):
            ours.append(await generated_round())
            anchor.append(await raw_round())
        await client.aclose()
        await raw.aclose()
        ratio = median(ours) / median(anchor)
        report(
            "call overhead: async generated call vs httpx.AsyncClient",
            [f"per call, median of {ROUNDS} rounds of {CALLS}: generated {median(ours) * 1e6:.0f} us, raw httpx {median(anchor) * 1e6:.0f} us",
             f"ratio {ratio:.3f}"],
            [Goal(f"an async generated call costs <= {GOAL}x a raw httpx.AsyncClient request ({ratio:.3f}x)", ratio <= GOAL)],
        )

    asyncio.run(main())


