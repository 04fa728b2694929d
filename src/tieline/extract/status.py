"""Event status from modality, tense and negation.

An event is ``occurred``, ``ongoing``, ``planned``, ``proposed`` or ``negated``.
Status belongs to the act the event names, so the cues are read on the trigger's
own clause and on the chain of words that govern it, never on a modal that sits in
some other clause of the sentence:

1. a trigger on a light governor ("set" in "is set to meet") hands over to the act;
2. an event noun first listens to its own modifiers ("upcoming visit", "no deal",
   "last year's drills", "the sale, if approved"), to a clause telling its fate
   ("the deal signed in May", "the visit was cancelled") and then to the verb it
   hangs from ("held talks", "the visit will take place", "called for talks");
3. a verb listens to its own negation, modal auxiliaries, hedging adverbs,
   predicate adjectives ("is likely to") and conditional clauses;
4. a non-finite verb (an infinitive or gerund) takes its status from the verb,
   adjective or noun that governs it ("plans to sign", "is open to buying",
   "agreed to build", "a deal to supply", "refused to sign"), climbing as far as
   needed;
5. a finite verb with no such cue takes its status from tense and aspect:
   past -> occurred, present (progressive, perfect progressive, perfect with
   "since", stative present) -> ongoing, a present act with a future time word
   ("leaves tomorrow", "flies on Tuesday") -> planned.

Reporting verbs ("said", "told") are transparent: they neither change the status
of what they report nor, when negated, negate it; a "would" in reported speech is
a stated plan. The optional ``event_type`` settles the few cases where the act is
the saying itself (REJECT "do not accept", SUPPORT statements, AGREE stated
intent). The cue words are data, in ``lexicon/status_cues.json``.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..model import STATUSES

_LEXICON = Path(__file__).with_name("lexicon") / "status_cues.json"

_SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
_BE = {"be"}
_HAVE = {"have"}
_MAX_CLIMB = 8   # bound on chain length: parses can contain odd loops of conj/advcl


@lru_cache(maxsize=1)
def load_cues() -> dict:
    """The status lexicon (read once). Keys starting with ``_`` are comments;
    word lists become frozensets for fast membership tests."""
    with open(_LEXICON, encoding="utf-8") as fh:
        data = json.load(fh)
    out = {}
    for k, v in data.items():
        if k.startswith("_"):
            continue
        if isinstance(v, list) and all(isinstance(x, str) for x in v):
            v = frozenset(v)
        out[k] = v
    return out


def resolve_status(sent, trigger, event_type: str | None = None) -> str:
    """occurred | ongoing | planned | proposed | negated for the act at ``trigger``.

    ``sent`` is a :class:`tieline.extract.nlp.Sentence`; ``trigger`` the spaCy token
    naming the act (a verb such as "signed", or an event noun such as "visit").
    ``event_type`` (optional, the PLOVER type) matters where the act is the saying:
    REJECT "do not accept the plan" (the refusal occurred), a reported SUPPORT or
    ACCUSE statement in the present ("Moscow is a friend," he said: occurred), an
    AGREE stated intent ("is keen to expand ties": occurred). Pass it when known.
    """
    cues = load_cues()
    if trigger is None:
        return "occurred"
    trigger = _hand_over(trigger, cues)
    status = _question(sent, trigger)
    if status is None:
        if _is_nominal(trigger):
            status = _noun_status(trigger, cues)
        else:
            status = _verb_status(trigger, cues)
    if status == "negated" and event_type == "REJECT" and _negated(trigger, cues) and \
            _get(trigger, cues["governing_verbs"]) != "negated":
        status = "occurred"
    if status == "ongoing" and event_type in cues["speech_act_types"]:
        # a statement of support or blame ("Moscow is a time-tested friend," he
        # said) happens when it is said: the reporting verb's tense decides
        reporter = _reporter(_clause_verb(trigger), cues)
        if reporter is not None:
            status = _verb_status(reporter, cues)
    if event_type == "AGREE" and status == "proposed" and _stated_intent(trigger, cues):
        # a government's stated wish to cooperate is itself the AGREE event:
        # "Oslo is keen to expand ties with Lima" -> occurred
        status = "occurred"
    return status if status in STATUSES else "occurred"


def _stated_intent(tok, cues) -> bool:
    """``tok`` is the act of an intent word that is stated, not hedged ("is keen to
    expand", "wants to build"; not "might be keen to")."""
    intent = cues["intent_words"]
    head = tok.head
    if head.i == tok.i or tok.dep_ not in ("xcomp", "acl", "advcl", "ccomp"):
        return False
    gov = head
    if gov.pos_ == "ADJ" and gov.dep_ == "acomp":
        copula = gov.head
    elif _is_verbal(gov):
        copula = gov
        for c in gov.children:     # "is keen to": the infinitive may hang on the copula
            if c.dep_ == "acomp" and _has(c, intent):
                gov = c
    else:
        return False
    if not _has(gov, intent):
        return False
    # hedged or negated intent is no statement of intent ("might be keen")
    return not any(_negated(t, cues) or _conditional(t, cues) or _modal(t, cues)
                   or _adverb(t, cues) for t in (copula, gov))


# --------------------------------------------------------------------------- helpers

def _lem(tok) -> str:
    return tok.lemma_.lower()


def _low(tok) -> str:
    return tok.text.lower()


def _forms(tok):
    """The lemma, then the surface form and its plain de-inflections: the small
    model's lemmatizer slips on some verbs ("hopes" -> "hop"), and a missed cue
    is a wrong status. A phrasal verb comes first as "lemma particle" ("call off")."""
    for c in tok.children:
        if c.dep_ == "prt":
            yield f"{_lem(tok)} {_low(c)}"
    yield _lem(tok)
    w = _low(tok)
    yield w
    for suf, add in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                     ("ing", ""), ("ing", "e")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            stem = w[: -len(suf)] + add
            yield stem
            if not add and len(stem) > 3 and stem[-1] == stem[-2]:
                yield stem[:-1]          # "planned" -> "plann" -> "plan"


def _key(tok, table):
    """The first form of ``tok`` that ``table`` (a dict, set or list) knows, or None."""
    for f in _forms(tok):
        if f in table:
            return f
    return None


def _has(tok, table) -> bool:
    return _key(tok, table) is not None


def _get(tok, table):
    k = _key(tok, table)
    return table[k] if k is not None else None


def _is_nominal(tok) -> bool:
    return tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X") or (
        tok.pos_ == "ADJ" and tok.dep_ not in ("acomp",))


