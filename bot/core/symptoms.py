"""Vague symptoms, told with nothing named ("网站打不开了", "服务器挂了", "页面老是打不开").

Such a text has no single answer: the page may show a gateway error, a timeout or a browser
error. Word overlap reads it as whichever card happens to share its few words ("打不开" is in
508's causes), and answers that card outright. Instead, each kind's cards list the symptoms
they are a common answer to (``symptoms`` in their TOML), and a text that is only a symptom
gets those cards as choices, none of them answered outright.

A text is only a symptom when what is left of it, once its fillers, adverbs, subject and
question words are gone, is one of the cards' symptom words. Short texts only: a longer one
says more, and the other tiers read it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from bot.core.schema import check_text
from bot.core.text import normalize, without_fillers

# Characters of the matching form (spaces aside): longer texts tell more than a symptom.
SYMPTOM_MAX = 14

# What the symptom happens to, and words around it that say nothing of which error it is.
# Longest first where one holds another ("服务器" before "服务").
_AROUND = (
    "我们公司的",
    "我们的",
    "我的",
    "公司的",
    "公司",
    "咱们的",
    "线上的",
    "线上",
    "生产环境",
    "测试环境",
    "服务器",
    "服务端",
    "网站",
    "网页",
    "页面",
    "官网",
    "首页",
    "后端",
    "后台",
    "服务",
    "接口",
    "系统",
    "应用",
    "平台",
    "小程序",
    "app",
    "怎么",
    "为什么",
    "为啥",
    "咋",
    "突然",
    "全部",
    "这个",
    "那个",
    "此",
    "都",
    "又",
    "的",
)


def symptom_key(text: str) -> str:
    """The matching form of a card's symptom word (as :func:`symptom_core` leaves a text)."""
    return normalize(text).replace(" ", "")


def symptom_core(normalized: str) -> str:
    """What is left of a short text's matching form once the words around a symptom are gone
    ("网站打不开了" → "打不开"); "" for a longer text. Linear: a fixed list of ``str.replace``."""
    if len(normalized) > SYMPTOM_MAX:
        return ""
    text = without_fillers(normalized)
    for word in _AROUND:
        if word in text:
            text = text.replace(word, "")
    return text.replace(" ", "")


class SymptomIndex:
    """One kind's cards by the symptom words they list, each word's cards in the order added."""

    def __init__(self) -> None:
        self._by_key: dict[str, tuple[str, list[Hashable]]] = {}

    def add(self, words: Iterable[str], target: Hashable) -> None:
        for word in words:
            self._by_key.setdefault(symptom_key(word), (word, []))[1].append(target)

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def find(self, normalized: str) -> tuple[str, list[Hashable]] | None:
        """(why, the cards) when the text is only a symptom some card lists, else None."""
        found = self._by_key.get(symptom_core(normalized))
        if found is None:
            return None
        word, targets = found
        return f"「{word}」常见的一种", targets


def check_symptom(value: Any) -> str | None:
    """A card's symptom word, as the loaders check it: text that :func:`symptom_core` can leave
    of a question (one holding a subject or a filler, "网站打不开", never would)."""
    problem = check_text(value)
    if problem is not None:
        return problem
    key = symptom_key(value)
    if not key or len(key) > SYMPTOM_MAX or symptom_core(normalize(value)) != key:
        return f"{value!r} is not a bare symptom (no subject, filler or question word; at most {SYMPTOM_MAX} characters)"
    return None
