"""PyInstaller runtime hook: make sounddevice load the PortAudio inside the Linux bundle.

sounddevice looks PortAudio up with ``ctypes.util.find_library('portaudio')`` and, on Linux,
has no fallback to a bundled copy: on a machine without a system PortAudio the frozen app
would stop with "PortAudio library not found". This hook runs before the app's own code and
answers that one lookup with the library collected into the bundle.
"""

import ctypes.util
import os
import sys

_PORTAUDIO_FILE = "libportaudio.so.2"


def _install_portaudio_lookup(bundle_dir):
    """Wrap ``ctypes.util.find_library`` so that 'portaudio' resolves inside ``bundle_dir``.

    Does nothing when the bundle holds no PortAudio; other names go to the original lookup.
    """
    bundled = os.path.join(bundle_dir, _PORTAUDIO_FILE)
    if not os.path.isfile(bundled):
        return
    original = ctypes.util.find_library

    def find_library(name):
        if name == "portaudio":
            return bundled
        return original(name)

    ctypes.util.find_library = find_library


if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
    _install_portaudio_lookup(sys._MEIPASS)