def _is_verbal(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _hand_over(tok, cues):
    """A trigger on a light governor ("set" in "is set to meet") hands over to the act."""
    light = cues["light_governors"]
    for _ in range(3):
        if not (_is_verbal(tok) or tok.pos_ == "ADJ") or not _has(tok, light):
            break
        inner = [c for c in tok.children if c.dep_ == "xcomp" and _is_verbal(c)]
        if not inner:
            # "is likely to sign": the infinitive may hang on the predicate adjective
            for a in tok.children:
                if a.dep_ == "acomp":
                    inner = [c for c in a.children if c.dep_ == "xcomp" and _is_verbal(c)]
                    if inner:
                        break
        if not inner:
            break
        tok = inner[0]
    return tok


def _question(sent, trigger):
    """A question about the act ("Will Ankara supply drones?") is speculation.

    Only when the trigger is in the main clause of a sentence ending with "?".
    """
    span = getattr(sent, "span", None)
    text = (getattr(sent, "text", None) or (span.text if span is not None else "")).rstrip()
    if not text.endswith("?"):
        return None
    # the act must be in the clause that asks: not inside a quotation or a
    # subordinate clause that merely precedes a question
    root = trigger
    for _ in range(_MAX_CLIMB):
        if root.head.i == root.i or root.dep_ not in ("conj", "xcomp", "dobj", "nsubj",
                                                   "nsubjpass", "attr", "pobj", "prep"):
            break
        root = root.head
    if root.dep_ != "ROOT":
        return None
    # a wh-question presupposes the act ("Why did Lima buy the jets?"); only a
    # yes/no question ("Will Lima buy the jets?") leaves it open
    if any(t.tag_ in ("WRB", "WP", "WDT", "WP$") and t.i < trigger.i for t in root.subtree):
        return None
    return "proposed"


def _negated(tok, cues) -> bool:
    negs = cues["negators"]
    nsubj = cues["negating_subjects"]
    dets = cues["negating_determiners"]
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (_low(c) in nsubj or (
                any(d.dep_ == "det" and _low(d) in dets for d in c.children)
                and not _has(c, cues["timing_nouns"]))):
            # "none of them has", "neither country has"; but "no date has been set
            # for the visit" leaves the visit planned, only not yet timed
            return True
        # "no" as a verb's dependent is "no longer": an act that ran and stopped
        if (c.dep_ == "neg" or _low(c) in negs) and _low(c) != "no":
            return True
    return False


def _aux(tok):
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def _modal(tok, cues):
    """Status from a modal auxiliary of ``tok`` (or None)."""
    modal = cues["modal_aux"]
    for a in _aux(tok):
        key = _low(a)
        if a.tag_ == "MD" or key in modal:
            if key in ("would", "'d") and (
                    _reported(tok, cues) or _future_time(tok, cues)
                    or (tok.tag_ == "VBG" and any(_lem(x) in _BE for x in _aux(tok)))
                    or _future_frame(tok, cues) or _under_agreement(tok, cues)):
                # future-in-the-past of reported plans, "would soon", "would be leaving",
                # the terms of a deal ("under the deal, Russia would supply ...")
                return cues["reported_would"]
            if key in modal:
                return modal[key]
            lem = _lem(a)
            if lem in modal:
                return modal[lem]
    # "be going to": the going is the governor, handled by the chain
    return None


def _reported(tok, cues) -> bool:
    """Is ``tok``'s clause the content of a reporting verb ("said X would ...")?"""
    rep = cues["reporting_verbs"]
    cur = tok
    for _ in range(_MAX_CLIMB):
        if cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.i != cur.i:
            return _has(cur.head, rep) or _low(cur.head) == "according"
        break
    # "according to X, ... would ..."
    return any(_low(t) == "according" for t in tok.sent)


def _under_agreement(tok, cues) -> bool:
    """``tok`` states the terms of an agreement: "under the deal ...", "a deal under
    which ...", "a contract by which ..."."""
    agreements = cues["agreement_nouns"]
    for c in tok.children:
        if c.dep_ == "prep" and _low(c) in ("under", "by"):
            for o in c.children:
                if o.dep_ == "pobj" and (_has(o, agreements) or (
                        o.tag_ in ("WDT", "WP") and tok.dep_ == "relcl"
                        and _has(tok.head, agreements))):
                    return True
    return False


def _clause_verb(tok):
    """The verb of the clause ``tok`` belongs to (itself if it is one)."""
    cur = tok
    for _ in range(_MAX_CLIMB):
        if _is_verbal(cur) or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _reporter(tok, cues):
    """The reporting verb whose content clause holds ``tok`` ("... ," he said), or None."""
    rep = cues["reporting_verbs"]
    cur = tok
    for _ in range(_MAX_CLIMB):
        if cur.dep_ in ("conj", "xcomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.i != cur.i:
            return cur.head if _has(cur.head, rep) else None
        if cur.dep_ == "ROOT":
            # a quote before "he said" is often parsed the other way round
            for c in cur.children:
                if c.dep_ in ("parataxis", "ccomp") and _has(c, rep) and c.i > tok.i:
                    return c
        return None
    return None


def _future_frame(tok, cues) -> bool:
    """The previous sentence of the paragraph states a plan with "will": a "would"
    that follows continues that schedule ("Leaders will meet on Monday. They would
    also approve agreements") rather than musing."""
    sent = tok.sent
    doc = tok.doc
    if sent.start == 0:
        return False
    prev = doc[sent.start - 1].sent
    if _has(tok, cues["consequence_verbs"]):
        return False          # "would involve", "would help": a consequence mused on
    will = {k for k, v in cues["modal_aux"].items() if v == "planned"}
    return any(t.dep_ == "aux" and _low(t) in will for t in prev)


def _adverb(tok, cues):
    adv = cues["adverbs"]
    for c in tok.children:
        if c.dep_ in ("advmod", "npadvmod") and _low(c) in adv:
            return adv[_low(c)]
    return None


def _acomp(tok, cues):
    """Predicate adjective cue of a copula: "is likely (to)", "are possible"."""
    adj = cues["governing_adjectives"]
    for c in tok.children:
        if c.dep_ in ("acomp", "oprd") and _has(c, adj):
            return _get(c, adj)
    # "is yet to sign", "has yet to pay": spaCy hangs "yet" on the copula or "have"
    if _lem(tok) in _BE | _HAVE:
        for c in tok.children:
            if c.dep_ == "advmod" and _low(c) == "yet" and any(
                    x.dep_ == "xcomp" for x in tok.children):
                return "negated"
    return None


def _copula_predicate(tok, cues):
    """'is underway', 'is under construction' -> ongoing; 'is on the cards' -> planned."""
    if _lem(tok) not in _BE:
        return None
    words = cues["copula_predicates"]
    nouns = cues["copula_prep_nouns"]
    for c in tok.children:
        if c.dep_ == "prep":      # the noun first: "under consideration" vs "under way"
            for g in c.children:
                if g.dep_ == "pobj" and _low(g) in nouns:
                    return nouns[_low(g)]
        if c.dep_ in ("acomp", "advmod", "prep") and _low(c) in words:
            return words[_low(c)]
    return None


def _if_clause(c, marks) -> bool:
    return c.dep_ == "advcl" and any(m.dep_ == "mark" and _low(m) in marks for m in c.children)


def _complement(tok) -> bool:
    """A clausal complement: "said [it will supply]", "threatened [to secede]"."""
    return tok.dep_ in ("xcomp", "ccomp") or (
        tok.dep_ == "advcl" and any(_low(a) == "to" for a in _aux(tok)))


def _conditional(tok, cues) -> bool:
    """The clause of ``tok`` is conditional: it is an if-clause or has one.

    The parser often hangs a trailing if-clause on the verb that introduces the
    act ("threatened to secede unless ...", "said it will supply gas if ..."):
    such a clause conditions the embedded act, not the threatening or saying.
    """
    marks = cues["conditional_marks"]
    comp = [c.i for c in tok.children if _complement(c)]
    for c in tok.children:
        if c.dep_ == "mark" and _low(c) in marks:
            return True
        if _if_clause(c, marks) and not (comp and c.i > min(comp)):
            return True
    # ... and the condition then belongs to the embedded act
    head = tok.head
    if _complement(tok) and head.i != tok.i and (
            _has(head, cues["reporting_verbs"]) or _has(head, cues["governing_verbs"])):
        return any(_if_clause(c, marks) and c.i > tok.i for c in head.children)
    return False


def _future_time(tok, cues, present: bool = False) -> bool:
    """A future time expression among the modifiers of ``tok`` ("tomorrow", "next week").

    With ``present``, a weekday also counts: a present tense with a day
    ("flies to Beijing on Tuesday") is a timetable, while a past one is not.
    """
    fut = cues["future_time"]
    if present:
        fut |= cues["timetable_days"]
    for c in tok.children:
        if c.dep_ in ("npadvmod", "advmod", "prep", "tmod", "obl"):
            for t in c.subtree:
                if _low(t) in fut:
                    return True
    return False


def _habitual(tok, cues) -> bool:
    """A frequency word on the verb ("meets annually", "every year"): a habit."""
    words = cues["habitual_words"]
    return any(c.dep_ in ("advmod", "npadvmod", "prep") and any(_low(t) in words for t in c.subtree)
               for c in tok.children)


def _since(tok, cues) -> bool:
    preps = cues["duration_preps"]
    return any(c.dep_ in ("prep", "advcl") and _low(c) in preps for c in tok.children) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and _low(m) in preps for m in c.children)
        for c in tok.children)


