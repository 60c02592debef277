"""specloom-runtime: what every specloom-generated client package runs on.

Names load on first use (PEP 562): a generated client imports only the modules it
needs, so constructing one costs little more than importing httpx.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .asked_streams import (
        ask_in_body as ask_in_body,
    )
    from .call import (
        Call as Call,
    )
    from .call import (
        RequestOptions as RequestOptions,
    )
    from .capture import (
        capture_calls as capture_calls,
    )
    from .checks import (
        Validators as Validators,
    )
    from .checks import (
        count_present as count_present,
    )
    from .checks import (
        has_duplicates as has_duplicates,
    )
    from .checks import (
        is_date as is_date,
    )
    from .checks import (
        is_datetime as is_datetime,
    )
    from .checks import (
        is_int32 as is_int32,
    )
    from .checks import (
        is_int64 as is_int64,
    )
    from .checks import (
        is_integer as is_integer,
    )
    from .checks import (
        is_multiple as is_multiple,
    )
    from .checks import (
        is_number as is_number,
    )
    from .checks import (
        is_uuid as is_uuid,
    )
    from .checks import (
        validators as validators,
    )
    from .client import (
        BaseAsyncClient as BaseAsyncClient,
    )
    from .client import (
        BaseClient as BaseClient,
    )
    from .client import (
        BaseThreadedClient as BaseThreadedClient,
    )
    from .client import (
        Category as Category,
    )
    from .client import (
        Group as Group,
    )
    from .codec import (
        as_json as as_json,
    )
    from .codec import (
        model_to_dict as model_to_dict,
    )
    from .codec import (
        parse_date as parse_date,
    )
    from .codec import (
        parse_datetime as parse_datetime,
    )
    from .codec import (
        parse_union as parse_union,
    )
    from .codec import (
        parse_uuid as parse_uuid,
    )
    from .codec import (
        to_jsonable as to_jsonable,
    )
    from .config import (
        ClientConfig as ClientConfig,
    )
    from .credentials import (
        ClientCredentials as ClientCredentials,
    )
    from .credentials import (
        Credential as Credential,
    )
    from .decoding import (
        ANY as ANY,
    )
    from .decoding import (
        BOOLEAN as BOOLEAN,
    )
    from .decoding import (
        DATE as DATE,
    )
    from .decoding import (
        DATE_TIME as DATE_TIME,
    )
    from .decoding import (
        INTEGER as INTEGER,
    )
    from .decoding import (
        NUMBER as NUMBER,
    )
    from .decoding import (
        STRING as STRING,
    )
    from .decoding import (
        UUID_TEXT as UUID_TEXT,
    )
    from .decoding import (
        Codec as Codec,
    )
    from .decoding import (
        Issue as Issue,
    )
    from .decoding import (
        ReceivedModel as ReceivedModel,
    )
    from .decoding import (
        decode_issues as decode_issues,
    )
    from .decoding import (
        decode_value as decode_value,
    )
    from .decoding import (
        enum_of as enum_of,
    )
    from .decoding import (
        list_of as list_of,
    )
    from .decoding import (
        map_of as map_of,
    )
    from .decoding import (
        model_of as model_of,
    )
    from .decoding import (
        nullable as nullable,
    )
    from .decoding import (
        read_json as read_json,
    )
    from .decoding import (
        union_of as union_of,
    )
    from .downloads import (
        AsyncByteStream as AsyncByteStream,
    )
    from .downloads import (
        AsyncTextStream as AsyncTextStream,
    )
    from .downloads import (
        ByteStream as ByteStream,
    )
    from .downloads import (
        TextStream as TextStream,
    )
    from .downloads import (
        byte_stream as byte_stream,
    )
    from .downloads import (
        text_stream as text_stream,
    )
    from .enums import (
        OpenIntEnum as OpenIntEnum,
    )
    from .enums import (
        OpenStrEnum as OpenStrEnum,
    )
    from .errors import (
        ApiConnectionError as ApiConnectionError,
    )
    from .errors import (
        ApiError as ApiError,
    )
    from .errors import (
        ApiTimeoutError as ApiTimeoutError,
    )
    from .errors import (
        AuthenticationError as AuthenticationError,
    )
    from .errors import (
        BadRequestError as BadRequestError,
    )
    from .errors import (
        ConfigurationError as ConfigurationError,
    )
    from .errors import (
        ConflictError as ConflictError,
    )
    from .errors import (
        NotFoundError as NotFoundError,
    )
    from .errors import (
        PaymentRequiredError as PaymentRequiredError,
    )
    from .errors import (
        PermissionDeniedError as PermissionDeniedError,
    )
    from .errors import (
        RateLimitError as RateLimitError,
    )
    from .errors import (
        RedirectError as RedirectError,
    )
    from .errors import (
        RequestEncodingError as RequestEncodingError,
    )
    from .errors import (
        RequestTimeoutStatusError as RequestTimeoutStatusError,
    )
    from .errors import (
        ResponseDecodeError as ResponseDecodeError,
    )
    from .errors import (
        ServerError as ServerError,
    )
    from .errors import (
        SpecloomError as SpecloomError,
    )
    from .errors import (
        StreamError as StreamError,
    )
    from .errors import (
        TransportError as TransportError,
    )
    from .errors import (
        UnprocessableEntityError as UnprocessableEntityError,
    )
    from .graphql import (
        GraphQLDocument as GraphQLDocument,
    )
    from .graphql import (
        GraphQLError as GraphQLError,
    )
    from .graphql import (
        GraphQLErrorDetail as GraphQLErrorDetail,
    )
    from .graphql import (
        graphql_body as graphql_body,
    )
    from .graphql import (
        read_graphql as read_graphql,
    )
    from .hookspecs import (
        hookimpl as hookimpl,
    )
    from .multipart import (
        Part as Part,
    )
    from .multipart import (
        form_fields as form_fields,
    )
    from .multipart import (
        part_headers as part_headers,
    )
    from .operation import (
        Operation as Operation,
    )
    from .operation import (
        ParamStyle as ParamStyle,
    )
    from .operation import (
        PartEncoding as PartEncoding,
    )
    from .operation import (
        decode_bytes as decode_bytes,
    )
    from .operation import (
        decode_json as decode_json,
    )
    from .operation import (
        decode_none as decode_none,
    )
    from .operation import (
        decode_text as decode_text,
    )
    from .pagination import (
        AsyncPager as AsyncPager,
    )
    from .pagination import (
        Page as Page,
    )
    from .pagination import (
        Pager as Pager,
    )
    from .pagination import (
        PaginationError as PaginationError,
    )
    from .pagination import (
        Paging as Paging,
    )
    from .security import (
        ApiKeyScheme as ApiKeyScheme,
    )
    from .security import (
        HttpScheme as HttpScheme,
    )
    from .security import (
        OAuth2Scheme as OAuth2Scheme,
    )
    from .security import (
        OpenIdConnectScheme as OpenIdConnectScheme,
    )
    from .security import (
        SecurityScheme as SecurityScheme,
    )
    from .security import (
        TokenExchange as TokenExchange,
    )
    from .streams import (
        AsyncEventStream as AsyncEventStream,
    )
    from .streams import (
        AsyncJsonLines as AsyncJsonLines,
    )
    from .streams import (
        AsyncStream as AsyncStream,
    )
    from .streams import (
        EventStream as EventStream,
    )
    from .streams import (
        JsonLines as JsonLines,
    )
    from .streams import (
        ServerSentEvent as ServerSentEvent,
    )
    from .streams import (
        Stream as Stream,
    )
    from .streams import (
        event_stream as event_stream,
    )
    from .streams import (
        json_lines as json_lines,
    )
    from .unset import (
        UNSET as UNSET,
    )
    from .unset import (
        Unset as Unset,
    )
    from .uploads import (
        File as File,
    )
    from .uploads import (
        FileContent as FileContent,
    )
    from .uploads import (
        ProgressCallback as ProgressCallback,
    )
    from .uploads import (
        Upload as Upload,
    )
    from .uploads import (
        is_file_content as is_file_content,
    )
    from .validation import (
        RequestValidationError as RequestValidationError,
    )
    from .version import (
        __version__ as __version__,
    )
    from .waiters import (
        AsyncJob as AsyncJob,
    )
    from .waiters import (
        Backoff as Backoff,
    )
    from .waiters import (
        Job as Job,
    )
    from .waiters import (
        JobCancelledError as JobCancelledError,
    )
    from .waiters import (
        JobFailedError as JobFailedError,
    )
    from .waiters import (
        OnStatus as OnStatus,
    )
    from .waiters import (
        Waiter as Waiter,
    )
    from .waiters import (
        WaitError as WaitError,
    )
    from .waiters import (
        WaitTimeoutError as WaitTimeoutError,
    )
    from .wiretext import (
        WireDate as WireDate,
    )
    from .wiretext import (
        WireDateTime as WireDateTime,
    )
    from .wiretext import (
        WireUUID as WireUUID,
    )

_WHERE: dict[str, str] = {
    "ANY": "decoding",
    "ApiConnectionError": "errors",
    "ApiError": "errors",
    "ApiKeyScheme": "security",
    "ApiTimeoutError": "errors",
    "AsyncByteStream": "downloads",
    "AsyncEventStream": "streams",
    "AsyncJsonLines": "streams",
    "AsyncPager": "pagination",
    "AsyncStream": "streams",
    "AsyncTextStream": "downloads",
    "AuthenticationError": "errors",
    "BOOLEAN": "decoding",
    "BadRequestError": "errors",
    "BaseAsyncClient": "client",
    "byte_stream": "downloads",
    "ByteStream": "downloads",
    "BaseClient": "client",
    "BaseThreadedClient": "client",
    "Call": "call",
    "Category": "client",
    "ClientConfig": "config",
    "ClientCredentials": "credentials",
    "Codec": "decoding",
    "ConfigurationError": "errors",
    "ConflictError": "errors",
    "Credential": "credentials",
    "DATE": "decoding",
    "DATE_TIME": "decoding",
    "decode_value": "decoding",
    "event_stream": "streams",
    "EventStream": "streams",
    "graphql_body": "graphql",
    "GraphQLDocument": "graphql",
    "GraphQLError": "graphql",
    "GraphQLErrorDetail": "graphql",
    "Group": "client",
    "HttpScheme": "security",
    "INTEGER": "decoding",
    "Issue": "decoding",
    "json_lines": "streams",
    "JsonLines": "streams",
    "NUMBER": "decoding",
    "NotFoundError": "errors",
    "OAuth2Scheme": "security",
    "OpenIdConnectScheme": "security",
    "OpenIntEnum": "enums",
    "OpenStrEnum": "enums",
    "Operation": "operation",
    "Page": "pagination",
    "Pager": "pagination",
    "PaginationError": "pagination",
    "Paging": "pagination",
    "ParamStyle": "operation",
    "PaymentRequiredError": "errors",
    "PermissionDeniedError": "errors",
    "RateLimitError": "errors",
    "read_graphql": "graphql",
    "ReceivedModel": "decoding",
    "RedirectError": "errors",
    "RequestEncodingError": "errors",
    "RequestOptions": "call",
    "RequestTimeoutStatusError": "errors",
    "RequestValidationError": "validation",
    "ResponseDecodeError": "errors",
    "SecurityScheme": "security",
    "TokenExchange": "security",
    "ServerSentEvent": "streams",
    "Stream": "streams",
    "StreamError": "errors",
    "STRING": "decoding",
    "text_stream": "downloads",
    "TextStream": "downloads",
    "ServerError": "errors",
    "SpecloomError": "errors",
    "TransportError": "errors",
    "UNSET": "unset",
    "UUID_TEXT": "decoding",
    "UnprocessableEntityError": "errors",
    "Unset": "unset",
    "Validators": "checks",
    "WireDate": "wiretext",
    "WireDateTime": "wiretext",
    "WireUUID": "wiretext",
    "AsyncJob": "waiters",
    "Backoff": "waiters",
    "Job": "waiters",
    "JobCancelledError": "waiters",
    "JobFailedError": "waiters",
    "OnStatus": "waiters",
    "Waiter": "waiters",
    "WaitError": "waiters",
    "WaitTimeoutError": "waiters",
    "__version__": "version",
    "as_json": "codec",
    "ask_in_body": "asked_streams",
    "capture_calls": "capture",
    "count_present": "checks",
    "decode_bytes": "operation",
    "decode_issues": "decoding",
    "decode_json": "operation",
    "decode_none": "operation",
    "decode_text": "operation",
    "enum_of": "decoding",
    "has_duplicates": "checks",
    "hookimpl": "hookspecs",
    "is_date": "checks",
    "is_datetime": "checks",
    "is_int32": "checks",
    "is_int64": "checks",
    "is_integer": "checks",
    "is_multiple": "checks",
    "is_number": "checks",
    "is_uuid": "checks",
    "list_of": "decoding",
    "map_of": "decoding",
    "model_of": "decoding",
    "model_to_dict": "codec",
    "nullable": "decoding",
    "parse_date": "codec",
    "parse_datetime": "codec",
    "parse_union": "codec",
    "parse_uuid": "codec",
    "read_json": "decoding",
    "to_jsonable": "codec",
    "union_of": "decoding",
    "validators": "checks",
    # uploads (issue 11)
    "File": "uploads",
    "FileContent": "uploads",
    "PartEncoding": "operation",
    "ProgressCallback": "uploads",
    "Upload": "uploads",
    "form_fields": "multipart",
    "is_file_content": "uploads",
    # part headers, presigned uploads (issue 11)
    "Part": "multipart",
    "part_headers": "multipart",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
