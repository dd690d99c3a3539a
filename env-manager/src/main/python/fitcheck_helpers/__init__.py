"""Helpers that fitcheck runs inside a model's environment (standard library only)."""
