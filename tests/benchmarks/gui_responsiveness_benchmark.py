"""GUI responsiveness benchmark: how long the wizard's event loop stalls while it records, checks
and uploads.

    python tests/benchmarks/gui_responsiveness_benchmark.py [--takes 5] [--diagnose]

Runs the real wizard offscreen. A 5 ms heartbeat timer on the GUI thread records when it actually
fires; a stall is the time between two beats minus the 5 ms period. Phases, all in one run:

- idle: the wizard on its Start page, nothing running (the reference);
- wizard steps: Start -> Voice details (creates the session) -> Microphone check (opens the input)
  -> Record;
- recording: takes on the Record page through PortAudio -> ALSA -> a private PulseAudio whose
  virtual microphone plays espeak-ng speech over room noise (Space, read, Space, check, next);
  without PulseAudio the fake backend stands in, and the output says so;
- quality check and submit: the Quality check and Submit pages against a sandbox on 127.0.0.1
  (the fast poll policy), on a prepared session whose 20 takes pass.

For each phase it prints the number of beats, the longest stall, the 99th percentile, the stalls
over 50 ms and PASS/FAIL against the goal (no stall over 50 ms), next to the idle reference.
``--diagnose`` samples the GUI thread's Python stack every 5 ms and prints where it was during
stalls over 50 ms.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["VOICERECORDER_LANG"] = "en"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring
import numpy as np
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from support.memory_keyring import MemoryKeyring
from support.pulse import PrivatePulse, PulseUnavailable
from support.workflow_rig import FAST_POLL, new_session, write_take

from voicerecorder.audio.backend import AudioBackend
from voicerecorder.audio.fake_backend import FakeBackend, fake_device
from voicerecorder.audio.playback import FakePlayer
from voicerecorder.sandbox import SandboxServer
from voicerecorder.ui import i18n
from voicerecorder.ui.app import application
from voicerecorder.ui.demo import speech_source
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.pages.quality_check import QualityCheckPage
from voicerecorder.ui.services import Services
from voicerecorder.ui.settings import Settings
from voicerecorder.ui.take_recorder import State
from voicerecorder.ui.wizard import RecordingWizard

BEAT_MS = 5
GOAL_MS = 50.0
IDLE_S = 3.0
SANDBOX_SPEED = 400.0
ROOM_NOISE_RMS = 0.0005
SPEECH_PEAK = 0.4


@dataclass
class Heartbeat:
    """A precise 5 ms timer on the GUI thread; each beat's time goes to the current phase."""

    phase: str = "setup"
    beats: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))
    busy: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))
    last: float = 0.0
    last_cpu: float = 0.0

    def start(self) -> QTimer:
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(BEAT_MS)
        timer.timeout.connect(self.beat)
        self.last, self.last_cpu = time.perf_counter(), time.thread_time()
        timer.start()
        return timer

    def beat(self) -> None:
        """Note the stall since the last beat and how much of it the GUI thread spent on the CPU."""
        now, cpu = time.perf_counter(), time.thread_time()
        self.beats[self.phase].append((now - self.last) * 1000 - BEAT_MS)
        self.busy[self.phase].append((cpu - self.last_cpu) * 1000)
        self.last, self.last_cpu = now, cpu

    @contextlib.contextmanager
    def measuring(self, phase: str) -> Iterator[None]:
        """Beats inside the block count for ``phase`` (measured from its start)."""
        self.phase, self.last, self.last_cpu = phase, time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            self.phase = "setup"


