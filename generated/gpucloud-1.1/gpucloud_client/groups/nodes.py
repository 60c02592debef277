"""Operations of the 'nodes' group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx
from specloom_runtime import (
    UNSET,
    GraphQLDocument,
    Group,
    Operation,
    as_json,
    model_of,
    read_graphql,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from gpucloud_client.models.get_node import GetNode


def _decode_get_node(response: httpx.Response, strict: bool) -> GetNode:
    from gpucloud_client.models.get_node import GetNode

    return read_graphql(response, strict, model_of(GetNode))


def _validate_get_node(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('id', UNSET)
    if v is not UNSET and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append("variables.id: must be a string")
    return problems


_GET_NODE = Operation(
    method='POST',
    path='/graphql',
    operation_id='GetNode',
    decode=_decode_get_node,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'query GetNode($id: ID!) {\n  node(id: $id) {\n    __typename\n    id\n    ... on Pod {\n      name\n      desiredStatus\n    }\n    ... on Endpoint {\n      name\n      workersMax\n    }\n    ... on PodTemplate {\n      name\n      imageName\n    }\n    ... on GpuType {\n      displayName\n      memoryInGb\n    }\n    ... on NetworkVolume {\n      name\n      size\n    }\n    ... on User {\n      email\n    }\n  }\n}',
        'GetNode',
        'query',
    ),
    validate=_validate_get_node,
    security=(),
)


class NodesApi(Group):
    """The operations of operations/nodes.graphql."""

    _client: BaseClient
    _methods = (
        ('get_node', False),
    )

    def get_node(
        self,
        *,
        id: str,
        request_options: RequestOptions | None = None,
    ) -> GetNode:
        """Anything by its global id: the answer's __typename says which inline fragment applies.

        GraphQL query ``GetNode``, sent to ``/graphql``.
        """
        return self._client.call(
            _GET_NODE,
            variables={'id': id},
            request_options=request_options,
        )


class AsyncNodesApi(Group):
    """The operations of operations/nodes.graphql."""

    _client: BaseAsyncClient
    _methods = (
        ('get_node', False),
    )

    async def get_node(
        self,
        *,
        id: str,
        request_options: RequestOptions | None = None,
    ) -> GetNode:
        """Anything by its global id: the answer's __typename says which inline fragment applies.

        GraphQL query ``GetNode``, sent to ``/graphql``.
        """
        return await self._client.call(
            _GET_NODE,
            variables={'id': id},
            request_options=request_options,
        )
