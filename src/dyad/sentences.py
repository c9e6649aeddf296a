"""Sentence numbering shared by the stages (spaCy gives sentence starts, we store indexes)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

__all__ = ["sentence_index"]


def sentence_index(doc: Doc, token: Token) -> int:
    """Index of the sentence holding ``token`` (cached on the doc)."""
    index: dict[int, int] | None = doc.user_data.get("dyad_sent_index")
    if index is None:
        index = {sent.start: i for i, sent in enumerate(doc.sents)}
        doc.user_data["dyad_sent_index"] = index
    return index[token.sent.start]