class StallSampler(threading.Thread):
    """--diagnose: samples the GUI thread's stack; keeps the innermost app frames seen during stalls."""

    def __init__(self, heartbeat: Heartbeat) -> None:
        super().__init__(name="stall-sampler", daemon=True)
        self.heartbeat = heartbeat
        self.gui = threading.main_thread().ident
        self.seen: collections.Counter[str] = collections.Counter()
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.005):
            late_ms = (time.perf_counter() - self.heartbeat.last) * 1000 - BEAT_MS
            frame = sys._current_frames().get(self.gui)
            if late_ms > GOAL_MS and frame is not None and self.heartbeat.phase != "setup":
                stack = traceback.extract_stack(frame)
                ours = [f for f in stack if "voicerecorder" in f.filename or "PySide6" in f.filename]
                where = " < ".join(
                    f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(ours[-4:])
                )
                self.seen[f"[{self.heartbeat.phase}] {where or 'Qt (no Python frame)'}"] += 1


def wait_for(condition: Callable[[], bool], timeout_s: float, what: str | Callable[[], str] = "") -> None:
    """Run the event loop until ``condition()`` holds (checked every 10 ms); raise after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(10)

    def poll() -> None:
        if condition() or time.monotonic() > deadline:
            loop.quit()

    check.timeout.connect(poll)
    check.start()
    if not condition():
        loop.exec()
    check.stop()
    if not condition():
        described = what() if callable(what) else what
        raise SystemExit(f"timed out after {timeout_s:.0f} s waiting for {described or 'the wizard'}")


def in_a_room(pulse: PrivatePulse, text: str) -> Path:
    """espeak-ng speech of ``text`` at a natural level, as a WAV to play into the virtual microphone."""
    import soundfile

    path = pulse.speak(text, "EN")
    voice, rate = soundfile.read(path, dtype="float32")
    voice = voice * (SPEECH_PEAK / max(float(np.abs(voice).max()), 1e-6))
    pad = np.zeros(int(0.4 * rate), np.float32)
    soundfile.write(path, np.concatenate([pad, voice, pad]), rate, subtype="PCM_16")
    return path


class Talent:
    """Plays speech into the virtual microphone from a helper thread (the GUI thread never spawns it)."""

    def __init__(self, pulse: PrivatePulse | None) -> None:
        self.pulse = pulse
        self.thread: threading.Thread | None = None

    def read(self, speech: Path | None, fake_seconds: float) -> None:
        def play() -> None:
            if self.pulse is not None and speech is not None:
                self.pulse.play(speech).wait()
            else:
                time.sleep(fake_seconds)

        self.thread = threading.Thread(target=play, name="talent")
        self.thread.start()

    @property
    def reading(self) -> bool:
        return self.thread is not None and self.thread.is_alive()


def walk_to_record(wizard: RecordingWizard, heartbeat: Heartbeat) -> None:
    """Start -> Voice details -> Microphone check -> Record, pressing Next like a person."""
    wizard.show()
    wait_for(wizard.isVisible, 5)
    with heartbeat.measuring("idle"):
        deadline = time.monotonic() + IDLE_S
        wait_for(lambda: time.monotonic() > deadline, IDLE_S + 1)
    with heartbeat.measuring("wizard steps"):
        wizard.next()
        wait_for(lambda: wizard.currentId() == int(PageId.VOICE), 10, "the Voice details page")
        voice = wizard.page_of(PageId.VOICE)
        QTest.keyClicks(voice.voice_name, "Robin Benchmark")
        voice.language.setCurrentIndex(voice.language.findData("EN"))
        wizard.next()
        wait_for(lambda: wizard.currentId() == int(PageId.MICROPHONE), 20, "the session to be created")
        microphone = wizard.page_of(PageId.MICROPHONE)
        wait_for(microphone.input_ready, 30, "the microphone to open")
        microphone.skip_checks()
        wait_for(lambda: wizard.currentId() == int(PageId.RECORD), 10, "the Record page")


def record_takes(
    wizard: RecordingWizard, heartbeat: Heartbeat, talent: Talent, speech: list[Path | None]
) -> int:
    """Space, read the sentence, Space, wait for the verdict, Right: once per speech file."""
    record = wizard.page_of(PageId.RECORD)
    record.auto_advance.setChecked(False)
    wait_for(lambda: record.live.engine is not None, 30, "the input to open on the Record page")
    checked = 0
    with heartbeat.measuring("recording"):
        for path in speech:
            QTest.keyClick(record, Qt.Key.Key_Space)
            talent.read(path, fake_seconds=3.0)
            wait_for(lambda: not talent.reading, 60, "the talent to finish reading")
            QTest.keyClick(record, Qt.Key.Key_Space)
            wait_for(
                lambda: record.recorder.state is State.IDLE and record.report is not None,
                30,
                lambda: f"the verdict (state {record.recorder.state}, banner: {record.banner.text!r})",
            )
            checked += 1
            QTest.keyClick(record, Qt.Key.Key_Right)
    return checked


def cloud_phases(wizard: RecordingWizard, heartbeat: Heartbeat, root: Path) -> None:
    """Quality check then Submit against the sandbox, on a session whose 20 takes pass."""
    sources = root / "take-sources"
    sources.mkdir()
    session = new_session(root / "sessions" / "ready")
    for index in range(20):
        session.add_take(index, write_take(sources, index, seed=index))
    wizard.holder.set(session)
    wizard.setStartId(int(PageId.QUALITY))
    wizard.restart()
    quality = wizard.page_of(PageId.QUALITY)
    wait_for(lambda: quality.target is not None, 30, "the quality check's target")
    with heartbeat.measuring("quality check"):
        QTest.mouseClick(quality.start_button, Qt.MouseButton.LeftButton)
        wait_for(lambda: not quality.runner.busy, 120, "the quality check")
    if quality.banner.isVisible():
        raise SystemExit(f"the quality check failed: {quality.banner.text}")
    wizard.next()
    submit = wizard.page_of(PageId.SUBMIT)
    wait_for(lambda: wizard.currentId() == int(PageId.SUBMIT) and submit.target is not None, 30, "Submit")
    with heartbeat.measuring("submit"):
        QTest.mouseClick(submit.submit_button, Qt.MouseButton.LeftButton)
        wait_for(lambda: not submit.runner.busy, 120, "the upload")
    if submit.submitted_job_id() is None:
        raise SystemExit(f"the submission failed: {submit.banner.text}")


def percentile(values: list[float], share: float) -> float:
    return float(np.percentile(np.array(values), share)) if values else float("nan")


def report(heartbeat: Heartbeat, notes: list[str]) -> bool:
    """Print one line per phase; True when every phase met the goal."""
    idle = heartbeat.beats.get("idle", [])
    idle_text = f"idle longest {max(idle, default=0):.1f} ms, p99 {percentile(idle, 99):.1f} ms"
    print(f"{'phase':<16}{'beats':>7}{'longest ms':>12}{'p99 ms':>9}{'> 50 ms':>9}  result  "
          f"GUI CPU in longest  (reference: {idle_text})")  # fmt: skip
    passed = True
    for phase in ("idle", "wizard steps", "recording", "quality check", "submit"):
        stalls = heartbeat.beats.get(phase, [])
        longest = max(stalls, default=0.0)
        over = sum(1 for stall in stalls if stall > GOAL_MS)
        ok = bool(stalls) and longest <= GOAL_MS
        passed &= ok
        busy = heartbeat.busy[phase][stalls.index(longest)] if stalls else 0.0
        print(f"{phase:<16}{len(stalls):>7}{longest:>12.1f}{percentile(stalls, 99):>9.1f}{over:>9}  "
              f"{'PASS' if ok else 'FAIL'}    {busy:7.1f} ms")  # fmt: skip
    print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; a stall with "
          "little GUI CPU was spent waiting (for the GIL or a core), not working")  # fmt: skip
    for note in notes:
        print(note)
    return passed


def audio_backend(pulse: PrivatePulse | None) -> AudioBackend:
    if pulse is None:
        return FakeBackend(
            devices=[fake_device(0, "USB Mic", "ALSA", is_default=True)], source=speech_source(), speed=1.0
        )
    from voicerecorder.audio.sounddevice_backend import SoundDeviceBackend

    return SoundDeviceBackend()


def point_at_sandbox(server: SandboxServer) -> None:
    """The app reaches the sandbox like a configured cloud: the documented environment variables."""
    os.environ.update(
        {
            "CLOUD_SDK_AK": server.keys.ak,
            "CLOUD_SDK_SK": server.keys.sk,
            "METASTUDIO_ENDPOINT": server.base_url,
            "METASTUDIO_PROJECT_ID": server.project_id,
        }
    )


def start_pulse() -> tuple[PrivatePulse | None, str]:
    try:
        pulse = PrivatePulse().start()
    except PulseUnavailable as error:
        return None, f"NOTE: no PulseAudio ({error}); the recording phase used the FAKE audio backend."
    os.environ.update(pulse.client_env)
    return pulse, "recording phase: real audio (PortAudio -> ALSA -> private PulseAudio, espeak-ng speech)"


def benchmark(takes: int, diagnose: bool) -> bool:
    keyring.set_keyring(MemoryKeyring())
    QualityCheckPage.poll_policy = FAST_POLL
    with tempfile.TemporaryDirectory(prefix="vr-gui-bench-") as folder:
        root = Path(folder)
        os.environ["VOICERECORDER_DATA_DIR"] = str(root / "data")
        pulse, audio_note = start_pulse()
        server = SandboxServer(root / "sandbox", speed=SANDBOX_SPEED).start()
        try:
            point_at_sandbox(server)
            return run(root, pulse, takes, diagnose, [audio_note])
        finally:
            server.stop()
            if pulse is not None:
                pulse.stop()


def run(root: Path, pulse: PrivatePulse | None, takes: int, diagnose: bool, notes: list[str]) -> bool:
    app = application()
    i18n.set_language("en")
    settings = Settings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat))
    services = Services(audio_backend(pulse), FakePlayer(), settings, sessions_root=root / "sessions")
    room = pulse.play(pulse.noise(600, ROOM_NOISE_RMS)) if pulse is not None else None
    wizard = RecordingWizard(services)
    heartbeat = Heartbeat()
    timer = heartbeat.start()
    sampler = StallSampler(heartbeat) if diagnose else None
    if sampler is not None:
        sampler.start()
    try:
        walk_to_record(wizard, heartbeat)
        session = wizard.holder.require()
        speech = [in_a_room(pulse, session.sentence(i).text) if pulse else None for i in range(takes)]
        checked = record_takes(wizard, heartbeat, Talent(pulse), speech)
        notes.append(f"recording phase: {checked} takes recorded and checked")
        cloud_phases(wizard, heartbeat, root)
        notes.append(
            "quality check and submit: a prepared 20-take session, sandbox on 127.0.0.1, fast polling"
        )
    finally:
        timer.stop()
        wizard.page_of(PageId.RECORD).recorder.cancel()
        wizard.leave(ask=False)
        wizard.close()
        if room is not None:
            room.stop()
        app.processEvents()
    passed = report(heartbeat, notes)
    if sampler is not None:
        sampler.stop.set()
        print("GUI thread during stalls over 50 ms (5 ms samples):")
        for where, count in sampler.seen.most_common(15):
            print(f"  {count:4d}  {where}")
    return passed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--takes", type=int, default=5, help="takes to record through the audio stack")
    parser.add_argument("--diagnose", action="store_true", help="sample the GUI thread's stack during stalls")
    args = parser.parse_args()
    started = time.monotonic()
    passed = benchmark(args.takes, args.diagnose)
    print(f"overall: {'PASS' if passed else 'FAIL'} (goal: no stall over {GOAL_MS:.0f} ms); "
          f"{time.monotonic() - started:.0f} s")  # fmt: skip
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
