"""The bot's brain without any transport: text or a button press in, a Reply out.

The Telegram handlers, the offline console and ``httpcode-bot ask`` all go
through this one object, so they cannot drift apart.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from bot import render
from bot.knowledge import load_knowledge
from bot.models import KnowledgeBase
from bot.render import Reply
from bot.resolver import Resolution, Resolver


@dataclass
class Service:
    kb: KnowledgeBase
    resolver: Resolver = field(init=False)
    build_seconds: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        started = time.perf_counter()
        self.resolver = Resolver(self.kb)
        self.build_seconds = time.perf_counter() - started

    @classmethod
    def load(cls, root: Path | None = None) -> Service:
        return cls(load_knowledge(root))

    def resolve(self, text: str) -> Resolution:
        return self.resolver.resolve(text)

    def ask(self, text: str, detailed: bool = True) -> Reply:
        return render.answer(self.kb, self.resolve(text), detailed)

    def press(self, action: str) -> Reply | None:
        """The reply a button stands for, or None if the button is stale or forged."""
        kind, _, arg = action.partition(":")
        if kind in ("code", "full", "brief") and arg.isdigit():
            entry = self.kb.statuses.get(int(arg))
            return render.status_card(self.kb, entry, detailed=kind != "brief") if entry else None
        if kind == "class" and arg.isdigit() and int(arg) in self.kb.classes:
            return render.class_list(self.kb, int(arg))
        if kind == "err":
            provider, _, error_code = arg.partition(":")
            hint = "" if provider == "family" else provider
            res = self.resolver.resolve(f"{hint} {error_code}".strip())
            for m in res.matches:
                if m.kind == "error" and m.error_code.lower() == error_code.lower():
                    return render.error_card(self.kb, m)
        return None
