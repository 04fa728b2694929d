"""Bilateral trade figures: the two-way value of trade in a period, and its growth.

A figure needs three things in one sentence: a trade cue ("trade", "turnover"), a
sign that the trade is two-way (bilateral, between two states, "their trade"), and an
amount attached to that trade rather than to one-way exports, a deal or a target.
Money comes from ``amounts.find_amounts`` (currency kept); growth is a percentage or a
multiple ("sixfold"). The period is the year or fiscal-year label the text gives,
relative phrases resolved against the publication date.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..model import Amount, Figure
from .amounts import find_amounts
from .countries import find_countries
from .dates import find_dates
from .mentions import lexicon
from .nlp import ParsedDoc

TRADE, GROWTH = "bilateral_trade", "bilateral_trade_growth"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_FISCAL = re.compile(r"\b(?:FY\s?)?((?:19|20)\d\d)\s?[-\u2013/]\s?(\d{2}|(?:19|20)\d\d)\b")


@lru_cache(maxsize=1)
def _lex() -> dict:
    return lexicon("figures_cues")


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _re(key: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{_alt(_lex()[key])})(?![\w-])", re.I)


def _is_money(a: Amount) -> bool:
    return len(a.unit) == 3 and a.unit.isupper()


def _fy_label(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def _published(pub: str | None) -> tuple[int | None, int | None]:
    if not pub:
        return None, None
    m = re.match(r"(\d{4})(?:-(\d{2}))?", pub)
    if not m:
        return None, None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None


def _fiscal_country(countries: list[str]) -> str | None:
    starts = _lex()["fiscal_year_start_month"]
    for c in countries:
        if starts.get(c, 1) != 1:
            return c
    return None


def _periods(text: str, published: str | None, countries: list[str]) -> list[tuple[int, int, str, str]]:
    """Period expressions in ``text``: (start, end, label, kind) with kind year|fiscal|relative."""
    out = []
    year, month = _published(published)
    for m in _FISCAL.finditer(text):
        a, b = m.group(1), m.group(2)
        b2 = b[-2:]
        if (int(a) + 1) % 100 == int(b2):
            out.append((m.start(), m.end(), f"{a}-{b2}", "fiscal"))
    lex = _lex()
    for phrase, off in lex["relative_fiscal"].items():
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.I):
            c = _fiscal_country(countries)
            if year is None or month is None or c is None:
                continue
            start_month = lex["fiscal_year_start_month"][c]
            current = year if month >= start_month else year - 1
            out.append((m.start(), m.end(), _fy_label(current + off), "fiscal"))
    taken = [(s, e) for s, e, _, _ in out]
    for d in find_dates(text, published):
        if any(s < d.end and d.start < e for s, e in taken):
            continue
        if d.value and d.kind not in ("vague", "decade"):
            out.append((d.start, d.end, d.value[:4], "relative" if d.kind == "relative" else "year"))
            taken.append((d.start, d.end))
    for phrase, off in lex["relative_years"].items():
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.I):
            if year is None or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            out.append((m.start(), m.end(), str(year + off), "relative"))
            taken.append((m.start(), m.end()))
    for m in _YEAR.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            out.append((m.start(), m.end(), m.group(1), "year"))
    return sorted(out)


@lru_cache(maxsize=1)
def _continuation_re() -> re.Pattern:
    return re.compile(rf"\s*(?:{_alt(_lex()['continuation_subjects'])})\b")


def _near(pattern: re.Pattern, text: str, a: int, b: int) -> bool:
    return bool(pattern.search(text[max(0, a):max(0, b)]))


def _growth_amounts(text: str) -> list[Amount]:
    """Multiples written as words ("doubled", "sixfold") that find_amounts may not give."""
    out = []
    for word, n in _lex()["multipliers"].items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I):
            out.append(Amount(float(n), "times", None, m.start(), m.end()))
    return out


def _doc_countries(parsed: ParsedDoc) -> list[str]:
    counts = Counter()
    for para, _ in parsed.paragraphs:
        for c in find_countries(para.text):
            counts[c.iso3] += 1
    return [c for c, _ in counts.most_common(2)]


def extract_figures(parsed: ParsedDoc) -> list[Figure]:
    """Bilateral trade values and growth rates, one per amount, in text order."""
    doc = parsed.doc
    published = doc.published
    lex = _lex()
    out: list[Figure] = []
    doc_pair = None
    prev_bilateral_para = -1
    prev_trade: tuple[int, bool] = (-1, False)    # (paragraph, last sentence gave a figure)
    for pi, (para, sdoc) in enumerate(parsed.paragraphs):
        for sent in sdoc.sents:
            text = sent.text
            base = para.start + sent.start_char
            # "trade partner" ranks a country; it states no value of trade
            trade = [m for m in _re("trade").finditer(text)
                     if not re.match(r"\s+partners?\b", text[m.end():], re.I)]
            if not trade and prev_trade == (pi, True):
                # "It reached $920 million in 2022": the subject is the trade just named
                m = _continuation_re().match(text)
                if m:
                    trade = [m]
            prev_trade = (pi, False)
            if not trade:
                continue
            bilateral = bool(_re("bilateral").search(text))
            cs = find_countries(text)
            isos = list(dict.fromkeys(c.iso3 for c in cs))
            if len(isos) >= 2 or re.search(r"\b[A-Z][a-z]+-[A-Z][a-z]+\b", text):
                bilateral = True
            if not bilateral and prev_bilateral_para == pi:
                bilateral = True      # "Their trade ..." after a sentence that named the pair
            if bilateral:
                prev_bilateral_para = pi
            if not bilateral:
                continue
            if len(isos) < 2:
                if doc_pair is None:
                    doc_pair = _doc_countries(parsed)
                isos = list(dict.fromkeys(isos + doc_pair))[:2]
            amounts = [a for a in find_amounts(text) if _is_money(a) or a.unit in ("percent", "times")]
            amounts += [g for g in _growth_amounts(text)
                        if not any(a.start < g.end and g.start < a.end for a in amounts)]
            amounts.sort(key=lambda a: a.start)
            periods = _periods(text, published, isos)
            prev_end = 0
            for ai, a in enumerate(amounts):
                cue_before = [m for m in trade if m.end() <= a.start]
                cue_after = [m for m in trade if m.start() >= a.end and m.start() - a.end < 40]
                if not cue_before and not cue_after:
                    continue
                # one-way flows, deals and targets are not bilateral trade figures
                if _near(_re("one_way"), text, a.end, a.end + 12) or \
                        _near(_re("one_way"), text, a.start - 30, a.start) and not \
                        _near(_re("trade"), text, a.start - 30, a.start):
                    continue
                if _near(_re("deal"), text, a.start - 40, a.start) or _near(_re("deal"), text, a.end, a.end + 15):
                    continue
                clause_start = max(text.rfind(",", 0, a.start), text.rfind(";", 0, a.start))
                if _near(_re("target"), text, max(clause_start, a.start - 80), a.start):
                    continue
                if _near(_re("total"), text, a.start - 60, a.start):
                    continue
                nxt = amounts[ai + 1].start if ai + 1 < len(amounts) else len(text)
                if _is_money(a):
                    indicator, value = TRADE, a.value
                else:
                    window = text[max(0, a.start - 50):min(len(text), a.end + 30)]
                    if a.unit == "percent" and not (_re("growth_up").search(window) or _re("growth_down").search(window)):
                        continue
                    indicator = GROWTH
                    down = _re("growth_down").search(window) and not _re("growth_up").search(window)
                    value = -a.value if down else a.value
                # period: the nearest expression after the amount (before the next amount),
                # else the nearest before it in the same stretch, else the publication year
                after = [p for p in periods if a.end <= p[0] < nxt]
                before = [p for p in periods if prev_end <= p[0] and p[1] <= a.start]
                base_period = None
                period = None
                for p in after:
                    marker = text[max(a.end, p[0] - 16):p[0]].lower()
                    if any(re.search(rf"\b{re.escape(b)}\s*$", marker) for b in lex["base_markers"]):
                        if indicator == GROWTH and base_period is None:
                            base_period = p[2]
                        continue
                    period = period or p[2]
                    if p[3] == "relative" and "one year" in text[p[0]:p[1]].lower() and indicator == GROWTH:
                        base_period = str(int(p[2]) - 1)
                if period is None and before:
                    period = before[-1][2]
                if period is None and indicator == TRADE:
                    # "In the first half of 2023, trade ... grew by 8 percent to $1.9 billion"
                    earlier = [p for p in periods if p[1] <= a.start]
                    if earlier:
                        period = earlier[-1][2]
                if period is None and indicator == GROWTH:
                    # "$790 million in 2020, a 45% increase from 2019": the growth is of
                    # the period the sentence already named
                    others = [p for p in periods if p[2] != base_period and (p[0] >= a.end or p[1] <= a.start)]
                    if others:
                        period = min(others, key=lambda p: abs(p[0] - a.start))[2]
                if period is None:
                    period = _published(published)[0] and str(_published(published)[0])
                if indicator == GROWTH and base_period is None and period and period.isdigit() and \
                        _re("year_on_year").search(text[a.start:min(len(text), a.end + 30)]):
                    base_period = str(int(period) - 1)
                end = a.end
                if after and after[0][0] - a.end < 25:
                    end = max(end, after[0][1])
                start = max(prev_end, cue_before[-1].start() if cue_before else a.start)
                # include "bilateral"/"two-way" just before the cue
                m = re.search(r"(?:bilateral|two-way|their|the)\s+$", text[max(prev_end, start - 12):start], re.I)
                if m:
                    start = max(prev_end, start - 12) + m.start()
                while start < end and text[start] in " ,;":
                    start += 1
                prev_end = end
                prev_trade = (pi, True)
                out.append(Figure(doc.doc_id, base + start, base + end, text[start:end], indicator,
                                  value, "times" if a.unit == "times" else a.unit, period, base_period,
                                  tuple(isos), qualifier=a.qualifier))
    return out
