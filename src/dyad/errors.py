"""A small error hierarchy whose messages say what went wrong and how to fix it."""

from __future__ import annotations

__all__ = ["BadInput", "ConfigError", "DyadError", "StoreError"]


class DyadError(Exception):
    """Base of every error dyad raises on purpose."""


class BadInput(DyadError):
    """An input that cannot become a document (binary, empty, undecodable, too large, no text).

    ``reason`` is a short stable label stored in the quarantine table; ``detail`` says more.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


class ConfigError(DyadError):
    """A configuration value is missing or wrong."""


class StoreError(DyadError):
    """The database cannot be opened, migrated or written."""
