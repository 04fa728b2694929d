"""Page cleaning: find the article body in a page's text, drop everything else.

A page rendered to text is a sequence of lines: navigation and breadcrumbs, a
headline, a byline and a date, the article, and then the furniture that follows it
(share buttons, tag lists, related articles, reader comments, footers). The cleaner
works on lines and on general features only:

* line shape: word count, end punctuation, Title Case, digits only, dates only - in any
  script: Han and kana count a word per two characters, 。！？ ؟ ۔ । end sentences, and a
  short line the shared date reader reads as a date (in ~40 languages) is a date line;
* lexicon cues read from ``boilerplate.json`` (share/comment/cookie/related/byline/date-label
  phrases in English and a dozen other languages);
* position: the body starts at the first line that reads like prose (ten words or
  more ending in a sentence mark); what precedes it is header material (title, byline,
  date, nav); after a reader-comment heading, a forum member block or a list of dated
  teasers, nothing is body any more;
* repetition: a paragraph the page repeats is kept once, at its first occurrence.

Every paragraph, kept or dropped, is a ``Paragraph`` whose ``text`` is an exact slice
of the raw text, so spans computed later point into ``Document.raw_text``.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Paragraph

# Reasons recorded for dropped paragraphs (audit trail; meta reads some of them).
TITLE, BYLINE, DATE, NAV, BOILERPLATE, CAPTION = "title", "byline", "date", "nav", "boilerplate", "caption"
COMMENT, DUPLICATE, LISTING, HEADER, TAIL, FORUM = "comment", "duplicate", "listing", "header", "tail", "forum"
BIO = "bio"


@dataclass(frozen=True, slots=True)
class CleanResult:
    paragraphs: tuple[Paragraph, ...]          # the article body, in order
    dropped: tuple[Paragraph, ...] = ()        # what was removed, in order
    reasons: tuple[str, ...] = ()              # why, one per dropped paragraph
    title_para: int | None = None              # index into ``dropped`` of the headline

    @property
    def title(self) -> str | None:
        return None if self.title_para is None else self.dropped[self.title_para].text

    def dropped_with(self, reason: str) -> list[Paragraph]:
        return [p for p, r in zip(self.dropped, self.reasons) if r == reason]


# ---------------------------------------------------------------- lexicon

@dataclass(frozen=True, slots=True)
class _Lexicon:
    line: re.Pattern
    start: re.Pattern
    anywhere: re.Pattern
    max_words_anywhere: int
    comment_heading: re.Pattern
    comment_heading_weak: re.Pattern
    comment_line: re.Pattern
    forum: re.Pattern
    section_words: frozenset
    generic_authors: frozenset
    agencies: frozenset
    honorifics: frozenset
    byline: re.Pattern
    date_label: re.Pattern
    social_words: frozenset
    list_heading: re.Pattern
    bio: re.Pattern
    generic_name_tokens: frozenset
    glued: re.Pattern
    posted_by: re.Pattern
    updated: re.Pattern
    published: re.Pattern
    date_filler: frozenset
    date_filler_re: re.Pattern
    byline_cut: re.Pattern
    name_split: re.Pattern
    byline_suffix: re.Pattern
    byline_infix: re.Pattern
    byline_field: re.Pattern


def _alt(patterns, whole: bool) -> re.Pattern:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"^(?:{body})$" if whole else rf"^(?:{body})", re.I)


def _phrases(items) -> str:
    """Literal phrases as one alternation, longest first, any run of spaces between words."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = json.loads(resources.files(__package__).joinpath("boilerplate.json").read_text("utf-8"))
    prefixes = sorted(data["byline_prefixes"], key=len, reverse=True)
    labels = sorted(data["dateline_prefixes"], key=len, reverse=True)
    return _Lexicon(
        line=_alt(data["line"], True),
        start=_alt(data["start"], False),
        anywhere=re.compile("|".join(f"(?:{p})" for p in data["anywhere"]), re.I),
        max_words_anywhere=int(data["max_words_anywhere"]),
        comment_heading=_alt(data["comment_heading"], True),
        comment_heading_weak=_alt(data["comment_heading_weak"], True),
        comment_line=_alt(data["comment_line"], True),
        forum=_alt(data["forum_cues"], True),
        section_words=frozenset(data["section_words"]),
        generic_authors=frozenset(data["generic_authors"]),
        agencies=frozenset(data["agencies"]),
        honorifics=frozenset(data["honorifics"]),
        # a colon (also the full-width one of CJK pages) or a slash ("文/...") may close the prefix
        # prefixes that are also common words ("Text", "Autor", "كتب" = wrote) count only with a colon
        byline=re.compile(r"^(?:(?:" + _phrases(prefixes) + r")(?:\s*[:：/／]\s*|\s+)|(?:"
                          + _phrases(data["byline_prefixes_colon"]) + r")\s*[:：]\s*)(?P<rest>\S.*)$", re.I),
        date_label=re.compile(r"^(?:" + _phrases(labels) + r")(?!\w)\s*[:：]?\s*", re.I),
        social_words=frozenset(data["social_words"]),
        list_heading=_alt(data["list_heading"], True),
        bio=re.compile("|".join(f"(?:{p})" for p in data["bio"])),
        generic_name_tokens=frozenset(data["generic_name_tokens"]),
        glued=re.compile(r"^(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in data["glued_prefixes"])
                         + r")(?=(?-i:[A-Z])|\s)", re.I),
        # "Published March 3, 2018 by Jane Doe", "Publié le 2 février 2024 par Jeanne Martin"
        posted_by=re.compile(r"^(?:" + _phrases(data["posted_by_labels"]) + r")\b.{0,60}?\s(?:"
                             + _phrases(data["posted_by_words"]) + r")\s*[:：]?\s+(?P<rest>\S.*)$", re.I),
        updated=re.compile(r"^\s*(?:" + _phrases(data["updated_labels"]) + r")(?!\w)", re.I),
        published=re.compile(r"^\s*(?:" + _phrases(data["published_labels"]) + r")(?!\w)", re.I),
        # "홍길동 기자", "山田太郎記者": languages that put the reporter's title after the name
        byline_suffix=re.compile(r"^(?P<rest>\S(?:.{0,28}\S)?)\s*(?:" + _phrases(data["byline_suffixes"]) + r")$"),
        # "本报驻某地记者 李华": the reporter's title after the paper's and the place's name
        byline_infix=_alt(data["byline_patterns"], True),
        byline_field=re.compile(r"(?:^|\s)(?:" + _phrases([*prefixes, *data["byline_prefixes_colon"]])
                                + r")\s*[:：]\s*(?P<rest>[^\s:：|][^:：|]*?)\s*(?=\s\S+\s*[:：]|\s[|•·]|$)", re.I),
        date_filler=frozenset(data["date_filler_words"]),
        date_filler_re=re.compile("|".join(f"(?:{p})" for p in data["date_filler_patterns"])),
        # where a byline's name ends: a separator, or a word starting another field ("for", "pour")
        byline_cut=re.compile(r"\s*(?:[,،、|/•·(（]|\s[-–—]\s|(?<!\w)(?:" + _phrases(data["byline_cut_words"])
                              + r")(?!\w))\s*"),    # lower case only: "By Per Hansen"
        # several authors in one byline: "A and B", "A y B", "A und B", "A、B"
        name_split=re.compile(r"\s+(?:" + _phrases(data["name_joiners"]) + r")\s+|\s*["
                              + re.escape(data["name_separators"]) + r"]\s*"),   # lower-case joiners only: "John Y Smith"
    )


