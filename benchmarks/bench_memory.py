"""Where the running bot's memory goes: RSS after start-up and after a question stream, by mapping.

The bot is the real one (``python -m bot.cli run`` polling tests/fake_bot_api.py on 127.0.0.1,
as in bench_startup.py). Its RSS is read twice: once it polls (start-up done: knowledge base,
indexes, prerendered cards), and after it answered ``--questions`` realistic questions, each
from its own chat. Between the two, the growth is split by mapping (``/proc/PID/smaps``):

* ``[heap]``: glibc's heap: Python objects over 512 bytes, and C allocations (the
  traditional-Chinese table, ~0.3 MiB, is built by the first question with a traditional
  character; OpenCC's converter, which it replaced, took ~1.6 MiB);
* ``[anon]``: mostly pymalloc's 1 MiB arenas (Python objects up to 512 bytes);
* shared libraries: code pages touched for the first time (rapidfuzz's scorers).

Peak RSS (VmHWM) equals the final RSS here: freed memory is reused, never handed back, so the
peak is what start-up keeps plus what the stream adds beyond the free space start-up left.

Run: python benchmarks/bench_memory.py [--questions N] [--repeats R]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, bot_env, machine, private_message, stop

from benchmarks.queries import REALISTIC
from tests.fake_bot_api import FakeBotApi

BOT = [sys.executable, "-m", "bot.cli", "run"]


def status_mib(pid: int) -> dict[str, float]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmHWM:", "VmRSS:")):
            name, value = line.split(":")
            out[name] = int(value.split()[0]) / 1024
    return out


def mappings_kib(pid: int) -> dict[str, int]:
    """Resident KiB per mapping name (file base name, ``[heap]``, or ``[anon]``)."""
    out: dict[str, int] = {}
    name = "[anon]"
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        parts = line.split()
        if not parts:
            continue
        if "-" in parts[0] and not parts[0].endswith(":"):
            name = parts[5].rsplit("/", 1)[-1] if len(parts) > 5 else "[anon]"
        elif parts[0] == "Rss:":
            out[name] = out.get(name, 0) + int(parts[1])
    return out


async def one_run(questions: int, pycache: str) -> tuple[dict[str, float], dict[str, float], dict[str, int]]:
    """(status after start-up, status after the questions, growth KiB by mapping)."""
    token = f"{secrets.randbelow(10**9) + 10**9}:BENCH{secrets.token_hex(16)}"
    async with FakeBotApi(token) as api, asyncio.timeout(180):
        with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
            base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env = bot_env(base, token, api.base_url, tmp)
            env["PYTHONPYCACHEPREFIX"] = pycache
            proc = subprocess.Popen(
                BOT, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            try:
                await api.wait_for(lambda c: c.method == "getUpdates", timeout=60)
                await asyncio.sleep(0.3)
                started, before = status_mib(proc.pid), mappings_kib(proc.pid)
                for i in range(questions):
                    text = REALISTIC[i % len(REALISTIC)]
                    await api.enqueue(message=private_message(50_000 + i, 1000 + i, text))
                await api.wait_for_count(lambda c: c.method == "sendMessage" and c.ok, questions, timeout=150)
                done, after = status_mib(proc.pid), mappings_kib(proc.pid)
            finally:
                stop(proc)
    growth = {name: after.get(name, 0) - before.get(name, 0) for name in set(before) | set(after)}
    return started, done, growth


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as pycache:
        asyncio.run(one_run(5, pycache))  # writes the byte code: the runs below load it
        runs = [asyncio.run(one_run(args.questions, pycache)) for _ in range(args.repeats)]
    print(f"\nMiB, median (best) of {args.repeats} runs; {args.questions} questions from as many chats")
    for label, values in (
        ("RSS after start-up", [s["VmRSS"] for s, _, _ in runs]),
        (f"RSS after {args.questions} questions", [d["VmRSS"] for _, d, _ in runs]),
        ("peak RSS (VmHWM)", [d["VmHWM"] for _, d, _ in runs]),
    ):
        print(f"  {label:<32}{statistics.median(values):7.1f} ({min(values):.1f})")
    names = {name for _, _, growth in runs for name in growth}
    rows = sorted(names, key=lambda n: -statistics.median(g.get(n, 0) for _, _, g in runs))
    print("growth during the questions, by mapping (median KiB):")
    for name in rows:
        kib = statistics.median(g.get(name, 0) for _, _, g in runs)
        if abs(kib) >= 64:
            print(f"  {name:<52}{kib:8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
