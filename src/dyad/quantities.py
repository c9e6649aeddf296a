"""Amounts in text: money, mass, distance, percentages, durations, rates and counts.

A small grammar over regular expressions, driven by the vocabulary in ``units.yaml``: it finds
every number (digits such as "400,000" and "5.7", or words such as "four", "two dozen",
"a million"), reads a currency sign and an approximating word ("more than", "near-") before it,
then a scale ("billion", "bn") and a unit after it. Money is normalised to plain numbers in
its ISO 4217 currency ("$9 million" → 9000000 USD).

Conventions:
- ``Quantity.text`` is exactly ``text[start:end]`` and includes the approximating word.
- Vague amounts ("thousands of tons") have ``value`` None and ``approximate`` True.
- A range ("between 3,000 and 5,000 troops", "$3-5 million") is ONE quantity spanning the
  whole range, with the low value and ``approximate`` True.
- "X out of Y" gives two quantities; X takes Y's unit when it has none of its own.
- Numbers inside date expressions (see :mod:`dyad.timeline`) are not amounts, nor are bare
  numbers without a unit or counted noun ("Resolution 2270").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from dyad.model import Quantity
from dyad.timeline import DateExpression, find_dates

__all__ = ["find_quantities", "load_units"]


@cache
def load_units() -> dict[str, Any]:
    """The vocabulary shipped in ``units.yaml``."""
    text = (Path(__file__).parent / "units.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _alt(words: list[str] | Any, *, flexible: bool = True) -> str:
    """A regex alternation, longest first; spaces in phrases match spaces or hyphens."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        p = re.escape(w)
        if flexible:
            p = p.replace(r"\ ", r"[\s-]+")
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


@dataclass(slots=True)
class _Grammar:
    symbols: dict[str, str]
    cur_words: dict[str, str]
    scales: dict[str, float]
    measures: dict[str, str]
    durations: set[str]
    number_words: dict[str, int]
    multipliers: dict[str, int]
    freq_words: dict[str, int]
    counted: set[str]
    not_counted: set[str]
    number: re.Pattern[str]
    symbol_before: re.Pattern[str]
    approx_before: re.Pattern[str]
    scale_after: re.Pattern[str]
    percent_after: re.Pattern[str]
    cur_after: re.Pattern[str]
    measure_after: re.Pattern[str]
    duration_after: re.Pattern[str]
    freq_after: re.Pattern[str]
    freq_word: re.Pattern[str]
    vague: re.Pattern[str]
    words_after: re.Pattern[str]


_STOP = {
    "of", "the", "and", "to", "in", "on", "at", "for", "by", "with", "from", "a", "an", "per",
    "or", "than", "as", "that", "which", "who", "is", "was", "were", "are", "be", "been", "its",
    "their", "his", "her", "this", "these", "those", "it", "they", "he", "she", "we", "out",
    "into", "over", "under", "after", "before", "since", "while", "when", "if", "but", "not",
}


