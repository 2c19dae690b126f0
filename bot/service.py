"""The bot's brain without any transport: text or a button press in, a Reply out.

The Telegram handlers, the offline console and ``httpcode-bot ask`` all go
through this one object, so they cannot drift apart.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot import render
from bot.cache import TextCache
from bot.knowledge import load_knowledge
from bot.models import KnowledgeBase, StatusEntry
from bot.render import Reply
from bot.resolver import Resolution, Resolver

MAX_ACTION_LENGTH = 64  # Telegram's limit on callback data, in bytes (so at most 64 characters)
_CODE_RE = re.compile(r"[1-5][0-9]{2}", re.ASCII)
_DIGIT_RE = re.compile(r"[1-5]", re.ASCII)
_ERROR_SOURCES = frozenset({*render.PROVIDER_NAMES, "family"})  # what render._match_button writes


@dataclass
class Service:
    kb: KnowledgeBase
    resolver: Resolver = field(init=False)
    build_seconds: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        started = time.perf_counter()
        self.resolver = Resolver(self.kb)
        self.build_seconds = time.perf_counter() - started
        # Answers are pure functions of the text (and cards of the code), so popular
        # questions ("503") are worked out once. Both results are immutable.
        self._resolve = TextCache(self.resolver.resolve, max_chars=4_000_000, max_entries=4096)
        self._cards = lru_cache(maxsize=512)(self._card)

    def _card(self, code: int, detailed: bool, limit: int) -> Reply:
        return render.status_card(self.kb, self.kb.statuses[code], detailed, limit)

    def card(
        self, kb: KnowledgeBase, entry: StatusEntry, detailed: bool = True, limit: int = render.TELEGRAM_LIMIT
    ) -> Reply:
        """render.status_card, cached per code (same signature, so render can call it)."""
        return self._cards(entry.code, detailed, limit)

    @classmethod
    def load(cls, root: Path | None = None) -> Service:
        return cls(load_knowledge(root))

    def resolve(self, text: str) -> Resolution:
        return self._resolve(text)

    def answer(self, res: Resolution, detailed: bool = True) -> Reply:
        return render.answer(self.kb, res, detailed, card=self.card)

    def ask(self, text: str, detailed: bool = True) -> Reply:
        return self.answer(self.resolve(text), detailed)

    def press(self, action: str) -> Reply | None:
        """The reply a button stands for, or None if the button is stale or forged.

        Callback data comes from the client and can be anything, so it is matched
        strictly (ASCII digits only: "²" passes str.isdigit() but not int()).
        """
        if len(action) > MAX_ACTION_LENGTH:  # Telegram allows 64 bytes; more is forged
            return None
        kind, _, arg = action.partition(":")
        if kind in ("code", "full", "brief") and _CODE_RE.fullmatch(arg):
            entry = self.kb.statuses.get(int(arg))
            return self.card(self.kb, entry, detailed=kind != "brief") if entry else None
        if kind == "class" and _DIGIT_RE.fullmatch(arg) and int(arg) in self.kb.classes:
            return render.class_list(self.kb, int(arg))
        if kind == "err":
            provider, _, error_code = arg.partition(":")
            if provider not in _ERROR_SOURCES or not error_code.strip() or not error_code.isprintable():
                return None
            hint = "" if provider == "family" else provider
            res = self.resolve(f"{hint} {error_code}".strip())
            for m in res.matches:
                if m.kind == "error" and m.error_code.lower() == error_code.lower():
                    return render.error_card(self.kb, m)
        return None
