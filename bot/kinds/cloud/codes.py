"""Documented error codes for the lookups that are not exact: a truncated paste (a prefix)
and a misspelling (rapidfuzz ratio ≥ ``TYPO_CUTOFF``).

Both used to scan every code. A prefix is now a range of the sorted lower-case codes
(bisection); a misspelling is compared only with the codes one edit away from it
(:class:`OneEdit`) and those sharing a rarer segment with it (``ImageId`` → image, id; a
segment may itself be one letter off), through a :class:`Lexicon` of segments. Results keep the old order: codes in sorted order, typos by
score and then by that order.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from sys import intern

from rapidfuzz import fuzz, process

from bot.kinds.cloud.lexicon import LAST, Lexicon, OneEdit

TYPO_CUTOFF = 88
COMMON_SEGMENT = 200  # a segment in more codes than this (invalid, not, found) picks none
_SEGMENT_RE = re.compile(r"[A-Za-z0-9]+")
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def segments(code: str) -> list[str]:
    """``InvalidImageId.NotFound`` → invalid, image, id, not, found."""
    return [s.lower() for part in _SEGMENT_RE.findall(code) for s in _CAMEL_RE.split(part) if s]


class CodeTable:
    def __init__(self, codes: Iterable[str]) -> None:
        self.codes = sorted(codes)
        # Interned: the index's own tables key the same lower-case codes and segments.
        self.folded = [intern(c.lower()) for c in self.codes]
        order = sorted(range(len(self.codes)), key=lambda i: self.folded[i])
        self._sorted_keys = [self.folded[i] for i in order]
        self._sorted_at = order  # position in self.codes of each sorted key
        self._segments = Lexicon(common=COMMON_SEGMENT)
        for i, code in enumerate(self.codes):
            self._segments.add([intern(s) for s in segments(code)], i)
        self._segments.freeze()
        by_folded: dict[str, list[int]] = {}
        for i, key in enumerate(self.folded):
            by_folded.setdefault(key, []).append(i)
        # Tuples: nearly every code folds to itself alone (a one-item list is 88 bytes, the tuple 48).
        self._by_folded = {key: tuple(ids) for key, ids in by_folded.items()}
        self._near = OneEdit(self.folded)

    def uses(self, segment: str) -> int:
        """How many codes' names hold ``segment`` (a lower-case word of :func:`segments`)."""
        return self._segments.df(segment)

    def starting_with(self, lowered: str, most: int) -> list[str]:
        """Codes whose lower case starts with ``lowered``, in sorted order; [] past ``most``."""
        lo = bisect_left(self._sorted_keys, lowered)
        hi = bisect_left(self._sorted_keys, lowered + LAST, lo)
        if hi - lo > most:
            return []
        return [self.codes[i] for i in sorted(self._sorted_at[lo:hi])]

    def near(self, token: str, limit: int = 3) -> list[tuple[str, float]]:
        """(code, ratio) of the ``limit`` codes most like ``token`` at TYPO_CUTOFF or above."""
        lowered = token.lower()
        found_ids = set(self._segments.candidates(segments(token)))
        for key in self._near(lowered):
            found_ids.update(self._by_folded[key])
        if not found_ids:
            return []
        ids = sorted(found_ids)
        found = process.extract(
            lowered,
            [self.folded[i] for i in ids],
            scorer=fuzz.ratio,
            limit=limit,
            score_cutoff=TYPO_CUTOFF,
        )
        return [(self.codes[ids[j]], sim) for _, sim, j in found]