@cache
def _grammar() -> _Grammar:
    u = load_units()
    symbols: dict[str, str] = u["currency_symbols"]
    cur_words: dict[str, str] = u["currency_words"]
    scales = {k: float(v) for k, v in u["scales"].items()}
    measures: dict[str, str] = u["measures"]
    number_words: dict[str, int] = u["number_words"]
    multipliers: dict[str, int] = u["multipliers"]
    freq_words: dict[str, int] = u["frequency_words"]

    sym_parts = []
    for s in sorted(symbols, key=len, reverse=True):
        p = re.escape(s)
        sym_parts.append(rf"(?<![A-Za-z]){p}" if s[0].isalpha() else p)
    sym = "(?:" + "|".join(sym_parts) + ")"

    words = _alt(list(number_words) + list(multipliers), flexible=False)
    first = _alt(list(number_words), flexible=False)
    mult = _alt(list(multipliers), flexible=False)
    word_number = (
        rf"(?:(?:a|an)\s+{mult}|{first})"
        rf"(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+){words}\b)*"
    )
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    number = re.compile(
        rf"(?<![\w.,])(?<![A-Za-z]-)(?:(?P<d>{digits})(?![.,]?\d)|(?i:\b(?P<w>{word_number})\b))"
    )
    long_scales = [k for k in scales if len(k) > 1]
    return _Grammar(
        symbols=symbols,
        cur_words={k.lower(): v for k, v in cur_words.items()},
        scales=scales,
        measures={k.lower(): v for k, v in measures.items()},
        durations=set(u["durations"]),
        number_words=number_words,
        multipliers=multipliers,
        freq_words=freq_words,
        counted=set(u["counted_nouns"]),
        not_counted=set(u["not_counted"]),
        number=number,
        symbol_before=re.compile(rf"(?P<sym>{sym})\s?$"),
        approx_before=re.compile(rf"(?i:(?<![\w])(?P<mod>{_alt(u['approximators'])})(?:\s+|\s*-\s*|(?<=~)))$"),
        scale_after=re.compile(rf"^(?:(?:\s*-\s*|\s+)(?i:(?P<long>{_alt(long_scales)}))|(?P<short>[kmb])|"
                               rf"(?P<abbr>(?i:bn|mn|mln|bln|tn|trn)))\b"),
        percent_after=re.compile(rf"^\s?(?P<u>(?i:{_alt(u['percent'])}))(?!\w)"),
        cur_after=re.compile(rf"^[\s-]+(?P<u>(?i:{_alt(list(cur_words))}))(?![\w])"),
        measure_after=re.compile(rf"^[\s-]+(?P<u>{_alt(list(measures))})(?![\w])"),
        duration_after=re.compile(rf"^(?:-|\s+)(?P<u>(?i:{_alt(u['durations'])}))(?![\w]|-old)"),
        freq_after=re.compile(r"^\s+times\s+(?:a|an|per|each|every)\s+(?P<u>(?i:day|week|month|year))\b"),
        freq_word=re.compile(rf"(?i:\b(?P<n>{_alt(list(freq_words))})\s+(?:a|an|per|each|every)\s+"
                             r"(?P<u>day|week|month|year)\b)"),
        vague=re.compile(rf"(?i:(?<![\w])(?P<v>{_alt(u['vague'])})\s+of)(?=[\s-])"),
        words_after=re.compile(r"^(?:[\s-]+[A-Za-z][\w'’]*(?:-[A-Za-z]+)*){1,3}"),
    )


@dataclass(slots=True)
class _Raw:
    start: int  # including approximating word and currency sign
    num_start: int
    num_end: int  # end of number and scale
    end: int  # including the unit
    value: float | None
    scaled: bool
    scale: float
    unit: str | None
    approximate: bool
    currency_prefix: bool = False


def _word_value(text: str, g: _Grammar) -> float | None:
    total = 0
    current = 0
    seen = False
    for tok in re.split(r"[\s-]+", text.lower()):
        if tok in ("and", ""):
            continue
        if tok in ("a", "an"):
            current = max(current, 1)
            continue
        if tok in g.number_words:
            current += g.number_words[tok]
        elif tok in ("hundred", "dozen"):
            current = (current or 1) * g.multipliers[tok]
        elif tok in g.multipliers:
            total += (current or 1) * g.multipliers[tok]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def _clean_number(value: float) -> float:
    return float(round(value, 6))


