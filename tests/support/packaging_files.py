"""Load a script from packaging/ (not a package) as a fresh module, as PyInstaller or a build step runs it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load_packaging_script(relative: str) -> ModuleType:
    """Execute ``packaging/<relative>`` in a new module and return it."""
    path = PACKAGING / relative
    spec = importlib.util.spec_from_file_location(f"{path.stem}_under_test", path)
    assert spec is not None, path
    assert spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