# ---------------------------------------------------------------- dates in lines

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:\s*(?:,|at|\||-|–|—)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
DATE_PATTERN = (
    _WEEKDAY + r"(?:"
    r"\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"          # 2021-07-15
    r"|\d{4}[./]\d{1,2}[./]\d{1,2}"                                         # 2021/07/15
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{4}"                                       # 24.02.2022
    r"|\d{1,2}-" + _MONTHS + r"-\d{4}"                                        # 19-Jan-2023
    r"|" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"                 # March 15, 2018
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r",?\s+\d{4}"      # 15 March 2018
    r"|" + _MONTHS + r",?\s+\d{4}"                                          # March 2018
    r")" + _TIME
)
DATE_RE = re.compile(DATE_PATTERN, re.I)
_DATE_ONLY = re.compile(r"^" + DATE_PATTERN + r"$", re.I)
#: A leading "date 2021-07-15 " / "Published: March 3, 2018 " label glued to a line.
_DATE_PREFIX = re.compile(r"^(?:date|published|posted|updated|dated)\s*:?\s*(?P<date>" + DATE_PATTERN
                          + r"|\d{4}(?:-\d{2})?)(?=\s|$)", re.I)


#: A dateline without a year: "New Delhi, December 12", "October 05, 12:36 UTC+3".
_PARTIAL_DATELINE = re.compile(r"^(?:[A-Z][\w .'’-]{1,30},\s*)?(?:" + _MONTHS + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTHS
                               + r")(?:st|nd|rd|th)?(?:,?\s*\d{1,2}[:.]\d{2}.*)?$", re.I)
_PLACE_PREFIX = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*,\s*(?=\S)")


def date_only(text: str) -> str | None:
    """The date if ``text`` is nothing but a (labelled) date: 'Updated 27 Jul, 2024',
    'Published: 3 May 2019', 'Reykjavik, 11 November 2022'."""
    t = _strip_furniture(text)
    if len(t) > 90 or not any(ch.isdigit() for ch in t):
        return None       # a date line is short and has a year in it
    t = lexicon().date_label.sub("", t, count=1).strip(" |,:-–—()[]")
    if re.fullmatch(r"(?:1[89]|20)\d{2}(?:-[01]\d)?", t) and t != _strip_furniture(text):
        return t          # a labelled year or year-month: "date 2021", "Published: 2019-05"
    if not _DATE_ONLY.match(t):
        t = _PLACE_PREFIX.sub("", t, count=1)
    if not _DATE_ONLY.match(t):   # "22 Apr 2021 22 Apr 2021": published and updated side by side
        parts = DATE_RE.findall(t)
        if len(parts) == 2 and DATE_RE.sub("", t).strip(" |,;-–—") == "":
            t = parts[0].strip()
    return t if t and _DATE_ONLY.match(t) else None


#: A clock time in any of the usual shapes: "10:05", "10h05", "14.20", "15時30分", "10时20分".
_CLOCK = re.compile(r"\d{1,2}\s*(?:[:.hH]\s*\d{2}(?:[:.]\d{2})?|[時时]\s*(?:\d{1,2}\s*分)?)(?:\s*[ap]\.?m\.?)?", re.I)


