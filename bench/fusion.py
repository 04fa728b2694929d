"""Fusion benchmark: cluster_events and find_conflicts on synthetic events.

    .venv/bin/python bench/fusion.py            # 1k, 10k
    .venv/bin/python bench/fusion.py --full     # 1k, 10k, 100k

Synthetic corpus: documents of ~8 events each about a few dozen country pairs, with
recurring acts (each real act reported by 1-4 documents, in different wording and at
different date precisions) so clusters form as in news. Prints CPU seconds per size, compared pairs per event
(bounded by the blocking window) and the growth ratio between sizes (10x more events should cost ~10x, not 100x).
"""
from __future__ import annotations

import argparse
import random
import sys
import time

from tieline.fuse import cluster_events, find_conflicts
from tieline.fuse.cluster import _features, candidate_pairs
from tieline.model import Amount, Event

COUNTRIES = ["PAK", "RUS", "IND", "CHN", "USA", "TUR", "IRN", "AFG", "DEU", "EGY", "JPN", "SAU",
             "BRA", "CHL", "PER", "NOR", "SWE", "KOR", "UZB", "KAZ"]
ACTS = [("AGREE", "sign_agreement", "signed an agreement on {s}"),
        ("CONSULT", "meet", "held talks on {s}"),
        ("CONSULT", "visit", "paid a visit to discuss {s}"),
        ("COOPERATE", "trade", "agreed to ship {s} supplies"),
        ("COOPERATE", "military_exercise", "held joint drills on {s}"),
        ("ACCUSE", "accusation", "accused the other side over {s}"),
        ("SANCTION", "sanction", "imposed sanctions over {s}")]
SUBJECTS = ["energy", "gas", "oil", "rail", "ports", "wheat", "steel", "drones", "nuclear power",
            "counter-terrorism", "banking", "visas", "fisheries", "copper", "shipping"]


def synth(n: int, seed: int = 7) -> list[Event]:
    rnd = random.Random(seed)
    events: list[Event] = []
    doc = 0
    while len(events) < n:
        # a real act, told by 1-4 documents
        a, b = rnd.sample(COUNTRIES[:12] if rnd.random() < .8 else COUNTRIES, 2)
        typ, mode, verb = rnd.choice(ACTS)
        subj = rnd.choice(SUBJECTS)
        y, m, d = rnd.randint(2000, 2024), rnd.randint(1, 12), rnd.randint(1, 28)
        value = rnd.choice([None, None, rnd.randint(1, 90) * 1e8])
        for _ in range(rnd.choice([1, 1, 2, 3, 4])):
            doc += 1
            prec = rnd.choice([0, 1, 2, 3, 3])
            date = [None, f"{y}", f"{y}-{m:02d}", f"{y}-{m:02d}-{d:02d}"][prec]
            text = f"{a} and {b} {verb.format(s=subj)}" + rnd.choice(["", " officials said", " on Tuesday"])
            events.append(Event(
                doc_id=f"doc{doc // 3}", start=(doc % 3) * 200, end=(doc % 3) * 200 + len(text),
                evidence=text, type=typ, mode=mode, date=date,
                status=rnd.choice(["occurred", "occurred", "ongoing", "planned"]),
                countries=(a, b), source=(a, b), target=(),
                amounts=(Amount(value, "USD"),) if value else ()))
    return events[:n]


def run(n: int) -> tuple[float, float, int, float]:
    """(cluster CPU s, conflict CPU s, clusters, compared pairs per event).

    CPU time (process_time), not wall time: a shared machine's load would otherwise
    decide the ratios."""
    events = synth(n)
    t0 = time.process_time()
    clusters = cluster_events(events, {})
    t1 = time.process_time()
    find_conflicts(events, [], [], {}, clusters=clusters)
    t2 = time.process_time()
    feats = [_features(e) for e in events]
    pairs = sum(1 for _ in candidate_pairs(events, feats))
    return t1 - t0, t2 - t1, len(clusters), pairs / n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="also run 100k events")
    ap.add_argument("--sizes", type=int, nargs="*")
    args = ap.parse_args(argv)
    sizes = args.sizes or ([1000, 10000, 100000] if args.full else [1000, 10000])
    prev = None
    print(f"{'events':>8} {'cluster s':>10} {'conflict s':>11} {'clusters':>9} {'pairs/event':>12} {'ratio':>7}")
    for n in sizes:
        tc, tf, k, ppe = run(n)
        total = tc + tf
        ratio = f"{total / prev:.1f}x" if prev else "-"
        print(f"{n:>8} {tc:>10.2f} {tf:>11.2f} {k:>9} {ppe:>12.1f} {ratio:>7}")
        sys.stdout.flush()
        prev = total
    return 0


if __name__ == "__main__":
    sys.exit(main())
