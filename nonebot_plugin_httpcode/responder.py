"""From a message to what is sent: ask the policy (or open a follow-up), then send the card
as the platform's messages and remember its numbered follow-ups."""

from __future__ import annotations

from typing import Any

from nonebot.adapters import Bot, Event

from bot.chat.actions import Answer, Decision, Ignore, Incoming, Notice, Press

from .followups import numbered
from .incoming import adapter_name, replied
from .outgoing import layout, render
from .platforms import platform
from .runtime import Runtime, get_runtime


async def respond(bot: Bot, event: Event, message: Incoming, *, follow_ups: bool = False) -> bool:
    """Answer ``message`` if the chat rules say so; True if the message was ours (answered, or a
    follow-up number held back by the flood limit). ``follow_ups``: a bare number may open one."""
    runtime = await get_runtime()
    if follow_ups:
        decision = _follow_up(runtime, bot, event, message)
        if decision is not None:
            await deliver(runtime, bot, event, message, decision)
            return True  # the number was ours, even when a group is over its limit
    decision = await runtime.policy.handle(message)
    return await deliver(runtime, bot, event, message, decision)


def _follow_up(runtime: Runtime, bot: Bot, event: Event, message: Incoming) -> Decision | None:
    """A number answering one of our cards: in a private chat, or addressed to us in a group."""
    group = message.chat == "group"
    if group and not (message.mentions_us or message.reply_to_us):
        return None
    replied_id = replied(bot, event).message_id if message.reply_to_us else None
    action = runtime.followups.action(message.chat_id, message.text, replied_id)
    if action is None:
        return None
    decision = runtime.policy.press(Press(message.chat, message.chat_id, message.user_id, action))
    if isinstance(decision, Notice):
        # "too fast" or a stale number: a private chat hears it, a group stays quiet.
        return Ignore("flood") if group else decision
    return Answer(decision.reply, quote=group)


async def deliver(runtime: Runtime, bot: Bot, event: Event, message: Incoming, decision: Decision) -> bool:
    if isinstance(decision, Ignore):
        return False
    target = platform(adapter_name(bot), runtime.config.httpcode_message_limits)
    if isinstance(decision, Answer):
        doc, buttons = decision.reply.doc, numbered(decision.buttons)
    else:
        doc, buttons = decision.doc, []
    message_class = _message_class(event)
    sent: list[str] = []
    for index, part in enumerate(layout(doc, buttons, message.chat == "group", target)):
        kwargs: dict[str, Any] = dict(target.quote) if decision.quote and index == 0 else {}
        if target.rich == "html":
            kwargs["parse_mode"] = "HTML"
        result = await bot.send(event, render(part, target, message_class), **kwargs)
        sent.append(_sent_id(result))
    if isinstance(decision, Answer):  # a notice (usage, help) leaves the last card's numbers working
        runtime.followups.remember(message.chat_id, sent, [button.action for button in buttons])
    return True


def _message_class(event: Event) -> type | None:
    try:
        return type(event.get_message())
    except (ValueError, NotImplementedError):
        return None


def _sent_id(result: Any) -> str:
    """Our new message's id from whatever the adapter's send returned ("" if it says none)."""
    if isinstance(result, dict):
        data = result.get("data")
        found = result.get("message_id") or (data.get("message_id") if isinstance(data, dict) else None)
    else:
        found = getattr(result, "message_id", None) or getattr(result, "id", None)
    return str(found) if found is not None else ""
