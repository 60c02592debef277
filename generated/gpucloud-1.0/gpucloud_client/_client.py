"""The clients of gpucloud-client: category -> group -> method."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from specloom_runtime import BaseAsyncClient, BaseClient, BaseThreadedClient

from ._security import SECURITY_SCHEMES

if TYPE_CHECKING:
    from .groups.endpoints import AsyncEndpointsApi, EndpointsApi
    from .groups.gpus import AsyncGpusApi, GpusApi
    from .groups.nodes import AsyncNodesApi, NodesApi
    from .groups.pods import AsyncPodsApi, PodsApi
    from .groups.templates import AsyncTemplatesApi, TemplatesApi
    from .groups.user import AsyncUserApi, UserApi
    from .groups.volumes import AsyncVolumesApi, VolumesApi


class Client(BaseClient):
    """Synchronous client for schema.graphql (control-plane release 1.0)."""

    _children = ('endpoints', 'gpus', 'nodes', 'pods', 'templates', 'user', 'volumes')
    _distribution = 'gpucloud-client'
    _version = '1.100.0'
    _security_schemes = SECURITY_SCHEMES

    @cached_property
    def endpoints(self) -> EndpointsApi:
        """Operations tagged 'endpoints'."""
        from .groups.endpoints import EndpointsApi

        return EndpointsApi(self)

    @cached_property
    def gpus(self) -> GpusApi:
        """Operations tagged 'gpus'."""
        from .groups.gpus import GpusApi

        return GpusApi(self)

    @cached_property
    def nodes(self) -> NodesApi:
        """Operations tagged 'nodes'."""
        from .groups.nodes import NodesApi

        return NodesApi(self)

    @cached_property
    def pods(self) -> PodsApi:
        """Operations tagged 'pods'."""
        from .groups.pods import PodsApi

        return PodsApi(self)

    @cached_property
    def templates(self) -> TemplatesApi:
        """Operations tagged 'templates'."""
        from .groups.templates import TemplatesApi

        return TemplatesApi(self)

    @cached_property
    def user(self) -> UserApi:
        """Operations tagged 'user'."""
        from .groups.user import UserApi

        return UserApi(self)

    @cached_property
    def volumes(self) -> VolumesApi:
        """Operations tagged 'volumes'."""
        from .groups.volumes import VolumesApi

        return VolumesApi(self)


class AsyncClient(BaseAsyncClient):
    """Asyncio client for schema.graphql (control-plane release 1.0)."""

    _children = ('endpoints', 'gpus', 'nodes', 'pods', 'templates', 'user', 'volumes')
    _distribution = 'gpucloud-client'
    _version = '1.100.0'
    _security_schemes = SECURITY_SCHEMES

    @cached_property
    def endpoints(self) -> AsyncEndpointsApi:
        """Operations tagged 'endpoints'."""
        from .groups.endpoints import AsyncEndpointsApi

        return AsyncEndpointsApi(self)

    @cached_property
    def gpus(self) -> AsyncGpusApi:
        """Operations tagged 'gpus'."""
        from .groups.gpus import AsyncGpusApi

        return AsyncGpusApi(self)

    @cached_property
    def nodes(self) -> AsyncNodesApi:
        """Operations tagged 'nodes'."""
        from .groups.nodes import AsyncNodesApi

        return AsyncNodesApi(self)

    @cached_property
    def pods(self) -> AsyncPodsApi:
        """Operations tagged 'pods'."""
        from .groups.pods import AsyncPodsApi

        return AsyncPodsApi(self)

    @cached_property
    def templates(self) -> AsyncTemplatesApi:
        """Operations tagged 'templates'."""
        from .groups.templates import AsyncTemplatesApi

        return AsyncTemplatesApi(self)

    @cached_property
    def user(self) -> AsyncUserApi:
        """Operations tagged 'user'."""
        from .groups.user import AsyncUserApi

        return AsyncUserApi(self)

    @cached_property
    def volumes(self) -> AsyncVolumesApi:
        """Operations tagged 'volumes'."""
        from .groups.volumes import AsyncVolumesApi

        return AsyncVolumesApi(self)


class ThreadedClient(BaseThreadedClient, Client):
    """Synchronous client shared by many threads; ``run_concurrently`` runs calls in its pool."""


GpuCloudClient = Client
