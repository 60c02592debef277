"""How to wait for the jobs the submit operations start."""

from __future__ import annotations

from specloom_runtime import Waiter

from .groups.workloads import _DELETE_WORKLOAD, _GET_WORKLOAD

WORKLOADS_SUBMIT_WORKLOAD = Waiter(
    name='submit_workload',
    status=_GET_WORKLOAD,
    id_parameter='workloadId',
    id_field=('id',),
    state_field=('phase',),
    success=('Completed',),
    failure=('Failed',),
    cancelled=('Deleting',),
    error_field=('phaseMessage',),
    cancel=_DELETE_WORKLOAD,
)
