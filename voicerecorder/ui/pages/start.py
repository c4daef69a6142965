"""Page 1, Start: a new session, or resume a recent one (or any session folder); the UI language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from voicerecorder.errors import UserFacingError
from voicerecorder.session.lock import SessionBusyError
from voicerecorder.session.manifest import MANIFEST_NAME, parse_manifest
from voicerecorder.session.store import Session, list_sessions
from voicerecorder.ui import i18n
from voicerecorder.ui.live_input import LiveInput
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.base import WizardPage
from voicerecorder.ui.services import WIZARD_WRITER, Services, SessionHolder
from voicerecorder.ui.settings import UI_LANGUAGE

FOLDER_ROLE = Qt.ItemDataRole.UserRole
LANGUAGE_CHOICES = (("en", "English"), ("zh_CN", "中文"))
COLUMN_GAP = 28


@dataclass(frozen=True)
class SessionSummary:
    """What the recent-sessions list shows about one session folder."""

    folder: Path
    voice_name: str
    edition: str
    recorded: int
    total: int
    updated: str


def summarise(folder: Path) -> SessionSummary:
    """Read ``folder``'s manifest without changing anything (worker thread)."""
    path = folder / MANIFEST_NAME
    manifest, _ = parse_manifest(path.read_bytes(), path)
    recorded = sum(1 for state in manifest.sentences if state.chosen is not None)
    updated = manifest.updated.replace("T", " ").rstrip("Z")
    return SessionSummary(
        folder, manifest.voice.voice_name, manifest.edition, recorded, len(manifest.sentences), updated
    )


def find_sessions(root: Path, recent: list[str]) -> list[SessionSummary]:
    """Summaries of the recently opened sessions and of every session under ``root`` (worker thread)."""
    folders = [Path(item) for item in recent] + list_sessions(root)
    seen: set[Path] = set()
    found = []
    for folder in folders:
        key = folder.resolve()
        if key in seen or not (folder / MANIFEST_NAME).is_file():
            continue
        seen.add(key)
        try:
            found.append(summarise(folder))
        except (OSError, UserFacingError):
            continue
    return found


def latest_unfinished(summaries: list[SessionSummary]) -> SessionSummary | None:
    """The most recently changed session that still has sentences without a take, or None."""
    unfinished = [summary for summary in summaries if summary.recorded < summary.total]
    return max(unfinished, key=lambda summary: summary.updated, default=None)


