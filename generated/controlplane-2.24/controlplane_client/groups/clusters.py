"""Operations of the 'Clusters' group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

import httpx
from specloom_runtime import (
    UNSET,
    Group,
    Operation,
    Unset,
    list_of,
    model_of,
    read_json,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.cluster import Cluster
    from controlplane_client.models.get_clusters_verbosity import GetClustersVerbosity


_validators = validators('controlplane_client')


def _decode_get_clusters(response: httpx.Response, strict: bool) -> list[Cluster]:
    from controlplane_client.models.cluster import Cluster

    return cast('list[Cluster]', read_json(response, strict, list_of(model_of(Cluster))))


def _validate_get_clusters(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    query_values = arguments.get('query') or {}
    v = query_values.get('verbosity', UNSET)
    if v is not UNSET:
        _validators['get_clusters_verbosity'](v, "query.verbosity", problems)
    return problems


_GET_CLUSTERS = Operation(
    method='GET',
    path='/api/v1/clusters',
    operation_id='get_clusters',
    decode=_decode_get_clusters,
    validate=_validate_get_clusters,
    security=({'bearerAuth': ()},),
)


class ClustersApi(Group):
    """Clusters connected to the control plane."""

    _client: BaseClient
    _methods = (
        ('get_clusters', False),
    )

    def get_clusters(
        self,
        *,
        verbosity: GetClustersVerbosity | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> list[Cluster]:
        """List clusters

        ``GET /api/v1/clusters`` (operationId ``get_clusters``).
        """
        return self._client.call(
            _GET_CLUSTERS,
            query={'verbosity': verbosity},
            request_options=request_options,
        )


class AsyncClustersApi(Group):
    """Clusters connected to the control plane."""

    _client: BaseAsyncClient
    _methods = (
        ('get_clusters', False),
    )

    async def get_clusters(
        self,
        *,
        verbosity: GetClustersVerbosity | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> list[Cluster]:
        """List clusters

        ``GET /api/v1/clusters`` (operationId ``get_clusters``).
        """
        return await self._client.call(
            _GET_CLUSTERS,
            query={'verbosity': verbosity},
            request_options=request_options,
        )
