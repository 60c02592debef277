"""Issue 11, presigned uploads, in every kind of client: create a file on the API, PUT its bytes to the URL the
answer carries, on another origin that must get nothing of the client's.

The package is generated from tests/runtime/specs/forms.yaml, whose ``PUT /<upload_url>`` is served from
``https://`` (no host: the URL comes at call time, as DigitalOcean's batch-file upload says), so the
generator makes it ``upload_file(upload_url=..., body=...)``; every client also has ``upload_presigned``.
The storage host is a second loopback server that records each request and echoes its headers.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from specloom_runtime import (
    File,
    PermissionDeniedError,
    RedirectError,
    RequestEncodingError,
    RequestOptions,
    RequestValidationError,
    ServerError,
    hookimpl,
)
from starlette.responses import JSONResponse, Response

from tests.integration.servers import LoopbackServer, RecordedRequest, RecordingApp, serve
from tests.runtime.forms_package import Api
from tests.runtime.harness import FAST, PackageHarness

CONTENT = b'{"custom_id": "1", "body": {"messages": []}}\n' * 4000
SIGNATURE = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=5f2c1e9a7b3d4c6e8f0a1b2c3d4e5f60"
TOKEN = "api-bearer-token-7d1e9c"
CLIENT_HEADER = "tenant-secret-3b8a"
PLUGIN_HEADER = "plugin-secret-9c4f"


class Storage(RecordingApp):
    """The storage host: stores each PUT's bytes by path, answers 200 with an ETag and the headers it received.

    :attr:`failures` answers that many requests first with :attr:`failure_status` (503: retry; 403: an expired URL);
    :attr:`moved` sends a request for ``/uploads/f-1.jsonl`` there with a 307.
    """

    def __init__(self) -> None:
        super().__init__(self._answer)
        self.failures = 0
        self.failure_status = 503
        self.moved = ""
        self._lock = threading.Lock()

    def _answer(self, request: RecordedRequest) -> Response:
        if self.moved and request.raw_path == "/uploads/f-1.jsonl":
            return Response(status_code=307, headers={"Location": self.moved})
        with self._lock:
            failing, self.failures = self.failures > 0, max(0, self.failures - 1)
        if failing:
            return JSONResponse({"message": "SignatureDoesNotMatch" if self.failure_status == 403 else "SlowDown"},
                                status_code=self.failure_status)
        etag = hashlib.md5(request.body, usedforsecurity=False).hexdigest()
        return JSONResponse({"headers": dict(request.headers)}, headers={"ETag": f'"{etag}"'})


@pytest.fixture(scope="module")
def storage() -> Iterator[tuple[Storage, LoopbackServer]]:
    app = Storage()
    with serve(app) as loopback:
        yield app, loopback


@pytest.fixture
def store(storage: tuple[Storage, LoopbackServer], forms_api: tuple[Api, LoopbackServer]) -> Storage:
    """The storage app, its record cleared; the API hands out presigned URLs to it."""
    app, loopback = storage
    app.clear()
    app.failures, app.failure_status, app.moved = 0, 503, ""
    forms_api[0].storage_url = f"{loopback.base_url}/uploads/f-1.jsonl?{SIGNATURE}"
    return app


class TenantPlugin:
    """A downstream plugin adding a secret header to every call it prepares."""

    @hookimpl
    def prepare_request(self, call: Any, request: httpx.Request) -> None:
        request.headers["X-Plugin-Secret"] = PLUGIN_HEADER


def client_of(fh: PackageHarness, **settings: Any) -> Any:
    return fh.client(bearer_token=TOKEN, headers={"X-Tenant-Secret": CLIENT_HEADER}, plugins=[TenantPlugin()], **settings)


def create_then_upload(body: Any) -> Any:
    """The whole flow through the generated methods: the upload URL from the create call's answer, used verbatim."""

    def flow(c: Any) -> Any:
        intent = c.files.create_file(body={"file_name": "batch.jsonl"})
        return c.files.upload_file(upload_url=intent.upload_url, body=body)

    async def aflow(c: Any) -> Any:
        intent = await c.files.create_file(body={"file_name": "batch.jsonl"})
        return await c.files.upload_file(upload_url=intent.upload_url, body=body)

    return lambda c: aflow(c) if type(c).__name__.startswith("Async") else flow(c)


