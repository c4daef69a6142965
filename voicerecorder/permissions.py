"""How to let this app use the microphone, for the system it runs on only (no other system's steps)."""

from __future__ import annotations

import sys

from voicerecorder.text import Bilingual

_WINDOWS = Bilingual(
    "Open Settings > Privacy & security > Microphone and turn on 'Microphone access' and "
    "'Let desktop apps access your microphone'.",
    "打开 设置 > 隐私和安全性 > 麦克风，打开“麦克风访问权限”和“允许桌面应用访问你的麦克风”。",
)
_MACOS = Bilingual(
    "Open System Settings > Privacy & Security > Microphone and allow VoiceRecorder (or the "
    "terminal you start it from).",
    "打开 系统设置 > 隐私与安全性 > 麦克风，允许 VoiceRecorder（或你用来启动它的终端）。",
)
_LINUX = Bilingual(
    "Open the system's sound settings, choose this microphone as the input, unmute it and raise "
    "its input volume; if the microphone has a mute switch or key, switch it on.",
    "打开系统的声音设置，选择这个麦克风作为输入设备，取消静音并调高输入音量；"
    "如果麦克风有静音开关或按键，请把它打开。",
)


def microphone_access_steps(platform: str = sys.platform) -> Bilingual:
    """The steps that let this app hear the microphone on ``platform`` (``sys.platform`` values):
    the Windows privacy switches, the macOS privacy list, elsewhere the sound settings' mute."""
    if platform.startswith("win"):
        return _WINDOWS
    if platform == "darwin":
        return _MACOS
    return _LINUX


def microphone_blocked_message(detail: Bilingual | None = None, platform: str = sys.platform) -> Bilingual:
    """ "The operating system is blocking the microphone (detail). <this system's steps> Then …"."""
    en_detail, zh_detail = (f" ({detail.en})", f"（{detail.zh}）") if detail else ("", "")
    steps = microphone_access_steps(platform)
    return Bilingual(
        f"The operating system is blocking the microphone{en_detail}. {steps.en} Then restart the app "
        "and try again.",
        f"操作系统阻止了麦克风{zh_detail}。{steps.zh}然后重新启动本应用并再试一次。",
    )
