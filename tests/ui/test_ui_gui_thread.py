"""The GUI thread never does the disk, audio or device work itself: each slow call is watched for the
thread it runs on, and the page shows a consistent busy state until the worker reports back."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from voicerecorder.audio.capture import CaptureEngine
from voicerecorder.audio.takewriter import TakeWriteError
from voicerecorder.errors import UserFacingError
from voicerecorder.session.script import builtin_script
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual
from voicerecorder.ui.demo import DEMO_VOICES
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages import start
from voicerecorder.ui.pages import voice as voice_page
from voicerecorder.ui.take_recorder import State


class Watched:
    """Replaces a callable with one that notes its thread and can be held until released."""

    def __init__(self, original: Callable, hold: bool = False, error: Exception | None = None) -> None:
        self.original = original
        self.threads: list[threading.Thread] = []
        self.release = threading.Event()
        if not hold:
            self.release.set()
        self.error = error

    def __call__(self, *args, **kwargs):
        self.threads.append(threading.current_thread())
        self.release.wait(10)
        if self.error is not None:
            raise self.error
        return self.original(*args, **kwargs)

    @property
    def on_gui_thread(self) -> bool:
        return any(thread is threading.main_thread() for thread in self.threads)


def watch(monkeypatch, owner: object, name: str, **options) -> Watched:
    """Watch ``owner.name`` (a class's method, a classmethod or a module function)."""
    original = getattr(owner, name)
    watched = Watched(original, **options)
    if isinstance(owner, type) and isinstance(owner.__dict__.get(name), classmethod):
        monkeypatch.setattr(owner, name, classmethod(lambda _cls, *a, **k: watched(*a, **k)))
    elif isinstance(owner, type):
        monkeypatch.setattr(owner, name, lambda self, *a, **k: watched(self, *a, **k))
    else:
        monkeypatch.setattr(owner, name, watched)
    return watched


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def test_resuming_opens_the_session_in_a_worker_with_next_disabled_meanwhile(
    qtbot, wizard, open_page, session, monkeypatch
):
    opened = watch(monkeypatch, Session, "open", hold=True)
    open_page(wizard, None, PageId.START)
    page = wizard.page_of(PageId.START)
    qtbot.waitUntil(lambda: page.sessions.topLevelItemCount() == 1, timeout=5000)
    page.resume_radio.setChecked(True)
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened.threads), timeout=5000)
    assert wizard.currentId() == PageId.START
    assert page.opening
    assert not page.isComplete()
    assert not next_button(wizard).isEnabled()
    assert "Opening the session" in page.banner.text
    opened.release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.MICROPHONE, timeout=5000)
    assert not opened.on_gui_thread
    assert wizard.holder.require().folder == session.folder


def test_opening_a_folder_reads_it_in_a_worker(qtbot, wizard, open_page, session, monkeypatch):
    summarised = watch(monkeypatch, start, "summarise")
    open_page(wizard, None, PageId.START)
    page = wizard.page_of(PageId.START)
    page.open_session_folder(session.folder)
    qtbot.waitUntil(lambda: page.resuming and page.selected_folder() == session.folder, timeout=5000)
    assert summarised.threads
    assert not summarised.on_gui_thread


def test_a_folder_opened_before_the_list_arrives_stays_selected(qtbot, wizard, open_page, tmp_path):
    elsewhere = Session.create(
        DEMO_VOICES["EN"], "BASIC", builtin_script("EN", "NEWS", "BASIC"), writer="tests", root=tmp_path
    )
    open_page(wizard, None, PageId.START)
    page = wizard.page_of(PageId.START)
    page.open_session_folder(elsewhere.folder)
    qtbot.waitUntil(lambda: page.resuming, timeout=5000)
    page.refresh()
    qtbot.waitUntil(lambda: not page.tasks.busy, timeout=5000)
    assert page.resuming
    assert page.selected_folder() == elsewhere.folder
    assert page.sessions.topLevelItemCount() == 1


def fill_voice(wizard):
    voice = wizard.page_of(PageId.VOICE)
    voice.voice_name.setText("Anna")
    voice.language.setCurrentIndex(voice.language.findData("EN"))
    return voice


def test_next_on_voice_details_creates_the_session_in_a_worker_with_the_page_disabled(
    qtbot, wizard, open_page, monkeypatch
):
    created = watch(monkeypatch, Session, "create", hold=True)
    open_page(wizard, None, PageId.VOICE)
    voice = fill_voice(wizard)
    voice.voice_name.setFocus()
    qtbot.keyClick(voice.voice_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(created.threads), timeout=5000)
    assert wizard.currentId() == PageId.VOICE
    assert not voice.isEnabled()
    assert not next_button(wizard).isEnabled()
    assert "Creating the session" in voice.banner.text
    created.release.set()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.MICROPHONE, timeout=5000)
    assert not created.on_gui_thread
    assert wizard.holder.require().form.voice_name == "Anna"
    assert voice.isEnabled()


def test_an_imported_script_is_read_in_a_worker_with_next_disabled_meanwhile(
    qtbot, wizard, open_page, monkeypatch, tmp_path
):
    loaded = watch(monkeypatch, voice_page, "load_script_file", hold=True)
    script = tmp_path / "mine.txt"
    script.write_text("\n".join(s.text for s in builtin_script("EN", "NEWS", "BASIC").sentences), "utf-8")
    open_page(wizard, None, PageId.VOICE)
    voice = fill_voice(wizard)
    voice.import_script(script)
    qtbot.waitUntil(lambda: bool(loaded.threads), timeout=5000)
    assert voice.script_status.text() == "Reading mine.txt…"
    assert not next_button(wizard).isEnabled()
    loaded.release.set()
    qtbot.waitUntil(lambda: voice.imported is not None, timeout=5000)
    assert not loaded.on_gui_thread
    assert next_button(wizard).isEnabled()
    assert voice.script_status.text().startswith("mine.txt: 20 sentences")


