"""Latin-script words → the entries that use them, for candidate lookup before rapidfuzz.

The cloud kind used to compare an English message or an error code with every row
(``process.extract`` over all of them), so each question cost more as the tables grew. A
:class:`Lexicon` finds the entries worth comparing instead: those sharing a word with the
question, where a word may also be misspelt by one letter (``unauthroized``), run together
with the next (``invalidparameter``) or carry a prefix (``unauthorized`` holds
``authorized``). Words used by more than ``common`` entries (the, not, specified) find no
candidates of their own while the question has a rarer word: a table twice the size has
those words twice as often, and following them would make the lookup grow with it.

Build: linear in the words. Lookup: per question word, a few dictionary probes per letter
(its one-letter deletions, its long substrings), then the postings of the rarer words found.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_TYPO_LEN = 4  # shorter words have too many one-letter neighbours to mean anything
MIN_PART_LEN = 3  # a vocabulary word found inside a longer token ("authorized", "api")
MIN_SPLIT_LEN = 6  # shorter tokens are not searched for parts
MAX_TOKEN = 100  # longer tokens are not searched for parts (no code or word is this long)


class Lexicon:
    def __init__(self, common: int) -> None:
        self.common = common  # a word in more entries than this finds none by itself
        self._postings: dict[str, list[int]] = {}
        self._deletes: dict[str, list[str]] = {}  # a word less one letter -> the words
        self._longest = 0

    def add(self, words: Iterable[str], entry: int) -> None:
        """Index ``entry`` under each of ``words`` (entries must be added in increasing order)."""
        for word in words:
            posting = self._postings.setdefault(word, [])
            if not posting or posting[-1] != entry:
                posting.append(entry)

    def freeze(self) -> None:
        """Build the one-letter-deletion table once every word is in."""
        deletes: dict[str, list[str]] = {}
        for word in self._postings:
            if len(word) >= MIN_TYPO_LEN:
                for d in _deletions(word):
                    deletes.setdefault(d, []).append(word)
        self._deletes = deletes
        self._longest = max(map(len, self._postings), default=0)

    def __len__(self) -> int:
        return len(self._postings)

    def df(self, word: str) -> int:
        return len(self._postings.get(word, ()))

    def words_for(self, token: str) -> set[str]:
        """Vocabulary words ``token`` may stand for: itself, one letter off, or its parts."""
        found: set[str] = set()
        postings = self._postings
        if token in postings:
            found.add(token)  # a word as written is no misspelling of its neighbours
        elif len(token) >= MIN_TYPO_LEN:
            found.update(self._deletes.get(token, ()))  # a letter missing from the token
            for d in _deletions(token):
                if d in postings and len(d) >= MIN_TYPO_LEN:  # a letter too many
                    found.add(d)
                found.update(self._deletes.get(d, ()))  # a letter replaced or swapped
        if MIN_SPLIT_LEN <= len(token) <= MAX_TOKEN:
            # Words run together ("invalidparameter") or prefixed ("unauthorized").
            longest = min(self._longest, len(token) - 1)  # proper parts only
            for i in range(len(token) - MIN_PART_LEN + 1):
                for j in range(i + MIN_PART_LEN, min(len(token), i + longest) + 1):
                    if token[i:j] in postings:
                        found.add(token[i:j])
        return found

    def candidates(self, tokens: Iterable[str]) -> list[int]:
        """Entries sharing a word with ``tokens`` (see the module's notes), ascending."""
        words: set[str] = set()
        for token in tokens:
            words |= self.words_for(token)
        if not words:
            return []
        rare = [w for w in words if len(self._postings[w]) <= self.common]
        if not rare:  # only everyday words: the least common one stands for them
            rare = [min(words, key=lambda w: (len(self._postings[w]), w))]
        if len(rare) == 1:
            return self._postings[rare[0]]
        found: set[int] = set()
        for w in rare:
            found.update(self._postings[w])
        return sorted(found)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}
