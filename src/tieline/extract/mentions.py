"""Mentions of people, organizations, armed groups and projects, with spans.

spaCy's NER proposes names; rules then fix what the small model gets wrong in news
about states: titles glued to names ("Prime Minister Imran Khan"), appositions
("X, the foreign minister of Y"), acronyms defined in brackets ("Inter-Services
Intelligence (ISI)"), armed groups the model calls NORP, and named projects.
Inside one document every mention gets the fullest name the document gives, except
when a bare surname fits two different people: then it stays as written.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..model import Mention
from .actors import lookup as lookup_actor
from .countries import find_countries
from .nlp import ParsedDoc

LEXICON = Path(__file__).parent / "lexicon"

PERSON, ORG, GROUP, PROJECT = "PERSON", "ORG", "GROUP", "PROJECT"
APOS = "'\u2019"
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&.\-]{1,11})\)")
_WORD = re.compile(r"[A-Za-z0-9][\w&.\u2019'\-]*")


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict:
    """A JSON lexicon file by stem, read once."""
    return json.loads((LEXICON / f"{name}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _titles() -> tuple[frozenset, frozenset, frozenset]:
    lex = lexicon("titles_people")
    heads = frozenset(lex["heads"])
    words = frozenset(lex["words"]) | heads
    return heads, words, frozenset(lex["honorifics"])


@lru_cache(maxsize=1)
def _groups() -> tuple[dict, re.Pattern]:
    """surface form -> canonical group name, and one regex over all forms."""
    forms = {}
    for canon, surfaces in lexicon("orgs_groups")["groups"].items():
        for s in surfaces:
            forms[s] = canon
    alt = "|".join(re.escape(s) for s in sorted(forms, key=len, reverse=True))
    return forms, re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


@lru_cache(maxsize=1)
def _cues() -> dict:
    lex = lexicon("orgs_cues")
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in lex.items()}


def is_honorific(word: str) -> bool:
    return word.lower() in _titles()[2]


def strip_title(surface: str) -> str:
    """The name without leading titles/honorifics ("President Putin" -> "Putin")."""
    heads, words, hon = _titles()
    toks = surface.split()
    i = 0
    while i < len(toks) - 1:
        low = toks[i].lower()
        if low in words or low in hon:
            i += 1
        elif i + 1 < len(toks) - 1 and toks[i + 1].lower() in words and find_countries(toks[i]):
            i += 1          # "Afghan President X": the demonym belongs to the title
        else:
            break
    return " ".join(toks[i:])


def _clean(text: str) -> tuple[int, int]:
    """Trim articles, possessives and punctuation from an entity's text (offsets kept)."""
    s, e = 0, len(text)
    m = re.match(r"(?:the|The|a|an)\s+", text)
    if m:
        s = m.end()
    t = text[s:e]
    m = re.search(r"[\u2019']s?$", t)
    if m and (m.group(0) != "'" or t.endswith("s'")):
        e = s + m.start()
    while e > s and text[e - 1] in " ,.;:-\u2014\u2013\"\u201c\u201d()":
        # keep the full stop of an initial ("George W.") only inside a name
        if text[e - 1] == "." and e - s >= 2 and text[e - 2].isupper() and (e - s == 2 or text[e - 3] == " "):
            break
        e -= 1
    while s < e and text[s] in " ,.;:-\"\u201c\u201d()'\u2018\u2019":
        s += 1
    return s, e


def _country_of(text: str) -> str | None:
    for c in find_countries(text):
        if c.kind in ("name", "demonym", "capital", "body", "org"):
            return c.iso3
    return None


