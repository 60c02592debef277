"""Form and multipart bodies as the runtime builds them from an operation's ``body_encoding`` (no network)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from specloom_runtime import File, Operation, PartEncoding, RequestEncodingError, decode_none
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


def test_each_style_writes_objects_and_arrays_of_a_form_as_openapi_says() -> None:
    body = {"o": {"a": 1, "b": "x y"}, "spaced": [1, 2], "spaced_o": {"a": 1, "b": 2}, "piped_o": {"a": 1},
            "deep": {"a": {"b": [1, 2]}, "c": None, "d": True}, "items": [{"k": 1}, None], "none": None,
            "text": {"x": 1}, "plus": "1+1=2 & more", "raw": "a/b?c=d&e"}
    request = sent("application/x-www-form-urlencoded", body, spaced=PartEncoding(style="spaceDelimited", explode=False),
                   spaced_o=PartEncoding(style="spaceDelimited", explode=False),
                   piped_o=PartEncoding(style="pipeDelimited", explode=False), deep=PartEncoding(style="deepObject"),
                   text=PartEncoding(content_type="text/plain", as_media=True), raw=PartEncoding(allow_reserved=True))

    assert request.content.decode().split("&", 12) == [
        "a=1", "b=x%20y",  # form, exploded: the object's properties, its own name left out
        "spaced=1%202", "spaced_o=a%201%20b%202", "piped_o=a%7C1",
        "deep[a][b]=1", "deep[a][b]=2", "deep[d]=true",  # nested one bracket deeper; null left out
        "items=%7B%22k%22%3A1%7D", "items=",  # an object inside an array: JSON text
        "text=%7B%22x%22%3A1%7D", "plus=1%2B1%3D2%20%26%20more", "raw=a/b?c=d&e"]


def test_a_form_body_that_is_no_object_is_a_typed_error() -> None:
    with pytest.raises(RequestEncodingError, match=r"must be an object \(a model or a dict\), not list"):
        sent("application/x-www-form-urlencoded", ["a", "b"])
