"""Page 3, Microphone check: pick the input, watch the meter, measure the room tone and the headroom.

Record is reached once both tests ran, or after an explicit "Skip the checks"; the session keeps
which (``microphone_check``), and the Review page shows a skip."""

from __future__ import annotations

import sys

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from voicerecorder.audio.backend import DeviceInfo, DeviceRef, MicrophoneBlockedError, NoInputDeviceError
from voicerecorder.audio.capture import SILENCE_DBFS, CaptureEvent, EventKind
from voicerecorder.audio.capture import Level as InputLevel
from voicerecorder.quality.report import Level, TakeReport
from voicerecorder.quality.roomtone import check_headroom_line, check_room_tone
from voicerecorder.quality.textunits import estimated_reading_seconds
from voicerecorder.ui.error_message import error_text
from voicerecorder.ui.i18n import fill, pick
from voicerecorder.ui.live_input import LiveInput
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.base import WizardPage
from voicerecorder.ui.services import Services, SessionHolder
from voicerecorder.ui.timed_recording import TimedRecording
from voicerecorder.ui.widgets.finding_list import FindingList
from voicerecorder.ui.widgets.level_meter import LevelMeter

ROOM_TONE_S = 5.0
WIDE_BAND_RATE = 32000
BLUETOOTH_HINTS = ("bluetooth", "headset", "hands-free", "handsfree", "airpods", "bluez", "hfp")
PRIVACY_URLS = {
    "win": "ms-settings:privacy-microphone",
    "darwin": "x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone",
}


def privacy_settings_url(platform: str = sys.platform) -> str | None:
    """The OS settings page for microphone privacy, or None where there is none (Linux)."""
    return next((url for prefix, url in PRIVACY_URLS.items() if platform.startswith(prefix)), None)


def loud_line(sentences: list[str]) -> str:
    """The line for the headroom test: the first exclamation, else the longest sentence."""
    return next(
        (text for text in sentences if "!" in text or "！" in text), max(sentences, key=len, default="")
    )


