"""Operations of the 'Projects' group."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

import httpx
from specloom_runtime import (
    UNSET,
    AsyncPager,
    Group,
    Operation,
    Pager,
    Paging,
    ParamStyle,
    Unset,
    as_json,
    decode_none,
    is_int32,
    is_integer,
    is_uuid,
    list_of,
    model_of,
    read_json,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.get_projects_response import GetProjectsResponse
    from controlplane_client.models.get_projects_sort_by import GetProjectsSortBy
    from controlplane_client.models.legacy_project import LegacyProject
    from controlplane_client.models.project import Project
    from controlplane_client.models.project_creation_request import (
        ProjectCreationRequest,
    )
    from controlplane_client.models.project_update_request import ProjectUpdateRequest
    from controlplane_client.models.sort_order import SortOrder


_validators = validators('controlplane_client')


def _decode_create_project(response: httpx.Response, strict: bool) -> Project:
    from controlplane_client.models.project import Project

    return read_json(response, strict, model_of(Project))


def _validate_create_project(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    v = arguments.get("body", UNSET)
    if v is not UNSET:
        _validators['project_creation_request'](v, "body", problems)
    return problems


def _validate_delete_project(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('projectId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.projectId: must be a string")
        elif re.search('^[0-9]+$', v) is None:
            problems.append("path.projectId: must match the pattern ^[0-9]+$")
    return problems


def _decode_get_project(response: httpx.Response, strict: bool) -> Project:
    from controlplane_client.models.project import Project

    return read_json(response, strict, model_of(Project))


def _validate_get_project(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('projectId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.projectId: must be a string")
        elif re.search('^[0-9]+$', v) is None:
            problems.append("path.projectId: must match the pattern ^[0-9]+$")
    return problems


def _decode_get_projects(response: httpx.Response, strict: bool) -> GetProjectsResponse:
    from controlplane_client.models.get_projects_response import GetProjectsResponse

    return read_json(response, strict, model_of(GetProjectsResponse))


def _validate_get_projects(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    query_values = arguments.get('query') or {}
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
        _validators['get_projects_sort_by'](v, "query.sortBy", problems)
    v = query_values.get('sortOrder', UNSET)
    if v is not UNSET:
        _validators['sort_order'](v, "query.sortOrder", problems)
    return problems


def _decode_get_projects_2(response: httpx.Response, strict: bool) -> list[LegacyProject]:
    from controlplane_client.models.legacy_project import LegacyProject

    return cast('list[LegacyProject]', read_json(response, strict, list_of(model_of(LegacyProject))))


def _validate_get_projects_2(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('clusterId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.clusterId: must be a string")
        elif not is_uuid(v):
            problems.append("path.clusterId: must be a uuid")
    return problems


def _decode_update_project(response: httpx.Response, strict: bool) -> Project:
    from controlplane_client.models.project import Project

    return read_json(response, strict, model_of(Project))


def _validate_update_project(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('projectId', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.projectId: must be a string")
        elif re.search('^[0-9]+$', v) is None:
            problems.append("path.projectId: must match the pattern ^[0-9]+$")
    v = arguments.get("body", UNSET)
    if v is not UNSET:
        _validators['project_update_request'](v, "body", problems)
    return problems


_CREATE_PROJECT = Operation(
    method='POST',
    path='/api/v1/org-unit/projects',
    operation_id='create_project',
    decode=_decode_create_project,
    body_media_type='application/json',
    validate=_validate_create_project,
    security=({'bearerAuth': ()},),
)

_DELETE_PROJECT = Operation(
    method='DELETE',
    path='/api/v1/org-unit/projects/{projectId}',
    operation_id='delete_project',
    decode=decode_none,
    validate=_validate_delete_project,
    security=({'bearerAuth': ()},),
)

_GET_PROJECT = Operation(
    method='GET',
    path='/api/v1/org-unit/projects/{projectId}',
    operation_id='get_project',
    decode=_decode_get_project,
    validate=_validate_get_project,
    security=({'bearerAuth': ()},),
)

_GET_PROJECTS = Operation(
    method='GET',
    path='/api/v1/org-unit/projects',
    operation_id='get_projects',
    decode=_decode_get_projects,
    styles={'filterBy': ParamStyle('form', False)},
    validate=_validate_get_projects,
    security=({'bearerAuth': ()},),
)

_ITER_GET_PROJECTS = Paging(
    kind='offset',
    items=('projects',),
    param='offset',
    limit='limit',
    next=('next',),
)

_GET_PROJECTS_2 = Operation(
    method='GET',
    path='/v1/k8s/clusters/{clusterId}/projects',
    operation_id='getProjects',
    decode=_decode_get_projects_2,
    deprecated=True,
    validate=_validate_get_projects_2,
    security=({'bearerAuth': ()},),
)

_UPDATE_PROJECT = Operation(
    method='PUT',
    path='/api/v1/org-unit/projects/{projectId}',
    operation_id='update_project',
    decode=_decode_update_project,
    body_media_type='application/json',
    validate=_validate_update_project,
    security=({'bearerAuth': ()},),
)


class ProjectsApi(Group):
    """Projects are where workloads run; each belongs to a department."""

    _client: BaseClient
    _methods = (
        ('create_project', False),
        ('delete_project', False),
        ('get_project', False),
        ('get_projects', False),
        ('iter_get_projects', False),
        ('get_projects_2', True),
        ('update_project', False),
    )

    def create_project(
        self,
        *,
        body: ProjectCreationRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Project:
        """Create a project

        ``POST /api/v1/org-unit/projects`` (operationId ``create_project``).
        """
        return self._client.call(
            _CREATE_PROJECT,
            body=body,
            request_options=request_options,
        )

    def delete_project(
        self,
        *,
        project_id: str,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a project

        ``DELETE /api/v1/org-unit/projects/{projectId}`` (operationId ``delete_project``).
        """
        return self._client.call(
            _DELETE_PROJECT,
            path={'projectId': project_id},
            request_options=request_options,
        )

    def get_project(
        self,
        *,
        project_id: str,
        request_options: RequestOptions | None = None,
    ) -> Project:
        """Get a project

        ``GET /api/v1/org-unit/projects/{projectId}`` (operationId ``get_project``).
        """
        return self._client.call(
            _GET_PROJECT,
            path={'projectId': project_id},
            request_options=request_options,
        )

    def get_projects(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetProjectsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetProjectsResponse:
        """List projects

        ``GET /api/v1/org-unit/projects`` (operationId ``get_projects``).

        Args:
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All
            filters must match.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
        """
        return self._client.call(
            _GET_PROJECTS,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset, 'sortBy': sort_by, 'sortOrder': sort_order},
            request_options=request_options,
        )

    def iter_get_projects(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetProjectsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> Pager[Project, GetProjectsResponse]:
        """Every item of ``get_projects``, page after page (the offset ``offset`` advanced by the items received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return Pager(
            self._client,
            _GET_PROJECTS,
            _ITER_GET_PROJECTS,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset, 'sortBy': sort_by, 'sortOrder': sort_order},
            request_options=request_options,
        )

    def get_projects_2(
        self,
        *,
        cluster_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> list[LegacyProject]:
        """List the projects of a cluster (legacy)

        Deprecated: this operation may be removed in a later release of the control plane.

        Legacy listing kept for old clients. Use get_projects instead.

        ``GET /v1/k8s/clusters/{clusterId}/projects`` (operationId ``getProjects``).
        """
        return self._client.call(
            _GET_PROJECTS_2,
            path={'clusterId': cluster_id},
            request_options=request_options,
        )

    def update_project(
        self,
        *,
        project_id: str,
        body: ProjectUpdateRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Project:
        """Update a project

        ``PUT /api/v1/org-unit/projects/{projectId}`` (operationId ``update_project``).
        """
        return self._client.call(
            _UPDATE_PROJECT,
            path={'projectId': project_id},
            body=body,
            request_options=request_options,
        )


class AsyncProjectsApi(Group):
    """Projects are where workloads run; each belongs to a department."""

    _client: BaseAsyncClient
    _methods = (
        ('create_project', False),
        ('delete_project', False),
        ('get_project', False),
        ('get_projects', False),
        ('iter_get_projects', False),
        ('get_projects_2', True),
        ('update_project', False),
    )

    async def create_project(
        self,
        *,
        body: ProjectCreationRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Project:
        """Create a project

        ``POST /api/v1/org-unit/projects`` (operationId ``create_project``).
        """
        return await self._client.call(
            _CREATE_PROJECT,
            body=body,
            request_options=request_options,
        )

    async def delete_project(
        self,
        *,
        project_id: str,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a project

        ``DELETE /api/v1/org-unit/projects/{projectId}`` (operationId ``delete_project``).
        """
        return await self._client.call(
            _DELETE_PROJECT,
            path={'projectId': project_id},
            request_options=request_options,
        )

    async def get_project(
        self,
        *,
        project_id: str,
        request_options: RequestOptions | None = None,
    ) -> Project:
        """Get a project

        ``GET /api/v1/org-unit/projects/{projectId}`` (operationId ``get_project``).
        """
        return await self._client.call(
            _GET_PROJECT,
            path={'projectId': project_id},
            request_options=request_options,
        )

    async def get_projects(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetProjectsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetProjectsResponse:
        """List projects

        ``GET /api/v1/org-unit/projects`` (operationId ``get_projects``).

        Args:
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All
            filters must match.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
        """
        return await self._client.call(
            _GET_PROJECTS,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset, 'sortBy': sort_by, 'sortOrder': sort_order},
            request_options=request_options,
        )

    def iter_get_projects(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetProjectsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> AsyncPager[Project, GetProjectsResponse]:
        """Every item of ``get_projects``, page after page (the offset ``offset`` advanced by the items received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return AsyncPager(
            self._client,
            _GET_PROJECTS,
            _ITER_GET_PROJECTS,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset, 'sortBy': sort_by, 'sortOrder': sort_order},
            request_options=request_options,
        )

    async def get_projects_2(
        self,
        *,
        cluster_id: UUID | str,
        request_options: RequestOptions | None = None,
    ) -> list[LegacyProject]:
        """List the projects of a cluster (legacy)

        Deprecated: this operation may be removed in a later release of the control plane.

        Legacy listing kept for old clients. Use get_projects instead.

        ``GET /v1/k8s/clusters/{clusterId}/projects`` (operationId ``getProjects``).
        """
        return await self._client.call(
            _GET_PROJECTS_2,
            path={'clusterId': cluster_id},
            request_options=request_options,
        )

    async def update_project(
        self,
        *,
        project_id: str,
        body: ProjectUpdateRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Project:
        """Update a project

        ``PUT /api/v1/org-unit/projects/{projectId}`` (operationId ``update_project``).
        """
        return await self._client.call(
            _UPDATE_PROJECT,
            path={'projectId': project_id},
            body=body,
            request_options=request_options,
        )