def _ascii_digits(text: str) -> str:
    """'١٢/٠٣/٢٠٢٢' -> '12/03/2022' (Arabic-Indic, Persian, Devanagari... digits), same length."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() and unicodedata.digit(ch, None) is not None
                   else ch for ch in text)


def line_date(text: str) -> str | None:
    """ISO date (month or day precision) of a short line that is only a date, in any of the
    languages the shared date reader knows: 'Publié le 29 mai 2021 à 10h05',
    'نشر في ٥ يونيو ٢٠٢٢', '2022年6月3日 15時30分', 'Diterbitkan 12 Agustus 2021'.

    What is left once the date, the clock time and a date label are taken out must be
    (almost) nothing, so a short sentence that mentions a date is not a date line.
    """
    t = _ascii_digits(_strip_furniture(text))
    if not t or len(t) > 90 or not any(ch.isdigit() for ch in t):
        return None
    from ..extract.dates import find_dates, to_iso
    iso = to_iso(t)
    if not iso or len(iso) < 7:
        return None       # a bare year says nothing about the page's day
    lex = lexicon()
    label = lex.date_label.match(t)
    rest = t[label.end():] if label else t
    spans = [(d.start, d.end) for d in find_dates(rest, None)]
    if not spans:
        return None
    for a, b in sorted(spans, reverse=True):
        rest = rest[:a] + " " + rest[b:]
    rest = lex.date_filler_re.sub(" ", _CLOCK.sub(" ", rest))
    # short particles ("à", "a las", "um") and time-zone or weekday words do not count;
    # characters of a script without spaces always do
    left = [w for w in _words(rest) if not w[0].isdigit() and w.lower() not in lex.date_filler
            and (len(w) >= 3 or _CJK_CHAR.match(w))]
    if rest.rstrip().endswith((".", "。")) and left:
        return None       # a sentence that happens to be short
    return iso if len(left) <= (3 if label else 0) else None


# ---------------------------------------------------------------- line features

#: Scripts written without spaces (Han, kana): a word is counted per two characters, the
#: average length of a Chinese or Japanese word, so length thresholds keep their meaning.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Combining vowel signs and viramas (Indic scripts) and Arabic harakat belong to their word.
_MARKS = "\u0900-\u0dff\u064b-\u065f\u0670\u200c\u200d"
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_WORD = re.compile(rf"[{_CJK}]{{1,2}}|[^\W\d_{_CJK}](?:(?![{_CJK}])[\w{_MARKS}'’.-])*|\d[\d,.]*", re.U)
#: Sentence marks of other scripts: 。！？ (CJK), ؟ (Arabic), ۔ (Urdu), । (Devanagari).
_STOPS = ".!?…。！？؟۔।"
_CLOSERS = "\"'”’»)\\]」』）】"     # (escaped "]": the string goes into a character class)
_TERMINAL = re.compile(rf"[{_STOPS}:;：；][\s{_CLOSERS}]*$")
_LIST_MARK = re.compile(r"^\s*(?:[-–—*•·▪►]|\d{1,2}[.)])\s+")
_SENT_END = re.compile(rf"[{_STOPS}][{_CLOSERS}]*$")
_FURNITURE = " \t\u00a0|•·▪►»«›‹*#>-–—=_~+"
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or but nor as that which who whom whose "
    "its their his her our your this these those is are was were be been has have had will "
    "would shall should can could may might must not than into onto upon about over under".split())
#: "... al-Sisi (Rosatom)": a picture credit in brackets closing a caption. (A dash before a
#: name closes headlines too - "Talks stalled - minister" - so only brackets count here.)
_CREDIT_TAIL = re.compile(r"\((?!(?i:photos?|pictures?|videos?|watch|update[sd]?|live|graphics?|opinion|analysis)\))"
                          r"(?:[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}|[A-Z]{2,})\)\s*$")
_CREDIT_LABEL = re.compile(r"(?:^|[.!?]\s+)(?:photograph|photo|image|picture|illustration|video|credit)s?\s*(?:credit)?\s*:\s*\S[^.!?]{0,80}$", re.I)
_CREDIT_PAREN = re.compile(r"\((?:source|photo|photograph|image|picture|file|courtesy|credit|video)s?\b[^()]{0,60}\)\s*$"
                           r"|\[[^\[\]]{1,50}/[^\[\]]{1,30}\]\s*$", re.I)
_PHOTO_CREDIT = re.compile(r"^[A-Za-z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){0,3}\s*/\s*[A-Za-z][\w.&'-]*(?:\s+[A-Za-z][\w.&'-]*){0,3}$")


def _strip_furniture(text: str) -> str:
    return text.strip(_FURNITURE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _headline_case(words: list[str]) -> bool:
    """Most content words capitalised: a headline or a menu, not a sentence."""
    content = [w for w in words[1:] if len(w) >= 4 and w[0].isalpha()]
    if len(content) < 3:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps / len(content) >= 0.7


_TRAILING_CUE = re.compile(r"\s*(?:read more|continue reading|read full (?:story|article)|more\.\.\.|\[\.\.\.\]|\(\.\.\.\))\s*$", re.I)
_ENDS_PERIOD = re.compile(rf"[.。۔।][{_CLOSERS}]*$")


class _Line:
    """One line (or hard-wrapped paragraph) of the page, with its shape features."""

    __slots__ = ("start", "end", "text", "words", "reason", "title", "n", "terminal", "headline",
                 "sentence", "_texty")

    def __init__(self, start: int, end: int, text: str, words: list) -> None:
        self.start, self.end, self.text, self.words = start, end, text, words
        self.reason: str | None = None      # set when dropped
        self.title = False
        self.n = len(words)
        # end-of-line tests need only the last characters (markdown emphasis and a glued
        # "Read More" link aside)
        tail = _TRAILING_CUE.sub("", text).rstrip(" *_|")[-8:]
        self.terminal = bool(_TERMINAL.search(tail))
        # (German capitalises every noun: a line closed by a full stop is a sentence, not a headline)
        self.headline = _headline_case(words) and not _ENDS_PERIOD.search(tail)
        # ends like a sentence and is not a headline
        self.sentence = bool(_SENT_END.search(tail)) and self.n >= 3 and not self.headline
        # reads like running prose: enough words, ends like a sentence (or runs long);
        # a headline or menu is not prose, but prose full of names still ends in '.'
        self._texty = self.n >= 10 and (not self.headline or bool(_ENDS_PERIOD.search(tail)))

    def texty(self, last: bool = False) -> bool:
        """Prose; ``last`` accepts a final line the excerpt cut off mid-sentence."""
        return self._texty and (self.terminal or self.n >= 25 or last)

    def as_unpunctuated_prose(self) -> None:
        """On a page that does not close its paragraphs with a stop, a long line ends a sentence."""
        self.terminal = True
        self.sentence = not self.headline
        self._texty = not self.headline


#: On such a page, a line this long (in words) is a paragraph.
_UNPUNCTUATED_MIN_WORDS = 12


def _adapt_to_unpunctuated(lines: list[_Line]) -> None:
    """Some pages (often in Arabic, Persian or Urdu) end paragraphs without a full stop.
    When most long lines of a page lack one, a long line is a paragraph all the same; on a
    page that does punctuate, nothing changes."""
    long = [ln for ln in lines if ln.n >= _UNPUNCTUATED_MIN_WORDS]
    if len(long) >= 2 and sum(ln.terminal for ln in long) * 3 < len(long):
        for ln in long:
            ln.as_unpunctuated_prose()


def _split_lines(raw: str) -> list[_Line]:
    lines = []
    pos = 0
    for chunk in raw.splitlines(keepends=True):
        body = chunk.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        text = body.strip()
        if text:
            s = pos + lead
            lines.append(_Line(s, s + len(text), text, _words(text)))
        pos += len(chunk)
    return lines


def _merge_wrapped(raw: str, lines: list[_Line]) -> list[_Line]:
    """Join a paragraph hard-wrapped over several lines (a line that stops mid-sentence,
    continued by one that starts in lower case or after a function word)."""
    groups: list[list[_Line]] = []
    for ln in lines:
        if groups:
            prev = groups[-1][-1]
            first = ln.text[0]
            last_word = prev.words[-1].lower() if prev.words else ""
            gap = raw.count("\n", prev.end, ln.start)
            if (not prev.terminal and (ln.n >= 5 or ln.terminal) and ln.n >= 3 and prev.n >= 1 and gap <= 2
                    and not _headline_case(prev.words)
                    and not _boilerplate(prev) and not _boilerplate(ln) and not _PHOTO_CREDIT.match(ln.text)
                    and (first.islower() or (last_word in _FUNCTION_WORDS and prev.n >= 6 and first.isalnum()))
                    and not _named_byline(ln.text) and not (prev.n <= 14 and line_date(prev.text))):
                groups[-1].append(ln)
                continue
        groups.append([ln])
    out = []
    for g in groups:
        if len(g) == 1:
            out.append(g[0])
        else:
            start, end = g[0].start, g[-1].end
            out.append(_Line(start, end, raw[start:end], [w for ln in g for w in ln.words]))
    return out


def _split_date_prefix(raw: str, lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """Detach a glued 'date 2021-07-15 ' label (or a share-widget label such as
    'Spread the love') from the text that follows it."""
    out, prefixes = [], []
    glued = lexicon().glued
    for ln in lines:
        g = glued.match(ln.text)
        if g and g.end() < len(ln.text) and ln.n >= 8:
            pre = _Line(ln.start, ln.start + g.end(), raw[ln.start:ln.start + g.end()], [])
            pre.reason = BOILERPLATE
            prefixes.append(pre)
            rest_start = ln.start + g.end()
            while rest_start < ln.end and raw[rest_start].isspace():
                rest_start += 1
            ln = _Line(rest_start, ln.end, raw[rest_start:ln.end], _words(raw[rest_start:ln.end]))
        m = _DATE_PREFIX.match(ln.text)
        if m and m.end() < len(ln.text):
            rest_start = ln.start + m.end()
            while rest_start < ln.end and raw[rest_start].isspace():
                rest_start += 1
            pre = _Line(ln.start, ln.start + m.end(), raw[ln.start:ln.start + m.end()], [])
            pre.reason = DATE
            prefixes.append(pre)
            text = raw[rest_start:ln.end]
            out.append(_Line(rest_start, ln.end, text, _words(text)))
        else:
            out.append(ln)
    return out, prefixes


# ---------------------------------------------------------------- classification

_NAV_SEP = re.compile(r"\s(?:\||::|/|>|»|›|•|·)\s|\S\|\S")


def _nav_trail(ln: _Line) -> bool:
    """'Home | World | Business' or 'World > Asia': menu and breadcrumb separators."""
    if ln.sentence and ln.n >= 10:
        return False
    if len(_NAV_SEP.findall(ln.text)) >= (1 if ln.n <= 8 else 2):
        return True
    # a bare tag list: "Russia, Energy, Gas Pipeline, Karachi"
    items = [x.strip() for x in re.split(r"\s*[,;]\s*", ln.text)]
    return (len(items) >= 4 and not ln.terminal and all(x and len(x.split()) <= 3 and x[0].isupper() for x in items))


def _share_bar(ln: _Line) -> bool:
    """'Share 48  Tweet  Email  Print': only social-button words and counters."""
    words = [w.lower() for w in ln.words if not w[0].isdigit()]
    return bool(words) and all(w in lexicon().social_words for w in words)


def _boilerplate(ln: _Line) -> bool:
    lex = lexicon()
    t = _strip_furniture(ln.text)
    if not t:
        return True
    if _share_bar(ln):
        return True
    if lex.line.match(t) or lex.start.match(t):
        return True
    return ln.n <= lex.max_words_anywhere and bool(lex.anywhere.search(t))


def _caption(ln: _Line) -> bool:
    """A picture caption or credit: 'Photograph: ...', '... (Reuters)', 'Jane Doe/AFP'."""
    t = ln.text
    if _PHOTO_CREDIT.match(t) or _CREDIT_LABEL.search(t):
        return True
    # credit at the end of a line that does not end as a sentence: "... al-Sisi (Rosatom)"
    if _CREDIT_TAIL.search(t) and not _SENT_END.search(t.rstrip(")")) and ln.n >= 4:
        stripped = _CREDIT_TAIL.sub("", t).rstrip()
        return not stripped.endswith(":")
    # "... (Source: File/AP Photo)", "(Photo: Jane Doe)", "(File photo)"
    if _CREDIT_PAREN.search(t) and ln.n <= 40:
        return True
    # "... July 11, 2025. — PID": a sentence followed by a dash credit
    m = re.search(r"[.!?]\s*[—–]\s*[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2}\s*$", t)
    return bool(m)


_POSTED_BY = re.compile(r"^(?:posted|published|written|updated|last updated)\b.{0,60}?\bby\s+(?P<rest>\S.*)$", re.I)
_NAME_IN_PLACE = re.compile(r"^(?P<rest>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s+(?:in|at)\s+"
                            r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}$")


def byline_name(text: str) -> str | None:
    """The raw name part of a byline line ('By Jane Doe, Reuters' -> 'Jane Doe, Reuters')."""
    # (a place before a dash opens some bylines: "Amman - Written by: ...")
    for seg in re.split(r"\s+[|•·\-–—]\s+|\s{3,}", _strip_furniture(text)):
        seg = seg.strip()
        m = (lexicon().byline.match(seg) or _POSTED_BY.match(seg) or lexicon().posted_by.match(seg)
             or lexicon().byline_infix.match(seg))
        # another labelled field after the name ends it: "作者：刘洋 编辑：王五"
        rest = re.split(r"\s+(?=[^\s:：]+\s*[:：])", m.group("rest"), maxsplit=1)[0] if m else ""
        n_rest = len(_words(rest))
        if m and n_rest >= 5 and _SENT_END.search(rest) and not _CJK_CHAR.search(rest):
            continue      # "Oleh karena itu, pemerintah menaikkan harga.": a sentence, not a byline
        # short, or short names before a comma ("Por A y B, enviados especiales a Ilo")
        if m and (n_rest <= 8 or (n_rest <= 14 and len(_words(re.split(r"[,(|]", rest)[0])) <= 8
                                   and not _SENT_END.search(rest))):
            return rest.strip()
        m = lexicon().byline_suffix.match(_EMAIL.sub("", seg).strip())
        if m and 1 <= len(_words(m.group("rest"))) <= 4 and not any(ch.isdigit() for ch in m.group("rest")):
            return m.group("rest").strip()
    # a labelled author among other labelled fields of a header line:
    # "2023-08-21 14:02 来源：某网 作者：刘洋", "22.09.2021 | Autor: Jan Novak | Quelle: dpa"
    m = lexicon().byline_field.search(_strip_furniture(text))
    if m and 1 <= len(_words(m.group("rest"))) <= 4:
        return m.group("rest").strip()
    return None


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def _named_byline(text: str) -> bool:
    """'von Anna Schmidt': a byline naming someone (not 'by the end of the year')."""
    rest = byline_name(text)
    return bool(rest) and rest[0].isupper()


def header_name(text: str) -> str | None:
    """A reporter line without 'By': 'Jane Doe in Oslo' -> 'Jane Doe'; 'Jane Doe March 3, 2019'."""
    t = _strip_furniture(text)
    m = _NAME_IN_PLACE.match(t)
    if m:
        return m.group("rest")
    # "Ayşe Demir / İzmir", "Jean Dupont – Lyon": a name, then the place (any alphabet)
    parts = re.split(r"\s+[/|–—-]\s+", t)
    if len(parts) == 2 and looks_like_name(parts[0]) and 1 <= len(parts[1].split()) <= 3 \
            and parts[1][:1].isupper() and not any(ch.isdigit() for ch in parts[1]):
        return parts[0]
    return _name_and_date(text)


def _name_and_date(text: str) -> str | None:
    """'Jane Doe March 3, 2019' / 'Jane Doe | 3 March 2019': a name, then the date."""
    if text.lstrip().startswith(("—", "–", "&mdash;")):
        return None       # "— Jane Doe (@jdoe) May 3, 2021": the sign-off of an embedded post
    t = re.sub(r"\(?@\w+\)?", " ", _strip_furniture(text))          # a social handle after the name
    m = DATE_RE.search(t)
    if not m or m.start() == 0 or t[m.end():].strip(" |,.-–—"):
        return None
    name = t[:m.start()].strip(" |,.-–—·•")
    name = re.sub(r"\s*\b(?:published|updated|posted|last updated)(?:\s+on)?\s*:?$", "", name, flags=re.I)
    name = name.strip(" |,.-–—·•")
    return name if looks_like_name(name) else None


def _generic_author(text: str) -> bool:
    """'Staff Report', 'News Desk', 'Our Correspondent': a byline that names nobody.
    (One word such as 'Editorial' is a section label, not a byline.)"""
    t = _strip_furniture(text).lower().rstrip(".")
    return " " in t and t in lexicon().generic_authors


def looks_like_name(text: str) -> bool:
    """2-5 capitalised tokens, optionally after an honorific: 'Dr Jane Q. Doe'."""
    lex = lexicon()
    toks = text.replace(",", " ").split()
    while toks and toks[0].lower().rstrip(".") in {h.rstrip(".") for h in lex.honorifics}:
        toks = toks[1:]
    if not 2 <= len(toks) <= 5:
        return False
    if text.lower().strip() in lex.section_words or " ".join(toks).lower() in lex.section_words:
        return False
    for t in toks:
        if not (t[0].isupper() and re.fullmatch(r"[^\W\d_][\w'’.-]*", t)):
            return False
    if any(t.lower() in lex.section_words or t.lower() in lex.generic_name_tokens for t in toks):
        return False
    return not is_place(" ".join(toks))


def uncased_name(text: str) -> bool:
    """A name in a script without capitals, the line straight under a headline: 'أحمد حسن',
    'علی رضا', '王小明' (2-4 words; for Han and kana, 2-6 characters).

    Without capitals there is no telling a name from a label, so only this position counts,
    and not a line of the lexicon's section words or desks."""
    lex = lexicon()
    t = _strip_furniture(text)
    toks = t.split()
    while toks and toks[0].lower() in lex.honorifics:
        toks = toks[1:]
    if not toks or t.lower() in lex.section_words or t.lower() in lex.generic_authors:
        return False
    if len(toks) == 1 and _CJK_CHAR.match(toks[0]):
        return 2 <= len(toks[0]) <= 6 and all(_CJK_CHAR.match(ch) for ch in toks[0])
    uncased = all(any(ch.isalpha() for ch in w) and not any(ch.isupper() or ch.islower() or ch.isdigit() for ch in w)
                  for w in toks)
    return 2 <= len(toks) <= 4 and uncased \
        and not any(w.lower() in lex.section_words or w.lower() in lex.generic_name_tokens for w in toks)


