"""Direct quotations and who said them.

A quotation is text inside quotation marks, four words or more, that the text
presents as someone's words: a speech verb or "according to" attributes it, a colon
introduces it, or it continues the previous speaker's quote. Marked text with no
speaker (scare quotes, titles, slogans) is not a quotation. Speakers get the fullest
name the document gives, through pronouns ("he said"), titles ("the minister said")
and surnames; else the institution or document; else the unnamed source as written.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Mention, Quote
from .mentions import PERSON, extract_mentions, lexicon
from .nlp import ParsedDoc

MIN_WORDS = 4
_DOUBLE_OPEN, _DOUBLE_CLOSE = "\u201c\u201e\u00ab", "\u201d\u00bb"
_SINGLE_OPEN, _SINGLE_CLOSE = "\u2018'", "\u2019'"
_OPEN_CTX = " \t\n([{\u2014\u2013-/:;,\u201c\u2018"
_WORDS = re.compile(r"[A-Za-z0-9][\w\u2019'-]*")
_ABBREV = ("mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "no", "vs", "prof", "sen", "rep", "gov", "jr", "sr")
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


@lru_cache(maxsize=1)
def _cues():
    lex = lexicon("quotes_cues")
    roles = frozenset(lexicon("titles_people")["role_nouns_for_pronoun_speakers"])
    return (frozenset(lex["speech_verbs"]), tuple(lex["source_prepositions"]),
            frozenset(lex["determiners"]), frozenset(lex["document_nouns"]), roles)


@dataclass(frozen=True, slots=True)
class Marked:
    """Text between quotation marks, local to a paragraph: marks at ``open``/``close``."""

    open: int
    close: int
    start: int      # inner span, trimmed
    end: int


def find_marked(text: str) -> list[Marked]:
    """Top-level quoted spans of a paragraph (nested quotes stay inside their parent).

    Straight marks are told apart by context (an opening mark follows a space or a
    bracket); a quote left open at the end of the paragraph runs to its end, as
    papers do when a quote continues in the next paragraph.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch in _DOUBLE_OPEN:
            stack.append((i, "c"))
        elif ch in _DOUBLE_CLOSE:
            if stack:
                o, _ = stack.pop()
                if not stack:
                    spans.append((o, i))
        elif ch == '"':
            has_straight = any(k == "s" for _, k in stack)
            opening = prev in _OPEN_CTX and not nxt.isspace()
            if has_straight and not (opening and stack[-1][1] != "s"):
                while stack:
                    o, k = stack.pop()
                    if k == "s":
                        break
                if not stack:
                    spans.append((o, i))
            elif opening:
                stack.append((i, "s"))
    if stack:
        spans.append((stack[0][0], len(text)))
    spans.sort()
    # single marks, only outside double-quoted text (inside they are nested quotes)
    def inside(i):
        return any(a < i < b for a, b in spans)
    singles = []
    i = 0
    while i < len(text):
        ch = text[i]
        prev = text[i - 1] if i else " "
        if ch in _SINGLE_OPEN and prev in _OPEN_CTX and i + 1 < len(text) and text[i + 1].isalnum() and not inside(i):
            j = i + 1
            while j < len(text):
                c = text[j]
                after = text[j + 1] if j + 1 < len(text) else " "
                if c in _SINGLE_CLOSE and not text[j - 1].isspace() and not after.isalnum():
                    # "the countries’ obligations": a plural possessive, when a later
                    # closing mark ends the quote before any new one opens
                    nxt_word = text[j + 1:j + 3]
                    later = re.search(r"[\u2019'](?![\w])", text[j + 1:])
                    if text[j - 1] == "s" and re.match(r" [a-z]", nxt_word) and later and \
                            not re.search(r"(?:^|\s)[\u2018']\w", text[j + 1:j + 1 + later.start()]):
                        j += 1
                        continue
                    break
                if c in "\n":
                    j = len(text)
                    break
                j += 1
            if j < len(text):
                singles.append((i, j))
                i = j + 1
                continue
        i += 1
    out = []
    for o, c in sorted(spans + singles):
        s, e = o + 1, c
        while s < e and text[s].isspace():
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
            e -= 1
        if e > s:
            out.append(Marked(o, c, s, e))
    return out


def _word_count(s: str) -> int:
    return len(_WORDS.findall(s))


