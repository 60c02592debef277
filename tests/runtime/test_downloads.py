"""Downloads and streams asked for (issue 11, items 2, 3 and 8), through the generated client, in every kind.

``download_cli`` answers ``application/octet-stream`` (a ``ByteStream``, with Content-Length and a
Content-Disposition file name), ``download_audit_logs`` ``text/csv`` (a ``TextStream``), and
``get_workload_logs`` plain text: a ``str``, or a ``TextStream`` followed line by line with
``follow=True``. The test server sends its own body unless a test scripts the exact bytes, with
pauses, cuts and gates (``script_stream``).
"""

from __future__ import annotations

import datetime
import inspect
import itertools
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from specloom_runtime import (
    ApiConnectionError,
    ApiTimeoutError,
    AsyncByteStream,
    AsyncTextStream,
    SpecloomError,
    TextStream,
)

from tests.runtime.harness import FAST, Harness
from tests.runtime.test_streams import busy_connections
from tests.servers import ControlPlaneServer
from tests.servers.controlplane_api import WORKLOAD_ID, cli_binary

CLI = "/api/v1/cli/{os}/{arch}"
LOGS = "/api/v1/workloads/{workloadId}/logs"
BINARY = cli_binary("linux", "amd64")
HALF = len(BINARY) // 2


def download_cli(client: Any) -> Any:
    return client.infrastructure.cli.download_cli(os="linux", arch="amd64")


def follow_logs(client: Any) -> Any:
    return client.workloads.workloads.get_workload_logs(workload_id=WORKLOAD_ID, follow=True)


