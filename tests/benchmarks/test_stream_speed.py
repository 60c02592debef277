"""Streams through the generated client vs reading the same stream directly, same run (goal: >= 0.9x the rate).

The server (its own process) answers the reference family's two stream operations with
the same fixed bytes every time: 20,000 server-sent events of a ``LogLine`` then
``[DONE]``, and 20,000 NDJSON lines of an ``Event``. The anchors read them with httpx:
httpx-sse's ``EventSource`` plus ``json.loads`` of each event's data (what a caller
needs to get at the value), and ``iter_lines`` plus ``json.loads``. The generated client
also wraps each item in its model and reads one field of it. What keeps that cheap: a field
read before on a model is set when the next item is read (a slot read, not a first read
through ``__getattr__``), and a stream's items are read by one function made per stream. JSON
is parsed by the standard library: orjson is faster but turns integers past 64 bits into
floats, which lossless decoding cannot accept.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator

import httpx
import httpx_sse
import pytest

from tests.benchmarks._bench import Goal, median, report, server_process

GOAL = 0.9
ROUNDS, ITEMS = 5, 20_000
WORKLOAD = "3d7c1d7e-96a4-4a3c-8d2f-0f4b8e2a6c11"
LOGS = f"/api/v1/workloads/{WORKLOAD}/logs/stream"
EVENTS = f"/api/v1/workloads/{WORKLOAD}/events/stream"
SERVER = f"""
import json, sys
import uvicorn
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

SSE = "".join(f"event: log\\nid: {{i}}\\ndata: " + json.dumps({{"line": f"epoch {{i}} loss 0.5", "pod": "p"}}) + "\\n\\n"
              for i in range({ITEMS})) + "data: [DONE]\\n\\n"
NDJSON = "".join(json.dumps({{"id": f"ev-{{i}}", "createdAt": "2024-05-01T10:00:01Z", "type": "Normal",
                              "reason": "Scheduled", "message": "assigned", "from": "scheduler", "count": 1}}) + "\\n"
                 for i in range({ITEMS}))

async def logs(request):
    return Response(SSE, media_type="text/event-stream")

async def events(request):
    return Response(NDJSON, media_type="application/x-ndjson")

uvicorn.run(Starlette(routes=[Route({LOGS!r}, logs), Route({EVENTS!r}, events)]), host="127.0.0.1",
            port=int(sys.argv[1]), log_level="warning", access_log=False)
"""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with server_process(SERVER) as url:
        yield url


def _rate(read: Callable[[], int]) -> float:
    """Items per second of one full read of a stream (``read`` returns how many it got)."""
    start = time.perf_counter()
    count = read()
    elapsed = time.perf_counter() - start
    assert count == ITEMS, f"read {count} items, expected {ITEMS}"
    return count / elapsed


def _compare(title: str, generated: Callable[[], int], anchor: Callable[[], int], anchor_name: str) -> None:
    _rate(generated), _rate(anchor)  # warm up connections, imports and caches
    ours, theirs = [], []
    for _ in range(ROUNDS):  # alternate, so drift in machine load hits both sides alike
        ours.append(_rate(generated))
        theirs.append(_rate(anchor))
    ratio = median(ours) / median(theirs)
    report(
        title,
        [(f"items per second, median of {ROUNDS} reads of {ITEMS}: generated {median(ours):,.0f}, "
         f"{anchor_name} {median(theirs):,.0f}"), f"ratio {ratio:.3f}"],
        [Goal(f"the generated client reads >= {GOAL}x the rate of {anchor_name} ({ratio:.3f}x)", ratio >= GOAL)],
    )


@pytest.mark.benchmark
def test_sse_rate_vs_httpx_sse(server: str, cp: object) -> None:
    client = cp.Client(base_url=server, bearer_token="bench")  # type: ignore[attr-defined]
    raw = httpx.Client(base_url=server, headers={"Authorization": "Bearer bench"})

    def generated() -> int:
        with client.workloads.workloads.follow_workload_logs(workload_id=WORKLOAD) as events:
            return sum(1 for event in events if event.data.line)

    def direct() -> int:
        count = 0
        with raw.stream("GET", LOGS) as response:
            for sse in httpx_sse.EventSource(response).iter_sse():
                if sse.data == "[DONE]":
                    break
                count += 1 if json.loads(sse.data)["line"] else 0
        return count

    try:
        _compare("streams: SSE events through the generated client vs httpx-sse", generated, direct,
                 "httpx-sse + json.loads")
    finally:
        client.close()
        raw.close()


@pytest.mark.benchmark
def test_ndjson_rate_vs_iter_lines(server: str, cp: object) -> None:
    client = cp.Client(base_url=server, bearer_token="bench")  # type: ignore[attr-defined]
    raw = httpx.Client(base_url=server, headers={"Authorization": "Bearer bench"})

    def generated() -> int:
        with client.workloads.events.stream_workload_events(workload_id=WORKLOAD) as lines:
            return sum(1 for item in lines if item.reason)

    def direct() -> int:
        with raw.stream("GET", EVENTS) as response:
            return sum(1 for line in response.iter_lines() if line and json.loads(line)["reason"])

    try:
        _compare("streams: NDJSON lines through the generated client vs iter_lines", generated, direct,
                 "iter_lines + json.loads")
    finally:
        client.close()
        raw.close()
