"""Resolve cloud API errors: error codes, messages and pasted error bodies → :class:`Match`.

Pure Python, no Telegram. Build one :class:`CloudIndex` per knowledge base and reuse it.

Scoring scale (``Match.score``, 0–100). At or above :data:`CONFIDENT` (90) the user clearly
named a cloud error, so the main resolver may let it win over a status-code reading; below
it a cloud match is only a suggestion and must not hijack ordinary status-code questions
(``请求超时`` stays 408 unless a provider or an error code is named).

=============================================  ==========  =================================
what matched                                   score       note
=============================================  ==========  =================================
code inside a pasted body (JSON, OSS/OBS XML,  100/99/98   as documented / other case /
CLI ``ErrorCode:``, SDK ``code:`` strings)                 ignoring separators; truncated
                                                           JSON is read by regex
exact code typed in the text                   97/96/95    same three spellings
unknown code in a body, by its family          96
unknown dotted code, by its family             90          ``Foo.Bar.NotFound`` alone (82
                                                           inside a longer text)
partial code: one dotted segment               80–89       ``Arrearage`` → Account.Arrearage
truncated code (prefix of ≤ 5 codes)           81–85
code with a typo                               ≤ 86        fuzzy over the code list
unknown CamelCase word, by its family          84          (80 when a documented code is
                                                           that close)
seed message, verbatim                         88          the user's own document
message, verbatim                              85          84.5 via 账户/帐号→账号, 84 when
                                                           placeholders ({0}, %s) matched
message, fuzzy                                 55–83       similarity ≥ 70 only
=============================================  ==========  =================================

"Weak" codes, one plain word (``Forbidden``, ``Throttling``, ``ARREARAGE``) or an HTTP reason
phrase (``ServiceUnavailable``, ``Request-URI Too Large``), lose 11 when typed: bare, they
read as status-code questions just as well. A message inside a pasted body gains 5. Naming a
provider (阿里云/aliyun, 华为云/huawei, 腾讯云/tencent/qcloud, or a product only one of them
sells: OSS, SLB, RAM, OBS, APIG, CVM, CBS) adds 6 to that provider's rows and takes 5 from
the others (families gain 6, up to 96); naming one of a row's products adds 3; scores cap
at 100. A status code written in the text picks the row with that status as the best one.
Ties break on the uncapped score, then provider order (aliyun, huaweicloud, tencentcloud),
then the code, so results are deterministic.

Worst case: linear in the text, which the resolver has already cut to 4,096 characters.
Tokens are found by one pass of a pattern whose repeats are separated by a character they
cannot match, and tokens longer than any documented code are skipped; ``_CAMEL_RE`` has no
repeated group; placeholder messages are matched piece by piece with ``str.find``
(:class:`_Template`), not with ``.*?`` chains; naming families are ``fnmatch`` patterns,
which Python compiles with atomic groups; fuzzy message likeness only runs on texts of
at most ``_MAX_FUZZY_LEN`` characters.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from bot.core import tuning
from bot.core.cache import TextCache
from bot.core.match import Match
from bot.core.text import FILLERS, fold, is_cjk, normalize
from bot.kinds.cloud.body import Body, parse_body
from bot.kinds.cloud.model import PROVIDER_ORDER, PROVIDER_ZH, CloudAnswer, CloudData, CloudError, ErrorFamily

CONFIDENT = tuning.DOMINANT  # a clearly named cloud error (kept for callers)

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
_HINT_RE = _word_re([w for ws in _PROVIDER_WORDS.values() for w in ws] + list(_PRODUCT_WORDS))

# A token that may be an error code: words joined by '.', '_' or '-'.
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._\-][A-Za-z0-9]+)*")
# "ImageId", "InvalidParameterValue": an upper-case letter, lower case or digits, then at
# least one more upper-case letter. Written without a repeated group ((?:[A-Z]+[a-z0-9]*)+
# is equivalent but backtracks exponentially on "AbCCCC…C-x").
_CAMEL_RE = re.compile(r"[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*")
# No documented code is longer than 66 characters; longer tokens are not looked up.
_MAX_TOKEN = 100
_DOTTED_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+")
_STATUS_RE = re.compile(r"(?<![0-9])([1-5][0-9]{2})(?![0-9])")
# Field names of error bodies and CLI output: never error codes themselves.
_NOT_CODES = {
    "code",
    "message",
    "msg",
    "requestid",
    "request_id",
    "hostid",
    "recommend",
    "response",
    "error",
    "errorcode",
    "error_code",
    "errormessage",
    "error_msg",
    "errormsg",
    "encoded_authorization_message",
    "accessdenieddetail",
    "statuscode",
    "status",
    "json",
    "xml",
    "http",
    "https",
}
# Loose keys of HTTP reason phrases: a bare code spelled like one is a weak signal.
_HTTP_PHRASES = {
    "badrequest",
    "unauthorized",
    "forbidden",
    "notfound",
    "methodnotallowed",
    "notacceptable",
    "requesttimeout",
    "conflict",
    "gone",
    "lengthrequired",
    "preconditionfailed",
    "payloadtoolarge",
    "requestentitytoolarge",
    "contenttoolarge",
    "requesturitoolarge",
    "uritoolong",
    "unsupportedmediatype",
    "rangenotsatisfiable",
    "toomanyrequests",
    "internalservererror",
    "notimplemented",
    "badgateway",
    "serviceunavailable",
    "gatewaytimeout",
}
# Placeholders in vendors' messages: {0}, {status}, %s, %d (with or without curly quotes).
_PLACEHOLDER_RE = re.compile(r"[“\"']?\{[^{}]*\}[”\"']?|%[sd]")
# Question frames that normalize() keeps but that never occur in vendors' messages.
_CLAUSE_RE = re.compile(r"[，。；！？,;!?]")
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CAMEL_SPLIT_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_MESSAGE_NOISE_RE = re.compile(r"报错|报了|提示|错误信息|错误提示|出现|显示|返回了|遇到")

MESSAGE_CUTOFF = tuning.MESSAGE_CUTOFF
_MIN_MESSAGE_LEN = 4  # compact characters; shorter texts say too little
# Longer texts (whole log excerpts) are not one message: only exact and pattern
# lookups apply to them, not fuzzy similarity, which would cost milliseconds for nothing.
_MAX_FUZZY_LEN = 300


def _loose(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


# Words the vendors spell several ways; folded only for message matching.
_SYNONYMS = re.compile("帐户|账户|帐号")


# normalize() on pure ASCII is lower case plus punctuation → space, unless a filler word is
# ASCII; the shortcut keeps the index build fast (half the vendors' messages are English).
_ASCII_FAST = not any(f.isascii() for f in FILLERS)
_ASCII_PUNCT_RE = re.compile(r"[^0-9a-z]+")


def _norm(text: str) -> str:
    if _ASCII_FAST and text.isascii() and text.isprintable():
        return " ".join(_ASCII_PUNCT_RE.sub(" ", text.lower()).split())
    return normalize(text)


def _compact(text: str) -> str:
    """The message-matching form: normalize() and no spaces (Chinese has none to rely on)."""
    return _SYNONYMS.sub("账号", _norm(text).replace(" ", ""))


@dataclass(frozen=True, slots=True)
class Hints:
    providers: frozenset[str] = frozenset()
    products: frozenset[tuple[str, str]] = frozenset()
    statuses: frozenset[int] = frozenset()


@dataclass
class _Candidate:
    provider: str
    code: str
    score: float
    why: str
    row: int | None = None  # a specific row (the one whose message matched)
    family: ErrorFamily | None = None
    typed: str = ""  # the code as typed, for family matches
    tier: str = "code"  # "code", "partial" (segment, prefix, typo), "family", "message"


def provider_hints(text: str) -> Hints:
    """Providers, products and status codes named in ``text``."""
    folded = fold(text)
    providers = {p for p, rx in _PROVIDER_RES.items() if rx.search(folded)}
    products: set[tuple[str, str]] = set()
    for word, rx in _PRODUCT_RES.items():
        if rx.search(folded):
            pairs = _PRODUCT_WORDS[word]
            products.update(pairs)
            if len({p for p, _ in pairs}) == 1:
                providers.add(pairs[0][0])
    statuses = {int(m) for m in _STATUS_RE.findall(text) if 100 <= int(m) <= 599}
    return Hints(frozenset(providers), frozenset(products), frozenset(statuses))


# --- the index ----------------------------------------------------------------------------


class CloudIndex:
    """Lookup tables over every cloud row, built once from a :class:`KnowledgeBase`."""

    def __init__(self, data: CloudData, phrases: Iterable[str] = ()) -> None:
        """``phrases``: HTTP reason phrases; a bare code spelled like one is a weak signal."""
        self.rows: tuple[CloudError, ...] = data.rows
        self.families: tuple[ErrorFamily, ...] = data.families
        self._groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._by_exact: dict[str, set[str]] = defaultdict(set)
        self._by_fold: dict[str, set[str]] = defaultdict(set)
        self._by_loose: dict[str, set[str]] = defaultdict(set)
        self._by_segment: dict[str, set[str]] = defaultdict(set)
        for i, row in enumerate(self.rows):
            code = row.error_code
            self._groups[(row.provider, code)].append(i)
            self._by_exact[code].add(row.provider)
            self._by_fold[code.lower()].add(code)
            self._by_loose[_loose(code)].add(code)
            if "." in code:
                for seg in code.split("."):
                    if len(seg) >= 5:
                        self._by_segment[seg.lower()].add(code)
        # Buttons carry a short, stable id per (provider, code): 106 documented codes are
        # longer than Telegram's 64-byte callback data, so the code itself cannot travel.
        self._keys: dict[str, tuple[str, str]] = {}
        for provider, code in self._groups:
            key = _short_id(provider, code)
            if key in self._keys:  # 48-bit ids over a few thousand codes: would be a bug
                raise ValueError(f"button id collision: {self._keys[key]} and {(provider, code)}")
            self._keys[key] = (provider, code)
        self._codes = sorted(self._by_exact)
        self._spaced_codes = {_loose(c): c for c in self._codes if " " in c}
        self._fold_keys = [c.lower() for c in self._codes]
        phrases_in = phrases
        phrases = set(_HTTP_PHRASES)
        phrases.update(_loose(p) for p in phrases_in)
        self._weak = {
            c
            for c in self._codes
            if re.fullmatch(r"[A-Z][a-z]+|[A-Z]+", c) or " " in c or _loose(c) in phrases
        }
        self._family_res = [
            (fam, re.compile("|".join(fnmatch.translate(p.lower()) for p in fam.patterns)))
            for fam in self.families
        ]
        self._build_messages()
        self._search = TextCache(self._search_uncached, max_chars=500_000, max_entries=1024)

    def _build_messages(self) -> None:
        # One pool per script; each distinct message form maps to the rows carrying it.
        self._pools = {"cjk": _Pool(), "latin": _Pool()}
        self._exact_messages: dict[str, list[int]] = defaultdict(list)
        self._seed_keys: set[str] = set()
        pattern_rows: dict[tuple[str, ...], list[int]] = defaultdict(list)
        forms: dict[str, tuple[str, str]] = {}  # vendors reuse messages: normalise each once
        for i, row in enumerate(self.rows):
            for text in (row.seed_message, row.message_zh, row.message_en):
                if not text:
                    continue
                if text not in forms:
                    spaced = _spaced(_PLACEHOLDER_RE.sub(" ", text))
                    forms[text] = (_SYNONYMS.sub("账号", spaced.replace(" ", "")), spaced)
                key, spaced = forms[text]
                if len(key) < _MIN_MESSAGE_LEN:
                    continue
                has_placeholder = _PLACEHOLDER_RE.search(text) is not None
                if not has_placeholder:  # placeholder messages match through their regex
                    self._exact_messages[key].append(i)
                if text is row.seed_message:
                    self._seed_keys.add(key)
                if _CJK_RE.search(key):
                    self._pools["cjk"].add(key, key, i)
                    # Long messages lead with the gist; people quote or reword that clause.
                    clause = _compact(_CLAUSE_RE.split(text, maxsplit=1)[0])
                    if _MIN_MESSAGE_LEN + 2 <= len(clause) < len(key) - 4:
                        self._pools["cjk"].add(clause, clause, i)
                else:
                    self._pools["latin"].add(key, spaced, i)
                if has_placeholder:
                    pieces = [_compact(p) for p in _PLACEHOLDER_RE.split(text)]
                    if sum(map(len, pieces)) >= 10:
                        pattern_rows[tuple(pieces)].append(i)
        self._patterns = [(_Template(p), ids) for p, ids in sorted(pattern_rows.items())]

    # --- public API ---------------------------------------------------------------------

    def search(self, text: str, limit: int = 5, messages: bool = True) -> list[Match]:
        """The best cloud-error readings of ``text``, best first (see the module's scoring)."""
        return list(self._search(text.strip(), limit, messages)) if text and text.strip() else []

    def is_confident_code_query(self, text: str) -> bool:
        """True when ``text`` clearly names a cloud error (a code, a body, or a provider + message)."""
        matches = self.search(text, limit=1)
        return bool(matches) and matches[0].score >= CONFIDENT

    def is_documented_message(self, text: str) -> bool:
        """True when ``text`` is, word for word, a message some provider documents."""
        return _compact(text.strip()) in self._exact_messages

    def family_for(self, code: str) -> ErrorFamily | None:
        """The first family whose patterns match ``code`` (families.toml order is priority)."""
        lowered = code.lower()
        for fam, rx in self._family_res:
            if rx.match(lowered):
                return fam
        return None

    def key_of(self, provider: str, code: str) -> str:
        return _short_id(provider, code)

    def answer_for(self, key: str) -> CloudAnswer | None:
        """The answer a button id stands for (its best row with no hints), or None."""
        if key.startswith("family:"):
            fam = next((f for f in self.families if f.name == key[7:]), None)
            return CloudAnswer(error_code=" / ".join(fam.patterns), family=fam) if fam else None
        group = self._keys.get(key)
        if group is None:
            return None
        ids = self._groups[group]
        best = self._best_row(ids, Hints(), None)
        return CloudAnswer(
            error_code=group[1],
            error=self.rows[best],
            family=self.family_for(group[1]),
            variants=tuple(self.rows[i] for i in ids if i != best),
        )

    # --- search internals ---------------------------------------------------------------

    def _search_uncached(self, text: str, limit: int, messages: bool = True) -> tuple[Match, ...]:
        """``messages=False`` skips message similarity (the caller already knows the text
        is a log line of another kind); codes and pasted bodies are still read."""
        hints = provider_hints(text)
        body = parse_body(text)
        if body and body.provider:
            hints = Hints(hints.providers | {body.provider}, hints.products, hints.statuses)
        cands: dict[tuple[str, str], _Candidate] = {}
        typed: list[tuple[str, float]] = []  # (code as typed, base score) still to explain
        best = 0.0
        if body and body.code:
            found = self._add_code(cands, body.code, tuning.BODY_CODE, "报错内容里的错误码")
            best = max(best, found)
            if not found:
                typed.append((body.code, tuning.FAMILY_IN_BODY))
        tokens = [t for t in _TOKEN_RE.findall(text) if len(t) <= _MAX_TOKEN and t.lower() not in _NOT_CODES]
        for token in tokens:
            best = max(best, self._add_code(cands, token, tuning.TYPED_CODE, "错误码"))
        spaced_code = self._spaced_codes.get(_loose(text)) if len(text) <= 60 else None
        if best < CONFIDENT and spaced_code:  # OSS documents "Request-URI Too Large" as a code
            best = max(best, self._add_code(cands, spaced_code, tuning.TYPED_CODE, "错误码"))
        if best < CONFIDENT:
            # Nothing strong: try parts of codes, near spellings, then naming conventions;
            # only for a token that is the whole question, not a word inside a message.
            bare = [t for t in tokens if _is_bare(text, t)]
            near = self._add_partial(cands, bare, [c for c, _ in typed])
            for token in tokens:
                if _DOTTED_RE.fullmatch(token):
                    typed.append(
                        (token, tuning.FAMILY_DOTTED if token in bare else tuning.FAMILY_DOTTED_IN_TEXT)
                    )
                elif _CAMEL_RE.fullmatch(token) and token in bare:
                    typed.append((token, tuning.FAMILY_CAMEL))
            for code, score in typed:
                # A family must not outrank the real code the user half-typed.
                self._add_family(cands, code, tuning.FAMILY_NEAR if code.lower() in near else score)
        message = body.message if body and body.message else text
        if messages or (body and body.message):
            self._add_messages(cands, message, in_body=bool(body and body.message))
        return tuple(self._finish(cands, hints, body, limit))

    def _add(self, cands: dict[tuple[str, str], _Candidate], cand: _Candidate) -> None:
        key = (cand.provider, cand.code if cand.family is None else f"family:{cand.typed}")
        old = cands.get(key)
        if old is None or cand.score > old.score:
            if old is not None and cand.row is None and old.row is not None:
                cand.row = old.row  # keep the row a message pinned down
            cands[key] = cand
        elif old.row is None and cand.row is not None:
            old.row = cand.row

    def _add_code(self, cands: dict[tuple[str, str], _Candidate], token: str, base: float, why: str) -> float:
        """Exact (base), other case (base - 1), ignoring separators (base - 2); best score added."""
        hits: dict[str, tuple[float, str]] = {}
        step = tuning.CASE_PENALTY
        for code in self._by_loose.get(_loose(token), ()):
            hits[code] = (base - 2 * step, f"{why}（忽略分隔符）")
        for code in self._by_fold.get(token.lower(), ()):
            hits[code] = (base - step, f"{why}（不区分大小写）")
        if token in self._by_exact:
            hits[token] = (base, why)
        best = 0.0
        for code, (score, reason) in hits.items():
            if code in self._weak and base < tuning.BODY_CODE:
                score -= tuning.WEAK_CODE_PENALTY
            best = max(best, score)
            for provider in self._by_exact[code]:
                self._add(cands, _Candidate(provider, code, score, f"{reason} {code}"))
        return best

    def _add_partial(
        self, cands: dict[tuple[str, str], _Candidate], tokens: list[str], extra: list[str]
    ) -> set[str]:
        """Segments, prefixes and near spellings of codes; return the typed codes that hit one."""
        near: set[str] = set()
        for token in [*extra, *tokens]:
            code_like = bool(_DOTTED_RE.fullmatch(token) or _CAMEL_RE.fullmatch(token))
            starts_upper = token[:1].isupper()
            if len(token) < 5:
                continue
            lowered = token.lower()
            segment = self._by_segment.get(lowered, set())
            if 1 <= len(segment) <= 3:
                for code in sorted(segment):
                    exact_case = token in code.split(".")  # "Arrearage" in Account.Arrearage
                    score = tuning.code_segment(len(segment), starts_upper, exact_case)
                    self._add_codes(cands, [code], score, f"错误码片段 {token}")
                near.add(lowered)
                continue
            if not code_like or len(token) < 8:
                continue
            prefixed = [c for c, k in zip(self._codes, self._fold_keys, strict=True) if k.startswith(lowered)]
            if 1 <= len(prefixed) <= 5:  # a truncated paste
                self._add_codes(cands, prefixed, tuning.code_prefix(len(prefixed)), f"错误码开头 {token}")
                near.add(lowered)
                continue
            for _, sim, idx in process.extract(
                lowered, self._fold_keys, scorer=fuzz.ratio, limit=3, score_cutoff=88
            ):
                code = self._codes[idx]
                self._add_codes(cands, [code], tuning.code_typo(sim), f"错误码拼写相近 {code}")
                near.add(lowered)
        return near

    def _add_codes(
        self, cands: dict[tuple[str, str], _Candidate], codes: list[str], score: float, why: str
    ) -> None:
        for code in codes:
            for provider in self._by_exact[code]:
                self._add(cands, _Candidate(provider, code, score, why, tier="partial"))

    def _add_family(self, cands: dict[tuple[str, str], _Candidate], token: str, score: float) -> None:
        fam = self.family_for(token)
        if fam is not None:
            why = f"看起来是错误码，按命名规则解释（{fam.title}）"
            self._add(cands, _Candidate("", token, score, why, family=fam, typed=token, tier="family"))

    def _add_messages(self, cands: dict[tuple[str, str], _Candidate], text: str, *, in_body: bool) -> None:
        bonus = tuning.IN_BODY_BONUS if in_body else 0.0
        scored: dict[int, tuple[float, str]] = {}

        def take(ids: Iterable[int], score: float, why: str) -> None:
            for i in ids:
                if i not in scored or score > scored[i][0]:
                    scored[i] = (score, why)

        folded = _HINT_RE.sub(" ", fold(text))
        # Provider and Latin product names help to pick rows, but messages rarely hold them.
        stripped = _MESSAGE_NOISE_RE.sub("", _compact(folded))
        words = re.sub(r"[^a-z0-9 ]+", " ", _spaced(folded)).split()
        embedded = "".join(words) if len(words) >= 3 and any(is_cjk(ch) for ch in stripped) else ""
        for query in dict.fromkeys(q for q in (_compact(text), stripped, embedded) if q):
            if len(query) < _MIN_MESSAGE_LEN:
                continue
            for i in self._exact_messages.get(query, ()):
                if query in self._seed_keys and self.rows[i].seed_message:
                    take([i], tuning.SEED_MESSAGE + bonus, "种子文档原文")
                else:
                    # 账户/账号 spellings meet, but the vendor's own spelling ranks first.
                    score = tuning.VERBATIM if self._says(i, text) else tuning.VERBATIM_RESPELLED
                    take([i], score + bonus, "错误信息一致")
            for template, ids in self._patterns:
                if template.matches(query):
                    take(ids, tuning.TEMPLATE + bonus, "错误信息一致（占位符部分任意）")
        hits: list[tuple[float, list[int], bool]] = []
        if _MIN_MESSAGE_LEN <= len(stripped) <= _MAX_FUZZY_LEN:
            if any(is_cjk(ch) for ch in stripped):
                hits = self._pools["cjk"].similar(stripped, stripped)
                if embedded:  # an English message pasted inside a Chinese question
                    hits += self._pools["latin"].similar(embedded, " ".join(words))
            else:
                hits = self._pools["latin"].similar(stripped, " ".join(words))
        for sim, ids, _ in hits:  # exact hits were scored above; this adds leading clauses
            take(ids, tuning.message_likeness(sim) + bonus, f"错误信息相似（{sim:.0f}%）")
        for i, (score, why) in scored.items():
            row = self.rows[i]
            self._add(cands, _Candidate(row.provider, row.error_code, score, why, row=i, tier="message"))

    def _says(self, i: int, text: str) -> bool:
        """True when row ``i`` carries ``text`` as written (before folding 账户/帐号 into 账号)."""
        want = _norm(text).replace(" ", "")
        row = self.rows[i]
        return any(
            _norm(m).replace(" ", "") == want for m in (row.seed_message, row.message_zh, row.message_en) if m
        )

    def _finish(
        self,
        cands: dict[tuple[str, str], _Candidate],
        hints: Hints,
        body: Body | None,
        limit: int,
    ) -> list[Match]:
        results: list[tuple[tuple[Any, ...], Match]] = []
        for cand in cands.values():
            score = cand.score
            if cand.family is None:
                if hints.providers:
                    score += (
                        tuning.PROVIDER_NAMED if cand.provider in hints.providers else tuning.PROVIDER_OTHER
                    )
                if any(
                    (cand.provider, self.rows[i].product) in hints.products
                    for i in self._groups[(cand.provider, cand.code)]
                ):
                    score += tuning.PRODUCT_NAMED
            elif hints.providers:
                score = min(score + tuning.PROVIDER_NAMED, tuning.FAMILY_CAP)
            score = max(0.0, min(tuning.EXPLICIT, score))
            why = cand.why
            named = sorted(hints.providers & ({cand.provider} if cand.provider else hints.providers))
            if named:
                why += "，提到了" + "、".join(PROVIDER_ZH[p] for p in named)
            if cand.family is not None:
                answer = CloudAnswer(error_code=cand.typed, family=cand.family)
                key = f"family:{cand.family.name}"
            else:
                ids = self._groups[(cand.provider, cand.code)]
                best = cand.row if cand.row is not None else self._best_row(ids, hints, body)
                answer = CloudAnswer(
                    error_code=cand.code,
                    error=self.rows[best],
                    family=self.family_for(cand.code),
                    variants=tuple(self.rows[i] for i in ids if i != best),
                )
                key = self.key_of(cand.provider, cand.code)
            match = Match("error", key, score, why, answer, tier=cand.tier, order=answer.error_code)
            rank = PROVIDER_ORDER.index(cand.provider) if cand.provider else -1
            # The uncapped score breaks ties among matches capped at 100.
            order = (-score, -cand.score, rank, answer.error_code.lower(), answer.error_code)
            results.append((order, match))
        results.sort(key=lambda pair: pair[0])
        return [m for _, m in results[:limit]]

    def _best_row(self, ids: list[int], hints: Hints, body: Body | None) -> int:
        """The row to show for a code: the seed's, the hinted product/status, the commonest status."""
        counts = Counter(self.rows[i].status for i in ids)
        body_msg = _compact(body.message) if body and body.message else ""

        def key(i: int) -> tuple[Any, ...]:
            row = self.rows[i]
            msg_sim = 0.0
            if body_msg:
                msg_sim = max(
                    (fuzz.ratio(body_msg, _compact(m)) for m in (row.message_zh, row.message_en) if m),
                    default=0.0,
                )
            return (
                -msg_sim,
                row.status not in hints.statuses if hints.statuses else False,
                (row.provider, row.product) not in hints.products if hints.products else False,
                not row.seed_message,
                -counts[row.status],
                row.status or 0,
                row.product,
                row.api,
                row.source,
            )

        return min(ids, key=key)


def _short_id(provider: str, code: str) -> str:
    return hashlib.blake2b(f"{provider}:{code}".encode(), digest_size=6).hexdigest()


def _is_bare(text: str, token: str) -> bool:
    """True when ``token`` is all the question says, give or take a provider and a frame."""
    if len(text) - len(token) > 60:  # far more than any provider name and question frame
        return False
    rest = _HINT_RE.sub(" ", fold(text.replace(token, " ")))
    rest = _MESSAGE_NOISE_RE.sub("", normalize(rest).replace(" ", ""))
    letters = sum(ch.isascii() and ch.isalpha() for ch in rest)
    # The token must also be most of what is left: "Region" in "Region ID不可用" is a word.
    return len(rest) <= 6 and letters <= 2 and len(rest) <= 0.6 * len(token)


class _Pool:
    """Message forms of one script for fuzzy lookup: compact (no spaces) and sorted words.

    Sorting the words once here makes a plain ratio equal to rapidfuzz's token_sort_ratio
    without re-sorting every choice on every query.
    """

    def __init__(self) -> None:
        self.compact: list[str] = []
        self.words: list[str] = []
        self.rows: list[list[int]] = []
        self._where: dict[str, int] = {}
        self._grams: dict[str, list[int]] | None = None  # built on first use, after all adds

    def add(self, compact: str, spaced: str, row: int) -> None:
        idx = self._where.get(compact)
        if idx is None:
            idx = self._where[compact] = len(self.compact)
            self.compact.append(compact)
            self.words.append(" ".join(sorted(spaced.split())))
            self.rows.append([])
        if row not in self.rows[idx]:
            self.rows[idx].append(row)

    def _bigram_index(self) -> dict[str, list[int]]:
        if self._grams is None:
            grams: dict[str, list[int]] = {}
            for i, form in enumerate(self.compact):
                for gram in {form[j : j + 2] for j in range(len(form) - 1)}:
                    grams.setdefault(gram, []).append(i)
            self._grams = grams
        return self._grams

    def _candidates(self, compact: str) -> list[int] | None:
        """Forms sharing a character pair with a CJK query, or None to scan them all.

        Two compact Chinese strings that are 70% alike, or one nearly inside the other,
        always share a pair of adjacent characters; scanning only those forms gives the
        same picks at a fraction of the cost (rapidfuzz is slower on non-ASCII text).
        """
        if not any(is_cjk(ch) for ch in compact):
            return None
        grams = self._bigram_index()
        found: set[int] = set()
        for j in range(len(compact) - 1):
            found.update(grams.get(compact[j : j + 2], ()))
        return sorted(found)

    def similar(self, compact: str, spaced: str) -> list[tuple[float, list[int], bool]]:
        """(similarity, rows, is exact) for every form at or above MESSAGE_CUTOFF."""
        extract = process.extract
        ids = self._candidates(compact)
        forms = self.compact if ids is None else [self.compact[i] for i in ids]

        def real(j: int) -> int:
            return j if ids is None else ids[j]

        # Cut-offs let rapidfuzz skip choices early. A form below MESSAGE_CUTOFF by ratio
        # can only qualify through _similarity's containment test, and that needs a
        # common subsequence of at least 17.5% of the query (see _similarity's bounds).
        picked = {
            real(j)
            for _, _, j in extract(compact, forms, scorer=fuzz.ratio, limit=20, score_cutoff=MESSAGE_CUTOFF)
        }
        # Longest common subsequence finds a short query inside a long message.
        floor = int(0.175 * len(compact))
        picked.update(
            real(j)
            for _, _, j in extract(compact, forms, scorer=LCSseq.similarity, limit=20, score_cutoff=floor)
        )
        words = " ".join(sorted(spaced.split())) if " " in spaced else ""
        if words:
            picked.update(
                i
                for _, _, i in extract(
                    words, self.words, scorer=fuzz.ratio, limit=10, score_cutoff=MESSAGE_CUTOFF
                )
            )
        out = []
        for i in sorted(picked):
            sim = _similarity(compact, self.compact[i])
            if words:
                sim = max(sim, fuzz.ratio(words, self.words[i]))
            if sim >= MESSAGE_CUTOFF:
                out.append((sim, self.rows[i], compact == self.compact[i]))
        return out


class _Template:
    """A vendor message with placeholders, as its literal pieces in order.

    ``matches`` is what ``re.fullmatch("p0.*?p1.*?p2")`` would say, in linear time: the
    first and last pieces must open and close the text and the others follow in order,
    each taken at its leftmost place (which never loses a match that exists).
    """

    __slots__ = ("pieces",)

    def __init__(self, pieces: tuple[str, ...]) -> None:
        self.pieces = pieces

    def matches(self, text: str) -> bool:
        first, *middle, last = self.pieces
        if len(text) < len(first) + len(last) or not text.startswith(first) or not text.endswith(last):
            return False
        at, stop = len(first), len(text) - len(last)
        for piece in middle:
            found = text.find(piece, at, stop)
            if found < 0:
                return False
            at = found + len(piece)
        return True


def _similarity(query: str, choice: str) -> float:
    """0–100: whole-string likeness, or how fully the shorter sits (in order) inside the longer.

    Containment counts the shorter string's characters found in order in the longer one
    (their longest common subsequence), weighted by how much of the longer it covers.
    """
    whole = fuzz.ratio(query, choice)
    short, long_ = (query, choice) if len(query) <= len(choice) else (choice, query)
    if len(short) < _MIN_MESSAGE_LEN:
        return whole
    inside = LCSseq.similarity(short, long_) / len(short)
    if inside < 0.8:
        return whole
    return max(whole, 100.0 * inside * (0.6 + 0.4 * len(short) / len(long_)))


def _spaced(text: str) -> str:
    """Word form of a Latin message: CamelCase split so "ImageId" meets "image id"."""
    return _norm(_CAMEL_SPLIT_RE.sub(" ", text))
