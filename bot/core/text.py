"""Text normalisation shared by the knowledge index and incoming queries.

Both sides go through :func:`normalize`, so an alias written in traditional
Chinese, full-width digits or mixed case meets the query on equal terms.

Worst case: linear. The patterns are single character classes, look-arounds of one
character, and alternations of literal words (fillers, regional terms) tried at each
position; OpenCC converts by longest dictionary match with a bounded word length. Links and
e-mail addresses are cut out by a scan, not a pattern (see :func:`remove_links`).
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.cache import TextCache
from bot.core.simplified import to_simplified

# Taiwan/Hong Kong IT vocabulary that a character-level converter leaves as-is
# (閘道 becomes 闸道, not the mainland word 网关). The last ones are written alike in both
# scripts; zhconv, the converter before OpenCC, turned them into the mainland words.
_TERMS = {
    "闸道": "网关",
    "逾时": "超时",
    "伺服器": "服务器",
    "伺服端": "服务端",
    "伺服": "服务",
    "网路": "网络",
    "连线": "连接",
    "存取": "访问",
    "登入": "登录",
    "登出": "退出登录",
    "支援": "支持",
    "档案": "文件",
    "资料": "数据",
    "讯息": "消息",
    "预设": "默认",
    "用户端": "客户端",
    "程式": "程序",
    "快取": "缓存",
    "网域": "域名",
    "重新导向": "重定向",
    "请求太多": "请求过多",
    "非同步": "异步",
    "介面": "界面",
    "列印": "打印",
    "滑鼠": "鼠标",
    "硬碟": "硬盘",
    "磁碟": "磁盘",
    "演算法": "算法",
    "智慧卡": "智能卡",
    "身分验证": "身份验证",
    "身分认证": "身份认证",
    # Taiwan's and Hong Kong's words for what the mainland's texts and our cards say.
    "执行个体": "实例",
    "网域名称": "域名",
    "网际网路": "互联网",
    "网际网络": "互联网",
    "回传": "返回",
    "跨来源": "跨源",
    "已封锁": "已拦截",
    "同源政策": "同源策略",
    "违反政策": "违反策略",
    "遭拒": "被拒",
    # Corner brackets are quotation marks in Taiwan and Hong Kong (zhconv made them “”).
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
}
_TERM_RE = re.compile("|".join(sorted(map(re.escape, _TERMS), key=len, reverse=True)))

# Words that carry no meaning for matching: question frames and politeness.
FILLERS = (
    "请问一下",
    "请问",
    "怎么回事儿",
    "怎么回事",
    "怎么解决",
    "怎么处理",
    "怎么修复",
    "怎么搞",
    "怎么办",
    "咋办",
    "咋整",
    "如何解决",
    "如何处理",
    "什么意思",
    "啥意思",
    "是什么意思",
    "是什么",
    "是啥",
    "什么是",
    "返回什么状态码",
    "返回什么码",
    "返回哪个码",
    "返回哪个状态码",
    "返回哪个",
    "用什么状态码",
    "用哪个状态码",
    "用什么码",
    "用哪个码",
    "回什么码",
    "回什么状态码",
    "回什么状态",
    "回什么",
    "回啥",
    "回哪个",
    "该回什么",
    "一般回",
    "一般返回",
    "一般用",
    "什么状态",
    "哪个状态",
    "返回什么",
    "返回啥",
    "报什么",
    "什么状态码",
    "哪个状态码",
    "状态码",
    "返回码",
    "该返回啥码",
    "应该返回",
    "该返回",
    "返回啥码",
    "报啥码",
    "报的那个码",
    "那个码",
    "什么码",
    "哪个码",
    "啥码",
    "该回啥",
    "状态码是多少",
    "是多少",
    "是几",
    "是几号码",
    "用哪个",
    "是哪个",
    "是哪个码",
    "是哪个状态码",
    "是哪个代码",
    "是哪个状态",
    "对应哪个状态码",
    "对应哪个码",
    "对应什么码",
    "对应的状态码",
    "对应哪个",
    "有什么区别",
    "什么区别",
    "有啥区别",
    "啥区别",
    "有何区别",
    "的区别",
    "区别是什么",
    "区别在哪里",
    "区别在哪",
    "帮忙看看",
    # Group-chat openers around the question ("有人知道吗", "各位大佬", "请教一下").
    "有没有人知道",
    "有人知道吗",
    "有人知道",
    "有没有大佬知道",
    "有没有大佬",
    "各位大佬",
    "大佬们",
    "请教一下",
    "请教",
    "求助",
    "问一下",
    "问下",
    "大家好",
    "兄弟们",
    "有人在吗",
    "哈哈哈",
    "哈哈",
    "帮我看看",
    "谢谢",
    # Asked to explain ("解释下跨域", "讲讲 ECONNRESET", "科普一下 502"): the topic is the rest.
    "解释一下",
    "解释下",
    "讲一下",
    "讲讲",
    "说说",
    "介绍一下",
    "介绍下",
    "科普一下",
    "科普下",
    # What it is for ("OPTIONS 预检请求是干嘛的"): asked of the rest.
    "是干嘛的",
    "是干什么的",
    "是做什么的",
    "干嘛用的",
    "有什么用",
    "有啥用",
    "一下",
    "呢",
    "吗",
    "呀",
    "啊",
    "吧",
    "了",
)
# Every alternative starts with a literal, so the compiled pattern leads with the set of
# first characters and the engine skips in C to the next position holding one; a leading
# look-ahead on that set hid it (every position was tried: ~3× slower on 4 KB, and slower
# to compile). Longest first: at each position the longest filler there is taken.
_FILLER_RE = re.compile("|".join(sorted(map(re.escape, FILLERS), key=len, reverse=True)))
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# The matching form keeps runs of one script: letters and digits, or CJK characters.
# Everything else becomes a space, and so does each edge between the two ("只能post" and
# "只能 post" must normalise alike). One findall does what three substitutions did.
# One class first, then the run of its script: an alternation of two classes gave the engine
# no first character to skip to, and it tried both at every position (4 KB: ~90 → ~75 µs).
_SCRIPT_RUN_RE = re.compile(
    r"[0-9a-z\u3400-\u9fff\uf900-\ufaff](?:(?<=[0-9a-z])[0-9a-z]*|[\u3400-\u9fff\uf900-\ufaff]*)"
)
# Every ASCII character outside [0-9a-z] → a space (for pure-ASCII text, which has no CJK run).
_ASCII_SEPARATORS = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not ("0" <= c <= "9" or "a" <= c <= "z")}
)
# Control and format characters (zero-width joiners, bidi marks) become spaces.
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _strip_invisible(text: str) -> str:
    if text.isprintable():  # the common case: nothing to replace
        return text
    # Newlines and tabs, the next commonest, as the pattern below would replace them, but in
    # C without a match object each (a pasted log has one every line: ~50 µs on 4 KB).
    text = text.replace("\n", " ").replace("\t", " ").replace("\r", " ")
    if text.isprintable():
        return text
    text = _CONTROL_RE.sub(" ", text)
    if text.isprintable():  # no format, private-use or unassigned characters left
        return text
    return "".join(ch if unicodedata.category(ch) not in _INVISIBLE else " " for ch in text)


_OTHER_CHAR_RE = re.compile(r"[^\x00-\x7f]")
_NFKC_SPLIT_FROM = 256  # characters: a shorter text is normalised whole


def _nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, with the ASCII tail of a long text left as it
    is: NFKC changes no ASCII character, and none composes with the character before it (no
    canonical decomposition holds an ASCII character after its first; tests/test_speed_text.py
    checks every code point), so NFKC(head + ASCII tail) is NFKC(head) + tail. A pasted log
    after a Chinese sentence with one full-width comma was normalised whole (~50 µs on 4 KB)."""
    if len(text) > _NFKC_SPLIT_FROM:
        last = _OTHER_CHAR_RE.search(text[::-1])  # the last non-ASCII character, from the end
        if last is not None and last.start():
            cut = len(text) - last.start()
            return unicodedata.normalize("NFKC", text[:cut]) + text[cut:]
    return unicodedata.normalize("NFKC", text)