def _title_before(sdoc, tok_i: int) -> tuple[int, str | None, str | None]:
    """Walk back from token ``tok_i`` over a title glued to a name.

    Returns (first token index of the surface form, role, country). The surface
    form keeps a short title ("President Putin") since the text uses it as a name.
    """
    heads, words, hon = _titles()
    j = tok_i - 1
    toks = []
    while j >= 0:
        t = sdoc[j]
        low = t.text.lower()
        if low == "and" and j > 0 and sdoc[j - 1].text.lower() in heads:
            break       # "the President and Prime Minister X": two people's titles
        if low in words or low in hon or (t.text[:1].isupper() and t.pos_ == "PROPN" and low in heads):
            toks.append(t)
            j -= 1
            continue
        break
    # trailing connectors ("of", "the") cannot start a title
    while toks and toks[-1].text.lower() in ("of", "for", "and", "to", "the"):
        toks.pop()
    if not toks:
        return tok_i, None, None
    toks.reverse()
    first = toks[0].i
    role_toks = [t for t in toks if t.text.lower() not in hon]
    role = " ".join(t.text for t in role_toks) or None
    if role and not any(t.text.lower() in heads for t in role_toks):
        role = None
    # a demonym/country/possessive right before the title gives the country
    ctx_start = max(0, first - 3)
    country = _country_of(sdoc[ctx_start:tok_i].text)
    # surface keeps the title only when it is short and a title proper
    if len(toks) > 3:
        first = tok_i
    return first, role, country


def _apposition_after(text: str, end: int) -> str | None:
    """", the foreign minister of Y," after a name -> the role phrase."""
    m = re.match(r",\s+(?:(?:a|an|the)\s+)?([^,.;:()\u201c\u201d\"]{3,90}?)(?=,|\.|;|\(|$| said| told| says)",
                 text[end:end + 120])
    if not m:
        return None
    phrase = m.group(1).strip()
    heads = _titles()[0]
    words = phrase.split()
    if not words or len(words) > 12:
        return None
    if words[0].lower() in ("and", "or", "but", "while", "who", "which", "whose", "when", "where", "as", "with"):
        return None       # the list or the clause goes on; no apposition
    if not any(w.lower().strip(APOS + "s") in heads or w.lower() in heads for w in words[:6]):
        return None
    if words[0][:1].isupper() and words[0].lower() not in _titles()[1] and not _country_of(words[0]):
        return None   # another name in a list, not a role
    return phrase


def _apposition_before(text: str, start: int) -> str | None:
    """"US Assistant Secretary of State, Alice Wells," or "Russia's energy minister,
    Alexander Novak," -> the title before the comma."""
    before = text[max(0, start - 90):start]
    if not re.search(r",\s*$", before):
        return None
    words = before.rstrip(" ,").split()
    heads, titlewords, hon = _titles()
    if not words or words[-1].lower().strip(".") not in heads and words[-1].lower() not in heads:
        if not (len(words) > 2 and words[-3].lower() in heads and words[-2] in ("of", "for")):
            return None
    k = len(words)
    while k > 0:
        w = words[k - 1]
        low = w.lower()
        if low in titlewords or low in heads or re.search(r"[\u2019']s$", w) or \
                (w[:1].isupper() and not w.endswith((".", ",", ";", ":"))):
            k -= 1
            continue
        break
    while k < len(words) and words[k].lower() in ("and", "of", "for", "to", "the", "a", "an"):
        k += 1          # connectors cannot start a title ("... and Russia's energy minister")
    phrase = " ".join(words[k:])
    return phrase or None


def _spells(letters: str, words: list[str]) -> bool:
    """"EAEU" from "Eurasian Economic Union": every capitalised word gives its first
    letter in order, and extra letters of the acronym come from inside those words."""
    caps = [w for w in words if w[:1].isupper()]
    if not caps or letters[:1] != caps[0][0] or len(letters) > 2 * len(caps):
        return False
    i = 0
    for wi, w in enumerate(caps):
        if i >= len(letters) or letters[i] != w[0].upper():
            return False
        i += 1
        rest = w[1:].upper()
        # take inner letters of this word only while the next word's initial is not due
        while i < len(letters) and (wi + 1 >= len(caps) or letters[i] != caps[wi + 1][0].upper()) \
                and letters[i] in rest:
            rest = rest[rest.index(letters[i]) + 1:]
            i += 1
    return i == len(letters)


