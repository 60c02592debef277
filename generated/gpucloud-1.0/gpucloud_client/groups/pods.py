"""Operations of the 'pods' group."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx
from specloom_runtime import (
    UNSET,
    GraphQLDocument,
    Group,
    Operation,
    Unset,
    as_json,
    is_int32,
    is_integer,
    model_of,
    read_graphql,
    validators,
)

if TYPE_CHECKING:
    from specloom_runtime import BaseAsyncClient, BaseClient, RequestOptions

    from gpucloud_client.models.deploy_pod import DeployPod
    from gpucloud_client.models.get_pod import GetPod
    from gpucloud_client.models.list_pods import ListPods
    from gpucloud_client.models.pod_filter import PodFilter
    from gpucloud_client.models.pod_find_and_deploy_on_demand_input import (
        PodFindAndDeployOnDemandInput,
    )
    from gpucloud_client.models.resume_pod import ResumePod
    from gpucloud_client.models.stop_pod import StopPod
    from gpucloud_client.models.terminate_pod import TerminatePod


_validators = validators('gpucloud_client')


def _decode_deploy_pod(response: httpx.Response, strict: bool) -> DeployPod:
    from gpucloud_client.models.deploy_pod import DeployPod

    return read_graphql(response, strict, model_of(DeployPod))


def _validate_deploy_pod(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('input', UNSET)
    if v is not UNSET:
        _validators['pod_find_and_deploy_on_demand_input'](v, "variables.input", problems)
    return problems


def _decode_get_pod(response: httpx.Response, strict: bool) -> GetPod:
    from gpucloud_client.models.get_pod import GetPod

    return read_graphql(response, strict, model_of(GetPod))


def _validate_get_pod(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('input', UNSET)
    if v is not UNSET and v is not None:
        _validators['pod_filter'](v, "variables.input", problems)
    return problems


def _decode_list_pods(response: httpx.Response, strict: bool) -> ListPods:
    from gpucloud_client.models.list_pods import ListPods

    return read_graphql(response, strict, model_of(ListPods))


def _decode_resume_pod(response: httpx.Response, strict: bool) -> ResumePod:
    from gpucloud_client.models.resume_pod import ResumePod

    return read_graphql(response, strict, model_of(ResumePod))


def _validate_resume_pod(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('podId', UNSET)
    if v is not UNSET and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append("variables.podId: must be a string")
    v = variable_values.get('gpuCount', UNSET)
    if v is not UNSET and v is not None:
        if not is_integer(v) and not is_integer(v := as_json(v)):
            problems.append("variables.gpuCount: must be an integer")
        elif not is_int32(v):
            problems.append("variables.gpuCount: must fit in int32")
    return problems


def _decode_stop_pod(response: httpx.Response, strict: bool) -> StopPod:
    from gpucloud_client.models.stop_pod import StopPod

    return read_graphql(response, strict, model_of(StopPod))


def _validate_stop_pod(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('podId', UNSET)
    if v is not UNSET and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append("variables.podId: must be a string")
    return problems


def _decode_terminate_pod(response: httpx.Response, strict: bool) -> TerminatePod:
    from gpucloud_client.models.terminate_pod import TerminatePod

    return read_graphql(response, strict, model_of(TerminatePod))


def _validate_terminate_pod(arguments: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    variable_values = arguments.get('variables') or {}
    v = variable_values.get('podId', UNSET)
    if v is not UNSET and not isinstance(v, str) and not isinstance(v := as_json(v), str):
        problems.append("variables.podId: must be a string")
    return problems


_DEPLOY_POD = Operation(
    method='POST',
    path='/graphql',
    operation_id='DeployPod',
    decode=_decode_deploy_pod,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'mutation DeployPod($input: PodFindAndDeployOnDemandInput!) {\n  podFindAndDeployOnDemand(input: $input) {\n    __typename\n    ... on Pod {\n      ...PodSummary\n      machineId\n      machine {\n        podHostId\n      }\n    }\n    ... on CapacityError {\n      message\n      gpuTypeId\n      cloudType\n      retryAfterSeconds\n    }\n  }\n}\n\nfragment PodSummary on Pod {\n  id\n  name\n  imageName\n  desiredStatus\n  lastStatusChange\n  costPerHr\n  gpuCount\n}',
        'DeployPod',
        'mutation',
    ),
    validate=_validate_deploy_pod,
    security=(),
)

_GET_POD = Operation(
    method='POST',
    path='/graphql',
    operation_id='GetPod',
    decode=_decode_get_pod,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'query GetPod($input: PodFilter) {\n  pod(input: $input) {\n    ...PodSummary\n    machineId\n    machine {\n      podHostId\n      gpuDisplayName\n    }\n    runtime {\n      ...PodRuntimePorts\n    }\n    networkVolume {\n      ...VolumeFields\n    }\n    createdAt\n  }\n}\n\nfragment PodRuntimePorts on PodRuntime {\n  uptimeInSeconds\n  ports {\n    ip\n    isIpPublic\n    privatePort\n    publicPort\n    type\n  }\n}\n\nfragment PodSummary on Pod {\n  id\n  name\n  imageName\n  desiredStatus\n  lastStatusChange\n  costPerHr\n  gpuCount\n}\n\nfragment VolumeFields on NetworkVolume {\n  id\n  name\n  size\n  dataCenterId\n}',
        'GetPod',
        'query',
    ),
    validate=_validate_get_pod,
    security=(),
)

_LIST_PODS = Operation(
    method='POST',
    path='/graphql',
    operation_id='ListPods',
    decode=_decode_list_pods,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'query ListPods {\n  myself {\n    pods {\n      ...PodSummary\n      cloudType\n      vcpuCount\n      memoryInGb\n      containerDiskInGb\n      volumeInGb\n      volumeMountPath\n      dockerArgs\n      env\n      ports\n      port\n      uptimeSeconds\n      labels\n      machine {\n        gpuDisplayName\n        location\n      }\n      runtime {\n        ...PodRuntimePorts\n      }\n    }\n  }\n}\n\nfragment PodRuntimePorts on PodRuntime {\n  uptimeInSeconds\n  ports {\n    ip\n    isIpPublic\n    privatePort\n    publicPort\n    type\n  }\n}\n\nfragment PodSummary on Pod {\n  id\n  name\n  imageName\n  desiredStatus\n  lastStatusChange\n  costPerHr\n  gpuCount\n}',
        'ListPods',
        'query',
    ),
    security=(),
)

_RESUME_POD = Operation(
    method='POST',
    path='/graphql',
    operation_id='ResumePod',
    decode=_decode_resume_pod,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'mutation ResumePod($podId: ID!, $gpuCount: Int) {\n  podResume(input: {podId: $podId, gpuCount: $gpuCount}) {\n    ...PodSummary\n  }\n}\n\nfragment PodSummary on Pod {\n  id\n  name\n  imageName\n  desiredStatus\n  lastStatusChange\n  costPerHr\n  gpuCount\n}',
        'ResumePod',
        'mutation',
    ),
    validate=_validate_resume_pod,
    security=(),
)

_STOP_POD = Operation(
    method='POST',
    path='/graphql',
    operation_id='StopPod',
    decode=_decode_stop_pod,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'mutation StopPod($podId: ID!) {\n  podStop(input: {podId: $podId}) {\n    id\n    desiredStatus\n    lastStatusChange\n  }\n}',
        'StopPod',
        'mutation',
    ),
    validate=_validate_stop_pod,
    security=(),
)

_TERMINATE_POD = Operation(
    method='POST',
    path='/graphql',
    operation_id='TerminatePod',
    decode=_decode_terminate_pod,
    body_media_type='application/json',
    graphql=GraphQLDocument(
        'mutation TerminatePod($podId: ID!) {\n  terminated: podTerminate(input: {podId: $podId})\n}',
        'TerminatePod',
        'mutation',
    ),
    validate=_validate_terminate_pod,
    security=(),
)


class PodsApi(Group):
    """The operations of operations/pods.graphql."""

    _client: BaseClient
    _methods = (
        ('deploy_pod', False),
        ('get_pod', False),
        ('list_pods', False),
        ('resume_pod', False),
        ('stop_pod', False),
        ('terminate_pod', False),
    )

    def deploy_pod(
        self,
        *,
        input: PodFindAndDeployOnDemandInput | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> DeployPod:
        """The mutation DeployPod.

        GraphQL mutation ``DeployPod``, sent to ``/graphql``.
        """
        return self._client.call(
            _DEPLOY_POD,
            variables={'input': input},
            request_options=request_options,
        )

    def get_pod(
        self,
        *,
        input: PodFilter | None | dict[str, Any] | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetPod:
        """The query GetPod.

        GraphQL query ``GetPod``, sent to ``/graphql``.
        """
        return self._client.call(
            _GET_POD,
            variables={'input': input},
            request_options=request_options,
        )

    def list_pods(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ListPods:
        """Pods: what runpod-python and runpodctl send (operations.md), with variables instead of text pasted into
        the query.

        GraphQL query ``ListPods``, sent to ``/graphql``.
        """
        return self._client.call(
            _LIST_PODS,
            request_options=request_options,
        )

    def resume_pod(
        self,
        *,
        pod_id: str,
        gpu_count: int | None | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> ResumePod:
        """The mutation ResumePod.

        GraphQL mutation ``ResumePod``, sent to ``/graphql``.
        """
        return self._client.call(
            _RESUME_POD,
            variables={'podId': pod_id, 'gpuCount': gpu_count},
            request_options=request_options,
        )

    def stop_pod(
        self,
        *,
        pod_id: str,
        request_options: RequestOptions | None = None,
    ) -> StopPod:
        """The mutation StopPod.

        GraphQL mutation ``StopPod``, sent to ``/graphql``.
        """
        return self._client.call(
            _STOP_POD,
            variables={'podId': pod_id},
            request_options=request_options,
        )

    def terminate_pod(
        self,
        *,
        pod_id: str,
        request_options: RequestOptions | None = None,
    ) -> TerminatePod:
        """The mutation TerminatePod.

        GraphQL mutation ``TerminatePod``, sent to ``/graphql``.
        """
        return self._client.call(
            _TERMINATE_POD,
            variables={'podId': pod_id},
            request_options=request_options,
        )


class AsyncPodsApi(Group):
    """The operations of operations/pods.graphql."""

    _client: BaseAsyncClient
    _methods = (
        ('deploy_pod', False),
        ('get_pod', False),
        ('list_pods', False),
        ('resume_pod', False),
        ('stop_pod', False),
        ('terminate_pod', False),
    )

    async def deploy_pod(
        self,
        *,
        input: PodFindAndDeployOnDemandInput | dict[str, Any],
        request_options: RequestOptions | None = None,
    ) -> DeployPod:
        """The mutation DeployPod.

        GraphQL mutation ``DeployPod``, sent to ``/graphql``.
        """
        return await self._client.call(
            _DEPLOY_POD,
            variables={'input': input},
            request_options=request_options,
        )

    async def get_pod(
        self,
        *,
        input: PodFilter | None | dict[str, Any] | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> GetPod:
        """The query GetPod.

        GraphQL query ``GetPod``, sent to ``/graphql``.
        """
        return await self._client.call(
            _GET_POD,
            variables={'input': input},
            request_options=request_options,
        )

    async def list_pods(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ListPods:
        """Pods: what runpod-python and runpodctl send (operations.md), with variables instead of text pasted into
        the query.

        GraphQL query ``ListPods``, sent to ``/graphql``.
        """
        return await self._client.call(
            _LIST_PODS,
            request_options=request_options,
        )

    async def resume_pod(
        self,
        *,
        pod_id: str,
        gpu_count: int | None | Unset = UNSET,
        request_options: RequestOptions | None = None,
    ) -> ResumePod:
        """The mutation ResumePod.

        GraphQL mutation ``ResumePod``, sent to ``/graphql``.
        """
        return await self._client.call(
            _RESUME_POD,
            variables={'podId': pod_id, 'gpuCount': gpu_count},
            request_options=request_options,
        )

    async def stop_pod(
        self,
        *,
        pod_id: str,
        request_options: RequestOptions | None = None,
    ) -> StopPod:
        """The mutation StopPod.

        GraphQL mutation ``StopPod``, sent to ``/graphql``.
        """
        return await self._client.call(
            _STOP_POD,
            variables={'podId': pod_id},
            request_options=request_options,
        )

    async def terminate_pod(
        self,
        *,
        pod_id: str,
        request_options: RequestOptions | None = None,
    ) -> TerminatePod:
        """The mutation TerminatePod.

        GraphQL mutation ``TerminatePod``, sent to ``/graphql``.
        """
        return await self._client.call(
            _TERMINATE_POD,
            variables={'podId': pod_id},
            request_options=request_options,
        )
