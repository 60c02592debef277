"""The clients of controlplane-client: category -> group -> method."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from specloom_runtime import BaseAsyncClient, BaseClient, BaseThreadedClient, Category

from ._security import SECURITY_SCHEMES, TOKEN_EXCHANGE

if TYPE_CHECKING:
    from .groups.audit_logs import AsyncAuditLogsApi, AuditLogsApi
    from .groups.cli import AsyncCLIApi, CLIApi
    from .groups.clusters import AsyncClustersApi, ClustersApi
    from .groups.departments import AsyncDepartmentsApi, DepartmentsApi
    from .groups.events import AsyncEventsApi, EventsApi
    from .groups.node_pools import AsyncNodePoolsApi, NodePoolsApi
    from .groups.nodes import AsyncNodesApi, NodesApi
    from .groups.projects import AsyncProjectsApi, ProjectsApi
    from .groups.tokens import AsyncTokensApi, TokensApi
    from .groups.workloads import AsyncWorkloadsApi, WorkloadsApi


class OrganizationsCategory(Category):
    """Organizations: departments, projects, clusters."""

    _children = ('departments', 'projects', 'clusters')

    @cached_property
    def departments(self) -> DepartmentsApi:
        """Departments group projects and hold a share of cluster resources."""
        from .groups.departments import DepartmentsApi

        return DepartmentsApi(self._client)

    @cached_property
    def projects(self) -> ProjectsApi:
        """Projects are where workloads run; each belongs to a department."""
        from .groups.projects import ProjectsApi

        return ProjectsApi(self._client)

    @cached_property
    def clusters(self) -> ClustersApi:
        """Clusters connected to the control plane."""
        from .groups.clusters import ClustersApi

        return ClustersApi(self._client)


class WorkloadsCategory(Category):
    """Workloads: workloads, events."""

    _children = ('workloads', 'events')

    @cached_property
    def workloads(self) -> WorkloadsApi:
        """Submit, inspect and remove workloads."""
        from .groups.workloads import WorkloadsApi

        return WorkloadsApi(self._client)

    @cached_property
    def events(self) -> EventsApi:
        """Events recorded for a workload."""
        from .groups.events import EventsApi

        return EventsApi(self._client)


class InfrastructureCategory(Category):
    """Infrastructure: nodes, node_pools, cli."""

    _children = ('nodes', 'node_pools', 'cli')

    @cached_property
    def nodes(self) -> NodesApi:
        """Cluster nodes and their GPUs."""
        from .groups.nodes import NodesApi

        return NodesApi(self._client)

    @cached_property
    def node_pools(self) -> NodePoolsApi:
        """Groups of nodes scheduled together."""
        from .groups.node_pools import NodePoolsApi

        return NodePoolsApi(self._client)

    @cached_property
    def cli(self) -> CLIApi:
        """Command-line tool downloads."""
        from .groups.cli import CLIApi

        return CLIApi(self._client)


class AuditCategory(Category):
    """Audit: audit_logs."""

    _children = ('audit_logs',)

    @cached_property
    def audit_logs(self) -> AuditLogsApi:
        """Who did what, and when."""
        from .groups.audit_logs import AuditLogsApi

        return AuditLogsApi(self._client)


class AuthenticationCategory(Category):
    """Authentication: tokens."""

    _children = ('tokens',)

    @cached_property
    def tokens(self) -> TokensApi:
        """Obtain access tokens for API calls."""
        from .groups.tokens import TokensApi

        return TokensApi(self._client)


class Client(BaseClient):
    """Synchronous client for Reference Control Plane API (control-plane release 2.23)."""

    _children = ('organizations', 'workloads', 'infrastructure', 'audit', 'authentication')
    _distribution = 'controlplane-client'
    _version = '1.223.0'
    _security_schemes = SECURITY_SCHEMES
    _token_exchange = TOKEN_EXCHANGE

    @cached_property
    def organizations(self) -> OrganizationsCategory:
        """Organizations: departments, projects, clusters."""
        return OrganizationsCategory(self)

    @cached_property
    def workloads(self) -> WorkloadsCategory:
        """Workloads: workloads, events."""
        return WorkloadsCategory(self)

    @cached_property
    def infrastructure(self) -> InfrastructureCategory:
        """Infrastructure: nodes, node_pools, cli."""
        return InfrastructureCategory(self)

    @cached_property
    def audit(self) -> AuditCategory:
        """Audit: audit_logs."""
        return AuditCategory(self)

    @cached_property
    def authentication(self) -> AuthenticationCategory:
        """Authentication: tokens."""
        return AuthenticationCategory(self)


class AsyncOrganizationsCategory(Category):
    """Organizations: departments, projects, clusters."""

    _children = ('departments', 'projects', 'clusters')

    @cached_property
    def departments(self) -> AsyncDepartmentsApi:
        """Departments group projects and hold a share of cluster resources."""
        from .groups.departments import AsyncDepartmentsApi

        return AsyncDepartmentsApi(self._client)

    @cached_property
    def projects(self) -> AsyncProjectsApi:
        """Projects are where workloads run; each belongs to a department."""
        from .groups.projects import AsyncProjectsApi

        return AsyncProjectsApi(self._client)

    @cached_property
    def clusters(self) -> AsyncClustersApi:
        """Clusters connected to the control plane."""
        from .groups.clusters import AsyncClustersApi

        return AsyncClustersApi(self._client)


class AsyncWorkloadsCategory(Category):
    """Workloads: workloads, events."""

    _children = ('workloads', 'events')

    @cached_property
    def workloads(self) -> AsyncWorkloadsApi:
        """Submit, inspect and remove workloads."""
        from .groups.workloads import AsyncWorkloadsApi

        return AsyncWorkloadsApi(self._client)

    @cached_property
    def events(self) -> AsyncEventsApi:
        """Events recorded for a workload."""
        from .groups.events import AsyncEventsApi

        return AsyncEventsApi(self._client)


class AsyncInfrastructureCategory(Category):
    """Infrastructure: nodes, node_pools, cli."""

    _children = ('nodes', 'node_pools', 'cli')

    @cached_property
    def nodes(self) -> AsyncNodesApi:
        """Cluster nodes and their GPUs."""
        from .groups.nodes import AsyncNodesApi

        return AsyncNodesApi(self._client)

    @cached_property
    def node_pools(self) -> AsyncNodePoolsApi:
        """Groups of nodes scheduled together."""
        from .groups.node_pools import AsyncNodePoolsApi

        return AsyncNodePoolsApi(self._client)

    @cached_property
    def cli(self) -> AsyncCLIApi:
        """Command-line tool downloads."""
        from .groups.cli import AsyncCLIApi

        return AsyncCLIApi(self._client)


class AsyncAuditCategory(Category):
    """Audit: audit_logs."""

    _children = ('audit_logs',)

    @cached_property
    def audit_logs(self) -> AsyncAuditLogsApi:
        """Who did what, and when."""
        from .groups.audit_logs import AsyncAuditLogsApi

        return AsyncAuditLogsApi(self._client)


class AsyncAuthenticationCategory(Category):
    """Authentication: tokens."""

    _children = ('tokens',)

    @cached_property
    def tokens(self) -> AsyncTokensApi:
        """Obtain access tokens for API calls."""
        from .groups.tokens import AsyncTokensApi

        return AsyncTokensApi(self._client)


class AsyncClient(BaseAsyncClient):
    """Asyncio client for Reference Control Plane API (control-plane release 2.23)."""

    _children = ('organizations', 'workloads', 'infrastructure', 'audit', 'authentication')
    _distribution = 'controlplane-client'
    _version = '1.223.0'
    _security_schemes = SECURITY_SCHEMES
    _token_exchange = TOKEN_EXCHANGE

    @cached_property
    def organizations(self) -> AsyncOrganizationsCategory:
        """Organizations: departments, projects, clusters."""
        return AsyncOrganizationsCategory(self)

    @cached_property
    def workloads(self) -> AsyncWorkloadsCategory:
        """Workloads: workloads, events."""
        return AsyncWorkloadsCategory(self)

    @cached_property
    def infrastructure(self) -> AsyncInfrastructureCategory:
        """Infrastructure: nodes, node_pools, cli."""
        return AsyncInfrastructureCategory(self)

    @cached_property
    def audit(self) -> AsyncAuditCategory:
        """Audit: audit_logs."""
        return AsyncAuditCategory(self)

    @cached_property
    def authentication(self) -> AsyncAuthenticationCategory:
        """Authentication: tokens."""
        return AsyncAuthenticationCategory(self)


class ThreadedClient(BaseThreadedClient, Client):
    """Synchronous client shared by many threads; ``run_concurrently`` runs calls in its pool."""


ControlPlaneClient = Client
