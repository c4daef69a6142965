"""``voicerecorder --self-test``: prove that an installed or frozen copy has all it needs.

Each check prints one line, ``OK``, ``SKIP`` or ``FAIL`` with what it found or why it
failed; the run returns 0 when no check failed. Installers and CI run it on the built
bundle, so it must work without a display (Qt falls back to the offscreen platform) and
without any audio device (zero devices is fine; a missing native library is not).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import voicerecorder
from voicerecorder.paths import resources_dir

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


class SkipCheck(Exception):
    """Raised by a check that has nothing to test in this build; the message says why."""


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


def check_portaudio() -> str:
    """Load PortAudio through sounddevice, and rtmixer's C callback and ring buffer."""
    import rtmixer
    import sounddevice

    ring = rtmixer.RingBuffer(4, 16)
    return (
        f"{sounddevice.get_portaudio_version()[1]} from {sounddevice._libname}; "
        f"rtmixer {rtmixer.__version__} (ring buffer: {ring.write_available} frames free)"
    )


def check_libsndfile() -> str:
    """Load libsndfile through soundfile."""
    import soundfile

    return f"{soundfile.__libsndfile_version__}"


def check_devices() -> str:
    """List the audio devices; none at all is fine on a build machine."""
    import sounddevice

    devices = sounddevice.query_devices()
    inputs = sum(1 for device in devices if device["max_input_channels"] > 0)
    return f"{len(devices)} devices, {inputs} with inputs"


def check_wav_round_trip() -> str:
    """Write a 1 s 440 Hz WAV into a temporary folder and read it back unchanged."""
    from voicerecorder.audio.wavfile import read_audio, write_wav_atomically

    rate = 48000
    tone = (0.5 * np.sin(2 * np.pi * 440 * np.arange(rate) / rate)).astype(np.float32)
    with tempfile.TemporaryDirectory(prefix="voicerecorder-selftest-") as folder:
        path = Path(folder) / "tone.wav"
        write_wav_atomically(path, tone, rate)
        audio = read_audio(path)
    if audio.samplerate != rate or audio.samples.shape != (rate, 1):
        raise RuntimeError(f"read back {audio.samples.shape} at {audio.samplerate} Hz")
    error = float(np.max(np.abs(audio.mono() - tone)))
    if error > 1e-4:
        raise RuntimeError(f"samples differ by up to {error:.6f} after the round trip")
    return f"1 s at {rate} Hz written and read back"


def _qt_application():
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "voicerecorder"])


def check_qt() -> str:
    """Start Qt's platform plugin and load the application icon."""
    from PySide6.QtGui import QIcon

    app = _qt_application()
    icons = sorted((resources_dir() / "icons").glob("voicerecorder-*.png"))
    if not icons:
        raise RuntimeError(f"no application icons in {resources_dir() / 'icons'}")
    icon = QIcon()
    for path in icons:
        icon.addFile(str(path))
    if icon.isNull() or not icon.availableSizes():
        raise RuntimeError(f"Qt could not load the icons in {resources_dir() / 'icons'}")
    return f"platform {app.platformName()}, {len(icon.availableSizes())} icon sizes"


def _qt_translations_dir() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def check_translations() -> str:
    """Load Qt's own Chinese translation and every compiled translation in resources/i18n."""
    from PySide6.QtCore import QTranslator

    qt_dir = _qt_translations_dir()
    if not QTranslator().load("qtbase_zh_CN", qt_dir):
        raise RuntimeError(f"Qt's Chinese translation qtbase_zh_CN.qm is missing from {qt_dir}")
    folder = resources_dir() / "i18n"
    files = sorted(folder.glob("*.qm"))
    if not files:
        raise SkipCheck(f"qtbase_zh_CN loaded; none of voicerecorder's own yet ({folder} has no .qm files)")
    for path in files:
        translator = QTranslator()
        if not translator.load(str(path)) or translator.isEmpty():
            raise RuntimeError(f"{path.name} could not be loaded or is empty")
    return "qtbase_zh_CN, " + ", ".join(path.stem for path in files)


def check_sandbox() -> str:
    """Start the in-process sandbox in a temporary folder, make one signed API call to it, stop it."""
    from voicerecorder.cloud.client import MetaStudioClient
    from voicerecorder.cloud.config import AkSkAuth, build_config
    from voicerecorder.sandbox import DEFAULT_AK, DEFAULT_SK, start_in_process

    with tempfile.TemporaryDirectory(prefix="voicerecorder-selftest-") as folder:
        server = start_in_process(Path(folder))
        try:
            config = build_config(
                region=None,
                endpoint=server.base_url,
                project_id=server.project_id,
                auth=AkSkAuth(DEFAULT_AK, DEFAULT_SK),
            )
            url = server.base_url
            durations = MetaStudioClient(config).show_tenant_duration_cfg()
        finally:
            server.stop()
    return f"answered a signed request at {url} (basic edition minimum {durations.basic_min} s) and stopped"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("imports", check_imports),
    ("portaudio", check_portaudio),
    ("libsndfile", check_libsndfile),
    ("devices", check_devices),
    ("wav", check_wav_round_trip),
    ("qt", check_qt),
    ("translations", check_translations),
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
