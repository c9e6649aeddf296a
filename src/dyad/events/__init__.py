"""Events: the lexicon (data files) and extraction from the dependency parse."""

from .extract import Candidate, EventExtractor, Extraction
from .lexicon import Lexicon, Trigger, load_lexicon

__all__ = ["Candidate", "EventExtractor", "Extraction", "Lexicon", "Trigger", "load_lexicon"]
