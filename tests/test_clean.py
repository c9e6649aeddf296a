"""Tests of dyad.clean: the seeds' boilerplate lines, HTML pages written for dyad, metadata, language
and inputs that must not crash. Floors are the figures measured when the cleaner was written; they
only move up."""

from __future__ import annotations

import re
import time
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from dyad.clean import Cleaned, clean
from dyad.clean.html import MAX_HTML_CHARS
from dyad.clean.lines import vocabulary
from dyad.errors import BadInput

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_LINES: dict[str, dict[str, Any]] = yaml.safe_load((FIXTURES / "seed_lines.yaml").read_text("utf-8"))
HTML_DIR = FIXTURES / "html"
HTML_EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((HTML_DIR / "expected.yaml").read_text("utf-8"))

# Floors measured on the fixtures (they only move up).
BOILERPLATE_REMOVED_FLOOR = 0.95
ARTICLE_KEPT_FLOOR = 0.99
HTML_F1_FLOOR = 0.99
HTML_TITLE_FLOOR = 1.0
HTML_DATE_FLOOR = 1.0

REASONS = {"interface text", "related list", "navigation", "tag line", "copyright/footer",
           "cookie/privacy notice", "newsletter prompt", "author bio", "date/byline line", "dateline",
           "repeated paragraph", "repeated lead", "title", "link", "footer", "other-language text"}


def _seed_text(name: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"shared seeds not found at {SEEDS}")
    return (SEEDS / name).read_text(encoding="utf-8")


@cache
def _cleaned_seed(name: str) -> Cleaned:
    return clean(_seed_text(name))


def _kept(cleaned: Cleaned, number: int, line: str) -> bool:
    """A line is kept if its text (or what is left after a stripped dateline prefix) is in the text."""
    text = line.strip()
    if text in cleaned.text:
        return True
    for span in cleaned.removed:
        if span.line == number and text.startswith(span.text.strip()) and span.text.strip() != text:
            return text[len(span.text.strip()) :].strip() in cleaned.text
    return False


def _removed(cleaned: Cleaned, number: int, line: str) -> bool:
    text = line.strip()
    recorded = any(s.line == number and s.text.strip() == text for s in cleaned.removed)
    return recorded or text not in cleaned.text


def _seed_counts() -> tuple[int, int, int, int]:
    removed = to_remove = kept = to_keep = 0
    for name, spec in SEED_LINES.items():
        cleaned = _cleaned_seed(name)
        lines = _seed_text(name).splitlines()
        for n in spec["remove"]:
            to_remove += 1
            removed += _removed(cleaned, n, lines[n - 1])
        for n in spec["keep"]:
            to_keep += 1
            kept += _kept(cleaned, n, lines[n - 1])
    return removed, to_remove, kept, to_keep


def test_seed_lines_are_real_lines() -> None:
    for name, spec in SEED_LINES.items():
        lines = _seed_text(name).splitlines()
        for n in [*spec["remove"], *spec["keep"]]:
            assert lines[n - 1].strip(), f"{name}:{n} is blank"
        assert not set(spec["remove"]) & set(spec["keep"])


def test_seed_boilerplate_removed_and_article_kept() -> None:
    removed, to_remove, kept, to_keep = _seed_counts()
    assert removed / to_remove >= BOILERPLATE_REMOVED_FLOOR, f"removed {removed}/{to_remove}"
    assert kept / to_keep >= ARTICLE_KEPT_FLOOR, f"kept {kept}/{to_keep}"


@pytest.mark.parametrize("name", sorted(SEED_LINES))
def test_seed_title_and_reasons(name: str) -> None:
    cleaned = _cleaned_seed(name)
    spec = SEED_LINES[name]
    lines = _seed_text(name).splitlines()
    if spec["title"]:
        title = lines[spec["title"] - 1].strip()
        assert cleaned.title == title
        assert title not in cleaned.text.split("\n\n")
    else:
        assert cleaned.title is None
    assert {s.reason for s in cleaned.removed} <= REASONS
    assert "\n\n\n" not in cleaned.text and cleaned.text == cleaned.text.strip()
    assert cleaned.language == "en"


@pytest.mark.parametrize(("name", "published", "precision"), [
    ("000_815687119b6dfb47.txt", None, "unknown"),
    ("001_fb39c28c0219e4a2.txt", None, "unknown"),
    ("002_1ddc493ec9b58cb5.txt", None, "unknown"),
    ("003_0b2c5bbc4c6a96e8.txt", None, "unknown"),
    ("004_ea94cde39cac5e06.txt", "2017-06-23", "day"),
])
def test_seed_published(name: str, published: str | None, precision: str) -> None:
    cleaned = _cleaned_seed(name)
    assert (cleaned.published, cleaned.published_precision) == (published, precision)


def test_seed_date_without_year_is_kept_in_removed() -> None:
    cleaned = _cleaned_seed("003_0b2c5bbc4c6a96e8.txt")
    assert any(s.reason == "date/byline line" and "Apr.27" in s.text for s in cleaned.removed)


