"""Operations of the 'NodePools' group."""

from __future__ import annotations

import re
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
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.node_pool import NodePool
    from controlplane_client.models.node_pool_update_request import (
        NodePoolUpdateRequest,
    )


_validators = validators('controlplane_client')


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


def _decode_update_node_pool(response: httpx.Response, strict: bool) -> NodePool:
    from controlplane_client.models.node_pool import NodePool

    return read_json(response, strict, model_of(NodePool))


def _validate_update_node_pool(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('nodepoolId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.nodepoolId: must be a string")
        elif re.search('^[0-9]+$', v) is None:
            problems.append("path.nodepoolId: must match the pattern ^[0-9]+$")
    v = arguments.get("body", UNSET)
    if v is not UNSET:
        _validators['node_pool_update_request'](v, "body", problems)
    return problems


_GET_NODE_POOLS = Operation(
    method='GET',
    path='/api/v1/node-pools',
    operation_id='get_node_pools',
    decode=_decode_get_node_pools,
    validate=_validate_get_node_pools,
    security=({'bearerAuth': ()},),
)

_UPDATE_NODE_POOL = Operation(
    method='PUT',
    path='/api/v1/node-pools/{nodepoolId}',
    operation_id='update_node_pool',
    decode=_decode_update_node_pool,
    body_media_type='application/json',
    validate=_validate_update_node_pool,
    security=({'bearerAuth': ()},),
)


class NodePoolsApi(Group):
    """Groups of nodes scheduled together."""

    _client: BaseClient
    _methods = (
        ('get_node_pools', False),
        ('update_node_pool', False),
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

    def update_node_pool(
        self,
        *,
        nodepool_id: str,
        body: NodePoolUpdateRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> NodePool:
        """Update a node pool

        ``PUT /api/v1/node-pools/{nodepoolId}`` (operationId ``update_node_pool``).
        """
        return self._client.call(
            _UPDATE_NODE_POOL,
            path={'nodepoolId': nodepool_id},
            body=body,
            request_options=request_options,
        )


class AsyncNodePoolsApi(Group):
    """Groups of nodes scheduled together."""

    _client: BaseAsyncClient
    _methods = (
        ('get_node_pools', False),
        ('update_node_pool', False),
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

    async def update_node_pool(
        self,
        *,
        nodepool_id: str,
        body: NodePoolUpdateRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> NodePool:
        """Update a node pool

        ``PUT /api/v1/node-pools/{nodepoolId}`` (operationId ``update_node_pool``).
        """
        return await self._client.call(
            _UPDATE_NODE_POOL,
            path={'nodepoolId': nodepool_id},
            body=body,
            request_options=request_options,
        )
