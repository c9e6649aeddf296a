"""The line filter for plain-text scrapes (and the second pass over text extracted from HTML).

Each line is judged from its own features and its neighbourhood: the *body* runs from the
first to the last long prose paragraph in the document's language; lines before it (the head)
may be interface text, the title, a standfirst or a date/byline line; lines after it (the tail)
are footer once a first footer-like line appears. Inside the body only lines with strong
evidence are dropped (interface words, tag lines, copyright, cookie notices, date lines,
repetitions), so the article's own section headings stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import RemovedSpan
from .language import detect_with_confidence
from .lines import Line, make_line, normalise, vocabulary
from .metadata import DateFound, bio_author, copyright_outlet, date_line, leading_dateline

__all__ = ["Filtered", "filter_lines", "strong_reason"]

_BULLETS = "-•*–·▪●◦"
_LEAD_LINES = 12


@dataclass(slots=True)
class Filtered:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    date: DateFound | None = None
    language: str | None = None   # the language of the body's long lines
    removed: list[RemovedSpan] = field(default_factory=list)


def _split(text: str) -> list[Line]:
    """Non-blank lines; a line wrapped mid-sentence is joined to the next one."""
    raw = text.splitlines()
    out: list[Line] = []
    buffer: list[str] = []
    numbers: list[int] = []
    for i, line in enumerate(raw, start=1):
        stripped = line.strip()
        if not stripped:
            if buffer:
                out.append(make_line(numbers[0], " ".join(buffer), numbers))
                buffer, numbers = [], []
            continue
        if buffer:
            prev = buffer[-1]
            ends = prev.endswith((".", "!", "?", ":", '"', "”"))
            wrapped = len(prev) >= 40 and not ends and stripped[0].islower()
            if not wrapped:
                out.append(make_line(numbers[0], " ".join(buffer), numbers))
                buffer, numbers = [], []
        buffer.append(stripped)
        numbers.append(i)
    if buffer:
        out.append(make_line(numbers[0], " ".join(buffer), numbers))
    return out


def strong_reason(line: Line) -> str | None:
    """A reason to drop ``line`` wherever it stands, or None."""
    vocab = vocabulary()
    n = line.n_words
    if n == 0:
        return "tag line" if "," in line.text else "interface text"
    if line.links and n <= 3:
        return "link"
    if vocab.copyright_re.search(line.text) and (n <= 25 or "©" in line.text):
        return "copyright/footer"
    cookies = line.has_term(vocab.cookie_terms)
    if cookies >= 2 or (cookies and n <= 8):
        return "cookie/privacy notice"
    if line.pipes >= 2 and n / (line.pipes + 1) <= 5:
        return "navigation"
    lower = line.lower_words
    if not line.sentence_end and n <= 6 and line.interface_share(vocab.interface_words) == 1.0:
        return "interface text"
    if not line.sentence_end and n <= 5 and all(w in vocab.list_header_words for w in lower):
        return "related list"
    if n <= 20 and any(line.norm.startswith(cue) for cue in vocab.list_cues):
        rest = line.norm[len(next(c for c in vocab.list_cues if line.norm.startswith(c))):]
        if rest[:2].strip(" ") in {"", ":", "-", "–", "—", "|"} or rest.startswith((":", " -", " –", " —")):
            return "related list"
    if line.has_term(vocab.newsletter_terms) and (n <= 12 or ("newsletter" in line.norm and n <= 25)):
        return "newsletter prompt"
    if line.text[0] in _BULLETS:
        return None   # an item of a list in the article ("- wheat flour")
    if not line.sentence_end and n <= 6 and all(w.islower() for w in line.words if not w.isdigit()):
        return "tag line"
    segments = [s for s in line.text.split(",") if s.strip()]
    if (not line.sentence_end and len(segments) >= 3 and n <= 20 and not any(c.isdigit() for c in line.text)
            and all(len(s.split()) <= 3 for s in segments)):
        return "tag line"
    return None


def _anchors(lines: list[Line], mode: str) -> tuple[list[int], str | None]:
    """Indices of long prose lines in the document's language, and that language."""
    long_ = [i for i, ln in enumerate(lines) if ln.reason is None and ln.is_long()]
    if not long_:
        long_ = [i for i, ln in enumerate(lines) if ln.reason is None and ln.n_words >= 6 and ln.sentence_end]
    if not long_:
        return [], None
    language, _ = detect_with_confidence(" ".join(lines[i].text for i in long_))

    def outlier(i: int) -> bool:
        if not language or lines[i].n_words < 12:
            return False
        lang, prob = detect_with_confidence(lines[i].text)
        return bool(lang and lang != language and prob >= 0.95)

    kept = list(long_)
    if mode == "text":   # a long line in another language at an edge is not an anchor of the body
        while len(kept) > 1 and outlier(kept[-1]):
            kept.pop()
        while len(kept) > 1 and outlier(kept[0]):
            kept.pop(0)
    return kept, language