def is_place(text: str) -> bool:
    """'New Delhi', 'Islamabad Bureau': a place name fills most of the line."""
    try:
        from ..extract.countries import find_countries
        covered = sum(m.end - m.start for m in find_countries(text))
    except Exception:   # the country lexicon is optional here: without it, no place check
        return False
    return covered * 2 >= len(text.strip())


def _is_forum(ln: _Line) -> bool:
    return bool(lexicon().forum.match(_strip_furniture(ln.text)))


def _key(text: str) -> str:
    return " ".join(w.lower() for w in _words(text))


def _mark_furniture(lines: list[_Line]) -> None:
    """Step 1: line-level furniture, wherever it stands (dates, bylines, share bars,
    lexicon cues, menus, captions, breadcrumbs), then the link lists under a
    'Related'/'Read more' heading."""
    lex = lexicon()
    n = len(lines)
    for i, ln in enumerate(lines):
        t = _strip_furniture(ln.text)
        if date_only(ln.text) or _PARTIAL_DATELINE.match(t):
            ln.reason = DATE                     # (a yearless dateline is a date line too)
        elif not any(ch.isalpha() for ch in t):
            ln.reason = NAV                      # bullets, counters, separators
        elif (byline_name(ln.text) or _name_and_date(ln.text) or _generic_author(ln.text)) and ln.n <= 12:
            ln.reason = BYLINE
        elif _is_forum(ln):
            ln.reason = FORUM
        elif _boilerplate(ln):
            ln.reason = BOILERPLATE
        elif ln.n <= 14 and line_date(ln.text):
            ln.reason = DATE                     # a date line in another language or shape
        elif _nav_trail(ln):
            ln.reason = NAV
        elif _caption(ln):
            ln.reason = CAPTION
        elif i + 1 < n and len(lines[i + 1].text) < len(t) and t.endswith(lines[i + 1].text) \
                and lines[i + 1].n >= 2:
            ln.reason = NAV                      # breadcrumb trail ending in the headline

    for i, ln in enumerate(lines):
        if i and ln.reason == CAPTION:
            # the line above a bare credit ("Jane Doe/Reuters") is its caption; above a
            # captioned line, a few words without a verb's full stop are the picture's alt text
            above = lines[i - 1]
            limit = 15 if _PHOTO_CREDIT.match(ln.text) else 8
            if above.reason is None and above.n <= limit and not above.texty() and not above.sentence:
                above.reason = CAPTION

    # a "Related articles" / "Read more" heading: the short lines under it are links
    for i, ln in enumerate(lines):
        if ln.reason in (BOILERPLATE, NAV) and lex.list_heading.match(_strip_furniture(ln.text)):
            for nxt in lines[i + 1:]:
                if nxt.reason is not None and nxt.reason != NAV:
                    break
                if nxt.texty() and not _LIST_MARK.match(nxt.text):
                    break
                nxt.reason = LISTING


