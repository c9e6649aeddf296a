"""Shared fixtures: one loaded pipeline per test session (loading spaCy takes a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad import Options, Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(Options())


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> Path:
    """Good articles beside a binary file, an empty file and a cp1251 (Russian) file."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good-summit.txt").write_text(
        "Leaders meet in Vladivostok\n\nApril 25, 2019\n\n"
        "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Vladivostok on Thursday. "
        "The two leaders held talks on the Korean peninsula for several hours.\n\n"
        "Putin said Russia would support efforts to ease tension, officials said.\n", encoding="utf-8")
    (folder / "good-sanctions.txt").write_text(
        "Sanctions widen\n\nMarch 17, 2014\n\n"
        "The European Union and the United States imposed sanctions on Russia on Monday after the annexation "
        "of Crimea. Moscow condemned the measures and threatened a response.\n", encoding="utf-8")
    (folder / "broken.html").write_text(  # malformed, and nothing but a menu and a cookie notice
        "<html><head><title>Menu</title><body><div><div><ul><li><a href='/'>Home</a><li><a href='/w'>World"
        "</ul><div class=cookie>We use cookies. <button>Accept</button>", encoding="utf-8")
    (folder / "photo.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "russian.txt").write_bytes(
        ("Москва и Пхеньян договорились о расширении торговли. Министр иностранных дел России "
         "Сергей Лавров посетил Пхеньян в июле и провёл переговоры со своим северокорейским коллегой.")
        .encode("cp1251"))
    return folder
