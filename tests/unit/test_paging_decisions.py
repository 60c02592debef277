"""When a paginated list ends and what the next page's request is (specloom_runtime.pagination), decided sans I/O.

Each case feeds ``_Walk`` the pages a server would answer and reads back the requests it
would send, so the end-of-list rules are checked for servers a test server does not model:
one that caps the page size below what was asked, one that ignores the offset, one whose
answers leave out the ``next`` field.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from specloom_runtime import UNSET, Operation, Page, PaginationError, Paging, decode_json
from specloom_runtime.pagination import _Walk

BASE = "https://cp.example.com/api"
OPERATION: Operation[Any] = Operation(method="GET", path="/things", operation_id="list_things", decode=decode_json)
OFFSET = Paging(kind="offset", items=("things",), param="offset", limit="limit", next=("next",))


def answer(body: Any, *, url: str = BASE + "/things", headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(200, json=body, headers=headers, request=httpx.Request("GET", url))


def walk(paging: Paging, **query: Any) -> _Walk:
    return _Walk(BASE, OPERATION, paging, {"query": query}, None)


def read(w: _Walk, response: httpx.Response) -> Page[Any, Any]:
    return w.page_operation.decode(response, False)


def offsets(paging: Paging, bodies: list[Any], **query: Any) -> list[Any]:
    """The offset each page after the first is asked at; ``None`` last when the list ends after ``bodies``."""
    w = walk(paging, **query)
    asked = []
    for body in bodies:
        request = w.after(read(w, answer(body)))
        asked.append(None if request is None else request.arguments["query"]["offset"])
        if request is None:
            break
    return asked


def things(n: int, start: int = 0) -> list[dict[str, int]]:
    return [{"id": i} for i in range(start, start + n)]


def test_an_offset_advances_by_the_items_received_and_next_null_ends() -> None:
    bodies = [{"things": things(10), "next": 10}, {"things": things(10, 10), "next": 20}, {"things": things(3, 20), "next": None}]
    assert offsets(OFFSET, bodies, limit=10) == [10, 20, None]


def test_a_server_capping_the_page_size_is_read_to_its_end() -> None:
    # Asked for 100, given 10 at a time and no "next" field: short pages that are as long as the ones before
    # are not the end; a page shorter than those is.
    no_next = Paging(kind="offset", items=("things",), param="offset", limit="limit")
    bodies = [{"things": things(10)}, {"things": things(10, 10)}, {"things": things(4, 20)}]
    assert offsets(no_next, bodies, limit=100) == [10, 20, None]


def test_a_first_short_page_is_not_trusted_to_be_the_last_without_a_next_field() -> None:
    no_next = Paging(kind="offset", items=("things",), param="offset", limit="limit")
    assert offsets(no_next, [{"things": things(7)}, {"things": []}], limit=100) == [7, None]


def test_an_answer_leaving_next_out_is_not_taken_for_the_end() -> None:
    bodies = [{"things": things(10), "next": 10}, {"things": things(10, 10)}, {"things": []}]
    assert offsets(OFFSET, bodies, limit=10) == [10, 20, None]


def test_more_false_ends_and_more_true_reads_on_past_a_short_page() -> None:
    more = Paging(kind="offset", items=("things",), param="offset", limit="limit", next=("meta", "hasMore"))
    bodies = [{"things": things(5), "meta": {"hasMore": True}}, {"things": things(2, 5), "meta": {"hasMore": True}},
              {"things": things(5, 7), "meta": {"hasMore": False}}]
    assert offsets(more, bodies, limit=5) == [5, 7, None]


def test_a_start_offset_is_kept_and_the_answer_may_be_the_array() -> None:
    whole = Paging(kind="offset", param="offset")
    assert offsets(whole, [things(3, 40), []], offset=40) == [43, None]


def test_a_server_ignoring_the_offset_raises_instead_of_looping() -> None:
    w = walk(OFFSET, limit=2)
    body = {"things": things(2), "next": 2}
    assert w.after(read(w, answer(body))) is not None
    with pytest.raises(PaginationError, match="answered offset 2 with the page before it"):
        w.after(read(w, answer(body)))


def test_a_cursor_goes_back_as_its_parameter_until_there_is_none() -> None:
    cursor = Paging(kind="cursor", items=("data",), param="page_token", next=("next_page_token",))
    w = walk(cursor, page_size=2, page_token=UNSET)
    request = w.after(read(w, answer({"data": [1, 2], "next_page_token": "abc"})))
    assert request is not None and request.arguments["query"] == {"page_size": 2, "page_token": "abc"}
    # An empty page with a token reads on (a server may filter a page empty); "" ends, as null does.
    assert w.after(read(w, answer({"data": [], "next_page_token": "def"}))) is not None
    assert w.after(read(w, answer({"data": [3], "next_page_token": ""}))) is None


def test_link_header_next_is_followed_inside_the_base_url_only() -> None:
    link = Paging(kind="link", items=("data",))
    w = walk(link, per_page=2)
    following = read(w, answer({"data": [1]}, headers={"Link": '<things?page=2&tag=a&tag=b>; rel="next"'}))
    request = w.after(following)
    assert request is not None
    assert request.operation.path == "/things" and request.operation.validate is None
    assert request.arguments["query"] == {"page": "2", "tag": ["a", "b"]}  # the server's query, as it wrote it
    outside = read(w, answer({"data": [2]}, headers={"Link": '</other/things?page=3>; rel="next"'}))
    with pytest.raises(PaginationError, match="outside the client's base URL"):
        w.after(outside)
    plain_http = read(w, answer({"data": [2]}, headers={"Link": '<http://cp.example.com/api/things?page=3>; rel="next"'}))
    with pytest.raises(PaginationError, match="another origin"):
        w.after(plain_http)
    assert w.after(read(w, answer({"data": [3]}))) is None  # no rel="next": the last page


def test_a_next_url_in_the_body_is_followed_once() -> None:
    body_link = Paging(kind="link", items=("data",), next=("meta", "next_page_url"))
    w = walk(body_link)
    url = BASE + "/things?PageToken=x"
    assert w.after(read(w, answer({"data": [1], "meta": {"next_page_url": url}}))) is not None
    with pytest.raises(PaginationError, match="next link .* twice"):
        w.after(read(w, answer({"data": [2], "meta": {"next_page_url": url}})))


def test_items_that_are_not_an_array_are_a_typed_error() -> None:
    w = walk(OFFSET)
    with pytest.raises(PaginationError, match=r"the items of a page \(things\) are not an array"):
        read(w, answer({"things": {"id": 1}}))
