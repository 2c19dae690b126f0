"""状态码助手 as a NoneBot2 plugin: the Telegram bot's chat rules and cards in QQ, Feishu and
any other chat NoneBot reaches.

It shares the service, chat policy and render layers with the standalone Telegram bot
(``bot.chat``, ``bot.render``) and imports nothing of Telegram's.
"""

from nonebot import get_driver, require
from nonebot.plugin import PluginMetadata

from .shadowing import use_bundled_bot_package

use_bundled_bot_package()  # before anything imports bot.*: a project's bot.py must not shadow it
require("nonebot_plugin_localstore")

from . import matchers as matchers  # noqa: E402  (registers the matchers)
from .config import Config  # noqa: E402
from .runtime import close_runtime, get_runtime  # noqa: E402

__plugin_meta__ = PluginMetadata(
    name="状态码助手",
    description="用中文解释 HTTP 状态码、云 API 报错（阿里云、华为云、腾讯云）和网络错误",
    usage=(
        "/code 503、/code 网关超时怎么办、/code 401 vs 403（别名 /状态码、/http）\n"
        '贴日志或报错 JSON：/code {"Code":"InvalidImageId.NotFound",…}\n'
        "回复一条消息发 /code：解释那条消息\n"
        "群里 @机器人 加问题；私聊直接发问题\n"
        "卡片末尾列出相关内容：回复数字查看\n"
        "/auto on|off：群管理员开关自动解释（有冷却）\n"
        "/code help：帮助"
    ),
    type="application",
    homepage="https://github.com/httpcode-bot/httpcode-bot",
    config=Config,
    supported_adapters={"~onebot.v11", "~console", "~feishu", "~qq", "~telegram"},
)


async def _warm_up() -> None:
    await get_runtime()  # load the knowledge base before the first question


get_driver().on_startup(_warm_up)
get_driver().on_shutdown(close_runtime)
