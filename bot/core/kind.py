"""The protocol every kind of answer implements, and the query it is asked about.

A kind (HTTP statuses, cloud API errors, network errors ...) is one package under
``bot/kinds/`` with its data folder under ``knowledge/``. It loads and validates its files,
builds its indexes once, finds matches for a query on the one score scale of
``bot.core.tuning``, renders its cards and opens its buttons. The resolver, the renderer's
dispatch, the service, the CLI and the front-ends only ever talk to this protocol.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bot.core.match import Match, Resolution
from bot.core.schema import Problems
from bot.core.text import fold, normalize, remove_links

if TYPE_CHECKING:
    from bot.core.knowledge import KnowledgeBase
    from bot.render.reply import Reply

# Longer texts are read as their head and tail: where pasted logs and tracebacks put the error.
MAX_QUERY = 4096
# ``Query.memo`` key: the answer a kind leaves for when no kind finds anything else (a class
# listing when "…的那个 4xx 是哪个" describes no member the readings find).
LAST_RESORT = "last_resort"
# ``Query.signals``: the text types one of a kind's identifiers, whether or not it is the answer
# ("华为云 OBS 的 BucketAlreadyExists 是他那边的，我的是…" sets the scene with one).
IDENTIFIER_TYPED = "identifier-typed"
# Acknowledgements that happen to equal a reason phrase ("OK") are chatter, not questions.
_ACKS = frozenset({"ok", "okay", "ok ok", "okk"})


# A pasted log repeats its lines with other times, ids and counts ("upstream timed out" for every
# request): a line that repeats an earlier one but for its digits tells nothing new and is read
# once. Short lines (JSON's closing braces, blank lines) are always kept.
_REPEAT_MIN = 20
_DIGITS = str.maketrans("123456789", "000000000")


def distinct_lines(text: str) -> str:
    """``text`` without the lines of ``_REPEAT_MIN`` characters or more that repeat an earlier
    line once digits are set aside. Linear: one pass, one hash per line."""
    if text.count("\n") < 2:
        return text
    seen: set[str] = set()
    kept = []
    for line in text.split("\n"):
        if len(line) >= _REPEAT_MIN:
            key = line.translate(_DIGITS)
            if key in seen:
                continue
            seen.add(key)
        kept.append(line)
    return "\n".join(kept)


def reading(text: str) -> str:
    """What the kinds read of a message: its distinct lines, windowed to ``MAX_QUERY``."""
    return window(distinct_lines(text))


def window(text: str, size: int = MAX_QUERY) -> str:
    """At most ``size`` characters of ``text``: all of it, or its head and its tail."""
    if len(text) <= size:
        return text
    half = size // 2
    return f"{text[: half - 1]}\n{text[-half:]}"


@dataclass
class Query:
    """One question in the forms the kinds read it in, computed once."""

    text: str  # as sent, its repeated log lines read once, cut to MAX_QUERY
    folded: str  # NFKC, lower case, simplified Chinese
    stripped: str  # folded, links and e-mail addresses removed
    normalized: str  # stripped, fillers and punctuation removed
    signals: set[str] = field(default_factory=set)  # facts one kind notes for others
    memo: dict[str, Any] = field(default_factory=dict)  # a kind's per-query working, kept once
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (kind, identifier) nobody knows

    @classmethod
    def of(cls, text: object) -> Query:
        raw = reading(text) if isinstance(text, str) else ""
        folded = fold(raw)
        stripped = remove_links(folded)
        if stripped != raw and stripped.isascii():
            # normalize() folds the stripped text again: ASCII text fold() gave back (links
            # cut to spaces or not) is printable lower case and folds to itself
            # (tests/test_speed_text.py), so that fold is known, not worked out (2 KB: ~8 µs).
            fold.put(stripped, stripped)
        return cls(raw, folded, stripped, normalize(stripped))

    @property
    def empty(self) -> bool:
        return not self.normalized or self.normalized in _ACKS


class Kind(Protocol):
    """One kind of answer. See docs/adding-a-kind.md for a walkthrough."""

    name: str  # "status", "error", "network": the JSON "kind" and the button namespace
    title: str  # what the bot calls it in Chinese ("HTTP 状态码")
    identifies: bool  # its strong matches may replace another kind's outright answer
    # Chinese terms of its own that people type by their sound or in pinyin ("证书", "欠费"):
    # the resolver writes a question typed in pinyin back in Chinese with them.
    sound_words: tuple[str, ...]

    def load(self, root: Path, problems: Problems, loaded: Mapping[str, Any]) -> Any:
        """Read and validate ``root/<its folder>``; report every problem to ``problems``.

        ``loaded`` holds the data of the kinds loaded before it (for cross-references).
        Returns the kind's data (stored in the KnowledgeBase under ``name``).
        """

    def files(self, data: Any) -> tuple[str, ...]:
        """The knowledge files this kind read (for ``check``)."""

    def stats(self, data: Any) -> list[str]:
        """Lines for ``httpcode-bot check``: what was loaded, counted."""

    def build(self, kb: KnowledgeBase) -> None:
        """Build every index once, at start-up (never on the first question)."""

    def exact(self, text: str) -> Resolution | None:
        """The answer to a text that is one of this kind's identifiers and nothing else
        ("503"), found without reading the text (no Query, no other kind asked), or None. It
        must be what the whole reading gives that text: a test should compare the two over
        everything it accepts."""

    def outright(self, q: Query) -> Resolution | None:
        """An answer the text states outright (a typed code, a class), or None."""

    def may_identify(self, q: Query) -> bool:
        """Cheap check: could the text hold one of this kind's identifiers?"""

    def note(self, q: Query) -> None:
        """Add to ``q.signals`` what the kinds after this one should know before they search
        (asked of every kind, in order, when no kind answered outright)."""

    def strongest(self, q: Query) -> float:
        """At least the score of any identifier (a match of a tier in
        ``tuning.IDENTIFIER_TIERS`` or ``signature``) ``search`` could find in ``q``: a
        kind that cannot beat the lead another kind holds is not asked (``math.inf``: no
        bound known)."""

    def search(self, q: Query, limit: int) -> list[Match]:
        """Matches on the one score scale, best first. A kind that does not identify
        (``identifies = False``) searches after the others, and only if none of them found
        an identifier that answers: it must not leave for them anything but its notes."""

    def names_source(self, q: Query, match: Match) -> bool:
        """Does the text name where this match comes from (the cloud product whose error it
        is, or the vendor whose error code it asks for)? Then, beside a typed status, its
        retelling explains that status even in the status's own words ("华为 APIG 管理接口 401，
        提示会话过期")."""

    def fallback(self, q: Query, limit: int) -> list[Match]:
        """Last-resort readings (choices only), asked for when no kind found anything."""

    def weigh(self, matches: list[Match], best_other: float, q: Query) -> list[Match]:
        """Place this kind's matches beside the best match of the kinds before it."""

    def beside_status(self, q: Query, typed: Match) -> Match | None:
        """A reading of what went wrong around a status the text typed, told in this kind's
        terms ("OPTIONS 预检返回 405，跨域过不去": the browser's CORS failure beside 405), or None.
        Beside a status that reports no failure (``Resolution.yields``), only a failure the text
        tells, which then leads ("接口返回了 200，可浏览器拦下了响应")."""

    def render(self, res: Resolution, limit: int) -> Reply:
        """The whole reply for an outright answer this kind laid out."""

    def card(self, match: Match, limit: int, detailed: bool = True) -> Reply:
        """The card of one match."""

    def open(self, key: str, limit: int, detailed: bool = True) -> Reply | None:
        """The card a button payload (``match.key``) stands for, or None if it is stale."""

    def describe(self, match: Match) -> str:
        """One line for inline-mode results and choices."""

    def help_examples(self) -> tuple[str, ...]:
        """Example questions for /help."""
