"""The operations of the reference control plane 2.24 (specs/controlplane/2.24/openapi.yaml), in memory.

:class:`ControlPlaneApi` holds the data (clusters, departments, projects, workloads
with their events and logs, nodes, node pools, audit log) and one handler per
operation of the spec, named by its ``operationId``. Handlers are plain synchronous
functions of a :class:`Call` returning a starlette ``Response``; they raise
:class:`ApiError` for the spec's error answers. The HTTP plumbing (auth, faults,
idempotency, counters) lives in :mod:`tests.servers.controlplane`; this module knows
nothing of it and is not thread-safe on its own (the server calls it under a lock).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import collections
import copy
import csv
import datetime
import hashlib
import io
import json
import re
import threading
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote

import attrs
from starlette.responses import JSONResponse, Response, StreamingResponse

from tests.servers.jobs import JobLifecycle
from tests.servers.tokens import IssuedToken, TokenAuthority
from tests.servers.uploads import read_multipart

CLUSTER_ID = "6f0e8f8c-7c1b-4a53-9d1e-3c1f0b9d2a11"
OTHER_CLUSTER_ID = "0b7c6c1e-2f43-4d5e-9a8b-1c2d3e4f5a6b"
WORKLOAD_ID = "3d7c1d7e-96a4-4a3c-8d2f-0f4b8e2a6c11"
SUSPENDED_WORKLOAD_ID = "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
COMPLETED_WORKLOAD_ID = "5b5b5b5b-0000-4000-8000-000000000001"

#: The service account of the client-credentials grant (the secret has characters that need form-escaping).
CLIENT_ID = "svc-train"
CLIENT_SECRET = "s3cr3t&=+/?~"
#: The application of the deprecated ``app_token`` grant.
APP_ID = "legacy-app"
APP_SECRET = "app-s3cr3t"

TOKEN_PATHS = frozenset({"/api/v1/token", "/api/v2/token"})
NAME_PATTERN = re.compile(r"^[a-z]([-a-z0-9]*[a-z0-9])?$")
NAMESPACE_PATTERN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
FILTER_PATTERN = re.compile(r"^([A-Za-z][A-Za-z0-9]*)(==|!=|<=|>=|=@|!@|<|>)([^,]+)$")
CLI_PLATFORMS = {"linux": ("amd64", "arm64"), "darwin": ("amd64", "arm64"), "windows": ("amd64", "arm64")}


class ApiError(Exception):
    """An error answer: the spec's ``ErrorResponse`` with ``status``."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        details: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = dict(details or {})
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def body(self, request_id: str | None) -> dict[str, Any]:
        body: dict[str, Any] = {"code": self.status, "message": self.message, "requestId": request_id}
        if self.details:
            body["details"] = self.details
        body.update(self.extra)
        return body


def error_response(status: int, message: str, request_id: str | None, **kwargs: Any) -> JSONResponse:
    exc = ApiError(status, message, **kwargs)
    return JSONResponse(exc.body(request_id), status_code=status, headers=exc.headers or None)


