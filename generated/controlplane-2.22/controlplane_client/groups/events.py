"""Operations of the 'Events' group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from uuid import UUID

import httpx
from specloom_runtime import (
    UNSET,
    AsyncPager,
    Group,
    Operation,
    Pager,
    Paging,
    Unset,
    as_json,
    is_int32,
    is_integer,
    is_uuid,
    model_of,
    read_json,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.event import Event
    from controlplane_client.models.get_workload_events_response import (
        GetWorkloadEventsResponse,
    )
    from controlplane_client.models.sort_order import SortOrder


_validators = validators('controlplane_client')


def _decode_get_workload_events(response: httpx.Response, strict: bool) -> GetWorkloadEventsResponse:
    from controlplane_client.models.get_workload_events_response import (
        GetWorkloadEventsResponse,
    )

    return read_json(response, strict, model_of(GetWorkloadEventsResponse))


def _validate_get_workload_events(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('workloadId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.workloadId: must be a string")
        elif not is_uuid(v):
            problems.append("path.workloadId: must be a uuid")
    query_values = arguments.get('query') or {}
    v = query_values.get('limit', UNSET)
    if v is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append("query.limit: must be an integer")
        else:
            if v < 1:
                problems.append("query.limit: must be >= 1")
            if v > 500:
                problems.append("query.limit: must be <= 500")
            if not is_int32(v):
                problems.append("query.limit: must fit in int32")
    v = query_values.get('offset', UNSET)
    if v is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append("query.offset: must be an integer")
        else:
            if v < 0:
                problems.append("query.offset: must be >= 0")
            if not is_int32(v):
                problems.append("query.offset: must fit in int32")
    v = query_values.get('sortOrder', UNSET)
    if v is not UNSET:
        _validators['sort_order'](v, "query.sortOrder", problems)
    return problems


_GET_WORKLOAD_EVENTS = Operation(
    method='GET',
    path='/api/v1/workloads/{workloadId}/events',
    operation_id='get_workload_events',
    decode=_decode_get_workload_events,
    validate=_validate_get_workload_events,
    security=({'bearerAuth': ()},),
)

_ITER_GET_WORKLOAD_EVENTS = Paging(
    kind='offset',
    items=('events',),
    param='offset',
    limit='limit',
    next=('next',),
)


class EventsApi(Group):
    """Events recorded for a workload."""

    _client: BaseClient
    _methods = (
        ('get_workload_events', False),
        ('iter_get_workload_events', False),
    )

    def get_workload_events(
        self,
        *,
        workload_id: UUID | str,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetWorkloadEventsResponse:
        """List the events of a workload

        ``GET /api/v1/workloads/{workloadId}/events`` (operationId ``get_workload_events``).

        Args:
            limit: Maximum number of items to return.
            offset: Number of items to skip.
        """
        return self._client.call(
            _GET_WORKLOAD_EVENTS,
            path={'workloadId': workload_id},
            query={'limit': limit, 'offset': offset, 'sortOrder': sort_order},
            request_options=request_options,
        )

    def iter_get_workload_events(
        self,
        *,
        workload_id: UUID | str,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> Pager[Event, GetWorkloadEventsResponse]:
        """Every item of ``get_workload_events``, page after page (the offset ``offset`` advanced by the items
        received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return Pager(
            self._client,
            _GET_WORKLOAD_EVENTS,
            _ITER_GET_WORKLOAD_EVENTS,
            path={'workloadId': workload_id},
            query={'limit': limit, 'offset': offset, 'sortOrder': sort_order},
            request_options=request_options,
        )


class AsyncEventsApi(Group):
    """Events recorded for a workload."""

    _client: BaseAsyncClient
    _methods = (
        ('get_workload_events', False),
        ('iter_get_workload_events', False),
    )

    async def get_workload_events(
        self,
        *,
        workload_id: UUID | str,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetWorkloadEventsResponse:
        """List the events of a workload

        ``GET /api/v1/workloads/{workloadId}/events`` (operationId ``get_workload_events``).

        Args:
            limit: Maximum number of items to return.
            offset: Number of items to skip.
        """
        return await self._client.call(
            _GET_WORKLOAD_EVENTS,
            path={'workloadId': workload_id},
            query={'limit': limit, 'offset': offset, 'sortOrder': sort_order},
            request_options=request_options,
        )

    def iter_get_workload_events(
        self,
        *,
        workload_id: UUID | str,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> AsyncPager[Event, GetWorkloadEventsResponse]:
        """Every item of ``get_workload_events``, page after page (the offset ``offset`` advanced by the items
        received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return AsyncPager(
            self._client,
            _GET_WORKLOAD_EVENTS,
            _ITER_GET_WORKLOAD_EVENTS,
            path={'workloadId': workload_id},
            query={'limit': limit, 'offset': offset, 'sortOrder': sort_order},
            request_options=request_options,
        )
