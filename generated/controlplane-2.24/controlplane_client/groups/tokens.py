"""Operations of the 'Tokens' group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx
from specloom_runtime import UNSET, Group, Operation, model_of, read_json, validators

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.token_request import TokenRequest
    from controlplane_client.models.token_request_form import TokenRequestForm
    from controlplane_client.models.token_response import TokenResponse


_validators = validators('controlplane_client')


def _decode_grant_token(response: httpx.Response, strict: bool) -> TokenResponse:
    from controlplane_client.models.token_response import TokenResponse

    return read_json(response, strict, model_of(TokenResponse))


def _validate_grant_token(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    v = arguments.get("body", UNSET)
    if v is not UNSET:
        _validators['token_request'](v, "body", problems)
    return problems


def _decode_grant_token_v2(response: httpx.Response, strict: bool) -> TokenResponse:
    from controlplane_client.models.token_response import TokenResponse

    return read_json(response, strict, model_of(TokenResponse))


_GRANT_TOKEN = Operation(
    method='POST',
    path='/api/v1/token',
    operation_id='grant_token',
    decode=_decode_grant_token,
    body_media_type='application/json',
    validate=_validate_grant_token,
    security=(),
)

_GRANT_TOKEN_V2 = Operation(
    method='POST',
    path='/api/v2/token',
    operation_id='grant_token_v2',
    decode=_decode_grant_token_v2,
    body_media_type='application/x-www-form-urlencoded',
    security=(),
)


class TokensApi(Group):
    """Obtain access tokens for API calls."""

    _client: BaseClient
    _methods = (
        ('grant_token', False),
        ('grant_token_v2', False),
    )

    def grant_token(
        self,
        *,
        body: TokenRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> TokenResponse:
        """Create an access token

        Exchange client credentials (or a legacy application secret) for an access token. Use the returned token as a
        bearer token.

        ``POST /api/v1/token`` (operationId ``grant_token``).
        """
        return self._client.call(
            _GRANT_TOKEN,
            body=body,
            request_options=request_options,
        )

    def grant_token_v2(
        self,
        *,
        body: TokenRequestForm | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> TokenResponse:
        """Create an access token (OAuth 2.0 form)

        The same grants as /api/v1/token, sent as an OAuth 2.0 form body with snake_case field names.

        ``POST /api/v2/token`` (operationId ``grant_token_v2``).
        """
        return self._client.call(
            _GRANT_TOKEN_V2,
            body=body,
            request_options=request_options,
        )


class AsyncTokensApi(Group):
    """Obtain access tokens for API calls."""

    _client: BaseAsyncClient
    _methods = (
        ('grant_token', False),
        ('grant_token_v2', False),
    )

    async def grant_token(
        self,
        *,
        body: TokenRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> TokenResponse:
        """Create an access token

        Exchange client credentials (or a legacy application secret) for an access token. Use the returned token as a
        bearer token.

        ``POST /api/v1/token`` (operationId ``grant_token``).
        """
        return await self._client.call(
            _GRANT_TOKEN,
            body=body,
            request_options=request_options,
        )

    async def grant_token_v2(
        self,
        *,
        body: TokenRequestForm | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> TokenResponse:
        """Create an access token (OAuth 2.0 form)

        The same grants as /api/v1/token, sent as an OAuth 2.0 form body with snake_case field names.

        ``POST /api/v2/token`` (operationId ``grant_token_v2``).
        """
        return await self._client.call(
            _GRANT_TOKEN_V2,
            body=body,
            request_options=request_options,
        )
