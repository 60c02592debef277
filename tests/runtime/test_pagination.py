"""Paginated lists (issue 11, item 5) through the generated client, one body for every kind of client.

``iter_get_workloads`` pages by offset (``next`` null on the last page), ``iter_list_audit_records``
by a cursor in the body (``nextCursor``), ``iter_list_audit_archive`` by the ``Link`` header: its
spec does not say so, the family's ``family.toml`` declares it. The test server seeds 10,000
workloads (``seed_workloads``) or as many audit entries as a test asks (``seed_audit``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from specloom_runtime import AsyncPager, Page, PaginationError, RequestOptions, capture_calls

from tests.runtime.harness import FAST, WORKLOADS, Harness
from tests.servers import ControlPlaneServer
from tests.servers.faults import Fault

AUDIT_LOGS = "/api/v1/audit/logs"
RECORDS = "/api/v1/audit/records"
ARCHIVE = "/api/v1/audit/archive"
Open = Callable[[Any], Any]


def workloads(**arguments: Any) -> Open:
    return lambda client: client.workloads.workloads.iter_get_workloads(**arguments)


def records(**arguments: Any) -> Open:
    return lambda client: client.audit.audit_logs.iter_list_audit_records(**arguments)


def archive(**arguments: Any) -> Open:
    return lambda client: client.audit.audit_logs.iter_list_audit_archive(**arguments)


def items(open_pager: Open, *, stop_after: int | None = None) -> Callable[[Any], Any]:
    """A call reading the pager's items, all of them or the first ``stop_after`` (then leaving the loop)."""

    def fn(client: Any) -> Any:
        pager = open_pager(client)
        taken: list[Any] = []
        if isinstance(pager, AsyncPager):

            async def consume() -> list[Any]:
                async for item in pager:
                    taken.append(item)
                    if len(taken) == stop_after:
                        break
                return taken

            return consume()
        for item in pager:
            taken.append(item)
            if len(taken) == stop_after:
                break
        return taken

    return fn


def pages(open_pager: Open, after_page: Callable[[int], None] = lambda n: None) -> Callable[[Any], Any]:
    """A call reading the pager page by page; ``after_page(n)`` runs once page ``n`` (from 1) is read."""

    def fn(client: Any) -> Any:
        pager = open_pager(client)
        read: list[Page[Any, Any]] = []
        if isinstance(pager, AsyncPager):

            async def consume() -> list[Page[Any, Any]]:
                async for page in pager.pages():
                    read.append(page)
                    after_page(len(read))
                return read

            return consume()
        for page in pager.pages():
            read.append(page)
            after_page(len(read))
        return read

    return fn


def items_until_error(open_pager: Open) -> Callable[[Any], Any]:
    """A call reading items until the pager raises: (items read, the error)."""

    def fn(client: Any) -> Any:
        pager = open_pager(client)
        taken: list[Any] = []
        if isinstance(pager, AsyncPager):

            async def consume() -> tuple[list[Any], BaseException | None]:
                try:
                    async for item in pager:
                        taken.append(item)
                except PaginationError as exc:
                    return taken, exc
                return taken, None

            return consume()
        try:
            taken.extend(pager)  # keeps the items read before the error
        except PaginationError as exc:
            return taken, exc
        return taken, None

    return fn


def test_a_10000_item_list_yields_each_item_exactly_once(h: Harness, server: ControlPlaneServer) -> None:
    server.api.seed_workloads(10_000)
    client = h.bearer_client()
    got = h.run(client, items(workloads(limit=500)))
    ids = [str(w.id) for w in got]
    assert len(ids) == 10_000 and set(ids) == set(server.api.workloads)
    assert [w.name for w in got[:2]] == ["load-00000", "load-00001"]
    # 20 pages of 500; the 20th says "next": null, so there is no 21st request.
    assert len(server.requests_to("GET", WORKLOADS)) == 20


def test_pages_keep_their_own_fields(h: Harness, server: ControlPlaneServer) -> None:
    server.api.seed_audit(120)
    client = h.bearer_client()
    read = h.run(client, pages(lambda c: c.audit.audit_logs.iter_get_audit_logs(from_="2024-01-01T00:00:00Z",
                                                                                limit=50)))
    assert [len(page.items) for page in read] == [50, 50, 20]
    assert [page.data.next for page in read] == [50, 100, None]
    assert {page.data.time_range.from_.isoformat() for page in read} == {"2024-01-01T00:00:00+00:00"}
    assert [e.entity_id for page in read for e in page.items] == [str(n) for n in range(120)]
    assert all(page.request_id for page in read)


