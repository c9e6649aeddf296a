"""Main text and metadata of a web page: trafilatura (text, title, author, site name) and
htmldate through it (publication date, without falling back to today's or a file's date).

When trafilatura finds no main text, the page's paragraphs are taken instead; when the page
cannot be parsed at all, its text without tags. Neither broken markup nor a deeply nested or
huge page raises anything but a ``BadInput``.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import lxml.html
from trafilatura import bare_extraction
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from ..errors import BadInput

__all__ = ["MAX_HTML_CHARS", "PageText", "extract_page"]

MAX_HTML_CHARS = 20_000_000
"""Pages larger than this, once scripts, styles and inline data are removed, are refused."""

_HEAVY_RE = re.compile(r"<(script|style|svg|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_DATA_URI_RE = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+", re.I)
_TAG_RE = re.compile(r"<[^>]*>")
_MARKUP_RE = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^<>]*)?/?>")
_BLOCK_TAG_RE = re.compile(r"<\s*/?\s*(p|div|br|h[1-6]|li|tr|section|article|blockquote)\b[^>]*>", re.I)
_NOISE_RE = re.compile(r"cookie|consent|banner|menu|nav|footer|sidebar|comment|related|share|newsletter"
                       r"|promo|advert|social|breadcrumb|popup|modal|subscribe", re.I)
_COMMENTS_RE = re.compile(
    r"(?:^|[\s_-])(?:comments?|comment-list|replies|respond|discussion|disqus)(?:[\s_-]|$)", re.I)
_KEEP_TAGS = {"html", "body", "article", "main"}
_DROP_TAGS = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
              "button", "select", "svg", "iframe")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(slots=True, kw_only=True)
class PageText:
    text: str
    mode: str                       # "html": extracted by trafilatura; "text": a fallback to filter
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    date: str | None = None


def _date_params() -> dict[str, Any]:
    # No extensive search in the page text, the original (publication) date, nothing after today:
    # a page without date metadata gives None instead of a guess.
    return {"extensive_search": False, "original_date": True, "max_date": date.today().isoformat()}


def _shrink(page: str) -> str:
    if len(page) <= MAX_HTML_CHARS:
        return page
    page = _DATA_URI_RE.sub("", _HEAVY_RE.sub("", page))
    if len(page) > MAX_HTML_CHARS:
        raise BadInput(
            "too large",
            f"HTML page of {len(page) / 1e6:.0f} million characters without scripts and styles; "
            f"the cleaner reads up to {MAX_HTML_CHARS / 1e6:.0f} million — split the page or pass its text",
        )
    return page


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    if len(value) > 400 or _MARKUP_RE.search(value):
        return None   # markup swallowed by an unclosed element, not a title or a name
    return value or None


def _paragraphs(page: str) -> str:
    """Fallback: paragraphs and headings of the page, without navigation-like containers."""
    try:
        tree = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return ""
    for element in list(tree.iter(*_DROP_TAGS)):
        element.drop_tree()
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        if marks.strip() and _NOISE_RE.search(marks):
            element.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in tree.iter("p", "h1", "h2", "h3", "blockquote")]
    blocks = [b for b in blocks if b]
    if not blocks:
        body = tree.body if tree.find("body") is not None else tree
        blocks = [" ".join(s.split()) for s in body.text_content().splitlines() if s.strip()]
    return "\n".join(blocks)


def _tag_strip(page: str) -> str:
    """Last resort for markup lxml cannot build a tree of (e.g. nested beyond its depth limit)."""
    text = _BLOCK_TAG_RE.sub("\n", _HEAVY_RE.sub(" ", page))
    text = html_lib.unescape(_TAG_RE.sub(" ", text))
    return "\n".join(" ".join(s.split()) for s in text.splitlines() if s.strip())


def _prune_comments(tree: Any) -> None:
    """Drop reader comments before metadata extraction: their timestamps are not the article's date."""
    total = len(tree.text_content() or "")
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in _KEEP_TAGS or element.getparent() is None:
            continue
        marks = f"{element.get('class', '')} {element.get('id', '')}".strip()
        if marks and _COMMENTS_RE.search(marks) and len(element.text_content() or "") < total / 2:
            element.drop_tree()


def _load(page: str) -> Any:
    try:
        tree = load_html(page)
        if tree is not None:
            _prune_comments(tree)
        return tree
    except Exception:  # lxml on malformed input: let trafilatura and the fallbacks try the string
        return None


def extract_page(page: str, url: str | None = None) -> PageText:
    """Main text (paragraphs on their own lines) and metadata of an HTML page."""
    page = _shrink(page)
    tree = _load(page)
    source: Any = tree if tree is not None else page
    doc: Any = None
    try:
        doc = bare_extraction(source, url=url, with_metadata=True, include_comments=False,
                              favor_precision=True, include_tables=False,
                              date_extraction_params=_date_params())
    except Exception:  # trafilatura on malformed input: fall back below
        doc = None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if doc is None:
        try:
            doc = extract_metadata(source, default_url=url, date_config=_date_params(), extensive=False)
        except Exception:  # no metadata from an unparsable page
            doc = None
    result = PageText(
        text=text,
        mode="html",
        title=_clean_meta(getattr(doc, "title", None)),
        author=_clean_meta(getattr(doc, "author", None)),
        sitename=_clean_meta(getattr(doc, "sitename", None)),
        date=_clean_meta(getattr(doc, "date", None)),
    )
    if not text:
        result.mode = "text"
        result.text = _paragraphs(page)
        if not result.text.strip() or len(_MARKUP_RE.findall(result.text)) > 2:
            result.text = _tag_strip(page)
    return result