def _own_cue(tok, cues):
    """A cue on ``tok`` itself (its negation, modal, adverb, predicate adjective, if)."""
    if _negated(tok, cues):
        return "negated"
    if _conditional(tok, cues):
        return "proposed"
    modal = _modal(tok, cues)
    if modal:
        return modal
    adj = _acomp(tok, cues)
    if adj:
        return adj
    adv = _adverb(tok, cues)
    if adv:
        return adv
    return None


def _finite_status(tok, cues):
    """Status from tense and aspect of a finite verb, or None if ``tok`` is non-finite."""
    aux = _aux(tok)
    aux_lem = [_lem(a) for a in aux]
    tag = tok.tag_
    pred = _copula_predicate(tok, cues)
    if pred:
        return pred
    has_to = any(a.tag_ == "TO" or _low(a) == "to" for a in aux)
    if has_to:
        return None
    # the tense is carried by the first finite auxiliary, or by the verb itself
    finite = [a for a in aux if a.tag_ in ("VBD", "VBZ", "VBP", "MD")]
    lead = finite[0] if finite else None
    lead_tag = lead.tag_ if lead is not None else tag
    progressive = tag == "VBG" and any(l in _BE for l in aux_lem)
    perfect = any(l in _HAVE for l in aux_lem)
    if lead is None and tag in ("VB", "VBG", "VBN"):
        return None          # infinitive, gerund or participle: ask the governor
    if lead_tag == "VBD":
        if progressive and _reported(tok, cues):
            return "ongoing"  # backshift: "officials said the sides were negotiating"
        if perfect and _since(tok, cues):
            return "ongoing"  # reported "had made strides since 2013" = has made, still
        return "occurred"     # past simple, past progressive, past perfect
    if lead_tag in ("VBZ", "VBP"):
        if perfect:
            if tag == "VBG" or _since(tok, cues):
                return "ongoing"          # has been supplying / have held drills since
            return "occurred"
        if _future_time(tok, cues, present=True):
            return "planned"              # leaves for Moscow tomorrow / is visiting on Monday
        if not aux and _has(tok, cues["punctual_verbs"]) and not _habitual(tok, cues):
            return "occurred"             # reporting present: "the PM meets Putin", "we thank"
        return "ongoing"                  # "sells arms", "is building", "is being built"
    if tag == "VBD":
        return "occurred"
    if tag in ("VBZ", "VBP"):
        if _future_time(tok, cues, present=True):
            return "planned"
        if _has(tok, cues["punctual_verbs"]) and not _habitual(tok, cues):
            return "occurred"
        return "ongoing"
    return None


