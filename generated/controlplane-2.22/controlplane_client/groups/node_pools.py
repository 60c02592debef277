"""Operations of the 'NodePools' group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

import httpx
from specloom_runtime import (
    UNSET,
    Group,
    Operation,
    Unset,
    as_json,
    is_uuid,
    list_of,
    model_of,
    read_json,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.node_pool import NodePool


def _decode_get_node_pools(response: httpx.Response, strict: bool) -> list[NodePool]:
    from controlplane_client.models.node_pool import NodePool

    return cast('list[NodePool]', read_json(response, strict, list_of(model_of(NodePool))))


def _validate_get_node_pools(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    query_values = arguments.get('query') or {}
    v = query_values.get('clusterId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("query.clusterId: must be a string")
        elif not is_uuid(v):
            problems.append("query.clusterId: must be a uuid")
    return problems


_GET_NODE_POOLS = Operation(
    method='GET',
    path='/api/v1/node-pools',
    operation_id='get_node_pools',
    decode=_decode_get_node_pools,
    validate=_validate_get_node_pools,
    security=({'bearerAuth': ()},),
)


class NodePoolsApi(Group):
    """Groups of nodes scheduled together."""

    _client: BaseClient
    _methods = (
        ('get_node_pools', False),
    )

    def get_node_pools(
        self,
        *,
        cluster_id: UUID | str | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> list[NodePool]:
        """List node pools

        ``GET /api/v1/node-pools`` (operationId ``get_node_pools``).
        """
        return self._client.call(
            _GET_NODE_POOLS,
            query={'clusterId': cluster_id},
            request_options=request_options,
        )


class AsyncNodePoolsApi(Group):
    """Groups of nodes scheduled together."""

    _client: BaseAsyncClient
    _methods = (
        ('get_node_pools', False),
    )

    async def get_node_pools(
        self,
        *,
        cluster_id: UUID | str | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> list[NodePool]:
        """List node pools

        ``GET /api/v1/node-pools`` (operationId ``get_node_pools``).
        """
        return await self._client.call(
            _GET_NODE_POOLS,
            query={'clusterId': cluster_id},
            request_options=request_options,
        )
