"""Start-up to first answer, and the memory of the running bot, beside same-run floors.

* ``httpcode-bot ask 503``: wall time of the whole process (interpreter, imports, knowledge
  load, every index, the answer), and its CPU time (user + system);
* floors, interleaved with it: ``python -c pass`` (the interpreter alone),
  ``python -c "import rapidfuzz, opencc"`` (the libraries ``ask`` cannot start without) and
  the same with ``telegram`` (what ``run`` imports too);
* peak RSS (VmHWM) of the real bot, ``python -m bot.cli run``, polling a fake Bot API on
  127.0.0.1 (tests/fake_bot_api.py) after it answered ``--questions`` realistic questions,
  beside the RSS of the import floor.

Each start-up figure is the median of ``--repeats`` runs, with the best in brackets.

Run: python benchmarks/bench_startup.py [--repeats R] [--questions N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine

from benchmarks.queries import REALISTIC
from tests.fake_bot_api import FakeBotApi

PY = sys.executable
BOT = [PY, "-m", "bot.cli"]
FLOORS = {
    "python -c pass": [PY, "-c", "pass"],
    "import rapidfuzz, opencc": [PY, "-c", "import rapidfuzz, opencc"],  # what ask needs
    "import telegram, rapidfuzz, opencc": [PY, "-c", "import telegram, rapidfuzz, opencc"],  # and run
}
TARGET_START_S = 0.5
TARGET_RSS_MIB = 80.0


def run(cmd: list[str]) -> tuple[float, float, int]:
    """(wall s, CPU s, peak RSS KiB) of one process run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise RuntimeError(f"{cmd} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


def startup(repeats: int) -> dict[str, list[tuple[float, float]]]:
    rows = {"httpcode-bot ask 503": [*BOT, "ask", "503"], **FLOORS}
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in rows}
    for cmd in rows.values():  # warm the file cache once
        run(cmd)
    for _ in range(repeats):
        for name, cmd in rows.items():
            wall, cpu, _ = run(cmd)
            out[name].append((wall, cpu))
    return out


def _rss_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _message(chat_id: int, message_id: int, text: str) -> dict:
    return {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private", "first_name": "用户"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "用户"},
        "text": text,
    }


async def running_bot_rss(questions: int) -> tuple[int, int, float]:
    """(VmHWM KiB, VmRSS KiB, seconds to answer them all) of the bot after ``questions``."""
    token = f"{secrets.randbelow(10**9) + 10**9}:BENCH{secrets.token_hex(16)}"
    async with FakeBotApi(token) as api, asyncio.timeout(120):
        with tempfile.TemporaryDirectory(prefix="bench-rss-") as tmp:
            env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
            env.update(
                TELEGRAM_BOT_TOKEN=token,
                TELEGRAM_API_BASE_URL=api.base_url,
                HTTPCODE_DATA_DIR=tmp,
                LOG_LEVEL="WARNING",
                NO_PROXY="127.0.0.1,localhost",
                no_proxy="127.0.0.1,localhost",
            )
            proc = subprocess.Popen(
                [*BOT, "run"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            try:
                await api.wait_for(lambda c: c.method == "getUpdates", timeout=30)
                start = time.perf_counter()
                texts = [REALISTIC[i % len(REALISTIC)] for i in range(questions)]
                for i, text in enumerate(texts):  # each from its own chat: no flood limit trips
                    await api.enqueue(message=_message(50_000 + i, 1000 + i, text))
                await api.wait_for_count(lambda c: c.method == "sendMessage" and c.ok, questions, timeout=90)
                took = time.perf_counter() - start
                return _rss_kib(proc.pid, "VmHWM"), _rss_kib(proc.pid, "VmRSS"), took
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--questions", type=int, default=300)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    figures = startup(args.repeats)
    ask = figures["httpcode-bot ask 503"]
    floor = figures["import rapidfuzz, opencc"]
    print(f"\nstart-up, seconds, median (best) of {args.repeats}:")
    print(f"{'process':<36}{'wall':>16}{'CPU':>16}")
    for name, values in figures.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        print(
            f"{name:<36}{statistics.median(walls):>9.3f} ({min(walls):.3f})"
            f"{statistics.median(cpus):>9.3f} ({min(cpus):.3f})"
        )
    ask_wall = statistics.median(w for w, _ in ask)
    extra = ask_wall - statistics.median(w for w, _ in floor)
    print(
        f"ask 503 beyond the import floor: {extra:.3f} s ({ask_wall / statistics.median(w for w, _ in floor):.1f}x)"
    )

    _, _, floor_rss = run(FLOORS["import telegram, rapidfuzz, opencc"])
    peak, now, took = asyncio.run(running_bot_rss(args.questions))
    print(
        f"\nrunning bot after {args.questions} questions ({took:.1f} s): peak RSS {peak / 1024:.1f} MiB, "
        f"now {now / 1024:.1f} MiB; import floor {floor_rss / 1024:.1f} MiB"
    )
    checks = [
        (f"ask 503 start to first answer {ask_wall:.3f} s <= {TARGET_START_S} s", ask_wall <= TARGET_START_S),
        (
            f"running bot peak RSS {peak / 1024:.1f} MiB <= {TARGET_RSS_MIB:.0f} MiB",
            peak / 1024 <= TARGET_RSS_MIB,
        ),
    ]
    for text, ok in checks:
        print(f"target {'met' if ok else 'NOT met'}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
