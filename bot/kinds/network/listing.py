"""Asks for a whole family's list ("websocket 的关闭码都有哪些", "gRPC 状态码有哪些", "curl 错误码
列表"): which family, if one, is asked to be listed.

Both checks are bounded: a list ask is a code noun and a list word a few characters apart (a
lazy gap of at most ten, sixteen in English: linear in the text), and the family is found by
substring tests over a few dozen words.
"""

from __future__ import annotations

import re

from bot.core import domain

# The words that name a family when its list is asked for. A text naming two families
# ("chrome 的证书错误有哪些") asks for neither list alone: the readings answer it.
_NAMES = {
    "websocket": ("websocket", "web socket", "ws 关闭码", "ws 的关闭码", "关闭码", "close code", "closeevent"),
    "grpc": ("grpc", "grcp", "gprc"),  # and its slips
    "curl": ("curl", "libcurl"),
    "browser": ("chrome", "chromium", "net::err", "err_", "net 错误", "net错误"),
    "tls": ("openssl", "x509", "x.509", "证书校验", "证书错误", "证书报错"),
    "dns": ("dns", "域名解析"),
    "tcp": ("tcp", "errno", "socket 错误", "套接字"),
    "cors": ("cors", "跨域"),
}
_CODE = r"(?:关闭码|状态码|错误码|退出码|返回码|errno|error codes?|close codes?|status codes?|exit codes?)"
_LIST = r"(?:有哪些|有哪几种|有几种|列表|一览|大全|汇总|对照表|清单|都是什么|都代表什么|全集|list)"
_GAP = r"[^，。？?,.!！\n]{0,10}?"
_LIST_ASK_RE = re.compile(
    # A code noun (or an error word) and a list word after it, or a list word before a code
    # noun (an error word only after a verb that lists: after "所有" it is trouble told, as
    # in "所有请求都报错").
    rf"(?:{_CODE}|错误|报错){_GAP}{_LIST}|(?:哪些|所有|全部|常见的?)(?:常见的?)?{_GAP}{_CODE}|(?:列一下|列出|列个|整理一下|总结一下){_GAP}(?:{_CODE}|错误|报错)|(?<![a-z])(?:list of|all)(?: the)?[^,.?!\n]{{0,16}}?{_CODE}"
    # A list asked for as such ("有没有整理过…", "谁有整理好的表", "有没有一份总结"), the family
    # named anywhere.
    r"|有没有人?整理|有没有(?:一份|一个|个)?(?:总结|汇总|列表|清单|对照表)|谁有整理好的|求(?:一份|一个|个)?(?:整理|总结|汇总|列表|清单|对照表)"
    r"|有(?:一份|个)?(?:总结|汇总|列表|清单|对照表)吗"
)
# "证书错误有哪些原因", "跨域报错有哪些解决办法": the causes or fixes of a fault, not a list of codes.
_NOT_A_LIST = ("原因", "解决", "办法", "方法", "排查", "思路", "区别", "坑", "可能", "情况", "场景", "影响")


def listed_family(folded: str) -> str | None:
    """The one family whose codes ``folded`` asks to list, or None."""
    # The family first: a few dozen substring tests, and most texts name none (the regex
    # below is not tried on them).
    if "http" in folded:
        return None  # "http 状态码和 grpc 状态码有哪些对应": a mapping, not one family's list
    named = [family for family, words in _NAMES.items() if any(word in folded for word in words)]
    if len(named) == 2 and "websocket" in named and "tcp" in named:
        named = ["websocket"]  # "websocket 关闭码" holds "socket"-like words of its own only
    if len(named) != 1:
        return None
    m = _LIST_ASK_RE.search(folded)
    if m is None:
        return None
    # What follows the ask says whether a list of codes is wanted; after "有没有整理过" the
    # thing asked for comes later ("…curl 报错的排查文档" is a how-to, not a list).
    standalone = m.group().startswith(("有没有", "谁有", "求"))
    after = folded[m.end() : m.end() + (30 if standalone else 8)]
    if any(word in after for word in _NOT_A_LIST):
        return None
    if domain.settled(folded):
        return None  # a remark that the trouble is over asks for nothing
    return named[0]
