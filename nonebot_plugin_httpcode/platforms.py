"""What each chat platform takes: message length, rich text, quoting. Keyed by adapter name.

The names are what ``Adapter.get_name()`` returns. An adapter not listed gets
:data:`DEFAULT`: plain text in short messages, which every chat platform can show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

Rich = Literal["plain", "html", "feishu_post"]


@dataclass(frozen=True)
class Platform:
    limit: int  # the longest message we send, in characters (of HTML for "html")
    rich: Rich = "plain"
    links: bool = True  # False: show link text only (QQ official bots may send whitelisted URLs only)
    max_parts: int = 3  # a longer card is cut after this many messages
    quote: Mapping[str, Any] = field(default_factory=dict)  # bot.send kwargs that quote the question


PLATFORMS: dict[str, Platform] = {
    # go-cqhttp, NapCat, Lagrange: about 4500 characters go through as one message.
    "OneBot V11": Platform(4500, quote={"reply_message": True}),
    "OneBot V12": Platform(4500),
    "Console": Platform(20000),
    # QQ official bots: text only, a URL must be on the bot's whitelist or the message is refused;
    # markdown needs an approved template, so it is not used.
    "QQ": Platform(2000, links=False),
    # Feishu: rich-text "post" messages (bold, links); a request body may hold about 30 KB.
    "Feishu": Platform(4000, rich="feishu_post"),
    "Telegram": Platform(4096, rich="html"),
}
DEFAULT = Platform(1500)  # Discord takes 2000, most others more


def platform(adapter_name: str, limits: Mapping[str, int] | None = None) -> Platform:
    """The platform for an adapter, with a configured length limit if there is one."""
    found = PLATFORMS.get(adapter_name, DEFAULT)
    if limits and adapter_name in limits:
        found = replace(found, limit=max(200, limits[adapter_name]))
    return found
