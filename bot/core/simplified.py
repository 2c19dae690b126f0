"""Traditional → simplified Chinese, for matching (OpenCC's ``tw2s`` tables).

OpenCC is a C++ library: it loads in ~35 ms and converts 4 KB in ~40 µs, where zhconv
(unmaintained, and importing ``pkg_resources`` cost 70–240 ms) took about a millisecond.

Only text holding a traditional character is converted: OpenCC's phrase table also
rewrites a few simplified texts (声明覆盖 → 声明复盖), and zhconv left those alone. A
character is traditional when ``t2s`` changes it on its own; the set is worked out once,
from the installed tables, on the first text with a CJK character.

zhconv's ``zh-cn`` table also turned some Taiwan words into mainland ones (軟體 → 软件);
:data:`TRADITIONAL_TERMS` keeps the ones a question about HTTP or cloud errors may hold.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# Traditional spellings of words the mainland says differently (zhconv's zh-cn results),
# replaced before the character conversion.
TRADITIONAL_TERMS = {
    "網際網路": "互联网",
    "數據機": "调制解调器",
    "記憶體": "内存",
    "軟體": "软件",
    "韌體": "固件",
    "硬碟": "硬盘",
    "滑鼠": "鼠标",
    "列印": "打印",
    "頻寬": "带宽",
    "帳號": "账号",
    "帳戶": "账户",
    "帳單": "账单",
    "迴圈": "循环",
    "欄位": "字段",
    "身分驗證": "身份验证",
    "身分認證": "身份认证",
    "乙太網": "以太网",
    "作業系統": "操作系统",
    "搜尋引擎": "搜索引擎",
    "位元組": "字节",
    "印表機": "打印机",
    "主機板": "主板",
    "原始碼": "源代码",
    "區域網": "局域网",
    "行動裝置": "移动设备",
    "行動網路": "移动网络",
}
_TERM_RE = re.compile("|".join(sorted(map(re.escape, TRADITIONAL_TERMS), key=len, reverse=True)))
_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@cache
def _converter(config: str = "tw2s") -> Any:
    import opencc  # only when the first CJK text comes in

    return opencc.OpenCC(config)


@cache
def traditional() -> frozenset[str]:
    """Every CJK character that ``t2s`` changes when it stands alone (about 4,200).

    ``t2s``, not ``tw2s``: the latter also rewrites six characters that simplified text
    uses as they are (显著 would become 显着)."""
    chars = [chr(c) for lo, hi in _BLOCKS for c in range(lo, hi)]
    t2s = _converter("t2s")
    # One call: a newline between characters keeps phrase entries from spanning two.
    out = t2s.convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # a table that merged or split characters: check each alone
        out = [t2s.convert(c) for c in chars]
    return frozenset(c for c, s in zip(chars, out, strict=True) if c != s)


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, if it holds a traditional one; else unchanged.

    ``tw2s`` is ``t2s`` plus Taiwan's standard forms (寫著 → 写着, as zhconv did)."""
    if traditional().isdisjoint(text):
        return text
    return _converter().convert(_TERM_RE.sub(lambda m: TRADITIONAL_TERMS[m.group(0)], text))
