"""The plugin's pieces without a bot: message layout per platform, follow-ups, settings, metadata.

The plugin's modules are imported inside the tests: importing any of them runs the package's
``__init__``, which needs NoneBot initialized (the ``nonebot_plugin`` fixture does that).
"""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.chat.service import Service
from bot.render.reply import Button
from bot.render.richtext import Doc, b, link, t

PLATFORM_NAMES = ["OneBot V11", "OneBot V12", "Console", "QQ", "Feishu", "Telegram"]


@pytest.fixture(autouse=True)
def _plugin(nonebot_plugin: Any) -> None:
    global DEFAULT, MAX_FOLLOWUPS, PLATFORMS, TRUNCATED, FollowUps, GroupSettings, Platform
    global feishu_post, layout, measure, numbered, plain_line, platform
    from nonebot_plugin_httpcode.followups import MAX_FOLLOWUPS, FollowUps, numbered
    from nonebot_plugin_httpcode.outgoing import TRUNCATED, feishu_post, layout, measure, plain_line
    from nonebot_plugin_httpcode.platforms import DEFAULT, PLATFORMS, Platform, platform
    from nonebot_plugin_httpcode.settings import GroupSettings


def sizes(parts: list[Any], target: Any) -> list[int]:
    size = measure(target)
    return [sum(size(line) for line in part) + len(part) - 1 for part in parts]


def text(part: Any, links: bool = True) -> str:
    return "\n".join(plain_line(line, links) for line in part)


def test_the_platform_table_is_the_one_tested() -> None:
    assert list(PLATFORMS) == PLATFORM_NAMES


@pytest.mark.parametrize("name", [*PLATFORM_NAMES, "Some Adapter"])
@pytest.mark.parametrize("query", ["503", "5xx", "网关超时怎么办", "401 vs 403"])
def test_every_card_fits_every_platform(service: Service, name: str, query: str) -> None:
    target = platform(name)
    reply = service.ask(query)
    buttons = numbered(reply.buttons)
    parts = layout(reply.doc, buttons, True, target)
    assert 1 <= len(parts) <= target.max_parts
    assert all(size <= target.limit for size in sizes(parts, target))
    if buttons:  # the follow-up list is whole, at the very end
        assert text(parts[-1]).endswith(f"{len(buttons)}. {buttons[-1].text}")


def test_a_long_card_is_split_at_line_breaks_then_cut_keeping_the_follow_ups(service: Service) -> None:
    reply = service.ask("503")
    buttons = numbered(reply.buttons)
    full = reply.doc.plain()
    two = layout(reply.doc, buttons, False, Platform(1200, max_parts=3))
    assert len(two) == 2 and TRUNCATED not in two[-1]
    assert text(two[0]) + "\n" in full + "\n"  # the first message is the card's first lines, whole
    cut = layout(reply.doc, buttons, False, Platform(500, max_parts=2))
    assert len(cut) == 2 and all(size <= 500 for size in sizes(cut, Platform(500)))
    last = text(cut[-1])
    assert "…（内容太长，后面的已省略）" in last and last.endswith("5. 简略")
    assert "回复 1–5 查看：" in last


def test_a_line_longer_than_the_limit_is_cut_into_pieces() -> None:
    doc = Doc().add(t("x" * 950)).add(t("end"))
    parts = layout(doc, [], False, Platform(400, max_parts=5))
    assert [len(text(part)) for part in parts] == [400, 400, 154]
    assert "".join(text(part).replace("\n", "") for part in parts) == "x" * 950 + "end"


def test_qq_drops_urls_other_platforms_keep_them() -> None:
    doc = Doc().add(t("📖 出处："), link("RFC 9110", "https://www.rfc-editor.org/rfc/rfc9110"))
    assert text(layout(doc, [], False, platform("QQ"))[0], links=False) == "📖 出处：RFC 9110"
    assert "<https://www.rfc-editor.org/rfc/rfc9110>" in text(
        layout(doc, [], False, platform("OneBot V11"))[0]
    )


def test_follow_up_header_says_how_to_answer_in_each_kind_of_chat() -> None:
    buttons = [Button("502 网关错误", "status:502"), Button("简略", "status:503:b")]
    private = text(layout(Doc().add(t("card")), buttons, False, DEFAULT)[0])
    group = text(layout(Doc().add(t("card")), buttons, True, DEFAULT)[0])
    assert private == "card\n\n回复 1/2 查看：\n1. 502 网关错误\n2. 简略"
    assert "回复这条消息（或 @我）发 1/2 查看：" in group


def test_numbered_takes_one_digit_worth(service: Service) -> None:
    buttons = numbered(service.ask("5xx").buttons)
    assert len(buttons) == MAX_FOLLOWUPS and buttons[0].action == "status:500"


def test_numbered_lists_each_action_once() -> None:
    rows = [[Button("408 请求超时", "status:408"), Button("502 网关错误", "status:502")]]
    rows.append([Button("502 网关错误", "status:502"), Button("简略", "status:504:b")])
    assert [b.action for b in numbered(rows)] == ["status:408", "status:502", "status:504:b"]


def test_feishu_post_keeps_bold_and_links() -> None:
    doc = Doc().add(b("含义")).blank().add(t("见 "), link("RFC", "https://example.org/rfc"))
    assert feishu_post(doc.lines) == [
        [{"tag": "text", "text": "含义", "style": ["bold"]}],
        [{"tag": "text", "text": ""}],
        [{"tag": "text", "text": "见 "}, {"tag": "a", "text": "RFC", "href": "https://example.org/rfc"}],
    ]


def test_configured_limit_overrides_the_table() -> None:
    assert platform("OneBot V11", {"OneBot V11": 3000}).limit == 3000
    assert platform("OneBot V11", {"OneBot V11": 3000}).quote == {"reply_message": True}
    assert platform("Unknown").limit == DEFAULT.limit


