"""Capture benchmark: record from a private virtual microphone while another thread does heavy
numpy work, and compare the recorder's CPU cost with ``parecord`` recording the same source.

    python tests/benchmarks/capture_benchmark.py [--seconds 60]

Prints frames captured vs expected, dropouts (overflow flags and the stream-clock audit), and
CPU seconds per minute of audio for the recorder (this process minus the load thread and the
meter thread) and for ``parecord`` (its own rusage), both recording at the same time. The level
meter is read 30 times a second during the take, as the wizard's timer does; its cost is
printed on its own line (``level()`` peeks at the stream's unread audio and reduces it), beside
the same 30 Hz loop calling nothing (what the polling itself costs). Its floor, in the same run:
one numpy ``max`` over 33 ms of audio called 30 times a second from a sleeping thread, the same
call back to back (the difference is what a wake-up costs) and a call doing nothing.
Goal: zero lost frames and recorder CPU within 3x of parecord. Then, without the load, the same
stream read twice a second with the audio discarded: what PortAudio's ALSA path and rtmixer's C
callback cost before any of the engine's work; the same runs in a process of its own during the
take, under the same load, for a reference from the same moment. Last, the cost of one ``level()`` plus
``poll_events()`` call on the fake backend (goal < 2 ms: the wizard's meter timer calls them).
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from support.pulse import SOURCE, PrivatePulse

from voicerecorder.audio.capture import PUMP_INTERVAL_S, CaptureEngine, TakeResult
from voicerecorder.audio.devices import default_device
from voicerecorder.audio.fake_backend import FakeBackend
from voicerecorder.audio.sounddevice_backend import LATENCY, SoundDeviceBackend

RATE = 48000
METER_HZ = 30
LEVEL_GOAL = 0.05
CAPTURE_GOAL = 1.1


@dataclass
class Load:
    """Heavy numpy (and some pure-Python) work on its own thread."""

    stop: threading.Event
    iterations: int = 0

    def run(self) -> None:
        """Load thread: sort, FFT and a Python loop until ``stop`` is set."""
        rng = np.random.default_rng(1)
        while not self.stop.is_set():
            data = rng.standard_normal(1_000_000)
            np.sort(data)
            np.fft.rfft(data)
            sum(value * value for value in range(50_000))
            self.iterations += 1


def poll(call: Callable[[], object], stop: threading.Event) -> None:
    """Meter thread: ``call()`` 30 times a second like the wizard's timer (``engine.level``, or
    nothing: what the polling loop itself costs)."""
    while not stop.wait(1 / METER_HZ):
        call()


def thread_cpu_s(thread: threading.Thread) -> float:
    return time.clock_gettime(time.pthread_getcpuclockid(thread.ident))


def process_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def start_parecord(pulse: PrivatePulse, path: Path, extra: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        ["parecord", f"--device={SOURCE}", f"--rate={RATE}", "--channels=1", "--format=s16le",
         "--file-format=wav", *extra, str(path)],
        env=pulse.env(),
    )  # fmt: skip


def stop_parecord(process: subprocess.Popen[bytes]) -> float:
    """Stop parecord and return the CPU seconds it used."""
    process.send_signal(signal.SIGINT)
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0
    return usage.ru_utime + usage.ru_stime


def benchmark(seconds: float) -> None:
    references = {
        "parecord (default buffering)": [],
        f"parecord --latency-msec={round(LATENCY * 1000)}": [f"--latency-msec={round(LATENCY * 1000)}"],
    }
    with PrivatePulse() as pulse, tempfile.TemporaryDirectory(prefix="vr-bench-") as folder:
        os.environ.update(pulse.client_env)
        playback = pulse.play(pulse.tone(440, seconds + 15))
        work = Path(folder)
        engine = CaptureEngine(SoundDeviceBackend(), None, preroll_s=0.0, postroll_s=0.0)
        engine.open()
        if not engine.wait_for_audio(10):
            raise SystemExit("no audio from the virtual microphone")
        load = Load(threading.Event())
        load_thread = threading.Thread(target=load.run, name="load")
        load_thread.start()
        beside = start_stream_alone(seconds)  # measures from about when the take starts
        time.sleep(1.0)  # let the load settle

        paths = {label: work / f"parecord-{number}.wav" for number, label in enumerate(references)}
        parecords = {label: start_parecord(pulse, paths[label], extra) for label, extra in references.items()}
        cpu_before, load_before = process_cpu_s(), thread_cpu_s(load_thread)
        started = time.monotonic()
        engine.start_take(work / "recorder.wav")
        meter_stop = threading.Event()
        meter = threading.Thread(target=poll, args=(engine.level, meter_stop), name="meter")
        idle_poller = threading.Thread(target=poll, args=(lambda: None, meter_stop), name="idle-poller")
        meter.start()
        idle_poller.start()
        time.sleep(seconds)
        engine.request_stop()
        wall_s = time.monotonic() - started
        result = engine.stop_take()
        meter_cpu, idle_poller_cpu = thread_cpu_s(meter), thread_cpu_s(idle_poller)
        meter_stop.set()
        meter.join()
        idle_poller.join()
        load_cpu = thread_cpu_s(load_thread) - load_before
        recorder_cpu = process_cpu_s() - cpu_before - load_cpu - meter_cpu - idle_poller_cpu
        parecord_cpu = {label: stop_parecord(process) for label, process in parecords.items()}
        beside_cpu = float(beside.communicate(timeout=seconds + 60)[0])

        load.stop.set()
        load_thread.join()
        level_alone = level_cost(engine, min(seconds, 20.0))
        engine.close()
        floor_cpu = stream_floor_cpu(seconds)
        playback.stop()
        parecord_frames = {label: soundfile.info(str(path)).frames for label, path in paths.items()}
    report(seconds, wall_s, result, load, load_cpu, recorder_cpu, parecord_cpu, parecord_frames)
    meter = per_audio_minute(meter_cpu, result.frames)
    idle = per_audio_minute(idle_poller_cpu, result.frames)
    print(f"level meter read at {METER_HZ} Hz       {meter:.3f} CPU s per audio minute (apart); "
          f"the same loop calling nothing {idle:.3f}")  # fmt: skip
    recorder = per_audio_minute(recorder_cpu, result.frames)
    print(f"stream alone (read, discarded)  {floor_cpu:.3f} CPU s per audio minute, same stream settings; "
          f"recorder is {recorder / floor_cpu:.2f}x (goal <= {CAPTURE_GOAL}x)")  # fmt: skip
    print(f"the same, beside the recorder   {beside_cpu:.3f} CPU s per audio minute in a process of its own, "
          f"under the same load; recorder is {recorder / beside_cpu:.2f}x")  # fmt: skip
    print(f"level() + poll_events()         {level_call_ms():.3f} ms per call, fake backend (goal < 2 ms)")
    print_level_cost(*level_alone)
    woken, warm_us, empty = numpy_floor(min(seconds, 20.0))
    print(f"floor: one numpy max at {METER_HZ} Hz {woken:.3f} CPU s per audio minute from a sleeping thread; "
          f"{warm_us:.1f} us per call back to back; a call doing nothing {empty:.3f}")  # fmt: skip


def level_call_ms(calls: int = 1000) -> float:
    """Milliseconds per ``level()`` and ``poll_events()`` pair, as the wizard's meter timer calls them."""
    backend = FakeBackend(auto=False, blocksize=480)
    engine = CaptureEngine(backend, None)
    engine.open()
    backend.last_stream.step(5)
    started = time.perf_counter()
    for _ in range(calls):
        engine.level()
        engine.poll_events()
    elapsed = time.perf_counter() - started
    engine.close()
    return elapsed / calls * 1000