@attrs.frozen
class Call:
    """One request as a handler sees it."""

    method: str
    raw_path: str
    params: Mapping[str, str]
    query: tuple[tuple[str, str], ...]
    #: Lower-case names; the first value of each.
    headers: Mapping[str, str]
    body: bytes
    request_id: str
    #: The ``sub`` of the bearer token (``None`` for unauthenticated operations).
    subject: str | None = None
    client_ip: str | None = None

    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def json(self) -> Any:
        if self.content_type() != "application/json":
            raise ApiError(400, f"expected an application/json body, got {self.content_type() or 'none'}")
        try:
            return json.loads(self.body)
        except (UnicodeDecodeError, ValueError) as exc:
            raise ApiError(400, f"the body is not valid JSON: {exc}") from None

    def json_object(self) -> dict[str, Any]:
        body = self.json()
        if not isinstance(body, dict):
            raise ApiError(400, "the body must be a JSON object")
        return body

    def form(self) -> dict[str, str]:
        if self.content_type() != "application/x-www-form-urlencoded":
            raise ApiError(400, f"expected an application/x-www-form-urlencoded body, got {self.content_type() or 'none'}")
        try:
            return dict(parse_qsl(self.body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(self.body)))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ApiError(400, f"the form body is not valid: {exc}") from None

    def all(self, name: str) -> list[str]:
        return [value for key, value in self.query if key == name]

    def first(self, name: str) -> str | None:
        values = self.all(name)
        return values[0] if values else None

    def int_param(self, name: str, default: int, minimum: int, maximum: int | None = None) -> int:
        raw = self.first(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise ApiError(400, f"{name} must be an integer", details={name: f"not an integer: {raw!r}"}) from None
        if value < minimum or (maximum is not None and value > maximum):
            raise ApiError(400, f"{name} is out of range", details={name: f"must be in [{minimum}, {maximum}]"})
        return value

    def bool_param(self, name: str, default: bool) -> bool:
        raw = self.first(name)
        if raw is None:
            return default
        if raw not in ("true", "false"):
            raise ApiError(400, f"{name} must be true or false", details={name: f"not a boolean: {raw!r}"})
        return raw == "true"

    def enum_param(self, name: str, allowed: Iterable[str], default: str | None) -> str | None:
        raw = self.first(name)
        if raw is None:
            return default
        if raw not in allowed:
            raise ApiError(400, f"{name} must be one of {sorted(allowed)}", details={name: f"unknown value {raw!r}"})
        return raw

    def instant_param(self, name: str, *, required: bool = False) -> datetime.datetime | None:
        raw = self.first(name)
        if raw is None:
            if required:
                raise ApiError(400, f"{name} is required", details={name: "required"})
            return None
        try:
            return parse_instant(raw)
        except ValueError:
            raise ApiError(400, f"{name} must be a date-time", details={name: f"not a date-time: {raw!r}"}) from None


@attrs.frozen
class Route:
    method: str
    template: str
    operation_id: str
    #: Whether a bearer token is required (the spec's ``security: []`` operations do not need one).
    auth: bool = True

    @property
    def literal_segments(self) -> int:
        return sum(1 for s in self.template.split("/") if not s.startswith("{"))

    def match(self, raw_path: str) -> dict[str, str] | None:
        """The path parameters of ``raw_path``, each segment percent-decoded on its own; ``None`` if it does not fit."""
        wanted, sent = self.template.split("/"), raw_path.split("/")
        if len(wanted) != len(sent):
            return None
        params: dict[str, str] = {}
        for pattern, segment in zip(wanted, sent, strict=True):
            if pattern.startswith("{") and pattern.endswith("}"):
                if not segment:
                    return None
                params[pattern[1:-1]] = unquote(segment)
            elif pattern != segment:
                return None
        return params


ROUTES: tuple[Route, ...] = (
    Route("POST", "/api/v1/token", "grant_token", auth=False),
    Route("POST", "/api/v2/token", "grant_token_v2", auth=False),
    Route("GET", "/api/v1/org-unit/departments", "get_departments"),
    Route("POST", "/api/v1/org-unit/departments", "create_department"),
    Route("GET", "/api/v1/org-unit/departments/{department-id}", "get_department"),
    Route("PUT", "/api/v1/org-unit/departments/{department-id}", "update_department"),
    Route("DELETE", "/api/v1/org-unit/departments/{department-id}", "delete_department"),
    Route("GET", "/api/v1/org-unit/projects", "get_projects"),
    Route("POST", "/api/v1/org-unit/projects", "create_project"),
    Route("GET", "/api/v1/org-unit/projects/{projectId}", "get_project"),
    Route("PUT", "/api/v1/org-unit/projects/{projectId}", "update_project"),
    Route("DELETE", "/api/v1/org-unit/projects/{projectId}", "delete_project"),
    Route("GET", "/v1/k8s/clusters/{clusterId}/projects", "getProjects"),
    Route("GET", "/api/v1/clusters", "get_clusters"),
    Route("GET", "/api/v1/workloads", "get_workloads"),
    Route("POST", "/api/v1/workloads", "submit_workload"),
    Route("GET", "/api/v1/workloads/count", "count_workloads"),
    Route("GET", "/api/v1/workloads/{workloadId}", "get_workload"),
    Route("DELETE", "/api/v1/workloads/{workloadId}", "delete_workload"),
    Route("POST", "/api/v1/workloads/{workloadId}/suspend", "suspend_workload"),
    Route("POST", "/api/v1/workloads/{workloadId}/resume", "resume_workload"),
    Route("GET", "/api/v1/workloads/{workloadId}/logs", "get_workload_logs"),
    Route("GET", "/api/v1/workloads/{workloadId}/events", "get_workload_events"),
    Route("GET", "/api/v1/workloads/{workloadId}/logs/stream", "follow_workload_logs"),
    Route("GET", "/api/v1/workloads/{workloadId}/events/stream", "stream_workload_events"),
    Route("POST", "/api/v1/workloads/{workloadId}/artifacts", "upload_workload_artifact"),
    Route("PUT", "/api/v1/workloads/{workloadId}/artifacts/{artifactName}", "put_workload_artifact"),
    Route("GET", "/api/v1/nodes", "get_nodes"),
    Route("GET", "/api/v1/node-pools", "get_node_pools"),
    Route("GET", "/api/v1/node-pools/{nodepoolId}", "get_node_pool"),
    Route("PUT", "/api/v1/node-pools/{nodepoolId}", "update_node_pool"),
    Route("GET", "/api/v1/cli/{os}/{arch}", "download_cli", auth=False),
    Route("GET", "/api/v1/audit/logs", "get_audit_logs"),
    Route("GET", "/api/v1/audit/logs/download", "download_audit_logs"),
    Route("GET", "/api/v1/audit/records", "list_audit_records"),
    Route("GET", "/api/v1/audit/archive", "list_audit_archive"),
)
PATH_TEMPLATES = frozenset(route.template for route in ROUTES)


def resolve(method: str, raw_path: str) -> tuple[Route, dict[str, str]]:
    """The route for a request; raises 404 (no such path) or 405 (path known, method not)."""
    fitting = [(route, params) for route in ROUTES if (params := route.match(raw_path)) is not None]
    if not fitting:
        raise ApiError(404, f"No route for {method} {raw_path}.")
    for route, params in sorted(fitting, key=lambda rp: -rp[0].literal_segments):
        if route.method == method:
            return route, params
    allowed = sorted({route.method for route, _ in fitting})
    raise ApiError(405, f"{method} is not allowed on {raw_path}.", headers={"Allow": ", ".join(allowed)})


def template_of(method: str, raw_path: str) -> str | None:
    """The spec path template a request is routed to, ``None`` when it is not routed."""
    try:
        return resolve(method, raw_path)[0].template
    except ApiError:
        return None


def token_grant_type(template: str | None, headers: Mapping[str, str], body: bytes) -> str:
    """The grant type a token request asks for, best effort (``"<unreadable>"`` when the body cannot be read)."""
    try:
        if template == "/api/v1/token":
            value = json.loads(body).get("grantType")
        else:
            value = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True)).get("grant_type")
    except (AttributeError, UnicodeDecodeError, ValueError):
        return "<unreadable>"
    return value if isinstance(value, str) else "<missing>"


def parse_instant(text: str) -> datetime.datetime:
    value = datetime.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)


def now_iso() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


def _compare(actual: Any, op: str, wanted: str) -> bool:
    if actual is None:
        return op in ("!=", "!@")
    if isinstance(actual, bool):
        actual = "true" if actual else "false"
    if op in ("=@", "!@"):
        return (wanted.lower() in str(actual).lower()) == (op == "=@")
    left: Any = actual
    right: Any = wanted
    if isinstance(actual, int | float):
        try:
            right = float(wanted)
        except ValueError:
            left = str(actual)
    else:
        left = str(actual)
    match op:
        case "==":
            return bool(left == right)
        case "!=":
            return bool(left != right)
        case "<":
            return bool(left < right)
        case ">":
            return bool(left > right)
        case "<=":
            return bool(left <= right)
        case _:
            return bool(left >= right)


def apply_filters(items: list[dict[str, Any]], call: Call) -> list[dict[str, Any]]:
    """``filterBy``: one comma-separated value (style form, explode false) of ``field<op>value`` rules."""
    raw = call.all("filterBy")
    if len(raw) > 1:
        raise ApiError(400, "filterBy is one comma-separated value", details={"filterBy": "repeated"})
    if not raw:
        return items
    rules = raw[0].split(",")
    if len(rules) > 10:
        raise ApiError(400, "at most 10 filters", details={"filterBy": "more than 10 rules"})
    for rule in rules:
        found = FILTER_PATTERN.match(rule)
        if not found:
            raise ApiError(400, f"unsupported filter {rule!r}", details={"filterBy": f"not field<op>value: {rule!r}"})
        field, op, value = found.groups()
        items = [item for item in items if _compare(item.get(field), op, value)]
    return items


def sort_items(items: list[dict[str, Any]], call: Call, allowed: Iterable[str], default: str | None) -> list[dict[str, Any]]:
    key = call.enum_param("sortBy", tuple(allowed), default)
    descending = call.enum_param("sortOrder", ("asc", "desc"), "asc") == "desc"
    if key is None:
        return list(reversed(items)) if descending else items
    return sorted(items, key=lambda item: (item.get(key) is not None, str(item.get(key) or "")), reverse=descending)


def paginate(items: list[dict[str, Any]], call: Call) -> tuple[list[dict[str, Any]], int | None]:
    offset = call.int_param("offset", 0, 0)
    limit = call.int_param("limit", 50, 1, 500)
    following = offset + limit if offset + limit < len(items) else None
    return items[offset : offset + limit], following