def _fold(text: str) -> str:
    """NFKC, lower case, traditional → simplified and regional vocabulary.

    Punctuation is kept: log-line signatures need it to stay readable.
    """
    if not unicodedata.is_normalized("NFKC", text):  # a quick check: most text already is
        # Through the cache, under the NFKC form too: NFKC is idempotent, so the two fold
        # alike, and the cloud kind folds a question with full-width characters ("，" is one)
        # again after taking it to NFKC (~0.2 ms on 4 KB, now a look-up).
        return fold(nfkc(text))
    text = _strip_invisible(text).lower()
    if _CJK_RE.search(text):
        if "憑證" in text:
            # Taiwan's word for a certificate; the mainland's 凭证 is a credential ("STS 临时凭证").
            text = text.replace("憑證", "證書")
        text = to_simplified(text)
        text = _TERM_RE.sub(lambda m: _TERMS[m.group(0)], text)
    return text


def _normalize(text: str) -> str:
    """The matching form of ``text``: folded, fillers and punctuation removed."""
    # Spaces at the ends never reach the matching form; without them, a pasted log and
    # the same log stripped of its last newline share one entry.
    return _matching(fold(text).strip(" "))


def _matching_form(folded: str) -> str:
    """The matching form of a text already folded (all that normalize adds to fold)."""
    if folded.isascii():
        # The runs are the [0-9a-z]+ ones: every other character is a separator. A table
        # translation of an ASCII string runs in C without a string per run (~4× faster on
        # a 2 KB trace).
        return " ".join(folded.translate(_ASCII_SEPARATORS).split())
    if _CJK_RE.search(folded):  # every filler involves a CJK character
        folded = _FILLER_RE.sub(" ", folded)
    return " ".join(_SCRIPT_RUN_RE.findall(folded))


