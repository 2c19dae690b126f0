"""BM25 over whole entries: for long questions that describe an answer without naming it.

Terms are CJK character bigrams and whole Latin words of the normalised text (the same
units as :mod:`bot.retrieval.textindex`). A score is turned into two shares the tuning
module calibrates: how much of the best score the question could reach at all (``share``)
and how far the best entry leads the next (``lead``).

Worst case: linear in the query; each distinct term's posting list is walked once, or, for
an index built with ``common``, each rarer term's list and one probe per candidate for the
commoner terms.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from itertools import repeat
from operator import add, mul
from typing import Any

from bot.retrieval.textindex import STOP_GRAMS, shared

_WORD_RE = re.compile(r"[a-z0-9]+|[\u3400-\u9fff\uf900-\ufaff]+")
K1 = 1.2
B = 0.75


def stem(word: str) -> str:
    """An English word without its commonest inflection ("creating", "created", "creates" →
    "creat"), so a question's verb meets an entry's noun or participle. Crude on purpose: it
    only has to map the forms of one word together, and both sides go through it."""
    for suffix, least in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            return word[: -len(suffix)]
    return word


# (suffix, shortest stem left): a letter comes off longer words only ("https" is not "http").
_SUFFIXES = (("ing", 4), ("ed", 4), ("es", 4), ("e", 5), ("s", 5))
_STEMMED_FROM = min(least + len(suffix) for suffix, least in _SUFFIXES)  # letters


def terms(text: str) -> list[str]:
    """Bigrams of CJK runs and Latin words (two letters or more, stemmed) of a normalised text."""
    out: list[str] = []
    for run in _WORD_RE.findall(text):
        if run[0].isascii():
            if len(run) > 1 and not run.isdigit():
                # A word too short for any suffix to come off is itself (a build has ~20k).
                out.append(stem(run) if len(run) >= _STEMMED_FROM else run)
        else:
            out.extend(map(add, run, run[1:]))  # run[i : i + 2] for each i, made in C
    return [t for t in out if t not in STOP_GRAMS]


class BM25:
    """``tokenize`` turns a document into its terms (default :func:`terms` of a normalised
    text; the cloud kind passes documents already split into terms)."""

    def __init__(
        self,
        documents: Iterable[tuple[Hashable, Any]],
        tokenize: Callable[[Any], Iterable[str]] = terms,
        k1: float = K1,
        b: float = B,
        common: int | None = None,
        uncounted: Callable[[Hashable], bool] | None = None,
    ) -> None:
        """``uncounted(key)``: a document that is searched but left out of the statistics
        (document count, document frequencies, average length), so adding a few such
        documents does not reweigh the terms every other document was scored with."""
        self.k1, self.b = k1, b
        # Built as one flat list per term and kept as one flat tuple (key, count, key, count,
        # ...): 96 bytes a term less than a pair of tuples, and no interleaving of two lists
        # at the end. The length part of each denominator is worked out once per entry.
        # Documents are numbered in the order they come (the cloud kind's keys are already
        # 0, 1, 2 ...): postings hold the numbers, and a long question's scores are summed in
        # a list by number (~40% faster than a dict by key).
        postings: dict[str, list[Any]] = {}
        lengths: dict[Any, int] = {}
        aside: Counter[str] = Counter()  # each term's uncounted documents
        aside_docs = aside_length = 0  # how many there are, and their terms in all
        for key, text in documents:
            counts = Counter(tokenize(text))
            if key in lengths:
                raise ValueError(f"document {key!r} given twice")
            i = len(lengths)
            lengths[key] = sum(counts.values())
            if uncounted is not None and uncounted(key):
                aside.update(counts.keys())
                aside_docs += 1
                aside_length += lengths[key]
            for term, tf in counts.items():
                posting = postings.get(term)
                if posting is None:  # not setdefault: its default was built for every term
                    postings[term] = [i, tf]
                else:
                    posting.append(i)
                    posting.append(tf)
        self._keys: list[Any] = list(lengths)
        # None when each document's number is its key: scores() hands the numbers out as they are.
        self._key_of: list[Any] | None = None if self._keys == list(range(len(self._keys))) else self._keys
        counted = len(lengths) - aside_docs
        n = max(counted, 1)
        self._documents = counted
        self._avg = (sum(lengths.values()) - aside_length) / n if counted else 1.0
        # A term's idf by its posting's length (two items a document; 0: not in the index):
        # a few thousand floats instead of a dict of one per term (~0.9 MiB at start).
        most = max(map(len, postings.values()), default=0) >> 1
        idf = [math.log(1 + (n - df + 0.5) / (df + 0.5)) for df in range(most + 1)]
        self._idf_by_len = [0.0, 0.0, *(idf[size >> 1] for size in range(2, 2 * most + 2))]
        # The terms of uncounted documents, by their counted documents alone (a term found in
        # none counts as the rarest, found in one): looked up before the table above.
        self._idf_of = {t: idf[max((len(postings[t]) >> 1) - a, 1)] for t, a in aside.items()}
        # One float per distinct length (the meaning layer's 2,333 rows have a few dozen).
        by_length = {n: k1 * (1 - b + b * n / self._avg) for n in set(lengths.values())}
        self._norms = [by_length[length] for length in lengths.values()]  # by document number
        # Terms in more than ``common`` documents: looked up per candidate instead of walked
        # (see scores), so a query's cost does not grow with the corpus.
        self._common = common if common is not None else n
        self._common_tf = {
            t: dict(zip(p[::2], p[1::2], strict=True)) for t, p in postings.items() if len(p) >> 1 > self._common
        }
        # 1 + norm: the denominator of a term found once in a document (most are; see _sums
        # and scores), by document number, one float per distinct length as the norms.
        once = {n: 1 + norm for n, norm in by_length.items()}
        self._once = [once[length] for length in lengths.values()]
        # Term by term, so the lists' memory is reused for the tuples rather than added to it.
        # Terms are shared: the GramIndex over the same texts holds most of the same bigrams.
        # So are equal postings: most terms are in one document once, and the same (key, 1)
        # stood for all of them (status: 16k postings, 5k distinct).
        self._postings: dict[str, tuple[Any, ...]] = {}
        tuples: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        for t in list(postings):
            posting = tuple(postings.pop(t))
            self._postings[shared(t)] = tuples.setdefault(posting, posting)

    def rank(self, query: str, limit: int = 3) -> list[tuple[Any, float, float, float]]:
        """(key, score, share, lead), best first. ``share`` = score / the most the question's
        known terms could score; ``lead`` = (best - next) / best."""
        query_terms = set(terms(query))
        k1 = self.k1
        postings = self._postings
        # sum(self.idf(t) * (k1 + 1) for t in query_terms), the same floats in C.
        if self._idf_of:
            idfs = map(self.idf, query_terms)
        else:
            idfs = map(self._idf_by_len.__getitem__, map(len, map(postings.get, query_terms, repeat(()))))
        ceiling = sum(map(mul, idfs, repeat(k1 + 1)))
        if not ceiling:
            return []
        if self._common_tf:
            scores = self.scores(dict.fromkeys(query_terms, 1.0))
            items = list(scores.items())
            values: list[float] = list(scores.values())
        else:
            sums = self._sums(query_terms)
            # Every score is above 0.0 (idf > 0): the untouched documents are the zeros.
            keys = self._keys
            items = [(keys[i], total) for i, total in enumerate(sums) if total]
            values = sums
        if len(items) > limit + 1:
            # Only keys scoring at least the (limit + 1)-th best can make the cut (ties
            # included): the sort with its Python key runs on those alone.
            floor = sorted(values, reverse=True)[limit]  # in C; nlargest loops in Python
            items = [kv for kv in items if kv[1] >= floor]
        top = sorted(items, key=lambda kv: (-kv[1], str(kv[0])))[: limit + 1]
        out = []
        for i, (key, score) in enumerate(top[:limit]):
            following = top[i + 1][1] if i + 1 < len(top) else 0.0
            out.append((key, score, score / ceiling, (score - following) / score if score else 0.0))
        return out

    def _sums(self, query_terms: Iterable[str]) -> list[float]:
        """Each document's score for plain terms (weight 1.0), by document number: the same
        floats as :meth:`scores` (the same additions in the same order, from 0.0), for an
        index with no common terms."""
        sums = [0.0] * len(self._norms)
        norms, once, k = self._norms, self._once, self.k1 + 1
        postings, by_len = self._postings, self._idf_by_len
        for term in query_terms:
            posting = postings.get(term)
            if posting is None:
                continue
            wi = 1.0 * (self._idf_of.get(term) or by_len[len(posting)])
            # wi × tf × k / (tf + norm) with tf = 1 is wi × k / (1 + norm): wi × 1 is wi
            # exactly, so the same floats with two operations fewer (~70% of the pairs).
            wk = wi * k
            pairs = iter(posting)
            for i, tf in zip(pairs, pairs, strict=False):  # pairs by construction; strict costs ~25%
                if tf == 1:
                    sums[i] += wk / once[i]
                else:
                    sums[i] += wi * tf * k / (tf + norms[i])
        return sums

    def idf(self, term: str) -> float:
        return self._idf_of.get(term) or self._idf_by_len[len(self._postings.get(term, ()))]

    def max_idf(self) -> float:
        """The idf of a term found in one document: the rarest there is."""
        n = self._documents
        return math.log(1 + (n - 0.5) / 1.5) if n else 0.0

    def scores(self, weights: Mapping[str, float]) -> dict[Any, float]:
        """Every document sharing a term with the query, by its weighted BM25 score (in the
        order the terms first reach them).

        ``weights``: the query's terms and how much each says (1.0 is a plain term). The most
        one term can add is ``weight × idf × (k1 + 1)``."""
        scores: dict[Any, float] = {}
        get = scores.get
        k1, norms = self.k1, self._norms
        k = k1 + 1
        postings, by_len = self._postings, self._idf_by_len
        fixed = self._idf_of
        known = [(t, w, fixed.get(t) or by_len[len(postings[t])]) for t, w in weights.items() if t in postings]
        rare = [(t, w, idf) for t, w, idf in known if t not in self._common_tf]
        # The rarer terms pick the candidates (each posting list at most ``common`` long);
        # the common ones only add to those. A query of common terms alone walks them all.
        # weight × idf × tf × (k1 + 1) / (tf + norm) is worked out left to right, so taking
        # weight × idf and k1 + 1 out of the loop leaves every float as it was.
        # A term found once in a document (most are): wi × 1 is wi exactly and 1 + norm is
        # once[key], so wi × k / once[key] is the same float with two operations fewer.
        once = self._once
        for term, weight, idf in rare or known:
            pairs = iter(self._postings[term])
            wi = weight * idf
            wk = wi * k
            for key, tf in zip(pairs, pairs, strict=False):  # pairs by construction; strict costs ~25%
                if tf == 1:
                    scores[key] = get(key, 0.0) + wk / once[key]
                else:
                    scores[key] = get(key, 0.0) + wi * tf * k / (tf + norms[key])
        if rare:
            for term, weight, idf in known:
                found = self._common_tf.get(term)
                if found is None:
                    continue
                wi = weight * idf
                wk = wi * k
                for key in scores:
                    tf = found.get(key)
                    if tf == 1:
                        scores[key] += wk / once[key]
                    elif tf:
                        scores[key] += wi * tf * k / (tf + norms[key])
        key_of = self._key_of
        return scores if key_of is None else {key_of[i]: total for i, total in scores.items()}
