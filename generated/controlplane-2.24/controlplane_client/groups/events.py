"""Operations of the 'Events' group."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

import httpx
from specloom_runtime import UNSET, Group, Operation, Unset, decode_json

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.get_workload_events_response import (
        GetWorkloadEventsResponse,
    )
    from controlplane_client.models.sort_order import SortOrder


def _decode_get_workload_events(response: httpx.Response) -> GetWorkloadEventsResponse:
    from controlplane_client.models.get_workload_events_response import (
        GetWorkloadEventsResponse,
    )

    return GetWorkloadEventsResponse.from_dict(decode_json(response))


_GET_WORKLOAD_EVENTS = Operation(
    method='GET',
    path='/api/v1/workloads/{workloadId}/events',
    operation_id='get_workload_events',
    decode=_decode_get_workload_events,
)


class EventsApi(Group):
    """Events recorded for a workload."""

    _client: BaseClient
    _methods = (
        ('get_workload_events', False),
    )

    def get_workload_events(
        self,
        *,
        workload_id: UUID,
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


class AsyncEventsApi(Group):
    """Events recorded for a workload."""

    _client: BaseAsyncClient
    _methods = (
        ('get_workload_events', False),
    )

    async def get_workload_events(
        self,
        *,
        workload_id: UUID,
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