# --- follow-ups -------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_follow_ups_by_reply_latest_and_expiry() -> None:
    clock = Clock()
    follow = FollowUps(ttl=60, clock=clock)
    follow.remember("c", ["1"], ["status:502", "status:504"])
    follow.remember("c", ["2", "3"], ["status:401"])  # a card sent in two messages
    assert follow.action("c", "1") == "status:401"  # the latest card
    assert follow.action("c", "2", replied_id="1") == "status:504"  # the card replied to
    assert follow.action("c", " 1 ", replied_id="2") == "status:401"
    assert follow.action("c", "2") is None  # the latest card has one follow-up
    assert follow.action("c", "1", replied_id="999") is None  # a reply to something else
    for not_a_number in ("0", "10", "²", "①", "1.", "one"):
        assert follow.action("c", not_a_number) is None
    assert follow.action("other chat", "1") is None
    follow.remember("c", ["4"], [])  # a card without follow-ups ends the numbers of the last one
    assert follow.action("c", "1") is None
    assert follow.action("c", "1", replied_id="1") == "status:502"
    clock.now = 61
    assert follow.action("c", "1", replied_id="1") is None


def test_follow_ups_are_bounded() -> None:
    follow = FollowUps(max_chats=3, per_chat=2)
    for chat in range(5):
        for message in range(4):
            follow.remember(chat, [str(message)], [f"status:{400 + message}"])
    assert follow.action(0, "1") is None and follow.action(1, "1") is None  # oldest chats forgotten
    assert follow.action(4, "1", replied_id="3") == "status:403"
    assert follow.action(4, "1", replied_id="1") is None  # oldest cards of a chat forgotten
    follow.remember("x", [], ["status:418"])  # a platform that gave no message id
    assert follow.action("x", "1", replied_id="77") == "status:418"


# --- settings -----------------------------------------------------------------------------------


def test_auto_mode_settings_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "auto_mode.sqlite3"

    async def session(changes: dict[str, bool]) -> set[str]:
        settings = await GroupSettings.open(path)
        for chat, on in changes.items():
            settings.set_auto_mode(chat, on)
        seen = {
            chat
            for chat in ("Feishu:group:oc_a1", "OneBot V11:group:123", "QQ:group:x")
            if settings.auto_mode(chat)
        }
        await settings.close()
        return seen

    first = asyncio.run(
        session({"Feishu:group:oc_a1": True, "OneBot V11:group:123": True, "QQ:group:x": True})
    )
    assert first == {"Feishu:group:oc_a1", "OneBot V11:group:123", "QQ:group:x"}
    assert asyncio.run(session({"QQ:group:x": False})) == {"Feishu:group:oc_a1", "OneBot V11:group:123"}
    assert asyncio.run(session({})) == {"Feishu:group:oc_a1", "OneBot V11:group:123"}


# --- the plugin as NoneBot sees it --------------------------------------------------------------


def test_metadata_meets_the_plugin_store_conventions(nonebot_plugin: Any) -> None:
    from nonebot_plugin_httpcode.config import Config

    meta = nonebot_plugin.metadata
    assert meta.name == "状态码助手"
    assert meta.description and meta.usage and "/code" in meta.usage
    assert meta.type == "application"
    assert meta.homepage == "https://github.com/httpcode-bot/httpcode-bot"
    assert meta.config is Config
    assert meta.supported_adapters == {"~onebot.v11", "~console", "~feishu", "~qq", "~telegram"}
    # Loaded above with no httpcode_* settings: every field has its default.
    defaults = Config()
    assert defaults.httpcode_private_text == "all" and defaults.httpcode_auto_cooldown == 60
    assert defaults.httpcode_commands == ["code", "状态码", "http"]


def imported(path: Path) -> set[str]:
    """Every module a source file imports (at any depth in the file)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_plugin_and_telegram_bot_do_not_import_each_other(nonebot_plugin: Any) -> None:
    package = Path(nonebot_plugin.module.__file__).parent
    for source in package.glob("*.py"):
        for name in imported(source):
            assert name.split(".")[0] != "telegram", (source, name)
            assert not name.startswith(("bot.frontends", "bot.plugin")), (source, name)
    for source in (package.parent / "bot").rglob("*.py"):
        assert not any(name.split(".")[0].startswith("nonebot") for name in imported(source)), source


def test_other_commands_are_recognised(nonebot_plugin: Any) -> None:
    from nonebot_plugin_httpcode.matchers import is_other_command

    assert is_other_command("/weather 北京", {"/"})
    assert is_other_command("#签到", {"/", "#"})
    assert not is_other_command("/ 503", {"/"})
    assert not is_other_command("503", {"/", ""})
    assert not is_other_command("#签到", {"/"})


@pytest.mark.slow
def test_loads_from_a_projects_bot_py(tmp_path: Path) -> None:
    """NoneBot projects start from bot.py, whose folder Python searches first: the plugin must
    still import this project's bot package, not the script."""
    import subprocess
    import sys

    script = tmp_path / "bot.py"
    script.write_text(
        "import nonebot\n"
        "from nonebot.adapters.console import Adapter\n"
        f"nonebot.init(driver='~none', console_headless_mode=True, localstore_data_dir={str(tmp_path)!r})\n"
        "nonebot.get_driver().register_adapter(Adapter)\n"
        "plugin = nonebot.load_plugin('nonebot_plugin_httpcode')\n"
        "import bot.chat.policy\n"
        "print('LOADED', plugin.metadata.name, bot.chat.policy.__name__)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "bot.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "LOADED 状态码助手 bot.chat.policy" in done.stdout, done.stderr[-2000:]
