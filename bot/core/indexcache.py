"""The built resolver, kept on disk between runs so a start reads it instead of rebuilding.

Loading and validating the knowledge base and building every index take ~0.4 s of a one-shot
``httpcode-bot ask 503``; unpickling what they produced takes a fraction of that. The file is
named after a fingerprint of everything the build reads: each file under the knowledge
directory, each file of the ``bot`` package (code, generated text forms), the Python and
rapidfuzz versions. Any edit therefore misses the cache, and a miss runs the whole load,
validation included, so a bad data file is reported exactly as without the cache.

It is a cache: a file that cannot be read, written or trusted is ignored (one log line) and
the bot builds as it would without one. ``$HTTPCODE_INDEX_CACHE`` names the directory, or
turns the cache off (``off``); the default is ``$XDG_CACHE_HOME/httpcode-bot``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import rapidfuzz

if TYPE_CHECKING:
    from bot.retrieval.resolver import Resolver

ENV_CACHE = "HTTPCODE_INDEX_CACHE"
OFF = frozenset({"off", "0", "false", "no", "none"})
# Bumped when what is pickled changes in a way the sources' bytes would not show.
FORMAT = 1
_PREFIX = "resolver-"
_PACKAGE = Path(__file__).resolve().parent.parent  # bot/

log = logging.getLogger(__name__)


def cache_dir(environ: os._Environ[str] | dict[str, str] | None = None) -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    env = os.environ if environ is None else environ
    value = env.get(ENV_CACHE, "").strip()
    if value.lower() in OFF:
        return None
    if value:
        return Path(value)
    base = env.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "httpcode-bot"


def _files(root: Path) -> list[Path]:
    """Every file under ``root`` in a fixed order, compiled bytecode left out."""
    return sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def fingerprint(knowledge: Path) -> str:
    """A digest of everything a build reads (see the module docstring)."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{rapidfuzz.__version__}\0".encode())
    knowledge = knowledge.resolve()
    for label, root in (("bot", _PACKAGE), ("knowledge", knowledge)):
        for path in _files(root):
            if label == "bot" and knowledge in path.parents:
                continue  # a wheel's own copy (bot/_knowledge): read once, as the knowledge
            digest.update(f"\0{label}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _trusted(path: Path) -> bool:
    """Written by this user (or root, for an image built ahead) and by nobody else: unpickling
    runs whatever the file says."""
    info = path.stat()
    owners = {0, os.getuid()} if hasattr(os, "getuid") else None
    if owners is not None and info.st_uid not in owners:
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(knowledge: Path, environ: dict[str, str] | None = None) -> Resolver | None:
    """The resolver a build of this knowledge and code made before, or None."""
    where = cache_dir(environ)
    if where is None:
        return None
    import pickle  # here: the long-running bot reads no cache and keeps these modules out

    try:
        path = where / f"{_PREFIX}{fingerprint(knowledge)}.pickle"
        if not path.is_file():
            return None
        if not _trusted(path):
            log.warning("index cache %s is writable by others or not ours; ignored", path)
            return None
        with path.open("rb") as fh:
            resolver = pickle.load(fh)
    except Exception as exc:  # a cache never stops the bot: build instead
        log.warning("index cache unreadable (%s: %s); building the indexes", type(exc).__name__, exc)
        return None
    from bot.retrieval.resolver import Resolver

    if not isinstance(resolver, Resolver):
        log.warning("index cache %s holds no resolver; building the indexes", path)
        return None
    return resolver


def store(resolver: Resolver, knowledge: Path, environ: dict[str, str] | None = None) -> Path | None:
    """Write ``resolver`` for the next start (atomically; older files removed); where, or None."""
    where = cache_dir(environ)
    if where is None:
        return None
    import pickle
    import tempfile  # with shutil, bz2, lzma, random: only a start that writes the cache pays

    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = where / f"{_PREFIX}{fingerprint(knowledge)}.pickle"
        fd, tmp = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(resolver, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in where.glob(f"{_PREFIX}*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except Exception as exc:
        log.warning("index cache not written (%s: %s)", type(exc).__name__, exc)
        return None
    return path
