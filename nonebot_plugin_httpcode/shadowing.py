"""Make ``import bot`` find this project's ``bot`` package, not a NoneBot project's ``bot.py``.

NoneBot projects start from a ``bot.py`` (``nb run`` runs it too), and Python puts that file's
folder first on ``sys.path``: ``import bot.chat`` would then find the script, not the package
installed beside this plugin. Loading the package from its own path first settles it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

PACKAGE = "bot"


def use_bundled_bot_package() -> None:
    """Import the ``bot`` package installed beside this plugin under its own name, unless it
    is imported already. Raises ImportError if another module took the name first."""
    here = Path(__file__).resolve().parent.parent / PACKAGE
    loaded = sys.modules.get(PACKAGE)
    if loaded is not None:
        paths = [Path(p).resolve() for p in getattr(loaded, "__path__", [])]
        if here in paths:
            return
        raise ImportError(
            f"状态码助手需要自己的 {PACKAGE!r} 包（{here}），但这个名字已经被 {loaded!r} 占用了；"
            f"请把名为 {PACKAGE}.py 的模块改名"
        )
    spec = importlib.util.spec_from_file_location(
        PACKAGE, here / "__init__.py", submodule_search_locations=[str(here)]
    )
    if spec is None or spec.loader is None:
        raise ImportError(f"状态码助手找不到自己的 {PACKAGE!r} 包：{here}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[PACKAGE]
        raise
