"""Near-duplicate documents (one article syndicated twice): flagged, never merged.

A 64-bit simhash over word 4-shingles of the cleaned body; two documents whose
fingerprints differ in at most ``MAX_BITS`` bits are near-duplicates. Blocking by
four 16-bit bands keeps the comparison sub-quadratic (two fingerprints within 3
bits share at least one band exactly).
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict

MAX_BITS = 3
MIN_WORDS = 40          # shorter bodies are too small to call duplicates safely
_WORD = re.compile(r"\w+", re.UNICODE)


def simhash(text: str, shingle: int = 4) -> str | None:
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    acc = [0] * 64
    for i in range(len(words) - shingle + 1):
        h = int.from_bytes(hashlib.blake2b(" ".join(words[i:i + shingle]).encode(), digest_size=8).digest(), "big")
        for b in range(64):
            acc[b] += 1 if (h >> b) & 1 else -1
    value = sum(1 << b for b in range(64) if acc[b] > 0)
    return f"{value:016x}"


def near_duplicates(docs: list[tuple[str, str | None, str | None]]) -> dict[str, str]:
    """{duplicate doc_id: original doc_id} for (doc_id, simhash, published) triples.

    The original is the earliest published (then the smallest id), so the mapping
    does not depend on input order.
    """
    keyed = [(d, int(h, 16), p or "9999") for d, h, p in docs if h]
    bands: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (_, h, _) in enumerate(keyed):
        for band in range(4):
            bands[(band, (h >> (16 * band)) & 0xFFFF)].append(i)
    parent = list(range(len(keyed)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in bands.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = members[x], members[y]
                if bin(keyed[a][1] ^ keyed[b][1]).count("1") <= MAX_BITS:
                    parent[find(a)] = find(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(keyed)):
        groups[find(i)].append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        ordered = sorted(members, key=lambda i: (keyed[i][2], keyed[i][0]))
        for i in ordered[1:]:
            out[keyed[i][0]] = keyed[ordered[0]][0]
    return out
