"""Events: who did what to whom, found from trigger words and the dependency parse.

One pass per sentence:

1. triggers: verbs, phrasal verbs, event nouns and a few adjectives from the
   lexicon (``lexicon/event_triggers.json``), refined by their object
   ("supply" + jets -> arms transfer, "lift" + sanctions -> RETREAT);
2. grouping: a trigger inside another's argument structure ("agreed to *hold
   talks*", "the signing *of an agreement*") joins it, so one act gives one event,
   while coordinated or separate clauses give separate events;
3. actors: states found by ``countries.find_countries`` are put in the subject,
   object or other role of the trigger's clause; direction follows the lexicon
   (symmetric, acting, or receiving as in "buy from");
4. the event is kept only when states take part (two parties, or one state and a
   foreign party; conflictual acts may have a single state);
5. status, date and amounts come from the shared helpers; the evidence is the
   trigger's clause, cut out of the raw text.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Event
from . import event_roles as roles
from .event_lexicon import FIELD_MODES, Spec, lexicon
from .event_project import find_location, find_project, project_acronyms
from .amounts import find_amounts
from .countries import find_countries
from .dates import attach_date
from .nlp import ParsedDoc, Sentence
from .status import resolve_status

#: Types that can be acts of one state alone (on its own soil or people); the
#: cooperative ones need two parties to be a relation at all.
#: Cooperative types whose unnamed partner is taken to be the document's other main state.
PARTNER_TYPES = frozenset({"COOPERATE", "AGREE", "AID", "SUPPORT", "CONSULT"})
SOLO_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "THREATEN", "SANCTION", "MOBILIZE",
                        "REJECT", "REQUEST", "ACCUSE", "RETREAT"})


def extract_events(parsed: ParsedDoc) -> list[Event]:
    """Every interstate event the document's body states, in text order."""
    doc = parsed.doc
    sents = list(parsed.sentences())
    found = [roles.sentence_actors(s) for s in sents]
    people: dict = {}
    for s, a in zip(sents, found):
        roles.learn_people(s, a.states, people)
    found = [roles.add_people(s, a, people, doc.published) for s, a in zip(sents, found)]
    ctx = Context(_ranked_states(found, doc))
    ctx.acronyms = project_acronyms(" ".join(p.text for p in doc.paragraphs))
    out: list[Event] = []
    seen = set()
    for k, (sent, actors) in enumerate(zip(sents, found)):
        ctx.k = k
        for ev in _sentence_events(sent, actors, ctx, doc):
            key = (ev.start, ev.end, ev.type)
            if key in seen:
                continue
            seen.add(key)
            if ev.date is None:
                ev = _inherit_date(ev, ctx.recent, k)
            out.append(ev)
            ctx.recent.append((k, ev))
    return out


#: How many sentences a group of states acting together stays the implied party.
GROUP_REACH = 3

#: How many sentences back a repeated mention may take its date from.
DATE_REACH = 2


def _inherit_date(ev: Event, recent: list, k: int) -> Event:
    """A second mention of the act just dated ("The agreement was signed in Moscow by
    ...") keeps that date: same type, mode and parties, a sentence or two later."""
    from dataclasses import replace
    for j, prev in reversed(recent):
        if k - j > DATE_REACH:
            break
        if (j < k and prev.date and prev.type == ev.type and prev.mode == ev.mode
                and set(prev.countries) == set(ev.countries) and prev.status == ev.status):
            return replace(ev, date=prev.date)
    return ev


class Context:
    """What the document has established so far: its main states, the last group."""

    def __init__(self, ranked: tuple):
        self.ranked = ranked
        self.pair = tuple(sorted(ranked[:2])) if len(ranked) >= 2 else ()
        self.group = self.pair
        self.recent: list = []         # (sentence index, event) so far
        self.k = 0                     # index of the sentence being read
        self.group_at = 0
        self.acronyms: dict = {}       # "CPEC" -> slug of the project it abbreviates

    def resolve(self, kind: str, n: int) -> tuple:
        if kind == "top":
            if len(self.group) == n:
                return self.group
            return tuple(self.ranked[:n]) if len(self.ranked) >= n else ()
        if kind == "group":
            return self.group if self.k - self.group_at <= GROUP_REACH else self.pair
        return self.pair