def _mark_other_language(lines: list[Line], idx: list[int], language: str | None) -> None:
    for i in idx:
        line = lines[i]
        if line.reason is None and language and line.n_words >= 8:
            lang, prob = detect_with_confidence(line.text)
            if lang and lang != language and prob >= 0.9:
                line.reason = "other-language text"


def _same(a: str, b: str) -> bool:
    strip = " .:;!?\"'«»"
    return normalise(a).strip(strip) == normalise(b).strip(strip)


def filter_lines(text: str, *, mode: str = "text", title: str | None = None) -> Filtered:
    """Split ``text`` into kept paragraphs and removed spans; collect metadata on the way.

    ``mode`` "text" is a raw scrape (head and tail are judged strictly); "html" is text already
    extracted from a page (only lines with strong evidence are dropped).
    """
    result = Filtered(title=title)
    lines = _split(text)
    for line in lines:
        found = date_line(line)
        if found and found.date and found.date.iso and not found.date.text.isdigit():
            line.reason = None  # a bare date line ("19.02.2017") is metadata, not navigation
        else:
            line.reason = strong_reason(line)
        if line.reason == "copyright/footer" and result.outlet is None:
            result.outlet = copyright_outlet(line.text)
    for line in lines:
        if line.reason is None:
            found = date_line(line)
            if found and (found.date or found.byline):
                line.reason = "date/byline line"
                if found.date and (result.date is None or (result.date.iso is None and found.date.iso)):
                    result.date = found.date
                result.byline = result.byline or found.byline

    anchors, language = _anchors(lines, mode)
    result.language = language
    first = anchors[0] if anchors else 0
    last = anchors[-1] if anchors else len(lines) - 1

    # An author bio closes the article: the last prose line(s) or a line of the tail.
    for i in range(len(lines) - 1, max(first, 0) - 1, -1):
        line = lines[i]
        if line.reason is not None:
            continue
        name = bio_author(line, result.byline)
        if name is not None:
            line.reason = "author bio"
            result.byline = result.byline or name
            continue
        if i <= last:
            break
    while last > first and lines[last].reason is not None:
        last -= 1

    if mode == "text" and anchors:
        _mark_other_language(lines, list(range(0, first)) + list(range(last + 1, len(lines))), language)
        footer = False
        for line in lines[last + 1 :]:
            if line.reason is not None and line.reason != "date/byline line":
                footer = True
            elif footer or not line.sentence_end or line.n_words < 4:
                line.reason = "footer"   # after the first footer line, or a label closing the page
                footer = True

    # The head: title, standfirst, navigation.
    for line in lines[:first]:
        if line.reason is not None:
            continue
        if result.title is None and line.is_heading_like() and line.n_words >= 2:
            result.title = line.text
            line.reason = "title"
        elif result.title is not None and _same(line.text, result.title):
            line.reason = "title"
        elif mode == "text" and not (line.sentence_end and line.n_words >= 5):
            line.reason = "navigation"
    kept = [ln for ln in lines if ln.reason is None]
    if kept and result.title and _same(kept[0].text, result.title):
        kept[0].reason = "title"
        kept = kept[1:]

    _mark_repeats(kept)
    kept = [ln for ln in kept if ln.reason is None]
    if kept:
        dateline = leading_dateline(kept[0].text)
        if dateline:
            result.removed.append(RemovedSpan(text=dateline.prefix, reason="dateline", line=kept[0].number))
            kept[0].text = kept[0].text[len(dateline.prefix) :]
            result.outlet = dateline.outlet or result.outlet
            if dateline.date and (result.date is None or result.date.iso is None):
                result.date = dateline.date
    for line in lines:
        if line.reason is not None:
            result.removed.append(RemovedSpan(text=line.text, reason=line.reason, line=line.number))
    result.removed.sort(key=lambda r: r.line or 0)
    result.paragraphs = [ln.text for ln in kept if ln.text.strip()]
    return result


def _mark_repeats(kept: list[Line]) -> None:
    """A line contained in a later paragraph is a repeated lead; an exact repeat is dropped."""
    seen: set[str] = set()
    for line in kept:
        if line.n_words >= 3 and line.norm in seen:
            line.reason = "repeated paragraph"
        seen.add(line.norm)
    live = [ln for ln in kept if ln.reason is None]
    joined = ""
    starts: list[int] = []
    for line in live:
        starts.append(len(joined))
        joined += line.norm + "\n"
    for k, line in enumerate(live[: min(len(live) - 1, _LEAD_LINES)]):   # leads are repeated near the top
        if line.n_words >= 8 and joined.find(line.norm, starts[k + 1]) >= 0:
            line.reason = "repeated lead"