class Checker:
    """Collects body validation problems as ``details`` (field path -> problem)."""

    def __init__(self) -> None:
        self.details: dict[str, str] = {}

    def fail(self, path: str, problem: str) -> None:
        self.details.setdefault(path, problem)

    def name(self, body: Mapping[str, Any], path: str = "name") -> None:
        value = body.get(path)
        if not isinstance(value, str):
            self.fail(path, "required string")
        elif not 1 <= len(value) <= 63 or not NAME_PATTERN.match(value):
            self.fail(path, f"must match {NAME_PATTERN.pattern} and be at most 63 characters")

    def optional_text(self, body: Mapping[str, Any], path: str, max_length: int = 1024) -> None:
        value = body.get(path)
        if value is not None and (not isinstance(value, str) or len(value) > max_length):
            self.fail(path, f"must be a string of at most {max_length} characters or null")

    def string_list(self, body: Mapping[str, Any], path: str, max_items: int = 16) -> None:
        value = body.get(path)
        if value is None:
            return
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(path, "must be an array of strings")
        elif len(value) > max_items or len(set(value)) != len(value):
            self.fail(path, f"at most {max_items} unique items")

    def resources(self, body: Mapping[str, Any], *, min_items: int = 0) -> None:
        value = body.get("resources")
        if value is None:
            return
        if not isinstance(value, list) or len(value) < min_items:
            self.fail("resources", f"must be an array of at least {min_items} items")
            return
        for i, item in enumerate(value):
            pool = item.get("nodePool") if isinstance(item, dict) else None
            if not isinstance(pool, dict) or not isinstance(pool.get("name"), str):
                self.fail(f"resources[{i}].nodePool.name", "required string")

    def check(self) -> None:
        if self.details:
            raise ApiError(400, "The request is not valid.", details=self.details)


def _seed_clusters() -> dict[str, dict[str, Any]]:
    return {
        CLUSTER_ID: {"uuid": CLUSTER_ID, "name": "gpu-east", "version": "2.24.3", "domain": "https://gpu-east.example.com",
                     "status": "Connected", "lastLiveness": "2024-05-08T07:59:30Z", "certificateExpiresOn": "2026-01-31"},
        OTHER_CLUSTER_ID: {"uuid": OTHER_CLUSTER_ID, "name": "gpu-west", "version": "2.23.9", "domain": None,
                           "status": "Disconnected", "lastLiveness": "2024-05-02T12:00:00Z",
                           "certificateExpiresOn": None},
    }


def _seed_departments() -> dict[str, dict[str, Any]]:
    def department(did: str, name: str, cluster: str, gpus: float, created: str) -> dict[str, Any]:
        return {"id": did, "name": name, "description": None, "clusterId": cluster, "createdAt": created,
                "updatedAt": None,
                "resources": [{"nodePool": {"id": "1", "name": "default"},
                               "gpu": {"deserved": gpus, "limit": None, "overQuotaWeight": 2}}]}

    return {
        "7": department("7", "research", CLUSTER_ID, 8.0, "2024-04-01T08:30:00Z"),
        "8": department("8", "platform", OTHER_CLUSTER_ID, 4.0, "2024-04-02T08:30:00Z"),
    }


def _seed_projects() -> dict[str, dict[str, Any]]:
    def project(pid: str, name: str, parent: str, cluster: str, created: str) -> dict[str, Any]:
        return {"id": pid, "name": name, "description": None, "parentId": parent, "clusterId": cluster,
                "createdAt": created, "status": "Ready", "namespace": f"cp-{name}", "requestedNamespace": None,
                "resources": [], "defaultNodePools": ["default"]}

    return {
        "42": project("42", "train-vision", "7", CLUSTER_ID, "2024-04-03T09:00:00Z"),
        "43": project("43", "nlp", "7", CLUSTER_ID, "2024-04-04T09:00:00Z"),
        "45": project("45", "train-speech", "8", OTHER_CLUSTER_ID, "2024-04-05T09:00:00Z"),
    }


def _seed_workloads() -> dict[str, dict[str, Any]]:
    return {
        WORKLOAD_ID: {
            "id": WORKLOAD_ID, "name": "train-resnet", "type": "Training", "phase": "Running", "phaseMessage": None,
            "projectId": "42", "projectName": "train-vision", "clusterId": CLUSTER_ID,
            "createdAt": "2024-05-01T10:00:00Z", "submittedBy": "alice@example.com", "priority": 50,
            "compute": {"gpuDevicesRequest": 2, "gpuRequestType": "None"}, "allocatedGpus": 2.0,
            "conditions": [{"type": "Ready", "status": "True", "reason": None, "message": None,
                            "lastTransitionTime": "2024-05-01T10:01:00Z"}],
            "suspended": False, "runningPods": 2, "labels": {"team": "vision"}, "deleted": False,
        },
        SUSPENDED_WORKLOAD_ID: {
            "id": SUSPENDED_WORKLOAD_ID, "name": "notebook", "type": "Workspace", "phase": "Suspended",
            "phaseMessage": "suspended by bob@example.com", "projectId": "43", "projectName": "nlp",
            "clusterId": CLUSTER_ID, "createdAt": "2024-05-03T12:00:00Z", "submittedBy": "bob@example.com",
            "priority": 100, "compute": {"gpuPortionRequest": 0.5, "gpuRequestType": "portion"}, "allocatedGpus": 0.0,
            "conditions": [], "suspended": True, "runningPods": 0, "labels": {}, "deleted": False,
        },
        COMPLETED_WORKLOAD_ID: {
            "id": COMPLETED_WORKLOAD_ID, "name": "old-eval", "type": "Training", "phase": "Completed",
            "phaseMessage": None, "projectId": "42", "projectName": "train-vision", "clusterId": CLUSTER_ID,
            "createdAt": "2024-03-01T10:00:00Z", "submittedBy": "alice@example.com", "priority": 50,
            "compute": {"gpuDevicesRequest": 1, "gpuRequestType": "None"}, "allocatedGpus": 0.0, "conditions": [],
            "suspended": False, "runningPods": 0, "labels": {}, "deleted": True,
        },
    }


def _seed_events() -> dict[str, list[dict[str, Any]]]:
    def event(n: int, at: str, reason: str, message: str, source: str = "scheduler",
              kind: str = "Normal") -> dict[str, Any]:
        return {"id": f"ev-{n}", "createdAt": at, "type": kind, "reason": reason, "message": message,
                "from": source, "count": 1}

    return {
        WORKLOAD_ID: [
            event(1, "2024-05-01T10:00:01Z", "Submitted", "workload train-resnet submitted", "api"),
            event(2, "2024-05-01T10:00:05Z", "Scheduled", "assigned to node gpu-node-1"),
            event(3, "2024-05-01T10:01:00Z", "Started", "2 pods running", "kubelet"),
        ],
        SUSPENDED_WORKLOAD_ID: [
            event(4, "2024-05-03T12:00:01Z", "Submitted", "workload notebook submitted", "api"),
            event(5, "2024-05-03T13:00:00Z", "Suspended", "suspended by bob@example.com", "api"),
        ],
        COMPLETED_WORKLOAD_ID: [
            event(6, "2024-03-01T10:00:01Z", "Submitted", "workload old-eval submitted", "api"),
            event(7, "2024-03-01T11:00:00Z", "BackOff", "pod restarted 1 time", "kubelet", "Warning"),
            event(8, "2024-03-01T12:00:00Z", "Completed", "all pods succeeded", "controller"),
        ],
    }


