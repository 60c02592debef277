"""Operations of the 'Clusters' group."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

import httpx
from specloom_runtime import UNSET, Group, Operation, Unset, decode_json, decode_text

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from controlplane_client.models.cluster import Cluster
    from controlplane_client.models.get_cluster_install_file_cloud import (
        GetClusterInstallFileCloud,
    )
    from controlplane_client.models.get_clusters_verbosity import GetClustersVerbosity


def _decode_get_clusters(response: httpx.Response) -> list[Cluster]:
    from controlplane_client.models.cluster import Cluster

    return [Cluster.from_dict(x0) for x0 in decode_json(response)]


_GET_CLUSTER_INSTALL_FILE = Operation(
    method='GET',
    path='/api/v1/clusters/{clusterUuid}/installfile',
    operation_id='get_cluster_install_file',
    decode=decode_text,
    deprecated=True,
)

_GET_CLUSTERS = Operation(
    method='GET',
    path='/api/v1/clusters',
    operation_id='get_clusters',
    decode=_decode_get_clusters,
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
        cluster_uuid: UUID,
        cloud: GetClusterInstallFileCloud | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str:
        """Get the cluster install file

        Deprecated: this operation may be removed in a later release of the control plane.

        Returns the values file used to install the cluster component, as plain text. Deprecated: the install instructions are now shown in the cluster's page of the web interface.

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
        cluster_uuid: UUID,
        cloud: GetClusterInstallFileCloud | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> str:
        """Get the cluster install file

        Deprecated: this operation may be removed in a later release of the control plane.

        Returns the values file used to install the cluster component, as plain text. Deprecated: the install instructions are now shown in the cluster's page of the web interface.

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