def _ranked_states(found, doc) -> tuple[str, ...]:
    """States by how much the document is about them: mentions, with the title and
    the lead weighing more and venues ("talks in X") less."""
    n = Counter()
    for m in find_countries(doc.title or ""):
        n[m.iso3] += 3
    for k, actors in enumerate(found):
        best = {}
        for a in actors.states:
            w = 0.3 if a.venue else (1.5 if a.subject else 1.0)
            best[a.iso3] = max(best.get(a.iso3, 0), w)
        for iso, w in best.items():
            n[iso] += w * (2 if k < 3 else 1)
    return tuple(c for c, _ in sorted(n.items(), key=lambda kv: (-kv[1], kv[0])))



# ---------------------------------------------------------------- triggers

@dataclass
class Trigger:
    tok: object
    spec: Spec
    members: list = field(default_factory=list)   # absorbed triggers


_CLAUSAL = frozenset({"conj", "relcl", "advcl", "ccomp", "parataxis", "csubj", "cc",
                      "appos", "list", "dep"})
#: Prepositions that attach one act to another in time or cause, not as its content.
_SEPARATE_PREPS = frozenset({"under", "after", "before", "since", "following", "despite",
                             "amid", "during", "ahead", "until", "besides"})
#: Nouns that make a prepositional phrase a time or cause frame ("in the wake of").
_FRAME_NOUNS = frozenset({"wake", "aftermath", "light", "context", "backdrop", "face",
                          "run-up", "midst", "lieu", "spite", "view", "case", "event"})
#: How a governed trigger joins its governor (a noun object, an infinitive, a pobj).
_JOIN = frozenset({"dobj", "xcomp", "attr", "pobj", "prep", "compound", "amod", "nsubjpass",
                   "acomp", "oprd", "dative", "pcomp", "nmod", "acl", "npadvmod", "poss",
                   "nummod", "quantmod", "det", "advmod", "agent"})


def _trigger_spec(tok) -> Spec | None:
    lex = lexicon()
    lemma = tok.lemma_.lower()
    pos = tok.pos_
    if pos == "VERB" and tok.dep_ not in ("amod", "compound"):
        for ch in tok.children:
            if ch.dep_ in ("prt", "prep") and f"{lemma} {ch.lower_}" in lex.phrasal:
                spec = lex.phrasal[f"{lemma} {ch.lower_}"]
                if ch.dep_ == "prep" and ch.lower_ == "with" and not any(
                        w.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for w in ch.subtree):
                    continue    # "works well with the vision": no partner named
                if spec.needs_obj and not any(w.lower_ in spec.needs_obj
                                              for w in ch.subtree):
                    continue
                return spec
        if lemma == "open" and any(c.lower_ == "fire" for c in tok.children):
            return lex.phrasal.get("open fire")
        spec = lex.verbs.get(lemma)
        if spec is None:
            return None
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if spec.needs_obj and not any(
                w.lemma_.lower() in spec.needs_obj or w.lower_ in spec.needs_obj
                for o in objs for w in [o] + [c for c in o.children if c.dep_ == "compound"]):
            return None
        if spec.obj_not and any(o.lemma_.lower() in spec.obj_not for o in objs):
            return None
        if spec.intransitive and any(o.dep_ == "dobj" for o in objs):
            return None
        if spec.needs_dobj and not objs:
            return None
        if spec.no_passive and any(c.dep_ == "auxpass" for c in tok.children) \
                and not any(c.dep_ == "agent" for c in tok.children):
            return None
        has_xcomp = any(c.dep_ == "xcomp" for c in tok.children)
        if (spec.no_xcomp and has_xcomp) or (spec.needs_xcomp and not has_xcomp):
            return None
        if spec.needs_prep and not any(c.dep_ == "prep" and c.lower_ in spec.needs_prep
                                       for c in tok.children):
            return None
        return spec
    if pos in ("NOUN", "PROPN"):
        if lemma == "strike" and any(c.lower_ == "hunger" for c in tok.children):
            return lex.nouns["hunger"].but(cue="hunger strike")
        spec = lex.nouns.get(lemma)
        if spec is None:
            return None
        if spec.plural_only and tok.tag_ not in ("NNS", "NNPS"):
            return None
        if spec.needs_mod and not any(c.lower_ in spec.needs_mod for c in tok.children):
            return None
        if spec.needs_mod_any and not any(c.dep_ in ("amod", "compound", "nmod", "poss")
                                          for c in tok.children):
            return None
        if lemma == "hunger":
            return None
        return spec
    if pos == "ADJ":
        spec = lex.adjectives.get(lemma)
        if spec and any(c.dep_ == "xcomp" for c in tok.children):
            return spec
    return None


