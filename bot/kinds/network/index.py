"""Find network errors in a question or a pasted line.

Tiers, most certain first: identifiers (``net::ERR_X``, ``curl: (7)``, ``CURLE_X``, errno
names, ``X509_V_ERR_X``, gRPC codes by name or number, WebSocket close codes next to a
context word), then the runtimes' literal wordings (longest first; catch-all wordings only
when nothing more specific matched), then aliases, typos and word overlap.

Worst case: linear in the query. Tokens come from one pass of a pattern whose repeat is a
single character class; the number patterns have bounded gaps (``{0,16}``) after a literal
context word; signatures and aliases are looked up per position in prefix tables.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from itertools import islice

from rapidfuzz.distance import OSA, Levenshtein

from bot.core import pinyin, tuning
from bot.core.domain import (
    NOBODY_LISTENING,
    PROGRAM_NAMES,
    asks,
    asks_for_error_name,
    asks_for_help,
    asks_for_protocol_code,
    asks_for_status,
    asks_only_about,
    asks_or_reports_in_pinyin,
    blanked,
    denied_before,
    reports_trouble,
    ruled_out,
    settled,
    technical_terms,
    without_denied,
)
from bot.core.kind import Query
from bot.core.match import Match, Resolution
from bot.core.pinyin import cjk_count
from bot.core.symptoms import VAGUE, SymptomIndex
from bot.core.text import negated_apart, normalize, without_fillers
from bot.kinds.network import errnos
from bot.kinds.network.listing import listed_family
from bot.kinds.network.model import NetworkData, NetworkEntry
from bot.retrieval.bm25 import BM25
from bot.retrieval.textindex import Choice, GramIndex, RatioKeys, SubstringIndex, grams, one_word

_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_CAMEL_BREAK_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# Numbers that mean something only beside their context word (matched on folded text).
# No "-" in the gap: "curl -m 10 …" is an option's value, not an exit code; nor a number
# with a unit or a version after it ("curl 做超过 1KB 的 POST", "curl 7.68").
_CURL_RE = re.compile(r"(?:curl|crul|culr)[^0-9\n-]{0,16}?\(?([0-9]{1,3})(?![0-9a-z]|\.[0-9])")  # and its slips
# "… exit code 28", "退出码 28" once curl is named anywhere in the text.
# curl's --fail, alone or among short options ("-f", "-fsSL", "-sf"; "-F" is a form field).
# The look-behind after the first "-" (the character before it is no word character or "-"),
# so the engine skips in C from one "-" to the next (~65 µs → a few on a 4 KB paste).
_CURL_FAIL_RE = re.compile(r"-(?<![\w-]-)(?:-fail(?:-with-body)?|[a-zA-Z]{0,5}f[a-zA-Z]{0,5})(?![\w-])")
# Not a port ("Failed to connect to host port 443", "host:443", "端口 443").
_FAILED_STATUS_RE = re.compile(r"(?<![0-9:])(?<!port )(?<!端口)(?<!端口 )[45][0-9]{2}(?![0-9])")
_CURL_FAIL_NAME = "CURLE_HTTP_RETURNED_ERROR"
_EXIT_RE = re.compile(
    r"(?:exit (?:code|status)|exit(?:s|ed|ing) with(?: exit)?(?: code| status)?|退出码|返回码)[^0-9\n]{0,4}?([0-9]{1,3})(?![0-9])"
)
# OpenSSL's verify result by number: "verify error:num=10", "Verify return code: 21 (…)",
# "openssl verify error 10".
_OPENSSL_VERIFY_RE = re.compile(
    r"(?:verify ?(?:error|return code|错误码?|返回码)|x509 ?(?:错误码?|error)|openssl ?(?:的)?(?:验证|校验)错误码?|openssl verify)"
    r"[^0-9\n]{0,8}?([0-9]{1,2})(?![0-9])"
)
# A close code after "code" or "close" once a WebSocket word is anywhere in the text ("onclose 里
# code 是 1006", "服务端日志里 close 1008").
_WS_CODE_RE = re.compile(r"(?:code|close)[^0-9\n]{0,6}?([0-9]{4})(?![0-9])")
_GRPC_CODE_RE = re.compile(r"(?:status code|status|code|状态码)(?:\s?[=:：]\s?|\s)([0-9]{1,2})(?![0-9.])")
# Not a quantity: "gRPC 客户端设置了 3 秒超时" sets a timeout of three seconds, and "grpc
# 返回的消息超过 4MB" a size.
_GRPC_RE = re.compile(
    r"(?:grpc|rpc error)[^0-9\n]{0,16}?([0-9]{1,2})(?![0-9])"
    r"(?!\s?(?:秒|分钟|毫秒|小时|ms|s\b|sec|min|个|次|台|倍|%|\.[0-9]|[kmgt]i?b|[kmg]\b|兆|字节|byte|万|千|条|行))"
)
# Look-behinds sit after the first character ("w(?<![a-z]w)" is "(?<![a-z])w"), so each
# pattern starts with literals or a class and the engine skips ahead in C (~4× on 4 KB).
# WebSocket named ("websocket", "web socket", typos with a letter dropped or two swapped:
# "websoket", "websocekt", "webscoket"; ws / wss as a word), and the words for a close code;
# the two patterns below read a number after or before them. Bounded classes: no backtracking
# beyond a few steps.
_WS_NAMED = r"we[bn] ?s[ock]{2,3}[ek]{1,2}t|w(?<![a-z]w)ss?(?![a-z])"
_WS_CLOSE_CODE = r"关闭码|关闭代码|断开码"
_WS_BEFORE_RE = re.compile(
    rf"(?:{_WS_NAMED}|close ?code|close frame|closeevent|onclose|{_WS_CLOSE_CODE})"
    r"[^0-9\n]{0,16}?([0-9]{4})(?![0-9])"
)
# Chrome's bare "WebSocket connection to 'wss://…' failed:" (the URL in between, bounded):
# the handshake never completed, which the page then sees as close code 1006.
_WS_FAILED_RE = re.compile(r"websocket connection to '[^'\n]{1,300}' failed")
_WS_AFTER_RE = re.compile(
    rf"([0-9](?<![0-9][0-9])[0-9]{{3}})[^0-9\n]{{0,12}}?(?:{_WS_NAMED}|{_WS_CLOSE_CODE}|close ?code)"
)
# For each number pattern above, words one of which every match holds (tested first).
_NEEDS = {
    _EXIT_RE: ("exit", "退出码", "返回码"),
    _CURL_RE: ("curl", "crul", "culr"),
    _GRPC_RE: ("grpc", "rpc error"),
    _GRPC_CODE_RE: ("status", "code", "状态码"),
    _WS_CODE_RE: ("code", "close"),
    _WS_BEFORE_RE: ("we", "ws", "close", "关闭码", "关闭代码", "断开码"),
    _WS_AFTER_RE: ("we", "ws", "close", "关闭码", "关闭代码", "断开码"),
    _OPENSSL_VERIFY_RE: ("verify", "x509", "openssl"),
}
_UNIMPLEMENTED_TOLD = (" service", " method")  # right after "unknown": gRPC's words for UNIMPLEMENTED
# grpc-node and grpc-js print "Error: 14 UNAVAILABLE: …": the number and the name agree.
_GRPC_NODE_RE = re.compile(r"([0-9](?<![0-9][0-9])[0-9]?) ([A-Z][A-Z_]{1,19}):")
_GRPC_CONTEXT = ("grpc", "gprc", "grcp", "rpc error", "statuscode.", "status{code", "statusruntimeexception", "code = ")
_LATIN_WORD_RE = re.compile(r"[a-z]+")
# A few English words in a row; after the first, one letter is a word too ("couldn t", the
# apostrophe gone).
_LATIN_RUN_RE = re.compile(r"[a-z]{2,}(?: [a-z]+){1,5}")
_LATIN_RUNS = 3  # runs read per question
_WHICH_ONE_RE = re.compile(r"(?<![a-z])(?:or|which)(?![a-z])|还是|哪个|哪一个")
# Where a text says which of several names it met ("我这边报的是 UNAUTHENTICATED"), the name right after.
# The one met, of two named, pointed at by its place ("报的是后面那个", "是前者").
_LATTER = ("后面那个", "后面的", "后者", "第二个")
_FORMER = ("前面那个", "前面的", "前者", "第一个")
_MET_RE = re.compile(r"(?:报的是|出现的是|遇到的是|碰到的是|拿到的是|收到的是|看到的是|我的是|我这是)\s?")
# The DNS protocol's own word for an answer asked for ("DNS 协议里叫什么", "DNS 响应码"), "dns" named.
_DNS_ANSWER_ASKS = ("协议里叫", "协议里的", "协议中叫", "响应码", "rcode", "response code")
# A program that reports a DNS answer under its own name (NXDOMAIN -> getaddrinfo ENOTFOUND).
_RUNTIMES = ("node", "getaddrinfo", "java", "python", "golang", "go 程序", "http 模块", "抛出", "抛的", "抛什么")
_TEMPORARY_RE = re.compile(r"暂时性|暂时(?:的)?失败|临时性?失败|重试(?:一下|几次)?就好|temporary failure|try again")
# A negative number said to be the error ("chrome 报 -102", "net error -7"), not "kill -9".
_CHROMIUM_NUMBER_RE = re.compile(
    r"(?:报|错误码?|错误号|error|code|net|chrome|edge|浏览器)[^0-9a-z\n]{0,4}?(?<![0-9a-z_-])-([0-9]{1,3})(?![0-9])"
)
# curl's exit code said in Chinese numerals, in tens ("curl 二十八 报错", "curl 十八"; a lone
# digit is as often a count: "curl 一把梭", "curl 一个 API").
_CN_CURL_RE = re.compile(r"curl ?([一二三四五六七八九]?)十([一二三四五六七八九]?)(?![零一二三四五六七八九十百千万个秒分次遍块把])")
_CN_DIGIT = dict(zip("一二三四五六七八九", range(1, 10), strict=True))
_MYSQL_CONNECT_RE = re.compile(r"can't connect to mysql server on [^()\n]{0,80}\(([0-9]{1,5})\)")
# Go's resolver timing out: "dial tcp: lookup registry-1.docker.io: i/o timeout" (or "… on
# 127.0.0.11:53: …"): the DNS query timed out, not the connection (ETIMEDOUT's "i/o timeout").
_GO_LOOKUP_TIMEOUT_RE = re.compile(r"lookup [a-z0-9_.-]{1,253}(?: on [0-9a-f.:\[\]]{1,64})?: i/o timeout")
_GO_LOOKUP_TIMEOUT_NAME = "ETIMEOUT"
# TCP's own handshake named, and no word of TLS: a "握手失败" alias of a TLS card says nothing.
_TCP_HANDSHAKE = ("三次握手", "tcp 握手", "tcp握手", "tcp 三次", "sanci woshou", "tcp woshou", "tcp sanci")  # and typed in pinyin
_TLS_TOLD = ("tls", "ssl", "https", "证书")

_SLIP_ALONE = 48  # normalised characters: an English error typed alone, a slip in it read
_SLIP_ALONE_WORDS = 7  # ... in a few words (an OpenSSL line runs to six), not an English question
_PHRASE_CUTOFF = 88.0  # fuzz.ratio for a slip in a short English error ("refuesd")
_SPACED_ERR_RE = re.compile(r"(?<![a-z0-9_])err(?: [a-z0-9]{1,12}){2,6}")  # bounded: a few words
_IDENTIFIED = frozenset({"pattern", "signature"})  # readings of what the text printed
_LOOSE = frozenset({"fuzzy", "words", "heard"})  # readings that may be near misses
_CAPS_WORD_RE = re.compile(r"(?<![A-Za-z0-9_])[A-Z]{6,16}(?![A-Za-z0-9_])")
# A one-word gRPC status name as typed (UNAVAILABLE, unauthenticated, cancelled).
_GRPC_LIKE_RE = re.compile(r"(?<![a-z0-9_])[a-z]{7,16}(?![a-z0-9_])")
# gRPC names that are ordinary English words need the context above, or the whole question.
# Titles and aliases of these families are everyday words (成功, 参数无效, 稍后重试, 服务重启):
# they count only beside a context word, unless they carry one themselves.
FAMILY_CONTEXT = {
    "grpc": ("grpc", "gprc", "grcp", "rpc", ".proto", "proto 里", "proto里", "proto 文件", "protobuf"),
    "websocket": ("websocket", "ws", "socket", "关闭码", "关闭代码", "close code", "closeevent", "onclose", "关闭事件"),
    # curl's titles are any client's words ("SSL/TLS 握手失败", "操作超时"): curl's card only
    # beside curl, or libcurl under another name.
    "curl": ("curl", "crul", "libcurl", "guzzle", "git", "php"),
}
# Words that say something went wrong: with one of these a single technical term is enough
# for a topic reading ("springboot 配了 @CrossOrigin 还是报跨域").
_TROUBLE = ("报错", "报", "错误", "失败", "拦截", "被拦", "不放行", "不通", "不了", "不出来", "查不到", "问题", "解决", "error", "blocked")
# Technology names that make an alias more specific than any status alias it contains.
_TECH_WORDS = ("grpc", "websocket", "curl")
_GRPC_STATED = ("code = ", "code=", "statuscode.", "status: ")
_STATED = "（按 gRPC 的写法）"
# Words every question about a failure shares with every card: no evidence for one card.
_GENERIC_GRAMS = frozenset(
    "报错 错误 失败 浏览器 请求 接口 前端 后端 服务 务器 服务器 怎么 问题 出现 控制 制台 控制台 "
    "浏览 览器 拦截 被拦 器拦 求被 域请".split()  # every browser block is one: "跨域请求被浏览器拦截了"
)
# Browsers' CORS messages open alike (Chrome: "Access to fetch at … from origin … has been
# blocked by CORS policy: <reason>"; Firefox: "Cross-Origin Request Blocked: The Same Origin
# Policy disallows reading the remote resource at …"): cut before the reason, they name no card.
_CORS_OPENINGS = ("blocked by cors policy", "cross-origin request blocked")


# Where a failure below HTTP shows: a text naming none of these is read by the status cards.
_DOC_CONTEXT = (
    "浏览器", "chrome", "firefox", "safari", "edge", "curl", "websocket", "socket", "dns", "域名", "解析",
    "证书", "tls", "ssl", "https", "rpc", "跨域", "cors", "tcp", "握手", "err.code", "errno", "退出码",
    "exit code", "控制台", "console", "fetch", "node", "econn", "rst", "对端", "长连接",
    "端口", "bind", "listen", "netstat",
    # A process's own limits on sockets and files ("…accept 就开始失败，进程的 ulimit -n 设得太小").
    "ulimit", "文件描述符", "句柄",
)
# A named tool or protocol: its own cards first (see documents).
_DOC_FAMILIES = {
    "curl": ("curl",),
    "websocket": ("websocket", "onclose", "关闭帧", "close frame"),
    "grpc": ("grpc",),
    "cors": ("跨域", "cors", "允许来源", "access-control"),
}
_DOC_SHORTLIST = 8
_DENIAL_REACH = 6  # characters before an identifier a denial may end in ("我知道不是 PERMISSION_DENIED")
# curl's exit code asked for, in so many words.
_CURL_CODE_ASKS = ("退出码", "exit code", "exit status", "哪个 curl 错误", "哪个curl错误", "什么 curl 错误")
# curl's own error asked for ("这个是哪个 curl 错误"; not "安卓和 curl 都说证书不受信任，是什么问题").
_CURL_ERROR_ASKS = ("curl 错误", "curl错误", "curl 报什么", "curl 报哪个", "curl 会以", "curl 退出", "curl 会报", "curl 自己的", "curl 的错误")
_CURL_ASKS = _CURL_CODE_ASKS + _CURL_ERROR_ASKS
# Protocols with codes of their own: "…event.code 会是多少" asks for a close code, not a status.
_OWN_CODES_FAMILIES = frozenset({"websocket", "grpc", "curl"})


def _document(entry: NetworkEntry) -> str:
    """Everything a card says about its fault, as one normalised text."""
    parts = [entry.title_zh, entry.title_en, entry.summary, entry.meaning, *entry.causes]
    parts += [*entry.aliases, *entry.topic_words, *entry.signatures]
    return normalize(" ".join(parts))


_RST_RE = re.compile(r"rst(?<![a-z]rst)(?![a-z])")  # the look-behind after the first letter: skipped to in C
_READ_RE = re.compile(r"read(?<![a-z]read)(?![a-z])|读")


def _lead_with(ranked: list[tuple[str, float, float, float]], name: str) -> list[tuple[str, float, float, float]]:
    """The document ranking with ``name`` first, on the lead's score (the rest keep theirs and
    their order; ``name`` need not have been ranked)."""
    if ranked[0][0] == name:
        return ranked
    return [(name, *ranked[0][1:]), *(row for row in ranked if row[0] != name)]


def _reset_then_read(folded: str) -> bool:
    """The peer's reset (RST, 复位) and a read after it are told."""
    return ("复位" in folded or _RST_RE.search(folded) is not None) and _READ_RE.search(folded) is not None


