"""``voicerecorder --self-test`` from the source tree, and how each check reports failure."""

import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

import voicerecorder
from voicerecorder.cli import main, selftest
from voicerecorder.errors import SkipCheck
from voicerecorder.ui import icu_selfcheck
from voicerecorder.ui import selfcheck as qt_checks

LRELEASE = Path(PySide6.__file__).parent / "lrelease"
TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>Wizard</name>
<message><source>Record</source><translation>录音</translation></message>
</context>
</TS>
"""


def test_self_test_passes_from_the_source_tree():
    done = subprocess.run(
        [sys.executable, "-m", "voicerecorder", "--self-test"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    statuses = {line.split()[1].rstrip(":"): line.split()[0] for line in lines[1:-1]}
    assert set(statuses) == {name for name, _ in selftest.CHECKS}
    # The compiled Chinese translation is part of the tree, so every check passes, none is skipped.
    assert set(statuses.values()) == {"OK"}
    assert "OK   translations: qtbase_zh_CN, voicerecorder_zh_CN" in lines


def test_the_flag_is_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--self-test" in capsys.readouterr().out


def test_a_failing_check_makes_the_command_exit_1(monkeypatch, capsys):
    def broken() -> str:
        raise OSError("PortAudio library not found")

    monkeypatch.setattr(selftest, "CHECKS", (("portaudio", broken),))
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    assert "FAIL portaudio: OSError: PortAudio library not found" in out
    assert out.rstrip().endswith("self-test FAILED: portaudio")


def test_a_skipped_check_does_not_fail_the_run(monkeypatch, capsys):
    def nothing_to_check() -> str:
        raise SkipCheck("nothing here")

    monkeypatch.setattr(selftest, "CHECKS", (("translations", nothing_to_check),))
    assert selftest.run() == 0
    assert "SKIP translations: nothing here" in capsys.readouterr().out


def test_a_module_that_cannot_be_imported_fails_the_imports_check(monkeypatch, tmp_path):
    (tmp_path / "selftest_broken_module.py").write_text("import no_such_dependency_anywhere\n")
    monkeypatch.setattr(voicerecorder, "__path__", [*voicerecorder.__path__, str(tmp_path)])
    result = selftest.run_check("imports", selftest.check_imports)
    assert result.status == selftest.FAIL
    assert "no_such_dependency_anywhere" in result.detail
    sys.modules.pop("voicerecorder.selftest_broken_module", None)


def test_missing_icons_fail_the_qt_check(monkeypatch, tmp_path):
    monkeypatch.setattr(qt_checks, "resources_dir", lambda: tmp_path)
    result = selftest.run_check("qt", qt_checks.check_qt)
    assert result.status == selftest.FAIL
    assert "no application icons" in result.detail


def test_no_translations_is_reported_as_skipped(monkeypatch, tmp_path):
    monkeypatch.setattr(qt_checks, "resources_dir", lambda: tmp_path)
    result = selftest.run_check("translations", qt_checks.check_translations)
    assert result.status == selftest.SKIP
    assert "no .qm files" in result.detail


def test_compiled_translations_are_loaded(monkeypatch, tmp_path):
    i18n = tmp_path / "i18n"
    i18n.mkdir()
    (tmp_path / "voicerecorder_zh_CN.ts").write_text(TS, encoding="utf-8")
    subprocess.run(
        [
            str(LRELEASE),
            "-silent",
            str(tmp_path / "voicerecorder_zh_CN.ts"),
            "-qm",
            str(i18n / "voicerecorder_zh_CN.qm"),
        ],
        check=True,
    )
    monkeypatch.setattr(qt_checks, "resources_dir", lambda: tmp_path)
    assert qt_checks.check_translations() == "qtbase_zh_CN, voicerecorder_zh_CN"


def test_missing_qt_translations_fail_the_check(monkeypatch, tmp_path):
    monkeypatch.setattr(qt_checks, "_qt_translations_dir", lambda: str(tmp_path))
    result = selftest.run_check("translations", qt_checks.check_translations)
    assert result.status == selftest.FAIL
    assert "qtbase_zh_CN.qm is missing" in result.detail


def test_a_damaged_translation_fails_the_check(monkeypatch, tmp_path):
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "voicerecorder_zh_CN.qm").write_bytes(b"not a translation file")
    monkeypatch.setattr(qt_checks, "resources_dir", lambda: tmp_path)
    result = selftest.run_check("translations", qt_checks.check_translations)
    assert result.status == selftest.FAIL
    assert "voicerecorder_zh_CN.qm" in result.detail


def test_the_icu_check_is_skipped_where_qt_does_not_use_icu(monkeypatch):
    monkeypatch.setattr(icu_selfcheck.sys, "platform", "win32")
    result = selftest.run_check("icu", icu_selfcheck.check_icu)
    assert result.status == selftest.SKIP
    assert "not ICU" in result.detail
