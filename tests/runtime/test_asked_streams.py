"""A real spec's stream asked for in the body: DigitalOcean's ``inference_create_chat_completion``, in every kind.

Its 200 answer is JSON (``ChatCompletionResponse``), or server-sent events of
``ChatCompletionChunk`` when the body says ``"stream": true``. The client is generated from
../shared/specs/public (never copied) into a temporary folder; a loopback server answers as
DigitalOcean would: three events then ``[DONE]`` when asked to stream, the JSON object otherwise.
"""

from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.responses import JSONResponse, Response, StreamingResponse

from tests.integration.servers import LoopbackServer, RecordedRequest, RecordingApp, serve
from tests.runtime.harness import PackageHarness
from tests.runtime.test_streams import busy_connections, read_all
from tests.servers import ControlPlaneServer
from tests.support import generate, imported, method_of, public_spec

PACKAGE = "digitalocean_asked"
COMPLETION = {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "llama3-8b-instruct",
              "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                           "message": {"role": "assistant", "content": "Hello!"}}]}
CHUNKS = [{"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1700000000, "model": "llama3-8b-instruct",
           "choices": [{"index": 0, "finish_reason": None, "delta": {"content": word}}]} for word in ("Hel", "lo", "!")]
BODY = {"model": "llama3-8b-instruct", "messages": [{"role": "user", "content": "Say hello"}]}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    spec = public_spec("digitalocean").path  # skips, saying why, without ../shared/specs/public
    folder = generate(spec, tmp_path_factory.mktemp("digitalocean"), PACKAGE).parent
    with imported(folder, PACKAGE) as package:
        yield package


def answer(request: RecordedRequest) -> Response:
    if json.loads(request.body).get("stream") is True:
        events = [f"data: {json.dumps(chunk)}\n\n".encode() for chunk in CHUNKS] + [b"data: [DONE]\n\n"]

        async def send() -> Any:
            for event in events:
                yield event

        return StreamingResponse(send(), media_type="text/event-stream")
    return JSONResponse(COMPLETION)


@pytest.fixture(scope="module")
def origin() -> Iterator[tuple[RecordingApp, LoopbackServer]]:
    app = RecordingApp(answer)
    with serve(app) as loopback:
        yield app, loopback


class DigitalOceanHarness(PackageHarness):
    """The harness, building clients of the generated DigitalOcean package against the loopback origin."""

    def build(self, base_url: Any = None, **settings: Any) -> Any:
        return super().build(bearer_token="do-token-0123456789", **settings)


@pytest.fixture
def dh(kind: str, server: ControlPlaneServer, package: Any,
       origin: tuple[RecordingApp, LoopbackServer]) -> Iterator[DigitalOceanHarness]:
    origin[0].take()
    harness = DigitalOceanHarness(kind, server, package, origin[1])
    try:
        yield harness
    finally:
        harness.close()


def chat(client: Any, **kwargs: Any) -> Any:
    """``inference_create_chat_completion``, found where the package's operation index puts it."""
    index = json.loads((Path(inspect.getfile(type(client))).parent / "operations.json").read_text(encoding="utf-8"))
    (entry,) = [o for o in index if o["operation_id"] == "inference_create_chat_completion"]
    return method_of(client, entry["python_name"])(**kwargs)


def sent_bodies(origin: tuple[RecordingApp, LoopbackServer]) -> list[Any]:
    return [json.loads(r.body) for r in origin[0].requests if r.raw_path == "/v1/chat/completions"]


@pytest.mark.parametrize("asking", ["in the body", "by the keyword", "in a body model", "by the keyword over a model"])
def test_stream_true_yields_the_three_events_decoded(dh: DigitalOceanHarness, origin: tuple[RecordingApp, LoopbackServer],
                                                     asking: str) -> None:
    client = dh.client()
    request = importlib.import_module(f"{PACKAGE}.models").ChatCompletionRequest
    cases: dict[str, dict[str, Any]] = {
        "in the body": {"body": {**BODY, "stream": True}},
        "by the keyword": {"body": BODY, "stream": True},
        "in a body model": {"body": request(**BODY, stream=True)},
        "by the keyword over a model": {"body": request(**BODY), "stream": True}}
    kwargs = cases[asking]

    events = dh.run(client, read_all(lambda c: chat(c, **kwargs)))

    assert [e.data.choices[0].delta.content for e in events] == ["Hel", "lo", "!"]
    assert {type(e.data).__name__ for e in events} == {"ChatCompletionChunk"}
    assert [b.get("stream") for b in sent_bodies(origin)] == [True]
    assert busy_connections(client) == 0


@pytest.mark.parametrize("asking", ["not at all", "false in the body", "false by the keyword"])
def test_without_stream_true_the_answer_is_the_json_model(dh: DigitalOceanHarness, origin: tuple[RecordingApp, LoopbackServer],
                                                          asking: str) -> None:
    client = dh.client()
    cases: dict[str, dict[str, Any]] = {
        "not at all": {"body": BODY}, "false in the body": {"body": {**BODY, "stream": False}},
        "false by the keyword": {"body": {**BODY, "stream": True}, "stream": False}}
    kwargs = cases[asking]

    completion = dh.run(client, lambda c: chat(c, **kwargs))

    assert not inspect.isawaitable(completion)
    assert type(completion).__name__ == "ChatCompletionResponse"
    assert completion.choices[0].message.content == "Hello!" and completion.to_dict() == COMPLETION
    assert [b.get("stream") for b in sent_bodies(origin)] == [{"not at all": None}.get(asking, False)]


def test_the_keyword_never_changes_the_caller_s_body(dh: DigitalOceanHarness) -> None:
    client = dh.client()
    body = {**BODY}

    dh.run(client, read_all(lambda c: chat(c, body=body, stream=True)))

    assert body == BODY
