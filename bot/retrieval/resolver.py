"""Turn a question into ranked matches of any kind, on the one score scale.

The resolver names no kind. It asks the kinds of the knowledge base, in their order:

1. Does one of them answer the text outright (typed status codes, a class)? A final
   answer (a class) stands; otherwise it stands unless a kind that outranks its owner
   (``tuning.PRECEDENCE``) may hold an identifier too (its cheap ``may_identify``).
2. Each kind searches. A kind that ``identifies`` and finds an identifier scoring at least
   ``tuning.DOMINANT`` answers on its own (a documented cloud code, a pasted error body).
3. Otherwise the first kind's readings are the baseline; every later kind weighs its own
   against the best of them, and everything at or above ``tuning.CHOICES`` is ranked.
4. When no kind read anything, each kind's ``fallback`` (whole-entry retrieval for long
   descriptions) may still offer choices.

Worst case: ``Query.of`` cuts the text to 4,096 characters (head and tail) and every kind's
search is linear in that (see each kind's index module).
"""

from __future__ import annotations

from bot.core import tuning
from bot.core.kind import Kind, Query
from bot.core.knowledge import KnowledgeBase
from bot.core.match import Match, Resolution


class Resolver:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.kinds: tuple[Kind, ...] = kb.kinds
        for kind in self.kinds:
            kind.build(kb)  # every index at start, none on the first question

    def resolve(self, text: str, limit: int = 5) -> Resolution:
        q = Query.of(text)
        if q.empty:
            return Resolution(q.text, "none", ())
        outright = next((r for k in self.kinds if (r := k.outright(q)) is not None), None)
        rivals = list(self.kinds)
        if outright is not None:
            if outright.final:
                return outright
            owner = tuning.precedence(outright.owner)
            rivals = [
                k
                for k in self.kinds
                if k.identifies and tuning.precedence(k.name) < owner and k.may_identify(q)
            ]
            if not rivals:
                return outright
        found: dict[str, list[Match]] = {}
        for kind in rivals:
            matches = kind.search(q, limit)
            top = matches[0] if matches else None
            if (
                kind.identifies
                and top is not None
                and top.score >= tuning.DOMINANT
                and top.tier in tuning.IDENTIFIER_TIERS
            ):
                return Resolution(q.text, "text", tuple(matches[:limit]))
            found[kind.name] = matches
        if outright is not None:
            return outright
        return self._ranked(q, found, limit)

    def _ranked(self, q: Query, found: dict[str, list[Match]], limit: int) -> Resolution:
        first, *later = self.kinds
        matches = list(found.get(first.name, ()))
        best = matches[0].score if matches else 0.0
        for kind in later:
            weighed = kind.weigh(found.get(kind.name, []), best, q)
            matches.extend(m for m in weighed if m.score >= tuning.CHOICES)
        if not matches:  # long descriptions no tier read: each kind's last resort
            matches = [m for kind in self.kinds for m in kind.fallback(q, limit) if m.score >= tuning.CHOICES]
        matches.sort(key=_rank_key)
        unknown = tuple(dict.fromkeys(q.unknown))
        if not matches:
            return Resolution(q.text, "none", (), unknown=unknown)
        return Resolution(q.text, "text", tuple(matches[:limit]), unknown=unknown)


def is_explicit(res: Resolution) -> bool:
    """Does the text name a code or a known error outright (for unprompted answers)?"""
    if res.mode in ("code", "multi"):
        return True
    if res.mode != "text" or not res.matches:
        return False
    top = res.matches[0]
    return top.tier == "signature" or (top.tier in tuning.AUTO_TIERS and top.score >= tuning.DOMINANT)


def _rank_key(m: Match) -> tuple[float, int, int, str]:
    return (-m.score, tuning.precedence(m.kind), m.status or 0, m.order)
