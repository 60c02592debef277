"""Issue 11 acceptance: Kubeflow Pipelines' upload operations, called through the generated clients, are accepted
by Prism mocks of both Kubeflow specs (../shared/specs/public, Swagger 2.0 ``formData`` with ``type: file``).

Each spec is generated (the conformance suite's ``PublicCorpus``) and mocked by Prism from its raw
file; ``upload_pipeline`` and ``upload_pipeline_version`` get a pipeline file (from bytes, a path
and an iterator, in the sync and the async client) and query parameters. Prism validates the
multipart body: any request-side violation in ``sl-violations``, or an answer outside 2xx, fails the
test. The control: the body as the runtime sent it before uploads (JSON under a multipart
Content-Type) is refused by the same mock (415). Prism reads the parts but does not check them
against the form parameters (a body without the required ``uploadfile`` passes too), so what the
parts hold is checked by the test control plane's suite (``tests/runtime/test_uploads.py``).

The DigitalOcean batch-file upload is a presigned-URL flow: ``POST /v1/batches/files`` (mocked by Prism
from the real spec, which checks the request) answers with a short-lived ``upload_url`` on object
storage, and ``inference_upload_batch_file(upload_url=..., body=...)`` (``PUT /<upload_url>``, served
from ``https://``: the generator makes the URL an argument) PUTs the bytes there. Prism's answer is the
spec's example, a URL on DigitalOcean Spaces; a loopback server stands in for Spaces at the same path
and signed query, and shows that the bytes arrive and that nothing of the client's (its DigitalOcean
token) goes with them.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from specloom_runtime import File

from tests.conformance.conftest import PublicCorpus
from tests.conformance.prism import PrismServer, describe, is_request_side, prism_unavailable, violations
from tests.conformance.test_prism import Recorder
from tests.conformance.test_prism_public import dummy_credentials
from tests.integration.servers import RecordingApp, serve
from tests.support import imported, public_spec

pytestmark = pytest.mark.slow

KUBEFLOW = ("kubeflow-pipelines-v1beta1", "kubeflow-pipelines-v2beta1")
PIPELINE = b"""# PIPELINE DEFINITION
pipelineInfo:
  name: hello-world
root:
  dag:
    tasks: {}
