"""specloom: one typed Python client package per control-plane release."""

__version__ = "0.1.0"
