"""Issue 11 acceptance: a 256 MB upload, multipart and octet-stream, reaches a loopback server intact
while the client's peak memory grows by less than 32 MB.

The server (uvicorn in this process) serves the reference family's two upload operations and
never holds a body: it hashes the octet-stream body as its chunks arrive, and reads a multipart
body with python-multipart part by part, hashing the file part. The client runs in a child
process of its own, so its memory is measured alone: after a small warm-up upload of the same
kind (every module loaded, the connection pool built), it reads its peak resident set size
(``VmHWM``, the kernel's high-water mark), sends the 256 MB, and reads the peak again. The
difference is the growth the upload caused, whatever its duration: a body read into memory
anywhere (httpx, the runtime, a copy per retry) would show as 256 MB or more.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.types import Receive, Scope, Send

from tests.integration.servers import LoopbackServer
from tests.servers.uploads import MultipartReader
from tests.support import REPO

pytestmark = pytest.mark.slow

SIZE = 256 * 1024 * 1024
LIMIT = 32 * 1024 * 1024
WORKLOAD_ID = "3d7c1d7e-96a4-4a3c-8d2f-0f4b8e2a6c11"


class HashingServer:
    """An ASGI app: PUT .../artifacts/{name} and POST .../artifacts, answered with what arrived (size, SHA-256)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        digest, size, reader = hashlib.sha256(), 0, None
        if scope["method"] == "POST":
            reader = MultipartReader(headers.get("content-type", ""), keep=4096)
        while True:
            message = await receive()
            chunk = message.get("body", b"")
            if reader is not None:
                reader.feed(chunk)
            else:
                digest.update(chunk)
                size += len(chunk)
            if not message.get("more_body"):
                break
        if reader is not None:
            reader.finish()
            file = reader.part("file")
            answer = {"name": file.filename, "size": file.size, "sha256": file.sha256,
                      "contentType": file.content_type, "tags": [p.text for p in reader.parts if p.name == "tags"]}
        else:
            answer = {"name": scope["path"].rsplit("/", 1)[-1], "size": size, "sha256": digest.hexdigest()}
        body = json.dumps(answer).encode()
        await send({"type": "http.response.start", "status": 201 if reader is not None else 200,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


# The client's side, run in a child process: python -c CHILD KIND MEDIA SOURCE BASE_URL PATH
CHILD = textwrap.dedent('''
    import asyncio, gc, hashlib, json, sys
    from pathlib import Path

    kind, media, source, base_url, path = sys.argv[1:6]
    sys.path.insert(0, sys.argv[6])
    import controlplane_client
    from specloom_runtime import File

    WORKLOAD = "3d7c1d7e-96a4-4a3c-8d2f-0f4b8e2a6c11"
    SIZE = int(sys.argv[7])
    sent = hashlib.sha256()
    progress = []

    def peak_kb():
        status = Path("/proc/self/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))

    def generated(size):
        # Made as it is sent, hashed as it goes: the child never holds the body either.
        for i in range(size // 65536):
            chunk = bytes([i % 251]) * 65536
            sent.update(chunk)
            yield chunk

    async def agenerated(size):
        for chunk in generated(size):
            yield chunk

    def content(size):
        if source == "path":
            return Path(path) if size == SIZE else b"warm-up"
        if source == "bytes read whole":  # the control: what the measure shows for a body held in memory
            return Path(path).read_bytes() if size == SIZE else b"warm-up"
        if source == "async iterator":
            return agenerated(size)
        return generated(size)

    def call(client, size):
        body = File(content(size), progress=lambda n, total: progress.append(n) if size == SIZE else None)
        group = client.workloads.workloads
        if media == "multipart":
            return group.upload_workload_artifact(workload_id=WORKLOAD, body={"file": body, "tags": ["big"]})
        return group.put_workload_artifact(workload_id=WORKLOAD, artifact_name="big.bin", body=body)

    def run(client, size):
        if kind == "async":
            return asyncio.run(asyncio_call(size))
        if kind == "threaded":
            return client.run_concurrently([lambda: call(client, size)])[0]
        return call(client, size)

    async def asyncio_call(size):
        async with controlplane_client.AsyncClient(base_url, bearer_token="t0k3n-for-the-test", max_retries=0) as client:
            return await call(client, size)

    cls = {"sync": controlplane_client.Client, "threaded": controlplane_client.ThreadedClient}.get(kind)
    client = cls(base_url, bearer_token="t0k3n-for-the-test", max_retries=0) if cls else None
    run(client, 65536 * 2)  # warm-up: every module loaded, the pool built
    sent = hashlib.sha256()  # what the big upload alone gives
    gc.collect()
    before = peak_kb()
    artifact = run(client, SIZE)
    after = peak_kb()
    print(json.dumps({"before_kb": before, "after_kb": after, "size": artifact.size, "sha256": artifact.sha256,
                      "sent_sha256": sent.hexdigest() if source != "path" else None,
                      "progress_last": progress[-1], "progress_monotonic": progress == sorted(progress)}))
''')


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer(HashingServer()) as running:
        yield running


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """256 MB of random bytes on disk, and their SHA-256 (written in 1 MB pieces: the test holds it neither)."""
    path = tmp_path_factory.mktemp("upload") / "big.bin"
    digest = hashlib.sha256()
    with path.open("wb") as out:
        for _ in range(SIZE // (1 << 20)):
            piece = os.urandom(1 << 20)
            digest.update(piece)
            out.write(piece)
    return path, digest.hexdigest()


def upload_in_a_child(server: LoopbackServer, path: Path, kind: str, media: str, source: str) -> tuple[dict[str, Any], int]:
    """Run :data:`CHILD`: what it reported, and how many bytes its peak resident set grew by during the 256 MB upload."""
    generated = REPO / "generated" / "controlplane-2.24"
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, kind, media, source, server.base_url, str(path), str(generated), str(SIZE)],
        check=False, capture_output=True, text=True, timeout=600, cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result, (result["after_kb"] - result["before_kb"]) * 1024


CASES = [(kind, media, "path") for media in ("octet-stream", "multipart") for kind in ("sync", "threaded", "async")]
CASES += [("sync", "octet-stream", "iterator"), ("async", "multipart", "async iterator")]


@pytest.mark.parametrize(("kind", "media", "source"), CASES)
def test_a_256_mb_upload_arrives_intact_and_the_client_stays_under_32_mb(
    server: LoopbackServer, big_file: tuple[Path, str], kind: str, media: str, source: str
) -> None:
    path, expected = big_file
    result, growth = upload_in_a_child(server, path, kind, media, source)
    print(f"\n{kind} {media} from a {source}: 256 MB sent, peak RSS {result['before_kb'] / 1024:.1f} MB before, "
          f"{result['after_kb'] / 1024:.1f} MB after: grew {growth / 2**20:.1f} MB (limit {LIMIT / 2**20:.0f} MB)")

    assert result["size"] == SIZE
    assert result["sha256"] == (expected if "path" in source or "bytes" in source else result["sent_sha256"])
    assert result["progress_last"] == SIZE and result["progress_monotonic"]
    assert growth < LIMIT


def test_the_measure_sees_a_body_held_in_memory(server: LoopbackServer, big_file: tuple[Path, str]) -> None:
    """The control: the same child, given the 256 MB as bytes read whole, grows by at least that much."""
    path, expected = big_file
    result, growth = upload_in_a_child(server, path, "sync", "octet-stream", "bytes read whole")
    print(f"\ncontrol, 256 MB held as bytes: grew {growth / 2**20:.1f} MB")
    assert result["sha256"] == expected
    assert growth >= SIZE
