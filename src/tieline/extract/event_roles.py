"""Who takes part in an event: state mentions placed in the trigger's roles.

The subject side (nsubj, "by" agent, a noun's possessor or demonym) acts; objects
and prepositional complements are acted upon; "from" names the supplier of a
receiving verb ("bought jets from X"); "in"/"at" name a venue, whose host is not a
party to a meeting.
"""
from __future__ import annotations

from dataclasses import dataclass

from .actors import person_country
from .event_lexicon import Spec, lexicon

_SUBJ = ("nsubj", "csubj", "expl")
_OBJ = ("dobj", "dative", "oprd", "attr", "acomp", "nsubjpass", "appos")
_TARGET_PREPS = frozenset({"to", "with", "against", "from", "on", "into", "for", "toward",
                           "towards", "over", "upon", "between", "among", "in", "at",
                           "of", "about", "regarding", "onto", "across", "inside",
                           "within", "near", "by"})
_VENUE_TYPES = frozenset({"CONSULT", "AGREE"})
#: "with X's help": X is the acting party.
_HELP = frozenset({"assistance", "help", "support", "backing", "aid", "financing", "funding",
                   "cooperation", "co-operation", "collaboration"})
_TOPIC = frozenset({"on", "about", "over", "regarding", "concerning"})
#: Types where "on/about X" is what is talked or agreed about, not a party.
_TOPIC_TYPES = frozenset({"CONSULT", "AGREE"})
_LOCATIVE = frozenset({"in", "at", "near", "inside", "across", "throughout", "around"})
#: Types whose "in X" names the state acted upon ("strikes in X", "invest in X").
_IN_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_PRONOUN_SUBJ = frozenset({"both", "they", "the two"})
#: Prepositions whose object is a background event in time, not an act of the
#: governing clause's subject.
_BACKGROUND = frozenset({"after", "following", "before", "amid", "during", "since", "despite"})


@dataclass(frozen=True, slots=True)
class StateMention:
    iso3: str
    tok_ids: frozenset
    kind: str
    venue: bool = False    # inside "in/at/on X": a place or topic, not (necessarily) a party
    subject: bool = False  # inside a clause subject: an actor


@dataclass(frozen=True, slots=True)
class Actors:
    states: tuple          # StateMention, in text order
    parties: frozenset     # token ids of foreign non-state parties (EU, UN, the West)
    pairs: frozenset       # token ids of all phrases in ``refs``
    refs: tuple = ()       # (token ids, kind, n): "both countries" (pair), "the three
                           # countries" (top, 3), "the sides" (group)


def _find(text: str):
    from .countries import find_countries
    return find_countries(text)


def _toks_in(span, lo: int, hi: int) -> frozenset:
    """Token ids of ``span`` whose characters fall in [lo, hi) (paragraph-local)."""
    return frozenset(t.i for t in span if t.idx < hi and t.idx + len(t.text) > lo)


_TITLE_GAP = 5


def learn_people(sent, states, people: dict) -> None:
    """Record the state of each person the sentence names with a state before their
    title ("Russian Foreign Minister A. B.", "Pakistan's Prime Minister C. D."), so a
    later bare "B." counts as that state."""
    span = sent.span
    doc = span.doc
    owner = {}
    for st in states:
        for i in st.tok_ids:
            owner[i] = st.iso3
    for ent in span.ents:
        if ent.label_ != "PERSON":
            continue
        iso = None
        j = ent.start - 1
        steps = 0
        while j >= span.start and steps <= _TITLE_GAP:
            t = doc[j]
            if j in owner:
                iso = owner[j]
                break
            if t.is_punct and t.text not in ("'", "’") or t.pos_ in ("VERB", "AUX", "CCONJ", "DET"):
                break
            j -= 1
            steps += 1
        if iso is None:
            for i in range(ent.start, ent.end):
                if i in owner:
                    iso = owner[i]
        if iso:
            words = [w for w in ent.text.split() if w[:1].isupper()]
            if words:
                people.setdefault(words[-1].strip("'’s"), iso)
                people.setdefault(ent.text, iso)


