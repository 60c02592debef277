"""The runtime's version, for the User-Agent header and the package metadata."""

__version__ = "0.1.0"
