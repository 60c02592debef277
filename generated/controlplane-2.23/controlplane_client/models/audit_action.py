"""The 'AuditAction' schema."""

from __future__ import annotations

from specloom_runtime import OpenStrEnum


class AuditAction(OpenStrEnum):
    """The 'AuditAction' schema."""

    CREATE = 'Create'
    UPDATE = 'Update'
    DELETE = 'Delete'
    LOGIN = 'Login'
    LOGOUT = 'Logout'
