"""Operations of the 'Clusters' group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast
from uuid import UUID

import httpx
from specloom_runtime import (
    UNSET,
    Group,
    Operation,
    Unset,
    as_json,
    decode_text,
    is_uuid,
    list_of,
    model_of,
    read_json,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.cluster import Cluster
    from controlplane_client.models.get_cluster_install_file_cloud import (
        GetClusterInstallFileCloud,
    )
    from controlplane_client.models.get_clusters_verbosity import GetClustersVerbosity


_validators = validators('controlplane_client')


def _validate_get_cluster_install_file(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    path_values = arguments.get('path') or {}
    v = path_values.get('clusterUuid', UNSET)
    if v is not UNSET:
        if not isinstance(v, str) and not isinstance(v := as_json(v), str):
            problems.append("path.clusterUuid: must be a string")
        elif not is_uuid(v):
            problems.append("path.clusterUuid: must be a uuid")
    query_values = arguments.get('query') or {}
    v = query_values.get('cloud', UNSET)
    if v is not UNSET:
        _validators['get_cluster_install_file_cloud'](v, "query.cloud", problems)
    return problems


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


_GET_CLUSTER_INSTALL_FILE = Operation(
    method='GET',
    path='/api/v1/clusters/{clusterUuid}/installfile',
    operation_id='get_cluster_install_file',
    decode=decode_text,
    deprecated=True,
    validate=_validate_get_cluster_install_file,
    security=({'bearerAuth': ()},),
)

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
        ('get_cluster_install_file', True),
        ('get_clusters', False),
    )

    def get_cluster_install_file(
        self,
        *,
        cluster_uuid: UUID | str,
        cloud: GetClusterInstallFileCloud | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str:
        """Get the cluster install file

        Deprecated: this operation may be removed in a later release of the control plane.

        Returns the values file used to install the cluster component, as plain text. Deprecated: the install
        instructions are now shown in the cluster's page of the web interface.

        ``GET /api/v1/clusters/{clusterUuid}/installfile`` (operationId ``get_cluster_install_file``).
        """
        return self._client.call(
            _GET_CLUSTER_INSTALL_FILE,
            path={'clusterUuid': cluster_uuid},
            query={'cloud': cloud},
            request_options=request_options,
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
        ('get_cluster_install_file', True),
        ('get_clusters', False),
    )

    async def get_cluster_install_file(
        self,
        *,
        cluster_uuid: UUID | str,
        cloud: GetClusterInstallFileCloud | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str:
        """Get the cluster install file

        Deprecated: this operation may be removed in a later release of the control plane.

        Returns the values file used to install the cluster component, as plain text. Deprecated: the install
        instructions are now shown in the cluster's page of the web interface.

        ``GET /api/v1/clusters/{clusterUuid}/installfile`` (operationId ``get_cluster_install_file``).
        """
        return await self._client.call(
            _GET_CLUSTER_INSTALL_FILE,
            path={'clusterUuid': cluster_uuid},
            query={'cloud': cloud},
            request_options=request_options,
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
