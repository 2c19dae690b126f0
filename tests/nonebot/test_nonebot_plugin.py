"""The NoneBot2 plugin end to end through nonebug: OneBot v11 and console events in, the exact
bot.send calls out (commands, replies, mentions, private text, auto mode, follow-up numbers)."""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

import nonebot
import pytest
from nonebot.adapters.console import Adapter as ConsoleAdapter
from nonebot.adapters.console import Bot as ConsoleBot
from nonebot.adapters.console import Message as ConsoleMessage
from nonebot.adapters.console.event import PrivateMessageEvent as ConsolePrivate
from nonebot.adapters.console.event import PublicMessageEvent as ConsolePublic
from nonebot.adapters.onebot.v11 import Adapter as OneBotAdapter
from nonebot.adapters.onebot.v11 import Bot as OneBotBot
from nonebot.adapters.onebot.v11 import GroupMessageEvent, Message, MessageSegment, PrivateMessageEvent
from nonebot.adapters.onebot.v11.event import Reply, Sender
from nonebot_helpers import BOT_ID, SUPERUSER, Says
from nonechat.model import DIRECT, Channel, Robot, User

ALIYUN_ERROR = (
    '{"Code":"InvalidImageId.NotFound","Message":"The specified ImageId does not exist.",'
    '"RequestId":"473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E"}'
)
QUOTE = {"reply_message": True}  # OneBot v11: answer as a reply to the question
_ids = itertools.count(1000)


def onebot(ctx: Any) -> OneBotBot:
    return ctx.create_bot(base=OneBotBot, adapter=nonebot.get_adapter(OneBotAdapter), self_id=BOT_ID)


def group_message(
    text: str,
    group: int,
    *,
    user: int = 2,
    role: str = "member",
    to_me: bool = False,
    reply: Reply | None = None,
    message: Message | None = None,
) -> GroupMessageEvent:
    body = message if message is not None else Message(MessageSegment.text(text))
    return GroupMessageEvent(
        time=1_700_000_000,
        self_id=int(BOT_ID),
        post_type="message",
        sub_type="normal",
        user_id=user,
        message_type="group",
        group_id=group,
        message_id=next(_ids),
        message=body,
        original_message=body,
        raw_message=text,
        font=0,
        sender=Sender(user_id=user, nickname="someone", role=role),
        to_me=to_me,
        reply=reply,
    )


def private_message(text: str, user: int, *, reply: Reply | None = None) -> PrivateMessageEvent:
    body = Message(MessageSegment.text(text))
    return PrivateMessageEvent(
        time=1_700_000_000,
        self_id=int(BOT_ID),
        post_type="message",
        sub_type="friend",
        user_id=user,
        message_type="private",
        message_id=next(_ids),
        message=body,
        original_message=body,
        raw_message=text,
        font=0,
        sender=Sender(user_id=user, nickname="someone"),
        to_me=True,
        reply=reply,
    )


def reply_to(text: str, sender: int, message_id: int = 1) -> Reply:
    return Reply(
        time=1_700_000_000,
        message_type="group",
        message_id=message_id,
        real_id=message_id,
        sender=Sender(user_id=sender, nickname="x"),
        message=Message(MessageSegment.text(text)),
    )


# --- OneBot v11 ---------------------------------------------------------------------------------


async def test_code_command_in_a_group_answers_with_the_card_quoted(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        event = group_message("/code 503", group=101)
        ctx.receive_event(bot, event)
        card = Says(
            "503 Service Unavailable",
            "服务不可用",
            "回复这条消息（或 @我）发 1–5 查看：",
            "2. 504 网关超时",
            kind=Message,
        )
        ctx.should_call_send(event, card, result={"message_id": 5001}, **QUOTE)
    assert len(card.text) <= 4500


async def test_aliases_and_help(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        for text, expected in (("/状态码 404", "404 Not Found"), ("/http 418", "418")):
            event = group_message(text, group=102)
            ctx.receive_event(bot, event)
            ctx.should_call_send(event, Says(expected), result={"message_id": 1}, **QUOTE)
        event = group_message("/code help", group=102)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Says("状态码助手", "/code", "/auto on|off"), result=None, **QUOTE)


async def test_bare_code_command_in_reply_explains_that_message(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        replied = reply_to("网关超时怎么办，线上一直报这个", sender=3)
        event = group_message("/code", group=103, reply=replied)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Says("504 Gateway Timeout"), result={"message_id": 1}, **QUOTE)


async def test_bare_mention_under_someone_elses_message_explains_it(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        replied = reply_to(
            '{"Code":"InvalidImageId.NotFound","Message":"The specified ImageId does not exist."}', 3
        )
        event = group_message("", group=115, to_me=True, reply=replied)  # [reply][@bot], nothing else
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Says("InvalidImageId.NotFound"), result={"message_id": 1}, **QUOTE)


async def test_bare_code_command_alone_shows_usage(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        event = group_message("/code", group=104)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Says("用法：/code 503"), result=None, **QUOTE)


async def test_mention_in_a_group_is_a_question(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        event = group_message("502 是什么意思", group=105, to_me=True)  # the adapter stripped the @
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Says("502 Bad Gateway"), result={"message_id": 1}, **QUOTE)


async def test_mention_in_the_middle_of_a_message_counts(app: Any) -> None:
    # OneBot adapters strip only a leading or trailing @; one in the middle stays a segment.
    body = MessageSegment.text("请问 ") + MessageSegment.at(BOT_ID) + MessageSegment.text(" 429 怎么处理")
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        event = group_message("", group=106, message=body)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Says("429 Too Many Requests"), result={"message_id": 1}, **QUOTE)