def _counted_noun(rest: str, g: _Grammar) -> tuple[str, int] | None:
    """A counted noun right after a number, after at most two modifiers: (noun, length)."""
    m = g.words_after.match(rest)
    if not m or rest[:1] == "-":  # "six-party talks" is a compound adjective, not six talks
        return None
    pos = 0
    for i, wm in enumerate(re.finditer(r"[\s-]+([A-Za-z][\w'’]*(?:-[A-Za-z]+)*)", m.group(0))):
        word = wm.group(1)
        low = word.lower()
        if low in _STOP or low in g.not_counted:
            return None
        end = pos + wm.end()
        if low in g.counted:
            return low, end
        plural = (word.islower() and len(word) >= 4 and low.endswith("s")
                  and not low.endswith(("ss", "us", "is", "'s", "’s")))
        if plural:
            return low, end
        if i >= 2:
            return None
    return None


def _scan(text: str, g: _Grammar, dates: list[tuple[int, int]]) -> list[_Raw]:
    raws: list[_Raw] = []
    for m in g.number.finditer(text):
        ns, ne = m.span()
        if raws and ns < raws[-1].end:
            continue  # "billion" in "$2 billion" is part of the previous amount
        if any(ds < ne and ns < de for ds, de in dates):
            continue
        if m["d"] is not None:
            value: float | None = float(m["d"].replace(",", ""))
        else:
            value = _word_value(m["w"], g)
            if value is None:
                continue
        start = ns
        sym = g.symbol_before.search(text, max(0, ns - 12), ns)
        currency: str | None = None
        if sym and m["d"] is not None:
            currency = g.symbols[sym["sym"]]
            start = sym.start()
        scale = 1.0
        scaled = False
        after = text[ne:ne + 80]
        sc = g.scale_after.match(after)
        if sc and m["d"] is not None and (sc["long"] or sc["abbr"] or (sc["short"] and currency)):
            word = (sc["long"] or sc["abbr"] or sc["short"]).lower()
            scale = g.scales[word]
            scaled = True
            ne += sc.end()
            after = text[ne:ne + 80]
        elif m["d"] is not None and re.match(r"[A-Za-z]", after):
            continue  # "3rd", "5G", "10th"
        num_end = ne
        approx = g.approx_before.search(text, max(0, start - 30), start)
        approximate = False
        if approx:
            start = approx.start()
            approximate = True
        unit: str | None = currency
        end = ne
        if currency:
            redundant = g.cur_after.match(after)
            if redundant and g.cur_words[redundant["u"].lower()] == currency:
                end = ne + redundant.end()
        elif (pm := g.percent_after.match(after)) is not None:
            unit = "percentage points" if "point" in pm["u"].lower() else "percent"
            end = ne + pm.end()
        elif (cm := g.cur_after.match(after)) is not None:
            unit = g.cur_words[re.sub(r"[\s-]+", " ", cm["u"].lower())]
            end = ne + cm.end()
        elif (mm := g.measure_after.match(after)) is not None and _measure_ok(mm["u"]):
            unit = g.measures[re.sub(r"[\s-]+", " ", mm["u"].lower())]
            end = ne + mm.end()
        elif (fm := g.freq_after.match(after)) is not None:
            unit = f"per {fm['u'].lower()}"
            end = ne + fm.end()
        elif (dm := g.duration_after.match(after)) is not None:
            unit = dm["u"].lower()
            end = ne + dm.end()
        elif (noun := _counted_noun(after, g)) is not None:
            unit, length = noun
            end = ne + length
        value = _clean_number(value * scale) if value is not None else None
        raws.append(_Raw(start, ns, num_end, end, value, scaled, scale, unit, approximate,
                         currency is not None))
    return raws


def _measure_ok(word: str) -> bool:
    # single letters are units only in lower case ("5 t", "100 m")
    return len(word) > 1 or word.islower()


