"""The test GPU cloud's state: seed data and what its mutations do, in memory.

Records are plain dicts keyed by the schema's field names, each with the ``__typename``
graphql-core resolves ``Node`` and ``PodDeployResult`` by. Money is ``decimal.Decimal``
and instants are aware ``datetime`` objects: the ``Decimal`` and ``DateTime`` scalars
serialise them (:mod:`tests.servers.gpucloud_schema`). A request the service refuses
raises :class:`GpuCloudError`, which graphql-core turns into an entry of ``errors`` with
the error's ``extensions``.
"""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal
from typing import Any

Record = dict[str, Any]

USER_ID = "user-ada"
RUNNING_POD_ID = "pod-running"
EXITED_POD_ID = "pod-exited"
ENDPOINT_ID = "ep-whisper"
TEMPLATE_ID = "tpl-pytorch"
VOLUME_ID = "vol-datasets"
RTX_4090 = "NVIDIA GeForce RTX 4090"
A100 = "NVIDIA A100 80GB PCIe"
H100 = "NVIDIA H100 80GB HBM3"
#: The fixed instant the seed data was "created" at.
SEEDED_AT = datetime.datetime(2026, 11, 1, 9, 30, tzinfo=datetime.UTC)


class GpuCloudError(Exception):
    """A request the GPU cloud refuses; ``extensions`` reach the answer's ``errors[].extensions``."""

    def __init__(self, message: str, code: str, **details: Any) -> None:
        super().__init__(message)
        self.extensions: dict[str, Any] = {"code": code, **details}


def _gpu_type(gpu_id: str, name: str, manufacturer: str, memory: int, max_count: int,
              secure: str | None, community: str | None) -> Record:
    return {
        "__typename": "GpuType", "id": gpu_id, "displayName": name, "manufacturer": manufacturer,
        "memoryInGb": memory, "maxGpuCount": max_count,
        "secureCloud": secure is not None, "communityCloud": community is not None,
        "securePrice": Decimal(secure) if secure else None,
        "communityPrice": Decimal(community) if community else None,
        "oneMonthPrice": Decimal(secure) * 24 * 30 * Decimal("0.8") if secure else None,
    }


def _seed_pods() -> list[Record]:
    running = {
        "__typename": "Pod", "id": RUNNING_POD_ID, "name": "llama-finetune", "imageName": "runpod/pytorch:2.4.0",
        "desiredStatus": "RUNNING", "lastStatusChange": SEEDED_AT, "costPerHr": Decimal("0.69"),
        "cloudType": "SECURE", "gpuCount": 1, "vcpuCount": 16, "memoryInGb": 62, "containerDiskInGb": 20,
        "volumeInGb": 100, "volumeMountPath": "/workspace", "dockerArgs": "",
        "env": ["JUPYTER_PASSWORD=", None, "HF_HOME=/workspace/hf"], "ports": "8888/http,22/tcp",
        "uptimeSeconds": 5400, "machineId": "m-7f3a", "machine": {"podHostId": "pod-running-7f3a",
                                                                   "gpuDisplayName": "RTX 4090", "location": "CZ"},
        "runtime": {"uptimeInSeconds": 5400, "ports": [
            {"ip": "100.65.0.12", "isIpPublic": False, "privatePort": 8888, "publicPort": 60001, "type": "HTTP"},
            {"ip": "194.68.245.3", "isIpPublic": True, "privatePort": 22, "publicPort": 22081, "type": "TCP"},
        ]},
        "networkVolumeId": VOLUME_ID, "labels": {"team": "nlp", "budget": {"monthly": 400}},
        "createdAt": SEEDED_AT, "gpuTypeId": RTX_4090,
    }
    exited = {
        **running, "id": EXITED_POD_ID, "name": "sd-batch", "imageName": "runpod/stable-diffusion:web-ui",
        "desiredStatus": "EXITED", "costPerHr": Decimal("0.00"), "cloudType": "COMMUNITY", "uptimeSeconds": 0,
        "env": [], "ports": None, "machineId": "m-20c1",
        "machine": {"podHostId": "pod-exited-20c1", "gpuDisplayName": "A100 80GB", "location": None},
        "runtime": None, "networkVolumeId": None, "labels": None, "gpuTypeId": A100,
    }
    return [running, exited]