# A link or address holds one of these; whitespace never occurs inside one.
_MARKS = ("@", "://", "www.")  # each looked for in turn below
_RUN_END_RE = re.compile(r"\S*")  # \S is "not str.isspace()", as in the walk back below
_LINK_STARTS = ("https://", "http://", "www.")


def remove_links(text: str) -> str:
    """``text`` with URLs and e-mail addresses replaced by a space (their digits are not codes).

    Within each run of non-space characters, a URL starts at ``http(s)://`` or ``www.`` and
    takes the rest of the run; an e-mail address is the run's start up to the last
    ``.domain`` that follows an ``@``. Each run is scanned a bounded number of times, so the
    cost is linear (the regular expression this replaces, ``\\S+@\\S+\\.[a-z]{2,}``, was
    quadratic on long runs and cubic on ``@.@.…``).

    Only the runs holding a marker (``@``, ``://``, ``www.``) are visited (on a 4 KB paste,
    splitting every run, or a regular expression trying the three markers at every position,
    cost ~0.13 ms). ``str.find`` jumps to each marker's next place; a marker's place is looked
    for again only once the scan has passed it, so each marker's finds cover the text once.
    A run is found from its marker by walking back to the last whitespace (never into the
    run visited before) and matching ``\\S*`` forward; the scan goes on after the run.
    """
    if "@" not in text and "://" not in text and "www." not in text:
        return text  # most questions: three scans in C, no generator of places
    n = len(text)
    # A marker's place, or n once there is none left: ``find(...) % (n + 1)`` turns -1 into n
    # (no marker starts at n).
    at_mail, at_scheme, at_www = (i % (n + 1) for i in map(text.find, _MARKS))
    out: list[str] = []
    last = 0  # text before this is decided
    pos = 0  # the scan: every marker before it has been dealt with
    while True:
        if at_mail < pos:
            at_mail = text.find("@", pos) % (n + 1)
        if at_scheme < pos:
            at_scheme = text.find("://", pos) % (n + 1)
        if at_www < pos:
            at_www = text.find("www.", pos) % (n + 1)
        at = min(at_mail, at_scheme, at_www)
        if at == n:
            break
        begin = at
        while begin > pos and not text[begin - 1].isspace():
            begin -= 1
        end = _RUN_END_RE.match(text, at).end()
        run = text[begin:end]
        # As the regular expression did: the leftmost match wins, a URL before an address
        # at the same place; after an address, a URL may still follow in the same run.
        start = 0 if _link_at(run, 0) else _email_end(run)
        link = _first_link(run, start)
        if start or link < len(run):
            out.append(text[last:begin])
            out.append(" " + run[start:link] + " ")
            last = end
        pos = end + 1  # text[end] is whitespace (or the end): no run crosses it
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _link_at(run: str, i: int) -> bool:
    return any(run.startswith(s, i) and len(run) > i + len(s) for s in _LINK_STARTS)


