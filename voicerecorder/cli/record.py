"""``voicerecorder record OUT.wav [--device NAME] [--seconds S] [--force]``: record one WAV file."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from voicerecorder.audio.capture import CaptureEngine, CaptureEvent, EventKind, Level, TakeResult
from voicerecorder.audio.devices import find_device
from voicerecorder.audio.repair import RepairResult, RepairStatus, repair_partials
from voicerecorder.audio.sounddevice_backend import SoundDeviceBackend
from voicerecorder.errors import EXIT_ATTENTION, EXIT_INTERRUPTED, EXIT_REFUSED, UserFacingError
from voicerecorder.text import Bilingual, current_language

FIRST_AUDIO_TIMEOUT_S = 5.0
POSTROLL_S = 0.2
METER_INTERVAL_S = 1 / 15
METER_WIDTH = 30
METER_FLOOR_DBFS = -60.0
STOPPING_EVENTS = (EventKind.INPUT_STOPPED, EventKind.WRITE_FAILED)

RECORDING = Bilingual(
    "Recording from {device} at {rate} Hz into {path}. {how}",
    "正在从 {device} 以 {rate} Hz 录音到 {path}。{how}",
)
STOP_HOW = Bilingual("Press Enter or Ctrl-C to stop.", "按回车或 Ctrl-C 停止。")
TIMED_HOW = Bilingual(
    "Stops after {seconds:g} s (Ctrl-C stops early).", "{seconds:g} 秒后停止（Ctrl-C 可提前停止）。"
)
SAVED = Bilingual(
    "Saved {path}: {duration:.2f} s, {rate} Hz, mono 16-bit, from {device}.",
    "已保存 {path}：{duration:.2f} 秒，{rate} Hz，单声道 16 位，设备 {device}。",
)
DROPOUTS = Bilingual(
    "Warning: audio was lost ({overflows} overflow(s), {lost_ms:.0f} ms missing); record it again.",
    "警告：有音频丢失（{overflows} 次溢出，缺少 {lost_ms:.0f} 毫秒）；请重新录制。",
)
RECOVERED = Bilingual(
    "Recovered an unfinished recording: {path} ({seconds:.2f} s).",
    "已恢复一个未完成的录音：{path}（{seconds:.2f} 秒）。",
)
UNRECOVERABLE = Bilingual(
    "Found an unfinished recording that cannot be recovered: {path} ({detail}).",
    "发现一个无法恢复的未完成录音：{path}（{detail}）。",
)
NOT_STARTED = Bilingual(
    "Stopped before recording started; nothing was saved.", "录音开始前已停止，未保存任何内容。"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``record`` command."""
    parser = subparsers.add_parser(
        "record",
        help="record from a microphone into a WAV file",
        description="Record mono 16-bit WAV from a microphone until Enter, Ctrl-C or --seconds. "
        "The file is crash-safe while recording and finalised on Ctrl-C or SIGTERM.",
    )
    parser.add_argument("output", type=Path, metavar="OUT.wav", help="the WAV file to write")
    parser.add_argument("--device", metavar="NAME", help="microphone name (see `voicerecorder devices`)")
    parser.add_argument("--seconds", type=_positive_seconds, metavar="S", help="stop after S seconds")
    parser.add_argument("--force", action="store_true", help="overwrite OUT.wav if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Record one file; see README "Exit codes" for what the return value means."""
    language = current_language()
    output: Path = args.output
    check_output(output, args.force)
    for repaired in repair_partials(output.parent, recursive=False, finalise=True):
        _say(_repair_line(repaired).pick(language))
    backend = SoundDeviceBackend()
    device = find_device(backend, args.device).ref if args.device else None
    engine = CaptureEngine(backend, device, preroll_s=0.0, postroll_s=0.0 if args.seconds else POSTROLL_S)
    stop = threading.Event()
    with _stop_on_signals(stop):
        engine.open()
        try:
            if not _wait_for_audio(engine, stop):
                _say(NOT_STARTED.pick(language))
                return EXIT_INTERRUPTED
            engine.start_take(output, args.seconds)
            how = (TIMED_HOW.format(seconds=args.seconds) if args.seconds else STOP_HOW).pick(language)
            started = RECORDING.format(device=engine.device, rate=engine.samplerate, path=output, how=how)
            _say(started.pick(language))
            if not args.seconds:
                _stop_on_enter(stop)
            stopping_event = _record_until_stopped(engine, stop, language)
            result = engine.stop_take()
        finally:
            engine.close()
    return _report(result, stopping_event, language)


def check_output(output: Path, force: bool) -> None:
    """Refuse a non-WAV name, a missing folder, or an existing file without ``force``."""
    if output.suffix.lower() != ".wav":
        raise UserFacingError(
            Bilingual(
                f"The output file must end in .wav (got {output.name}).",
                f"输出文件名必须以 .wav 结尾（当前为 {output.name}）。",
            ),
            exit_code=2,
        )
    if not output.parent.is_dir():
        raise UserFacingError(
            Bilingual(
                f"The folder {output.parent} does not exist; create it first.",
                f"文件夹 {output.parent} 不存在，请先创建。",
            )
        )
    if output.exists() and not force:
        raise UserFacingError(
            Bilingual(
                f"{output} already exists. Choose another name, or add --force to overwrite it.",
                f"{output} 已存在。请换一个文件名，或加上 --force 覆盖它。",
            ),
            exit_code=EXIT_REFUSED,
        )


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < 24 * 3600:
        raise argparse.ArgumentTypeError(f"expected a number of seconds greater than 0, got {text!r}")
    return value


def _repair_line(result: RepairResult) -> Bilingual:
    if result.status is RepairStatus.UNREPAIRABLE:
        return UNRECOVERABLE.format(path=result.path, detail=result.detail)
    return RECOVERED.format(path=result.path, seconds=result.duration_s)


def _wait_for_audio(engine: CaptureEngine, stop: threading.Event) -> bool:
    deadline = time.monotonic() + FIRST_AUDIO_TIMEOUT_S
    while not stop.is_set():
        if engine.wait_for_audio(0.05):
            return True
        if time.monotonic() > deadline:
            raise UserFacingError(
                Bilingual(
                    f"The microphone {engine.device} delivers no audio. Check that it is connected and "
                    "not used by another program, or choose another one with --device.",
                    f"麦克风 {engine.device} 没有音频输入。请确认已连接且未被其他程序占用，"
                    "或用 --device 选择其他麦克风。",
                ),
                exit_code=EXIT_ATTENTION,
            )
    return False


def _record_until_stopped(engine: CaptureEngine, stop: threading.Event, language: str) -> CaptureEvent | None:
    """Show the meter and warnings until stopped; returns the event that forced a stop, if any."""
    meter = sys.stderr.isatty()
    start_frames = engine.frames_captured
    while not stop.wait(METER_INTERVAL_S) and not engine.take_done:
        for event in engine.poll_events():
            _say(("\n" if meter else "") + event.message.pick(language))
            if event.kind in STOPPING_EVENTS:
                return event
        if meter:
            elapsed = (engine.frames_captured - start_frames) / engine.samplerate
            sys.stderr.write("\r" + format_meter(engine.level(), elapsed))
            sys.stderr.flush()
    if meter:
        sys.stderr.write("\n")
    return None


def format_meter(level: Level, elapsed_s: float) -> str:
    """One line of the live meter: a bar for the peak, the numbers, CLIP, and the time."""
    fraction = min(1.0, max(0.0, (level.peak_dbfs - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS))
    filled = round(fraction * METER_WIDTH)
    minutes, seconds = divmod(elapsed_s, 60)
    return (
        f"[{'#' * filled}{'.' * (METER_WIDTH - filled)}] peak {level.peak_dbfs:6.1f} dBFS  "
        f"rms {level.rms_dbfs:6.1f} dBFS {'CLIP' if level.clipped else '    '}  "
        f"{int(minutes):02d}:{seconds:04.1f}"
    )


def _report(result: TakeResult, stopping_event: CaptureEvent | None, language: str) -> int:
    print(result.path)
    saved = SAVED.format(
        path=result.path, duration=result.duration_s, rate=result.samplerate, device=result.device
    )
    _say(saved.pick(language))
    if result.overflows or result.lost_frames:
        lost_ms = 1000 * result.lost_frames / result.samplerate
        _say(DROPOUTS.format(overflows=result.overflows, lost_ms=lost_ms).pick(language))
    if stopping_event is None:
        return 0
    return 1 if stopping_event.kind is EventKind.WRITE_FAILED else EXIT_ATTENTION


def _say(text: str, stream: TextIO | None = None) -> None:
    print(text, file=stream or sys.stderr, flush=True)


def _stop_on_enter(stop: threading.Event) -> None:
    """Watch stdin on a daemon thread; a line (Enter) stops, end-of-file does not."""

    def watch() -> None:
        """Stdin thread: set ``stop`` on the first line."""
        with contextlib.suppress(OSError, ValueError):
            if sys.stdin.readline().endswith("\n"):
                stop.set()

    if sys.stdin is not None and not sys.stdin.closed:
        threading.Thread(target=watch, name="record-enter", daemon=True).start()


@contextlib.contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set ``stop`` (so the file is finalised) while recording."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handled = [signal.SIGINT, signal.SIGTERM]
    previous = {number: signal.getsignal(number) for number in handled}
    for number in handled:
        signal.signal(number, lambda *_: stop.set())
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
