import subprocess
import sys

from voicerecorder import __version__
from voicerecorder.cli import main


def test_version_via_module():
    out = subprocess.run(
        [sys.executable, "-m", "voicerecorder", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"voicerecorder {__version__}"


def test_unknown_command_is_a_usage_error(capsys):
    try:
        main(["no-such-command"])
    except SystemExit as exit_:
        assert exit_.code == 2
    else:
        raise AssertionError("argparse accepted an unknown command")
    assert "invalid choice" in capsys.readouterr().err
