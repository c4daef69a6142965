"""The app imports nothing on the deny-list (packaging/denied_modules.py): SciPy is for the tests only;
the wizard's start leaves the sandbox emulator, the HTTP stack and the keyring unloaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from support.packaging_files import load_packaging_script

DENIED_MODULES = load_packaging_script("denied_modules.py").DENIED_MODULES

# Imports every module of the app (the wizard's too; not __main__, which would start it) and
# checks a take (whose loudness once imported SciPy inside the call), then names every module loaded.
IMPORT_ALL = """
import importlib, json, pkgutil, sys
import numpy
import voicerecorder
for extra in sys.argv[1:]:
    importlib.import_module(extra)
for info in pkgutil.walk_packages(voicerecorder.__path__, "voicerecorder."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
noise = numpy.random.default_rng(0).normal(0.0, 0.1, 3 * 48000).astype(numpy.float32)
assert sys.modules["voicerecorder.quality.checker"].check_take(noise, 48000).metrics["lufs"] < 0
print(json.dumps(sorted(sys.modules)))
"""


def denied_after_importing_the_app(*extra: str) -> list[str]:
    """Denied modules loaded by a fresh interpreter that imported the app (and ``extra``)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, *extra], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.splitlines()[-1])
    return [name for name in loaded if name.split(".")[0] in DENIED_MODULES]


def test_importing_every_app_module_loads_nothing_denied():
    assert denied_after_importing_the_app() == []


def test_a_denied_import_is_found():
    assert "scipy" in denied_after_importing_the_app("pyloudnorm")


def test_scipy_and_the_loudness_reference_are_denied():
    assert {"scipy", "pyloudnorm"} <= set(DENIED_MODULES)


def probe_result(probe: str) -> object:
    """The JSON that ``probe`` prints last, run in a fresh interpreter after importing the CLI and
    the wizard (with keyring's null backend: no OS keyring is touched)."""
    code = "import json, sys, voicerecorder.cli, voicerecorder.ui.app\n" + probe
    null_keyring = "keyring.backends.null.Keyring"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": null_keyring}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_the_wizards_start_leaves_the_sandbox_emulator_unloaded():
    # What `voicerecorder` imports before its window shows; the emulator loads when a job needs it.
    before, server_module, faults_module = probe_result(
        "before = sorted(name for name in sys.modules if name.startswith('voicerecorder.sandbox'))\n"
        "from voicerecorder.sandbox import SandboxServer, parse_faults\n"
        "print(json.dumps([before, SandboxServer.__module__, parse_faults.__module__]))"
    )
    assert before == ["voicerecorder.sandbox", "voicerecorder.sandbox.credentials"]
    assert (server_module, faults_module) == ("voicerecorder.sandbox.server", "voicerecorder.sandbox.faults")


def test_the_wizards_start_leaves_the_http_stack_and_the_keyring_unloaded():
    # Both load on first use: a cloud call's session, a read of the saved settings.
    loaded = probe_result(
        "names = ('requests', 'urllib3', 'keyring')\n"
        "seen = [[name for name in names if name in sys.modules]]\n"
        "from voicerecorder.cloud import config, transport\n"
        "seen.append([name for name in names if name in sys.modules])\n"
        "transport.new_session()\n"
        "seen.append([name for name in names if name in sys.modules])\n"
        "config.load_settings()\n"
        "seen.append([name for name in names if name in sys.modules])\n"
        "print(json.dumps(seen))"
    )
    assert loaded == [[], [], ["requests", "urllib3"], ["requests", "urllib3", "keyring"]]
