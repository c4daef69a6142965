"""``voicerecorder --screenshots DIR``: every wizard page, with demo data, rendered to PNG offscreen."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QSettings

from voicerecorder.audio.playback import FakePlayer
from voicerecorder.quality.roomtone import check_headroom_line, check_room_tone
from voicerecorder.ui import i18n
from voicerecorder.ui.demo import DEMO_REJECTED, RATE, demo_backend, demo_session, demo_take
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.microphone import MicrophonePage
from voicerecorder.ui.pages.record import RecordPage
from voicerecorder.ui.pages.voice import VoicePage
from voicerecorder.ui.screenshots_cloud import CLOUD_PAGES, render_dialogs
from voicerecorder.ui.services import Services
from voicerecorder.ui.settings import Settings
from voicerecorder.ui.wizard import RecordingWizard

SETTLE_S = 1.2
SIZE = (1280, 640)  # a laptop's available area: 1920×1080 at 150 %, or 1366×768, less taskbar and title


def _settle(seconds: float, until: Callable[[], bool] = lambda: False) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not until():
        QCoreApplication.processEvents()
        time.sleep(0.01)


def _fill_voice(wizard: RecordingWizard, language: str) -> None:
    page = wizard.page_of(PageId.VOICE)
    assert isinstance(page, VoicePage)
    session = wizard.holder.require()
    page.set_form(session.form, session.edition, session.create_type)


def _fill_microphone(wizard: RecordingWizard, language: str) -> None:
    page = wizard.page_of(PageId.MICROPHONE)
    assert isinstance(page, MicrophonePage)
    _settle(3.0, lambda: wizard.live.engine is not None)
    quiet = np.random.default_rng(3).normal(0, 0.0003, 5 * RATE).astype(np.float32)
    page._measured("room", check_room_tone(quiet, RATE), page.room_status, page.room_findings)
    loud = demo_take(page.line_text.text(), "CN" if language == "zh_CN" else "EN", gain=0.75)
    page._measured("line", check_headroom_line(loud, RATE), page.line_status, page.line_findings)


def _limit_record(wizard: RecordingWizard, language: str) -> None:
    page = wizard.page_of(PageId.RECORD)
    assert isinstance(page, RecordPage)
    page.set_limited(DEMO_REJECTED)


DEMO_PAGES: tuple[tuple[PageId, str, Callable[[RecordingWizard, str], None] | None], ...] = (
    (PageId.START, "start", None),
    (PageId.VOICE, "voice-details", _fill_voice),
    (PageId.MICROPHONE, "microphone", _fill_microphone),
    (PageId.RECORD, "record", None),
    (PageId.RECORD, "record-rejected", _limit_record),
    *CLOUD_PAGES,
)


def render_all(directory: Path, language: str = "en", settle_s: float = SETTLE_S) -> list[Path]:
    """Render every page in DEMO_PAGES to ``directory/<nn>-<page>.png``; returns the files written.

    ``settle_s`` is how long each page runs before it is drawn (its meters and workers settle).
    The demo sessions live in a temporary folder that is removed afterwards.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="voicerecorder-demo-", ignore_cleanup_errors=True) as work:
        return _render(directory, language, settle_s, Path(work))


def _render(directory: Path, language: str, settle_s: float, work: Path) -> list[Path]:
    from voicerecorder.ui.app import application

    app = application()
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    i18n.set_language(language)
    script_language = "CN" if language == "zh_CN" else "EN"
    sessions = work / "sessions"
    demo_session(sessions, "EN" if script_language == "CN" else "CN", recorded=0)
    session = demo_session(sessions, script_language)
    services = Services(
        backend=demo_backend(), player=FakePlayer(), settings=settings, sessions_root=sessions
    )
    written = []
    for number, (page_id, name, fill) in enumerate(DEMO_PAGES, 1):
        wizard = RecordingWizard(services)
        wizard.resize(*SIZE)
        wizard.holder.set(session)
        wizard.setStartId(int(page_id))
        wizard.show()
        wizard.restart()
        if fill is not None:
            fill(wizard, language)
        _settle(settle_s)
        wizard.focus_page()  # where a keyboard user's focus is: on the page, shown by the focus ring
        _settle(0.05)
        path = directory / f"{number:02d}-{name}.png"
        wizard.grab().save(str(path))
        written.append(path)
        wizard.leave(ask=False)  # a demo: nobody to ask
        wizard.close()
        wizard.deleteLater()  # deleted here, on the GUI thread, not by a garbage collection on a worker
        app.processEvents()
    return written + render_dialogs(directory, services, session, len(DEMO_PAGES) + 1)
