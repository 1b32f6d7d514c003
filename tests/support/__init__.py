"""Helpers shared by tests, benchmarks and the demo (stand-in servers, test images)."""