def no_secret_in(request: RecordedRequest) -> None:
    text = repr(request.headers)
    for secret in (TOKEN, CLIENT_HEADER, PLUGIN_HEADER):
        assert secret not in text, f"{secret} reached the storage host"


def test_the_bytes_go_to_the_url_the_api_returned_with_nothing_of_the_clients(
        fh: PackageHarness, forms_api: tuple[Api, LoopbackServer], store: Storage, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(CONTENT)
    client = client_of(fh)

    assert fh.run(client, create_then_upload(path)) is None  # the spec's 200 has no content

    (created,) = forms_api[0].take()
    # The control: the API got the credential, the client's header and the plugin's.
    assert (created.header("authorization"), created.header("x-tenant-secret"), created.header("x-plugin-secret")) == (
        f"Bearer {TOKEN}", CLIENT_HEADER, PLUGIN_HEADER)
    (put,) = store.requests
    assert (put.method, put.raw_path, put.query_string) == ("PUT", "/uploads/f-1.jsonl", SIGNATURE)  # verbatim
    assert put.body == CONTENT
    assert {name for name, _ in put.headers} == {"host", "content-type", "content-length"}
    assert put.header("content-type") == "application/octet-stream" and put.header("content-length") == str(len(CONTENT))
    no_secret_in(put)


async def _chunks() -> AsyncIterator[bytes]:
    for start in range(0, len(CONTENT), 50_000):
        yield CONTENT[start:start + 50_000]


@pytest.mark.parametrize("source", ["bytes", "file", "iterator"])
def test_upload_presigned_streams_any_content_with_progress_and_returns_the_storage_answer(
        fh: PackageHarness, store: Storage, storage: tuple[Storage, LoopbackServer], source: str, tmp_path: Path) -> None:
    url = f"{storage[1].base_url}/uploads/f-2.jsonl?{SIGNATURE}"
    seen: list[tuple[int, int | None]] = []
    path = tmp_path / "batch.jsonl"
    path.write_bytes(CONTENT)
    content: Any = {"bytes": CONTENT, "file": path.open("rb"),
                    "iterator": _chunks() if fh.kind == "async" else iter([CONTENT[:70_000], CONTENT[70_000:]])}[source]
    client = client_of(fh)

    answer = fh.run(client, lambda c: c.upload_presigned(url, File(content, progress=lambda s, t: seen.append((s, t))),
                                                         content_type=None))

    assert answer.status_code == 200 and answer.headers["etag"] == f'"{hashlib.md5(CONTENT, usedforsecurity=False).hexdigest()}"'
    (put,) = store.requests
    assert put.body == CONTENT and put.header("content-type") is None  # asked for none: a URL signed without it
    framing = "transfer-encoding" if source == "iterator" else "content-length"  # an iterator's size is unknown
    assert set(answer.json()["headers"]) == {"host", framing}
    no_secret_in(put)
    assert seen[0][0] == 0 and seen[-1][0] == len(CONTENT)
    assert {total for _, total in seen} == ({None} if source == "iterator" else {len(CONTENT)})


def test_the_headers_the_url_was_signed_for_are_sent_and_nothing_else(fh: PackageHarness, store: Storage,
                                                                       storage: tuple[Storage, LoopbackServer]) -> None:
    client = client_of(fh)
    url = f"{storage[1].base_url}/uploads/f-3.jsonl?{SIGNATURE}"

    fh.run(client, lambda c: c.upload_presigned(url, b"x", content_type="application/jsonl", request_options=RequestOptions(
        headers={"x-amz-server-side-encryption": "AES256"})))

    (put,) = store.requests
    assert dict(put.headers) == {"host": f"127.0.0.1:{storage[1].port}", "content-type": "application/jsonl",
                                 "content-length": "1", "x-amz-server-side-encryption": "AES256"}


def test_a_body_that_can_be_read_again_is_sent_again_after_a_503(fh: PackageHarness, store: Storage,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(CONTENT)
    store.failures = 1
    client = client_of(fh, **FAST)

    fh.run(client, create_then_upload(path))

    assert [len(r.body) for r in store.requests] == [len(CONTENT), len(CONTENT)]
    for request in store.requests:
        no_secret_in(request)


def test_an_iterator_is_sent_once_a_503_after_it_began_raises(fh: PackageHarness, store: Storage) -> None:
    def chunks() -> Iterator[bytes]:
        yield CONTENT[:50_000]
        yield CONTENT[50_000:]

    store.failures = 1
    client = client_of(fh, **FAST)

    with pytest.raises(ServerError) as caught:
        fh.run(client, create_then_upload(chunks()))

    assert caught.value.status_code == 503 and len(store.requests) == 1


@pytest.mark.parametrize("source", ["path", "iterator"])
def test_a_redirect_of_the_storage_host_is_followed_with_nothing_more_and_never_replays_an_iterator(
        fh: PackageHarness, store: Storage, storage: tuple[Storage, LoopbackServer], source: str, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(CONTENT)
    store.moved = f"{storage[1].base_url}/regional/f-1.jsonl?{SIGNATURE}"
    client = client_of(fh)

    if source == "iterator":
        with pytest.raises(RedirectError, match="cannot be sent again"):
            fh.run(client, create_then_upload(iter([CONTENT])))
        assert [r.raw_path for r in store.requests] == ["/uploads/f-1.jsonl"]
        return
    fh.run(client, create_then_upload(path))

    first, moved = store.requests
    assert [(r.raw_path, r.body == CONTENT) for r in (first, moved)] == [("/uploads/f-1.jsonl", True),
                                                                          ("/regional/f-1.jsonl", True)]
    assert {name for name, _ in moved.headers} == {"host", "content-type", "content-length"}
    no_secret_in(moved)


def test_an_expired_url_is_a_typed_error_that_never_shows_the_signature(
        fh: PackageHarness, store: Storage, caplog: pytest.LogCaptureFixture) -> None:
    store.failures, store.failure_status = 1, 403
    client = client_of(fh)

    with caplog.at_level(logging.DEBUG), pytest.raises(PermissionDeniedError) as caught:
        fh.run(client, create_then_upload(b"x"))

    error = caught.value
    assert "PUT /uploads/f-1.jsonl -> 403: SignatureDoesNotMatch" in str(error)
    signature = SIGNATURE.rsplit("=", 1)[1]
    assert signature not in str(error) + repr(error) + error.message
    assert caplog.records and all(signature not in r.getMessage() for r in caplog.records)
    assert any("/uploads/f-1.jsonl" in r.getMessage() for r in caplog.records)  # httpx's own line, masked


def test_a_url_an_upload_may_not_go_to_is_refused_before_anything_is_sent(fh: PackageHarness, store: Storage,
                                                                          storage: tuple[Storage, LoopbackServer]) -> None:
    client = client_of(fh)
    port = storage[1].port
    cases = {
        "http://storage.example.com/u?sig=1": r"storage\.example\.com/u is plain http",
        f"http://user:pass@127.0.0.1:{port}/u": r"carries a user name or password",
        "/uploads/relative": r"must be an absolute http\(s\) URL",
        "ftp://127.0.0.1/u": r"must be an absolute http\(s\) URL",
    }
    for url, message in cases.items():
        with pytest.raises(RequestEncodingError, match=message):
            fh.run(client, lambda c, u=url: c.files.upload_file(upload_url=u, body=b"x"))
        with pytest.raises(RequestEncodingError, match=message):
            fh.run(client, lambda c, u=url: c.upload_presigned(u, b"x"))
    with pytest.raises(RequestValidationError, match="body: must be a file"):
        fh.run(client, lambda c: c.upload_presigned(f"http://127.0.0.1:{port}/u", "text, not bytes"))
    with pytest.raises(RequestEncodingError, match=r"File\.headers are a multipart part's.*request_options\.headers"):
        fh.run(client, lambda c: c.upload_presigned(f"http://127.0.0.1:{port}/u", File(b"x", headers={"x-amz-acl": "private"})))

    assert store.requests == []