class MicrophonePage(WizardPage):
    """Complete once an input is open, the OS is not blocking it and the session's checks are done
    (both tests ran) or skipped."""

    def __init__(
        self, services: Services, holder: SessionHolder, live: LiveInput, platform: str = sys.platform
    ) -> None:
        super().__init__(services, holder, live)
        self.platform = platform
        self.blocked = False
        self.device_label = QLabel()
        self.devices = QComboBox()
        self.refresh_button = QPushButton()
        self.skip_button = QPushButton()
        self.measured: set[str] = set()
        self.rate_label = QLabel()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color:#8a4b00;")
        self.meter = LevelMeter()
        self.room_box, self.room_help, self.room_button, self.room_status = (
            QGroupBox(),
            QLabel(),
            QPushButton(),
            QLabel(),
        )
        self.room_findings = FindingList(show_passing=True)
        self.line_box, self.line_help, self.line_button, self.line_status = (
            QGroupBox(),
            QLabel(),
            QPushButton(),
            QLabel(),
        )
        self.line_text = QLabel()
        self.line_text.setWordWrap(True)
        self.line_text.setStyleSheet("font-size:15pt; font-weight:600;")
        self.line_findings = FindingList(show_passing=True)
        self.room_recording = TimedRecording(self)
        self.line_recording = TimedRecording(self)
        self._layout()
        self.devices.activated.connect(self._device_chosen)
        self.refresh_button.clicked.connect(self.live.rescan)
        self.room_button.clicked.connect(self.measure_room_tone)
        self.line_button.clicked.connect(self.test_loud_line)
        self.skip_button.clicked.connect(self.skip_checks)
        self.live.opened.connect(self._opened)
        self.live.failed.connect(self._failed)
        self.live.event.connect(self._capture_event)
        self.live.devices_changed.connect(self._devices_rescanned)
        for name, recording, status, findings in (
            ("room", self.room_recording, self.room_status, self.room_findings),
            ("line", self.line_recording, self.line_status, self.line_findings),
        ):
            recording.remaining.connect(
                lambda left, label=status, timed=recording: label.setText(
                    fill(
                        self.tr("Recording… %1 s of %2 s"),
                        f"{timed.total_s - left:.1f}",
                        f"{timed.total_s:.0f}",
                    )
                )
            )
            recording.finished.connect(
                lambda report, label=status, view=findings, test=name: self._measured(
                    test, report, label, view
                )
            )
            recording.failed.connect(self._failed)
            recording.failed.connect(self._show_test_buttons)
        self.line_recording.stopped.connect(lambda: self.line_status.setText(self.tr("Stopped.")))
        self.line_recording.stopped.connect(self._show_test_buttons)
        self.retranslate()

    def _layout(self) -> None:
        picker = QHBoxLayout()
        picker.addWidget(self.device_label)
        picker.addWidget(self.devices, 1)
        picker.addWidget(self.refresh_button)
        layout = QVBoxLayout(self.body)
        layout.addWidget(self.banner)
        layout.addLayout(picker)
        layout.addWidget(self.rate_label)
        layout.addWidget(self.warnings)
        layout.addWidget(self.meter)
        skip = QHBoxLayout()
        skip.addStretch(1)
        skip.addWidget(self.skip_button)
        for box, help_label, button, status, findings, extra in (
            (self.room_box, self.room_help, self.room_button, self.room_status, self.room_findings, None),
            (
                self.line_box,
                self.line_help,
                self.line_button,
                self.line_status,
                self.line_findings,
                self.line_text,
            ),
        ):
            inner = QVBoxLayout(box)
            help_label.setWordWrap(True)
            inner.addWidget(help_label)
            if extra is not None:
                inner.addWidget(extra)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addWidget(status, 1)
            inner.addLayout(row)
            findings.setMaximumHeight(96)
            inner.addWidget(findings)
            layout.addWidget(box)
        layout.addLayout(skip)
        self.device_label.setBuddy(self.devices)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Microphone check"))
        self.setSubTitle(self.tr("Choose the microphone, check the room is quiet and the level is right."))
        self.device_label.setText(self.tr("&Microphone:"))
        self.devices.setAccessibleName(self.tr("Microphone"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the list of microphones"))
        self.room_box.setTitle(self.tr("Room tone"))
        self.room_help.setText(self.tr("Press the button and stay completely silent for 5 seconds."))
        self.room_button.setText(self.tr("Measure room &tone (5 s)"))
        self.line_box.setTitle(self.tr("Headroom"))
        self.line_help.setText(self.tr("Read this line as loudly as you will in the session:"))
        self.skip_button.setText(self.tr("S&kip the checks"))
        self.skip_button.setAccessibleName(self.tr("Skip the room-tone and loud-line tests and go to Record"))
        self._show_test_buttons()
        self._show_input_state()

    def initializePage(self) -> None:
        session = self.holder.session
        self.measured.clear()
        if session is not None:
            self.line_text.setText(loud_line([s.text for s in session.script.sentences]))
        self._fill_devices(self.live.devices())
        self.meter.set_source(self._level)
        if self.live.engine is None and not self.live.opening:
            self._opening()
            self.live.open_preferred(*self._wanted_devices())

    def _wanted_devices(self) -> tuple[DeviceRef | None, DeviceRef | None]:
        """The session's microphone, then the saved default (either may be absent)."""
        session = self.holder.session
        used = DeviceRef.from_dict(session.device) if session is not None and session.device else None
        return used, self.services.settings.input_device()

    def open_device(self, device: DeviceRef | None) -> None:
        """Open ``device`` (None = system default) for the meter and the checks."""
        self._opening()
        self.live.open(device)

    def _opening(self) -> None:
        self.blocked = False
        self.banner.hide()
        self.rate_label.setText(self.tr("Opening the microphone…"))
        self.completeChanged.emit()

    def _fill_devices(self, devices: list[DeviceInfo]) -> None:
        self.devices.clear()
        for device in devices:
            self.devices.addItem(self.live.label(device.ref), device.ref.to_dict())
        engine = self.live.engine
        current = engine.device if engine is not None else self.live.preferred(*self._wanted_devices())
        if current is not None:
            self.devices.setCurrentIndex(max(0, self.devices.findData(current.to_dict())))

    def _device_chosen(self, row: int) -> None:
        ref = DeviceRef.from_dict(self.devices.itemData(row))
        self.services.settings.set_input_device(ref)
        self.open_device(ref)

    def _devices_rescanned(self, devices: list[DeviceInfo]) -> None:
        self._fill_devices(devices)
        if not devices:
            self._failed(NoInputDeviceError())
            return
        self.open_device(DeviceRef.from_dict(self.devices.currentData()))

    def _opened(self) -> None:
        self._fill_devices(self.live.devices())
        self._show_input_state()
        self.completeChanged.emit()

    def _show_input_state(self) -> None:
        engine = self.live.engine
        if engine is None:
            return
        self.rate_label.setText(self.tr("Recording at %1 Hz, mono.").replace("%1", str(engine.samplerate)))
        self.warnings.setText("\n".join(self.device_warnings()))

    def device_warnings(self) -> list[str]:
        """Warnings about the open input: narrow band, Bluetooth, not the session's device."""
        engine = self.live.engine
        if engine is None or engine.device is None:
            return []
        found = []
        if engine.samplerate < WIDE_BAND_RATE:
            text = self.tr(
                "⚠ This input only records at %1 Hz (telephone quality). Use a USB or wired microphone."
            )
            found.append(fill(text, engine.samplerate))
        if any(hint in engine.device.name.lower() for hint in BLUETOOTH_HINTS):
            found.append(
                self.tr(
                    "⚠ This looks like a Bluetooth headset; they record in narrow band. "
                    "Use a wired microphone."
                )
            )
        session = self.holder.session
        if session is not None and session.device and session.device != engine.device.to_dict():
            text = self.tr(
                "⚠ The earlier takes of this session were recorded with “%1”. "
                "Use the same microphone for every sentence."
            )
            found.append(fill(text, DeviceRef.from_dict(session.device)))
        return found

    def _level(self) -> InputLevel | None:
        """The meter's reading; sound after digital silence lifts the "blocked" state."""
        level = self.live.level()
        if self.blocked and level is not None and level.peak_dbfs > SILENCE_DBFS:
            self.blocked = False
            self.banner.hide()
            self.completeChanged.emit()
        return level

    def _capture_event(self, event: CaptureEvent) -> None:
        if not self.isVisible():
            return
        if event.kind is EventKind.MIC_BLOCKED:
            self.show_blocked(pick(event.message))
        elif event.kind is not EventKind.OVERFLOW:
            self.banner.show_message(pick(event.message), "warn")

    def _failed(self, error: Exception) -> None:
        if self.live.engine is None:
            self._fill_devices(self.live.devices())
        if isinstance(error, MicrophoneBlockedError):
            self.show_blocked(error_text(error))
            return
        self.rate_label.setText("")
        self.show_error(error)
        self.completeChanged.emit()

    def show_blocked(self, message: str) -> None:
        """Say the OS blocks the microphone (``message`` holds this system's steps) and offer the
        privacy settings page where the system has one."""
        self.blocked = True
        url = privacy_settings_url(self.platform)
        if url is None:
            self.banner.show_message(message, "error")
        else:
            self.banner.show_message(
                message,
                "error",
                self.tr("Open &privacy settings"),
                lambda: QDesktopServices.openUrl(QUrl(url)),
            )
        self.completeChanged.emit()

    def measure_room_tone(self) -> None:
        """Record 5 s of silence and show the verdict."""
        self._measure(self.room_recording, ROOM_TONE_S, check_room_tone, self.room_findings)

    def test_loud_line(self) -> None:
        """Record the loud line and show the headroom verdict; while it records, stop it."""
        if self.line_recording.running:
            self.line_recording.stop()
            return
        seconds = min(10.0, max(4.0, estimated_reading_seconds(self.line_text.text(), self._language()) + 2))
        self._measure(self.line_recording, seconds, check_headroom_line, self.line_findings)

    def _language(self) -> str:
        session = self.holder.session
        return session.script.language if session is not None else "EN"

    def _measure(self, recording: TimedRecording, seconds: float, analyse: object, view: FindingList) -> None:
        engine = self.live.engine
        if engine is None or engine.recording or self.room_recording.running or self.line_recording.running:
            return
        view.set_report(None)
        recording.start(engine, seconds, analyse)  # type: ignore[arg-type]
        self._show_test_buttons()

    def _show_test_buttons(self) -> None:
        """The loud-line button stops the test while it runs; the room-tone test is 5 s and runs out."""
        running = self.line_recording.running
        self.line_button.setText(
            self.tr("■ St&op the loud line") if running else self.tr("Test the &loud line")
        )
        self.room_button.setEnabled(not running and not self.room_recording.running)
        self.line_button.setEnabled(not self.room_recording.running)

    def skip_checks(self) -> None:
        """Remember in the session that the checks were skipped (in a worker), then go to Record."""
        session = self.holder.session
        if session is not None:
            self.tasks.start(lambda: session.set_microphone_check("skipped"), self._skipped, self.show_error)

    def _skipped(self, _result: object) -> None:
        self.completeChanged.emit()
        navigator = self.navigator()
        if navigator is not None:
            navigator.go_to(PageId.RECORD)

    def _measured(self, test: str, report: TakeReport, label: QLabel, view: FindingList) -> None:
        self._show_test_buttons()
        self.measured.add(test)
        session = self.holder.session
        if self.measured == {"room", "line"} and session is not None:
            self.tasks.start(
                lambda: session.set_microphone_check("done"),
                lambda _: self.completeChanged.emit(),
                self.show_error,
            )
        view.set_report(report)
        verdict = {
            Level.PASS: self.tr("Passed"),
            Level.WARN: self.tr("Passed with warnings"),
            Level.FAIL: self.tr("Failed"),
        }
        label.setText(verdict[report.verdict])
        blocked = next((f for f in report.findings if f.id == "mic_blocked" and f.level is Level.FAIL), None)
        if blocked is not None:
            self.show_blocked(pick(blocked.message))

    def checks_settled(self) -> bool:
        """Whether the session's microphone checks ran (here or before) or were skipped."""
        session = self.holder.session
        return session is not None and session.microphone_check is not None

    def input_ready(self) -> bool:
        """Whether an input is open and the OS is not blocking it."""
        return self.live.engine is not None and not self.blocked

    def isComplete(self) -> bool:
        return self.input_ready() and self.checks_settled()
