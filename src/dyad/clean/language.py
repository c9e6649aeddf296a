"""Language identification with py3langid (its model ships with the package; no download)."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["detect", "detect_with_confidence"]

_SAMPLE = 2500          # characters enough for a stable guess; keeps long pages fast
_MIN_LETTERS = 12       # below this a guess is noise


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_with_confidence(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and probability, or (None, 0.0) for text without enough letters."""
    sample = text[:_SAMPLE]
    if sum(map(str.isalpha, sample[:200])) < _MIN_LETTERS and sum(map(str.isalpha, sample)) < _MIN_LETTERS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def detect(text: str) -> str | None:
    """ISO 639-1 code of ``text`` (None when it has too few letters to tell)."""
    return detect_with_confidence(text)[0]
