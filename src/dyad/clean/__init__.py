"""Boilerplate removal and metadata: from a plain-text scrape or a web page to the article's own
text, with its title, byline, outlet, publication date (and its precision) and language.

Every line or span dropped is kept in ``Cleaned.removed`` with the reason, so a user can audit
the cleaner. The vocabularies it uses are in ``boilerplate.yaml`` next to this file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import BadInput
from ..model import DatePrecision, RemovedSpan
from .html import extract_page
from .language import detect
from .metadata import outlet_from_url, parse_hint_date
from .text import Filtered, filter_lines

__all__ = ["Cleaned", "clean"]

_MIN_WORDS = 5   # fewer words than this left of a page is not an article


@dataclass(slots=True, kw_only=True)
class Cleaned:
    text: str                      # the article's own text; paragraphs separated by a blank line
    title: str | None = None
    byline: str | None = None      # author name(s)
    outlet: str | None = None      # e.g. "BusinessKorea", "VOVworld", or the site name / URL host
    published: str | None = None   # "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when the article gives no date
    published_precision: DatePrecision = "unknown"
    language: str | None = None    # ISO 639-1 code from py3langid
    removed: list[RemovedSpan] = field(default_factory=list)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:300].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return "<head" in head and "<body" in text[:5000].lower()


def _published(hint: str | None, page_date: str | None, found: Filtered) -> tuple[str | None, DatePrecision]:
    if hint:
        value, precision = parse_hint_date(hint)
        if value:
            return value, precision
    if page_date:
        value, precision = parse_hint_date(page_date)
        if value:
            return value, precision
    if found.date and found.date.iso:
        return found.date.iso, found.date.precision
    return None, "unknown"


def clean(text: str, *, kind: str = "text", url: str | None = None, title: str | None = None,
          published: str | None = None) -> Cleaned:
    """Clean one article.

    ``kind`` is "text" (plain-text scrape) or "html" (a web page). ``title`` and ``published`` are
    hints from the input record and win over what is found in the text. Raises
    ``BadInput("no article text", ...)`` when nothing of the article remains.
    """
    if kind not in {"text", "html"}:
        raise ValueError(f'kind must be "text" or "html", not {kind!r}')
    if not text or not text.strip():
        raise BadInput("no article text", "the input is empty or only whitespace")
    title = " ".join(title.split()) if title and title.strip() else None
    page_title = author = sitename = page_date = None
    if kind == "html" or _looks_like_html(text):
        page = extract_page(text, url)
        page_title, author, sitename, page_date = page.title, page.author, page.sitename, page.date
        found = filter_lines(page.text, mode=page.mode, title=title or page_title)
    else:
        found = filter_lines(text, mode="text", title=title)

    body = "\n\n".join(found.paragraphs)
    n_words = len(body.split())
    if n_words < _MIN_WORDS:
        detail = (f"only {n_words} word(s) left after removing {len(found.removed)} boilerplate line(s); "
                  "the page holds no article, or pass kind='text' with the article's text")
        raise BadInput("no article text", detail)
    value, precision = _published(published, page_date, found)
    if sitename:
        outlet: str | None = sitename
    else:
        outlet = found.outlet or outlet_from_url(url)
    return Cleaned(
        text=body,
        title=title or page_title or found.title,
        byline=author or found.byline,
        outlet=outlet,
        published=value,
        published_precision=precision,
        language=found.language or detect(body),
        removed=found.removed,
    )
