# -*- coding: utf-8 -*-
"""Utilities with non-ASCII text: café, 日本語, emoji 🤗."""
__all__ = ["helper_suffix", "Base"]


class Base:
    """Basé."""

    def greet(self, name="wörld"):
        return f"héllo {name}"


def helper_suffix(value, /, *, strict=False):
    return value


def _private():
    pass
