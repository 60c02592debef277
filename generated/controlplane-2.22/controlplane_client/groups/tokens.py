"""Operations of the 'Tokens' group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx
from specloom_runtime import UNSET, Group, Operation, model_of, read_json, validators

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.token_request import TokenRequest
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


_GRANT_TOKEN = Operation(
    method='POST',
    path='/api/v1/token',
    operation_id='grant_token',
    decode=_decode_grant_token,
    body_media_type='application/json',
    validate=_validate_grant_token,
    security=(),
)


class TokensApi(Group):
    """Obtain access tokens for API calls."""

    _client: BaseClient
    _methods = (
        ('grant_token', False),
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


class AsyncTokensApi(Group):
    """Obtain access tokens for API calls."""

    _client: BaseAsyncClient
    _methods = (
        ('grant_token', False),
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
