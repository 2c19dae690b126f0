"""The status kind: HTTP status codes and their five classes (``knowledge/status/``,
``knowledge/classes.toml``). It answers typed codes, classes and comparisons outright,
and ranks free-text readings; every other kind is weighed against its best reading."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.core.cache import gc_paused
from bot.core.kind import Query
from bot.core.knowledge import KnowledgeBase
from bot.core.match import Match, Resolution
from bot.core.schema import Problems
from bot.core.symptoms import listed
from bot.core.textforms import known_forms
from bot.kinds.status import cards
from bot.kinds.status.index import OVERVIEW, TERM_WORDS, StatusIndex
from bot.kinds.status.loader import load_status
from bot.kinds.status.model import StatusData, StatusEntry
from bot.render.reply import Reply, code_list
from bot.render.richtext import Line, b, t


class StatusKind:
    name = "status"
    title = "HTTP 状态码"
    identifies = False  # its outright answers stand; its readings are the baseline
    sound_words = TERM_WORDS  # the domain's own terms

    def __init__(self) -> None:
        self.data: StatusData | None = None
        self.index: StatusIndex | None = None

    # --- loading -------------------------------------------------------------------------
    def load(self, root: Path, problems: Problems, loaded: Mapping[str, Any]) -> StatusData | None:
        return load_status(root, problems)

    def files(self, data: StatusData) -> tuple[str, ...]:
        return data.files

    def stats(self, data: StatusData) -> list[str]:
        by_registry: dict[str, int] = {}
        for entry in data.statuses.values():
            by_registry[entry.registry] = by_registry.get(entry.registry, 0) + 1
        counts = "，".join(f"{k} {v}" for k, v in sorted(by_registry.items()))
        described = sum(1 for e in data.statuses.values() if e.descriptions)
        said = sum(len(e.descriptions) for e in data.statuses.values())
        return [
            f"状态码 {len(data.statuses)} 个（{counts}）",
            f"描述说法 {said} 条（{described} 个状态码有）",
            f"大类 {len(data.classes)} 个",
        ]

    def build(self, kb: KnowledgeBase) -> None:
        self.data = kb[self.name]
        # As CloudIndex: a build frees almost nothing the collector could find.
        with gc_paused(), known_forms():
            network = kb.parts.get("network")
            self.index = StatusIndex(self.data, listed(network.entries.values()) if network is not None else ())
        self._card = lru_cache(maxsize=1024)(self._card_uncached)
        self._cards: dict[tuple[int, bool, int], Reply] = {}  # filled by prerender, if called

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without its rendered cards (see bot.core.indexcache): they are rebuilt on use."""
        state = dict(self.__dict__)
        state.pop("_card", None)
        state["_cards"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if self.index is not None:
            self._card = lru_cache(maxsize=1024)(self._card_uncached)

    def prerender(self, limit: int) -> list[Reply]:
        """Render every code's full card once, HTML included, and keep them: a long-running
        front end calls this at start (~15 ms), so the first ``/code 503`` of the process is
        as fast as the next. ``ask`` answers one question and does not."""
        for code in self.data.statuses:
            reply = self._card_uncached(code, True, limit)
            reply.html()
            self._cards[(code, True, limit)] = reply
        return list(self._cards.values())

    # --- answering -----------------------------------------------------------------------
    def exact(self, text: str) -> Resolution | None:
        return self.index.exact(text)

    def outright(self, q: Query) -> Resolution | None:
        return self.index.outright(q)

    def may_identify(self, q: Query) -> bool:
        return False

    def names_source(self, q: Query, match: Match) -> bool:
        return False

    def note(self, q: Query) -> None:
        if self.index.has_signature(q):
            q.signals.add("log-signature")  # a status log line is not a cloud message

    def strongest(self, q: Query) -> float:
        return math.inf  # identifies nothing; never asked beside a lead

    def search(self, q: Query, limit: int) -> list[Match]:
        self.note(q)
        return self.index.rank(q, limit)

    def fallback(self, q: Query, limit: int) -> list[Match]:
        return self.index.documents(q, limit)

    def weigh(self, matches: list[Match], best_other: float, q: Query) -> list[Match]:
        return matches

    def beside_status(self, q: Query, typed: Match) -> Match | None:
        return None

    # --- showing -------------------------------------------------------------------------
    def render(self, res: Resolution, limit: int) -> Reply:
        if res.mode == "class" and res.group == OVERVIEW:
            return cards.overview(self.data, limit)
        if res.mode == "class" and res.group is not None:
            return cards.class_list(self.data, res.group, limit)
        entries = [m.answer for m in res.matches if m.kind == self.name]
        if res.mode == "multi":
            return cards.comparison(self.data, entries, limit)
        return self.card(res.matches[0], limit)

    def card(self, match: Match, limit: int, detailed: bool = True) -> Reply:
        return self._status_card(match.answer.code, detailed, limit)

    def _status_card(self, code: int, detailed: bool, limit: int) -> Reply:
        return self._cards.get((code, detailed, limit)) or self._card(code, detailed, limit)

    def _card_uncached(self, code: int, detailed: bool, limit: int) -> Reply:
        return cards.status_card(self.data, self.data.statuses[code], detailed, limit)

    def open(self, key: str, limit: int, detailed: bool = True) -> Reply | None:
        """``503`` opens a card, ``5xx`` a class list; anything else is stale or forged."""
        if key.isascii() and key.isdigit() and len(key) == 3 and int(key) in self.data.statuses:
            return self._status_card(int(key), detailed, limit)
        if len(key) == 3 and key[0] in "12345" and key[1:] == "xx":
            return cards.class_list(self.data, int(key[0]), limit)
        return None

    def button(self, match: Match) -> tuple[str, str]:
        entry: StatusEntry = match.answer
        return cards.short_label(entry), cards.open_action(entry.code)

    def describe(self, match: Match) -> str:
        return match.answer.summary

    def inline_title(self, match: Match) -> str:
        entry: StatusEntry = match.answer
        return f"{cards.heading(entry)} {entry.name_zh}"

    def explain_unknown(self, idents: list[str]) -> list[Line]:
        """Lines for typed codes that are not status codes: each class explained once."""
        lines: list[Line] = []
        explained: set[int] = set()
        for ident in idents[:5]:
            digit = int(ident[0]) if ident[:1].isdigit() else 0
            lines.append((b(ident), t(" 不是已登记或常见的状态码。")))
            cls = self.data.classes.get(digit)
            if cls and digit not in explained:
                explained.add(digit)
                lines.append((t(f"按首位数字，它属于 {digit}xx「{cls.name_zh}」：{cls.summary}"),))
        rest = idents[5:]
        if rest:
            lines.append((t(f"另有 {len(rest)} 个也不是：{code_list(rest)}"),))
        return lines

    def help_examples(self) -> tuple[str, ...]:
        return ("/code 503", "网关超时怎么办", "401 和 403 的区别", "5xx")
