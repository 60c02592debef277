"""The 'GetClusterInstallFileCloud' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class GetClusterInstallFileCloud(OpenStrEnum):
    """The 'GetClusterInstallFileCloud' schema."""

    GKE = 'gke'
    EKS = 'eks'
    AKS = 'aks'
    OP = 'op'
    OTHER = 'other'


def validate_get_cluster_install_file_cloud(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'GetClusterInstallFileCloud'."""
    if value not in ('gke', 'eks', 'aks', 'op', 'other'):
        problems.append(f"{path}: must be one of 'gke', 'eks', 'aks', 'op', 'other'")
