"""Operations of the 'gpus' group."""

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
    is_int32,
    is_integer,
    model_of,
    read_graphql,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from gpucloud_client.models.get_gpu_type import GetGpuType
    from gpucloud_client.models.gpu_lowest_price_input import GpuLowestPriceInput
    from gpucloud_client.models.list_gpu_types import ListGpuTypes


_validators = validators('gpucloud_client')


def _decode_get_gpu_type(response: httpx.Response, strict: bool) -> GetGpuType:
    from gpucloud_client.models.get_gpu_type import GetGpuType

    return read_graphql(response, strict, model_of(GetGpuType))


def _validate_get_gpu_type(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('id', UNSET)
    if v is not UNSET and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append("variables.id: must be a string")
    v = variable_values.get('price', UNSET)
    if v is not UNSET:
        _validators['gpu_lowest_price_input'](v, "variables.price", problems)
    return problems


def _decode_list_gpu_types(response: httpx.Response, strict: bool) -> ListGpuTypes:
    from gpucloud_client.models.list_gpu_types import ListGpuTypes

    return read_graphql(response, strict, model_of(ListGpuTypes))


def _validate_list_gpu_types(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('gpuCount', UNSET)
    if v is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append("variables.gpuCount: must be an integer")
        elif not is_int32(v):
            problems.append("variables.gpuCount: must fit in int32")
    return problems


_GET_GPU_TYPE = Operation(
    method='POST',
    path='/graphql',
    operation_id='GetGpuType',
    decode=_decode_get_gpu_type,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'query GetGpuType($id: ID!, $price: GpuLowestPriceInput!) {\n  gpuTypes(input: {id: $id}) {\n    id\n    displayName\n    manufacturer\n    memoryInGb\n    maxGpuCount\n    securePrice\n    communityPrice\n    oneMonthPrice\n    lowestPrice(input: $price) {\n      gpuName\n      gpuTypeId\n      minimumBidPrice\n      uninterruptablePrice\n      minMemory\n      minVcpu\n      stockStatus\n    }\n  }\n}',
        'GetGpuType',
        'query',
    ),
    validate=_validate_get_gpu_type,
    security=(),
)

_LIST_GPU_TYPES = Operation(
    method='POST',
    path='/graphql',
    operation_id='ListGpuTypes',
    decode=_decode_list_gpu_types,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'query ListGpuTypes($gpuCount: Int!) {\n  gpuTypes {\n    id\n    displayName\n    memoryInGb\n    secureCloud\n    communityCloud\n    secure: lowestPrice(input: {gpuCount: $gpuCount, cloudType: SECURE}) {\n      uninterruptablePrice\n      stockStatus\n    }\n    community: lowestPrice(input: {gpuCount: $gpuCount, cloudType: COMMUNITY}) {\n      uninterruptablePrice\n      minimumBidPrice\n      stockStatus\n    }\n  }\n}',
        'ListGpuTypes',
        'query',
    ),
    validate=_validate_list_gpu_types,
    security=(),
)


class GpusApi(Group):
    """The operations of operations/gpus.graphql."""

    _client: BaseClient
    _methods = (
        ('get_gpu_type', False),
        ('list_gpu_types', False),
    )

    def get_gpu_type(
        self,
        *,
        id: str,
        price: GpuLowestPriceInput | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> GetGpuType:
        """The query GetGpuType.

        GraphQL query ``GetGpuType``, sent to ``/graphql``.
        """
        return self._client.call(
            _GET_GPU_TYPE,
            variables={'id': id, 'price': price},
            request_options=request_options,
        )

    def list_gpu_types(
        self,
        *,
        gpu_count: int,
        request_options: RequestOptions | None = None,
    ) -> ListGpuTypes:
        """GPU types and their prices. Aliases ask for the same field twice with other arguments.

        GraphQL query ``ListGpuTypes``, sent to ``/graphql``.
        """
        return self._client.call(
            _LIST_GPU_TYPES,
            variables={'gpuCount': gpu_count},
            request_options=request_options,
        )


class AsyncGpusApi(Group):
    """The operations of operations/gpus.graphql."""

    _client: BaseAsyncClient
    _methods = (
        ('get_gpu_type', False),
        ('list_gpu_types', False),
    )

    async def get_gpu_type(
        self,
        *,
        id: str,
        price: GpuLowestPriceInput | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> GetGpuType:
        """The query GetGpuType.

        GraphQL query ``GetGpuType``, sent to ``/graphql``.
        """
        return await self._client.call(
            _GET_GPU_TYPE,
            variables={'id': id, 'price': price},
            request_options=request_options,
        )

    async def list_gpu_types(
        self,
        *,
        gpu_count: int,
        request_options: RequestOptions | None = None,
    ) -> ListGpuTypes:
        """GPU types and their prices. Aliases ask for the same field twice with other arguments.

        GraphQL query ``ListGpuTypes``, sent to ``/graphql``.
        """
        return await self._client.call(
            _LIST_GPU_TYPES,
            variables={'gpuCount': gpu_count},
            request_options=request_options,
        )
