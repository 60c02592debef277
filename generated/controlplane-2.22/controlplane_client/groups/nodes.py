"""Operations of the 'Nodes' group."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx
from specloom_runtime import (
    UNSET,
    AsyncPager,
    Group,
    Operation,
    Pager,
    Paging,
    ParamStyle,
    Unset,
    as_json,
    is_int32,
    is_integer,
    model_of,
    read_json,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.get_nodes_response import GetNodesResponse
    from controlplane_client.models.node import Node


def _decode_get_nodes(response: httpx.Response, strict: bool) -> GetNodesResponse:
    from controlplane_client.models.get_nodes_response import GetNodesResponse

    return read_json(response, strict, model_of(GetNodesResponse))


def _validate_get_nodes(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    query_values = arguments.get('query') or {}
    v = query_values.get('filterBy', UNSET)
    if v is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append("query.filterBy: must be an array")
        else:
            if len(v) > 10:
                problems.append("query.filterBy: must have at most 10 items")
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"query.filterBy[{i1}]: must be a string")
                elif re.search('^[A-Za-z][A-Za-z0-9]*(==|!=|<=|>=|=@|!@|<|>)[^,]+$', x1) is None:
                    problems.append(
                        f"query.filterBy[{i1}]: must match the pattern ^[A-Za-z][A-Za-z0-9]*(==|!=|<=|>=|=@|!@|<|>)[^,]+$"
                    )
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
    return problems


_GET_NODES = Operation(
    method='GET',
    path='/api/v1/nodes',
    operation_id='get_nodes',
    decode=_decode_get_nodes,
    styles={'filterBy': ParamStyle('form', False)},
    validate=_validate_get_nodes,
    security=({'bearerAuth': ()},),
)

_ITER_GET_NODES = Paging(
    kind='offset',
    items=('nodes',),
    param='offset',
    limit='limit',
    next=('next',),
)


class NodesApi(Group):
    """Cluster nodes and their GPUs."""

    _client: BaseClient
    _methods = (
        ('get_nodes', False),
        ('iter_get_nodes', False),
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
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All
            filters must match.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
        """
        return self._client.call(
            _GET_NODES,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset},
            request_options=request_options,
        )

    def iter_get_nodes(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> Pager[Node, GetNodesResponse]:
        """Every item of ``get_nodes``, page after page (the offset ``offset`` advanced by the items received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return Pager(
            self._client,
            _GET_NODES,
            _ITER_GET_NODES,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset},
            request_options=request_options,
        )


class AsyncNodesApi(Group):
    """Cluster nodes and their GPUs."""

    _client: BaseAsyncClient
    _methods = (
        ('get_nodes', False),
        ('iter_get_nodes', False),
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
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All
            filters must match.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
        """
        return await self._client.call(
            _GET_NODES,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset},
            request_options=request_options,
        )

    def iter_get_nodes(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> AsyncPager[Node, GetNodesResponse]:
        """Every item of ``get_nodes``, page after page (the offset ``offset`` advanced by the items received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return AsyncPager(
            self._client,
            _GET_NODES,
            _ITER_GET_NODES,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset},
            request_options=request_options,
        )