# --------------------------------------------------------------------------- verbs

def _verb_status(tok, cues, depth: int = 0) -> str:
    own = _own_cue(tok, cues)
    if own == "planned" and tok.dep_ == "ccomp" and \
            _get(tok.head, cues["governing_verbs"]) == "proposed" and \
            not _has(tok.head, cues["reporting_verbs"]):
        return "proposed"     # "it is hoped that the talks will lead to a deal"
    if own:
        return own
    if tok.dep_ == "ccomp" and _has(tok.head, cues["denial_verbs"]) and \
            not _negated(tok.head, cues):
        return "negated"      # "Moscow denied that it had sent troops"
    if tok.dep_ == "ccomp" and _has(tok.head, cues["mandative_verbs"]) and \
            tok.tag_ in ("VB", "VBP") and not _aux(tok):
        return "proposed"     # "demanded that its partners refuse": a wanted act
    # a conjunct without its own subject or auxiliary shares its head's verb group:
    # "will discuss, approve and sign" / "was signed and ratified"
    if tok.dep_ == "conj" and _is_verbal(tok.head) and depth < _MAX_CLIMB:
        if not any(c.dep_ in _SUBJ for c in tok.children) and not _aux(tok):
            return _verb_status(tok.head, cues, depth + 1)
    finite = _finite_status(tok, cues)
    if finite:
        return finite
    if tok.tag_ == "VBN" and tok.dep_ == "advcl" and not _aux(tok) and \
            not any(c.dep_ == "mark" for c in tok.children):
        return "occurred"     # "Built with Soviet help in the 1970s, the mill ..."
    gov = _governed(tok, cues, depth)
    if gov:
        return gov
    if tok.tag_ == "VBN":
        return "occurred"     # a bare participle reports a done act ("the deal signed in May")
    if tok.tag_ == "VBG" and tok.dep_ in ("amod", "acl") and _is_nominal(tok.head):
        return _noun_governed(tok.head, cues, depth + 1, own=False) or "ongoing"
    return "occurred"


