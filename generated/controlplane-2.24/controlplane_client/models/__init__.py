"""Models of the API; each loads on first use."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .accepted_response import AcceptedResponse as AcceptedResponse
    from .audit_action import AuditAction as AuditAction
    from .audit_log import AuditLog as AuditLog
    from .cluster import Cluster as Cluster
    from .cluster_status import ClusterStatus as ClusterStatus
    from .compute_request import ComputeRequest as ComputeRequest
    from .compute_request_gpu_request_type import (
        ComputeRequestGpuRequestType as ComputeRequestGpuRequestType,
    )
    from .config_map_reference import ConfigMapReference as ConfigMapReference
    from .department import Department as Department
    from .department_2 import Department_2 as Department_2
    from .department_creation_request import (
        DepartmentCreationRequest as DepartmentCreationRequest,
    )
    from .download_cli_arch import DownloadCliArch as DownloadCliArch
    from .download_cli_os import DownloadCliOs as DownloadCliOs
    from .environment_variable import EnvironmentVariable as EnvironmentVariable
    from .error_response import ErrorResponse as ErrorResponse
    from .event import Event as Event
    from .event_type import EventType as EventType
    from .get_audit_logs_response import GetAuditLogsResponse as GetAuditLogsResponse
    from .get_clusters_verbosity import GetClustersVerbosity as GetClustersVerbosity
    from .get_departments_response import (
        GetDepartmentsResponse as GetDepartmentsResponse,
    )
    from .get_departments_sort_by import GetDepartmentsSortBy as GetDepartmentsSortBy
    from .get_nodes_response import GetNodesResponse as GetNodesResponse
    from .get_projects_response import GetProjectsResponse as GetProjectsResponse
    from .get_projects_sort_by import GetProjectsSortBy as GetProjectsSortBy
    from .get_workload_events_response import (
        GetWorkloadEventsResponse as GetWorkloadEventsResponse,
    )
    from .get_workloads_response import GetWorkloadsResponse as GetWorkloadsResponse
    from .get_workloads_sort_by import GetWorkloadsSortBy as GetWorkloadsSortBy
    from .host_path_volume import HostPathVolume as HostPathVolume
    from .host_path_volume_kind import HostPathVolumeKind as HostPathVolumeKind
    from .host_path_volume_mount_propagation import (
        HostPathVolumeMountPropagation as HostPathVolumeMountPropagation,
    )
    from .legacy_project import LegacyProject as LegacyProject
    from .node import Node as Node
    from .node_pool import NodePool as NodePool
    from .node_pool_placement_strategy import (
        NodePoolPlacementStrategy as NodePoolPlacementStrategy,
    )
    from .node_pool_placement_strategy_cpu import (
        NodePoolPlacementStrategyCpu as NodePoolPlacementStrategyCpu,
    )
    from .node_pool_placement_strategy_gpu import (
        NodePoolPlacementStrategyGpu as NodePoolPlacementStrategyGpu,
    )
    from .node_pool_ref import NodePoolRef as NodePoolRef
    from .node_pool_status import NodePoolStatus as NodePoolStatus
    from .node_pool_update_request import NodePoolUpdateRequest as NodePoolUpdateRequest
    from .node_pool_update_request_placement_strategy import (
        NodePoolUpdateRequestPlacementStrategy as NodePoolUpdateRequestPlacementStrategy,
    )
    from .node_pool_update_request_placement_strategy_cpu import (
        NodePoolUpdateRequestPlacementStrategyCpu as NodePoolUpdateRequestPlacementStrategyCpu,
    )
    from .node_pool_update_request_placement_strategy_gpu import (
        NodePoolUpdateRequestPlacementStrategyGpu as NodePoolUpdateRequestPlacementStrategyGpu,
    )
    from .node_status import NodeStatus as NodeStatus
    from .org_unit_base import OrgUnitBase as OrgUnitBase
    from .org_unit_tree_node import OrgUnitTreeNode as OrgUnitTreeNode
    from .org_unit_tree_node_kind import OrgUnitTreeNodeKind as OrgUnitTreeNodeKind
    from .port_rules2 import PortRules2 as PortRules2
    from .port_rules2_service_type import PortRules2ServiceType as PortRules2ServiceType
    from .project import Project as Project
    from .project_creation_request import (
        ProjectCreationRequest as ProjectCreationRequest,
    )
    from .project_status import ProjectStatus as ProjectStatus
    from .project_update_request import ProjectUpdateRequest as ProjectUpdateRequest
    from .pvc_volume import PvcVolume as PvcVolume
    from .pvc_volume_kind import PvcVolumeKind as PvcVolumeKind
    from .resource_quota import ResourceQuota as ResourceQuota
    from .resources import Resources as Resources
    from .scheduling_rules import SchedulingRules as SchedulingRules
    from .scheduling_rules_node_types import (
        SchedulingRulesNodeTypes as SchedulingRulesNodeTypes,
    )
    from .secret_reference import SecretReference as SecretReference
    from .sort_order import SortOrder as SortOrder
    from .storage_volume import StorageVolume as StorageVolume
    from .time_range import TimeRange as TimeRange
    from .token_request import TokenRequest as TokenRequest
    from .token_request_form import TokenRequestForm as TokenRequestForm
    from .token_request_form_grant_type import (
        TokenRequestFormGrantType as TokenRequestFormGrantType,
    )
    from .token_request_grant_type import TokenRequestGrantType as TokenRequestGrantType
    from .token_response import TokenResponse as TokenResponse
    from .workload import Workload as Workload
    from .workload_condition import WorkloadCondition as WorkloadCondition
    from .workload_condition_status import (
        WorkloadConditionStatus as WorkloadConditionStatus,
    )
    from .workload_phase import WorkloadPhase as WorkloadPhase
    from .workload_spec import WorkloadSpec as WorkloadSpec
    from .workload_spec_image_pull_policy import (
        WorkloadSpecImagePullPolicy as WorkloadSpecImagePullPolicy,
    )
    from .workload_submit_request import WorkloadSubmitRequest as WorkloadSubmitRequest
    from .workload_type import WorkloadType as WorkloadType
    from .workloads_count import WorkloadsCount as WorkloadsCount

_MODULES: dict[str, str] = {
    'AcceptedResponse': 'accepted_response',
    'AuditAction': 'audit_action',
    'AuditLog': 'audit_log',
    'Cluster': 'cluster',
    'ClusterStatus': 'cluster_status',
    'ComputeRequest': 'compute_request',
    'ComputeRequestGpuRequestType': 'compute_request_gpu_request_type',
    'ConfigMapReference': 'config_map_reference',
    'Department': 'department',
    'Department_2': 'department_2',
    'DepartmentCreationRequest': 'department_creation_request',
    'DownloadCliArch': 'download_cli_arch',
    'DownloadCliOs': 'download_cli_os',
    'EnvironmentVariable': 'environment_variable',
    'ErrorResponse': 'error_response',
    'Event': 'event',
    'EventType': 'event_type',
    'GetAuditLogsResponse': 'get_audit_logs_response',
    'GetClustersVerbosity': 'get_clusters_verbosity',
    'GetDepartmentsResponse': 'get_departments_response',
    'GetDepartmentsSortBy': 'get_departments_sort_by',
    'GetNodesResponse': 'get_nodes_response',
    'GetProjectsResponse': 'get_projects_response',
    'GetProjectsSortBy': 'get_projects_sort_by',
    'GetWorkloadEventsResponse': 'get_workload_events_response',
    'GetWorkloadsResponse': 'get_workloads_response',
    'GetWorkloadsSortBy': 'get_workloads_sort_by',
    'HostPathVolume': 'host_path_volume',
    'HostPathVolumeKind': 'host_path_volume_kind',
    'HostPathVolumeMountPropagation': 'host_path_volume_mount_propagation',
    'LegacyProject': 'legacy_project',
    'Node': 'node',
    'NodePool': 'node_pool',
    'NodePoolPlacementStrategy': 'node_pool_placement_strategy',
    'NodePoolPlacementStrategyCpu': 'node_pool_placement_strategy_cpu',
    'NodePoolPlacementStrategyGpu': 'node_pool_placement_strategy_gpu',
    'NodePoolRef': 'node_pool_ref',
    'NodePoolStatus': 'node_pool_status',
    'NodePoolUpdateRequest': 'node_pool_update_request',
    'NodePoolUpdateRequestPlacementStrategy': 'node_pool_update_request_placement_strategy',
    'NodePoolUpdateRequestPlacementStrategyCpu': 'node_pool_update_request_placement_strategy_cpu',
    'NodePoolUpdateRequestPlacementStrategyGpu': 'node_pool_update_request_placement_strategy_gpu',
    'NodeStatus': 'node_status',
    'OrgUnitBase': 'org_unit_base',
    'OrgUnitTreeNode': 'org_unit_tree_node',
    'OrgUnitTreeNodeKind': 'org_unit_tree_node_kind',
    'PortRules2': 'port_rules2',
    'PortRules2ServiceType': 'port_rules2_service_type',
    'Project': 'project',
    'ProjectCreationRequest': 'project_creation_request',
    'ProjectStatus': 'project_status',
    'ProjectUpdateRequest': 'project_update_request',
    'PvcVolume': 'pvc_volume',
    'PvcVolumeKind': 'pvc_volume_kind',
    'ResourceQuota': 'resource_quota',
    'Resources': 'resources',
    'SchedulingRules': 'scheduling_rules',
    'SchedulingRulesNodeTypes': 'scheduling_rules_node_types',
    'SecretReference': 'secret_reference',
    'SortOrder': 'sort_order',
    'StorageVolume': 'storage_volume',
    'TimeRange': 'time_range',
    'TokenRequest': 'token_request',
    'TokenRequestForm': 'token_request_form',
    'TokenRequestFormGrantType': 'token_request_form_grant_type',
    'TokenRequestGrantType': 'token_request_grant_type',
    'TokenResponse': 'token_response',
    'Workload': 'workload',
    'WorkloadCondition': 'workload_condition',
    'WorkloadConditionStatus': 'workload_condition_status',
    'WorkloadPhase': 'workload_phase',
    'WorkloadSpec': 'workload_spec',
    'WorkloadSpecImagePullPolicy': 'workload_spec_image_pull_policy',
    'WorkloadSubmitRequest': 'workload_submit_request',
    'WorkloadType': 'workload_type',
    'WorkloadsCount': 'workloads_count',
}


def __getattr__(name: str) -> Any:
    # Lazy: a model module is imported the first time its class is asked for.
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])
