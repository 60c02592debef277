"""Operations of the 'endpoints' group."""

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
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from gpucloud_client.models.delete_endpoint import DeleteEndpoint
    from gpucloud_client.models.endpoint_input import EndpointInput
    from gpucloud_client.models.list_endpoints import ListEndpoints
    from gpucloud_client.models.save_endpoint import SaveEndpoint
    from gpucloud_client.models.update_endpoint_template import UpdateEndpointTemplate


_validators = validators('gpucloud_client')


def _decode_delete_endpoint(response: httpx.Response, strict: bool) -> DeleteEndpoint:
    from gpucloud_client.models.delete_endpoint import DeleteEndpoint

    return read_graphql(response, strict, model_of(DeleteEndpoint))


def _validate_delete_endpoint(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('id', UNSET)
    if v is not UNSET and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append("variables.id: must be a string")
    return problems


def _decode_list_endpoints(response: httpx.Response, strict: bool) -> ListEndpoints:
    from gpucloud_client.models.list_endpoints import ListEndpoints

    return read_graphql(response, strict, model_of(ListEndpoints))


def _decode_save_endpoint(response: httpx.Response, strict: bool) -> SaveEndpoint:
    from gpucloud_client.models.save_endpoint import SaveEndpoint

    return read_graphql(response, strict, model_of(SaveEndpoint))


def _validate_save_endpoint(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('input', UNSET)
    if v is not UNSET:
        _validators['endpoint_input'](v, "variables.input", problems)
    return problems


def _decode_update_endpoint_template(response: httpx.Response, strict: bool) -> UpdateEndpointTemplate:
    from gpucloud_client.models.update_endpoint_template import UpdateEndpointTemplate

    return read_graphql(response, strict, model_of(UpdateEndpointTemplate))


def _validate_update_endpoint_template(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('endpointId', UNSET)
    if v is not UNSET and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append("variables.endpointId: must be a string")
    v = variable_values.get('templateId', UNSET)
    if v is not UNSET and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append("variables.templateId: must be a string")
    return problems


_DELETE_ENDPOINT = Operation(
    method='POST',
    path='/graphql',
    operation_id='DeleteEndpoint',
    decode=_decode_delete_endpoint,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'mutation DeleteEndpoint($id: ID!) {\n  deleted: deleteEndpoint(id: $id)\n}',
        'DeleteEndpoint',
        'mutation',
    ),
    validate=_validate_delete_endpoint,
    security=(),
)

_LIST_ENDPOINTS = Operation(
    method='POST',
    path='/graphql',
    operation_id='ListEndpoints',
    decode=_decode_list_endpoints,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'query ListEndpoints {\n  myself {\n    endpoints {\n      ...EndpointFields\n      networkVolume {\n        id\n        dataCenterId\n      }\n    }\n  }\n}\n\nfragment EndpointFields on Endpoint {\n  id\n  name\n  templateId\n  gpuTypeIds\n  gpuCount\n  idleTimeout\n  locations\n  networkVolumeId\n  scalerType\n  scalerValue\n  workersMin\n  workersMax\n  flashBoot\n  env {\n    key\n    value\n  }\n  version\n  createdAt\n}',
        'ListEndpoints',
        'query',
    ),
    security=(),
)

_SAVE_ENDPOINT = Operation(
    method='POST',
    path='/graphql',
    operation_id='SaveEndpoint',
    decode=_decode_save_endpoint,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'mutation SaveEndpoint($input: EndpointInput!) {\n  saveEndpoint(input: $input) {\n    ...EndpointFields\n  }\n}\n\nfragment EndpointFields on Endpoint {\n  id\n  name\n  templateId\n  gpuTypeIds\n  gpuCount\n  idleTimeout\n  locations\n  networkVolumeId\n  scalerType\n  scalerValue\n  workersMin\n  workersMax\n  flashBoot\n  env {\n    key\n    value\n  }\n  version\n  createdAt\n}',
        'SaveEndpoint',
        'mutation',
    ),
    validate=_validate_save_endpoint,
    security=(),
)

