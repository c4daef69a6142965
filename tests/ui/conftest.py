"""Fixtures for the wizard tests: a fake microphone and player, isolated settings, ready-made sessions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from voicerecorder.audio.fake_backend import FakeBackend, fake_device
from voicerecorder.audio.playback import FakePlayer
from voicerecorder.session.script import builtin_script
from voicerecorder.session.store import Session
from voicerecorder.ui import i18n
from voicerecorder.ui.demo import DEMO_VOICES, speech_source
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.services import Services
from voicerecorder.ui.settings import Settings
from voicerecorder.ui.wizard import RecordingWizard


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def backend() -> FakeBackend:
    """A fake USB microphone that speaks (speech-like level movement), fed 4x faster than real time."""
    return FakeBackend(
        devices=[fake_device(0, "USB Mic", "ALSA", is_default=True)], source=speech_source(), speed=4.0
    )


@pytest.fixture
def player() -> FakePlayer:
    return FakePlayer()


@pytest.fixture
def services(backend, player, settings, tmp_path: Path) -> Services:
    return Services(backend=backend, player=player, settings=settings, sessions_root=tmp_path / "sessions")


@pytest.fixture
def make_wizard(qtbot, qapp):
    """Build a wizard (English UI) for the given services; closed at the end of the test."""
    made: list[RecordingWizard] = []
    i18n.set_language("en")

    def build(services: Services) -> RecordingWizard:
        wizard = RecordingWizard(services)
        made.append(wizard)
        return wizard

    yield build
    for wizard in made:  # closed here, not by qtbot: with a session open, closing would ask first
        wizard.page_of(PageId.RECORD).recorder.cancel()
        wizard.leave(ask=False)
        wizard.close()
        wizard.deleteLater()
    i18n.set_language("en")


@pytest.fixture
def wizard(make_wizard, services) -> RecordingWizard:
    return make_wizard(services)


@pytest.fixture
def make_session(services):
    """``make_session(language="EN", create_type="PACKAGE")``: a fresh BASIC e-commerce session
    with no takes."""

    def build(language: str = "EN", create_type: str = "PACKAGE") -> Session:
        script = builtin_script(language, "ECOMMERCE", "BASIC")
        return Session.create(
            DEMO_VOICES[language],
            "BASIC",
            script,
            writer="tests",
            root=services.sessions_root,
            create_type=create_type,
        )

    return build


@pytest.fixture
def session(make_session) -> Session:
    return make_session()


@pytest.fixture
def open_page(qtbot):
    """``open_page(wizard, session, page_id)``: show the wizard starting at ``page_id`` with ``session``."""

    def show(wizard: RecordingWizard, session: Session | None, page_id: int) -> None:
        wizard.holder.set(session)
        wizard.setStartId(int(page_id))
        wizard.show()
        wizard.restart()
        qtbot.waitExposed(wizard)

    return show


@pytest.fixture
def real_record_page(qtbot, virtual_mic, make_wizard, services, open_page, make_session):
    """``(wizard, page, session)``: an English session on the Record page, its live input on the
    real stack (PortAudio -> ALSA -> PulseAudio, the ``virtual_mic``) and audio flowing."""
    from voicerecorder.audio.sounddevice_backend import SoundDeviceBackend

    services.backend = SoundDeviceBackend()
    session = make_session("EN")
    wizard = make_wizard(services)
    open_page(wizard, session, PageId.RECORD)
    qtbot.waitUntil(lambda: wizard.live.engine is not None, timeout=10000)
    assert wizard.live.engine.wait_for_audio(10)
    return wizard, wizard.page_of(PageId.RECORD), session
