"""The runtime hook that points sounddevice at the PortAudio inside the Linux bundle."""

import ctypes.util
import sys

import pytest
from support.packaging_files import load_packaging_script


def load_hook():
    """Execute the hook file as PyInstaller would, in a fresh module."""
    return load_packaging_script("rthooks/pyi_rth_portaudio.py")


@pytest.fixture
def original_lookup(monkeypatch):
    """Restore ctypes.util.find_library after the test, whatever the hook did to it."""
    original = ctypes.util.find_library
    monkeypatch.setattr(ctypes.util, "find_library", original)
    return original


@pytest.fixture
def fake_bundle(tmp_path):
    (tmp_path / "libportaudio.so.2").write_bytes(b"\x7fELF")
    return tmp_path


def test_portaudio_resolves_to_the_bundled_library(original_lookup, fake_bundle):
    load_hook()._install_portaudio_lookup(str(fake_bundle))
    assert ctypes.util.find_library("portaudio") == str(fake_bundle / "libportaudio.so.2")


def test_other_libraries_still_use_the_original_lookup(original_lookup, fake_bundle):
    load_hook()._install_portaudio_lookup(str(fake_bundle))
    assert ctypes.util.find_library("c") == original_lookup("c")
    assert ctypes.util.find_library("no-such-library-anywhere") is None


def test_a_bundle_without_portaudio_leaves_the_lookup_alone(original_lookup, tmp_path):
    load_hook()._install_portaudio_lookup(str(tmp_path))
    assert ctypes.util.find_library is original_lookup


def test_not_frozen_the_hook_changes_nothing(original_lookup, monkeypatch, fake_bundle):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(fake_bundle), raising=False)
    load_hook()
    assert ctypes.util.find_library is original_lookup


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the hook acts on Linux only")
def test_frozen_on_linux_the_hook_installs_itself(original_lookup, monkeypatch, fake_bundle):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(fake_bundle), raising=False)
    load_hook()
    assert ctypes.util.find_library("portaudio") == str(fake_bundle / "libportaudio.so.2")