def _governed(tok, cues, depth: int):
    """Status a non-finite ``tok`` takes from what governs it (None if nothing does)."""
    if depth >= _MAX_CLIMB or tok.head.i == tok.i:
        return None
    head = tok.head
    dep = tok.dep_
    gverbs = cues["governing_verbs"]
    gadj = cues["governing_adjectives"]
    ggerund = cues["gerund_governors"]

    # gerund or infinitive under a preposition: climb to what the preposition hangs on
    if dep == "pcomp" or (head.dep_ == "prep" and dep == "pobj"):
        prep = head
        owner = prep.head
        if prep.head.i == prep.i:
            return None
        if owner.pos_ == "ADJ" or owner.dep_ in ("acomp", "oprd"):
            if _has(owner, gadj) or _low(owner) in gadj:
                st = _get(owner, gadj)
                copula = owner.head if owner.head.i != owner.i else owner
                neg = _negated(copula, cues) or _negated(owner, cues)
                return "negated" if neg else _combine(_own_cue(copula, cues), st)
            return _verb_status(owner.head, cues, depth + 1) if _is_verbal(owner.head) else None
        if _is_nominal(owner):
            return _noun_governed(owner, cues, depth)
        if _is_verbal(owner):
            if _low(prep) in cues["negating_preps"] or _low(prep) in cues["negating_gerund_preps"]:
                return "negated"      # "left without signing", "decided against joining"
            if _low(prep) == "from" and _has(owner, cues["prevention_verbs"]):
                return _get(owner, cues["prevention_verbs"])
            if _has(owner, ggerund):
                return _combine(_own_cue(owner, cues), _get(owner, ggerund))
            if _has(owner, gverbs):
                return _via_governing_verb(owner, _get(owner, gverbs), cues, depth)
            return _verb_status(owner, cues, depth + 1)
        return None

    # "is likely to sign", "is reluctant to join": spaCy may hang the infinitive on the
    # adjective rather than on the copula
    if dep in ("xcomp", "ccomp", "advcl") and head.pos_ == "ADJ" and (
            _has(head, gadj) or _low(head) in gadj):
        st = _get(head, gadj)
        copula = head.head if head.head.i != head.i else head
        if _negated(copula, cues) or _negated(head, cues):
            return "negated"
        return _combine(_own_cue(copula, cues) if _is_verbal(copula) else None, st)

    # "has to expand", "were to be built", "is going to"
    # (not "it is in Kenya's interest to buy": a copula with a predicate of its own
    # and an extraposed infinitive)
    if dep == "xcomp" and _is_verbal(head) and _has(head, cues["modal_governors"]) and \
            any(_low(a) == "to" for a in _aux(tok)) and not _acomp(head, cues) and \
            not any(c.dep_ in ("attr", "acomp") or (c.dep_ in _SUBJ and _low(c) == "it")
                    for c in head.children):
        if _negated(head, cues):
            return "negated"
        return _combine(_own_cue(head, cues), _get(head, cues["modal_governors"]))

    if dep in ("xcomp", "ccomp", "advcl", "conj", "csubj", "dobj", "parataxis") and _is_verbal(head):
        # a copula with a predicate adjective: "is likely to sign", "is set to visit"
        adj = _acomp(head, cues)
        if adj and dep in ("xcomp", "ccomp", "advcl"):
            if _negated(head, cues):
                return "negated"
            mod = _modal(head, cues)
            return _combine(mod, adj)
        reporting = _has(head, cues["reporting_verbs"])
        # an infinitive the parser calls advcl is the governor's complement when the
        # governor has no object ("threatened to secede"); after an object it is a
        # purpose ("began a strike to protest") and inherits below
        complement = dep in ("xcomp", "dobj", "ccomp") or (
            _complement(tok) and not any(c.dep_ == "dobj" for c in head.children))
        if complement and _has(head, gverbs) and not reporting:
            if dep == "dobj" and not _has(head, ggerund) and tok.tag_ != "VBG":
                return _verb_status(head, cues, depth + 1)
            return _via_governing_verb(head, _get(head, gverbs), cues, depth)
        if reporting:
            return None   # transparent: the reported clause has no tense of its own
        if dep == "advcl" and any(_low(a) == "to" for a in _aux(tok)):
            # "signed a deal to build a base": the parser often hangs the deal's
            # content on the verb; it belongs to the deal (a purpose after other
            # verbs, "came to discuss", names what was done and inherits)
            gn = cues["governing_nouns"]
            for obj in head.children:
                if obj.dep_ == "dobj" and obj.i < tok.i and _has(obj, gn):
                    return _noun_governed(obj, cues, depth + 1)
        return _verb_status(head, cues, depth + 1)

    if dep in ("acl", "relcl", "advcl") and _is_nominal(head):
        if any(_low(a) == "to" for a in _aux(tok)):
            return _noun_governed(head, cues, depth)   # "a deal to build", "plans to visit"
        if tok.tag_ == "VBN":
            return "occurred"                          # "the agreement signed in May"
        if tok.tag_ == "VBG":
            # "his visiting counterpart", "an embargo banning imports": the noun's
            # clause tells when; a bare noun phrase is a current state
            return _noun_governed(head, cues, depth + 1, own=False) or "ongoing"
        return _noun_governed(head, cues, depth)
    return None


