"""Turn a question into ranked knowledge-base matches.

The index is built once from the knowledge base; lookups go in tiers, cheapest
and most certain first (the pycountry way):

1. explicit codes in the text (``503``, ``HTTP/1.1 500``, ``５０２``, ``429是什么``)
   and classes (``5xx``, ``4开头``) answer directly;
2. pasted cloud-API errors with an error code or a JSON body;
3. an exact alias, name or phrase;
4. a log or client-error signature contained in the text;
5. an alias contained in the text, then rapidfuzz similarity for typos.

Scores are on a 0–100 scale. Below ``NO_MATCH`` nothing is returned, so chatter
gets an empty list rather than a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

from bot.cloud import CloudIndex
from bot.match import Match
from bot.models import KnowledgeBase, StatusEntry
from bot.normalize import fold, normalize

# Scores at or above CONFIDENT are answered outright; between NO_MATCH and
# CONFIDENT the bot offers the top few as "你是不是想问…".
CONFIDENT = 80.0
NO_MATCH = 66.0
# Cloud matches at or above this beat ordinary status matches (exact code, JSON body).
CLOUD_DOMINANT = 90.0

Mode = Literal["code", "multi", "class", "text", "none"]

# A three-digit number standing alone: not part of a longer number, a decimal,
# a version or a time. Digits may touch Chinese characters ("429是什么").
_CODE_RE = re.compile(r"(?<![\d.:,/])([1-5]\d\d)(?![\d]|\.\d|:\d|,\d)")
# Counting words after a number mean it is a quantity, not a status code.
_UNIT_AFTER = set(
    "元块钱斤公里米个人年岁楼号层分秒天次页张件克吨万千百亿度台条只辆本首位名户间套栋周月日小时毫厘样行字"
)
_UNIT_BEFORE = ("第", "¥", "$", "￥", "约", "共", "花了", "大约")
_CLASS_RE = re.compile(r"(?<![0-9a-z])([1-5])(?:xx|\*\*|x{1}x|开头|字头)(?![0-9a-z])")


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the resolver understood: the mode decides how the answer is laid out."""

    query: str
    mode: Mode
    matches: tuple[Match, ...]
    class_digit: int | None = None
    unknown_codes: tuple[int, ...] = ()

    @property
    def confident(self) -> bool:
        return bool(self.matches) and (
            self.mode in ("code", "multi", "class") or self.matches[0].score >= CONFIDENT
        )


@dataclass(slots=True)
class _Choice:
    key: str
    code: int
    label: str  # which field it came from, for the "why"


