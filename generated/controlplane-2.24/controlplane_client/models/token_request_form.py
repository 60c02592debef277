"""The 'TokenRequestForm' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import UNSET, Unset, model_to_dict

if TYPE_CHECKING:
    from controlplane_client.models.token_request_form_grant_type import (
        TokenRequestFormGrantType,
    )


@define(kw_only=True)
class TokenRequestForm:
    """The 'TokenRequestForm' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'grant_type': 'grant_type',
        'client_id': 'client_id',
        'client_secret': 'client_secret',
        'refresh_token': 'refresh_token',
        'scope': 'scope',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'grant_type'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    grant_type: TokenRequestFormGrantType
    client_id: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    scope: str | Unset = 'openid'
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> TokenRequestForm:
        """Build the model from JSON data; unknown keys land in ``additional_properties``."""
        # Locals are "d", "v" and "_<attribute>": no property name can shadow them.
        from controlplane_client.models.token_request_form_grant_type import (
            TokenRequestFormGrantType,
        )

        d = dict(src)
        v = d.pop('grant_type')
        _grant_type = TokenRequestFormGrantType(v)
        _client_id = d.pop('client_id', UNSET)
        _client_secret = d.pop('client_secret', UNSET)
        _refresh_token = d.pop('refresh_token', UNSET)
        _scope = d.pop('scope', UNSET)
        return cls(
            grant_type=_grant_type,
            client_id=_client_id,
            client_secret=_client_secret,
            refresh_token=_refresh_token,
            scope=_scope,
            additional_properties=d,
        )
