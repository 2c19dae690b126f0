"""Text normalisation shared by the knowledge index and incoming queries.

Both sides go through :func:`normalize`, so an alias written in traditional
Chinese, full-width digits or mixed case meets the query on equal terms.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import zhconv

# Taiwan/Hong Kong IT vocabulary that a character-level converter leaves as-is
# (zhconv turns 閘道 into 闸道, not the mainland word 网关).
_TERMS = {
    "闸道": "网关",
    "逾时": "超时",
    "伺服器": "服务器",
    "伺服端": "服务端",
    "伺服": "服务",
    "网路": "网络",
    "连线": "连接",
    "存取": "访问",
    "登入": "登录",
    "登出": "退出登录",
    "支援": "支持",
    "档案": "文件",
    "资料": "数据",
    "讯息": "消息",
    "预设": "默认",
    "用户端": "客户端",
    "程式": "程序",
    "快取": "缓存",
    "凭证": "证书",
    "重新导向": "重定向",
    "请求太多": "请求过多",
}
_TERM_RE = re.compile("|".join(sorted(map(re.escape, _TERMS), key=len, reverse=True)))

# Words that carry no meaning for matching: question frames and politeness.
FILLERS = (
    "请问一下",
    "请问",
    "怎么回事儿",
    "怎么回事",
    "怎么解决",
    "怎么处理",
    "怎么修复",
    "怎么搞",
    "怎么办",
    "咋办",
    "咋整",
    "如何解决",
    "如何处理",
    "什么意思",
    "啥意思",
    "是什么意思",
    "是什么",
    "是啥",
    "什么是",
    "返回什么",
    "返回啥",
    "报什么",
    "什么状态码",
    "哪个状态码",
    "状态码",
    "返回码",
    "该返回啥码",
    "应该返回",
    "该返回",
    "返回啥码",
    "报啥码",
    "报的那个码",
    "那个码",
    "什么码",
    "哪个码",
    "啥码",
    "该回啥",
    "状态码是多少",
    "是多少",
    "有什么区别",
    "什么区别",
    "的区别",
    "区别是什么",
    "帮忙看看",
    "帮我看看",
    "谢谢",
    "一下",
    "呢",
    "吗",
    "呀",
    "啊",
    "吧",
    "了",
)
# The leading look-ahead on first characters lets the engine skip most positions
# without trying all the alternatives there.
_FILLER_RE = re.compile(
    "(?=["
    + "".join(sorted({f[0] for f in FILLERS}))
    + "])(?:"
    + "|".join(sorted(map(re.escape, FILLERS), key=len, reverse=True))
    + ")"
)
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Anything that is not a letter, digit or CJK character becomes a space.
_PUNCT_RE = re.compile(r"[^0-9a-z\u3400-\u9fff\uf900-\ufaff]+")
_SPACE_RE = re.compile(r"\s+")
# "只能post" and "只能 post" must normalise alike: a space between CJK and Latin runs.
_SCRIPT_EDGE_RE = re.compile(
    r"(?<=[\u3400-\u9fff\uf900-\ufaff])(?=[0-9a-z])|(?<=[0-9a-z])(?=[\u3400-\u9fff\uf900-\ufaff])"
)
# Control and format characters (zero-width joiners, bidi marks) become spaces.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _strip_invisible(text: str) -> str:
    text = _CONTROL_RE.sub(" ", text)  # newlines and tabs, the common case, in one pass
    if text.isprintable():  # no format, private-use or unassigned characters left
        return text
    return "".join(ch if unicodedata.category(ch) not in _INVISIBLE else " " for ch in text)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """NFKC, lower case, traditional → simplified and regional vocabulary.

    Punctuation is kept: log-line signatures need it to stay readable.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _strip_invisible(text).lower()
    if _CJK_RE.search(text):
        text = zhconv.convert(text, "zh-cn")
        text = _TERM_RE.sub(lambda m: _TERMS[m.group(0)], text)
    return text


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """The matching form of ``text``: folded, fillers and punctuation removed."""
    text = fold(text)
    cjk = _CJK_RE.search(text) is not None
    if cjk:  # every filler and every script edge involves a CJK character
        text = _FILLER_RE.sub(" ", text)
    text = _PUNCT_RE.sub(" ", text)
    if cjk:
        text = _SCRIPT_EDGE_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
