"""Corpus-level entity resolution: one entity per person or organization.

Input is every document's mentions (each already carrying the fullest name its own
document gives); output is one Entity per real-world person, organization, armed
group or project, with every surface form as an alias and the roles each document
gives. The rule that matters most is the negative one: two people who share a
surname are never merged, and a bare surname that fits two people stays apart.
Pure: values in, values out.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from typing import Iterable

from rapidfuzz import fuzz

from ..model import Entity, Mention, Role
from ..extract.mentions import is_honorific, strip_title

PERSON = "PERSON"
KINDS = ("PERSON", "ORG", "GROUP", "PROJECT")


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "entity"


def key(name: str) -> str:
    """Normalized form for comparing names (case, accents, punctuation, spelling)."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = s.replace("&", " and ")
    s = re.sub(r"(?<=[a-z])is(ation|ations|e|ed)\b", r"iz\1", s)   # Organisation -> Organization
    s = re.sub(r"['\u2019]s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


def _toks(name: str) -> list[str]:
    return key(name).split()


class _UF:
    def __init__(self):
        self.p: dict = {}

    def find(self, x):
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[rb] = ra


def _first_names_match(a: str, b: str) -> bool:
    """"Sergei"/"Sergey", "Kh"/"Khawaja", "S"/"Subrahmanyam" are one first name;
    "Nawaz"/"Shehbaz" are two."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    # an initial or a vowel-less abbreviation ("S", "Kh", "Md") of the longer name
    if long_.startswith(short) and (len(short) == 1 or (len(short) <= 3 and not re.search("[aeiou]", short))):
        return True
    if len(short) <= 4:
        return False        # "Ali" and "Alia" are two people, not two spellings
    return a[0] == b[0] and fuzz.ratio(a, b) >= 80


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two multi-token names of one person: same surname, compatible first names,
    or one name contained in the other ("Khurram Dastgir" in "Khurram Dastgir Khan")."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 2 and any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1)):
        return True
    if a[-1] != b[-1]:
        return False
    if not _first_names_match(a[0], b[0]):
        return False
    # middle names, when both give them, must agree too
    ma, mb = a[1:-1], b[1:-1]
    if ma and mb and not all(_first_names_match(x, y) for x, y in zip(ma, mb)):
        return False
    return True


def _expand_role(role: str) -> str:
    """"PM" -> "Prime Minister": one spelling per title, so that roles compare."""
    from ..extract.mentions import lexicon
    abbr = lexicon("titles_people")["abbreviations"]
    words = role.split()
    out = [abbr.get(w, w) for w in words]
    return " ".join(out)


def _roles(gms: list[Mention], doc_meta: dict) -> tuple[Role, ...]:
    """One role per title per document; a title contained in a fuller one of the
    same document ("President" beside "former President") is not repeated."""
    per_doc: dict[str, list[str]] = defaultdict(list)
    order = []
    for m in sorted(gms, key=lambda m: (m.doc_id, m.start)):
        if not m.role:
            continue
        title = _expand_role(m.role.strip())
        if m.doc_id not in per_doc:
            order.append(m.doc_id)
        if title.lower() not in (t.lower() for t in per_doc[m.doc_id]):
            per_doc[m.doc_id].append(title)
    out = []
    for doc_id in order:
        titles = per_doc[doc_id]
        docname, published = doc_meta.get(doc_id, (doc_id, None))
        for t in titles:
            low = t.lower()
            if any(o != t and (o.lower().endswith(" " + low)) for o in titles):
                continue
            out.append(Role(t, docname, published))
    return tuple(out)


def _surface_forms(m: Mention) -> list[str]:
    """Every form a mention shows: as written, its name, without the title, and
    with only the courtesy title ("governor Dr Reza Baqir" -> "Dr Reza Baqir")."""
    forms = [m.text.strip(), m.name.strip()]
    if m.label == PERSON:
        bare = strip_title(m.text)
        forms.append(bare)
        toks = m.text.split()
        nb = len(bare.split())
        if len(toks) > nb and is_honorific(toks[-nb - 1]):
            forms.append(" ".join(toks[-nb - 1:]))
        # "Denis V. Manturov" is also written "Denis Manturov"
        nt = m.name.split()
        if len(nt) == 3 and re.fullmatch(r"[A-Z]\.?", nt[1]):
            forms.append(f"{nt[0]} {nt[2]}")
    return forms


PROJECT_LABEL = "PROJECT"


def _project_generic() -> frozenset:
    from ..extract.mentions import lexicon
    return frozenset(lexicon("orgs_cues")["project_generic"])


def _initials(name: str) -> str:
    parts = re.split(r"[\s\-\u2013]+", name)
    return "".join(p[0] for p in parts if p[:1].isupper())


def resolve_entities(mentions: Iterable[Mention], doc_meta: dict) -> list[Entity]:
    """One Entity per person/org/group/project in the corpus.

    ``doc_meta`` maps doc_id -> (document name, published date) for the roles.
    """
    ms = [m for m in mentions if m.label in KINDS]
    uf = _UF()
    # ---- people: multi-token names first, then bare single names
    full_names: dict[str, list[str]] = {}          # key -> tokens
    for m in ms:
        if m.label == PERSON and len(_toks(m.name)) >= 2:
            full_names.setdefault(key(m.name), _toks(m.name))
    fkeys = sorted(full_names)
    for i, a in enumerate(fkeys):
        for b in fkeys[i + 1:]:
            if _same_person(full_names[a], full_names[b]):
                # containment must be unambiguous: "Khan" names share little else
                uf.union(("P", a), ("P", b))
    # a shorter name contained in two different people stays apart from both
    for a in fkeys:
        containers = {uf.find(("P", b)) for b in fkeys if b != a and _same_person(full_names[a], full_names[b])}
        if len(containers) > 1:
            uf.p[("P", a)] = ("P", a)
    doc_full: dict[str, set[str]] = defaultdict(set)
    for m in ms:
        if m.label == PERSON and len(_toks(m.name)) >= 2:
            doc_full[m.doc_id].add(key(m.name))

    def person_node(m: Mention):
        k = key(m.name)
        toks = k.split()
        if len(toks) >= 2 or not toks:
            return ("P", k)
        t = toks[0]
        # the document itself names two people with this name: stays ambiguous
        local = {uf.find(("P", f)) for f in doc_full.get(m.doc_id, ()) if t in f.split()}
        if len(local) > 1:
            return ("PA", k)
        groups = {uf.find(("P", f)) for f in fkeys if full_names[f][-1] == t}
        if len(groups) == 1:
            return groups.pop()
        if not groups:
            firsts = {uf.find(("P", f)) for f in fkeys if full_names[f][0] == t}
            if len(firsts) == 1:
                return firsts.pop()
        return ("PA", k) if len(groups) > 1 else ("P1", k)

    # ---- organizations, groups, projects
    org_keys: dict[str, str] = {}     # key -> a display name
    alias_owner: dict[str, set] = defaultdict(set)
    for m in ms:
        if m.label != PERSON:
            k = key(m.name)
            org_keys.setdefault(k, m.name)
            uf.find(("O", k))
            if key(m.text) != k:
                alias_owner[m.text].add(k)
    okeys = sorted(org_keys)
    for k in okeys:
        uf.find(("O", k))
    # a bare acronym that another document expanded joins that expansion
    for k in okeys:
        name = org_keys[k]
        if name.isupper() and len(name) >= 2:
            owners = alias_owner.get(name, set()) - {k}
            if not owners:
                owners = {o for o in okeys if o != k and _initials(org_keys[o]) == name.replace("-", "")
                          and len(o.split()) >= 2}
            if len({uf.find(("O", o)) for o in owners}) == 1:
                uf.union(("O", owners.pop()), ("O", k))
    group_keys = {key(m.name) for m in ms if m.label == "GROUP"}
    # "State Department" inside "US State Department": one container only (armed
    # groups are exempt: "Islamic State" is not "Islamic State-Khorasan")
    for k in okeys:
        kt = k.split()
        if len(kt) < 2 or k in group_keys:
            continue
        containers = set()
        for o in okeys:
            ot = o.split()
            if o != k and len(ot) > len(kt) and (ot[:len(kt)] == kt or ot[-len(kt):] == kt):
                containers.add(uf.find(("O", o)))
        if len(containers) == 1:
            uf.union(containers.pop(), ("O", k))

    # projects named with and without their descriptors ("Kudankulam nuclear power
    # project", "Kudankulam nuclear plant", "Kudankulam") share a core name
    generic = _project_generic()
    kinds_of: dict[str, set] = defaultdict(set)
    for m in ms:
        if m.label != PERSON:
            kinds_of[key(m.name)].add(m.label)
    cores: dict[str, set] = defaultdict(set)
    for k in okeys:
        core = " ".join(t for t in k.split() if t not in generic)
        if core and (PROJECT_LABEL in kinds_of[k] or core != k):
            cores[core].add(k)
    for core, ks in cores.items():
        ks = set(ks)
        if core in org_keys:
            ks.add(core)
        if any(PROJECT_LABEL in kinds_of[k] for k in ks) and len(ks) > 1:
            ks = sorted(ks)
            for k in ks[1:]:
                uf.union(("O", ks[0]), ("O", k))

    # ---- collect
    groups: dict = defaultdict(list)
    for m in ms:
        node = person_node(m) if m.label == PERSON else ("O", key(m.name))
        groups[uf.find(node)].append(m)
    entities = []
    used_ids: set[str] = set()
    for node, gms in sorted(groups.items(), key=lambda kv: (min(m.doc_id for m in kv[1]), kv[0])):
        label = Counter(m.label for m in gms).most_common(1)[0][0]
        names = Counter(m.name for m in gms)
        if label == PERSON:
            multi = {n: c for n, c in names.items() if len(_toks(n)) >= 2}
            names = Counter(multi) if multi else names
        name = max(names, key=lambda n: (names[n], len(n), n))
        if label == PERSON and all(len(_toks(m.name)) < 2 for m in gms):
            # a bare name that fits two people is left out rather than guessed; one
            # that no full name explains stays only when a title vouches for it
            # ("President Putin"), since a lone capitalised word is often no person
            if node[0] == "PA" or not any(m.role or m.text != m.name for m in gms):
                continue
        forms = set()
        for m in gms:
            for f in _surface_forms(m):
                if f and f != name:
                    forms.add(f)
        countries = Counter(m.country for m in gms if m.country)
        country = countries.most_common(1)[0][0] if countries else None
        roles = _roles(gms, doc_meta)
        eid = base = slug(name)
        n = 2
        while eid in used_ids:
            eid = f"{base}-{n}"
            n += 1
        used_ids.add(eid)
        entities.append(Entity(eid, name, label, country, tuple(sorted(forms)), tuple(roles)))
    return entities
