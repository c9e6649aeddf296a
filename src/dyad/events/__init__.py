"""Events: the lexicon (data files), extraction from the dependency parse, and named past events."""

from .extract import Candidate, EventExtractor, Extraction
from .lexicon import Lexicon, Trigger, load_lexicon
from .named import NamedEvent, NamedEventMatch, NamedEvents, NamedEventsError, load_named_events

__all__ = ["Candidate", "EventExtractor", "Extraction", "Lexicon", "NamedEvent", "NamedEventMatch", "NamedEvents",
           "NamedEventsError", "Trigger", "load_lexicon", "load_named_events"]