def _acronyms(text: str) -> list[tuple[int, int, str, int, int, str]]:
    """"Long Name (LN)" -> (exp_start, exp_end, expansion, acr_start, acr_end, acronym)."""
    out = []
    for m in _ACRONYM.finditer(text):
        acr = m.group(1)
        letters = "".join(ch for ch in acr if ch.isupper())
        if len(letters) < 2:
            continue
        before = text[max(0, m.start() - 160):m.start()].rstrip()
        offset = m.start() - len(text[max(0, m.start() - 160):m.start()]) + 0
        words = list(_WORD.finditer(before))
        best = None
        for k in range(1, min(len(words), 10) + 1):
            seq = words[-k:]
            if not seq[0].group(0)[:1].isupper():
                continue
            initials = ""
            for w in seq:
                parts = re.split(r"[-\u2013]", w.group(0))
                for p in parts:
                    if p[:1].isupper():
                        initials += p[0]
            plain = "".join(w.group(0)[0] for w in seq if w.group(0)[:1].isupper())
            if initials == letters or plain == letters or _spells(letters, [w.group(0) for w in seq]):
                best = seq
                break
        if not best:
            continue
        s = offset + best[0].start()
        e = offset + best[-1].end()
        out.append((s, e, text[s:e], m.start(1), m.end(1), acr))
    return out


def _heading_like(text: str) -> bool:
    """A headline, subheading or byline: short, no sentence end, mostly capitalised."""
    words = re.findall(r"[A-Za-z][\w\u2019'-]*", text)
    if re.match(r"\s*(?:By|From|\u2014|-)\s", text):
        return False           # bylines and credits do name people and outlets
    if not words or len(words) > 12 or text.rstrip()[-1:] in ".!?:;\"\u201d\u2019)":
        return False
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in ("a", "an", "the", "of", "and", "in", "on",
                                                                    "to", "for", "with", "by", "at", "as"))
    return caps >= 0.8 * len(words)


def _label_of(ent_label: str, text: str) -> str | None:
    forms, _ = _groups()
    if text in forms:
        return GROUP
    last = text.split()[-1] if text.split() else ""
    cues = _cues()
    if ent_label in ("ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"):
        if last in cues["project_strict_heads"] or (ent_label != "ORG" and last in cues["project_heads"]):
            return PROJECT
        if ent_label == "ORG":
            return ORG
        if ent_label == "FAC" and last in cues["org_heads"]:
            return ORG
        return None
    if ent_label == "PERSON":
        return PERSON
    return None


