"""Session fixtures: a voice form, a new session, and realistic takes spoken by espeak-ng.

Imported by name into tests/session/conftest.py and tests/cli/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from support.session_takes import english_script, speak, studio_take
from voicerecorder.session.form import VoiceForm
from voicerecorder.session.store import Session


@pytest.fixture
def en_form() -> VoiceForm:
    return VoiceForm(voice_name="Ada Lovelace", sex="FEMALE", tag="NEWS", language="EN")


@pytest.fixture
def basic_session(tmp_path, en_form) -> Session:
    """A new BASIC English session without takes."""
    return Session.create(en_form, "BASIC", english_script(20), writer="tests", folder=tmp_path / "session")


@pytest.fixture(scope="session")
def good_take_samples() -> tuple[np.ndarray, int]:
    """About eight seconds of English speech as a clean 48 kHz take."""
    samples, rate = speak(" ".join(english_script(1).sentences[0].text.split()[:16]))
    return studio_take(samples, rate), 48000


@pytest.fixture
def good_wav(tmp_path, good_take_samples) -> Path:
    samples, rate = good_take_samples
    path = tmp_path / "good.wav"
    soundfile.write(path, samples, rate, subtype="PCM_16")
    return path


@pytest.fixture
def clipped_wav(tmp_path, good_take_samples) -> Path:
    """The good take driven 20 dB into full scale: fails the clipping rule."""
    samples, rate = good_take_samples
    path = tmp_path / "clipped.wav"
    soundfile.write(path, np.clip(samples * 10.0, -1.0, 1.0), rate, subtype="PCM_16")
    return path
