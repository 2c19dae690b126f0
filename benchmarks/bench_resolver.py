"""Resolver speed and memory, with bare rapidfuzz measured in the same run as the floor.

Run: python benchmarks/bench_resolver.py
"""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process

from bot.core.text import fold, normalize
from bot.kinds import load as load_knowledge
from bot.retrieval.resolver import Resolver

QUERIES = {
    "numeric": [
        "503",
        "HTTP 404",
        "状态码418",
        "返回了 301",
        "５０２",
        "429是什么",
        "HTTP/1.1 500 Internal Server Error",
    ],
    "class": ["5xx", "4XX 都有哪些", "5开头的状态码", "2xx"],
    "free-text": [
        "网关超时怎么办",
        "上传文件太大被拒了",
        "閘道逾時",
        "gatway timeout",
        "too many request",
        "没有权限访问这个接口",
        "登录过期了返回什么",
        "服务器维护中应该返回什么",
        "大家中午吃什么",
        "Bad Gateway",
        "unauthorised",
        "资源被永久移走了",
    ],
    "log-line": [
        "2026/11/27 10:00:01 [error] 12#12: *345 upstream timed out (110: Connection timed out) while "
        'reading response header from upstream, client: 10.0.0.1, server: api, request: "GET /x HTTP/1.1"',
        "client intended to send too large body: 10485760 bytes",
        "upstream prematurely closed connection while reading response header from upstream",
        "Error: Request failed with status code 401",
        "Failed to load resource: the server responded with a status of 500 (Internal Server Error)",
    ],
}
ROUNDS = 300


def timings(fn, queries: list[str], clear, rounds: int = ROUNDS) -> list[float]:
    """Per-call µs, with every cache emptied first: each query is timed as if it were new."""
    samples = []
    for _ in range(rounds):
        for q in queries:
            clear()
            start = time.perf_counter_ns()
            fn(q)
            samples.append((time.perf_counter_ns() - start) / 1000)
    return samples


def p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    kb = load_knowledge()
    builds = []
    for _ in range(5):
        gc.collect()
        start = time.perf_counter()
        resolver = Resolver(kb)
        builds.append((time.perf_counter() - start) * 1000)
    # Every alias string, for the bare rapidfuzz floor.
    choices = [
        normalize(a) for e in kb["status"].statuses.values() for a in (e.name_zh, e.phrase, *e.aliases)
    ]

    def bare(q: str) -> object:
        return process.extractOne(normalize(q), choices, scorer=fuzz.WRatio, processor=None)

    def clear() -> None:
        fold.cache_clear()
        normalize.cache_clear()
        resolver.kb.kind("error").index._search.cache_clear()

    for group in QUERIES.values():  # warm up code paths (not caches: timings() clears them)
        for q in group:
            resolver.resolve(q)
            bare(q)

    print(f"knowledge: {len(kb['status'].statuses)} status codes, {len(kb['error'].rows)} cloud error rows")
    print(f"index build: median {statistics.median(builds):.1f} ms (5 builds; target <= 300 ms)")
    floor = timings(bare, QUERIES["free-text"], clear)
    floor_med, floor_p99 = statistics.median(floor), p(floor, 0.99)
    print(
        f"bare rapidfuzz extractOne over {len(choices)} aliases: median {floor_med:.1f} µs, p99 {floor_p99:.1f} µs"
    )
    print(f"{'kind':<10} {'median µs':>10} {'p99 µs':>10} {'p99 / floor p99':>16}")
    for kind, queries in QUERIES.items():
        samples = timings(resolver.resolve, queries, clear)
        med, p99 = statistics.median(samples), p(samples, 0.99)
        print(f"{kind:<10} {med:>10.1f} {p99:>10.1f} {p99 / floor_p99:>15.2f}x")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.1f} MiB")


if __name__ == "__main__":
    main()