@lru_cache(maxsize=1)
def _project_re() -> re.Pattern:
    """Capitalised names ending in a project noun ("North-South Gas Pipeline")."""
    heads = "|".join(sorted(_cues()["project_strict_heads"], key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])((?:[A-Z][\w\u2019'&+-]*\s+(?:(?:and|of|of\s+the|&|de|for)\s+)?){{1,6}}(?:{heads}))(?:\s+(\d+))?\b")


@lru_cache(maxsize=1)
def _project_lower_re() -> re.Pattern:
    """A proper name before descriptive project nouns ("Kudankulam nuclear power project")."""
    cues = _cues()
    mods = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(cues["project_modifiers"], key=len, reverse=True))
    heads = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(cues["project_heads_lower"], key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])((?:[A-Z][\w\u2019'-]*\s+){{0,3}}[A-Z][\w\u2019'-]*)\s+(?:(?:{mods})\s+){{0,3}}(?:{heads})(?:\s+(?:{heads}))?\b")


def _plausible(text: str, label: str) -> bool:
    cues = _cues()
    if not text or len(text) < 2 or text in cues["not_entities"]:
        return False
    if not any(ch.isupper() for ch in text):
        return False
    if "@" in text or "http" in text or "\n" in text:
        return False
    if label == PERSON:
        toks = text.split()
        if any(t in cues["person_stop"] for t in toks):
            return False
        if any(ch.isdigit() for ch in text):
            return False
        if len(toks) > 5:
            return False
        heads, words, hon = _titles()
        if all(t.lower() in words or t.lower() in hon for t in toks):
            return False
    toks = text.split()
    if toks[0] in cues["ship_prefixes"] and len(toks) > 1:
        return False            # a ship's name
    if any(ch in text for ch in "|/") or text.rstrip()[-1:] in "&,-":
        return False
    # a bare country, capital or demonym is not an organization, nor is a
    # country followed only by generic words ("Russian Authorities")
    cs = [c for c in find_countries(text) if c.kind in ("name", "capital", "demonym")]
    covered = set()
    for c in cs:
        covered.update(range(c.start, c.end))
    rest = [m for m in re.finditer(r"[\w\u2019'-]+", text) if not covered.intersection(range(m.start(), m.end()))]
    rest = [m.group(0) for m in rest if m.group(0).lower() not in
            ("of", "and", "the", "s", "\u2019s", "'s", "to", "for", "on", "in", "a", "an", "&")]
    if not rest:
        return False
    institution = len(toks) >= 3 and toks[0] in cues["org_heads"] and toks[1] in ("of", "for", "on")
    # a state's name plus two or more such words is a proper name again
    # ("Pakistan Stream Gas Pipeline"), one is not ("Russian Authorities")
    if label in (ORG, PERSON, PROJECT) and not institution and not (cs and len(rest) >= 2) and \
            all(w in cues["generic_words"] or w in cues["project_heads"] for w in rest):
        return False     # "Joint Working Groups": common words in capitals, not a name
    if text.count("(") != text.count(")"):
        return False
    if label == PROJECT and len(toks) == 1 and not re.search(r"[A-Z]{2}|\d", text):
        return False
    if label == PERSON and any(w in cues["generic_words"] or w in cues["project_heads"] or w in cues["org_heads"]
                               for w in rest):
        return False
    return True


def extract_mentions(parsed: ParsedDoc) -> list[Mention]:
    """Every PERSON/ORG/GROUP/PROJECT mention with its span and in-document fullest name."""
    return list(_mentions_of(parsed))


@lru_cache(maxsize=4)
def _mentions_of(parsed: ParsedDoc) -> tuple[Mention, ...]:
    """Cached: the quote extractor and the pipeline both ask for one document's mentions."""
    return tuple(_extract_mentions(parsed))


def _extract_mentions(parsed: ParsedDoc) -> list[Mention]:
    doc = parsed.doc
    cands: list[tuple[int, int, str, str, str | None, str | None, str | None, int]] = []
    # (abs_start, abs_end, text, label, role, country, name_hint, priority)
    acr_names: dict[str, tuple[str, str]] = {}
    group_forms, group_re = _groups()
    for para, sdoc in parsed.paragraphs:
        base, text = para.start, para.text[:len(sdoc.text)]
        for es, ee, exp, as_, ae, acr in _acronyms(text):
            if not _plausible(exp, ORG) or acr in _cues()["not_entities"]:
                continue
            label = GROUP if exp in group_forms else (
                PROJECT if exp.split()[-1] in _cues()["project_heads"] and exp.split()[-1] in _cues()["project_strict_heads"] else ORG)
            acr_names.setdefault(acr, (exp, label))
            cands.append((base + es, base + ee, exp, label, None, _country_of(exp), exp, 3))
            cands.append((base + as_, base + ae, acr, label, None, _country_of(exp), exp, 3))
        # state bodies and companies the country lexicon knows (Gazprom -> RUS)
        for c in find_countries(text):
            if c.kind == "org":
                cands.append((base + c.start, base + c.end, c.text, ORG, None, c.iso3, None, 1))
        for m in group_re.finditer(text):
            cands.append((base + m.start(), base + m.end(), m.group(0), GROUP, None, None,
                          group_forms[m.group(0)], 2))
        for m in _project_lower_re().finditer(text) if not _heading_like(text) else ():
            # "Kudankulam nuclear power project": a proper name before a project noun
            proper = m.group(1)
            first = proper.split()[0]
            if first in ("The", "A", "An", "This", "That", "Its", "Their", "In", "On", "At", "For", "And", "But"):
                proper = proper[len(first):].lstrip()
                if not proper:
                    continue
            cs = [c for c in find_countries(proper)]
            covered = sum(c.end - c.start for c in cs)
            if covered >= len(proper.replace(" ", "")) - 1 or any(c.kind == "org" for c in cs):
                continue
            s = m.start(1) + (len(m.group(1)) - len(proper))
            name = text[s:m.end()]
            if not _plausible(name, PROJECT) or proper in _cues()["generic_words"]:
                continue
            cands.append((base + s, base + m.end(), name, PROJECT, None, _country_of(name), None, 1))
        for m in _project_re().finditer(text) if not _heading_like(text) else ():
            s, e = m.start(1), m.end(2) if m.group(2) else m.end(1)
            # drop a leading sentence word that is not part of the name ("The", "In")
            sub = text[s:e]
            cs, ce = _clean(sub)
            name = sub[cs:ce]
            first = name.split()[0]
            if first in ("In", "On", "At", "With", "Under", "For", "As", "By", "And", "But", "While"):
                name = name[len(first):].lstrip()
                cs = ce - len(name)
            if len(name.split()) < 2 or not _plausible(name, PROJECT):
                continue
            cands.append((base + s + cs, base + s + ce, name, PROJECT, None, _country_of(name), None, 1))
        heading = _heading_like(text)
        for ent in sdoc.ents:
            if heading and ent.label_ != "PERSON":
                continue       # headlines and subheads: Title Case fools the model
            if ent.text.isupper() and text[ent.end_char:ent.end_char + 1] == ":":
                continue       # "REPLY:", "ANSWER:" labels of an interview
            cs, ce = _clean(ent.text)
            if cs >= ce:
                continue
            if ent.label_ == "ORG" and len(ent) == 1 and ent[0].pos_ == "NOUN" and not ent.text.isupper():
                continue       # a capitalised common noun ("Answer has its roots ...")
            etext = ent.text[cs:ce]
            label = _label_of(ent.label_, etext)
            if label is None and ent.label_ == "NORP" and etext in group_forms:
                label = GROUP
            if label is None or not _plausible(etext, label):
                continue
            s, e = ent.start_char + cs, ent.start_char + ce
            role = country = None
            if label == PERSON:
                # titles spaCy swallowed into the name
                stripped = strip_title(etext)
                if stripped != etext:
                    pre = etext[: len(etext) - len(stripped)].strip()
                    heads = _titles()[0]
                    if any(w.lower() in heads for w in pre.split()):
                        role = pre
                    etext_name = stripped
                else:
                    etext_name = etext
                first_tok = ent.start + len(ent.text[:cs].split())
                ft, trole, tcountry = _title_before(sdoc, first_tok)
                if ft < first_tok:
                    s = sdoc[ft].idx
                    role = role or trole
                    country = tcountry
                if not role:
                    role = _apposition_after(text, ent.start_char + ce) or _apposition_before(text, ent.start_char + cs)
                    if role and not country:
                        country = _country_of(role)
                        if country is None:
                            country = _country_of(text[max(0, ent.start_char - 40):ent.start_char])
                elif not country:
                    # a title the model swallowed names its state ("Afghan President X")
                    country = _country_of(role) or _country_of(text[max(0, s - 30):s])
                cands.append((base + s, base + e, text[s:e], PERSON, role, country, etext_name, 0))
            else:
                # "Pakistan's Narcotics Control Division": the country is an attribute
                m = re.match(r"([A-Z][\w.]*)[\u2019']s\s+(?=[A-Z])", etext)
                if m and find_countries(m.group(1)):
                    etext, s = etext[m.end():], s + m.end()
                    country = _country_of(m.group(1))
                toks = etext.split()
                if len(toks) > 1 and toks[-1] in _cues()["event_suffixes"]:
                    etext = " ".join(toks[:-1]).rstrip()
                    e = s + len(etext)
                    if not _plausible(etext, label):
                        continue
                name = group_forms.get(etext) if label == GROUP else None
                if label == ORG and etext.isupper() and etext in acr_names:
                    name, label = acr_names[etext]
                cands.append((base + s, base + e, etext, label, None, country or _country_of(etext), name, 0))
    cands.extend(_rule_persons(parsed))
    cands.extend(_stated_aliases(parsed, cands))
    lower_words = set(re.findall(r"(?<![\w-])[a-z][a-z-]+", " ".join(p.text for p, _ in parsed.paragraphs)))
    cands = [c for c in cands if not (c[7] == 0 and c[3] in (ORG, PROJECT) and " " not in c[2]
                                      and c[2][:1].isupper() and not c[2].isupper()
                                      and c[2].lower() in lower_words)]
    # acronyms defined anywhere in the document name their later bare uses too
    for para, sdoc in parsed.paragraphs:
        base, text = para.start, para.text[:len(sdoc.text)]
        for acr, (exp, label) in acr_names.items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", text):
                cands.append((base + m.start(), base + m.end(), acr, label, None, _country_of(exp), exp, 2))
    cands.extend(_propagate_names(parsed, cands))
    # one mention per span: rules beat the model, longer beats shorter
    cands.sort(key=lambda c: (-c[7], -(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    kept = []
    for c in cands:
        if any(c[0] < e and s < c[1] for s, e in taken):
            continue
        taken.append((c[0], c[1]))
        kept.append(c)
    kept.sort(key=lambda c: (c[0], c[1]))
    names = _fullest_names(kept)
    return [Mention(doc.doc_id, s, e, t, label, names[i],
                    _person_state(doc, s, role, country, names[i]) if label == PERSON else country,
                    role)
            for i, (s, e, t, label, role, country, hint, _) in enumerate(kept)]


def _stated(raw: str, start: int, role: str | None, country: str | None) -> bool:
    """Whether the text itself gives this person's state: in the role ("Russian
    President", "foreign minister of Pakistan") or right before the title
    ("Pakistan's Prime Minister X"). A state merely nearby is a guess."""
    if not country:
        return False
    if role and _country_of(role) == country:
        return True
    before = raw[max(0, start - 40):start]
    found = [c for c in find_countries(before) if c.kind in ("name", "demonym", "capital", "body", "org")]
    return bool(found) and found[-1].iso3 == country and \
        re.fullmatch(r"(?:[\u2019']s)?\s*", before[found[-1].end:]) is not None


def _person_state(doc, start: int, role: str | None, country: str | None, name: str) -> str | None:
    """A person's state: what the text says, else the actor dictionary at the document's
    date (None for an organisation's official), else the guess from nearby words."""
    if _stated(doc.raw_text, start, role, country):
        return country
    known = lookup_actor(name, doc.published)
    return known.iso3 if known is not None else country


_NAME_TOK = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b)(?:[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Za-z][a-z]*)*|[A-Z]\.)"
_NAME = rf"{_NAME_TOK}(?:\s+(?:(?:bin|al|ul|e|de|van|von|der|da|di)\s+)?{_NAME_TOK}){{0,4}}"
_SPEECH_AFTER = re.compile(rf"(?<![\w.])({_NAME})\s+(?:said|says|told|added|stated|noted|tweeted|wrote|remarked)\b")
_APPOS_NAME = re.compile(rf"(?<![\w.])({_NAME})(?=,\s)")


def _name_ok(name: str, after_title: bool = False) -> bool:
    """Capitalised words that can be a person's name (no titles, places, org words).

    Right after a title, title words inside the name are names ("Sultan", "Major").
    """
    heads, words, hon = _titles()
    toks = name.split()
    if not toks or (not after_title and any(t.lower() in words or t.lower() in hon for t in toks)):
        return False
    if not any(len(t.rstrip(".")) > 1 for t in toks):
        return False           # initials alone ("H.") are no name
    cues = _cues()
    if any(t in cues["org_heads"] or t in cues["not_entities"] or t in cues["person_stop"] or
           t in cues["generic_words"] or t in cues["project_heads"] for t in toks):
        return False
    if toks[0] in ("The", "This", "That", "These", "Both", "In", "On", "At", "But", "And", "As", "It", "He",
                   "She", "They", "We", "His", "Her", "Their", "Our", "Its", "While", "After", "Before",
                   "According", "Speaking", "Earlier", "Later", "Meanwhile", "However", "Also", "Last", "Next"):
        return False
    if any(t in _CALENDAR for t in toks):
        return False
    return not find_countries(name)


_CALENDAR = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
                      "April May June July August September October November December".split())


_CAP_SEQ = r"[A-Z][\w\u2019'&.+-]*(?:\s+(?:of\s+|and\s+)?[A-Z0-9][\w\u2019'&.+-]*){0,5}"


def _alias_re() -> re.Pattern:
    cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(_cues()["alias_cues"], key=len, reverse=True))
    return re.compile(rf"({_CAP_SEQ})\s*(?:,\s*|\(\s*)(?:{cues})\s+(?:the\s+)?({_CAP_SEQ})")


def _stated_aliases(parsed: ParsedDoc, cands) -> list[tuple]:
    """"MILGEM-class (also known as Babur-class)": the text itself says two names are one."""
    out = []
    pat = _alias_re()
    for para, sdoc in parsed.paragraphs:
        base, text = para.start, para.text[:len(sdoc.text)]
        for m in pat.finditer(text):
            a_s, a_e, b_s, b_e = base + m.start(1), base + m.end(1), base + m.start(2), base + m.end(2)
            a_text, b_text = m.group(1), m.group(2)
            if not (_plausible(a_text, ORG) and _plausible(b_text, ORG)):
                continue
            labels = [c[3] for c in cands if c[0] < b_e and a_s < c[1]]
            if PERSON in labels:
                continue     # people's aliases come from the name rules
            last = (a_text.split()[-1], b_text.split()[-1])
            label = next((lb for lb in labels if lb in (GROUP, PROJECT, ORG)), None) or (
                PROJECT if any(w.endswith("-class") or w in _cues()["project_heads"] for w in last) else ORG)
            country = _country_of(a_text) or _country_of(b_text)
            out.append((a_s, a_e, a_text, label, None, country, a_text, 2))
            out.append((b_s, b_e, b_text, label, None, country, a_text, 2))
    return out


def _rule_persons(parsed: ParsedDoc) -> list[tuple]:
    """People the model misses: after a title, before an apposition, before "said"."""
    heads, words, hon = _titles()
    out = []
    for para, sdoc in parsed.paragraphs:
        base, text = para.start, para.text[:len(sdoc.text)]
        if _heading_like(text):
            continue
        spans = []
        for t in sdoc:
            low = t.text.lower()
            if not t.text[:1].isupper() or not (low in heads or low in hon):
                continue
            # the name starts after the whole title ("Deputy Prime Minister X"), so
            # only the last word of a run of title words triggers
            if t.i + 1 < len(sdoc) and sdoc[t.i + 1].text[:1].isupper() and \
                    (sdoc[t.i + 1].text.lower() in words or sdoc[t.i + 1].text.lower() in hon):
                continue
            j = t.i + 1
            # "Prime Minister of Uzbekistan X", "State Minister for Petroleum X"
            if j < len(sdoc) and sdoc[j].text in ("of", "for", "to") and low in heads:
                k = j + 1
                if k < len(sdoc) and sdoc[k].text == "the":
                    k += 1
                n = 0
                while k < len(sdoc) and n < 3 and sdoc[k].text[:1].isupper() and \
                        (sdoc[k].text.lower() in words or find_countries(sdoc[k].text)):
                    k += 1
                    n += 1
                if n:
                    j = k
            if j < len(sdoc) and sdoc[j].text == ",":
                j += 1
            if j >= len(sdoc):
                continue
            # the name itself, by characters: spaCy splits "Fakhar-e-Alam" into five tokens
            m = re.match(_NAME, text[sdoc[j].idx:])
            if m:
                parts = m.group(0).split()
                while parts and parts[-1].lower() in words:
                    parts.pop()
                if parts:
                    n_end = sdoc[j].idx + len(" ".join(parts)) if m.group(0).startswith(" ".join(parts)) \
                        else sdoc[j].idx + len(parts[0])
                    spans.append((sdoc[j].idx, n_end, 2))
        for m in _SPEECH_AFTER.finditer(text):
            if len(m.group(1).split()) >= 2:
                spans.append((m.start(1), m.end(1), 1))
        for m in _APPOS_NAME.finditer(text):
            if len(m.group(1).split()) >= 2 and _apposition_after(text, m.end(1)):
                spans.append((m.start(1), m.end(1), 1))
        for s, e, pr in spans:
            name = text[s:e]
            if not _name_ok(name, after_title=pr == 2):
                continue
            pr = 1
            sp = sdoc.char_span(s, e, alignment_mode="expand")
            first_tok = sp.start if sp is not None and sdoc[sp.start].idx == s else None
            role = country = None
            ss = s
            if first_tok is not None:
                ft, role, country = _title_before(sdoc, first_tok)
                ss = sdoc[ft].idx
            if not role:
                role = _apposition_after(text, e) or _apposition_before(text, s)
                if role:
                    country = _country_of(role)
            out.append((base + ss, base + e, text[ss:e], PERSON, role, country, name, pr))
    return out


def _propagate_names(parsed: ParsedDoc, cands) -> list[tuple]:
    """Later bare uses of a person's surname or full name ("Scholz said")."""
    forms = set()
    for c in cands:
        if c[3] == PERSON:
            n = c[6] or strip_title(c[2])
            toks = n.split()
            forms.add(n)
            # surnames and middle names recur alone ("Dastgir said"); first names
            # alone are left to the title rule ("PM Shehbaz")
            for t in toks[1:] if len(toks) >= 2 else ():
                if len(t) > 2 and t[0].isupper() and _name_ok(t) and t.lower() not in ("bin", "al", "ul"):
                    forms.add(t)
    if not forms:
        return []
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pat = re.compile(rf"(?<![\w-])(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:{alt})(?![\w-])")
    people = [(c[0], c[1]) for c in cands if c[3] == PERSON]
    out = []
    for para, sdoc in parsed.paragraphs:
        base, text = para.start, para.text[:len(sdoc.text)]
        for m in pat.finditer(text):
            s, e = base + m.start(), base + m.end()
            if any(a < e and s < b for a, b in people):
                continue
            surface = m.group(0)
            # a known person's name beats the model's other labels ("Novak" as ORG)
            out.append((s, e, surface, PERSON, None, None, strip_title(surface), 0.5))
    return out


def name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name.strip()) if t]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """"Khurram Dastgir" in "Khurram Dastgir Khan", "Khawaja Asif" in "Khawaja
    Muhammad Asif": a contiguous run, or the same first and last name around a middle."""
    if len(longer) <= len(shorter):
        return False
    n = len(shorter)
    if any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1)):
        return True
    if n >= 2 and longer[0] == shorter[0] and longer[-1] == shorter[-1]:
        it = iter(longer)
        return all(tok in it for tok in shorter)
    return False


