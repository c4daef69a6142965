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
