"""The chat policy on its own: platform-neutral messages in, decisions out, a fake clock."""

from __future__ import annotations

import itertools
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.chat.actions import Answer, Ignore, Incoming, Notice, Press
from bot.chat.flood import FloodRules
from bot.chat.policy import AUTO_READS_PER_MINUTE, INLINE_PER_MINUTE, ChatPolicy, Commands
from bot.chat.texts import RATE_LIMITED
from tests.fakes import FakeClock

ROOT = Path(__file__).resolve().parent.parent
ALICE, BOB, ADMIN = 11, 12, 99
GROUP = -500
_ids = itertools.count(1)


class Store:
    """Auto-mode switches in a dict (bot.chat.store.ChatSettings keeps them in SQLite)."""

    def __init__(self) -> None:
        self.on: dict[object, bool] = {}

    def auto_mode(self, chat_id) -> bool:
        return self.on.get(chat_id, False)

    def set_auto_mode(self, chat_id, enabled: bool) -> None:
        self.on[chat_id] = enabled


class Reads:
    """The real service, recording every text it reads."""

    def __init__(self, service) -> None:
        self._service = service
        self.texts: list[str] = []

    def resolve(self, text: str):
        self.texts.append(text)
        return self._service.resolve(text)

    def ask(self, text: str, *args, **kwargs):
        self.texts.append(text)
        return self._service.ask(text, *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._service, name)