def add_people(sent, actors: "Actors", people: dict, when: str | None = None) -> "Actors":
    """Actors plus the states of people named in ``sent``: the state the document gave
    them, else the actor dictionary's at the document's date ``when``."""
    taken = set()
    for st in actors.states:
        taken |= st.tok_ids
    extra = []
    for ent in sent.span.ents:
        if ent.label_ != "PERSON":
            continue
        ids = frozenset(range(ent.start, ent.end))
        if ids & taken:
            continue
        words = [w for w in ent.text.split() if w[:1].isupper()]
        key = words[-1].strip("'’s") if words else ""
        iso = people.get(ent.text) or people.get(key)
        if iso is None and ent.text not in people and key not in people:
            iso = person_country(ent.text, when)    # the text did not say: world knowledge
        if iso:
            extra.append(StateMention(iso, ids, "person"))
    if not extra:
        return actors
    states = tuple(sorted(actors.states + tuple(extra), key=lambda s: min(s.tok_ids)))
    return Actors(states, actors.parties, actors.pairs, actors.refs)


def _describes_thing(doc, ids, heads) -> bool:
    """A demonym modifying an abstract noun ("Trump's Afghan policy")."""
    for i in ids:
        h = doc[i].head
        if h.i not in ids and doc[i].dep_ in ("amod", "compound", "nmod") \
                and h.lemma_.lower() in heads:
            return True
    return False


def _is_subject(doc, ids) -> bool:
    for i in ids:
        t = doc[i]
        for _ in range(4):
            if t.dep_ in ("nsubj", "nsubjpass", "agent"):
                return True
            if t.head is t:
                break
            t = t.head
    return False


def _is_venue(doc, ids, taken=frozenset()) -> bool:
    first = min(ids)
    prev = first - 2 if first >= 2 and doc[first - 1].text == "," else first - 1
    if prev >= 0 and prev not in taken and doc[prev].ent_type_ in ("GPE", "LOC", "FAC") \
            and doc[prev].pos_ == "PROPN":
        return True             # "in Samarkand, Uzbekistan": the country of a place named
    for i in ids:
        t = doc[i]
        for _ in range(5):
            if t.dep_ == "prep" and (t.lower_ in _LOCATIVE or t.lower_ in _TOPIC):
                return True
            if t.pos_ in ("VERB", "AUX"):
                break
            if t.head is t:
                break
            t = t.head
    return False


_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8}


def sentence_actors(sent) -> Actors:
    span = sent.span
    base = span.start_char
    states = []
    lex = lexicon()
    found = [(m, _toks_in(span, base + m.start, base + m.end)) for m in _find(sent.text)]
    taken = frozenset(i for _, ids in found for i in ids)
    for m, ids in found:
        if ids and m.iso3:
            if _describes_thing(span.doc, ids, lex.non_actor_heads):
                continue        # "Afghan policy", "on Afghan soil": not the state acting
            states.append(StateMention(m.iso3, ids, m.kind, _is_venue(span.doc, ids, taken),
                                       _is_subject(span.doc, ids)))
    parties, pairs, refs = set(), set(), []
    for m in lex.party_rx.finditer(sent.text):
        s = m.group(0)
        if s.islower() and len(s) <= 3:   # "un", "eu" as words, not acronyms
            continue
        parties |= _toks_in(span, base + m.start(), base + m.end())
    taken = set()
    for rx, kind in ((lex.number_rx, "top"), (lex.pair_rx, "pair"), (lex.group_rx, "group")):
        for m in rx.finditer(sent.text):
            ids = _toks_in(span, base + m.start(), base + m.end())
            if not ids or ids & taken:
                continue
            n = 2
            if kind == "top":
                n = _NUMBERS.get(m.group(1).lower(), 2)
                if n == 2:
                    kind = "pair"
            taken |= ids
            pairs |= ids
            refs.append((frozenset(ids), kind, n))
    for t in span:
        n = lex.size_words.get(t.lower_)
        if n and t.i not in taken:      # "bilateral talks", "the trilateral meeting"
            refs.append((frozenset({t.i}), "pair" if n == 2 else "top", n))
            pairs.add(t.i)
    return Actors(tuple(states), frozenset(parties), frozenset(pairs), tuple(refs))