def test_seed_bylines_and_outlets() -> None:
    assert _cleaned_seed("003_0b2c5bbc4c6a96e8.txt").byline == "Xu Mouquan"
    assert _cleaned_seed("004_ea94cde39cac5e06.txt").byline == "Grzegorz Kaliszuk"
    vov = _cleaned_seed("001_fb39c28c0219e4a2.txt")
    assert vov.outlet == "VOVworld" and not vov.text.startswith("(")
    assert _cleaned_seed("000_815687119b6dfb47.txt").outlet == "BusinessKorea"


def test_seed_section_headings_kept() -> None:
    for name, numbers in [("001_fb39c28c0219e4a2.txt", [4, 7]), ("004_ea94cde39cac5e06.txt", [14, 26, 36])]:
        lines = _seed_text(name).splitlines()
        paragraphs = _cleaned_seed(name).text.split("\n\n")
        for n in numbers:
            assert lines[n - 1].strip() in paragraphs


# --- plain text written for these tests -------------------------------------------------------

LEAD = ("The foreign ministers of both countries met in the capital on Monday to discuss a new trade "
        "agreement and the reopening of a rail link closed since the pandemic.")
BODY = [
    "Officials said the talks covered customs procedures, energy supplies and the exchange of students, "
    "and that a joint commission would meet again before the end of the year.",
    "Neither side gave figures for the planned investments, but the ministers signed a memorandum on "
    "cooperation in agriculture and fisheries.",
]


def test_bio_at_the_end_gives_byline() -> None:
    text = "\n\n".join([LEAD, *BODY, "Maria Novak is a senior correspondent with the Balkan Desk. "
                        "She covers diplomacy and trade.", "Share", "Print"])
    cleaned = clean(text)
    assert cleaned.byline == "Maria Novak"
    assert "Maria Novak" not in cleaned.text
    assert any(s.reason == "author bio" for s in cleaned.removed)


@pytest.mark.parametrize(("line", "published", "precision"), [
    ("Published: June 19, 2024 20:43:57", "2024-06-19", "day"),
    ("09:28, September 19, 2012", "2012-09-19", "day"),
    ("Posted on 3 March 2021 by Tom Rees", "2021-03-03", "day"),
    ("Updated: June 2017", "2017-06", "month"),
    ("By Lee Min-jun Updated Oct.5", None, "unknown"),
])
def test_date_lines(line: str, published: str | None, precision: str) -> None:
    cleaned = clean("\n".join(["Ministers agree on rail link", line, "", LEAD, "", *BODY]))
    assert (cleaned.published, cleaned.published_precision) == (published, precision)
    assert line.split()[-1] not in cleaned.text
    assert cleaned.text.startswith("The foreign ministers")


def test_wire_dateline_prefix_is_stripped() -> None:
    cleaned = clean("\n".join(["MOSCOW, Sept. 18 (Xinhua) -- " + LEAD, *BODY]))
    assert cleaned.outlet == "Xinhua"
    assert cleaned.text.startswith("The foreign ministers")
    assert cleaned.published is None and cleaned.published_precision == "unknown"
    assert any(s.reason == "dateline" and "Sept. 18" in s.text for s in cleaned.removed)


def test_hints_win_and_url_host_is_the_last_outlet() -> None:
    text = "\n".join(["Ministers agree on rail link", "Published: June 19, 2024", LEAD, *BODY])
    cleaned = clean(text, url="https://www.example-news.org/a/1", title="Ministers agree on rail link",
                    published="2024-06")
    assert cleaned.title == "Ministers agree on rail link"
    assert (cleaned.published, cleaned.published_precision) == ("2024-06", "month")
    assert cleaned.outlet == "example-news.org"
    assert not cleaned.text.startswith("Ministers agree")


def test_repeated_paragraph_and_lead() -> None:
    text = "\n\n".join([BODY[0], BODY[0], LEAD + " " + BODY[0], BODY[1], BODY[1]])
    cleaned = clean(text)
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs == [LEAD + " " + BODY[0], BODY[1]]
    assert {s.reason for s in cleaned.removed} == {"repeated paragraph", "repeated lead"}


def test_list_items_kept_and_tail_lists_dropped() -> None:
    text = "\n".join(["Aid ship reaches port", "", BODY[0], "The cargo included:", "- wheat flour",
                     "• tents and blankets", BODY[1], "", "Related", "Envoys discuss a new corridor",
                     "Donors pledge more funds", "Tags: aid, shipping, relief"])
    cleaned = clean(text)
    assert "- wheat flour" in cleaned.text and "• tents and blankets" in cleaned.text
    assert cleaned.text.endswith(BODY[1])
    assert cleaned.title == "Aid ship reaches port"


