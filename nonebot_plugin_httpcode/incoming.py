"""NoneBot events as the chat policy's platform-neutral messages (:class:`bot.chat.actions.Incoming`).

The one place that knows how each adapter spells a chat, a mention, a reply and a group admin.
It reads events by their fields rather than importing adapters, so an adapter that is not
installed costs nothing, and one not listed here still works: plain text, chat kind from the
event's class name, admins only through NoneBot's SUPERUSERS.

Ids are strings, prefixed with the adapter's name ("OneBot V11:group:123456"), so a QQ group
and a Feishu chat with the same number never share auto mode, flood windows or follow-ups.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

from nonebot.adapters import Bot, Event, Message
from nonebot.permission import SuperUser

from bot.chat.actions import ChatKind, Incoming

log = logging.getLogger(__name__)

_PRIVATE_MARKS = ("Private", "Direct", "C2C", "P2P")  # event class names of one-to-one chats
_ADMIN_ROLES = frozenset({"admin", "owner"})  # OneBot v11 sender.role, QQ group author.member_role
_QQ_GUILD_ADMIN_ROLES = frozenset({"2", "4", "5"})  # QQ guild roles: admin, owner, channel admin
_TELEGRAM_ADMIN = frozenset({"administrator", "creator"})


@dataclass(frozen=True)
class Replied:
    """The message the event replies to, as far as the adapter tells."""

    to_us: bool = False
    text: str = ""
    message_id: str | None = None


def adapter_name(bot: Bot) -> str:
    return bot.adapter.get_name()


def chat(bot: Bot, event: Event) -> tuple[ChatKind, str]:
    """Private or group, and the chat's id, prefixed with the adapter's name."""
    kind, raw = _chat(adapter_name(bot), event)
    return kind, f"{adapter_name(bot)}:{kind}:{raw}"


def _chat(name: str, event: Any) -> tuple[ChatKind, str]:
    if name == "Console":
        channel = event.channel.id
        private = channel == "_direct" or channel.startswith("private:")
        return ("private", event.get_user_id()) if private else ("group", channel)
    if name == "OneBot V11":
        if event.message_type == "private":
            return "private", event.get_user_id()
        return "group", str(event.group_id)
    if name == "OneBot V12":
        if event.detail_type == "private":
            return "private", event.get_user_id()
        if event.detail_type == "group":
            return "group", str(event.group_id)
        return "group", f"{event.guild_id}/{event.channel_id}"
    if name == "Feishu":
        message = event.event.message
        return ("private", event.get_user_id()) if message.chat_type == "p2p" else ("group", message.chat_id)
    if name == "Telegram":
        chat = event.chat
        return ("private" if chat.type == "private" else "group"), str(chat.id)
    # QQ and adapters not listed: the event class says whether it is one-to-one.
    private = any(mark in type(event).__name__ for mark in _PRIVATE_MARKS)
    if private:
        return "private", event.get_user_id()
    for field in ("group_openid", "group_id", "channel_id", "guild_id", "chat_id"):
        value = getattr(event, field, None)
        if value:
            return "group", str(value)
    return "group", event.get_session_id()


def message_id(event: Any) -> str:
    for field in ("message_id", "id"):
        value = getattr(event, field, None)
        if value is not None:
            return str(value)
    return ""


def text_of(event: Event) -> str:
    """The message's text: text segments only, so @mentions and images fall away."""
    try:
        return event.get_message().extract_plain_text().strip()
    except (ValueError, NotImplementedError):  # an event without a message
        return ""


def _mentions(bot: Bot, event: Event) -> bool:
    """An @mention of the bot anywhere in the message; adapters strip only leading or trailing ones."""
    if event.is_tome():
        return True
    try:
        segments = list(event.get_message())
    except (ValueError, NotImplementedError):
        return False
    own = str(bot.self_id)
    for segment in segments:
        if segment.type in ("at", "mention"):
            data = segment.data
            if str(data.get("qq", data.get("user_id", ""))) == own:
                return True
    return False


