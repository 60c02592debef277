"""Operations of the 'volumes' group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx
from specloom_runtime import (
    UNSET,
    GraphQLDocument,
    Group,
    Operation,
    model_of,
    read_graphql,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from gpucloud_client.models.create_network_volume import CreateNetworkVolume
    from gpucloud_client.models.create_network_volume_input import (
        CreateNetworkVolumeInput,
    )
    from gpucloud_client.models.list_network_volumes import ListNetworkVolumes


_validators = validators('gpucloud_client')


def _decode_create_network_volume(response: httpx.Response, strict: bool) -> CreateNetworkVolume:
    from gpucloud_client.models.create_network_volume import CreateNetworkVolume

    return read_graphql(response, strict, model_of(CreateNetworkVolume))


def _validate_create_network_volume(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('input', UNSET)
    if v is not UNSET:
        _validators['create_network_volume_input'](v, "variables.input", problems)
    return problems


def _decode_list_network_volumes(response: httpx.Response, strict: bool) -> ListNetworkVolumes:
    from gpucloud_client.models.list_network_volumes import ListNetworkVolumes

    return read_graphql(response, strict, model_of(ListNetworkVolumes))


_CREATE_NETWORK_VOLUME = Operation(
    method='POST',
    path='/graphql',
    operation_id='CreateNetworkVolume',
    decode=_decode_create_network_volume,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'mutation CreateNetworkVolume($input: CreateNetworkVolumeInput!) {\n  createNetworkVolume(input: $input) {\n    ...VolumeFields\n    createdAt\n  }\n}\n\nfragment VolumeFields on NetworkVolume {\n  id\n  name\n  size\n  dataCenterId\n}',
        'CreateNetworkVolume',
        'mutation',
    ),
    validate=_validate_create_network_volume,
    security=(),
)

_LIST_NETWORK_VOLUMES = Operation(
    method='POST',
    path='/graphql',
    operation_id='ListNetworkVolumes',
    decode=_decode_list_network_volumes,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'query ListNetworkVolumes {\n  myself {\n    id\n    networkVolumes {\n      ...VolumeFields\n      createdAt\n    }\n  }\n}\n\nfragment VolumeFields on NetworkVolume {\n  id\n  name\n  size\n  dataCenterId\n}',
        'ListNetworkVolumes',
        'query',
    ),
    security=(),
)


class VolumesApi(Group):
    """The operations of operations/volumes.graphql."""

    _client: BaseClient
    _methods = (
        ('create_network_volume', False),
        ('list_network_volumes', False),
    )

    def create_network_volume(
        self,
        *,
        input: CreateNetworkVolumeInput | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> CreateNetworkVolume:
        """The mutation CreateNetworkVolume.

        GraphQL mutation ``CreateNetworkVolume``, sent to ``/graphql``.
        """
        return self._client.call(
            _CREATE_NETWORK_VOLUME,
            variables={'input': input},
            request_options=request_options,
        )

    def list_network_volumes(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ListNetworkVolumes:
        """Network volumes.

        GraphQL query ``ListNetworkVolumes``, sent to ``/graphql``.
        """
        return self._client.call(
            _LIST_NETWORK_VOLUMES,
            request_options=request_options,
        )


class AsyncVolumesApi(Group):
    """The operations of operations/volumes.graphql."""

    _client: BaseAsyncClient
    _methods = (
        ('create_network_volume', False),
        ('list_network_volumes', False),
    )

    async def create_network_volume(
        self,
        *,
        input: CreateNetworkVolumeInput | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> CreateNetworkVolume:
        """The mutation CreateNetworkVolume.

        GraphQL mutation ``CreateNetworkVolume``, sent to ``/graphql``.
        """
        return await self._client.call(
            _CREATE_NETWORK_VOLUME,
            variables={'input': input},
            request_options=request_options,
        )

    async def list_network_volumes(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ListNetworkVolumes:
        """Network volumes.

        GraphQL query ``ListNetworkVolumes``, sent to ``/graphql``.
        """
        return await self._client.call(
            _LIST_NETWORK_VOLUMES,
            request_options=request_options,
        )