def _find_cut(lines: list[_Line], body_start: int) -> int:
    """Step 3: the line where the article ends for good - a reader-comment heading or
    comment line, a forum member block, or a list of dated teasers."""
    lex = lexicon()
    n = len(lines)
    # suffix counts for the teaser-list test, so long pages stay linear
    dates_after = [0] * (n + 1)
    heads_after = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        ln = lines[i]
        dates_after[i] = dates_after[i + 1] + (ln.reason == DATE)
        heads_after[i] = heads_after[i + 1] + (ln.reason is None and not ln.sentence and not ln.texty())
    cut = n
    for i in range(body_start + 1, n):
        ln = lines[i]
        t = _strip_furniture(ln.text)
        if lex.comment_heading.match(t) or _comment_line(ln) or (
                lex.comment_heading_weak.match(t) and _comments_follow(lines, i)):
            cut = i     # reader comments: the heading and all that follows
            break
        if ln.reason == FORUM and sum(x.reason == FORUM for x in lines[max(0, i - 6):i + 7]) >= 2:
            cut = _run_start(lines, i, body_start)      # a member block: name, join date, counts
            break
        if ln.reason == DATE and dates_after[i] >= 2 and heads_after[i] >= dates_after[i]:
            # from here on, dates alternate with headlines: related/sidebar teasers
            cut = _run_start(lines, i, body_start)
            break
    return cut