def level_cost(engine: CaptureEngine, seconds: float) -> tuple[float, float, float, float]:
    """CPU seconds per audio minute, without load, inside ``level()`` calls only: read at METER_HZ,
    read twice a second like the pump (the same audio moved in fewer reads), and the meter's
    own share, their difference; last, the share of the METER_HZ polls that found new audio
    (``level()`` returns a new reading then, the previous one otherwise)."""
    readings: list[object] = []
    meter = calls_cpu(lambda: readings.append(engine.level()), seconds / 2, METER_HZ)
    pump = calls_cpu(engine.level, seconds / 2, 1 / PUMP_INTERVAL_S)
    fresh = len({id(reading) for reading in readings}) / len(readings)
    return meter, pump, meter - pump, fresh


def calls_cpu(call: Callable[[], object], seconds: float, hz: float) -> float:
    """This thread's CPU seconds inside ``call()`` made ``hz`` times a second, per audio minute."""
    inside, stop = 0.0, threading.Event()
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        stop.wait(1 / hz)
        before = time.thread_time()
        call()
        inside += time.thread_time() - before
    return inside / ((time.monotonic() - started) / 60)


def numpy_floor(seconds: float) -> tuple[float, float, float]:
    """CPU seconds per audio minute of one ``max`` over 1/METER_HZ s of audio at METER_HZ, the
    same call back to back (microseconds per call), and a call doing nothing at METER_HZ (what
    the measurement and the wake-up cost)."""
    samples = np.random.default_rng(2).standard_normal(RATE // METER_HZ).astype(np.float32)
    woken = calls_cpu(samples.max, seconds / 2, METER_HZ)
    empty = calls_cpu(lambda: None, seconds / 2, METER_HZ)
    before, calls = time.thread_time(), 10_000
    for _ in range(calls):
        samples.max()
    return woken, (time.thread_time() - before) / calls * 1e6, empty


def print_level_cost(meter: float, pump: float, share: float, fresh: float) -> None:
    verdict = "met" if share <= LEVEL_GOAL else "NOT met"
    print(f"level() at {METER_HZ} Hz, no load     {meter:.3f} CPU s per audio minute inside the calls "
          f"({fresh:.0%} of them found new audio); "
          f"the same audio read at {1 / PUMP_INTERVAL_S:.0f} Hz {pump:.3f}")  # fmt: skip
    print(f"the meter's own share           {share:.3f} CPU s per audio minute "
          f"(goal <= {LEVEL_GOAL}: {verdict})")  # fmt: skip


def start_stream_alone(seconds: float) -> subprocess.Popen[str]:
    """Run :func:`stream_floor_cpu` in a process of its own (it prints the figure), recording the
    same source at the same time as the recorder."""
    command = [sys.executable, __file__, "--seconds", str(seconds), "--stream-alone"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)


def stream_floor_cpu(seconds: float) -> float:
    """CPU seconds per audio minute of the bare stream, read twice a second and discarded."""
    backend = SoundDeviceBackend()
    stream = backend.open_input(default_device(backend).index, RATE)
    stream.start()
    time.sleep(1.0)
    before = process_cpu_s()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(PUMP_INTERVAL_S)
        stream.read()
    used = process_cpu_s() - before
    stream.stop()
    stream.close()
    return used / (seconds / 60)


def report(
    seconds: float,
    wall_s: float,
    result: TakeResult,
    load: Load,
    load_cpu: float,
    recorder_cpu: float,
    parecord_cpu: dict[str, float],
    parecord_frames: dict[str, int],
) -> None:
    """Print the figures; the take runs on for the input latency after the stop (its post-roll)."""
    expected = round((wall_s + LATENCY) * RATE)
    print(f"duration asked                 {seconds:.1f} s (wall {wall_s:.2f} s + {LATENCY} s latency tail)")
    print(
        f"frames captured                {result.frames} vs wall clock {expected} "
        f"({(result.frames - expected) / RATE * 1000:+.0f} ms: the stop counts from the audio already read)"
    )
    print(f"dropouts                       overflows {result.overflows}, lost frames {result.lost_frames}, "
          f"stalls {result.stalls}")  # fmt: skip
    print(
        f"load thread                    {load.iterations} iterations, {load_cpu:.1f} CPU s during the take"
    )
    recorder = per_audio_minute(recorder_cpu, result.frames)
    print(f"recorder CPU                   {recorder:.3f} CPU s per audio minute ({recorder_cpu:.3f} s)")
    for label, cpu_s in parecord_cpu.items():
        reference = per_audio_minute(cpu_s, parecord_frames[label])
        print(f"{label:<30} {reference:.3f} CPU s per audio minute ({cpu_s:.3f} s); "
              f"recorder is {recorder / reference:.2f}x (goal <= 3x)")  # fmt: skip


def per_audio_minute(cpu_s: float, frames: int) -> float:
    return cpu_s / (frames / RATE / 60) if frames else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to record (default 60)")
    parser.add_argument("--stream-alone", action="store_true", help="only print stream_floor_cpu's figure")
    args = parser.parse_args()
    if args.stream_alone:
        print(stream_floor_cpu(args.seconds))
    else:
        benchmark(args.seconds)


if __name__ == "__main__":
    main()
