"""Which audio libraries the app runs on (PortAudio, libsndfile and their Python bindings)."""

from __future__ import annotations

from voicerecorder.audio.sounddevice_backend import load_sounddevice
from voicerecorder.errors import UserFacingError

UNAVAILABLE = "unavailable"


def _portaudio() -> dict[str, str]:
    try:
        sounddevice = load_sounddevice()
    except UserFacingError:
        return {"PortAudio": UNAVAILABLE, "python-sounddevice": UNAVAILABLE}
    return {
        "PortAudio": sounddevice.get_portaudio_version()[1],
        "python-sounddevice": sounddevice.__version__,
    }


def _libsndfile() -> dict[str, str]:
    try:
        import soundfile
    except OSError:
        return {"libsndfile": UNAVAILABLE, "python-soundfile": UNAVAILABLE}
    return {"libsndfile": soundfile.__libsndfile_version__, "python-soundfile": soundfile.__version__}


def library_versions() -> dict[str, str]:
    """Library name → version text; ``unavailable`` for a library that cannot be loaded."""
    return {**_portaudio(), **_libsndfile()}