def _merge(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Join ranges into one quantity and give "X out of Y" the unit of Y."""
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        b = raws[i + 1] if i + 1 < len(raws) else None
        if b is not None and (a.unit is not None or b.unit is not None):
            gap = text[a.end:b.start]
            lead = _GRAMMAR_RANGE_BEFORE.search(text, max(0, a.start - 20), a.start)
            connector = re.fullmatch(r"\s*(?:-|–|—|to)\s*", gap) or (
                lead is not None and re.fullmatch(r"\s+and\s+", gap))
            if connector and (a.unit is None or b.unit is None or a.unit == b.unit):
                value = a.value
                if value is not None and not a.scaled and b.scaled:
                    value = _clean_number(value * b.scale)
                start = lead.start() if lead is not None else a.start
                out.append(_Raw(start, a.num_start, b.num_end, b.end, value, a.scaled or b.scaled,
                                b.scale, b.unit or a.unit, True, a.currency_prefix or b.currency_prefix))
                i += 2
                continue
            if a.unit is None and b.unit is not None and re.fullmatch(r"\s+out\s+of\s+", gap):
                value = a.value
                if value is not None and not a.scaled and b.scaled and b.currency_prefix:
                    value = _clean_number(value * b.scale)
                a.unit = b.unit
                a.value = value
        out.append(a)
        i += 1
    return out


_GRAMMAR_RANGE_BEFORE = re.compile(r"(?i:(?<![\w])(?:between|from)\s+)$")


def _vague(text: str, g: _Grammar, taken: list[tuple[int, int]]) -> list[_Raw]:
    out: list[_Raw] = []
    for m in g.vague.finditer(text):
        s, e = m.span()
        if any(ts < e and s < te for ts, te in taken):
            continue
        after = text[e:e + 80]
        unit: str | None = None
        end = e
        if (cm := g.cur_after.match(after)) is not None and cm["u"].lower() != "won":
            unit = g.cur_words[re.sub(r"[\s-]+", " ", cm["u"].lower())]
            end = e + cm.end()
        elif (mm := g.measure_after.match(after)) is not None and len(mm["u"]) > 1:
            unit = g.measures[re.sub(r"[\s-]+", " ", mm["u"].lower())]
            end = e + mm.end()
        elif (noun := _counted_noun(after, g)) is not None:
            unit, length = noun
            end = e + length
        if unit is None:
            continue
        out.append(_Raw(s, s, e, end, None, False, 1.0, unit, True))
    return out


def _frequency_words(text: str, g: _Grammar, taken: list[tuple[int, int]]) -> list[_Raw]:
    out: list[_Raw] = []
    for m in g.freq_word.finditer(text):
        s, e = m.span()
        if any(ts < e and s < te for ts, te in taken):
            continue
        value = float(g.freq_words[m["n"].lower()])
        out.append(_Raw(s, s, e, e, value, False, 1.0, f"per {m['u'].lower()}", False))
    return out


def _referring(text: str, start: int, value: float | None) -> bool:
    """"the two countries", "the three leaders": a definite small number names a group already
    mentioned; it is not an amount."""
    before = text[max(0, start - 5):start].lower()
    return value is not None and value <= 3 and before.endswith(("the ", "these ", "those "))


def find_quantities(text: str, doc_id: str, dates: list[DateExpression] | None = None) -> list[Quantity]:
    """Every amount in the text: money, mass, distance, percentages, counts, durations; normalised."""
    g = _grammar()
    date_spans = [(d.start, d.end) for d in (find_dates(text) if dates is None else dates)]
    raws = _merge(text, _scan(text, g, date_spans))
    kept = [r for r in raws if r.unit is not None]
    spans = [(r.start, r.end) for r in kept]
    kept += _vague(text, g, spans)
    spans = [(r.start, r.end) for r in kept]
    kept += _frequency_words(text, g, spans)
    kept.sort(key=lambda r: (r.start, r.end))
    result: list[Quantity] = []
    last_end = -1
    for r in kept:
        if r.start < last_end or r.unit is None or _referring(text, r.start, r.value):
            continue
        last_end = r.end
        result.append(Quantity(doc_id=doc_id, start=r.start, end=r.end, text=text[r.start:r.end],
                               value=r.value, unit=r.unit, approximate=r.approximate))
    return result
