"""specloom-runtime: what every specloom-generated client package runs on."""

from .client import BaseAsyncClient, BaseClient, Category, Group
from .codec import model_to_dict, parse_date, parse_datetime, parse_union, parse_uuid, to_jsonable
from .enums import OpenIntEnum, OpenStrEnum
from .errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestEncodingError,
    ResponseDecodeError,
    ServerError,
    SpecloomError,
    TransportError,
    UnprocessableEntityError,
)
from .operation import Operation, ParamStyle, decode_bytes, decode_json, decode_none, decode_text
from .unset import UNSET, Unset

__version__ = "0.1.0"

__all__ = [
    "UNSET",
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "BaseAsyncClient",
    "BaseClient",
    "Category",
    "ConfigurationError",
    "ConflictError",
    "Group",
    "NotFoundError",
    "OpenIntEnum",
    "OpenStrEnum",
    "Operation",
    "ParamStyle",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestEncodingError",
    "ResponseDecodeError",
    "ServerError",
    "SpecloomError",
    "TransportError",
    "UnprocessableEntityError",
    "Unset",
    "decode_bytes",
    "decode_json",
    "decode_none",
    "decode_text",
    "model_to_dict",
    "parse_date",
    "parse_datetime",
    "parse_union",
    "parse_uuid",
    "to_jsonable",
]