def _asks_dns_answer(folded: str) -> bool:
    return "dns" in folded and any(w in folded for w in _DNS_ANSWER_ASKS)


def _told_instead(best: dict[str, tuple[float, str, str]], commoner: str, told: str, note: str) -> None:
    """The text tells of ``told``'s case, not the ``commoner`` card's it was read as: ``told``
    takes the reading (``note`` added), ``commoner`` goes just below. Not a card read as pasted:
    that is what the program printed."""
    score, why, tier = best[commoner]
    if tier not in _IDENTIFIED and best.get(told, (0.0, "", ""))[0] <= score:
        best[told] = (score, why + note, tier)
        best[commoner] = (score - tuning.JUST_BELOW, why, tier)


# Punctuation a short signature opens or closes with as printed ("(read timeout=", "[Errno 28]").
_PRINTED_MARKS = frozenset("([{=:]})")
# (A CORS word beside it: "跨域请求被拦截了" is the browser's block, not an auth failure.)
_BROWSER_BLOCKED = ("浏览器拦", "浏览器给拦", "浏览器拦截", "浏览器把请求拦", "被拦")
# CORS told by its symptom, not its name: the same request works from a tool that is no browser
# ("postman 调是好的，浏览器里就是拿不到数据"), or the page and the API sit on two origins ("接口在
# 另一个域名…前端拿不到响应"), with the browser's side failing.
_NOT_A_BROWSER = ("postman", "apifox", "apipost", "insomnia", "curl", "接口工具", "后端自己调")
_TOOL_WORKS = ("正常", "能通", "可以", "没问题", "问题都没有", "是好的", "好好的", "成功", "200", "通的", "调通", " ok")
_TWO_ORIGINS = ("另一个域名", "不同域名", "不同的域名", "不在一个域名", "不在同一个域名", "两个域名", "不同端口", "端口不一样", "域名不一样")
_BROWSER_SIDE = ("浏览器", "前端", "页面", "chrome", "控制台")
_BROWSER_FAILS = ("拿不到", "不行", "失败", "报错", "一片红", "红了一片", "是红的", "挂了", "不通", "读不到", "收不到", "没反应", "获取不到", "阻止了", "被拦")
_CORS_COMMONEST = "CORS_MISSING_ALLOW_ORIGIN"  # the card a CORS symptom most often is
# The header that card is about, as a word of a text, typed a few letters off at most.
_ALLOW_ORIGIN = "access-control-allow-origin"
_HEADER_SIMILARITY = 0.85
_HYPHENATED_RE = re.compile(r"(?<![a-z-])[a-z]{3,10}(?:-[a-z]{3,10}){3}(?![a-z-])")
_HYPHENATED_MAX = 8  # words looked at in one text
_MISSING_WORDS = ("没返回", "没有返回", "没有", "没加", "没带", "缺少", "缺了", "没设置", "没配", "不返回", "missing", "not present", "no ")
# CORS spoken of beside a status (NetworkIndex.cors_beside), and a preflight.
# (An origin allowed in words, "允许该来源", is _ALLOWED_ORIGIN_RE's.)
_CORS_TOLD = ("跨域", "cors", "预检", "preflight", "access-control", "allow-origin", "同源", "跨源", "跨來源", "跨站")
_CORS_TOLD += ("浏览器的策略", "浏览器策略", "浏览器拒绝", "浏览器不让")  # (and 浏览器 … 拦: cors_beside)
# An origin allowed or not, in other words ("响应头里没有声明允许这个来源访问", "没有允许 a.com 的头").
# Literal-led, bounded gap.
_ALLOWED_ORIGIN_RE = re.compile(r"允许[^，。,?]{0,12}?(?:来源|的源|源访问|的头|那个头|origin)")  # ("允许 a.com 这个来源", "允许当前源访问的那个头")
_PREFLIGHT_TOLD = ("预检", "preflight", "options")
# The browser's failure told beside a status that reports none ("…200，可浏览器拦下了响应").
_CORS_FAILED = ("拦", "blocked", "拿不到", "过不去", "失败", "报错", "拒绝", "不让", "挂了", "disallow", "错误")
# An OPTIONS request is a preflight when a browser sends it.
_BROWSER_SENDS = ("浏览器", "前端", "fetch", "axios", "xhr", "xmlhttprequest", "browser")


def _quotes_cors(folded: str) -> bool:
    return any(opening in folded for opening in _CORS_OPENINGS)


_CORS_OPENING_WORDS = frozenset(
    "access origin fetch xmlhttprequest blocked policy cross request same disallows reading remote resource".split()
)
_MAX_TOKEN = 80
# Words for a WebSocket close code: asking for one asks for the protocol's own code.
WS_CLOSE_WORDS = ("关闭码", "close code", "onclose", "close frame", "关闭帧")
# Chromium's browsers, or a browser unnamed: their warning page and error numbers are Chromium's.
_BROWSERS = ("chrome", "浏览器", "edge")
_PROTOCOL_WORDS = {
    "grpc": ("grpc",),
    "websocket": ("websocket", *WS_CLOSE_WORDS),
    # "…证书过期了，Chrome 会报哪个错误": Chromium's names, not OpenSSL's for the same fault.
    "browser": (*_BROWSERS, "firefox", "safari", "liu lan qi", "liulanqi"),  # and typed in pinyin
}
# A client outside the browser: what it raises has no Chromium name ("Node 连一个没人监听的端口…
# 会报哪个错误" is ECONNREFUSED, not ERR_CONNECTION_REFUSED; "浏览器打开正常，安卓和 curl 都说证书
# 不受信任" is not the browser's error).
_NOT_BROWSER_RE = re.compile(
    PROGRAM_NAMES + r"|curl|socket|errno|(?<![a-z_])connect(?![a-z_])|安卓|android|iphone|ios|app(?![a-z])"
)
# A program, not a phone or an app, which as often runs a browser ("老安卓手机打开我们网站");
# 程序 as in "这种情况程序里该怎么处理".
_PROGRAM_RE = re.compile(PROGRAM_NAMES + r"|curl|requests|okhttp|axios|程序")
# The browser told fine (literal-led, a bounded gap).
_BROWSER_FINE_RE = re.compile(r"(?:浏览器|chrome)[^,，。;；]{0,6}?(?:正常|没问题|能打开|可以打开|打得开)")
# The operating system's side of a connection told ("对方内核直接回了 RST，程序里拿到的错误"): with
# no browser named, the fault is read among the programs' cards (see _asked_description).
_OS_SIDE_RE = re.compile(r"程序|内核|系统调用|syscall|(?<![a-z])(?:tcp|rst)(?![a-z])")
# Families whose faults a browser shows under Chromium's own names (ENOTFOUND is
# ERR_NAME_NOT_RESOLVED there, ECONNREFUSED ERR_CONNECTION_REFUSED).
_BROWSER_SHOWS = frozenset({"tls", "dns", "tcp"})
# Chrome's certificate warning page, and words saying the certificate ran out.
# Chrome's warning page (its title, the tab's "Privacy error", Edge's wording).
# Chrome's and Edge's titles, without the "您的 / 你的" people often leave out when retelling them.
_WARNING_PAGES = ("连接不是私密连接", "your connection is not private", "隐私设置错误", "隐私错误", "privacy error", "连接不是专用连接")
_BROWSER_EXPIRED, _OPENSSL_EXPIRED = "ERR_CERT_DATE_INVALID", "X509_V_ERR_CERT_HAS_EXPIRED"
# A certificate issued for another name than the one visited, and Chrome's name for it.
_BROWSER_NAME_MISMATCH = "ERR_CERT_COMMON_NAME_INVALID"
_HOST_MISMATCH = (
    "主机名不符", "主机名不匹配", "主机名对不上", "域名不符", "域名不匹配", "域名对不上", "名字不匹配", "名字对不上",
    "san 里", "san里", "subjectaltname", "common name",
)
_BROWSER_REDIRECT_LOOP = "ERR_TOO_MANY_REDIRECTS"
# A WebSocket closed with no close frame at all (1006, not 1005's frame without a code).
_NO_CLOSE_FRAME = ("没有发送关闭帧", "没有发关闭帧", "没发关闭帧", "没有发过关闭帧", "没收到关闭帧", "没有收到关闭帧", "no close frame")
# A certificate told self-signed, and OpenSSL's names for one alone and for one in a chain.
_SELF_SIGNED = ("自签", "自己签的", "自己签发的", "self signed", "self-signed", "selfsigned")
_SELF_SIGNED_LEAF, _SELF_SIGNED_IN_CHAIN = "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT", "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN"
_REDIRECT_LOOP = ("来回跳", "跳回", "跳来跳去", "重定向循环", "循环重定向", "重定向死循环", "一直在跳转", "不停地跳转", "绕了好多圈")
_NOT_EXPIRED = ("没过期", "未过期", "没有过期", "不过期", "没到期", "未到期", "没有到期", "还在有效期", "在有效期内")
_EXPIRY_WORDS = ("过期", "到期", "续期", "续签", "notafter", "not after", "expired", "证书失效", "已经失效")
# A certificate let lapse ("一年期的证书，运维忘了续费"): expired, told by the renewal missed.
_EXPIRY_WORDS += ("忘了续", "忘记续", "没续费", "没有续费", "未续费", "没记得续", "没人续", "忘续")
# The validity told as over ("有效期上周就过了", "有效期限到上个月就结束了"), not "也在有效期内".
_VALIDITY_OVER_RE = re.compile(r"(?:有效期|有效日期)限?[^，。,;；]{0,8}?(?:过了|已过|结束|截止|到了|就过|失效)|过了有效|超过有效|超出有效")