def test_short_closing_sentence_kept_wire_credits_dropped() -> None:
    text = "\n".join(["SEOUL, June 5 (Yonhap) -- " + LEAD, *BODY, "Talks will resume next month.",
                     "Reporting by Kim Ji-won; Editing by Paul Grant",
                     "Our standards: the trust principles."])
    cleaned = clean(text)
    assert cleaned.outlet == "Yonhap"
    assert cleaned.text.endswith("Talks will resume next month.")


def test_russian_text_is_kept_and_marked() -> None:
    text = ("Министры иностранных дел двух стран провели переговоры в Москве и обсудили торговлю, "
            "энергетику и транспортное сообщение.\n\nСтороны договорились продолжить консультации "
            "и подготовить новое соглашение о сотрудничестве до конца года.\n\nПечать")
    cleaned = clean(text)
    assert cleaned.language == "ru"
    assert "Министры иностранных дел" in cleaned.text and "соглашение" in cleaned.text


def test_only_boilerplate_text_raises() -> None:
    text = "Text resize: A A\nChange contrast\nMost Read\nPrint\n, , ,\nCopyright © Example Media\n"
    with pytest.raises(BadInput) as info:
        clean(text)
    assert info.value.reason == "no article text"
    with pytest.raises(BadInput):
        clean("   \n\n ")


def test_vocabulary_loads() -> None:
    vocab = vocabulary()
    assert "print" in vocab.interface_words and "cookies" in vocab.cookie_terms
    assert vocab.copyright_re.search("Copyryight 2024")


# --- HTML pages ---------------------------------------------------------------------------------

def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _f1(gold: str, got: str) -> float:
    g, p = _tokens(gold), _tokens(got)
    overlap = sum((g & p).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def test_html_fixtures() -> None:
    assert len(HTML_EXPECTED) >= 15
    f1s: list[float] = []
    titles = dates = 0
    for name, spec in sorted(HTML_EXPECTED.items()):
        page = (HTML_DIR / name).read_text(encoding="utf-8")
        if "error" in spec:
            with pytest.raises(BadInput) as info:
                clean(page, kind="html")
            assert info.value.reason == spec["error"]
            continue
        cleaned = clean(page, kind="html", url=f"https://news.example.org/{name}")
        f1s.append(_f1("\n".join(spec["body"]), cleaned.text))
        titles += cleaned.title == spec["title"]
        dates += cleaned.published == spec["published"]
        assert cleaned.published_precision == ("day" if spec["published"] else "unknown"), name
        for key in ("byline", "outlet", "language"):
            if key in spec:
                assert getattr(cleaned, key) == spec[key], (name, key)
        assert cleaned.text.split("\n\n")[0] != cleaned.title, name
    assert sum(f1s) / len(f1s) >= HTML_F1_FLOOR
    assert titles / len(f1s) >= HTML_TITLE_FLOOR
    assert dates / len(f1s) >= HTML_DATE_FLOOR


def test_html_without_date_does_not_guess() -> None:
    page = ("<html><body><article><h1>Envoys meet</h1><p>" + LEAD + "</p><p>" + BODY[0]
            + "</p></article><footer>Last updated 2 minutes ago</footer></body></html>")
    cleaned = clean(page, kind="html")
    assert cleaned.published is None and cleaned.published_precision == "unknown"


def test_deeply_nested_and_broken_html_do_not_crash() -> None:
    deep = "<html><body>" + "<div>" * 3000 + "<p>" + LEAD + "</p>" + "</div>" * 3000 + "</body></html>"
    assert "foreign ministers" in clean(deep, kind="html").text
    broken = "<html><body><p>" + LEAD + "<p><b><i>" + BODY[0] + "</div></span><table><tr><td>" + BODY[1]
    assert "rail link" in clean(broken, kind="html").text
    for junk in ["<", "<html>", "<<<>>>", "\x00\x01<p>", "<p>" * 1000]:
        with pytest.raises(BadInput):
            clean(junk, kind="html")


def test_huge_html_page() -> None:
    started = time.perf_counter()
    filler = "<div class='x'>" + "word " * 20 + "</div>\n"
    huge = "<html><body>" + filler * (50_000_000 // len(filler)) + "</body></html>"
    assert len(huge) > MAX_HTML_CHARS
    with pytest.raises(BadInput) as info:
        clean(huge, kind="html")
    assert info.value.reason == "too large"
    padded = ("<html><head><script>" + "x" * 30_000_000 + "</script></head><body><article>"
              + "<h1>Envoys meet</h1><p>" + LEAD + "</p><p>" + BODY[0] + "</p></article></body></html>")
    assert "foreign ministers" in clean(padded, kind="html").text
    assert time.perf_counter() - started < 10


def test_numeric_date_line_is_not_read_as_a_time() -> None:
    cleaned = clean("Coal imports halted\n19.02.2017\n\nChina will suspend all imports of coal from "
                    "North Korea until the end of the year, the commerce ministry said on Saturday.\n")
    assert (cleaned.published, cleaned.published_precision) == ("2017-02-19", "day")
