"""Files and folders: plain text, HTML pages, JSON and JSON Lines records.

Every input yields either a :class:`RawDocument` or a :class:`Rejected` (an input that could
not even be read), so one bad file never stops the batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import RawDocument

__all__ = ["Rejected", "count_inputs", "iter_inputs"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(slots=True, kw_only=True)
class Rejected:
    """An input refused before it became a document; it goes to the quarantine table."""

    input: str
    reason: str
    detail: str = ""
    content_hash: str | None = None


def iter_inputs(paths: Iterable[str | Path], *, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """Walk files and folders (sorted, hidden entries skipped) and read each input."""
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            for file in files:
                yield from _read_file(file, max_bytes=max_bytes)
        elif path.exists():
            yield from _read_file(path, max_bytes=max_bytes)
        else:
            yield Rejected(input=str(path), reason="unreadable path", detail="no such file or directory")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_file(path: Path, *, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            yield from _read_json_lines(path, max_bytes=max_bytes)  # streamed: any size
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield Rejected(input=str(path), reason="too large",
                           detail=f"{size} bytes is over the limit of {max_bytes} (option max_bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(input=str(path), reason="unreadable path", detail=exc.strerror or str(exc))
        return
    if suffix == ".json":
        yield from _read_json(path, data, max_bytes=max_bytes)
    else:
        yield RawDocument(id=path.stem, source=str(path), data=data,
                          kind="html" if suffix in HTML_SUFFIXES else "text")


def _read_json(path: Path, data: bytes, *, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """A JSON file holding one record or a list of them."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield Rejected(input=str(path), reason="undecodable", detail=f"JSON must be UTF-8: {exc.reason}")
        return
    except json.JSONDecodeError as exc:
        yield Rejected(input=str(path), reason="malformed record", detail=f"invalid JSON: {exc.msg}")
        return
    records = parsed if isinstance(parsed, list) else [parsed]
    for number, record in enumerate(records, 1):
        yield _record(f"{path}#{number}", record, max_bytes=max_bytes)


def _read_json_lines(path: Path, *, max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """One record a line, read line by line so memory stays bounded whatever the file's size."""
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, 1):
            if not raw_line.strip():
                continue
            where = f"{path}:{number}"
            if len(raw_line) > max_bytes:
                yield Rejected(input=where, reason="too large",
                               detail=f"{len(raw_line)} bytes is over the limit of {max_bytes} (option max_bytes)")
                continue
            try:
                record = json.loads(raw_line.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError as exc:
                yield Rejected(input=where, reason="undecodable", detail=f"JSON must be UTF-8: {exc.reason}")
                continue
            except json.JSONDecodeError as exc:
                yield Rejected(input=where, reason="malformed record", detail=f"invalid JSON: {exc.msg}")
                continue
            yield _record(where, record, max_bytes=max_bytes)


def _record(where: str, record: Any, *, max_bytes: int) -> RawDocument | Rejected:
    if not isinstance(record, dict):
        return Rejected(input=where, reason="malformed record", detail="a record must be a JSON object")
    body = record.get("html") if record.get("html") else record.get("text")
    if not isinstance(body, str) or not body.strip():
        return Rejected(input=where, reason="empty", detail="the record has no 'text' or 'html'")
    data = body.encode("utf-8")
    if len(data) > max_bytes:
        return Rejected(input=where, reason="too large",
                        detail=f"{len(data)} bytes is over the limit of {max_bytes} (option max_bytes)")
    doc_id = str(record.get("id") or "").strip()
    if not doc_id:
        return Rejected(input=where, reason="malformed record", detail="the record has no 'id'")
    published = record.get("published")
    return RawDocument(
        id=doc_id,
        source=where,
        data=data,
        kind="html" if record.get("html") else "text",
        url=_str_or_none(record.get("url")),
        title=_str_or_none(record.get("title")),
        published=_str_or_none(published),
    )


def _str_or_none(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many inputs ``iter_inputs`` will yield, roughly (records counted by lines), for progress bars."""
    total = 0
    for raw_path in paths:
        path = Path(raw_path)
        files = (sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
                 if path.is_dir() else [path])
        for file in files:
            if file.suffix.lower() in (".jsonl", ".ndjson"):
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total
