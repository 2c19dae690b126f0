"""Start-up to first answer, and the memory of the running bot, beside same-run floors.

* ``httpcode-bot ask 503``: wall time of the whole process (interpreter, imports, knowledge
  load, every index, the answer), and its CPU time (user + system), three ways: with the
  index cache a start before wrote (bot/core/indexcache.py: every start after the first),
  with no cache (``HTTPCODE_INDEX_CACHE=off``: load, validate and build), and the first start
  into an empty cache directory (the build, then writing the cache); byte-compiled as
  ``pip install .`` leaves it. Every process here keeps its byte code in a private
  ``PYTHONPYCACHEPREFIX`` that the warm-up run writes: with ``PYTHONDONTWRITEBYTECODE=1`` (as
  in this workplace) whether the bot's modules were compiled from source (~0.1 s) used to
  depend on whether something, such as a test, had left ``bot/__pycache__`` behind;
* floors, interleaved with it: ``python -c pass`` (the interpreter alone),
  ``python -c "import rapidfuzz"`` (the libraries ``ask`` cannot start without) and
  the same with ``telegram`` (what ``run`` imports too);
* peak RSS (VmHWM) of the real bot, ``python -m bot.cli run``, polling a fake Bot API on
  127.0.0.1 (tests/fake_bot_api.py) after it answered ``--questions`` realistic questions
  (``run`` builds its indexes and reads no index cache: see ``Service.load``), after a
  warm-up run of the bot wrote the byte code of everything it imports,
  beside the RSS of the import floor (with and without ``cryptography``, which PTB imports
  for Telegram Passport whenever it is installed and ``run`` keeps out; ``run`` also leaves
  out tornado when it polls).

Each start-up figure is the median of ``--repeats`` runs, with the best in brackets.

Run: python benchmarks/bench_startup.py [--repeats R] [--questions N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, bot_env, machine, private_message, stop

from benchmarks.queries import REALISTIC
from bot.core.indexcache import ENV_CACHE
from tests.fake_bot_api import FakeBotApi

PY = sys.executable
BOT = [PY, "-m", "bot.cli"]
# The same without cryptography, which `run` keeps out (see bot.cli._unused_optional_imports).
RUN_FLOOR = "import sys; sys.modules['cryptography'] = None; import telegram, rapidfuzz"
FLOORS = {
    "python -c pass": [PY, "-c", "pass"],
    "import rapidfuzz": [PY, "-c", "import rapidfuzz"],  # what ask needs
    "import telegram, rapidfuzz": [PY, "-c", "import telegram, rapidfuzz"],  # and run
}
TARGET_START_S = 0.5
TARGET_RSS_MIB = 80.0


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall s, CPU s) of one process run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise RuntimeError(f"{cmd} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def import_peak_kib(code: str) -> int:
    """VmHWM of a process that runs ``code``, read by that process itself (the children's
    ``ru_maxrss`` is the largest of all children so far, not this one's)."""
    probe = f"{code}\nprint(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')))"
    proc = subprocess.run([PY, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return int(proc.stdout.split()[-1])


def compiled_env(pycache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = pycache
    return env


ASK = "httpcode-bot ask 503"
ASK_OFF = "  ... no index cache"
ASK_FIRST = "  ... first start, writes the cache"


def startup(repeats: int, env: dict[str, str], cache: str) -> dict[str, list[tuple[float, float]]]:
    """Each row's (wall, CPU) per repeat; ``cache``: the index cache directory of the warm row."""
    ask = [*BOT, "ask", "503"]
    warm, off = {**env, ENV_CACHE: cache}, {**env, ENV_CACHE: "off"}
    rows = {ASK: (ask, warm), ASK_OFF: (ask, off), ASK_FIRST: (ask, None), **{k: (v, env) for k, v in FLOORS.items()}}
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in rows}
    # Warm the file cache once, and write the byte code (of what `run` imports too) and the index cache.
    run([PY, "-c", "import bot.cli, bot.frontends.telegram.app, bot.frontends.telegram.webhook"], env)
    with tempfile.TemporaryDirectory(prefix="bench-first-") as first:
        for _ in range(repeats + 1):
            for name, (cmd, row_env) in rows.items():
                if row_env is None:  # an empty cache directory every time
                    shutil.rmtree(first, ignore_errors=True)
                    row_env = {**env, ENV_CACHE: first}
                took = run(cmd, row_env)
                if _:  # the first round only warms up
                    out[name].append(took)
    return out


def _rss_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


async def running_bot_rss(questions: int, base_env: dict[str, str]) -> tuple[int, int, float]:
    """(VmHWM KiB, VmRSS KiB, seconds to answer them all) of the bot after ``questions``."""
    token = f"{secrets.randbelow(10**9) + 10**9}:BENCH{secrets.token_hex(16)}"
    async with FakeBotApi(token) as api, asyncio.timeout(120):
        with tempfile.TemporaryDirectory(prefix="bench-rss-") as tmp:
            env = bot_env(base_env, token, api.base_url, tmp)
            proc = subprocess.Popen(
                [*BOT, "run"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            try:
                await api.wait_for(lambda c: c.method == "getUpdates", timeout=30)
                start = time.perf_counter()
                texts = [REALISTIC[i % len(REALISTIC)] for i in range(questions)]
                for i, text in enumerate(texts):  # each from its own chat: no flood limit trips
                    await api.enqueue(message=private_message(50_000 + i, 1000 + i, text))
                await api.wait_for_count(lambda c: c.method == "sendMessage" and c.ok, questions, timeout=90)
                took = time.perf_counter() - start
                return _rss_kib(proc.pid, "VmHWM"), _rss_kib(proc.pid, "VmRSS"), took
            finally:
                stop(proc)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--questions", type=int, default=300)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    pycache = tempfile.TemporaryDirectory(prefix="bench-pycache-")
    cache = tempfile.TemporaryDirectory(prefix="bench-index-cache-")
    env = compiled_env(pycache.name)
    figures = startup(args.repeats, env, cache.name)
    ask = figures[ASK]
    floor = figures["import rapidfuzz"]
    print(f"\nstart-up, seconds, median (best) of {args.repeats}:")
    print(f"{'process':<36}{'wall':>16}{'CPU':>16}")
    for name, values in figures.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        print(
            f"{name:<36}{statistics.median(walls):>9.3f} ({min(walls):.3f})"
            f"{statistics.median(cpus):>9.3f} ({min(cpus):.3f})"
        )
    ask_wall = statistics.median(w for w, _ in ask)
    floor_wall = statistics.median(w for w, _ in floor)
    for name in (ASK, ASK_OFF, ASK_FIRST):
        wall = statistics.median(w for w, _ in figures[name])
        print(f"{name.strip(' .')} beyond the import floor: {wall - floor_wall:.3f} s ({wall / floor_wall:.1f}x)")

    floor_rss = import_peak_kib(FLOORS["import telegram, rapidfuzz"][-1])
    run_floor_rss = import_peak_kib(RUN_FLOOR)
    # A warm-up run first writes the byte code of what `run` imports only once it is running
    # (the transport, the polling loop, the settings store ...): compiling those from source
    # raised the measured peak ~3-5 MiB, which no installed bot pays (pip byte-compiles).
    asyncio.run(running_bot_rss(10, {**env, ENV_CACHE: cache.name}))
    peak, now, took = asyncio.run(running_bot_rss(args.questions, {**env, ENV_CACHE: cache.name}))
    pycache.cleanup()
    cache.cleanup()
    print(
        f"\nrunning bot after {args.questions} questions ({took:.1f} s): peak RSS {peak / 1024:.1f} MiB, "
        f"now {now / 1024:.1f} MiB; import floor {floor_rss / 1024:.1f} MiB, "
        f"{run_floor_rss / 1024:.1f} MiB without cryptography"
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