_UPDATE_ENDPOINT_TEMPLATE = Operation(
    method='POST',
    path='/graphql',
    operation_id='UpdateEndpointTemplate',
    decode=_decode_update_endpoint_template,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'mutation UpdateEndpointTemplate($endpointId: ID!, $templateId: ID!) {\n  updateEndpointTemplate(\n    input: {endpointId: $endpointId, templateId: $templateId}\n  ) {\n    id\n    templateId\n    template {\n      name\n      imageName\n    }\n    version\n  }\n}',
        'UpdateEndpointTemplate',
        'mutation',
    ),
    validate=_validate_update_endpoint_template,
    security=(),
)


class EndpointsApi(Group):
    """The operations of operations/endpoints.graphql."""

    _client: BaseClient
    _methods = (
        ('delete_endpoint', False),
        ('list_endpoints', False),
        ('save_endpoint', False),
        ('update_endpoint_template', False),
    )

    def delete_endpoint(
        self,
        *,
        id: str,
        request_options: RequestOptions | None = None,
    ) -> DeleteEndpoint:
        """The mutation DeleteEndpoint.

        GraphQL mutation ``DeleteEndpoint``, sent to ``/graphql``.
        """
        return self._client.call(
            _DELETE_ENDPOINT,
            variables={'id': id},
            request_options=request_options,
        )

    def list_endpoints(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ListEndpoints:
        """Serverless endpoints.

        GraphQL query ``ListEndpoints``, sent to ``/graphql``.
        """
        return self._client.call(
            _LIST_ENDPOINTS,
            request_options=request_options,
        )

    def save_endpoint(
        self,
        *,
        input: EndpointInput | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> SaveEndpoint:
        """The mutation SaveEndpoint.

        GraphQL mutation ``SaveEndpoint``, sent to ``/graphql``.
        """
        return self._client.call(
            _SAVE_ENDPOINT,
            variables={'input': input},
            request_options=request_options,
        )

    def update_endpoint_template(
        self,
        *,
        endpoint_id: str,
        template_id: str,
        request_options: RequestOptions | None = None,
    ) -> UpdateEndpointTemplate:
        """The mutation UpdateEndpointTemplate.

        GraphQL mutation ``UpdateEndpointTemplate``, sent to ``/graphql``.
        """
        return self._client.call(
            _UPDATE_ENDPOINT_TEMPLATE,
            variables={'endpointId': endpoint_id, 'templateId': template_id},
            request_options=request_options,
        )


class AsyncEndpointsApi(Group):
    """The operations of operations/endpoints.graphql."""

    _client: BaseAsyncClient
    _methods = (
        ('delete_endpoint', False),
        ('list_endpoints', False),
        ('save_endpoint', False),
        ('update_endpoint_template', False),
    )

    async def delete_endpoint(
        self,
        *,
        id: str,
        request_options: RequestOptions | None = None,
    ) -> DeleteEndpoint:
        """The mutation DeleteEndpoint.

        GraphQL mutation ``DeleteEndpoint``, sent to ``/graphql``.
        """
        return await self._client.call(
            _DELETE_ENDPOINT,
            variables={'id': id},
            request_options=request_options,
        )

    async def list_endpoints(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ListEndpoints:
        """Serverless endpoints.

        GraphQL query ``ListEndpoints``, sent to ``/graphql``.
        """
        return await self._client.call(
            _LIST_ENDPOINTS,
            request_options=request_options,
        )

    async def save_endpoint(
        self,
        *,
        input: EndpointInput | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> SaveEndpoint:
        """The mutation SaveEndpoint.

        GraphQL mutation ``SaveEndpoint``, sent to ``/graphql``.
        """
        return await self._client.call(
            _SAVE_ENDPOINT,
            variables={'input': input},
            request_options=request_options,
        )

    async def update_endpoint_template(
        self,
        *,
        endpoint_id: str,
        template_id: str,
        request_options: RequestOptions | None = None,
    ) -> UpdateEndpointTemplate:
        """The mutation UpdateEndpointTemplate.

        GraphQL mutation ``UpdateEndpointTemplate``, sent to ``/graphql``.
        """
        return await self._client.call(
            _UPDATE_ENDPOINT_TEMPLATE,
            variables={'endpointId': endpoint_id, 'templateId': template_id},
            request_options=request_options,
        )