def with_stream(open_stream: Callable[[Any], Any], use: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A call that opens a stream and hands it to ``use`` (which may return a coroutine in the async client)."""

    def fn(client: Any) -> Any:
        opened = open_stream(client)
        if inspect.isawaitable(opened):

            async def then() -> Any:
                result = use(await opened)
                return await result if inspect.isawaitable(result) else result

            return then()
        return use(opened)

    return fn


def saving(path: Path, progress: Any = None) -> Callable[[Any], Any]:
    """``download_cli`` saved to ``path``: (the path saved to, or the error raised; the stream)."""

    def use(stream: Any) -> Any:
        try:
            saved = stream.save(path, progress=progress)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            return exc, stream
        if inspect.isawaitable(saved):

            async def awaited() -> Any:
                try:
                    return await saved, stream
                except BaseException as exc:  # noqa: BLE001 - handed back to the test
                    return exc, stream

            return awaited()
        return saved, stream

    return with_stream(download_cli, use)


def first_chunk_then_leave(stream: Any) -> Any:
    """Read one chunk and leave the ``with`` block: the chunk."""
    if isinstance(stream, AsyncByteStream):

        async def consume() -> bytes:
            async with stream:
                async for chunk in stream:
                    return bytes(chunk)
            raise AssertionError("no chunk came")

        return consume()
    with stream:
        for chunk in stream:
            return bytes(chunk)
    raise AssertionError("no chunk came")


def lines_of(stream: Any) -> Any:
    if isinstance(stream, AsyncTextStream):

        async def consume() -> list[str]:
            async with stream:
                return [line async for line in stream.iter_lines()]

        return consume()
    with stream:
        return list(stream.iter_lines())


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- binary downloads --------------------------------------------------------------------------


def test_a_complete_download_is_saved_byte_identical_with_progress_ending_at_the_total(
        h: Harness, server: ControlPlaneServer, tmp_path: Path) -> None:
    client = h.bearer_client()
    progress: list[tuple[int, int | None]] = []

    saved, stream = h.run(client, saving(tmp_path, lambda done, total: progress.append((done, total))))

    assert saved == tmp_path / "cp-linux-amd64"  # a folder: the server's file name
    assert saved.read_bytes() == BINARY
    assert files_in(tmp_path) == ["cp-linux-amd64"]  # no temporary file left
    assert progress[0] == (0, len(BINARY)) and progress[-1] == (len(BINARY), len(BINARY))
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(progress)) and {t for _, t in progress} == {len(BINARY)}
    assert stream.received == len(BINARY) == stream.total
    assert busy_connections(client) == 0


def test_a_download_cut_mid_way_leaves_no_file_and_is_not_retried(
        h: Harness, server: ControlPlaneServer, tmp_path: Path) -> None:
    server.api.script_stream(BINARY[:HALF], None)
    client = h.bearer_client(**FAST)

    error, _ = h.run(client, saving(tmp_path / "cli"))

    assert isinstance(error, ApiConnectionError), repr(error)
    assert files_in(tmp_path) == []
    assert len(server.requests_to("GET", CLI)) == 1
    assert busy_connections(client) == 0


def test_a_stalled_download_times_out_and_leaves_no_file(h: Harness, server: ControlPlaneServer, tmp_path: Path) -> None:
    server.api.script_stream(BINARY[:HALF], 5.0, BINARY[HALF:])
    client = h.bearer_client(timeout=httpx.Timeout(10, read=0.3))

    error, _ = h.run(client, saving(tmp_path / "cli"))

    assert isinstance(error, ApiTimeoutError), repr(error)
    assert files_in(tmp_path) == []
    assert busy_connections(client) == 0


def test_a_body_shorter_than_its_content_length_is_an_error_not_a_short_file(
        h: Harness, server: ControlPlaneServer, tmp_path: Path) -> None:
    server.api.script_stream(BINARY[:HALF])  # ends cleanly, half of what Content-Length announced
    client = h.bearer_client()

    error, _ = h.run(client, saving(tmp_path / "cli"))

    assert isinstance(error, SpecloomError), repr(error)
    assert files_in(tmp_path) == []
    assert busy_connections(client) == 0


class Stop(Exception):
    """What the progress callback raises."""


def test_an_exception_from_the_progress_callback_leaves_no_file(
        h: Harness, server: ControlPlaneServer, tmp_path: Path) -> None:
    server.api.script_stream(BINARY[:1000], BINARY[1000:])
    client = h.bearer_client()

    def progress(done: int, total: int | None) -> None:
        if done:
            raise Stop(f"stopped at {done}")

    error, _ = h.run(client, saving(tmp_path / "cli", progress))

    assert isinstance(error, Stop) and str(error).startswith("stopped at ")  # the caller's own exception, as raised
    assert files_in(tmp_path) == []
    assert busy_connections(client) == 0


def test_an_interrupt_during_a_save_leaves_no_file(h: Harness, server: ControlPlaneServer, tmp_path: Path) -> None:
    if h.kind == "async":
        pytest.skip("a KeyboardInterrupt raised inside a task stops asyncio's event loop itself, not just the save; "
                    "the async save leaves no file by the same _PartFile as the sync one (see the Stop case above)")
    server.api.script_stream(BINARY[:1000], BINARY[1000:])
    client = h.bearer_client()

    def interrupt(done: int, total: int | None) -> None:
        if done:
            raise KeyboardInterrupt

    error, _ = h.run(client, saving(tmp_path / "cli", interrupt))

    assert isinstance(error, KeyboardInterrupt)
    assert files_in(tmp_path) == []
    assert busy_connections(client) == 0


def test_a_file_already_there_is_replaced_only_by_a_complete_download(
        h: Harness, server: ControlPlaneServer, tmp_path: Path) -> None:
    target = tmp_path / "cli"
    target.write_bytes(b"the previous version")
    server.api.script_stream(BINARY[:HALF], None)
    client = h.bearer_client(max_retries=0)

    error, _ = h.run(client, saving(target))
    assert isinstance(error, ApiConnectionError)
    assert target.read_bytes() == b"the previous version" and files_in(tmp_path) == ["cli"]

    saved, _ = h.run(client, saving(target))
    assert saved == target and target.read_bytes() == BINARY and files_in(tmp_path) == ["cli"]


def test_a_download_says_what_it_holds_and_reads_whole(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()

    def describe(stream: Any) -> Any:
        facts = (type(stream).__name__, stream.content_type, stream.content_length, stream.filename,
                 stream.headers["content-disposition"], stream.request_id)
        body = stream.read()
        if inspect.isawaitable(body):

            async def awaited() -> Any:
                return facts, await body

            return awaited()
        return facts, body

    facts, body = h.run(client, with_stream(download_cli, describe))

    request_id = server.requests_to("GET", CLI)[0].request_id
    expected_class = "AsyncByteStream" if h.kind == "async" else "ByteStream"
    assert facts == (expected_class, "application/octet-stream", len(BINARY), "cp-linux-amd64",
                     'attachment; filename="cp-linux-amd64"', request_id)
    assert body == BINARY
    assert busy_connections(client) == 0


def test_leaving_a_download_early_gives_its_connection_back(h: Harness, server: ControlPlaneServer) -> None:
    # One connection and a short pool timeout: a download that kept it would fail the next call.
    client = h.bearer_client(max_connections=1, timeout=httpx.Timeout(10, pool=2))

    firsts = [h.run(client, with_stream(download_cli, first_chunk_then_leave)) for _ in range(20)]

    assert all(BINARY.startswith(first) and first for first in firsts)
    assert len(server.requests_to("GET", CLI)) == 20
    assert busy_connections(client) == 0


# -- text downloads and streams asked for ------------------------------------------------------


def test_a_csv_download_streams_its_lines(h: Harness, server: ControlPlaneServer) -> None:
    since = datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
    client = h.bearer_client()

    rows = h.run(client, with_stream(
        lambda c: c.audit.audit_logs.download_audit_logs(from_=since, to=since + datetime.timedelta(days=1)), lines_of))

    assert rows[0] == "timestamp,user,action,entityType,entityId" and len(rows) > 1
    assert busy_connections(client) == 0


def test_follow_true_streams_lines_as_they_come(h: Harness, server: ControlPlaneServer) -> None:
    # The server holds the rest of the body until the test has read the first line: a client that
    # buffered the answer would only see the first line after the gate gave up (10 s), with its note.
    gate = threading.Event()
    server.api.script_stream(b"epoch 1 loss 0.5\n", gate, b"epoch 2 loss 0.3\r\nepoch 3 loss 0.2")
    client = h.bearer_client()

    def read(stream: Any) -> Any:
        if isinstance(stream, AsyncTextStream):

            async def consume() -> Any:
                async with stream:
                    lines = stream.iter_lines()
                    first = await anext(lines)
                    gate.set()
                    return type(stream), [first, *[line async for line in lines]]

            return consume()
        with stream:
            lines = stream.iter_lines()
            first = next(lines)
            gate.set()
            return type(stream), [first, *lines]

    kind, lines = h.run(client, with_stream(follow_logs, read))

    assert kind is (AsyncTextStream if h.kind == "async" else TextStream)
    assert lines == ["epoch 1 loss 0.5", "epoch 2 loss 0.3", "epoch 3 loss 0.2"]
    assert ("follow", "true") in server.requests_to("GET", LOGS)[0].request.query_pairs()
    assert busy_connections(client) == 0


def test_without_follow_the_logs_come_back_as_text(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()

    logs, also = h.run_all(client, [
        lambda c: c.workloads.workloads.get_workload_logs(workload_id=WORKLOAD_ID),
        lambda c: c.workloads.workloads.get_workload_logs(workload_id=WORKLOAD_ID, follow=False),
    ])

    assert isinstance(logs, str) and logs.splitlines()[0].startswith("epoch 1 loss") and len(logs.splitlines()) == 5
    assert also == logs
    assert busy_connections(client) == 0


def test_a_followed_log_cut_mid_way_raises_after_the_lines_that_came(h: Harness, server: ControlPlaneServer) -> None:
    server.api.script_stream(b"epoch 1 loss 0.5\n", b"epoch 2 lo", None)
    client = h.bearer_client(**FAST)
    lines: list[str] = []

    def read(stream: Any) -> Any:
        if isinstance(stream, AsyncTextStream):

            async def consume() -> Any:
                try:
                    async for line in stream.iter_lines():
                        lines.append(line)
                except SpecloomError as exc:
                    return [exc]
                return []

            return consume()
        try:
            lines.extend(stream.iter_lines())
        except SpecloomError as exc:
            return [exc]  # in a list: run_concurrently raises an exception handed back as a result
        return []

    (error,) = h.run(client, with_stream(follow_logs, read))

    assert lines == ["epoch 1 loss 0.5"] and isinstance(error, ApiConnectionError)
    assert len(server.requests_to("GET", LOGS)) == 1
    assert busy_connections(client) == 0

