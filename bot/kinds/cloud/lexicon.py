"""Latin-script words → the entries that use them, for candidate lookup before rapidfuzz.

The cloud kind used to compare an English message or an error code with every row
(``process.extract`` over all of them), so each question cost more as the tables grew. A
:class:`Lexicon` finds the entries worth comparing instead: those sharing a word with the
question, where a word may also be misspelt by one letter (``unauthroized``), run together
with the next (``invalidparameter``) or carry a prefix (``unauthorized`` holds
``authorized``). Words used by more than ``common`` entries (the, not, specified) find no
candidates of their own while the question has a rarer word as written: a table twice the
size has those words twice as often, and following them would make the lookup grow with it.

Build: linear in the words (the postings, and the words sorted twice for :class:`OneEdit`).
Lookup: a word as written is one probe; an unknown one is looked up among the words one edit
away and by its substrings; then the postings of the rarer words found are joined.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import cast

from rapidfuzz.distance import OSA

MIN_TYPO_LEN = 4  # shorter words have too many one-letter neighbours to mean anything
MIN_PART_LEN = 3  # a vocabulary word found inside a longer token ("authorized", "api")
MIN_SPLIT_LEN = 6  # shorter tokens are not searched for parts
LAST = "\U0010ffff"  # sorts after every character: the end of a prefix range
MAX_TOKEN = 100  # longer tokens are not searched for parts (no code or word is this long)


class Lexicon:
    def __init__(self, common: int) -> None:
        self.common = common  # a word in more entries than this finds none by itself
        self._postings: dict[str, Sequence[int]] = {}  # lists until freeze, then tuples
        self._near: OneEdit | None = None
        self._longest = 0
        self._heads: dict[str, int] = {}  # a word's first MIN_PART_LEN letters -> longest such word
        # A vocabulary word -> the words inside it, for those that hold any (worked out once
        # at freeze: most words of a question are vocabulary words, and their parts were
        # searched letter by letter on every question).
        self._parts: dict[str, tuple[str, ...]] = {}

    def add(self, words: Iterable[str], entry: int) -> None:
        """Index ``entry`` under each of ``words`` (entries must be added in increasing order)."""
        postings = self._postings
        for word in words:
            posting = postings.get(word)
            if posting is None:  # not setdefault: its default list was built for every word
                postings[word] = [entry]
            elif posting[-1] != entry:
                cast(list[int], posting).append(entry)

    def freeze(self) -> None:
        """Sort the words for the one-edit lookup once every word is in. The postings become
        tuples, equal ones shared (a one-entry list is 88 bytes, the tuple 48, and most words
        of a message or code are in that entry alone)."""
        tuples: dict[tuple[int, ...], tuple[int, ...]] = {}
        postings: dict[str, Sequence[int]] = self._postings
        for word, entries in postings.items():
            found = tuple(entries)
            postings[word] = tuples.setdefault(found, found)
        self._near = OneEdit(w for w in self._postings if len(w) >= MIN_TYPO_LEN)
        self._longest = max(map(len, self._postings), default=0)
        for word in self._postings:
            if len(word) >= MIN_PART_LEN:
                head = word[:MIN_PART_LEN]
                self._heads[head] = max(self._heads.get(head, 0), len(word))
        for word in self._postings:
            parts = self._parts_of(word)
            if parts:
                self._parts[word] = tuple(sorted(parts))

    def __len__(self) -> int:
        return len(self._postings)

    def df(self, word: str) -> int:
        return len(self._postings.get(word, ()))

    def words_for(self, token: str) -> set[str]:
        """Vocabulary words ``token`` may stand for: itself, one letter off, or its parts."""
        if token in self._postings:
            # A word as written is no misspelling of its neighbours; its parts are known.
            found = {token}
            found.update(self._parts.get(token, ()))
            return found
        found = set(self._near(token)) if len(token) >= MIN_TYPO_LEN else set()
        found.update(self._parts_of(token))
        return found

    def _parts_of(self, token: str) -> list[str]:
        """Vocabulary words inside ``token``: words run together ("invalidparameter") or
        prefixed ("unauthorized")."""
        found: list[str] = []
        if not MIN_SPLIT_LEN <= len(token) <= MAX_TOKEN:
            return found
        postings, heads = self._postings, self._heads
        longest = min(self._longest, len(token) - 1)  # proper parts only
        for i in range(len(token) - MIN_PART_LEN + 1):
            # Only where some word starts, and only as far as the longest of those goes.
            most = heads.get(token[i : i + MIN_PART_LEN])
            if most is None:
                continue
            for j in range(i + MIN_PART_LEN, min(len(token), i + min(longest, most)) + 1):
                if token[i:j] in postings:
                    found.append(token[i:j])
        return found

    def candidates(self, tokens: Iterable[str]) -> Sequence[int]:
        """Entries sharing a word with ``tokens`` (see the module's notes), ascending.

        The rarer words pick the entries. Words as written weigh more than guesses (a
        neighbour one letter off, a part): when no word as written is rare, the least common
        of them picks its entries too, beside the guesses (``APIG.0420`` is an APIG code,
        whichever one it misspells).
        """
        written: set[str] = set()
        words: set[str] = set()
        postings = self._postings
        for token in tokens:
            if token in postings:
                written.add(token)
            words |= self.words_for(token)
        if not words:
            return []
        rare = {w for w in words if len(postings[w]) <= self.common}
        if not rare & written:  # only everyday words as written: the least common stands in
            rare.add(min(written or words, key=lambda w: (len(postings[w]), w)))
        if len(rare) == 1:
            return postings[next(iter(rare))]
        return sorted(set(chain.from_iterable(map(postings.__getitem__, rare))))  # merged in C


class OneEdit:
    """The strings of a set one edit from a token: a letter missing, added, replaced, or two
    neighbours swapped.

    One edit leaves the first or the last ``(n - 1) // 2`` letters of an ``n``-letter token
    as they were (an edit at position p keeps the p letters before it and at least the
    n - p - 2 after it; the larger of the two is at least that), so the strings sharing
    that prefix (a range of the sorted strings) or that suffix (a range of the sorted
    reversed strings) hold every neighbour; rapidfuzz's
    OSA distance then keeps the true ones. Two bisections instead of probing ~70 variants per
    letter, and nothing to build but two sorted lists.
    """

    def __init__(self, strings: Iterable[str]) -> None:
        # By length: one edit changes the length by one at most, so only three of these
        # are ranged over (the ranges of all lengths together were several times longer).
        by_length: dict[int, list[str]] = {}
        for s in set(strings):
            by_length.setdefault(len(s), []).append(s)
        self._by_length = {
            n: (sorted(group), sorted(s[::-1] for s in group)) for n, group in by_length.items()
        }

    def __call__(self, token: str) -> list[str]:
        """The neighbours of ``token``, in no particular order."""
        n = (len(token) - 1) // 2
        near: set[str] = set()
        for size in (len(token) - 1, len(token), len(token) + 1):
            group = self._by_length.get(size)
            if group is None:
                continue
            ordered, reversed_ = group
            if n < 1:  # two letters or fewer: any of them may change
                near.update(ordered)
            else:
                near.update(_starting(ordered, token[:n]))
                near.update(s[::-1] for s in _starting(reversed_, token[::-1][:n]))
        return [s for s in near if OSA.distance(token, s, score_cutoff=1) <= 1]


def _starting(ordered: list[str], prefix: str) -> list[str]:
    lo = bisect_left(ordered, prefix)
    return ordered[lo : bisect_left(ordered, prefix + LAST, lo)]
