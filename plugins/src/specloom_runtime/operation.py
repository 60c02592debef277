"""How one operation is sent: the static description a generated method passes to the client."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

import attrs
import httpx

if TYPE_CHECKING:
    from .graphql import GraphQLDocument
    from .security import Requirement

T = TypeVar("T")
#: Methods whose requests may be sent again without changing anything more (RFC 9110; PUT and DELETE are idempotent).
SAFE_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


#: What joins an array's items into one value when they are not exploded, by OpenAPI style (else a comma).
_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|"}


class ParamStyle(NamedTuple):
    """Serialisation of one query, header or cookie parameter that is not ``form``/exploded."""

    style: str = "form"
    explode: bool = True

    @property
    def separator(self) -> str:
        """What joins an array's items into one value when ``explode`` is off (OpenAPI's style)."""
        return _DELIMITERS.get(self.style, ",")


class PartEncoding(NamedTuple):
    """How one property of a multipart or form body is sent, when the spec's ``encoding`` says more than the defaults.

    ``content_type``: a multipart part's media type (a list or a wildcard in the spec: the first
    concrete one, else the default); ``style``/``explode``: an array of scalars as one value joined
    (``explode=False``) rather than one part, or one form field, per item; in a form body, an object
    as its properties (:mod:`.forms`). ``allow_reserved``: a form value's reserved characters are
    sent as they are. ``as_media``: a form value is written as ``content_type`` says (the spec sets
    it but no style, explode or allowReserved).
    """

    content_type: str | None = None
    style: str = "form"
    explode: bool = True
    allow_reserved: bool = False
    as_media: bool = False

    @property
    def separator(self) -> str:
        """What joins an array's items into one value when ``explode`` is off (OpenAPI's style)."""
        return _DELIMITERS.get(self.style, ",")


@attrs.frozen
class Operation(Generic[T]):
    """One (method, path) of the API with what the runtime needs to send it and read its answer.

    ``path`` keeps the spec's template (``/projects/{projectId}``); values are
    percent-encoded in full (``/`` included) when substituted. ``styles`` names
    parameters whose serialisation differs from the default (form, exploded).
    ``body_media_type`` is the content type of the request body, if any.
    ``decode`` turns a successful response into the method's return value; its second argument
    is ``strict_responses`` (refuse, rather than keep, what does not match the spec).
    """

    method: str
    path: str
    operation_id: str
    decode: Callable[[httpx.Response, bool], T]
    body_media_type: str | None = None
    styles: dict[str, ParamStyle] = attrs.field(factory=dict)
    deprecated: bool = False
    #: POST/PATCH that always get an idempotency key (so they may be retried); GET etc. need none.
    idempotent: bool = False
    #: The generated validator of the call's arguments: every problem found, with its path.
    validate: Callable[[Mapping[str, Any]], list[str]] | None = None
    #: Alternatives, any one of which authorises the call; ``()``: it needs no credentials;
    #: ``None``: not declared (the client's first credential is sent).
    security: tuple[Requirement, ...] | None = None
    #: The success answer is a stream (server-sent events, JSON lines, a download): its body is left unread and
    #: ``decode`` (``streams.event_stream``, ``streams.json_lines``, ``downloads.byte_stream`` or
    #: ``downloads.text_stream``) wraps the open response.
    streamed: bool = False
    #: Per property of a multipart or form body, the spec's ``encoding`` where it differs from the defaults.
    body_encoding: dict[str, PartEncoding] = attrs.field(factory=dict)
    #: A GraphQL operation: the document its variables are sent with (see :mod:`specloom_runtime.graphql`).
    graphql: GraphQLDocument | None = None
    #: Sent to a URL the caller gives (a presigned upload URL), not to the client's base URL: no credential, no
    #: client header and no plugin's ``prepare_request`` goes with it (see :mod:`specloom_runtime.presigned`).
    presigned: bool = False

    @property
    def safe(self) -> bool:
        """Whether sending it twice is harmless (a read): safe HTTP methods, and GraphQL queries."""
        return self.method in SAFE_METHODS or (self.graphql is not None and self.graphql.kind == "query")


# The decoders below have no schema to hold an answer to: ``strict`` changes nothing for them.


def decode_none(response: httpx.Response, strict: bool = False) -> None:
    """For operations whose success answers carry no content this client uses."""
    return


def decode_text(response: httpx.Response, strict: bool = False) -> str:
    """For text answers (text/plain, text/csv, ...)."""
    return response.text


def decode_bytes(response: httpx.Response, strict: bool = False) -> bytes:
    """For binary answers (application/octet-stream, archives, ...)."""
    return response.content


def decode_json(response: httpx.Response, strict: bool = False) -> Any:
    """For JSON answers without a schema; an empty body reads as ``None``."""
    return response.json() if response.content else None
