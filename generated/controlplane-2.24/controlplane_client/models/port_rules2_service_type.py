"""The 'PortRules2ServiceType' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class PortRules2ServiceType(OpenStrEnum):
    """The 'PortRules2ServiceType' schema."""

    CLUSTER_IP = 'ClusterIP'
    NODE_PORT = 'NodePort'
    LOAD_BALANCER = 'LoadBalancer'
    EXTERNAL_URL = 'External URL'


def validate_port_rules2_service_type(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'PortRules2ServiceType'."""
    if value not in ('ClusterIP', 'NodePort', 'LoadBalancer', 'External URL'):
        problems.append(f"{path}: must be one of 'ClusterIP', 'NodePort', 'LoadBalancer', 'External URL'")
