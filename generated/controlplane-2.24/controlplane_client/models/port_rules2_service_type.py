"""The 'PortRules2ServiceType' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class PortRules2ServiceType(OpenStrEnum):
    """The 'PortRules2ServiceType' schema."""

    CLUSTER_IP = 'ClusterIP'
    NODE_PORT = 'NodePort'
    LOAD_BALANCER = 'LoadBalancer'
    EXTERNAL_URL = 'External URL'
