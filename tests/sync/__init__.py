"""Sync tests: a real server on loopback, real terminals, faults injected between them."""
