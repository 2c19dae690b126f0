"""Cards as the messages each platform shows: plain text, Telegram HTML or a Feishu post,
split at line breaks to fit the platform's limit, with numbered follow-ups at the end.

Pure functions of a :class:`bot.render.richtext.Doc` and a :class:`~.platforms.Platform`, so
they are tested without any bot. Plain text goes out as an explicit text segment: OneBot v11
would read a bare string as CQ code, and an echoed "[CQ:at,qq=all]" must stay text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bot.render.reply import Button
from bot.render.richtext import Doc, Line, t

from .followups import lines as followup_lines
from .platforms import Platform

TRUNCATED: Line = (t("…（内容太长，后面的已省略）"),)

Part = list[Line]


def plain_line(line: Line, links: bool = True) -> str:
    return "".join(span.plain() if links else span.text for span in line)


def html_line(line: Line) -> str:
    return "".join(span.html() for span in line)


def measure(platform: Platform) -> Callable[[Line], int]:
    """The size of one line as the platform counts it."""
    if platform.rich == "html":
        return lambda line: len(html_line(line))
    return lambda line: len(plain_line(line, platform.links))


def layout(doc: Doc, buttons: Sequence[Button], group: bool, platform: Platform) -> list[Part]:
    """The card as at most ``platform.max_parts`` messages, each within ``platform.limit``;
    the follow-up list always survives, at the end of the last one."""
    size = measure(platform)
    limit = platform.limit
    body = _pieces(_trim(doc.lines), size, limit, platform.rich == "html")
    tail: Part = [(), *followup_lines(buttons, group)] if buttons else []
    starts = _starts(body, size, limit)
    parts = [_trim(body[a:b]) for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]
    parts = [part for part in parts if part] or [[]]
    if len(parts) > platform.max_parts:
        # Cut in the last part allowed, keeping room for the note and the follow-ups.
        parts = parts[: platform.max_parts - 1]
        room = limit - _size([TRUNCATED, *tail], size)
        last: Part = []
        used = 0
        for line in body[starts[platform.max_parts - 1] :]:
            used += size(line) + 1
            if used > room:
                break
            last.append(line)
        return [*parts, _trim([*last, TRUNCATED]) + tail]
    if tail:
        if _size(parts[-1] + tail, size) <= limit:
            parts[-1] = _trim(parts[-1] + tail)
        else:
            parts.append(_trim(tail))
    return parts


def _size(lines: Sequence[Line], size: Callable[[Line], int]) -> int:
    return sum(size(line) for line in lines) + max(0, len(lines) - 1)


def _trim(lines: Sequence[Line]) -> Part:
    out = list(lines)
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return out


def _pieces(lines: Part, size: Callable[[Line], int], limit: int, html: bool) -> Part:
    """Lines that each fit on their own: a longer one is cut into plain-text pieces."""
    step = max(1, limit // 2 if html else limit)  # escaping can double a piece's HTML
    out: Part = []
    for line in lines:
        if size(line) <= limit:
            out.append(line)
            continue
        text = "".join(span.text for span in line)
        out.extend((t(text[i : i + step]),) for i in range(0, len(text), step))
    return out


def _starts(body: Part, size: Callable[[Line], int], limit: int) -> list[int]:
    """Where each message begins: as many whole lines as fit, greedily."""
    starts = [0]
    used = 0
    for index, line in enumerate(body):
        n = size(line)
        if index > starts[-1] and used + 1 + n > limit:
            starts.append(index)
            used = n
        else:
            used += n + (1 if index > starts[-1] else 0)
    return starts


# --- one part as the message the adapter sends ----------------------------------------------


def render(part: Part, platform: Platform, message_class: type | None, title: str = "") -> Any:
    """What ``bot.send`` takes for one part on this platform."""
    if platform.rich == "html":
        return "\n".join(html_line(line) for line in part)  # the Telegram adapter sends a str as is
    if platform.rich == "feishu_post":
        from nonebot.adapters.feishu import MessageSegment as FeishuSegment

        return FeishuSegment.post(title, feishu_post(part))
    text = "\n".join(plain_line(line, platform.links) for line in part)
    if message_class is None:
        return text
    segment = message_class.get_segment_class()
    return message_class(segment.text(text)) if hasattr(segment, "text") else text


def feishu_post(part: Part) -> list[list[dict[str, Any]]]:
    """Feishu rich-text paragraphs: bold and italic keep their style, links stay links."""
    paragraphs: list[list[dict[str, Any]]] = []
    for line in part:
        nodes: list[dict[str, Any]] = []
        for span in line:
            if span.style == "link" and span.url:
                nodes.append({"tag": "a", "text": span.text, "href": span.url})
            elif span.style in ("bold", "italic"):
                nodes.append({"tag": "text", "text": span.text, "style": [span.style]})
            else:
                nodes.append({"tag": "text", "text": span.text})
        paragraphs.append(nodes or [{"tag": "text", "text": ""}])
    return paragraphs