@dataclass
class Resolver:
    kb: KnowledgeBase
    cloud: CloudIndex = field(init=False)
    _exact: dict[str, _Choice] = field(init=False, default_factory=dict)
    _classes: dict[str, int] = field(init=False, default_factory=dict)
    _signatures: list[_Choice] = field(init=False, default_factory=list)
    _contained: list[_Choice] = field(init=False, default_factory=list)
    _fuzzy_keys: list[str] = field(init=False, default_factory=list)
    _fuzzy_choices: list[_Choice] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        for entry in self.kb.statuses.values():
            named = [
                ("中文名", entry.name_zh),
                ("英文名", entry.phrase),
                *(("旧称", p) for p in entry.phrase_aliases),
                *(("别名", a) for a in entry.aliases),
            ]
            for label, text in named:
                key = normalize(text)
                if not key:
                    continue
                choice = _Choice(key, entry.code, f"{label}「{text}」")
                self._exact.setdefault(key, choice)
                self._fuzzy_keys.append(key)
                self._fuzzy_choices.append(choice)
                if _long_enough(key):
                    self._contained.append(choice)
            for sig in entry.signatures:
                key = normalize(sig)
                if key:
                    self._signatures.append(_Choice(key, entry.code, f"日志特征「{sig}」"))
        for cls in self.kb.classes.values():
            for text in (cls.name_zh, *cls.aliases):
                self._classes[normalize(text)] = cls.digit
        # Longest first, so the most specific signature or alias wins a tie.
        self._signatures.sort(key=lambda c: (-len(c.key), c.code))
        self._contained.sort(key=lambda c: (-len(c.key), c.code))
        self.cloud = CloudIndex(self.kb)

    # --- public API --------------------------------------------------------------------

    def resolve(self, text: str, limit: int = 5) -> Resolution:
        query = text if isinstance(text, str) else ""
        query = query[:4096]
        folded = fold(query)
        if not normalize(query):
            return Resolution(query, "none", ())

        digit = self._class_query(folded)
        codes = explicit_codes(folded)
        if digit is not None and not codes:
            entries = self.kb.codes_in_class(digit)
            matches = tuple(_status(e, 100.0, f"{digit}xx 类", "class") for e in entries)
            return Resolution(query, "class", matches, class_digit=digit)

        cloud = self.cloud.search(query, limit=limit)
        if cloud and cloud[0].score >= CLOUD_DOMINANT:
            return Resolution(query, "text", tuple(cloud[:limit]))

        if codes:
            known = [c for c in codes if c in self.kb.statuses]
            unknown = tuple(c for c in codes if c not in self.kb.statuses)
            matches = tuple(_status(self.kb.statuses[c], 100.0, f"状态码 {c}", "code") for c in known)
            mode: Mode = "multi" if len(known) > 1 else ("code" if known else "none")
            return Resolution(query, mode, matches, unknown_codes=unknown)

        ranked = self._rank_text(folded)
        matches = [
            _status(self.kb.statuses[code], score, why, tier) for code, (score, why, tier) in ranked[:limit]
        ]
        # Cloud matches that clear the bar sit beside the status matches, ranked by score.
        matches.extend(m for m in cloud if m.score >= NO_MATCH)
        matches.sort(key=_rank_key)
        if not matches:
            return Resolution(query, "none", ())
        return Resolution(query, "text", tuple(matches[:limit]))

    def lookup(self, code: int) -> StatusEntry | None:
        return self.kb.statuses.get(code)

    # --- tiers -------------------------------------------------------------------------

    def _class_query(self, folded: str) -> int | None:
        m = _CLASS_RE.search(folded)
        if m:
            return int(m.group(1))
        return self._classes.get(normalize(folded))

    def _rank_text(self, folded: str) -> list[tuple[int, tuple[float, str, str]]]:
        query = normalize(folded)
        best: dict[int, tuple[float, str, str]] = {}

        def offer(code: int, score: float, why: str, tier: str) -> None:
            if score > best.get(code, (0.0, "", ""))[0]:
                best[code] = (score, why, tier)

        exact = self._exact.get(query)
        if exact is not None:
            offer(exact.code, 100.0, exact.label, "alias")

        padded = f" {query} "
        for sig in self._signatures:
            if _contains(padded, sig.key):
                offer(sig.code, 97.0, sig.label, "signature")
                break

        for choice in self._contained:
            if _contains(padded, choice.key):
                coverage = len(choice.key) / max(len(query), 1)
                offer(choice.code, 84.0 + 14.0 * coverage, choice.label, "alias")

        for key, score, index in process.extract(
            query,
            self._fuzzy_keys,
            scorer=fuzz.WRatio,
            processor=None,
            limit=8,
            score_cutoff=NO_MATCH,
        ):
            choice = self._fuzzy_choices[index]
            # Full-string similarity (a typo) counts for more than a partial overlap.
            similar = fuzz.ratio(query, key)
            offer(
                choice.code,
                min(score, max(similar, score * 0.92)) * 0.97,
                f"近似{choice.label}",
                "fuzzy",
            )

        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        return [item for item in ranked if item[1][0] >= NO_MATCH]


def _long_enough(key: str) -> bool:
    """Only aliases specific enough to mean something when found inside a sentence."""
    cjk = sum(1 for ch in key if unicodedata.east_asian_width(ch) == "W")
    return cjk >= 3 or (cjk == 0 and len(key) >= 6) or (cjk and len(key) >= 5)


def _contains(padded_query: str, key: str) -> bool:
    """Substring test that respects word edges for Latin text ("ok" is not in "token")."""
    if key[0].isascii() and key[-1].isascii():
        return f" {key} " in padded_query
    return key in padded_query


def explicit_codes(folded: str) -> list[int]:
    """Three-digit status codes written in the text, in order, without repeats."""
    found: list[int] = []
    for m in _CODE_RE.finditer(folded):
        if _is_quantity(folded, m.start(), m.end()):
            continue
        code = int(m.group(1))
        if code not in found:
            found.append(code)
    return found


def _is_quantity(text: str, start: int, end: int) -> bool:
    after = text[end : end + 3].lstrip()
    if after[:1] in _UNIT_AFTER:
        return True
    before = text[max(0, start - 3) : start].rstrip()
    return before.endswith(_UNIT_BEFORE)


def _status(entry: StatusEntry, score: float, why: str, tier: str) -> Match:
    return Match(kind="status", score=score, why=why, entry=entry, tier=tier)


def is_explicit(res: Resolution) -> bool:
    """Does the text name a code or a known error outright (for unprompted answers)?"""
    if res.mode in ("code", "multi"):
        return True
    if res.mode != "text" or not res.matches:
        return False
    top = res.matches[0]
    return top.tier == "signature" or (top.kind == "error" and top.score >= CLOUD_DOMINANT)


def _rank_key(m: Match) -> tuple[float, int, str]:
    return (-m.score, m.status or 0, m.error_code)
