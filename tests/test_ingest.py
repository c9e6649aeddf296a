"""Ingest and decoding: every input becomes a document or a clear rejection, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.errors import BadInput
from dyad.ingest import Rejected, count_inputs, decode, iter_inputs
from dyad.model import RawDocument

RUSSIAN = "Министр иностранных дел России Сергей Лавров прибыл в Пхеньян для переговоров о сотрудничестве."
KOREAN = "러시아와 북한은 평양에서 포괄적 전략적 동반자 관계 조약에 서명했다."


@pytest.mark.parametrize(("encoding", "text"), [("cp1251", RUSSIAN), ("koi8-r", RUSSIAN), ("euc-kr", KOREAN),
                                                ("utf-8", RUSSIAN), ("utf-16", KOREAN)])
def test_legacy_encodings_are_decoded_not_rejected(encoding: str, text: str) -> None:
    decoded, detected = decode(text.encode(encoding), max_bytes=10_000)
    assert decoded == text
    assert detected


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"  \n\t \n", "empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"some text\x00\x00\x01\x02 with nul bytes", "binary"),
    (bytes(range(1, 32)) * 40, "binary"),
])
def test_bad_bytes_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput) as info:
        decode(data, max_bytes=10_000)
    assert info.value.reason == reason


def test_oversize_input_is_refused() -> None:
    with pytest.raises(BadInput) as info:
        decode(b"word " * 1000, max_bytes=100)
    assert info.value.reason == "too large"
    assert "max_bytes" in info.value.detail


def test_html_declared_charset_wins(tmp_path: Path) -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    text, encoding = decode(page.encode("cp1251"), max_bytes=10_000, kind="html")
    assert RUSSIAN in text
    assert encoding == "windows-1251"


def test_folder_walk_reads_every_kind_and_rejects_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Moscow and Pyongyang signed a treaty.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Text</p></body></html>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    records = [{"id": "r1", "text": "One.", "url": "https://example.org/1", "published": "2019-04-25"},
               {"id": "r2", "html": "<p>Two.</p>", "title": "Two"}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n", encoding="utf-8")
    items = list(iter_inputs([tmp_path, tmp_path / "missing.txt"], max_bytes=10_000))
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert sorted(d.id for d in docs) == ["a", "b", "r1", "r2"]
    kinds = {d.id: d.kind for d in docs}
    assert kinds == {"a": "text", "b": "html", "r1": "text", "r2": "html"}
    r1 = next(d for d in docs if d.id == "r1")
    assert (r1.url, r1.published) == ("https://example.org/1", "2019-04-25")
    assert sorted(r.reason for r in rejected) == ["malformed record", "unreadable path"]
    assert any(r.input.endswith("c.jsonl:3") for r in rejected)
    assert count_inputs([tmp_path]) == 5  # a, b, and three non-empty JSONL lines


def test_record_without_text_or_id_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "recs.json"
    path.write_text(json.dumps([{"id": "x"}, {"text": "no id here"}, "not an object"]), encoding="utf-8")
    reasons = [i.reason for i in iter_inputs([path], max_bytes=10_000) if isinstance(i, Rejected)]
    assert reasons == ["empty", "malformed record", "malformed record"]


def test_content_hash_depends_on_bytes_only() -> None:
    a = RawDocument(id="a", source="x", data=b"same")
    b = RawDocument(id="b", source="y", data=b"same")
    c = RawDocument(id="a", source="x", data=b"other")
    assert a.content_hash == b.content_hash != c.content_hash


def test_json_lines_are_streamed_and_checked_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"id": "small", "text": "Short text."}),
             json.dumps({"id": "huge", "text": "word " * 500}),
             "\xff\xfe not utf-8"]
    path.write_bytes(("\n".join(lines[:2]) + "\n").encode("utf-8") + lines[2].encode("latin-1"))
    items = list(iter_inputs([path], max_bytes=200))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejected", "Rejected"]
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["too large", "undecodable"]
