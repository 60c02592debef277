"""Operations of the 'templates' group."""

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

    from gpucloud_client.models.list_templates import ListTemplates
    from gpucloud_client.models.save_template import SaveTemplate
    from gpucloud_client.models.save_template_input import SaveTemplateInput


_validators = validators('gpucloud_client')


def _decode_list_templates(response: httpx.Response, strict: bool) -> ListTemplates:
    from gpucloud_client.models.list_templates import ListTemplates

    return read_graphql(response, strict, model_of(ListTemplates))


def _decode_save_template(response: httpx.Response, strict: bool) -> SaveTemplate:
    from gpucloud_client.models.save_template import SaveTemplate

    return read_graphql(response, strict, model_of(SaveTemplate))


def _validate_save_template(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('input', UNSET)
    if v is not UNSET:
        _validators['save_template_input'](v, "variables.input", problems)
    return problems


_LIST_TEMPLATES = Operation(
    method='POST',
    path='/graphql',
    operation_id='ListTemplates',
    decode=_decode_list_templates,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'query ListTemplates {\n  myself {\n    podTemplates {\n      ...TemplateFields\n      isPublic\n      readme\n    }\n  }\n}\n\nfragment TemplateFields on PodTemplate {\n  id\n  name\n  imageName\n  dockerArgs\n  containerDiskInGb\n  volumeInGb\n  volumeMountPath\n  ports\n  env {\n    key\n    value\n  }\n  isServerless\n  startSsh\n}',
        'ListTemplates',
        'query',
    ),
    security=(),
)

_SAVE_TEMPLATE = Operation(
    method='POST',
    path='/graphql',
    operation_id='SaveTemplate',
    decode=_decode_save_template,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'mutation SaveTemplate($input: SaveTemplateInput!) {\n  saveTemplate(input: $input) {\n    ...TemplateFields\n    containerRegistryAuthId\n  }\n}\n\nfragment TemplateFields on PodTemplate {\n  id\n  name\n  imageName\n  dockerArgs\n  containerDiskInGb\n  volumeInGb\n  volumeMountPath\n  ports\n  env {\n    key\n    value\n  }\n  isServerless\n  startSsh\n}',
        'SaveTemplate',
        'mutation',
    ),
    validate=_validate_save_template,
    security=(),
)


class TemplatesApi(Group):
    """The operations of operations/templates.graphql."""

    _client: BaseClient
    _methods = (
        ('list_templates', False),
        ('save_template', False),
    )

    def list_templates(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ListTemplates:
        """Pod and serverless templates.

        GraphQL query ``ListTemplates``, sent to ``/graphql``.
        """
        return self._client.call(
            _LIST_TEMPLATES,
            request_options=request_options,
        )

    def save_template(
        self,
        *,
        input: SaveTemplateInput | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> SaveTemplate:
        """The mutation SaveTemplate.

        GraphQL mutation ``SaveTemplate``, sent to ``/graphql``.
        """
        return self._client.call(
            _SAVE_TEMPLATE,
            variables={'input': input},
            request_options=request_options,
        )


class AsyncTemplatesApi(Group):
    """The operations of operations/templates.graphql."""

    _client: BaseAsyncClient
    _methods = (
        ('list_templates', False),
        ('save_template', False),
    )

    async def list_templates(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ListTemplates:
        """Pod and serverless templates.

        GraphQL query ``ListTemplates``, sent to ``/graphql``.
        """
        return await self._client.call(
            _LIST_TEMPLATES,
            request_options=request_options,
        )

    async def save_template(
        self,
        *,
        input: SaveTemplateInput | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> SaveTemplate:
        """The mutation SaveTemplate.

        GraphQL mutation ``SaveTemplate``, sent to ``/graphql``.
        """
        return await self._client.call(
            _SAVE_TEMPLATE,
            variables={'input': input},
            request_options=request_options,
        )
