"""The 'TokenResponse' schema."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import define, field
from specloom_runtime import (
    ANY,
    INTEGER,
    STRING,
    UNSET,
    Codec,
    ReceivedModel,
    Unset,
    as_json,
    is_int32,
    is_integer,
    model_to_dict,
    nullable,
)


@define(kw_only=True)
class TokenResponse(ReceivedModel):
    """The 'TokenResponse' schema."""

    __wire_names__: ClassVar[dict[str, str]] = {
        'access_token': 'accessToken',
        'refresh_token': 'refreshToken',
        'id_token': 'idToken',
        'token_type': 'tokenType',
        'expires_in': 'expiresIn',
    }
    __required_keys__: ClassVar[frozenset[str]] = frozenset({'accessToken', 'expiresIn'})
    __known_keys__: ClassVar[frozenset[str]] = frozenset(__wire_names__.values())

    access_token: str
    expires_in: int
    """Seconds until the access token expires."""
    refresh_token: str | None | Unset = UNSET
    id_token: str | None | Unset = UNSET
    token_type: str | Unset = 'Bearer'
    additional_properties: dict[str, Any] = field(factory=dict)
    """Properties the spec does not name; kept so nothing the server sends is lost."""

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the wire names of the spec."""
        return model_to_dict(self, self.__wire_names__)

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> TokenResponse:
        """Read the model from JSON data, keeping it: each field is decoded when first read.

        A value that does not match the spec is kept as received (``decode_issues`` lists
        them); unknown keys land in ``additional_properties``.
        """
        return cls.received(src)

    @staticmethod
    def field_codecs() -> dict[str, Codec[Any]]:
        """How each attribute is read from JSON (``specloom_runtime.decoding``)."""
        return {
            'access_token': STRING,
            'expires_in': INTEGER,
            'refresh_token': nullable(STRING),
            'id_token': nullable(STRING),
            'token_type': STRING,
            'additional_properties': ANY,
        }


def validate_token_response(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'TokenResponse'."""
    if not isinstance(value, dict) and not isinstance(value := as_json(value), dict):
        problems.append(f"{path}: must be an object")
        return
    if 'accessToken' not in value or (v := value['accessToken']) is UNSET:
        problems.append(f"{path}.accessToken: is required")
    elif not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append(f"{path}.accessToken: must be a string")
    if (
        'refreshToken' in value
        and (v := value['refreshToken']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.refreshToken: must be a string")
    if (
        'idToken' in value
        and (v := value['idToken']) is not UNSET
        and v is not None
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.idToken: must be a string")
    if (
        'tokenType' in value
        and (v := value['tokenType']) is not UNSET
        and not isinstance(v, str)
        and not isinstance(v := as_json(v), str)
    ):
        problems.append(f"{path}.tokenType: must be a string")
    if 'expiresIn' not in value or (v := value['expiresIn']) is UNSET:
        problems.append(f"{path}.expiresIn: is required")
    else:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append(f"{path}.expiresIn: must be an integer")
        else:
            if v < 0:
                problems.append(f"{path}.expiresIn: must be >= 0")
            if not is_int32(v):
                problems.append(f"{path}.expiresIn: must fit in int32")

