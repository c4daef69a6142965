"""The full-run rule (support/required_tests.py), proven on a tiny synthetic suite run by pytest."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
SYNTHETIC = """
import pytest

def test_plain():
    assert True

@pytest.mark.realaudio
def test_microphone():
    if {skip_microphone}:
        pytest.skip("virtual microphone unavailable")

@pytest.mark.packaging
def test_bundle():
    assert True

@pytest.mark.reference_sdk
def test_official_sdk():
    assert True
"""
INI = """[pytest]
testpaths = suite
markers =
    realaudio: real audio
    packaging: bundle
    reference_sdk: official SDK
"""
VARIABLES = ("CI", "VOICERECORDER_FULL_SUITE", "VOICERECORDER_PARTIAL_SUITE")


def run_suite(folder: Path, *args: str, skip_microphone: bool = False, **environ: str):
    """Run pytest with the plugin over the synthetic suite in ``folder``; the finished process."""
    (folder / "suite").mkdir(exist_ok=True)
    (folder / "pytest.ini").write_text(INI)
    (folder / "suite" / "test_synthetic.py").write_text(SYNTHETIC.format(skip_microphone=skip_microphone))
    env = {name: value for name, value in os.environ.items() if name not in VARIABLES}
    env.update(environ, PYTHONPATH=str(TESTS), PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    command = [sys.executable, "-m", "pytest", "-p", "support.required_tests", "-p", "no:cacheprovider"]
    command += args
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def test_a_skipped_real_audio_test_fails_a_ci_run_and_is_named(tmp_path):
    done = run_suite(tmp_path, skip_microphone=True, CI="true")
    assert done.returncode == 1, done.stdout
    assert "4 passed" not in done.stdout
    assert "skipped: suite/test_synthetic.py::test_microphone" in done.stdout
    assert "required tests lost" in done.stdout


def test_the_same_skip_passes_a_local_run(tmp_path):
    done = run_suite(tmp_path, skip_microphone=True)
    assert done.returncode == 0, done.stdout
    assert "required tests lost" not in done.stdout


def test_a_complete_ci_run_passes(tmp_path):
    done = run_suite(tmp_path, CI="true")
    assert done.returncode == 0, done.stdout
    assert "4 passed" in done.stdout


@pytest.mark.parametrize(
    ("args", "lost"),
    [
        (("-m", "not packaging"), "deselected: suite/test_synthetic.py::test_bundle"),
        (("-k", "plain"), "deselected: suite/test_synthetic.py::test_official_sdk"),
        (
            ("--deselect", "suite/test_synthetic.py::test_microphone"),
            "deselected: suite/test_synthetic.py::test_micr",
        ),
        (("suite/test_synthetic.py::test_plain",), "narrows the suite"),
        (("--ignore", "suite/test_synthetic.py"), "narrows the suite: (--ignore suite/test_synthetic.py)"),
    ],
)
def test_a_filter_fails_a_ci_run(tmp_path, args, lost):
    done = run_suite(tmp_path, *args, CI="true")
    assert done.returncode != 0, done.stdout
    assert lost in done.stdout


def test_tests_run_sh_holds_the_rule_and_a_developer_may_opt_out(tmp_path):
    assert run_suite(tmp_path, "-m", "not packaging", VOICERECORDER_FULL_SUITE="1").returncode == 1
    opted_out = {"VOICERECORDER_FULL_SUITE": "1", "VOICERECORDER_PARTIAL_SUITE": "1"}
    partial = run_suite(tmp_path, "-m", "not packaging", **opted_out)
    assert partial.returncode == 0, partial.stdout


def test_ci_ignores_the_opt_out(tmp_path):
    done = run_suite(tmp_path, "-m", "not packaging", CI="true", VOICERECORDER_PARTIAL_SUITE="1")
    assert done.returncode == 1, done.stdout
    assert "deselected: suite/test_synthetic.py::test_bundle" in done.stdout


def test_a_module_skipped_at_import_fails_a_ci_run(tmp_path):
    run_suite(tmp_path)
    (tmp_path / "suite" / "test_missing_sdk.py").write_text(
        'import pytest\n\npytest.importorskip("no_such_official_sdk")\n\n\ndef test_sdk():\n    assert True\n'
    )
    done = run_suite(tmp_path, CI="true")
    assert done.returncode == 1, done.stdout
    assert "skipped at collection: suite/test_missing_sdk.py" in done.stdout


def test_every_module_that_uses_the_official_sdk_is_marked_reference_sdk():
    unmarked = [
        path.relative_to(TESTS).as_posix()
        for path in TESTS.rglob("test_*.py")
        if ("huaweicloudsdk" in (text := path.read_text()) or "support.sandbox_sdk" in text)
        and "pytestmark = pytest.mark.reference_sdk" not in text
    ]
    assert not unmarked
