"""Models of the API; each loads on first use."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .accepted_response import AcceptedResponse
    from .artifact import Artifact
    from .audit_action import AuditAction
    from .audit_log import AuditLog
    from .cluster import Cluster
    from .cluster_status import ClusterStatus
    from .compute_request import ComputeRequest
    from .compute_request_gpu_request_type import ComputeRequestGpuRequestType
    from .config_map_reference import ConfigMapReference
    from .department import Department
    from .department_2 import Department_2
    from .department_creation_request import DepartmentCreationRequest
    from .download_cli_arch import DownloadCliArch
    from .download_cli_os import DownloadCliOs
    from .environment_variable import EnvironmentVariable
    from .error_response import ErrorResponse
    from .event import Event
    from .event_type import EventType
    from .get_audit_logs_response import GetAuditLogsResponse
    from .get_clusters_verbosity import GetClustersVerbosity
    from .get_departments_response import GetDepartmentsResponse
    from .get_departments_sort_by import GetDepartmentsSortBy
    from .get_nodes_response import GetNodesResponse
    from .get_projects_response import GetProjectsResponse
    from .get_projects_sort_by import GetProjectsSortBy
    from .get_workload_events_response import GetWorkloadEventsResponse
    from .get_workloads_response import GetWorkloadsResponse
    from .get_workloads_sort_by import GetWorkloadsSortBy
    from .host_path_volume import HostPathVolume
    from .host_path_volume_kind import HostPathVolumeKind
    from .host_path_volume_mount_propagation import HostPathVolumeMountPropagation
    from .legacy_project import LegacyProject
    from .list_audit_records_response import ListAuditRecordsResponse
    from .log_line import LogLine
    from .node import Node
    from .node_pool import NodePool
    from .node_pool_placement_strategy import NodePoolPlacementStrategy
    from .node_pool_placement_strategy_cpu import NodePoolPlacementStrategyCpu
    from .node_pool_placement_strategy_gpu import NodePoolPlacementStrategyGpu
    from .node_pool_ref import NodePoolRef
    from .node_pool_status import NodePoolStatus
    from .node_pool_update_request import NodePoolUpdateRequest
    from .node_pool_update_request_placement_strategy import (
        NodePoolUpdateRequestPlacementStrategy,
    )
    from .node_pool_update_request_placement_strategy_cpu import (
        NodePoolUpdateRequestPlacementStrategyCpu,
    )
    from .node_pool_update_request_placement_strategy_gpu import (
        NodePoolUpdateRequestPlacementStrategyGpu,
    )
    from .node_status import NodeStatus
    from .org_unit_base import OrgUnitBase
    from .org_unit_tree_node import OrgUnitTreeNode
    from .org_unit_tree_node_kind import OrgUnitTreeNodeKind
    from .port_rules2 import PortRules2
    from .port_rules2_service_type import PortRules2ServiceType
    from .project import Project
    from .project_creation_request import ProjectCreationRequest
    from .project_status import ProjectStatus
    from .project_update_request import ProjectUpdateRequest
    from .pvc_volume import PvcVolume
    from .pvc_volume_kind import PvcVolumeKind
    from .resource_quota import ResourceQuota
    from .resources import Resources
    from .scheduling_rules import SchedulingRules
    from .scheduling_rules_node_types import SchedulingRulesNodeTypes
    from .secret_reference import SecretReference
    from .sort_order import SortOrder
    from .storage_volume import StorageVolume
    from .time_range import TimeRange
    from .token_request import TokenRequest
    from .token_request_form import TokenRequestForm
    from .token_request_form_grant_type import TokenRequestFormGrantType
    from .token_request_grant_type import TokenRequestGrantType
    from .token_response import TokenResponse
    from .upload_workload_artifact_request import UploadWorkloadArtifactRequest
    from .workload import Workload
    from .workload_condition import WorkloadCondition
    from .workload_condition_status import WorkloadConditionStatus
    from .workload_phase import WorkloadPhase
    from .workload_spec import WorkloadSpec
    from .workload_spec_image_pull_policy import WorkloadSpecImagePullPolicy
    from .workload_submit_request import WorkloadSubmitRequest
    from .workload_type import WorkloadType
    from .workloads_count import WorkloadsCount

__all__ = [
    'AcceptedResponse',
    'Artifact',
    'AuditAction',
    'AuditLog',
    'Cluster',
    'ClusterStatus',
    'ComputeRequest',
    'ComputeRequestGpuRequestType',
    'ConfigMapReference',
    'Department',
    'DepartmentCreationRequest',
    'Department_2',
    'DownloadCliArch',
    'DownloadCliOs',
    'EnvironmentVariable',
    'ErrorResponse',
    'Event',
    'EventType',
    'GetAuditLogsResponse',
    'GetClustersVerbosity',
    'GetDepartmentsResponse',
    'GetDepartmentsSortBy',
    'GetNodesResponse',
    'GetProjectsResponse',
    'GetProjectsSortBy',
    'GetWorkloadEventsResponse',
    'GetWorkloadsResponse',
    'GetWorkloadsSortBy',
    'HostPathVolume',
    'HostPathVolumeKind',
    'HostPathVolumeMountPropagation',
    'LegacyProject',
    'ListAuditRecordsResponse',
    'LogLine',
    'Node',
    'NodePool',
    'NodePoolPlacementStrategy',
    'NodePoolPlacementStrategyCpu',
    'NodePoolPlacementStrategyGpu',
    'NodePoolRef',
    'NodePoolStatus',
    'NodePoolUpdateRequest',
    'NodePoolUpdateRequestPlacementStrategy',
    'NodePoolUpdateRequestPlacementStrategyCpu',
    'NodePoolUpdateRequestPlacementStrategyGpu',
    'NodeStatus',
    'OrgUnitBase',
    'OrgUnitTreeNode',
    'OrgUnitTreeNodeKind',
    'PortRules2',
    'PortRules2ServiceType',
    'Project',
    'ProjectCreationRequest',
    'ProjectStatus',
    'ProjectUpdateRequest',
    'PvcVolume',
    'PvcVolumeKind',
    'ResourceQuota',
    'Resources',
    'SchedulingRules',
    'SchedulingRulesNodeTypes',
    'SecretReference',
    'SortOrder',
    'StorageVolume',
    'TimeRange',
    'TokenRequest',
    'TokenRequestForm',
    'TokenRequestFormGrantType',
    'TokenRequestGrantType',
    'TokenResponse',
    'UploadWorkloadArtifactRequest',
    'Workload',
    'WorkloadCondition',
    'WorkloadConditionStatus',
    'WorkloadPhase',
    'WorkloadSpec',
    'WorkloadSpecImagePullPolicy',
    'WorkloadSubmitRequest',
    'WorkloadType',
    'WorkloadsCount',
]

_MODULES: dict[str, str] = {
    'AcceptedResponse': 'accepted_response',
    'Artifact': 'artifact',
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
    'ListAuditRecordsResponse': 'list_audit_records_response',
    'LogLine': 'log_line',
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
    'UploadWorkloadArtifactRequest': 'upload_workload_artifact_request',
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
