"""Page 4, Record: one sentence at a time, Space to record and stop, an instant verdict, every take kept."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from voicerecorder.audio.backend import DeviceRef
from voicerecorder.audio.capture import CaptureEvent, EventKind
from voicerecorder.audio.capture import Level as InputLevel
from voicerecorder.quality.report import TakeReport
from voicerecorder.session.store import Session
from voicerecorder.ui.i18n import fill, pick
from voicerecorder.ui.live_input import LiveInput
from voicerecorder.ui.pacing import Pacing, clock_text, remaining_estimate
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.base import WizardPage
from voicerecorder.ui.segment_uploader import uploader_of
from voicerecorder.ui.services import Services, SessionHolder
from voicerecorder.ui.settings import AUTO_ADVANCE, PROMPT_FONT_RANGE, PROMPT_FONT_SIZE
from voicerecorder.ui.take_recorder import State, TakeRecorder, TakeView
from voicerecorder.ui.widgets.banner import Banner
from voicerecorder.ui.widgets.level_meter import LevelMeter
from voicerecorder.ui.widgets.running_total import RunningTotal
from voicerecorder.ui.widgets.segment_states import SegmentStatesView
from voicerecorder.ui.widgets.take_history import TakeHistory
from voicerecorder.ui.widgets.take_list import TakeList, sentence_status
from voicerecorder.ui.widgets.verdict_panel import VerdictPanel
from voicerecorder.ui.widgets.waveform import WaveformView
from voicerecorder.workflow import records
from voicerecorder.workflow.segments import SegmentState, segment_states

CLOCK_MS = 1000
AUTO_ADVANCE_MS = 600


class RecordPage(WizardPage):
    """The recording booth. Keys: Space record/stop, P play/stop the selected take, R re-record,
    Left/Right previous/next sentence (the wizard's Next leads on to Review)."""

    def __init__(self, services: Services, holder: SessionHolder, live: LiveInput) -> None:
        super().__init__(services, holder, live)
        self.index = 0
        self.limited: tuple[int, ...] = ()
        self.recorder = TakeRecorder(services.player, self)
        self.pacing = Pacing(services.break_after_s)
        self.break_banner, self.limit_banner = Banner(), Banner()
        self.position = QLabel()
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setMinimumHeight(140)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.font_label, self.font_size = QLabel(), QSpinBox()
        self.font_size.setRange(*PROMPT_FONT_RANGE)
        self.font_size.setValue(services.settings.get(PROMPT_FONT_SIZE))
        self.buttons = {name: QPushButton() for name in ("record", "rerecord")}
        self.keys = QLabel()
        self.meter, self.waveform = LevelMeter(), WaveformView()
        self.times = QLabel()
        self.panel = VerdictPanel()
        self.auto_advance = QCheckBox()
        self.auto_advance.setChecked(services.settings.get(AUTO_ADVANCE))
        self.take_list = TakeList()
        self.history = TakeHistory()
        self.recording_started = QElapsedTimer()
        self.segments, self.uploads = SegmentStatesView(), uploader_of(holder, services.settings)
        self._layout()
        self._connect()
        self.setFocusProxy(self.buttons["record"])  # arriving on the page puts the keyboard focus on Record
        self._apply_font()
        self.clock = QTimer(self)
        self.clock.setInterval(CLOCK_MS)
        self.clock.timeout.connect(self._tick)
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.position, 1)
        top.addWidget(RunningTotal(self.services.settings, self.holder, self.completeChanged), 2)
        top.addWidget(self.font_label)
        top.addWidget(self.font_size)
        self.font_label.setBuddy(self.font_size)
        buttons = QHBoxLayout()
        for name in ("record", "rerecord"):
            buttons.addWidget(self.buttons[name])
        buttons.addStretch(1)
        main = QVBoxLayout()
        main.addWidget(self.limit_banner)
        main.addWidget(self.banner)
        main.addWidget(self.break_banner)
        main.addLayout(top)
        main.addWidget(self.segments)
        main.addWidget(self.prompt, 2)
        main.addLayout(buttons)
        main.addWidget(self.keys)
        main.addWidget(self.meter)
        main.addWidget(self.waveform, 1)
        main.addWidget(self.panel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.times, 1)
        bottom.addWidget(self.auto_advance)
        main.addLayout(bottom)
        side = QVBoxLayout()
        side.addWidget(self.take_list, 2)
        side.addWidget(self.history, 2)
        grid = QGridLayout(self.body)
        grid.addLayout(main, 0, 0)
        self.take_list.setMaximumWidth(380)
        self.history.setMaximumWidth(380)
        grid.addLayout(side, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)

    def _connect(self) -> None:
        actions = {
            "record": (self.toggle_record, Qt.Key.Key_Space), "play": (self.play, Qt.Key.Key_P),
            "rerecord": (self.rerecord, Qt.Key.Key_R), "previous": (self.previous, Qt.Key.Key_Left),
            "next": (self.next_sentence, Qt.Key.Key_Right),
        }  # fmt: skip
        self.shortcuts: dict[str, QShortcut] = {}
        for name, (slot, key) in actions.items():
            if name in self.buttons:
                self.buttons[name].clicked.connect(slot)
            shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda slot=slot: self._from_key(slot))
            self.shortcuts[name] = shortcut
        self.font_size.valueChanged.connect(self._font_changed)
        self.auto_advance.toggled.connect(lambda on: self.services.settings.set(AUTO_ADVANCE, on))
        self.take_list.sentence_activated.connect(self.go)
        self.history.play_requested.connect(self._play_file)
        self.history.stop_requested.connect(self.recorder.stop_playback)
        self.history.use_requested.connect(self.use_take)
        self.recorder.playing_changed.connect(self.history.set_playing)
        self.recorder.state_changed.connect(self._state_changed)
        self.recorder.take_ready.connect(self._take_ready)
        self.recorder.failed.connect(self._failed)
        self.live.event.connect(self._capture_event)
        self.live.failed.connect(self._failed)
        self.segments.rerecord_requested.connect(self._rerecord_now)
        self.uploads.states_changed.connect(self._segment_states)
        self.uploads.notice.connect(self.segments.set_notice)
        self.uploads.failed.connect(self.show_error)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Record"))
        self.setSubTitle(self.tr("Read the sentence naturally, at your usual distance from the microphone."))
        self.font_label.setText(self.tr("Text &size:"))
        self.font_size.setAccessibleName(self.tr("Text size of the sentence"))
        self.buttons["rerecord"].setText(self.tr("⟲ Re-record (R)"))
        self.keys.setText(
            self.tr(
                "Keys: Space = record / stop · P = play / stop the selected take · R = re-record · "
                "← / → = previous / next sentence"
            )
        )
        self.auto_advance.setText(self.tr("&Go to the next sentence after a passing take"))
        self.prompt.setAccessibleName(self.tr("Sentence to read"))
        for button in self.buttons.values():
            button.setAccessibleName(button.text())
        self._state_changed(self.recorder.state)
        self._show_sentence()
        self._show_limit()

    @property
    def report(self) -> TakeReport | None:
        """The check report of the take shown."""
        return self.panel.report

    @property
    def session(self) -> Session | None:
        return self.holder.session

    def initializePage(self) -> None:
        session = self.holder.require()
        self.take_list.set_session(session)
        self.meter.set_source(self._level)
        self.pacing.restart()
        self.clock.start()
        self.set_limited(())
        if self.live.engine is None and not self.live.opening:
            used = DeviceRef.from_dict(session.device) if session.device else None
            self.live.open_preferred(used, self.services.settings.input_device())
        self.go(min(session.current_index, session.sentence_count - 1))
        self._open_segments(session)

    def cleanupPage(self) -> None:
        """Leaving backwards (Back): a take in progress is stopped and kept, never thrown away."""
        self.recorder.stop()
        self.recorder.stop_playback()
        self.clock.stop()
        self.set_limited(())

    def validatePage(self) -> bool:
        """Leaving forward (Next): what plays stops, as on the way back."""
        self.recorder.stop_playback()
        return super().validatePage()

    def set_limited(self, indices: tuple[int, ...] | list[int]) -> None:
        """Re-record only ``indices`` (the rejected sentences): ←/→ and the take list stay among them,
        and Next leads to Submit once each has a new passing take. An empty list ends the limit."""
        self.limited = tuple(sorted(indices))
        for row in range(self.take_list.count()):
            self.take_list.refresh(row)
            self.take_list.setRowHidden(row, bool(self.limited) and row not in self.limited)
        if self.limited and self.index not in self.limited:
            self.go(self.limited[0])
        self._show_limit()
        self.completeChanged.emit()

    def limited_done(self) -> bool:
        """True when every limited sentence has a new take that passed (with or without warnings)."""
        session = self.session
        return session is None or all(sentence_status(session, i) in ("pass", "warn") for i in self.limited)

    def nextId(self) -> int:
        return int(PageId.SUBMIT) if self.limited else super().nextId()

    def go(self, index: int) -> None:
        """Show sentence ``index`` (saved as the session's current sentence)."""
        session = self.session
        if (
            session is None
            or self.recorder.state is not State.IDLE
            or not 0 <= index < session.sentence_count
            or (self.limited and index not in self.limited)
        ):
            return
        self.index = index
        self.recorder.save_position(session, index)
        self.take_list.select(index)
        self.waveform.clear()
        self.meter.reset_clip()
        self.panel.set_report(None)
        self.history.set_takes(session, index)
        self.segments.show_sentence(index)
        self._show_sentence()
        self.recorder.show_take(session, index)

    def previous(self) -> None:
        self.go(self._neighbour(-1))

    def next_sentence(self) -> None:
        self.go(self._neighbour(1))

    def _neighbour(self, step: int) -> int:
        if not self.limited or self.index not in self.limited:
            return self.index + step
        position = self.limited.index(self.index) + step
        return self.limited[position] if 0 <= position < len(self.limited) else -1

    def toggle_record(self) -> None:
        """Space: start a take, or stop the one being recorded."""
        if self.recorder.state is State.RECORDING:
            self.recorder.stop()
        elif self.recorder.state is State.IDLE:
            self._start()

    def rerecord(self) -> None:
        """R: throw away a take in progress, or start a new take of this sentence."""
        if self.recorder.state is State.RECORDING:
            self.recorder.cancel()
        self._start()

    def play(self) -> None:
        """P: play the take selected in the take history, or stop the one playing."""
        if self.recorder.state is State.IDLE:
            self.history.toggle_play()

    def _play_file(self, file: str) -> None:
        session = self.session
        take = next((t for t in session.takes(self.index) if t.file == file), None) if session else None
        if session is not None and take is not None:
            self.recorder.play(session, self.index, take)

    def use_take(self, file: str) -> None:
        """Make the take ``file`` the chosen take of the sentence shown (saved in a worker), then show it."""
        session, index = self.session, self.index
        if session is None or self.recorder.state is not State.IDLE:
            return
        self.tasks.start(
            lambda: session.choose_take(index, file), lambda _: self._chosen(index), self.show_error
        )

    def _chosen(self, index: int) -> None:
        session = self.session
        if session is None:
            return
        self.take_list.refresh(index)
        self._show_limit()
        self._send_segments()
        self.completeChanged.emit()
        if index == self.index:
            self.history.set_takes(session, index)
            self.recorder.show_take(session, index)

    def finish_take_now(self) -> None:
        """Save the take in progress at once (the window is closing)."""
        self.recorder.finish_now()

    def _start(self) -> None:
        engine, session = self.live.engine, self.session
        if engine is None or session is None:
            self.banner.show_message(
                self.tr("The microphone is not open yet. Wait a moment or go back to the microphone check."),
                "warn",
            )
            return
        self.recorder.stop_playback()
        self.meter.reset_clip()
        self.waveform.start_live()
        self.recording_started.start()
        self.recorder.start(engine, session, self.index)
        self._send_segments()
        self.pacing.note_activity()
        self.banner.hide()
        self._check_break()

    # SEGMENT sessions: the sentences go to MetaStudio in the background while the talent records

    def _open_segments(self, session: Session) -> None:
        """Show the states as the session knows them; a job made before (the app was closed) resumes."""
        segment = session.create_type == "SEGMENT"
        self.segments.setVisible(segment)
        if not segment:
            return
        self.tasks.start(
            lambda: segment_states(session, records.latest(session, records.TRAINING)),
            lambda states: None if self.uploads.running else self.segments.set_states(states),
        )
        view = records.training_view(session)
        if view is not None and view.job_id and not view.submitted:
            self._send_segments()

    def _send_segments(self) -> None:
        """Start sending (the job is created first, once) or look at the newest takes."""
        session = self.session
        if session is not None and session.create_type == "SEGMENT" and session.writable:
            self.uploads.start(session)

    def _segment_states(self, states: list[SegmentState]) -> None:
        if self.session is None:
            return
        before = set(self.segments.rejected())
        self.segments.set_states(states)
        for index in before ^ set(self.segments.rejected()):
            self.take_list.refresh(index)

    def _rerecord_now(self, index: int) -> None:
        self.go(index)
        self.buttons["record"].setFocus()

    def _from_key(self, slot: object) -> None:
        if self.isVisible() and not self.font_size.hasFocus():
            slot()  # type: ignore[operator]

    def _state_changed(self, state: State) -> None:
        texts = {
            State.IDLE: self.tr("● Record (Space)"),
            State.RECORDING: self.tr("■ Stop (Space)"),
            State.CHECKING: self.tr("Checking…"),
        }
        self.buttons["record"].setText(texts[state])
        self.buttons["record"].setAccessibleName(texts[state])
        self.buttons["record"].setEnabled(state is not State.CHECKING)
        self.take_list.setEnabled(state is State.IDLE)
        self.history.setEnabled(state is State.IDLE)
        if state is State.RECORDING:
            self.panel.show_recording()
        elif state is State.IDLE and self.waveform.live:
            self.waveform.clear()
        self.completeChanged.emit()

    def _take_ready(self, view: TakeView) -> None:
        if view.index != self.index or self.session is None:
            return
        self.waveform.set_envelope(view.mins, view.maxs, view.take.duration_s)
        self.panel.set_report(TakeReport.from_dict(view.take.check) if view.take.check else None)
        self.take_list.refresh(view.index)
        self.history.set_takes(self.session, view.index)
        self._show_limit()
        self._send_segments()
        self.completeChanged.emit()
        if view.fresh and self.auto_advance.isChecked() and self.take_list.status(view.index) == "pass":
            QTimer.singleShot(AUTO_ADVANCE_MS, self.next_sentence)

    def _show_sentence(self) -> None:
        session = self.session
        if session is None or self.take_list.count() != session.sentence_count:
            return
        self.position.setText(
            self.tr("Sentence %1 / %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(session.sentence_count))
        )
        self.prompt.setText(session.sentence(self.index).text)
        self._tick()

    def _show_limit(self) -> None:
        if not self.limited:
            self.limit_banner.hide()
        elif self.limited_done():
            self.limit_banner.show_message(
                self.tr("All rejected sentences have a new passing take. Click Next to submit again."), "info"
            )
        else:
            self.limit_banner.show_message(
                fill(
                    self.tr("Re-recording %1 rejected sentences. ← / → and the list move among them only."),
                    len(self.limited),
                ),
                "warn",
            )

    def _needs_no_take(self, index: int) -> bool:
        """Whether sentence ``index`` is out of this pass's work (limited mode) or has a good take."""
        if self.limited and index not in self.limited:
            return True
        return self.take_list.status(index) in ("pass", "warn")

    def _tick(self) -> None:
        session = self.session
        if session is None or self.take_list.count() != session.sentence_count:
            return
        left, seconds = remaining_estimate(session, self._needs_no_take)
        self.times.setText(
            fill(
                self.tr("Working for %1 · %2 sentences left, about %3"),
                clock_text(self.pacing.elapsed_s),
                left,
                clock_text(seconds),
            )
        )
        self._check_break()

    def _check_break(self) -> None:
        if self.pacing.break_due():
            self.break_banner.show_message(
                self.tr(
                    "You have been recording for a long stretch. "
                    "Take a 5-minute break: drink some water and rest your voice."
                ),
                "info", self.tr("I took a b&reak"), self._took_break,
            )  # fmt: skip

    def _took_break(self) -> None:
        self.pacing.took_break()
        self.break_banner.hide()

    def _font_changed(self, size: int) -> None:
        self.services.settings.set(PROMPT_FONT_SIZE, size)
        self._apply_font()

    def _apply_font(self) -> None:
        font = self.prompt.font()
        font.setPointSize(self.font_size.value())
        self.prompt.setFont(font)

    def _level(self) -> InputLevel | None:
        """The meter's reading; while a take is recorded it also feeds the live waveform."""
        level = self.live.level()
        if level is not None and self.recorder.state is State.RECORDING:
            self.waveform.add_live(level.peak_dbfs, self.recording_started.elapsed() / 1000)
        return level

    def _capture_event(self, event: CaptureEvent) -> None:
        if self.isVisible():
            kind = "warn" if event.kind is EventKind.OVERFLOW else "error"
            self.banner.show_message(pick(event.message), kind)

    def _failed(self, error: Exception) -> None:
        if self.isVisible():
            self.show_error(error)

    def isComplete(self) -> bool:
        return self.recorder.state is State.IDLE and self.limited_done()
