"""Questions typed in pinyin ("aliyun ecs kucun buzu", "grpc fuwu bukeyong"): the terms of the
trade in them, written back in Chinese, so every kind reads them as it reads Chinese.

Only known words of two syllables or more are written back (a single syllable says too little:
"tong" is 同, 通 or 桶), each the one word with its sound; the other letters stay as typed.
Linear: the letters are split into syllables once (pinyin.typed_syllables), then one dict
look-up per syllable and window length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.pinyin import syllable, typed_syllables

_LONGEST = 5  # syllables in the longest word looked up ("服务不可用")
_WORD_RE = re.compile(r"[A-Za-z]+|[^A-Za-z]+")


class PinyinWords:
    def __init__(self, words: Iterable[str]) -> None:
        by_sound: dict[tuple[str, ...], set[str]] = {}
        for word in words:
            sound = tuple(map(syllable, word))
            if 2 <= len(word) <= _LONGEST and all(sound):
                by_sound.setdefault(sound, set()).add(word)
        self._by_sound = {sound: next(iter(ws)) for sound, ws in by_sound.items() if len(ws) == 1}

    def write_back(self, text: str) -> tuple[str, list[str]]:
        """``text`` with the known words typed in pinyin written in Chinese, and those words
        (none: ``text`` itself). Syllables run across spaces ("bu cunzai" is 不存在)."""
        pieces: list[tuple[str, list[str] | None]] = []  # (as typed, its syllables or None)
        for part in _WORD_RE.findall(text):
            sounds = typed_syllables(part.lower()) if part[0].isascii() and part[0].isalpha() else None
            pieces.append((part, sounds))
        out: list[str] = []
        put: list[str] = []
        run: list[str] = []  # the syllables of consecutive words typed in pinyin

        def flush() -> None:
            i = 0
            while i < len(run):
                for size in range(min(_LONGEST, len(run) - i), 1, -1):
                    word = self._by_sound.get(tuple(run[i : i + size]))
                    if word is not None:
                        out.append(word)
                        put.append(word)
                        i += size
                        break
                else:
                    out.append(f" {run[i]} ")
                    i += 1
            if run:
                out.append(" ")  # the run ends where a word not typed in pinyin starts
            run.clear()

        for part, sounds in pieces:
            if sounds:
                run.extend(sounds)
            elif part.isspace() and run:
                continue  # syllables run on across spaces
            else:
                flush()
                out.append(part)
        flush()
        return (" ".join("".join(out).split()), put) if put else (text, [])


# Everyday words of errors, the clouds' names and a question's frame, beside the kinds' own
# terms (Kind.sound_words): so the words a question asks about stand as they would in Chinese.
EVERYDAY = tuple(
    "不可用 消息 太大 太长 关闭 失败 库存 不足 耗尽 可用 不存在 已存在 找不到 无法 错误 拒绝 过期 没有 "
    "禁止 访问 内部 重置 拒绝连接 存储桶 三次 余额 太多 过多 阿里云 华为云 腾讯云 解析 未授权 "
    "不匹配 怎么办 怎么 什么 为什么 意思 提示 次数".split()
)