class GpuCloudState:
    """Everything the test GPU cloud holds for its one account; not thread-safe (the server's lock guards it)."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.user: Record = {
            "__typename": "User", "id": USER_ID, "email": "ada@example.com",
            "pubKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGpu ada@laptop",
            "clientBalance": Decimal("125.50"), "spendLimit": 80,
        }
        self.gpu_types: list[Record] = [
            _gpu_type(RTX_4090, "RTX 4090", "Nvidia", 24, 8, "0.69", "0.34"),
            _gpu_type(A100, "A100 80GB", "Nvidia", 80, 8, "1.64", "1.19"),
            _gpu_type(H100, "H100 80GB", "Nvidia", 80, 8, "2.99", None),
        ]
        self.pods: dict[str, Record] = {pod["id"]: pod for pod in _seed_pods()}
        self.templates: dict[str, Record] = {TEMPLATE_ID: {
            "__typename": "PodTemplate", "id": TEMPLATE_ID, "name": "PyTorch 2.4", "imageName": "runpod/pytorch:2.4.0",
            "dockerArgs": "", "containerDiskInGb": 20, "volumeInGb": 50, "volumeMountPath": "/workspace",
            "ports": "8888/http,22/tcp", "env": [{"key": "JUPYTER_PASSWORD", "value": "secret"}],
            "isServerless": False, "isPublic": True, "startSsh": True, "readme": "# PyTorch\n",
            "containerRegistryAuthId": None,
        }}
        self.endpoints: dict[str, Record] = {ENDPOINT_ID: {
            "__typename": "Endpoint", "id": ENDPOINT_ID, "name": "whisper-large", "templateId": TEMPLATE_ID,
            "gpuTypeIds": [RTX_4090, A100], "gpuCount": 1, "idleTimeout": 5, "locations": None,
            "networkVolumeId": VOLUME_ID, "scalerType": "QUEUE_DELAY", "scalerValue": 4, "workersMin": 0,
            "workersMax": 3, "workersStandby": 1, "flashBoot": True, "env": [], "version": 1, "createdAt": SEEDED_AT,
        }}
        self.volumes: dict[str, Record] = {VOLUME_ID: {
            "__typename": "NetworkVolume", "id": VOLUME_ID, "name": "datasets", "size": 500,
            "dataCenterId": "EU-CZ-1", "createdAt": SEEDED_AT,
        }}
        self.data_centers: list[Record] = [
            {"id": "EU-CZ-1", "name": "Brno", "location": "CZ", "availability": {RTX_4090: "HIGH", A100: "LOW"}},
            {"id": "US-TX-3", "name": "Austin", "location": "US", "availability": {H100: "MEDIUM"}},
        ]
        #: Pods whose host does not answer: reading their ``machine`` fails (partial data).
        self.unreachable_pods: set[str] = set()

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self._ids):04d}"

    @staticmethod
    def _now() -> datetime.datetime:
        return datetime.datetime.now(datetime.UTC).replace(microsecond=0)

    # -- look-ups ------------------------------------------------------------------------------

    def node(self, node_id: str) -> Record | None:
        if node_id == self.user["id"]:
            return self.user
        for table in (self.pods, self.endpoints, self.templates, self.volumes):
            if node_id in table:
                return table[node_id]
        return next((g for g in self.gpu_types if g["id"] == node_id), None)

    def pod(self, pod_id: str) -> Record:
        try:
            return self.pods[pod_id]
        except KeyError:
            raise GpuCloudError(f"No pod {pod_id!r} on this account.", "NOT_FOUND", podId=pod_id) from None

    def machine(self, pod: Record) -> Record | None:
        if pod["id"] in self.unreachable_pods:
            raise GpuCloudError(f"The host of pod {pod['id']} does not answer.", "MACHINE_UNREACHABLE",
                                machineId=pod["machineId"])
        return pod["machine"]  # type: ignore[no-any-return]

    def gpu_type(self, gpu_type_id: str) -> Record:
        found = next((g for g in self.gpu_types if g["id"] == gpu_type_id), None)
        if found is None:
            raise GpuCloudError(f"Unknown GPU type {gpu_type_id!r}.", "BAD_USER_INPUT", field="gpuTypeId")
        return found

    def gpu_types_matching(self, gpu_filter: Record | None) -> list[Record]:
        """The GPU types ``GpuTypeFilter`` selects: all without one, else those named by ``id`` or ``ids``."""
        if not gpu_filter or (gpu_filter.get("id") is None and gpu_filter.get("ids") is None):
            return self.gpu_types
        wanted = {gpu_filter.get("id"), *(gpu_filter.get("ids") or ())}
        return [g for g in self.gpu_types if g["id"] in wanted]

    @staticmethod
    def lowest_price(gpu: Record, gpu_count: int, cloud_type: str) -> Record | None:
        """The cheapest offer for ``gpu_count`` GPUs; ``None`` when the cloud asked for has none."""
        prices = {"SECURE": gpu["securePrice"], "COMMUNITY": gpu["communityPrice"]}
        candidates = [(p, cloud) for cloud, p in prices.items() if p is not None and cloud_type in (cloud, "ALL")]
        if not candidates or gpu_count > gpu["maxGpuCount"]:
            return None
        unit_price, cloud = min(candidates)
        price = unit_price * gpu_count
        # "cloudType" is not a field of LowestPrice: it tells deploy_pod where the offer is.
        return {"gpuName": gpu["displayName"], "gpuTypeId": gpu["id"], "uninterruptablePrice": price, "cloudType": cloud,
                "minimumBidPrice": (price * Decimal("0.6")).quantize(Decimal("0.01")), "minMemory": 31 * gpu_count,
                "minVcpu": 8 * gpu_count, "stockStatus": "LOW" if gpu_count > 4 else "HIGH"}

    # -- pods ----------------------------------------------------------------------------------

    def deploy_pod(self, spec: Record) -> Record:
        """A new running pod, or a ``CapacityError`` record when no machine fits (nothing rented then)."""
        gpu = self.gpu_type(spec["gpuTypeId"])
        cloud_type = spec.get("cloudType") or "ALL"
        offer = self.lowest_price(gpu, spec["gpuCount"], cloud_type)
        if offer is None:
            return {"__typename": "CapacityError", "gpuTypeId": gpu["id"], "cloudType": cloud_type,
                    "message": f"No {cloud_type.lower()} machine has {spec['gpuCount']} x {gpu['displayName']} free.",
                    "retryAfterSeconds": 300}
        template = self.templates.get(spec.get("templateId") or "")
        image = spec.get("imageName") or (template["imageName"] if template else None)
        if image is None:
            raise GpuCloudError("Give imageName or templateId.", "BAD_USER_INPUT", field="imageName")
        pod_id = self._new_id("pod")
        env = [f"{e['key']}={e['value']}" for e in spec.get("env") or []]
        pod = {
            "__typename": "Pod", "id": pod_id, "name": spec.get("name") or pod_id, "imageName": image,
            "desiredStatus": "RUNNING", "lastStatusChange": self._now(), "costPerHr": offer["uninterruptablePrice"],
            "cloudType": offer["cloudType"],
            "gpuCount": spec["gpuCount"], "vcpuCount": offer["minVcpu"], "memoryInGb": offer["minMemory"],
            "containerDiskInGb": spec.get("containerDiskInGb") or 20, "volumeInGb": spec.get("volumeInGb"),
            "volumeMountPath": spec.get("volumeMountPath"), "dockerArgs": spec.get("dockerArgs"), "env": env,
            "ports": spec.get("ports"), "uptimeSeconds": 0, "machineId": f"m-{pod_id[-4:]}",
            "machine": {"podHostId": f"{pod_id}-host", "gpuDisplayName": gpu["displayName"], "location": None},
            "runtime": None, "networkVolumeId": spec.get("networkVolumeId"), "labels": spec.get("labels"),
            "createdAt": self._now(), "gpuTypeId": gpu["id"],
        }
        self.pods[pod_id] = pod
        return pod

    def set_pod_status(self, pod_id: str, status: str, gpu_count: int | None = None) -> Record:
        pod = self.pod(pod_id)
        if status == "RUNNING" and pod["desiredStatus"] == "RUNNING":
            raise GpuCloudError(f"Pod {pod_id} is already running.", "CONFLICT", podId=pod_id)
        pod["desiredStatus"] = status
        pod["lastStatusChange"] = self._now()
        if gpu_count is not None:
            pod["gpuCount"] = gpu_count
        if status == "EXITED":
            pod["runtime"] = None
        return pod

    def terminate_pod(self, pod_id: str) -> bool:
        self.pod(pod_id)
        del self.pods[pod_id]
        return True

    # -- endpoints, templates, volumes, settings ------------------------------------------------

    def save_endpoint(self, spec: Record) -> Record:
        if spec["templateId"] not in self.templates:
            raise GpuCloudError(f"No template {spec['templateId']!r}.", "BAD_USER_INPUT", field="templateId")
        existing = self.endpoints.get(spec.get("id") or "")
        if spec.get("id") and existing is None:
            raise GpuCloudError(f"No endpoint {spec['id']!r}.", "NOT_FOUND", endpointId=spec["id"])
        base = existing or {"__typename": "Endpoint", "id": self._new_id("ep"), "version": 0,
                            "createdAt": self._now(), "workersStandby": None}
        fields = {k: v for k, v in spec.items() if k not in ("id", "env")}
        env = [{"key": e["key"], "value": e["value"]} for e in spec.get("env") or []]
        endpoint = {**base, **fields, "env": env, "version": base["version"] + 1}
        self.endpoints[endpoint["id"]] = endpoint
        return endpoint

    def update_endpoint_template(self, endpoint_id: str, template_id: str) -> Record:
        endpoint = self.endpoints.get(endpoint_id)
        if endpoint is None:
            raise GpuCloudError(f"No endpoint {endpoint_id!r}.", "NOT_FOUND", endpointId=endpoint_id)
        return self.save_endpoint({**endpoint, "templateId": template_id})

    def delete_endpoint(self, endpoint_id: str) -> bool:
        if self.endpoints.pop(endpoint_id, None) is None:
            raise GpuCloudError(f"No endpoint {endpoint_id!r}.", "NOT_FOUND", endpointId=endpoint_id)
        return True

    def save_template(self, spec: Record) -> Record:
        existing = self.templates.get(spec.get("id") or "")
        if spec.get("id") and existing is None:
            raise GpuCloudError(f"No template {spec['id']!r}.", "NOT_FOUND", templateId=spec["id"])
        base = existing or {"__typename": "PodTemplate", "id": self._new_id("tpl"), "isPublic": False,
                            "readme": None, "containerRegistryAuthId": None, "ports": None, "volumeMountPath": None}
        env = [{"key": e["key"], "value": e["value"]} for e in spec.get("env") or []]
        template = {**base, **{k: v for k, v in spec.items() if k not in ("id", "env")}, "env": env}
        self.templates[template["id"]] = template
        return template

    def create_volume(self, spec: Record) -> Record:
        if spec["size"] < 1:
            raise GpuCloudError("A network volume holds at least 1 GB.", "BAD_USER_INPUT", field="size")
        volume = {"__typename": "NetworkVolume", "id": self._new_id("vol"), "name": spec["name"], "size": spec["size"],
                  "dataCenterId": spec["dataCenterId"], "createdAt": self._now()}
        self.volumes[volume["id"]] = volume
        return volume

    def update_settings(self, settings: Record) -> Record:
        if "pubKey" in settings:
            self.user["pubKey"] = settings["pubKey"]
        return self.user
