"""Features of one line of a scraped page, and the vocabularies (boilerplate.yaml) they use.

A line is judged by what it looks like — its length in words, whether it ends like a sentence,
separators, link-likeness, the share of common words, capitalised and one-letter tokens, words
of interface or cookie notices — never by comparing it with known boilerplate strings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["Line", "Vocabulary", "make_line", "normalise", "vocabulary"]

WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
URL_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The word lists of boilerplate.yaml, as sets and compiled patterns."""

    interface_words: frozenset[str]
    list_header_words: frozenset[str]
    list_cues: tuple[str, ...]
    cookie_terms: tuple[str, ...]
    copyright_re: re.Pattern[str]
    newsletter_terms: tuple[str, ...]
    bio_roles: frozenset[str]
    date_cues: frozenset[str]
    byline_cues: frozenset[str]
    stop_words: frozenset[str]


def _words(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"boilerplate.yaml: {key} must be a list")
    bad = [v for v in value if not isinstance(v, str)]
    if bad:
        raise ValueError(f"boilerplate.yaml: {key} has non-text entries {bad!r} (quote on/off/yes/no)")
    return [v.lower() for v in value]


@cache
def vocabulary() -> Vocabulary:
    """Load the shipped vocabularies once."""
    raw = resources.files("dyad.clean").joinpath("boilerplate.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    if not isinstance(data, dict):
        raise ValueError("boilerplate.yaml must be a mapping")
    patterns = _words(data, "copyright_patterns")
    return Vocabulary(
        interface_words=frozenset(_words(data, "interface_words")),
        list_header_words=frozenset(_words(data, "list_header_words")),
        list_cues=tuple(_words(data, "list_cues")),
        cookie_terms=tuple(_words(data, "cookie_terms")),
        copyright_re=re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE),
        newsletter_terms=tuple(_words(data, "newsletter_terms")),
        bio_roles=frozenset(_words(data, "bio_roles")),
        date_cues=frozenset(_words(data, "date_cues")),
        byline_cues=frozenset(_words(data, "byline_cues")),
        stop_words=frozenset(_words(data, "stop_words")),
    )


def normalise(text: str) -> str:
    """Lower-case, unify quotes and collapse spaces: the form used to compare lines."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return SPACE_RE.sub(" ", text).strip()


@dataclass(slots=True)
class Line:
    """One non-blank line (or a block of wrapped lines) with the features the filter uses."""

    number: int                 # 1-based line number in the input
    text: str                   # stripped text
    words: list[str]
    sentence_end: bool
    stop_share: float
    capital_share: float
    one_letter_share: float
    pipes: int
    links: int
    norm: str
    lower_words: list[str] = field(default_factory=list)
    lower_set: frozenset[str] = frozenset()
    lines: list[int] = field(default_factory=list)
    reason: str | None = None   # set when the line is dropped

    @property
    def n_words(self) -> int:
        return len(self.words)

    def is_long(self) -> bool:
        """Prose: a paragraph long enough, ending like a sentence (or very long)."""
        if self.n_words >= 30:
            return True
        return self.n_words >= 12 and self.sentence_end

    def is_heading_like(self) -> bool:
        """Short, starts with a capital (or digit), does not end like a sentence."""
        if not 1 <= self.n_words <= 20 or self.text.endswith((".", ",", ";", ":")):
            return False
        first = self.text[0]
        return first.isupper() or first.isdigit() or first in "\"'“‘«" or not first.isalpha()

    def interface_share(self, words: frozenset[str]) -> float:
        if not self.words:
            return 0.0
        hits = sum(1 for w in self.lower_words if w in words or len(w) == 1)
        return hits / len(self.words)

    def has_term(self, terms: tuple[str, ...]) -> int:
        """How many of ``terms`` (words or phrases) occur in the line."""
        count = 0
        for term in terms:
            if " " in term or not term.isalpha():
                count += term in self.norm
            else:
                count += term in self.lower_set
        return count


def make_line(number: int, text: str, lines: list[int] | None = None) -> Line:
    """Compute the features of one stripped, non-blank line."""
    vocab = vocabulary()
    words = WORD_RE.findall(URL_RE.sub(" ", text))
    n = len(words) or 1
    lower = [w.lower() for w in words]
    return Line(
        number=number,
        text=text,
        words=words,
        sentence_end=bool(SENTENCE_END_RE.search(text)),
        stop_share=sum(1 for w in lower if w in vocab.stop_words) / n,
        capital_share=sum(1 for w in words if w[0].isupper()) / n,
        one_letter_share=sum(1 for w in words if len(w) == 1 and w.isalpha()) / n,
        pipes=text.count("|"),
        links=len(URL_RE.findall(text)),
        norm=normalise(text),
        lower_words=lower,
        lower_set=frozenset(lower),
        lines=lines if lines is not None else [number],
    )
