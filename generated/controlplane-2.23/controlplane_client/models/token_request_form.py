"""The 'TokenRequestForm' schema."""

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
    from controlplane_client.models.token_request_form_grant_type import (
        TokenRequestFormGrantType,
    )


@define(kw_only=True)
class TokenRequestForm(ReceivedModel):
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
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        from controlplane_client.models.token_request_form_grant_type import (
            TokenRequestFormGrantType,
        )

        return {
            'grant_type': enum_of(TokenRequestFormGrantType),
            'client_id': STRING,
            'client_secret': STRING,
            'refresh_token': STRING,
            'scope': STRING,
            'additional_properties': ANY,
        }


_validators = validators('controlplane_client')


def validate_token_request_form(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'TokenRequestForm'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'grant_type' not in value or (v := value['grant_type']) is UNSET:
        problems.append(f"{path}.grant_type: is required")
    else:
        _validators['token_request_form_grant_type'](v, f"{path}.grant_type", problems)
    if 'client_id' in value and (v := value['client_id']) is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append(f"{path}.client_id: must be a string")
        elif len(v) < 1:
            problems.append(f"{path}.client_id: must be at least 1 characters long")
    if (
        'client_secret' in value
        and (v := value['client_secret']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.client_secret: must be a string")
    if (
        'refresh_token' in value
        and (v := value['refresh_token']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.refresh_token: must be a string")
    if (
        'scope' in value
        and (v := value['scope']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.scope: must be a string")