schemaVersion: 2.1.0
sdkVersion: kfp-2.7.0
"""
SOURCES = ("bytes", "path", "iterator")
DO_TOKEN = "dop_v1_dummy-token-for-prism-4f1a"


def prism_for(label: str, servers: dict[str, PrismServer], folder: Path) -> PrismServer:
    if label not in servers:
        server = PrismServer(public_spec(label).path, folder / f"{label}.prism.log")
        server.start(timeout=300)
        servers[label] = server
    return servers[label]


def pipeline_file(source: str, folder: Path) -> File:
    if source == "bytes":
        return File(PIPELINE, filename="hello.yaml", content_type="application/x-yaml")
    if source == "path":
        path = folder / "hello.yaml"
        path.write_bytes(PIPELINE)
        return File(path)
    return File(iter([PIPELINE[:20], PIPELINE[20:]]), filename="hello.yaml")


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("label", KUBEFLOW)
def test_kubeflow_pipeline_uploads_are_accepted_by_prism(
    public_corpus: PublicCorpus, prism_servers: dict[str, PrismServer], tmp_path: Path, label: str, kind: str
) -> None:
    public_spec(label)  # skips, saying why, without ../shared/specs/public
    reason = prism_unavailable()
    if reason is not None:
        print(f"\n{label}: Prism upload conformance skipped: {reason}")
        pytest.skip(reason)
    package_dir = public_corpus.package(label)
    server = prism_for(label, prism_servers, tmp_path)
    recorder = Recorder()
    answers: list[tuple[str, Any]] = []
    with imported(package_dir.parent, public_spec(label).package) as package:
        credentials = dummy_credentials(dict(package.Client._security_schemes or {}))

        def calls(client: Any) -> list[tuple[str, Any]]:
            uploads = client.pipeline_upload_service
            made = []
            for source in SOURCES:
                made.append((f"upload_pipeline from {source}", lambda s=source: uploads.upload_pipeline(
                    body={"uploadfile": pipeline_file(s, tmp_path)}, name=f"hello-{s}", description="a test")))
                made.append((f"upload_pipeline_version from {source}", lambda s=source: uploads.upload_pipeline_version(
                    body={"uploadfile": pipeline_file(s, tmp_path)}, name=f"v-{s}", pipelineid="p-1")))
            return made

        if kind == "sync":
            http = httpx.Client(timeout=60.0, event_hooks={"response": [recorder]})
            with package.Client(server.base_url, http_client=http, max_retries=0, credentials=credentials) as client:
                answers = [(what, call()) for what, call in calls(client)]
        else:

            async def recorded(response: httpx.Response) -> None:
                recorder(response)

            async def run() -> list[tuple[str, Any]]:
                http = httpx.AsyncClient(timeout=60.0, event_hooks={"response": [recorded]})
                async with package.AsyncClient(server.base_url, http_client=http, max_retries=0,
                                               credentials=credentials) as client:
                    return [(what, await call()) for what, call in calls(client)]

            answers = asyncio.run(run())

    responses = recorder.take()
    print(f"\n{label} ({kind}): {len(responses)} uploads -> {[r.status_code for r in responses]}; "
          f"answers: {sorted({type(a).__name__ for _, a in answers})}")
    problems = [f"{r.request.url.path}: {describe(v)}" for r in responses for v in violations(r)
                if is_request_side(v) and v.get("severity") == "Error"]
    problems += [f"{r.request.url.path}: {r.status_code} {r.text[:300]}" for r in responses if not r.is_success]
    assert len(responses) == 2 * len(SOURCES)
    assert not problems, "\n".join(problems)
    assert all("multipart/form-data; boundary=" in r.request.headers["content-type"] for r in responses)

    before = httpx.post(responses[0].request.url, content=b'{"uploadfile": "apiVersion: v1"}', timeout=60.0,
                        headers={"content-type": "multipart/form-data", **credential_headers(responses[0])})
    assert before.status_code == 415, f"the control was not refused: {before.status_code} {before.text[:200]}"


def credential_headers(response: httpx.Response) -> dict[str, str]:
    """The credential the client sent with ``response``'s request (Kubeflow's API key is an ``authorization`` header)."""
    return {"authorization": response.request.headers["authorization"]}


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_the_digitalocean_batch_file_goes_to_the_presigned_url_the_create_call_returns(
        public_corpus: PublicCorpus, prism_servers: dict[str, PrismServer], tmp_path: Path, kind: str) -> None:
    label = "digitalocean"
    public_spec(label)  # skips, saying why, without ../shared/specs/public
    reason = prism_unavailable()
    if reason is not None:
        print(f"\n{label}: Prism presigned-upload conformance skipped: {reason}")
        pytest.skip(reason)
    package_dir = public_corpus.package(label)
    server = prism_for(label, prism_servers, tmp_path)
    storage = RecordingApp()
    storage.respond_with(200, content=b"", headers={"ETag": '"stored"'})
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b'{"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n' * 1000)
    recorder = Recorder()
    with serve(storage) as spaces, imported(package_dir.parent, public_spec(label).package) as package:

        def local(upload_url: str) -> str:  # the loopback storage host, at the path and signed query Prism returned
            parts = httpx.URL(upload_url)
            return f"{spaces.base_url}{parts.raw_path.decode()}"

        if kind == "sync":
            http = httpx.Client(timeout=60.0, event_hooks={"response": [recorder]})
            with package.Client(server.base_url, http_client=http, max_retries=0, bearer_token=DO_TOKEN) as client:
                batches = client.inference_ap_is.batch_inference
                intent = batches.inference_create_batch_file(body={"file_name": batch.name})
                done = batches.inference_upload_batch_file(upload_url=local(intent.upload_url), body=batch)
        else:

            async def recorded(response: httpx.Response) -> None:
                recorder(response)

            async def run() -> tuple[Any, Any]:
                http = httpx.AsyncClient(timeout=60.0, event_hooks={"response": [recorded]})
                async with package.AsyncClient(server.base_url, http_client=http, max_retries=0,
                                               bearer_token=DO_TOKEN) as client:
                    batches = client.inference_ap_is.batch_inference
                    intent = await batches.inference_create_batch_file(body={"file_name": batch.name})
                    return intent, await batches.inference_upload_batch_file(upload_url=local(intent.upload_url),
                                                                             body=batch)

            intent, done = asyncio.run(run())

    created, uploaded = recorder.take()
    problems = [describe(v) for v in violations(created) if is_request_side(v) and v.get("severity") == "Error"]
    assert created.status_code == 201 and not problems, problems
    assert created.request.headers["authorization"] == f"Bearer {DO_TOKEN}"  # the API got the token
    assert done is None and uploaded.status_code == 200
    (put,) = storage.requests
    expected = httpx.URL(intent.upload_url)
    assert (put.method, put.raw_path, put.query_string) == ("PUT", expected.path, expected.query.decode())
    assert put.body == batch.read_bytes()
    assert {name for name, _ in put.headers} == {"host", "content-type", "content-length"}
    assert put.header("content-type") == "application/octet-stream"
    assert DO_TOKEN not in repr(put.headers)
