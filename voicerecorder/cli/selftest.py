"""``voicerecorder --self-test``: prove that an installed or frozen copy has all it needs.

The probes live in their layers (``audio.selfcheck``, ``ui.selfcheck``, ``sandbox.selfcheck``);
this module lists them, adds the import check and runs them.

Each check prints one line, ``OK``, ``SKIP`` or ``FAIL`` with what it found or why it
failed; the run returns 0 when no check failed. Installers and CI run it on the built
bundle, so it must work without a display (Qt falls back to the offscreen platform) and
without any audio device (zero devices is fine; a missing native library is not).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import voicerecorder
from voicerecorder.audio.selfcheck import (
    check_devices,
    check_libsndfile,
    check_portaudio,
    check_wav_round_trip,
)
from voicerecorder.errors import SkipCheck
from voicerecorder.quality.selfcheck import check_checker
from voicerecorder.sandbox.selfcheck import check_sandbox
from voicerecorder.ui.icu_selfcheck import check_icu
from voicerecorder.ui.selfcheck import check_qt, check_translations

OK = "OK"
SKIP = "SKIP"
FAIL = "FAIL"


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: its status (OK, SKIP or FAIL) and a one-line detail."""

    name: str
    status: str
    detail: str

    def line(self) -> str:
        return f"{self.status:<4} {self.name}: {self.detail}"


def _module_names() -> Iterator[str]:
    yield voicerecorder.__name__
    for info in pkgutil.walk_packages(voicerecorder.__path__, voicerecorder.__name__ + "."):
        if not info.name.endswith(".__main__"):
            yield info.name


def check_imports() -> str:
    """Import every module of the voicerecorder package."""
    names = list(_module_names())
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} modules"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("imports", check_imports),
    ("portaudio", check_portaudio),
    ("libsndfile", check_libsndfile),
    ("devices", check_devices),
    ("wav", check_wav_round_trip),
    ("qt", check_qt),
    ("translations", check_translations),
    ("icu", check_icu),
    ("checker", check_checker),
    ("sandbox", check_sandbox),
)


def run_check(name: str, check: Callable[[], str]) -> CheckResult:
    """Run one check and turn its outcome (or exception) into a result."""
    try:
        return CheckResult(name, OK, check())
    except SkipCheck as skipped:
        return CheckResult(name, SKIP, str(skipped))
    except Exception as error:
        return CheckResult(name, FAIL, f"{type(error).__name__}: {error}")


def run(print_line: Callable[[str], None] = print) -> int:
    """Run every check, print one line each and a summary; return 0 if none failed, else 1."""
    python = sys.version.split()[0]
    print_line(f"voicerecorder {voicerecorder.__version__} self-test ({sys.platform}, Python {python})")
    results = [run_check(name, check) for name, check in CHECKS]
    for result in results:
        print_line(result.line())
    failed = [result.name for result in results if result.status == FAIL]
    if failed:
        print_line(f"self-test FAILED: {', '.join(failed)}")
        return 1
    print_line("self-test passed")
    return 0
