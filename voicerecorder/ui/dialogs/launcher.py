"""The wizard's Settings, Jobs and About buttons (QWizard custom buttons 1-3) and the dialogs they open."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWizard

from voicerecorder.ui.dialogs.diagnostics_dialog import DiagnosticsDialog
from voicerecorder.ui.dialogs.jobs_window import JobsWindow
from voicerecorder.ui.dialogs.settings_dialog import SettingsDialog
from voicerecorder.ui.services import Services

BUTTONS = (
    QWizard.WizardButton.CustomButton1,
    QWizard.WizardButton.CustomButton2,
    QWizard.WizardButton.CustomButton3,
)
BUTTON_LAYOUT = (*BUTTONS, QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton,
                 QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton,
                 QWizard.WizardButton.CancelButton)  # fmt: skip
STEP_FORWARD = (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton)


class DialogLauncher(QObject):
    """Adds Settings (Ctrl+,), Jobs and About (F1) to ``wizard``'s button row and opens them."""

    def __init__(self, wizard: QWizard, services: Services) -> None:
        super().__init__(wizard)
        self.wizard, self.services = wizard, services
        self.jobs: JobsWindow | None = None
        for button in BUTTONS:
            wizard.setOption(_option(button), True)
        wizard.customButtonClicked.connect(self._clicked)
        wizard.setButtonLayout(list(BUTTON_LAYOUT))
        QShortcut(QKeySequence("Ctrl+,"), wizard, self.open_settings)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), wizard, self.open_about)
        wizard.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.wizard and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        """Set the buttons' texts (call on QEvent.LanguageChange)."""
        texts = (self.tr("S&ettings…"), self.tr("&Jobs…"), self.tr("Abo&ut…"))
        for button, text in zip(BUTTONS, texts, strict=True):
            self.wizard.setButtonText(button, text)
            self.wizard.button(button).setAccessibleName(text.replace("&", "").rstrip("…"))

    def _clicked(self, which: int) -> None:
        actions = (self.open_settings, self.open_jobs, self.open_about)
        actions[[int(button.value) for button in BUTTONS].index(which)]()

    def open_settings(self) -> SettingsDialog:
        """The Settings dialog (window-modal)."""
        return _opened(SettingsDialog(self.services, self.wizard))

    def open_jobs(self) -> JobsWindow:
        """The Jobs window (one at a time, not modal)."""
        if self.jobs is None:
            self.jobs = JobsWindow(self.services, self.wizard)
        self.jobs.show()
        self.jobs.raise_()
        self.jobs.activateWindow()
        return self.jobs

    def open_about(self) -> DiagnosticsDialog:
        """About / Diagnostics (window-modal)."""
        return _opened(DiagnosticsDialog(self.services, self.wizard))


D = TypeVar("D", bound=QDialog)


def _opened(dialog: D) -> D:
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _option(button: QWizard.WizardButton) -> QWizard.WizardOption:
    return {
        QWizard.WizardButton.CustomButton1: QWizard.WizardOption.HaveCustomButton1,
        QWizard.WizardButton.CustomButton2: QWizard.WizardOption.HaveCustomButton2,
        QWizard.WizardButton.CustomButton3: QWizard.WizardOption.HaveCustomButton3,
    }[button]
