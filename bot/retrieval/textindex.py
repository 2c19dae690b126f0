"""Indexes over short texts that the resolver's tiers look things up in.

- :class:`SubstringIndex`: which of many aliases or log signatures occur inside a question;
- :class:`GramIndex`: how much of a question an entry's own words cover (character
  bigrams for Chinese, whole words for Latin text, weighted by rarity).

Worst case: linear in the query. ``SubstringIndex.find`` lets one regex (a trie of the
keys' first characters, so at most ``_LEAD`` steps per position, in C) jump to the positions
where a key may start, and checks only those against a table of the keys' first characters
(a fixed set from the knowledge base); ``GramIndex.scores`` walks
each distinct word's posting list once.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, _count_elements  # type: ignore[attr-defined]
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import add
from typing import Any

from rapidfuzz import fuzz, process

from bot.core.cache import TextCache
from bot.core.lazyre import LazyPattern

_WORD_RE = re.compile(r"[a-z0-9]+|[\u3400-\u9fff\uf900-\ufaff]+")
_ASCII_RE = re.compile(r"[\x00-\x7f]+")
# A question of this many distinct words or fewer is scored in dicts of the entries it
# touches (a long one in lists over every entry: fewer dict operations per word).
_FEW_WORDS = 24
# A window of this many keys or fewer goes to rapidfuzz whole: counting shared characters
# would cost more than it saves.
_FEW_KEYS = 48

# Function words that appear in questions and chatter alike and identify nothing.
STOP_GRAMS = frozenset(
    "因为 所以 这个 那个 一个 之后 然后 但是 怎么 什么 可以 没有 不了 直接 一直 最后 我们 你们 他们 "
    "大家 如果 的话 时候 应该 是不 不是 已经 还是 或者 就是 其中 里的 的时 现在 今天 明天 一下 有点 "
    # Where a question is set ("规范里", "按标准", "面试题"), not what it is about.
    "规范 范里 按规 标准 准里 按标 面试 试题 试官 之前 后会 "
    "the a an to of in on at for with is are was be it its this that you your we i me my and or see so "
    "just can will what how why when please thanks hi hello good morning today tomorrow everyone "
    # A chat line's opening to the room ("yo anyone know why …"), not what it asks about.
    "anyone anybody someone know yo lol guys smth "
    # An English question's frame ("what status code should it return"), not what it is about.
    "status code should return".split()
)


# Words the indexes hold, while they are built: one string object per word across all of
# them (most bigrams are in several). Not ``sys.intern``: its table keeps ~1 MiB of slots for
# good; this one is emptied once every index is built (see Resolver).
_SHARED: dict[str, str] = {}


def shared(word: str) -> str:
    """The one copy of ``word`` the indexes built so far hold."""
    return _SHARED.setdefault(word, word)


def shared_all(words: list[str]) -> list[str]:
    """:func:`shared` of each of ``words``, called in C (a build shares ~100k)."""
    return list(map(_SHARED.setdefault, words, words))


def forget_shared() -> None:
    _SHARED.clear()


@dataclass(slots=True)
class Choice:
    key: str  # normalised text
    target: Any  # what the key stands for: a status code, a network error's name ...
    label: str  # which field it came from, for the "why"


def grams(text: str) -> set[str]:
    """Character bigrams of CJK runs and whole Latin words of a normalised text."""
    out: set[str] = set()
    for run in _WORD_RE.findall(text):
        if run[0].isascii():
            if len(run) > 1 and not run.isdigit():
                out.add(run)
        elif len(run) > 1:  # a lone CJK character (的, 了, 被) says nothing on its own
            # run[i] + run[i + 1] is run[i : i + 2], made in C: the same pairs in the same
            # order, so the set (and the order scores() walks it in) is the same.
            out.update(map(add, run, run[1:]))
    return out - STOP_GRAMS


# How many leading characters of each key the candidate regex spells out: longer leads
# leave fewer false candidates for the Python loop but make the regex slower to compile
# (6: ~30 ms at start for all indexes; a 4 KB text has a few dozen candidates, not 4,096).
_LEAD = 6
_GROUPS = 8  # classes of first characters in that regex (see _starts_pattern)


def one_word(shared: str) -> bool:
    """Are the shared words (as ``scores`` lists them, "、"-joined) the bigrams of one run of
    Chinese characters ("升级、级到" of 升级到, "台机、机器、这台" of 这台机器)? Then the question
    shares one word with the entry, however many bigrams it makes."""
    words = shared.split("、")
    if len(words) < 2 or not all(len(w) == 2 and not w.isascii() for w in words):
        return False
    firsts = {w[0] for w in words}
    lasts = {w[1] for w in words}
    # A chain a→b→c…: exactly one bigram starts where no other ends, and each other one
    # starts where some other ends (no two runs, no repeats).
    return len(firsts) == len(words) and len(firsts - lasts) == 1 and len(lasts - firsts) == 1


def ordered_grams(text: str) -> tuple[str, ...]:
    """:func:`grams` in the order the text first has them. Scores are float sums over a
    question's words: walked in a set's order they would depend on the string hash seed,
    and near-tied entries could swap places from one run of the bot to the next."""
    out: dict[str, None] = {}
    for run in _WORD_RE.findall(text):
        if run[0].isascii():
            if len(run) > 1 and not run.isdigit():
                out[run] = None
        elif len(run) > 1:
            out.update(dict.fromkeys(map(add, run, run[1:])))
    return tuple(word for word in out if word not in STOP_GRAMS)


# The status and network kinds both score the same normalised question: its words are
# worked out once (~0.25 ms on a 4 KB text).
query_grams = TextCache(ordered_grams, max_chars=200_000, max_entries=64)


class SubstringIndex:
    """Finds which of many keys occur inside a text, via a table of their first characters.

    Looking up every position of a 4 KB text in the table cost ~1.3 ms (and ~85k
    ``startswith`` calls when a common prefix such as "co" has dozens of keys); a regex
    finds, in C, the few positions where some key's first ``_LEAD`` characters occur, and
    only those are looked up.
    """

    def __init__(self, choices: Iterable[Choice]) -> None:
        # Keyed by the first ``_LEAD`` characters, not two: "co" alone has 70 keys to try.
        # Keys that match at one position with the same length are the same string, so
        # splitting the table this way leaves the sorted result as it was.
        building: dict[str, list[Choice]] = {}
        for choice in choices:
            if len(choice.key) > 1:  # one character never matched (positions were read by two)
                building.setdefault(choice.key[:_LEAD], []).append(choice)
        # Tuples: a one-item tuple is 48 bytes, the list 88 (~7,000 leads over the indexes).
        self._by_lead = {lead: tuple(found) for lead, found in building.items()}
        self._lead_lengths = tuple(sorted({len(lead) for lead in self._by_lead}))
        # Compiled on first use (~4 ms each; see bot.core.lazyre): ``ask 503`` reads one of eight.
        # Two patterns (see _starts_patterns): Latin leads after a word's edge, the others anywhere.
        latin = [lead for lead in self._by_lead if lead[0].isascii()]
        others = [lead for lead in self._by_lead if not lead[0].isascii()]
        self._latin = LazyPattern(lambda: _after_edge_pattern(latin)) if latin else None
        self._others = LazyPattern(lambda: _at_start_pattern(others)) if others else None

    def candidates(self, padded: str) -> Iterator[int] | list[int]:
        """The positions of ``padded`` where some key's lead may start, in order: where the
        single pattern of :func:`_starts_pattern` (searched from each one on) matches.

        One search per candidate entered the engine at every Latin character of a log (a
        lead's first character is nearly every letter) to reject it by its look-behind:
        ~110-145 µs on 4 KB. A Latin lead needs a space or a non-ASCII character before it
        (``_NOT_MID_WORD``), so its pattern starts with that character and the engine skips
        in C to the next one; the other leads' pattern starts with their first characters,
        which a Latin log does not hold. Each consumes one character and looks ahead for the
        rest: one ``finditer`` pass each, no match overlapping the next. (A Chinese character
        right before a Latin one, which normalize() never leaves, is no edge: see _EDGE.)"""
        # A Latin match is its edge alone: it ends where the lead starts; another match starts
        # where its lead does. Read in C, lazily; a short text's few matches by a search each,
        # as before (an iterator costs more than they do).
        short = len(padded) <= _FEW_CHARS
        latin: Iterator[int] | list[int] = []
        if self._latin is not None:
            latin = _searched(self._latin, padded, 0, _END) if short else map(_END, self._latin.finditer(padded))
        if self._others is None or padded.isascii():  # (a flag of the string: no scan)
            return latin
        if short:
            others = _searched(self._others, padded, 1, _START)
        else:
            others = list(map(_START, self._others.finditer(padded, 1)))
        return sorted([*latin, *others]) if others else latin  # distinct: ASCII and other firsts

    def find(self, padded: str) -> list[Choice]:
        """Keys found in ``padded`` (a normalised query, or its pinyin key, with a space at
        each end), longest first."""
        found: list[Choice] = []
        last = len(padded) - 3  # the last position the two-character table was ever read at
        by_lead, sizes = self._by_lead, self._lead_lengths
        positions: Iterable[int]
        if self._latin is not None and len(padded) <= _FEW_CHARS and padded.isascii():
            # "http 503": candidates() without its calls, which cost what the searches do.
            positions, search = [], self._latin.search
            m = search(padded)
            while m is not None:
                positions.append(m.end())
                m = search(padded, m.end())
        else:
            positions = self.candidates(padded)
        for i in positions:
            if i > last:
                break
            for size in sizes:
                for choice in by_lead.get(padded[i : i + size], ()):
                    if padded.startswith(choice.key, i) and _at_word_edges(padded, i, choice.key):
                        found.append(choice)
        if len(found) > 1:
            found.sort(key=lambda c: (-len(c.key), str(c.target)))
        return found


_END, _START = re.Match.end, re.Match.start


def _searched(pattern: LazyPattern, text: str, pos: int, at: Callable[[re.Match[str]], int]) -> list[int]:
    """``list(map(at, pattern.finditer(text, pos)))`` by one search per match (its matches
    are one character wide: the next one may start where it ends)."""
    found, search = [], pattern.search
    m = search(text, pos)
    while m is not None:
        found.append(at(m))
        m = search(text, m.end())
    return found

_FEW_CHARS = 48  # a text up to this long has a few candidates at most: searched one by one
class _ByLength:
    """Some of the keys in order of length (then position), with their positions."""

    __slots__ = ("keys", "lengths", "order")

    def __init__(self, keys: Sequence[str], ids: Iterable[int]) -> None:
        self.order = sorted(ids, key=lambda i: (len(keys[i]), i))
        self.keys = [keys[i] for i in self.order]
        self.lengths = [len(k) for k in self.keys]


class RatioKeys:
    """Keys for typo lookups by rapidfuzz's ``fuzz.ratio``, held in order of length.

    ``ratio = 200 × common subsequence / (len(a) + len(b))``, which is at most
    ``200 × min / (len(a) + len(b))``: only keys within a window of lengths around the
    question's can reach a cut-off (a 37-character English sentence: a few dozen of the
    1,700 status aliases; a 180-character log line: none). rapidfuzz scores only that
    window, a contiguous run of the length order, and the hits sorted by score and then by
    the key's position are exactly what ``process.extract`` over every key returns.

    An ASCII question shares with a key at most the key's ASCII characters: a key of length
    m at most half ASCII scores at most 200·(m/2)/(n + m) ≤ 100·hi/(n + hi) in a window up to
    hi: a whole point below the cut-off for all but the shortest questions (72: ≤ 69 from
    n = 4, ~64 for long ones), whose windows are then taken from the keys more than half
    ASCII (an English sentence's window was about half Chinese aliases that could not score).

    A question with other characters (Chinese) shares with a key at most, character by
    character, the fewer of its and the key's copies: counting the key's distinct
    non-ASCII characters once per copy in the question, plus every ASCII character of the
    question, bounds the common subsequence from above. Keys whose bound cannot reach the
    cut-off (most of a window of Chinese aliases shares no character with "网关超时") are
    not handed to rapidfuzz; the ones that are keep their order, so the hits are the same.
    """

    def __init__(self, keys: Sequence[str]) -> None:
        self._all = _ByLength(keys, range(len(keys)))
        self._latin = _ByLength(keys, [i for i, k in enumerate(keys) if 2 * sum(map(str.isascii, k)) > len(k)])
        # Non-ASCII character -> the positions (in ``_all``'s order) of the keys holding it.
        chars: dict[str, list[int]] = {}
        for j, key in enumerate(self._all.keys):
            for ch in dict.fromkeys(_ASCII_RE.sub("", key)):
                chars.setdefault(ch, []).append(j)
        self._chars = {ch: tuple(at) for ch, at in chars.items()}

    def extract(self, query: str, cutoff: float, limit: int) -> list[tuple[str, float, int]]:
        """``process.extract(query, keys, scorer=fuzz.ratio, processor=None, limit=limit,
        score_cutoff=cutoff)``: (key, score, index in ``keys``), best first."""
        n = len(query)
        view = self._all
        if not n or not 0 < cutoff < 100:
            lo, hi = 0, len(view.keys)
        else:
            # Lengths m with 200·min(n, m)/(n + m) ≥ cutoff, widened by one on each side.
            low = math.floor(n * cutoff / (200 - cutoff)) - 1
            high = math.ceil(n * (200 - cutoff) / cutoff) + 1
            if query.isascii() and 100 * high / (n + high) < cutoff - 1:
                view = self._latin  # a key at most half ASCII cannot reach the cut-off (see above)
            lo = bisect_left(view.lengths, low)
            hi = bisect_right(view.lengths, high)
            if lo >= hi:
                return []
            if view is self._all and hi - lo > _FEW_KEYS:
                picked = self._sharing(query, cutoff, lo, hi)
                if picked is not None:
                    return self._scored(query, cutoff, limit, view, picked)
        return self._scored(query, cutoff, limit, view, range(lo, hi))

    def _sharing(self, query: str, cutoff: float, lo: int, hi: int) -> list[int] | None:
        """The positions in ``lo:hi`` whose keys may reach ``cutoff`` by the characters they
        share with ``query`` (see the class); None when that bound rules out too little."""
        others = _ASCII_RE.sub("", query)
        ascii_count = len(query) - len(others)
        n, lengths = len(query), self._all.lengths
        slack = cutoff - 1  # a whole point below the cut-off: no float edge decides
        if not others or 200 * ascii_count >= slack * (n + lengths[lo]):
            return None  # a key sharing no other character might still reach it
        counts: Counter[int] = Counter()
        _count_elements(counts, chain.from_iterable(map(self._chars.get, others, repeat(()))))
        return sorted(
            j
            for j, c in counts.items()
            if lo <= j < hi and 200 * (c + ascii_count) >= slack * (n + lengths[j])
        )

    @staticmethod
    def _scored(
        query: str, cutoff: float, limit: int, view: _ByLength, picked: Sequence[int]
    ) -> list[tuple[str, float, int]]:
        keys = view.keys
        found = process.extract(
            query,
            keys[picked.start : picked.stop] if isinstance(picked, range) else [keys[j] for j in picked],
            scorer=fuzz.ratio,
            processor=None,
            limit=None,
            score_cutoff=cutoff,
        )
        order = view.order
        hits = sorted(
            ((key, score, order[picked[j]]) for key, score, j in found), key=lambda h: (-h[1], h[2])
        )
        return hits[:limit]


# After a candidate's first character: not a Latin character right after another (non-space)
# Latin one.
_NOT_MID_WORD = r"(?<![\x00-\x1f\x21-\x7f][\x00-\x7f])"


def _starts_pattern(leads: Iterable[str]) -> str:
    """A regex matching wherever one of ``leads`` (each two characters or more) may start.

    A trie's top level tries each distinct first character in turn (200+ for the Chinese
    aliases); ``_GROUPS`` classes of first characters are each one table look-up in the
    regex engine, and the trie of the rest under each class sorts out the rest. A class
    admits a lead's rest after any of its first characters, so a match is only a candidate
    (``find`` checks it against the table).

    (``SubstringIndex`` searches the two patterns below; this one is their reference.)
    """
    firsts, rests = _lead_parts(leads)
    # The first character is taken by one class of them all: a pattern that starts with a
    # class lets the engine skip in C to the next position holding one (an alternation of
    # classes was tried branch by branch at every position); each branch then checks its
    # class behind it. A Latin character right after another Latin one (not a space) starts
    # no match that ``find`` would keep (``_at_word_edges``): the second look-behind drops it.
    return firsts + _NOT_MID_WORD + rests


def _lead_parts(leads: Iterable[str]) -> tuple[str, str]:
    """The class of the leads' first characters, and the alternation of their rests, each
    behind a look-behind for its class of first characters (see _starts_pattern)."""
    rests: dict[str, set[str]] = {}
    for lead in leads:
        rests.setdefault(lead[0], set()).add(lead[1:])
    firsts = sorted(rests)
    alternatives = []
    for group in (firsts[i::_GROUPS] for i in range(_GROUPS)):
        if group:
            chars = "".join(re.escape(ch) for ch in group)
            alternatives.append(f"(?<=[{chars}])" + _trie_pattern(set().union(*(rests[ch] for ch in group))))
    every = "".join(re.escape(ch) for ch in firsts)
    return f"[{every}]", "(?:" + "|".join(alternatives) + ")"


# What may stand before a Latin lead: a space or a non-ASCII character (see _NOT_MID_WORD),
# but for the Chinese characters of normalize()'s runs: its runs of one script are joined by
# spaces, so none of those stands right before a Latin character in the texts ``find`` is
# given, and a Chinese text's every character would be a place to try.
_EDGE = "[ \\x80-\\u33ff\\ua000-\\uf8ff\\ufb00-\\U0010ffff]"


def _after_edge_pattern(leads: list[str]) -> str:
    """Matches the one character before a place where one of ``leads`` (Latin first
    characters) may start, the lead looked ahead for: one character wide, so ``finditer``
    yields every such place (a lead's own last character may be the next one's edge)."""
    firsts, rests = _lead_parts(leads)
    return f"{_EDGE}(?={firsts}{rests})"


def _at_start_pattern(leads: list[str]) -> str:
    """Matches the first character of a place where one of ``leads`` (non-ASCII first
    characters, which need no word edge) may start, the rest looked ahead for."""
    firsts, rests = _lead_parts(leads)
    return f"{firsts}(?={rests})"


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored as a trie so each position costs at most
    the longest word's length in steps (a flat alternation would try every word)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        # A word ending here may stop: the longer ones are optional ("?"), matching either way.
        return "(?:" + "|".join(alts) + (")?" if "" in node else ")")

    return emit(trie)


def _flat(
    posting: list[Any], idf: float, number: dict[Hashable, int], floats: dict[float, float]
) -> tuple[Any, ...]:
    """``(code's number, idf × weight, ...)`` of a built ``[code, weight, ...]``, in its
    order, each value the one equal float of ``floats``."""
    flat: list[Any] = [None] * len(posting)
    flat[::2] = map(number.__getitem__, posting[::2])
    values = [idf * weight for weight in posting[1::2]]
    flat[1::2] = map(floats.setdefault, values, values)
    return tuple(flat)


def _keep_best(posting: list[Any], code: Hashable, weight: float) -> None:
    """``code``'s weight in a built posting: its first (at least 0), or a higher later one,
    wherever its pair is."""
    try:
        at = 2 * posting[::2].index(code)
    except ValueError:
        posting += (code, max(0.0, weight))
        return
    if weight > posting[at + 1]:
        posting[at + 1] = weight


def _at_word_edges(padded: str, start: int, key: str) -> bool:
    """Latin keys must match whole words ("ok" is not in "token"); CJK keys need not."""
    if key[0].isascii() and padded[start - 1].isascii() and padded[start - 1] != " ":
        return False
    end = start + len(key)
    return not (key[-1].isascii() and padded[end].isascii() and padded[end] != " ")


class GramIndex:
    """Rarity-weighted word overlap between a question and each entry's own texts."""

    def __init__(self, min_weight: float) -> None:
        # While building, word -> [code, field weight, code, field weight, ...] in order of
        # first appearance (a one-entry dict was 232 bytes, the list ~72: ~3 MiB less held at
        # the build, whose peak the process keeps); freeze multiplies in the word's rarity,
        # once, rather than for every word of every question, and flattens each posting.
        self._building: dict[str, list[Any]] = {}
        # The entry being added and those added before it: an entry's texts come one after
        # another, so a word's pair for the current entry can only be the word's last pair.
        self._current: list[Hashable] = []
        self._done: set[Hashable] = set()
        # word -> (entry number, value, entry number, value, ...): entries are numbered in
        # ``_codes`` so a question's sums are kept in a list, not a dict keyed by code.
        self._postings: dict[str, tuple[Any, ...]] = {}
        self._codes: list[Hashable] = []
        # A word's rarity by its posting's length (two items an entry; 0: an unseen word):
        # a few hundred floats instead of a dict of one per word (~1 MiB over both indexes).
        self._idf_by_len: list[float] = []
        self._most: list[float] = []  # by entry number: its largest value for one word
        # A one- or two-word message ("收到") must not reach full coverage by luck.
        self._min_weight = min_weight

    def add(self, code: Hashable, text: str, weight: float) -> None:
        """Index ``text`` (normalised) under ``code`` (any entry id); a word keeps its best field weight."""
        building = self._building
        if self._current != [code]:
            self._done.update(self._current)
            self._current = [code]
        back = code in self._done  # an entry added again after others: its pairs may be anywhere
        first = max(0.0, weight)  # a code's first weight for a word; later ones only if higher
        for gram in grams(text):
            # No setdefault: its default list was built on every call (~135k at start).
            posting = building.get(gram)
            if posting is None:
                building[gram] = [code, first]
            elif back:
                _keep_best(posting, code, weight)
            elif posting[-2] != code:
                posting += (code, first)
            elif weight > posting[-1]:
                posting[-1] = weight

    def freeze(self, documents: int) -> None:
        """Compute rarity once every text is in: rare words say more than common ones.

        Each posting becomes one flat tuple in its order. Word by word, so the lists' memory
        is free again for the builds after this one (the peak is what counts).
        Codes are numbered in order of first appearance (small ints, shared by every posting).
        """
        building = self._building
        postings = self._postings
        codes = self._codes = []
        number: dict[Hashable, int] = {}
        log, n = math.log, documents + 1
        most = max(map(len, building.values()), default=0) >> 1
        idf = [log(n / (df + 0.5)) for df in range(most + 1)]
        self._idf_by_len = [idf[size >> 1] for size in range(2 * most + 2)]
        # One pass: each word's posting flattened with its rarity (most words are in one
        # entry: that tuple is made here, without a call). Words are shared: the other
        # indexes (BM25, the other kind's GramIndex) hold most of the same bigrams. So are
        # values: idf × weight takes a few hundred values (a rarity per document count times
        # a few field weights), and a float is 24 bytes (~1.2 MiB over both indexes).
        floats: dict[float, float] = {}
        # Equal postings are one tuple: most words are in one entry with one field's weight,
        # and the same (entry, value) pair stood for all of them (23k postings, 8k distinct).
        tuples: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        for g in list(building):
            posting = building.pop(g)
            for code in posting[::2]:
                if code not in number:
                    number[code] = len(codes)
                    codes.append(code)
            value = idf[len(posting) >> 1]
            g = shared(g)
            if len(posting) == 2:
                code, weight = posting
                product = value * weight
                flat = (number[code], floats.setdefault(product, product))
            else:
                flat = _flat(posting, value, number, floats)
            postings[g] = tuples.setdefault(flat, flat)
        self._building = {}  # the emptied dict kept its table (~0.6 MiB over both indexes)
        self._current, self._done = [], set()
        # Each entry's largest value for one word (values are never negative): a sum above it
        # took two words or more, which a long question's scores use instead of counting them.
        most = self._most = [0.0] * len(codes)
        for posting in postings.values():
            pairs = iter(posting)
            for i, value in zip(pairs, pairs, strict=False):
                if value > most[i]:
                    most[i] = value

    def _shared_by_two(self, sums: list[float], found: Sequence[tuple[Any, ...]], limit: int) -> list[int]:
        """Entries sharing two words or more with a long question: at least those scoring as
        much as the ``limit``-th best (ties included), which is all ``scores`` reads.

        A sum above the entry's largest value for one word took two words: when every entry
        at or above the ``limit``-th best sum is such, they are the answer, found without
        counting each entry's words in the loop over the postings (~20 µs of ~70 on 200
        Chinese characters). Otherwise the words are counted, in a second pass."""
        if 0 < limit <= len(sums):
            floor = sorted(sums, reverse=True)[limit - 1]  # nlargest(limit, sums)[-1], in C
            most = self._most
            best = [i for i, total in enumerate(sums) if total >= floor]
            if all(sums[i] > most[i] for i in best):
                return best
        counts = [0] * len(sums)
        for posting in found:  # the question's words' postings
            for i in posting[::2]:
                counts[i] += 1
        return list(compress(range(len(sums)), map((1).__lt__, counts)))

    def scores(self, query: str, limit: int = 5, words_from: float = 0.0) -> list[tuple[Any, float, str]]:
        """(code, share of the question's weight covered, shared words), best first.

        ``words_from``: the shared words are spelt out only for entries covering at least
        this share (the callers read no others'); the rest get "" (on a long text, where
        no entry covers much, the pass that finds them is skipped)."""
        words = query_grams(query)
        if not words:
            return []
        codes = self._codes
        postings = self._postings
        found = list(map(postings.get, words, repeat(())))  # () for a word no entry has
        total = max(sum(map(self._idf_by_len.__getitem__, map(len, found))), self._min_weight)
        # The same additions in the same order as summing idf × weight per word: same floats.
        shared: dict[int, list[str]] = {}
        sums: list[float] | dict[int, float]
        if len(words) <= _FEW_WORDS:
            # A short question touches a few entries: dicts of those, with their words.
            sums = {}
            for gram, posting in zip(words, found, strict=False):
                pairs = iter(posting)
                for i, value in zip(pairs, pairs, strict=False):  # pairs by construction; strict costs ~25%
                    held = sums.get(i)
                    if held is None:
                        sums[i] = value
                        shared[i] = [gram]
                    else:
                        sums[i] = held + value
                        shared[i].append(gram)
            # One shared word ("文档", "咖啡") is a coincidence, not an answer.
            eligible = [i for i, found in shared.items() if len(found) >= 2]
        else:
            # A long one touches most entries: sums in a list by entry number, and the shared
            # words found afterwards for the few entries shown.
            sums = [0.0] * len(codes)  # 0.0 + the first value is that value: the same floats
            # Every posting is whole pairs: chained, they pair up as they did one by one, in
            # the same order, without an iterator and a zip per word (most are one pair).
            pairs = chain.from_iterable(found)
            for i, value in zip(pairs, pairs, strict=False):
                sums[i] += value
            eligible = self._shared_by_two(sums, found, limit)
        if len(eligible) > limit:
            # Only entries scoring at least the limit-th best can be among the first `limit`
            # (ties included): the sort with its Python key runs on those alone.
            floor = sorted([sums[i] for i in eligible], reverse=True)[limit - 1]
            eligible = [i for i in eligible if sums[i] >= floor]
        top = sorted(eligible, key=lambda i: (-sums[i], str(codes[i])))[:limit]
        told = [i for i in top if sums[i] / total >= words_from]
        if told and not shared:
            # The shared words of the few entries shown, in a second pass over the postings.
            shared = {i: [] for i in told}
            wanted = shared.keys()
            for gram, posting in zip(words, found, strict=False):
                if len(posting) == 2:  # most words: one entry
                    if posting[0] in wanted:
                        shared[posting[0]].append(gram)
                elif posting:
                    for i in wanted & posting[::2]:
                        shared[i].append(gram)
        told_set = set(told)
        return [
            (codes[i], sums[i] / total, "、".join(sorted(shared[i])[:4]) if i in told_set else "")
            for i in top
        ]
