"""Traditional → simplified Chinese, for matching: a character table and a few phrases.

The table is OpenCC's ``tw2s`` applied to each CJK character on its own, generated into
``_traditional.py`` (``python -m bot.core.simplified``; a test checks it against the
installed OpenCC, which only the test extra needs). OpenCC itself is not loaded at run
time: its converter took ~1.6 MiB of a running bot's memory and ~35 ms on the first
traditional question, and over every eval question and every knowledge-base text put into
traditional Chinese three ways (~67k texts) the table converts as it does, save the few
phrases of :data:`PHRASES` (where a character's form depends on its neighbours) and texts
where OpenCC left a traditional character unconverted (用於).

Only text holding a traditional character is converted: a character is traditional when
``t2s`` changes it on its own. ``tw2s`` also rewrites characters simplified text uses as they
are (著 → 着): only beside a traditional one, as OpenCC did.

zhconv, the converter before OpenCC, also turned some Taiwan words into mainland ones
(軟體 → 软件); :data:`TRADITIONAL_TERMS` keeps the ones a question about HTTP or cloud errors
may hold.
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
# Phrases whose character converts otherwise on its own (OpenCC's phrase table): 瞭 stays
# 瞭 alone but 瞭解 is 了解; 著 alone is 着 but 顯著 keeps 著.
PHRASES = {
    "瞭解": "了解",
    "明瞭": "明了",
    "一目瞭然": "一目了然",
    "顯著": "显著",
    "著名": "著名",
    "著作": "著作",
    "藉助": "借助",
    "藉由": "借由",
    "憑藉": "凭借",
    "回覆": "回复",
    "答覆": "答复",
    "反覆": "反复",
}
_WORDS = {**TRADITIONAL_TERMS, **PHRASES}
_WORD_RE = re.compile("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)))
_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
_ASCII_RUNS_RE = re.compile(r"[\x00-\x7f]+")
_LONG = 1024  # characters: longer texts are tested without their ASCII runs


def _opencc(config: str) -> Any:
    """OpenCC's converter, to generate and check the table (the test extra installs it)."""
    import opencc

    return opencc.OpenCC(config)


def _standalone(config: str) -> dict[str, str]:
    """Every CJK character that OpenCC's ``config`` changes when it stands alone → its form."""
    chars = [chr(c) for lo, hi in _BLOCKS for c in range(lo, hi)]
    convert = _opencc(config).convert
    # One call: a newline between characters keeps phrase entries from spanning two.
    out = convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # a table that merged or split characters: check each alone
        out = [convert(c) for c in chars]
    return {c: s for c, s in zip(chars, out, strict=True) if c != s}


def derive_traditional() -> str:
    """Every CJK character that OpenCC's ``t2s`` changes when it stands alone, in order.

    ``t2s``, not ``tw2s``: the latter also rewrites six characters that simplified text
    uses as they are (显著 would become 显着)."""
    return "".join(_standalone("t2s"))


def derive_table() -> tuple[str, str]:
    """(characters, their forms): what OpenCC's ``tw2s`` makes of each character alone, but
    for 么, which it makes 幺 unless a phrase (什么, 怎么) keeps it. Every form is one
    character (the generator checks), so the table is two strings."""
    table = {c: s for c, s in _standalone("tw2s").items() if c != "么"}
    if any(len(s) != 1 for s in table.values()):
        raise ValueError("a character converts to several: the table cannot be two strings")
    return "".join(table), "".join(table.values())


def _opencc_version() -> str:
    import opencc

    return str(opencc.__version__)


def _chars() -> str:
    """The characters of :func:`derive_traditional`, as shipped: the table's characters but
    for the few simplified text uses as they are (stored once, not as a second list)."""
    from bot.core._traditional import KEPT, SOURCE

    return SOURCE.translate(dict.fromkeys(map(ord, KEPT)))


@cache
def traditional() -> frozenset[str]:
    """The characters of :func:`derive_traditional`, as shipped (working them out from
    OpenCC's tables took ~10 ms of every start-up)."""
    return frozenset(_chars())


@cache
def _traditional_re() -> re.Pattern[str]:
    """The characters of :func:`traditional` as one character class: the regex engine keeps
    it as a bitmap (~20 KB), where the frozenset of 4,221 one-character strings held
    ~0.45 MiB for as long as the bot runs."""
    return re.compile(f"[{re.escape(_chars())}]")


@cache
def _source_re() -> re.Pattern[str]:
    """The table's characters as one character class (a bitmap in the regex engine)."""
    from bot.core._traditional import SOURCE

    return re.compile(f"[{re.escape(SOURCE)}]")


def _table_for(text: str) -> dict[int, int]:
    """The character table for ``str.translate``, for ``text``'s own characters only: the whole
    table as one dict (4,226 entries) held ~0.4 MiB for as long as the bot ran; each of a
    text's distinct characters is found in the two strings instead (~0.4 µs)."""
    from bot.core._traditional import SOURCE, TARGET

    return {ord(ch): ord(TARGET[SOURCE.index(ch)]) for ch in set(_source_re().findall(text))}


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, if it holds a traditional one; else unchanged."""
    # Only a non-ASCII character can be traditional: on a long paste (mostly ASCII log lines)
    # the set is tested against what is left once the ASCII runs are dropped in C (4 KB:
    # ~50 → ~20 µs; on short or mostly Chinese text dropping them costs more than it saves).
    if _traditional_re().search(_ASCII_RUNS_RE.sub("", text) if len(text) > _LONG else text) is None:
        return text
    table, out, last = _table_for(text), [], 0
    # Words and phrases as a whole, the text between them character by character (a
    # replacement is simplified already: 著名 must not become 着名).
    for m in _WORD_RE.finditer(text):
        out.append(text[last : m.start()].translate(table))
        out.append(_WORDS[m.group()])
        last = m.end()
    out.append(text[last:].translate(table))
    return "".join(out)


if __name__ == "__main__":
    chars = derive_traditional()
    source, target = derive_table()
    marks = set(chars)
    kept = "".join(c for c in source if c not in marks)
    if "".join(c for c in source if c not in kept) != chars:
        raise SystemExit("t2s changes a character tw2s leaves: the table cannot mark traditional text")

    def lines(name: str, text: str) -> None:
        print(f"{name} = (")
        for i in range(0, len(text), 64):
            print(f'    "{text[i : i + 64]}"')
        print(")")

    print('"""Generated by ``python -m bot.core.simplified > bot/core/_traditional.py`` from OpenCC')
    print(f"{_opencc_version()}: SOURCE → TARGET, what ``tw2s`` makes of each CJK character alone")
    print(f"({len(source)}); KEPT, those of them simplified text uses as they are. The rest ({len(chars)})")
    print('are the characters ``t2s`` changes alone, which mark a text as traditional. See simplified.py."""')
    print()
    lines("SOURCE", source)
    print()
    lines("TARGET", target)
    print()
    print(f'KEPT = "{kept}"')