# ---------------------------------------------------------------- clause region

def clause_tokens(head, root_toks) -> set:
    """Token ids of the trigger's clause: its subtree, less coordinated clauses and
    subtrees headed by other event triggers, plus the subject it shares by control."""
    out: set = set()

    def walk(tok, top: bool):
        out.add(tok.i)
        for ch in tok.children:
            if ch.i in root_toks and ch.i != head.i:
                continue
            if top and ch.dep_ in ("conj", "cc", "parataxis"):
                continue
            if ch.dep_ == "punct" and top:
                continue
            walk(ch, False)

    walk(head, True)
    return out


def hull(head, region: set):
    """(first, last) token of the contiguous hull of ``region``, edges trimmed."""
    doc = head.doc
    lo, hi = min(region), max(region)
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ in ("cc", "mark", "prep")
                       or doc[lo].lower_ in ("and", "but", "while", "as", "that")):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ in ("cc",)):
        hi -= 1
    return doc[lo], doc[hi]


# ---------------------------------------------------------------- roles

def _subject_tokens(head, state_ids=frozenset(), party_ids=frozenset()) -> set:
    """Token ids of the acting side of ``head``'s clause.

    A noun's own modifiers count first; when none of them is a state ("barter trade
    with X"), the subject of the verb governing the noun is borrowed as well."""
    ids: set = set()
    for ch in head.children:
        if ch.dep_ in _SUBJ or ch.dep_ == "agent":
            ids |= {w.i for w in ch.subtree}
        elif (ch.dep_ in ("npadvmod", "appos") and ch.i < head.i
              and ch.pos_ in ("PROPN", "NOUN") and head.pos_ in ("VERB", "AUX")):
            # "Pakistani Defence Minister, A. B. has visited ..." parses the title apart
            ids |= {w.i for w in ch.subtree}
    if head.pos_ in ("NOUN", "PROPN"):
        for ch in head.children:
            if ch.dep_ in ("poss", "compound", "amod", "nmod"):
                ids |= {w.i for w in ch.subtree}
            elif ch.dep_ == "prep" and ch.lower_ == "by":
                ids |= {w.i for w in ch.subtree}
    if ids & state_ids or (ids and head.pos_ not in ("NOUN", "PROPN")):
        return ids
    if ids and (ids & party_ids or not (head.dep_ in ("dobj", "attr", "oprd")
                                        and head.head.pos_ == "VERB")):
        return ids      # only a verb's direct object shares that verb's subject
    own = ids
    # control / coordination / nominal objects: borrow the governing clause's subject
    cur = head
    for _ in range(5):
        dep = cur.dep_
        if dep == "relcl":
            return own | {w.i for w in cur.head.subtree if w.i < cur.i
                          and w.i >= cur.head.left_edge.i
                          and not any(a.i == cur.i for a in w.ancestors)} | {cur.head.i}
        if dep not in ("xcomp", "conj", "pcomp", "prep", "advcl", "acomp", "dobj", "attr",
                       "pobj", "ccomp", "acl", "oprd"):
            break
        if dep == "pobj" and cur.head.lower_ in _BACKGROUND:
            break   # "X offered talks following the invasions": X did not invade
        cur = cur.head
        for ch in cur.children:
            if ch.dep_ in _SUBJ and ch.i != head.i:
                return own | {w.i for w in ch.subtree if w.i not in {x.i for x in head.subtree}}
    return own


def _split_locative(tok, venue: set) -> set:
    """Subtree of ``tok`` less nested locative phrases ("... in Afghanistan"), which go
    to ``venue``: a place an act happens in is not a party to it."""
    out = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        if t is not tok and t.dep_ == "prep" and t.lower_ in _LOCATIVE:
            venue |= {w.i for w in t.subtree}
            continue
        out.add(t.i)
        stack.extend(t.children)
    return out


