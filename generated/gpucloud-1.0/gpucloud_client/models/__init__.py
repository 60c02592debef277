"""Models of the API; each loads on first use."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cloud_type import CloudType
    from .create_network_volume import CreateNetworkVolume
    from .create_network_volume_create_network_volume import (
        CreateNetworkVolumeCreateNetworkVolume,
    )
    from .create_network_volume_input import CreateNetworkVolumeInput
    from .delete_endpoint import DeleteEndpoint
    from .deploy_pod import DeployPod
    from .deploy_pod_pod_find_and_deploy_on_demand_capacity_error import (
        DeployPodPodFindAndDeployOnDemandCapacityError,
    )
    from .deploy_pod_pod_find_and_deploy_on_demand_pod import (
        DeployPodPodFindAndDeployOnDemandPod,
    )
    from .deploy_pod_pod_find_and_deploy_on_demand_pod_machine import (
        DeployPodPodFindAndDeployOnDemandPodMachine,
    )
    from .endpoint_input import EndpointInput
    from .environment_variable_input import EnvironmentVariableInput
    from .get_gpu_type import GetGpuType
    from .get_gpu_type_gpu_types import GetGpuTypeGpuTypes
    from .get_gpu_type_gpu_types_lowest_price import GetGpuTypeGpuTypesLowestPrice
    from .get_node import GetNode
    from .get_node_node_endpoint import GetNodeNodeEndpoint
    from .get_node_node_gpu_type import GetNodeNodeGpuType
    from .get_node_node_network_volume import GetNodeNodeNetworkVolume
    from .get_node_node_pod import GetNodeNodePod
    from .get_node_node_pod_template import GetNodeNodePodTemplate
    from .get_node_node_user import GetNodeNodeUser
    from .get_pod import GetPod
    from .get_pod_pod import GetPodPod
    from .get_pod_pod_machine import GetPodPodMachine
    from .get_pod_pod_network_volume import GetPodPodNetworkVolume
    from .get_pod_pod_runtime import GetPodPodRuntime
    from .get_pod_pod_runtime_ports import GetPodPodRuntimePorts
    from .get_user import GetUser
    from .get_user_account import GetUserAccount
    from .gpu_lowest_price_input import GpuLowestPriceInput
    from .list_endpoints import ListEndpoints
    from .list_endpoints_myself import ListEndpointsMyself
    from .list_endpoints_myself_endpoints import ListEndpointsMyselfEndpoints
    from .list_endpoints_myself_endpoints_env import ListEndpointsMyselfEndpointsEnv
    from .list_endpoints_myself_endpoints_network_volume import (
        ListEndpointsMyselfEndpointsNetworkVolume,
    )
    from .list_gpu_types import ListGpuTypes
    from .list_gpu_types_gpu_types import ListGpuTypesGpuTypes
    from .list_gpu_types_gpu_types_community import ListGpuTypesGpuTypesCommunity
    from .list_gpu_types_gpu_types_secure import ListGpuTypesGpuTypesSecure
    from .list_network_volumes import ListNetworkVolumes
    from .list_network_volumes_myself import ListNetworkVolumesMyself
    from .list_network_volumes_myself_network_volumes import (
        ListNetworkVolumesMyselfNetworkVolumes,
    )
    from .list_pods import ListPods
    from .list_pods_myself import ListPodsMyself
    from .list_pods_myself_pods import ListPodsMyselfPods
    from .list_pods_myself_pods_machine import ListPodsMyselfPodsMachine
    from .list_pods_myself_pods_runtime import ListPodsMyselfPodsRuntime
    from .list_pods_myself_pods_runtime_ports import ListPodsMyselfPodsRuntimePorts
    from .list_templates import ListTemplates
    from .list_templates_myself import ListTemplatesMyself
    from .list_templates_myself_pod_templates import ListTemplatesMyselfPodTemplates
    from .list_templates_myself_pod_templates_env import (
        ListTemplatesMyselfPodTemplatesEnv,
    )
    from .pod_filter import PodFilter
    from .pod_find_and_deploy_on_demand_input import PodFindAndDeployOnDemandInput
    from .pod_status import PodStatus
    from .port_type import PortType
    from .resume_pod import ResumePod
    from .resume_pod_pod_resume import ResumePodPodResume
    from .save_endpoint import SaveEndpoint
    from .save_endpoint_save_endpoint import SaveEndpointSaveEndpoint
    from .save_endpoint_save_endpoint_env import SaveEndpointSaveEndpointEnv
    from .save_template import SaveTemplate
    from .save_template_input import SaveTemplateInput
    from .save_template_save_template import SaveTemplateSaveTemplate
    from .save_template_save_template_env import SaveTemplateSaveTemplateEnv
    from .scaler_type import ScalerType
    from .stock_status import StockStatus
    from .stop_pod import StopPod
    from .stop_pod_pod_stop import StopPodPodStop
    from .terminate_pod import TerminatePod
    from .update_endpoint_template import UpdateEndpointTemplate
    from .update_endpoint_template_update_endpoint_template import (
        UpdateEndpointTemplateUpdateEndpointTemplate,
    )
    from .update_endpoint_template_update_endpoint_template_template import (
        UpdateEndpointTemplateUpdateEndpointTemplateTemplate,
    )
    from .update_public_keys import UpdatePublicKeys
    from .update_public_keys_update_user_settings import (
        UpdatePublicKeysUpdateUserSettings,
    )

__all__ = [
    'CloudType',
    'CreateNetworkVolume',
    'CreateNetworkVolumeCreateNetworkVolume',
    'CreateNetworkVolumeInput',
    'DeleteEndpoint',
    'DeployPod',
    'DeployPodPodFindAndDeployOnDemandCapacityError',
    'DeployPodPodFindAndDeployOnDemandPod',
    'DeployPodPodFindAndDeployOnDemandPodMachine',
    'EndpointInput',
    'EnvironmentVariableInput',
    'GetGpuType',
    'GetGpuTypeGpuTypes',
    'GetGpuTypeGpuTypesLowestPrice',
    'GetNode',
    'GetNodeNodeEndpoint',
    'GetNodeNodeGpuType',
    'GetNodeNodeNetworkVolume',
    'GetNodeNodePod',
    'GetNodeNodePodTemplate',
    'GetNodeNodeUser',
    'GetPod',
    'GetPodPod',
    'GetPodPodMachine',
    'GetPodPodNetworkVolume',
    'GetPodPodRuntime',
    'GetPodPodRuntimePorts',
    'GetUser',
    'GetUserAccount',
    'GpuLowestPriceInput',
    'ListEndpoints',
    'ListEndpointsMyself',
    'ListEndpointsMyselfEndpoints',
    'ListEndpointsMyselfEndpointsEnv',
    'ListEndpointsMyselfEndpointsNetworkVolume',
    'ListGpuTypes',
    'ListGpuTypesGpuTypes',
    'ListGpuTypesGpuTypesCommunity',
    'ListGpuTypesGpuTypesSecure',
    'ListNetworkVolumes',
    'ListNetworkVolumesMyself',
    'ListNetworkVolumesMyselfNetworkVolumes',
    'ListPods',
    'ListPodsMyself',
    'ListPodsMyselfPods',
    'ListPodsMyselfPodsMachine',
    'ListPodsMyselfPodsRuntime',
    'ListPodsMyselfPodsRuntimePorts',
    'ListTemplates',
    'ListTemplatesMyself',
    'ListTemplatesMyselfPodTemplates',
    'ListTemplatesMyselfPodTemplatesEnv',
    'PodFilter',
    'PodFindAndDeployOnDemandInput',
    'PodStatus',
    'PortType',
    'ResumePod',
    'ResumePodPodResume',
    'SaveEndpoint',
    'SaveEndpointSaveEndpoint',
    'SaveEndpointSaveEndpointEnv',
    'SaveTemplate',
    'SaveTemplateInput',
    'SaveTemplateSaveTemplate',
    'SaveTemplateSaveTemplateEnv',
    'ScalerType',
    'StockStatus',
    'StopPod',
    'StopPodPodStop',
    'TerminatePod',
    'UpdateEndpointTemplate',
    'UpdateEndpointTemplateUpdateEndpointTemplate',
    'UpdateEndpointTemplateUpdateEndpointTemplateTemplate',
    'UpdatePublicKeys',
    'UpdatePublicKeysUpdateUserSettings',
]

_MODULES: dict[str, str] = {
    'CloudType': 'cloud_type',
    'CreateNetworkVolume': 'create_network_volume',
    'CreateNetworkVolumeCreateNetworkVolume': 'create_network_volume_create_network_volume',
    'CreateNetworkVolumeInput': 'create_network_volume_input',
    'DeleteEndpoint': 'delete_endpoint',
    'DeployPod': 'deploy_pod',
    'DeployPodPodFindAndDeployOnDemandCapacityError': 'deploy_pod_pod_find_and_deploy_on_demand_capacity_error',
    'DeployPodPodFindAndDeployOnDemandPod': 'deploy_pod_pod_find_and_deploy_on_demand_pod',
    'DeployPodPodFindAndDeployOnDemandPodMachine': 'deploy_pod_pod_find_and_deploy_on_demand_pod_machine',
    'EndpointInput': 'endpoint_input',
    'EnvironmentVariableInput': 'environment_variable_input',
    'GetGpuType': 'get_gpu_type',
    'GetGpuTypeGpuTypes': 'get_gpu_type_gpu_types',
    'GetGpuTypeGpuTypesLowestPrice': 'get_gpu_type_gpu_types_lowest_price',
    'GetNode': 'get_node',
    'GetNodeNodeEndpoint': 'get_node_node_endpoint',
    'GetNodeNodeGpuType': 'get_node_node_gpu_type',
    'GetNodeNodeNetworkVolume': 'get_node_node_network_volume',
    'GetNodeNodePod': 'get_node_node_pod',
    'GetNodeNodePodTemplate': 'get_node_node_pod_template',
    'GetNodeNodeUser': 'get_node_node_user',
    'GetPod': 'get_pod',
    'GetPodPod': 'get_pod_pod',
    'GetPodPodMachine': 'get_pod_pod_machine',
    'GetPodPodNetworkVolume': 'get_pod_pod_network_volume',
    'GetPodPodRuntime': 'get_pod_pod_runtime',
    'GetPodPodRuntimePorts': 'get_pod_pod_runtime_ports',
    'GetUser': 'get_user',
    'GetUserAccount': 'get_user_account',
    'GpuLowestPriceInput': 'gpu_lowest_price_input',
    'ListEndpoints': 'list_endpoints',
    'ListEndpointsMyself': 'list_endpoints_myself',
    'ListEndpointsMyselfEndpoints': 'list_endpoints_myself_endpoints',
    'ListEndpointsMyselfEndpointsEnv': 'list_endpoints_myself_endpoints_env',
    'ListEndpointsMyselfEndpointsNetworkVolume': 'list_endpoints_myself_endpoints_network_volume',
    'ListGpuTypes': 'list_gpu_types',
    'ListGpuTypesGpuTypes': 'list_gpu_types_gpu_types',
    'ListGpuTypesGpuTypesCommunity': 'list_gpu_types_gpu_types_community',
    'ListGpuTypesGpuTypesSecure': 'list_gpu_types_gpu_types_secure',
    'ListNetworkVolumes': 'list_network_volumes',
    'ListNetworkVolumesMyself': 'list_network_volumes_myself',
    'ListNetworkVolumesMyselfNetworkVolumes': 'list_network_volumes_myself_network_volumes',
    'ListPods': 'list_pods',
    'ListPodsMyself': 'list_pods_myself',
    'ListPodsMyselfPods': 'list_pods_myself_pods',
    'ListPodsMyselfPodsMachine': 'list_pods_myself_pods_machine',
    'ListPodsMyselfPodsRuntime': 'list_pods_myself_pods_runtime',
    'ListPodsMyselfPodsRuntimePorts': 'list_pods_myself_pods_runtime_ports',
    'ListTemplates': 'list_templates',
    'ListTemplatesMyself': 'list_templates_myself',
    'ListTemplatesMyselfPodTemplates': 'list_templates_myself_pod_templates',
    'ListTemplatesMyselfPodTemplatesEnv': 'list_templates_myself_pod_templates_env',
    'PodFilter': 'pod_filter',
    'PodFindAndDeployOnDemandInput': 'pod_find_and_deploy_on_demand_input',
    'PodStatus': 'pod_status',
    'PortType': 'port_type',
    'ResumePod': 'resume_pod',
    'ResumePodPodResume': 'resume_pod_pod_resume',
    'SaveEndpoint': 'save_endpoint',
    'SaveEndpointSaveEndpoint': 'save_endpoint_save_endpoint',
    'SaveEndpointSaveEndpointEnv': 'save_endpoint_save_endpoint_env',
    'SaveTemplate': 'save_template',
    'SaveTemplateInput': 'save_template_input',
    'SaveTemplateSaveTemplate': 'save_template_save_template',
    'SaveTemplateSaveTemplateEnv': 'save_template_save_template_env',
    'ScalerType': 'scaler_type',
    'StockStatus': 'stock_status',
    'StopPod': 'stop_pod',
    'StopPodPodStop': 'stop_pod_pod_stop',
    'TerminatePod': 'terminate_pod',
    'UpdateEndpointTemplate': 'update_endpoint_template',
    'UpdateEndpointTemplateUpdateEndpointTemplate': 'update_endpoint_template_update_endpoint_template',
    'UpdateEndpointTemplateUpdateEndpointTemplateTemplate': (
        'update_endpoint_template_update_endpoint_template_template'
    ),
    'UpdatePublicKeys': 'update_public_keys',
    'UpdatePublicKeysUpdateUserSettings': 'update_public_keys_update_user_settings',
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
