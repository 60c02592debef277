from __future__ import annotations

import datetime
import enum
import urllib.parse
import uuid
from typing import Any

import attrs
import httpx
import pytest
from specloom_runtime import (
    UNSET,
    Call,
    ClientConfig,
    ConfigurationError,
    OpenIntEnum,
    OpenStrEnum,
    Operation,
    ParamStyle,
    RequestEncodingError,
    RequestOptions,
    decode_none,
    parse_union,
    to_jsonable,
)
from specloom_runtime.call import NO_OPTIONS
from specloom_runtime.enums import is_known
from specloom_runtime.request import build_request


class Phase(OpenStrEnum):
    RUNNING = "Running"


class Code(OpenIntEnum):
    ONE = 1


def test_open_enums_accept_values_a_newer_server_sends() -> None:
    assert Phase("Running") is Phase.RUNNING and is_known(Phase.RUNNING)
    new = Phase("Hibernating")
    assert new.value == "Hibernating" and new == "Hibernating" and not is_known(new)
    assert Phase("Hibernating") is new
    assert Code(7).value == 7
    with pytest.raises(ValueError):
        Phase(3)


@attrs.define
class Point:
    x: int
    additional_properties: dict[str, Any] = attrs.field(factory=dict)
    __required_keys__ = frozenset({"x"})
    __known_keys__ = frozenset({"x"})

    def to_dict(self) -> dict[str, Any]:
        return {"x": self.x, **self.additional_properties}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Point:
        return cls(x=d["x"])


def test_to_jsonable() -> None:
    when = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    ident = uuid.UUID(int=1)
    value = {"p": Point(1), "e": Phase.RUNNING, "t": when, "d": when.date(), "u": ident, "l": (1, 2), "skip": UNSET}
    assert to_jsonable(value) == {"p": {"x": 1}, "e": "Running", "t": when.isoformat(), "d": "2024-01-02", "u": str(ident), "l": [1, 2]}
    with pytest.raises(TypeError, match="object"):
        to_jsonable(object())


def test_parse_union_picks_by_shape() -> None:
    assert parse_union({"x": 1}, (str, Point)) == Point(1)
    assert parse_union("a", (Point, str)) == "a"
    assert parse_union(3, (Point, float)) == 3.0
    assert parse_union(True, (int, bool)) is True
    assert parse_union({"y": 1}, (Point, str)) == {"y": 1}


class Color(enum.Enum):
    RED = "red"


OP = Operation(
    method="POST",
    path="/things/{thingId}/parts/{part}",
    operation_id="make",
    decode=decode_none,
    body_media_type="application/json",
    styles={"csv": ParamStyle("form", False), "deep": ParamStyle("deepObject", True)},
)


CONFIG = ClientConfig(base_url="http://127.0.0.1:1")


def _request(operation: Operation[Any] = OP, options: RequestOptions = NO_OPTIONS, **arguments: Any) -> httpx.Request:
    request = build_request(Call(operation, arguments, options, CONFIG))
    request.read()
    return request


def test_path_values_are_encoded_whole() -> None:
    request = _request(path={"thingId": "a_b/c d", "part": Color.RED}, body=UNSET)
    assert request.url.raw_path == b"/things/a_b%2Fc%20d/parts/red"
    assert request.content == b"" and "content-type" not in request.headers


def test_query_styles_and_unset_values() -> None:
    request = _request(
        path={"thingId": "1", "part": "2"},
        query={"multi": ["a", "b"], "csv": ["a", "b"], "deep": {"k": 1}, "flag": True, "none": UNSET, "n": 0},
        headers={"X-Trace": 5, "X-Skip": UNSET},
    )
    assert request.url.query == b"multi=a&multi=b&csv=a%2Cb&deep%5Bk%5D=1&flag=true&n=0"
    assert request.headers["x-trace"] == "5" and "x-skip" not in request.headers


