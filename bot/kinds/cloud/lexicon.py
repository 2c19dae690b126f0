"""Latin-script words → the entries that use them, for candidate lookup before rapidfuzz.

The cloud kind used to compare an English message or an error code with every row
(``process.extract`` over all of them), so each question cost more as the tables grew. A
:class:`Lexicon` finds the entries worth comparing instead: those sharing a word with the
question, where a word may also be misspelt by one letter (``unauthroized``), run together
with the next (``invalidparameter``) or carry a prefix (``unauthorized`` holds
``authorized``). Words used by more than ``common`` entries (the, not, specified) find no
candidates of their own while the question has a rarer word as written: a table twice the
size has those words twice as often, and following them would make the lookup grow with it.

Build: linear in the words, and nothing but the postings. Lookup: a word as written is one
probe; an unknown one is probed with each of its one-edit variants (~70 per letter) and its
substrings, then the postings of the rarer words found are joined. A table of every word
less each letter would answer typos with fewer probes, but it cost more to build and hold
(tens of thousands of strings) than the few unknown words of a question cost to probe.
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
        self._alphabet = ""  # the characters of the vocabulary, for one-edit variants
        self._longest = 0

    def add(self, words: Iterable[str], entry: int) -> None:
        """Index ``entry`` under each of ``words`` (entries must be added in increasing order)."""
        for word in words:
            posting = self._postings.setdefault(word, [])
            if not posting or posting[-1] != entry:
                posting.append(entry)

    def freeze(self) -> None:
        """Note the alphabet and the longest word once every word is in."""
        self._alphabet = "".join(sorted({ch for word in self._postings for ch in word}))
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
            found.update(w for w in edits(token, self._alphabet) if w in postings and len(w) >= MIN_TYPO_LEN)
        if MIN_SPLIT_LEN <= len(token) <= MAX_TOKEN:
            # Words run together ("invalidparameter") or prefixed ("unauthorized").
            longest = min(self._longest, len(token) - 1)  # proper parts only
            for i in range(len(token) - MIN_PART_LEN + 1):
                for j in range(i + MIN_PART_LEN, min(len(token), i + longest) + 1):
                    if token[i:j] in postings:
                        found.add(token[i:j])
        return found

    def candidates(self, tokens: Iterable[str]) -> list[int]:
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
        least = min(written or words, key=lambda w: (len(postings[w]), w))
        if not rare & written:  # only everyday words as written: the least common stands in
            rare.add(least)
        if len(rare) == 1:
            return postings[next(iter(rare))]
        found: set[int] = set()
        for w in rare:
            found.update(postings[w])
        return sorted(found)


def edits(word: str, alphabet: str) -> set[str]:
    """Every string one edit from ``word``: a letter missing, added, replaced or two swapped."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in alphabet)
    out.update(a + c + b for a, b in splits for c in alphabet)
    return out
