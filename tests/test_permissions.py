"""Only this system's way to let the app use the microphone is shown, chosen in one function."""

import pytest

from voicerecorder.audio.backend import MicrophoneBlockedError
from voicerecorder.permissions import microphone_access_steps, microphone_blocked_message
from voicerecorder.quality.rules import message

WINDOWS = "Let desktop apps access your microphone"
MACOS = "System Settings > Privacy & Security > Microphone"
LINUX = "sound settings"


@pytest.mark.parametrize(
    ("platform", "shown", "hidden"),
    [
        ("win32", WINDOWS, (MACOS, LINUX)),
        ("darwin", MACOS, (WINDOWS, LINUX)),
        ("linux", LINUX, (WINDOWS, MACOS)),
        ("freebsd14", LINUX, (WINDOWS, MACOS)),
    ],
)
def test_only_this_systems_steps_are_given(platform, shown, hidden):
    steps = microphone_access_steps(platform)
    assert shown in steps.en
    assert all(other not in steps.en for other in hidden)
    blocked = microphone_blocked_message(platform=platform)
    assert blocked.en.startswith("The operating system is blocking the microphone. ")
    assert steps.en in blocked.en
    assert steps.zh in blocked.zh
    for text in (blocked.en, MicrophoneBlockedError("host error", platform).message.en):
        assert shown in text
        assert all(other not in text for other in hidden)


def test_the_room_tone_and_capture_messages_use_this_systems_steps():
    steps = microphone_access_steps()
    assert steps.en in message("mic_blocked.blocked").en
    assert steps.zh in message("mic_blocked.blocked").zh
    assert "(the microphone delivers only digital silence)" in message("mic_blocked.blocked").en
    assert MicrophoneBlockedError("host error -9999").message.en.startswith(
        "The operating system is blocking the microphone (host error -9999). "
    )
