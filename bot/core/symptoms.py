"""Vague symptoms, told with nothing named ("网站打不开了", "服务器挂了", "页面老是打不开").

Such a text has no single answer: the page may show a gateway error, a timeout or a browser
error. Word overlap reads it as whichever card happens to share its few words ("打不开" is in
508's causes), and answers that card outright. Instead, each kind's cards list the symptoms
they are a common answer to (``symptoms`` in their TOML), and a text that is only a symptom
gets those cards as choices, none of them answered outright.

A text is only a symptom when what is left of it, once its fillers, adverbs, subject and
question words are gone, is one of the cards' symptom words. The tool a developer was running
is a subject too ("git clone 超时", "pip install 报 ssl 错误"): it says where the failure was
seen, not which one it was. Short texts only: a longer one says more, and the other tiers read it.

Some symptoms are no card's ("npm install 报错"): every kind knows them (:data:`VAGUE`), so
none answers such a text with whatever card shares its words; the reply asks for the error's
own text.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, NamedTuple

from bot.core import tuning
from bot.core.schema import check_text
from bot.core.text import normalize, without_fillers

# Characters of the matching form (spaces aside), once the tool and the words around it are
# gone: longer texts tell more than a symptom.
SYMPTOM_MAX = 14
# Characters of the whole text read at all (a bound on the replacements below).
_READ_MAX = 40

# Failures that say nothing of which error they are, listed on no card.
VAGUE = ("报错", "出错", "错误", "失败", "异常", "有问题", "出问题", "不行", "用不了", "error", "failed")

# Developer tools and what they were doing: where a failure was seen. Whole words only ("git"
# is not inside "digit"), longest first where one holds another ("git clone" before "git").
# Chinese ones are below.
_TOOLS = (
    "git clone",
    "git push",
    "git pull",
    "git fetch",
    "git",
    "github",
    "gitlab",
    "npm install",
    "npm i",
    "npm",
    "yarn install",
    "yarn",
    "pnpm install",
    "pnpm",
    "pip install",
    "pip3 install",
    "pip3",
    "pip",
    "conda install",
    "conda",
    "docker pull",
    "docker push",
    "docker login",
    "docker",
    "go get",
    "go mod download",
    "go mod tidy",
    "mvn",
    "maven",
    "gradle",
    "composer install",
    "composer",
    "cargo build",
    "cargo",
    "brew install",
    "brew",
    "apt-get",
    "apt",
    "yum",
    "wget",
    "kubectl",
    "k8s",
    "pod",
    # Services a program talks to: what it failed to reach, not how.
    "mysql",
    "redis",
    "mongodb",
    "mongo",
    "postgresql",
    "postgres",
    "pg",
    "kafka",
    "rabbitmq",
    "elasticsearch",
    "es",
    "ssh",
    "ftp",
    "smtp",
)
# A verb left before the symptom once the tool is gone ("pip install 报 ssl 错误").
_TOLD = ("报", "提示", "显示", "出现")

# What a developer was doing, told in Chinese (no spaces around them to go by).
_CJK_TOOLS = ("拉镜像", "推镜像", "拉代码", "推代码", "下载依赖", "安装依赖", "装依赖", "拉依赖", "数据库")

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
    "nginx",
    "浏览器",
    "控制台",
    *_CJK_TOOLS,
    "怎么",
    "为什么",
    "为啥",
    "咋",
    "突然",
    "一直",
    "老是",
    "总是",
    "经常",
    "频繁",
    "还是",
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
    ("网站打不开了" → "打不开", "git clone 一直超时" → "超时"); "" for a longer text."""
    return _core(normalized)[0]


def _core(normalized: str) -> tuple[str, bool]:
    """:func:`symptom_core`, and whether a developer tool was one of the words taken out.
    Linear: a fixed list of ``str.replace`` over at most ``_READ_MAX`` characters."""
    if len(normalized) > _READ_MAX:
        return "", False
    text = without_fillers(normalized)
    padded = f" {text} "  # a tool is a whole word or two ("git" is not inside "digit")
    tool = False
    for name in _TOOLS:  # the longest form of a tool first ("git clone" before "git")
        if f" {name} " in padded:
            padded = padded.replace(f" {name} ", " ")
            tool = True
    text = padded.strip()
    for word in _AROUND:
        if word in text:
            text = text.replace(word, "")
            tool = tool or word in _CJK_TOOLS
    text = text.replace(" ", "")
    return (text, tool) if len(text) <= SYMPTOM_MAX else ("", False)


_VAGUE_KEYS = frozenset(normalize(word).replace(" ", "") for word in VAGUE)


def only_vague(text: str) -> bool:
    """Does a question say only that something failed ("npm install 报错", "docker 出问题了")?
    Its reply asks for the error's own text rather than saying nothing was found."""
    core = symptom_core(normalize(text))
    return core in _VAGUE_KEYS or _without_told(core) in _VAGUE_KEYS


def _without_told(core: str) -> str:
    """``core`` without the verb that opens it ("报ssl错误" → "ssl错误"), or "" when none does."""
    return next((core[len(verb) :] for verb in _TOLD if core.startswith(verb)), "")


class Symptom(NamedTuple):
    why: str  # the reason shown with each choice
    targets: list[Hashable]  # the cards that list it, in the order added (none: a vague one)
    tool: bool  # seen running a developer tool ("git clone 超时"): sockets and TLS, more than HTTP

    def score(self, rank: int, *, http: bool) -> float:
        """The score of a kind's ``rank``-th card for it: HTTP statuses (``http``) before the
        network cards, except when a tool was named ("git clone 超时"), where sockets and TLS
        come first. One place orders both kinds' choices."""
        if http:
            top = tuning.SYMPTOM - (2 * tuning.JUST_BELOW if self.tool else 0)
        else:
            top = tuning.SYMPTOM - (0 if self.tool else tuning.JUST_BELOW)
        return top - rank * tuning.TIE_STEP


def listed(entries: Iterable[Any]) -> list[str]:
    """Every symptom word the given cards (any kind's entries) list."""
    return [word for entry in entries for word in entry.symptoms]


class SymptomIndex:
    """One kind's cards by the symptom words they list, each word's cards in the order added."""

    def __init__(self) -> None:
        self._by_key: dict[str, tuple[str, list[Hashable]]] = {}

    def add(self, words: Iterable[str], target: Hashable) -> None:
        for word in words:
            self._by_key.setdefault(symptom_key(word), (word, []))[1].append(target)

    def know(self, words: Iterable[str]) -> None:
        """Symptoms another kind's cards list, or none does (:data:`VAGUE`): a text that is only
        one of them finds no card here (and this kind's word overlap does not answer it)."""
        for word in words:
            self._by_key.setdefault(symptom_key(word), (word, []))

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def find(self, normalized: str) -> Symptom | None:
        """The symptom, when the text is only one that some card lists or all know, else None."""
        core, tool = _core(normalized)
        found = self._by_key.get(core)
        if found is None:
            found = self._by_key.get(_without_told(core))
        if found is None:
            return None
        word, targets = found
        return Symptom(f"「{word}」常见的一种", list(targets), tool)


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