def _tells_redirect_loop(folded: str) -> bool:
    """A browser named and the page said to bounce back and forth ("A 跳到 B，B 又跳回 A")."""
    return any(w in folded for w in _REDIRECT_LOOP) and any(b in folded for b in _BROWSERS)


def _dns_answer_asked(folded: str) -> bool:
    """Is a field of the answer a DNS tool shows asked about ("用 dig 查…响应头里的 status 字段")?"""
    return _DNS_TOOL_RE.search(folded) is not None and any(w in folded for w in _DNS_ANSWER_FIELDS)


def _expired(folded: str) -> bool:
    return any(w in folded for w in _EXPIRY_WORDS) or _VALIDITY_OVER_RE.search(folded) is not None


def _warning_page(folded: str) -> bool:
    """Chrome's certificate warning page, by its title or as "a warning page" in a browser."""
    if any(page in folded for page in _WARNING_PAGES):
        return True
    return ("警告页" in folded or "拦截页" in folded) and any(b in folded for b in _BROWSERS)


# Particles typed in pinyin after a name ("… ci le"), with the separator before them.
_PINYIN_PARTICLES = (f"{pinyin.SEP}le{pinyin.SEP}", f"{pinyin.SEP}la{pinyin.SEP}", f"{pinyin.SEP}a{pinyin.SEP}")
# An English text typed alone with fewer spaces than this (four words at most) is also read
# without the word at either end: two or three look-ups more, on short texts only.
_SLIPPED_SPACES = 4


def _said_outside_the_browser(folded: str) -> bool:
    """Are a browser's words said by a program, no browser named ("python requests 报证书不受
    信任"), or by another client while the browser is told fine ("电脑浏览器正常，安卓和 curl 都说…")?
    Then the fault is the browser card's twin among its see_also, under the programs' name
    (ERR_CERT_AUTHORITY_INVALID → OpenSSL's unknown issuer)."""
    if _PROGRAM_RE.search(folded) is not None and not any(w in folded for w in _PROTOCOL_WORDS["browser"]):
        return True
    return _BROWSER_FINE_RE.search(folded) is not None and _NOT_BROWSER_RE.search(folded) is not None


def _tcp_handshake_told(folded: str) -> bool:
    """Does the text speak of TCP's own handshake ("tcp 三次握手失败", "tcp woshou shibai"), with
    no TLS word beside it?"""
    return any(w in folded for w in _TCP_HANDSHAKE) and not any(w in folded for w in _TLS_TOLD)


def _words_slipped(key: str, query: str) -> bool:
    """Are the longer English words of the text in the near alias, as written or with a slip
    ("connection refuesd"), all but one at most and most of them? A near alias is a typo's
    reading, or a neighbour's ("context deadline exceeded" beside "grpc deadline exceeded"):
    "the connection was great today" is not "the connection was reset" mistyped."""
    words = key.split()
    found = [
        any(Levenshtein.normalized_similarity(typed, word) >= tuning.WORD_SLIP_SIMILARITY for word in words)
        for typed in query.split()
        if len(typed) >= 4 and typed.isascii()
    ]
    missed = found.count(False)
    return missed == 0 or (missed == 1 and len(found) - missed > missed)


_REMARK_CJK = 8  # Chinese characters around a name that make the text a remark, not a paste
# errno names (ECONNRESET, EAI_AGAIN) and words shaped like one, typed in lower case or not.
_ERRNO_NAME_RE = re.compile(r"E(?:[A-Z]{3,}(?:_[A-Z]+)?|[A-Z]{2}_[A-Z]{4,})")  # and EAI_AGAIN, getaddrinfo's
_ERRNO_LIKE_RE = re.compile(r"(?<![a-z0-9_])e(?:[a-z]{4,16}(?:_[a-z]+)?|[a-z]{2,3}_[a-z]{4,})(?![a-z0-9_])")  # EAI_AGIAN
_NET_LIKE_RE = re.compile(r"(?<![a-z0-9_:])err_[a-z0-9_]{6,40}(?![a-z0-9_])")  # net::ERR_… is read as printed
_ERRNO_TAIL = 4  # letters typed after an errno name ("…UNREACHABLE", "…REFUSEDD")
# Whole tokens only (bounded by the lookarounds), each scanned once: linear in the text.
_SNAKE_LIKE_RE = re.compile(r"(?<![a-z0-9_])[a-z][a-z0-9]{1,11}(?:_[a-z0-9]{1,12}){1,5}(?![a-z0-9_])")
_TYPED_MAX = 200  # characters: a question typed by hand
_HEARD_MAX = 40  # a question this short is read for topic words typed by their sound
# Long enough that the start of a Chromium name says which one it is ("ERR_CONNECTION_RES").
# A name typed for another it is one letter off, unless the text tells of what it names.
_OFTEN_MEANT = {"ETIMEOUT": "ETIMEDOUT"}
_DNS_QUERY_WORDS = ("dns", "query", "resolve", "lookup", "srv", "解析", "域名", "查询")
_LIBCURL_CERT = "ssl certificate problem:"
_LIBCURL_CERT_NAME = "CURLE_PEER_FAILED_VERIFICATION"
# A DNS answer's own fields, as a DNS tool shows them.
_DNS_ANSWER_FIELDS = ("status", "rcode", "响应头", "应答码", "响应码", "header")
# DNS's own query tools, as words. Literal-led.
_DNS_TOOL_RE = re.compile(r"(?<![a-z])(?:dig|nslookup)(?![a-z])")
# What a gRPC call whose time limit ran out is read as by its words: the call cancelled, a
# result returned after all ("服务端处理了 5 秒才返回结果"), an unknown error.
_NOT_A_DEADLINE = frozenset({"CANCELLED", "OK", "UNKNOWN"})
# A time limit set ("设了 3 秒超时", "超时设的两秒", "deadline", "截止时间"). Literal-led, bounded.
_TIMEOUT_SET_RE = re.compile(r"超时|截止时间|deadline|timeout")
_LETTER_O_RE = re.compile(r"(?<=[0-9])o+(?=[0-9])")  # "1o06", "1oo1"
# What _LETTER_O_RE needs, looked for first: it starts with a look-behind, which the engine
# tries at every position (~45 µs on 4 KB); this starts with a class it skips to in C.
_DIGIT_O_RE = re.compile(r"[0-9]o")
_FOUR_DIGITS_RE = re.compile(r"(?<![0-9])(10[01][0-9])(?![0-9])")
_BARE_CLOSE_MAX = 12  # normalised characters: the number and a question word or two
# A connection that dropped, told beside the number alone ("1006断开", "1001 掉线了"): what a
# close code reports, so the number is one.
_DROPPED = ("断开", "断线", "掉线", "断连", "断了")
_NET_ERR_RE = re.compile(r"(?i:net)::(ERR_[A-Za-z0-9_]{8,})")  # NET:: on Chrome's warning pages
# A question after an error's name or code ("这叫什么错误", "关闭码是多少", "what close code").
_ASKS_FOR_ERROR = ("码", "code", "错误", "error", "报什么", "叫什么")
# Trouble told in words a failure below HTTP is told in ("老的安卓手机连不上了"), beside
# domain.REPORT_WORDS: for the cards as documents only (a status is no answer to them).
_CANNOT_CONNECT = ("连不上", "连接不上", "连不了")
# … or stopped by the client ("Chrome 打开时拦了下来，说无法确认这个证书是谁颁发的").
_STOPPED = ("拦了", "拦下", "拦截", "被拦", "阻止了", "被阻止", "不放行", "没发出去", "就没发出", "发不出去")  # the request itself never left
# … or a program that stopped waiting ("客户端到点就放弃了"): a deadline or a timeout.
_GAVE_UP = ("就放弃了", "放弃等待", "报错放弃")
_TROUBLE_OR_ERROR_ASKED = (*_ASKS_FOR_ERROR, *_CANNOT_CONNECT, *_STOPPED, *_GAVE_UP)
# Asking for a named protocol's code ("哪个 grpc 状态", "该用哪个关闭码").
_CODE_OF_ASKS = ("哪个 grpc 状态", "哪个grpc状态", "什么 grpc 状态", "哪个状态", "哪个关闭码", "什么关闭码", "which status", "which code")
# Asking for an error's name, with the program that raises it named (NetworkKind.weigh).
ERROR_NAME_ASKS = (
    "报什么错", "报哪个错", "什么错误", "哪个错误", "抛出什么", "抛什么", "报错叫什么", "错误叫什么", "叫什么错",
    "错误是哪个", "错误是哪一个",
    "错误代码是",  # Chrome's fault page labels its net::ERR_ name 错误代码
    "what error", "which error",
)
_LAST = 99_999  # sort position of readings that are not identifiers
_LONG_KEY = 40  # longer names travel in buttons as a short hash


def _camel_to_snake(token: str) -> str:
    return _CAMEL_BREAK_RE.sub("_", token).upper()


def short_key(name: str) -> str:
    if len(name) <= _LONG_KEY:
        return name
    return "h" + hashlib.blake2b(name.encode(), digest_size=6).hexdigest()


# Said right after a topic word, ruling it out ("域名解析没问题", "dns 解析正常").
_FINE_AFTER = ("没问题", "正常", "是好的", "都正常")

# Nothing listening on the port: a connection refused, whatever RST it was refused with.
_NOBODY_LISTENS = (*NOBODY_LISTENING, "没有在监听", "没在监听", "没有服务在监听", "nothing is listening", "nothing listening")

# An auxiliary right before a lower-case word: "gets aborted", "was cancelled" (a passive verb).
_PASSIVE_BEFORE_RE = re.compile(r"(?:gets?|got|getting|was|were|been|be) $")


