"""Operations of the 'Workloads' group."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, overload
from uuid import UUID

import httpx
from specloom_runtime import (
    UNSET,
    AsyncEventStream,
    AsyncPager,
    AsyncTextStream,
    EventStream,
    Group,
    Operation,
    Pager,
    Paging,
    ParamStyle,
    PartEncoding,
    TextStream,
    Unset,
    Upload,
    as_json,
    decode_text,
    event_stream,
    form_fields,
    is_datetime,
    is_file_content,
    is_int32,
    is_integer,
    is_uuid,
    model_of,
    read_json,
    text_stream,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import (
        AsyncJob,
        Backoff,
        BaseAsyncClient,
        BaseClient,
        Job,
        OnStatus,
        RequestOptions,
    )

    from controlplane_client.models.accepted_response import AcceptedResponse
    from controlplane_client.models.artifact import Artifact
    from controlplane_client.models.get_workloads_response import GetWorkloadsResponse
    from controlplane_client.models.get_workloads_sort_by import GetWorkloadsSortBy
    from controlplane_client.models.log_line import LogLine
    from controlplane_client.models.sort_order import SortOrder
    from controlplane_client.models.upload_workload_artifact_request import (
        UploadWorkloadArtifactRequest,
    )
    from controlplane_client.models.workload import Workload
    from controlplane_client.models.workload_submit_request import WorkloadSubmitRequest
    from controlplane_client.models.workloads_count import WorkloadsCount


_validators = validators('controlplane_client')


def _decode_count_workloads(response: httpx.Response, strict: bool) -> WorkloadsCount:
    from controlplane_client.models.workloads_count import WorkloadsCount

    return read_json(response, strict, model_of(WorkloadsCount))


def _validate_count_workloads(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    query_values = arguments.get('query') or {}
    v = query_values.get('deleted', UNSET)
    if v is not UNSET and not isinstance(v, bool) and not isinstance(v := as_json(v), bool):
        problems.append("query.deleted: must be a boolean")
    v = query_values.get('filterBy', UNSET)
    if v is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append("query.filterBy: must be an array")
        else:
            if len(v) > 10:
                problems.append("query.filterBy: must have at most 10 items")
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"query.filterBy[{i1}]: must be a string")
                elif re.search('^[A-Za-z][A-Za-z0-9]*(==|!=|<=|>=|=@|!@|<|>)[^,]+$', x1) is None:
                    problems.append(
                        f"query.filterBy[{i1}]: must match the pattern ^[A-Za-z][A-Za-z0-9]*(==|!=|<=|>=|=@|!@|<|>)[^,]+$"
                    )
    return problems


def _decode_delete_workload(response: httpx.Response, strict: bool) -> AcceptedResponse:
    from controlplane_client.models.accepted_response import AcceptedResponse

    return read_json(response, strict, model_of(AcceptedResponse))


def _validate_delete_workload(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('workloadId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.workloadId: must be a string")
        elif not is_uuid(v):
            problems.append("path.workloadId: must be a uuid")
    return problems


def _decode_follow_workload_logs(response: httpx.Response, strict: bool) -> EventStream[LogLine]:
    from controlplane_client.models.log_line import LogLine

    return event_stream(model_of(LogLine))(response, strict)


def _validate_follow_workload_logs(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('workloadId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.workloadId: must be a string")
        elif not is_uuid(v):
            problems.append("path.workloadId: must be a uuid")
    return problems


def _decode_get_workload(response: httpx.Response, strict: bool) -> Workload:
    from controlplane_client.models.workload import Workload

    return read_json(response, strict, model_of(Workload))


def _validate_get_workload(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('workloadId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.workloadId: must be a string")
        elif not is_uuid(v):
            problems.append("path.workloadId: must be a uuid")
    return problems


def _validate_get_workload_logs(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('workloadId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.workloadId: must be a string")
        elif not is_uuid(v):
            problems.append("path.workloadId: must be a uuid")
    query_values = arguments.get('query') or {}
    v = query_values.get('follow', UNSET)
    if v is not UNSET and not isinstance(v, bool) and not isinstance(v := as_json(v), bool):
        problems.append("query.follow: must be a boolean")
    v = query_values.get('podName', UNSET)
    if v is not UNSET and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append("query.podName: must be a string")
    v = query_values.get('tailLines', UNSET)
    if v is not UNSET:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append("query.tailLines: must be an integer")
        else:
            if v < 1:
                problems.append("query.tailLines: must be >= 1")
            if v > 10000:
                problems.append("query.tailLines: must be <= 10000")
            if not is_int32(v):
                problems.append("query.tailLines: must fit in int32")
    v = query_values.get('timestamps', UNSET)
    if v is not UNSET and not isinstance(v, bool) and not isinstance(v := as_json(v), bool):
        problems.append("query.timestamps: must be a boolean")
    return problems


def _decode_get_workloads(response: httpx.Response, strict: bool) -> GetWorkloadsResponse:
    from controlplane_client.models.get_workloads_response import GetWorkloadsResponse

    return read_json(response, strict, model_of(GetWorkloadsResponse))


def _validate_get_workloads(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    query_values = arguments.get('query') or {}
    v = query_values.get('deleted', UNSET)
    if v is not UNSET and not isinstance(v, bool) and not isinstance(v := as_json(v), bool):
        problems.append("query.deleted: must be a boolean")
    v = query_values.get('filterBy', UNSET)
    if v is not UNSET:
        if not isinstance(v, list) and not isinstance(v := as_json(v), list):
            problems.append("query.filterBy: must be an array")
        else:
            if len(v) > 10:
                problems.append("query.filterBy: must have at most 10 items")
            for i1, x1 in enumerate(v):
                if not isinstance(x1, str) and not isinstance(x1 := as_json(x1), str):
                    problems.append(f"query.filterBy[{i1}]: must be a string")
                elif re.search('^[A-Za-z][A-Za-z0-9]*(==|!=|<=|>=|=@|!@|<|>)[^,]+$', x1) is None:
                    problems.append(
                        f"query.filterBy[{i1}]: must match the pattern ^[A-Za-z][A-Za-z0-9]*(==|!=|<=|>=|=@|!@|<|>)[^,]+$"
                    )
    v = query_values.get('from', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("query.from: must be a string")
        elif not is_datetime(v):
            problems.append("query.from: must be a date-time")
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
    v = query_values.get('sortBy', UNSET)
    if v is not UNSET:
        _validators['get_workloads_sort_by'](v, "query.sortBy", problems)
    v = query_values.get('sortOrder', UNSET)
    if v is not UNSET:
        _validators['sort_order'](v, "query.sortOrder", problems)
    return problems


def _decode_put_workload_artifact(response: httpx.Response, strict: bool) -> Artifact:
    from controlplane_client.models.artifact import Artifact

    return read_json(response, strict, model_of(Artifact))


def _validate_put_workload_artifact(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('artifactName', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.artifactName: must be a string")
        elif re.search('^[A-Za-z0-9._-]+$', v) is None:
            problems.append("path.artifactName: must match the pattern ^[A-Za-z0-9._-]+$")
    v = path_values.get('workloadId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.workloadId: must be a string")
        elif not is_uuid(v):
            problems.append("path.workloadId: must be a uuid")
    v = arguments.get("body", UNSET)
    if v is not UNSET and not is_file_content(v):
        problems.append(
            "body: must be a file: bytes, a path, a binary file object or an iterator of bytes (a File to name it)"
        )
    return problems


def _decode_resume_workload(response: httpx.Response, strict: bool) -> AcceptedResponse:
    from controlplane_client.models.accepted_response import AcceptedResponse

    return read_json(response, strict, model_of(AcceptedResponse))


def _validate_resume_workload(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('workloadId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.workloadId: must be a string")
        elif not is_uuid(v):
            problems.append("path.workloadId: must be a uuid")
    return problems


def _decode_submit_workload(response: httpx.Response, strict: bool) -> Workload:
    from controlplane_client.models.workload import Workload

    return read_json(response, strict, model_of(Workload))


def _validate_submit_workload(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    v = arguments.get("body", UNSET)
    if v is not UNSET:
        _validators['workload_submit_request'](v, "body", problems)
    return problems


def _decode_suspend_workload(response: httpx.Response, strict: bool) -> AcceptedResponse:
    from controlplane_client.models.accepted_response import AcceptedResponse

    return read_json(response, strict, model_of(AcceptedResponse))


def _validate_suspend_workload(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('workloadId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.workloadId: must be a string")
        elif not is_uuid(v):
            problems.append("path.workloadId: must be a uuid")
    return problems


def _decode_upload_workload_artifact(response: httpx.Response, strict: bool) -> Artifact:
    from controlplane_client.models.artifact import Artifact

    return read_json(response, strict, model_of(Artifact))


def _validate_upload_workload_artifact(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('workloadId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.workloadId: must be a string")
        elif not is_uuid(v):
            problems.append("path.workloadId: must be a uuid")
    v = form_fields(arguments.get("body", UNSET))
    if v is not UNSET:
        _validators['upload_workload_artifact_request'](v, "body", problems)
    return problems


_COUNT_WORKLOADS = Operation(
    method='GET',
    path='/api/v1/workloads/count',
    operation_id='count_workloads',
    decode=_decode_count_workloads,
    styles={'filterBy': ParamStyle('form', False)},
    validate=_validate_count_workloads,
    security=({'bearerAuth': ()},),
)

_DELETE_WORKLOAD = Operation(
    method='DELETE',
    path='/api/v1/workloads/{workloadId}',
    operation_id='delete_workload',
    decode=_decode_delete_workload,
    validate=_validate_delete_workload,
    security=({'bearerAuth': ()},),
)

_FOLLOW_WORKLOAD_LOGS = Operation(
    method='GET',
    path='/api/v1/workloads/{workloadId}/logs/stream',
    operation_id='follow_workload_logs',
    decode=_decode_follow_workload_logs,
    validate=_validate_follow_workload_logs,
    security=({'bearerAuth': ()},),
    streamed=True,
)

_GET_WORKLOAD = Operation(
    method='GET',
    path='/api/v1/workloads/{workloadId}',
    operation_id='get_workload',
    decode=_decode_get_workload,
    validate=_validate_get_workload,
    security=({'bearerAuth': ()},),
)

_GET_WORKLOAD_LOGS = Operation(
    method='GET',
    path='/api/v1/workloads/{workloadId}/logs',
    operation_id='get_workload_logs',
    decode=decode_text,
    validate=_validate_get_workload_logs,
    security=({'bearerAuth': ()},),
)

_GET_WORKLOAD_LOGS_STREAMED = Operation(
    method='GET',
    path='/api/v1/workloads/{workloadId}/logs',
    operation_id='get_workload_logs',
    decode=text_stream,
    validate=_validate_get_workload_logs,
    security=({'bearerAuth': ()},),
    streamed=True,
)

_GET_WORKLOADS = Operation(
    method='GET',
    path='/api/v1/workloads',
    operation_id='get_workloads',
    decode=_decode_get_workloads,
    styles={'filterBy': ParamStyle('form', False)},
    validate=_validate_get_workloads,
    security=({'bearerAuth': ()},),
)

_ITER_GET_WORKLOADS = Paging(
    kind='offset',
    items=('workloads',),
    param='offset',
    limit='limit',
    next=('next',),
)

_PUT_WORKLOAD_ARTIFACT = Operation(
    method='PUT',
    path='/api/v1/workloads/{workloadId}/artifacts/{artifactName}',
    operation_id='put_workload_artifact',
    decode=_decode_put_workload_artifact,
    body_media_type='application/octet-stream',
    validate=_validate_put_workload_artifact,
    security=({'bearerAuth': ()},),
)

_RESUME_WORKLOAD = Operation(
    method='POST',
    path='/api/v1/workloads/{workloadId}/resume',
    operation_id='resume_workload',
    decode=_decode_resume_workload,
    validate=_validate_resume_workload,
    security=({'bearerAuth': ()},),
)

_SUBMIT_WORKLOAD = Operation(
    method='POST',
    path='/api/v1/workloads',
    operation_id='submit_workload',
    decode=_decode_submit_workload,
    body_media_type='application/json',
    validate=_validate_submit_workload,
    security=({'bearerAuth': ()},),
)

_SUSPEND_WORKLOAD = Operation(
    method='POST',
    path='/api/v1/workloads/{workloadId}/suspend',
    operation_id='suspend_workload',
    decode=_decode_suspend_workload,
    validate=_validate_suspend_workload,
    security=({'bearerAuth': ()},),
)

_UPLOAD_WORKLOAD_ARTIFACT = Operation(
    method='POST',
    path='/api/v1/workloads/{workloadId}/artifacts',
    operation_id='upload_workload_artifact',
    decode=_decode_upload_workload_artifact,
    body_media_type='multipart/form-data',
    body_encoding={'file': PartEncoding(content_type='application/x-tar, application/gzip')},
    validate=_validate_upload_workload_artifact,
    security=({'bearerAuth': ()},),
)


class WorkloadsApi(Group):
    """Submit, inspect and remove workloads."""

    _client: BaseClient
    _methods = (
        ('count_workloads', False),
        ('delete_workload', False),
        ('follow_workload_logs', False),
        ('get_workload', False),
        ('get_workload_logs', False),
        ('get_workloads', False),
        ('iter_get_workloads', False),
        ('put_workload_artifact', False),
        ('resume_workload', False),
        ('submit_workload', False),
        ('suspend_workload', False),
        ('upload_workload_artifact', False),
    )

    def count_workloads(
        self,
        *,
        deleted: bool | Unset = UNSET,
        filter_by: list[str] | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> WorkloadsCount:
        """Count workloads

        ``GET /api/v1/workloads/count`` (operationId ``count_workloads``).

        Args:
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All
            filters must match.
        """
        return self._client.call(
            _COUNT_WORKLOADS,
            query={'deleted': deleted, 'filterBy': filter_by},
            request_options=request_options,
        )

    def delete_workload(
        self,
        *,
        workload_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> AcceptedResponse:
        """Delete a workload

        ``DELETE /api/v1/workloads/{workloadId}`` (operationId ``delete_workload``).
        """
        return self._client.call(
            _DELETE_WORKLOAD,
            path={'workloadId': workload_id},
            request_options=request_options,
        )

    def follow_workload_logs(
        self,
        *,
        workload_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> EventStream[LogLine]:
        """Follow the logs of a workload

        Server-sent events, one per log line of the workload's main container, as they are written. A `data: [DONE]`
        event ends the stream; an `error` event reports a failure after the stream began.

        ``GET /api/v1/workloads/{workloadId}/logs/stream`` (operationId ``follow_workload_logs``).
        """
        return self._client.call(
            _FOLLOW_WORKLOAD_LOGS,
            path={'workloadId': workload_id},
            request_options=request_options,
        )

    def get_workload(
        self,
        *,
        workload_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> Workload:
        """Get a workload

        ``GET /api/v1/workloads/{workloadId}`` (operationId ``get_workload``).
        """
        return self._client.call(
            _GET_WORKLOAD,
            path={'workloadId': workload_id},
            request_options=request_options,
        )

    @overload
    def get_workload_logs(
        self,
        *,
        workload_id: UUID | str,
        follow: Literal[True],
        pod_name: str | Unset = UNSET,
        tail_lines: int | Unset = UNSET,
        timestamps: bool | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> TextStream: ...

    @overload
    def get_workload_logs(
        self,
        *,
        workload_id: UUID | str,
        follow: Literal[False] | Unset = UNSET,
        pod_name: str | Unset = UNSET,
        tail_lines: int | Unset = UNSET,
        timestamps: bool | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str: ...

    @overload
    def get_workload_logs(
        self,
        *,
        workload_id: UUID | str,
        follow: bool | Unset = UNSET,
        pod_name: str | Unset = UNSET,
        tail_lines: int | Unset = UNSET,
        timestamps: bool | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str | TextStream: ...

    def get_workload_logs(
        self,
        *,
        workload_id: UUID | str,
        follow: bool | Unset = UNSET,
        pod_name: str | Unset = UNSET,
        tail_lines: int | Unset = UNSET,
        timestamps: bool | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str | TextStream:
        """Get the logs of a workload

        Plain-text log lines of the workload's main container. With follow=true the response stays open and new lines
        are sent as they are written.

        ``GET /api/v1/workloads/{workloadId}/logs`` (operationId ``get_workload_logs``).

        ``follow=True`` streams the answer as it comes; otherwise it is read whole.
        """
        if follow is True:
            return self._client.call(
                _GET_WORKLOAD_LOGS_STREAMED,
                path={'workloadId': workload_id},
                query={'follow': follow, 'podName': pod_name, 'tailLines': tail_lines, 'timestamps': timestamps},
                request_options=request_options,
            )
        return self._client.call(
            _GET_WORKLOAD_LOGS,
            path={'workloadId': workload_id},
            query={'follow': follow, 'podName': pod_name, 'tailLines': tail_lines, 'timestamps': timestamps},
            request_options=request_options,
        )

    def get_workloads(
        self,
        *,
        deleted: bool | Unset = UNSET,
        filter_by: list[str] | Unset = UNSET,
        from_: datetime.datetime | str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetWorkloadsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetWorkloadsResponse:
        """List workloads

        ``GET /api/v1/workloads`` (operationId ``get_workloads``).

        Args:
            deleted: Include deleted workloads.
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All
            filters must match.
            from_: Only workloads created at or after this instant.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
            sort_by: Field to sort the workloads by.
        """
        return self._client.call(
            _GET_WORKLOADS,
            query={
                'deleted': deleted,
                'filterBy': filter_by,
                'from': from_,
                'limit': limit,
                'offset': offset,
                'sortBy': sort_by,
                'sortOrder': sort_order,
            },
            request_options=request_options,
        )

    def iter_get_workloads(
        self,
        *,
        deleted: bool | Unset = UNSET,
        filter_by: list[str] | Unset = UNSET,
        from_: datetime.datetime | str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetWorkloadsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> Pager[Workload, GetWorkloadsResponse]:
        """Every item of ``get_workloads``, page after page (the offset ``offset`` advanced by the items received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return Pager(
            self._client,
            _GET_WORKLOADS,
            _ITER_GET_WORKLOADS,
            query={
                'deleted': deleted,
                'filterBy': filter_by,
                'from': from_,
                'limit': limit,
                'offset': offset,
                'sortBy': sort_by,
                'sortOrder': sort_order,
            },
            request_options=request_options,
        )

    def put_workload_artifact(
        self,
        *,
        artifact_name: str,
        workload_id: UUID | str,
        body: Upload,
        request_options: RequestOptions | None = None,
    ) -> Artifact:
        """Store an artifact's content under its name

        The raw bytes of the artifact; a second upload under the same name replaces the first.

        ``PUT /api/v1/workloads/{workloadId}/artifacts/{artifactName}`` (operationId ``put_workload_artifact``).
        """
        return self._client.call(
            _PUT_WORKLOAD_ARTIFACT,
            path={'artifactName': artifact_name, 'workloadId': workload_id},
            body=body,
            request_options=request_options,
        )

    def resume_workload(
        self,
        *,
        workload_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> AcceptedResponse:
        """Resume a suspended workload

        ``POST /api/v1/workloads/{workloadId}/resume`` (operationId ``resume_workload``).
        """
        return self._client.call(
            _RESUME_WORKLOAD,
            path={'workloadId': workload_id},
            request_options=request_options,
        )

    def submit_workload(
        self,
        *,
        body: WorkloadSubmitRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Workload:
        """Submit a workload

        ``POST /api/v1/workloads`` (operationId ``submit_workload``).
        """
        return self._client.call(
            _SUBMIT_WORKLOAD,
            body=body,
            request_options=request_options,
        )

    def submit_workload_job(
        self,
        *,
        body: WorkloadSubmitRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Job[Workload]:
        """Submit, as :meth:`submit_workload`, and return the job it started: ``wait()`` for its end (phase
        Completed: returned; Failed: JobFailedError; Deleting: JobCancelledError) or ``cancel()`` it.
        """
        from .._waiters import WORKLOADS_SUBMIT_WORKLOAD

        answer = self.submit_workload(
            body=body,
            request_options=request_options,
        )
        return WORKLOADS_SUBMIT_WORKLOAD.submitted(self._client, answer)

    def wait_for_workload(
        self,
        *,
        workload_id: UUID | str,
        timeout: float | None = None,
        on_status: OnStatus[Workload] | None = None,
        backoff: Backoff | None = None,
    ) -> Workload:
        """Wait for the job submit_workload started: poll get_workload until it ends (phase Completed: returned;
        Failed: JobFailedError; Deleting: JobCancelledError).

        Returns the last status of a job that succeeded; ``timeout`` (seconds) raises WaitTimeoutError with the last
        state seen, ``on_status(state, answer)`` is called once for each change of state, ``backoff`` sets the waits
        between polls.
        """
        from .._waiters import WORKLOADS_SUBMIT_WORKLOAD

        job = WORKLOADS_SUBMIT_WORKLOAD.job(self._client, workload_id)
        return job.wait(timeout=timeout, on_status=on_status, backoff=backoff)

    def suspend_workload(
        self,
        *,
        workload_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> AcceptedResponse:
        """Suspend a workload

        Stops the workload's pods and keeps its definition so it can be resumed.

        ``POST /api/v1/workloads/{workloadId}/suspend`` (operationId ``suspend_workload``).
        """
        return self._client.call(
            _SUSPEND_WORKLOAD,
            path={'workloadId': workload_id},
            request_options=request_options,
        )

    def upload_workload_artifact(
        self,
        *,
        workload_id: UUID | str,
        body: UploadWorkloadArtifactRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Artifact:
        """Upload an artifact of a workload

        A file the workload produced or needs (a checkpoint, a report), with its description, labels and tags, as
        multipart/form-data.

        ``POST /api/v1/workloads/{workloadId}/artifacts`` (operationId ``upload_workload_artifact``).
        """
        return self._client.call(
            _UPLOAD_WORKLOAD_ARTIFACT,
            path={'workloadId': workload_id},
            body=body,
            request_options=request_options,
        )


class AsyncWorkloadsApi(Group):
    """Submit, inspect and remove workloads."""

    _client: BaseAsyncClient
    _methods = (
        ('count_workloads', False),
        ('delete_workload', False),
        ('follow_workload_logs', False),
        ('get_workload', False),
        ('get_workload_logs', False),
        ('get_workloads', False),
        ('iter_get_workloads', False),
        ('put_workload_artifact', False),
        ('resume_workload', False),
        ('submit_workload', False),
        ('suspend_workload', False),
        ('upload_workload_artifact', False),
    )

    async def count_workloads(
        self,
        *,
        deleted: bool | Unset = UNSET,
        filter_by: list[str] | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> WorkloadsCount:
        """Count workloads

        ``GET /api/v1/workloads/count`` (operationId ``count_workloads``).

        Args:
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All
            filters must match.
        """
        return await self._client.call(
            _COUNT_WORKLOADS,
            query={'deleted': deleted, 'filterBy': filter_by},
            request_options=request_options,
        )

    async def delete_workload(
        self,
        *,
        workload_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> AcceptedResponse:
        """Delete a workload

        ``DELETE /api/v1/workloads/{workloadId}`` (operationId ``delete_workload``).
        """
        return await self._client.call(
            _DELETE_WORKLOAD,
            path={'workloadId': workload_id},
            request_options=request_options,
        )

    async def follow_workload_logs(
        self,
        *,
        workload_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> AsyncEventStream[LogLine]:
        """Follow the logs of a workload

        Server-sent events, one per log line of the workload's main container, as they are written. A `data: [DONE]`
        event ends the stream; an `error` event reports a failure after the stream began.

        ``GET /api/v1/workloads/{workloadId}/logs/stream`` (operationId ``follow_workload_logs``).
        """
        return await self._client.call(
            _FOLLOW_WORKLOAD_LOGS,
            path={'workloadId': workload_id},
            request_options=request_options,
        )

    async def get_workload(
        self,
        *,
        workload_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> Workload:
        """Get a workload

        ``GET /api/v1/workloads/{workloadId}`` (operationId ``get_workload``).
        """
        return await self._client.call(
            _GET_WORKLOAD,
            path={'workloadId': workload_id},
            request_options=request_options,
        )

    @overload
    async def get_workload_logs(
        self,
        *,
        workload_id: UUID | str,
        follow: Literal[True],
        pod_name: str | Unset = UNSET,
        tail_lines: int | Unset = UNSET,
        timestamps: bool | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> AsyncTextStream: ...

    @overload
    async def get_workload_logs(
        self,
        *,
        workload_id: UUID | str,
        follow: Literal[False] | Unset = UNSET,
        pod_name: str | Unset = UNSET,
        tail_lines: int | Unset = UNSET,
        timestamps: bool | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str: ...

    @overload
    async def get_workload_logs(
        self,
        *,
        workload_id: UUID | str,
        follow: bool | Unset = UNSET,
        pod_name: str | Unset = UNSET,
        tail_lines: int | Unset = UNSET,
        timestamps: bool | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str | AsyncTextStream: ...

    async def get_workload_logs(
        self,
        *,
        workload_id: UUID | str,
        follow: bool | Unset = UNSET,
        pod_name: str | Unset = UNSET,
        tail_lines: int | Unset = UNSET,
        timestamps: bool | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str | AsyncTextStream:
        """Get the logs of a workload

        Plain-text log lines of the workload's main container. With follow=true the response stays open and new lines
        are sent as they are written.

        ``GET /api/v1/workloads/{workloadId}/logs`` (operationId ``get_workload_logs``).

        ``follow=True`` streams the answer as it comes; otherwise it is read whole.
        """
        if follow is True:
            return await self._client.call(
                _GET_WORKLOAD_LOGS_STREAMED,
                path={'workloadId': workload_id},
                query={'follow': follow, 'podName': pod_name, 'tailLines': tail_lines, 'timestamps': timestamps},
                request_options=request_options,
            )
        return await self._client.call(
            _GET_WORKLOAD_LOGS,
            path={'workloadId': workload_id},
            query={'follow': follow, 'podName': pod_name, 'tailLines': tail_lines, 'timestamps': timestamps},
            request_options=request_options,
        )

    async def get_workloads(
        self,
        *,
        deleted: bool | Unset = UNSET,
        filter_by: list[str] | Unset = UNSET,
        from_: datetime.datetime | str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetWorkloadsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetWorkloadsResponse:
        """List workloads

        ``GET /api/v1/workloads`` (operationId ``get_workloads``).

        Args:
            deleted: Include deleted workloads.
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All
            filters must match.
            from_: Only workloads created at or after this instant.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
            sort_by: Field to sort the workloads by.
        """
        return await self._client.call(
            _GET_WORKLOADS,
            query={
                'deleted': deleted,
                'filterBy': filter_by,
                'from': from_,
                'limit': limit,
                'offset': offset,
                'sortBy': sort_by,
                'sortOrder': sort_order,
            },
            request_options=request_options,
        )

    def iter_get_workloads(
        self,
        *,
        deleted: bool | Unset = UNSET,
        filter_by: list[str] | Unset = UNSET,
        from_: datetime.datetime | str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetWorkloadsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> AsyncPager[Workload, GetWorkloadsResponse]:
        """Every item of ``get_workloads``, page after page (the offset ``offset`` advanced by the items received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return AsyncPager(
            self._client,
            _GET_WORKLOADS,
            _ITER_GET_WORKLOADS,
            query={
                'deleted': deleted,
                'filterBy': filter_by,
                'from': from_,
                'limit': limit,
                'offset': offset,
                'sortBy': sort_by,
                'sortOrder': sort_order,
            },
            request_options=request_options,
        )

    async def put_workload_artifact(
        self,
        *,
        artifact_name: str,
        workload_id: UUID | str,
        body: Upload,
        request_options: RequestOptions | None = None,
    ) -> Artifact:
        """Store an artifact's content under its name

        The raw bytes of the artifact; a second upload under the same name replaces the first.

        ``PUT /api/v1/workloads/{workloadId}/artifacts/{artifactName}`` (operationId ``put_workload_artifact``).
        """
        return await self._client.call(
            _PUT_WORKLOAD_ARTIFACT,
            path={'artifactName': artifact_name, 'workloadId': workload_id},
            body=body,
            request_options=request_options,
        )

    async def resume_workload(
        self,
        *,
        workload_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> AcceptedResponse:
        """Resume a suspended workload

        ``POST /api/v1/workloads/{workloadId}/resume`` (operationId ``resume_workload``).
        """
        return await self._client.call(
            _RESUME_WORKLOAD,
            path={'workloadId': workload_id},
            request_options=request_options,
        )

    async def submit_workload(
        self,
        *,
        body: WorkloadSubmitRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Workload:
        """Submit a workload

        ``POST /api/v1/workloads`` (operationId ``submit_workload``).
        """
        return await self._client.call(
            _SUBMIT_WORKLOAD,
            body=body,
            request_options=request_options,
        )

    async def submit_workload_job(
        self,
        *,
        body: WorkloadSubmitRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> AsyncJob[Workload]:
        """Submit, as :meth:`submit_workload`, and return the job it started: ``wait()`` for its end (phase
        Completed: returned; Failed: JobFailedError; Deleting: JobCancelledError) or ``cancel()`` it.
        """
        from .._waiters import WORKLOADS_SUBMIT_WORKLOAD

        answer = await self.submit_workload(
            body=body,
            request_options=request_options,
        )
        return WORKLOADS_SUBMIT_WORKLOAD.submitted(self._client, answer)

    async def wait_for_workload(
        self,
        *,
        workload_id: UUID | str,
        timeout: float | None = None,
        on_status: OnStatus[Workload] | None = None,
        backoff: Backoff | None = None,
    ) -> Workload:
        """Wait for the job submit_workload started: poll get_workload until it ends (phase Completed: returned;
        Failed: JobFailedError; Deleting: JobCancelledError).

        Returns the last status of a job that succeeded; ``timeout`` (seconds) raises WaitTimeoutError with the last
        state seen, ``on_status(state, answer)`` is called once for each change of state, ``backoff`` sets the waits
        between polls.
        """
        from .._waiters import WORKLOADS_SUBMIT_WORKLOAD

        job = WORKLOADS_SUBMIT_WORKLOAD.job(self._client, workload_id)
        return await job.wait(timeout=timeout, on_status=on_status, backoff=backoff)

    async def suspend_workload(
        self,
        *,
        workload_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> AcceptedResponse:
        """Suspend a workload

        Stops the workload's pods and keeps its definition so it can be resumed.

        ``POST /api/v1/workloads/{workloadId}/suspend`` (operationId ``suspend_workload``).
        """
        return await self._client.call(
            _SUSPEND_WORKLOAD,
            path={'workloadId': workload_id},
            request_options=request_options,
        )

    async def upload_workload_artifact(
        self,
        *,
        workload_id: UUID | str,
        body: UploadWorkloadArtifactRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Artifact:
        """Upload an artifact of a workload

        A file the workload produced or needs (a checkpoint, a report), with its description, labels and tags, as
        multipart/form-data.

        ``POST /api/v1/workloads/{workloadId}/artifacts`` (operationId ``upload_workload_artifact``).
        """
        return await self._client.call(
            _UPLOAD_WORKLOAD_ARTIFACT,
            path={'workloadId': workload_id},
            body=body,
            request_options=request_options,
        )