class StartPage(WizardPage):
    """Choose what to do; ``nextId`` skips Voice details when a session is resumed."""

    def __init__(self, services: Services, holder: SessionHolder, live: LiveInput) -> None:
        super().__init__(services, holder, live)
        self.opening = False
        self._opened: Session | None = None
        self._added: list[SessionSummary] = []
        self.new_radio = QRadioButton()
        self.resume_radio = QRadioButton()
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.new_radio)
        self.choice.addButton(self.resume_radio)
        self.new_radio.setChecked(True)
        self.sessions = QTreeWidget()
        self.sessions.setColumnCount(4)
        self.sessions.setRootIsDecorated(False)
        self.sessions.setAlternatingRowColors(True)
        self.open_folder = QPushButton()
        self.language_label = QLabel()
        self.language = QComboBox()
        for code, name in LANGUAGE_CHOICES:
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)
        self._layout()
        self.choice.buttonToggled.connect(lambda *_: self.completeChanged.emit())
        self.sessions.currentItemChanged.connect(self._session_selected)
        self.sessions.itemActivated.connect(lambda *_: self.wizard().next())
        self.open_folder.clicked.connect(self._choose_folder)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        layout = QVBoxLayout(self.body)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.new_radio)
        layout.addSpacing(8)
        layout.addWidget(self.resume_radio)
        layout.addWidget(self.sessions, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_folder)
        row.addStretch(1)
        layout.addLayout(row)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(
            self.tr("Record the sentences for your MetaStudio voice. Start a new session or continue one.")
        )
        self.new_radio.setText(self.tr("Ne&w session — enter the voice details and choose the script"))
        self.resume_radio.setText(self.tr("&Continue a session:"))
        self.sessions.setHeaderLabels(
            [self.tr("Voice name"), self.tr("Edition"), self.tr("Progress"), self.tr("Last change")]
        )
        self.sessions.setAccessibleName(self.tr("Recent sessions"))
        self.open_folder.setText(self.tr("&Open a session folder…"))
        self.language_label.setText(self.tr("&Language / 语言:"))
        self.language.setAccessibleName(self.tr("User interface language"))

    def initializePage(self) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the sessions list in a worker."""
        root, recent = self.services.sessions_root, self.services.settings.recent_sessions()
        self.tasks.start(lambda: find_sessions(root, recent), self.show_sessions)

    def show_sessions(self, summaries: list[SessionSummary]) -> None:
        """Fill the list; a folder opened meanwhile stays listed, and the selection stays where it was."""
        selected = self.selected_folder()
        listed = {summary.folder for summary in summaries}
        summaries = [s for s in self._added if s.folder not in listed] + summaries
        self.sessions.clear()
        for summary in summaries:
            self.sessions.addTopLevelItem(self._item(summary))
        for column in range(3):
            self.sessions.resizeColumnToContents(column)
            self.sessions.setColumnWidth(column, self.sessions.columnWidth(column) + COLUMN_GAP)
        again = next((s for s in summaries if s.folder == selected), None)
        if again is not None:
            self.sessions.setCurrentItem(self.sessions.topLevelItem(summaries.index(again)))
        elif summaries:
            self._offer_to_continue(summaries)

    def _offer_to_continue(self, summaries: list[SessionSummary]) -> None:
        """Select the most recently changed unfinished session for resuming (Enter continues it);
        with every session finished, "New session" stays chosen."""
        latest = latest_unfinished(summaries)
        self.sessions.setCurrentItem(self.sessions.topLevelItem(summaries.index(latest or summaries[0])))
        if latest is None:
            self.new_radio.setChecked(True)
            return
        self.resume_radio.setChecked(True)
        if self.isVisible():
            self.sessions.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _item(summary: SessionSummary) -> QTreeWidgetItem:
        progress = f"{summary.recorded} / {summary.total}"
        item = QTreeWidgetItem([summary.voice_name, summary.edition, progress, summary.updated])
        item.setData(0, FOLDER_ROLE, str(summary.folder))
        item.setToolTip(0, str(summary.folder))
        return item

    @property
    def resuming(self) -> bool:
        return self.resume_radio.isChecked()

    def selected_folder(self) -> Path | None:
        item = self.sessions.currentItem()
        return Path(item.data(0, FOLDER_ROLE)) if item is not None else None

    def isComplete(self) -> bool:
        return not self.opening and (not self.resuming or self.selected_folder() is not None)

    def validatePage(self) -> bool:
        """New session: go on. Resume: open the session in a worker; Next is pressed again once it is open."""
        if not self.resuming:
            self.holder.set(None)
            return True
        folder, opened = self.selected_folder(), self._opened
        self._opened = None
        if opened is not None and opened.folder == folder:
            self.holder.set(opened)
            self.services.settings.remember_session(str(opened.folder))
            return True
        if folder is not None and not self.opening:
            self._open_session(folder)
        return False

    def _open_session(self, folder: Path) -> None:
        self.opening = True
        self.banner.show_message(self.tr("Opening the session…"), "info")
        self.completeChanged.emit()
        self.tasks.start(
            lambda: Session.open(folder, writer=WIZARD_WRITER), self._session_opened, self._open_failed
        )

    def _session_opened(self, session: Session) -> None:
        self._opening_done()
        self.banner.hide()
        wizard = self.wizard()
        chosen = self.resuming and self.selected_folder() == session.folder
        if wizard is not None and wizard.currentPage() is self and chosen:
            self._opened = session
            wizard.next()
        else:
            session.close()

    def _open_failed(self, error: Exception) -> None:
        self._opening_done()
        folder = self.selected_folder()
        if isinstance(error, SessionBusyError) and folder is not None:
            self.show_error(error, (self.tr("Open &read-only"), lambda: self.open_read_only(folder)))
        else:
            self.show_error(error)

    def open_read_only(self, folder: Path) -> None:
        """Open ``folder`` for browsing and listening only (in a worker); then go to Review."""
        self.opening = True
        self.completeChanged.emit()
        self.tasks.start(lambda: Session.open(folder), self._session_opened, self._open_failed)

    def _opening_done(self) -> None:
        self.opening = False
        self.completeChanged.emit()

    def nextId(self) -> int:
        if not self.resuming:
            return int(PageId.VOICE)
        session = self.holder.session
        return int(PageId.REVIEW if session is not None and not session.writable else PageId.MICROPHONE)

    def _session_selected(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None and self.sessions.hasFocus():
            self.resume_radio.setChecked(True)
        self.completeChanged.emit()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Open a session folder"), str(self.services.sessions_root)
        )
        if chosen:
            self.open_session_folder(Path(chosen))

    def open_session_folder(self, folder: Path) -> None:
        """Read ``folder``'s summary in a worker; then add it to the list and select it for resuming."""
        self.tasks.start(
            lambda: summarise(folder),
            self._folder_summarised,
            lambda error: self._not_a_session(folder, error),
        )

    def _not_a_session(self, folder: Path, error: Exception) -> None:
        if isinstance(error, FileNotFoundError):
            message = self.tr("%1 is not a session folder (it has no session.json).").replace(
                "%1", str(folder)
            )
            self.banner.show_message(message, "error")
        else:
            self.show_error(error)

    def _folder_summarised(self, summary: SessionSummary) -> None:
        folder = summary.folder
        self.banner.hide()
        self.services.settings.remember_session(str(folder))
        for row in reversed(range(self.sessions.topLevelItemCount())):
            if Path(self.sessions.topLevelItem(row).data(0, FOLDER_ROLE)).resolve() == folder.resolve():
                self.sessions.takeTopLevelItem(row)
        self._added = [s for s in self._added if s.folder != folder] + [summary]
        self.sessions.insertTopLevelItem(0, self._item(summary))
        self.sessions.setCurrentItem(self.sessions.topLevelItem(0))
        self.resume_radio.setChecked(True)

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        i18n.set_language(code)
        self.services.settings.set(UI_LANGUAGE, code)
