"""The GUI entry: garbage collection stays on the GUI thread; no screen gives a clear message."""

import gc
import logging
import os
import stat
import threading
from typing import ClassVar

import pytest

from voicerecorder.cli import main
from voicerecorder.errors import UserFacingError
from voicerecorder.ui import app
from voicerecorder.ui.app import require_screen
from voicerecorder.ui.gui_gc import GuiThreadCollector


class _Node:
    freed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.cycle = self

    def __del__(self) -> None:
        _Node.freed_on.append(threading.current_thread().name)


def test_cycles_made_on_a_worker_are_collected_on_the_gui_thread(qtbot, qapp):
    gc.collect()  # a clean start: the earlier tests' garbage and counts do not decide the first collection
    collector = GuiThreadCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        _Node.freed_on.clear()
        worker = threading.Thread(target=lambda: [_Node() for _ in range(20000)], name="worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(_Node.freed_on) == 20000, timeout=30000)
        assert set(_Node.freed_on) == {threading.main_thread().name}
    finally:
        collector.stop()
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("env", "platform"),
    [
        ({"DISPLAY": ":0"}, "linux"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({}, "win32"),
        ({}, "darwin"),
    ],
)
def test_a_screen_is_found(env, platform):
    require_screen(env, platform)


def test_no_screen_on_linux_says_what_to_do():
    with pytest.raises(UserFacingError) as caught:
        require_screen({}, "linux")
    assert caught.value.exit_code == 2
    assert "voicerecorder --help" in caught.value.message.en
    assert "桌面" in caught.value.message.zh


def test_no_command_opens_the_wizard_or_explains_why_not(monkeypatch, capsys):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main([]) == 2
    assert "There is no screen to show the wizard on" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_application_log_is_private(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setattr(app, "log_dir", lambda: folder)
    logger = logging.getLogger("voicerecorder")
    handlers, level = list(logger.handlers), logger.level
    previous = os.umask(0o022)
    try:
        app.setup_logging()
        logger.info("a line")
    finally:
        os.umask(previous)
        for handler in set(logger.handlers) - set(handlers):
            handler.close()
            logger.removeHandler(handler)
        logger.setLevel(level)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / app.LOG_NAME).stat().st_mode) == 0o600
    assert "a line" in (folder / app.LOG_NAME).read_text(encoding="utf-8")
