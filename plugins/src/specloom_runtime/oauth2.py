"""The OAuth 2.0 client-credentials grant (RFC 6749, section 4.4) at the token URL a spec declares.

Token state, proactive refresh, single-flight and the replay after a 401 are the
control plane's client-credentials auth's; only the token request differs: a form
body ``grant_type=client_credentials`` with the client authenticated by HTTP basic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import httpx

from .auth import ClientCredentialsAuth
from .config import ClientConfig, is_loopback
from .errors import ConfigurationError

if TYPE_CHECKING:
    from .credentials import ClientCredentials


class OAuth2ClientCredentialsAuth(ClientCredentialsAuth):
    """Access tokens for ``credentials`` from ``token_url`` (relative URLs are read against the base URL)."""

    def __init__(self, config: ClientConfig, token_url: str, credentials: ClientCredentials) -> None:
        super().__init__(attrs.evolve(config, client_id=credentials.client_id, client_secret=credentials.client_secret),
                         url=str(check_token_url(config.base_url, token_url)))
        self._form = {"grant_type": "client_credentials", **({"scope": " ".join(credentials.scopes)} if credentials.scopes else {})}
        self._client_auth = httpx.BasicAuth(credentials.client_id, credentials.client_secret)

    def _token_request(self) -> httpx.Request:
        self.token_requests += 1
        request = httpx.Request("POST", self._url, data=self._form, extensions={"timeout": self._timeout})
        return next(self._client_auth.auth_flow(request))


def check_token_url(base_url: str, token_url: str) -> httpx.URL:
    """``token_url`` made absolute against ``base_url``: https, or http to a loopback host only."""
    url = httpx.URL(base_url + "/").join(token_url)
    if url.scheme != "https" and not (url.scheme == "http" and is_loopback(url.host)):
        raise ConfigurationError(f"the token URL {str(url)!r} is not https; a client secret is never sent in clear text")
    return url
