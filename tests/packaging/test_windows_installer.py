"""Compile the Windows installer with Inno Setup and install and uninstall it under wine.

Marked ``packaging`` (about a minute on two cores, more on the first run, which installs wine):
``packaging/windows/check-installer.sh`` does the work and prints one line per check. The first
install runs in Simplified Chinese with the project's ChineseSimplified.isl, the second in English.
"""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="wine runs the installer on Linux"),
    pytest.mark.timeout(1200),
]

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = (
    "ok - the wine prefix reports Windows 10",
    "ok - Inno Setup 6.4.1 compiles voicerecorder.iss",
    "ok - the setup installs silently for the current user, in Simplified Chinese",
    "ok - the uninstall key records the Simplified Chinese language",
    'ok - the Start menu has the uninstaller, named "卸载 VoiceRecorder"',
    "ok - every file of the payload is in %LOCALAPPDATA%\\Programs\\VoiceRecorder, with unins000.exe",
    "ok - the Start menu starts voicerecorder.exe",
    "ok - the HKCU uninstall key names VoiceRecorder",
    "ok - the silent uninstaller keeps %LOCALAPPDATA%\\voicerecorder",
    "ok - the uninstaller asks about the recordings; answered No",
    "ok - answering No deletes %LOCALAPPDATA%\\voicerecorder",
)


def test_installer_compiles_installs_and_uninstalls_under_wine():
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "windows" / "check-installer.sh")], capture_output=True, text=True
    )
    print(done.stdout)
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    lines = done.stdout.splitlines()
    assert not [line for line in lines if line.startswith("FAILED")]
    for expected in EXPECTED:
        assert [line for line in lines if line.startswith(expected)], expected
    assert lines[-1].startswith("Windows installer: 24 checks, 0 failed")
