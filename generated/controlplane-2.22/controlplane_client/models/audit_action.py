"""The 'AuditAction' schema."""

from __future__ import annotations

from typing import Any

from specloom_runtime import OpenStrEnum


class AuditAction(OpenStrEnum):
    """The 'AuditAction' schema."""

    CREATE = 'Create'
    UPDATE = 'Update'
    DELETE = 'Delete'
    LOGIN = 'Login'
    LOGOUT = 'Logout'


def validate_audit_action(value: Any, path: str, problems: list[str]) -> None:
    """Append to ``problems`` what keeps ``value`` (JSON) from matching 'AuditAction'."""
    if value not in ('Create', 'Update', 'Delete', 'Login', 'Logout'):
        problems.append(f"{path}: must be one of 'Create', 'Update', 'Delete', 'Login', 'Logout'")
