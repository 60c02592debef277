"""Operations of the 'user' group."""

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

    from gpucloud_client.models.get_user import GetUser
    from gpucloud_client.models.update_public_keys import UpdatePublicKeys


def _decode_get_user(response: httpx.Response, strict: bool) -> GetUser:
    from gpucloud_client.models.get_user import GetUser

    return read_graphql(response, strict, model_of(GetUser))


def _decode_update_public_keys(response: httpx.Response, strict: bool) -> UpdatePublicKeys:
    from gpucloud_client.models.update_public_keys import UpdatePublicKeys

    return read_graphql(response, strict, model_of(UpdatePublicKeys))


def _validate_update_public_keys(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('pubKey', UNSET)
    if v is not UNSET and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append("variables.pubKey: must be a string")
    return problems


_GET_USER = Operation(
    method='POST',
    path='/graphql',
    operation_id='GetUser',
    decode=_decode_get_user,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'query GetUser {\n  account: myself {\n    id\n    email\n    pubKey\n    clientBalance\n    spendLimit\n  }\n}',
        'GetUser',
        'query',
    ),
    security=(),
)

_UPDATE_PUBLIC_KEYS = Operation(
    method='POST',
    path='/graphql',
    operation_id='UpdatePublicKeys',
    decode=_decode_update_public_keys,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'mutation UpdatePublicKeys($pubKey: String!) {\n  updateUserSettings(input: {pubKey: $pubKey}) {\n    id\n    pubKey\n  }\n}',
        'UpdatePublicKeys',
        'mutation',
    ),
    validate=_validate_update_public_keys,
    security=(),
)


class UserApi(Group):
    """The operations of operations/user.graphql."""

    _client: BaseClient
    _methods = (
        ('get_user', False),
        ('update_public_keys', False),
    )

    def get_user(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> GetUser:
        """The caller's account and settings.

        GraphQL query ``GetUser``, sent to ``/graphql``.
        """
        return self._client.call(
            _GET_USER,
            request_options=request_options,
        )

    def update_public_keys(
        self,
        *,
        pub_key: str,
        request_options: RequestOptions | None = None,
    ) -> UpdatePublicKeys:
        """The mutation UpdatePublicKeys.

        GraphQL mutation ``UpdatePublicKeys``, sent to ``/graphql``.
        """
        return self._client.call(
            _UPDATE_PUBLIC_KEYS,
            variables={'pubKey': pub_key},
            request_options=request_options,
        )


class AsyncUserApi(Group):
    """The operations of operations/user.graphql."""

    _client: BaseAsyncClient
    _methods = (
        ('get_user', False),
        ('update_public_keys', False),
    )

    async def get_user(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> GetUser:
        """The caller's account and settings.

        GraphQL query ``GetUser``, sent to ``/graphql``.
        """
        return await self._client.call(
            _GET_USER,
            request_options=request_options,
        )

    async def update_public_keys(
        self,
        *,
        pub_key: str,
        request_options: RequestOptions | None = None,
    ) -> UpdatePublicKeys:
        """The mutation UpdatePublicKeys.

        GraphQL mutation ``UpdatePublicKeys``, sent to ``/graphql``.
        """
        return await self._client.call(
            _UPDATE_PUBLIC_KEYS,
            variables={'pubKey': pub_key},
            request_options=request_options,
        )