def _looks_like_title(s: str) -> bool:
    """Title Case without a sentence end: a name of a book, programme or slogan."""
    words = _WORDS.findall(s)
    if not words or s.rstrip()[-1:] in ".!?":
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= max(3, 0.75 * len(words))


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding ``pos`` (abbreviation-aware), never before ``floor``."""
    best = floor
    for m in re.finditer(r"[.!?][\"\u201d\u2019']?\s+(?=[A-Z\"\u201c\u2018'(])", text[floor:pos]):
        k = floor + m.start()
        word = re.search(r"(\w+)$", text[floor:k])
        if word and (word.group(1).lower() in _ABBREV or (len(word.group(1)) == 1 and word.group(1).isupper())):
            continue
        best = floor + m.end()
    return best


def _sentence_end(text: str, pos: int, ceil: int) -> int:
    for m in re.finditer(r"[.!?](?=[\"\u201d\u2019']?(?:\s|$))", text[pos:ceil]):
        k = pos + m.start()
        word = re.search(r"(\w+)$", text[:k])
        if word and (word.group(1).lower() in _ABBREV or (len(word.group(1)) == 1 and word.group(1).isupper())):
            continue
        return k + 1
    return ceil


@dataclass(frozen=True, slots=True)
class _Who:
    name: str
    role: str | None


class _Speakers:
    """Speaker resolution over one document (mentions, previous speakers)."""

    def __init__(self, parsed: ParsedDoc, mentions: list[Mention]):
        self.parsed = parsed
        self.mentions = mentions
        self.last: list[tuple[int, int, str, str]] = []  # (paragraph, position, speaker, kind)
        self.quoted: list[tuple[int, int]] = []         # absolute spans inside marks
        # each person mention's place in its sentence, worked out once
        self._roles: dict[int, tuple[bool, bool]] = {}
        starts = [p.start for p, _ in parsed.paragraphs]
        for i, m in enumerate(mentions):
            if m.label == PERSON:
                k = bisect.bisect_right(starts, m.start) - 1
                span = None
                if k >= 0:
                    para, sdoc = parsed.paragraphs[k]
                    span = sdoc.char_span(m.start - para.start, m.end - para.start, alignment_mode="expand")
                self._roles[id(m)] = (_modifier(span), _subject_like(span))

    def in_quote(self, s: int, e: int) -> bool:
        return any(a <= s and e <= b for a, b in self.quoted)

    def mention_at(self, s: int, e: int, label: str | None = None) -> Mention | None:
        for m in self.mentions:
            if m.start < e and s < m.end and (label is None or m.label == label):
                return m
        return None

    def person_before(self, pos: int, floor: int = 0, role: str | None = None,
                      any_position: bool = False) -> "_Who | None":
        """The latest person named before ``pos`` (a name in its own right, or the
        speaker of an earlier quote); with ``role``, the latest whose role has it."""
        people = []
        for m in self.mentions:
            if m.label != PERSON or not (floor <= m.start < pos) or self.in_quote(m.start, m.end):
                continue
            modifier, subject = self._roles.get(id(m), (False, False))
            if modifier:
                continue
            people.append((m.start, m.name, m.role, subject))
        for p, at, name, kind in self.last:
            if kind == PERSON and floor <= at < pos:
                people.append((at, name, None, True))
        if not people:
            return None
        # "he" names the last person who was a subject or speaker, not the last
        # person in a prepositional phrase ("...with his counterpart X")
        if not any_position and any(p[3] for p in people):
            people = [p for p in people if p[3]]
        people = [p[:3] for p in sorted(people, key=lambda x: x[0])]
        if role:
            roles = {}
            for m in self.mentions:
                if m.label == PERSON and m.role:
                    roles.setdefault(m.name, []).append(m.role.lower())
            for at, name, r in reversed(people):
                if any(role in x for x in roles.get(name, ())):
                    return _Who(name, next((x for x in roles[name] if role in x), None))
            return None
        at, name, r = people[-1]
        return _Who(name, r)

    def org_before(self, pos: int, noun: str) -> Mention | None:
        """The latest organization named before ``pos`` whose name has ``noun``."""
        best = None
        for m in self.mentions:
            if m.label != PERSON and m.start < pos and not self.in_quote(m.start, m.end) and \
                    noun in m.name.lower().split():
                best = m
        return best

    def recent_speaker(self, para_i: int, kind: str | None = None, back: int = 3) -> str | None:
        for p, _, name, k in reversed(self.last):
            if para_i - p > back:
                break
            if kind is None or k == kind:
                return name
        return None


def _subject_like(span) -> bool:
    """A name that is (part of) a clause subject: "he" later most likely means it."""
    if span is None:
        return False
    t = span.root
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ in ("appos", "compound", "flat", "conj") and t.head is not t:
            t = t.head
            continue
        break
    return False


def _modifier(span) -> bool:
    """"the Biden administration": a name that only modifies another noun."""
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end


def _np_text(tok, dets) -> str:
    """A noun phrase's words without determiners or trailing clauses."""
    keep = []
    for t in tok.subtree:
        if t.i > tok.i and t.dep_ not in ("prep", "pobj", "compound", "amod") and t.head.i == tok.i:
            break
        if t.i > tok.i and (t.text in ",(" or t.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj")):
            break
        if t.i > tok.i and t.dep_ == "prep" and t.head.i == tok.i and t.text.lower() not in ("of", "for", "at", "to"):
            break       # "the embassy in Delhi": where it sits is no part of who speaks
        keep.append(t)
    words = [t.text for t in keep]
    while words and words[0].lower() in dets:
        words.pop(0)
    return " ".join(words).replace(" \u2019s", "\u2019s").replace(" 's", "'s")


def _subject(verb):
    """The grammatical subject of a speech verb (climbing "adding that", "saying")."""
    v = verb
    for _ in range(3):
        subs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subs:
            return subs[0]
        if v.dep_ in ("advcl", "conj", "xcomp", "ccomp", "acl", "pcomp") and v.head is not v:
            v = v.head
            continue
        break
    return None


def _speaker_from_token(tok, base: int, para_i: int, pos: int, res: _Speakers) -> tuple[str | None, str | None]:
    """Speaker name and affiliation for a subject token (pronoun, name, title, noun)."""
    verbs, preps, dets, docnouns, roles = _cues()
    low = tok.text.lower()
    low = {"him": "he", "her": "she", "them": "they"}.get(low, low)
    if low in _PRONOUNS:
        if low in ("he", "she", "i"):
            m = res.person_before(pos)
            return (m.name, m.role) if m else (None, None)
        name = res.recent_speaker(para_i)
        return name, None
    s = base + min(t.idx for t in tok.subtree)
    e = base + max(t.idx + len(t.text) for t in tok.subtree)
    # a person named anywhere in the subject ("Analysts like X", "X, a professor")
    for m in res.mentions:
        if m.label == PERSON and s <= m.start and m.end <= e:
            return m.name, m.role
    head_low = tok.lemma_.lower()
    if head_low in docnouns or low in docnouns:
        for t in tok.subtree:
            if t.dep_ == "agent" or (t.dep_ == "prep" and t.text.lower() == "by"):
                for c in t.children:
                    if c.dep_ == "pobj":
                        m = res.mention_at(base + c.idx, base + c.idx + len(c.text))
                        return (m.name if m else _np_text(c, dets)), None
    hm = res.mention_at(base + tok.idx, base + tok.idx + len(tok.text))
    if hm is not None:
        return hm.name, hm.role
    if tok.pos_ == "NOUN" and head_low in _org_nouns() and \
            any(c.dep_ == "det" and c.text.lower() == "the" for c in tok.children):
        # "the ministry said": the ministry the text named before
        m = res.org_before(pos, head_low)
        if m is not None:
            return m.name, None
    unnamed = tok.pos_ == "NOUN" and (head_low in roles or head_low in _source_nouns())
    for m in res.mentions:
        if s <= m.start and m.end <= e and not unnamed:
            return m.name, m.role
    if unnamed and not (head_low in roles and any(c.dep_ == "det" and c.text.lower() == "the" for c in tok.children)):
        # "a Downing Street spokesman": the unnamed source as written
        text = _np_text(tok, dets)
        if text:
            return text, None
    first = next(iter(tok.subtree))
    definite = first.text.lower() in ("the", "this", "that") or first.dep_ == "poss" or \
        any(c.dep_ in ("amod", "compound") for c in tok.children)
    if (head_low in roles or low in roles) and definite and not tok.tag_.endswith("S"):
        m = res.person_before(pos, role=head_low) or res.person_before(pos, any_position=True)
        if m:
            return m.name, m.role
    text = _np_text(tok, dets)
    return (text or None), None


def _according_to(tokens, base, para_i, pos, res) -> tuple[str | None, str | None] | None:
    verbs, preps, dets, docnouns, roles = _cues()
    for i, t in enumerate(tokens):
        pair = (t.text.lower() + " " + tokens[i + 1].text.lower()) if i + 1 < len(tokens) else ""
        if pair in ("according to", "as per") or (t.text.lower() == "per" and i and tokens[i - 1].text.lower() == "as"):
            j = i + 2 if pair else i + 1
            if j >= len(tokens):
                continue
            obj = tokens[j]
            # the noun the preposition governs ("to" in "according to", "per" in "as per")
            for c in tokens[j - 1].children:
                if c.dep_ == "pobj":
                    obj = c
            if obj.text.lower() in dets and j + 1 < len(tokens):
                obj = tokens[j + 1]
            while obj.dep_ in ("amod", "compound") and obj.head.i > obj.i and obj.head in tokens:
                obj = obj.head
            if not _source_like(obj, base, res):
                return None
            return _speaker_from_token(obj, base, para_i, pos, res)
    return None


def _source_like(tok, base, res) -> bool:
    """"according to X" names a source only when X is a name, pronoun or source noun."""
    if tok.text.lower() in _PRONOUNS or tok.text.lower() in ("him", "her", "them"):
        return True
    if res.mention_at(base + tok.idx, base + tok.idx + len(tok.text)) is not None:
        return True
    verbs, preps, dets, docnouns, roles = _cues()
    lem = tok.lemma_.lower()
    return lem in roles or lem in docnouns or lem in _source_nouns() or tok.pos_ == "PROPN"


@lru_cache(maxsize=1)
def _org_nouns() -> frozenset:
    return frozenset(lexicon("quotes_cues")["org_nouns"])


@lru_cache(maxsize=1)
def _source_nouns() -> frozenset:
    return frozenset(lexicon("quotes_cues")["source_nouns"])


def _attribution(tokens, base, para_i, pos, res, prefer_last: bool):
    """Speaker from a stretch of tokens outside the quote, or None."""
    verbs = _cues()[0]
    hit = _according_to(tokens if prefer_last else tokens[:4], base, para_i, pos, res)
    if hit and hit[0]:
        return hit
    # finite speech verbs only: "Noting that ...", "saying ..." hang off a main verb
    cands = [t for t in tokens if (t.lemma_.lower() in verbs or t.text.lower() in verbs)
             and t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG"]
    if prefer_last:
        cands.reverse()
    for v in cands:
        if v.lemma_.lower() == "quote":
            # "Interfax quoted the minister as saying": the quoted one speaks
            objs = [c for c in v.children if c.dep_ in ("dobj", "obj")]
            if objs:
                name, aff = _speaker_from_token(objs[0], base, para_i, pos, res)
                if name:
                    return name, aff
        subj = _subject(v)
        if subj is None:
            # inverted attribution: "said Tariq Khosa", "said a joint statement"
            after = [t for t in tokens if t.i > v.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
            if after:
                subj = after[0]
                while subj.head is not subj and subj.head.i > v.i and subj.dep_ in ("compound", "amod", "flat"):
                    subj = subj.head
        if subj is not None:
            name, aff = _speaker_from_token(subj, base, para_i, pos, res)
            if name:
                return name, aff
    return None


def extract_quotes(parsed: ParsedDoc) -> list[Quote]:
    """Every attributed direct quotation of at least four words, in text order."""
    doc = parsed.doc
    mentions = extract_mentions(parsed)
    res = _Speakers(parsed, mentions)
    marked_by_para = []
    for para, sdoc in parsed.paragraphs:
        ms = find_marked(para.text[:len(sdoc.text)])
        marked_by_para.append(ms)
        res.quoted.extend((para.start + m.start, para.start + m.end) for m in ms)
    out: list[Quote] = []
    prev_tail: tuple[int, list] | None = None
    for pi, ((para, sdoc), marks) in enumerate(zip(parsed.paragraphs, marked_by_para)):
        text = para.text[:len(sdoc.text)]
        ctx = _Context(pi, para.start, text, sdoc, marks, prev_tail)
        last_in_para: tuple[str, str | None] | None = None
        for qi, mk in enumerate(marks):
            inner = text[mk.start:mk.end]
            short = _word_count(inner) < MIN_WORDS or _looks_like_title(inner)
            speaker, aff = _find_speaker(ctx, qi, inner, short, last_in_para, res)
            if short:
                # too short to report, but "“We are ready,” she said." still names the
                # speaker of the quote that follows it
                if speaker:
                    last_in_para = (speaker, aff)
                continue
            if not speaker:
                continue       # marked words nobody is said to have said: scare quotes
            kind = PERSON if any(m.label == PERSON and m.name == speaker for m in mentions) else "OTHER"
            res.last.append((pi, para.start + mk.open, speaker, kind))
            last_in_para = (speaker, aff)
            out.append(Quote(doc.doc_id, para.start + mk.start, para.start + mk.end, inner, speaker, aff))
        # the last sentence of this paragraph may introduce the next paragraph's quote
        tail_start = _sentence_start(text, len(text), marks[-1].close + 1 if marks else 0)
        prev_tail = (pi, ctx.tokens(tail_start, len(text)))
    return out


@dataclass(frozen=True, slots=True)
class _Context:
    """One paragraph being read for quotes."""

    pi: int
    base: int
    text: str
    sdoc: object
    marks: list
    prev_tail: tuple[int, list] | None

    def tokens(self, a: int, b: int) -> list:
        """Tokens in [a, b) outside every quotation mark pair of the paragraph."""
        return [t for t in self.sdoc if a <= t.idx < b and
                not any(m.open <= t.idx <= m.close for m in self.marks)]


def _find_speaker(ctx: _Context, qi: int, inner: str, short: bool, last_in_para, res: _Speakers):
    """(speaker, affiliation) of quote ``qi`` of the paragraph, or (None, None)."""
    marks, text, base, pi = ctx.marks, ctx.text, ctx.base, ctx.pi
    mk = marks[qi]
    at = base + mk.open
    prev_close = marks[qi - 1].close + 1 if qi else 0
    next_open = marks[qi + 1].open if qi + 1 < len(marks) else len(text)
    # after: ", he said." / ", said the minister"
    ends_sentence = inner.rstrip()[-1:] in ".!?"
    after = ctx.tokens(mk.close + 1, _sentence_end(text, mk.close + 1, next_open))
    starts_lower = bool(after) and (after[0].text[:1].islower() or after[0].text in ",")
    if after and (not ends_sentence or starts_lower):
        hit = _attribution(after[:12], base, pi, at, res, prefer_last=False)
        if hit:
            return hit
    if short:
        return None, None
    # before: "X said," / "According to X," / "X said the talks would be "..."
    before = ctx.tokens(_sentence_start(text, mk.open, prev_close), mk.open)
    if before:
        hit = _attribution(before, base, pi, at, res, prefer_last=True)
        if hit:
            return hit
    # the rest of the sentence ("Noting that ... "x", he said "y"")
    if not ends_sentence and after:
        hit = _attribution(after, base, pi, at, res, prefer_last=False)
        if hit:
            return hit
    # continuation: a second quote of the same speaker in this paragraph
    if last_in_para is not None and (not text[prev_close:mk.open].strip(" ,.;:\n") or
                                     (qi and not ctx.tokens(marks[qi - 1].close + 1, mk.open))):
        return last_in_para
    # a quote opening a paragraph, introduced by the one before ("He said:")
    if not text[:mk.open].strip() and ctx.prev_tail is not None:
        pj, ptoks = ctx.prev_tail
        pstart = res.parsed.paragraphs[pj][0].start
        hit = _attribution(ptoks, pstart, pj, at, res, prefer_last=True)
        if not hit and ptoks and ptoks[-1].text == ":":
            # "X, an analyst, had this to say:"
            lo, hi = pstart + ptoks[0].idx, pstart + ptoks[-1].idx
            named = [m for m in res.mentions if lo <= m.start < hi and m.label == PERSON]
            if named:
                hit = (named[0].name, named[0].role)
        if hit:
            return hit
        name = res.recent_speaker(pi, back=1)
        if name:
            return name, None
    return None, None
