"""Self-test probes of the audio layer: PortAudio and rtmixer, libsndfile, the devices, a WAV round trip.

Each probe returns a one-line detail or raises; ``voicerecorder.cli.selftest`` runs them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np


def check_portaudio() -> str:
    """Load PortAudio through sounddevice, and rtmixer's C callback and ring buffer."""
    import rtmixer
    import sounddevice

    ring = rtmixer.RingBuffer(4, 16)
    return (
        f"{sounddevice.get_portaudio_version()[1]} from {sounddevice._libname}; "
        f"rtmixer {rtmixer.__version__} (ring buffer: {ring.write_available} frames free)"
    )


def check_libsndfile() -> str:
    """Load libsndfile through soundfile."""
    import soundfile

    return f"{soundfile.__libsndfile_version__}"


def check_devices() -> str:
    """List the audio devices; none at all is fine on a build machine."""
    import sounddevice

    devices = sounddevice.query_devices()
    inputs = sum(1 for device in devices if device["max_input_channels"] > 0)
    return f"{len(devices)} devices, {inputs} with inputs"


def check_wav_round_trip() -> str:
    """Write a 1 s 440 Hz WAV into a temporary folder and read it back unchanged."""
    from voicerecorder.audio.wavfile import read_audio, write_wav_atomically

    rate = 48000
    tone = (0.5 * np.sin(2 * np.pi * 440 * np.arange(rate) / rate)).astype(np.float32)
    with tempfile.TemporaryDirectory(prefix="voicerecorder-selftest-") as folder:
        path = Path(folder) / "tone.wav"
        write_wav_atomically(path, tone, rate)
        audio = read_audio(path)
    if audio.samplerate != rate or audio.samples.shape != (rate, 1):
        raise RuntimeError(f"read back {audio.samples.shape} at {audio.samplerate} Hz")
    error = float(np.max(np.abs(audio.mono() - tone)))
    if error > 1e-4:
        raise RuntimeError(f"samples differ by up to {error:.6f} after the round trip")
    return f"1 s at {rate} Hz written and read back"
