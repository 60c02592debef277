"""The clients of gpucloud-client: category -> group -> method."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from specloom_runtime import BaseAsyncClient, BaseClient, BaseThreadedClient

from ._security import SECURITY_SCHEMES, TOKEN_EXCHANGE

if TYPE_CHECKING:
    from .groups.endpoints import AsyncEndpointsApi, EndpointsApi
    from .groups.gpus import AsyncGpusApi, GpusApi
    from .groups.nodes import AsyncNodesApi, NodesApi
    from .groups.pods import AsyncPodsApi, PodsApi
    from .groups.templates import AsyncTemplatesApi, TemplatesApi
    from .groups.user import AsyncUserApi, UserApi
    from .groups.volumes import AsyncVolumesApi, VolumesApi


class Client(BaseClient):
    """Synchronous client for GPU Cloud 1.0: the reference GraphQL API specloom ships, modelled on Runpod's
    (control-plane release 1.0).
    """

    _children = ('endpoints', 'gpus', 'nodes', 'pods', 'templates', 'user', 'volumes')
    _distribution = 'gpucloud-client'
    _version = '1.100.0'
    _security_schemes = SECURITY_SCHEMES
    _token_exchange = TOKEN_EXCHANGE

    @cached_property
    def endpoints(self) -> EndpointsApi:
        """The operations of operations/endpoints.graphql."""
        from .groups.endpoints import EndpointsApi

        return EndpointsApi(self)

    @cached_property
    def gpus(self) -> GpusApi:
        """The operations of operations/gpus.graphql."""
        from .groups.gpus import GpusApi

        return GpusApi(self)

    @cached_property
    def nodes(self) -> NodesApi:
        """The operations of operations/nodes.graphql."""
        from .groups.nodes import NodesApi

        return NodesApi(self)

    @cached_property
    def pods(self) -> PodsApi:
        """The operations of operations/pods.graphql."""
        from .groups.pods import PodsApi

        return PodsApi(self)

    @cached_property
    def templates(self) -> TemplatesApi:
        """The operations of operations/templates.graphql."""
        from .groups.templates import TemplatesApi

        return TemplatesApi(self)

    @cached_property
    def user(self) -> UserApi:
        """The operations of operations/user.graphql."""
        from .groups.user import UserApi

        return UserApi(self)

    @cached_property
    def volumes(self) -> VolumesApi:
        """The operations of operations/volumes.graphql."""
        from .groups.volumes import VolumesApi

        return VolumesApi(self)


class AsyncClient(BaseAsyncClient):
    """Asyncio client for GPU Cloud 1.0: the reference GraphQL API specloom ships, modelled on Runpod's
    (control-plane release 1.0).
    """

    _children = ('endpoints', 'gpus', 'nodes', 'pods', 'templates', 'user', 'volumes')
    _distribution = 'gpucloud-client'
    _version = '1.100.0'
    _security_schemes = SECURITY_SCHEMES
    _token_exchange = TOKEN_EXCHANGE

    @cached_property
    def endpoints(self) -> AsyncEndpointsApi:
        """The operations of operations/endpoints.graphql."""
        from .groups.endpoints import AsyncEndpointsApi

        return AsyncEndpointsApi(self)

    @cached_property
    def gpus(self) -> AsyncGpusApi:
        """The operations of operations/gpus.graphql."""
        from .groups.gpus import AsyncGpusApi

        return AsyncGpusApi(self)

    @cached_property
    def nodes(self) -> AsyncNodesApi:
        """The operations of operations/nodes.graphql."""
        from .groups.nodes import AsyncNodesApi

        return AsyncNodesApi(self)

    @cached_property
    def pods(self) -> AsyncPodsApi:
        """The operations of operations/pods.graphql."""
        from .groups.pods import AsyncPodsApi

        return AsyncPodsApi(self)

    @cached_property
    def templates(self) -> AsyncTemplatesApi:
        """The operations of operations/templates.graphql."""
        from .groups.templates import AsyncTemplatesApi

        return AsyncTemplatesApi(self)

    @cached_property
    def user(self) -> AsyncUserApi:
        """The operations of operations/user.graphql."""
        from .groups.user import AsyncUserApi

        return AsyncUserApi(self)

    @cached_property
    def volumes(self) -> AsyncVolumesApi:
        """The operations of operations/volumes.graphql."""
        from .groups.volumes import AsyncVolumesApi

        return AsyncVolumesApi(self)


class ThreadedClient(BaseThreadedClient, Client):
    """Synchronous client shared by many threads; ``run_concurrently`` runs calls in its pool."""


GpuCloudClient = Client