def clean_text(raw: str, main: tuple[tuple[int, int], ...] | None = None,
               title: str | None = None) -> CleanResult:
    """Split ``raw`` into body paragraphs and dropped furniture.

    ``main`` optionally lists (start, end) spans a main-text extractor (trafilatura, for
    HTML) judged to be the article; lines outside them are not taken as the body start.
    ``title`` optionally gives the headline the page declares (HTML/JSONL hints): a line
    saying just that is the headline wherever it stands.
    """
    lex = lexicon()
    lines = _split_lines(raw)
    lines, prefixes = _split_date_prefix(raw, lines)
    lines = _merge_wrapped(raw, lines)
    _adapt_to_unpunctuated(lines)
    if not lines:
        return CleanResult((), tuple(Paragraph(p.start, p.end, p.text) for p in prefixes),
                           tuple(DATE for _ in prefixes))
    n = len(lines)

    def in_main(ln: _Line) -> bool:
        return main is None or any(s <= ln.start < e or s < ln.end <= e for s, e in main)

    _mark_furniture(lines)
    if title and _key(title):
        hk = _key(title)
        for ln in lines:
            if ln.reason is None and _key(ln.text) == hk:
                ln.reason = TITLE
                ln.title = not any(x.title for x in lines)

    # 2. the body starts at the first prose line (not furniture)
    last_idx = n - 1
    prose = [i for i, ln in enumerate(lines) if ln.reason is None and ln.texty(i == last_idx)]
    body_start = next((i for i in prose if in_main(lines[i])), prose[0] if prose else None)
    if body_start is None:
        body_start = next((i for i, ln in enumerate(lines) if ln.reason is None and ln.sentence), n)
    body_start = _reanchor(lines, body_start, prose)
    # a page that opens with a short question, prose right under it, opens with its headline
    if body_start == 0 and n > 1 and lines[0].n <= 20 and lines[0].text.rstrip(" *_").endswith("?") \
            and not prefixes and lines[1].reason is None and lines[1].texty(n == 2):
        body_start = 1
    # a short opening sentence straight above the prose, with no header before it, is the lead
    before = [i for i in range(body_start) if lines[i].reason is None]
    if len(before) == 1 and before[0] == body_start - 1 and lines[before[0]].sentence \
            and lines[before[0]].n >= 4 and not lines[before[0]].text.rstrip(" *_").endswith("?"):
        body_start = before[0]

    # header: the headline, bylines and names under it; the rest of the header is dropped
    _mark_header(lines, body_start)

    # 3. hard stops: reader comments, forum replies, lists of dated teasers
    cut = _find_cut(lines, body_start)
    cut_reason = COMMENT if _is_comment_cut(lines, cut) else LISTING
    for ln in lines[cut:]:
        if ln.reason not in (DATE, BYLINE):
            ln.reason = cut_reason

    # 4. inside the body: runs of three or more short non-sentences are menus/link lists
    i = body_start
    while i < cut:
        j = i
        while j < cut and lines[j].reason is None and not lines[j].texty() and not lines[j].sentence:
            j += 1
        if j - i >= 3 and not all(_LIST_MARK.match(lines[k].text) for k in range(i, j)):
            for k in range(i, j):      # (a bulleted list of facts stays: menus carry no bullets)
                lines[k].reason = NAV
        i = max(j, i + 1)

    # 5. after the last prose line, only sentences survive (share bars, stray words)
    last_prose = max((i for i in range(body_start, cut)
                      if lines[i].reason is None and lines[i].texty(i == last_idx)), default=body_start)
    for i in range(last_prose + 1, cut):
        if lines[i].reason is None and not lines[i].sentence:
            lines[i].reason = TAIL

    # an author's bio closes the article: only the last two kept paragraphs are checked
    kept = [i for i in range(body_start, cut) if lines[i].reason is None]
    for i in kept[-2:]:
        if lex.bio.match(_strip_furniture(lines[i].text)) and i != kept[0]:
            lines[i].reason = BIO

    # 6. a paragraph the page repeats is kept once
    seen: set[str] = set()
    for ln in lines:
        k = _key(ln.text)
        if not k:
            continue
        if ln.reason is None and k in seen:
            ln.reason = DUPLICATE
        seen.add(k)

    body = tuple(Paragraph(ln.start, ln.end, ln.text) for ln in lines if ln.reason is None)
    gone = sorted([*prefixes, *(ln for ln in lines if ln.reason is not None)], key=lambda l: l.start)
    dropped = tuple(Paragraph(ln.start, ln.end, ln.text) for ln in gone)
    reasons = tuple(ln.reason for ln in gone)
    title_para = next((k for k, ln in enumerate(gone) if ln.title), None)
    return CleanResult(body, dropped, reasons, title_para)