def _governor(tok, triggers: dict):
    """The nearest trigger that governs ``tok`` through non-clausal links, else None."""
    cur = tok
    mine = triggers.get(tok.i)
    if (mine is not None and mine.spec.type == "CONSULT" and tok.dep_ in ("advcl", "xcomp")
            and tok.head.i in triggers and triggers[tok.head.i].spec.type == "CONSULT"):
        return triggers[tok.head.i]        # "met in Tashkent to discuss trade": one meeting
    for _ in range(8):
        if (cur.dep_ == "conj" and cur.pos_ == "VERB" and cur.head.i not in triggers
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)):
            cur = cur.head      # "an agreement to restore and modernise a mill": one act
            continue
        if (cur.dep_ == "ccomp" and cur.head.i in triggers
                and triggers[cur.head.i].spec.light):
            return triggers[cur.head.i]      # "help Egypt build a plant"
        if cur.dep_ in _CLAUSAL or cur.dep_ not in _JOIN or cur.head is cur:
            return None
        if cur.dep_ == "prep" and cur.lower_ in _SEPARATE_PREPS:
            return None         # "built under an agreement signed in 2015": two acts
        if cur.dep_ == "pobj" and cur.lemma_.lower() in _FRAME_NOUNS:
            return None         # "in the wake of the withdrawal": background, not content
        cur = cur.head
        if cur.i in triggers:
            gov = triggers[cur.i]
            if gov.spec.type is None and not gov.spec.light:
                continue        # "view", "call": events only by their object, never hosts
            return gov
    return None


def _hops(tok, top) -> int:
    """Dependency steps from ``tok`` up to ``top`` (its object is nearer than a detail)."""
    n = 0
    while tok is not top and tok.head is not tok and n < 20:
        tok = tok.head
        n += 1
    return n


def _merge(head: Trigger) -> Spec:
    """One spec for a trigger and those it absorbed: the head decides, a light head
    hands over to its object, a field mode refines an AGREE/REQUEST head."""
    spec = head.spec
    members = sorted(head.members, key=lambda t: (_hops(t.tok, head.tok), abs(t.tok.i - head.tok.i)))
    if spec.weak and head.tok.pos_ in ("NOUN", "PROPN"):
        # "cooperation with the signing of a pact": the real act under a weak noun
        strong = [m for m in members if not m.spec.weak and m.spec.type is not None
                  and not m.spec.light]
        if strong:
            return strong[0].spec
    if spec.defer_to:
        named = [m for m in members if m.spec.type in spec.defer_to]
        if named:       # "willing to attend the talks": the act named decides
            return named[0].spec
    if spec.light or spec.type is None:
        typed = [m for m in members if m.spec.type is not None
                 and (not m.spec.only_with or head.tok.lemma_.lower() in m.spec.only_with)]
        if typed:
            m = typed[0]
            keep_dir = m.spec.dir
            spec = m.spec.but(cue=f"{spec.cue} {m.spec.cue}".strip())
            spec = spec.but(dir=keep_dir)
            members = [x for x in members if x is not m]
    if spec.type in ("AGREE", "REQUEST", "CONSULT", "THREATEN", "REJECT"):
        for m in members:
            if m.spec.mode in FIELD_MODES and spec.mode in ("other", "negotiate", "meet",
                                                             "demand", "rejection"):
                if spec.type == "AGREE":
                    spec = spec.but(mode=m.spec.mode, sector=m.spec.sector)
                break
            if (spec.type == "AGREE" and m.spec.mode == "sign_agreement"
                    and spec.mode == "other" and m.tok.pos_ == "VERB"):
                spec = spec.but(mode="sign_agreement")
    return spec


