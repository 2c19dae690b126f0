"""Turn a question into ranked knowledge-base matches.

The indexes are built once from the knowledge base; lookups go in tiers, cheapest
and most certain first (the pycountry way):

1. explicit codes (``503``, ``HTTP/1.1 500``, ``５０２``, ``429是什么``; not prices,
   rooms or times) and classes (``5xx``, ``4开头``, ``客户端错误有哪些``) answer directly;
2. a documented cloud error code or a pasted error body (bot.cloud);
3. an exact name, reason phrase or alias;
4. a log or client-error signature found in the text;
5. an alias found inside the text, then rapidfuzz similarity for typos;
6. rarity-weighted word overlap with each entry's own texts (bot.textindex).

Cloud matches found in other ways (messages, families) are then weighed against the
status matches (see ``_weigh_cloud``). Scores are on a 0–100 scale. Below ``NO_MATCH``
nothing is returned, so chatter gets an empty list rather than a guess; between
``NO_MATCH`` and ``CONFIDENT`` the bot offers choices instead of a verdict.

Worst case: a message is cut to ``MAX_QUERY`` characters (head and tail) before anything
reads it, and every step is linear in that: the patterns here are alternations of literals
or single-character classes with bounded look-arounds (no repeat next to a repeat that can
trade characters); links are removed by a scan (``normalize.remove_links``); the indexes
look up each position or word once. ``tests/test_hostile_input.py`` holds it to that.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Literal

from rapidfuzz import fuzz, process

from bot import tuning
from bot.cloud import CloudIndex, provider_hints
from bot.match import Match
from bot.models import KnowledgeBase, StatusEntry
from bot.normalize import fold, normalize, remove_links
from bot.textindex import Choice, GramIndex, SubstringIndex

# Kept under their old names for the callers that import them.
CONFIDENT = tuning.ANSWER
NO_MATCH = tuning.CHOICES

Mode = Literal["code", "multi", "class", "text", "none"]

# A three-digit number standing alone: not part of a longer number, a word, a decimal
# version, an IP address or a time. Digits may touch Chinese characters ("429是什么"),
# and IIS sub-statuses ("500.19") still count as their main code.
_CODE_RE = re.compile(r"(?<![0-9A-Za-z.:#*_\-])([1-5]\d\d)(?![0-9A-Za-z_\-]|\.\d+\.|:\d)")
# Counting words after a number mean it is a quantity, not a status code.
_UNIT_AFTER = set(
    "元块钱斤公里米个人年岁楼号层分秒天次页张件克吨万千百亿度台条只辆本首位名户间套栋周月日样行字"
)
_NOT_UNITS = ("分别", "分析", "分布", "页面", "行为", "字段")
_UNIT_BEFORE = ("第", "¥", "$", "￥", "约", "共", "花了", "大约")
# Rooms, phone digits and staff numbers: "会议室 503", "尾号 404", "放 201 门口".
_PLACE_BEFORE = (
    "会议室",
    "房间",
    "房号",
    "尾号",
    "门牌",
    "工号",
    "编号",
    "宿舍",
    "教室",
    "病房",
    "车次",
    "手机号",
)
_PLACE_AFTER = ("门口", "房间", "室", "路公交", "路车", "寝室")
_CLASS_RE = re.compile(r"(?<![0-9a-z])([1-5])\s*(?:xx|\*\*|开头|字头)(?![0-9a-z])")
# Asking for a list: "有哪些", "都列出来", "所有".
_LIST_CUE_RE = re.compile(r"哪些|哪几|几个|多少个|列出|列一下|列举|所有|全部|都有|一览|\blist\b|\ball\b")
# Any three digits standing alone, for removing codes the registry does not know.
_THREE_DIGITS_RE = re.compile(r"(?<!\d)\d{3}(?!\d)")
# Longer texts are read as their head and tail: where pasted logs and tracebacks put the error.
MAX_QUERY = 4096
# Acknowledgements that happen to equal a reason phrase ("OK") are chatter, not questions.
_ACKS = frozenset({"ok", "okay", "ok ok", "okk"})
# Text that may hold a cloud error code or body: JSON/XML, CamelCase or dotted identifiers,
# a provider's name.
_CLOUDISH_RE = re.compile(
    r"[{<]|[A-Za-z]\.[A-Za-z]|[a-z][A-Z]|[A-Z]{2}[a-z]|(?i:errorcode|error_code|阿里|华为|腾讯|aliyun|huawei|tencent|qcloud)"
)


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
            self.mode in ("code", "multi", "class") or self.matches[0].score >= tuning.ANSWER
        )


@dataclass
class Resolver:
    kb: KnowledgeBase
    cloud: CloudIndex = field(init=False)
    _exact: dict[str, Choice] = field(init=False, default_factory=dict)
    _classes: dict[str, int] = field(init=False, default_factory=dict)
    _signatures: SubstringIndex = field(init=False)
    _contained: SubstringIndex = field(init=False)
    _fuzzy_keys: list[str] = field(init=False, default_factory=list)
    _fuzzy_choices: list[Choice] = field(init=False, default_factory=list)
    _words: GramIndex = field(init=False)

    def __post_init__(self) -> None:
        signatures: list[Choice] = []
        contained: list[Choice] = []
        self._words = GramIndex(tuning.MIN_GRAM_WEIGHT)
        for entry in self.kb.statuses.values():
            named = [
                ("中文名", entry.name_zh),
                ("英文名", entry.phrase),
                *(("旧称", p) for p in entry.phrase_aliases),
                *(("别名", a) for a in entry.aliases),
            ]
            if entry.seed and entry.seed.meaning:
                named.append(("原文档", entry.seed.meaning))
            for label, text in named:
                key = normalize(text)
                if not key or key in self._exact:
                    continue
                choice = Choice(key, entry.code, f"{label}「{text}」")
                self._exact[key] = choice
                self._fuzzy_keys.append(key)
                self._fuzzy_choices.append(choice)
                if _long_enough(key):
                    contained.append(choice)
            for sig in entry.signatures:
                key = normalize(sig)
                if key:
                    signatures.append(Choice(key, entry.code, f"日志特征「{sig}」"))
            self._index_grams(entry, [text for _, text in named])
        for cls in self.kb.classes.values():
            for text in (cls.name_zh, *cls.aliases):
                self._classes[normalize(text)] = cls.digit
        self._signatures = SubstringIndex(signatures)
        self._contained = SubstringIndex(contained)
        self._words.freeze(len(self.kb.statuses))
        self.cloud = CloudIndex(self.kb)

    def _index_grams(self, entry: StatusEntry, names: list[str]) -> None:
        fields = {
            "names": names,
            "summary": [entry.summary],
            "signatures": list(entry.signatures),
            "seed_note": [entry.seed.note] if entry.seed else [],
            "meaning": [entry.meaning],
            "causes": list(entry.causes),
        }
        for name, weight in tuning.FIELD_WEIGHTS:
            for text in fields[name]:
                self._words.add(entry.code, normalize(text), weight)

    # --- public API --------------------------------------------------------------------

    def resolve(self, text: str, limit: int = 5) -> Resolution:
        query = window(text) if isinstance(text, str) else ""
        folded = fold(query)
        stripped = remove_links(folded)
        normalized = normalize(stripped)
        if not normalized or normalized in _ACKS:
            return Resolution(query, "none", ())

        codes = explicit_codes(stripped)
        digit = self._class_query(stripped)
        if digit is not None and not codes:
            entries = self.kb.codes_in_class(digit)
            matches = tuple(_status(e, tuning.EXPLICIT, f"{digit}xx 类", "class") for e in entries)
            return Resolution(query, "class", matches, class_digit=digit)

        known = [c for c in codes if c in self.kb.statuses]
        unknown = tuple(c for c in codes if c not in self.kb.statuses)
        # Fast path: a code with nothing that could be a cloud error code or body beside it.
        if known and not _CLOUDISH_RE.search(query):
            return self._codes_answer(query, stripped, known, unknown)

        # A line that carries a status log signature is not a cloud error message.
        signature = bool(self._signatures.find(f" {normalized} "))
        cloud = self.cloud.search(query, limit=limit, messages=not signature)
        # A documented cloud error code or a pasted error body outranks everything else.
        if cloud and cloud[0].score >= tuning.DOMINANT and cloud[0].error is not None:
            return Resolution(query, "text", tuple(cloud[:limit]))
        if known:
            return self._codes_answer(query, stripped, known, unknown)

        # An unregistered code ("299") must not fuzzy-match a neighbour's alias ("http 599").
        if unknown:
            gone = {str(c) for c in unknown}
            stripped = _THREE_DIGITS_RE.sub(lambda m: " " if m.group() in gone else m.group(), stripped)
        ranked = self._rank_text(stripped)
        matches = [
            _status(self.kb.statuses[code], score, why, tier) for code, (score, why, tier) in ranked[:limit]
        ]
        matches.extend(m for m in self._weigh_cloud(query, cloud, matches) if m.score >= tuning.CHOICES)
        matches.sort(key=_rank_key)
        if not matches:
            return Resolution(query, "none", (), unknown_codes=unknown)
        return Resolution(query, "text", tuple(matches[:limit]), unknown_codes=unknown)

    def _weigh_cloud(self, query: str, cloud: list[Match], status: list[Match]) -> list[Match]:
        """Put cloud matches on the status scale before the two are ranked together.

        - A message from the seed document, word for word, is answered as that error.
        - A pasted message that a provider documents word for word, or a dotted error
          code explained by its naming family, outranks everything but an exact
          status name, a log signature or an explicit code.
        - Naming a provider (阿里云, 华为云 OBS ...) lifts its errors over word overlap.
        - Otherwise fuzzy message likeness ranks just below the best status answer, so that
          "请求超时" stays 408; with no status answer at all, they stand as they are.
        """
        if not cloud:
            return cloud
        best_status = status[0].score if status else 0.0
        hints = provider_hints(query)
        named = bool(hints.providers or hints.products)
        exact = self.cloud.is_documented_message(query)
        weighed = []
        for m in cloud:
            score = tuning.weigh_cloud(
                m.score,
                best_status=best_status,
                seed_verbatim=exact
                and m.error is not None
                and bool(m.error.seed_message)
                and m.score >= tuning.SEED_MESSAGE,
                verbatim=exact and m.score >= tuning.VERBATIM,
                family=m.error is None and m.score >= tuning.DOMINANT,
                named=named,
            )
            weighed.append(replace(m, score=score) if score != m.score else m)
        return weighed

    def _codes_answer(
        self, query: str, stripped: str, known: list[int], unknown: tuple[int, ...]
    ) -> Resolution:
        matches = [_status(self.kb.statuses[c], tuning.EXPLICIT, f"状态码 {c}", "code") for c in known]
        if len(known) == 1:
            # A log signature names the real code even when the line carries other numbers.
            found = self._signatures.find(f" {normalize(stripped)} ")
            if found and found[0].code != known[0]:
                sig = found[0]
                matches.insert(
                    0, _status(self.kb.statuses[sig.code], tuning.SIGNATURE, sig.label, "signature")
                )
                return Resolution(query, "text", tuple(matches), unknown_codes=unknown)
        mode: Mode = "multi" if len(known) > 1 else "code"
        return Resolution(query, mode, tuple(matches), unknown_codes=unknown)

    def lookup(self, code: int) -> StatusEntry | None:
        return self.kb.statuses.get(code)

    # --- tiers -------------------------------------------------------------------------

    def _class_query(self, folded: str) -> int | None:
        m = _CLASS_RE.search(folded)
        if m:
            return int(m.group(1))
        query = normalize(folded)
        if query in self._classes:
            return self._classes[query]
        # "客户端错误那一类…列一下": a class name plus a request for a list. The cue is
        # looked for before normalisation, which drops words such as 一下.
        if _LIST_CUE_RE.search(folded) or "类" in folded:
            for key, digit in self._classes.items():
                if len(key) >= 2 and (f"{key}类" in query or (key in query and _LIST_CUE_RE.search(folded))):
                    return digit
        return None

    def _rank_text(self, folded: str) -> list[tuple[int, tuple[float, str, str]]]:
        query = normalize(folded)
        best: dict[int, tuple[float, str, str]] = {}

        def offer(code: int, score: float, why: str, tier: str) -> None:
            if score > best.get(code, (0.0, "", ""))[0]:
                best[code] = (score, why, tier)

        exact = self._exact.get(query)
        if exact is not None:
            offer(exact.code, tuning.EXPLICIT, exact.label, "alias")

        padded = f" {query} "
        # The longest signature found is the most specific one.
        for sig in self._signatures.find(padded)[:1]:
            offer(sig.code, tuning.SIGNATURE, sig.label, "signature")

        for choice in self._contained.find(padded):
            coverage = len(choice.key) / max(len(query), 1)
            offer(choice.code, tuning.contained_alias(coverage), choice.label, "alias")

        # Typos: whole-string similarity to a name or alias.
        for _key, score, index in process.extract(
            query,
            self._fuzzy_keys,
            scorer=fuzz.ratio,
            processor=None,
            limit=5,
            score_cutoff=tuning.FUZZY_CUTOFF,
        ):
            choice = self._fuzzy_choices[index]
            offer(choice.code, tuning.fuzzy_alias(score, len(query)), f"近似{choice.label}", "fuzzy")

        # Descriptions: how much of the question the entry's own words cover, and by
        # how much the best entry leads the next one.
        scored = self._words.scores(query)
        for rank, (code, coverage, words) in enumerate(scored):
            if coverage < tuning.GRAM_MIN_COVERAGE:
                break  # sorted: the rest cover even less
            runner_up = scored[rank + 1][1] if rank + 1 < len(scored) else 0.0
            score = tuning.word_overlap(coverage, runner_up)
            offer(code, score, f"描述相近（{words}）", "words")

        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        return [item for item in ranked if item[1][0] >= tuning.CHOICES]


def window(text: str, size: int = MAX_QUERY) -> str:
    """At most ``size`` characters of ``text``: all of it, or its head and its tail."""
    if len(text) <= size:
        return text
    half = size // 2
    return f"{text[: half - 1]}\n{text[-half:]}"


def _long_enough(key: str) -> bool:
    """Only aliases specific enough to mean something when found inside a sentence."""
    cjk = sum(1 for ch in key if unicodedata.east_asian_width(ch) == "W")
    return cjk >= 3 or (cjk == 0 and len(key) >= 6) or (cjk and len(key) >= 5)


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
    """A count, a price, an errno ("(110: Connection timed out)") rather than a status."""
    if text[start - 1 : start] == "(" and text[end : end + 1] == ":":
        return True
    after = text[end : end + 3].lstrip()
    if after[:1] in _UNIT_AFTER and not after.startswith(_NOT_UNITS):
        return True
    before = text[max(0, start - 4) : start].rstrip()
    if before.endswith(_UNIT_BEFORE) or before.endswith(_PLACE_BEFORE):
        return True
    return after.startswith(_PLACE_AFTER)


def _status(entry: StatusEntry, score: float, why: str, tier: str) -> Match:
    return Match(kind="status", score=score, why=why, entry=entry, tier=tier)


def is_explicit(res: Resolution) -> bool:
    """Does the text name a code or a known error outright (for unprompted answers)?"""
    if res.mode in ("code", "multi"):
        return True
    if res.mode != "text" or not res.matches:
        return False
    top = res.matches[0]
    return top.tier == "signature" or (top.kind == "error" and top.score >= tuning.DOMINANT)


def _rank_key(m: Match) -> tuple[float, bool, int, str]:
    # On equal scores a cloud error goes first: it is the more specific reading.
    return (-m.score, m.kind != "error", m.status or 0, m.error_code)