def _reanchor(lines: list[_Line], start: int, prose: list[int]) -> int:
    """A byline (or a dated headline) just after the supposed body start means what came
    before it was a header sentence (site blurb, kicker); the body follows the byline."""
    for i in range(start + 1, min(start + 7, len(lines))):
        ln = lines[i]
        if ln.reason is None and ln.texty():
            return start          # prose continues: the start was right
        headed = ln.reason == DATE
        if ln.reason == BYLINE or headed:
            return next((j for j in prose if j > i), start)
    return start


def _title_candidate(ln: _Line) -> bool:
    t = _strip_furniture(ln.text)
    if not (2 <= ln.n <= 30) or t.endswith((".", ":", ";", ",", "。", "：", "；", "，", "،", "؛", "۔")) or " | " in t:
        return False
    if DATE_RE.search(t):
        return False    # a headline does not carry a full date; a dateline or byline does
    if re.fullmatch(r"\s*[(\[].*[)\]]\s*", ln.text):
        return False    # "(From Reuters)", "[Video]": a note, not a headline
    if t[:1].islower() or _PARTIAL_DATELINE.match(t):
        return False    # "in News by", "New Delhi, December 12": furniture, not a headline
    sections = lexicon().section_words
    if t.lower() in sections:
        return False
    # a menu strip without separators: "Latest News World Business Sports"
    hits = sum(1 for w in ln.words if w.lower() in sections)
    return not (hits >= 3 or (ln.n >= 2 and hits * 2 > ln.n))


