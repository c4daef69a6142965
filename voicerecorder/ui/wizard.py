"""The recording wizard: the page order, the shared session and microphone, moving between pages
(:class:`~voicerecorder.ui.navigation.Navigator`) and closing safely.

Adding a page:
1. write ``voicerecorder/ui/pages/<name>.py`` with a subclass of
   ``voicerecorder.ui.pages.base.WizardPage`` (``CloudJobPage`` for a cloud workflow) whose
   constructor takes ``(services, holder, live)`` and calls ``super().__init__(services, holder,
   live)`` first; place ``self.banner`` in its layout, set every text in ``retranslate()`` (the
   base calls it on a language change; call it once at the end of ``__init__``), run slow work
   with ``self.tasks.start(...)``, show errors with ``self.show_error(error)`` and move with
   ``self.navigator()``, never by importing another page;
2. register it: give it an id in ``voicerecorder.ui.page_ids.PageId`` and add it to ``PAGES``
   below (order = page order);
3. add it to ``voicerecorder.ui.screenshots.DEMO_PAGES`` so ``--screenshots`` renders it, run
   ``packaging/dev/update-translations.sh`` to extract and compile its strings, and
   ``packaging/dev/update-screenshots.sh`` to redraw README's pictures (a test compares them).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from voicerecorder.ui import leaving
from voicerecorder.ui.dialogs.launcher import BUTTON_LAYOUT, STEP_FORWARD, DialogLauncher
from voicerecorder.ui.live_input import LiveInput
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.base import WizardPage
from voicerecorder.ui.pages.microphone import MicrophonePage
from voicerecorder.ui.pages.quality_check import QualityCheckPage
from voicerecorder.ui.pages.record import RecordPage
from voicerecorder.ui.pages.review import ReviewPage
from voicerecorder.ui.pages.start import StartPage
from voicerecorder.ui.pages.submit import SubmitPage
from voicerecorder.ui.pages.track import TrackPage
from voicerecorder.ui.pages.voice import VoicePage
from voicerecorder.ui.placement import placement
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.segment_uploader import uploader_of
from voicerecorder.ui.services import Services, SessionHolder

PAGES: tuple[tuple[PageId, type[WizardPage]], ...] = (
    (PageId.START, StartPage),
    (PageId.VOICE, VoicePage),
    (PageId.MICROPHONE, MicrophonePage),
    (PageId.RECORD, RecordPage),
    (PageId.REVIEW, ReviewPage),
    (PageId.QUALITY, QualityCheckPage),
    (PageId.SUBMIT, SubmitPage),
    (PageId.TRACK, TrackPage),
)

STEP_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.FinishButton,
)


class RecordingWizard(Retranslating, QWizard):
    """The main window: owns the services, the current session and the shared microphone."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.holder = SessionHolder(self)
        self.live = LiveInput(services.backend, self)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        for page_id, page_class in PAGES:
            self.setPage(int(page_id), page_class(services, self.holder, self.live))
        self.setStartId(int(PageId.START))
        self.dialogs = DialogLauncher(self, services)
        self._left = False
        quit_key = QShortcut(QKeySequence("Ctrl+Q"), self, context=Qt.ShortcutContext.WindowShortcut)
        quit_key.activated.connect(self.close)
        self.currentIdChanged.connect(lambda _id: QTimer.singleShot(0, self, self.focus_page))
        self.currentIdChanged.connect(lambda _id: self._show_read_only())
        self.holder.changed.connect(self._show_read_only)
        self.retranslate()

    def place(self) -> None:
        """Put the window where it was last closed, inside the available area of the screen it is on."""
        saved = self.services.settings.window_geometry()
        screen = (QGuiApplication.screenAt(saved.center()) if saved is not None else None) or self.screen()
        self.setGeometry(placement(saved, screen.availableGeometry()))

    @property
    def read_only(self) -> bool:
        """Whether the session is open for browsing and listening only (another process holds its lock)."""
        session = self.holder.session
        return session is not None and not session.writable

    def _show_read_only(self) -> None:
        """Past Start a read-only session has no Next or Finish (nothing past browsing); say why."""
        browsing = self.read_only and self.currentId() != int(PageId.START)
        self.setButtonLayout([b for b in BUTTON_LAYOUT if not (browsing and b in STEP_FORWARD)])
        page = self.currentPage()
        if browsing and isinstance(page, WizardPage):
            page.banner.show_message(
                self.tr(
                    "Read-only: another program is changing this session. You can browse and listen; "
                    "to record, close the session there, go Back and continue it again."
                ),
                "info",
            )

    def validateCurrentPage(self) -> bool:
        """Nothing past the Start page moves on while the session is read-only."""
        if self.read_only and self.currentId() != int(PageId.START):
            return False
        return super().validateCurrentPage()

    def page_of(self, page_id: PageId) -> QWizardPage:
        """The page widget with ``page_id``."""
        return self.page(int(page_id))

    def go_to(self, page_id: PageId) -> bool:
        """Step back through the history, or forward with Next, until ``page_id`` is current; False
        when a page refuses to move or ``page_id`` is not on the way."""
        target = int(page_id)
        forward = self.currentId() < target
        while self.currentId() != target:
            before = self.currentId()
            if forward:
                self.next()
            else:
                self.back()
            now = self.currentId()
            if now == before or (now > target if forward else now < target):
                return False
        return True

    def rerecord(self, indices: Sequence[int], *, limit: bool = False) -> bool:
        """Open the Record page at the first of ``indices`` (saved as the current sentence); with
        ``limit`` the page keeps to those sentences until each has a new take. Never while read-only."""
        record = self.page_of(PageId.RECORD)
        if self.read_only or not indices or not isinstance(record, RecordPage):
            return False
        if not self.go_to(PageId.RECORD):
            return False
        if limit:
            record.set_limited(list(indices))
        record.go(indices[0])
        return True

    def focus_page(self) -> None:
        """Put the keyboard focus on the current page (its focus proxy, else its first control) unless
        it is already there or on Back, Next or Finish: never left on Cancel, where Enter would quit."""
        page = self.currentPage()
        focus = self.focusWidget()
        if page is None or (
            focus is not None and (page.isAncestorOf(focus) or focus in self._step_buttons())
        ):
            return
        if page.focusProxy() is not None and page.focusProxy().isEnabled():
            page.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page and widget is not self:
            tab_stop = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            if tab_stop and page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _step_buttons(self) -> list[QWidget]:
        return [self.button(which) for which in STEP_BUTTONS]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Voice Recorder — record your voice for MetaStudio"))

    def leave(self, ask: bool = True) -> bool:
        """The one way out (Esc, Cancel, close button, Ctrl+Q, logout, SIGTERM): True when the window may
        close. A take in progress is finished and saved as a take of its sentence, never deleted; with
        ``ask`` the user may keep recording instead, and with a session open is asked once."""
        if self._left:
            return True
        record = self.page_of(PageId.RECORD)
        if isinstance(record, RecordPage):
            record.recorder.settle()
        engine = self.live.engine
        recording = engine is not None and engine.recording
        if ask and not self._may_leave(recording):
            return False
        if recording and isinstance(record, RecordPage):
            record.finish_take_now()
        self._left = True
        uploader_of(self.holder, self.services.settings).halt()
        self.live.close()
        self.services.settings.set_window_geometry(self.geometry())
        return True

    def _may_leave(self, recording: bool) -> bool:
        if recording:
            return leaving.ask(
                self,
                self.tr("Recording in progress"),
                self.tr("A take is being recorded. Keep recording, or stop, keep the take and close?"),
                self.tr("&Keep recording"),
                self.tr("&Stop, keep the take and close"),
            )
        if self.holder.session is None:
            return True
        return leaving.ask(
            self,
            self.tr("Close Voice Recorder?"),
            self.tr(
                "Everything recorded so far is saved. You can continue this session later: "
                "start Voice Recorder and press Enter on the Start page."
            ),
            self.tr("S&tay"),
            self.tr("&Close"),
        )

    def accept(self) -> None:
        """Finish on the last page: leave without asking (it is the end of the way)."""
        self.leave(ask=False)
        super().accept()

    def reject(self) -> None:
        """Esc, Cancel and the close button: leave through :meth:`leave`, or stay."""
        if self.leave():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.leave():
            event.ignore()
            return
        super().closeEvent(event)
