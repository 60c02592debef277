"""Operations of the 'AuditLogs' group."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import httpx
from specloom_runtime import UNSET, Group, Operation, Unset, decode_json, decode_text

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.audit_action import AuditAction
    from controlplane_client.models.get_audit_logs_response import GetAuditLogsResponse


def _decode_get_audit_logs(response: httpx.Response) -> GetAuditLogsResponse:
    from controlplane_client.models.get_audit_logs_response import GetAuditLogsResponse

    return GetAuditLogsResponse.from_dict(decode_json(response))


_DOWNLOAD_AUDIT_LOGS = Operation(
    method='GET',
    path='/api/v1/audit/logs/download',
    operation_id='download_audit_logs',
    decode=decode_text,
)

_GET_AUDIT_LOGS = Operation(
    method='GET',
    path='/api/v1/audit/logs',
    operation_id='get_audit_logs',
    decode=_decode_get_audit_logs,
)


class AuditLogsApi(Group):
    """Who did what, and when."""

    _client: BaseClient
    _methods = (
        ('download_audit_logs', False),
        ('get_audit_logs', False),
    )

    def download_audit_logs(
        self,
        *,
        from_: datetime.datetime,
        to: datetime.datetime | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str:
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
        from_: datetime.datetime,
        action: list[AuditAction] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        to: datetime.datetime | Unset = UNSET,
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


class AsyncAuditLogsApi(Group):
    """Who did what, and when."""

    _client: BaseAsyncClient
    _methods = (
        ('download_audit_logs', False),
        ('get_audit_logs', False),
    )

    async def download_audit_logs(
        self,
        *,
        from_: datetime.datetime,
        to: datetime.datetime | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str:
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
        from_: datetime.datetime,
        action: list[AuditAction] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        to: datetime.datetime | Unset = UNSET,
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
