"""Operations of the 'Nodes' group."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
from specloom_runtime import UNSET, Group, Operation, ParamStyle, Unset, decode_json

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.get_nodes_response import GetNodesResponse


def _decode_get_nodes(response: httpx.Response) -> GetNodesResponse:
    from controlplane_client.models.get_nodes_response import GetNodesResponse

    return GetNodesResponse.from_dict(decode_json(response))


_GET_NODES = Operation(
    method='GET',
    path='/api/v1/nodes',
    operation_id='get_nodes',
    decode=_decode_get_nodes,
    styles={'filterBy': ParamStyle('form', False)},
)


class NodesApi(Group):
    """Cluster nodes and their GPUs."""

    _client: BaseClient
    _methods = (
        ('get_nodes', False),
    )

    def get_nodes(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetNodesResponse:
        """List nodes

        ``GET /api/v1/nodes`` (operationId ``get_nodes``).

        Args:
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All filters must match.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
        """
        return self._client.call(
            _GET_NODES,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset},
            request_options=request_options,
        )


class AsyncNodesApi(Group):
    """Cluster nodes and their GPUs."""

    _client: BaseAsyncClient
    _methods = (
        ('get_nodes', False),
    )

    async def get_nodes(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetNodesResponse:
        """List nodes

        ``GET /api/v1/nodes`` (operationId ``get_nodes``).

        Args:
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All filters must match.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
        """
        return await self._client.call(
            _GET_NODES,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset},
            request_options=request_options,
        )
