"""Uploads (issue 11, item 7): files sent as multipart parts or as the whole body, in every kind of client.

``upload_workload_artifact`` takes a ``multipart/form-data`` body (a ``format: binary`` file,
a description, JSON labels, repeated tags; the spec's ``encoding`` gives the file part's media
type); ``put_workload_artifact`` an ``application/octet-stream`` one (a PUT, so it is retried).
The test control plane reads each part with python-multipart and stores what arrived (size,
SHA-256, headers) in ``server.api.artifacts``.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from specloom_runtime import (
    AuthenticationError,
    File,
    RedirectError,
    RequestEncodingError,
    RequestOptions,
    RequestValidationError,
    ServerError,
)

from tests.runtime.harness import FAST, Harness
from tests.servers import ControlPlaneServer, Fault
from tests.servers.controlplane_api import WORKLOAD_ID
from tests.servers.uploads import read_multipart

ARTIFACTS = "/api/v1/workloads/{workloadId}/artifacts"
ARTIFACT = "/api/v1/workloads/{workloadId}/artifacts/{artifactName}"
#: Three chunks and a bit: enough for several progress reports, small enough for every test.
CONTENT = bytes(range(256)) * 800 + b"tail"
SOURCES = ("bytes", "path", "file", "iterator", "list", "async iterator")


def content_from(source: str, data: bytes, folder: Path) -> Any:
    """``data`` as the caller would pass it: bytes, a path, an open binary file, or chunks from an iterator."""
    chunks = [data[i:i + 10_000] for i in range(0, len(data), 10_000)]
    if source == "bytes":
        return data
    if source in ("path", "file"):
        path = folder / "model.ckpt"
        path.write_bytes(data)
        return path if source == "path" else path.open("rb")
    if source == "iterator":
        return iter(chunks)
    if source == "list":
        return chunks

    async def produce() -> AsyncIterator[bytes]:
        for chunk in chunks:
            yield chunk

    return produce()


def put_artifact(body: Any, name: str = "model.ckpt", **kwargs: Any) -> Callable[[Any], Any]:
    return lambda c: c.workloads.workloads.put_workload_artifact(workload_id=WORKLOAD_ID, artifact_name=name,
                                                                 body=body, **kwargs)


def upload_artifact(body: Any, **kwargs: Any) -> Callable[[Any], Any]:
    return lambda c: c.workloads.workloads.upload_workload_artifact(workload_id=WORKLOAD_ID, body=body, **kwargs)


def stored(server: ControlPlaneServer, name: str) -> dict[str, Any]:
    return server.api.artifacts[(WORKLOAD_ID, name)]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def only_sync_may_fail(h: Harness, source: str) -> bool:
    """An async iterator is for the async client: the others refuse it with a typed error, sending nothing."""
    return source == "async iterator" and h.kind != "async"


# -- application/octet-stream ---------------------------------------------------------------------


@pytest.mark.parametrize("source", SOURCES)
def test_a_binary_body_arrives_intact_from_each_kind_of_content(
    h: Harness, server: ControlPlaneServer, source: str, tmp_path: Path
) -> None:
    client = h.bearer_client()
    content = content_from(source, CONTENT, tmp_path)

    if only_sync_may_fail(h, source):
        with pytest.raises(RequestEncodingError, match="async iterator: only the async client can send it"):
            h.run(client, put_artifact(content))
        assert "model.ckpt" not in {name for _, name in server.api.artifacts}
        return
    artifact = h.run(client, put_artifact(content))

    assert (artifact.size, artifact.sha256) == (len(CONTENT), sha256(CONTENT))
    assert stored(server, "model.ckpt")["sha256"] == sha256(CONTENT)
    (request,) = server.requests_to("PUT", ARTIFACT)
    assert request.header("content-type") == "application/octet-stream"
    if source in ("iterator", "async iterator", "list"):  # no size given: sent chunked (HTTP/2 frames need no chunks)
        assert request.header("transfer-encoding") == (None if h.http2 else "chunked")
        assert request.header("content-length") is None
    else:
        assert request.header("content-length") == str(len(CONTENT))


def test_a_file_object_is_sent_from_where_it_stands(h: Harness, server: ControlPlaneServer) -> None:
    file = io.BytesIO(b"HEADER" + CONTENT)
    file.seek(6)
    client = h.bearer_client()

    artifact = h.run(client, put_artifact(File(file, content_type="application/x-checkpoint")))

    assert artifact.sha256 == sha256(CONTENT)
    (request,) = server.requests_to("PUT", ARTIFACT)
    assert request.header("content-type") == "application/octet-stream"  # the spec's, exactly
    assert request.header("content-length") == str(len(CONTENT))


def test_an_iterator_of_known_size_is_sent_with_its_content_length(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()

    artifact = h.run(client, put_artifact(File(iter([CONTENT[:5000], CONTENT[5000:]]), size=len(CONTENT))))

    assert artifact.sha256 == sha256(CONTENT)
    assert server.requests_to("PUT", ARTIFACT)[0].header("content-length") == str(len(CONTENT))


# -- multipart/form-data --------------------------------------------------------------------------


@pytest.mark.parametrize("source", SOURCES)
def test_a_multipart_file_part_arrives_intact_from_each_kind_of_content(
    h: Harness, server: ControlPlaneServer, source: str, tmp_path: Path
) -> None:
    client = h.bearer_client()
    content = content_from(source, CONTENT, tmp_path)
    body = {"file": File(content, filename="model.ckpt"), "description": "epoch 3"}

    if only_sync_may_fail(h, source):
        with pytest.raises(RequestEncodingError, match="only the async client"):
            h.run(client, upload_artifact(body))
        assert server.api.artifacts == {}
        return
    artifact = h.run(client, upload_artifact(body))

    assert (artifact.name, artifact.size, artifact.sha256) == ("model.ckpt", len(CONTENT), sha256(CONTENT))
    assert artifact.description == "epoch 3"


def test_each_property_is_a_part_as_the_spec_encodes_it(h: Harness, server: ControlPlaneServer, tmp_path: Path) -> None:
    from controlplane_client.models.upload_workload_artifact_request import UploadWorkloadArtifactRequest

    path = tmp_path / "run-7.tar"
    path.write_bytes(CONTENT)
    client = h.bearer_client()
    body = UploadWorkloadArtifactRequest(file=path, description="après l'époque 3", labels={"team": "nlp", "run": "7"},
                                         tags=["best", "fp16"])

    artifact = h.run(client, upload_artifact(body))

    (request,) = server.requests_to("POST", ARTIFACTS)
    form = read_multipart(request.header("content-type") or "", request.body)
    file = form.part("file")
    assert (file.filename, file.sha256) == ("run-7.tar", sha256(CONTENT))
    # The spec's encoding lists "application/x-tar, application/gzip": its first type is the part's.
    assert file.content_type == "application/x-tar"
    assert form.part("labels").content_type == "application/json"
    assert form.part("description").text == "après l'époque 3" and form.part("description").content_type is None
    assert [p.text for p in form.parts if p.name == "tags"] == ["best", "fp16"]
    assert request.header("content-length") == str(len(request.body))
    assert (artifact.labels, artifact.tags) == ({"team": "nlp", "run": "7"}, ["best", "fp16"])


def test_a_file_name_cannot_add_a_header_or_a_part(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()
    hostile = 'evil".txt\r\nContent-Type: text/html\r\n\r\n<script>'
    body = {"file": File(b"payload", filename=hostile, content_type="application/gzip"), "description": "x"}

    h.run(client, upload_artifact(body))

    (request,) = server.requests_to("POST", ARTIFACTS)
    form = read_multipart(request.header("content-type") or "", request.body)
    assert [p.name for p in form.parts] == ["file", "description"]
    file = form.part("file")
    assert file.filename == "evil%22.txt%0D%0AContent-Type: text/html%0D%0A%0D%0A<script>"
    assert set(file.headers) == {"content-disposition", "content-type"} and file.content_type == "application/gzip"
    assert file.data == b"payload"


def test_a_file_name_outside_ascii_arrives_as_utf8(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()

    artifact = h.run(client, upload_artifact({"file": File(b"x", filename="résumé 履歴書.pdf")}))

    assert artifact.name == "résumé 履歴書.pdf"


# -- progress ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("media", ["octet-stream", "multipart"])
def test_progress_rises_from_zero_to_the_total(h: Harness, server: ControlPlaneServer, media: str, tmp_path: Path) -> None:
    path = tmp_path / "model.ckpt"
    path.write_bytes(CONTENT)
    seen: list[tuple[int, int | None]] = []
    file = File(path, progress=lambda sent, total: seen.append((sent, total)))
    client = h.bearer_client()

    h.run(client, put_artifact(file) if media == "octet-stream" else upload_artifact({"file": file}))

    counts = [sent for sent, _ in seen]
    assert counts[0] == 0 and counts[-1] == len(CONTENT) and len(counts) > 3
    assert counts == sorted(counts) and len(set(counts)) == len(counts)
    assert {total for _, total in seen} == {len(CONTENT)}


def test_progress_of_an_iterator_of_unknown_size_ends_at_what_it_gave(h: Harness, server: ControlPlaneServer) -> None:
    seen: list[tuple[int, int | None]] = []
    chunks = iter([CONTENT[:70_000], CONTENT[70_000:]])
    client = h.bearer_client()

    h.run(client, put_artifact(File(chunks, progress=lambda sent, total: seen.append((sent, total)))))

    assert seen == [(0, None), (70_000, None), (len(CONTENT), None)]


# -- retries ----------------------------------------------------------------------------------------


def test_a_path_body_is_sent_again_from_its_start_after_a_503(h: Harness, server: ControlPlaneServer, tmp_path: Path) -> None:
    path = tmp_path / "model.ckpt"
    path.write_bytes(CONTENT)
    seen: list[int] = []
    server.inject(Fault.unavailable(retry_after=None), method="PUT", path=ARTIFACT)
    client = h.bearer_client(**FAST)

    artifact = h.run(client, put_artifact(File(path, progress=lambda sent, total: seen.append(sent))))

    assert [r.status for r in server.requests_to("PUT", ARTIFACT)] == [503, 200]
    assert all(len(r.body) == len(CONTENT) for r in server.requests_to("PUT", ARTIFACT))
    assert artifact.sha256 == stored(server, "model.ckpt")["sha256"] == sha256(CONTENT)
    assert seen.count(0) == 2 and seen[-1] == len(CONTENT)  # each attempt counts from 0


@pytest.mark.parametrize("media", ["octet-stream", "multipart"])
def test_an_iterator_body_is_not_sent_again_after_a_503(h: Harness, server: ControlPlaneServer, media: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield CONTENT[:50_000]
        yield CONTENT[50_000:]

    template, method = (ARTIFACT, "PUT") if media == "octet-stream" else (ARTIFACTS, "POST")
    server.inject(Fault.unavailable(retry_after=None), method=method, path=template)
    client = h.bearer_client(**FAST)
    # The multipart POST carries an idempotency key, so it would be retried if its body could be sent again.
    call = put_artifact(chunks()) if media == "octet-stream" else upload_artifact(
        {"file": chunks()}, request_options=_idempotent())

    with pytest.raises(ServerError) as caught:
        h.run(client, call)

    assert caught.value.status_code == 503
    assert [r.status for r in server.requests_to(method, template)] == [503]
    assert server.api.artifacts == {}


def test_a_multipart_body_of_files_that_can_be_reread_is_retried(h: Harness, server: ControlPlaneServer,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "model.ckpt"
    path.write_bytes(CONTENT)
    server.inject(Fault.unavailable(retry_after=None), method="POST", path=ARTIFACTS)
    client = h.bearer_client(**FAST)

    artifact = h.run(client, upload_artifact({"file": path, "tags": ["a"]}, request_options=_idempotent()))

    assert [r.status for r in server.requests_to("POST", ARTIFACTS)] == [503, 201]
    assert artifact.sha256 == sha256(CONTENT)


@pytest.mark.parametrize("source", ["path", "iterator"])
def test_a_redirect_sends_a_body_that_can_be_reread_and_refuses_one_that_cannot(
    h: Harness, server: ControlPlaneServer, source: str, tmp_path: Path
) -> None:
    moved = f"/api/v1/workloads/{WORKLOAD_ID}/artifacts/moved.ckpt"
    server.inject(Fault.status(307, headers={"Location": moved}), method="PUT", path=ARTIFACT)
    client = h.bearer_client()

    if source == "iterator":
        with pytest.raises(RedirectError, match="its body .* cannot be sent again"):
            h.run(client, put_artifact(content_from(source, CONTENT, tmp_path)))
        assert [r.status for r in server.requests_to("PUT", ARTIFACT)] == [307]
        return
    artifact = h.run(client, put_artifact(content_from(source, CONTENT, tmp_path)))

    assert [(r.raw_path.rsplit("/", 1)[-1], r.status) for r in server.requests_to("PUT", ARTIFACT)] == [
        ("model.ckpt", 307), ("moved.ckpt", 200)]
    assert artifact.name == "moved.ckpt" and stored(server, "moved.ckpt")["sha256"] == sha256(CONTENT)


@pytest.mark.parametrize("source", ["path", "iterator"])
def test_after_a_401_a_body_that_can_be_reread_is_replayed_with_a_new_token(
    h: Harness, server: ControlPlaneServer, source: str, tmp_path: Path
) -> None:
    client = h.credentials_client()
    h.run(client, put_artifact(b"first", name="first.bin"))  # a token is held
    server.revoke_tokens()  # the next call's token is refused once

    if source == "iterator":
        with pytest.raises(AuthenticationError):
            h.run(client, put_artifact(content_from(source, CONTENT, tmp_path)))
        assert [r.status for r in server.requests_to("PUT", ARTIFACT)] == [200, 401]
        return
    artifact = h.run(client, put_artifact(content_from(source, CONTENT, tmp_path)))

    assert [r.status for r in server.requests_to("PUT", ARTIFACT)] == [200, 401, 200]
    assert artifact.sha256 == sha256(CONTENT)


def _idempotent() -> RequestOptions:
    return RequestOptions(idempotency_key="upload-1")


# -- what is refused before anything is sent --------------------------------------------------------


def test_text_where_a_file_is_needed_is_refused_naming_the_argument(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()

    with pytest.raises(RequestValidationError, match=r"body: must be a file"):
        h.run(client, put_artifact("not bytes"))
    with pytest.raises(RequestValidationError, match=r"body: must be a file"):
        h.run(client, put_artifact([b"chunks", "then text"]))
    with pytest.raises(RequestValidationError, match=r"body\.file: must be a file"):
        h.run(client, upload_artifact({"file": "not bytes"}))

    assert server.requests == []


def test_a_missing_path_or_a_text_file_is_a_typed_error_and_nothing_is_sent(
    h: Harness, server: ControlPlaneServer, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.ckpt"
    (tmp_path / "notes.txt").write_text("text")
    client = h.bearer_client()

    with pytest.raises(RequestEncodingError, match=r"body is a path to no file: .*nowhere\.ckpt"):
        h.run(client, put_artifact(missing))
    with pytest.raises(RequestEncodingError, match=r"body\.file is a path to no file"):
        h.run(client, upload_artifact({"file": missing}))
    with (tmp_path / "notes.txt").open() as text:
        with pytest.raises(RequestValidationError, match=r"body: must be a file"):
            h.run(client, put_artifact(text))
        # Unchecked, the runtime still refuses it: its reads would give str.
        with pytest.raises(RequestEncodingError, match=r"text mode.*'rb'"):
            h.run(client, put_artifact(text, request_options=RequestOptions(validate=False)))

    assert server.requests == []


def test_a_media_type_that_could_add_a_header_is_refused(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()
    forged = File(b"x", content_type="application/gzip\r\nX-Injected: 1")

    with pytest.raises(RequestEncodingError, match=r"body\.file: .* is not a media type that can be sent"):
        h.run(client, upload_artifact({"file": forged}))
    with pytest.raises(RequestEncodingError, match=r"body: .* is not a media type that can be sent"):
        h.run(client, put_artifact(forged))

    assert server.requests == []


def test_an_iterator_that_gives_text_fails_with_a_typed_error(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client(**FAST)

    with pytest.raises(RequestEncodingError, match=r"body: the iterator gave str, not bytes"):
        h.run(client, put_artifact(iter([b"bytes first", "then text"])))

    assert server.api.artifacts == {}
    assert len(server.requests_to("PUT", ARTIFACT)) <= 1  # a broken request at most, never a retry

