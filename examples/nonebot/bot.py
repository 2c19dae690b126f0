"""状态码助手 in a terminal: NoneBot2 with the console adapter and the plugin.

    pip install ".[nonebot]" nonebot-adapter-console   # from the repository root
    cd examples/nonebot && python bot.py               # or: make nonebot-demo

NoneBot reads .env beside this file (the console adapter needs no driver: DRIVER=~none).
Type in the "私聊" channel to talk to the bot privately; create a channel for a group.
"""

import nonebot
from nonebot.adapters.console import Adapter as ConsoleAdapter

nonebot.init()
nonebot.get_driver().register_adapter(ConsoleAdapter)
nonebot.load_plugin("nonebot_plugin_httpcode")

if __name__ == "__main__":
    nonebot.run()