async def test_group_chatter_is_ignored(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        # Not addressed; and with auto mode off even a message naming a code is left alone.
        for text in ("今天中午吃什么", "服务器又 503 了", "1"):
            ctx.receive_event(bot, group_message(text, group=107))
    # nonebug fails the test on any send call that was not expected.


async def test_private_free_text_chinese_question(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        event = private_message("网关超时怎么办", user=201)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Says("504 Gateway Timeout", "回复 1–5 查看："), result={"message_id": 1})


async def test_private_pasted_aliyun_error(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        event = private_message(ALIYUN_ERROR, user=202)
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event, Says("InvalidImageId.NotFound", "阿里云", absent=("没找到",)), result={"message_id": 1}
        )


async def test_aliyun_error_through_code_in_a_group(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        event = group_message("/code " + ALIYUN_ERROR, group=108)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Says("InvalidImageId.NotFound"), result={"message_id": 1}, **QUOTE)


async def test_echoed_cq_code_is_sent_as_text(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        event = private_message("[CQ:at,qq=all] 这是什么", user=203)
        ctx.receive_event(bot, event)
        sent = Says("[CQ:at,qq=all]", kind=Message)
        ctx.should_call_send(event, sent, result={"message_id": 1})
    # A message built from a text segment: OneBot serializes it escaped, never as an @all.
    assert "[CQ:at" not in str(Message(MessageSegment.text(sent.text)))


async def test_other_plugins_commands_are_not_questions(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        ctx.receive_event(bot, private_message("/weather 北京", user=204))


async def test_private_follow_up_number_opens_the_related_card(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        first = private_message("503", user=205)
        ctx.receive_event(bot, first)
        ctx.should_call_send(
            first, Says("503 Service Unavailable", "2. 504 网关超时"), result={"message_id": 7}
        )
        number = private_message("2", user=205)
        ctx.receive_event(bot, number)
        ctx.should_call_send(
            number, Says("504 Gateway Timeout", absent=("503 Service",)), result={"message_id": 8}
        )
        too_big = private_message("9", user=205)  # the 504 card has fewer follow-ups: a question
        ctx.receive_event(bot, too_big)
        ctx.should_call_send(too_big, Says("没找到"), result={"message_id": 9})


async def test_group_follow_up_needs_a_reply_or_mention(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        question = group_message("/code 503", group=109)
        ctx.receive_event(bot, question)
        ctx.should_call_send(question, Says("503 Service Unavailable"), result={"message_id": 600}, **QUOTE)
        ctx.receive_event(bot, group_message("1", group=109))  # chatter: ignored
        answer = group_message(
            "1", group=109, to_me=True, reply=reply_to("…", sender=int(BOT_ID), message_id=600)
        )
        ctx.receive_event(bot, answer)
        ctx.should_call_send(answer, Says("502 Bad Gateway"), result={"message_id": 601}, **QUOTE)
        # @bot 2: the latest card's list (502's: 504, 503, ...), not the first card's (502, 504, ...).
        mention = group_message("2", group=109, to_me=True)
        ctx.receive_event(bot, mention)
        ctx.should_call_send(mention, Says("503 Service Unavailable"), result={"message_id": 602}, **QUOTE)
        # A reply to the first card still opens that card's number 2.
        older = group_message(
            "2", group=109, to_me=True, reply=reply_to("…", sender=int(BOT_ID), message_id=600)
        )
        ctx.receive_event(bot, older)
        ctx.should_call_send(older, Says("504 Gateway Timeout"), result={"message_id": 603}, **QUOTE)


async def test_auto_mode_switched_on_by_an_admin_with_cooldown(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        switch = group_message("/auto on", group=110, user=31, role="admin")
        ctx.receive_event(bot, switch)
        ctx.should_call_send(switch, Says("已开启自动模式"), result={"message_id": 1}, **QUOTE)
        unasked = group_message("线上 nginx 报 upstream timed out，返回 504", group=110)
        ctx.receive_event(bot, unasked)
        ctx.should_call_send(unasked, Says("504 Gateway Timeout"), result={"message_id": 2}, **QUOTE)
        ctx.receive_event(bot, group_message("现在又 502 了", group=110))  # within the cooldown: silent
        ctx.receive_event(bot, group_message("今天中午吃什么", group=110))  # not explicit: silent
        off = group_message("/auto off", group=110, user=32, role="owner")
        ctx.receive_event(bot, off)
        ctx.should_call_send(off, Says("已关闭自动模式"), result={"message_id": 3}, **QUOTE)


async def test_auto_mode_refused_for_a_member(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        switch = group_message("/auto on", group=111, user=41, role="member")
        ctx.receive_event(bot, switch)
        ctx.should_call_send(switch, Says("只有群管理员能切换自动模式"), result={"message_id": 1}, **QUOTE)
        ctx.receive_event(bot, group_message("服务器返回 503", group=111))  # still off: silent
        state = group_message("/auto", group=111, user=41)
        ctx.receive_event(bot, state)
        ctx.should_call_send(state, Says("自动模式当前关闭"), result={"message_id": 2}, **QUOTE)


async def test_superusers_count_as_admins(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        switch = group_message("/auto on", group=112, user=int(SUPERUSER), role="member")
        ctx.receive_event(bot, switch)
        ctx.should_call_send(switch, Says("已开启自动模式"), result={"message_id": 1}, **QUOTE)


async def test_auto_mode_in_a_private_chat_explains_itself(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        event = private_message("/auto on", user=206)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Says("自动模式只在群里有用"), result=None)


async def test_flood_limit_silences_a_group_but_not_other_groups(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = onebot(ctx)
        # One person may take half of a group's 20 answers a minute.
        for _ in range(10):
            event = group_message("/code 404", group=113, user=51)
            ctx.receive_event(bot, event)
            ctx.should_call_send(event, Says("404 Not Found"), result={"message_id": 1}, **QUOTE)
        ctx.receive_event(bot, group_message("/code 404", group=113, user=51))  # over: silent
        other = group_message("/code 404", group=114, user=52)
        ctx.receive_event(bot, other)
        ctx.should_call_send(other, Says("404 Not Found"), result={"message_id": 1}, **QUOTE)


# --- console adapter ----------------------------------------------------------------------------


def console(ctx: Any) -> ConsoleBot:
    robot = Robot("robot", nickname="Bot")
    # The console Bot takes its Robot where other bots take a self_id.
    return ctx.create_bot(base=ConsoleBot, adapter=nonebot.get_adapter(ConsoleAdapter), self_id=robot)


def console_event(text: str, *, channel: Channel = DIRECT, to_me: bool = False) -> Any:
    kind = ConsolePrivate if channel == DIRECT else ConsolePublic
    return kind(
        time=datetime.now(),
        self_id="robot",
        message_id=str(next(_ids)),
        message=ConsoleMessage(text),
        user=User("console-user", nickname="User"),
        channel=channel,
        to_me=to_me,
    )


async def test_console_private_question_gets_the_plain_card(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = console(ctx)
        event = console_event("网关超时怎么办")
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event, Says("504 Gateway Timeout", "回复 1–5 查看：", kind=ConsoleMessage), result=None
        )
        command = console_event("/code 503")
        ctx.receive_event(bot, command)
        ctx.should_call_send(command, Says("503 Service Unavailable"), result=None)


async def test_console_channel_answers_only_when_addressed(app: Any) -> None:
    channel = Channel("ops", "运维群")
    async with app.test_matcher() as ctx:
        bot = console(ctx)
        ctx.receive_event(bot, console_event("502 了怎么办", channel=channel))  # chatter
        addressed = console_event("502 了怎么办", channel=channel, to_me=True)
        ctx.receive_event(bot, addressed)
        ctx.should_call_send(addressed, Says("502 Bad Gateway", "回复这条消息（或 @我）"), result=None)
        number = console_event("1", channel=channel, to_me=True)  # the 502 card's first: 504
        ctx.receive_event(bot, number)
        ctx.should_call_send(number, Says("504 Gateway Timeout"), result=None)


async def test_console_has_no_group_roles_so_auto_is_refused(app: Any) -> None:
    async with app.test_matcher() as ctx:
        bot = console(ctx)
        event = console_event("/auto on", channel=Channel("dev", "开发群"))
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Says("只有群管理员能切换自动模式"), result=None)


@pytest.mark.parametrize("text", ["", "   "])
async def test_console_blank_private_message_is_ignored(app: Any, text: str) -> None:
    async with app.test_matcher() as ctx:
        bot = console(ctx)
        ctx.receive_event(bot, console_event(text))
