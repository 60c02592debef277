"""The 'TokenRequest' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    enum_of,
    model_to_dict,
    validators,
)

if TYPE_CHECKING:
    from controlplane_client.models.token_request_grant_type import (
        TokenRequestGrantType,
    )


@define(kw_only=True)
class TokenRequest(ReceivedModel):
    """The 'TokenRequest' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'grant_type': 'grantType',
        'client_id': 'clientID',
        'client_secret': 'clientSecret',
        'app_id': 'appID',
        'app_secret': 'appSecret',
        'refresh_token': 'refreshToken',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'grantType'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    grant_type: TokenRequestGrantType
    """The app_token grant is deprecated; prefer client_credentials."""
    client_id: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    app_id: str | Unset = UNSET
    app_secret: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> TokenRequest:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.token_request_grant_type import (
            TokenRequestGrantType,
        )

        return {
            'grant_type': enum_of(TokenRequestGrantType),
            'client_id': STRING,
            'client_secret': STRING,
            'app_id': STRING,
            'app_secret': STRING,
            'refresh_token': STRING,
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_token_request(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'TokenRequest'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'grantType' not in value or (v := value['grantType']) is UNSET:
        problems.append(f"{path}.grantType: is required")
    else:
        _validators['token_request_grant_type'](v, f"{path}.grantType", problems)
    if 'clientID' in value and (v := value['clientID']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.clientID: must be a string")
        elif len(v) < 1:
            problems.append(f"{path}.clientID: must be at least 1 characters long")
    if 'clientSecret' in value and (v := value['clientSecret']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.clientSecret: must be a string")
        elif len(v) < 1:
            problems.append(f"{path}.clientSecret: must be at least 1 characters long")
    if (
        'appID' in value
        and (v := value['appID']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.appID: must be a string")
    if (
        'appSecret' in value
        and (v := value['appSecret']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.appSecret: must be a string")
    if (
        'refreshToken' in value
        and (v := value['refreshToken']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.refreshToken: must be a string")

