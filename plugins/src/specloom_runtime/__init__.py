"""specloom-runtime: what every specloom-generated client package runs on."""

from .call import Call, RequestOptions
from .capture import capture_calls
from .checks import (
    has_duplicates,
    is_date,
    is_datetime,
    is_int32,
    is_int64,
    is_integer,
    is_multiple,
    is_number,
    is_uuid,
)
from .client import BaseAsyncClient, BaseClient, BaseThreadedClient, Category, Group
from .codec import model_to_dict, parse_date, parse_datetime, parse_union, parse_uuid, to_jsonable
from .config import ClientConfig
from .enums import OpenIntEnum, OpenStrEnum
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    RequestEncodingError,
    RequestTimeoutStatusError,
    ResponseDecodeError,
    ServerError,
    SpecloomError,
    TransportError,
    UnprocessableEntityError,
)
from .hookspecs import hookimpl
from .operation import Operation, ParamStyle, decode_bytes, decode_json, decode_none, decode_text
from .unset import UNSET, Unset
from .validation import RequestValidationError
from .version import __version__

__all__ = [
    "UNSET",
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BaseAsyncClient",
    "BaseClient",
    "BaseThreadedClient",
    "Call",
    "Category",
    "ClientConfig",
    "ConfigurationError",
    "ConflictError",
    "Group",
    "NotFoundError",
    "OpenIntEnum",
    "OpenStrEnum",
    "Operation",
    "ParamStyle",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestEncodingError",
    "RequestOptions",
    "RequestTimeoutStatusError",
    "RequestValidationError",
    "ResponseDecodeError",
    "ServerError",
    "SpecloomError",
    "TransportError",
    "UnprocessableEntityError",
    "Unset",
    "__version__",
    "capture_calls",
    "decode_bytes",
    "decode_json",
    "decode_none",
    "decode_text",
    "has_duplicates",
    "hookimpl",
    "is_date",
    "is_datetime",
    "is_int32",
    "is_int64",
    "is_integer",
    "is_multiple",
    "is_number",
    "is_uuid",
    "model_to_dict",
    "parse_date",
    "parse_datetime",
    "parse_union",
    "parse_uuid",
    "to_jsonable",
]