class NetworkIndex:
    def __init__(self, data: NetworkData, symptoms_elsewhere: Iterable[str] = ()) -> None:
        """``symptoms_elsewhere``: symptoms only other kinds' cards list (see bot.core.symptoms)."""
        self.data = data
        self.entries = data.entries
        self._keys = {short_key(name): name for name in self.entries}
        self._by_number: dict[tuple[str, int], str] = {}
        for entry in self.entries.values():
            if entry.number is not None:
                self._by_number[(entry.family, entry.number)] = entry.name
        self._grpc = {e.name for e in self.entries.values() if e.family == "grpc"}
        self._grpc_names = tuple(sorted(name for name in self._grpc if "_" not in name))
        # Two-word gRPC names written as words ("already exists", "deadline exceeded").
        self._grpc_spaced = tuple(sorted((name.lower().replace("_", " "), name) for name in self._grpc if "_" in name))
        self._net_names = tuple(sorted(name for name in self.entries if name.startswith("ERR_")))
        self._errnos = tuple(sorted(n for n in self.entries if _ERRNO_NAME_RE.fullmatch(n)))
        # Names written with underscores that people type by hand: curl's, gRPC's, OpenSSL's.
        self._snake_names = tuple(
            sorted(n for n, e in self.entries.items() if "_" in n and e.family in ("curl", "grpc", "tls"))
        )
        signatures, fallbacks, contained, sounds = [], [], [], []
        self._exact: dict[str, Choice] = {}
        self._needs_context: dict[str, str] = {}  # alias key -> the family whose context it needs
        self._heard_as: dict[str, str] = {}  # an alias's pinyin key -> the alias key
        self._fuzzy_keys: list[str] = []
        self._fuzzy_choices: list[Choice] = []
        self._words = GramIndex(tuning.MIN_GRAM_WEIGHT)
        self._topics: list[tuple[str, str]] = []  # (normalised topic word, card name)
        self._symptoms = SymptomIndex()  # the cards a vague symptom commonly is, in the files' order
        self._symptoms.know((*VAGUE, *symptoms_elsewhere))
        self._topic_sounds: list[tuple[str, str, str]] = []  # (its pinyin key, the word, card name)
        # (its Latin words, its Chinese part and that part's pinyin key, the word, card name)
        self._mixed_topic_sounds: list[tuple[tuple[str, ...], str, str, str, str]] = []
        # One-word signatures in capitals (NXDOMAIN, SERVFAIL), for the typed ones a letter off;
        # not errno names (ECONNREFUSED): those typed a letter off read apart.
        self._caps_signatures: dict[str, str] = {}
        # A short wording whose punctuation is part of it ("(read timeout=" of Python's requests):
        # normalised, it is two words that a setting's name holds too ("proxy_read_timeout").
        self._as_printed: dict[tuple[str, str], str] = {}
        cards = data.cards
        for entry in cards:
            for sig in entry.signatures:
                key = normalize(sig)
                if key:
                    choice = Choice(key, entry.name, f"报错原文「{sig}」")
                    (fallbacks if entry.fallback else signatures).append(choice)
                    if sig[:1] in _PRINTED_MARKS and sig[-1:] in _PRINTED_MARKS and key.count(" ") <= 1:
                        self._as_printed[(key, entry.name)] = sig.lower()
                if _CAPS_WORD_RE.fullmatch(sig) and not entry.fallback and not _ERRNO_NAME_RE.fullmatch(sig):
                    self._caps_signatures.setdefault(sig, entry.name)
            # A close code's English name ("policy violation") is how people say it too.
            english = (entry.title_en,) if entry.family == "websocket" else ()
            for text in (entry.title_zh, *entry.aliases, *english):
                key = normalize(text)
                if not key or key in self._exact:
                    continue
                choice = Choice(key, entry.name, f"说法「{text}」")
                context = FAMILY_CONTEXT.get(entry.family, ())
                if context and not any(word in key for word in context):
                    self._needs_context[key] = entry.family
                self._exact[key] = choice
                self._fuzzy_keys.append(key)
                self._fuzzy_choices.append(choice)
                if len(key) >= 4:
                    contained.append(choice)
                if cjk_count(key) == len(key) >= tuning.HOMOPHONE_MIN_CHARS:
                    # A Chinese alias typed with other characters of the same sound ("重订向次数过多").
                    sound = Choice(pinyin.key(key), entry.name, f"读音同{choice.label}")
                    sounds.append(sound)
                    self._heard_as[sound.key] = key
            self._topics.extend((normalize(w), entry.name) for w in entry.topic_words)
            self._symptoms.add(entry.symptoms, entry.name)
            # Chinese topic words of two characters or more, by their sound (pinyin.key).
            self._topic_sounds.extend(
                (pinyin.key(w), normalize(w), entry.name)
                for w in entry.topic_words
                if len(w) >= 2 and cjk_count(w) == len(w)  # all Chinese: "cors 报错" sounds like 报错
            )
            # A Latin word with Chinese ("dns 解析"): the word as typed, the Chinese by its sound
            # ("dns jiexi shibai zenme paicha"); "cors 报错" sounds like any 报错 without "cors".
            for w in entry.topic_words:
                latin = _LATIN_WORD_RE.findall(w.lower())
                chinese = "".join(ch for ch in w if pinyin.is_cjk(ch))
                if latin and len(chinese) >= 2:
                    self._mixed_topic_sounds.append((tuple(latin), chinese, pinyin.key(chinese), normalize(w), entry.name))
            for texts, weight in (
                ((entry.title_zh, *entry.aliases), 1.0),
                ((entry.summary,), 0.8),
                ((entry.meaning,), 0.5),
                (entry.causes, 0.35),
            ):
                for text in texts:
                    self._words.add(entry.name, normalize(text), weight)
        self._signatures = SubstringIndex(signatures)
        self._fallbacks = SubstringIndex(fallbacks)
        self._contained = SubstringIndex(contained)
        self._sounds = SubstringIndex(sounds)
        self._typos = RatioKeys(self._fuzzy_keys)
        # English signatures of a few words ("connection refused", "broken pipe"), for the runs
        # of English in a question typed with a slip ("ssh 连服务器提示 connection refuesd").
        phrases = {
            choice.key: choice
            for choice in signatures
            if choice.key.isascii()
            and 2 <= choice.key.count(" ") + 1 <= 6
            and not any(ch.isdigit() for ch in choice.key)
            and (choice.key, choice.target) not in self._as_printed  # its punctuation is the wording
        }
        # And the close codes' English names, typed with a slip beside a WebSocket word.
        for choice in self._fuzzy_choices:
            if self.entries[choice.target].family == "websocket" and choice.key.isascii() and " " in choice.key:
                phrases.setdefault(choice.key, choice)
        self._phrase_choices = list(phrases.values())
        self._phrase_typos = RatioKeys(list(phrases))
        self._words.freeze(len(cards))
        # Whole cards as documents (BM25), for long descriptions no alias or words reading
        # placed (see documents): the hand-written cards only, the short ones say too little.
        self._documents = BM25((entry.name, _document(entry)) for entry in cards if entry.full)
        topic_grams: dict[str, set[str]] = {}
        for word, name in self._topics:
            topic_grams.setdefault(self.entries[name].family, set()).update(grams(word))
        self._topic_grams = {family: frozenset(g) for family, g in topic_grams.items()}

    def _slipped(self, run: str) -> list[tuple[str, float, int]]:
        """The English wording ``run`` types with a slip: the run itself, or, when it matched
        none, the run without a word at one end ("certifcate has exipred ssl")."""
        found = self._phrase_typos.extract(run, _PHRASE_CUTOFF, limit=1)
        words = run.split()
        if found or len(words) < 3:
            return found
        parts = [" ".join(words[:-1]), " ".join(words[1:])]
        if words[-1] in _TECH_WORDS:
            parts.append(" ".join([words[-1], *words[:-1]]))  # "deadline exeeded grpc": named last
        for part in parts:
            found = self._phrase_typos.extract(part, _PHRASE_CUTOFF, limit=1)
            if found:
                return found
        return []

    @staticmethod
    def _undenied(q: Query) -> str:
        """The normalised text without the clauses that say what it is not about ("…并不是
        域名不存在", "不是那种域名根本不存在的": no words for ENOTFOUND). Worked out once a
        question: the words tier and the cards as documents both read it."""
        text = q.memo.get("network.undenied")
        if text is None:
            kept = without_denied(q.folded)
            q.memo["network.denied"] = kept is not q.folded
            text = q.memo["network.undenied"] = q.normalized if kept is q.folded else normalize(kept)
        return text

    def documents(self, q: Query, limit: int) -> list[Match]:
        """A long description of a failure below HTTP that no tier read ("同事电脑日期被改成了
        三年后，打开 https 网站都提示证书不在有效期内，Chrome 里这个错误叫什么"): the whole cards
        as documents (BM25), scored as the status kind scores its own (tuning.document), so the
        two last resorts compete on one scale. Only for a text that names where it failed (a
        browser, curl, a socket, DNS, a certificate ...) and asks for an error or tells of trouble."""
        query = q.normalized
        folded = q.folded
        if len(query.replace(" ", "")) < tuning.NETWORK_DOC_MIN_LENGTH:
            return []
        told = (
            reports_trouble(folded)
            or any(w in folded for w in _TROUBLE_OR_ERROR_ASKED)
            # "…点开详情说网站的证书已经过了有效期": a certificate run out is the trouble told.
            or ("证书" in folded and _expired(folded))
            # "用 dig 查…响应头里的 status 字段": what a DNS tool showed is asked about.
            or _dns_answer_asked(folded)
        )
        if settled(folded) or not told:
            return []  # "小程序的合法域名在后台哪个菜单里配": asks how, tells of no failure
        if not any(word in folded for word in _DOC_CONTEXT):
            return []  # "服务器认识这个方法，可这个地址不让用": HTTP's own business
        named = [f for f, words in _DOC_FAMILIES.items() if any(w in folded for w in words)]
        if (
            asks_for_status(folded)
            and not set(named) & _OWN_CODES_FAMILIES
            and not asks_for_protocol_code(folded)
            and not asks_for_error_name(folded)
            # "用 dig 查…响应头里的 status 字段显示的是什么": DNS's own header, not HTTP's.
            and not _dns_answer_asked(folded)
        ):
            return []  # "…Node 的 http 服务拒绝了，返回的状态码是多少": an HTTP status is asked for
        # A family whose words are everyday ones (gRPC, WebSocket) only with its context named:
        # "不合协议的帧" is no WebSocket close code when Chrome talks HTTP/2.
        # A certificate told run out keeps its cards however much else the story tells ("今天早上
        # 公司所有人打开官网…点开详情说网站的证书已经过了有效期，昨天还好好的").
        expiry = (_BROWSER_EXPIRED, _OPENSSL_EXPIRED) if "证书" in folded and _expired(folded) else ()
        ranked = [
            row
            for row in self._documents.rank(self._undenied(q), _DOC_SHORTLIST)
            if (row[2] >= tuning.NETWORK_DOC_MIN_SHARE or row[0] in expiry)
            and self._family_named(self.entries[row[0]].family, folded)
        ]
        not_browser = _NOT_BROWSER_RE.search(folded) is not None
        if not_browser and not any(w in folded for w in _PROTOCOL_WORDS["browser"]):
            # "Node 里 http.get 连本机端口…err.code": a program's error, not the browser's name for it.
            ranked = [row for row in ranked if self.entries[row[0]].family != "browser"]
        if len(named) == 1:  # "curl …下到一半磁盘满了": among curl's own cards
            ranked = [row for row in ranked if self.entries[row[0]].family == named[0]] or ranked
            if (
                named[0] == "curl"
                and ranked
                and self.entries[ranked[0][0]].family != "curl"
                and any(ask in folded for ask in _CURL_CODE_ASKS)
                and (twin := self._see_also_in(self.entries[ranked[0][0]], "curl"))
            ):
                # "curl 拿系统的 CA 校验不过对端证书…是哪个退出码": the fault read is OpenSSL's card;
                # curl's own name for it leads.
                ranked = _lead_with(ranked, twin)
        elif not named and not not_browser and any(word in folded for word in _BROWSERS):
            # "…Chrome 打开时拦了下来，说无法确认这个证书是谁颁发的": what the browser showed is
            # its own name for the fault (ERR_CERT_AUTHORITY_INVALID), not OpenSSL's.
            shown = next((row for row in ranked if self.entries[row[0]].family == "browser"), None)
            if shown is not None and shown is not ranked[0]:
                ranked = _lead_with(ranked, shown[0])
            elif shown is None and ranked and (twin := self._see_also_in(self.entries[ranked[0][0]], "browser")):
                # Its own card shared too few words to be kept: the browser's name for the
                # fault read (an OpenSSL card's twin among its see_also).
                ranked = _lead_with(ranked, twin)
        if ranked and "证书" in folded and _expired(folded) and not any(w in folded for w in _NOT_EXPIRED):
            # "…页面提示证书有效期在上周就已经结束了": the certificate ran out, whatever else the
            # story shares words with (its name, a browser's for it where a browser showed it).
            expiry = _BROWSER_EXPIRED if any(b in folded for b in _BROWSERS) else _OPENSSL_EXPIRED
            if expiry in self.entries:
                ranked = _lead_with(ranked, expiry)
        elif ranked and ranked[0][0] != "1006" and "1006" in self.entries and any(w in folded for w in _NO_CLOSE_FRAME):
            # "双方都没有发送关闭帧，TCP 连接就这么没了": no close frame at all is 1006 (1005 is one
            # that came without a code; both are never sent in a frame).
            ranked = _lead_with(ranked, "1006")
        elif ranked and _BROWSER_REDIRECT_LOOP in self.entries and _tells_redirect_loop(folded):
            # "A 跳到 B，B 又跳回 A，来回跳了几十次…页面上说该网页无法正常运作": the loop, not
            # the page title Chrome shows for many faults.
            ranked = _lead_with(ranked, _BROWSER_REDIRECT_LOOP)
        if ranked and ranked[0][0] in _NOT_A_DEADLINE and "DEADLINE_EXCEEDED" in self.entries and _TIMEOUT_SET_RE.search(folded):
            # "ctx 设了 3 秒超时，下游跑了 5 秒，调用方拿到的 gRPC 状态": a deadline that ran out,
            # not a call the caller cancelled.
            ranked = _lead_with(ranked, "DEADLINE_EXCEEDED")
        if ranked and ranked[0][0] == "NXDOMAIN" and any(w in folded for w in _RUNTIMES):
            # "DNS 返回说域名不存在，Node 抛出来的错误码是什么": the program's name for that answer
            # (as in search).
            ranked = _lead_with(ranked, "ENOTFOUND")
        names = [row[0] for row in ranked]
        if "EPIPE" in names and "ECONNRESET" in names and _reset_then_read(folded):
            # A read after the peer's reset (as in search): ECONNRESET in EPIPE's place.
            i, j = names.index("EPIPE"), names.index("ECONNRESET")
            if i < j:
                ranked[i], ranked[j] = (ranked[j][0], *ranked[i][1:]), (ranked[i][0], *ranked[j][1:])
        out: list[Match] = []
        for name, _score, share, lead in ranked[:limit]:
            score = tuning.document(share, lead)
            if out:
                score = min(score, out[-1].score - tuning.JUST_BELOW)
            entry = self.entries[name]
            out.append(Match("network", short_key(name), score, f"描述相符（{share:.0%}）", entry, tier="document"))
        return out

    def listing(self, q: Query) -> Resolution | None:
        """"websocket 的关闭码都有哪些", "grpc 状态码有哪些": the family's cards, numbered ones in
        their numbers' order (Chromium's by size: -2 before -100), as a list the network kind lays out (a final answer)."""
        if len(q.folded) > _TYPED_MAX:
            return None  # a paste names its errors; it asks for no list
        family = listed_family(q.folded)
        if family is None:
            return None
        entries = sorted(
            (e for e in self.data.cards if e.family == family),
            key=lambda e: (e.number is None, abs(e.number) if e.number is not None else 0, e.name),  # Chromium's are < 0
        )
        why = f"{family} 一览"
        matches = tuple(Match("network", short_key(e.name), tuning.EXPLICIT, why, e, tier="class") for e in entries)
        return Resolution(q.text, "class", matches, owner="network", final=True) if matches else None

    def cors_beside(self, q: Query, typed: Match) -> Match | None:
        """The browser's CORS failure told beside a status the server sent ("OPTIONS 预检回的 404，
        所以跨域一直过不去", "接口明明返回了 200，可浏览器拦下了响应"): a failed preflight for a
        preflight that got an error, a redirected one for a redirect, else the CORS card the text
        reads as (or the commonest, a missing Access-Control-Allow-Origin). Only for a text that
        speaks of CORS; the status stays the answer (see Resolver._with_beside)."""
        folded = q.folded
        if (
            not any(word in folded for word in _CORS_TOLD)
            and not ("options" in folded and any(word in folded for word in _BROWSER_SENDS))
            and not ("浏览器" in folded and "拦" in folded)  # "…浏览器还是把结果拦下了"
            and not ("允许" in folded and _ALLOWED_ORIGIN_RE.search(folded) is not None)
        ):
            return None
        status = typed.status or 0
        if status < 300 and not any(word in folded for word in _CORS_FAILED):
            return None  # "预检返回 204 是正常的吗": the status is the question
        name = ""
        if any(word in folded for word in _PREFLIGHT_TOLD) and status >= 300:
            name = "CORS_REDIRECT_NOT_ALLOWED" if status < 400 else "CORS_PREFLIGHT_FAILED"
        if not name:
            read = [*self.search(q, 3), *self.documents(q, 3)]
            name = next((m.answer.name for m in read if m.answer.family == "cors"), "CORS_MISSING_ALLOW_ORIGIN")
        entry = self.entries.get(name)
        if entry is None:
            return None
        return Match("network", short_key(name), tuning.NETWORK_TOPIC, f"跨域，服务器回了 {status}", entry, tier="topic")

    def entry_for(self, key: str) -> NetworkEntry | None:
        name = self._keys.get(key)
        return self.entries.get(name) if name else None

    def may_identify(self, q: Query) -> bool:
        return True  # identifiers come in too many shapes for a cheaper test than the search

    def strongest(self, q: Query) -> float:
        """The most an identifier found in ``q`` can score: a pattern, a signature or a
        catch-all (at most NETWORK_PATTERN), or a gRPC name stated as gRPC prints it, which
        needs one of _GRPC_STATED in the text (lower case is per character, so a slice's is
        part of the whole text's)."""
        lowered = q.text.lower()
        if any(stated in lowered for stated in _GRPC_STATED):
            return tuning.NETWORK_STATED
        return max(tuning.NETWORK_PATTERN, tuning.NETWORK_SIGNATURE, tuning.NETWORK_FALLBACK)

    def search(self, q: Query, limit: int) -> list[Match]:
        best: dict[str, tuple[float, str, str]] = {}
        first_seen: dict[str, int] = {}  # identifiers: the one pasted first is the headline

        def offer(name: str, score: float, why: str, tier: str) -> None:
            held = best.get(name)
            if name not in self.entries or (held is not None and score <= held[0]):
                return
            if held is not None and held[2] in _IDENTIFIED and tier in _LOOSE:
                # "web socket 1001": the close code read as typed stays the reading, however
                # closely an alias ("websocket 1001") also matches: loose readings yield later.
                return
            best[name] = (score, why, tier)

        # "刚才那个 ETIMEDOUT 是我本地 VPN 的问题，不用管了": named in a remark, no longer asked
        # about. Not a paste with a note, nor a text that tells the trouble too ("页面一直转圈…
        # ERR_CONNECTION_RESET，换手机热点就好了" found a way round it, not the cause): those
        # read, and the chatter model judges them (Resolver._is_chatter, CHATTER_SETTLED).
        done = settled(q.folded)
        remark = done and cjk_count(q.folded) >= _REMARK_CJK and not reports_trouble(q.folded)
        for name, why, at in [] if remark else self._identifiers(q):
            if denied_before(q.text, at, _DENIAL_REACH):
                continue  # "…应该用哪个状态码？我知道不是 PERMISSION_DENIED": ruled out, not asked about
            # A catch-all name (net::ERR_FAILED) yields to whatever more specific line is beside it.
            fallback = self.entries[name].fallback if name in self.entries else False
            # libcurl's "SSL certificate problem: …" printed by another program (git, PHP, a CI
            # runner) is curl's exit 60 only as the library sees it; the OpenSSL reason after it
            # says what went wrong, and leads. Where curl itself ran, its card leads.
            fallback = fallback or (name == _LIBCURL_CERT_NAME and why.startswith("libcurl") and "curl" not in q.folded)
            score = tuning.NETWORK_FALLBACK if fallback else tuning.NETWORK_PATTERN
            if why.endswith(_STATED):
                # gRPC's own "code = X" outranks a cloud code of the same spelling (InvalidArgument).
                score, why = tuning.NETWORK_STATED, why.removesuffix(_STATED)
            meant = _OFTEN_MEANT.get(name)
            if meant is not None and meant in self.entries and not any(w in q.folded for w in _DNS_QUERY_WORDS):
                # "ETIMEOUT 连数据库超时": Node's DNS-query timeout, typed where no DNS query is
                # told, is almost always ETIMEDOUT with its D left out; both are offered.
                offer(meant, score, f"{why}（没说 DNS 查询，多半是 {meant}）", "pattern")
                score -= tuning.JUST_BELOW
            offer(name, score, why, "pattern")
            first_seen[name] = min(at, first_seen.get(name, at))
        if not best and "net::err_" in q.folded:
            self._cut_names(q, offer)
        if not best and not remark:
            self._misspelt_errnos(q, offer)
        if "1006" in self.entries and _WS_FAILED_RE.search(q.folded):
            # A catch-all like net::ERR_FAILED: a more specific error on the line goes first.
            offer("1006", tuning.NETWORK_FALLBACK, "WebSocket 握手没有完成（连接失败）", "pattern")
        padded = f" {q.normalized} "
        # "今天那个 TLS 握手失败是用户手机时间不对导致的，已经跟用户解释过了": a remark that the
        # trouble is dealt with asks nothing about the wording it retells.
        found = self._signatures.find(padded) if not done else []
        if found and self._as_printed:
            lowered = q.text.lower()
            found = [c for c in found if self._as_printed.get((c.key, c.target), "") in lowered]
        for rank, choice in enumerate(found[:3]):  # longest first: the most specific wording
            offer(choice.target, tuning.NETWORK_SIGNATURE - rank, choice.label, "signature")
        if not done and len(q.normalized) <= _TYPED_MAX and (
            not q.folded.isascii() or (len(q.normalized) <= _SLIP_ALONE and q.normalized.count(" ") < _SLIP_ALONE_WORDS)
        ):
            # A short English error typed by hand with a slip, inside a Chinese question or
            # alone ("certifcate has expried"); a longer English one is read by its words (~20 µs
            # saved on each). Beside a wording found
            # as printed, only a longer one that holds it ("self signed certificate in certficate
            # chain" is not the "self signed certificate" inside it): the more specific.
            longest = max((len(choice.key) for choice in found), default=0)
            for run in islice(_LATIN_RUN_RE.finditer(q.normalized), _LATIN_RUNS):
                if len(run.group()) <= longest:
                    continue
                if "_" in q.text and run.group().replace(" ", "_") in q.text:
                    continue  # a setting's name in lower case ("proxy_read_timeout"), not an error's wording
                # Typed alone, a longer English text is the wording (one look-up, no word
                # dropped at either end: ~15 µs a question); a short one may name the
                # technology beside it ("deadline exeeded grpc").
                slips = (
                    self._phrase_typos.extract(run.group(), _PHRASE_CUTOFF, limit=1)
                    if q.folded.isascii() and run.group().count(" ") >= _SLIPPED_SPACES
                    else self._slipped(run.group())
                )
                for _key, _score, index in slips:
                    choice = self._phrase_choices[index]
                    if not self._in_context(choice.key, q.folded):
                        continue
                    if run.group().count(" ") == 1 and not _words_slipped(choice.key, run.group()):
                        continue  # "socket error" is no slip of "socket.gaierror": two words, one of them another
                    if not found or (len(choice.key) > longest and found[0].key.strip() in choice.key):
                        score = tuning.NETWORK_SIGNATURE + tuning.JUST_BELOW if found else tuning.NETWORK_SIGNATURE - 3
                        offer(choice.target, score, f"近似{choice.label}", "signature")
        if not found:
            for choice in self._fallbacks.find(padded)[:1]:
                offer(choice.target, tuning.NETWORK_FALLBACK, choice.label, "signature")
        if not done:  # "谢谢，连接超时那个问题已经解决了" names an error it no longer has
            self._by_words(q, offer)
            self._by_topic(q, best, offer)
            self._missing_header(q, best, offer)
            if self._symptoms and all(tier in _LOOSE or tier == "topic" for _, _, tier in best.values()):
                self._symptom(q, best)
        if "NXDOMAIN" in best and "ENOTFOUND" in self.entries and any(w in q.folded for w in _RUNTIMES):
            # "DNS 返回不存在（NXDOMAIN），Node 抛出的错误 code 是什么": the DNS answer is the
            # cause; what the program reports for it is the card asked about.
            score, why, tier = best["NXDOMAIN"]
            if best.get("ENOTFOUND", (0.0, "", ""))[0] <= score:
                best["ENOTFOUND"] = (score, why + "，问的是程序报的错", tier)
                best["NXDOMAIN"] = (score - tuning.JUST_BELOW, why, tier)
        if "ENOTFOUND" in best and "NXDOMAIN" in self.entries and _asks_dns_answer(q.folded):
            # "…服务器明确回答说这个名字不存在，这个在 DNS 协议里叫什么": the protocol's own name
            # for the answer, not what a program reports.
            _told_instead(best, "ENOTFOUND", "NXDOMAIN", "，问的是 DNS 协议里的叫法")
        if "ENOTFOUND" in best and "EAI_AGAIN" in self.entries and _TEMPORARY_RE.search(q.folded) is not None:
            # "getaddrinfo 返回的是“暂时性”失败…过一会儿重试就好了": the lookup failed for now, not
            # for good (EAI_AGAIN), whatever else it shares with the commoner card.
            _told_instead(best, "ENOTFOUND", "EAI_AGAIN", "，且失败是暂时的")
        if (
            "SERVFAIL" in best
            and "EAI_AGAIN" in self.entries
            and "getaddrinfo" in q.folded
            and _TEMPORARY_RE.search(q.folded) is not None
        ):
            # getaddrinfo fails "for now" as EAI_AGAIN; ESERVFAIL is what c-ares' resolver says.
            _told_instead(best, "SERVFAIL", "EAI_AGAIN", "，且说的是 getaddrinfo 暂时失败")
        if "ECONNRESET" in best and "ECONNREFUSED" in self.entries and any(w in q.folded for w in _NOBODY_LISTENS):
            # "端口上根本没有程序在监听，对方回了 RST": the RST answers the connection attempt itself.
            _told_instead(best, "ECONNRESET", "ECONNREFUSED", "，且端口上没有程序在监听")
        if "EPIPE" in best and "ECONNRESET" in self.entries and _reset_then_read(q.folded):
            # "…客户端还在往里写数据，然后收到 RST，read 返回的错误码": a read after the peer's reset
            # fails with ECONNRESET; EPIPE is what a later write gets.
            _told_instead(best, "EPIPE", "ECONNRESET", "，且说的是对端复位之后去读")
        if "ERR_INVALID_RESPONSE" in best and _tells_redirect_loop(q.folded):
            # "A 跳到 B，B 又跳回 A…Chrome 显示该网页无法正常运作": the page title Chrome shows
            # for many faults, and the loop behind it.
            _told_instead(best, "ERR_INVALID_RESPONSE", _BROWSER_REDIRECT_LOOP, "，且说的是来回跳转")
        if (
            "ENOTFOUND" in best
            and "NXDOMAIN" in self.entries
            and _dns_answer_asked(q.folded)
            and not any(w in q.folded for w in _RUNTIMES)
        ):
            # "用 dig 查一个不存在的域名…响应头里的 status 字段": what the DNS tool shows is the
            # answer's own code (NXDOMAIN), not the name a program gives the failed lookup.
            _told_instead(best, "ENOTFOUND", "NXDOMAIN", "，且问的是 DNS 工具看到的应答")
        if (
            "SSL_CERTIFICATE_VERIFY_FAILED" in best
            and _OPENSSL_EXPIRED in self.entries
            and "证书" in q.folded
            and _expired(q.folded)
            and not any(w in q.folded for w in _NOT_EXPIRED)
        ):
            # "python requests 报证书校验失败，说证书已经过了有效期": Python's catch-all for a failed
            # verification, told in words with the reason it failed.
            _told_instead(best, "SSL_CERTIFICATE_VERIFY_FAILED", _OPENSSL_EXPIRED, "，且证书已过期")
        swapped = (
            "ERR_CERT_AUTHORITY_INVALID" in best
            and _expired(q.folded)
            and self._behind_the_warning(best, _BROWSER_EXPIRED, "，且证书已过期")
        )
        if not swapped and "ERR_CERT_AUTHORITY_INVALID" in best and any(w in q.folded for w in _HOST_MISMATCH):
            # "证书是给 www 签的…用户访问的是 api…Chrome 提示您的连接不是私密连接": the name behind it.
            self._behind_the_warning(best, _BROWSER_NAME_MISMATCH, "，且证书上的名字和访问的主机名对不上")
        if not swapped and "ERR_CERT_DATE_INVALID" not in best and _warning_page(q.folded) and _expired(q.folded):
            # "Chrome 弹出隐私错误拦截页，原因是证书的 notAfter 已经过去一周了": the warning page
            # told in other words, and the fault behind it.
            offer("ERR_CERT_DATE_INVALID", tuning.NETWORK_FALLBACK, "浏览器的证书警告页，且证书已过期", "alias")
        if (
            best
            and any(word in q.folded for word in _PROTOCOL_WORDS["browser"])
            and _NOT_BROWSER_RE.search(q.folded) is None
        ):
            self._as_tool_says_it(best, "browser")
        if best and any(word in q.folded for word in _GRPC_CONTEXT):
            self._as_grpc_says(best)
        if (
            best
            and "curl" in q.folded
            and (asks_for_protocol_code(q.folded) or any(ask in q.folded for ask in _CURL_ASKS))
            and not any(self.entries[name].family == "curl" for name in best)
        ):
            self._as_tool_says_it(best, "curl")
        if len(first_seen) > 1 and _WHICH_ONE_RE.search(q.folded) is not None:
            self._described_first(q, best, first_seen)
        if len(first_seen) > 1:
            # "PERMISSION_DENIED 和 UNAUTHENTICATED 有啥区别？我这边报的是 UNAUTHENTICATED": the one met.
            for m in _MET_RE.finditer(q.folded):
                met = next((name for name in first_seen if q.folded.startswith(name.lower(), m.end())), None)
                if met is None and q.folded.startswith(_LATTER, m.end()) and len(first_seen) == 2:
                    # "…PERMISSION_DENIED 和 UNAUTHENTICATED 区别吗，我们这边报的是后面那个".
                    met = max(first_seen, key=first_seen.get)
                elif met is None and q.folded.startswith(_FORMER, m.end()) and len(first_seen) == 2:
                    met = min(first_seen, key=first_seen.get)
                if met is not None:
                    first_seen[met] = -1
                    break
        if best and "errno" in q.folded and not any(word in q.folded for word in _PROTOCOL_WORDS["browser"]):
            self._errno_first(best)
        if best and any(word in q.folded for word in _SELF_SIGNED):
            self._self_signed_first(best, q.folded)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], first_seen.get(item[0], _LAST), item[0]))
        return [
            Match(
                "network",
                short_key(name),
                score,
                why,
                self.entries[name],
                tier=tier,
                order=f"{first_seen.get(name, _LAST):05d}{name}",
            )
            for name, (score, why, tier) in ranked[:limit]
            if score >= tuning.CHOICES
        ]

    @staticmethod
    def _described_first(q: Query, best: dict[str, tuple[float, str, str]], first_seen: dict[str, int]) -> None:
        """Several names typed and the text asks which ("token expired - PERMISSION_DENIED or
        UNAUTHENTICATED?"): of those tied at the top, the one card that shares the text's words
        beyond the names goes first (otherwise the first typed does)."""
        top = max(score for score, _, _ in best.values())
        tied = {name for name, (score, _, _) in best.items() if score == top and name in first_seen}
        if len(tied) < 2:
            return
        # Words beyond the names themselves (and gRPC's) are the description; one card alone
        # sharing some ("token") decides, two sharing their own ("client", "timeout") do not.
        named = {part for name in tied for part in name.lower().split("_")} | {"grpc"}
        described = [
            name
            for name, _, words in q.memo.get("network.words", ())
            if name in tied and set(words.split("、")) - named - {""}
        ]
        if len(described) == 1:
            first_seen[described[0]] = -1

    def _self_signed_first(self, best: dict[str, tuple[float, str, str]], folded: str) -> None:
        """"证书不受信任 self signed", "证书不受信任，是自签的": the untrusted certificate is
        told self-signed, so a self-signed card leads the general one read from the words
        (OpenSSL's names; one in a chain when a chain is told). Not a pasted line's name, nor
        where a browser is named."""
        top_name = max(best, key=lambda name: best[name][0])
        score, why, tier = best[top_name]
        if tier in ("pattern", "signature") or "SELF_SIGNED" in top_name or "CERT" not in top_name:
            return
        if any(word in folded for word in _PROTOCOL_WORDS["browser"]):
            return  # the browser shows its own name for it (ERR_CERT_AUTHORITY_INVALID)
        if any(denial + word in folded for denial in ("不是", "并非", "没有") for word in _SELF_SIGNED):
            return
        name = _SELF_SIGNED_IN_CHAIN if any(w in folded for w in ("chain", "链")) else _SELF_SIGNED_LEAF
        if name not in self.entries:
            return
        best[name] = (score, f"{why}，且说是自签名证书", tier)
        best[top_name] = (score - tuning.JUST_BELOW, why, tier)

    def _errno_first(self, best: dict[str, tuple[float, str, str]]) -> None:
        """An errno asked for ("…accept 新连接失败时 errno 是哪个"), no browser named: Chromium's
        names are no errnos. A browser card read from the words ("连接失败") goes just below the
        best socket or DNS card, if there is one; a pasted one stays."""
        errnos = [score for name, (score, _, _) in best.items() if self.entries[name].family in ("tcp", "dns")]
        if not errnos:
            return
        top = max(errnos)
        for name, (score, why, tier) in list(best.items()):
            if self.entries[name].family == "browser" and tier not in _IDENTIFIED and score >= top:
                best[name] = (top - tuning.JUST_BELOW, why, tier)

    def _behind_the_warning(self, best: dict[str, tuple[float, str, str]], fault: str, note: str) -> bool:
        """Chrome's warning page ("您的连接不是私密连接") is the same for every certificate fault;
        its card is the commonest fault's. A text that also says what is wrong with the
        certificate ("证书上个月就到期了…", "…访问的主机名不符") names the fault behind it.
        False when the page was not read by its name (the caller reads it in other words)."""
        score, why, tier = best["ERR_CERT_AUTHORITY_INVALID"]
        if tier != "alias" or not any(page in why for page in _WARNING_PAGES) or fault not in self.entries:
            return False
        if best.get(fault, (0.0, "", ""))[0] < score:
            best[fault] = (score, f"{why}{note}", tier)
        best["ERR_CERT_AUTHORITY_INVALID"] = (score - tuning.JUST_BELOW, why, tier)
        return True

    def _as_grpc_says(self, best: dict[str, tuple[float, str, str]]) -> None:
        """gRPC named beside a runtime's wording ("gRPC call fails with 'context deadline
        exceeded'"): the status the gRPC client reports leads (the card's gRPC twin among its
        see_also), the runtime's card just below. Not an identifier typed: that is its own."""
        for name, reading in list(best.items()):
            if reading[2] != "pattern" and self.entries[name].family != "grpc":
                self._twin_first(best, name, reading, "grpc", "，gRPC 客户端报的是这个状态")

    def _as_tool_says_it(self, best: dict[str, tuple[float, str, str]], family: str) -> None:
        """A TLS, DNS or TCP fault told in words, with a browser named ("证书过期了 浏览器打不开",
        "憑證過期了 瀏覽器一直跳出連線不是私人連線", "浏览器域名解西失败") or curl's own error asked for
        ("curl 访问…对方用的自签名证书…这个是哪个 curl 错误"): that tool's name for it (its first
        ``family`` card among the card's see_also) leads, the OpenSSL/errno card just below. Not a
        pasted line: that is what the user's tool printed."""
        # Asked for curl's code, the browser's name for the fault read ("…一个字节都没回就把连接关了"
        # reads Chrome's ERR_EMPTY_RESPONSE) gives way to curl's too.
        families = _BROWSER_SHOWS | {"browser"} if family == "curl" else _BROWSER_SHOWS
        for name, reading in list(best.items()):
            if reading[2] not in ("pattern", "signature") and self.entries[name].family in families:
                self._twin_first(best, name, reading, family)

    def _twin_first(
        self, best: dict[str, tuple[float, str, str]], name: str, reading: tuple[float, str, str], family: str, note: str = ""
    ) -> None:
        """The card's twin in ``family`` (the same fault under that program's name, from its
        see_also) takes its reading, ``note`` added; the card itself goes just below."""
        twin = self._see_also_in(self.entries[name], family)
        if twin is None:
            return
        score, why, tier = reading
        if best.get(twin, (0.0, "", ""))[0] < score:
            best[twin] = (score, why + note, tier)
        best[name] = (score - tuning.JUST_BELOW, why, tier)

    # --- identifiers ---------------------------------------------------------------------
    def _errno_with_a_tail(self, word: str) -> str | None:
        """The errno name a word starts with, a few letters added ("EHOSTUNREACHABLE" for
        EHOSTUNREACH): the longest such name, seven letters or more."""
        heads = [n for n in self._errnos if len(n) >= 7 and word.startswith(n) and len(word) - len(n) <= _ERRNO_TAIL]
        return max(heads, key=len) if heads else None

    def _misspelt_errnos(self, q: Query, offer) -> None:
        """An errno name one letter off ("econreset 咋整", "连接被拒绝 ECONNREFUSD"; two off
        when eight letters or more are typed): the one name that close, if only one is."""
        if len(q.folded) > _TYPED_MAX:
            return  # a paste names its errors as printed; a log's many e-words are not typos
        for word in dict.fromkeys(_ERRNO_LIKE_RE.findall(q.folded)):
            near = self._one_close(word.upper(), self._errnos, 1 if len(word) <= 7 else 2)
            if not near:
                near = self._errno_with_a_tail(word.upper())
            if near:
                # An errno name typed, a letter off, says more than the words around it
                # ("econrefused 连不上数据库" is no 500).
                offer(near, tuning.NETWORK_ERRNO_TYPO, f"近似报错标识 {word}", "pattern")
        if self._caps_signatures:
            # "DNS 解析 NXDOMIAN 是啥": a one-word signature in capitals, typed a letter off.
            names = tuple(self._caps_signatures)
            for word in dict.fromkeys(_CAPS_WORD_RE.findall(q.text)):
                if word in self._caps_signatures or word in self.entries:
                    continue
                near = self._one_close(word, names, 1 if len(word) <= 6 else 2)  # two: a swap
                if near:
                    offer(self._caps_signatures[near], tuning.NETWORK_FALLBACK, f"近似报错原文 {word}", "pattern")
        if any(word in q.folded for word in _GRPC_CONTEXT):
            # "gprc unavaliable 怎么回事": a gRPC status one or two letters off, beside gRPC.
            for word in dict.fromkeys(_GRPC_LIKE_RE.findall(q.folded)):
                near = self._one_close(word.upper(), self._grpc_names, 1 if len(word) <= 8 else 2)
                if near:
                    offer(near, tuning.NETWORK_FALLBACK, f"近似 gRPC 状态 {word}", "pattern")
        if "_" in q.folded:
            # "DEADLINE_EXCEDED grpc", "CURLE_OPERATION_TIMEOUT": a name with underscores, a
            # letter off (two for long names), the one name that close.
            for word in dict.fromkeys(_SNAKE_LIKE_RE.findall(q.folded)):
                near = self._one_close(word.upper(), self._snake_names, 1 if len(word) <= 10 else 2)
                if near:
                    offer(near, tuning.NETWORK_PATTERN - tuning.JUST_BELOW, f"近似报错标识 {word}", "pattern")
        if "err " in q.folded:
            # "err name not reslved 手机能上电脑不能": a Chromium name typed with spaces (and
            # perhaps a letter off); the longest run of its words that names one card.
            for m in _SPACED_ERR_RE.finditer(q.folded):
                words = m.group().split()
                for size in range(len(words), 2, -1):
                    typed = "_".join(words[:size]).upper()
                    near = typed if typed in self.entries else self._one_close(typed, self._net_names, 2)
                    if near:
                        offer(near, tuning.NETWORK_PATTERN - tuning.JUST_BELOW, f"近似报错标识 {m.group()}", "pattern")
                        break
        if "err_" not in q.folded:
            return
        # "ERR_NAME_NOT_RESOLVD": a Chromium name two letters off, the one name that close.
        for word in dict.fromkeys(_NET_LIKE_RE.findall(q.folded)):
            near = self._one_close(word.upper(), self._net_names, 2)
            if near:  # the one name that close: typed, it outranks a description by its sound
                offer(near, tuning.NETWORK_PATTERN - tuning.JUST_BELOW, f"近似报错标识 {word}", "pattern")

    def _one_close(self, typed: str, names: tuple[str, ...], most: int) -> str | None:
        """The nearest name of ``names``, at most ``most`` edits from ``typed``, if no other is
        as near ("ECONNREFSED": one edit from ECONNREFUSED, two from ECONNRESET), and ``typed``
        is no card's name itself. Two neighbours swapped count as one edit ("EPIEP")."""
        if typed in self.entries:
            return None
        near = sorted(
            (d, n)
            for n in names
            if abs(len(n) - len(typed)) <= most and (d := OSA.distance(n, typed, score_cutoff=most)) <= most
        )
        if not near or (len(near) > 1 and near[1][0] == near[0][0]):
            return None
        return near[0][1]

    def _cut_names(self, q: Query, offer) -> None:
        """A console line cut off inside its error's name ("net::ERR_CONNECTION_RES", a
        screenshot's edge): the one Chromium name it begins, if only one does."""
        for m in _NET_ERR_RE.finditer(q.text):
            cut = m.group(1).upper()
            if cut in self.entries:
                continue
            names = [name for name in self._net_names if name.startswith(cut)]
            if len(names) == 1:
                offer(names[0], tuning.NETWORK_FALLBACK, f"被截断的报错标识 {m.group(1)}", "pattern")
            elif not names and (near := self._one_close(cut, self._net_names, 2)):
                # "net::ERR_HTTP2_PROTOCAL_ERROR": typed over from a screenshot, a letter off.
                offer(near, tuning.NETWORK_PATTERN - tuning.JUST_BELOW, f"近似报错标识 {m.group(1)}", "pattern")

    def _identifiers(self, q: Query) -> list[tuple[str, str, int]]:
        """(name, why, position in the text) for every identifier pasted or typed."""
        found: list[tuple[str, str, int]] = []
        text, folded = q.text, q.folded
        grpc_context = any(word in folded for word in _GRPC_CONTEXT)
        words = _TOKEN_RE.findall(text)
        tokens = [t for t in words if len(t) <= _MAX_TOKEN]
        bare = len(tokens) == 1 and len(q.normalized.replace(" ", "")) <= len(tokens[0]) + 2
        # Without gRPC context only a card's own name counts: a 4 KB log's hundreds of words
        # are looked up in one pass, and positions (a Match object per word) are worked out
        # only for the words that hit.
        entries = self.entries
        hit = range(len(words))
        if not (grpc_context or bare):
            hit = [k for k, upper in enumerate(map(str.upper, words)) if upper in entries]
        starts = [m.start() for m in _TOKEN_RE.finditer(text)] if hit else []
        for k in hit:
            token, at = words[k], starts[k]
            if len(token) > _MAX_TOKEN:
                continue
            upper = token.upper()
            entry = entries.get(upper)
            if entry is not None and entry.family != "grpc" and (token.isupper() or len(token) >= 6):
                found.append((upper, f"报错标识 {token}", at))
                continue
            if grpc_context or bare:
                name = upper if upper in self._grpc else _camel_to_snake(token)
                if token.islower() and _PASSIVE_BEFORE_RE.search(text, max(0, at - 8), at) is not None:
                    continue  # "the call gets aborted once the time runs out": a verb, not ABORTED
                if name == "UNKNOWN" and text[at + len(token) : at + len(token) + 8].lower().startswith(_UNIMPLEMENTED_TOLD):
                    # "unknown service foo.Bar", "unknown method Baz": how gRPC describes its
                    # UNIMPLEMENTED status, not the UNKNOWN one.
                    found.append(("UNIMPLEMENTED", f"gRPC 对 UNIMPLEMENTED 的描述「{token} …」", at))
                    continue
                if name in self._grpc and (grpc_context or "_" in name or len(name) >= 8):
                    # "code = InvalidArgument", "StatusCode.ABORTED": the name as gRPC prints it.
                    stated = text[max(0, at - 12) : at].lower().endswith(_GRPC_STATED)
                    found.append((name, f"gRPC 状态 {token}" + (_STATED if stated else ""), at))
        if grpc_context and not found:
            # "which gRPC status … when the entity … already exists?": the name in plain words.
            for spaced, name in self._grpc_spaced:
                at = folded.find(spaced)
                if at >= 0:
                    found.append((name, f"gRPC 状态 {name}（{spaced}）", at))
        # grpc-node's "14 UNAVAILABLE:" holds the name as one of the words: a text with none of
        # the seventeen is not scanned for it (~35 µs on 4 KB).
        for m in _GRPC_NODE_RE.finditer(text) if not self._grpc.isdisjoint(words) else ():
            name = m.group(2)
            if self._by_number.get(("grpc", int(m.group(1)))) == name:
                found.append((name, f"gRPC 状态 {m.group(1)} {name}", m.start()))
        extra = []
        if "curl" in folded:
            extra.append((_EXIT_RE, "curl", "curl 退出码"))
        if grpc_context:
            # "my gRPC call fails with status code 16": the number after "code", gRPC named.
            extra.append((_GRPC_CODE_RE, "grpc", "gRPC 状态码"))
        if any(word in folded for word in FAMILY_CONTEXT["websocket"]):
            extra.append((_WS_CODE_RE, "websocket", "WebSocket 关闭码"))
        # "1O06 websocket 断开": the letter O typed for a zero inside a number.
        numbers_of = (
            _LETTER_O_RE.sub(lambda m: "0" * len(m.group()), folded) if _DIGIT_O_RE.search(folded) is not None else folded
        )
        for rx, family, label in (
            *extra,
            (_CURL_RE, "curl", "curl 退出码"),
            (_GRPC_RE, "grpc", "gRPC 状态码"),
            (_WS_BEFORE_RE, "websocket", "WebSocket 关闭码"),
            (_WS_AFTER_RE, "websocket", "WebSocket 关闭码"),
            (_OPENSSL_VERIFY_RE, "tls", "OpenSSL 校验结果"),
        ):
            if not any(word in numbers_of for word in _NEEDS[rx]):
                continue  # a word each match holds is not in the text: no scan (~15-30 µs on 4 KB)
            for m in rx.finditer(numbers_of):
                number = int(m.group(1))
                name = self._by_number.get((family, number)) or self._ws_range(family, number)
                if name:
                    found.append((name, f"{label} {number}", m.start()))
        if not found and "curl" in folded and (m := _CN_CURL_RE.search(folded)) is not None:
            tens, ones = m.groups()
            number = 10 * _CN_DIGIT.get(tens, 1) + _CN_DIGIT.get(ones, 0)
            name = self._by_number.get(("curl", number))
            if name:
                found.append((name, f"curl 退出码 {number}", m.start()))
        if not found and len(q.normalized) <= _BARE_CLOSE_MAX and (m := _FOUR_DIGITS_RE.search(folded)) is not None:
            # "1011 啥意思": a close code asked about alone (1000–1015 are nothing else here).
            name = self._by_number.get(("websocket", int(m.group(1))))
            if name and asks_only_about(blanked(q.normalized, _DROPPED), {m.group(1)}):
                found.append((name, f"WebSocket 关闭码 {m.group(1)}", m.start()))
        if any(word in folded for word in _BROWSERS) and (m := _CHROMIUM_NUMBER_RE.search(folded)) is not None:
            # "chrome 报 -102": Chromium's own error number (its names are the negative numbers).
            name = self._by_number.get(("browser", -int(m.group(1))))
            if name:
                found.append((name, f"Chromium 错误号 -{m.group(1)}", m.start()))
        if (m := _MYSQL_CONNECT_RE.search(folded)) is not None and (name := errnos.name_of(int(m.group(1)))) in entries:
            # "ERROR 2003 (HY000): Can't connect to MySQL server on '10.0.0.8:3306' (113)": the
            # client prints the socket's errno last, in brackets.
            found.append((name, f"MySQL 客户端括号里的 errno {m.group(1)} 即 {name}", m.start(1)))
        if (
            "lookup " in folded
            and _GO_LOOKUP_TIMEOUT_NAME in entries
            and (m := _GO_LOOKUP_TIMEOUT_RE.search(folded)) is not None
        ):
            found.append((_GO_LOOKUP_TIMEOUT_NAME, "Go 解析域名超时（lookup …: i/o timeout）", m.start()))
        if "err" in folded:
            # "errno 111", "[Errno 104] Connection reset by peer", "WinError 10061": the number's name.
            for m in errnos.NUMBER_RE.finditer(folded):
                name = errnos.name_of(int(m.group(1)))
                if name in entries:
                    found.append((name, f"errno {m.group(1)} 即 {name}", m.start()))
        if "curl" in folded and _CURL_FAIL_NAME in entries and (m := _CURL_FAIL_RE.search(text)) is not None:
            # "curl -fsSL … 服务器返回了 404": with --fail, curl exits 22 on any status from 400.
            status = _FAILED_STATUS_RE.search(folded)
            if status is not None:
                found.append((_CURL_FAIL_NAME, f"curl {m.group().strip()} 遇到 HTTP {status.group()}", m.start()))
        at = folded.find(_LIBCURL_CERT)
        if at >= 0 and _LIBCURL_CERT_NAME in entries:
            # libcurl's own wording for exit code 60, wherever libcurl runs: git's "fatal: unable
            # to access '…': SSL certificate problem: …", PHP's cURL error. The OpenSSL reason
            # after it reads as its own card.
            found.append((_LIBCURL_CERT_NAME, "libcurl 的报错原文 SSL certificate problem", at))
        return found

    def _ws_range(self, family: str, number: int) -> str | None:
        if family != "websocket":
            return None
        for low in (3000, 4000):
            name = f"{low}-{low + 999}"
            if low <= number <= low + 999 and name in self.entries:
                return name
        return None

    # --- words ---------------------------------------------------------------------------
    def _by_topic(self, q: Query, best: dict[str, tuple[float, str, str]], offer) -> None:
        """At most a few dozen short topic words, each a substring test: linear in the query."""
        # Typed pinyin (several letters a character) is read when it asks in pinyin; an English
        # question is not made into syllables.
        typed = q.normalized.isascii()
        # Only word overlap read so far ("跨预请求被浏览器拦截了": 浏览器 and 拦截 share words
        # with the client-blocked cards) leaves room for the topic typed by its sound.
        if (
            all(tier == "words" and score < tuning.ANSWER for score, _, tier in best.values())
            and len(q.normalized) <= (_HEARD_MAX * 3 if typed else _HEARD_MAX)
            and (
                asks_or_reports_in_pinyin(q.folded)
                if typed
                else asks_for_help(q.folded)
                or asks(q.folded)
                or reports_trouble(q.folded)
                or any(w in q.folded for w in _STOPPED)
            )
        ):
            self._heard_topic(q, offer, apart=not best)
        # A symptom that is CORS's ("postman 能通，浏览器不行") tells failure in its own words.
        cors_told = _browser_only(q.folded) and _CORS_COMMONEST in self.entries
        if (
            not cors_told
            and technical_terms(q.folded) < tuning.NETWORK_TOPIC_TERMS
            and not any(w in q.folded for w in _TROUBLE)
        ):
            return  # "跨域电商今年还好做吗" names the word, not the topic
        # A family read confidently, or by more than word overlap, needs no topic reading.
        read = {
            self.entries[name].family
            for name, (score, _, tier) in best.items()
            if score >= tuning.ANSWER or (score >= tuning.CHOICES and tier != "words")
        }
        query = q.normalized
        if cors_told and not any(
            self.entries[name].family == "cors" and tier not in _LOOSE for name, (_, _, tier) in best.items()
        ):
            read.add("cors")
            _drop_loose(best, _CORS_COMMONEST)  # a likeness of some wording: the symptom says more
            # The CORS card whose own words the question shares ("…credentials…允许来源写的是星号"),
            # else the commonest case.
            told = self._specific_in_topic(q, "cors") or _CORS_COMMONEST
            offer(told, tuning.NETWORK_TOPIC, "浏览器里失败、别处正常（多半是跨域）", "topic")
        for word, name in self._topics:
            family = self.entries[name].family
            if family in read or word not in query:
                continue
            if query[query.find(word) + len(word) :].lstrip().startswith(_FINE_AFTER):
                continue  # "域名解析没问题，可是 TCP 握手没完成": the topic named as ruled out
            read.add(family)
            # The family's card whose own words the question shares beyond the topic's
            # ("加了自定义请求头就跨域报错" → the request-header card) is the likelier case.
            specific = self._specific_in_topic(q, family) or self._leading_in_topic(q, family, name)
            # A browser's own CORS line beside "Failed to fetch" (net::ERR_FAILED, a catch-all
            # at NETWORK_FALLBACK) says what failed: the CORS reading goes first.
            # So does a CORS cause told in words beside it ("…没带允许来源的头…JS 只拿到一个
            # TypeError: Failed to fetch").
            # And so does the browser's block told in words ("前端一直说请求被浏览器拦了 后端说我这边
            # 返回 200 没问题"): the failure the typed success does not undo.
            quoted = family == "cors" and (
                _quotes_cors(q.folded) or "failed to fetch" in q.folded or any(w in q.folded for w in _BROWSER_BLOCKED)
            )
            score = tuning.NETWORK_FALLBACK + 1 if quoted else tuning.NETWORK_TOPIC
            if specific is not None:
                offer(self._as_tool_says(specific, q), score, f"话题「{word}」里最贴切的一种", "topic")
            else:
                offer(self._as_tool_says(name, q), score, f"话题「{word}」（最常见的情形）", "topic")

    def _missing_header(self, q: Query, best: dict[str, tuple[float, str, str]], offer) -> None:
        """The CORS response header named as missing ("后端没返回 Access-Control-Allow-Origin",
        "Acess-Control-Allow-Orgin 没加"), its name typed a few letters off or not: the card
        for a response without it. Hyphenated words only, each compared once: linear."""
        if "-" not in q.folded or _CORS_COMMONEST not in self.entries:
            return
        if not any(word in q.folded for word in _MISSING_WORDS):
            return
        if any(
            name != _CORS_COMMONEST and self.entries[name].family == "cors" and tier not in _LOOSE
            for name, (_, _, tier) in best.items()
        ):
            return  # a more specific CORS card read already ("预检请求没返回 …": the preflight's)
        for m in islice(_HYPHENATED_RE.finditer(q.folded), _HYPHENATED_MAX):
            if OSA.normalized_similarity(m.group(), _ALLOW_ORIGIN, score_cutoff=_HEADER_SIMILARITY):
                _drop_loose(best, _CORS_COMMONEST)  # a likeness of an alias: the header named missing says more
                offer(_CORS_COMMONEST, tuning.NETWORK_FALLBACK, f"响应里缺少的头「{m.group()}」", "alias")
                return

    def _symptom(self, q: Query, best: dict[str, tuple[float, str, str]]) -> None:
        """A vague symptom and nothing else ("网站打不开了"): the cards it commonly is, as
        choices just below the status codes it commonly is (see bot.core.symptoms)."""
        symptom = self._symptoms.find(q.normalized)
        if symptom is None:
            return
        best.clear()
        for i, name in enumerate(symptom.targets):
            best[name] = (symptom.score(i, http=False), symptom.why, "symptom")

    def _leading_in_topic(self, q: Query, family: str, commonest: str) -> str | None:
        """With a case ruled out ("…不是那种域名根本不存在的"), the ``family`` card whose words
        the question shares clearly more than the commonest case's ("…过几秒又好了…临时没给结果"
        is EAI_AGAIN, not ENOTFOUND), even below the coverage a specific card needs."""
        if not q.memo.get("network.denied"):  # worked out with network.words (_by_words)
            return None  # only when the question rules a case out: the commonest is likely it
        rows = [(name, coverage) for name, coverage, _ in q.memo.get("network.words", ()) if self.entries[name].family == family]
        if not rows or rows[0][0] == commonest or rows[0][1] < tuning.NETWORK_TOPIC_LEADING:
            return None
        theirs = next((coverage for name, coverage in rows if name == commonest), 0.0)
        return rows[0][0] if rows[0][1] >= tuning.NETWORK_TOPIC_LEAD * theirs else None

    def _as_tool_says(self, name: str, q: Query) -> str:
        """The card of the tool the text names for a topic's failure ("curl 访问…解析不出…curl 会
        以哪个错误退出" is curl's CURLE_COULDNT_RESOLVE_HOST, not Node's ENOTFOUND): the first
        card of that tool's family among the card's see_also, if the card is not its own."""
        if "curl" not in q.folded or self.entries[name].family == "curl":
            return name
        return self._see_also_in(self.entries[name], "curl") or name

    def _see_also_in(self, entry: NetworkEntry, family: str) -> str | None:
        """The first card of ``family`` among ``entry``'s see_also (the same fault under another
        program's name), if any."""
        return next((n for n in entry.see_also if n in self.entries and self.entries[n].family == family), None)

    def _heard_topic(self, q: Query, offer, apart: bool = True) -> None:
        """A short question, or a short report of trouble, that types a topic word by its sound
        ("跨于问题怎么解决", "跨欲请求被拦截了 咋搞", "浏览器域名解西失败"): the topic's commonest
        card, as a near reading. ``apart``: a Latin word and its Chinese half written apart
        also count ("dns … 解析失败"), when nothing else was read (a card's words say more)."""
        query = q.normalized
        if any(word in query for word, _ in self._topics):
            return  # a topic word as written: the reading below
        heard = pinyin.key(query)
        for sound, word, name in self._topic_sounds:
            if word not in query and sound in heard:
                offer(name, tuning.NETWORK_TOPIC - tuning.JUST_BELOW, f"话题「{word}」（读音相同）", "heard")
                return
        if not apart:
            return
        typed = set(_LATIN_WORD_RE.findall(query))
        for latin, chinese, sound, word, name in self._mixed_topic_sounds:
            if typed.issuperset(latin) and sound in heard:
                # Apart ("dns 又抽风了…服务全报解析失败") or by sound ("dns jiexi shibai").
                how = "" if chinese in query else "（读音相同）"
                offer(name, tuning.NETWORK_TOPIC - tuning.JUST_BELOW, f"话题「{word}」{how}", "heard")
                return

    def _specific_in_topic(self, q: Query, family: str) -> str | None:
        """The ``family`` card sharing the most of the question's words beyond the topic's
        ("请求头里加了自定义的 X-Token 就报跨域" → the request-header card), if any shares two."""
        generic = self._topic_grams.get(family, frozenset())
        if family == "cors" and _quotes_cors(q.folded):
            generic |= _CORS_OPENING_WORDS
        for name, coverage, words in q.memo.get("network.words", ()):  # best coverage first
            if coverage < tuning.NETWORK_TOPIC_COVERAGE:
                break
            if self.entries[name].family != family:
                continue
            specific = [g for g in words.split("、") if g not in generic and g not in _GENERIC_GRAMS]
            if len(specific) >= tuning.NETWORK_TOPIC_SHARED:
                return name
        return None

    @staticmethod
    def _family_named(family: str | None, folded: str) -> bool:
        """Is the context ``family`` needs (gRPC, WebSocket) in the text, if it needs one?"""
        context = FAMILY_CONTEXT.get(family) if family else None
        return not context or any(word in folded for word in context)

    def _in_context(self, key: str, folded: str) -> bool:
        return self._family_named(self._needs_context.get(key), folded)

    def _by_words(self, q: Query, offer) -> None:
        query = q.normalized
        exact = self._exact.get(query)
        if exact is not None and self._in_context(exact.key, q.folded):
            offer(exact.target, tuning.EXPLICIT, exact.label, "alias")
        # The text as typed, then (when it differs) without the time words and adverbs put
        # inside a phrase ("证书昨晚过期了", "端口好像被占用了").
        tcp_handshake = _tcp_handshake_told(q.folded)
        elsewhere: bool | None = None  # worked out at the first browser card an alias names
        for text in dict.fromkeys((query, without_fillers(query))):
            padded = f" {text} "
            for choice in self._contained.find(padded):
                if not self._in_context(choice.key, q.folded) or ruled_out(padded, choice.key):
                    continue  # "…暂时失败，并不是域名不存在": the alias denied
                if tcp_handshake and self._tls_handshake(choice.key, choice.target):
                    continue  # "tcp 三次握手失败": TCP's handshake, not TLS's
                coverage = len(choice.key) / max(len(text), 1)
                # "grpc 请求超时" names the technology: more specific than the status alias inside it.
                tier = "named" if any(w in choice.key for w in _TECH_WORDS) else "alias"
                target = choice.target
                if self.entries[target].family == "browser":
                    if elsewhere is None:
                        elsewhere = _said_outside_the_browser(q.folded)
                    if elsewhere:
                        target = self._see_also_in(self.entries[target], "tls") or target
                offer(target, tuning.contained_alias(coverage), choice.label, tier)
        if 4 <= len(query) <= 80:
            for _key, score, index in self._typos.extract(query, 80, limit=3):
                choice = self._fuzzy_choices[index]
                if (
                    self._in_context(choice.key, q.folded)
                    and _words_slipped(choice.key, query)
                    and not negated_apart(query, choice.key)
                ):
                    offer(
                        choice.target, tuning.fuzzy_alias(score, len(query)), f"近似{choice.label}", "fuzzy"
                    )
        if (
            (len(query) <= tuning.HOMOPHONE_MAX_CHARS and cjk_count(query))
            # Pinyin typed, asking or reporting trouble in pinyin: several letters a character.
            or (query.isascii() and len(query) <= 3 * tuning.HOMOPHONE_MAX_CHARS and asks_or_reports_in_pinyin(q.folded))
            # Or a name typed whole in pinyin, nothing else but a particle ("lian jie bei ju jue",
            # "chong ding xiang tai duo ci le").
            or (query.isascii() and len(query) <= tuning.HOMOPHONE_MAX_CHARS and self._pinyin_name(query))
        ):
            self._homophones(q, offer)
        # Shared words are read below and by _specific_in_topic, each above its own coverage.
        told = min(tuning.NETWORK_MIN_COVERAGE, tuning.NETWORK_TOPIC_COVERAGE)
        # Read without the clauses that say what the question is not about.
        scored = q.memo["network.words"] = self._words.scores(self._undenied(q), words_from=told)
        for rank, (name, coverage, words) in enumerate(scored):
            if coverage < tuning.NETWORK_MIN_COVERAGE:
                break
            if not self._shares_enough(q, name, words):
                continue
            runner_up = scored[rank + 1][1] if rank + 1 < len(scored) else 0.0
            offer(name, tuning.network_words(coverage, runner_up), f"描述相近（{words}）", "words")
        self._asked_description(q, scored, offer)

    def _tls_handshake(self, alias: str, name: str) -> bool:
        """Is ``alias`` a TLS card's name for a handshake ("握手失败")? Not what a text about
        TCP's own handshake means (see _tcp_handshake_told)."""
        return "握手" in alias and self.entries[name].family == "tls"

    def _pinyin_name(self, query: str) -> bool:
        """Is ``query`` an alias typed in pinyin, whole, perhaps with 了 / 啦 / 啊 after it?"""
        sound = pinyin.key(query)
        for particle in _PINYIN_PARTICLES:
            if sound.endswith(particle):
                sound = sound[: -len(particle) + 1]
                break
        return sound in self._heard_as

    def _homophones(self, q: Query, offer) -> None:
        """A short question that types an alias by its sound ("重订向次数过多 网页打不开"), with
        its family's context where the literal alias needs it. Scored as the status kind scores
        a name heard (tuning.homophone), by the share of the question's Chinese it covers."""
        query = q.normalized
        sound = pinyin.key(query)
        # Typed pinyin ("zhengshu guoqi le liulanqi yizhi baocuo") is measured in letters.
        cjk = cjk_count(query)
        whole = cjk or sum(ch.isalpha() for ch in query)
        tcp_handshake = _tcp_handshake_told(q.folded)
        for choice in self._sounds.find(f" {sound} "):
            literal = self._heard_as[choice.key]
            if literal in query or not self._in_context(literal, q.folded):
                continue  # written as it is: read by the alias tiers
            if tcp_handshake and self._tls_handshake(literal, choice.target):
                continue  # "tcp woshou shibai": TCP's handshake, as in _by_words
            size = pinyin.syllables(choice.key) if cjk else len(choice.key.replace(pinyin.SEP, ""))
            coverage = min(size / max(whole, 1), 1.0)
            offer(choice.target, tuning.homophone(coverage), choice.label, "heard")

    def _asked_description(self, q: Query, scored: list[tuple[str, float, str]], offer) -> None:
        """A failure told or asked about in the asker's own words ("TCP 握手 SYN 发出去一直没回应，
        最后超时，这叫什么错误", "地铁上 wifi 切 4G 的时候请求全失败，控制台说网络已更改") covers less
        of a card than the words tier asks: its best card is offered when it clearly leads the next."""
        if not scored or scored[0][1] >= tuning.NETWORK_MIN_COVERAGE:
            return
        trouble = reports_trouble(q.folded)
        if not trouble and not (asks(q.folded) and any(w in q.folded for w in _ASKS_FOR_ERROR)):
            return  # "linux 怎么看哪个进程占用了端口" asks how, not which error
        named = [f for f, words in _PROTOCOL_WORDS.items() if any(w in q.folded for w in words)]
        # A browser named with an OpenSSL card in the lead: Chromium's name for the same fault.
        # (Among other cards a browser is only where the trouble showed: MIXED_CONTENT stays.)
        if named == ["browser"] and all(self.entries[row[0]].family != "tls" for row in scored[:2]):
            named = []
        least = tuning.NETWORK_ASKED_COVERAGE
        if not named and (_NOT_BROWSER_RE.search(q.folded) is not None or _OS_SIDE_RE.search(q.folded) is not None):
            scored = [row for row in scored if self.entries[row[0]].family != "browser"] or scored
            if any(ask in q.folded for ask in ERROR_NAME_ASKS):
                least = tuning.NETWORK_NAMED_ASK_COVERAGE
        if len(named) == 1:
            # "grpc 调下游超过截止时间就报错了": among the named protocol's cards (Go's context
            # deadline reads alike, but the question is about gRPC).
            scored = [row for row in scored if self.entries[row[0]].family == named[0]] or scored
            if named[0] != "browser" and (asks_for_status(q.folded) or any(w in q.folded for w in _CODE_OF_ASKS)):
                # "…按规范应该返回哪个 gRPC 状态": the protocol's own code is what is asked for.
                least = tuning.NETWORK_NAMED_ASK_COVERAGE
        name, coverage, words = scored[0]
        runner_up = scored[1][1] if len(scored) > 1 else 0.0
        if coverage < least or coverage < tuning.NETWORK_ASKED_LEAD * runner_up:
            return
        if self._shares_enough(q, name, words):
            score = tuning.network_words(coverage, runner_up)
            if least == tuning.NETWORK_NAMED_ASK_COVERAGE:
                score = max(score, tuning.CHOICES)  # a choice at least: NetworkKind.weigh places it
            offer(name, score, f"描述相近（{words}）", "words")

    def _shares_enough(self, q: Query, name: str, words: str) -> bool:
        """Enough of the card's words for a words reading, and its family's context present
        where it needs one: "这台机器 uptime …" shares 这台机器 alone."""
        if words.count("、") + 1 < tuning.NETWORK_MIN_SHARED or one_word(words):
            return False
        return self._family_named(self.entries[name].family, q.folded)


def _browser_only(folded: str) -> bool:
    """Does the text tell a request failing in the browser that works elsewhere, or a page and
    its API on two origins, with the browser's side failing? Substring tests only: linear."""
    if not any(w in folded for w in _BROWSER_SIDE) or not any(w in folded for w in _BROWSER_FAILS):
        return False
    tool = any(w in folded for w in _NOT_A_BROWSER) and any(w in folded for w in _TOOL_WORKS)
    return tool or any(w in folded for w in _TWO_ORIGINS)


def _drop_loose(best: dict[str, tuple[float, str, str]], name: str) -> None:
    """Forget ``name``'s reading if it is only a likeness (_LOOSE), so that a reading of what
    the text tells, offered next at a lower score, takes its place."""
    if best.get(name, (0.0, "", ""))[2] in _LOOSE:
        del best[name]
