"""Operation groups, one module per tag of the spec."""
