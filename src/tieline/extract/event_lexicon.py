"""The event extractor's data: trigger lexicon and cue word classes, read once.

Everything that decides *which* words make an event, and of what type, lives in
``lexicon/event_triggers.json`` and ``lexicon/event_cues.json``; this module only
loads and indexes them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_DIR = Path(__file__).parent / "lexicon"

#: Modes that name a field of cooperation; an AGREE/REQUEST head may inherit them.
FIELD_MODES = frozenset({
    "trade", "arms_transfer", "investment", "military_exercise",
    "military_cooperation", "security_cooperation",
})


@dataclass(frozen=True, slots=True)
class Spec:
    type: str | None
    mode: str | None = None
    sector: str | None = None
    dir: str = "act"                 # act | sym | recv
    light: bool = False              # takes its type from a trigger object noun
    weak: bool = False               # noun: an event only when governed or owned
    transfer: bool = False           # goods move from source to target
    of: str | None = None            # noun: "X of Y" makes Y source|target
    plural_only: bool = False
    needs_prep: tuple[str, ...] = ()
    needs_mod: tuple[str, ...] = ()
    needs_obj: tuple[str, ...] = ()
    needs_mod_any: bool = False
    obj_not: tuple[str, ...] = ()    # verb: not an event with these objects
    no_xcomp: bool = False           # verb: not an event with an infinitive ("seek to")
    needs_xcomp: bool = False        # verb: an event only with an infinitive ("resolve to")
    strict: bool = False             # noun: an event only under a governing trigger
    obj_only: bool = False           # weak noun: an event only as a verb's object
    only_with: tuple[str, ...] = ()  # strict noun: the governing verbs it may join
    intransitive: bool = False       # verb: not this sense with a direct object
    no_passive: bool = False         # verb: not this sense in an agentless passive
    needs_dobj: bool = False         # verb: an event only with a direct object
    negated_type: str | None = None  # "did not accept": a rejection, not a missing AGREE
    defer_to: tuple[str, ...] = ()   # intent words ("willing to"): these member types win
    no_own: bool = False             # weak noun: a state owning it is not enough
    cue: str = ""

    def but(self, **kw) -> "Spec":
        vals = {f: getattr(self, f) for f in self.__slots__}
        vals.update({k: v for k, v in kw.items() if v is not None})
        return Spec(**vals)


def _spec(cue: str, d: dict) -> Spec:
    return Spec(
        type=d.get("type"), mode=d.get("mode"), sector=d.get("sector"),
        dir=d.get("dir", "act"), light=bool(d.get("light")), weak=bool(d.get("weak")),
        transfer=bool(d.get("transfer")), of=d.get("of"),
        plural_only=bool(d.get("plural_only")),
        needs_prep=tuple(d.get("needs_prep", ())), needs_mod=tuple(d.get("needs_mod", ())),
        needs_obj=tuple(d.get("needs_obj", ())), needs_mod_any=bool(d.get("needs_mod_any")),
        obj_not=tuple(d.get("obj_not", ())), no_xcomp=bool(d.get("no_xcomp")),
        needs_xcomp=bool(d.get("needs_xcomp")),
        strict=bool(d.get("strict")), obj_only=bool(d.get("obj_only")),
        only_with=tuple(d.get("only_with", ())), intransitive=bool(d.get("intransitive")),
        no_passive=bool(d.get("no_passive")), needs_dobj=bool(d.get("needs_dobj")),
        negated_type=d.get("negated_type"), defer_to=tuple(d.get("defer_to", ())), no_own=bool(d.get("no_own")),
        cue=cue,
    )


@dataclass(frozen=True, slots=True)
class Override:
    verbs: frozenset
    words: frozenset                 # single-word members of the class
    phrases: tuple[str, ...]         # multiword members, matched on text
    spec: dict


@dataclass(frozen=True)
class Lexicon:
    verbs: dict
    phrasal: dict
    adjectives: dict
    nouns: dict
    overrides: tuple
    classes: dict                    # class -> frozenset of words
    sectors: tuple                   # ((sector, regex), ...) in priority order
    coop_modes: dict
    parties: tuple                   # lowercase foreign non-state parties
    party_rx: object
    pair_rx: object
    number_rx: object
    group_rx: object
    size_words: dict
    drift_rx: object
    project_heads: frozenset
    non_actor_heads: frozenset
    actor_nouns: frozenset


def _rx(words) -> re.Pattern:
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    trig = json.loads((_DIR / "event_triggers.json").read_text(encoding="utf-8"))
    cues = json.loads((_DIR / "event_cues.json").read_text(encoding="utf-8"))
    classes = {k: frozenset(w for w in v) for k, v in cues["object_classes"].items()}
    overrides = tuple(
        Override(frozenset(o["verbs"]),
                 frozenset(w for w in cues["object_classes"][o["class"]] if " " not in w),
                 tuple(w for w in cues["object_classes"][o["class"]] if " " in w),
                 o["spec"])
        for o in cues["object_overrides"])
    sectors = tuple(
        (s, re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in sorted(
            cues["sectors"][s], key=len, reverse=True)) + r")", re.I))
        for s in cues["sector_order"])
    return Lexicon(
        verbs={k: _spec(k, v) for k, v in trig["verbs"].items()},
        phrasal={k: _spec(k, v) for k, v in trig["phrasal"].items()},
        adjectives={k: _spec(k, v) for k, v in trig["adjectives"].items()},
        nouns={k: _spec(k, v) for k, v in trig["nouns"].items()},
        overrides=overrides,
        classes=classes,
        sectors=sectors,
        coop_modes=dict(cues["cooperation_modes"]),
        parties=tuple(cues["foreign_parties"]),
        party_rx=_rx(cues["foreign_parties"]),
        pair_rx=_rx(cues["pair_phrases"]),
        number_rx=re.compile(r"(?<![\w-])(?:the|all|these|those|both)\s+(two|three|four|five|six|"
                             r"seven|eight)\s+(?:" + "|".join(cues["group_nouns"]) + r")\b", re.I),
        group_rx=_rx(cues["group_phrases"]),
        size_words=dict(cues["size_words"]),
        drift_rx=_rx(cues["drift_cues"]),
        project_heads=frozenset(cues["project_heads"]),
        non_actor_heads=frozenset(cues["non_actor_heads"]),
        actor_nouns=frozenset(cues["actor_nouns"]),
    )