def _seed_nodes() -> list[dict[str, Any]]:
    def node(n: int, pool: str, cluster: str, status: str, gpu: str | None, count: int) -> dict[str, Any]:
        return {"id": f"node-{n}", "name": f"gpu-node-{n}", "clusterUuid": cluster, "nodePool": pool,
                "status": status, "gpuType": gpu, "gpuCount": count,
                "gpu-memory": 85_899_345_920 if gpu else None,
                "labels": {"topology.kubernetes.io/zone": f"zone-{n % 2}"}, "lastHeartbeat": "2024-05-08T07:59:00Z"}

    return [
        node(1, "a100", CLUSTER_ID, "Ready", "A100-SXM4-80GB", 8),
        node(2, "a100", CLUSTER_ID, "Ready", "A100-SXM4-80GB", 8),
        node(3, "default", CLUSTER_ID, "NotReady", None, 0),
        node(4, "default", OTHER_CLUSTER_ID, "Unknown", "H100-SXM5-80GB", 4),
    ]


def _seed_node_pools() -> dict[str, dict[str, Any]]:
    def pool(pid: str, name: str, cluster: str, label: str | None) -> dict[str, Any]:
        return {"id": pid, "name": name, "clusterId": cluster, "labelKey": "node-pool" if label else None,
                "labelValue": label, "overProvisioningRatio": 1, "placementStrategy": {"gpu": "binpack", "cpu": ""},
                "status": "Ready", "createdAt": "2024-04-01T00:00:00Z", "updatedAt": None}

    return {"1": pool("1", "default", CLUSTER_ID, None), "3": pool("3", "a100", CLUSTER_ID, "a100"),
            "4": pool("4", "default", OTHER_CLUSTER_ID, None)}


def _seed_audit() -> list[dict[str, Any]]:
    return [
        {"timestamp": "2024-05-01T10:00:00Z", "user": "alice@example.com", "action": "Create", "entityType": "project",
         "entityId": "42", "success": True, "sourceIp": "10.0.0.7"},
        {"timestamp": "2024-05-01T11:00:00Z", "user": "bob@example.com", "action": "Delete",
         "entityType": "workload", "entityId": COMPLETED_WORKLOAD_ID, "success": True, "sourceIp": "10.0.0.8"},
        {"timestamp": "2024-05-02T09:00:00Z", "user": None, "action": "Login", "entityType": "session",
         "entityId": None, "success": False, "sourceIp": "10.0.0.1"},
    ]


#: One part of a scripted stream (see ControlPlaneApi.script_stream).
StreamPart = bytes | float | threading.Event | None


def cli_binary(os_name: str, arch: str) -> bytes:
    """Deterministic bytes standing in for the CLI executable of ``os_name``/``arch`` (~64 KiB, not UTF-8)."""
    magic = {"linux": b"\x7fELF\x02\x01\x01\x00", "darwin": b"\xcf\xfa\xed\xfe\x07\x00\x00\x01",
             "windows": b"MZ\x90\x00\x03\x00\x00\x00"}[os_name]
    return magic + f"cp-cli {os_name}/{arch}\r\n".encode() + bytes(range(256)) * 256


