"""Is a text about HTTP, APIs, servers or networks at all? (Separate from "which answer".)

Word overlap and whole-entry retrieval find *some* entry for almost any sentence; this
gate keeps them for texts that talk shop. Identifiers (a code, an error name, a pasted body)
never need it: their tiers stand on their own.

Linear: one pass of ``in`` tests over the folded text for a fixed list of terms.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable

from bot.core.cache import TextCache
from bot.core.lazyre import LazyPattern
from bot.core.pinyin import cjk_count
from bot.core.text import has_cjk

# Three digits standing alone that may be a status ("502", not "1502" or "50").
STATUS_NUMBER = r"(?<![0-9])[1-5][0-9]{2}(?![0-9])"

# Folded (lower-case, simplified) terms that only technical talk uses. Everyday words that
# chatter shares with the cards (版本, 上线, 地址, 时间, 问题) are deliberately absent.
TERMS = (
    "http",
    "https",
    "api",
    "url",
    "uri",
    "header",
    "retry-after",  # a header named: "429 回来的时候 Retry-After 怎么处理"
    "cookie",
    "token",
    "session",
    "json",
    "xml",
    "get ",
    "post",
    "put ",
    "delete",
    "patch",
    "options",
    "head ",
    "body",
    "nginx",
    "apache",
    "tomcat",
    "iis",
    "cdn",
    "dns",
    "ssl",
    "tls",
    "tcp",
    "proxy",
    "gateway",
    "server",
    "client",
    "request",
    "response",
    "redirect",
    "cache",
    "upstream",
    "backend",
    "frontend",
    "sdk",
    "oauth",
    "jwt",
    "请求",
    "响应",
    "服务器",
    "服务端",
    "客户端",
    "后端",
    "前端",
    "接口",
    "网关",
    "代理",
    "负载均衡",
    "上游",
    "超时",
    "重定向",
    "跳转",
    "缓存",
    "认证",
    "鉴权",
    "授权",
    "登录",
    "权限",
    "请求头",
    "响应头",
    "请求体",
    "参数",
    "请求方法",
    "状态码",
    "返回码",
    "报错",
    "错误码",
    "域名",
    "证书",
    "端口",
    "连接",
    "协议",
    "上传",
    "下载",
    "浏览器",
    "网页",
    "网站",
    "页面",
    "资源",
    "服务",
    "部署",
    "限流",
    "并发",
    "流量",
    "维护",
    "宕机",
    "挂了",
    "崩了",
    "日志",
    "调用",
    "签名",
    "格式",
    "编码",
    "内容类型",
    "实体",
    "媒体类型",
    "304",
    "源站",
    "反代",
    "集群",
    "实例",
    "数据库",
    "存储",
    "对象",
    "bucket",
    "云",
    "回源",
    "带宽",
    "防火墙",
    "网络",
    "握手",
    "预检",
    "跨域",
    "条件请求",
    "分块",
    "压缩",
    "websocket",
    "webdav",
    "grpc",
    "curl",
    # Frameworks and web-security words: English questions about them talk shop too.
    "django",
    "flask",
    "fastapi",
    "laravel",
    "express",
    "spring",
    "rails",
    "csrf",
    "cors",
    "ingress",
    "load balancer",
    "kubernetes",
    "k8s",
    "cloudflare",
    "webhook",
    "回调",
    "路由",
    "方法",
    "服务不可用",
    "找不到",
    "不存在",
    "被拒",
    "time_wait",
)


def is_technical(folded: str) -> bool:
    """Does the text (already folded: lower case, simplified Chinese) use a technical term?"""
    return any(term in folded for term in TERMS)


# Which part of a long text each term can occur in: an ASCII term inside a run of ASCII
# characters, a term of no ASCII character inside a run of the others, a mixed one anywhere.
_ASCII_RUNS_RE = re.compile(r"[\x00-\x7f]+")
_OTHER_RUNS_RE = re.compile(r"[^\x00-\x7f]+")
_TERM_PARTS = tuple((term, 0 if term.isascii() else 1 if _ASCII_RUNS_RE.search(term) is None else 2) for term in TERMS)


def _terms_in(folded: str) -> list[str]:
    """``[term for term in TERMS if term in folded]``.

    ``in`` on a text holding CJK scans it at a few µs per 4 KB, for each of 132 terms (~0.4
    ms on a Chinese log); the runs of each script, joined by a character no term holds, are
    scanned instead: ASCII ones at memchr speed, the others short. A term found in a part is
    in one run of it, so in the text, and every place of it in the text is in the part.
    """
    if folded.isascii() or len(folded) < _ONE_SCAN_FROM:
        return [term for term, _ in _TERM_PARTS if term in folded]
    parts = ("\x00".join(_ASCII_RUNS_RE.findall(folded)), "\x00".join(_OTHER_RUNS_RE.findall(folded)), folded)
    return [term for term, part in _TERM_PARTS if term in parts[part]]


def _technical_terms(folded: str) -> int:
    """How many distinct technical terms the text uses; a term inside a longer one found
    ("服务" in "服务器") does not count again."""
    found = _terms_in(folded)
    return sum(1 for term in found if not any(term != other and term in other for other in found))


# The status kind, the network kind and whole-entry retrieval each ask this of the same
# question (180 substring tests: ~10 µs on a sentence, ~0.1 ms on a 4 KB paste); a question
# asked again is answered by the service's answer cache, so the last few questions will do.
technical_terms = TextCache(_technical_terms, max_chars=256_000, max_entries=64)


# --- numbers: a status code, or a quantity? -------------------------------------------------
# A three-digit number in a text is a status code only when something makes it one: the text
# talks shop (a term above or a STATUS_WORDS word), a cue sits right beside the number ("报
# 500", "返回 404", "503 错误"), or the text asks about nothing but the number ("404 是什么",
# "502 了", "301 和 302 有啥区别"). Everyday lines with numbers ("503 今晚聚餐", "520 那天吃饭")
# have none of these. A unit, a counter or a place beside the number makes it a quantity even
# in shop talk ("服务器 500 块一个月", "QPS 500", "机房 502"). All checks look at a few
# characters around the number, or make one pass over the text: linear, no backtracking.

# Words that, anywhere in a text, make its bare numbers read as codes (beside TERMS).
STATUS_WORDS = (
    "返回",
    "响应码",
    "这个码",  # "刚才有人说 451，这个码是什么情况"
    "那个码",
    "这码",
    "错误",
    "出错",
    "异常",
    "error",
    "status",
    "code",
    "访问",
    "刷新",
    "打不开",
    "cloudflare",
    "ingress",
    "k8s",
    "postman",
    "qps",  # load figures: "qps 到 500 就开始 503"
    "tps",
    "压测",
    "axios",
    "fetch",
    "ajax",
    "小程序",
    "f12",
    "运维",
    "线上",
    "生产环境",
    "生产上",
    "安全组",
    "测试环境",
    "测试服",
    "预发",
    "灰度",
    "发版",
    "重启",
    "后台",
    "爬虫",
    "图片",
    # Cloud products and providers: "ECS 502", "OSS 403", "阿里云 404".
    "阿里云",
    "华为云",
    "腾讯云",
    "ecs",
    "oss",
    "cvm",
)
# Right before the number (light words such as 了/个 in between are skipped).
STATUS_BEFORE = (
    "报",
    "给我",
    "回我",
    "返回",
    "返",
    "回了",
    "回",  # "现在回 500 对吗" (a unit or a place after the number still makes it a quantity)
    "收到",
    "拿到",
    "得到",
    "出现",
    "显示",
    "提示",
    "弹出",
    "弹出来",
    "跳出来",  # "刷短视频突然跳出来个 404"
    "主要是",  # "5xx 比例上来了，主要是 504"
    "依然",  # "第 3 次重试后依然 503"
    "仍然",
    "依旧",
    "有人知道",  # "有人知道 511 吗" (a unit or a place after it is still a quantity)
    "谁知道",
    "有人懂",  # "群里有人懂 413 吗，传个 50M 的 excel 就报这个"
    "谁懂",
    "解释下",  # "能解释下 502 一般是什么原因吗"
    "解释一下",
    "科普一下",  # "求科普一下 451"
    "科普下",
    "求科普",
    "被问",  # "面试被问 206 什么场景会出现"
    "被问到",
    "冒出来",
    "蹦出来",
    "抛出",
    "遇到",
    "碰到",
    "又",
    "又是",
    "双叒叕",  # the web's "again and again": "又双叒叕 502 了"
    "一直",
    "老是",
    "总是",
    "全是",
    "都是",
    "一堆",
    "大量",
    "好多",
    "满屏",
    "一片",
    "跳",
    "跳到",
    "打开就",
    "点开就",
    "进去就",
    "一进就",
    "一点就",
    "提交就",
    "登录就",
    "点击就",
    "return",  # nginx's "return 444;"
    "状态",
    "状态吗",  # 码 typed by its sound: "状态吗 402 是干嘛的"
    "状态嘛",
    "状态马",
    "http",
    "code",
    "status",
    # A field of an SDK's exception or a log's key ("{status_code:400, error_code:...}").
    "status:",
    "status_code",
    "status_code:",
    "statuscode:",
    "http_status:",
    "error",
    "err",
    "resp",
    "rc",
    "got",
    "returned",
    "returns",
    "return",
    "responded",
    # "upload fails with 413", "keep getting 502", "the API throws 401".
    "fails with",
    "failed with",
    "failing with",
    "fail with",
    # "the site responded with 451", "came back with a 502".
    "responded with",
    "responds with",
    "respond with",
    "returned with",
    "came back with",
    "comes back with",
    "replied with",
    "errored with",
    "errors with",
    "getting",
    "receiving",
    "throws",
    "threw",
    "throwing",
    "=",
    "->",
    "=>",
)
# Right after the number.
STATUS_AFTER = ("错误", "错了", "报错", "页面", "状态", "异常", "error", "err", "重试", "page")  # "a 511 page on hotel wifi"
# A question that opens with the number and asks what one does with it: "503 可以重试吗",
# "429 要等多久", "301 会影响 seo 吗" (not "503 今晚聚餐", "302 的同学一起自习吗").
MODAL_AFTER = (
    "可以",
    "可不可以",
    "能不能",
    "能重试",
    "能带",
    "能缓存",
    "要带",
    "要等",
    "要求",
    "要返回",
    "要重试",
    "要不要带",
    "要怎么",
    "需要",
    "需不需要",
    "会影响",
    "会被",
    "会导致",
    "会不会",
    "该",
    "应该",
    "算",
    "算不算",
    "属于",
    "怎么",
    "如何",
    "为什么",
    "为啥",
    "一般",
    "通常",
    "到底",
    "真的",
    "有没有",
    "对应",
    "表示",
    "指的",
    "是不是",
    "是否",
)
_OPENERS = (
    "请问",
    "问下",
    "问一下",
    "那",
    "那么",
    "还有",
    "另外",
    "话说",
    "所以",
    # Group-chat openers: "各位大佬 请教一下 504 怎么排查".
    "请教一下",
    "请教",
    "各位大佬",
    "大佬们",
    "各位",
    "大家好",
    "大家",
    "兄弟们",
    "求助",
    "哈哈哈",
    "哈哈",
    "问个面试题",  # "晚上好各位，问个面试题：401 到底是什么意思"
    "面试题",
    "问个问题",
    "问个事",
    "早上好",
    "晚上好",
    "下午好",
    "中午好",
    "早",
)
_OPENER_PUNCT = " ,，:：!！~～。、"


def _only_openers(before: str) -> bool:
    """Is the text before a number nothing but openers ("各位大佬，请教一下")? At most a few
    are peeled off, each one a suffix test: bounded by the window the caller passes."""
    before = before.strip(_OPENER_PUNCT)
    for _ in range(4):
        if not before:
            return True
        opener = next((o for o in _OPENERS if before.endswith(o)), None)
        if opener is None:
            return False
        before = before[: -len(opener)].rstrip(_OPENER_PUNCT)
    return not before


# Weaker cues: they make a status of a number that ends its clause ("重启后 503", "扫码后
# 403 了"), not of a room in a plan ("下课后 201 见", "打开 301 的门").
WEAK_BEFORE = ("打开", "点开", "后", "之后", "以后", "时候", "时", "被", "突然", "居然", "竟然", "偶尔", "时不时", "偶发")
# A question about the number that ends its clause: "499 是啥", "老板问 499 是啥？" (but not
# "520 是什么日子").
STATUS_QUESTION_AFTER = (
    "不知道啥意思",  # "我这儿有个 409 不知道啥意思"
    "不知道什么意思",
    "不知道是啥",
    "不知道是什么",
    "是啥意思",
    "是撒意思",  # 啥 typed by its sound ("404是撒意思")
    "撒意思",
    "到底是啥",
    "是什么意思",
    "是什么",
    "什么意思",
    "啥意思",
    "是啥",
    "怎么办",
    "咋办",
    "咋整",
    "怎么破",  # "这个 403 怎么破": how to get past it
    "咋破",
    "怎么解决",
    "怎么回事",
    "咋回事",
    "什么情况",
    "啥情况",
    "是干嘛",
    "干嘛的",
    "是啥情况",
    "是什么情况",
    "是什么原因",
    "什么原因",
    "啥原因",
    "是什么问题",
    "什么问题",
    "啥问题",
    "是个啥",  # "话说 412 是个啥来着"
    "是啥状态码",  # "这个 444 是啥状态码"
    "是啥意思来着",  # "307 是啥意思来着"
    "什么意思来着",
    "啥意思来着",
    "是怎么回事",  # "431 是怎么回事"
    "是咋回事",
    "是什么状态码",
    "一般是什么原因",  # "502 一般是什么原因吗"
    "一般是啥原因",
    "是个什么",
    "是个啥来着",
    "是啥来着",
    "是什么来着",
    "到底是啥意思",  # "到底是啥意思，跟 404 不一样吗"
    "到底是什么意思",
    "到底什么意思",
    "具体是啥",
    "具体是啥意思",
    "具体是什么",
    "具体是什么意思",
    "具体啥意思",
    "是谁报的",  # "520是谁报的"
    "谁报的",
    "是谁断的",  # "499是谁断的": which side closed it
    "是谁断开的",
    "谁断的",
    "是干啥的",  # "话说 425 是干啥的"
    "是干啥",
    "干啥的",
    # "另外想问一下 409 一般什么场景用": when one uses it.
    "一般什么场景用",
    "什么场景用",
    "什么场景下用",
    "一般什么时候用",
    "什么时候用",
    "啥时候用",
    "用在什么场景",
    "有啥用",  # "话说 418 真有用吗", "428 有什么用"
    "有什么用",
    "真有用吗",
    "系咩嚟",  # "413 係咩嚟" (Cantonese; folded 係 → 系)
    "系咩意思",
    "系乜嘢",
    "系咩",
    "系乜",
    "是乜",
    "for?",  # "what's 451 for?"
    "mean",  # "what does 451 mean?"
    "means",
    # Typed in pinyin: "zhuangtaima 401 shi shenme yisi".
    "shi shenme yisi",
    "shi shen me yi si",
    "shenme yisi",
    "sha yisi",
    "shi sha yisi",
    "shi sha",
    "shi shenme",
    "zenme ban",
    "zenmeban",
)
# Pointing back at the number after a comma: "弹了个 511，这是什么".
POINTED_AFTER = ("这是什么", "这是啥", "这啥", "这个是什么", "这个是啥", "这又是什么", "这又是啥", "是什么意思", "啥意思")
_POINTING_COMMAS = frozenset("，,")
# Asking after a number what caused it or where to look, the sentence going on: "408 是因为我
# 网速太慢吗", "504 一般从哪儿查起".
STATUS_CAUSE_AFTER = (
    "是因为",
    "是不是因为",
    "一般从哪",
    "从哪查",
    "从哪儿查",
    "怎么查",
    "怎么排查",
    "一般怎么查",
    "一般先查",  # "500 一般先查哪"
    "一般怎么排查",
    "一般先看",
    "先查哪",
    "先看哪",
    "一般是哪",  # "405 一般是哪里配错了"
    "是哪里",
    "什么场景",  # "206 什么场景会出现"
    "啥场景",
    "什么时候会",
)
# The longest cue and a light word or two ("came back with a 502"): the cues are looked
# for at the end of this many characters before the number.
_CUE_WINDOW = max(map(len, STATUS_BEFORE)) + 4
_CLAUSE_END = frozenset("，。,.!?！？;；:：~～ 吗呀啊呢了哈")
# Light words skipped between a STATUS_BEFORE cue and the number ("报了个 403").
# English articles whole ("fails with a 413", "got the 502"), never the end of a word ("data").
_LIGHT = ("了个", "一个", "了", "个", "的", "是", "出", "着", "成", " a", " an", " the")

# A counter or unit right after the number: "500 块", "201 班", "300 多", "120 分".
UNIT_AFTER = frozenset(
    "元块钱刀斤克吨米个人年岁楼号层分秒天次页张件万千百亿度台条只辆本首位名户间套栋周月日样行字集章级场桌床瓶碗点多来余兆倍"
    "毫遍趟轮份箱双组批届期代种题"
)
# ... unless the character starts a word that is no counter ("页面", "分析", "点开").
NOT_UNITS = tuple(
    "分别 分析 分布 分块 分片 分段 分页 分配 分享 页面 行为 行吗 行不 字段 字符 点开 点击 点进 多久 多少 "
    "多半 多是 多指 多种 多重 多状态 多选 来自 来源 天啊 天天 代表 代码 代理 代替 期间 期望 组件 组合 批量 "
    "轮询 双向 份额 只是 只在 只有 只会 只要 只能 只出 只说 本身 本来 本地 名为 点明 毫无 条件 间歇 周期 "
    "首页 首次 位置 样式 场景 级别 元素 克隆 集群 集成 桌面 瓶颈 遍历 百度 日志".split()
)
# Latin units after a space ("300 ms", "256 gb", "400 dollars"); "500ms" never reads as a code.
LATIN_UNITS = frozenset(
    "ms s sec secs seconds min mins minutes h hrs hours days k kb m mb g gb t tb w kw km kg cm mm px hz "
    "fps qps rps tps kbps mbps usd rmb yuan dollars dollar bucks euros people users times pages words "
    "pm am x upvotes likes stars views votes points followers downloads bytes calls requests reqs "
    "connections rows records items lines messages retries attempts threads workers clients nodes pods".split()
)
# A place, a count or a price right after the number: "404 房", "302 路", "201 会议室", "100%".
QUANTITY_AFTER = (
    "端口",  # "SSH 改到 522 端口了"
    "机柜",  # "那台旧服务器放在 302 机柜"
    "公里",
    "千米",
    "英里",
    "并发",  # a load figure: "压测 200 并发", "500 qps"
    "qps",
    "tps",
    "门口",
    "房间",
    "房",
    "室",
    "路",
    "寝室",
    "宿舍",
    "班",
    "栋",
    "教室",
    "病房",
    "号楼",
    "包间",
    "包厢",
    "车位",
    "机房",
    "实验室",
    "会议室",
    "办公室",
    "小组",  # "我们组叫 404 小组"
    "那天",  # "520 那天发版纯属巧合"
    "之间",  # a range: "100 到 599 之间"
    "字节",
    "当天",
    "/s",  # a rate: "QPS 峰值到了 429/s"
    "/秒",
    "/min",
    "以上",
    "以下",
    "以内",
    "左右",
    "出头",
    "上下",
    "强",
    "开会",
    "集合",
    "排名",
    "一年",
    "一个月",
    "一月",
    "一天",
    "一次",
    "一张",
    "一份",
    "一台",
    "每",
    "/年",
    "/月",
    "/天",
    "/次",
    "包年",
    "包月",
    "上课",
    "自习",
    "不锈钢",  # a grade of steel: "304 不锈钢"
    "%",
    "‰",
    "分之",
)
# A place, a price, a measure or a counting verb right before the number: "会议室 503",
# "尾号 404", "第 200", "满 300", "涨了 500", "QPS 500", "端口 443".
QUANTITY_BEFORE = (
    "errno",  # an OS error number: "[Errno 101] Network is unreachable"
    "winerror",
    "第",
    "¥",
    "$",
    "￥",
    "约",
    "共",
    "花了",
    "充了",  # money put in: "可是我刚充了 100"
    "充值",
    "大约",
    "满",
    "减",
    "涨到",
    "降到",
    "上限",  # "连接数峰值 480，上限 500"
    "峰值",
    "层",  # "2 号楼 5 层 501 是运维办公室"
    "调到",  # a setting: "最大连接数调到 500"
    "调成",
    "设到",
    "设为",
    "设成",
    "加到",
    "能到",  # a load figure: "QPS 能到 300", "并发 500 的时候"
    "达到",
    "才到",  # "峰值 QPS 才到 429"
    "压到",  # "QPS 压到 503 就上不去了"
    "压测到",
    "前端组",  # a team's room or number: "前端组 203 的小李"
    "后端组",
    "测试组",
    "运维组",
    "产品组",
    "代号",  # "项目代号叫 404"
    "代号叫",
    "只到",
    "最高到",
    "峰值",
    "跑到",
    "扛到",
    "撑到",
    "qps",
    "qps 才",  # "QPS 才 200，怎么就 429 了"
    "qps才",
    "qps 只有",
    "qps只有",
    "tps",
    "并发",
    "并发数",
    "连接数",
    "涨了",
    "跌了",
    "亏了",
    "赚了",
    "省了",
    "借了",
    "转了",
    "还剩",
    "剩",
    "降价",
    "打折",
    "打完折",
    "折后",
    "售价",
    "只要",
    "仅需",
    "价格",
    "人均",
    "押金",
    "房租",
    "工资",
    "月薪",
    "分数",
    "总分",
    "平均分",
    "考了",
    "限速",
    "身高",
    "体重",
    "会议室",
    "实验室",
    "办公室",
    "机房",
    "包间",
    "座位",
    "床位",
    "车厢",
    "号码",
    "房间",
    "房号",
    "房间号",
    "尾号",
    "门牌",
    "门牌号",
    "工号",
    "编号",
    "学号",
    "取件码",
    "验证码",
    "密码",
    "宿舍",
    "教室",
    "病房",
    "车次",
    "车位",
    "手机号",
    "楼",
    "栋",
    "单元",
    "住",
    "住到",
    "搬到",
    "隔壁",
    "room",
    "rm",
    "gate",
    "apartment",
    "apt",
    "suite",
    "bus",
    "route",
    "flight",
    "qps",
    "tps",
    "rps",
    "并发",
    "端口",
    "端口改成",  # "ssh 端口改成 522 了"
    "改到",  # "SSH 改到 522 端口了" (the unit after it says so too)
    "序列号",
    "后三位是",
    "树莓派",  # a model: "树莓派 400"
    "leetcode",
    "pid 为",
    "pid",
    "三年",  # a price: "阿里云 ECS 三年 599"
    "一年",
    "两年",
    "端口改为",
    "端口设成",
    "端口号",
    "port",
    "超时时间",
    "超时设置",
    "timeout",
    "能到",
    "达到",
    "超过",
    "不到",
    "低于",
    "高于",
    "突破",
    "绩点",
    "排名",
    "破",
    "访问量",
    "请求量",
    "调用量",
    "流量",
    "用量",
    "数量",
    "个数",
    "次数",
    "人数",
    "条数",
    "总数",
    "请求数",
    "连接数",
    "并发数",
    "错误数",
    "耗时",
    "延迟",
)
# What a question about the numbers alone may also say: "301 和 302 有啥区别", "收到一个 207，
# 这是啥", "201 是成功吗". normalize() has already dropped fillers (是什么, 怎么办, 了, 吗).
FRAME_WORDS = frozenset(
    "和 跟 与 或 或者 还是 vs 对比 比较 区别 不同 不一样 一样 差别 分别 到底 有啥 有什么 什么 啥 怎么 咋 "
    "哪个 用哪个 选哪个 怎么选 选 该用 用 该 关系 在哪 哪里 代表 含义 意味着 干嘛 干嘛的 干嘛用的 用的 的 "
    "情况 这是 这 这个 那个 是 正常 成功 失败 原因 为什么 为啥 又 又是 一直 老是 总是 全是 收到 遇到 碰到 "
    "出现 一个 个 时候 场景 意思 解释 那 那么 还有 如果 如果是 要是 换成 改成 变成 影响 "
    "优缺点 好处 坏处 能不能 可以 可不可以 会不会 合适 适合 哪个好 更好 更 最 一点 推荐 标准 规范 code http status error err "
    "见过 听过 听说过 遇到过 碰到过 知道 懂 神马 神么 社么 "
    # The English frame: "what's the difference between 401 and 403", "what does 418 mean".
    "what whats s is the a an and or versus between difference differences mean means meaning does do of".split()
)
_FRAME_LONGEST = max(len(w) for w in FRAME_WORDS)
_WINDOW = 12  # characters looked at on either side of a number
TERSE_REST = 2  # characters besides the number that still make a text a bare lookup


def _one_of(words: tuple[str, ...]) -> Callable[[str], bool]:
    """``lambda text: any(word in text for word in words)``, the quickest way for the text.

    A short text ("503", "404 是什么") is searched by one alternation of the words (~0.1 µs
    against ~1-2 µs for a Python loop over them). In a longer ASCII text only the ASCII words
    can occur, and ``in`` runs at memchr speed. A longer text holding CJK is searched word by
    word up to ``_ONE_SCAN_FROM`` characters (a 2 KB trace: ~1 µs against ~9 for the
    alternation); beyond that each ``in`` scans it again (~1.5-6 µs on 4 KB for each of tens
    of words) and the one scan of the alternation wins. The pattern compiles on first use.
    """
    ascii_words = tuple(w for w in words if w.isascii())
    pattern = LazyPattern(lambda: "|".join(map(re.escape, words)))

    def found(text: str) -> bool:
        if len(text) <= _SHORT_TEXT:
            return pattern.search(text) is not None
        if text.isascii():
            return any(word in text for word in ascii_words)
        if len(text) < _ONE_SCAN_FROM:
            return any(word in text for word in words)
        return pattern.search(text) is not None

    return found


_SHORT_TEXT = 64  # characters: up to here one alternation beats the words' ``in``
_ONE_SCAN_FROM = 256  # characters of a non-ASCII text: from here one scan beats them again


# Words that make a text a question ("茶壶是哪个码", "错误网管是啥"), however short.
QUESTION_WORDS = tuple(
    "什么 啥 哪 怎么 咋 如何 为何 为啥 吗 ? ？ 多少 几 多久 是否 是不是 会不会 能不能 可不可以 需不需要 有没有 谁懂 "
    "要不要 该不该 合不合适 对不对 行不行 用不用 "
    "神马 神么 社么 撒意思 是撒".split()  # 神马: the web's 什么; 神么 and 社么 typed by sound; 撒 for 啥
)
_question_word = _one_of(QUESTION_WORDS)


def ruled_out(padded: str, key: str) -> bool:
    """Is every occurrence of ``key`` in the text just after a denial ("不是没登录那种", "并非超时",
    "并不是域名不存在"), or inside a "不是…那种" aside ("注意不是有凭证但权限不够那种")?"""
    at = padded.find(key)
    while at >= 0:
        if (
            not denied_before(padded, at)  # "是不是中间证书没配全" asks
            and not _in_denied_aside(padded, at, key)
            and not _compared_against(padded, at, key)
        ):
            return False
        at = padded.find(key, at + 1)
    return True


def denied_before(text: str, at: int, reach: int = 4) -> bool:
    """Does a denial ("不是", "并非" ...) end right before position ``at`` of ``text`` (within
    ``reach`` characters, spaces aside)? Not "是不是", which asks."""
    before = text[max(0, at - reach) : at].rstrip()
    return before.endswith(DENIALS) and not before.endswith("是不是")


def _in_denied_aside(padded: str, at: int, key: str) -> bool:
    """"不是有凭证但权限不够那种": a denial a few characters back in the same run, and the kind
    of case named right after the key."""
    if not padded.startswith(_ASIDE_ENDS, at + len(key)):
        return False
    run = padded[max(0, at - _ASIDE_REACH) : at]
    run = run[run.rfind(" ") + 1 :]  # within the key's own run of characters
    found = max((run.rfind(d) for d in DENIALS), default=-1)
    return found >= 0 and not run[:found].endswith("是")  # not "是不是…"


def _compared_against(padded: str, at: int, key: str) -> bool:
    """"…应该回哪个？跟权限不够那个有啥区别": the case named only as what the asked one is set
    against."""
    if not padded[max(0, at - 2) : at].rstrip().endswith(_AGAINST):
        return False
    # The matching form has "有啥区别" taken out as a question's frame: "跟权限不够那个" is left.
    return padded.startswith(_COMPARED_ENDS, at + len(key)) or padded[at + len(key) :].strip() in _ASIDE_ENDS


_AGAINST = ("跟", "和", "与")
_COMPARED_ENDS = ("那个有啥区别", "那个有什么区别", "那种有啥区别", "那种有什么区别", "那个的区别", "那种的区别")
_ASIDE_ENDS = ("那种", "的那种", "那个", "的情况", "那类")
_ASIDE_REACH = 10


DENIALS = ("不是", "并非", "而非", "并不是", "不属于")
_CLAUSE_SPLIT_RE = re.compile(r"[^，。；？！,;?!()（）]+")


def without_denied(folded: str) -> str:
    """``folded`` without the clauses that open with a denial ("…抛出来的错误码是哪一个？不是那种
    域名根本不存在的"): their words describe what the question is not about. Unchanged when
    no clause does (or every one does)."""
    if not any(d in folded for d in DENIALS):
        return folded
    kept = [
        m.group()
        for m in _CLAUSE_SPLIT_RE.finditer(folded)
        if not (c := m.group().lstrip()).startswith(DENIALS) or c.startswith("是不是")
    ]
    rest = "，".join(kept)
    return rest if rest.strip() else folded


def asks(folded: str) -> bool:
    if "什么都" in folded or "什么也" in folded:
        # "一切安好，什么都不用解释": everything, nothing, not a question ("为什么什么都没返回"
        # still asks by its other 什么).
        folded = folded.replace("什么都", "都").replace("什么也", "也")
    if "了几次" in folded or "了好几次" in folded:
        # "AccessDenied 了几次，…已处理": a count told ("…了几次？" still asks by its mark)
        folded = folded.replace("了好几次", "了").replace("了几次", "了")
    if "是否" in folded:
        # "HEAD 请求可以用来检查资源是否存在": a check's object, not a question ("是否…?" still asks by its mark).
        folded = _CHECKS_WHETHER_RE.sub(r"\1", folded)
    return (
        _question_word(folded)
        or ("还是" in folded and _EITHER_CODE_RE.search(folded) is not None)
        or _ends_with_ma(folded)
    )


# 是否 after a verb of checking, in the same clause: literal-led, bounded gap.
_CHECKS_WHETHER_RE = re.compile(r"(?<=检查|判断|确认|检测|校验|查看)([^，。,?？!！\n]{0,12}?)是否")


def _ends_with_ma(folded: str) -> bool:
    """Does the text end on 么 as on 吗 ("是创建成功么", "这样可以么"), not on 这么 / 那么 / 要么?"""
    end = folded.rstrip(" .。!！~～")
    return end.endswith("么") and not end.endswith(_NOT_MA)


_NOT_MA = ("这么", "那么", "多么", "要么", "什么", "怎么", "干么")


# A choice between two codes, weighed in the same clause, is a question without a question word
# ("返回 200 还是 204 比较规范呀"); not one told as settled ("204 还是 200，最后按规范定了 204").
# Led by a character class: the engine skips to the next digit 1-5 in C; the gap is bounded.
_EITHER_CODE_RE = re.compile(
    r"[1-5](?<![0-9][1-5])[0-9]{2}\s?还是\s?[1-5][0-9]{2}(?![0-9])[^，。,.!！\n]{0,8}?(?:呀|呢|啊|吧|好|合适|规范|正确)"
)


# Programs outside any browser or cloud console, named in lower case ("Node 里", "python 脚本"):
# what they raise is their own error (a regex alternation, for the kinds to compose).
PROGRAM_NAMES = r"node|python|golang|php|java(?!script)"

# A question typed in pinyin ("wangguan chaoshi shi duoshao", "kuayu wenti zenme jiejue").
PINYIN_ASK_RE = re.compile(
    r"(?<![a-z])(?:shi ?duo ?shao|shi ?shen ?me|shi ?sha|shi ?ji|shi ?na ?ge|zen ?me ?ban|zen ?me ?jie ?jue|zen ?me ?gao|zen ?me ?pai ?cha"
    r"|sha ?yi ?si|shen ?me ?yi ?si|you ?sha ?qu ?bie|qu ?bie ?shi ?sha|you ?shen ?me ?qu ?bie"
    r"|dai ?biao ?(?:shen ?me|sha)|shi ?gan ?ma|ma$)(?![a-z])"
)


# Trouble reported in pinyin ("kuayu baocuo", "zhengshu guoqi le liulanqi yizhi baocuo").
PINYIN_TROUBLE_RE = re.compile(
    r"(?<![a-z])(?:bao ?cuo|shi ?bai|chu ?cuo|guo ?qi|da ?bu ?kai|lian ?bu ?shang|bei ?lan ?jie)(?![a-z])"
)


def asks_or_reports_in_pinyin(folded: str) -> bool:
    """Does typed pinyin ask a question or report trouble ("kuayu wenti zenme jiejue", "kuayu baocuo")?"""
    return PINYIN_ASK_RE.search(folded) is not None or PINYIN_TROUBLE_RE.search(folded) is not None


# Asking for help or an explanation, however the rest of the text reads ("新人问个问题别笑我😂
# 200 和 201 有啥区别", "插个问题：API 返回 422 …", "这个又是啥原因"), or addressing someone
# ("@助手 …"): the chatter model never withdraws an answer to these (see asks_for_help).
HELP_WORDS = tuple(
    "意思 区别 原因 为什么 为啥 怎么办 怎么解决 怎么处理 怎么排查 怎么回事 咋办 咋整 咋回事 咋弄 干嘛 啥用 什么用 什么可能 哪些可能 "
    "哪错 看一眼 看一下 看下 帮忙 帮我 求助 救救 请教 问个 问一下 问下 顺便问 谁知道 有人知道 谁见过 有人见过 谁遇到过 有人遇到过 "
    "讲讲 解释 查啥 还能查 还能怎么 还能咋 怎么定位 如何定位 咋定位 有人在吗 有人吗 有没有人 在线等 急急急 救命 🆘 @".split()
)
_help_word = _one_of(HELP_WORDS)


# An error's name opening a sentence that says what it was ("EPIPE 是对端先关了连接，我们这边写日志时
# 忽略掉了", "gRPC RESOURCE_EXHAUSTED 是消息超过默认 4MB 上限", "EAI_AGAIN 在 docker 里是 DNS 临时解析
# 失败"): the cause told, not asked.
# Anchored: one pass over the opening word and name.
# A pasted line opening the text counts as the name ("curl: (28) operation timed out 是出口白名单
# 没加", "net::err_ssl_protocol_error 那个是 443 上跑的 http"): up to 240 ASCII characters, one
# clause of them (no comma, no full stop and space before a word: "… is invalid. idp 是 adfs"
# tells a setting; "api.x.com" is a name).
_TOLD_CAUSE_RE = re.compile(
    # \A: only ever matched at the start (a search would try the 240-character lead everywhere).
    r"\A(?:(?:[^ ,，。:]{1,8} ){0,3}(?:的 ?)?(?:[a-z][a-z0-9_.]{3,}[a-z0-9]|[0-9]{4}) ?(?:在 ?[^ ,，。]{1,12} ?[里上中这边] ?)?"
    r"|(?:(?:那个|这个) ?)?(?:[\x00-+\-/-\x7f]|\.(?! [a-z])){4,240}?)(?:(?:——|--) ?)?(?:的 ?)?(?:(?:那个|这个) ?)?(?:就|其实|一般)?"
    r"是(?!不是|否|什么|啥|哪|多少|怎么|怎样|咋|为什么|因为什么)"
)


# The cause found and told ("405 那个找到原因了，前端把 PUT 写成了 PATCH", "终于查到了，ECONNRESET 是…",
# "x509: … 是因为镜像里没装 ca-certificates"): a remark, not a question about the cause.
FOUND_CAUSE = ("找到原因了", "原因找到了", "查到原因了", "终于查到了", "查出来了", "找到了", "原来是", "破案了")
FOUND_CAUSE += ("最后发现", "结果发现", "后来发现", "已确认是", "根因是", "果然是", "已经查到了")


# "原因：nginx proxy_temp 目录权限不对", "408 的原因是 SLB …": the cause given, not asked for.
# Firefox's own "（原因：CORS 头缺少 …）" is no help asked for either: it is the error pasted
# (and no cause told: _BECAUSE_RE leaves it out).
_CAUSE_GIVEN = r"原因(?:是|:) ?(?!什么|啥|哪|多少|怎么|为什么|不明)"
_CAUSE_GIVEN_RE = re.compile(_CAUSE_GIVEN)
# "… 导致 APIG.0307，SDK 里加了自动刷新": a cause and its effect, then what was done (a clause
# after it; "客户端提前断开导致 broken pipe" alone asks whether it does). Bounded gap.
# "这个是公司中间人代理搞的", "是 CDN 的锅": who or what did it, told. Bounded gaps.
_BECAUSE_RE = re.compile(
    r"是因为(?!什么|啥|哪)|.导致[^，,]{0,60}[，,]|(?<!不)是[^，,。]{1,24}(?:搞的|的锅)|(?<![(（])" + _CAUSE_GIVEN
    # "curl 28 超时是安全组没放 8080", "这次是 inotify watcher 满了": what was missing or wrong.
    + r"|(?<![不还])是(?!不是|否)[^，,。?]{1,20}?(?:没放|没配|没开|没加|忘了|漏了|少了|多了|满了|(?<![没不])(?:写错|配错|拼错|填错))"
)
# Someone else's question retold, then answered ("刚有人问 502 告警咋回事：是我在压测，忽略就好").
_ASKED_AND_ANSWERED_RE = re.compile(r"(?:有人问|大家问|同事问|老板问|在问)[^:?]{0,30}:")


# "结果是" and what was wrong ("排查到三点，结果是 hosts 文件写错了", "结果是 uploadId 被生命周期规则
# 清掉了"), not what came out ("telnet 了一下，结果是 connection refused"). Literal-led, bounded gap.
_RESULT_CAUSE_RE = re.compile(
    r"结果是[^,，。?]{0,30}?(?:被|没|忘|漏|写错|配错|填错|弄错|搞错|改错|不对|过期了|满了|挂了|停了|关了)"
)


# A question its teller answers at once ("为啥又是 ECONNREFUSED？因为 redis 没起，我的锅"):
# a cause told. Bounded gap; "?" is how folding writes "？".
_SELF_ANSWERED_RE = re.compile(r"(?:为啥|为什么|咋又|怎么又)[^?]{0,40}\? ?因为")


def _self_answered(folded: str) -> int:
    """Where the answer starts after a question the text answers itself (0: none)."""
    found = _SELF_ANSWERED_RE.search(folded) if "因为" in folded else None
    return found.end() if found is not None else 0


# A cause told and the trouble not gone ("…是对端重启了，但重启完也没好").
_YET = ("但", "可是", "明明", "却", "没好", "没用", "不管用")


def tells_cause(folded: str) -> bool:
    """Does the text say what caused the error it names (opening with the name and going on to
    say what it was, "是因为 …", or a cause found), asking nothing?"""
    if any(word in folded for word in _YET):
        return False  # "ERR_CERT_DATE_INVALID 是证书过期，可证书明明是新的": told, and yet
    answer = _self_answered(folded)
    if answer:
        rest = folded[answer:]
        return "?" not in rest and not asks(rest)
    return (
        (
            _TOLD_CAUSE_RE.match(folded) is not None
            or _BECAUSE_RE.search(folded) is not None
            or any(found in folded for found in FOUND_CAUSE)
            or ("结果是" in folded and _RESULT_CAUSE_RE.search(folded) is not None)
        )
        and "?" not in folded
        and "还是" not in folded
        and not asks(folded)
    )


# The error named only to set it aside ("跟 ENOTFOUND 无关哈，纯好奇：…"): whatever is asked
# after it is not about that error. Anchored on the disclaiming word before the name.
_DISOWNED_RE = re.compile(r"(?:跟|和|与) ?[a-z][a-z0-9_.:]{2,40} ?(?:无关|没关系|没有关系|关系不大)")


# Told for others, not asked: written down ("EPIPE 和 ECONNRESET 的区别笔记放 wiki 了", "1006 我写进
# FAQ 了"), advice for next time ("以后大家遇到 EAI_AGAIN 先看看 CoreDNS 是不是被打爆了") or a plan
# ("准备写个 ws 重连库，计划 1001 自动重连"). Literal-led, no unbounded gap; advice and plans anchored.
_RECORDS = ("wiki", "faq", "文档", "笔记", "知识库", "readme", "confluence", "语雀", "手册")
_RECORDED_RE = re.compile(
    r"(?:写进|写到|写在|放到|放进|放在|记到|记在|记进|整理到|整理进|整理在|加到|加进|补到|补进|放) ?了? ?"
    rf"(?:{'|'.join(_RECORDS)})(?:里|上|中)? ?了"
)
_ADVICE_RE = re.compile(
    r"\A(?:(?:以后|下次|今后|往后)(?:大家|各位)?|(?:大家|各位)(?:以后|下次|今后))(?:再)?(?:遇到|碰到|看到|见到|出现)"
)
_PLAN_RE = re.compile(r"\A(?:准备|打算|计划)(?:写|做|搞|加|上|弄|改|给|把)")
# The same in English, with its time ("we should adopt problem+json next quarter").
_PLAN_EN = ("we should", "we'll", "we will", "let's", "we plan to", "we're going to", "planning to")
_PLAN_WHEN_EN = ("next quarter", "next sprint", "next week", "next month", "next year", "next release")
# A story recalled ("还记得那次 CDN 回源全是 504 吗"): its "吗" asks no one anything.
_RECALLED_RE = re.compile(r"\A(?:还记得|记不记得|记得)(?:那次|上次|之前|去年|以前|当年|那年)")


def plans(folded: str) -> bool:
    """Does the text open with a plan ("准备写个重试…", "打算把…统一成 401")? Asking about it is
    asking about the code it names; telling it is not (tells_others)."""
    if _PLAN_RE.match(folded) is not None:
        return True
    return any(w in folded for w in _PLAN_WHEN_EN) and any(w in folded for w in _PLAN_EN)


def tells_others(folded: str) -> bool:
    """Does the text write something down, advise others for next time or tell a plan, asking
    nothing ("先看看 … 是不是 …" is what to check, not a question) and asking no one for help?"""
    if _RECALLED_RE.match(folded) is not None:
        return "?" not in folded and not any(word in folded for word in _LOOK_FOR_ME)
    told = (
        _ADVICE_RE.match(folded) is not None
        or plans(folded)
        or (any(word in folded for word in _RECORDS) and _RECORDED_RE.search(folded) is not None)
    )
    return told and "还是" not in folded and _asks_no_one(folded.replace("是不是", ""))


def _asks_no_one(text: str) -> bool:
    """No question, and no one asked for help (帮 in any form, 求助, 救救)."""
    return "帮" not in text and not any(word in text for word in _LOOK_FOR_ME) and not asks(text)


# Who wrote or changed the code ("UNAVAILABLE 自动重试的代码是谁写的？写得真漂亮", "日志里全是
# NullPointerException，谁写的代码没判空"): asked of colleagues, praise or blame, not of the bot.
_WHO_DID_IT = ("谁写的", "谁改的", "谁提交的", "谁合的", "哪位写的", "哪个大佬写的", "谁把")


# Something of one's own that cannot be reached now: who changed it is asked because of it
# ("redis 连不上报 ENETUNREACH，路由表昨天谁改的？").
_CANNOT_REACH = ("连不上", "连不通", "调不通", "访问不了", "打不开", "上不去", "ping 不通", "ping不通")


# Failing on and on since someone did something ("谁把测试机 redis 停了？服务一直 ECONNREFUSED"),
# or failing again since someone changed something ("短信又报模板参数格式错误了 谁改的模板啊"):
# the outage is one's own, asked about. Not so after 谁写的 ("谁写的接口，一直返回 500": a jab).
_ON_AND_ON = ("一直", "总是", "老是", "又抽风", "又崩了", "又挂了")
_AGAIN = ("又报", "又出", "又开始", "又挂")
# Not knowing who changed it ("桶策略我也不知道谁改的"): one's own setting changed under one,
# told beside the error, not a question to colleagues.
_DO_NOT_KNOW_WHO = ("不知道谁改", "不知道是谁改", "不知道被谁改", "不清楚谁改", "不清楚是谁改")


def asks_who_did_it(folded: str) -> bool:
    """Is the only question in the text who wrote or changed something (and nothing of one's
    own out of reach because of it)?"""
    if not any(word in folded for word in _WHO_DID_IT) or any(word in folded for word in _CANNOT_REACH):
        return False
    if "谁把" in folded and any(word in folded for word in _ON_AND_ON):
        return False
    if "谁把我" in folded:
        return False  # "是谁把我 key 禁了": one's own thing taken away, the error of it asked about
    if "谁改" in folded and any(word in folded for word in (*_ON_AND_ON, *_AGAIN, *_DO_NOT_KNOW_WHO)):
        return False
    return _asks_no_one(blanked(folded, _WHO_DID_IT).replace("?", " "))


# How to put something to another person ("老板问为什么接口不能秒回，我该怎么跟他解释"): help with
# the telling, not with an error. Literal-led, bounded gap.
_EXPLAIN_TO_RE = re.compile(r"(?:怎么|如何|咋)(?:跟|和|给|向)[^,，。?]{0,8}解释")
# "…我该怎么编": an excuse to make up, not 编码 / 编译 / 编辑 (one character looked at after it).
_MAKE_UP_RE = re.compile(r"(?:怎么|咋)编(?=$|[?？。,，!！啊呢吧个理借])")


def asks_how_to_explain(folded: str) -> bool:
    """Does the text ask how to explain something to someone, or what excuse to make up?"""
    if "编" in folded and _MAKE_UP_RE.search(folded) is not None:
        return True
    return "解释" in folded and _EXPLAIN_TO_RE.search(folded) is not None


def disowns(folded: str) -> bool:
    """Does the text say the identifier it names has nothing to do with what it asks?"""
    return ("无关" in folded or "关系" in folded) and _DISOWNED_RE.search(folded) is not None


# The name itself remarked on: its spelling left wrong for years ("阿里云那个 Forbbiden 拼写错误居然
# 一直没改 😂"), not an error met.
_MISSPELT_NAME = ("拼写错", "拼错了", "拼错")
_LEFT_AS_IS = ("没改", "没修", "强迫症")


def remarks_on_the_name(folded: str) -> bool:
    return any(w in folded for w in _MISSPELT_NAME) and any(w in folded for w in _LEFT_AS_IS)


def works_elsewhere(folded: str) -> bool:
    """Does the text say the same thing works somewhere else ("真机 request:fail timeout，模拟器是
    好的", "后端直接访问是正常的", "安卓手机打不开但电脑可以")? That is someone narrowing down their
    own trouble, not a remark."""
    return "是好的" in folded or _works_otherwise(folded) or _BUT_WORKS_THERE_RE.search(folded) is not None


def _works_otherwise(folded: str) -> bool:
    """Another way round works ("后端直接访问是正常的", "本地是正常的"): the trouble is still there."""
    return "正常" in folded and _WORKS_OTHERWISE_RE.search(folded) is not None


# "…打不开，但电脑可以", "…可是用 curl 能访问": a contrast, then another device or client where it
# works. Literal-led, gaps bounded.
_BUT_WORKS_THERE_RE = re.compile(
    r"(?:但|可是|而)[^,，。?]{0,6}?(?:电脑|pc|本地|浏览器|手机|模拟器|别的|其他|另一|postman|curl|内网|外网)"
    r"[^,，。?]{0,6}?(?:可以|正常|没问题|能打开|能访问|能连|打得开|连得上|访问得了)"
)
# Each alternative opens with a literal; the gap is bounded.
_WORKS_OTHERWISE_RE = re.compile(
    r"(?:直接访问|直接请求|直接调|直连|本地|单独访问|自己访问|浏览器|postman|手机|别的机器|其他机器|另一台|绕过[^,，。]{0,8}"
    # Another identity ("子用户调报没授权，主账号调是正常的"): the permission is what differs.
    r"|主账号|主账户|管理员账号|root 账号|root账号)"
    r"[^,，。]{0,6}(?:是正常的|调(?:用)?(?:都)?正常|请求(?:都)?正常)"
)


def asks_for_help(folded: str) -> bool:
    """Asks for help, is addressed to someone, or tells what broke after a change ("…升级好了，
    然后就 502 了")."""
    if "解释" in folded:
        folded = folded.replace("不用解释", " ").replace("无需解释", " ").replace("不需要解释", " ")  # no explaining needed
    if any(found in folded for found in FOUND_CAUSE):
        folded = blanked(folded, FOUND_CAUSE)  # "405 那个找到原因了": the cause told, not asked for
    if "原因" in folded:
        folded = _CAUSE_GIVEN_RE.sub(" ", folded)  # "408 的原因是 SLB 的空闲超时…": told, not asked
    if "问" in folded:
        folded = _ASKED_AND_ANSWERED_RE.sub(" ", folded)  # "刚有人问 502 告警咋回事：是我在压测"
    answer = _self_answered(folded)
    if answer:
        folded = folded[answer:]  # "为啥又是 …？因为 redis 没起": asked and answered by the teller
    if "@" in folded and ("谢" in folded or "thank" in folded or "thx" in folded):
        folded = _THANKED_RE.sub(" ", folded)  # "🙏感谢 @老王，ENETUNREACH 原来是…": thanks, not a call for help
    return (
        _help_word(folded)
        or _THEN_CODE_RE.search(folded) is not None
        or (("吗" in folded or "嘛" in folded) and _CAUSE_ASKED_RE.search(folded) is not None)
    )


# Someone thanked by name: the "@" calls no one for help. Literal-led, the name bounded.
_THANKS_TO = r"(?:感谢|谢谢|多谢|thanks|thank you|thx) ?@"
_THANKED_RE = re.compile(_THANKS_TO + r"[^ ,，。!！]{1,24}")


# Whether a cause is the one asked ("这个 502 是因为上游超时吗", "是缓存问题吗"): the asker's own
# guess. Bounded gaps.
_CAUSE_ASKED_RE = re.compile(
    r"是(?:不是)?因为[^，,。!！]{1,30}[吗嘛]|是[^，,。!！]{1,20}(?:问题|原因|导致|引起|造成)的?[吗嘛]"
)


# A remark that the problem is gone or in hand ("那个问题已经解决了", "修好了，谢谢",
# "线上 500 小李已经在跟了", "CDN 缓存刷新好了") names an error without asking about it.
SETTLED_WORDS = (
    *"解决了 已解决 搞定了 修好了 弄好了 没事了 恢复了 已修复 好了 做完了 写完了 已完成 完成了 "
    "已经在跟 在跟了 在跟进 跟进中 已处理 处理好了 已经调 调大了 调高了 上线了 已上线 续好了 "
    "已经转给 已转给 转给他们 复盘 背锅 背的锅 等着吧 都没有 一个都没 "
    "工单我已经提了 工单已经提了 已提工单 提了工单 再说吧 笑死 笑疯 "
    # Announcements and hand-offs: "期间会返回 503，大家别慌", "阈值调大到 100 了，有问题随时喊我".
    "已经加了 加好了 改好了 调大到 调整到 明天上线 今晚上线 别慌 随时喊我 有问题喊我 有问题找我 发群里了 大家看看 "
    # Notices, reports and cheers: "请各业务方知悉", "5xx 0 次……无异常", "把 500 错误清零了", "占比 99.98%，很稳".
    "跟大家说一声 说一声 知悉 全体成员 注意适配 辛苦了 恭喜 清零 无异常 表情包 占比 很稳 挺管用 拦掉了 周报 发布完成 降到 人生 "
    # Changes made and tips shared: "我把那个接口改成返回 201 了", "网关那边的 502 告警我已经关了，
    # 是误报", "404 是因为路由前缀漏了 /api，已修", "分享一下：cf 522 一般是源站防火墙没放行".
    "改成返回 都改成 已经改成 设成 设置成 调到 我加了 误报 已修 已回滚 回滚了 已经定位 "
    "已经关了 不用管 不用问 见怪不怪 扩完了 扩容完了 充值了 重建了 没问题了 都处理完了 设计稿 "
    "提醒一下 分享一下 大家注意 踩了个 踩坑 的坑 悠着点 抱歉 "
    # Figures reported: "昨天 5xx 一共 12 次", "4xx 比例 0.2%，比预期好", "404 errors down to 2 today".
    "一共 比例 比预期 阈值改成 阈值调到 "
    # Conventions announced and reports closed: "新版 API 创建成功统一返回 201 了，下游已经适配",
    # "401 那个问题不用看了", "我們的 503 是維護模式故意回的，別緊張", "测试报告：…全部通过".
    "统一返回 统一改成 统一为 已更新 已经适配 已适配 记得改 撒花 完美 拉黑 做成了 扩到 全部切到 "
    "不用看了 别紧张 故意回的 给新人 全部通过 测试报告 批下来 已经修了 文档里加了 先别动 我们约定 "
    "属预期 预期现象 无需上报 无需处理 我更新了 补全了 已经生效 已生效 虚惊一场 自己去看 都正常了 "
    "排查完了 结案 已恢复 改到了 已经处理了 学到了 涨知识 统一收敛 提醒: 比上周 比昨天 环比 同比 "
    "加上了 已经上线 收工 公告已发 是正常的 下个版本改 吵起来 ✅ 那边确认过 刚充了 充了 放心用 已补 "
    "续上了 我笑了 维护到 最喜欢的状态码 是我的内心 是我对 一目了然 清理中 最浪漫的 最优雅的 最讨厌的状态码 "
    # Stories of the past, news and interviews told: "上次那个网关超时的问题，最后查出来是…",
    # "面试被问了 301 和 302 的区别，我答上来了", "新闻：某云厂商宕机 3 小时".
    "去年我们 去年双十一 上次那个 之前我们 新闻: 时间线 白起了 记忆犹新 培训案例 后来改了 后来加了 后来发现 最后查出来 踩过 "
    "答上来了 说反了 凉了 这篇 文章不错 分享个 推荐个 "
    # Jokes from life and venting: "女朋友问我爱不爱她，我回了个 200 OK", "抢票一直 503，心态崩了".
    "女朋友 男朋友 相亲 加薪 蛋糕 我家猫 我家狗 好有文化 程序员的浪漫 心态崩了 烦死 真服了 投诉 "
    # A meme talked about ("418 我是茶壶这个梗真是百看不厌"), not asked about ("418 是什么梗").
    "这个梗 那个梗 "
    "帮忙排查 已经修复 已经解决 已合入 cherry-pick 先观察 解释过了 "
    # Handed to someone for the logs: "我已经让客户端同学去捞日志了".
    "去捞日志了 去查日志了 去拉日志了 "
    # A change made and its expected effect: "从 60 改到 120 了，504 应该能少点", "无所谓".
    "应该能少 应该会少 会少很多 能少点 无所谓 "
    # Decisions and conventions settled, alerts in hand: "就这么定了", "评审会已通过", "一律 404",
    # "@老王 已经在处理了", "联调通过了", "前端降级表现正常".
    "决定了 我们决定 组里决定 就这么定 已经定了 上次定了 一律 已通过 别混用 别再争 我同意 "
    "在处理了 已经在处理 联调通过 表现正常 已经跟 顺便说一句 "
    # A cause found and the fix told: "…是电脑时间停在 2019 年…… 改了就好", "加了 30s 心跳就稳了".
    "改了就好 改完就好 就稳了 就通了 已充值 已经恢复 记录一下 记一下 工单批了 放弃了 我宣布 再也没出现 原来是我 "
    # A lesson given, labelled as one: "科普：…", "教新人：curl 35 一般就是 TLS 握手挂了".
    "科普: 科普下: 教新人 给新同学 "
    # Plans and fixes told: "明天把 gRPC 客户端重试策略加上 UNAVAILABLE", "规则已放行".
    "明天把 明天给 回头把 计划把 充完 已放行 散了散了 "
    # Lessons and notices: "说个冷知识：…", "教大家一招：…", "我写进 FAQ 了", "忽略就好", "那台老机器明天下线".
    "很正常 冷知识 教大家 写进 吃一堑 明天下线 忽略就好 已发 "
    # Venting and notices labelled as such, help already given: "吐槽一下，…", "【通知】…", "我已经帮你 systemctl start 了".
    "吐槽 【通知】 写了篇 已经帮你 "
    # The cause found and dealt with: "是 key 被删了，已经换新的", "不用查了", "是符合预期的".
    "已经换 已经充值 不用查了 符合预期 正常现象 "
    "已经加 已经配上 配上了 联调通了 预期行为 本周上线 报告已发 说个笑话 "
    "已经归档 群公告 开好了 配好了 演练完成 轮换完成 迁移完成 切换完成 没有报错 挺平静 大家按这个写 先这样配 "
    # An alert put off: "线上那个 ECONNRESET 的告警我先静默了，明天再查".
    "先静默 静默了 明天再查 回头再查 "
    # Someone on it, or put off by the teller: "IT 说在修了", "回家再弄吧".
    "在修了 正在修 再弄吧 回家再 我是sb 我真傻 "
    "已加 已改成 改买 已通知 不是bug 别再 记住了 可以忽略 就行了 后正常 ,正常 只能等 明早再 先加了 上调了 补了 买到了 回头我 重签了 "
    # Back up, worked round, put off, closed: "chronyd 挂了…已经拉起来了", "加了 devServer proxy 就绕过去了",
    # "回来再看", "已联系对方加白".
    "拉起来了 已调整 已经定位 之后ok 稳了 绕过去了 回来再看 就过了 学到一个 已经处理 已经发给 已联系 "
    "加白 已经放行 先这样吧 写给新人 修了 都换成 已经提工单 明天生效 年度最佳 "
    # Worked round or in hand: "换到 I 区买上了", "配额申请已提交，预计明天批", "清完了", "没再出现".
    "买上了 已提交 清完了 没再出现 之后恢复 下次规划 下次直接 下次记得 开出来了 全通了 改造完毕 升级解决 顶着 "
    # Done, or handed to the user to try: "内网 CA 已经打进基础镜像了", "我让他换个网络试试".
    "已经打进 我让他 我让她 "
    # Fixed, told with 已 and the step ("已调大 MaxRecvMsgSize", "chrony 已装", "已查明是代理"),
    # or closed ("问题结束了", "配额已经提上去了").
    "已调大 已调高 已扩容 已装 已安装 已升级 已回滚 已续费 已开通 已查明 已定位 问题结束了 提上去了 "
    # Back after the fix: "放行后恢复", "ntp 同步后恢复", "调到 65535 之后没再报", "我帮你改了".
    "放行后恢复 同步后恢复 没再报 帮你改了 "
    # The step and its outcome told: "已改异步", "已申请提额", "换了规格创建成功".
    "已改 已申请 创建成功".split(),
    # Phrases with a space ("不是 bug", "ok 了", "closing the ticket"), and "fyi" as a word
    # ("modifyinstance" holds it); English words after a space, not inside a name
    # ("ERR_NAME_NOT_RESOLVED", "prefixed").
    "不是 bug",
    "docs updated",
    "之后 ok",
    "已经 renew",
    "ok 了",
    "closing the ticket",
    "no longer reproduces",
    "我是 sb",
    " fixed",
    " resolved",
    "已经 reload",
    "down to",
    "nice work",
    "fyi ",
    "fyi:",
    "decision:",
    "back under",
    "spike is gone",
    "tuned it",
)
# ... unless it goes on to say the trouble is still there: "证书续好了还是报错",
# "好了，又 502 了", "重启好了但是打不开". Trouble that persists outlasts even a step told
# after it ("上传还是 413，client_max_body_size 已经改成 50m").
# Trouble still there, or coming and going ("刷新一下又好了": it was back to normal after a
# refresh, so it comes back too; "重启一下就好了" is a fix told).
PERSISTS = ("还是", "仍然", "依然", "依旧", "仍旧", "还没好", "还出现", "还会出现", "still", "又好了")
TROUBLE_WORDS = (
    *PERSISTS,
    *"还报 还在 又 不好 不行 不了 无法 不能 没法 不通 一直 总是 老是 但 可是 却 突然 结果 返回说 无效 以后就 之后就 偶尔 again".split(),
    # A setting refused ("adminPass 设成 123456 被拒了"): what was done failed.
    *"被拒 被拦 被驳回".split(),
    # Steps listed as tried ("CA 已经打进镜像了，update-ca-certificates 也跑了"): done, and not enough.
    *"也跑了 也试了 也执行了 也重启了 也装了 也配了 也清了 也换了 也检查了 也确认了 也查了".split(),
)
# "204 还是 200": a choice between two codes, not trouble persisting.
_EITHER_RE = re.compile(r"[0-9] ?还是")


_settled_word = _one_of(SETTLED_WORDS)
# A settling word inside a description of the fault itself: "服务端那边其实可能已经处理完了", "errno
# 设成了对应的值", "双方都没有收发过关闭帧", "收到的数据比预期的要少", "老板又催上线了" (not launched).
_NOT_SETTLING = (
    *("可能已经", "设成了对应", "都没有收", "都没有发", "比预期的要少", "比预期的少", "比预期少", "催上线"),
    # A program giving up is the failure told ("…来回跳了很多次，浏览器最后放弃了"), not the asker.
    *("浏览器放弃了", "浏览器最后放弃了", "浏览器就放弃了", "客户端放弃了", "客户端最后放弃了", "chrome 放弃了", "chrome 最后放弃了"),
    *("超时放弃了", "直接放弃了", "报错放弃了", "到点就放弃了"),  # "重传了几次最后超时放弃了": the retries gave up
    # A step tried that ruled something out ("…提示没有到主机的路由，防火墙我已经关了"), not an alert closed.
    *("防火墙我已经关了", "防火墙已经关了", "防火墙我也关了", "防火墙也关了", "selinux 已经关了", "selinux 也关了"),
    # Nothing found where the cause should show ("后台日志一点东西都没有", "日志里啥都没有"): a clue
    # told, not "一个 404 都没有了".
    *("东西都没有", "啥都没有", "什么都没有", "记录都没有", "内容都没有", "一个字都没有", "日志都没有", "请求都没有"),
    # Done to the teller's machine, not a change made ("他电脑的系统时间被改到了 2015 年").
    "被改到了",
    # Blacklisted by someone else ("签名不存在或被拉黑"): done to the asker, not a block they set.
    *("被拉黑", "被加入黑名单"),
    # A precondition just met, and still refused ("报签名不合法，老板说签名刚批下来").
    *("刚批下来", "刚审批下来", "刚审核通过"),
)
_trouble_word = _one_of(TROUBLE_WORDS)
# A step the asker took, told after "可是 / 明明 / 可我 / 但我" ("返回 403，说余额不足，可是我刚充了钱"): the
# complaint that it did not help, not the trouble put right ("API 明明建好了": a verb may come
# first). Bounded prefix, then literals.
# So is another party's word for it ("后端说他 header 已经加了", "运维说是已经扩容了"): a claim, the
# trouble still told; and what a console shows ("可是控制台显示已通过"): the state that should have worked.
_DID_IT_ANYWAY = ("可是", "明明", "但是", "可我", "但我", "说他", "说她", "说是", "说已经", "说早就")
_DID_IT_ANYWAY_RE = LazyPattern(
    lambda: "(?:(?:可是|明明|但是)(?:控制台|后台|页面)?(?:里|上)?显示(?:的是|是)?"
    "|(?:可是|明明|可(?=我)|但(?=我))(?:我们|我)?(?:刚刚|刚|已经|都|也)?[^，。,]{0,2}?"
    "|说(?=他|她|是|已经|早就)(?:他们|他|她|是)?(?:早就|已经|都|也)?[^，。,]{0,8}?)(?:"
    + "|".join(map(re.escape, sorted(SETTLED_WORDS, key=len, reverse=True)))
    + ")"
)


# A guess at the cause, up to its clause's end ("提示 upload id 不存在，可能已经终止或者完成了"):
# what may have happened is the message retold, not the trouble in hand. Literal-led, bounded.
_GUESSED_RE = re.compile(r"可能已经[^,。.;；!?]{0,12}")


# A step already taken, told as the last words after the trouble ("…提示 The specified bucket
# does not exist，appid 后缀我加了", "…返回拒绝访问，桶策略里已经加了这个用户"): "I did add it", the
# obvious fix ruled out, not a fix told. Searched in the text's last characters only; every
# alternative opens with a literal, and what was added is a few characters at most.
_DID_ADD_LAST_RE = re.compile(
    r"(?:我也|我已经|我都|我|也|都|里已经)加(?:过|上)?了(?:这个|那个)?[^\s,。.!?]{0,4}?[啊呀的呢吧]?[.!~ ]*$"
)
_DID_ADD_TAIL = 18


def _told_settled(folded: str) -> bool:
    """Does the text hold a word saying the trouble is in hand (not one after 可是 / 明明 …)?"""
    if not _settled_word(folded):
        return False
    tail = _DID_ADD_LAST_RE.search(folded, max(0, len(folded) - _DID_ADD_TAIL))
    if tail is not None and reports_trouble(folded[: tail.start()]):
        folded = folded[: tail.start()]
        if not _settled_word(folded):
            return False
    if any(words in folded for words in _NOT_SETTLING):
        folded = _GUESSED_RE.sub(" ", folded) if "可能已经" in folded else folded
        folded = blanked(folded, _NOT_SETTLING)
        if not _settled_word(folded):
            return False
    if not any(word in folded for word in _DID_IT_ANYWAY):
        return True
    return _settled_word(_DID_IT_ANYWAY_RE.sub("还是", folded))


# "我把 nginx 升级了，然后就 502 了": what came of a change is trouble.
_THEN_CODE_RE = re.compile(r"就\s?(?:一片|一堆|全是|满屏)?\s?[1-5][0-9]{2}")


# A change told as the text's last words ("单帧超过 1M 被服务端拒了，改成分片发了"): what was done.
# Literal-led, bounded gap, searched in the text's last characters only.
_CHANGED_LAST_RE = re.compile(r"(?:改成|换成|改用|换用|改为)[^,，。?!]{1,20}了$")
_CHANGED_TAIL = 28


def _changed_last(folded: str) -> bool:
    return _CHANGED_LAST_RE.search(folded, max(0, len(folded) - _CHANGED_TAIL)) is not None


# A version moved to ("Go 升级到 1.22.3 了", "node 切到 v20.11"): a release note.
_UPGRADED_RE = re.compile(r"(?:升级|升|更新|切)到\s?v?[0-9]+(?:\.[0-9]+)+")


def _told_done(folded: str) -> bool:
    """Does the text tell the trouble in hand: a settling word, a version moved to, or a change
    as its last words? (Whether trouble outlasts it is the callers' test.)"""
    return _told_settled(folded) or _UPGRADED_RE.search(folded) is not None or _changed_last(folded)


# A code worn as a mood or a motto ("周一的我：404 Not Found", "本人状态 410 Gone", "我们团队的口号：
# 永远 200 OK", "回消息像 204"): a joke told, not a question.
_MEME_RE = re.compile(
    r"(?:的我|我的状态|精神状态|本人状态|今日状态|今天状态|今天的状态|的态度|口号|像)\s?[:：]?\s?(?:永远\s?)?[1-5][0-9]{2}"
    # A mood named by its reason phrase ("今天心情：服务不可用", "我这周的状态：Internal Server Error").
    r"|(?:的我|我的状态|这周的状态|今日状态|今天心情|精神状态|本人状态)\s?[:：]"
    # A mood as a code ("今天心情 503，暂时不提供服务").
    r"|心情\s?[:：]?\s?[1-5][0-9]{2}(?![0-9])"
    # A code said back in a joke ("我回了个 200 OK", "说我是 404", "我和周末的关系：301").
    r"|(?:我回了个|说我是|我是|的关系[:：]|印着|今天的我是)\s?[1-5][0-9]{2}"
    # Oneself as 418's teapot, after something ("…永远是 418，我是茶壶我不干"): the reason phrase
    # worn; alone at the start it is the name asked about.
    r"|,我是(?:一个|个|一把)?\s?茶壶|, 我是(?:一个|个|一把)?\s?茶壶| 我是(?:一个|个|一把)?\s?茶壶"
    # Oneself as a code ("我 502 了，脑子网关超时", "我已经 429 了", "老板一句话我直接 500",
    # "我今天整個人就是 500", "I'm running on 503 today", "gonna 204 this meeting").
    r"|我(?:已经|直接|今天)?\s?[1-5][0-9]{2}\s?了|我直接\s?[1-5][0-9]{2}|整(?:个|個)人(?:就是)?\s?[1-5][0-9]{2}"
    # One alternative per opening word: a shared "i" would be factored out of a group.
    + "".join(
        rf"|{w}(?<![a-z]{w}) (?:running on |so |totally |basically )?[1-5][0-9]{{2}}(?![0-9])" for w in ("i'm", "i am", "im")
    )
    + r"|gonna(?<![a-z]gonna) [1-5][0-9]{2}(?![0-9])"
)


# The words every alternative of _MEME_RE starts with.
_MEME_STARTS = ("的我", "我的状态", "精神状态", "本人状态", "今日状态", "今天状态", "今天的状态", "的态度", "口号", "像", "这周的状态")
_MEME_STARTS += ("今天心情", "心情", "我回了个", "说我是", "我是", "的关系", "印着", "今天的我是")
_MEME_STARTS += ("我", "整", "i'm", "i am", "im", "gonna", ",我是", ", 我是", " 我是")
# ASCII text holds only the English words, and their alternatives need a space after them.
_MEME_LATIN_WORDS = tuple(f"{w} " for w in _MEME_STARTS if w.isascii())
# The English words only where _MEME_RE's alternatives for them can match: not after a
# letter, a space after them ("timeout", "limit" in a trace were each a match of the whole
# pattern tried). Each alternative still starts with a literal: the engine skips in C.
_MEME_START_RE = re.compile(
    "|".join(re.escape(w) for w in _MEME_STARTS if not w.isascii())
    + "".join(f"|{re.escape(w[0])}(?<![a-z]{re.escape(w[0])}){re.escape(w[1:])} " for w in _MEME_STARTS if w.isascii())
)


def _meme(folded: str) -> bool:
    """``_MEME_RE.search(folded) is not None``, tried only where one of its words starts: its
    alternatives lead with groups, and the engine tried the whole pattern at every position
    (~125 µs on 4 KB); the words alone, one alternation of literals, it skips to in C."""
    if len(folded) > _SHORT_TEXT and folded.isascii() and not any(w in folded for w in _MEME_LATIN_WORDS):
        return False  # a trace's 2 KB scanned for "i"s and "g"s (~16 µs) against ~1 µs of finds
    start, match = _MEME_START_RE.search, _MEME_RE.match
    found = start(folded)
    while found is not None:
        if match(folded, found.start()) is not None:
            return True
        found = start(folded, found.start() + 1)
    return False


def _wears_a_code(folded: str) -> bool:
    """:func:`_meme` of the text, "重定像 301" read as 重定向 typed by its sound, not a code worn
    as a simile ("回消息像 204")."""
    return _meme(folded.replace("定像", "定向") if "定像" in folded else folded)


def jokes(folded: str) -> bool:
    """Is a code (or its name) worn as a mood or a motto ("周一的我：404", "今天心情：网关超时")?"""
    if len(folded) > _SHORT_TEXT:
        return not asks(folded) and _wears_a_code(folded)  # the cheaper test first (~2 µs against ~40 on 4 KB)
    return _wears_a_code(folded) and not asks(folded)  # on a short text the rarer one first


def labelled_notice(folded: str) -> bool:
    """Does the text open with a label saying it is a notice or a record ("【通知】…", "记录：…",
    "Postmortem：…"), asking nothing?"""
    if "?" in folded:
        return False
    folded = folded.lstrip(_LABEL_DRESS)
    if folded.startswith(_NOTICES):
        return True
    if not folded.startswith(_NOTES) and _TEACHING_RE.match(folded) is None:
        return False
    # A note, unless its first clause asks ("科普：ECONNRESET 是什么意思", "总结：504 怎么排查");
    # a lesson may go on to say what to ask ("…，先查对端为什么关").
    first = _FIRST_CLAUSE_RE.match(folded)
    return not asks(first.group() if first is not None else folded)


# The English words that settle, inside a name ("指定了 fixed_ip 创建"): no word of their own.
_IN_NAME_RE = re.compile(r" (?:fixed|resolved)(?=[a-z0-9_])")


# Groans that open a text about trouble outlasting what was done ("烦死了😡 COS 上传报
# AccessDenied，CAM 策略明明配了"): the trouble is the news, the groan settles nothing. Said
# after the trouble ("又 502 了，真服了") or over a story ("真服了，用户说打不开，…他家断网了")
# they close a remark.
_GROANS_FIRST = ("烦死了", "烦死", "真服了")
STILL_FAILING = (*_ON_AND_ON, "明明")


# Someone thanked by name first ("谢谢 @小李 大佬，证书续期以后 ERR_CERT_DATE_INVALID 没了 🙏"): with the
# trouble said gone, a thank-you note.
_THANKED_FIRST_RE = re.compile(_THANKS_TO)
_GONE_SINCE = ("没了", "好了", "正常了", "没再")


def _settled(folded: str) -> bool:
    if _THANKED_FIRST_RE.match(folded) is not None and any(word in folded for word in _GONE_SINCE):
        return True
    if folded.startswith(_GROANS_FIRST) and any(word in folded for word in STILL_FAILING):
        folded = folded[len(next(g for g in _GROANS_FIRST if folded.startswith(g))) :]
    if " be resolved" in folded:
        # nginx's "… could not be resolved (3: Host not found)": a failure, not " resolved".
        folded = folded.replace(" be resolved", " be unresolved")
    if " fixed" in folded or " resolved" in folded:
        folded = _IN_NAME_RE.sub(" ", folded)
    if labelled_notice(folded):
        return True  # "【通知】…期间如果看到 … 稍等几分钟刷新即可": a notice asks nothing
    if _works_otherwise(folded):
        return False  # "APIG.0201 后端不可用，后端直接访问是正常的": not "是正常的" as in expected
    if folded.rstrip(" ?!.~").endswith(_INDIGNANT) and not tells_trouble_gone(folded):
        return False  # "…报没权限，子账号已经加了 AssumeRole 的策略了啊": done, and still failing
    return _settled_as_told(folded) and not riddle(folded)


# A step told as done, ending in indignation: the trouble is still there.
_INDIGNANT = ("了啊", "了呀", "了啊啊", "了的啊", "了哇", "都没有啊", "都没有呀")


def _settled_as_told(folded: str) -> bool:
    return _settled_long(folded) if len(folded) > _SHORT_TEXT else _settled_short(folded)


# A failure told at length in words, with its cause found at the end and no name for it
# ("我的 Node 程序连本机 3306 一启动就报错说对方主动拒绝了连接，后来发现 mysql 根本没启动"):
# the name the story leaves out is what its teller asks for. A story that names its error
# ("上次那个 502 最后查出来是…", "ECONNRESET 是对面重启了，已经恢复") is a remark.
_RIDDLE_MIN = 30  # Chinese characters: a story, not a remark
_CAUSE_FOUND = (
    *("后来发现", "最后查出来", "最后发现", "原来是", "才发现", "结果是", "最后是", "后来是"),
    *("就好了", "后就好了", "就通了", "才行", "才解决", "后恢复", "后来处理完", "其实后来"),
)
# What names an error: a status, a Chromium or errno name, a cloud code with a dot ("throttling.user",
# "apig.0301"; not a file or a host: "resolv.conf", "example.com"), OpenSSL's x509, CORS, a message
# quoted in English. Literal- or class-led, bounded.
_NAMED_RE = re.compile(
    STATUS_NUMBER
    + r"|err_[a-z]"
    r"|(?<![a-z])e(?:conn|addr|host|net|ai_|pipe|timedout|notfound|acces|perm|proto)[a-z_]*"
    r"|[a-z]{3}\.(?!(?:conf|json|ya?ml|com|cn|net|org|io|js|ts|py|log|txt|xml|html?|sh|d)(?![a-z]))[a-z0-9]"
    r"|x509|cors|跨域"
    # A message quoted in English ("报 unable to verify the first certificate"): four words or more.
    r"|(?<![a-z])[a-z]{1,20} [a-z]{1,20} [a-z]{1,20} [a-z]{1,20}(?![a-z])"
)


def riddle(folded: str) -> bool:
    """Is the text a failure told at length with its cause found and its name left out?"""
    if not any(word in folded for word in _CAUSE_FOUND) or cjk_count(folded) < _RIDDLE_MIN:
        return False
    # Settled by nothing but the cause found or the fix told ("虚惊一场", "教训：" settle a remark).
    return (
        reports_trouble(folded)
        and _NAMED_RE.search(folded) is None
        and not _told_settled(blanked(folded, _CAUSE_FOUND))
    )


# A notice labelled as one, at the start of the text (folded: ":" for "：").
_NOTICES = ("【通知】", "【公告】", "[通知]", "[公告]", "通知:", "公告:", "转发一则公告:", "转发公告:", "记录:", "复盘:", "postmortem:")
# A note for others: teaching, a tip, a lesson, a status update ("写给新人：EPIPE 就是 …").
_NOTES = (
    *("写给新人:", "给新人:", "科普:", "小知识:", "备忘:", "笔记:", "tips:", "tip:", "fyi:", "psa:"),
    *("总结:", "结论:", "经验:", "教训:", "进展:", "同步:", "update:"),
    *("今天学到:", "学到了:", "分享一个坑:", "分享个坑:", "踩坑:", "踩坑记录:", "避坑:"),
    *("全员注意:", "提醒:", "温馨提示:"),
)
# Symbols a label may be dressed in ("⚠️全员注意：…").
_LABEL_DRESS = "⚠️❗‼📢🔔🚨📌💡*! "
# Up to the first comma or full stop (folded: "," for "，"). Bounded by the text.
_FIRST_CLAUSE_RE = re.compile(r"[^,。.;；]*")


# A lesson or a convention told to others, labelled ("给实习生讲了下：ETIMEDOUT 是 …", "说下规范：
# 鉴权失败统一返回 UNAUTHENTICATED …"). Anchored, bounded.
_TEACHING_RE = re.compile(
    r"(?:(?:给|跟|教|帮)(?:新人|新来的|实习生|新同学|新同事|小伙伴|大家|同事)[^:?]{0,6}|(?:说下|说一下|统一下|统一一下)?(?:规范|约定)):"
)


def _settled_short(folded: str) -> bool:
    """:func:`_settled` of a short text (tests/test_edges.py checks it against _settled_long)."""
    if any(ask in folded for ask in _LOOK_FOR_ME):
        return False
    if _wears_a_code(folded):
        return not asks(folded)  # a joke whatever else it says ("…的我：202 Accepted，但不保证处理")
    return (
        _told_done(folded)
        and not asks(folded)
        and (not _trouble_word(folded) or _settled_last(folded))
        and _THEN_CODE_RE.search(folded) is None
    )


def _settled_long(folded: str) -> bool:
    """:func:`_settled` of a longer text, the same tests in another order: a question is
    neither a joke nor a remark, and asked first it spares the word scans (~30-700 µs on a
    4 KB paste, whose log may start the words everywhere). A short text is one alternation
    per test, and most hold none of the rarer words: those go first there."""
    if asks(folded) or any(ask in folded for ask in _LOOK_FOR_ME):
        return False
    if _wears_a_code(folded):
        return True
    return (
        _THEN_CODE_RE.search(folded) is None
        and _told_done(folded)
        and (not _trouble_word(folded) or _settled_last(folded))
    )


# Help asked for ("@bot 帮看下，…返回欠费，财务说已经充值了啊"): whatever the text says was done,
# it did not settle the trouble.
_LOOK_FOR_ME = ("帮看", "帮忙看", "帮我看", "帮我查", "帮忙查", "求助", "救救")
# … or an explanation asked for, of the bot as group members @ it ("@机器人 给他科普下", "谁能解释下").
# (Not "科普下:", a lesson labelled as one, which settles.)
_LOOK_FOR_ME += ("给他科普", "给她科普", "给我科普", "求科普", "解释下", "解释一下", "@机器人")

# Asked by every kind, several times a question (~35 µs a call on a 4 KB paste): once per text.
settled = TextCache(_settled, max_chars=256_000, longest=8192, max_entries=64)


# Words a bare "X 已经解决了" holds besides the name and the word that settles it.
_BARE_FILLERS = ("已经", "都", "也", "了", "啦", "的", "这个", "那个")


def only_settled(folded: str) -> bool:
    """Does the text say nothing in Chinese but that the trouble is settled ("connect ECONNREFUSED
    已经解决了", "ERR_CERT_DATE_INVALID 修好了")? Asked of settled texts only."""
    rest = blanked(without_settled_words(folded), _BARE_FILLERS)
    return not has_cjk(rest)


def without_settled_words(folded: str) -> str:
    """``folded`` with the words that settle it blanked out (what a remark names, read alone)."""
    return blanked(folded, SETTLED_WORDS)


_LEST = ("免得", "以免", "省得", "防止")


def persists(folded: str) -> bool:
    """Does the text say the trouble is still there ("还是 413", "仍然报错"), not offer a choice
    ("204 还是 200")?"""
    return any(word in folded for word in PERSISTS) and _EITHER_RE.search(folded) is None


def _settled_last(folded: str) -> bool:
    """Is the trouble told before the text says it is in hand ("证书又过期了，我已经续上了，大家
    不用管"), not after ("修好了，又 502 了")? Only texts holding both words get here. Trouble
    that persists ("还是一堆 UNAVAILABLE，readinessProbe 已经加了") outlasts the step told after it."""
    if persists(folded):
        return False
    for word in _LEST:  # "…补一下只读权限，免得巡检脚本又报 Forbidden.RAM": trouble kept off
        at = folded.find(word)
        if at > 0:
            folded = folded[:at]
    trouble = max(folded.rfind(word) for word in TROUBLE_WORDS)
    return any(folded.rfind(word) > trouble for word in SETTLED_WORDS)


# Words that report trouble happening, not just name it: "接口返回 502", "日志里全是 499",
# "又 504 了". (A question needs none of them.)
REPORT_WORDS = (
    *"报 返回 返了 回了 提示 出现 遇到 碰到 收到 拿到 一直 又 还是 老是 总是 突然 全是 都是 好多 大量 很多 一堆 "
    "挂 错 失败 异常 不行 打不开 进不去 访问不了 超时 拒绝 被拦 崩 刷不出 error fail exception".split(),
    # A limit hit ("网关给我流控了", "又被限流了").
    *"流控了 限流了 被限流 被流控".split(),
    "timed out",  # with its space: not inside ETIMEDOUT
    # English: "the SDK throws", "login broken since the deploy".
    *"throws throwing returning broken".split(),
    "not working",
    "doesn't work",
    "stopped working",
)
# Everyday words that contain a report word and report nothing ("发票谁帮忙报销一下").
_NOT_REPORTS = ("报销", "报名", "报告", "汇报", "报表", "报价", "报纸", "报道", "挂号", "挂件", "错过", "不错", "又涨", "报到", "好多了")
# Errors as a subject of work, not one that happened ("错误响应统一成…格式", "合理的错误处理",
# "按状态码分组展示请求量"): read as no trouble and no exchange.
_TOPIC_NOUNS = ("错误处理", "错误响应", "错误格式", "错误信息", "错误提示", "异常处理", "请求量", "状态码分组")


def blanked(folded: str, words: Iterable[str]) -> str:
    """``folded`` with each of ``words`` it holds put out of reach of the word tests below."""
    for word in words:
        if word in folded:
            folded = folded.replace(word, " ")
    return folded


PASSING_MIN = 10  # characters besides spaces: shorter texts ("又是 503", "504 啊") are lookups


def reports_trouble(folded: str) -> bool:
    folded = blanked(folded, _NOT_REPORTS)
    return any(word in folded for word in REPORT_WORDS)


def in_passing(folded: str, normalized: str, idents: tuple[str, ...] = ()) -> bool:
    """Does the text name a code only in passing ("我们运维群名叫“200 OK”，哈哈", "下周把
    BucketNotEmpty 那个清理脚本带上")? It does when it is a longer statement, mostly not
    pasted ASCII, that neither asks, nor reports trouble, nor says the code is happening
    ("支付回调那边现在 504 了"). Unprompted answers skip such texts."""
    compact = normalized.replace(" ", "")
    if len(compact) <= PASSING_MIN or asks(folded):
        return False
    if sum(c.isascii() for c in compact) * 2 >= len(compact):
        return False  # a pasted log line or error body
    if reports_trouble(folded):
        return False
    return not happening(folded, idents)


def happening(folded: str, idents: Iterable[str]) -> bool:
    """Does the text say one of ``idents`` is happening now ("支付回调那边现在 504 了")? Read on
    ``folded``: normalize() drops 了."""
    said = folded.replace(" ", "")
    return any(f"{i}了" in said or f"{i}啦" in said for i in idents)


# Nothing listening on a port, told in words: the network kind reads a connection refused
# (not reset), the status kind a bad gateway (not a timeout). Each adds its own phrases.
NOBODY_LISTENING = ("没人监听", "没有程序在监听", "没有程序监听", "没有进程在监听", "没有进程监听")


# What a description of an HTTP exchange talks about: its parties and messages, and a party
# refusing or failing ("服务器说不支持这种 content-type", "接口不让").
EXCHANGE_WORDS = tuple(
    "服务器 服务端 伺服器 客户端 客戶端 浏览器 瀏覽器 请求 請求 响应 回应 返回 资源 状态 页面 代理 网关 上游 源站 "
    "server client request response browser status upstream".split()
)
REFUSAL_WORDS = tuple(
    "拒 不支持 不让 不干 不认 不了 拦 攔 不存在 没了 不允许 不能 无效 无法 没法 要求 必须 中止 "
    "refuse reject invalid denied not support".split()
)
CODE_TALK = ("状态码", "错误码", "返回码", "响应码", "个码", "啥码", "什么码", "哪个码")
# Asking for a status code by number: "回给浏览器的是哪个状态码", "客户端收到的是几".
_STATUS_ASKS = (
    *("哪个状态码", "什么状态码", "状态码是多少", "哪个码", "什么码", "啥码", "是几", "是多少", "哪个 http 码"),
    # "…服务器拒绝处理该请求，按照规范应返回什么？"
    *("应返回什么", "应该返回什么", "该返回什么", "应该回什么", "该回什么", "应当返回什么"),
    # "听说有个状态码最初是为数字支付预留的…是哪个": a status spoken of, to be named.
    *("有个状态码", "有一个状态码"),
    # "…这种情况返回的是哪个状态？", "请求压根没带 token，该回哪个".
    *("返回的是哪个状态", "返回哪个状态", "该回哪个", "应该回哪个", "该返回哪个", "应该返回哪个"),
    # "what status should I return when the user is logged in but …"
    *("what status", "which status", "what http status", "which http status", "what response code"),
    # "Which HTTP code is used when the request method is not supported …?"
    *("which http code", "what http code", "which response code"),
    *("what code should", "which code should", "what status code", "which status code"),
    # "Proper status code for a POST that …", "correct http status for …"
    *("proper status", "correct status", "right status", "best status", "proper http status", "correct http status"),
    *("status code for a", "status code for an", "status code should"),
)
# "内部用的是哪个非标准码", "返回几", "客户端收到的是几": a few words between the ask and "码".
# One branch per opening word: every branch opens with a literal, so the engine skips in C to
# the next possible first character (groups of openers hid them: ~100 µs on a 4 KB text).
_STATUS_ASK_RE = re.compile(
    "|".join(
        [rf"{w}[^，。？?！!,]{{0,6}}?码" for w in ("哪个", "哪一个", "什么", "啥")]
        + [r"算(?:啥|什么|哪个)状态", r"那个[^，。？?！!,]{0,6}?码\s?[?？]?\s?$"]
        # "…用户看到的是哪个状态？": the status they see.
        + [r"(?:看到|收到|拿到)的[^，。？?！!,]{0,6}?是?(?:哪个|哪一个|什么|啥)状态"]
        + [rf"{w}的(?:是)?(?:状态码|码)" for w in ("看到", "收到", "拿到")]
        + [r"状态码是\s?[?？]"]
        # "…但文件只有 10MB，服务器按规范应该怎么回": how a server should answer (not "我该怎么回他").
        + [rf"{w}[^，。？?！!,]{{0,6}}?该怎么(?:回|返回|响应)" for w in ("服务器", "服务端", "后端", "接口", "网关")]
        # "…用一个专门的非标准状态码来记录，是哪一个": the code first, the ask after it (not a
        # cloud's "报错码是哪个", whose error code is asked for).
        + [r"码(?<!错码)(?<!误码)(?<!误代码)[^。？?！!]{0,8}?是哪一?个"]
        # "…于是（nginx）给客户端返回的那个错误是？": what a server sent its client, asked.
        + [r"给(?:客户端|浏览器|用户|前端|调用方)(?:返回|回)的[^，。,]{0,8}?是"]
        + [rf"{w}的?(?:是)?几" for w in ("回", "返回", "报", "收到", "看到")]
        # "…ingress 返回的是？", "客户端拿到的是什么": what came back, asked.
        + [rf"{w}的是\s?(?:[?？]|什么|啥)" for w in ("返回", "回", "拿到", "得到", "收到", "看到")]
        # "茶壶的状态码，我当场懵了，有人知道吗": a code known by what it stands for.
        + [r"的状态码.{0,16}?(?:知道吗|知道不|是啥|是什么|叫啥|叫什么)"]
        # "“断点续传”成功时返回的那个状态码叫啥": the code's name asked for.
        + [r"状态码叫(?:啥|什么)"]
        # "…访客看到的是 Cloudflare 的哪个错误页？": an error page is a response with a status.
        + [rf"{w}错误页" for w in ("哪个", "哪一个", "什么", "啥")]
    )
)


# A question about a cloud API's error code ("阿里云…报什么错误码"): no HTTP status's whole-entry
# likeness answers it (the cloud tables have it or nothing does).
_CLOUD_NAMES_RE = re.compile(
    r"阿里云|华为云|腾讯云|(?<![a-z])(?:aliyun|huaweicloud|tencentcloud|ecs|oss|obs|apig|cvm|cbs|slb|ram|sts)(?![a-z])"
)
_ERROR_CODE_ASK_RE = re.compile(r"错误码|(?:报|返回|回)(?:的是)?(?:什么|啥|哪个)错|(?:哪个|什么|啥) ?code")


_SOME_CODE_ASK_RE = re.compile(r"(?:哪个|啥|什么)码")


def asks_for_error_code(folded: str) -> bool:
    """"…返回的是什么错误码", "报什么错": an error code asked for (a vendor's, not a status), whether
    or not a cloud is named."""
    return _ERROR_CODE_ASK_RE.search(folded) is not None


def asks_for_cloud_error(folded: str) -> bool:
    """"阿里云…报什么错误码", "ECS 报的是哪个码": a cloud named and its error code asked for."""
    if _CLOUD_NAMES_RE.search(folded) is None:
        return False
    if _ERROR_CODE_ASK_RE.search(folded) is not None:
        return True
    return _SOME_CODE_ASK_RE.search(folded) is not None and "状态码" not in folded and "http" not in folded


# A protocol's own code asked for: curl's exit code, a WebSocket close code, a gRPC status.
_PROTOCOL_CODE_ASKS = (
    "退出码", "exit code", "exit status", "关闭码", "close code", "event.code", "哪个 curl 错误",
    "哪个curl错误", "什么 curl 错误", "哪个 grpc 状态", "哪个grpc状态", "grpc 状态码", "grpc status",
    # Chrome's own error names ("控制台里显示的 net 错误是哪一个", "chrome 报哪个错").
    "net 错误", "net错误", "chrome 报哪个错", "chrome报哪个错", "chrome 报什么错", "chrome报什么错",
    "openssl 的哪个错误", "openssl 哪个错误", "openssl 报什么", "openssl 的错误码",
    # A program's own error code ("回调里拿到的 err.code 会是什么", "error.code 是哪个").
    "err.code", "error.code", "e.code", "errno 是", "哪个 errno", "什么 errno", "errno 名", "errno 叫",
    # A DNS answer's own name ("这个 DNS 响应码叫什么", "在 DNS 协议里叫什么").
    "dns 响应码", "dns响应码", "dns 协议里", "dns协议里", "rcode",
)
# "这个报错在 Node 里是哪个错误码", "Node 里这个错误对象的 code 是什么": a program's own error
# code, in a few words after its name.
_PROGRAM_CODE_ASK_RE = re.compile(
    rf"(?:{PROGRAM_NAMES})[^，。？?,.]{{0,14}}?(?:哪个错误码|什么错误码|错误码是|错误名|error code|errno|错误对象的 ?code)"
)
_PROGRAM_RE = re.compile(PROGRAM_NAMES)
_ERROR_CODE_ASKS = ("哪个错误码", "什么错误码", "啥错误码")
# What a proxy or a browser shows its users is a status ("…nginx 转发过去连不上，用户浏览器里看到哪个错误码").
_SEEN_THROUGH = ("nginx", "网关", "代理", "浏览器", "用户")
# "…页面显示无法正常运作，Chrome 底层是哪个错误": Chromium's own error name, a few words after it.
_BROWSER_ERROR_ASK_RE = re.compile(r"(?:chrome|chromium|edge)[^，。？?,.]{0,8}?(?:哪个错|什么错|错误名)")
# gRPC named (or its proto and rpc methods), and what the caller gets asked for anywhere
# ("gRPC 客户端设了 3 秒 deadline…客户端拿到的状态是什么", "proto 里新加了 rpc 方法…调用会返回什么").
_GRPC_WORDS = ("grpc", "proto", "rpc 方法", "rpc 调用", "rpc调用")
_STATE_ASK_RE = re.compile(r"(?:拿到|收到|得到)的?状态码?是|(?:拿到|收到|得到)的是(?:哪个|哪一个|什么|啥)状态|(?:拿到|收到|得到)(?:一个|的)[^，。？?]{0,4}?状态码?[。，,]?\s?(?:是)?(?:哪个|什么|啥)|状态是(?:什么|啥|哪个)|返回的是(?:哪个|什么|啥)状态|(?:是|属于)哪(?:个|一个|种)状态|调用会返回(?:什么|啥|哪个)")
_TYPED_STATUS_RE = re.compile(STATUS_NUMBER)
# "调用时 gRPC 会返回什么状态", "grpc 应该报哪个": gRPC's own status, in a few words after it.
_GRPC_CODE_ASK_RE = re.compile(r"grpc[^，。？?,.]{0,8}?(?:状态|status|返回什么|返回哪个|报什么|报哪个|code)")


# A code asked for in English words, and a status (a protocol's own, once its name is told).
_EN_CODE_ASKS = ("what code", "which code")
_EN_STATUS_ASKS = ("what status", "which status", "what error code", "which error code", *_EN_CODE_ASKS)
_CLOSE_FRAME = ("关闭帧", "close 帧", "close帧", "close frame")
_FRAME_CODE_ASKS = ("什么码", "哪个码", "啥码", "什么状态码", "哪个状态码", "多少", *_EN_CODE_ASKS)


# gRPC's status names that are no everyday English word ("internal", "unknown" are).
_GRPC_STATUS_NAMES = (
    "permission_denied", "unauthenticated", "deadline_exceeded", "resource_exhausted", "failed_precondition",
    "out_of_range", "already_exists", "invalid_argument", "not_found", "unimplemented", "data_loss",
)


def _asks_for_protocol_code(folded: str) -> bool:
    """"…这时 curl 退出码对应哪个错误", "onclose 里 event.code 会是多少", "控制台里显示的 net 错误
    是哪一个": a code that is no HTTP status is asked for, in the tool's own words."""
    if "curl" in folded and ("返回码" in folded or "退出码" in folded) and _TYPED_STATUS_RE.search(folded) is None:
        return True  # "curl …直接失败退出了，返回码是哪个": curl's exit code (no HTTP status typed)
    return (
        any(ask in folded for ask in _PROTOCOL_CODE_ASKS)
        # "…主动发起关闭，关闭帧里应该带哪个原因码": the close frame's own code
        or ("原因码" in folded and ("关闭帧" in folded or "websocket" in folded))
        # "…close 帧里应该填什么码": a code asked of the close frame is its own
        or (any(w in folded for w in _CLOSE_FRAME) and any(ask in folded for ask in _FRAME_CODE_ASKS))
        or ("grpc" in folded and _GRPC_CODE_ASK_RE.search(folded) is not None)
        # "grpc call without auth token, what status does the client get": asked later in English.
        or ("grpc" in folded and any(ask in folded for ask in _EN_STATUS_ASKS))
        or (any(w in folded for w in _GRPC_WORDS) and _STATE_ASK_RE.search(folded) is not None)
        # "gRPC 接口…服务端应该返回哪个状态码，而不是 PERMISSION_DENIED": a status asked for beside
        # one of gRPC's own names, set aside or compared.
        or ("grpc" in folded and any(name in folded for name in _GRPC_STATUS_NAMES) and asks_for_status(folded))
        or _PROGRAM_CODE_ASK_RE.search(folded) is not None
        # "…Node 的 http.get 在回调里报错说解析不到这个主机名…这是哪个错误码": the program's own
        # code, its name told earlier in the story, no HTTP status word anywhere.
        or (
            any(ask in folded for ask in _ERROR_CODE_ASKS)
            and "状态" not in folded
            and not any(word in folded for word in _SEEN_THROUGH)
            and _PROGRAM_RE.search(folded) is not None
        )
        or (("chrom" in folded or "edge" in folded) and _BROWSER_ERROR_ASK_RE.search(folded) is not None)
    )


# Which kind of problem it is, or whose ("这算哪类问题", "这算什么错", "到底谁的问题"): the fault's
# family is asked for, not the status it came with.
_WHICH_KIND = (
    "哪类问题", "哪一类问题", "哪类错误", "哪一类错误", "哪种问题", "什么类型的问题", "算什么错", "算哪类",
    "属于哪类", "属于哪一类", "谁的问题", "谁的锅",
)


def asks_which_kind(folded: str) -> bool:
    """Does the text ask which kind of problem it is, or whose fault (see _WHICH_KIND)?"""
    return any(ask in folded for ask in _WHICH_KIND)


# How to turn something on or set it up ("gzip 压缩怎么开", "如何配置反向代理"): a how-to, not an error.
_SET_UP_ASKS = (
    "怎么开", "怎么打开", "怎么开启", "如何开启", "怎么启用", "如何启用", "怎么配", "如何配置", "怎么设置", "如何设置",
    "怎么装", "如何安装", "怎么安装",
)


# The trouble told gone, not a step taken ("…之后没再报", "放行后恢复"; "防火墙已经加白了" is a step,
# and the trouble may well be there still).
_GONE = ("没再报", "没再出现", "不再报", "不报了", "恢复了", "后恢复", "好了", "解决了", "正常了", "通了", "搞定")


def tells_trouble_gone(folded: str) -> bool:
    return any(word in folded for word in _GONE)


def asks_how_to_set_up(folded: str) -> bool:
    return any(ask in folded for ask in _SET_UP_ASKS)


# A cloud service asked about as bought and run, not an error met: its price, free tier, offers,
# reviews and waiting times, where a setting lives ("OBS 标准存储和低频存储价格差多少", "SCF 每个月的
# 免费额度是多少", "实名认证一般要审核多久", "COS 的防盗链在哪里配置", "RAM 子账号怎么配成只读").
_SERVICE_ASKS = (
    *("价格差多少", "多少钱", "怎么收费", "收费标准", "免费额度", "免费试用", "free tier", "只能买一次", "值不值得买"),
    *("审核多久", "审核一般要", "审不审", "多久有人", "要几天", "一般几天", "考完", "还能申请吗", "能领几个"),
    *("在哪里配置", "在哪配置", "在哪里设置", "在哪设置", "在哪里开", "在哪开", "入口在哪", "地址在哪", "怎么配成"),
    *("怎么配置成", "怎么改回", "计费还是", "更划算", "收费还是", "按什么收费"),
    # "香港节点建站还需要备案吗": the rules of buying and running, not an error.
    *("需要备案吗", "要备案吗", "用备案吗"),
    # Promotions, the bill, and how a feature is set up ("618有什么活动吗", "账单里多了一笔",
    # "能不能托管静态网站，自定义404页面怎么配").
    *("有什么活动", "优惠活动", "账单里", "能不能托管", "页面怎么配"),
)
# What tells an error met after all ("审核通过了调接口还是说签名不合法"): not a question about the service.
_ERROR_MET = (
    *("报错", "报了", "错误", "失败", "异常", "提示", "返回", "不存在", "拒绝", "被拒", "超时", "不了", "不通", "说"),
    *("受限", "限制", "不让", "不满足", "没通过", "不合法", "不对", "exception", "error"),
)


_service_ask, _error_met = _one_of(_SERVICE_ASKS), _one_of(_ERROR_MET)


def asks_about_the_service(folded: str) -> bool:
    """Does the text ask about a service as bought and run (see _SERVICE_ASKS), telling no error?"""
    return _service_ask(folded) and not _error_met(folded)


# Asked how to write something, or how two things differ, or which of two ways ("proxy_pass 怎么写",
# "Pod 和 Deployment 有什么区别", "URL 用复数还是单数"): about the things, not about an error.
_CONCEPT_ASKS = ("怎么写", "写法", "区别", "复数还是单数", "单数还是复数", "原理是", "怎么瘦身", "怎么在", "怎么用", "比较好", "哪个好", "有哪些常用")


def asks_about_concepts(folded: str) -> bool:
    return any(ask in folded for ask in _CONCEPT_ASKS)


# A choice between two ways and a design's verb, no trouble in themselves.
_CHOICE_WORDS = ("还是", "统一返回", "返回 json", "返回json")


def without_choice_words(folded: str) -> str:
    return blanked(folded, _CHOICE_WORDS)


def tells_of_grpc_call(folded: str) -> bool:
    """Does the text tell of a gRPC call ("gRPC 客户端调用时没带 token，服务端…直接拒绝掉了") with
    no HTTP status asked for? Its own status is the answer, as when it is asked for."""
    return any(w in folded for w in _GRPC_WORDS) and not asks_for_status(folded)


# Asked by the status kind (a typed code's yielding, its documents), the network kind (its
# weighing, documents, curl's twin) and the resolver: up to six times a question, once per text.
asks_for_protocol_code = TextCache(_asks_for_protocol_code, max_chars=256_000, longest=8192, max_entries=64)


# Questions to the bot about itself ("你是谁开发的", "你能干啥"): small talk, not a 401's "你是谁".
# Matched at the start (anchored all the same: searched, its runs of spaces would be tried at
# every position); "谁开发的你" and "谁写的你" anywhere are str scans. As one alternation (the
# anchored branch, then those two) it was tried at every position of every question.
_ABOUT_BOT_RE = re.compile(
    r"^\s*(?:请问|你好|hi|hello)?(?:呀|啊)?[\s,，!！]*你(?:是谁|叫什么|是什么|能干|会干|能做|会做|是机器人|是专门|是干嘛|是做什么)"
)


def about_the_bot(folded: str) -> bool:
    # Each way of asking holds 你.
    return "你" in folded and (_ABOUT_BOT_RE.match(folded) is not None or "谁开发的你" in folded or "谁写的你" in folded)


# A limit or an amount asked for ("这个限制到底是多少", "阈值是几"), not a status. Literal-led, bounded.
_AMOUNT_ASK_RE = re.compile(
    r"(?:限制|限额|上限|阈值|配额|额度|次数|频率|价格|费用|时长|长度|大小)[^，。？?！!,]{0,4}?是(?:多少|几)"
)


def asks_for_status(folded: str) -> bool:
    if ("是多少" in folded or "是几" in folded) and _AMOUNT_ASK_RE.search(folded) is not None:
        folded = _AMOUNT_ASK_RE.sub(" ", folded)
    return any(word in folded for word in _STATUS_ASKS) or _STATUS_ASK_RE.search(folded) is not None


# The name of an error asked for, not a status ("新进程拿到的是什么错误", not "…什么错误码" or
# "…哪个错误页").
_ERROR_NAME_ASK_RE = re.compile(r"(?:什么|哪种|哪个|啥)(?:错误|报错)(?![码页])")


def asks_for_error_name(folded: str) -> bool:
    return ("错" in folded) and _ERROR_NAME_ASK_RE.search(folded) is not None


# Talk about how errors are handled, not about one that happened: opinions, reviews, meetings,
# interviews, conventions and recommendations ("我们要不要统一一下错误码规范", "FastAPI 的
# HTTPException 用起来挺顺手的", "面经分享：…状态码分类，整体不难").
DISCUSSION_WORDS = tuple(
    "要不要 怎么看 觉得 真香 顺手 泪目 爽 吵了 争了 扯皮 面试 面经 纪要 评审 讨论 码规范 分享一下 分享给大家 分享个 推荐 "
    "可爱 整理 硬性要求 约定 定稿 打卡 插画 拼团 代金券 折扣 打几折 "
    # Errors as a subject of work: their texts, logs and formats ("前端错误提示文案这块…").
    "文案 提示文案 错误提示 错误日志 日志量 错误信息 空指针 堆栈 安全扫描 维度 "
    # The bill: "OSS 存储费用这个月涨了不少", "腾讯云代金券月底就过期了".
    "费用 账单 对账 流量费 作业 有意见 有人反对 吐槽 吐个槽 复习 期末 成本 有人用过 体验怎么样 体验咋样 优缺点 "
    # Tools compared or asked about ("你们平时用 curl 还是 httpie"): preference, no fault.
    "平时用 好不好用 哪个好用 "
    "怎么跟他解释 怎么跟老板解释 不同意 "
    # News passed on ("听说上周某云有个可用区挂了，还上了热搜"): gossip, no trouble of one's own.
    "热搜 看新闻 新闻说".split()
)
_discussion_word = _one_of(DISCUSSION_WORDS)
# A discussion word inside the exchange it tells of: "接口约定只接受 JSON，前端却发了表单…" is the
# API's contract, not a convention being argued over; "错误信息说明这只是临时失败" quotes what
# the error said, not error messages as a subject of work.
_NOT_DISCUSSION = ("接口约定", "错误信息说", "错误信息显示", "错误信息提示", "错误信息里", "错误信息是")


# What a question seeking one answer asks with ("面试题：…应该返回哪个", "按规范应该返回多少");
# talk asks for opinions ("要不要", "大家怎么看").
_WHICH_ONE = ("哪个", "哪一个", "哪种", "多少", "是几", "什么", "是啥", "最贴切", "怎么响应", "如何响应", "which", "what")


def discusses(folded: str) -> bool:
    """Does the text discuss error handling (or anything) rather than ask which status?"""
    return (
        _discussion_word(blanked(folded, _NOT_DISCUSSION))
        and not asks_for_status(folded)
        and not any(word in folded for word in _WHICH_ONE)
    )


# A Kubernetes pod's own state ("pod 一直 CrashLoopBackOff 怎么排查", "pod 一直 Pending"): a
# scheduler's or a kubelet's word, no HTTP status, whatever a guess at one would say.
_POD_STATES = ("crashloopbackoff", "imagepullbackoff", "errimagepull", "oomkilled", "containercreating")
_POD_PENDING_RE = re.compile(r"pod[^,，。]{0,12}pending")


def names_pod_state(folded: str) -> bool:
    """Does the text name a Kubernetes pod state (guesses at a status are no answer to it)?"""
    return any(state in folded for state in _POD_STATES) or (
        "pending" in folded and _POD_PENDING_RE.search(folded) is not None
    )


def describes_exchange(folded: str) -> bool:
    """Is a text that no tier read a description of an HTTP exchange (for whole-entry
    retrieval), not talk about the work ("腾讯云服务器打折买了三台，真香", "前端的同学把重定向逻辑
    改了一下")? It asks, reports trouble, tells of a refusal, talks of a code, or names two
    of the exchange's parties and messages."""
    return asks(folded) or _tells_of_trouble_or_exchange(folded)


def _tells_of_trouble_or_exchange(folded: str) -> bool:
    """It reports trouble, tells of a refusal, talks of a code, or names two of the exchange's
    parties and messages (the part of :func:`describes_exchange` that is no question)."""
    folded = blanked(folded, _TOPIC_NOUNS)
    return (
        reports_trouble(folded)
        or any(word in folded for word in REFUSAL_WORDS)
        or any(word in folded for word in CODE_TALK)
        or sum(word in folded for word in EXCHANGE_WORDS) >= 2
    )


# A URL path ("/login 401", "GET /index.html 404"): a log line or a request, not chatter.
_PATH_RE = re.compile(r"(?:^|\s)/[a-z0-9_]")


# Words that make a question about a status or an error, whatever else it says: a guess at a
# status is offered only to a text holding one ("CDN 缓存刷新一般多久生效" holds none).
STATUS_SIGNAL_WORDS = tuple(
    "错误 报错 异常 失败 error fail exception 提示 显示 返回 报 拒 不让 不能 无法 不了 超时 码 状态 回 响应 "
    "status code 页面 打不开 访问 xx 得到 几 啥意思 啥情况 什么意思 是啥 跳 重定向 redirect 权限 登录 浏览器 方法 哪个吗".split()
)


def speaks_of_status(folded: str) -> bool:
    """Does the text speak of a status or an error at all (asks for one, reports trouble, tells
    of a refusal or an exchange, or holds a word of one)? Chatter that shares words with
    the cards ("把服务从 8080 端口改到 443 要注意啥") does not."""
    if asks_for_status(folded) or _tells_of_trouble_or_exchange(folded):
        return True
    folded = blanked(folded, _NOT_SIGNALS)
    return any(word in folded for word in STATUS_SIGNAL_WORDS)


# Everyday words holding a signal word and signalling nothing ("CDN 回源流量", "code review"),
# and a resolver's answer, which is no HTTP response ("DNS 响应超过 512 字节会走 TCP 吗").
_NOT_SIGNALS = ("回源", "code review", "好几", "dns 响应", "dns响应")


def talks_status(folded: str) -> bool:
    """Does the text talk shop, so that its bare numbers read as status codes?"""
    return (
        is_technical(folded) or any(word in folded for word in STATUS_WORDS) or bool(_PATH_RE.search(folded))
    )


def _by_edge(words: tuple[str, ...], last: bool) -> dict[str, tuple[str, ...]]:
    """``words`` bucketed by their first (or last) character: one dict look-up per number."""
    buckets: dict[str, list[str]] = {}
    for word in words:
        buckets.setdefault(word[-1] if last else word[0], []).append(word)
    return {edge: tuple(group) for edge, group in buckets.items()}


_QUANTITY_AFTER = _by_edge(QUANTITY_AFTER, last=False)
_QUESTION_AFTER_BY_FIRST = _by_edge(STATUS_QUESTION_AFTER, last=False)
_QUANTITY_BEFORE = _by_edge(QUANTITY_BEFORE, last=True)


_LATIN_WORD_RE = re.compile(r"[a-z]+(?![a-z0-9])")


def is_quantity(text: str, start: int, end: int) -> bool:
    """Is the number at ``text[start:end]`` a count, price, place or errno, by its neighbours?"""
    if text[start - 1 : start] == "(" and text[end : end + 1] == ":":
        return True  # an errno: "(110: Connection timed out)"
    after = text[end : end + _WINDOW].lstrip()
    if after:
        first = after[0]
        if first in UNIT_AFTER and not after.startswith(NOT_UNITS):
            return True
        if after.startswith(_QUANTITY_AFTER.get(first, ())):
            return True
        latin = first.isascii() and first.isalpha() and text[end : end + 1] == " "
        if latin and (word := _LATIN_WORD_RE.match(after)) is not None and word.group() in LATIN_UNITS:
            return True  # "300 ms", "350 tb,下季度…" (not "502 h2")
    before = text[max(0, start - _WINDOW) : start].rstrip()
    if before.endswith(_CHANGED_TO):
        # "proxy_read_timeout 改成 300": a setting's new value (not "接口改成返回 201").
        clause = text[max(0, start - _SETTING_REACH) : start]
        clause = clause[max(clause.rfind(mark) for mark in "，,。;；") + 1 :]
        if _SETTING_NAME_RE.search(clause) is not None:
            return True
    return bool(before) and before.endswith(_QUANTITY_BEFORE.get(before[-1], ()))


_CHANGED_TO = ("改成", "改为", "调整为", "调整到", "改到")
_SETTING_REACH = 48
# A setting's name as configuration files spell it: proxy_read_timeout, max_connections.
_SETTING_NAME_RE = re.compile(r"[a-z][a-z0-9]*_[a-z0-9_]*[a-z]")


# Two codes compared: "401 和 403 到底有啥区别", "301 还是 308".
_PAIRED_AFTER_RE = re.compile(r"\s*(?:和|跟|与|vs\.?|还是|或者|或)\s*[1-5][0-9]{2}(?![0-9])")
_PAIRED_BEFORE_RE = re.compile(r"(?<![0-9])[1-5][0-9]{2}\s*(?:和|跟|与|vs\.?|还是|或者|或)\s*$")


def _asks_comparison(text: str) -> bool:
    """Is a pair of codes asked about? With a question word, or ending in 区别 without one
    ("重顶向 301 和 302 区别"; not "307 和 308 的区别我写到 wiki 里了", which tells of one)."""
    return asks(text) or text.rstrip(" ?？。!！~").endswith(("区别", "差别", "不同"))


def cued_status(text: str, start: int, end: int) -> bool:
    """Does a cue right beside the number make it a status ("报了个 403", "503 错误")?"""
    paired = _PAIRED_AFTER_RE.match(text, end, end + _WINDOW)
    # "是 401 还是 403" asks which one without a question word.
    alternative = paired is not None and "还是" in paired.group() and "是" in text[max(0, start - 3) : start]
    if paired and (alternative or _asks_comparison(text)) and not is_quantity(text, paired.end() - 3, paired.end()):
        return True  # not "301 和 302 房间"
    window = max(0, start - _WINDOW)
    if (m := _PAIRED_BEFORE_RE.search(text[window:start])) and _asks_comparison(text):
        first = window + m.start()
        if not is_quantity(text, first, first + 3):  # not "房间 301 和 302"
            return True
    after = text[end : end + _WINDOW].lstrip()
    if after.startswith(STATUS_AFTER):
        return True
    tail = text[end : end + 2 * _WINDOW].lstrip()
    # Only the phrases starting with the tail's first character (a 4 KB "503 中503 中…" tried
    # all ~90 phrases at each of ~800 numbers: ~10 ms).
    for asked in _QUESTION_AFTER_BY_FIRST.get(tail[:1], ()):
        rest = tail[len(asked) : len(asked) + 1]
        if tail.startswith(asked) and (not rest or rest in _CLAUSE_END):
            return True
    if tail.startswith(STATUS_CAUSE_AFTER) and asks(tail):
        return True
    if tail[:1] in _POINTING_COMMAS and tail[1:].lstrip().startswith(POINTED_AFTER):
        return True  # "弹了个 511，这是什么"
    if _THEN_CODE_RE.search(text, max(0, start - 3), end) and (asks(text) or _help_word(text)):
        return True  # "刚上线就 502 了，谁帮忙看看一般是啥原因"
    before = text[max(0, start - _WINDOW) : start].rstrip()
    opens = start <= _WINDOW and _only_openers(before)
    if opens and after.startswith(MODAL_AFTER) and asks(text[end : end + 4 * _WINDOW]):
        return True
    before = text[max(0, start - _CUE_WINDOW) : start].rstrip()  # the longest cue whole
    ends_clause = not after or after[:1] in _CLAUSE_END
    for _ in range(3):  # at most a few light words between cue and number
        if before.endswith(STATUS_BEFORE) or (ends_clause and before.endswith(WEAK_BEFORE)):
            return True
        light = next((w for w in _LIGHT if before.endswith(w)), None)
        if light is None:
            return False
        before = before[: -len(light)].rstrip()
    return False


def terse_lookup(normalized: str, numbers: set[str], folded: str) -> bool:
    """A number with a word or two ("飞书 403", "钉钉 500", "418 是彩蛋"): to a status-code bot,
    a lookup. Units and places were ruled out before (is_quantity), so "我住 404 房" is not."""
    # Too long whatever it holds, even were every token a number (a 4 KB log: no join of ~700
    # tokens). A printable text has no whitespace but " ", so it bounds the tokens.
    spaces = normalized.count(" ")
    most = max(map(len, numbers), default=0) * (spaces + 1)  # the numbers can take this much
    if normalized.isprintable() and len(normalized) - spaces - most > TERSE_REST + 1:
        return False
    rest = "".join(t for t in normalized.split() if t not in numbers)
    return 0 < len(rest) <= TERSE_REST or (len(rest) <= TERSE_REST + 1 and asks(folded))


_NON_SPACE_RE = re.compile(r"\S+")  # \s is str.isspace(): the tokens of str.split()
_group = operator.methodcaller("group")


def asks_only_about(normalized: str, numbers: set[str]) -> bool:
    """Is the text nothing but the numbers and a question frame ("404 是什么", "502 了",
    "401 和 403 有啥区别")? ``normalized`` is the matching form (fillers already gone)."""
    # Token by token, not split() up front: most texts are decided by their first word or two
    # (split() of a 4 KB log made ~700 strings for that).
    for token in map(_group, _NON_SPACE_RE.finditer(normalized)):
        if token in numbers or token in FRAME_WORDS:
            continue
        if token.isascii():
            return False
        i = 0
        while i < len(token):  # greedy longest frame word at each position
            step = next(
                (
                    n
                    for n in range(min(_FRAME_LONGEST, len(token) - i), 0, -1)
                    if token[i : i + n] in FRAME_WORDS
                ),
                0,
            )
            if not step:
                return False
            i += step
    return True
