"""Matching pasted or reworded vendor messages: exact forms, placeholder templates and
fuzzy likeness over a bigram-filtered pool.

Worst case: templates are matched piece by piece with ``str.find`` (linear); fuzzy likeness
runs only on texts of at most ``MAX_FUZZY_LEN`` characters, against forms that share a
character pair with the query.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain, compress
from operator import add, itemgetter
from typing import cast

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from bot.core import tuning
from bot.core.text import FILLERS, normalize
from bot.kinds.cloud.lexicon import Lexicon
from bot.retrieval.textindex import shared

MESSAGE_CUTOFF = tuning.MESSAGE_CUTOFF
MIN_MESSAGE_LEN = 4  # compact characters; shorter texts say too little
# Longer texts (whole log excerpts) are not one message: only exact and pattern
# lookups apply to them, not fuzzy similarity, which would cost milliseconds for nothing.
MAX_FUZZY_LEN = 300
# Longer texts (compact characters) hand rapidfuzz only the forms whose length can score.
WINDOWED_LEN = 48
# How many forms each of rapidfuzz's passes in Pool.similar hands back, best first.
_BY_RATIO, _BY_SUBSEQUENCE, _BY_WORDS = 20, 20, 10
# A word in more English forms than this (the, not, specified) picks no candidates by itself.
COMMON_WORD = 200
# A space after every [a-z0-9] that an [A-Z] follows: the empty-match form
# (?<=[a-z0-9])(?=[A-Z]) put the same spaces in the same places, but a pattern that starts
# with a look-behind is tried at every position (~0.1 ms on 4 KB); this one starts with a
# character class, and text with no capital letter is not scanned for it at all.
_CAMEL_SPLIT_RE = re.compile(r"[a-z0-9](?=[A-Z])")
_CAPITAL_RE = re.compile(r"[A-Z]")


# Words the vendors spell several ways; folded only for message matching.
SYNONYMS = re.compile("帐户|账户|帐号")


# normalize() on pure ASCII is lower case plus punctuation → space, unless a filler word is
# ASCII; the shortcut keeps the index build fast (half the vendors' messages are English).
_ASCII_FAST = not any(f.isascii() for f in FILLERS)
_ASCII_PUNCT_RE = re.compile(r"[^0-9a-z]+")


def norm(text: str) -> str:
    if _ASCII_FAST and text.isascii() and text.isprintable():
        return " ".join(_ASCII_PUNCT_RE.sub(" ", text.lower()).split())
    return normalize(text)


def compact(text: str) -> str:
    """The message-matching form: normalize() and no spaces (Chinese has none to rely on)."""
    return message_key(norm(text))


def message_key(words: str) -> str:
    """A normalised word form (norm, spaced_form) as the message-matching key: no spaces, and
    账户 / 帐号 spelled 账号."""
    return SYNONYMS.sub("账号", words.replace(" ", ""))


class Pool:
    """Message forms of one script for fuzzy lookup: compact (no spaces) and sorted words.

    Sorting the words once here makes a plain ratio equal to rapidfuzz's token_sort_ratio
    without re-sorting every choice on every query. rapidfuzz only sees the forms that
    :meth:`_candidates` picks (each script picks its own way); :meth:`freeze` builds that
    index once every form is in, at start-up.
    """

    def __init__(self) -> None:
        self.compact: list[str] = []
        self.words: list[str] = []
        self.rows: list[Sequence[int]] = []  # lists while building, tuples once frozen
        self._where: dict[str, int] = {}
        self._lengths: list[int] = []  # of the compact forms, once every form is in

    def add(self, compact: str, spaced: str, row: int) -> None:
        idx = self._where.get(compact)
        if idx is None:
            idx = self._where[compact] = len(self.compact)
            self.compact.append(compact)
            self.words.append(" ".join(sorted(spaced.split())))
            self.rows.append([])
        rows = cast(list[int], self.rows[idx])  # a list until freeze
        if row not in rows:
            rows.append(row)

    def freeze(self) -> None:
        """Once every form is in (subclasses then index the forms): each form's rows as a
        tuple, equal ones shared (most forms are one row's), and the build's look-up table
        gone (an emptied dict keeps its size)."""
        tuples: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.rows = [tuples.setdefault(found, found) for found in map(tuple, self.rows)]
        self._where = {}

    def _candidates(self, compact: str, tokens: Iterable[str]) -> Sequence[int]:
        raise NotImplementedError

    def _hosts(
        self, n: int, ids: Sequence[int], forms: Sequence[str] | None
    ) -> tuple[Sequence[int], Sequence[str] | None]:
        """The candidates that may hold a question of ``n`` characters (for the subsequence
        search), and their forms (``forms``: the candidates', or None when not picked)."""
        return ids, forms

    def similar(
        self, compact: str, spaced: str, tokens: Iterable[str] = ()
    ) -> list[tuple[float, Sequence[int], bool]]:
        """(similarity, rows, is exact) for every candidate form at or above MESSAGE_CUTOFF.

        ``tokens``: the question's words, for a pool that picks candidates by word.
        """
        extract = process.extract
        ids = self._candidates(compact, tokens)
        if not ids:
            return []
        n = len(compact)
        # Cut-offs let rapidfuzz skip choices early. A form below MESSAGE_CUTOFF by ratio
        # can only qualify through similarity's containment test, and that needs a
        # common subsequence of at least 17.5% of the query (see similarity's bounds).
        # ratio = 200 × common / (n + m) ≤ 200 × min(n, m) / (n + m): on a long text, forms of
        # lengths m outside a window around n cannot reach the cut-off, and forms shorter than
        # the floor have no common subsequence that long; they are not handed over (the others
        # keep their order, so the hits and their ties are the same). A short text's window
        # holds nearly every form: there the test would cost more than it saves.
        # A short text's candidates' forms are picked once: the hosts' are among them. A long
        # one's are not: the forms of its few near and host candidates are picked below.
        windowed = n > WINDOWED_LEN
        forms = None if windowed else _at(self.compact, ids)
        near, near_forms = ids, forms
        hosts, host_forms = self._hosts(n, ids, forms)
        floor = int(0.175 * n)
        if windowed:
            low = n * MESSAGE_CUTOFF / (200 - MESSAGE_CUTOFF) - 1
            high = n * (200 - MESSAGE_CUTOFF) / MESSAGE_CUTOFF + 1
            lengths = self._lengths
            every = hosts is ids  # a pool whose hosts are all its candidates (Chinese)
            hosts = [i for i in hosts if lengths[i] >= floor]
            # The window starts above the floor (low > 0.5 n - 1 > 0.175 n here): when every
            # candidate was a host, the window is picked among the few hosts left (a 200-
            # character question: ~150 of ~900 candidates), in the same order.
            near = [i for i in (hosts if every else ids) if low <= lengths[i] <= high]
            near_forms, host_forms = _at(self.compact, near), _at(self.compact, hosts)
        by_ratio = extract(compact, near_forms, scorer=fuzz.ratio, limit=_BY_RATIO, score_cutoff=MESSAGE_CUTOFF)
        picked = {near[j] for _, _, j in by_ratio}
        # Longest common subsequence finds a short query inside a long message.
        by_subsequence = extract(
            compact,
            host_forms,
            scorer=LCSseq.similarity,
            limit=_BY_SUBSEQUENCE,
            score_cutoff=floor,
        )
        words = " ".join(sorted(spaced.split())) if " " in spaced else ""
        by_words = []
        if words:
            by_words = extract(
                words,
                _at(self.words, ids),
                scorer=fuzz.ratio,
                limit=_BY_WORDS,
                score_cutoff=MESSAGE_CUTOFF,
            )
            picked.update(ids[j] for _, _, j in by_words)
        if len(by_ratio) < _BY_RATIO and len(by_words) < _BY_WORDS:
            # Neither list was cut short, so every form at MESSAGE_CUTOFF by ratio or by
            # words is picked already. Any other form reaches it only by similarity's
            # containment test, which needs 80% of the shorter string in order: the others
            # would be scored below only to be dropped.
            for _, common, j in by_subsequence:
                shorter = min(n, len(self.compact[hosts[j]]))
                if shorter >= MIN_MESSAGE_LEN and common / shorter >= 0.8:
                    picked.add(hosts[j])
        else:
            picked.update(hosts[j] for _, _, j in by_subsequence)
        # The scores the lists above hold are the ones worked out again below (each list's
        # scorer on the same two strings, kept when at or above its cut-off): read, not redone
        # (~30 of a form's ~60 µs of scoring for "The specified … does not exist").
        ratios = {near[j]: score for _, score, j in by_ratio}
        commons = {hosts[j]: int(common) for _, common, j in by_subsequence}
        word_ratios = {ids[j]: score for _, score, j in by_words}
        # A list not cut short holds every form at or above MESSAGE_CUTOFF by its scorer: a
        # form missing from it scores below, and any score below the cut-off (0.0 here) gives
        # the same verdict and the same value once the larger of the two is taken (~1 µs a
        # form not worked out again).
        below = None if len(by_ratio) == _BY_RATIO else 0.0
        word_below = None if len(by_words) == _BY_WORDS else 0.0
        out = []
        for i in sorted(picked):
            form = self.compact[i]
            sim = similarity(compact, form, ratios.get(i, below), commons.get(i))
            if words:
                by_word = word_ratios.get(i, word_below)
                sim = max(sim, fuzz.ratio(words, self.words[i]) if by_word is None else by_word)
            if sim >= MESSAGE_CUTOFF:
                out.append((sim, self.rows[i], compact == form))
        return out


class CjkPool(Pool):
    """Chinese forms, picked by a shared pair of adjacent characters.

    Two compact Chinese strings that are 70% alike, or one nearly inside the other, always
    share a pair of adjacent characters; scanning only those forms gives the same picks at
    a fraction of the cost (rapidfuzz is slower on non-ASCII text).
    """

    def freeze(self) -> None:
        super().freeze()
        self._lengths = [len(form) for form in self.compact]
        grams: dict[str, list[int]] = {}
        for i, form in enumerate(self.compact):
            for gram in {form[j : j + 2] for j in range(len(form) - 1)}:
                forms = grams.get(gram)
                if forms is None:  # not setdefault: its default list was built for every pair
                    # A new pair, keyed by the other indexes' string for it if they have one.
                    grams[shared(gram)] = [i]
                else:
                    forms.append(i)
        tuples: dict[tuple[int, ...], tuple[int, ...]] = {}  # equal ones shared: (i,) for most of form i's pairs
        for gram, forms in grams.items():  # a one-item tuple is half a one-item list
            found = tuple(forms)
            grams[gram] = tuples.setdefault(found, found)
        self._grams = grams

    def _candidates(self, compact: str, tokens: Iterable[str]) -> Sequence[int]:
        # compact[j] + compact[j + 1] for every j, looked up and merged in C.
        pairs = map(self._grams.get, map(add, compact, compact[1:]))
        return sorted(set(chain.from_iterable(filter(None, pairs))))


# Words a vendor's English message says whatever its fault (LatinPool.similar): a retelling
# leaves them out. A message needs this many other words to be recognised retold.
_BOILERPLATE = frozenset("the a an specified is are was has have been please this that of to for".split())
_RETOLD_WORDS = 4
RETOLD_MAX = 90.0  # a retold message's likeness when it is the whole question


def retold(spaced: str, form_words: str) -> float:
    """How surely the question (its words, ``spaced``) retells a message (its words): 0 unless
    every word of the message but its boilerplate is in the question (see LatinPool.similar)."""
    asked = set(spaced.split())
    return _retold(asked, asked - _BOILERPLATE, _content(form_words))


def _content(words: str) -> frozenset[str]:
    return frozenset(words.split()) - _BOILERPLATE


def _retold(asked: set[str], said: set[str], content: frozenset[str]) -> float:
    if len(said) < _RETOLD_WORDS or len(content) < _RETOLD_WORDS or not content <= asked:
        return 0.0
    return min(RETOLD_MAX, MESSAGE_CUTOFF + (RETOLD_MAX - MESSAGE_CUTOFF) * len(content) / len(said))


class LatinPool(Pool):
    """English forms, picked by a shared word (see :class:`Lexicon`), so the cost of a
    question does not grow with the tables."""

    def freeze(self) -> None:
        super().freeze()
        self._lengths = [len(form) for form in self.compact]
        self._lexicon = Lexicon(common=COMMON_WORD)
        for i, words in enumerate(self.words):
            self._lexicon.add(words.split(), i)
        self._lexicon.freeze()
        # A retold form holds all its words, so its rarest one too: forms are looked up by it
        # (a few per word), not checked one by one among every form sharing a word (~150).
        # Their word sets are made again for those few (kept, they held ~1 MiB per 2,000 forms).
        contents = [_content(words) for words in self.words]
        counts = Counter(word for content in contents for word in content)
        by_rarest: dict[str, list[int]] = {}
        for i, content in enumerate(contents):
            if len(content) >= _RETOLD_WORDS:
                by_rarest.setdefault(min(content, key=lambda word: (counts[word], word)), []).append(i)
        self._by_rarest = by_rarest

    def _candidates(self, compact: str, tokens: Iterable[str]) -> Sequence[int]:
        return self._lexicon.candidates(tokens)

    def similar(
        self, compact: str, spaced: str, tokens: Iterable[str] = ()
    ) -> list[tuple[float, Sequence[int], bool]]:
        """As :meth:`Pool.similar`, and a message retold inside a longer sentence ("Aliyun SDK
        says the Access Key ID I passed does not exist, but …"): every word the message says,
        besides its boilerplate, is in the question, which says more. Whole-string likeness
        cannot see that (the question is twice the message), nor can containment by characters
        ("the specified" is not retold)."""
        out = super().similar(compact, spaced, tokens)
        asked = set(spaced.split())
        said = asked - _BOILERPLATE
        if len(said) < _RETOLD_WORDS:
            return out
        at = {id(rows): j for j, (_, rows, _) in enumerate(out)}
        words = " ".join(sorted(spaced.split())) if " " in spaced else ""
        by_rarest = self._by_rarest
        for i in sorted(i for word in said if word in by_rarest for i in by_rarest[word]):
            sim = _retold(asked, said, _content(self.words[i]))
            if not sim:
                continue
            # The form's likeness in full, as a fresh scoring gives it: the lists above keep
            # only their best few, so it may not have been scored.
            form, rows = self.compact[i], self.rows[i]
            sim = max(sim, similarity(compact, form))
            if words:
                sim = max(sim, fuzz.ratio(words, self.words[i]))
            j = at.get(id(rows))
            if j is None:
                at[id(rows)] = len(out)
                out.append((sim, rows, compact == form))
            elif sim > out[j][0]:
                out[j] = (sim, rows, compact == form)
        return out

    def _hosts(
        self, n: int, ids: Sequence[int], forms: Sequence[str] | None
    ) -> tuple[Sequence[int], Sequence[str] | None]:
        """Only forms as long as the question: over all forms, as the pool was searched
        before the word index, English forms shorter than the question had the lowest
        subsequence scores and did not make its top 20; among a few candidates they would."""
        if forms is None:
            long_enough = list(map(n.__le__, _at(self._lengths, ids)))
            return list(compress(ids, long_enough)), None
        long_enough = list(map(n.__le__, map(len, forms)))
        return list(compress(ids, long_enough)), list(compress(forms, long_enough))


def _at(items: list, ids: Sequence[int]) -> Sequence:
    """``[items[i] for i in ids]``, picked in C (the candidate lists run to hundreds)."""
    if len(ids) > 1:
        return itemgetter(*ids)(items)
    return [items[i] for i in ids]


class Template:
    """A vendor message with placeholders, as its literal pieces in order.

    ``matches`` is what ``re.fullmatch("p0.*?p1.*?p2")`` would say, in linear time: the
    first and last pieces must open and close the text and the others follow in order,
    each taken at its leftmost place (which never loses a match that exists).
    """

    __slots__ = ("pieces",)

    def __init__(self, pieces: tuple[str, ...]) -> None:
        self.pieces = pieces

    def matches(self, text: str) -> bool:
        first, *middle, last = self.pieces
        if len(text) < len(first) + len(last) or not text.startswith(first) or not text.endswith(last):
            return False
        at, stop = len(first), len(text) - len(last)
        for piece in middle:
            found = text.find(piece, at, stop)
            if found < 0:
                return False
            at = found + len(piece)
        return True


class Templates:
    """Placeholder messages, found by their fixed opening (or closing) piece.

    A text can only match a template that it starts with the first piece of (or ends
    with the last, when the first is a placeholder), so a few dictionary probes, one per
    distinct piece length, replace a pass over every template.
    """

    def __init__(self, patterns: dict[tuple[str, ...], list[int]]) -> None:
        self._by_first: dict[str, list[tuple[Template, list[int]]]] = {}
        self._by_last: dict[str, list[tuple[Template, list[int]]]] = {}
        self._rest: list[tuple[Template, list[int]]] = []  # a placeholder at both ends
        for pieces, ids in sorted(patterns.items()):
            entry = (Template(pieces), ids)
            if pieces[0]:
                self._by_first.setdefault(pieces[0], []).append(entry)
            elif pieces[-1]:
                self._by_last.setdefault(pieces[-1], []).append(entry)
            else:
                self._rest.append(entry)
        self._first_lengths = sorted({len(p) for p in self._by_first})
        self._last_lengths = sorted({len(p) for p in self._by_last})

    def __len__(self) -> int:
        return (
            sum(map(len, self._by_first.values())) + sum(map(len, self._by_last.values())) + len(self._rest)
        )

    def matching(self, text: str) -> list[list[int]]:
        """The rows of every template ``text`` matches."""
        entries = list(self._rest)
        for n in self._first_lengths:
            if n > len(text):
                break
            entries += self._by_first.get(text[:n], ())
        for n in self._last_lengths:
            if n > len(text):
                break
            entries += self._by_last.get(text[-n:], ())
        return [ids for template, ids in entries if template.matches(text)]


def similarity(query: str, choice: str, whole: float | None = None, common: int | None = None) -> float:
    """0–100: whole-string likeness, or how fully the shorter sits (in order) inside the longer.

    Containment counts the shorter string's characters found in order in the longer one
    (their longest common subsequence), weighted by how much of the longer it covers.
    ``whole`` (``fuzz.ratio``) and ``common`` (the subsequence's length), when the caller has
    them already.
    """
    if whole is None:
        whole = fuzz.ratio(query, choice)
    short, long_ = (query, choice) if len(query) <= len(choice) else (choice, query)
    if len(short) < MIN_MESSAGE_LEN:
        return whole
    if common is None:
        common = LCSseq.similarity(short, long_)
    inside = common / len(short)
    if inside < 0.8:
        return whole
    return max(whole, 100.0 * inside * (0.6 + 0.4 * len(short) / len(long_)))


def spaced_form(text: str) -> str:
    """Word form of a Latin message: CamelCase split so "ImageId" meets "image id"."""
    if _CAPITAL_RE.search(text) is not None:
        text = _CAMEL_SPLIT_RE.sub(r"\g<0> ", text)
    return norm(text)
