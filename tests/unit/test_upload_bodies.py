"""Form and multipart bodies as the runtime builds them from an operation's ``body_encoding`` (no network)."""

from __future__ import annotations

from typing import Any

import httpx
from specloom_runtime import File, Operation, PartEncoding, decode_none
from specloom_runtime.call import NO_OPTIONS, Call
from specloom_runtime.config import ClientConfig
from specloom_runtime.request import build_request

from tests.servers.uploads import read_multipart

CONFIG = ClientConfig(base_url="http://127.0.0.1:1")


def sent(media: str, body: Any, **encoding: PartEncoding) -> httpx.Request:
    operation: Operation[None] = Operation(method="POST", path="/f", operation_id="f", decode=decode_none,
                                           body_media_type=media, body_encoding=dict(encoding))
    request = build_request(Call(operation, {"body": body}, NO_OPTIONS, CONFIG))
    request.read()
    return request


def test_a_form_array_is_joined_when_its_encoding_does_not_explode_it() -> None:
    request = sent("application/x-www-form-urlencoded", {"csv": ["a", "b"], "pipes": [1, 2], "multi": ["x", "y"]},
                   csv=PartEncoding(explode=False), pipes=PartEncoding(style="pipeDelimited", explode=False))
    assert request.content == b"csv=a%2Cb&pipes=1%7C2&multi=x&multi=y"


def test_multipart_parts_follow_the_value_and_the_encoding() -> None:
    request = sent("multipart/form-data",
                   {"file": File(b"\x89PNG", filename="a.png"), "any": File(b"?", filename="x.bin"), "flag": True,
                    "meta": {"k": [1, 2]}, "ids": [3, 4], "joined": [3, 4], "none": None},
                   file=PartEncoding(content_type="image/*, image/png"), any=PartEncoding(content_type="image/*"),
                   joined=PartEncoding(explode=False))
    assert request.headers["content-length"] == str(len(request.content))
    form = read_multipart(request.headers["content-type"], request.content)
    by_name = {(p.name, i): p for i, p in enumerate(form.parts)}
    assert [name for name, _ in by_name] == ["file", "any", "flag", "meta", "ids", "ids", "joined"]
    assert form.part("file").content_type == "image/png"  # the first type the encoding names exactly
    assert form.part("any").content_type == "application/octet-stream"  # a wildcard only: guessed from the name
    assert form.part("flag").text == "true" and form.part("flag").content_type is None
    assert (form.part("meta").text, form.part("meta").content_type) == ('{"k":[1,2]}', "application/json")
    assert [p.text for p in form.parts if p.name == "ids"] == ["3", "4"]
    assert form.part("joined").text == "3,4"
