"""Bigger cloud tables for the scaling benchmark: the real rows plus synthetic copies.

Copy ``k`` of a row gets a code and messages of its own, as another vendor's table would:
the code's first segment is prefixed (``InvalidImageId.NotFound`` → ``Qk3InvalidImageId.NotFound``,
so segments such as ``NotFound`` are shared, as they are between vendors), the everyday
words and characters of the messages stay (the, specified, 不, 存在 …) and every other word
or character is replaced by a made-up one of the same length, the same for the whole copy.
So the vocabulary grows with the tables and the common words' posting lists grow too.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace

from bot.kinds.cloud.model import CloudData, CloudError

KEEP_WORDS = 80  # the commonest English words of the messages stay as they are
KEEP_CHARS = 150  # likewise the commonest Chinese characters
_WORD_RE = re.compile(r"[A-Za-z]+")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CONSONANTS = "bcdfghjklmnprstvwz"
_VOWELS = "aeiou"
# Made-up characters come from CJK Extension A, which no row uses.
_EXT_A = (0x3400, 0x4DB5)


def _digest(*parts: object) -> int:
    return int.from_bytes(hashlib.blake2b(repr(parts).encode(), digest_size=8).digest(), "big")


def _pseudo_word(word: str, copy: int) -> str:
    h = _digest(word.lower(), copy)
    letters = []
    for i in range(len(word)):
        alphabet = _CONSONANTS if i % 2 == 0 else _VOWELS
        letters.append(alphabet[h % len(alphabet)])
        h //= len(alphabet)
        if h == 0:
            h = _digest(word, copy, i)
    out = "".join(letters)
    return out.capitalize() if word[:1].isupper() else out


def _pseudo_char(ch: str, copy: int) -> str:
    lo, hi = _EXT_A
    return chr(lo + _digest(ch, copy) % (hi - lo))


class _Rewriter:
    def __init__(self, rows: tuple[CloudError, ...]) -> None:
        words: Counter[str] = Counter()
        chars: Counter[str] = Counter()
        for row in rows:
            for text in (row.message_en, row.message_zh, row.seed_message):
                words.update({w.lower() for w in _WORD_RE.findall(text)})
                chars.update(set(_CJK_RE.findall(text)))
        self.keep_words = {w for w, _ in words.most_common(KEEP_WORDS)}
        self.keep_chars = {c for c, _ in chars.most_common(KEEP_CHARS)}

    def text(self, text: str, copy: int) -> str:
        def word(m: re.Match[str]) -> str:
            w = m.group(0)
            # One or two letters stay: placeholders (%s) and units.
            return w if len(w) <= 2 or w.lower() in self.keep_words else _pseudo_word(w, copy)

        def char(m: re.Match[str]) -> str:
            c = m.group(0)
            return c if c in self.keep_chars else _pseudo_char(c, copy)

        return _CJK_RE.sub(char, _WORD_RE.sub(word, text))


def scaled(data: CloudData, factor: int) -> CloudData:
    """``data`` with ``factor - 1`` synthetic copies of every row appended."""
    if factor <= 1:
        return data
    rewrite = _Rewriter(data.rows)
    rows = list(data.rows)
    for copy in range(1, factor):
        for row in data.rows:
            rows.append(
                replace(
                    row,
                    error_code=f"Qk{copy}{row.error_code}",
                    message_zh=rewrite.text(row.message_zh, copy),
                    message_en=rewrite.text(row.message_en, copy),
                    seed_message="",
                )
            )
    return replace(data, rows=tuple(rows))
