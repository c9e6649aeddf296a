"""dyad: evidence-backed event data from news about international relations.

Library first: every CLI command is a thin layer over these functions.
"""

from ._version import __version__
from .api import RunSummary, clean_file, run
from .config import Options, load_options
from .errors import BadInput, ConfigError, DyadError, StoreError
from .export import export_events
from .model import (
    Actor,
    Analysis,
    Assessment,
    Claim,
    Document,
    Event,
    EventMention,
    Mention,
    Quantity,
    RawDocument,
    Sentence,
)
from .pipeline import Pipeline
from .store import Store, open_store

__all__ = [
    "Actor",
    "Analysis",
    "Assessment",
    "BadInput",
    "Claim",
    "ConfigError",
    "Document",
    "DyadError",
    "Event",
    "EventMention",
    "Mention",
    "Options",
    "Pipeline",
    "Quantity",
    "RawDocument",
    "RunSummary",
    "Sentence",
    "Store",
    "StoreError",
    "__version__",
    "clean_file",
    "export_events",
    "load_options",
    "open_store",
    "run",
]
