"""Every sentence the chat layer says on its own: help, usage, "too fast", /auto replies.

Built as rich-text documents so that each platform gets the form it shows (Telegram HTML,
plain text in a terminal), with the command names the adapter was configured with.
"""

from __future__ import annotations

from bot.render.richtext import Doc, b, code, t

RATE_LIMITED = "问得有点快，歇几秒再试吧 🙏"
EXPIRED_BUTTON = "这个按钮已经过期了，请重新提问。"
AUTO_PRIVATE = "自动模式只在群里有用：私聊里我本来就会回答每条消息。"
AUTO_ADMINS_ONLY = "只有群管理员能切换自动模式。"
AUTO_ON = "已开启自动模式 ✅"
AUTO_OFF = "已关闭自动模式"
HELP_WORDS = frozenset({"help", "帮助", "幫助", "?", "？"})  # "/code help" shows the help


def note(text: str) -> Doc:
    return Doc().add(t(text))


def usage(code_command: str) -> Doc:
    cmd = f"/{code_command}"
    doc = Doc()
    doc.add(
        t("用法："), code(f"{cmd} 503"), t("、"), code(f"{cmd} 网关超时"), t("、"), code(f"{cmd} 401 vs 403")
    )
    doc.add(t("也可以回复一条带报错的消息，再发 "), code(cmd), t("。"))
    return doc


def auto_state(on: bool, auto_command: str) -> Doc:
    cmd = f"/{auto_command}"
    return Doc().add(
        t(f"自动模式当前{'开启' if on else '关闭'}。管理员可发 "),
        code(f"{cmd} on"),
        t(" 或 "),
        code(f"{cmd} off"),
        t("：开启后，群里带明确状态码或已知报错的消息会被自动解释（有冷却时间，不会刷屏）。"),
    )


def help_doc(
    code_command: str,
    *,
    help_command: str | None = None,
    auto_command: str | None = None,
    private_text: str = "all",
    inline_name: str = "",
) -> Doc:
    """The help card. Mentions only what this adapter offers: the /auto line when auto mode is
    on, inline mode when the platform has it and the bot's name is known."""
    cmd = f"/{code_command}"
    doc = Doc()
    doc.add(
        t("👋 "),
        b("状态码助手"),
        t(
            "：用中文解释 HTTP 状态码、云 API 错误，以及没走到 HTTP 的网络错误（跨域、DNS、连接、证书、curl、gRPC、WebSocket）。"
        ),
    )
    doc.blank()
    doc.add(b("怎么问"))
    doc.add(t("• 直接发状态码："), code("503"), t("、"), code("HTTP/1.1 502 Bad Gateway"))
    doc.add(t("• 用大白话："), code("网关超时怎么办"), t("、"), code("上传文件太大被拒了"))
    doc.add(t("• 比较："), code("401 和 403 的区别"), t("；一类："), code("5xx"), t("；一览："), code("状态码有哪些"))
    doc.add(t("• 贴日志或报错："), code("upstream timed out"), t("、"), code("InvalidImageId.NotFound"))
    doc.add(
        t("• 网络错误："),
        code("跨域报错怎么办"),
        t("、"),
        code("connect ECONNREFUSED"),
        t("、"),
        code("curl: (60)"),
        t("、"),
        code("grpc 状态码有哪些"),
    )
    if private_text != "all":
        doc.add(t(f"私聊里直接发状态码或报错就行，其它问题请用 {cmd}。"))
    doc.blank()
    doc.add(b("命令"))
    doc.add(t(f"{cmd} <问题> 查询（回复别人的消息发 {cmd}，会解释那条消息）"))
    if auto_command:
        doc.add(t(f"/{auto_command} on|off 群里自动解释带状态码的消息（仅管理员）"))
    doc.add(t(f"/{help_command} 显示本帮助" if help_command else f"{cmd} help 显示本帮助"))
    doc.blank()
    doc.add(t("在群里：发命令、@我 或回复我的消息时我才会回答，不会打扰聊天。"))
    if inline_name:
        doc.add(
            t("在任何聊天的输入框里打 "),
            code(f"@{inline_name} 503"),
            t("，可以直接把卡片发出去（inline 模式）。"),
        )
    return doc
