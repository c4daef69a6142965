"""A private PulseAudio daemon with a virtual microphone, for tests and benchmarks.

The daemon gets its own runtime folder, socket, HOME and client config, so several runs on one
machine never meet, and nothing autospawns a shared daemon. Audio played into the null sink
``vsink`` comes out of the source ``vmic``, which is the default source; ALSA's ``pulse`` and
``default`` devices (and so PortAudio and sounddevice) record from it in real time.

As a pytest plugin (``pytest_plugins = ["support.pulse"]``) it offers the session fixture
``virtual_mic``; scripts use :class:`PrivatePulse` directly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

SINK = "vsink"
SOURCE = "vmic"
# What the system calls the virtual microphone (its PulseAudio description), as a sound-settings
# panel shows it.
SOURCE_DESCRIPTION = "Voice Recorder Test Microphone"
RATE = 48000
START_TIMEOUT_S = 10.0
REQUIRED_TOOLS = ("pulseaudio", "pactl", "paplay", "espeak-ng", "sox")
ESPEAK_VOICES = {"CN": ("cmn", "zh"), "EN": ("en-us", "en")}


class PulseUnavailable(RuntimeError):
    """PulseAudio (or a tool the rig needs) is not installed or would not start."""


class Playback:
    """A ``paplay`` process feeding the virtual microphone."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process

    def wait(self, timeout: float = 30.0) -> int:
        """Wait until the file has been played; returns paplay's exit code."""
        return self.process.wait(timeout)

    def stop(self) -> None:
        """Stop playing now."""
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(5)


