"""TEMPORARY stand-in for tieline.extract.countries until that module lands.

Delete once the real find_countries is committed (events.py prefers the real one
whenever it returns anything).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .countries import CountryMention

_EXTRA = {
    "russia": "RUS", "russian": "RUS", "russians": "RUS", "moscow": "RUS", "kremlin": "RUS",
    "soviet": "SUN", "soviet union": "SUN", "ussr": "SUN",
    "pakistan": "PAK", "pakistani": "PAK", "islamabad": "PAK",
    "india": "IND", "indian": "IND", "new delhi": "IND", "delhi": "IND",
    "china": "CHN", "chinese": "CHN", "beijing": "CHN",
    "united states": "USA", "us": "USA", "u.s.": "USA", "u.s": "USA", "america": "USA",
    "american": "USA", "americans": "USA", "washington": "USA", "usa": "USA",
    "afghanistan": "AFG", "afghan": "AFG", "kabul": "AFG",
    "iran": "IRN", "iranian": "IRN", "tehran": "IRN", "iraq": "IRQ", "iraqi": "IRQ",
    "britain": "GBR", "british": "GBR", "uk": "GBR", "london": "GBR",
    "france": "FRA", "french": "FRA", "paris": "FRA", "germany": "DEU", "german": "DEU",
    "turkey": "TUR", "turkish": "TUR", "ankara": "TUR", "israel": "ISR", "israeli": "ISR",
    "saudi arabia": "SAU", "saudi": "SAU", "japan": "JPN", "japanese": "JPN",
    "ukraine": "UKR", "ukrainian": "UKR", "kyiv": "UKR", "syria": "SYR", "syrian": "SYR",
    "egypt": "EGY", "egyptian": "EGY", "north korea": "PRK", "south korea": "KOR",
    "bangladesh": "BGD", "sri lanka": "LKA", "nepal": "NPL", "uzbekistan": "UZB",
    "kazakhstan": "KAZ", "tajikistan": "TJK", "turkmenistan": "TKM", "kyrgyzstan": "KGZ",
    "qatar": "QAT", "uae": "ARE", "vietnam": "VNM", "vietnamese": "VNM",
    "palestinian": "PSE", "palestinians": "PSE", "lebanon": "LBN", "jordan": "JOR",
}


@lru_cache(maxsize=1)
def _pattern():
    names = dict(_EXTRA)
    try:
        import pycountry
        for c in pycountry.countries:
            names.setdefault(c.name.lower(), c.alpha_3)
            if getattr(c, "common_name", None):
                names.setdefault(c.common_name.lower(), c.alpha_3)
    except ImportError:  # pragma: no cover
        pass
    keys = sorted(names, key=len, reverse=True)
    rx = re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w])", re.I)
    return rx, names


def find_countries(text: str) -> list[CountryMention]:
    rx, names = _pattern()
    out = []
    for m in rx.finditer(text):
        s = m.group(0)
        if s.lower() == "us" and s != "US":
            continue
        out.append(CountryMention(m.start(), m.end(), s, names[s.lower()], "name"))
    return out
