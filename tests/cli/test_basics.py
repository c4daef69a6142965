import subprocess
import sys

import pytest

from voicerecorder import __version__
from voicerecorder.cli import main


def test_version_via_module():
    out = subprocess.run(
        [sys.executable, "-m", "voicerecorder", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"voicerecorder {__version__}"


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["no-such-command"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


class _ClosedPipe:
    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")


def test_output_to_a_closed_pipe_ends_quietly(tmp_path, monkeypatch):
    script = tmp_path / "script.txt"
    script.write_text("We sold 20 boxes today.\nPrices rose 5% overnight.\n", encoding="utf-8")
    monkeypatch.setattr("sys.stdout", _ClosedPipe())
    assert main(["script", "lint", str(script), "--language", "EN"]) == 1
