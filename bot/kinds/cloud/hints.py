"""Which provider, product and HTTP status a question names (阿里云 OSS, huawei, 403 ...).

Linear: each provider's words are one alternation of literals, tried at each position;
one pass of all of them first tells whether any is there at all (most texts name none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.cache import TextCache
from bot.core.text import fold

# Hint words, matched on fold()ed text. Latin words need word boundaries ("ram" in "param").
_PROVIDER_WORDS = {
    "aliyun": ("阿里云", "阿里巴巴", "阿里", "aliyun", "alibaba", "alicloud", "aliyuncs"),
    "huaweicloud": ("华为云", "华为", "huaweicloud", "huawei", "hwcloud", "myhuaweicloud"),
    "tencentcloud": ("腾讯云", "腾讯", "tencentcloud", "tencent", "qcloud", "tencentcloudapi"),
}
# Product words → (provider, product) pairs; a product sold by one provider implies it.
_PRODUCT_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "ecs": (("aliyun", "ECS"), ("huaweicloud", "ECS")),
    "云服务器": (("aliyun", "ECS"), ("huaweicloud", "ECS"), ("tencentcloud", "CVM")),
    "slb": (("aliyun", "SLB"),),
    "负载均衡": (("aliyun", "SLB"),),
    "oss": (("aliyun", "OSS"),),
    "ram": (("aliyun", "RAM"),),
    "sts": (("aliyun", "RAM"),),
    "obs": (("huaweicloud", "OBS"),),
    "apig": (("huaweicloud", "APIG"), ("huaweicloud", "APIG (gateway runtime)")),
    "api网关": (("huaweicloud", "APIG"), ("huaweicloud", "APIG (gateway runtime)")),
    "cvm": (("tencentcloud", "CVM"),),
    "cbs": (("tencentcloud", "CBS"),),
    "云硬盘": (("tencentcloud", "CBS"),),
}


def _word_re(words: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        if w.isascii():
            parts.append(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])")
        else:
            parts.append(re.escape(w))
    return re.compile("|".join(parts))


_PROVIDER_RES = {p: _word_re(ws) for p, ws in _PROVIDER_WORDS.items()}
_PRODUCT_RES = {w: _word_re([w]) for w in _PRODUCT_WORDS}
HINT_RE = _word_re([w for ws in _PROVIDER_WORDS.values() for w in ws] + list(_PRODUCT_WORDS))

_STATUS_RE = re.compile(r"(?<![0-9])([1-5][0-9]{2})(?![0-9])")


@dataclass(frozen=True, slots=True)
class Hints:
    providers: frozenset[str] = frozenset()
    products: frozenset[tuple[str, str]] = frozenset()
    statuses: frozenset[int] = frozenset()


def _provider_hints(text: str) -> Hints:
    """Providers, products and status codes named in ``text``."""
    folded = fold(text)
    providers: set[str] = set()
    products: set[tuple[str, str]] = set()
    if HINT_RE.search(folded):  # one pass over the text finds whether any word is there
        providers.update(p for p, rx in _PROVIDER_RES.items() if rx.search(folded))
        for word, rx in _PRODUCT_RES.items():
            if rx.search(folded):
                pairs = _PRODUCT_WORDS[word]
                products.update(pairs)
                if len({p for p, _ in pairs}) == 1:
                    providers.add(pairs[0][0])
    statuses = {int(m) for m in _STATUS_RE.findall(text) if 100 <= int(m) <= 599}
    return Hints(frozenset(providers), frozenset(products), frozenset(statuses))


# The search, the weighing and the seed check each ask about the same text.
provider_hints = TextCache(_provider_hints, max_chars=500_000, max_entries=1024)