def test_a_failed_page_fetch_is_retried_and_every_item_comes_once(h: Harness, server: ControlPlaneServer) -> None:
    server.api.seed_workloads(2_000)
    client = h.bearer_client(**FAST)

    def break_the_next_page(n: int) -> None:
        # After page 1 the next fetch meets a 503, after page 2 a connection reset: both retried like any GET.
        if n in (1, 2):
            fault = Fault.unavailable(retry_after=0) if n == 1 else Fault.reset()
            server.inject(fault, method="GET", path=WORKLOADS)

    read = h.run(client, pages(workloads(limit=500), break_the_next_page))
    ids = [str(w.id) for page in read for w in page.items]
    assert len(ids) == 2_000 and set(ids) == set(server.api.workloads)
    sent = server.requests_to("GET", WORKLOADS)
    assert len(sent) == 6  # 4 pages, 2 of them asked twice
    assert [dict(e.request.query_pairs()) for e in sent if e.fault is not None] == [
        {"limit": "500", "offset": "500"}, {"limit": "500", "offset": "1000"}]


def test_a_cursor_in_the_body_is_sent_back_until_the_last_page(h: Harness, server: ControlPlaneServer) -> None:
    server.api.seed_audit(1_234)
    client = h.bearer_client()
    got = h.run(client, items(records(limit=100)))
    assert [e.entity_id for e in got] == [str(n) for n in range(1_234)]
    sent = server.requests_to("GET", RECORDS)
    assert len(sent) == 13
    assert "cursor" not in dict(sent[0].request.query_pairs()) and "cursor" in dict(sent[1].request.query_pairs())


def test_the_link_header_a_family_toml_declares_is_followed(h: Harness, server: ControlPlaneServer) -> None:
    server.api.seed_audit(1_234)
    client = h.bearer_client()
    with capture_calls() as calls:
        got = h.run(client, items(archive(per_page=100)))
    assert [e.entity_id for e in got] == [str(n) for n in range(1_234)]
    assert type(got[0]).__name__ == "AuditLog"  # typed as the spec's item, though the spec says nothing of pages
    sent = server.requests_to("GET", ARCHIVE)
    assert [dict(e.request.query_pairs()).get("page", "1") for e in sent] == [str(n) for n in range(1, 14)]
    assert all(e.status == 200 for e in sent)  # each page with the client's credentials
    assert len(calls) == 13 and {c.operation.operation_id for c in calls} == {"list_audit_archive"}


def test_a_next_link_to_another_origin_is_refused_and_not_fetched(h: Harness, server: ControlPlaneServer) -> None:
    server.api.seed_audit(150)
    server.api.paginate_oddly(archive_origin=f"http://localhost:{server.port}")
    client = h.bearer_client()
    got, error = h.run(client, items_until_error(archive(per_page=100)))
    assert len(got) == 100
    assert isinstance(error, PaginationError) and "another origin (http://localhost:" in str(error)
    assert len(server.requests_to("GET", ARCHIVE)) == 1


def test_a_repeating_cursor_raises_instead_of_looping(h: Harness, server: ControlPlaneServer) -> None:
    server.api.seed_audit(500)
    server.api.paginate_oddly(repeat_cursor=True)
    client = h.bearer_client()
    got, error = h.run(client, items_until_error(records(limit=100)))
    assert [e.entity_id for e in got] == [str(n) for n in range(200)]
    assert isinstance(error, PaginationError) and "twice" in str(error) and error.request_id
    assert len(server.requests_to("GET", RECORDS)) == 2


def test_leaving_early_fetches_no_more_pages(h: Harness, server: ControlPlaneServer) -> None:
    server.api.seed_workloads(10_000)
    client = h.bearer_client()
    got = h.run(client, items(workloads(limit=100), stop_after=150))
    assert len(got) == 150
    assert len(server.requests_to("GET", WORKLOADS)) == 2


def test_an_offset_in_request_options_is_refused_before_anything_is_sent(h: Harness, server: ControlPlaneServer) -> None:
    client = h.bearer_client()
    options = RequestOptions(query={"offset": 10})
    with pytest.raises(PaginationError, match="request_options.query sets 'offset'"):
        h.run(client, items(workloads(request_options=options)))
    assert server.requests_to("GET", WORKLOADS) == []


def test_a_start_offset_and_the_other_arguments_go_with_every_page(h: Harness, server: ControlPlaneServer) -> None:
    server.api.seed_workloads(1_000)
    client = h.bearer_client()
    got = h.run(client, items(workloads(limit=300, offset=100, sort_order="desc")))
    assert len(got) == 900 and got[0].name == "load-00899" and got[-1].name == "load-00000"
    queries = [dict(e.request.query_pairs()) for e in server.requests_to("GET", WORKLOADS)]
    assert [q["offset"] for q in queries] == ["100", "400", "700"]
    assert {q["sortOrder"] for q in queries} == {"desc"} and {q["limit"] for q in queries} == {"300"}