def _fullest_names(kept) -> list[str]:
    """Map each mention to the fullest name the document gives for it.

    A single-token person name (a surname, or a first name as in "PM Shehbaz") takes
    the one multi-token name that contains it; when two full names contain it (two
    Sharifs) it stays as written, because guessing would merge two people.
    """
    person_full: list[str] = []
    for s, e, t, label, role, country, hint, _ in kept:
        if label == PERSON:
            n = strip_title(hint or t)
            if len(name_tokens(n)) >= 2 and n not in person_full:
                person_full.append(n)

    def fuller(n: str) -> str:
        """The longest name containing ``n`` when all that contain it are one person."""
        toks = name_tokens(n)
        cands = [f for f in person_full if _contains(name_tokens(f), toks)]
        if not cands:
            return n
        longest = max(cands, key=lambda f: (len(name_tokens(f)), f))
        lt = name_tokens(longest)
        if all(c == longest or _contains(lt, name_tokens(c)) for c in cands):
            return longest
        return n

    out = []
    for s, e, t, label, role, country, hint, _ in kept:
        if label != PERSON:
            out.append(hint or t)
            continue
        n = strip_title(hint or t)
        toks = name_tokens(n)
        if len(toks) == 1:
            cands = {fuller(f) for f in person_full if toks[0] in name_tokens(f)}
            out.append(cands.pop() if len(cands) == 1 else n)
        else:
            out.append(fuller(n))
    return out
