"""The DuckDB store: versioned schema, one transaction per batch, queries for the CLI and report."""

from .duck import Store, open_store

__all__ = ["Store", "open_store"]
