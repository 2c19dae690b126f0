"""Resolver speed, cold and warm, beside bare rapidfuzz over the same choices in the same run.

* **cold**: every cache of user text emptied before each call (see benchmarks/common.py),
  every question distinct (benchmarks/queries.py): each one is answered as if it were the
  first the process ever saw;
* **warm**: the same question asked again (the service's answer cache);
* **floor**: ``process.extractOne(normalize(q), choices)`` over every string the resolver
  searches (status names and aliases, cloud codes and messages, network names, aliases and
  log wordings), with rapidfuzz's default scorer (WRatio) and with plain ``ratio``, its
  cheapest; caches emptied first too. Floor and resolver take turns shape by shape, so
  both see the same machine.

Each figure is the median over ``--repeats`` runs, with the best run in brackets.
Also: index build per kind (caches empty, as at start-up).

Run: python benchmarks/bench_resolver.py [--repeats R]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time

from common import Caches, machine, pct, spread
from rapidfuzz import fuzz, process

from benchmarks.queries import QUERIES
from bot.chat.service import Service
from bot.core.kind import reading
from bot.core.text import normalize
from bot.kinds import load as load_knowledge

REPEATS = 3
BUILDS = 5
TARGET_P99_US = 2000.0  # cold p99 over realistic questions
TARGET_FLOOR = 0.5  # ... and at most half the bare rapidfuzz floor's p99
TARGET_LATIN_P50_US = 500.0
TARGET_BUILD_MS = 300.0
LATIN_SHAPES = ["English sentence", "cloud code"]


def floor_choices(kb) -> list[str]:
    """Every string the resolver looks questions up in, in matching form."""
    texts: set[str] = set()
    for e in kb["status"].statuses.values():
        texts.update((e.name_zh, e.phrase, *e.phrase_aliases, *e.aliases, *e.signatures))
    for r in kb["error"].rows:
        texts.update(t for t in (r.error_code, r.message_zh, r.message_en, r.seed_message) if t)
    for e in kb["network"].entries.values():
        texts.update(t for t in (e.name, e.title_zh, *e.aliases, *e.signatures) if t)
    return sorted({k for k in map(normalize, texts) if k})


def timed(fn, arg) -> float:
    start = time.perf_counter_ns()
    fn(arg)
    return (time.perf_counter_ns() - start) / 1000


def builds(kb, caches: Caches) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {kind.name: [] for kind in kb.kinds}
    out["all"] = []
    for _ in range(BUILDS):
        caches.clear()
        gc.collect()
        total = 0.0
        for kind in kb.kinds:
            start = time.perf_counter()
            kind.build(kb)
            ms = (time.perf_counter() - start) * 1000
            out[kind.name].append(ms)
            total += ms
        out["all"].append(total)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    kb = load_knowledge()
    service = Service(kb)
    caches = Caches()
    print(f"caches emptied for cold figures: {caches.names()}")

    built = builds(kb, caches)
    print("\nindex build, ms, median (best) of", BUILDS, "with empty caches:")
    print("  " + ", ".join(f"{name} {spread(ms)}" for name, ms in built.items()))
    service = Service(kb)  # the kinds were rebuilt: a service over the last build
    caches = Caches()

    choices = floor_choices(kb)

    def wratio(q: str) -> object:
        return process.extractOne(normalize(reading(q)), choices, scorer=fuzz.WRatio, processor=None)

    def ratio(q: str) -> object:
        return process.extractOne(normalize(reading(q)), choices, scorer=fuzz.ratio, processor=None)

    for qs in QUERIES.values():  # code paths warmed (caches are emptied before each timing)
        for q in qs:
            service.resolve(q)
            ratio(q)
    # samples[figure][shape][repeat] = µs per call
    figures = ("cold", "warm", "wratio", "ratio", "read")
    samples = {f: {s: [[] for _ in range(args.repeats)] for s in QUERIES} for f in figures}
    # Interleaved shape by shape: the resolver's calls, then the floors' over the same questions,
    # so both see the same machine, and neither runs right after the other's scans.
    for rep in range(args.repeats):
        for shape, queries in QUERIES.items():
            for q in queries:
                caches.clear()
                samples["cold"][shape][rep].append(timed(service.resolve, q))
            for q in queries:
                service.resolve(q)  # the cold calls emptied the caches before each other
                samples["warm"][shape][rep].append(timed(service.resolve, q))
            if shape == "numeric":
                # The same questions read in full, without the exact tier ("503" answered unread).
                for q in queries:
                    caches.clear()
                    samples["read"][shape][rep].append(timed(service.resolver.read, q))
            for figure, fn in (("wratio", wratio), ("ratio", ratio)):
                for q in queries:
                    caches.clear()
                    samples[figure][shape][rep].append(timed(fn, q))

    def stat(figure: str, shapes: list[str], q: float) -> list[float]:
        """The percentile ``q`` of the pooled shapes, one value per repeat."""
        return [pct([x for s in shapes for x in samples[figure][s][rep]], q) for rep in range(args.repeats)]

    print(f"\nfloor choices: {len(choices)} strings; µs per question, median (best) of {args.repeats} runs")
    head = f"{'shape':<18}{'n':>4}{'cold p50':>12}{'cold p99':>12}{'warm p50':>10}"
    head += f"{'WRatio p99':>13}{'ratio p99':>12}{'cold/WRatio':>12}{'cold/ratio':>11}"
    print(head)
    rows = [(shape, [shape]) for shape in QUERIES] + [("ALL (realistic)", list(QUERIES))]
    for name, shapes in rows:
        cold99, w99, r99 = (
            stat("cold", shapes, 0.99),
            stat("wratio", shapes, 0.99),
            stat("ratio", shapes, 0.99),
        )
        n = sum(len(QUERIES[s]) for s in shapes)
        print(
            f"{name:<18}{n:>4}{spread(stat('cold', shapes, 0.5)):>12}{spread(cold99):>12}"
            f"{spread(stat('warm', shapes, 0.5)):>10}{spread(w99):>13}{spread(r99):>12}"
            f"{statistics.median(c / w for c, w in zip(cold99, w99, strict=True)):>11.2f}x"
            f"{statistics.median(c / r for c, r in zip(cold99, r99, strict=True)):>10.2f}x"
        )

    numeric = QUERIES["numeric"]
    exact = sum(any(k.exact(q) is not None for k in kb.kinds) for q in numeric)
    print(
        f"\nnumeric: {exact} of {len(numeric)} answered by the exact tier; cold p50 {spread(stat('cold', ['numeric'], 0.5))}"
        f" µs, read in full {spread(stat('read', ['numeric'], 0.5))} µs (p99 {spread(stat('read', ['numeric'], 0.99))})"
    )

    latin_p50 = statistics.median(stat("cold", LATIN_SHAPES, 0.5))
    all_p99 = statistics.median(stat("cold", list(QUERIES), 0.99))
    floor_p99 = statistics.median(stat("wratio", list(QUERIES), 0.99))
    ratio_p99 = statistics.median(stat("ratio", list(QUERIES), 0.99))
    build_ms = statistics.median(built["all"])
    checks = [
        (f"cold p99, all shapes: {all_p99:.0f} µs <= {TARGET_P99_US:.0f} µs", all_p99 <= TARGET_P99_US),
        (
            f"cold p99 / WRatio floor p99: {all_p99 / floor_p99:.2f} <= {TARGET_FLOOR}"
            f" (plain-ratio floor: {all_p99 / ratio_p99:.2f})",
            all_p99 <= TARGET_FLOOR * floor_p99,
        ),
        (
            f"English and code p50: {latin_p50:.0f} µs <= {TARGET_LATIN_P50_US:.0f} µs",
            latin_p50 <= TARGET_LATIN_P50_US,
        ),
        (f"index build: {build_ms:.0f} ms <= {TARGET_BUILD_MS:.0f} ms", build_ms <= TARGET_BUILD_MS),
    ]
    print()
    for text, ok in checks:
        print(f"target {'met' if ok else 'NOT met'}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