def _combine(outer, inner):
    """Cues from an outer verb group and an inner governor: the weaker certainty wins.

    "might plan to sign" -> proposed; "will start to supply" -> planned;
    "is expected to" (no outer cue) -> planned.
    """
    if outer is None:
        return inner
    if inner is None:
        return outer
    rank = {"negated": 0, "proposed": 1, "planned": 2, "ongoing": 3, "occurred": 4}
    if "negated" in (outer, inner):
        return "negated"
    if inner in ("ongoing", "occurred"):
        return outer if outer in ("planned", "proposed") else inner
    return min(outer, inner, key=rank.get)


def _via_governing_verb(gov, cue, cues, depth):
    """``gov`` is a governing verb ("plans", "agreed", "refused") with cue ``cue``."""
    if cue is None:      # transparent ("help", "try"): the governor's own status passes down
        return _verb_status(gov, cues, depth + 1)
    if _negated(gov, cues):
        # "did not plan to", "is not expected to": the act is not happening;
        # a negated negative leaves it open: "has not ruled out supplying"
        return "proposed" if cue == "negated" else "negated"
    outer = _own_cue(gov, cues)
    if _has(gov, cues["continuation_verbs"]) and outer is not None:
        # "will continue to supply", "wants to continue to be": whatever comes
        # next, the act is under way now
        return "ongoing"
    if cue in ("ongoing",):
        # "started buying", "continues to supply": take the governor's tense for
        # planned/proposed ("will start to"), else the act is under way
        inner_tense = _finite_status(gov, cues)
        if outer:
            return outer
        if inner_tense is None:
            if _has(gov, cues["continuation_verbs"]):
                return "ongoing"
            return _governed(gov, cues, depth + 1) or "ongoing"
        if inner_tense == "occurred" and (_dated_year(gov) or _past_time(gov, cues)):
            return "occurred"   # "continued to send arms last year": a past stretch
        return "ongoing"
    if outer is None and _finite_status(gov, cues) is None:
        # the governor is itself non-finite ("aims to plan to"): its governor may weaken it
        up = _governed(gov, cues, depth + 1)
        if up in ("proposed", "negated"):
            return up
    if cue == "planned" and outer is None and _lapsed(gov, cues):
        return "negated"
    return _combine(outer, cue)


