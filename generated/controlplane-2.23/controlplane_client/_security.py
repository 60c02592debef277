"""The API's security schemes, by the names its operations' security requirements use; and its token endpoint for
client credentials, if it has one.
"""

from __future__ import annotations

from collections.abc import Mapping

from specloom_runtime import HttpScheme, SecurityScheme, TokenExchange

SECURITY_SCHEMES: Mapping[str, SecurityScheme] = {
    'bearerAuth': HttpScheme('bearer', 'JWT'),
}

#: Where the package's client credentials become a token (the token_exchange codegen plugin found it).
TOKEN_EXCHANGE: TokenExchange | None = TokenExchange(
    '/api/v1/token',
    'grantType',
    (('client_credentials', 'clientID', 'clientSecret'), ('app_token', 'appID', 'appSecret')),
)
