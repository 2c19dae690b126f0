"""Worst case over hostile 4,096-character messages, beside ordinary ones of the same length.

Each hostile shape (long runs of one character class, two classes interleaved, an opening
construct with no end, deep nesting) goes through the full resolver and the card with all
caches cleared; the baseline is an ordinary Chinese question and an ordinary English log
excerpt of the same length, timed in the same run and interleaved with the shapes.
The target: the worst shape costs at most 30 ms more than the baseline.

Run: python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import Caches  # noqa: E402
from bot.chat.service import Service  # noqa: E402
from tests.hostile import KNOWN_BAD, UNITS, fill  # noqa: E402

REPEAT = 5
ORDINARY = (
    fill("线上服务今天下午开始偶尔报网关超时，nginx 日志里看到 upstream timed out，重启后好了一阵又出现，"),
    fill(
        "2026/12/04 10:00:01 [error] 12#12: *345 connect() failed (111: Connection refused) while "
        'connecting to upstream, client: 10.0.0.1, server: api, request: "GET /v1/items HTTP/1.1"\n'
    ),
)


def cold_ms(svc: Service, caches: Caches, text: str) -> float:
    """Milliseconds for one uncached answer (best of REPEAT, caches cleared each time)."""
    best = float("inf")
    for _ in range(REPEAT):
        caches.clear()
        start = time.perf_counter()
        svc.answer(svc.resolver.resolve(text)).html()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    svc = Service.load()
    caches = Caches()
    shapes = [fill(u) for u in UNITS] + [fill(a + b) for a in UNITS[:30] for b in UNITS[:30] if a != b]
    shapes += [t[:4096] for t in KNOWN_BAD]
    baseline: list[float] = []
    worst: list[tuple[float, str]] = []
    for i, text in enumerate(shapes):
        if i % 50 == 0:  # the floor is measured throughout, not in a separate phase
            baseline.extend(cold_ms(svc, caches, t) for t in ORDINARY)
        worst.append((cold_ms(svc, caches, text), text[:30]))
    worst.sort(reverse=True)
    base = statistics.median(baseline)
    print(
        f"hostile-input suite: {len(shapes)} shapes of up to 4,096 characters, cold caches, best of {REPEAT}"
    )
    print(f"  ordinary 4 KB message (baseline): median {base:.1f} ms, min {min(baseline):.1f} ms")
    print(f"  hostile shapes: median {statistics.median(t for t, _ in worst):.1f} ms")
    for ms, head in worst[:5]:
        print(f"  worst: {ms:6.1f} ms  ({ms / base:.2f}× baseline, +{ms - base:.1f} ms)  {head!r}")
    extra = worst[0][0] - base
    print(
        f"  worst extra over the baseline: {extra:.1f} ms (target ≤ 30 ms): {'OK' if extra <= 30 else 'OVER'}"
    )


if __name__ == "__main__":
    main()