class ControlPlaneApi:
    """The data and the operations of the reference control plane; :meth:`reseed` restores the seed data."""

    def __init__(self, authority: TokenAuthority) -> None:
        self.authority = authority
        self.reseed()

    def reseed(self) -> None:
        self.clusters = _seed_clusters()
        self.departments = _seed_departments()
        self.projects = _seed_projects()
        self.workloads = _seed_workloads()
        self.events = _seed_events()
        self.nodes = _seed_nodes()
        self.node_pools = _seed_node_pools()
        self.audit_log = _seed_audit()
        #: Uploaded artifacts by (workload id, name): what the server received (size, SHA-256, parts).
        self.artifacts: dict[tuple[str, str], dict[str, Any]] = {}
        self._next_id = 100
        self._next_event = 100
        #: The phases scripted for the next submitted workloads (see :mod:`tests.servers.jobs`).
        self.jobs = JobLifecycle()
        #: What the next streamed answers send instead of their own, in order (see :meth:`script_stream`).
        self.stream_scripts: collections.deque[tuple[StreamPart, ...]] = collections.deque()
        #: Streamed answers being sent now: one the client left ends when the server sees it go.
        self.streams_open = 0
        #: Server bugs and oddities of the paginated lists, for the client's tests (see :meth:`paginate_oddly`).
        self.repeat_cursor = False
        self.archive_origin = ""

    def seed_workloads(self, count: int) -> None:
        """Replace the workloads with ``count`` valid ones, created a second apart (``load-00000``, ...)."""
        start = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
        self.workloads = {}
        for n in range(count):
            wid = str(uuid.UUID(int=n + 1))
            created = (start + datetime.timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
            self.workloads[wid] = {
                "id": wid, "name": f"load-{n:05d}", "type": "Training", "phase": "Running", "phaseMessage": None,
                "projectId": "42", "projectName": "train-vision", "clusterId": CLUSTER_ID, "createdAt": created,
                "submittedBy": "alice@example.com", "priority": 50, "compute": {"gpuDevicesRequest": 1},
                "allocatedGpus": 1.0, "conditions": [], "suspended": False, "runningPods": 1, "labels": {},
                "deleted": False,
            }

    def seed_audit(self, count: int) -> None:
        """Replace the audit log with ``count`` entries a minute apart, ``entityId`` numbering them from 0."""
        start = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
        self.audit_log = [
            {"timestamp": (start + datetime.timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ"),
             "user": "alice@example.com", "action": "Update", "entityType": "project", "entityId": str(n),
             "success": True, "sourceIp": "10.0.0.7"}
            for n in range(count)
        ]

    def paginate_oddly(self, *, repeat_cursor: bool = False, archive_origin: str = "") -> None:
        """``repeat_cursor``: ``list_audit_records`` gives the first page's cursor again on every page (a
        server bug); ``archive_origin``: ``list_audit_archive`` links its next page on that origin."""
        self.repeat_cursor = repeat_cursor
        self.archive_origin = archive_origin

    def script_stream(self, *parts: StreamPart) -> None:
        """The next streamed answer (any stream operation: SSE, NDJSON, followed logs, the CLI download) sends
        ``parts`` as they are: bytes are written as one chunk each, a number pauses that many seconds (a
        stalled stream), a ``threading.Event`` waits until the test sets it (10 s at most), ``None`` cuts the
        connection there (the body never ends). A download keeps its Content-Length: the file's own size."""
        self.stream_scripts.append(parts)

    def _streamed(self, media_type: str, parts: tuple[StreamPart, ...],
                  headers: Mapping[str, str] | None = None) -> StreamingResponse:
        script = self.stream_scripts.popleft() if self.stream_scripts else parts

        async def chunks() -> AsyncIterator[bytes]:
            self.streams_open += 1  # only the server's event loop changes it
            try:
                for part in script:
                    if part is None:
                        raise ConnectionAbortedError("the stream is cut here, as the test asked")  # uvicorn drops it
                    if isinstance(part, bytes):
                        yield part
                    elif isinstance(part, threading.Event):
                        if not await asyncio.to_thread(part.wait, 10):
                            yield b"the test never let the stream go on\n"
                    else:
                        await asyncio.sleep(part)
            finally:
                self.streams_open -= 1

        return StreamingResponse(chunks(), media_type=media_type, headers=headers)

    def handler(self, route: Route) -> Callable[[Call], Response]:
        handler: Callable[[Call], Response] = getattr(self, route.operation_id)
        return handler

    # -- helpers ---------------------------------------------------------------------------------

    def _new_id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    def _audit(self, call: Call, action: str, entity_type: str, entity_id: str | None) -> None:
        self.audit_log.append({"timestamp": now_iso(), "user": call.subject, "action": action,
                               "entityType": entity_type, "entityId": entity_id, "success": True,
                               "sourceIp": call.client_ip})

    def _event(self, workload_id: str, reason: str, message: str, kind: str = "Normal") -> None:
        self._next_event += 1
        self.events.setdefault(workload_id, []).append(
            {"id": f"ev-{self._next_event}", "createdAt": now_iso(), "type": kind, "reason": reason,
             "message": message, "from": "api", "count": 1})

    def _accepted(self, call: Call, message: str) -> JSONResponse:
        return JSONResponse({"requestId": call.request_id, "message": message}, status_code=202)

    def _cluster(self, checker: Checker, body: Mapping[str, Any]) -> None:
        cluster = body.get("clusterId")
        if not _is_uuid(cluster):
            checker.fail("clusterId", "required uuid")
        elif cluster not in self.clusters:
            checker.fail("clusterId", f"no cluster {cluster}")

    # -- tokens ----------------------------------------------------------------------------------

    def _token_response(self, token: IssuedToken, *, id_token: bool, headers: Mapping[str, str] | None = None
                        ) -> JSONResponse:
        body = {
            "accessToken": token.access_token,
            "refreshToken": token.refresh_token,
            "idToken": self.authority.id_token(token) if id_token else None,
            "tokenType": "Bearer",
            "expiresIn": max(0, int(token.expires_at - token.issued_at)),
        }
        return JSONResponse(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache", **(headers or {})})

    def _client_credentials(self, client_id: Any, client_secret: Any, scope: str) -> IssuedToken:
        if not isinstance(client_id, str) or not client_id or not isinstance(client_secret, str) or not client_secret:
            raise ApiError(400, "client id and secret are required", extra={"error": "invalid_request"})
        if self.authority.clients.get(client_id) != client_secret:
            raise ApiError(401, "invalid client credentials", extra={"error": "invalid_client"})
        return self.authority.issue(client_id, "client_credentials", scope)

    def _refresh(self, refresh_token: Any) -> IssuedToken:
        if not isinstance(refresh_token, str) or not refresh_token:
            raise ApiError(400, "refresh token is required", extra={"error": "invalid_request"})
        found = self.authority.redeem_refresh_token(refresh_token)
        if found is None:
            raise ApiError(400, "the refresh token is invalid, expired or already used", extra={"error": "invalid_grant"})
        subject, scope = found
        return self.authority.issue(subject, "refresh_token", scope)

    def grant_token(self, call: Call) -> Response:
        body = call.json_object()
        grant = body.get("grantType")
        if grant == "client_credentials":
            return self._token_response(self._client_credentials(body.get("clientID"), body.get("clientSecret"),
                                                                 "openid"), id_token=True)
        if grant == "app_token":
            app_id, app_secret = body.get("appID"), body.get("appSecret")
            if not isinstance(app_id, str) or not isinstance(app_secret, str):
                raise ApiError(400, "appID and appSecret are required", extra={"error": "invalid_request"})
            if self.authority.apps.get(app_id) != app_secret:
                raise ApiError(401, "invalid application credentials", extra={"error": "invalid_client"})
            token = self.authority.issue(f"app:{app_id}", "app_token", "openid", refresh=False)
            return self._token_response(token, id_token=False, headers={"Deprecation": "true"})
        if grant == "refresh_token":
            return self._token_response(self._refresh(body.get("refreshToken")), id_token=True)
        raise ApiError(400, f"unsupported grantType {grant!r}", extra={"error": "unsupported_grant_type"})

    def grant_token_v2(self, call: Call) -> Response:
        form = call.form()
        grant = form.get("grant_type")
        scope = form.get("scope", "openid")
        if grant == "client_credentials":
            client_id, client_secret = form.get("client_id"), form.get("client_secret")
            authorization = call.headers.get("authorization", "")
            if authorization[:6].lower() == "basic ":  # client_secret_basic (RFC 6749 section 2.3.1)
                try:
                    user, _, password = base64.b64decode(authorization[6:], validate=True).decode().partition(":")
                except (binascii.Error, UnicodeDecodeError):
                    raise ApiError(401, "malformed Basic credentials", extra={"error": "invalid_client"}) from None
                client_id, client_secret = unquote(user), unquote(password)
            token = self._client_credentials(client_id, client_secret, scope)
            return self._token_response(token, id_token="openid" in scope.split())
        if grant == "refresh_token":
            return self._token_response(self._refresh(form.get("refresh_token")), id_token="openid" in scope.split())
        raise ApiError(400, f"unsupported grant_type {grant!r}", extra={"error": "unsupported_grant_type"})

    # -- departments -----------------------------------------------------------------------------

    def _department_view(self, department: dict[str, Any]) -> dict[str, Any]:
        children = [{"id": p["id"], "name": p["name"], "kind": "project", "children": []}
                    for p in self.projects.values() if p["parentId"] == department["id"]]
        return {**copy.deepcopy(department), "children": children}

    def _get_department(self, call: Call) -> dict[str, Any]:
        department = self.departments.get(call.params["department-id"])
        if department is None:
            raise ApiError(404, f"Department {call.params['department-id']} was not found.")
        return department

    def _check_department(self, body: Mapping[str, Any]) -> None:
        checker = Checker()
        checker.name(body)
        checker.optional_text(body, "description")
        self._cluster(checker, body)
        checker.resources(body, min_items=1)
        checker.check()

    def get_departments(self, call: Call) -> Response:
        items = [self._department_view(d) for d in self.departments.values()]
        items = sort_items(apply_filters(items, call), call, ("name", "clusterId", "createdAt"), "name")
        page, following = paginate(items, call)
        return JSONResponse({"departments": page, "next": following})

    def create_department(self, call: Call) -> Response:
        body = call.json_object()
        self._check_department(body)
        if any(d["name"] == body["name"] and d["clusterId"] == body["clusterId"] for d in self.departments.values()):
            raise ApiError(409, f"A department named {body['name']!r} already exists in cluster {body['clusterId']}.")
        new_id = self._new_id()
        department = {"description": None, "resources": [], **copy.deepcopy(body), "id": new_id,
                      "createdAt": now_iso(), "updatedAt": None}
        self.departments[new_id] = department
        self._audit(call, "Create", "department", new_id)
        return JSONResponse(self._department_view(department), status_code=201,
                            headers={"Location": f"/api/v1/org-unit/departments/{new_id}"})

    def get_department(self, call: Call) -> Response:
        return JSONResponse(self._department_view(self._get_department(call)))

    def update_department(self, call: Call) -> Response:
        department = self._get_department(call)
        body = call.json_object()
        self._check_department(body)
        for key in ("name", "description", "clusterId", "resources"):
            department[key] = copy.deepcopy(body.get(key, [] if key == "resources" else None))
        department["updatedAt"] = now_iso()
        self._audit(call, "Update", "department", department["id"])
        return JSONResponse(self._department_view(department))

    def delete_department(self, call: Call) -> Response:
        department = self._get_department(call)
        if any(p["parentId"] == department["id"] for p in self.projects.values()):
            raise ApiError(409, f"Department {department['id']} still has projects.")
        del self.departments[department["id"]]
        self._audit(call, "Delete", "department", department["id"])
        return Response(status_code=204)

    # -- projects --------------------------------------------------------------------------------

    def _get_project(self, call: Call) -> dict[str, Any]:
        project = self.projects.get(call.params["projectId"])
        if project is None:
            raise ApiError(404, f"Project {call.params['projectId']} was not found.")
        return project

    def get_projects(self, call: Call) -> Response:
        items = sort_items(apply_filters(copy.deepcopy(list(self.projects.values())), call), call,
                           ("name", "parentId", "clusterId", "createdAt"), None)
        page, following = paginate(items, call)
        return JSONResponse({"projects": page, "next": following})

    def create_project(self, call: Call) -> Response:
        body = call.json_object()
        checker = Checker()
        checker.name(body)
        checker.optional_text(body, "description")
        self._cluster(checker, body)
        if not isinstance(body.get("parentId"), str):
            checker.fail("parentId", "required string")
        elif body["parentId"] not in self.departments:
            checker.fail("parentId", f"no department {body['parentId']}")
        namespace = body.get("requestedNamespace")
        if namespace is not None and (not isinstance(namespace, str) or not NAMESPACE_PATTERN.match(namespace)):
            checker.fail("requestedNamespace", f"must match {NAMESPACE_PATTERN.pattern}")
        checker.resources(body)
        checker.string_list(body, "defaultNodePools")
        checker.check()
        if any(p["name"] == body["name"] and p["clusterId"] == body["clusterId"] for p in self.projects.values()):
            raise ApiError(409, f"A project named {body['name']!r} already exists in cluster {body['clusterId']}.")
        new_id = self._new_id()
        project = {"description": None, "requestedNamespace": None, "resources": [], "defaultNodePools": [],
                   **copy.deepcopy(body), "id": new_id, "createdAt": now_iso(),
                   "status": "Ready", "namespace": namespace or f"cp-{body['name']}"}
        self.projects[new_id] = project
        self._audit(call, "Create", "project", new_id)
        return JSONResponse(copy.deepcopy(project), status_code=201)

    def get_project(self, call: Call) -> Response:
        return JSONResponse(copy.deepcopy(self._get_project(call)))

    def update_project(self, call: Call) -> Response:
        project = self._get_project(call)
        body = call.json_object()
        checker = Checker()
        checker.optional_text(body, "description")
        checker.resources(body)
        checker.string_list(body, "defaultNodePools")
        if body.get("schedulingRules") is not None and not isinstance(body["schedulingRules"], dict):
            checker.fail("schedulingRules", "must be an object")
        checker.check()
        for key in ("description", "resources", "defaultNodePools", "schedulingRules"):
            if key in body:
                project[key] = copy.deepcopy(body[key])
        self._audit(call, "Update", "project", project["id"])
        return JSONResponse(copy.deepcopy(project))

    def delete_project(self, call: Call) -> Response:
        project = self._get_project(call)
        del self.projects[project["id"]]
        self._audit(call, "Delete", "project", project["id"])
        return Response(status_code=204)

    def getProjects(self, call: Call) -> Response:  # the spec's operationId
        cluster = call.params["clusterId"]
        if cluster not in self.clusters:
            raise ApiError(404, f"Cluster {cluster} was not found.")
        legacy = []
        for p in self.projects.values():
            if p["clusterId"] != cluster:
                continue
            department = self.departments.get(p["parentId"])
            gpus = sum((r.get("gpu") or {}).get("deserved") or 0.0 for r in (department or {}).get("resources", []))
            legacy.append({
                "id": int(p["id"]), "name": p["name"], "clusterUuid": cluster,
                "departmentId": int(p["parentId"]) if department else None,
                "department": {"id": int(department["id"]), "name": department["name"], "deservedGpus": gpus,
                               "allowOverQuota": True} if department else None,
                "deservedGpus": sum((r.get("gpu") or {}).get("deserved") or 0.0 for r in p.get("resources") or []),
                "createdAt": p["createdAt"],
            })
        return JSONResponse(legacy, headers={"Deprecation": "true"})

    def get_clusters(self, call: Call) -> Response:
        verbosity = call.enum_param("verbosity", ("meta", "full"), "meta")
        clusters = list(self.clusters.values())
        if verbosity == "meta":
            return JSONResponse([{"uuid": c["uuid"], "name": c["name"]} for c in clusters])
        return JSONResponse(copy.deepcopy(clusters))

    # -- workloads -------------------------------------------------------------------------------

    def _get_workload(self, call: Call) -> dict[str, Any]:
        workload = self.workloads.get(call.params["workloadId"])
        if workload is None:
            raise ApiError(404, f"Workload {call.params['workloadId']} was not found.")
        return workload

    def _listed_workloads(self, call: Call) -> list[dict[str, Any]]:
        deleted = call.bool_param("deleted", False)
        # Not copied: filters only read them, and a page is copied when answered (10,000 workloads stay cheap).
        found = [w for w in self.workloads.values() if deleted or not w["deleted"]]
        return apply_filters(found, call)

    @staticmethod
    def _public(workload: dict[str, Any]) -> dict[str, Any]:
        return {k: copy.deepcopy(v) for k, v in workload.items() if k != "deleted"}

    def get_workloads(self, call: Call) -> Response:
        found = self._listed_workloads(call)
        since = call.instant_param("from")
        if since is not None:
            found = [w for w in found if parse_instant(w["createdAt"]) >= since]
        found.sort(key=lambda w: parse_instant(w["createdAt"]))
        found = sort_items(found, call, ("name", "type", "phase", "projectName", "clusterId", "createdAt"), None)
        page, following = paginate(found, call)
        return JSONResponse({"workloads": [self._public(w) for w in page], "next": following})

    def submit_workload(self, call: Call) -> Response:
        body = call.json_object()
        checker = Checker()
        checker.name(body)
        project_id = body.get("projectId")
        project = self.projects.get(project_id) if isinstance(project_id, str) else None
        if project is None:
            checker.fail("projectId", f"no project {project_id!r}")
        self._cluster(checker, body)
        if project is not None and body.get("clusterId") != project["clusterId"]:
            checker.fail("clusterId", f"project {project['id']} is in cluster {project['clusterId']}")
        if body.get("type") not in ("Training", "Workspace", "Inference", "Distributed"):
            checker.fail("type", "must be one of Training, Workspace, Inference, Distributed")
        spec = body.get("spec")
        if not isinstance(spec, dict):
            checker.fail("spec", "required object")
        else:
            if not isinstance(spec.get("image"), str) or not spec["image"]:
                checker.fail("spec.image", "required non-empty string")
            compute = spec.get("compute")
            if compute is not None and not isinstance(compute, dict):
                checker.fail("spec.compute", "must be an object")
            elif compute and compute.get("gpuDevicesRequest") is not None and (
                    not isinstance(compute["gpuDevicesRequest"], int) or compute["gpuDevicesRequest"] < 0):
                checker.fail("spec.compute.gpuDevicesRequest", "must be an integer >= 0")
        checker.check()
        assert project is not None and isinstance(spec, dict)
        if any(w["name"] == body["name"] and w["projectId"] == project["id"] and not w["deleted"]
               for w in self.workloads.values()):
            raise ApiError(409, f"A workload named {body['name']!r} already exists in project {project['id']}.")
        workload_id = str(uuid.uuid4())
        workload = {
            "id": workload_id, "name": body["name"], "type": body["type"], "phase": "Creating", "phaseMessage": None,
            "projectId": project["id"], "projectName": project["name"], "clusterId": body["clusterId"],
            "createdAt": now_iso(), "submittedBy": call.subject, "priority": 100 if body["type"] == "Workspace" else 50,
            "compute": copy.deepcopy(spec.get("compute") or {}), "allocatedGpus": 0.0, "conditions": [],
            "suspended": False, "runningPods": 0, "labels": dict(spec.get("labels") or {}), "deleted": False,
        }
        self.workloads[workload_id] = workload
        self.jobs.submitted(workload_id)
        self._event(workload_id, "Submitted", f"workload {body['name']} submitted by {call.subject}")
        self._audit(call, "Create", "workload", workload_id)
        return JSONResponse(self._public(workload), status_code=202,
                            headers={"Location": f"/api/v1/workloads/{workload_id}"})

    def count_workloads(self, call: Call) -> Response:
        return JSONResponse({"count": len(self._listed_workloads(call))})

    def get_workload(self, call: Call) -> Response:
        workload = self._get_workload(call)
        self.jobs.polled(workload)
        return JSONResponse(self._public(workload))

    def delete_workload(self, call: Call) -> Response:
        workload = self._get_workload(call)
        if workload["deleted"]:
            raise ApiError(404, f"Workload {workload['id']} was already deleted.")
        workload.update(deleted=True, phase="Deleting", runningPods=0)
        self._event(workload["id"], "Deleting", f"deleted by {call.subject}")
        self._audit(call, "Delete", "workload", workload["id"])
        return self._accepted(call, f"Workload {workload['name']} is being deleted.")

    def suspend_workload(self, call: Call) -> Response:
        workload = self._get_workload(call)
        if workload["deleted"] or workload["phase"] in ("Suspending", "Suspended", "Completed", "Failed", "Deleting"):
            raise ApiError(409, f"Workload {workload['name']} cannot be suspended in phase {workload['phase']}.")
        workload.update(phase="Suspended", suspended=True, runningPods=0, phaseMessage=f"suspended by {call.subject}")
        self._event(workload["id"], "Suspended", f"suspended by {call.subject}")
        self._audit(call, "Update", "workload", workload["id"])
        return self._accepted(call, f"Workload {workload['name']} is being suspended.")

    def resume_workload(self, call: Call) -> Response:
        workload = self._get_workload(call)
        if workload["deleted"] or not workload["suspended"]:
            raise ApiError(409, f"Workload {workload['name']} is not suspended (phase {workload['phase']}).")
        workload.update(phase="Running", suspended=False, runningPods=1, phaseMessage=None)
        self._event(workload["id"], "Resumed", f"resumed by {call.subject}")
        self._audit(call, "Update", "workload", workload["id"])
        return self._accepted(call, f"Workload {workload['name']} is being resumed.")

    def get_workload_logs(self, call: Call) -> Response:
        workload = self._get_workload(call)
        tail = call.int_param("tailLines", 0, 1, 10000) if call.first("tailLines") is not None else None
        timestamps = call.bool_param("timestamps", False)
        follow = call.bool_param("follow", False)
        lines = [f"epoch {i} loss {1 / (i + 1):.3f} — {workload['name']}, café" for i in range(1, 6)]
        if timestamps:
            lines = [f"2024-05-01T10:0{i}:00Z {line}" for i, line in enumerate(lines)]
        if tail is not None:
            lines = lines[-tail:]
        if not follow:
            return Response("".join(f"{line}\n" for line in lines), media_type="text/plain; charset=utf-8")
        parts: list[StreamPart] = []
        for line in lines:
            parts += [f"{line}\n".encode(), 0.01]
        return self._streamed("text/plain; charset=utf-8", tuple(parts))

    def follow_workload_logs(self, call: Call) -> Response:
        workload = self._get_workload(call)
        events = [f"event: log\nid: {i}\ndata: {json.dumps({'line': f'epoch {i} loss {1 / (i + 1):.3f}', 'pod': workload['name']})}\n\n"
                  for i in range(1, 4)]
        return self._streamed("text/event-stream", tuple(e.encode() for e in [*events, "data: [DONE]\n\n"]))

    def stream_workload_events(self, call: Call) -> Response:
        workload = self._get_workload(call)
        lines = [json.dumps(event) + "\n" for event in self.events.get(workload["id"], [])]
        return self._streamed("application/x-ndjson", tuple(line.encode() for line in lines))

    def upload_workload_artifact(self, call: Call) -> Response:
        """The multipart upload: the file part hashed, the other parts read as the spec describes them."""
        workload = self._get_workload(call)
        try:
            form = read_multipart(call.headers.get("content-type", ""), call.body)
        except ValueError as exc:
            raise ApiError(400, f"the body is not multipart/form-data: {exc}") from None
        file = form.part("file")
        artifact: dict[str, Any] = {"name": file.filename or "file", "size": file.size, "sha256": file.sha256,
                                    "contentType": file.content_type or ""}
        for part in form.parts:
            if part.name == "description":
                artifact["description"] = part.text
            elif part.name == "labels":
                if part.content_type != "application/json":
                    raise ApiError(400, f"labels must be an application/json part, not {part.content_type}")
                artifact["labels"] = json.loads(part.text)
            elif part.name == "tags":
                artifact.setdefault("tags", []).append(part.text)
        self.artifacts[(workload["id"], artifact["name"])] = artifact
        return JSONResponse(artifact, status_code=201)

    def put_workload_artifact(self, call: Call) -> Response:
        workload = self._get_workload(call)
        if call.content_type() != "application/octet-stream":
            raise ApiError(400, f"expected an application/octet-stream body, got {call.content_type() or 'none'}")
        name = call.params["artifactName"]
        artifact = {"name": name, "size": len(call.body), "sha256": hashlib.sha256(call.body).hexdigest(),
                    "contentType": call.content_type()}
        self.artifacts[(workload["id"], name)] = artifact
        return JSONResponse(artifact)

    def get_workload_events(self, call: Call) -> Response:
        workload = self._get_workload(call)
        events = copy.deepcopy(self.events.get(workload["id"], []))
        events.sort(key=lambda e: e["createdAt"], reverse=call.enum_param("sortOrder", ("asc", "desc"), "asc") == "desc")
        page, following = paginate(events, call)
        return JSONResponse({"events": page, "next": following})

    # -- nodes and node pools --------------------------------------------------------------------

    def get_nodes(self, call: Call) -> Response:
        page, following = paginate(apply_filters(copy.deepcopy(self.nodes), call), call)
        return JSONResponse({"nodes": page, "next": following})

    def get_node_pools(self, call: Call) -> Response:
        cluster = call.first("clusterId")
        if cluster is not None and not _is_uuid(cluster):
            raise ApiError(400, "clusterId must be a uuid", details={"clusterId": f"not a uuid: {cluster!r}"})
        return JSONResponse([copy.deepcopy(p) for p in self.node_pools.values()
                             if cluster is None or p["clusterId"] == cluster])

    def _get_node_pool(self, call: Call) -> dict[str, Any]:
        pool = self.node_pools.get(call.params["nodepoolId"])
        if pool is None:
            raise ApiError(404, f"Node pool {call.params['nodepoolId']} was not found.")
        return pool

    def get_node_pool(self, call: Call) -> Response:
        return JSONResponse(copy.deepcopy(self._get_node_pool(call)))

    def update_node_pool(self, call: Call) -> Response:
        pool = self._get_node_pool(call)
        body = call.json_object()
        checker = Checker()
        for unknown in sorted(set(body) - {"labelKey", "labelValue", "overProvisioningRatio", "placementStrategy"}):
            checker.fail(unknown, "unknown field (additionalProperties: false)")
        for key in ("labelKey", "labelValue"):
            if key in body and body[key] is not None and not isinstance(body[key], str):
                checker.fail(key, "must be a string or null")
        ratio = body.get("overProvisioningRatio")
        if "overProvisioningRatio" in body and (isinstance(ratio, bool) or not isinstance(ratio, int)
                                                or not 1 <= ratio <= 5):
            checker.fail("overProvisioningRatio", "must be an integer in [1, 5]")
        strategy = body.get("placementStrategy")
        if "placementStrategy" in body:
            if not isinstance(strategy, dict):
                checker.fail("placementStrategy", "must be an object")
            else:
                for key, value in strategy.items():
                    if key not in ("gpu", "cpu") or value not in ("binpack", "spread", ""):
                        checker.fail(f"placementStrategy.{key}", "must be binpack, spread or ''")
        checker.check()
        for key, value in body.items():
            pool[key] = {**pool["placementStrategy"], **value} if key == "placementStrategy" else value
        pool["updatedAt"] = now_iso()
        self._audit(call, "Update", "nodePool", pool["id"])
        return JSONResponse(copy.deepcopy(pool))

    def download_cli(self, call: Call) -> Response:
        os_name, arch = call.params["os"], call.params["arch"]
        if arch not in CLI_PLATFORMS.get(os_name, ()):
            raise ApiError(404, f"There is no CLI for {os_name}/{arch}.")
        filename = f"cp-{os_name}-{arch}" + (".exe" if os_name == "windows" else "")
        binary = cli_binary(os_name, arch)
        headers = {"Content-Disposition": f'attachment; filename="{filename}"', "Content-Length": str(len(binary))}
        return self._streamed("application/octet-stream", (binary,), headers)

    # -- audit -----------------------------------------------------------------------------------

    def _audit_window(self, call: Call) -> tuple[list[dict[str, Any]], str, str | None]:
        since = call.instant_param("from", required=True)
        until = call.instant_param("to")
        assert since is not None
        logs = [copy.deepcopy(entry) for entry in self.audit_log
                if parse_instant(entry["timestamp"]) >= since
                and (until is None or parse_instant(entry["timestamp"]) < until)]
        return logs, str(call.first("from")), call.first("to")

    def get_audit_logs(self, call: Call) -> Response:
        logs, since, until = self._audit_window(call)
        actions = call.all("action")
        unknown = set(actions) - {"Create", "Update", "Delete", "Login", "Logout"}
        if unknown:
            raise ApiError(400, f"unknown action {sorted(unknown)}", details={"action": "unknown value"})
        if actions:
            logs = [entry for entry in logs if entry["action"] in actions]
        page, following = paginate(logs, call)
        return JSONResponse({"logs": page, "timeRange": {"from": since, "to": until}, "next": following})

    def list_audit_records(self, call: Call) -> Response:
        limit = call.int_param("limit", 50, 1, 500)
        cursor = call.first("cursor")
        start = 0
        if cursor is not None:
            try:
                start = int(base64.urlsafe_b64decode(cursor.encode()).decode().removeprefix("after:"))
            except (ValueError, binascii.Error):
                raise ApiError(400, "cursor is not one this server gave", details={"cursor": "unknown"}) from None
        page = [copy.deepcopy(entry) for entry in self.audit_log[start:start + limit]]
        following = limit if self.repeat_cursor else start + limit
        token = base64.urlsafe_b64encode(f"after:{following}".encode()).decode()
        return JSONResponse({"records": page, "nextCursor": token if start + limit < len(self.audit_log) else None})

    def list_audit_archive(self, call: Call) -> Response:
        page = call.int_param("page", 1, 1)
        per_page = call.int_param("perPage", 50, 1, 500)
        start = (page - 1) * per_page
        entries = [copy.deepcopy(entry) for entry in self.audit_log[start:start + per_page]]
        headers = {}
        if start + per_page < len(self.audit_log):
            headers["Link"] = (f'<{self.archive_origin}/api/v1/audit/archive?page={page + 1}&perPage={per_page}>; '
                               f'rel="next", </api/v1/audit/archive?page=1&perPage={per_page}>; rel="first"')
        return JSONResponse(entries, headers=headers)

    def download_audit_logs(self, call: Call) -> Response:
        logs, _, _ = self._audit_window(call)
        out = io.StringIO()
        writer = csv.writer(out)  # RFC 4180: CRLF line ends, fields quoted when needed
        columns = ("timestamp", "user", "action", "entityType", "entityId")
        writer.writerow(columns)
        for entry in logs:
            writer.writerow(["" if entry.get(c) is None else entry[c] for c in columns])
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="audit-logs.csv"'})
