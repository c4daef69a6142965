"""Lazy command dispatch: --version and --help import no command; a command imports only its own module."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from voicerecorder.cli import COMMANDS, build_parser, main

# Runs the command line in a fresh interpreter and names the modules it had loaded at exit.
RUN_AND_LIST = """
import atexit, json, sys
from voicerecorder.cli import main
atexit.register(lambda: sys.__stderr__.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n"))
sys.exit(main(sys.argv[1:]))
"""
COMMAND_MODULES = {module for module, _ in COMMANDS.values()}


def loaded_by(*argv: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", RUN_AND_LIST, *argv], capture_output=True, text=True)
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_import_no_command_and_no_numpy(flag):
    loaded = loaded_by(flag)
    assert "voicerecorder.cli" in loaded
    assert not loaded & COMMAND_MODULES
    assert "numpy" not in loaded


def test_a_commands_help_imports_that_command_only():
    loaded = loaded_by("script", "--help")
    assert loaded & COMMAND_MODULES == {"voicerecorder.cli.script"}


def test_the_table_names_what_each_module_registers():
    for module in COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers()
        __import__(module, fromlist=["register"]).register(subparsers)
        registered = {action.dest: action.help for action in subparsers._choices_actions}
        listed = {name: summary for name, (owner, summary) in COMMANDS.items() if owner == module}
        assert registered == listed, module


def test_the_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name, (_, summary) in COMMANDS.items():
        assert name in out
        assert summary.split()[0] in out


def test_a_commands_own_options_are_parsed_by_its_full_parser(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check"])
    assert exit_.value.code == 2
    assert "usage: voicerecorder check" in capsys.readouterr().err
    assert build_parser("check").parse_args(["check", "--json", "a.wav"]).json is True
