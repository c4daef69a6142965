"""Demo data for ``--screenshots``: speech-like audio, a fake microphone, and a session with some takes."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from voicerecorder.audio.fake_backend import FakeBackend, Source, fake_device
from voicerecorder.audio.wavfile import write_wav_atomically
from voicerecorder.quality.textunits import estimated_reading_seconds
from voicerecorder.session.form import VoiceForm
from voicerecorder.session.script import builtin_script
from voicerecorder.session.store import Session

RATE = 48000
SYLLABLE_S = 0.22
PHRASE_S = 2.4
PAUSE_S = 0.5
DEMO_DEVICE = {"hostapi": "ALSA", "name": "USB Studio Microphone"}
DEMO_VOICES = {
    "CN": VoiceForm(
        "林晓雨 · 温暖旁白", "FEMALE", "ECOMMERCE", "CN", "电商直播与产品介绍", "+86 138 0013 8000"
    ),
    "EN": VoiceForm(
        "Emma Clarke – warm narrator",
        "FEMALE",
        "ECOMMERCE",
        "EN",
        "Product videos and ads",
        "+44 20 7946 0958",
    ),
}


def speech_like(first: int, frames: int, samplerate: int, gain: float = 0.3) -> np.ndarray:
    """Voiced syllables in phrases with pauses, over a quiet noise floor (deterministic in ``first``)."""
    t = np.arange(first, first + frames) / samplerate
    syllable = np.floor(t / SYLLABLE_S)
    strength = 0.45 + 0.55 * np.abs(np.sin(syllable * 12.9898) * 43758.5453 % 1.0)
    shape = np.sin(np.pi * (t % SYLLABLE_S) / SYLLABLE_S) ** 2
    speaking = (t % PHRASE_S) < (PHRASE_S - PAUSE_S)
    f0 = 150 + 25 * np.sin(2 * np.pi * 0.7 * t)
    phase = 2 * np.pi * np.cumsum(f0) / samplerate
    voice = sum(np.sin(k * phase) / k for k in range(1, 6))
    rng = np.random.default_rng(first)
    consonant = rng.normal(0, 0.25, frames) * (np.sin(np.pi * (t % SYLLABLE_S) / SYLLABLE_S) < 0.35)
    noise = rng.normal(0, 0.0003, frames)
    return (gain * strength * speaking * (shape * voice / 2 + consonant * shape**0.5) + noise).astype(
        np.float32
    )


def speech_source(gain: float = 0.3) -> Source:
    """A fake-backend Source that talks like :func:`speech_like`."""
    return lambda first, frames, samplerate: speech_like(first, frames, samplerate, gain)


def demo_backend() -> FakeBackend:
    """A fake audio system with a USB microphone that is speaking and a built-in one."""
    devices = [
        fake_device(0, DEMO_DEVICE["name"], DEMO_DEVICE["hostapi"], is_default=True),
        fake_device(1, "Built-in Microphone", "ALSA"),
    ]
    return FakeBackend(devices=devices, source=speech_source())


def demo_take(text: str, language: str, gain: float = 0.3) -> np.ndarray:
    """A take as long as reading ``text`` takes, with half a second of room tone at each end."""
    seconds = max(5.5, estimated_reading_seconds(text, language)) + 1.0
    speech = speech_like(0, int((seconds - 1.0) * RATE), RATE, gain)
    quiet = np.random.default_rng(7).normal(0, 0.0003, int(0.5 * RATE)).astype(np.float32)
    return np.concatenate([quiet, speech, quiet])


DEMO_REJECTED = (2, 4)
"""The demo session's failing takes (one too quiet, one clipped): the sentences shown as rejected."""


def demo_session(root: Path, language: str, recorded: int = 7) -> Session:
    """A BASIC session with ``recorded`` takes (one too quiet, one clipped), on the last of them."""
    script = builtin_script(language, "ECOMMERCE", "BASIC")
    session = Session.create(DEMO_VOICES[language], "BASIC", script, writer="voicerecorder (demo)", root=root)
    gains = dict(zip(DEMO_REJECTED, (0.02, 1.6), strict=True))
    for index in range(recorded):
        samples = np.clip(demo_take(session.sentence(index).text, language, gains.get(index, 0.3)), -1, 1)
        path = session.next_take_path(index)
        write_wav_atomically(path, samples, RATE, subtype="PCM_24")
        capture = {"overflows": 0, "lost_frames": 0, "stalls": 0, "samplerate": RATE, "device": DEMO_DEVICE}
        session.add_take(index, path, capture)
    session.set_current_index(max(0, recorded - 1))
    return session