def _object_override(tok, spec: Spec, members) -> Spec:
    """Refine by what the verb (or noun) moves: arms, aid, troops, goods, ties."""
    lex = lexicon()
    cue = spec.cue
    words = set()
    text_parts = []
    heads = [tok] + [m.tok for m in members]
    for h in heads:
        for ch in h.children:
            if ch.dep_ in ("dobj", "nsubjpass"):
                # who is received or welcomed: the object itself, not its modifiers
                if ch.ent_type_ == "PERSON" or ch.lemma_.lower() in lex.classes.get("visitors", ()):
                    words.add("<visitor>")
            if ch.dep_ in ("dobj", "nsubjpass", "attr", "dative", "pobj", "prep", "compound",
                           "amod", "oprd", "nmod", "xcomp"):
                for w in ch.subtree:
                    words.add(w.lower_)
                    words.add(w.lemma_.lower())
                text_parts.append(" ".join(w.lower_ for w in ch.subtree))
    text = " ".join(text_parts)
    lemmas = {cue, tok.lemma_.lower()}
    if spec.type is None:       # "continue to send arms": the governed verb decides
        lemmas |= {m.tok.lemma_.lower() for m in members if m.tok.pos_ == "VERB"}
    for ov in lex.overrides:
        if not lemmas & ov.verbs:
            continue
        if words & ov.words or any(p in text for p in ov.phrases):
            return spec.but(**ov.spec)
    return spec


# ---------------------------------------------------------------- per sentence

def _is_heading(sent: Sentence) -> bool:
    """A section heading or headline inside the body: short, unpunctuated, verbless."""
    text = sent.text.strip()
    if not text or text[-1] in ".!?\"\u201d\u2019')":
        return False
    toks = [t for t in sent.span if not t.is_punct]
    return len(toks) <= 14 and not any(t.pos_ in ("VERB", "AUX") for t in toks)


def _sentence_events(sent: Sentence, actors, ctx, doc) -> list[Event]:
    if _is_heading(sent):
        return []
    span = sent.span
    triggers: dict[int, Trigger] = {}
    for tok in span:
        spec = _trigger_spec(tok)
        if spec is not None:
            triggers[tok.i] = Trigger(tok, spec)
    if not triggers:
        return []
    roots = []
    for i in sorted(triggers):
        t = triggers[i]
        gov = _governor(t.tok, triggers)
        if gov is None:
            roots.append(t)
    for i in sorted(triggers):
        t = triggers[i]
        gov = _governor(t.tok, triggers)
        while gov is not None and gov not in roots:
            gov = _governor(gov.tok, triggers)
        if gov is not None:
            gov.members.append(t)
    events = []
    root_toks = {r.tok.i for r in roots}
    for r in roots:
        spec = _merge(r)
        spec = _object_override(r.tok, spec, r.members)
        if spec.type is None:
            continue
        if r.spec.strict or (r.spec.weak and not r.members
                             and not _weak_ok(r.tok, actors, r.spec.no_own)):
            continue
        if r.spec.obj_only and r.tok.dep_ not in ("dobj", "nsubjpass") and not r.members:
            continue
        ev = _build(sent, r, spec, actors, ctx, doc, root_toks)
        if ev is not None:
            events.append(ev)
    return events