def _lapsed(gov, cues) -> bool:
    """A plan told in the past for a time already past ("was scheduled to be signed
    last year"): the text would not say so if the act had happened."""
    if _finite_status(gov, cues) != "occurred":
        return False
    if not _has(gov, cues["lapsing_governors"]):
        return False
    return _past_time(gov, cues)


def _past_time(verb, cues) -> bool:
    """A past time word among the verb's own words ("last year", "two weeks ago"),
    not its subject's (which may carry a clause of its own: "the deal, signed last
    year, was expected to ...")."""
    past = cues["past_time"] - {"recent", "recently"}
    for c in verb.children:
        if c.dep_ in _SUBJ:
            continue
        if any(_low(t) in past for t in c.subtree):
            return True
    return False


# --------------------------------------------------------------------------- nouns

def _noun_time(noun, cues):
    """A time word in the noun's own modifiers: "talks tomorrow", "last fall's drills"."""
    fut = cues["future_time"]
    past = cues["past_time"]
    for c in noun.children:
        if c.dep_ in ("npadvmod", "advmod", "poss", "prep", "nmod", "amod", "tmod"):
            words = {_low(t) for t in c.subtree}
            if words & past:
                return "occurred"
            if words & fut:
                return "planned"
    return None


def _noun_modifier(noun, cues):
    mods = cues["noun_modifiers"]
    rel = cues["relation_nouns"]
    marks = cues["conditional_marks"]
    for c in noun.children:
        if c.dep_ == "det" and _low(c) in cues["negating_determiners"]:
            return "negated"
        if c.dep_ in ("acl", "relcl", "advcl") and any(
                m.dep_ == "mark" and _low(m) in marks for m in c.children):
            return "proposed"     # "the sale, if approved, ..."
        if c.dep_ in ("amod", "compound", "nmod", "advmod", "acl", "nummod", "npadvmod") and (
                _low(c) in mods or _has(c, mods)):
            return _get(c, mods)
    time = _noun_time(noun, cues)
    if time:
        return time
    if _has(noun, rel):
        return _get(noun, rel)
    return None


def _noun_status(noun, cues, depth: int = 0) -> str:
    mod = _noun_modifier(noun, cues)
    if mod:
        return mod
    for c in noun.children:
        # "since the remarks" parsed with "since" under the noun
        if c.dep_ in ("mark", "prep", "case") and _low(c) in cues["background_preps"] \
                and c.i < noun.i:
            return "occurred"
    fate = _realization(noun, cues, depth)
    if fate:
        return fate
    gov = _noun_governed(noun, cues, depth, own=False)
    return gov or "occurred"


def _realization(noun, cues, depth):
    """A clause on the noun that tells its fate: "the deal signed in May",
    "the package Japan has offered", "talks which are scheduled for June"."""
    real = cues["realization_verbs"]
    for c in noun.children:
        if c.dep_ not in ("acl", "relcl") or not _is_verbal(c) or not _has(c, real):
            continue
        if c.dep_ == "acl" and any(_low(a) == "to" for a in _aux(c)):
            continue          # "a deal to sign": purpose, not fate
        inner = [x for x in c.children if x.dep_ == "xcomp" and _is_verbal(x)]
        if inner and _has(inner[0], real):
            return _verb_status(inner[0], cues, depth + 1)   # "scheduled to be signed"
        if c.dep_ == "acl" and c.tag_ == "VBN" and not _aux(c):
            return "negated" if _negated(c, cues) else "occurred"
        return _verb_status(c, cues, depth + 1)
    return None