def _mark_header(lines: list[_Line], body_start: int) -> None:
    """Pick the headline among the lines before the body.

    The headline stands in the run of candidate lines right above a byline or date line
    (a longer standfirst may follow it); failing that, it is the longest candidate
    (a site name or a section label is shorter).
    """
    for i in range(1, body_start):
        if lines[i].reason is None and header_name(lines[i].text) and lines[i].n <= 8:
            lines[i].reason = BYLINE
    if any(ln.title for ln in lines):     # the page declared its headline
        for i in range(body_start):
            if lines[i].reason is None:
                lines[i].reason = BYLINE if looks_like_name(_strip_furniture(lines[i].text)) \
                    and lines[i].n <= 6 else HEADER
        return
    forum = any(ln.reason == FORUM for ln in lines[:body_start])
    cands = [i for i in range(body_start) if lines[i].reason is None and _title_candidate(lines[i])
             and not (forum and lines[i].n < 4)]      # a member name above a forum post
    # a breadcrumb glued to the headline ("World NewsThe headline") ends with another candidate
    keys = {i: _key(lines[i].text) for i in cands}
    crumbs = {i for i in cands for j in cands if j != i and len(keys[j].split()) >= 3
              and len(keys[i]) > len(keys[j]) and keys[i].endswith(keys[j])}
    for i in crumbs:
        lines[i].reason = NAV
    cands = [i for i in cands if i not in crumbs]
    # a deck or caption that the article then repeats word for word is not the headline
    body_keys = " ".join(_key(ln.text) for ln in lines[body_start:body_start + 12])
    cands = [i for i in cands if lines[i].n < 6 or lines[i].headline or lines[i].text.isupper()
             or _key(lines[i].text) not in body_keys]
    # a long line right under a shorter candidate is a standfirst, not a headline
    standfirst = {i for k, i in enumerate(cands)
                  if k and cands[k - 1] == i - 1 and lines[i].n >= 13 and lines[i - 1].n >= 4}
    cands = [i for i in cands if i not in standfirst]
    title = None
    for b in range(body_start):
        if lines[b].reason in (BYLINE, DATE):
            run = []
            j = b - 1
            while j >= 0 and (j in standfirst or j in cands):
                if j in cands:
                    run.append(j)
                j -= 1
            if run:
                best = max(run, key=lambda i: (lines[i].n, i))
                if title is None:
                    title = best
                if lines[best].n >= 4:
                    # a section label over the date line ("Latin America" / date / headline
                    # / byline) gives way to a headline over a later anchor
                    title = best
                    break
    if title is None and cands:
        # no byline to anchor on: the headline is the last substantial candidate above the
        # body (site names, sections and picture texts come first); else the longest
        solid = [i for i in cands if lines[i].n >= 4]
        title = solid[-1] if solid else max(cands, key=lambda i: (lines[i].n, -i))
    if title is not None:
        lines[title].reason, lines[title].title = TITLE, True
        # "Ayşe Demir / İzmir" right under the headline reads as a breadcrumb, but is the byline
        for i in range(title + 1, min(title + 3, body_start)):
            if lines[i].reason == NAV and lines[i].n <= 8 and header_name(lines[i].text):
                lines[i].reason = BYLINE
    for i in range(body_start):
        ln = lines[i]
        if ln.reason is not None:
            continue
        if title is not None and i > title and not forum and ln.n <= 6 \
                and (looks_like_name(_strip_furniture(ln.text)) or (i == title + 1 and uncased_name(ln.text))):
            ln.reason = BYLINE
        else:
            ln.reason = HEADER


def _run_start(lines: list[_Line], i: int, floor: int) -> int:
    """Walk back from ``i`` over the short/furniture lines that introduce it."""
    j = i
    while j - 1 > floor and (lines[j - 1].reason is not None or not lines[j - 1].texty()):
        j -= 1
    return j


def _comment_line(ln: _Line) -> bool:
    """'Jane Doe says:', 'gasman_77 wrote:', 'Reply': a line of a comment thread."""
    return ln.n <= 6 and not ln.sentence and bool(lexicon().comment_line.match(_strip_furniture(ln.text)))


def _comments_follow(lines: list[_Line], i: int) -> bool:
    """A bare 'Comments' / 'Discussion' heading counts only with a thread under it."""
    for ln in lines[i + 1:i + 8]:
        if _comment_line(ln) or ln.reason in (DATE, FORUM) or lexicon().comment_heading.match(_strip_furniture(ln.text)):
            return True
    return False


def _is_comment_cut(lines: list[_Line], cut: int) -> bool:
    if cut >= len(lines):
        return False
    t = _strip_furniture(lines[cut].text)
    lex = lexicon()
    return bool(lex.comment_heading.match(t) or lex.comment_heading_weak.match(t) or _comment_line(lines[cut])
                or lines[cut].reason == FORUM
                or any(ln.reason == FORUM for ln in lines[cut:cut + 4]))
