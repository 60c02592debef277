"""Operations of the 'Departments' group."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

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
    model_of,
    read_json,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.department import Department
    from controlplane_client.models.department_creation_request import (
        DepartmentCreationRequest,
    )
    from controlplane_client.models.get_departments_response import (
        GetDepartmentsResponse,
    )
    from controlplane_client.models.get_departments_sort_by import GetDepartmentsSortBy
    from controlplane_client.models.sort_order import SortOrder


_validators = validators('controlplane_client')


def _decode_create_department(response: httpx.Response, strict: bool) -> Department:
    from controlplane_client.models.department import Department

    return read_json(response, strict, model_of(Department))


def _validate_create_department(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    v = arguments.get("body", UNSET)
    if v is not UNSET:
        _validators['department_creation_request'](v, "body", problems)
    return problems


def _validate_delete_department(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('department-id', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.department-id: must be a string")
        elif re.search('^[0-9]+$', v) is None:
            problems.append("path.department-id: must match the pattern ^[0-9]+$")
    return problems


def _decode_get_department(response: httpx.Response, strict: bool) -> Department:
    from controlplane_client.models.department import Department

    return read_json(response, strict, model_of(Department))


def _validate_get_department(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('department-id', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.department-id: must be a string")
        elif re.search('^[0-9]+$', v) is None:
            problems.append("path.department-id: must match the pattern ^[0-9]+$")
    return problems


def _decode_get_departments(response: httpx.Response, strict: bool) -> GetDepartmentsResponse:
    from controlplane_client.models.get_departments_response import (
        GetDepartmentsResponse,
    )

    return read_json(response, strict, model_of(GetDepartmentsResponse))


def _validate_get_departments(arguments: Mapping[str, Any]) -> list[str]:
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
        _validators['get_departments_sort_by'](v, "query.sortBy", problems)
    v = query_values.get('sortOrder', UNSET)
    if v is not UNSET:
        _validators['sort_order'](v, "query.sortOrder", problems)
    return problems


def _decode_update_department(response: httpx.Response, strict: bool) -> Department:
    from controlplane_client.models.department import Department

    return read_json(response, strict, model_of(Department))


def _validate_update_department(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('department-id', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.department-id: must be a string")
        elif re.search('^[0-9]+$', v) is None:
            problems.append("path.department-id: must match the pattern ^[0-9]+$")
    v = arguments.get("body", UNSET)
    if v is not UNSET:
        _validators['department_creation_request'](v, "body", problems)
    return problems


_CREATE_DEPARTMENT = Operation(
    method='POST',
    path='/api/v1/org-unit/departments',
    operation_id='create_department',
    decode=_decode_create_department,
    body_media_type='application/json',
    validate=_validate_create_department,
    security=({'bearerAuth': ()},),
)

_DELETE_DEPARTMENT = Operation(
    method='DELETE',
    path='/api/v1/org-unit/departments/{department-id}',
    operation_id='delete_department',
    decode=decode_none,
    validate=_validate_delete_department,
    security=({'bearerAuth': ()},),
)

_GET_DEPARTMENT = Operation(
    method='GET',
    path='/api/v1/org-unit/departments/{department-id}',
    operation_id='get_department',
    decode=_decode_get_department,
    validate=_validate_get_department,
    security=({'bearerAuth': ()},),
)

_GET_DEPARTMENTS = Operation(
    method='GET',
    path='/api/v1/org-unit/departments',
    operation_id='get_departments',
    decode=_decode_get_departments,
    styles={'filterBy': ParamStyle('form', False)},
    validate=_validate_get_departments,
    security=({'bearerAuth': ()},),
)

_ITER_GET_DEPARTMENTS = Paging(
    kind='offset',
    items=('departments',),
    param='offset',
    limit='limit',
    next=('next',),
)

_UPDATE_DEPARTMENT = Operation(
    method='PUT',
    path='/api/v1/org-unit/departments/{department-id}',
    operation_id='update_department',
    decode=_decode_update_department,
    body_media_type='application/json',
    validate=_validate_update_department,
    security=({'bearerAuth': ()},),
)


class DepartmentsApi(Group):
    """Departments group projects and hold a share of cluster resources."""

    _client: BaseClient
    _methods = (
        ('create_department', False),
        ('delete_department', False),
        ('get_department', False),
        ('get_departments', False),
        ('iter_get_departments', False),
        ('update_department', False),
    )

    def create_department(
        self,
        *,
        body: DepartmentCreationRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Department:
        """Create a department

        ``POST /api/v1/org-unit/departments`` (operationId ``create_department``).
        """
        return self._client.call(
            _CREATE_DEPARTMENT,
            body=body,
            request_options=request_options,
        )

    def delete_department(
        self,
        *,
        department_id: str,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a department

        ``DELETE /api/v1/org-unit/departments/{department-id}`` (operationId ``delete_department``).

        Args:
            department_id: The id of the department.
        """
        return self._client.call(
            _DELETE_DEPARTMENT,
            path={'department-id': department_id},
            request_options=request_options,
        )

    def get_department(
        self,
        *,
        department_id: str,
        request_options: RequestOptions | None = None,
    ) -> Department:
        """Get a department

        Returns the department with its subtree of child org units.

        ``GET /api/v1/org-unit/departments/{department-id}`` (operationId ``get_department``).

        Args:
            department_id: The id of the department.
        """
        return self._client.call(
            _GET_DEPARTMENT,
            path={'department-id': department_id},
            request_options=request_options,
        )

    def get_departments(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetDepartmentsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetDepartmentsResponse:
        """List departments

        ``GET /api/v1/org-unit/departments`` (operationId ``get_departments``).

        Args:
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All
            filters must match.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
            sort_by: Field to sort the departments by.
        """
        return self._client.call(
            _GET_DEPARTMENTS,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset, 'sortBy': sort_by, 'sortOrder': sort_order},
            request_options=request_options,
        )

    def iter_get_departments(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetDepartmentsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> Pager[Department, GetDepartmentsResponse]:
        """Every item of ``get_departments``, page after page (the offset ``offset`` advanced by the items received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return Pager(
            self._client,
            _GET_DEPARTMENTS,
            _ITER_GET_DEPARTMENTS,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset, 'sortBy': sort_by, 'sortOrder': sort_order},
            request_options=request_options,
        )

    def update_department(
        self,
        *,
        department_id: str,
        body: DepartmentCreationRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Department:
        """Replace a department

        ``PUT /api/v1/org-unit/departments/{department-id}`` (operationId ``update_department``).

        Args:
            department_id: The id of the department.
        """
        return self._client.call(
            _UPDATE_DEPARTMENT,
            path={'department-id': department_id},
            body=body,
            request_options=request_options,
        )


class AsyncDepartmentsApi(Group):
    """Departments group projects and hold a share of cluster resources."""

    _client: BaseAsyncClient
    _methods = (
        ('create_department', False),
        ('delete_department', False),
        ('get_department', False),
        ('get_departments', False),
        ('iter_get_departments', False),
        ('update_department', False),
    )

    async def create_department(
        self,
        *,
        body: DepartmentCreationRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Department:
        """Create a department

        ``POST /api/v1/org-unit/departments`` (operationId ``create_department``).
        """
        return await self._client.call(
            _CREATE_DEPARTMENT,
            body=body,
            request_options=request_options,
        )

    async def delete_department(
        self,
        *,
        department_id: str,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a department

        ``DELETE /api/v1/org-unit/departments/{department-id}`` (operationId ``delete_department``).

        Args:
            department_id: The id of the department.
        """
        return await self._client.call(
            _DELETE_DEPARTMENT,
            path={'department-id': department_id},
            request_options=request_options,
        )

    async def get_department(
        self,
        *,
        department_id: str,
        request_options: RequestOptions | None = None,
    ) -> Department:
        """Get a department

        Returns the department with its subtree of child org units.

        ``GET /api/v1/org-unit/departments/{department-id}`` (operationId ``get_department``).

        Args:
            department_id: The id of the department.
        """
        return await self._client.call(
            _GET_DEPARTMENT,
            path={'department-id': department_id},
            request_options=request_options,
        )

    async def get_departments(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetDepartmentsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetDepartmentsResponse:
        """List departments

        ``GET /api/v1/org-unit/departments`` (operationId ``get_departments``).

        Args:
            filter_by: Filters of the form field, operator, value; for example name=@train or phase==Running. All
            filters must match.
            limit: Maximum number of items to return.
            offset: Number of items to skip.
            sort_by: Field to sort the departments by.
        """
        return await self._client.call(
            _GET_DEPARTMENTS,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset, 'sortBy': sort_by, 'sortOrder': sort_order},
            request_options=request_options,
        )

    def iter_get_departments(
        self,
        *,
        filter_by: list[str] | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        sort_by: GetDepartmentsSortBy | Unset = UNSET,
        sort_order: SortOrder | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> AsyncPager[Department, GetDepartmentsResponse]:
        """Every item of ``get_departments``, page after page (the offset ``offset`` advanced by the items received).

        Iterate it for the items, or its ``pages()`` for each page (``items``, and ``data``: the
        decoded answer with the page's own fields). A page is fetched when it is reached.
        """
        return AsyncPager(
            self._client,
            _GET_DEPARTMENTS,
            _ITER_GET_DEPARTMENTS,
            query={'filterBy': filter_by, 'limit': limit, 'offset': offset, 'sortBy': sort_by, 'sortOrder': sort_order},
            request_options=request_options,
        )

    async def update_department(
        self,
        *,
        department_id: str,
        body: DepartmentCreationRequest | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> Department:
        """Replace a department

        ``PUT /api/v1/org-unit/departments/{department-id}`` (operationId ``update_department``).

        Args:
            department_id: The id of the department.
        """
        return await self._client.call(
            _UPDATE_DEPARTMENT,
            path={'department-id': department_id},
            body=body,
            request_options=request_options,
        )