def _object_roles(heads, spec: Spec):
    """Token ids by role for the objects and complements of ``heads``."""
    tgt, frm, venue, helper = set(), set(), set(), set()
    in_is_target = spec.type in _IN_TARGET_TYPES or spec.mode == "investment"
    for h in heads:
        for ch in h.children:
            if ch.dep_ in _OBJ:
                tgt |= _split_locative(ch, venue)
            elif ch.dep_ == "prep":
                p = ch.lower_
                if p == "by" and h.pos_ in ("NOUN", "PROPN"):
                    continue
                if p in _LOCATIVE and not (in_is_target and p in ("in", "into", "inside")):
                    venue |= {w.i for w in ch.subtree}
                    continue
                if p in _TOPIC and spec.type in _TOPIC_TYPES:
                    venue |= {w.i for w in ch.subtree}   # "talks on Afghanistan": a topic
                    continue
                sub = _split_locative(ch, venue)
                if p == "with" and any(w.dep_ == "pobj" and w.lemma_.lower() in _HELP
                                       for w in ch.children):
                    helper |= sub       # "built with Soviet assistance": the helper acts
                    continue
                if p == "from" and (spec.dir == "recv" or spec.transfer):
                    frm |= sub
                elif p == "of" and h.pos_ in ("NOUN", "PROPN") and spec.of == "source":
                    frm |= sub   # reused below as the acting side for nouns
                elif p in _TARGET_PREPS:
                    tgt |= sub
    return tgt, frm, venue, helper


def assign(head, spec: Spec, region: set, actors: Actors, resolve, members):
    """(countries, source, target, has_foreign_party) for the event, or None."""
    state_ids = frozenset(i for st in actors.states for i in st.tok_ids)
    subj = _subject_tokens(head, state_ids, actors.parties)
    tgt, frm, venue, helper = _object_roles([head] + list(members), spec)
    if spec.of == "source" and head.pos_ in ("NOUN", "PROPN"):
        subj |= frm
        frm = set()
    scope = region | subj
    src_c, tgt_c, frm_c, other_c, venue_c, help_c = [], [], [], [], [], []
    for st in actors.states:
        ids = st.tok_ids
        if not ids & scope:
            continue
        if ids & helper:
            help_c.append(st.iso3)
        elif ids & subj:
            src_c.append(st.iso3)
        elif ids & frm:
            frm_c.append(st.iso3)
        elif ids & venue or (st.venue and spec.type in _VENUE_TYPES and not ids & tgt):
            venue_c.append(st.iso3)
        elif ids & tgt:
            tgt_c.append(st.iso3)
        else:
            other_c.append(st.iso3)
    for ids, kind, n in actors.refs:
        if ids & subj:
            src_c.extend(resolve(kind, n))
        elif ids & region:
            other_c.extend(resolve(kind, n))
    words = {head.doc[i].lower_ for i in subj}
    if not src_c and words & _PRONOUN_SUBJ:
        src_c.extend(resolve("pair" if "both" in words else "group", 2))
    if help_c and spec.dir != "sym":
        # the helper acts on the one helped: "A built B's mill with C's assistance"
        tgt_c, src_c = list(_uniq(src_c + tgt_c)), help_c
    foreign = bool(actors.parties & scope)
    u = _uniq
    if spec.dir == "sym":
        source = u(src_c + tgt_c + frm_c + other_c)
        target = ()
    elif spec.dir == "recv":
        source = u(frm_c + tgt_c + other_c)
        source = tuple(c for c in source if c not in src_c) or source
        target = u(src_c)
        if not frm_c and not tgt_c and not other_c:
            source, target = (), u(src_c)
    elif spec.transfer and frm_c:
        # "shipments of oil from X", "paid for jets from X": the supplier is the source
        source = u(frm_c)
        target = tuple(c for c in u(src_c + tgt_c + other_c) if c not in source)
    else:
        source = u(src_c + (frm_c if spec.of == "source" else []))
        target = tuple(c for c in u(tgt_c + frm_c + other_c) if c not in source)
    countries = u(list(source) + list(target))
    if not countries and venue_c and spec.type not in _VENUE_TYPES:
        countries = u(venue_c)
    return countries, source, target, foreign


def _uniq(xs) -> tuple:
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return tuple(out)
