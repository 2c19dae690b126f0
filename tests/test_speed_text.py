"""Normalisation after the move from zhconv to OpenCC and the single-pass matching form:
the same forms as before for the texts the bot sees (checked in bulk by benchmarks/answers.py
on every evaluation query; these are the cases that motivated each rule)."""

from __future__ import annotations

import re._constants as sre
import re._parser
import sys
import unicodedata
from typing import Any

import pytest

from bot.core import domain, simplified
from bot.core.simplified import derive_table, derive_traditional, to_simplified, traditional
from bot.core.text import fold, nfkc, normalize, remove_links


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("閘道逾時", "网关超时"),  # characters, then the regional terms
        ("伺服器內部錯誤", "服务器内部错误"),
        ("華為雲 OBS 說帳號欠費", "华为云 obs 说账号欠费"),  # 帳號 → 账号, as zhconv did
        ("寫著 gzip", "写着 gzip"),  # Taiwan's 著 in a traditional text
        ("頻寬超出限制", "带宽超出限制"),
        ("偵測到迴圈", "侦测到循环"),
        ("標頭欄位太大", "标头字段太大"),
        ("非同步處理", "异步处理"),
        ("2xx「成功」", "2xx“成功”"),  # corner brackets are quotation marks
        ("ＨＴＴＰ　５０２", "http 502"),  # NFKC
    ],
)
def test_fold_as_before(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_simplified_text_is_left_alone() -> None:
    # OpenCC's phrase table would turn 声明覆盖 into 声明复盖, and tw2s 显著 into 显着.
    for text in ("接口要求显式声明覆盖意图", "显著提高", "著名的 503"):
        assert to_simplified(text) == text
        assert fold(text) == text.lower()


def test_traditional_characters() -> None:
    chars = traditional()
    assert {"體", "閘", "網", "帳"} <= chars
    assert not {"著", "覆", "网", "么"} & chars  # simplified text uses these as they are


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("只能post", "只能 post"),  # an edge between scripts is a space
        ("网关超时怎么办？", "网关超时"),  # fillers and punctuation go
        ("Bad-Gateway!!", "bad gateway"),
        ("a\u200bb", "a b"),  # a zero-width space is a space
        ("503\t\n错误", "503 错误"),
    ],
)
def test_normalize_alike(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_normalize_keeps_runs_of_one_script() -> None:
    assert normalize("HTTP 502错误，upstream超时") == "http 502 错误 upstream 超时"


def test_links_in_a_long_paste_are_cut() -> None:
    line = "请求 https://api.example.com/v1/503 失败 "
    text = "普通的一行日志 没有链接 " * 200 + line + "联系 ops@example.com 处理"
    out = remove_links(text)
    assert "example" not in out and "/v1/503" not in out
    assert out.count("普通的一行日志") == 200 and "失败" in out and "处理" in out


def test_shipped_traditional_characters_are_current() -> None:
    # If OpenCC's tables change: python -m bot.core.simplified > bot/core/_traditional.py
    assert "".join(sorted(traditional())) == "".join(sorted(derive_traditional()))


def test_shipped_character_table_is_current() -> None:
    # If OpenCC's tables change: python -m bot.core.simplified > bot/core/_traditional.py
    from bot.core._traditional import SOURCE, TARGET

    assert derive_table() == (SOURCE, TARGET)
    assert set(traditional()) <= set(SOURCE)  # every character that marks a text is converted


def _eval_queries() -> list[str]:
    import csv
    from pathlib import Path

    out: dict[str, None] = {}
    for path in sorted((Path(__file__).parent / "eval").rglob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if re.search("[\u4e00-\u9fff]", row["query"]):
                    out[row["query"]] = None
    return list(out)


def test_table_converts_as_opencc_did() -> None:
    """The character table and its phrases against OpenCC's ``tw2s`` (the converter it
    replaced, with the same regional words first), on every eval question written in
    traditional Chinese three ways, and on every text of the knowledge base as it is (texts
    mixing the scripts: 怎么 beside a traditional character stays 怎么). They may differ only
    where the table keeps the text's own character (OpenCC turned 覆盖 into 复盖), where
    OpenCC kept a traditional one (用於), or where OpenCC kept a character its phrases read as
    part of another word and the table converts it as it does alone (湊合著 → 凑合着: OpenCC's
    合著, "co-authored", kept 著)."""
    import opencc

    from bot.core.textforms import stored_forms

    tw2s = opencc.OpenCC("tw2s").convert
    words = simplified.TRADITIONAL_TERMS
    terms = re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
    writers = [opencc.OpenCC(c).convert for c in ("s2tw", "s2twp", "s2hk")]
    stored = stored_forms()
    assert stored is not None
    texts = [{q, *(w(q) for w in writers)} for q in _eval_queries()] + [{t} for t in stored]
    converted = 0
    for variants in texts:
        for text in variants:
            ours = to_simplified(text)
            if ours == text:
                continue
            converted += 1
            theirs = tw2s(terms.sub(lambda m: words[m.group(0)], text))
            if ours != theirs:
                assert len(ours) == len(theirs) == len(text), text
                traditional_chars = traditional()
                assert all(
                    a == b
                    or a == text[i]
                    or (b == text[i] and (b in traditional_chars or a == tw2s(b)))
                    for i, (a, b) in enumerate(zip(ours, theirs, strict=True))
                ), text
    assert converted > 20_000


def test_phrases_keep_their_simplified_form() -> None:
    assert to_simplified("顯著變慢，著名的錯誤") == "显著变慢，著名的错误"  # not 显着, 着名
    assert to_simplified("寫著 gzip，請先瞭解一下") == "写着 gzip，请先了解一下"
    assert to_simplified("回覆說帳號欠費") == "回复说账号欠费"


def test_nfkc_leaves_an_ascii_tail_alone() -> None:
    # nfkc() normalises only up to the last non-ASCII character: no character composes with
    # an ASCII one after it, which holds while no canonical decomposition has an ASCII part
    # after its first.
    for cp in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(cp)).split()
        if parts and not parts[0].startswith("<"):
            assert all(int(p, 16) >= 0x80 for p in parts[1:]), hex(cp)
    for head in ("网关超时，", "e\u0301", "\u1100\u1161", "ＡＢＣ", "ﬁ", "a\u0301\u0302", "\u0b47"):
        for tail in ("x" * 300, "\u0301" + "x" * 300, " log: 502\n" * 40):
            text = head + tail
            assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_ascii_folded_text_folds_to_itself() -> None:
    """Query.of takes fold() of ASCII folded text (links cut or not) to be that text: fold's
    ASCII output is NFKC, printable and lower case, which fold leaves alone."""
    import random

    from bot.core import text as text_module

    rng = random.Random(11)
    # ASCII, full-width and compatibility forms, controls, separators, case pairs and a link.
    alphabet = [chr(c) for c in range(128)] + list("ＡＢＣａｂｃ０１２　\u00a0\u2028\u200b\u212aİıßﬁ①Ⅻ")
    alphabet += ["https://Example.COM/a?B=1", "Mail@Host.Org", "www.X.io"]
    checked = 0
    for _ in range(20000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))
        for stripped in (fold(raw), remove_links(fold(raw))):
            if stripped.isascii():
                assert text_module._fold(stripped) == stripped, repr(raw)
                checked += 1
    assert checked > 10000



