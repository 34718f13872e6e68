"""Qt item models over the service's data: no widgets, so tests can drive them alone."""