@pytest.mark.parametrize(("style", "value", "sent"), [
    # The rules a form body's fields follow too (specloom_runtime.styles): never Python's repr on the wire.
    (ParamStyle("deepObject", True), {"owner": {"team": "nlp"}, "tags": ["a", "b"], "gone": None},
     "f[owner][team]=nlp&f[tags]=a&f[tags]=b"),
    (ParamStyle("pipeDelimited", False), {"role": "admin", "name": "Alex"}, "f=role|admin|name|Alex"),
    (ParamStyle("spaceDelimited", False), ["a", "b"], "f=a b"),
    (ParamStyle("form", True), {"role": "admin", "gone": None}, "role=admin"),
    (ParamStyle("form", True), [{"x": 1}, True], 'f={"x":1}&f=true'),
    (ParamStyle("form", False), {"at": {"x": 1}}, 'f=at,{"x":1}'),
    (ParamStyle("form", True), None, "f="),
])
def test_structured_query_values_follow_their_style(style: ParamStyle, value: Any, sent: str) -> None:
    operation = Operation(method="GET", path="/things", operation_id="find", decode=decode_none, styles={"f": style})

    request = _request(operation, query={"f": value})

    assert urllib.parse.unquote_plus(request.url.query.decode()) == sent


@pytest.mark.parametrize(("body", "sent"), [({}, b"{}"), ([], b"[]"), (Point(2), b'{"x":2}'), ([Point(1)], b'[{"x":1}]')])
def test_json_bodies_are_sent_even_when_empty(body: Any, sent: bytes) -> None:
    request = _request(path={"thingId": "1", "part": "2"}, body=body)
    assert request.content == sent and request.headers["content-type"] == "application/json"


def test_form_bodies() -> None:
    form = attrs.evolve(OP, body_media_type="application/x-www-form-urlencoded")
    request = _request(form, path={"thingId": "1", "part": "2"}, body={"grant_type": "client_credentials", "n": 1})
    assert request.content == b"grant_type=client_credentials&n=1"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"


@pytest.mark.parametrize(
    ("arguments", "where"),
    [({"body": {"x": float("nan")}}, "body"), ({"query": {"q": object()}}, "query parameters"), ({"body": {"o": object()}}, "body")],
)
def test_values_that_cannot_be_sent_raise_a_typed_error(arguments: dict[str, Any], where: str) -> None:
    with pytest.raises(RequestEncodingError, match=f"make: cannot send the {where}"):
        _request(path={"thingId": "1", "part": "2"}, **arguments)


def test_simple_style_for_array_and_object_headers_and_paths() -> None:
    request = _request(path={"thingId": ["a", "b"], "part": {"k": "v"}}, headers={"X-Tags": ["gpu", "a100"], "X-Flag": False})
    assert request.url.raw_path == b"/things/a%2Cb/parts/k%2Cv"
    assert request.headers["x-tags"] == "gpu,a100" and request.headers["x-flag"] == "false"


def test_form_arrays_repeat_their_key() -> None:
    form = attrs.evolve(OP, body_media_type="application/x-www-form-urlencoded")
    request = _request(form, path={"thingId": "1", "part": "2"}, body={"scope": ["a", "b"]})
    assert request.content == b"scope=a&scope=b"


def test_request_options_add_headers_query_body_and_timeout() -> None:
    options = RequestOptions(headers={"X-Extra": "1"}, query={"debug": True}, body={"extra": 2}, timeout=3)
    request = _request(OP, options, path={"thingId": "1", "part": "2"}, body={"x": 1})
    assert request.headers["x-extra"] == "1" and request.url.params["debug"] == "true"
    assert request.content == b'{"x":1,"extra":2}'
    assert request.extensions["timeout"] == {"connect": 3, "read": 3, "write": 3, "pool": 3}


@pytest.mark.parametrize("name", ["Authorization", "user-agent", "X-Client-Request-Id", "Idempotency-Key"])
def test_sdk_controlled_headers_cannot_be_overridden(name: str) -> None:
    with pytest.raises(ConfigurationError, match=name):
        _request(OP, RequestOptions(headers={name: "mine"}), path={"thingId": "1", "part": "2"})


@pytest.mark.parametrize(
    ("value", "step", "multiple"),
    [
        (0.75, 0.25, True), (7.66e-103, 0.25, False), (1e308, 0.25, True), (1e308 + 2**970, 0.1, False),
        (128, 64, True), (96, 64, False), (128.0, 64, True), (1e-300, 64, False),
    ],
)
def test_multiple_of_is_decided_as_json_schema_validators_do(value: float, step: float, multiple: bool) -> None:
    """Tiny values are not multiples of everything, and an overflowing quotient is decided exactly, not raised."""
    import jsonschema
    from specloom_runtime import is_multiple

    assert is_multiple(value, step) is multiple
    assert jsonschema.Draft7Validator({"multipleOf": step}).is_valid(value) is multiple
