"""Quantities with units and hedges: "$2.5bn", "about 50%", "1,100-km-long",
"15 bcm per year", "sixfold", "eight JF-17 jets", "between 2 and 3 billion roubles".

A left-to-right scan: every numeral (digits or number words) is read together with
what is glued to it (scale, unit, currency, a second numeral for a range) and the
words just before it (currency prefix, hedge). All word lists live in
``lexicon/units.json``.

Choices (see gold/README "Amounts"):
- Money is reported in ISO 4217 codes; "Rs"/"rupees" is INR when the text names India
  and not Pakistan, else PKR (with crore/lakh and no Pakistan cue: INR).
- "doubled", "will double the", "tripled" are ``times`` (2, 3); the adjective
  "double" (double taxation) is not. "two times" counts only as a multiplier
  ("two times larger", "by two times"), not as a frequency ("met two times").
- ``count`` needs a counted noun after the numeral (a plural, "personnel", a
  "22-member" adjective); years, dates, ordinals, durations, model numbers (JF-17,
  S-400) and labels ("Article 370") are never counts; "one" alone is never a count.
- Measures in other systems (miles, acres, cubic feet) are left out; GW, kW, kilotonnes
  and million tonnes are converted to MW and tonnes. "bcm" needs an annual marker
  ("per year") or an annual clause ("a capacity of 33 bcm", "150 bcm in 2019").
- "less than", "under", "below" are read as ``up_to`` and "at least" as ``more_than``
  (the schema has no lower/upper-bound qualifiers of its own).
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from ..model import Amount

_LEXICON = Path(__file__).parent / "lexicon" / "units.json"

#: units an Amount may carry besides ISO 4217 currency codes
UNITS = ("km", "bcm_per_year", "percent", "times", "count", "MW", "tonnes", "barrels",
         "barrels_per_day")

_MAX_DIGITS = 18          # a longer digit run is an identifier, not a quantity
_DASH = "-\u2010\u2011\u2012\u2013\u2014"


def _alt(keys, *, boundary=True) -> str:
    """Alternation of literal keys, longest first, spaces matching any whitespace."""
    parts = []
    for k in sorted(set(keys), key=len, reverse=True):
        p = re.escape(k).replace(r"\ ", r"\s+")
        if boundary and k[-1:].isalnum():
            p += r"(?![^\W_])"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


class _Lex:
    """Compiled views of units.json (built once)."""

    def __init__(self, d: dict):
        self.d = d
        self.scales = {k.lower(): float(v) for k, v in d["scales"].items()}
        self.attached_only = set(d["scales_attached_only"])
        self.number_words = {k: float(v) for k, v in d["number_words"].items()}
        self.no_count_words = set(d["no_count_words"])
        self.cur_prefix = d["currency_prefix"]
        self.cur_suffix = d["currency_suffix"]
        self.cur_suffix_scale = d["currency_suffix_needs_scale"]
        self.units = {k: v for k, v in d["units"].items() if v}
        self.units_lower = {k.lower(): v for k, v in self.units.items() if len(k) > 3}
        self.conv = {k: (float(f), u) for k, (f, u) in d["unit_conversions"].items()}
        self.quals = d["qualifiers"]
        self.qual_blockers = {k: {w.lower() for w in v}
                              for k, v in d["qualifier_blockers"].items()}
        self.time_words = {w.lower() for w in d["time_words"]}
        self.months = set(d["month_words"])
        self.other_units = {w.lower() for w in d["other_units"]}
        self.count_stop = set(d["count_stop"])
        self.not_plural = set(d["not_plural"])
        self.irregular = set(d["irregular_plurals"])
        self.hyphen_counters = set(d["hyphen_counters"])
        self.party_nouns = set(d["party_nouns"])
        self.anaphoric_determiners = set(d["anaphoric_determiners"])
        self.times_words = d["times_words"]
        self.times_verbs = d["times_verbs"]
        self.times_bare = d["times_bare_verbs"]
        self.times_bare_followers = set(d["times_bare_followers"])
        self.times_followers = set(d["times_followers"])
        self.india = d["rupee_india_cues"]
        self.pakistan = d["rupee_pakistan_cues"]

        units_tens = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        ones = r"(?:one|two|three|four|five|six|seven|eight|nine)"
        simple = [w for w in self.number_words if " " not in w]
        phrases = [w for w in self.number_words if " " in w]
        word_num = (r"(?:" + _alt(phrases) + "|" + units_tens + r"[-\s]" + ones
                    + r"(?![^\W_])|" + _alt(simple) + ")")
        self.num_re = re.compile(
            r"(?P<d>(?<![\d.,_])\d+(?:,\d{2,3})*(?:\.\d+)?(?![\d,]\d)|(?<![\w.])\.\d+)"
            r"|(?P<w>(?<![\w-])" + word_num + ")", re.IGNORECASE)
        full_scales = [k for k in self.scales if k not in self.attached_only]
        self.scale_sp_re = re.compile(r"\s*[" + _DASH + r"]?\s*(" + _alt(full_scales)
                                      + ")", re.IGNORECASE)
        self.scale_att_re = re.compile(r"(" + _alt(list(self.scales)) + ")",
                                       re.IGNORECASE)
        self.unit_re = re.compile(
            r"\s*[" + _DASH + r"]?\s*(" + _alt(list(self.units)) + ")"
            r"(?:[" + _DASH + r"]long)?", re.IGNORECASE)
        self.cubic_re = re.compile(
            r"\s*(" + _alt(d["cubic_metre_words"]) + r")(?:\s+of\s+(?:natural\s+)?gas)?"
            r"(?:\s*(" + _alt(d["annual_markers"]) + "))?", re.IGNORECASE)
        self.bcm_cues = re.compile(_alt(d["bcm_annual_cues"]) + "|\\bin\\s+(?:19|20)\\d\\d\\b",
                                   re.IGNORECASE)
        self.cur_suffix_re = re.compile(r"\s*[" + _DASH + r"]?\s*("
                                        + _alt(list(self.cur_suffix)) + ")")
        self.cur_suffix_scale_re = re.compile(
            r"\s*(" + _alt(list(self.cur_suffix_scale)) + ")")
        self.cur_prefix_re = re.compile(
            r"(?:(?<![^\W_])|(?<=\d))(" + _alt(list(self.cur_prefix), boundary=False)
            + r")\s?$")
        self.cur_prefix_inline = re.compile(
            r"(" + _alt(list(self.cur_prefix), boundary=False) + r")\s?")
        self.qual_re = re.compile(
            r"(?:^|(?<=[^\w]))(" + _alt(list(self.quals)) + r")\s*$", re.IGNORECASE)
        self.range_re = re.compile(r"\s*([" + _DASH + r"]|\bto\b|\band\b)\s*",
                                   re.IGNORECASE)
        self.fold_re = re.compile(r"\s*[" + _DASH + r"]?\s*fold(?![^\W_])", re.IGNORECASE)
        self.times_re = re.compile(r"\s+times(?![^\W_])", re.IGNORECASE)
        self.hyphen_word_re = re.compile(r"[" + _DASH + r"]([A-Za-z]+)")
        self.token_re = re.compile(
            r"\s*([A-Za-z][A-Za-z0-9]*(?:[" + _DASH + r"][A-Za-z0-9]+)*(?:['’]s)?"
            r"|[^\sA-Za-z])")
        tw = {**self.times_words, **self.times_verbs}
        self.times_word_re = re.compile(r"(?<![\w-])(" + _alt(list(tw)) + ")",
                                        re.IGNORECASE)
        self.times_bare_re = re.compile(
            r"(?<![\w-])(" + _alt(list(self.times_bare)) + r")\s+(\w+)", re.IGNORECASE)
        self.word_fold_re = re.compile(
            r"(?<![\w-])(" + _alt(simple) + r")[" + _DASH + r"]fold(?![^\W_])",
            re.IGNORECASE)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex(json.loads(_LEXICON.read_text(encoding="utf-8")))


def _word_value(lex: _Lex, w: str) -> float | None:
    w = " ".join(w.lower().replace("-", " ").split())
    if w in lex.number_words:
        return lex.number_words[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in lex.number_words and parts[1] in lex.number_words:
        return lex.number_words[parts[0]] + lex.number_words[parts[1]]
    return None


class _Num:
    """One numeral with what is glued to it."""

    __slots__ = ("start", "end", "value", "word", "scale", "scale_word", "attached",
                 "digits", "bad")

    def __init__(self):
        self.scale = 1.0
        self.scale_word = None
        self.attached = False
        self.bad = False


def _read_num(lex: _Lex, text: str, m: re.Match, second: bool = False) -> _Num | None:
    n = _Num()
    n.start, n.end = m.start(), m.end()
    if m.group("d") is not None:
        digits = m.group("d").replace(",", "")
        if len(digits.replace(".", "")) > _MAX_DIGITS:
            return None
        n.value, n.word, n.digits = float(digits), False, m.group("d")
        # JF-17, S-400, 24/7: a numeral glued to a code is not a quantity
        p = n.start
        # letters glued before the digits: a currency ("Rs10bn") or a code ("G20")
        if p >= 1 and text[p - 1].isalpha() and _prefix(lex, text, p)[0] is None:
            return None
        if not second and p >= 2 and text[p - 1] in _DASH + "/" and text[p - 2].isalnum():
            return None
        if p >= 1 and text[p - 1] in "#№":
            return None
        # glued letters: a scale ("2bn"), a unit ("1,200MW"), else an ordinal or code
        if n.end < len(text) and text[n.end].isalpha():
            sm = lex.scale_att_re.match(text, n.end)
            um = lex.unit_re.match(text, n.end)
            if sm and (sm.end() >= len(text) or not text[sm.end()].isalpha()):
                n.scale = lex.scales[sm.group(1).lower()]
                n.scale_word = sm.group(1).lower()
                n.attached = True
                n.end = sm.end()
            elif um and _unit_key(lex, um.group(1)):
                pass        # unit handled by the caller
            else:
                n.bad = True
                return n
    else:
        v = _word_value(lex, m.group("w"))
        if v is None:
            return None
        n.value, n.word, n.digits = v, True, m.group("w")
    # spaced scale words, possibly stacked ("1.5 lakh crore", "two hundred thousand")
    for _ in range(2):
        sm = lex.scale_sp_re.match(text, n.end)
        if not sm:
            break
        n.scale *= lex.scales[sm.group(1).lower()]
        n.scale_word = sm.group(1).lower()
        n.end = sm.end()
    return n


def _unit_key(lex: _Lex, s: str) -> str | None:
    s = " ".join(s.split())
    if s in lex.units:
        return lex.units[s]
    return lex.units_lower.get(s.lower())


def _rupee(lex: _Lex, text: str, scale_word: str | None) -> str:
    india = any(c in text for c in lex.india)
    pak = any(c in text for c in lex.pakistan)
    if india and not pak:
        return "INR"
    if pak:
        return "PKR"
    return "INR" if scale_word in ("lakh", "lakhs", "lac", "lacs", "crore", "crores",
                                   "cr") else "PKR"


def _qualifier(lex: _Lex, text: str, pos: int) -> str | None:
    window = text[max(0, pos - 30):pos]
    m = lex.qual_re.search(window)
    if not m:
        return None
    q = " ".join(m.group(1).lower().split())
    before = re.search(r"([\w']+)\W*$", window[:m.start(1)])
    if before and before.group(1).lower() in lex.qual_blockers.get(q, ()):
        return None         # "handed over two jets": a particle, not a hedge
    return lex.quals.get(q)


def _prefix(lex: _Lex, text: str, pos: int) -> tuple[str | None, int]:
    m = lex.cur_prefix_re.search(text[max(0, pos - 20):pos])
    if not m:
        return None, pos
    return lex.cur_prefix.get(" ".join(m.group(1).split())), pos - (len(m.group(0)))


def _annual_context(lex: _Lex, text: str, start: int, end: int) -> bool:
    """A gas volume with no "per year" is still annual when the clause says so
    ("a capacity of 33 bcm", "exported 150 bcm in 2019")."""
    return bool(lex.bcm_cues.search(text[max(0, start - 60):end + 20]))


def _is_year(n: _Num) -> bool:
    return (not n.word and n.scale == 1.0 and "," not in n.digits and "." not in n.digits
            and len(n.digits) == 4 and 1800 <= n.value <= 2100)


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([\w.']+)\W*$", text[max(0, pos - 40):pos])
    return m.group(1) if m else ""


def _counted(lex: _Lex, text: str, pos: int) -> str | None:
    """The counted noun that follows ``pos`` (a few modifiers allowed in between),
    lowercased, or None when what follows is not a counted noun."""
    hm = lex.hyphen_word_re.match(text, pos)
    if hm:
        return hm.group(1).lower() if hm.group(1).lower() in lex.hyphen_counters else None
    for i in range(5):
        tm = lex.token_re.match(text, pos)
        if not tm:
            return None
        tok = tm.group(1)
        pos = tm.end()
        if not tok[0].isalpha():
            return None
        low = tok.lower()
        if low in lex.time_words or low in lex.other_units or tok in lex.months:
            return None
        if low == "out" and re.match(r"\s+of\s", text[pos:pos + 5]):
            return "out of"     # "two out of four contracts"
        if low in lex.count_stop:
            return None
        if low in lex.irregular:
            return low
        base = re.sub(r"['’]s$", "", tok)
        if re.search(r"\d", base):               # a model code: "JF-17", "JF-17s"
            if base.endswith("s"):
                return low
            continue
        if tok[0].isupper():
            continue                             # proper modifier: "Ada class ships"
        if (low.endswith("s") and len(low) > 3 and low not in lex.not_plural
                and not low.endswith(("ss", "us", "is", "'s", "’s"))):
            return low
        if i >= 3:
            return None
    return None


def _label_before(lex: _Lex, text: str, pos: int) -> bool:
    """"Article 370", "Boeing 737", "Druzhba 2016": a capitalised name just before."""
    m = re.search(r"([A-Za-z][\w]*)\s$", text[max(0, pos - 30):pos])
    if not m:
        return False
    w = m.group(1)
    if not w[0].isupper():
        return False
    low = w.lower()
    return not (low in lex.quals or low in lex.count_stop or low in lex.months
                or low in {"all", "only", "another", "just", "some", "its", "these",
                           "those", "the", "nearly", "around", "about", "almost",
                           "roughly", "approximately", "over", "some", "with", "by"})


def _date_next(lex: _Lex, text: str, pos: int) -> bool:
    m = re.match(r"\s*(?:of\s+)?([A-Z][a-z]+)", text[pos:pos + 16])
    return bool(m and m.group(1) in lex.months)


def _amounts_at(lex: _Lex, text: str, m: re.Match) -> tuple[list[Amount], int]:
    """The amounts starting at numeral ``m`` and where the scan may resume."""
    a = _read_num(lex, text, m)
    if a is None:
        return [], m.end()
    if a.bad:
        return [], a.end
    cur, left = _prefix(lex, text, a.start)
    nums = [a]
    end = a.end
    # a range: "4-5", "$50-52 million", "between 2 and 3 billion", "four to five"
    rm = lex.range_re.match(text, end)
    if rm:
        sep = rm.group(1).lower()
        ok = sep != "and" or re.search(r"\bbetween\s+\S*\s*$", text[max(0, left - 20):left])
        if ok:
            p = rm.end()
            cur2 = None
            pm = lex.cur_prefix_inline.match(text, p)
            code2 = lex.cur_prefix.get(" ".join(pm.group(1).split())) if pm else None
            if code2 and (cur is None or code2 == cur):
                cur2 = code2
                p = pm.end()
            m2 = lex.num_re.match(text, p)
            b = _read_num(lex, text, m2, second=True) if m2 else None
            if b is not None and not b.bad and b.word == a.word:
                cur = cur or cur2
                if _is_year(a) and (_is_year(b) or len(b.digits) <= 2):
                    return [], b.end                    # "2019-20", "1990-1995"
                if a.scale == 1.0 and b.scale != 1.0:
                    a.scale, a.scale_word = b.scale, b.scale_word
                if b.value * b.scale >= a.value * a.scale:
                    nums.append(b)
                    end = b.end
    last = nums[-1]
    qual = _qualifier(lex, text, left)

    def out(unit: str, factor: float = 1.0, scaled: bool = True, stop: int = end):
        res = []
        for i, n in enumerate(nums):
            v = n.value * (n.scale if scaled else 1.0) * factor
            if not math.isfinite(v):
                return [], stop
            v = float(f"{v:.12g}")      # 0.79 * 1e9 is 790000000.0000001
            s = left if i == 0 else n.start
            e = n.end if i < len(nums) - 1 else stop
            res.append(Amount(v, unit, qual, s, e))
        return res, stop

    # currency after the number ("1.5 trillion rubles", "10 billion USD")
    sm = lex.cur_suffix_re.match(text, end)
    if sm and cur is None:
        cur = lex.cur_suffix.get(" ".join(sm.group(1).split()))
        end = sm.end()
    elif cur is None and last.scale != 1.0 and not last.attached:
        sm = lex.cur_suffix_scale_re.match(text, end)
        if sm:
            cur = lex.cur_suffix_scale.get(" ".join(sm.group(1).split()))
            end = sm.end()
    if cur is not None:
        if cur == "RUPEE":
            cur = _rupee(lex, text, last.scale_word)
        return out(cur, stop=end)
    # billion cubic metres (a year)
    cm = lex.cubic_re.match(text, end)
    if cm:
        if cm.group(2) or _annual_context(lex, text, left, cm.end()):
            return out("bcm_per_year", 1e-9, stop=cm.end())
        return [], cm.end()
    um = lex.unit_re.match(text, end)
    if um:
        unit = _unit_key(lex, um.group(1))
        if unit == "bcm":
            if _annual_context(lex, text, left, um.end()):
                return out("bcm_per_year", stop=um.end())
            return [], um.end()
        if unit:
            factor = 1.0
            if unit in lex.conv:
                factor, unit = lex.conv[unit]
            return out(unit, factor, stop=um.end())
    if last.attached and last.scale_word in lex.attached_only:
        return [], end                       # "3m" with no currency: metres, not millions
    fm = lex.fold_re.match(text, end)
    if fm:
        return out("times", stop=fm.end())
    tm = lex.times_re.match(text, end)
    if tm:
        fm2 = re.match(r"\s+(\w+)", text[tm.end():tm.end() + 30])
        if ((fm2 and fm2.group(1).lower() in lex.times_followers)
                or _prev_word(text, left).lower() == "by"):
            return out("times", stop=tm.end())
    # a count of things
    if any("." in (n.digits if not n.word else "") for n in nums):
        return [], end
    if a.word and " ".join(a.digits.lower().split()) in lex.no_count_words and len(nums) == 1:
        return [], end
    if _is_year(a) and qual is None:
        return [], end
    prev = _prev_word(text, left)
    if prev in lex.months or _date_next(lex, text, end) or (
            not a.word and _label_before(lex, text, left)):
        return [], end
    if re.match(r"[:/.]\d", text[end:end + 2]):
        return [], end
    noun = _counted(lex, text, end)
    if noun is None or a.value == 0:
        return [], end
    # "the two countries", "both sides": a reference back to parties, not a quantity
    if noun in lex.party_nouns and prev.lower() in lex.anaphoric_determiners:
        return [], end
    return out("count", stop=end)


def _times_words(lex: _Lex, text: str) -> list[Amount]:
    found = []
    for m in lex.times_word_re.finditer(text):
        w = m.group(1).lower()
        v = lex.times_words.get(w) or lex.times_verbs.get(w)
        if v:
            found.append(Amount(float(v), "times", None, m.start(), m.end()))
    for m in lex.times_bare_re.finditer(text):
        if m.group(2).lower() in lex.times_bare_followers:
            v = lex.times_bare[m.group(1).lower()]
            found.append(Amount(float(v), "times", None, m.start(), m.end(1)))
    for m in lex.word_fold_re.finditer(text):
        v = _word_value(lex, m.group(1))
        if v:
            found.append(Amount(v, "times", _qualifier(lex, text, m.start()),
                                m.start(), m.end()))
    return found


def find_amounts(text: str) -> list[Amount]:
    """Every quantity in ``text``; Amount.start/end are offsets local to ``text``."""
    if not isinstance(text, str) or not text:
        return []
    try:
        lex = _lex()
    except Exception:  # a broken lexicon must not break extraction
        return []
    out: list[Amount] = []
    try:
        resume = 0
        for m in lex.num_re.finditer(text):
            if m.start() < resume:
                continue
            found, resume = _amounts_at(lex, text, m)
            out.extend(found)
        taken = [(a.start, a.end) for a in out]
        for t in _times_words(lex, text):
            if not any(s < t.end and t.start < e for s, e in taken):
                out.append(t)
                taken.append((t.start, t.end))
    except Exception:  # never let one odd string break a document
        pass
    out = [a for a in out if 0 <= a.start < a.end <= len(text) and math.isfinite(a.value)]
    return sorted(out, key=lambda a: (a.start, a.end))
