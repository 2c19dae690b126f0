"""The bot's brain without any transport: text or a button press in, a Reply out.

The Telegram handlers, the offline console and ``httpcode-bot ask`` all go through this
one object, so they cannot drift apart. It names no kind: the knowledge base's kinds
resolve, render and open buttons.
"""

from __future__ import annotations

from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import Literal

from bot.core import indexcache
from bot.core.cache import TextCache, gc_paused
from bot.core.knowledge import KnowledgeBase, default_dir
from bot.core.lazyre import compile_pending
from bot.core.match import Match, Resolution
from bot.core.text import clear_caches
from bot.core.textforms import known_forms
from bot.render import answer as dispatch
from bot.render.reply import TELEGRAM_LIMIT, Button, Reply
from bot.retrieval.resolver import Resolver

CacheUse = Literal["use", "refresh", "off"]
MAX_ACTION_LENGTH = 64  # Telegram's limit on callback data, in bytes (so at most 64 characters)


@dataclass
class Service:
    kb: KnowledgeBase
    resolver: Resolver = field(init=False)
    built: InitVar[Resolver | None] = None  # a resolver built before (bot.core.indexcache)

    def __post_init__(self, built: Resolver | None) -> None:
        if built is not None:
            self.resolver = built
        else:
            self.resolver = Resolver(self.kb)
            # Building normalised every string of the knowledge base through the shared
            # caches; the indexes keep what they need, and questions will not repeat those
            # (~2.5 MiB).
            clear_caches()
        # Answers are pure functions of the text, so popular questions ("503") are worked
        # out once; the cache is bounded by the characters it holds, not only by count. An
        # entry is ~1–2 KB beside its text (the resolution and its matches; the knowledge
        # entries they point to are shared): 1,024 entries and 500k characters of questions
        # stay within a few MiB, where 4,096 and 4M characters could grow to tens.
        self._resolve = TextCache(self.resolver.resolve, max_chars=500_000, max_entries=1024)

    @classmethod
    def load(cls, root: Path | None = None, *, cache: CacheUse = "use") -> Service:
        """Load, validate and build every index; or read what the same knowledge and code
        built before (bot.core.indexcache). ``cache``: "use" reads it and writes it after a
        build, for one-shot commands (``ask 503`` in ~0.2 s rather than ~0.5 s); "refresh"
        always builds and writes it (``check``); "off" neither, for the long-running bot: an
        unpickled resolver holds ~3 MiB more (numbers the build shares come back one object
        per use), kept for the life of the process to save ~0.3 s once."""
        from bot.kinds import load

        knowledge = Path(root) if root is not None else default_dir()
        # Loading and indexing allocate ~100k long-lived objects and free almost none: the
        # collector's passes over them find nothing and cost ~10% of start-up.
        with gc_paused():
            built = indexcache.load(knowledge) if cache == "use" else None
            if built is not None:
                return cls(built.kb, built)
            # One read of the generated text forms serves the load and every kind's build.
            with known_forms():
                service = cls(load(knowledge))
        if cache != "off":
            indexcache.store(service.resolver, knowledge)
        return service

    def resolve(self, text: str) -> Resolution:
        return self._resolve(text)

    def answer(self, res: Resolution, detailed: bool = True, limit: int = TELEGRAM_LIMIT) -> Reply:
        return dispatch.answer(self.kb, res, detailed, limit)

    def ask(self, text: str, detailed: bool = True, limit: int = TELEGRAM_LIMIT) -> Reply:
        return self.answer(self.resolve(text), detailed, limit)

    def card(self, match: Match, detailed: bool = True, limit: int = TELEGRAM_LIMIT) -> Reply:
        return dispatch.card(self.kb, match, detailed, limit)

    def prerender(self, limit: int = TELEGRAM_LIMIT) -> list[Reply]:
        """Cards that depend on the knowledge base alone, rendered now rather than on first use
        (by each kind that has a ``prerender``); for long-running front ends. The patterns
        compiled on first use are compiled now too: the first question costs what the next do."""
        compile_pending()
        replies: list[Reply] = []
        for kind in self.kb:
            prerender = getattr(kind, "prerender", None)
            if prerender is not None:
                replies.extend(prerender(limit))
        return replies

    def button(self, match: Match) -> Button:
        return dispatch.button(self.kb, match)

    def describe(self, match: Match) -> str:
        """One line about a match, for inline results."""
        return self.kb.kind(match.kind).describe(match)

    def inline_title(self, match: Match) -> str:
        return self.kb.kind(match.kind).inline_title(match)

    def press(self, action: str, limit: int = TELEGRAM_LIMIT) -> Reply | None:
        """The reply a button stands for, or None if the button is stale or forged.

        Callback data comes from the client and can be anything; each kind checks its
        keys strictly ("²" passes str.isdigit() but not int()).
        """
        if not isinstance(action, str) or len(action) > MAX_ACTION_LENGTH or not action.isprintable():
            return None
        return dispatch.open_action(self.kb, action, limit)

    def stats(self) -> list[str]:
        """What the knowledge base holds, kind by kind (for ``httpcode-bot check``)."""
        lines = [line for kind in self.kb for line in kind.stats(self.kb[kind.name])]
        if self.kb.chatter is not None:
            lines.append(f"闲聊判别模型 {len(self.kb.chatter)} 个特征")
        return lines