def _alternatives(parsed: Any) -> list[Any]:
    """The alternatives of a parsed pattern (itself when it has one)."""
    if len(parsed) == 1 and parsed[0][0] is sre.BRANCH:
        return list(parsed[0][1][1])
    return [parsed]


def _leading_words(parsed: Any) -> list[str]:
    """The literal runs a parsed alternative can start with (through a leading group; the
    run ends at its first non-literal)."""
    op, arg = parsed[0]
    if op is sre.SUBPATTERN:  # a capturing group
        return [w for alt in _alternatives(arg[3]) for w in _leading_words(alt)]
    if op is sre.BRANCH:  # a non-capturing group, inlined
        return [w for alt in arg[1] for w in _leading_words(alt)]
    word = ""
    for op, arg in parsed:
        if op is not sre.LITERAL:
            break
        word += chr(arg)
    return [word]


def test_meme_words_lead_every_alternative() -> None:
    """domain._meme tries _MEME_RE only where one of _MEME_STARTS begins: every alternative of
    the pattern must start with one of them."""
    parsed = re._parser.parse(domain._MEME_RE.pattern)
    leads = [w for alt in _alternatives(parsed) for w in _leading_words(alt)]
    assert leads and all(any(lead.startswith(s) for s in domain._MEME_STARTS) for lead in leads), leads


def test_meme_is_a_search_of_its_pattern() -> None:
    """domain._meme answers what a search of _MEME_RE does: its English starts are looked
    for only where they stand as words, which is where their alternatives can match."""
    import csv
    import random
    from pathlib import Path

    from benchmarks.queries import QUERIES

    texts = [q for qs in QUERIES.values() for q in qs]
    for path in sorted((Path(__file__).parent / "eval").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            texts += [row["query"] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    rng = random.Random(5)
    pieces = ["i'm 503", "im 404", "i am so 500", "gonna 204", "aim 503", "xgonna 204", "我 502 了", "的我：404", "limit 429", " "]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 8))) for _ in range(2000)]
    for text in map(fold, texts):
        assert domain._meme(text) == (domain._MEME_RE.search(text) is not None), text[:80]


def test_settled_reads_long_and_short_texts_alike() -> None:
    """domain._settled runs the same tests in two orders (a short text's rare words first, a
    long one's question test first): both orders give the same verdict on every eval question,
    and on texts holding settled words, questions, memes and trouble."""
    import csv
    import random
    from pathlib import Path

    texts: list[str] = []
    for path in sorted((Path(__file__).parent / "eval").rglob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            texts += [row["query"] for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    rng = random.Random(11)
    pieces = ["已经解决了", "修好了", "又 502 了", "怎么办", "？", "的我：404", "i'm 503", "升级到 http/2 了", "然后 504", "证书过期", "，"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 9))) for _ in range(3000)]
    settled = [text for text in map(fold, texts) if domain._settled_short(text)]
    assert len(settled) > 200  # the texts exercise both verdicts
    for text in map(fold, texts):
        assert domain._settled_short(text) == domain._settled_long(text), text[:80]
