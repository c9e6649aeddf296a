"""Bytes to text: refuse what is not text, detect the encoding with charset-normalizer.

A legacy encoding (cp1251, EUC-KR, Shift-JIS …) is not bad input: it is decoded and the
encoding is recorded on the document.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from ..errors import BadInput

__all__ = ["decode"]

# Signatures of common binary formats, checked before any decoding attempt.
_MAGIC = {
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"BZh": "bzip2 archive",
    b"\xd0\xcf\x11\xe0": "MS Office document",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, *, max_bytes: int, kind: str = "text") -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`BadInput` saying why the bytes are not text."""
    if len(data) > max_bytes:
        raise BadInput("too large", f"{len(data)} bytes is over the limit of {max_bytes} (option max_bytes)")
    if not data.strip():
        raise BadInput("empty", "the input has no content")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BadInput("binary", f"looks like a {what}, not text")
    if _is_utf16(data):
        return _check(data.decode("utf-16")), "utf-16"
    if b"\x00" in data[:65536]:
        raise BadInput("binary", "contains NUL bytes, so it is not text")
    try:
        return _check(data.decode("utf-8-sig")), "utf-8"
    except UnicodeDecodeError:
        pass
    if kind == "html":
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                name = declared.group(1).decode("ascii")
                return _check(data.decode(name)), name.lower()
            except (LookupError, UnicodeDecodeError):
                pass
    best = from_bytes(data).best()
    if best is None:
        raise BadInput("undecodable", "no text encoding fits these bytes")
    return _check(str(best)), best.encoding


def _is_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def _check(text: str) -> str:
    """Text full of control characters or replacement marks is binary that happened to decode."""
    sample = text[:65536]
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if sample and bad / len(sample) > 0.01:
        raise BadInput("binary", f"{bad} control or replacement characters in the first {len(sample)}")
    if not text.strip():
        raise BadInput("empty", "the input has no visible text")
    return text
