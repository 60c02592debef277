"""Operations of the 'datacenters' group."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
from specloom_runtime import GraphQLDocument, Group, Operation, model_of, read_graphql

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from gpucloud_client.models.list_data_centers import ListDataCenters


def _decode_list_data_centers(response: httpx.Response, strict: bool) -> ListDataCenters:
    from gpucloud_client.models.list_data_centers import ListDataCenters

    return read_graphql(response, strict, model_of(ListDataCenters))


_LIST_DATA_CENTERS = Operation(
    method='POST',
    path='/graphql',
    operation_id='ListDataCenters',
    decode=_decode_list_data_centers,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'query ListDataCenters {\n  dataCenters {\n    id\n    name\n    location\n    gpuAvailability {\n      gpuTypeId\n      displayName\n      stockStatus\n    }\n  }\n}',
        'ListDataCenters',
        'query',
    ),
    security=(),
)


class DatacentersApi(Group):
    """The operations of operations/datacenters.graphql."""

    _client: BaseClient
    _methods = (
        ('list_data_centers', False),
    )

    def list_data_centers(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ListDataCenters:
        """Data centres (new in 1.1).

        GraphQL query ``ListDataCenters``, sent to ``/graphql``.
        """
        return self._client.call(
            _LIST_DATA_CENTERS,
            request_options=request_options,
        )


class AsyncDatacentersApi(Group):
    """The operations of operations/datacenters.graphql."""

    _client: BaseAsyncClient
    _methods = (
        ('list_data_centers', False),
    )

    async def list_data_centers(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ListDataCenters:
        """Data centres (new in 1.1).

        GraphQL query ``ListDataCenters``, sent to ``/graphql``.
        """
        return await self._client.call(
            _LIST_DATA_CENTERS,
            request_options=request_options,
        )