def _noun_governed(noun, cues, depth, own: bool = True):
    """Status an event noun (or a noun governing an act) takes from its context.

    With ``own``, ``noun`` is a governing noun ("plans to build") whose cue counts.
    """
    if depth >= _MAX_CLIMB:
        return None
    if own:
        mod = _noun_modifier(noun, cues)
        if mod in ("negated", "proposed"):
            return mod
        gn = cues["governing_nouns"]
        cue = _get(noun, gn)
        if cue:
            ctx = _noun_governed(noun, cues, depth + 1, own=False)
            if ctx in ("negated", "proposed"):
                return ctx
            if ctx == "planned" and cue == "planned":
                return "planned"
            return cue
        if mod:
            return mod
    head = noun.head
    if head.i == noun.i:
        return None
    dep = noun.dep_
    # climb through noun chains: "the signing of the deal", "plans for a visit"
    if dep in ("pobj",) and head.dep_ in ("prep", "agent") and head.head.i != head.i:
        owner = head.head
        for _ in range(3):    # "along with", "instead of": a preposition on a preposition
            if owner.pos_ == "ADP" and owner.dep_ == "prep" and owner.head.i != owner.i:
                owner = owner.head
        if _background(head, cues):
            # "since the invasion" is history; "after the talks" shares a future
            # main clause ("will sign after the talks")
            if _low(head) in cues["sequence_preps"] and _is_verbal(owner):
                st = _verb_status(owner, cues, depth + 1)
                if st in ("planned", "proposed"):
                    return st
            return "occurred"
        if _low(head) in cues["negating_preps"]:
            return "negated"          # "talks ended without an agreement"
        if _is_nominal(owner) and owner.pos_ != "PRON":
            # "plans for a visit" governs; "an agreement on cooperation" does not;
            # and "her possible role in the riots during a summit" does not make the
            # summit possible: a modifier passes only through "of" ("the possible
            # signing of the deal") or a governing noun
            topic_only = _has(owner, cues["agreement_nouns"])
            governs = _has(owner, cues["governing_nouns"]) or _low(head) == "of"
            return _noun_governed(owner, cues, depth + 1, own=governs and not topic_only)
        if _is_verbal(owner):
            return _noun_head_verb(noun, owner, cues, depth)
        if owner.pos_ == "ADJ":
            adj = cues["governing_adjectives"]
            if _has(owner, adj):
                return _get(owner, adj)
            if _is_verbal(owner.head):
                return _verb_status(owner.head, cues, depth + 1)
        return None
    if dep in ("conj", "appos") and _is_nominal(head):
        # a coordinated event noun shares its partner's context, not its governing role
        mod = _noun_modifier(head, cues)
        return mod or _noun_governed(head, cues, depth + 1, own=False)
    if dep == "compound" and _is_nominal(head):
        return _noun_governed(head, cues, depth + 1, own=True)
    if _is_verbal(head):
        return _noun_head_verb(noun, head, cues, depth)
    return None


def _dated_year(verb) -> bool:
    """A year among the verb's modifiers ("began in 2009")."""
    for c in verb.children:
        if c.dep_ == "prep":      # not an npadvmod: that is often the dateline
            for t in c.subtree:
                if t.like_num and len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20"):
                    return True
    return False


def _background(prep, cues) -> bool:
    """Is ``prep`` an adjunct that frames a past event ("since the invasion")?"""
    if _low(prep) in cues["background_preps"]:
        return True
    # "in the wake of", "because of": the prep hangs on a noun of the multiword
    owner = prep.head
    for first, noun in cues["background_multiword"]:
        if _low(owner) == noun and owner.dep_ == "pobj" and _low(owner.head) == first:
            return True
        if _low(prep) == "of" and _low(owner) == first:
            return True
    return False


def _noun_head_verb(noun, verb, cues, depth):
    """Status of an event noun from the verb it depends on."""
    objv = cues["noun_object_verbs"]
    if _negated(verb, cues):
        # "did not rule out a visit": a negated negative leaves the act open
        if noun.dep_ in ("dobj", "pobj") and _get(verb, objv) == "negated":
            return "proposed"
        return "negated"
    subjv = cues["noun_subject_verbs"]
    passive_plan = noun.dep_ == "nsubjpass" and _get(verb, objv) in ("planned", "proposed")
    if (noun.dep_ in ("dobj", "pobj", "attr", "oprd") or passive_plan) and _has(verb, objv):
        # the subject of a passive is the object: "the visit was announced"
        st = _get(verb, objv)
        if _has(verb, cues["announcing_verbs"]) and not _has(noun, cues["schedulable_nouns"]):
            st = "occurred"   # "announced sanctions / a donation": the announcing is the act
        return _combine(_own_cue(verb, cues), st)
    if noun.dep_ in ("nsubj", "nsubjpass"):
        # "the plant is expected to be operational", "ships were to be built",
        # "the project aims to restart": the act's modality sits on the raising verb
        inner = [c for c in verb.children if c.dep_ == "xcomp" and _is_verbal(c)]
        raising = (_get(verb, cues["governing_verbs"]) in ("planned", "proposed")
                   or _has(verb, cues["modal_governors"]) or _acomp(verb, cues))
        if inner and raising:
            return _verb_status(inner[0], cues, depth + 1)
    if noun.dep_ in ("nsubj", "nsubjpass") and _has(verb, subjv):
        outer = _own_cue(verb, cues)
        st = _get(verb, subjv)
        if st == "ongoing" and _dated_year(verb):
            st = "occurred"      # "work started in 1997": history, not a current state
        return _combine(outer, st)
    return _verb_status(verb, cues, depth + 1)