def replied(bot: Bot, event: Any) -> Replied:
    """What the event replies to, where the adapter gives it (it fetched it before our matchers)."""
    name = adapter_name(bot)
    try:
        if name == "Telegram":
            reply = getattr(event, "reply_to_message", None)
            if reply is None:
                return Replied()
            sender = getattr(reply, "from_", None)
            to_us = sender is not None and str(sender.id) == str(bot.self_id)
            return Replied(to_us, reply.get_message().extract_plain_text(), str(reply.message_id))
        reply = getattr(event, "reply", None)
        if reply is None:
            return Replied()
        if name == "Feishu":
            content = type(event.get_message()).deserialize(
                reply.body.content, reply.mentions, reply.msg_type
            )
            to_us = reply.sender.id_type == "app_id" and reply.sender.id == bot.bot_config.app_id
            return Replied(to_us, content.extract_plain_text(), reply.message_id)
        if name == "QQ":
            get = getattr(event, "get_reply_message", None)
            body = get() if get is not None else None
            text = body.extract_plain_text() if body is not None else (getattr(reply, "content", "") or "")
            author = getattr(reply, "author", None)
            to_us = author is not None and bool(getattr(author, "bot", False))
            return Replied(to_us, text, getattr(reply, "id", None))
        # OneBot v11 and alike: reply.message, reply.sender.user_id, reply.message_id.
        body = getattr(reply, "message", None)
        text = body.extract_plain_text() if isinstance(body, Message) else ""
        sender = getattr(reply, "sender", None)
        sender_id = getattr(sender, "user_id", None) or getattr(reply, "user_id", None)
        to_us = sender_id is not None and str(sender_id) == str(bot.self_id)
        reply_id = getattr(reply, "message_id", None)
        return Replied(to_us, text, str(reply_id) if reply_id is not None else None)
    except Exception:  # a malformed or unexpected reply must not lose the question itself
        log.debug("状态码助手：读不懂这条回复引用", exc_info=True)
        return Replied()


async def is_admin(bot: Bot, event: Any) -> bool:
    """A group admin, as the adapter tells, or one of NoneBot's SUPERUSERS (on any adapter).
    Where an adapter says nothing about roles, only superusers count: refusing is the safe side."""
    if await SuperUser()(bot, event):
        return True
    name = adapter_name(bot)
    if name == "OneBot V11":
        return getattr(event.sender, "role", None) in _ADMIN_ROLES
    if name == "QQ":
        role = getattr(getattr(event, "author", None), "member_role", None)  # QQ groups
        roles = getattr(getattr(event, "member", None), "roles", None) or []  # QQ guild channels
        return role in _ADMIN_ROLES or bool(_QQ_GUILD_ADMIN_ROLES.intersection(roles))
    if name == "Telegram":
        sender = getattr(event, "from_", None)
        if sender is None:
            return False
        member = await bot.call_api("get_chat_member", chat_id=event.chat.id, user_id=sender.id)
        status = member.get("status") if isinstance(member, dict) else getattr(member, "status", None)
        return status in _TELEGRAM_ADMIN
    return False


def incoming(bot: Bot, event: Event, text: str, command: str | None = None) -> Incoming:
    """One message as the policy sees it. ``text`` is the question: the command's arguments,
    or the message's text; ``command`` the canonical command name ("code", "auto") or None."""
    kind, chat_id = chat(bot, event)
    reply = replied(bot, event)
    return Incoming(
        chat=kind,
        chat_id=chat_id,
        user_id=f"{adapter_name(bot)}:{event.get_user_id()}",
        message_id=message_id(event),
        text=text.strip(),
        command=command,
        mentions_us=kind == "group" and _mentions(bot, event),
        reply_to_us=reply.to_us,
        replied_text=reply.text,
        is_admin=partial(is_admin, bot, event),
    )
