"""NoneBot for the plugin's tests only: initialized once, on first use, by these fixtures.

nonebug's own pytest plugin is switched off in pyproject.toml (``-p no:nonebug``): it would set
NoneBot up for every test of the session. Here NoneBot runs with the "none" driver and no
lifespan, the console adapter headless, and the plugin's data files in a temporary directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from nonebot_helpers import SUPERUSER


@pytest.fixture(scope="session")
def nonebot_plugin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    import nonebot
    from nonebot.adapters.console import Adapter as ConsoleAdapter
    from nonebot.adapters.onebot.v11 import Adapter as OneBotV11Adapter
    from nonebot.matcher import matchers
    from nonebug.provider import NoneBugProvider

    data: Path = tmp_path_factory.mktemp("nonebot-data")
    nonebot.init(
        driver="~none",
        console_headless_mode=True,
        localstore_data_dir=data / "data",
        localstore_cache_dir=data / "cache",
        localstore_config_dir=data / "config",
        superusers={f"onebot:{SUPERUSER}"},
        command_start={"/"},
        nickname=set(),
    )
    matchers.set_provider(NoneBugProvider)  # before any matcher exists, as nonebug's plugin does
    driver = nonebot.get_driver()
    driver.register_adapter(OneBotV11Adapter)
    driver.register_adapter(ConsoleAdapter)
    yield nonebot.load_plugin("nonebot_plugin_httpcode")


@pytest.fixture
def app(nonebot_plugin: Any) -> Any:
    from nonebug import App

    return App()
