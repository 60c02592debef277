"""The 'GetClusterInstallFileCloud' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class GetClusterInstallFileCloud(OpenStrEnum):
    """The 'GetClusterInstallFileCloud' schema."""

    GKE = 'gke'
    EKS = 'eks'
    AKS = 'aks'
    OP = 'op'
    OTHER = 'other'
