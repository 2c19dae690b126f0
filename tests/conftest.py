from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.chat.service import Service
from bot.core.knowledge import KnowledgeBase, default_dir
from bot.kinds import load
from tests.e2e_support import fresh_token
from tests.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# Every test builds what it loads (a test may patch what a build reads, which no cache could
# see) and none writes to the home directory; tests/test_index_cache.py turns it on.
os.environ["HTTPCODE_INDEX_CACHE"] = "off"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load()


@pytest.fixture(scope="session")
def service(kb: KnowledgeBase) -> Service:
    return Service(kb)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A private, writable copy of the real knowledge directory."""
    target = tmp_path / "knowledge"
    shutil.copytree(default_dir(), target)
    return target


@pytest.fixture
async def api():
    """A fake Bot API on loopback with a fresh token (the end-to-end tests)."""
    token = fresh_token()
    server = FakeBotApi(token)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
