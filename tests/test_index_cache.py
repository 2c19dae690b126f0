"""The on-disk cache of the built resolver: same answers as a build, missed by any edit of the
knowledge or code, and never a reason to stop or to trust a file someone else could write."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.chat.service import Service
from bot.core import indexcache
from bot.core.knowledge import KnowledgeError, default_dir
from bot.retrieval.resolver import Resolver
from scripts.answers_snapshot import queries as eval_queries

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(indexcache.ENV_CACHE, str(where))
    return where


def _files(where: Path) -> list[Path]:
    return sorted(where.glob("resolver-*.pickle"))


def test_a_cached_resolver_answers_as_a_fresh_build(cache: Path, service: Service):
    first = Service.load()  # builds and stores
    assert len(_files(cache)) == 1
    again = Service.load()  # reads
    assert again.resolver is not first.resolver
    queries = eval_queries()[::7]
    assert len(queries) > 1000
    for q in queries:
        want, got = service.resolve(q), again.resolve(q)
        assert [(m.kind, m.key, round(m.score, 6)) for m in got.matches] == [
            (m.kind, m.key, round(m.score, 6)) for m in want.matches
        ], q
        assert got.mode == want.mode, q
    # Cards and buttons come from the same knowledge.
    assert again.ask("503").html() == service.ask("503").html()
    assert again.ask("InvalidImageId.NotFound").html() == service.ask("InvalidImageId.NotFound").html()
    assert again.prerender()  # the rendered-card caches were rebuilt empty, not lost


def test_an_edited_data_file_misses_and_is_validated(cache: Path, knowledge_copy: Path):
    Service.load(knowledge_copy)
    before = indexcache.fingerprint(knowledge_copy)
    status = knowledge_copy / "status" / "40x.toml"
    text = status.read_text(encoding="utf-8")
    status.write_text(text.replace('name_zh = "未找到"', 'name_zh = ""', 1), encoding="utf-8")
    assert indexcache.fingerprint(knowledge_copy) != before
    with pytest.raises(KnowledgeError) as err:
        Service.load(knowledge_copy)  # the cached build of the good file is not used
    assert "40x.toml" in str(err.value) and "404" in str(err.value) and "name_zh" in str(err.value)


def test_an_edited_source_file_misses(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    package = tmp_path / "bot"
    (package / "core").mkdir(parents=True)
    (package / "core" / "x.py").write_text("A = 1\n")
    monkeypatch.setattr(indexcache, "_PACKAGE", package)
    before = indexcache.fingerprint(default_dir())
    (package / "core" / "x.py").write_text("A = 2\n")
    assert indexcache.fingerprint(default_dir()) != before
    (package / "core" / "__pycache__").mkdir()
    (package / "core" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    assert indexcache.fingerprint(default_dir()) == indexcache.fingerprint(default_dir())


def test_a_corrupt_file_is_rebuilt_with_one_line(cache: Path, caplog: pytest.LogCaptureFixture):
    Service.load()
    (path,) = _files(cache)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # cut short
    with caplog.at_level(logging.WARNING, logger="bot.core.indexcache"):
        service = Service.load()
    assert service.resolve("503").matches[0].key == "503"
    assert any("unreadable" in r.getMessage() for r in caplog.records)
    assert indexcache.load(default_dir()) is not None  # written again, whole


def test_a_file_of_something_else_is_not_used(cache: Path, caplog: pytest.LogCaptureFixture):
    cache.mkdir(mode=0o700)
    path = cache / f"resolver-{indexcache.fingerprint(default_dir())}.pickle"
    import pickle

    path.write_bytes(pickle.dumps({"not": "a resolver"}))
    path.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="bot.core.indexcache"):
        assert indexcache.load(default_dir()) is None
    assert any("holds no resolver" in r.getMessage() for r in caplog.records)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_file_others_may_write_is_not_trusted(cache: Path, caplog: pytest.LogCaptureFixture):
    Service.load()
    (path,) = _files(cache)
    path.chmod(0o666)
    with caplog.at_level(logging.WARNING, logger="bot.core.indexcache"):
        assert indexcache.load(default_dir()) is None
    assert any("writable by others" in r.getMessage() for r in caplog.records)


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(indexcache.ENV_CACHE, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert indexcache.cache_dir() is None
    Service.load()
    assert not list(tmp_path.iterdir())


def test_the_default_place_follows_xdg(tmp_path: Path):
    assert indexcache.cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "httpcode-bot"
    assert indexcache.cache_dir({indexcache.ENV_CACHE: str(tmp_path)}) == tmp_path
    assert indexcache.cache_dir({indexcache.ENV_CACHE: " OFF "}) is None


def test_an_unwritable_place_only_costs_the_build(tmp_path: Path, monkeypatch, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(indexcache.ENV_CACHE, str(blocker / "cache"))  # under a file: mkdir fails
    with caplog.at_level(logging.WARNING, logger="bot.core.indexcache"):
        service = Service.load()
    assert service.resolve("网关超时怎么办").matches[0].key == "504"
    assert any("not written" in r.getMessage() for r in caplog.records)


def test_only_the_newest_file_is_kept(cache: Path):
    cache.mkdir(mode=0o700)
    stale = cache / "resolver-0123456789abcdef0123456789abcdef.pickle"
    stale.write_bytes(b"old")
    Service.load()
    assert _files(cache) == [cache / f"resolver-{indexcache.fingerprint(default_dir())}.pickle"]
    assert not list(cache.glob(".tmp-*"))


def test_the_cli_check_always_builds_and_refreshes(tmp_path: Path):
    where = tmp_path / "cache"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), indexcache.ENV_CACHE: str(where)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot.cli", *args], env=env, capture_output=True, text=True, timeout=120
        )

    checked = run("check")
    assert checked.returncode == 0, checked.stderr
    (path,) = _files(where)
    path.write_bytes(b"garbage")
    path.chmod(0o644)
    asked = run("ask", "503")  # a bad file: one warning line on stderr, the answer on stdout
    assert asked.returncode == 0 and "503 Service Unavailable" in asked.stdout
    assert "Traceback" not in asked.stderr
    again = run("ask", "503")
    assert again.stdout == asked.stdout and again.stderr == ""
    assert isinstance(indexcache.load(default_dir(), {indexcache.ENV_CACHE: str(where)}), Resolver)
