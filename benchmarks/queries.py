"""Realistic questions by shape, each one distinct, for the cold-cache benchmarks.

``QUERIES`` is fixed text (the same in every run, so two runs time the same work). Every
query of a shape differs from the others: a cold figure must not be helped by an earlier
query of the same run. Long shapes (200-character Chinese, 2 KB stack traces, 4 KB
messages) are assembled from ordinary sentences, log lines and frames with varying
numbers, hosts and paths.
"""

from __future__ import annotations

import json
import random

_RNG = random.Random(20260101)

_CODES = (200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 405, 408, 409, 413, 415, 429)
_CODES += (499, 500, 501, 502, 503, 504, 520, 522, 524)
_PHRASES = {
    200: "OK",
    301: "Moved Permanently",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
_NUMERIC_FRAMES = ("{c}", "HTTP {c}", "状态码{c}", "返回了 {c}", "{c}是什么", "报 {c} 了怎么办", "/code {c}")


def _numeric() -> list[str]:
    out = [f.format(c=c) for c in _CODES for f in _NUMERIC_FRAMES[:3]]
    out += [f"HTTP/1.1 {c} {p}" for c, p in _PHRASES.items()]
    out += ["５０２", "４０４", "429是什么", "报 500 了怎么办"]
    return list(dict.fromkeys(out))


SHORT_CHINESE = [
    "网关超时怎么办",
    "上传文件太大被拒了",
    "閘道逾時",
    "没有权限访问这个接口",
    "登录过期了返回什么",
    "服务器维护中应该返回什么",
    "资源被永久移走了",
    "请求太频繁被限流了",
    "接口提示未授权",
    "删除成功不返回内容用什么",
    "临时重定向返回多少",
    "参数校验失败该回啥码",
    "伺服器忙碌中",
    "页面找不到了",
    "跨域报错怎么办",
    "域名解析失败",
    "证书过期了",
    "连接被拒绝",
    "阿里云账号欠费",
    "华为云令牌过期",
    "腾讯云签名错误",
    "镜像不存在",
    "安全组数量超过限制",
    "大家中午吃什么",
    "今天的站会取消",
    "文件格式不支持",
    "请求方法不允许",
    "网关错误",
    "服务不可用",
    "版本冲突了",
]

_CONTEXT = [
    "我们线上的订单服务从今天下午三点开始出问题，",
    "前端同事说页面一直转圈，刷新几次偶尔能好，",
    "看了一下监控，错误率大概在百分之五左右，",
    "运维那边说最近没有发布过新版本，配置也没动，",
    "我自己在本地用 curl 试了一下，结果不太一样，",
    "日志里只有一行报错，没有更多的堆栈信息，",
    "用户那边反馈说是在上传图片的时候出现的，",
    "这个接口是走网关转发到后端的两个实例上的，",
    "之前也出现过一次，当时重启就好了，这次没用，",
    "负载均衡后面挂了三台机器，其中一台内存很高，",
    "客户端用的是 axios，超时时间设置的是十秒，",
    "数据库连接池看起来是正常的，没有满，",
]


def _long_chinese(n: int, first: int = 0) -> list[str]:
    out = []
    for i in range(first, first + n):
        question = SHORT_CHINESE[i % len(SHORT_CHINESE)]
        parts = _RNG.sample(_CONTEXT, len(_CONTEXT))
        text = ""
        for part in parts:
            if len(text) + len(part) > 200 - len(question) - 8:
                break
            text += part
        out.append(f"{text}现在的情况是：{question}，请问这是什么原因？")
    return out


ENGLISH = [
    "the specified instance does not exist",
    "The request signature we calculated does not match the signature you provided",
    "The specified bucket does not exist.",
    "Your account has an overdue payment.",
    "The token has expired.",
    "The number of security groups exceeds the limit",
    "app quota used up",
    "why does my server return bad gateway",
    "what does service unavailable mean",
    "request entity too large when uploading a file",
    "The specified image is not subscribed",
    "access denied because of insufficient permissions",
    "The parameter value is invalid",
    "too many requests please slow down",
    "the gateway timed out waiting for the upstream",
    "The specified VPC does not exist.",
    "No permissions to create ELB channels.",
    "how do I fix a cors error",
    "The certificate does not match the private key",
    "the disk quota has been exceeded for this account",
]

CODES = [
    "InvalidImageId.NotFound",
    "Account.Arrearage",
    "InvalidParameter",
    "APIG.0501",
    "SignatureDoesNotMatch",
    "DependencyViolation",
    "NoSuchBucket",
    "AuthFailure.SignatureExpire",
    "InvalidInstanceType.NotSupportCredit",
    "Throttling.User",
    "ResourceNotFound.InstanceNotExist",
    "IncorrectInstanceStatus",
    "InvalidAccessKeyId.NotFound",
    "QuotaExceeded.SecurityGroup",
    "Arrearage",
    "InvalidImageId.NotFund",
    "InvalidParamter",
    "Forbidden.RAM",
    "LimitExceeded",
    "UnauthorizedOperation",
]


def _log_lines() -> list[str]:
    out = []
    for i in range(12):
        ip = f"10.{i}.{_RNG.randrange(256)}.{_RNG.randrange(256)}"
        path = _RNG.choice(["/api/v1/orders", "/login", "/upload", "/v2/items/42", "/healthz"])
        out.append(
            f"2026/11/{10 + i} 10:{i:02d}:01 [error] 12#12: *{345 + i} upstream timed out (110: Connection "
            f"timed out) while reading response header from upstream, client: {ip}, server: api, "
            f'request: "GET {path} HTTP/1.1"'
        )
    out += [
        "client intended to send too large body: 10485760 bytes",
        "upstream prematurely closed connection while reading response header from upstream",
        "Error: Request failed with status code 401",
        "Failed to load resource: the server responded with a status of 500 (Internal Server Error)",
        "Access to fetch at 'https://api.example.com/x' from origin 'http://localhost:3000' has been "
        "blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present",
        "requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://example.com/a",
        '127.0.0.1 - - [27/Nov/2026:10:00:01 +0800] "POST /upload HTTP/1.1" 413 183 "-" "curl/8.4.0"',
        "java.net.SocketTimeoutException: Read timed out",
    ]
    return out


def _bodies() -> list[str]:
    aliyun = [
        ("InvalidImageId.NotFound", "The specified ImageId does not exist."),
        ("Forbidden.RAM", "User not authorized to operate on the specified resource."),
        ("Throttling.User", "Request was denied due to user flow control."),
        ("InvalidAccessKeyId.NotFound", "Specified access key is not found."),
        ("Account.Arrearage", "Your account has an outstanding payment."),
    ]
    out = []
    for i, (code, msg) in enumerate(aliyun):
        body = {"RequestId": f"7A1F{i:04d}-B2C3-4D5E", "HostId": "ecs.aliyuncs.com", "Code": code}
        out.append(json.dumps(body | {"Message": msg, "Recommend": "https://api.aliyun.com/troubleshoot"}))
    for i, (code, msg) in enumerate(
        [("APIG.0501", "app quota used up"), ("APIG.1001", "The token has expired.")]
    ):
        out.append(json.dumps({"error_code": code, "error_msg": msg, "request_id": f"c0ffee{i}"}))
    for i, (code, msg) in enumerate(
        [("AuthFailure.SignatureExpire", "签名过期"), ("ResourceNotFound.InstanceNotExist", "实例不存在")]
    ):
        err = {"Response": {"Error": {"Code": code, "Message": msg}, "RequestId": f"eac6b301-{i}"}}
        out.append(json.dumps(err, ensure_ascii=False))
    out.append('{"error": {"code": 429, "message": "Too Many Requests", "status": "RESOURCE_EXHAUSTED"}}')
    out.append(
        '{"timestamp":"2026-11-27T10:00:01Z","status":500,"error":"Internal Server Error","path":"/x"}'
    )
    return out


_JAVA_FRAMES = [
    "at org.springframework.web.client.DefaultResponseErrorHandler.handleError(DefaultResponseErrorHandler.java:{n})",
    "at org.springframework.web.client.RestTemplate.handleResponse(RestTemplate.java:{n})",
    "at org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:{n})",
    "at com.example.orders.client.PaymentClient.charge(PaymentClient.java:{n})",
    "at com.example.orders.service.OrderService.place(OrderService.java:{n})",
    "at sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
    "at java.base/java.lang.Thread.run(Thread.java:{n})",
    "at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:{n})",
]
_PY_FRAMES = [
    'File "/srv/app/{m}.py", line {n}, in handle\n    resp = session.get(url, timeout=10)',
    'File "/usr/lib/python3.11/site-packages/requests/sessions.py", line {n}, in request\n    resp = self.send(prep, **send_kwargs)',
    'File "/usr/lib/python3.11/site-packages/urllib3/connectionpool.py", line {n}, in urlopen\n    raise MaxRetryError(_pool, url, reason)',
]
_HEADS = [
    "org.springframework.web.client.HttpServerErrorException$ServiceUnavailable: 503 Service Unavailable",
    "org.springframework.web.client.HttpClientErrorException$TooManyRequests: 429 Too Many Requests",
    "java.net.ConnectException: Connection refused (Connection refused)",
    "javax.net.ssl.SSLHandshakeException: PKIX path building failed",
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded",
    "urllib3.exceptions.NewConnectionError: Failed to establish a new connection: [Errno 111] Connection refused",
]


def _stack_trace(i: int, size: int) -> str:
    head = _HEADS[i % len(_HEADS)]
    lines = [head]
    python = "requests" in head or "urllib3" in head
    while sum(map(len, lines)) < size:
        if python:
            frame = _RNG.choice(_PY_FRAMES).format(m=f"mod{_RNG.randrange(99)}", n=_RNG.randrange(20, 900))
        else:
            frame = "    " + _RNG.choice(_JAVA_FRAMES).format(n=_RNG.randrange(20, 900))
        lines.append(frame)
    if python:
        lines = ["Traceback (most recent call last):", *lines[1:], head]
    return "\n".join(lines)[:size]


def _messages_4k(n: int) -> list[str]:
    """A chat message with a pasted log: a question, context, then lines of a log."""
    out = []
    for i in range(n):
        text = _long_chinese(1, first=i + 7)[0] + "\n下面是日志：\n"
        logs = _log_lines()
        while len(text) < 4000:
            text += _RNG.choice(logs) + "\n"
        out.append(text[:4096])
    return out


NETWORK = [
    "net::ERR_CONNECTION_REFUSED",
    "GET https://api.example.com/x net::ERR_NAME_NOT_RESOLVED",
    "net::ERR_CERT_DATE_INVALID",
    "net::ERR_SSL_PROTOCOL_ERROR",
    "Failed to load resource: net::ERR_CONNECTION_RESET",
    "net::ERR_CONNECTION_TIMED_OUT",
    "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Connection refused",
    "curl: (6) Could not resolve host: api.example.com",
    "curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received",
    "curl: (60) SSL certificate problem: unable to get local issuer certificate",
    "curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to example.com:443",
    "Error: getaddrinfo ENOTFOUND api.example.com",
    "Error: getaddrinfo ENOTFOUND db.internal",
    "Error: connect ECONNREFUSED 127.0.0.1:3306",
    "Error: connect ETIMEDOUT 20.205.243.166:443",
    "rpc error: code = Unavailable desc = connection error",
    "websocket: close 1006 (abnormal closure): unexpected EOF",
    "java.net.UnknownHostException: api.example.com",
]


def _build() -> dict[str, list[str]]:
    return {
        "numeric": _numeric(),
        "short Chinese": list(SHORT_CHINESE),
        "Chinese 200 chars": _long_chinese(24),
        "English sentence": list(ENGLISH),
        "cloud code": list(CODES),
        "log line": _log_lines(),
        "JSON error body": _bodies(),
        "stack trace 2 KB": [_stack_trace(i, 2048) for i in range(12)],
        "message 4 KB": _messages_4k(8),
        "network error": list(NETWORK),
    }


QUERIES = _build()
# The shapes a person types or pastes (the "realistic" mix the p99 target is over).
REALISTIC = [q for qs in QUERIES.values() for q in qs]
# Latin-script identifiers and sentences: the ones the cloud kind's indexes must keep flat.
LATIN = QUERIES["English sentence"] + QUERIES["cloud code"]