class Admins:
    """An is_admin callback that counts how often it is asked (on Telegram, an API call each)."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked = 0

    async def __call__(self) -> bool:
        self.asked += 1
        return self.answer


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store() -> Store:
    return Store()


@pytest.fixture
def reads(service) -> Reads:
    return Reads(service)


@pytest.fixture
def policy(reads, store, clock) -> ChatPolicy:
    return ChatPolicy(reads, store, auto_cooldown=60.0, clock=clock)  # type: ignore[arg-type]


def private(text: str, user: int = ALICE, **kw) -> Incoming:
    return Incoming("private", user, user, next(_ids), text, **kw)


def group(text: str, user: int = ALICE, **kw) -> Incoming:
    return Incoming("group", GROUP, user, next(_ids), text, **kw)


def edited(message: Incoming, text: str) -> Incoming:
    return replace(message, text=text, is_edit=True)


def title(decision) -> str:
    assert isinstance(decision, Answer), decision
    return decision.plain().splitlines()[0]


# --- when to answer ---------------------------------------------------------------------------


async def test_private_chat_answers_every_message(policy):
    decision = await policy.handle(private("网关超时怎么办"))
    assert "504 Gateway Timeout" in title(decision)
    assert decision.quote is False and decision.edit_of is None
    assert await policy.handle(private("   ")) == Ignore("blank")


async def test_private_chat_inside_a_host_bot_answers_only_explicit_codes(reads, store, clock):
    policy = ChatPolicy(reads, store, private_text="explicit", clock=clock)  # type: ignore[arg-type]
    assert "503" in title(await policy.handle(private("503")))
    assert await policy.handle(private("今天天气怎么样")) == Ignore("not explicit")
    for _ in range(30):  # the host's conversation uses up none of the person's budget
        await policy.handle(private("你好"))
    assert "404" in title(await policy.handle(private("404")))
    assert "504" in title(await policy.handle(private("/code 网关超时", command="code")))


async def test_private_text_off_answers_commands_only(reads, store, clock):
    policy = ChatPolicy(reads, store, private_text="off", clock=clock)  # type: ignore[arg-type]
    assert await policy.handle(private("503")) == Ignore("not addressed")
    assert "503" in title(await policy.handle(private("503", command="code")))


async def test_group_chatter_is_not_read(policy, reads):
    for text in ("大家中午吃什么", "503", "upstream timed out"):
        assert await policy.handle(group(text)) == Ignore("not addressed")
    assert reads.texts == []


async def test_group_mention_command_and_reply_to_us(policy):
    for message in (
        group("网关超时怎么办", mentions_us=True),
        group("网关超时怎么办", command="code"),
        group("网关超时怎么办", reply_to_us=True, replied_text="之前的回答"),
    ):
        decision = await policy.handle(message)
        assert "504 Gateway Timeout" in title(decision)
        assert decision.quote is True


async def test_bare_mention_or_command_under_someones_message_explains_it(policy):
    log_line = "curl: (22) The requested URL returned error: 403"
    for message in (
        group("", mentions_us=True, replied_text=log_line),
        group("", command="code", replied_text=log_line),
    ):
        assert "403 Forbidden" in title(await policy.handle(message))


async def test_bare_mention_alone_or_under_our_message_explains_usage(policy):
    for message in (
        group("", mentions_us=True),
        group("", mentions_us=True, reply_to_us=True, replied_text="🔥 503 Service Unavailable"),
        private("", command="code"),
    ):
        decision = await policy.handle(message)
        assert isinstance(decision, Notice) and decision.plain().startswith("用法：/code 503")


async def test_help_through_the_command_or_code_help(policy):
    for message in (
        private("", command="help"),
        private("help", command="code"),
        group("帮助", command="code"),
    ):
        decision = await policy.handle(message)
        assert isinstance(decision, Notice) and "状态码助手" in decision.plain()
    assert await policy.handle(private("", command="start")) == Ignore("not ours")


async def test_command_names_follow_the_adapter(reads, store, clock):
    policy = ChatPolicy(reads, store, commands=Commands(code="explain", auto="hcauto", help=()), clock=clock)  # type: ignore[arg-type]
    assert await policy.handle(private("503", command="code")) == Ignore("not ours")
    assert "503" in title(await policy.handle(private("503", command="explain")))
    usage = await policy.handle(private("", command="explain"))
    assert "/explain 503" in usage.plain() and "/code" not in usage.plain()
    help_text = policy.help().plain()
    assert "/explain help 显示本帮助" in help_text and "/hcauto on|off" in help_text


def test_help_mentions_only_what_is_offered(service, store):
    bare = ChatPolicy(service).help("SomeBot").plain()
    assert "/auto" not in bare and "@SomeBot" not in bare, "no store: no auto mode; no inline mode"
    full = ChatPolicy(service, store, inline=True, commands=Commands(help=("help", "start"))).help("SomeBot")
    assert (
        "/auto on|off" in full.plain()
        and "@SomeBot 503" in full.plain()
        and "/help 显示本帮助" in full.plain()
    )
    assert "<code>@SomeBot 503</code>" in full.html()


async def test_user_text_is_escaped_in_html(policy):
    decision = await policy.handle(private("<b>吃饭</b> & <a href='x'>了吗</a>"))
    assert "&lt;b&gt;吃饭&lt;/b&gt; &amp;" in decision.html()


async def test_reply_limit_is_the_platforms(reads, clock):
    policy = ChatPolicy(reads, limit=1000, clock=clock)  # type: ignore[arg-type]
    for text in ("503", "5xx", "401 vs 403 vs 404 vs 500"):
        assert len((await policy.handle(private(text))).html()) <= 1000
    reply = policy.press(Press("private", ALICE, ALICE, "status:5xx"))
    assert isinstance(reply, Answer) and len(reply.html()) <= 1000


# --- edits --------------------------------------------------------------------------------------


async def test_an_edit_updates_our_earlier_answer(policy):
    question = private("503")
    policy.sent(question, await policy.handle(question), 7001)
    decision = await policy.handle(edited(question, "504"))
    assert decision.edit_of == 7001 and "504" in title(decision)


async def test_an_edit_we_never_answered_gets_a_new_answer_in_private(policy):
    decision = await policy.handle(edited(private("503"), "504"))
    assert decision.edit_of is None and "504" in title(decision)


async def test_too_fast_notice_is_not_remembered_as_the_answer(reads, clock):
    policy = ChatPolicy(reads, rules=FloodRules(private_burst=1), clock=clock)  # type: ignore[arg-type]
    question = private("503")
    policy.sent(question, await policy.handle(question), 7001)
    notice = await policy.handle(edited(question, "504"))
    assert isinstance(notice, Notice) and notice.plain() == RATE_LIMITED and notice.edit_of is None
    policy.sent(question, notice, 7002)
    clock.advance(60)
    assert (await policy.handle(edited(question, "502"))).edit_of == 7001


async def test_answers_remembered_are_bounded(reads, clock):
    policy = ChatPolicy(reads, rules=None, max_tracked=3, clock=clock)  # type: ignore[arg-type]
    questions = [private(str(code)) for code in (500, 501, 502, 503)]
    for n, question in enumerate(questions):
        policy.sent(question, await policy.handle(question), 8000 + n)
    assert (await policy.handle(edited(questions[0], "404"))).edit_of is None, "the oldest was forgotten"
    assert (await policy.handle(edited(questions[3], "404"))).edit_of == 8003


# --- flood limits -------------------------------------------------------------------------------


async def test_private_flood_one_notice_a_minute_then_silence(policy, reads, clock):
    decisions = [await policy.handle(private(f"50{n % 5}")) for n in range(14)]
    assert all(isinstance(d, Answer) for d in decisions[:10])
    assert isinstance(decisions[10], Notice) and decisions[10].plain() == RATE_LIMITED
    assert decisions[11:] == [Ignore("flood")] * 3
    assert len(reads.texts) == 10, "a question over the limit is not read"
    clock.advance(60)
    assert isinstance(await policy.handle(private("503")), Answer)


async def test_group_flood_is_silent_and_fair(policy):
    alice = [await policy.handle(group("503", command="code")) for _ in range(12)]
    assert sum(isinstance(d, Answer) for d in alice) == 10
    assert alice[10:] == [Ignore("flood")] * 2, "no notice in a group"
    bob = [await policy.handle(group("503", BOB, command="code")) for _ in range(12)]
    assert sum(isinstance(d, Answer) for d in bob) == 10
    assert await policy.handle(group("503", ADMIN, mentions_us=True)) == Ignore("flood"), (
        "20 a minute per group"
    )


async def test_no_limits_without_rules(reads, clock):
    policy = ChatPolicy(reads, rules=None, clock=clock)  # type: ignore[arg-type]
    assert all([isinstance(await policy.handle(private("503")), Answer) for _ in range(100)])


# --- auto mode ------------------------------------------------------------------------------------


async def switch_on(policy) -> None:
    decision = await policy.handle(group("on", ADMIN, command="auto", is_admin=Admins(True)))
    assert decision.plain() == "已开启自动模式 ✅"


async def test_auto_mode_off_reads_nothing(policy, reads):
    assert await policy.handle(group("接口返回 502 了")) == Ignore("not addressed")
    assert reads.texts == []


async def test_auto_mode_answers_explicit_codes_with_a_cooldown(policy, reads, clock):
    await switch_on(policy)
    assert await policy.handle(group("大家中午吃什么")) == Ignore("not explicit")
    decision = await policy.handle(group("接口返回 502 了"))
    assert "502 Bad Gateway" in title(decision) and decision.quote is True
    reads.texts.clear()
    for text in ("又是 503", "504 啊"):
        assert await policy.handle(group(text)) == Ignore("cooling down")
    assert reads.texts == [], "while cooling down nothing is read"
    clock.advance(60)
    assert "503" in title(await policy.handle(group("又是 503")))


@pytest.mark.parametrize(
    "text",
    [
        "503 宿舍今晚聚餐",  # everyday numbers are no codes
        "快递放 404 门口就行",
        "520 那天一起吃饭吧",
        "这个月房租又涨了 500",
        "网关超时怎么办",  # a question, but nobody asked the bot and nothing was pasted
        "继续",  # a status name typed whole is still everyday talk in a group
        "等一会",
        "我们运维群名叫“200 OK”，哈哈",  # codes named in passing
        "领导让我们这周把 404 页面做得好看一点",
        "下周二发版，别忘了把 BucketNotEmpty 那个清理脚本带上",
    ],
)
async def test_auto_mode_leaves_unaddressed_chatter_alone(policy, text):
    await switch_on(policy)
    assert await policy.handle(group(text)) == Ignore("not explicit")


async def test_auto_mode_answers_a_pasted_status_line(policy):
    await switch_on(policy)
    decision = await policy.handle(group("HTTP/1.1 502 Bad Gateway"))
    assert "502 Bad Gateway" in title(decision)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("nginx 日志里全是 499", "499"),  # trouble reported
        ("支付回调那边现在 504 了", "504"),  # the code is happening
        ("上传文件的时候一直 413，nginx 要怎么改", "413"),  # asked
        ("报错 InvalidInstanceId.NotFound", "InvalidInstanceId.NotFound"),
    ],
)
async def test_auto_mode_answers_trouble_reported_in_a_longer_line(policy, text, code):
    await switch_on(policy)
    assert code in (await policy.handle(group(text))).plain()


async def test_host_bot_private_chat_ignores_everyday_numbers(reads, store, clock):
    policy = ChatPolicy(reads, store, private_text="explicit", clock=clock)  # type: ignore[arg-type]
    assert await policy.handle(private("503 今晚聚餐，都来啊")) == Ignore("not explicit")
    assert "503" in title(await policy.handle(private("接口返回 503")))


async def test_group_reply_to_us_answers_follow_ups_not_chatter(policy):
    assert await policy.handle(group("谢谢，学到了", reply_to_us=True, replied_text="卡片")) == Ignore(
        "chatter"
    )
    assert await policy.handle(group("503 今晚聚餐", reply_to_us=True, replied_text="卡片")) == Ignore(
        "chatter"
    )
    decision = await policy.handle(group("那 502 呢", reply_to_us=True, replied_text="卡片"))
    assert "502" in title(decision) and decision.quote is True
    # A mention or a command still hears "没找到" and the help.
    assert "没找到" in (await policy.handle(group("谢谢", mentions_us=True))).plain()


async def test_auto_mode_reads_a_bounded_number_of_messages(policy, reads, clock):
    await switch_on(policy)
    for n in range(AUTO_READS_PER_MINUTE):
        assert await policy.handle(group(f"闲聊第 {n} 句")) == Ignore("not explicit")
    assert await policy.handle(group("接口返回 502 了")) == Ignore("auto read cap")
    assert len(reads.texts) == AUTO_READS_PER_MINUTE
    clock.advance(60)
    assert isinstance(await policy.handle(group("接口返回 502 了")), Answer)


async def test_auto_mode_respects_the_groups_budget(policy, clock):
    await switch_on(policy)
    for _ in range(10):
        await policy.handle(group("503", ALICE, command="code"))
        await policy.handle(group("503", BOB, command="code"))
    assert await policy.handle(group("接口返回 502 了")) == Ignore("flood")


async def test_auto_mode_edits(policy):
    await switch_on(policy)
    chatter = group("大家中午吃什么")
    await policy.handle(chatter)
    assert await policy.handle(edited(chatter, "502 了")) == Ignore("edit of unanswered")
    question = group("接口返回 502 了")
    policy.sent(question, await policy.handle(question), 9001)
    decision = await policy.handle(edited(question, "接口返回 504 了"))
    assert decision.edit_of == 9001 and "504" in title(decision), "the cooldown does not stop an update"


async def test_auto_command(policy, store):
    admin, member = Admins(True), Admins(False)
    assert "只在群里有用" in (await policy.handle(private("on", command="auto", is_admin=admin))).plain()
    state = await policy.handle(group("", command="auto", is_admin=member))
    assert "自动模式当前关闭" in state.plain() and "/auto on" in state.plain()
    assert member.asked == 0, "showing the state asks nobody"
    assert (
        await policy.handle(group("on", command="auto", is_admin=member))
    ).plain() == "只有群管理员能切换自动模式。"
    assert store.on == {}
    await policy.handle(group("ON", ADMIN, command="auto", is_admin=admin))
    assert store.on == {GROUP: True} and admin.asked == 1
    await policy.handle(group("off", ADMIN, command="auto", is_admin=admin))
    assert store.on == {GROUP: False}


async def test_no_store_no_auto_mode(reads, clock):
    policy = ChatPolicy(reads, None, clock=clock)  # type: ignore[arg-type]
    assert await policy.handle(group("on", ADMIN, command="auto", is_admin=Admins(True))) == Ignore(
        "not ours"
    )


# --- buttons and inline mode --------------------------------------------------------------------


def test_press_opens_a_card_or_says_it_expired(policy):
    decision = policy.press(Press("private", ALICE, ALICE, "status:502"))
    assert "502 Bad Gateway" in title(decision)
    for forged in ("status:abc", "nope", "status:503:x", "x" * 200):
        expired = policy.press(Press("private", ALICE, ALICE, forged))
        assert isinstance(expired, Notice) and "过期" in expired.plain()


def test_presses_count_lightly(policy):
    decisions = [policy.press(Press("group", GROUP, ALICE, "status:502")) for _ in range(45)]
    assert sum(isinstance(d, Answer) for d in decisions) == 40, "a quarter of a question each"
    assert decisions[-1].plain() == RATE_LIMITED
    assert isinstance(policy.press(Press(None, None, BOB, "status:502")), Answer), "inline-mode cards"


def test_inline_queries(policy):
    assert [m.status for m in policy.inline(ALICE, "网关超时")][:1] == [504]
    assert all(500 <= (m.status or 0) <= 599 for m in policy.inline(ALICE, "  "))
    for _ in range(INLINE_PER_MINUTE - 2):
        assert policy.inline(ALICE, "503")
    assert policy.inline(ALICE, "503") is None
    assert policy.inline(BOB, "503"), "the limit is per person"


# --- no platform in sight -------------------------------------------------------------------------


def test_the_chat_layer_imports_no_platform():
    code = (
        "import sys; import bot.chat.policy, bot.chat.actions, bot.chat.texts, bot.chat.flood; "
        "print([m for m in sys.modules if m.split('.')[0] in ('telegram', 'nonebot', 'aiohttp', 'httpx')])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


async def test_auto_mode_offers_no_choices_for_a_bare_symptom(policy):
    # "网站打不开了" has only choices (bot.core.symptoms): told to the bot they are shown, but
    # a group's auto mode answers explicit readings only.
    await switch_on(policy)
    assert await policy.handle(group("网站打不开了")) == Ignore("not explicit")
    decision = await policy.handle(private("网站打不开了"))
    assert "常见的是下面几种情况之一" in decision.plain() and "502 Bad Gateway" in decision.plain()