def _first_link(run: str, start: int) -> int:
    """Where the first URL in ``run[start:]`` begins (``len(run)`` if none)."""
    found = [i for i in (run.find(s, start) for s in _LINK_STARTS) if i >= 0 and _link_at(run, i)]
    return min(found, default=len(run))


def _email_end(run: str) -> int:
    """Where an e-mail address at the start of ``run`` ends (0 if there is none)."""
    first_at = run.find("@", 1)  # at least one character before the @
    if first_at < 0:
        return 0
    dot = run.rfind(".")
    while dot > first_at + 1:  # at least one character between the @ and the dot
        end = dot + 1
        while end < len(run) and "a" <= run[end].lower() <= "z":
            end += 1
        if end - dot > 2:  # two or more letters after the dot
            return end
        dot = run.rfind(".", 0, dot)
    return 0


# One question is folded and normalised by several tiers and kinds, in several variants: keep
# the forms of the last few questions (longer texts than the resolver's window are never
# kept). A question asked again is answered by the service's answer cache without reaching
# these, so holding hundreds of questions' forms bought nothing: on the benchmarks' stream of
# 300 questions the hit rates are the same with 64 entries as with 4,096 (the 4,096 held ~1.2
# MiB), and with 32 as with 64 (fold 68%, normalize 66% of that stream now; the 64 held ~0.3
# MiB more of the running bot's peak, mostly long pastes). The indexes hold the knowledge
# base's forms themselves, built once at start-up; here they would only crowd out questions.
fold = TextCache(_fold, max_chars=256_000, longest=4096, max_entries=32)
# A question with full-width characters ("，" is one) goes to NFKC for fold() and again in the
# cloud kind (to read "ＮｏＳｕｃｈＫｅｙ"): worked out once (~18 µs on 200 Chinese characters).
nfkc = TextCache(_nfkc, max_chars=256_000, longest=4096, max_entries=32)
normalize = TextCache(_normalize, max_chars=256_000, longest=4096, max_entries=32)
# Keyed by the folded text: the variants of one question the kinds normalise (the query as
# sent, stripped, its folded form with links or provider names taken out) mostly fold to the
# same string, and then the fillers and runs (~0.3 ms on 4 KB) are worked out once for all.
_matching = TextCache(_matching_form, max_chars=256_000, longest=4096, max_entries=32)


def clear_caches() -> None:
    """Empty the caches of folded and normalised text (after the indexes are built)."""
    for cache in (fold, normalize, _matching, nfkc):
        cache.cache_clear()


# Time words and adverbs told between the two halves of a Chinese phrase ("证书昨晚过期了",
# "接口已经被限流了"): alias lookups also read the text without them. Fixed-width look-arounds.
_INSERTS = (
    "上个月就|上个月|上周就|上周|前几天|前两天|前天|早就|早已|昨晚|昨天|今天|今晚|刚刚|刚才|又|已经|突然|好像|貌似|居然|竟然"
    # How often ("接口老是超时", "服务一直不可用"): the phrase is the same one.
    "|老是|总是|经常|常常|一直|时不时|偶尔|有时候|动不动就|反复"
)
_INSERT_HINT_RE = re.compile(_INSERTS)
_INSERT_RE = re.compile(f"(?<=[\u4e00-\u9fff])(?:{_INSERTS})(?=[\u4e00-\u9fff])")


def without_fillers(normalized: str) -> str:
    """``normalized`` without the time words and adverbs set between two Chinese characters."""
    return _INSERT_RE.sub("", normalized) if _INSERT_HINT_RE.search(normalized) is not None else normalized


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


# Characters that turn a phrase into its opposite ("连不上" / "连上了", "没有状态码" / "有状态码").
_NEGATIONS = "不没未无非别"


def negated_apart(text: str, other: str) -> bool:
    """Does one of two texts deny what the other says (a negation character more or fewer)?
    Edit distance counts it as one character; a typo of a name never adds or drops it."""
    return any(text.count(ch) != other.count(ch) for ch in _NEGATIONS if ch in text or ch in other)


def has_cjk(text: str) -> bool:
    """Does ``text`` hold a character :func:`is_cjk` accepts? One scan in C."""
    return _CJK_RE.search(text) is not None


def places(text: str, words: tuple[str, ...]) -> list[int]:
    """Every place in ``text`` where one of ``words`` starts, in order (``str.find``, in C:
    linear in the text for each word)."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    return sorted(set(found))