def _weak_ok(tok, actors, no_own: bool = False) -> bool:
    """A weak event noun ("agreement", "cooperation") stands for an act only when a
    verb governs it as subject/object or a state owns it ("Russia's investment")."""
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "ROOT"):
        return True
    if no_own:
        return False
    own = {c.i for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")}
    for a in actors.states:
        if a.tok_ids & own:
            return True
    return False


def _build(sent, r: Trigger, spec: Spec, actors, ctx, doc, root_toks) -> Event | None:
    region = roles.clause_tokens(r.tok, root_toks)
    pair = ctx.pair
    part = roles.assign(r.tok, spec, region, actors, ctx.resolve, [m.tok for m in r.members])
    if part is None:
        return None
    countries, source, target, foreign = part
    if spec.dir == "sym" and len(source) >= 2 and not target:
        ctx.group = source        # "the sides", "the participants" in what follows
        ctx.group_at = ctx.k
    if not r.members and _bare_reference(r.tok, region, actors) and (
            r.tok.pos_ in ("NOUN", "PROPN") or len(region) <= 3):
        return None     # "the meeting", "to discuss": a reference, not a statement
    if spec.type in _ANIMATE_TYPES and _inanimate_subject(r.tok, actors):
        return None     # "the growth of X is threatening Y", "it demonstrates that ..."
    group = ctx.group if len(ctx.group) >= 2 and ctx.k - ctx.group_at <= GROUP_REACH else pair
    if (len(countries) < 2 and spec.dir == "sym" and len(group) >= 2
            and {_same(c) for c in countries} <= {_same(c) for c in group}):
        # a joint act (talks, drills, a signing) names its other parties only by
        # context: the group last seen acting together, else the document's main pair
        if countries or _has_people(r.tok, region) or not spec.weak:
            named = {_same(c): c for c in countries}      # keep "SUN" where the text says so
            countries = source = tuple(named.get(_same(c), c) for c in group)
            target = ()
    if (len(countries) == 1 and spec.dir != "sym" and len(pair) == 2
            and _same(countries[0]) in {_same(c) for c in pair} and spec.type in PARTNER_TYPES):
        # "exported to Pakistan" in a text about two states: the other one acts
        other = pair[0] if _same(pair[1]) == _same(countries[0]) else pair[1]
        if source and not target:
            target = (other,)
        elif target and not source:
            source = (other,)
        if source and target:
            countries = tuple(source) + tuple(target)
    if len(countries) < 2 and not (countries and (foreign or spec.type in SOLO_TYPES)):
        return None
    lo, hi = roles.hull(r.tok, region)
    start, end = sent.abs(lo.idx), sent.abs(hi.idx + len(hi.text))
    evidence = doc.raw_text[start:end]
    sector = _sector(spec, evidence)
    mode = spec.mode
    if spec.type == "COOPERATE" and mode == "other":
        mode = lexicon().coop_modes.get(sector, mode)
    countries, source, target = _one_russia(countries), _one_russia(source), _one_russia(target)
    status = _status(sent, _act_token(r), spec.type)
    etype = spec.type
    if status == "negated" and spec.negated_type and r.spec.negated_type:
        etype, mode, status = spec.negated_type, "rejection", "occurred"   # "do not accept"
    return Event(
        doc_id=doc.doc_id, start=start, end=end, evidence=evidence,
        type=etype, mode=mode, sector=sector,
        status=status, date=_date(sent, r.tok, doc.published),
        countries=countries, source=source, target=target,
        amounts=_amounts(evidence, start),
        location=find_location([r.tok] + [m.tok for m in r.members], region),
        project=find_project(evidence, ctx.acronyms),
        trigger=spec.cue or r.tok.lemma_,
    )


def _one_russia(codes) -> tuple:
    """"the Soviet Union (Russia)" names one party: keep the first form given."""
    codes = tuple(codes)
    if "SUN" in codes and "RUS" in codes:
        drop = "RUS" if codes.index("SUN") < codes.index("RUS") else "SUN"
        codes = tuple(c for c in codes if c != drop)
    return codes


def _same(iso: str) -> str:
    """The Soviet Union and Russia are one party for inference (not for output)."""
    return "RUS" if iso == "SUN" else iso


def _act_token(r: Trigger):
    """The token whose modality is the act's: a typeless light head ("are set to meet",
    "continue to supply") hands over to the verb it governs."""
    if r.spec.type is None and r.spec.light:
        verbs = [m.tok for m in r.members if m.tok.pos_ == "VERB" and m.tok.dep_ == "xcomp"]
        if verbs:
            return verbs[0]
    return r.tok


#: Acts that only people or institutions perform (an abstract subject makes them a figure
#: of speech: "this development threatens the region").
_ANIMATE_TYPES = frozenset({"SUPPORT", "THREATEN", "PROTEST", "REJECT", "REQUEST", "ACCUSE",
                            "AGREE", "CONSULT", "COOPERATE"})


def _inanimate_subject(head, actors) -> bool:
    """The trigger's own active subject is a thing: a noun that names no actor, holds no
    state mention, and is no named entity; or the pronoun "it" standing for a clause."""
    subj = [c for c in head.children if c.dep_ == "nsubj"]
    if not subj:
        return False
    s = subj[0]
    ids = {w.i for w in s.subtree}
    if any(a.tok_ids & ids and not a.venue for a in actors.states) \
            or ids & actors.pairs or ids & actors.parties:
        return False
    if any(w.ent_type_ in ("PERSON", "ORG", "NORP") for w in s.subtree):
        return False
    if s.pos_ in ("PRON", "DET"):
        # "this will boost trade"; "it demonstrates that ...": a clause, not a state
        return s.lower_ == "this" or (
            s.lower_ == "it" and any(c.dep_ == "ccomp" for c in head.children))
    return s.pos_ == "NOUN" and s.lemma_.lower() not in lexicon().actor_nouns \
        and lexicon().nouns.get(s.lemma_.lower()) is None


def _bare_reference(head, region, actors) -> bool:
    """ "the meeting", "these talks": a noun that only refers back to an event the text
    stated before (no party, person, date or number of its own)."""
    doc = head.doc
    own = set()
    for a in actors.states:
        own |= a.tok_ids
    for i in region:
        t = doc[i]
        if i in own or t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE", "DATE", "CARDINAL",
                                       "MONEY", "EVENT", "FAC") or t.like_num:
            return False
        if i in actors.pairs or i in actors.parties:
            return False
    return True


