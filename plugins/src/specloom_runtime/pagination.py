"""Pagination: every item, or every page, of a list operation, each page fetched when it is reached.

A list operation the generator found paginated (or a ``family.toml`` declared so) gets a
companion method returning a :class:`Pager` (an :class:`AsyncPager` in the async
client): iterating it yields every item of every page; :meth:`Pager.pages` yields the
pages, each a :class:`Page` holding its items and ``data``, the decoded answer with
every field of the page (totals, time ranges...). A page is fetched only when the one
before it is used up: leaving the loop early fetches nothing more.

Each page is one ordinary call of the operation through the client (auth, retries of
the GET, validation of the caller's arguments, tracing, plugins); only the way the next
page is asked for differs, by :attr:`Paging.kind`:

- ``offset``: the ``offset`` query parameter advances by the items received. The list
  ends on an empty page, on a ``next``/``more`` field that is ``null`` or ``false``, or
  (when the answer has no such field, or leaves it out) on a page shorter than both the
  page size asked for and the longest page before it — a server capping the page size
  below what was asked never ends the list early. An answer the same, byte for byte, as
  the page before it (a server ignoring the offset) raises :class:`PaginationError`.
- ``cursor``: the token a field of the answer holds (``nextToken``, ``next_page_token``,
  ``next_cursor``...) goes back as a query parameter; no token (absent, ``null``, ``""``)
  ends the list. A token the server already gave (a server bug) raises
  :class:`PaginationError` instead of looping.
- ``link``: the URL of the next page, from the ``Link`` header's ``rel="next"``
  (RFC 8288) or, when :attr:`Paging.next` names one, from a field of the answer, is
  followed as given. It must stay under the client's base URL (same scheme, host and
  port): credentials are never sent to another origin, a :class:`PaginationError` is
  raised instead. A URL already followed raises too.

Everything here is written once: :class:`_Walk` decides, sans I/O, which request comes
next; :class:`Pager` and :class:`AsyncPager` only send them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, NamedTuple, TypeVar

import attrs
import httpx

from .call import NO_OPTIONS, RequestOptions
from .errors import SpecloomError, request_id_of
from .operation import Operation
from .unset import UNSET, Unset

if TYPE_CHECKING:
    from .client import BaseAsyncClient, BaseClient

I = TypeVar("I")  # the item type, as in Page[I, P]
P = TypeVar("P")
#: The client a pager sends through: sync (and threaded) or async.
C = TypeVar("C", "BaseClient", "BaseAsyncClient")


class PaginationError(SpecloomError):
    """A list cannot be read on, page after page: the server repeated a cursor or a page, or sent a next
    link to another origin (where the client's credentials must not go). ``request_id`` is that of the
    answer at fault."""

    def __init__(self, message: str, *, request_id: str | None = None) -> None:
        super().__init__(message if request_id is None else f"{message} (request id {request_id})")
        self.request_id = request_id


@attrs.frozen
class Paging:
    """How one list operation pages, as generated code declares it (see the module's docstring).

    Paths are the wire names leading from the answer to a value: ``items`` to the array of
    items (``()``: the answer is the array), ``next`` to the field that says whether
    another page follows (``offset``), holds the next token (``cursor``) or the next URL
    (``link``; ``()``: the ``Link`` header). ``param`` is the query parameter that carries
    the offset or the token; ``limit`` the one carrying the page size (``offset``, optional).
    """

    kind: Literal["offset", "cursor", "link"]
    items: tuple[str, ...] = ()
    param: str = ""
    limit: str = ""
    next: tuple[str, ...] = ()


class Page(Generic[I, P]):
    """One page of a list: its ``items``, and ``data``, the whole decoded answer (every field of the page)."""

    __slots__ = ("_follow", "_more", "_raw", "data", "items", "request_id")

    def __init__(self, items: list[I], data: P, request_id: str | None, follow: Any, more: bool | None,
                 raw: bytes) -> None:
        self.items = items
        self.data = data
        #: The server's id of the answer this page came in.
        self.request_id = request_id
        self._follow = follow  # the next token or URL the answer gave, if any
        self._more = more  # offset: what the answer's next/more field says (None: nothing)
        self._raw = raw

    def __repr__(self) -> str:
        return f"Page(items={len(self.items)}, request_id={self.request_id!r})"


class _PageRequest(NamedTuple):
    """One page to fetch: the operation (with the page's decoder) and its arguments."""

    operation: Operation[Page[Any, Any]]
    arguments: dict[str, Any]
    options: RequestOptions | None


def _field(value: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path`` (wire names) in a decoded answer: a generated model, a mapping, or
    :data:`UNSET` where the path leads nowhere."""
    for wire in path:
        if isinstance(value, Mapping):
            value = value.get(wire, UNSET)
            continue
        names: Mapping[str, str] | None = getattr(type(value), "__wire_names__", None)
        if names is None:
            return UNSET
        attribute = next((python for python, name in names.items() if name == wire), None)
        if attribute is not None:
            value = getattr(value, attribute)
        else:  # a field the spec does not name, kept with the model
            value = getattr(value, "additional_properties", {}).get(wire, UNSET)
    return value


def _page_decoder(decode: Callable[[httpx.Response, bool], Any], paging: Paging,
                  what: str) -> Callable[[httpx.Response, bool], Page[Any, Any]]:
    """The ``decode`` of a page: the operation's own, then the items and the way on picked out of it."""

    def decode_page(response: httpx.Response, strict: bool) -> Page[Any, Any]:
        data = decode(response, strict)
        items = _field(data, paging.items)
        if items is None or isinstance(items, Unset):
            items = []  # an answer without its array holds no items
        elif not isinstance(items, list):
            raise PaginationError(f"{what}: the items of a page ({'.'.join(paging.items) or 'the answer'}) are "
                                  f"not an array", request_id=request_id_of(response))
        follow: Any = None
        more: bool | None = None
        if paging.kind == "link":
            if paging.next:
                follow = _field(data, paging.next) or None
            else:
                follow = response.links.get("next", {}).get("url")
            if follow is not None:
                follow = response.request.url.join(str(follow))
        elif paging.next:
            signal = _field(data, paging.next)
            if paging.kind == "cursor":
                follow = None if isinstance(signal, Unset) or signal in (None, "") else signal
            elif not isinstance(signal, Unset):  # offset: only a field that is there says anything
                more = signal is not None and signal is not False
        return Page(items, data, request_id_of(response), follow, more, response.content)

    return decode_page


class _Walk:
    """Which page comes next, decided from the pages so far; sends nothing (shared by both pagers)."""

    def __init__(self, base_url: str, operation: Operation[Any], paging: Paging, arguments: dict[str, Any],
                 options: RequestOptions | None) -> None:
        self.base = httpx.URL(base_url)
        self.paging = paging
        self.what = f"{operation.method} {operation.path}"
        self.page_operation: Operation[Page[Any, Any]] = attrs.evolve(
            operation, decode=_page_decoder(operation.decode, paging, self.what))
        self.arguments = arguments
        self.options = options
        taken = (options or NO_OPTIONS).query
        if paging.param in taken:
            raise PaginationError(f"{self.what}: request_options.query sets {paging.param!r}, which the pager "
                                  f"sends for each page; pass it as the method's argument")
        query: dict[str, Any] = dict(arguments.get("query") or {})
        self.query = query
        start = query.get(paging.param, UNSET)
        self.offset = start if isinstance(start, int) else 0
        size = query.get(paging.limit, UNSET) if paging.limit else UNSET
        self.limit: int | None = size if isinstance(size, int) else None
        self.longest = 0
        self.previous: bytes | None = None
        self.seen: set[Any] = set()

    def first(self) -> _PageRequest:
        return _PageRequest(self.page_operation, self.arguments, self.options)

    def after(self, page: Page[Any, Any]) -> _PageRequest | None:
        """The request for the page after ``page``; ``None`` when ``page`` was the last."""
        kind = self.paging.kind
        if kind == "offset":
            return self._after_offset(page)
        follow = page._follow
        if follow is None:
            return None
        if follow in self.seen:
            what = "next link" if kind == "link" else "cursor"
            raise PaginationError(f"{self.what}: the server gave the {what} {_shown(follow)} twice; reading on "
                                  f"would repeat pages forever", request_id=page.request_id)
        self.seen.add(follow)
        if kind == "cursor":
            return self._with_query({**self.query, self.paging.param: follow})
        return self._link(follow, page)

    def _after_offset(self, page: Page[Any, Any]) -> _PageRequest | None:
        count = len(page.items)
        if count == 0 or page._more is False:
            return None
        if page._more is None and count < min(self.limit or count + 1, self.longest or count):
            return None  # shorter than the pages the server gave before: the last one
        if page._raw == self.previous:
            raise PaginationError(f"{self.what}: the server answered offset {self.offset} with the page before it "
                                  f"again; it does not seem to read {self.paging.param!r}", request_id=page.request_id)
        self.previous = page._raw
        self.longest = max(self.longest, count)
        self.offset += count
        return self._with_query({**self.query, self.paging.param: self.offset})

    def _with_query(self, query: dict[str, Any]) -> _PageRequest:
        return _PageRequest(self.page_operation, {**self.arguments, "query": query}, self.options)

    def _link(self, url: httpx.URL, page: Page[Any, Any]) -> _PageRequest:
        base = self.base
        if (url.scheme, url.host, url.port) != (base.scheme, base.host, base.port):
            raise PaginationError(f"{self.what}: the next page is at another origin "
                                  f"({url.scheme}://{url.netloc.decode('ascii')}); the client's credentials go only "
                                  f"to {base.scheme}://{base.netloc.decode('ascii')}, so it was not fetched",
                                  request_id=page.request_id)
        path = url.raw_path.split(b"?", 1)[0].decode("ascii")
        prefix = base.raw_path.decode("ascii").rstrip("/")
        if not path.startswith(prefix + "/"):
            raise PaginationError(f"{self.what}: the next page ({path}) is outside the client's base URL {base}",
                                  request_id=page.request_id)
        query: dict[str, Any] = {}
        for name, value in url.params.multi_items():
            query.setdefault(name, []).append(value)
        # The server wrote this query: sent as it is, not validated as the caller's arguments are.
        hop = attrs.evolve(self.page_operation, path=path[len(prefix):], validate=None)
        arguments = {k: v for k, v in self.arguments.items() if k not in ("path", "query")}
        arguments["query"] = {k: v[0] if len(v) == 1 else v for k, v in query.items()}
        return _PageRequest(hop, arguments, self.options)


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 80 else text[:77] + "...")


class _Pager(Generic[C, I, P]):
    """What both pagers hold: the client, the operation and its arguments, and how it pages."""

    def __init__(self, client: C, operation: Operation[P], paging: Paging, *,
                 request_options: RequestOptions | None = None, **arguments: Any) -> None:
        self._client: C = client
        self._operation = operation
        self._paging = paging
        self._arguments = arguments
        self._options = request_options

    def _walk(self) -> _Walk:
        return _Walk(self._client.config.base_url, self._operation, self._paging, self._arguments, self._options)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._operation.operation_id} ({self._paging.kind})>"


class Pager(_Pager["BaseClient", I, P]):
    """Every item of a list operation: ``for item in pager``; ``pager.pages()`` for the pages.

    Each iteration starts over from the first page; pages are fetched as they are reached.
    """

    def pages(self) -> Iterator[Page[I, P]]:
        """Each page in turn: its ``items`` and ``data`` (the decoded answer, with the page's own fields)."""
        walk = self._walk()
        request: _PageRequest | None = walk.first()
        while request is not None:
            page: Page[I, P] = self._client.call(request.operation, request_options=request.options,
                                                 **request.arguments)
            yield page
            request = walk.after(page)

    def __iter__(self) -> Iterator[I]:
        for page in self.pages():
            yield from page.items


class AsyncPager(_Pager["BaseAsyncClient", I, P]):
    """Every item of a list operation, for the async client: ``async for item in pager``; ``pager.pages()``
    for the pages. Each iteration starts over from the first page; pages are fetched as they are reached."""

    async def pages(self) -> AsyncIterator[Page[I, P]]:
        """Each page in turn: its ``items`` and ``data`` (the decoded answer, with the page's own fields)."""
        walk = self._walk()
        request: _PageRequest | None = walk.first()
        while request is not None:
            page: Page[I, P] = await self._client.call(request.operation, request_options=request.options,
                                                       **request.arguments)
            yield page
            request = walk.after(page)

    async def _items(self) -> AsyncIterator[I]:
        async for page in self.pages():
            for item in page.items:
                yield item

    def __aiter__(self) -> AsyncIterator[I]:
        return self._items()
