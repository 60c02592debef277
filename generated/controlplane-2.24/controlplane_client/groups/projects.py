"""Operations of the 'Projects' group."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

import httpx
from specloom_runtime import (
    UNSET,
    Group,
    Operation,
    ParamStyle,
    Unset,
    decode_json,
    decode_none,
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


def _decode_create_project(response: httpx.Response) -> Project:
    from controlplane_client.models.project import Project

    return Project.from_dict(decode_json(response))


def _decode_get_project(response: httpx.Response) -> Project:
    from controlplane_client.models.project import Project

    return Project.from_dict(decode_json(response))


def _decode_get_projects(response: httpx.Response) -> GetProjectsResponse:
    from controlplane_client.models.get_projects_response import GetProjectsResponse

    return GetProjectsResponse.from_dict(decode_json(response))


def _decode_get_projects_2(response: httpx.Response) -> list[LegacyProject]:
    from controlplane_client.models.legacy_project import LegacyProject

    return [LegacyProject.from_dict(x0) for x0 in decode_json(response)]


def _decode_update_project(response: httpx.Response) -> Project:
    from controlplane_client.models.project import Project

    return Project.from_dict(decode_json(response))


_CREATE_PROJECT = Operation(
    method='POST',
    path='/api/v1/org-unit/projects',
    operation_id='create_project',
    decode=_decode_create_project,
    body_media_type='application/json',
)

_DELETE_PROJECT = Operation(
    method='DELETE',
    path='/api/v1/org-unit/projects/{projectId}',
    operation_id='delete_project',
    decode=decode_none,
)

_GET_PROJECT = Operation(
    method='GET',
    path='/api/v1/org-unit/projects/{projectId}',
    operation_id='get_project',
    decode=_decode_get_project,
)

_GET_PROJECTS = Operation(
    method='GET',
    path='/api/v1/org-unit/projects',
    operation_id='get_projects',
    decode=_decode_get_projects,
    styles={'filterBy': ParamStyle('form', False)},
)

_GET_PROJECTS_2 = Operation(
    method='GET',
    path='/v1/k8s/clusters/{clusterId}/projects',
    operation_id='getProjects',
    decode=_decode_get_projects_2,
    deprecated=True,
)

_UPDATE_PROJECT = Operation(
    method='PUT',
    path='/api/v1/org-unit/projects/{projectId}',
    operation_id='update_project',
    decode=_decode_update_project,
    body_media_type='application/json',
)


class ProjectsApi(Group):
    """Projects are where workloads run; each belongs to a department."""

    _client: BaseClient
    _methods = (
        ('create_project', False),
        ('delete_project', False),
        ('get_project', False),
        ('get_projects', False),
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
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All filters must match.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
        """
        return self._client.call(
            _GET_PROJECTS,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset, 'sortBy': sort_by, 'sortOrder': sort_order},
            request_options=request_options,
        )

    def get_projects_2(
        self,
        *,
        cluster_id: UUID,
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
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All filters must match.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
        """
        return await self._client.call(
            _GET_PROJECTS,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset, 'sortBy': sort_by, 'sortOrder': sort_order},
            request_options=request_options,
        )

    async def get_projects_2(
        self,
        *,
        cluster_id: UUID,
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
