"""A small, in-memory implementation of the reference control plane 2.24 (specs/controlplane/2.24/openapi.yaml).

It serves a handful of the spec's endpoints the way a real control plane would:
routes match on the path *as sent* (each ``/``-separated segment percent-decoded
on its own, so an id holding ``/`` only matches when the client escaped it),
query parameters are read with their spec serialisation (``filterBy`` is one
comma-separated value, ``action`` repeats), bodies are parsed by content type,
and errors come back as the spec's ``ErrorResponse``. Being a
:class:`RecordingApp`, it also keeps every request exactly as it arrived.
"""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, unquote

from starlette.responses import JSONResponse, Response

from tests.integration.servers import RecordedRequest, RecordingApp

CLUSTER_ID = "6f0e8f8c-7c1b-4a53-9d1e-3c1f0b9d2a11"
OTHER_CLUSTER_ID = "0b7c6c1e-2f43-4d5e-9a8b-1c2d3e4f5a6b"
WORKLOAD_ID = "3d7c1d7e-96a4-4a3c-8d2f-0f4b8e2a6c11"
UNKNOWN_PHASE_WORKLOAD_ID = "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
#: A workload the server stores without its required ``createdAt``: reading it must fail cleanly.
BROKEN_WORKLOAD_ID = "00000000-0000-4000-8000-00000000dead"
#: Path values that only survive the trip when every segment is escaped in full.
TRICKY_IDS = ("a_b/c d", "x?y#z%20&w=1+2")

SERVICE_ACCOUNT = ("svc-train", "s3 cr&t=+/?")
LOG_LINES = ["epoch 1 loss 0.82", "epoch 2 loss 0.61", "epoch 3 loss 0.47 — done, café"]
CLI_BINARY = b"\x7fELF\x02\x01\x01\x00\x00\xff\xfe\x00binary\r\n"

Handler = Callable[[RecordedRequest, dict[str, str]], Response]


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"code": status, "message": message}, status_code=status)


def parse_instant(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


def match(template: str, raw_path: str) -> dict[str, str] | None:
    """The path parameters of ``raw_path`` if it fits ``template``; segments are decoded one by one."""
    wanted, sent = template.split("/"), raw_path.split("/")
    if len(wanted) != len(sent):
        return None
    params: dict[str, str] = {}
    for pattern, segment in zip(wanted, sent, strict=True):
        if pattern.startswith("{") and pattern.endswith("}"):
            params[pattern[1:-1]] = unquote(segment)
        elif pattern != segment:
            return None
    return params


def seed_departments() -> dict[str, dict[str, Any]]:
    research = {
        "name": "research",
        "description": None,
        "clusterId": CLUSTER_ID,
        "resources": [{"nodePool": {"id": "1", "name": "default"}, "gpu": {"deserved": 8.0, "limit": None, "overQuotaWeight": 2}}],
        "id": "7",
        "createdAt": "2024-04-01T08:30:00+00:00",
        "updatedAt": None,
        "children": [
            {"id": "42", "name": "vision", "kind": "project", "children": []},
            {"id": "43", "name": "nlp", "kind": "project", "children": [{"id": "44", "name": "nlp-sub", "kind": "project"}]},
        ],
        # Not in the 2.24 spec: must be kept, not dropped.
        "costCenter": {"code": "CC-1", "tags": ["gpu"]},
    }
    departments = {"7": research}
    for i, tricky in enumerate(TRICKY_IDS):
        departments[tricky] = {
            "name": f"tricky-{i}",
            "clusterId": CLUSTER_ID,
            "id": tricky,
            "createdAt": "2024-04-02T08:30:00+00:00",
        }
    return departments


def seed_projects() -> dict[str, dict[str, Any]]:
    def project(pid: str, name: str, cluster: str, created: str) -> dict[str, Any]:
        return {
            "name": name,
            "parentId": "7",
            "clusterId": cluster,
            "id": pid,
            "createdAt": created,
            "status": "Ready",
            "namespace": f"runai-{name}",
            "defaultNodePools": ["default"],
        }

    return {
        "42": project("42", "train-vision", CLUSTER_ID, "2024-04-03T09:00:00+00:00"),
        "43": project("43", "nlp", CLUSTER_ID, "2024-04-04T09:00:00+00:00"),
        "45": project("45", "train-speech", OTHER_CLUSTER_ID, "2024-04-05T09:00:00+00:00"),
    }


def seed_workloads() -> dict[str, dict[str, Any]]:
    return {
        WORKLOAD_ID: {
            "id": WORKLOAD_ID,
            "name": "train-resnet",
            "type": "Training",
            "phase": "Running",
            "projectId": "42",
            "projectName": "train-vision",
            "clusterId": CLUSTER_ID,
            "createdAt": "2024-05-01T10:00:00+00:00",
            "priority": 50,
            "compute": {"gpuDevicesRequest": 2, "gpuRequestType": "None"},
            "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2024-05-01T10:01:00+00:00"}],
            "runningPods": 2,
            "labels": {"team": "vision"},
        },
        UNKNOWN_PHASE_WORKLOAD_ID: {
            "id": UNKNOWN_PHASE_WORKLOAD_ID,
            "name": "notebook",
            "type": "Workspace",
            # Phases added after 2.24: this client must still read them.
            "phase": "Hibernating",
            "projectId": "43",
            "clusterId": CLUSTER_ID,
            "createdAt": "2024-05-03T12:00:00+00:00",
            "conditions": [{"type": "Ready", "status": "Degraded-ish"}],
            "gpuTopology": {"nvlink": True, "islands": [[0, 1], [2, 3]]},
        },
        "deleted-1": {
            "id": "5b5b5b5b-0000-4000-8000-000000000001",
            "name": "old",
            "type": "Training",
            "phase": "Completed",
            "projectId": "42",
            "clusterId": CLUSTER_ID,
            "createdAt": "2024-03-01T10:00:00+00:00",
            "deleted": True,
        },
        BROKEN_WORKLOAD_ID: {
            "id": BROKEN_WORKLOAD_ID,
            "name": "broken",
            "type": "Training",
            "phase": "Failed",
            "projectId": "42",
            "clusterId": CLUSTER_ID,
        },
    }


