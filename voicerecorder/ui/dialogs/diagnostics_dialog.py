"""About / Diagnostics: versions, audio devices, where the log is, and a report to copy (secrets masked)."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from voicerecorder import __version__
from voicerecorder.audio.backend import AudioBackend, DeviceInfo
from voicerecorder.audio.devices import device_label
from voicerecorder.audio.library_info import library_versions
from voicerecorder.cloud.config import load_config
from voicerecorder.cloud.redact import redact
from voicerecorder.errors import UserFacingError
from voicerecorder.logfiles import LOG_NAME, Crash, last_crash
from voicerecorder.paths import data_dir, log_dir
from voicerecorder.ui.retranslating import Retranslating
from voicerecorder.ui.services import Services
from voicerecorder.ui.widgets.banner import Banner
from voicerecorder.ui.workers import TaskRunner

LOG_TAIL_LINES = 40


@dataclass(frozen=True)
class Diagnostics:
    """What the report says: named sections of (name, value) lines, the last native crash, and the
    log's last lines."""

    sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    log_tail: tuple[str, ...]
    crash: tuple[str, ...]


def log_file() -> Path:
    """The application's log file."""
    return log_dir() / LOG_NAME


def _crash_lines(crash: Crash | None) -> tuple[str, ...]:
    """The last native crash: its file, when it happened and the stacks it holds (or "none")."""
    if crash is None:
        return ("none",)
    written = crash.when.strftime("%Y-%m-%d %H:%M:%S UTC")
    return (f"crash file: {crash.path}", f"written: {written}", *crash.text.splitlines())


def _log_tail(path: Path) -> tuple[str, ...]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ()
    return tuple(lines[-LOG_TAIL_LINES:])


def _devices(backend: AudioBackend) -> tuple[tuple[str, str], ...]:
    try:
        devices = backend.list_input_devices()
    except UserFacingError as error:
        return (("error", error.message.en),)
    return tuple(
        (f"#{device.index}", f"{_named(device)} ({device.hostapi}, {device.max_input_channels} ch, "
                             f"{device.default_samplerate:.0f} Hz){' default' if device.is_default else ''}")
        for device in devices
    )  # fmt: skip


def _named(device: DeviceInfo) -> str:
    """The system's name of the device, with PortAudio's after it when the two differ."""
    label = device_label(device)
    return device.name if label == device.name else f"{label} = {device.name}"


def _cloud() -> tuple[tuple[str, str], ...]:
    try:
        config = load_config()
    except UserFacingError as error:
        return (("error", error.message.en),)
    return (
        ("endpoint", config.endpoint),
        ("region", config.region),
        ("project id", config.project_id or "-"),
        ("credentials", type(config.auth).__name__ if config.auth else "none (sandbox)"),
    )


def gather(backend: AudioBackend) -> Diagnostics:
    """Versions, devices, cloud target, the last crash and the log's end. Worker thread (loads
    libraries, reads files)."""
    versions = {
        "voicerecorder": __version__,
        "Python": sys.version.split()[0],
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        **library_versions(),
        "OS": platform.platform(),
    }
    paths = (("log file", str(log_file())), ("data folder", str(data_dir())))
    sections = (
        ("Versions", tuple(versions.items())),
        ("Audio input devices", _devices(backend)),
        ("Cloud", _cloud()),
        ("Paths", paths),
    )
    return Diagnostics(sections, _log_tail(log_file()), _crash_lines(last_crash(log_dir())))


def report_text(diagnostics: Diagnostics) -> str:
    """The plain-text report, with every secret masked (safe to paste into a support request)."""
    lines = ["voicerecorder diagnostics"]
    for title, rows in diagnostics.sections:
        lines += ["", f"[{title}]"] + [f"{name}: {value}" for name, value in rows]
    lines += ["", "[Last crash]", *diagnostics.crash]
    lines += ["", f"[Last {LOG_TAIL_LINES} log lines]", *diagnostics.log_tail]
    return redact("\n".join(lines) + "\n")


class DiagnosticsDialog(Retranslating, QDialog):
    """About / Diagnostics; the facts are gathered in a worker when the dialog opens."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(self)
        self.report = ""
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.log_label = QLabel()
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.banner = Banner()
        self.copy_button, self.open_logs, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_report)
        self.open_logs.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir()))))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.open_logs)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.log_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.resize(820, 600)
        self.retranslate()
        backend = services.backend
        self.runner.start(lambda: report_text(gather(backend)), self._show_report, self._failed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Voice Recorder"))
        self.about.setText(
            self.tr("<b>Voice Recorder %1</b><br>Records a voice talent's sentences and sends them to Huawei "
                    "Cloud MetaStudio to train a custom voice.").replace("%1", __version__)
        )  # fmt: skip
        self.log_label.setText(self.tr("Log file: %1").replace("%1", str(log_file())))
        self.text.setAccessibleName(self.tr("Diagnostics report"))
        if not self.report:
            self.text.setPlainText(self.tr("Collecting information…"))
        self.copy_button.setText(self.tr("&Copy report (no passwords or keys)"))
        self.copy_button.setAccessibleName(self.tr("Copy the diagnostics report to the clipboard"))
        self.open_logs.setText(self.tr("Open the &log folder"))
        self.close_button.setText(self.tr("Cl&ose"))

    def _show_report(self, report: str) -> None:
        self.report = report
        self.text.setPlainText(report)
        self.copy_button.setEnabled(True)

    def _failed(self, error: Exception) -> None:
        self.banner.show_error(error)

    def copy_report(self) -> None:
        """Put the (already redacted) report on the clipboard and say so."""
        QGuiApplication.clipboard().setText(self.report)
        self.banner.show_message(
            self.tr("The report is on the clipboard. Paste it into your support request."), "info"
        )
