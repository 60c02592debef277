"""Operations of the 'AuditLogs' group."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx
from specloom_runtime import (
    UNSET,
    AsyncPager,
    AsyncTextStream,
    Group,
    Operation,
    Pager,
    Paging,
    TextStream,
    Unset,
    as_json,
    is_datetime,
    is_int32,
    is_integer,
    model_of,
    read_json,
    text_stream,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.audit_action import AuditAction
    from controlplane_client.models.audit_log import AuditLog
    from controlplane_client.models.get_audit_logs_response import GetAuditLogsResponse


_validators = validators('controlplane_client')


def _validate_download_audit_logs(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    query_values = arguments.get('query') or {}
    v = query_values.get('from', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("query.from: must be a string")
        elif not is_datetime(v):
            problems.append("query.from: must be a date-time")
    v = query_values.get('to', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("query.to: must be a string")
        elif not is_datetime(v):
            problems.append("query.to: must be a date-time")
    return problems


def _decode_get_audit_logs(response: httpx.Response, strict: bool) -> GetAuditLogsResponse:
    from controlplane_client.models.get_audit_logs_response import GetAuditLogsResponse

    return read_json(response, strict, model_of(GetAuditLogsResponse))


def _validate_get_audit_logs(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    query_values = arguments.get('query') or {}
    v = query_values.get('from', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("query.from: must be a string")
        elif not is_datetime(v):
            problems.append("query.from: must be a date-time")
    v = query_values.get('action', UNSET)
    if v is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append("query.action: must be an array")
        else:
            for i1, x1 in enumerate(v):
                _validators['audit_action'](x1, f"query.action[{i1}]", problems)
    v = query_values.get('limit', UNSET)
    if v is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append("query.limit: must be an integer")
        else:
            if v < 1:
                problems.append("query.limit: must be >= 1")
            if v > 500:
                problems.append("query.limit: must be <= 500")
            if not is_int32(v):
                problems.append("query.limit: must fit in int32")
    v = query_values.get('offset', UNSET)
    if v is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append("query.offset: must be an integer")
        else:
            if v < 0:
                problems.append("query.offset: must be >= 0")
            if not is_int32(v):
                problems.append("query.offset: must fit in int32")
    v = query_values.get('to', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("query.to: must be a string")
        elif not is_datetime(v):
            problems.append("query.to: must be a date-time")
    return problems


_DOWNLOAD_AUDIT_LOGS = Operation(
    method='GET',
    path='/api/v1/audit/logs/download',
    operation_id='download_audit_logs',
    decode=text_stream,
    validate=_validate_download_audit_logs,
    security=({'bearerAuth': ()},),
    streamed=True,
)

_GET_AUDIT_LOGS = Operation(
    method='GET',
    path='/api/v1/audit/logs',
    operation_id='get_audit_logs',
    decode=_decode_get_audit_logs,
    validate=_validate_get_audit_logs,
    security=({'bearerAuth': ()},),
)

_ITER_GET_AUDIT_LOGS = Paging(
    kind='offset',
    items=('logs',),
    param='offset',
    limit='limit',
    next=('next',),
)


class AuditLogsApi(Group):
    """Who did what, and when."""

    _client: BaseClient
    _methods = (
        ('download_audit_logs', False),
        ('get_audit_logs', False),
        ('iter_get_audit_logs', False),
    )

    def download_audit_logs(
        self,
        *,
        from_: datetime.datetime | str,
        to: datetime.datetime | str | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> TextStream:
        """Download audit log entries as CSV

        ``GET /api/v1/audit/logs/download`` (operationId ``download_audit_logs``).

        Args:
            from_: Start of the time range (inclusive).
            to: End of the time range (exclusive); now when omitted.
        """
        return self._client.call(
            _DOWNLOAD_AUDIT_LOGS,
            query={'from': from_, 'to': to},
            request_options=request_options,
        )

    def get_audit_logs(
        self,
        *,
        from_: datetime.datetime | str,
        action: list[AuditAction] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        to: datetime.datetime | str | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetAuditLogsResponse:
        """List audit log entries

        ``GET /api/v1/audit/logs`` (operationId ``get_audit_logs``).

        Args:
            from_: Start of the time range (inclusive).
            limit: Maximum number of items to return.
            offset: Number of items to skip.
            to: End of the time range (exclusive); now when omitted.
        """
        return self._client.call(
            _GET_AUDIT_LOGS,
            query={'from': from_, 'action': action, 'limit': limit, 'offset': offset, 'to': to},
            request_options=request_options,
        )

    def iter_get_audit_logs(
        self,
        *,
        from_: datetime.datetime | str,
        action: list[AuditAction] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        to: datetime.datetime | str | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> Pager[AuditLog, GetAuditLogsResponse]:
        """Every item of ``get_audit_logs``, page after page (the offset ``offset`` advanced by the items received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return Pager(
            self._client,
            _GET_AUDIT_LOGS,
            _ITER_GET_AUDIT_LOGS,
            query={'from': from_, 'action': action, 'limit': limit, 'offset': offset, 'to': to},
            request_options=request_options,
        )


class AsyncAuditLogsApi(Group):
    """Who did what, and when."""

    _client: BaseAsyncClient
    _methods = (
        ('download_audit_logs', False),
        ('get_audit_logs', False),
        ('iter_get_audit_logs', False),
    )

    async def download_audit_logs(
        self,
        *,
        from_: datetime.datetime | str,
        to: datetime.datetime | str | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> AsyncTextStream:
        """Download audit log entries as CSV

        ``GET /api/v1/audit/logs/download`` (operationId ``download_audit_logs``).

        Args:
            from_: Start of the time range (inclusive).
            to: End of the time range (exclusive); now when omitted.
        """
        return await self._client.call(
            _DOWNLOAD_AUDIT_LOGS,
            query={'from': from_, 'to': to},
            request_options=request_options,
        )

    async def get_audit_logs(
        self,
        *,
        from_: datetime.datetime | str,
        action: list[AuditAction] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        to: datetime.datetime | str | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetAuditLogsResponse:
        """List audit log entries

        ``GET /api/v1/audit/logs`` (operationId ``get_audit_logs``).

        Args:
            from_: Start of the time range (inclusive).
            limit: Maximum number of items to return.
            offset: Number of items to skip.
            to: End of the time range (exclusive); now when omitted.
        """
        return await self._client.call(
            _GET_AUDIT_LOGS,
            query={'from': from_, 'action': action, 'limit': limit, 'offset': offset, 'to': to},
            request_options=request_options,
        )

    def iter_get_audit_logs(
        self,
        *,
        from_: datetime.datetime | str,
        action: list[AuditAction] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        to: datetime.datetime | str | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> AsyncPager[AuditLog, GetAuditLogsResponse]:
        """Every item of ``get_audit_logs``, page after page (the offset ``offset`` advanced by the items received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return AsyncPager(
            self._client,
            _GET_AUDIT_LOGS,
            _ITER_GET_AUDIT_LOGS,
            query={'from': from_, 'action': action, 'limit': limit, 'offset': offset, 'to': to},
            request_options=request_options,
        )
