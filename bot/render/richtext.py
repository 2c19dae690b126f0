"""A tiny document model rendered to Telegram HTML or to plain terminal text.

Cards are built once as spans; escaping happens here and nowhere else, so no
piece of user text can reach the HTML unescaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Literal

Style = Literal["plain", "bold", "italic", "code", "link"]
_TAGS = {"bold": "b", "italic": "i", "code": "code"}


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    style: Style = "plain"
    url: str = ""

    def html(self) -> str:
        body = html.escape(self.text, quote=False)
        if self.style == "link" and self.url:
            return f'<a href="{html.escape(self.url, quote=True)}">{body}</a>'
        tag = _TAGS.get(self.style)
        return f"<{tag}>{body}</{tag}>" if tag else body

    def plain(self) -> str:
        if self.style == "link" and self.url:
            return f"{self.text} <{self.url}>"
        return self.text


def t(text: str) -> Span:
    return Span(text)


def b(text: str) -> Span:
    return Span(text, "bold")


def i(text: str) -> Span:
    return Span(text, "italic")


def code(text: str) -> Span:
    return Span(text, "code")


def link(text: str, url: str) -> Span:
    return Span(text, "link", url)


Line = tuple[Span, ...]


@dataclass
class Doc:
    lines: list[Line] = field(default_factory=list)

    def add(self, *spans: Span | str) -> Doc:
        self.lines.append(tuple(s if isinstance(s, Span) else Span(s) for s in spans))
        return self

    def blank(self) -> Doc:
        if self.lines and self.lines[-1]:
            self.lines.append(())
        return self

    def extend(self, other: Doc) -> Doc:
        self.blank()
        self.lines.extend(other.lines)
        return self

    def _trimmed(self) -> list[Line]:
        lines = list(self.lines)
        while lines and not lines[-1]:
            lines.pop()
        return lines

    def html(self) -> str:
        return "\n".join("".join(s.html() for s in line) for line in self._trimmed())

    def plain(self) -> str:
        return "\n".join("".join(s.plain() for s in line) for line in self._trimmed())