AUDIT_LOGS = [
    {"timestamp": "2024-05-01T10:00:00+00:00", "user": "alice@example.com", "action": "Create",
     "entityType": "project", "entityId": "42", "success": True},
    {"timestamp": "2024-05-01T11:00:00+00:00", "user": "bob@example.com", "action": "Delete",
     "entityType": "workload", "entityId": "7", "success": True},
    {"timestamp": "2024-05-02T09:00:00+00:00", "user": None, "action": "Login",
     "entityType": "session", "entityId": None, "success": False, "sourceIp": "10.0.0.1"},
]


class ControlPlane(RecordingApp):
    """The reference control plane, in memory; ``requests``/``take()`` show what arrived."""

    def __init__(self) -> None:
        super().__init__(self.dispatch)
        self.departments = seed_departments()
        self.projects = seed_projects()
        self.workloads = seed_workloads()
        self.node_pools: dict[str, dict[str, Any]] = {
            "3": {"id": "3", "name": "a100", "clusterId": CLUSTER_ID, "createdAt": "2024-04-01T00:00:00+00:00",
                  "overProvisioningRatio": 1, "placementStrategy": {"gpu": "binpack", "cpu": ""}, "status": "Ready"}
        }
        self.routes: list[tuple[str, str, Handler]] = [
            ("POST", "/api/v2/token", self.grant_token_v2),
            ("GET", "/api/v1/org-unit/departments/{department-id}", self.get_department),
            ("POST", "/api/v1/org-unit/departments", self.create_department),
            ("GET", "/api/v1/org-unit/projects", self.get_projects),
            ("POST", "/api/v1/org-unit/projects", self.create_project),
            ("GET", "/api/v1/org-unit/projects/{projectId}", self.get_project),
            ("PUT", "/api/v1/org-unit/projects/{projectId}", self.update_project),
            ("GET", "/v1/k8s/clusters/{clusterId}/projects", self.get_legacy_projects),
            ("GET", "/api/v1/workloads", self.get_workloads),
            ("GET", "/api/v1/workloads/{workloadId}", self.get_workload),
            ("GET", "/api/v1/workloads/{workloadId}/logs", self.get_workload_logs),
            ("PUT", "/api/v1/node-pools/{nodepoolId}", self.update_node_pool),
            ("GET", "/api/v1/cli/{os}/{arch}", self.download_cli),
            ("GET", "/api/v1/audit/logs", self.get_audit_logs),
            ("GET", "/api/v1/audit/logs/download", self.download_audit_logs),
        ]

    def dispatch(self, request: RecordedRequest) -> Response:
        for method, template, handler in self.routes:
            if method == request.method and (params := match(template, request.raw_path)) is not None:
                return handler(request, params)
        return error(404, f"no route for {request.method} {request.raw_path}")

    # -- helpers ---------------------------------------------------------------------------------

    @staticmethod
    def json_body(request: RecordedRequest) -> Any:
        if not (request.header("content-type") or "").startswith("application/json"):
            raise ValueError(f"expected application/json, got {request.header('content-type')!r}")
        return json.loads(request.body)

    @staticmethod
    def query(request: RecordedRequest) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for key, value in request.query_pairs():
            out.setdefault(key, []).append(value)
        return out

    # -- tokens ----------------------------------------------------------------------------------

    def grant_token_v2(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        if request.header("content-type") != "application/x-www-form-urlencoded":
            return error(400, f"expected a form body, got {request.header('content-type')!r}")
        form = dict(parse_qsl(request.body.decode(), keep_blank_values=True, strict_parsing=True))
        if form.get("grant_type") != "client_credentials":
            return error(400, f"unsupported grant_type {form.get('grant_type')!r}")
        if (form.get("client_id"), form.get("client_secret")) != SERVICE_ACCOUNT:
            return error(401, "bad client credentials")
        return JSONResponse({"accessToken": f"token-for-{form['client_id']}", "expiresIn": 3600, "tokenType": "Bearer"})

    # -- departments -----------------------------------------------------------------------------

    def get_department(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        department = self.departments.get(params["department-id"])
        if department is None:
            return error(404, f"Department {params['department-id']} was not found.")
        return JSONResponse(department)

    def create_department(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        try:
            body = self.json_body(request)
        except ValueError as exc:
            return error(400, str(exc))
        if not isinstance(body, dict) or not {"name", "clusterId"} <= body.keys():
            return error(400, "name and clusterId are required")
        if any(d["name"] == body["name"] for d in self.departments.values()):
            return error(409, f"a department named {body['name']!r} exists")
        new_id = str(100 + len(self.departments))
        department = {**body, "id": new_id, "createdAt": "2024-05-05T00:00:00+00:00"}
        self.departments[new_id] = department
        return JSONResponse(department, status_code=201, headers={"Location": f"/api/v1/org-unit/departments/{new_id}"})

    # -- projects --------------------------------------------------------------------------------

    def get_projects(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        query = self.query(request)
        if len(query.get("filterBy", [])) > 1:
            return error(400, "filterBy is one comma-separated value (style form, explode false)")
        projects = list(self.projects.values())
        for rule in (query["filterBy"][0].split(",") if "filterBy" in query else []):
            if "==" in rule:
                field, value = rule.split("==", 1)
                projects = [p for p in projects if str(p.get(field)) == value]
            elif "=@" in rule:
                field, value = rule.split("=@", 1)
                projects = [p for p in projects if value in str(p.get(field))]
            else:
                return error(400, f"unsupported filter {rule!r}")
        sort_by = query.get("sortBy", ["name"])[0]
        projects.sort(key=lambda p: str(p.get(sort_by)), reverse=query.get("sortOrder", ["asc"])[0] == "desc")
        offset = int(query.get("offset", ["0"])[0])
        limit = int(query.get("limit", ["50"])[0])
        page = projects[offset : offset + limit]
        following = offset + limit if offset + limit < len(projects) else None
        return JSONResponse({"projects": page, "next": following})

    def create_project(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        try:
            body = self.json_body(request)
        except ValueError as exc:
            return error(400, str(exc))
        missing = {"name", "parentId", "clusterId"} - set(body)
        if missing:
            return error(400, f"missing {sorted(missing)}")
        new_id = str(200 + len(self.projects))
        project = {**body, "id": new_id, "createdAt": "2024-05-06T00:00:00+00:00", "status": "Creating"}
        self.projects[new_id] = project
        return JSONResponse(project, status_code=201)

    def get_project(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        project = self.projects.get(params["projectId"])
        if project is None:
            return error(404, f"Project {params['projectId']} was not found.")
        return JSONResponse(project)

    def update_project(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        project = self.projects.get(params["projectId"])
        if project is None:
            return error(404, f"Project {params['projectId']} was not found.")
        try:
            body = self.json_body(request)
        except ValueError as exc:
            return error(400, str(exc))
        if not isinstance(body, dict):
            return error(400, "the body must be an object")
        project.update(copy.deepcopy(body))
        return JSONResponse(project)

    def get_legacy_projects(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        cluster = params["clusterId"]
        if cluster not in (CLUSTER_ID, OTHER_CLUSTER_ID):
            return error(404, f"Cluster {cluster} was not found.")
        legacy = [
            {"id": int(p["id"]), "name": p["name"], "clusterUuid": p["clusterId"], "departmentId": 7,
             "department": {"id": 7, "name": "research", "deservedGpus": 8.0, "allowOverQuota": True},
             "createdAt": p["createdAt"]}
            for p in self.projects.values()
            if p["clusterId"] == cluster
        ]
        return JSONResponse(legacy)

    # -- workloads -------------------------------------------------------------------------------

    def get_workloads(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        query = self.query(request)
        deleted = query.get("deleted", ["false"])[0]
        if deleted not in ("true", "false"):
            return error(400, f"deleted must be true or false, got {deleted!r}")
        found = [w for w in self.workloads.values() if w.get("createdAt") and (deleted == "true" or not w.get("deleted"))]
        if "from" in query:
            since = parse_instant(query["from"][0])
            found = [w for w in found if parse_instant(w["createdAt"]) >= since]
        found.sort(key=lambda w: w["createdAt"])
        return JSONResponse({"workloads": found, "next": None})

    def get_workload(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        workload = self.workloads.get(params["workloadId"])
        if workload is None:
            return error(404, f"Workload {params['workloadId']} was not found.")
        return JSONResponse(workload)

    def get_workload_logs(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        if params["workloadId"] not in self.workloads:
            return error(404, f"Workload {params['workloadId']} was not found.")
        lines = LOG_LINES
        tail = self.query(request).get("tailLines")
        if tail:
            lines = lines[-int(tail[0]) :]
        return Response("\n".join(lines) + "\n", media_type="text/plain; charset=utf-8")

    # -- node pools, CLI, audit ------------------------------------------------------------------

    def update_node_pool(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        pool = self.node_pools.get(params["nodepoolId"])
        if pool is None:
            return error(404, f"Node pool {params['nodepoolId']} was not found.")
        body = self.json_body(request)
        unknown = set(body) - {"labelKey", "labelValue", "overProvisioningRatio", "placementStrategy"}
        if unknown:  # additionalProperties: false
            return error(400, f"unknown fields {sorted(unknown)}")
        for key, value in body.items():
            if key == "placementStrategy":
                pool[key] = {**pool.get(key, {}), **value}
            else:
                pool[key] = value
        pool["updatedAt"] = "2024-05-07T00:00:00+00:00"
        return JSONResponse(pool)

    def download_cli(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        if params["os"] not in ("linux", "darwin", "windows") or params["arch"] not in ("amd64", "arm64"):
            return error(404, f"no CLI for {params['os']}/{params['arch']}")
        content = CLI_BINARY + f"{params['os']}/{params['arch']}".encode()
        return Response(content, media_type="application/octet-stream")

    def _audit_window(self, request: RecordedRequest) -> tuple[list[dict[str, Any]], str, str | None] | Response:
        query = self.query(request)
        if "from" not in query:
            return error(400, "from is required")
        since = parse_instant(query["from"][0])
        until = parse_instant(query["to"][0]) if "to" in query else None
        logs = [
            log for log in AUDIT_LOGS
            if parse_instant(log["timestamp"]) >= since and (until is None or parse_instant(log["timestamp"]) < until)
        ]
        return logs, query["from"][0], query["to"][0] if "to" in query else None

    def get_audit_logs(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        window = self._audit_window(request)
        if isinstance(window, Response):
            return window
        logs, since, until = window
        actions = self.query(request).get("action")
        if actions:
            logs = [log for log in logs if log["action"] in actions]
        return JSONResponse({"logs": logs, "timeRange": {"from": since, "to": until}, "next": None})

    def download_audit_logs(self, request: RecordedRequest, params: dict[str, str]) -> Response:
        window = self._audit_window(request)
        if isinstance(window, Response):
            return window
        logs, _, _ = window
        rows = ["timestamp,user,action,entityType,entityId"]
        rows += [",".join(str(log.get(k) or "") for k in ("timestamp", "user", "action", "entityType", "entityId")) for log in logs]
        return Response("\n".join(rows) + "\n", media_type="text/csv")
