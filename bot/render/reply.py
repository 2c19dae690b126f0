"""A finished reply: a rich-text document plus abstract buttons, and the size guard.

The Telegram layer turns buttons into inline keyboards; the terminal prints
``doc.plain()``. Nothing here knows about Telegram: the caller passes the size limit
(``limit``, in characters of HTML); the default is merely the common case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.render.richtext import Doc, Line, t

TELEGRAM_LIMIT = 4096  # the default limit: a Telegram message holds at most 4096 characters
_ECHO_MAX = 80
_LISTED_CODES = 40  # codes spelled out in a "另有 N 个" line
# Bidirectional overrides would flip the rest of a reply around when echoed back.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True, slots=True)
class Button:
    text: str
    action: str  # "<kind>:<key>" opens a card, "<kind>:<key>:b" its brief form (Kind.open)


@dataclass(eq=False)  # identity semantics: cached replies can key other caches
class Reply:
    """A finished answer. Treat it as read-only once built: its HTML is computed once."""

    doc: Doc
    buttons: list[list[Button]] = field(default_factory=list)
    _html: str | None = field(default=None, init=False, repr=False)

    def html(self) -> str:
        if self._html is None:
            self._html = self.doc.html()
        return self._html

    def plain(self) -> str:
        return self.doc.plain()


# Secrets people paste along with an error: never shown back, even in a group. Each pattern
# is a literal key then single-class runs, so it is linear (and echo reads 320 characters).
_SECRET_VALUE_RE = re.compile(
    r"(?i)((?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[_-]?key|access[_-]?key(?:[_-]?id)?"
    r"|access[_-]?key[_-]?secret|secret(?:[_-]?key)?|token|access[_-]?token|password|passwd|signature)"
    r"[\"']?\s*[:=]\s*[\"']?)[^\s\"',;&]+"
)
_BEARER_RE = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=\-]+")
_JWT_RE = re.compile(r"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)?")
_OPAQUE_RE = re.compile(r"[A-Za-z0-9+/_\-]{32,}={0,2}")  # long keys, session ids


def redact(text: str) -> str:
    """``text`` with credentials replaced by ***: key=value pairs, bearer tokens, long opaque strings."""
    text = _BEARER_RE.sub(r"\1 ***", text)
    text = _JWT_RE.sub("***", text)
    text = _SECRET_VALUE_RE.sub(r"\1***", text)
    return _OPAQUE_RE.sub("***", text)


def echo(text: str) -> str:
    """User text shown back in a reply: one line, bounded length, no control characters
    (a terminal would obey an echoed escape sequence), no secrets; HTML escaping is Span's job."""
    head = redact(text[: _ECHO_MAX * 4])  # bounded work however long the message
    cleaned = "".join(" " if ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc" else ch for ch in head)
    flat = " ".join(cleaned.split())
    return flat if len(flat) <= _ECHO_MAX else flat[: _ECHO_MAX - 1] + "…"


def line_size(line: Line) -> int:
    return len("".join(span.html() for span in line))


def fit(reply: Reply, limit: int = TELEGRAM_LIMIT) -> Reply:
    """The reply cut after the last whole line that fits within ``limit``, saying so.

    The last guard for every answer: cutting between lines keeps the HTML valid, since
    every tag opens and closes within one span.
    """
    if len(reply.html()) <= limit:
        return reply
    note: Line = (t("…（内容太长，后面的已省略）"),)
    used = line_size(note)
    kept: list[Line] = []
    for line in reply.doc.lines:
        used += line_size(line) + 1  # + the newline before the note or the next line
        if used > limit:
            break
        kept.append(line)
    return Reply(Doc([*kept, note]), reply.buttons)


def code_list(entries: Sequence[object]) -> str:
    """Codes spelled out compactly: "500、502、503…" with at most _LISTED_CODES of them."""
    shown = "、".join(str(c) for c in entries[:_LISTED_CODES])
    return shown + ("…" if len(entries) > _LISTED_CODES else "")
