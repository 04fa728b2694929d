"""Generate a synthetic corpus of realistic-looking bilateral-relations articles.

Used to benchmark tieline at scale (1k, 10k, 100k documents) without network or
licensed text. Stdlib only, deterministic:

    python bench/corpus_gen.py --n 1000 --out /tmp/c1k [--seed 0] [--format txt|html|jsonl]

Every article is recombined from sentence patterns written for tieline (same style as
samples/), filled with varied country pairs, invented people, places, dates, amounts
and projects. Pages carry the usual furniture (nav line, cookie notice, byline, date
line, share counters, related list, comments, footer) and sometimes a duplicated
paragraph, so the cleaner, the extractor and the fusion stage all get realistic work.

Document ``i`` depends only on (seed, i): a 1k corpus is a prefix of the 10k one with
the same seed, and any slice can be regenerated alone (``--start``).

Layout: ``txt``/``html`` write ``OUT/<bucket>/gen-<i>.<ext>`` with 1,000 files a
bucket; ``jsonl`` writes ``OUT/part-<k>.jsonl`` with ``--per-file`` records each
(a tenth of them carry ``html`` instead of ``text``). ``OUT/manifest.json`` records
what was written. The facts are fictional; the text is CC0.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html as htmlmod
import json
import os
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR = "tieline-corpus-gen/1"
BUCKET = 1000

# --------------------------------------------------------------------------- data
# (name, demonym, capital, a port or second city, the way the press refers to its
# foreign ministry). Names are ordinary public geography, picked so that pairs mix
# regions the project has never been tuned on.
COUNTRIES = [
    ("Pakistan", "Pakistani", "Islamabad", "Karachi", "Foreign Office"),
    ("Russia", "Russian", "Moscow", "St Petersburg", "Foreign Ministry"),
    ("India", "Indian", "New Delhi", "Mumbai", "Ministry of External Affairs"),
    ("China", "Chinese", "Beijing", "Shanghai", "Foreign Ministry"),
    ("Turkey", "Turkish", "Ankara", "Istanbul", "Foreign Ministry"),
    ("Azerbaijan", "Azerbaijani", "Baku", "Ganja", "Foreign Ministry"),
    ("Brazil", "Brazilian", "Brasilia", "Santos", "Itamaraty"),
    ("Argentina", "Argentine", "Buenos Aires", "Rosario", "Foreign Ministry"),
    ("Egypt", "Egyptian", "Cairo", "Alexandria", "Foreign Ministry"),
    ("Nigeria", "Nigerian", "Abuja", "Lagos", "Ministry of Foreign Affairs"),
    ("Kenya", "Kenyan", "Nairobi", "Mombasa", "Ministry of Foreign Affairs"),
    ("Indonesia", "Indonesian", "Jakarta", "Surabaya", "Foreign Ministry"),
    ("Vietnam", "Vietnamese", "Hanoi", "Haiphong", "Foreign Ministry"),
    ("Japan", "Japanese", "Tokyo", "Yokohama", "Foreign Ministry"),
    ("South Korea", "South Korean", "Seoul", "Busan", "Foreign Ministry"),
    ("Kazakhstan", "Kazakh", "Astana", "Aktau", "Foreign Ministry"),
    ("Iran", "Iranian", "Tehran", "Bandar Abbas", "Foreign Ministry"),
    ("Saudi Arabia", "Saudi", "Riyadh", "Jeddah", "Foreign Ministry"),
    ("Germany", "German", "Berlin", "Hamburg", "Foreign Office"),
    ("France", "French", "Paris", "Marseille", "Quai d'Orsay"),
    ("Poland", "Polish", "Warsaw", "Gdansk", "Foreign Ministry"),
    ("Ukraine", "Ukrainian", "Kyiv", "Odesa", "Foreign Ministry"),
    ("Chile", "Chilean", "Santiago", "Valparaiso", "Foreign Ministry"),
    ("Peru", "Peruvian", "Lima", "Callao", "Foreign Ministry"),
    ("Mexico", "Mexican", "Mexico City", "Veracruz", "Foreign Ministry"),
    ("South Africa", "South African", "Pretoria", "Durban", "Department of International Relations"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "Dire Dawa", "Foreign Ministry"),
    ("Bangladesh", "Bangladeshi", "Dhaka", "Chittagong", "Foreign Ministry"),
    ("Sri Lanka", "Sri Lankan", "Colombo", "Hambantota", "Foreign Ministry"),
    ("Malaysia", "Malaysian", "Kuala Lumpur", "Port Klang", "Foreign Ministry"),
    ("Thailand", "Thai", "Bangkok", "Laem Chabang", "Foreign Ministry"),
    ("the Philippines", "Philippine", "Manila", "Cebu", "Department of Foreign Affairs"),
    ("Australia", "Australian", "Canberra", "Perth", "Department of Foreign Affairs"),
    ("Canada", "Canadian", "Ottawa", "Vancouver", "Global Affairs Canada"),
    ("Norway", "Norwegian", "Oslo", "Bergen", "Foreign Ministry"),
    ("Morocco", "Moroccan", "Rabat", "Tangier", "Foreign Ministry"),
    ("Algeria", "Algerian", "Algiers", "Oran", "Foreign Ministry"),
    ("Uzbekistan", "Uzbek", "Tashkent", "Samarkand", "Foreign Ministry"),
    ("Serbia", "Serbian", "Belgrade", "Novi Sad", "Foreign Ministry"),
    ("Hungary", "Hungarian", "Budapest", "Debrecen", "Foreign Ministry"),
    ("Greece", "Greek", "Athens", "Piraeus", "Foreign Ministry"),
    ("Italy", "Italian", "Rome", "Genoa", "Farnesina"),
    ("Qatar", "Qatari", "Doha", "Ras Laffan", "Foreign Ministry"),
    ("the United Arab Emirates", "Emirati", "Abu Dhabi", "Dubai", "Foreign Ministry"),
    ("the United States", "American", "Washington", "Houston", "State Department"),
    ("Mongolia", "Mongolian", "Ulaanbaatar", "Darkhan", "Foreign Ministry"),
]

FIRST = [
    "Ayesha", "Omar", "Hamid", "Sana", "Bilal", "Nadia", "Faisal", "Lena", "Irina", "Sergei",
    "Dmitri", "Olga", "Marco", "Lucia", "Tomasz", "Agnieszka", "Kenji", "Yuki", "Min-jun",
    "Seo-yeon", "Ahmet", "Elif", "Rashid", "Leila", "Carlos", "Mariana", "Chidi", "Amara",
    "Wanjiru", "Otieno", "Budi", "Siti", "Thanh", "Linh", "Aigerim", "Nurlan", "Kamal", "Farah",
    "Pierre", "Claire", "Jonas", "Ingrid", "Youssef", "Salma", "Rustam", "Dilnoza", "Nikos",
    "Eleni", "Ana", "Diego", "Tendai", "Thabo", "Hiroshi", "Priya", "Arjun", "Mei", "Wei",
]
LAST = [
    "Rahman", "Siddiqui", "Latif", "Baig", "Karim", "Hartmann", "Volkova", "Orlov", "Petrov",
    "Rossi", "Kowalski", "Nowak", "Tanaka", "Sato", "Kim", "Park", "Yilmaz", "Demir", "Haddad",
    "Mansour", "Silva", "Pereira", "Okafor", "Mensah", "Mwangi", "Santoso", "Nguyen", "Tran",
    "Bekova", "Nazarbek", "Qureshi", "Dubois", "Lambert", "Berg", "Larsen", "El Amrani",
    "Benali", "Yusupov", "Papadakis", "Georgiou", "Fernandez", "Moyo", "Dlamini", "Sharma",
    "Iyer", "Chen", "Zhang", "Khan", "Malik", "Novak", "Ivanova", "Haroun",
]
OFFICIAL_TITLES = [
    ("Foreign Minister", "minister"), ("Defence Minister", "minister"),
    ("Energy Minister", "minister"), ("Trade Minister", "minister"),
    ("Prime Minister", "prime minister"), ("President", "president"),
    ("Deputy Prime Minister", "deputy prime minister"), ("Finance Minister", "minister"),
    ("ambassador", "ambassador"), ("army chief", "general"),
]
ANALYST_ROLES = [
    "an analyst at a think tank in {cap}", "a professor of international relations in {cap}",
    "an energy economist", "a former diplomat", "a defence analyst", "a researcher on {reg} security",
    "a trade economist at a bank in {port}",
]
REGIONS = ["Eurasian", "South Asian", "Gulf", "African", "Pacific", "Caucasus", "Latin American"]

AGREEMENTS = [
    "a defence cooperation agreement", "a memorandum of understanding on energy", "a free trade agreement",
    "an intergovernmental agreement on a gas pipeline", "a protocol on visa-free travel",
    "an agreement on nuclear power cooperation", "a currency swap agreement",
    "a contract for the supply of fertiliser", "a road map for military cooperation",
    "an agreement on double taxation", "a protocol on railway links", "a deal on wheat exports",
]
HARDWARE = [
    ("attack helicopters", "count"), ("transport aircraft", "count"), ("fighter jets", "count"),
    ("air defence systems", "count"), ("patrol vessels", "count"), ("armoured vehicles", "count"),
    ("drones", "count"), ("trainer aircraft", "count"),
]
COMMODITIES = ["crude oil", "wheat", "liquefied natural gas", "fertiliser", "coal", "cotton", "rice", "steel"]
PROJECT_KINDS = [
    ("gas pipeline", "km"), ("railway", "km"), ("power plant", "MW"), ("refinery", "barrels_per_day"),
    ("port terminal", "tonnes"), ("steel mill", "tonnes"), ("motorway", "km"), ("hydropower dam", "MW"),
]
PROJECT_WORDS = ["North-South", "Silk", "Blue Coast", "Steppe", "Golden Valley", "Eastern", "Friendship",
                 "Trans-Caspian", "Southern", "Highland", "Delta", "Meridian", "Sunrise", "Harbour"]
TOPICS = ["energy", "trade", "defence", "counter-terrorism", "railways", "agriculture", "banking",
          "space cooperation", "education", "tourism", "customs", "nuclear safety"]
EXERCISES = ["counter-terrorism drills", "naval exercises", "mountain warfare exercises",
             "air force drills", "special forces training", "search-and-rescue drills"]
NUM_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten", 12: "12", 16: "16", 24: "24"}

QUOTE_BODIES = [
    "This agreement opens a door that was closed to us for years",
    "We want a relationship with {B} that stands on its own feet",
    "Nothing has been signed yet, and we will not rush into a bad deal",
    "Our cooperation is not aimed at any third country",
    "The {project} is about jobs and cheaper energy, not about politics",
    "We are not going to choose sides in a quarrel between other powers",
    "Trade has doubled, but it is still far below what our economies can do",
    "The financing is the hard part, and it has not been solved",
    "{B} has been a reliable partner when others hesitated",
    "We expect every partner to respect our sovereignty",
    "The talks were frank, and on some points we still disagree",
    "These drills make both our armies better at what they do",
    "The relationship has a floor now, but it still lacks money",
    "We have been promised deliveries before and we are still waiting",
    "Sanctions make every payment slower and every contract more expensive",
    "Our farmers and our factories will feel the difference within a year",
]
COMMENTERS = ["Imtiaz_K", "watcher99", "R. Mehta", "Olga P.", "anon", "Farooq", "truthseeker", "Mariam",
              "K. Ivanov", "lagos_reader", "Ahmet B.", "policy_nerd", "Sofia", "J. Mwangi", "retired_diplomat"]
COMMENT_TEXTS = [
    "About time. This should have happened years ago.", "Show me the trade numbers in five years.",
    "Another agreement on paper. Wake me up when something is built.", "Good for both countries.",
    "The timing could not be worse.", "Who pays for all this in the end? Taxpayers.",
    "Spare parts will be the problem, as always.", "Finally some investment that is not just roads.",
    "A sovereign country can deal with whoever it likes.", "Great article, very balanced.",
    "You forgot to mention the debt.", "Interesting, but the figures look optimistic.",
]
RELATED = [
    "Explainer: what the {project} means for {A}", "{A} and {B} to hold talks on {t}",
    "Analysis: can {A} balance its partners?", "{B_dem} firms eye {A_dem} market",
    "Photo gallery: the {A_dem} delegation in {B_cap}", "Opinion: the limits of the {A}-{B} thaw",
    "{A_dem} exports to {B} hit record", "Timeline: {A}-{B} relations since 1991",
]
SITE_PARTS = (["The", ""], ["Frontier", "Capital", "Eastern", "Global", "Continental", "Harbour", "Northern",
              "Strategic", "Daily", "Morning", "Evening", "Border"],
              ["Ledger", "Dispatch", "Post", "Review", "Monitor", "Herald", "Observer", "Wire", "Tribune", "Courier"])
NAV = ["Home | World | {A} | Business | Opinion | Sport", "News :: Politics :: Region :: Defence :: Videos",
       "Home / Analysis / Asia / Europe / Podcasts / Donate", "World > Asia > Diplomacy",
       "HOME  NEWS  BUSINESS  ENERGY  OPINION  SUBSCRIBE"]
COOKIES = ["We use cookies to improve your experience. By continuing to browse you agree to our use of cookies. Accept",
           "This site uses cookies. Read our Cookie Policy to find out more. Close",
           "Cookies help us deliver our services. By using this site you consent to cookies. [OK]"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
LOCAL_MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
}
NON_ENGLISH = {
    "fr": ["{A} et {B} ont signé {when} un accord de coopération dans le domaine de l'énergie.",
           "Le projet, d'un coût estimé à {money} milliards de dollars, doit être achevé d'ici {year}.",
           "« Cet accord ouvre une nouvelle étape pour nos deux pays », a déclaré le ministre.",
           "Les échanges commerciaux entre les deux pays ont atteint {money} milliards de dollars l'an dernier.",
           "Les négociations sur le prix du gaz n'ont pas encore abouti, selon un diplomate."],
    "de": ["{A} und {B} haben {when} ein Abkommen über militärische Zusammenarbeit unterzeichnet.",
           "Das Projekt soll nach Angaben der Regierung rund {money} Milliarden Dollar kosten.",
           "„Wir wollen unsere Beziehungen auf eine neue Grundlage stellen“, sagte der Minister.",
           "Der bilaterale Handel stieg im vergangenen Jahr auf {money} Milliarden Dollar.",
           "Eine Einigung über die Finanzierung steht bislang noch aus."],
    "es": ["{A} y {B} firmaron {when} un acuerdo para ampliar el comercio de cereales.",
           "El proyecto costará unos {money} mil millones de dólares, según el gobierno.",
           "«Es un paso importante para nuestros dos países», dijo el ministro.",
           "El comercio bilateral alcanzó {money} mil millones de dólares el año pasado.",
           "Las partes todavía no han acordado el precio del suministro."],
}


# --------------------------------------------------------------------------- helpers
@dataclass
class Person:
    first: str
    last: str
    title: str          # "Foreign Minister"
    short: str          # "minister" (for "the minister said")
    country: tuple      # a COUNTRIES row

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Ctx:
    r: random.Random
    pub: dt.date
    a: tuple
    b: tuple
    c: tuple                              # a third state, for friction
    people: list[Person]
    project: str
    project_kind: tuple
    old_project: str | None
    mentioned: set = field(default_factory=set)

    def fill(self, s: str, **kw) -> str:
        a, b = self.a, self.b
        return s.format(A=a[0], B=b[0], A_dem=a[1], B_dem=b[1], A_cap=a[2], B_cap=b[2], A_port=a[3],
                        B_port=b[3], A_fm=a[4], B_fm=b[4], C=self.c[0], C_dem=self.c[1], C_cap=self.c[2],
                        project=self.project, **kw)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def money(r: random.Random, lo: float = 0.05, hi: float = 12.0) -> str:
    v = r.uniform(lo, hi)
    if v < 1:
        return f"${int(v * 1000 // 10 * 10)} million"
    return f"${v:.1f} billion".replace(".0 billion", " billion")


def quantity(r: random.Random, unit: str) -> str:
    if unit == "km":
        return f"{r.randrange(80, 2600, 10):,} km"
    if unit == "MW":
        return f"{r.randrange(100, 4000, 50):,} MW"
    if unit == "barrels_per_day":
        return f"{r.randrange(20, 400, 10) * 1000:,} barrels per day"
    return f"{r.randrange(1, 40) * 100000:,} tonnes a year"


def hedge(r: random.Random, up_to: bool = True) -> str:
    return r.choice(["", "", "about ", "roughly ", "more than ", "nearly "] + (["up to "] if up_to else []))


def person_ref(ctx: Ctx, p: Person) -> str:
    """Full name with title on first mention, surname or title afterwards."""
    if p.full not in ctx.mentioned:
        ctx.mentioned.add(p.full)
        return f"{p.country[1]} {p.title} {p.full}"
    return p.last if ctx.r.random() < 0.6 else f"the {p.short}"


# Dates: phrases resolved against the publication date, at several precisions.
def past_date(ctx: Ctx) -> str:
    r, pub = ctx.r, ctx.pub
    k = r.random()
    if k < 0.18:
        d = pub - dt.timedelta(days=r.randint(1, 6))
        return f"on {WEEKDAYS[d.weekday()]}"
    if k < 0.30:
        return r.choice(["last month", "last week", "earlier this year", "last year", "two years ago"])
    if k < 0.45 and pub.month > 1:
        return f"in {MONTHS[r.randrange(0, pub.month - 1)]}"
    if k < 0.70:
        d = pub - dt.timedelta(days=r.randint(30, 3000))
        return r.choice([f"on {d.day} {MONTHS[d.month - 1]} {d.year}", f"on {MONTHS[d.month - 1]} {d.day}, {d.year}"])
    if k < 0.85:
        d = pub - dt.timedelta(days=r.randint(60, 3000))
        return f"in {MONTHS[d.month - 1]} {d.year}"
    return f"in {pub.year - r.randint(1, 12)}"


def future_date(ctx: Ctx) -> str:
    r, pub = ctx.r, ctx.pub
    k = r.random()
    if k < 0.25:
        return r.choice(["next year", "next month", "later this year", "early next year", "within two years"])
    if k < 0.45 and pub.month < 12:
        return f"in {MONTHS[r.randrange(pub.month, 12)]}"
    if k < 0.7:
        d = pub + dt.timedelta(days=r.randint(5, 400))
        if r.random() < 0.3:
            return f"on {MONTHS[d.month - 1]} {d.day}-{d.day + 1}" if d.day < 28 else f"in {MONTHS[d.month - 1]}"
        return f"on {d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"by {pub.year + r.randint(1, 6)}"


def since_year(ctx: Ctx) -> int:
    return ctx.pub.year - ctx.r.randint(2, 15)


# --------------------------------------------------------------------------- sentences
# Each pattern is a function of the context returning one sentence. They are grouped by
# the status they express, so every article mixes completed, ongoing, planned, proposed,
# negated and denied acts.
def s_signed(ctx: Ctx) -> str:
    r = ctx.r
    p, q = ctx.people[0], ctx.people[1]
    return r.choice([
        lambda: ctx.fill("{A} and {B} signed {ag} in {loc} {d}.", ag=r.choice(AGREEMENTS),
                         loc=r.choice([ctx.a[2], ctx.b[2]]), d=past_date(ctx)),
        lambda: f"{cap(person_ref(ctx, p))} and {ctx.b[1]} counterpart {q.full} signed "
                f"{r.choice(AGREEMENTS)} {past_date(ctx)}, according to a statement from the {ctx.a[4]}.",
        lambda: ctx.fill("Officials from {A} and {B} signed {ag} worth {m} {d}.", d=past_date(ctx),
                         ag=r.choice(AGREEMENTS), m=hedge(r) + money(r)),
        lambda: ctx.fill("The two governments agreed {d} to build the {project}, a {kind} of {q} to be financed "
                         "largely by {B_dem} banks.", d=past_date(ctx), q=quantity(r, ctx.project_kind[1]),
                         kind=ctx.project_kind[0]),
    ])()


def s_held(ctx: Ctx) -> str:
    r = ctx.r
    return r.choice([
        lambda: ctx.fill("Troops from {A} and {B} held joint {ex} near {A_port} {d}, with {n} soldiers taking part.",
                         ex=r.choice(EXERCISES), d=past_date(ctx), n=hedge(r) + f"{r.randrange(80, 3000, 10):,}"),
        lambda: ctx.fill("{B_dem} and {A_dem} officials held a {nth} round of talks on {t} in {loc} {d}.",
                         nth=r.choice(["first", "second", "third", "fifth", "new"]), t=r.choice(TOPICS),
                         loc=r.choice([ctx.a[2], ctx.b[2]]), d=past_date(ctx)),
        lambda: f"{cap(person_ref(ctx, ctx.people[0]))} visited {ctx.b[2]} {past_date(ctx)} for talks on "
                f"{r.choice(TOPICS)} and {r.choice(TOPICS)}.",
        lambda: f"{cap(person_ref(ctx, ctx.people[0]))} met {person_ref(ctx, ctx.people[1])} on the sidelines "
                f"of a regional summit {past_date(ctx)}.",
    ])()


def s_delivered(ctx: Ctx) -> str:
    r = ctx.r
    hw, _ = r.choice(HARDWARE)
    n = r.choice(list(NUM_WORDS))
    return r.choice([
        lambda: ctx.fill("{B} delivered {n} {hw} to {A} {d}, completing an order placed {d2}.", n=NUM_WORDS[n], hw=hw,
                         d=past_date(ctx), d2=past_date(ctx)),
        lambda: ctx.fill("The first cargo of {B_dem} {c} reached {A_port} {d}, carrying {h}{t:,} tonnes.",
                         c=r.choice(COMMODITIES), d=past_date(ctx), h=hedge(r), t=r.randrange(10, 120) * 1000),
        lambda: ctx.fill("{B_cap} extended a loan of {m} to {A} {d} to shore up its foreign reserves.",
                         m=money(r, 0.2, 6), d=past_date(ctx)),
        lambda: ctx.fill("{B_cap} lifted its embargo on arms sales to {A} {d}.", d=past_date(ctx)),
    ])()


def s_ongoing(ctx: Ctx) -> str:
    r = ctx.r
    return r.choice([
        lambda: ctx.fill("The two sides are negotiating {ag}, officials said.", ag=r.choice(AGREEMENTS)),
        lambda: ctx.fill("{B_dem} engineers have been working on the {project} since {y}.", y=since_year(ctx)),
        lambda: ctx.fill("{B} has been supplying {c} to {A} on deferred payment terms since {y}.",
                         c=r.choice(COMMODITIES), y=since_year(ctx)),
        lambda: ctx.fill("The two armies have held annual {ex} since {y}.", ex=r.choice(EXERCISES), y=since_year(ctx)),
    ])()


def s_planned(ctx: Ctx) -> str:
    r = ctx.r
    p = r.choice(ctx.people[:2])
    return r.choice([
        lambda: f"{cap(person_ref(ctx, p))} will visit {ctx.b[2] if p.country is ctx.a else ctx.a[2]} "
                f"{future_date(ctx)}, the {ctx.a[4]} said.",
        lambda: ctx.fill("Construction of the {project} is expected to begin {d}.", d=future_date(ctx)),
        lambda: ctx.fill("{B} is set to deliver {n} {hw} to {A} {d}.", n=NUM_WORDS[r.choice(list(NUM_WORDS))],
                         hw=r.choice(HARDWARE)[0], d=future_date(ctx)),
        lambda: ctx.fill("The next round of talks is scheduled for {d} in {loc}.", d=future_date(ctx),
                         loc=r.choice([ctx.a[2], ctx.b[2]])),
        lambda: ctx.fill("{A} plans to import {h}{t:,} tonnes of {B_dem} {c} {d}.", h=hedge(r),
                         t=r.randrange(50, 3000) * 1000, c=r.choice(COMMODITIES), d=future_date(ctx)),
    ])()


def s_proposed(ctx: Ctx) -> str:
    r = ctx.r
    return r.choice([
        lambda: ctx.fill("{A} could buy {hw} from {B} if financing is found, analysts said.", hw=r.choice(HARDWARE)[0]),
        lambda: ctx.fill("The two countries might set up a joint commission on {t}.", t=r.choice(TOPICS)),
        lambda: ctx.fill("Officials said {A} was interested in importing {c} from {B}.", c=r.choice(COMMODITIES)),
        lambda: ctx.fill("{B_dem} firms could invest {m} in the {project}, according to one estimate.",
                         m=hedge(r) + money(r)),
        lambda: ctx.fill("{A} should seek a free trade agreement with {B}, a parliamentary committee said."),
    ])()


def s_negated(ctx: Ctx) -> str:
    r = ctx.r
    return r.choice([
        lambda: ctx.fill("{A} has not yet received the {hw} it ordered {d}.", hw=r.choice(HARDWARE)[0], d=past_date(ctx)),
        lambda: ctx.fill("Construction of the {project} has not yet begun."),
        lambda: "No agreement was signed during the visit.",
        lambda: ctx.fill("The two governments have not agreed on a price for the {c}.", c=r.choice(COMMODITIES)),
        lambda: ctx.fill("{B} did not send a minister to the ceremony in {A_cap}."),
    ])()


def s_friction(ctx: Ctx) -> str:
    r = ctx.r
    return r.choice([
        lambda: ctx.fill("{C} lodged a protest with {B} {d} over the planned arms sales to {A}.", d=past_date(ctx)),
        lambda: ctx.fill("{A_cap} denied reports that it had supplied ammunition to {C}."),
        lambda: ctx.fill("The {B_dem} embassy rejected claims that the drills were aimed at {C}."),
        lambda: ctx.fill("{A} summoned the {B_dem} ambassador {d} to protest against remarks by a {B_dem} official.",
                         d=past_date(ctx)),
        lambda: f"{cap(person_ref(ctx, ctx.people[1]))} accused {ctx.a[0]} of dragging its feet on the "
                f"{ctx.project}.",
        lambda: ctx.fill("{C} imposed sanctions on {B_dem} banks {d}, complicating payments for {A_dem} buyers.",
                         d=past_date(ctx)),
    ])()


def s_trade(ctx: Ctx) -> str:
    """One or two bilateral-trade figures for stated years, sometimes a growth rate."""
    r = ctx.r
    y = ctx.pub.year - r.randint(1, 3)
    v1 = r.uniform(0.1, 30)
    growth = r.randint(-20, 60)
    v0 = v1 / (1 + growth / 100)
    def fm(v):
        return f"${int(v * 1000 // 10 * 10)} million" if v < 1 else f"${v:.1f} billion"
    return r.choice([
        lambda: f"Bilateral trade stood at {hedge(r, False)}{fm(v1)} in {y}, up from {fm(v0)} in {y - 1}." if growth > 0 else
                f"Bilateral trade fell to {fm(v1)} in {y} from {fm(v0)} a year earlier.",
        lambda: f"Trade between the two countries {'rose' if growth > 0 else 'fell'} {abs(growth)} per cent "
                f"last year to {hedge(r, False)}{fm(v1)}.",
        lambda: ctx.fill("According to the {A_fm}, two-way trade was worth {h}{v} in {y}.", h=hedge(r, False), v=fm(v1), y=y),
        lambda: f"Officials put bilateral trade at {fm(v1)} last year and want to reach "
                f"{fm(v1 * r.choice([2, 3, 5]))} by {ctx.pub.year + r.randint(2, 6)}.",
    ])()


def s_rename(ctx: Ctx) -> str:
    return ctx.fill("The project, first agreed as the {old} in {y}, was renamed the {project} {d}.",
                    old=ctx.old_project, y=since_year(ctx), d=past_date(ctx))


def s_opinion(ctx: Ctx) -> str:
    return ctx.r.choice([
        "Ties have warmed steadily over the past decade, though from a low base.",
        "The relationship remains long on agreements and short on delivery.",
        ctx.fill("For {A}, the attraction is cheaper energy and a second source of weapons."),
        ctx.fill("Diplomats in {B_cap} describe the mood as cautiously optimistic."),
        "Much depends on financing, which neither side has yet secured.",
    ])


def s_quote(ctx: Ctx) -> str:
    r = ctx.r
    body = ctx.fill(r.choice(QUOTE_BODIES))
    if r.random() < 0.35:
        first, last = r.choice(FIRST), r.choice(LAST)
        role = r.choice(ANALYST_ROLES).format(cap=r.choice([ctx.a[2], ctx.b[2]]), reg=r.choice(REGIONS),
                                              port=ctx.a[3])
        return f"\u201c{body},\u201d said {first} {last}, {role}."
    p = r.choice(ctx.people[:3])
    ref = person_ref(ctx, p)
    return r.choice([
        f"\u201c{body},\u201d {ref} said.",
        f"\u201c{body},\u201d said {ref}.",
        f"{cap(ref)} told reporters: \u201c{body}.\u201d",
    ])


BUCKETS = [(s_signed, 3), (s_held, 3), (s_delivered, 2), (s_ongoing, 2), (s_planned, 3), (s_proposed, 2),
           (s_negated, 2), (s_friction, 2), (s_opinion, 2), (s_quote, 3)]
_FUNCS = [f for f, w in BUCKETS for _ in range(w)]


# --------------------------------------------------------------------------- article
@dataclass
class Article:
    id: str
    url: str
    site: str
    title: str
    author: str
    published: dt.date
    paragraphs: list[str]
    language: str
    comments: list[tuple[str, str, str]]   # (user, date line, text)
    related: list[str]
    nav: str
    cookie: str
    share: str


def make_people(r: random.Random, a: tuple, b: tuple) -> list[Person]:
    people = []
    for country in (a, b, a, b):
        title, short = r.choice(OFFICIAL_TITLES)
        people.append(Person(r.choice(FIRST), r.choice(LAST), title, short, country))
    if r.random() < 0.2:            # two people sharing a surname, a resolver trap
        people[2].last = people[0].last
    seen = set()
    for p in people:                 # no two people with one full name
        while p.full in seen:
            p.first = r.choice(FIRST)
        seen.add(p.full)
    return people


def make_article(seed: int, i: int) -> Article:
    r = random.Random(f"{seed}:{i}")
    a, b, c = r.sample(COUNTRIES, 3)
    pub = dt.date(2005, 1, 1) + dt.timedelta(days=r.randrange(0, 7300))
    kind = r.choice(PROJECT_KINDS)
    pname = f"{r.choice(PROJECT_WORDS)} {kind[0]}"
    old = f"{r.choice(PROJECT_WORDS)} {kind[0]}" if r.random() < 0.15 else None
    if old == pname:
        old = None
    ctx = Ctx(r, pub, a, b, c, make_people(r, a, b), pname, kind, old)
    site = " ".join(w for w in (r.choice(SITE_PARTS[0]), r.choice(SITE_PARTS[1]), r.choice(SITE_PARTS[2])) if w)
    author = f"{r.choice(FIRST)} {r.choice(LAST)}"
    lang = "en"
    if r.random() < 0.02:
        lang = r.choice(sorted(NON_ENGLISH))
        month = LOCAL_MONTHS[lang][pub.month - 1]
        when = {"fr": f"le {pub.day} {month}", "de": f"am {pub.day}. {month}", "es": f"el {pub.day} de {month}"}[lang]
        paras = [s.format(A=a[0], B=b[0], when=when, money=f"{r.uniform(0.5, 9):.1f}".replace(".", ","),
                          year=pub.year + 3) for s in NON_ENGLISH[lang]]
        title = {"fr": f"{a[0]} et {b[0]} signent un accord", "de": f"{a[0]} und {b[0]} unterzeichnen Abkommen",
                 "es": f"{a[0]} y {b[0]} firman un acuerdo"}[lang]
    else:
        lead = cap(s_signed(ctx) if r.random() < 0.6 else s_held(ctx))
        if r.random() < 0.5:            # a dateline, as wire copy has
            lead = f"{a[2].upper()}: {lead}"
        paras = [lead]
        # varying length, news briefs to long analyses: about 80 to 1,400 words
        n_par = r.choice([3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 20])
        for _ in range(n_par):
            paras.append(" ".join(cap(r.choice(_FUNCS)(ctx)) for _ in range(r.choice([1, 2, 2, 3, 3, 4]))))
        if r.random() < 0.6:
            trade = cap(s_trade(ctx)) + (" " + cap(s_trade(ctx)) if r.random() < 0.4 else "")
            paras.insert(r.randint(1, len(paras)), trade)
        if old:
            paras.insert(r.randint(1, len(paras)), cap(s_rename(ctx)))
        if r.random() < 0.15:            # a paragraph the page repeats verbatim
            k = r.randrange(1, len(paras))
            paras.insert(min(len(paras), k + r.choice([0, 1, 2])), paras[k])
        title = r.choice([
            "{A} and {B} sign deal as ties deepen", "{B_dem} minister in {A_cap} for talks on {t}",
            "{A} eyes {B_dem} {c} as talks stall on {project}", "Analysis: what {A} wants from {B}",
            "{A}-{B} drills draw protest from {C}", "First {B_dem} {c} cargo reaches {A}",
        ])
        title = cap(ctx.fill(title, t=r.choice(TOPICS), c=r.choice(COMMODITIES)))
    comments = []
    if r.random() < 0.4:
        for k in range(r.randint(1, 6)):
            d = pub + dt.timedelta(days=r.randint(0, 3))
            comments.append((r.choice(COMMENTERS), f"{MONTHS[d.month - 1]} {d.day}, {d.year} at "
                             f"{r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(['am', 'pm'])}",
                             r.choice(COMMENT_TEXTS)))
    related = [ctx.fill(x, t=r.choice(TOPICS)) for x in r.sample(RELATED, r.randint(2, 4))]
    slug = "-".join(title.lower().replace(":", "").split()[:8])
    domain = site.lower().replace("the ", "").replace(" ", "") + ".example"
    return Article(
        id=f"gen-{i:06d}", url=f"https://{domain}/{pub.year}/{pub.month:02d}/{slug}", site=site, title=title,
        author=author, published=pub, paragraphs=paras, language=lang, comments=comments, related=related,
        nav=ctx.fill(r.choice(NAV)), cookie=r.choice(COOKIES),
        share=f"Share {r.randint(0, 900)}   Tweet   Email")


# --------------------------------------------------------------------------- render
def date_line(art: Article, r: random.Random) -> str:
    d = art.published
    return r.choice([
        f"Published: {WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{MONTHS[d.month - 1]} {d.day}, {d.year}", f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{d.isoformat()}", f"Updated {d.day:02d}/{d.month:02d}/{d.year} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
    ])


def render_txt(art: Article) -> str:
    r = random.Random(art.id + art.title)   # page furniture choices, also deterministic
    out = [art.site, art.nav, art.cookie, "", art.title, "",
           ("Par " if art.language == "fr" else "Von " if art.language == "de" else "Por " if art.language == "es"
            else "By ") + art.author, date_line(art, r), "", art.share, ""]
    for p in art.paragraphs:
        out += [p, ""]
    out += ["Related articles"] + [f"- {x}" for x in art.related] + [""]
    if art.comments:
        out += [f"{len(art.comments)} Comment{'s' if len(art.comments) > 1 else ''}", ""]
        for user, when, text in art.comments:
            out += [f"{user} says:", when, text, "Reply", ""]
        out += ["Leave a Reply", ""]
    out += ["About Us | Contact | Privacy Policy | Terms",
            f"\u00a9 {art.published.year} {art.site}. All rights reserved."]
    return "\n".join(out) + "\n"


def render_html(art: Article, fragment: bool = False) -> str:
    e = htmlmod.escape
    body = "\n".join(f"<p>{e(p)}</p>" for p in art.paragraphs)
    rel = "".join(f"<li><a href=\"#\">{e(x)}</a></li>" for x in art.related)
    com = ""
    if art.comments:
        com = (f"<section class=\"comments\"><h3>{len(art.comments)} Comments</h3><ol>"
               + "".join(f"<li><strong>{e(u)}</strong> says: <time>{e(w)}</time><p>{e(t)}</p>"
                         f"<a href=\"#\">Reply</a></li>" for u, w, t in art.comments) + "</ol></section>")
    page = (f"<nav>{e(art.nav)}</nav>\n<div class=\"cookie\">{e(art.cookie)}</div>\n<article>\n<h1>{e(art.title)}</h1>\n"
            f"<p class=\"byline\">By {e(art.author)}</p>\n<time datetime=\"{art.published.isoformat()}\">"
            f"{art.published.day} {MONTHS[art.published.month - 1]} {art.published.year}</time>\n"
            f"<div class=\"share\">{e(art.share)}</div>\n{body}\n</article>\n"
            f"<aside><h3>Related articles</h3><ul>{rel}</ul></aside>\n{com}\n"
            f"<footer>&copy; {art.published.year} {e(art.site)}. All rights reserved.</footer>")
    if fragment:
        return page
    return (f"<!DOCTYPE html>\n<html lang=\"{art.language}\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{e(art.title)} | {e(art.site)}</title>\n"
            f"<meta property=\"og:title\" content=\"{e(art.title)}\">\n"
            f"<meta property=\"og:site_name\" content=\"{e(art.site)}\">\n"
            f"<meta name=\"author\" content=\"{e(art.author)}\">\n"
            f"<meta property=\"article:published_time\" content=\"{art.published.isoformat()}T08:00:00+00:00\">\n"
            f"</head>\n<body>\n{page}\n</body>\n</html>\n")


def record(art: Article) -> dict:
    rec = {"id": art.id, "url": art.url, "title": art.title, "author": art.author,
           "published": art.published.isoformat()}
    if int(art.id[4:]) % 10 == 7:       # a tenth of the records carry html, like real dumps
        rec["html"] = render_html(art, fragment=True)
    else:
        rec["text"] = render_txt(art)
    return rec


# --------------------------------------------------------------------------- driver
def generate(out: str | os.PathLike, n: int, seed: int = 0, fmt: str = "txt", per_file: int = 1000,
             start: int = 0) -> dict:
    """Write documents ``start .. start+n-1`` under ``out``; return the manifest."""
    if fmt not in ("txt", "html", "jsonl"):
        raise ValueError(f"unknown format {fmt!r} (txt, html or jsonl)")
    if n < 0 or per_file < 1:
        raise ValueError("n must be >= 0 and per_file >= 1")
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    files, nbytes, langs = [], 0, {}
    if fmt == "jsonl":
        fh, part = None, None
        for i in range(start, start + n):
            k = i // per_file
            if k != part:
                if fh:
                    fh.close()
                part = k
                name = f"part-{k:05d}.jsonl"
                fh = open(root / name, "w", encoding="utf-8", newline="\n")
                files.append(name)
            art = make_article(seed, i)
            langs[art.language] = langs.get(art.language, 0) + 1
            line = json.dumps(record(art), ensure_ascii=False) + "\n"
            nbytes += len(line.encode("utf-8"))
            fh.write(line)
        if fh:
            fh.close()
    else:
        for i in range(start, start + n):
            art = make_article(seed, i)
            langs[art.language] = langs.get(art.language, 0) + 1
            text = render_txt(art) if fmt == "txt" else render_html(art)
            sub = root / f"{i // BUCKET:04d}"
            sub.mkdir(exist_ok=True)
            path = sub / f"{art.id}.{fmt}"
            data = text.encode("utf-8")
            path.write_bytes(data)
            nbytes += len(data)
            files.append(str(path.relative_to(root)))
    manifest = {"generator": GENERATOR, "seed": seed, "format": fmt, "start": start, "documents": n,
                "files": len(files), "bytes": nbytes, "languages": dict(sorted(langs.items()))}
    (root / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a synthetic bilateral-relations corpus (deterministic).")
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--format", choices=("txt", "html", "jsonl"), default="txt")
    ap.add_argument("--per-file", type=int, default=1000, help="jsonl records per file")
    ap.add_argument("--start", type=int, default=0, help="index of the first article (to regenerate a slice)")
    args = ap.parse_args(argv)
    m = generate(args.out, args.n, args.seed, args.format, args.per_file, args.start)
    print(f"wrote {m['documents']} articles in {m['files']} files ({m['bytes'] / 1e6:.1f} MB) to {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
