"""The reference GPU-cloud schema made executable: resolvers and scalars bound onto the release's SDL.

graphql-core builds the schema from ``specs/gpucloud/<release>/schema.graphql`` as
written; this module sets ``resolve`` on the fields that need more than a dict look-up
(graphql-core's default resolver reads ``record[field]``), and ``serialize`` on the
custom scalars. Abstract types (``Node``, ``PodDeployResult``) are resolved by the
records' ``__typename`` key, graphql-core's default. Resolvers are shared by both
releases; one whose field a release lacks (``dataCenters`` before 1.1) is not bound.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from graphql import GraphQLObjectType, GraphQLScalarType, GraphQLSchema

from tests.servers.gpucloud_data import GpuCloudState
from tests.servers.gpucloud_spec import build

Resolver = Callable[..., Any]


def serialize_datetime(value: Any) -> str:
    """RFC 3339 with ``Z`` for UTC, as the scalar's description promises."""
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        raise TypeError(f"DateTime cannot represent {value!r}: an aware datetime is needed")
    return value.isoformat().replace("+00:00", "Z")


def serialize_decimal(value: Any) -> str:
    """Money as exact decimal text: a float here is a bug of the test server, not a value to round."""
    if not isinstance(value, Decimal):
        raise TypeError(f"Decimal cannot represent {value!r}: a decimal.Decimal is needed")
    return str(value)


SCALARS: Mapping[str, Callable[[Any], str]] = {"DateTime": serialize_datetime, "Decimal": serialize_decimal}


def resolvers(state: GpuCloudState) -> dict[str, dict[str, Resolver]]:
    """``{type: {field: resolver}}`` over ``state``; resolvers take graphql-core's ``(parent, info, **args)``."""

    return {
        "Query": {
            "myself": lambda _, info: state.user,
            "pod": lambda _, info, input=None: state.pods.get(input["podId"]) if input else None,
            "gpuTypes": lambda _, info, input=None: state.gpu_types_matching(input),
            "node": lambda _, info, id: state.node(id),
            "dataCenters": lambda _, info: state.data_centers,
        },
        "Mutation": {
            "podFindAndDeployOnDemand": lambda _, info, input: state.deploy_pod(input),
            "podStop": lambda _, info, input: state.set_pod_status(input["podId"], "EXITED"),
            "podResume": lambda _, info, input: state.set_pod_status(input["podId"], "RUNNING", input.get("gpuCount")),
            "podTerminate": lambda _, info, input: state.terminate_pod(input["podId"]),
            "saveEndpoint": lambda _, info, input: state.save_endpoint(input),
            "updateEndpointTemplate": lambda _, info, input: state.update_endpoint_template(
                input["endpointId"], input["templateId"]),
            "deleteEndpoint": lambda _, info, id: state.delete_endpoint(id),
            "saveTemplate": lambda _, info, input: state.save_template(input),
            "createNetworkVolume": lambda _, info, input: state.create_volume(input),
            "updateUserSettings": lambda _, info, input: state.update_settings(input),
        },
        "User": {
            "pods": lambda _, info: list(state.pods.values()),
            "endpoints": lambda _, info: list(state.endpoints.values()),
            "podTemplates": lambda _, info: list(state.templates.values()),
            "networkVolumes": lambda _, info: list(state.volumes.values()),
        },
        "Pod": {
            "machine": lambda pod, info: state.machine(pod),
            "networkVolume": lambda pod, info: state.volumes.get(pod.get("networkVolumeId") or ""),
            "port": lambda pod, info: pod["runtime"]["ports"][0]["privatePort"] if pod["runtime"] else None,
        },
        "GpuType": {
            "lowestPrice": lambda gpu, info, input: state.lowest_price(gpu, input["gpuCount"],
                                                                       input.get("cloudType") or "ALL"),
        },
        "Endpoint": {
            "template": lambda endpoint, info: state.templates.get(endpoint["templateId"]),
            "networkVolume": lambda endpoint, info: state.volumes.get(endpoint.get("networkVolumeId") or ""),
            "gpuIds": lambda endpoint, info: ",".join(endpoint["gpuTypeIds"]),
        },
        "DataCenter": {
            "gpuAvailability": lambda center, info: [
                {"gpuTypeId": gpu_id, "displayName": state.gpu_type(gpu_id)["displayName"], "stockStatus": stock}
                for gpu_id, stock in center["availability"].items()
            ],
        },
    }


def executable_schema(release: str, state: GpuCloudState) -> GraphQLSchema:
    """The schema of ``release`` answering from ``state``."""
    schema = build(release)
    for name, serialize in SCALARS.items():
        scalar = schema.type_map[name]
        assert isinstance(scalar, GraphQLScalarType), name
        scalar.serialize = serialize  # type: ignore[method-assign,assignment]
    for type_name, fields in resolvers(state).items():
        object_type = schema.type_map.get(type_name)
        if object_type is None:
            continue  # a type this release does not have yet
        assert isinstance(object_type, GraphQLObjectType), type_name
        for field_name, resolve in fields.items():
            if field_name in object_type.fields:
                object_type.fields[field_name].resolve = resolve
    return schema