class PrivatePulse:
    """A PulseAudio daemon of our own; use as a context manager or call start()/stop()."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or Path(tempfile.mkdtemp(prefix="vr-pulse-"))
        self.socket = self.root / "native"
        self.process: subprocess.Popen[bytes] | None = None
        self._counter = 0

    @property
    def client_env(self) -> dict[str, str]:
        """The variables a client needs to reach this daemon and record from ``vmic``."""
        return {
            "PULSE_SERVER": f"unix:{self.socket}",
            "PULSE_SOURCE": SOURCE,
            "PULSE_SINK": SINK,
            "PULSE_CLIENTCONFIG": str(self.root / "client.conf"),
        }

    def env(self) -> dict[str, str]:
        """The current environment plus :attr:`client_env`."""
        return {**os.environ, **self.client_env}

    def start(self) -> PrivatePulse:
        """Start the daemon and wait until it answers; raises PulseUnavailable."""
        missing = [tool for tool in REQUIRED_TOOLS if shutil.which(tool) is None]
        if missing:
            raise PulseUnavailable(
                f"not installed: {', '.join(missing)} (apt-get install pulseaudio "
                "pulseaudio-utils espeak-ng sox)"
            )
        runtime = self.root / "runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        (self.root / "client.conf").write_text("autospawn = no\n", encoding="utf-8")
        daemon_env = {
            **os.environ,
            "HOME": str(self.root),
            "XDG_RUNTIME_DIR": str(runtime),
            "PULSE_RUNTIME_PATH": str(runtime / "pulse"),
            "PULSE_STATE_PATH": str(self.root / "state"),
            "XDG_CONFIG_HOME": str(self.root / "config"),
        }
        self.process = subprocess.Popen(
            [
                "pulseaudio", "--daemonize=no", "--system=false", "-n", "--exit-idle-time=-1",
                "--disallow-exit", "--use-pid-file=no", f"--log-target=file:{self.root / 'pulse.log'}",
                f"--load=module-native-protocol-unix auth-anonymous=1 socket={self.socket}",
                f"--load=module-null-sink sink_name={SINK} rate={RATE}",
                f"--load=module-remap-source master={SINK}.monitor source_name={SOURCE} channels=1 "
                f"source_properties='device.description=\"{SOURCE_DESCRIPTION}\"'",
            ],
            env=daemon_env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._wait_until_ready()
        return self

    def stop(self) -> None:
        """Stop the daemon by its PID."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PrivatePulse:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def play(self, path: Path) -> Playback:
        """Play a sound file into the virtual microphone (returns at once)."""
        process = subprocess.Popen(
            ["paplay", f"--device={SINK}", str(path)],
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return Playback(process)

    def suspend_microphone(self, suspended: bool) -> None:
        """Suspend (or resume) the virtual microphone: its streams get no audio while suspended,
        as when a driver loses the device (PulseAudio would instead move a stream whose source
        is removed to another source, so removal cannot show this)."""
        _run(["pactl", "suspend-source", SOURCE, "1" if suspended else "0"], self.env())

    def tone(self, frequency: float, seconds: float, volume: float = 0.5) -> Path:
        """A mono 48 kHz sine-wave WAV file."""
        path = self._new_path(f"tone-{frequency:g}")
        _run(["sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(path),
              "synth", f"{seconds}", "sine", f"{frequency}", "vol", f"{volume}"])  # fmt: skip
        return path

    def noise(self, seconds: float, rms: float, seed: int = 0) -> Path:
        """A mono 48 kHz WAV file of white (Gaussian) noise at ``rms``: a room's background sound."""
        samples = np.random.default_rng(seed).normal(0.0, rms, int(seconds * RATE))
        path = self._new_path(f"noise-{rms:g}")
        soundfile.write(path, np.clip(samples, -1.0, 1.0).astype(np.float32), RATE, subtype="PCM_16")
        return path

    def speak(self, text: str, language: str = "EN") -> Path:
        """Synthesised speech (espeak-ng) as a mono 48 kHz WAV; language "CN" or "EN"."""
        raw = self._new_path("speech-raw")
        for voice in ESPEAK_VOICES[language.upper()]:
            spoken = subprocess.run(["espeak-ng", "-v", voice, "-w", str(raw), text], capture_output=True)
            if spoken.returncode == 0:
                break
        else:
            raise PulseUnavailable(f"espeak-ng has no voice for {language}")
        path = self._new_path("speech")
        _run(["sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(path)])
        return path

    def _new_path(self, stem: str) -> Path:
        self._counter += 1
        return self.root / f"{stem}-{self._counter}.wav"

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                break
            ready = subprocess.run(["pactl", "info"], env=self.env(), capture_output=True, text=True)
            if ready.returncode == 0 and f"Default Source: {SOURCE}" in ready.stdout:
                return
            time.sleep(0.1)
        log = (self.root / "pulse.log").read_text(errors="replace")[-2000:] if self.root.exists() else ""
        self.stop()
        raise PulseUnavailable(f"PulseAudio did not start; its log ends with:\n{log}")


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise PulseUnavailable(f"{command[0]} failed: {result.stderr.strip()}")


def _refresh_portaudio() -> None:
    """PortAudio (and ALSA's pulse plugin) read the configuration at init; re-read it now."""
    if "sounddevice" in sys.modules:
        from voicerecorder.audio.sounddevice_backend import SoundDeviceBackend

        SoundDeviceBackend().rescan()


@pytest.fixture(scope="session")
def virtual_mic() -> Iterator[PrivatePulse]:
    """A private PulseAudio with ``vmic`` as the default source, for the whole test session.

    Sets PULSE_SERVER / PULSE_SOURCE / PULSE_SINK in this process (so subprocesses inherit
    them) and restores them at the end. Skips when PulseAudio is missing, unless
    ``VOICERECORDER_REQUIRE_REALAUDIO=1`` (as in CI), which turns that into a failure.
    """
    pulse = PrivatePulse()
    try:
        pulse.start()
    except PulseUnavailable as error:
        if os.environ.get("VOICERECORDER_REQUIRE_REALAUDIO") == "1":
            pytest.fail(f"real-audio tests required but the virtual microphone is unavailable: {error}")
        pytest.skip(f"virtual microphone unavailable: {error}")
    saved = {name: os.environ.get(name) for name in pulse.client_env}
    os.environ.update(pulse.client_env)
    _refresh_portaudio()
    try:
        yield pulse
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        pulse.stop()
        _refresh_portaudio()