def test_coming_back_updates_the_form_in_a_worker(qtbot, wizard, open_page, monkeypatch):
    open_page(wizard, None, PageId.VOICE)
    voice = fill_voice(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.MICROPHONE, timeout=5000)
    updated = watch(monkeypatch, Session, "update_form")
    wizard.back()
    voice.voice_name.setText("Anna Lee")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.MICROPHONE, timeout=5000)
    assert updated.threads
    assert not updated.on_gui_thread
    assert wizard.holder.require().form.voice_name == "Anna Lee"


def test_a_session_that_cannot_be_created_is_reported_and_the_page_is_usable_again(
    qtbot, wizard, open_page, monkeypatch
):
    refused = UserFacingError(Bilingual("The disk is full. Free some space.", "磁盘已满。请释放空间。"))
    watch(monkeypatch, Session, "create", error=refused)
    open_page(wizard, None, PageId.VOICE)
    voice = fill_voice(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: "The disk is full" in voice.banner.text, timeout=5000)
    assert wizard.currentId() == PageId.VOICE
    assert voice.isEnabled()
    assert next_button(wizard).isEnabled()
    assert wizard.holder.session is None


def record_page(qtbot, wizard, open_page, session):
    open_page(wizard, session, PageId.RECORD)
    page = wizard.page_of(PageId.RECORD)
    qtbot.waitUntil(lambda: wizard.live.engine is not None, timeout=5000)
    return page


def test_space_creates_the_take_file_in_a_worker(qtbot, wizard, open_page, session, monkeypatch):
    started = watch(monkeypatch, CaptureEngine, "start_take", hold=True)
    named = watch(monkeypatch, Session, "next_take_path")
    page = record_page(qtbot, wizard, open_page, session)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert page.recorder.state is State.RECORDING
    assert page.buttons["record"].text() == "■ Stop (Space)"
    qtbot.waitUntil(lambda: bool(started.threads), timeout=5000)
    qtbot.keyClick(page, Qt.Key.Key_Space)  # stop pressed before the file exists: applied after it
    assert page.recorder.state is State.CHECKING
    started.release.set()
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE and page.report is not None, timeout=15000)
    assert not started.on_gui_thread
    assert not named.on_gui_thread
    assert len(Session.open(session.folder).takes(0)) == 1


def test_r_throws_the_take_away_in_a_worker_and_starts_another(
    qtbot, wizard, open_page, session, monkeypatch
):
    cancelled = watch(monkeypatch, CaptureEngine, "cancel_take")
    page = record_page(qtbot, wizard, open_page, session)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.wait(200)
    qtbot.keyClick(page, Qt.Key.Key_R)
    assert page.recorder.state is State.RECORDING
    qtbot.waitUntil(lambda: bool(cancelled.threads), timeout=5000)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE and page.report is not None, timeout=15000)
    assert not cancelled.on_gui_thread
    takes = Session.open(session.folder).takes(0)
    assert len(takes) == 1
    assert sorted(path.name for path in session.take_path(0, takes[0]).parent.iterdir()) == [takes[0].file]


def test_a_take_that_cannot_start_is_reported_and_the_page_is_idle_again(
    qtbot, wizard, open_page, session, monkeypatch, tmp_path
):
    failure = TakeWriteError(tmp_path / "take-1.partial.wav", "No space left on device")
    watch(monkeypatch, CaptureEngine, "start_take", error=failure)
    page = record_page(qtbot, wizard, open_page, session)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.recorder.state is State.IDLE, timeout=5000)
    assert page.banner.isVisible()
    assert "No space left on device" in page.banner.text
    assert page.buttons["record"].isEnabled()
    assert page.history.isEnabled()


def test_the_microphone_is_listed_and_opened_in_workers(
    qtbot, wizard, open_page, session, backend, monkeypatch
):
    listed = watch(monkeypatch, backend, "list_input_devices")
    opened = watch(monkeypatch, CaptureEngine, "open")
    open_page(wizard, session, PageId.MICROPHONE)
    page = wizard.page_of(PageId.MICROPHONE)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    assert page.devices.currentText() == "USB Mic"
    assert listed.threads
    assert not listed.on_gui_thread
    assert opened.threads
    assert not opened.on_gui_thread


def test_room_tone_file_is_created_in_a_worker(qtbot, wizard, open_page, session, monkeypatch):
    open_page(wizard, session, PageId.MICROPHONE)
    page = wizard.page_of(PageId.MICROPHONE)
    qtbot.waitUntil(page.input_ready, timeout=5000)
    started = watch(monkeypatch, CaptureEngine, "start_take")
    page.measure_room_tone()
    page.test_loud_line()  # ignored: one check at a time
    qtbot.waitUntil(lambda: page.room_findings.report is not None, timeout=8000)
    assert len(started.threads) == 1
    assert not started.on_gui_thread
    assert page.line_findings.report is None


def test_going_back_to_a_sentence_saves_the_position_in_a_worker(
    qtbot, wizard, open_page, session, monkeypatch
):
    page = record_page(qtbot, wizard, open_page, session)
    wizard.next()
    assert wizard.currentId() == PageId.REVIEW
    saved = watch(monkeypatch, Session, "set_current_index")
    wizard.page_of(PageId.REVIEW).rerecord(3)
    assert wizard.currentId() == PageId.RECORD
    assert page.index == 3
    qtbot.waitUntil(lambda: Session.open(session.folder).current_index == 3, timeout=5000)
    assert saved.threads
    assert not saved.on_gui_thread
