"""Checks that a reply is HTML Telegram accepts: known tags, balanced, escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

TELEGRAM_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "tg-spoiler",
    "span",
    "blockquote",
    "tg-emoji",
}
_ENTITY = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in TELEGRAM_TAGS:
            self.errors.append(f"tag <{tag}> is not allowed")
        if tag == "a" and not any(k == "href" for k, _ in attrs):
            self.errors.append("<a> without href")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()


def html_problems(text: str) -> list[str]:
    checker = _Checker()
    checker.feed(text)
    checker.close()
    errors = list(checker.errors)
    if checker.stack:
        errors.append(f"unclosed tags: {checker.stack}")
    # Telegram rejects a bare '<' or '&' that does not start a tag or entity.
    stripped = re.sub(r"</?[a-z-]+(?:\s+[a-z-]+=\"[^\"]*\")*>", "", text)
    if "<" in stripped or ">" in stripped:
        errors.append("raw angle bracket outside a tag")
    if _ENTITY.search(text):
        errors.append("unescaped ampersand")
    return errors