def _has_people(head, region) -> bool:
    doc = head.doc
    return any(doc[i].ent_type_ in ("PERSON", "NORP", "ORG") or doc[i].lemma_.lower() in lexicon().actor_nouns
               for i in region)



_DEFAULT_SECTOR = {"trade": "economy", "investment": "economy", "arms_transfer": "defense",
                   "military_exercise": "defense", "military_cooperation": "defense",
                   "security_cooperation": "security", "aid_cut": "economy"}


def _sector(spec: Spec, text: str) -> str:
    if spec.sector:
        return spec.sector
    if spec.mode in ("arms_transfer", "military_exercise", "military_cooperation"):
        return "defense"
    for name, rx in lexicon().sectors:
        if rx.search(text):
            return name
    return _DEFAULT_SECTOR.get(spec.mode or "", "diplomacy")


# ---------------------------------------------------------------- helpers (shared modules)

def _status(sent, tok, event_type: str) -> str:
    try:
        return resolve_status(sent, tok, event_type=event_type) or "occurred"
    except Exception:  # a helper bug must not lose the event
        return "occurred"


def _date(sent, tok, published):
    try:
        return attach_date(sent, tok, published)
    except Exception:
        return None


def _amounts(evidence: str, start: int):
    try:
        found = find_amounts(evidence)
    except Exception:
        return ()
    out = []
    for a in found:
        if a.start >= 0:
            a = type(a)(a.value, a.unit, a.qualifier, start + a.start, start + a.end)
        out.append(a)
    return tuple(out)
