"""The SDK's codegen plugin: what it changes in the client specloom generates for the control plane.

One plugin, four hooks (see :mod:`specloom.hookspecs` for each hook's contract):

- ``patch_document``: the spec's legacy cluster-projects listing has the camelCase operationId
  ``getProjects``, which the default rules turn into ``get_projects_2`` beside ``get_projects``;
  it is renamed ``list_cluster_projects`` in the raw document, before anything reads it;
- ``transform_api``: the ``AuditLogs`` group becomes ``records`` (``client.audit.records``);
- ``template_folders``: ``templates/group.py.jinja`` extends the built-in group template with a
  hand-written ``wait_until_running`` on the workloads group, in the sync and async classes;
- ``extra_files``: ships ``shipped/_running.py.txt`` as ``<package>/_running.py``, the runtime
  waiter ``wait_until_running`` polls with.

Every hook is a pure function of its arguments: same spec, same package.
"""

from __future__ import annotations

from pathlib import Path

from specloom.codegen_context import Generation, SpecDocument
from specloom.hookspecs import hookimpl
from specloom.ir import Api
from specloom.ir_edits import rename_group

HERE = Path(__file__).parent
#: The quirk: JSON pointer of the legacy listing's operationId in the root spec file.
LEGACY_LISTING = "/paths/~1v1~1k8s~1clusters~1{clusterId}~1projects/get/operationId"


class ControlPlaneSdk:
    """specloom codegen plugin of controlplane-sdk (entry point ``controlplane-sdk``)."""

    @hookimpl
    def patch_document(self, document: SpecDocument) -> None:
        if document.has(LEGACY_LISTING) and document.get(LEGACY_LISTING) == "getProjects":
            document.set(LEGACY_LISTING, "list_cluster_projects")

    @hookimpl
    def transform_api(self, api: Api) -> Api | None:
        if not any(group.name == "AuditLogs" for group in api.groups):
            return None
        return rename_group(api, "AuditLogs", "records")

    @hookimpl
    def template_folders(self) -> list[Path]:
        return [HERE / "templates"]

    @hookimpl
    def extra_files(self, api: Api, generation: Generation) -> dict[str, str] | None:
        if not any(group.name == "Workloads" for group in api.groups):
            return None
        helper = (HERE / "shipped" / "_running.py.txt").read_text(encoding="utf-8")
        return {f"{generation.package.package}/_running.py": helper}
