"""Build the Linux bundle with packaging/build.sh and prove it runs on its own PortAudio.

Marked ``packaging`` (about two minutes on two cores, plus about ten the first time on a machine,
when packaging/build.sh compiles NumPy): ``bash tests/run.sh -m packaging`` runs
only these. The hidden-PortAudio run needs root for a private mount namespace: it runs as root,
or through passwordless ``sudo`` (as on GitHub's runners).
"""

import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy as np
import pytest
import soundfile
from support.packaging_files import load_packaging_script

from voicerecorder import __version__

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built on Linux"),
    pytest.mark.timeout(1800),  # the first test builds the bundle, the first build compiles NumPy
]

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "voicerecorder"
ARCHIVE_NAME = f"voicerecorder-{__version__}-linux-{os.uname().machine}"
UNUSED_QT = ("QtNetwork", "QtQml", "QtQuick", "QtWebEngine", "Qt3D", "QtMultimedia", "QtPdf", "QtSvg")


@pytest.fixture(scope="module")
def build_output() -> str:
    """Run packaging/build.sh once with this interpreter; its output."""
    env = {**os.environ, "VOICERECORDER_BUILD_PYTHON": sys.executable}
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    return done.stdout


def elf_files(folder: Path) -> list[Path]:
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink() and path.open("rb").read(4) == b"\x7fELF"
    ]


def needed_libraries(path: Path) -> list[str]:
    dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split("[")[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line]


def test_build_runs_the_bundles_self_test(build_output):
    assert "self-test passed" in build_output
    assert f"from {BUNDLE / '_internal' / 'libportaudio.so.2'}" in build_output
    print(build_output[build_output.index("Built in") :])


def test_the_bundles_numpy_has_no_blas_and_runs_the_checker(build_output):
    """The bundle's NumPy is the one compiled without BLAS (packaging/build.sh), and the
    self-test checked a take with it: loudness's FFTs and the reverberation's fit."""
    internal = BUNDLE / "_internal"
    assert not (internal / "numpy.libs").exists()
    libraries = [path.name for path in internal.rglob("*.so*")]
    assert not [name for name in libraries if re.search(r"openblas|gfortran|quadmath", name)]
    line = r"^OK   checker: (-?\d+\.\d) LUFS, reverb (\d\.\d\d) s; numpy (\S+), BLAS (\S+)$"
    checker = re.search(line, build_output, re.M)
    assert checker, build_output
    assert checker.group(3, 4) == (np.__version__, "none")
    assert 0.3 < float(checker.group(2)) < 0.7  # the made-up take's room rings for 0.5 s


def test_the_bundles_icu_data_is_trimmed_and_serves_qt(build_output):
    (library,) = (BUNDLE / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    assert library.stat().st_size < 6 * 1024 * 1024
    line = rf"^ICU data \({library.name}\) +\d+\.\d -> \d\.\d \(\d+ of \d+ items\)$"
    assert re.search(line, build_output, re.M)
    assert "OK   icu: " in build_output


def test_archive_holds_bundle_menu_entry_icons_and_installer(build_output):
    with tarfile.open(ROOT / "dist" / f"{ARCHIVE_NAME}.tar.gz") as archive:
        names = set(archive.getnames())
    for member in (
        "install.sh",
        "voicerecorder.desktop",
        "icons/voicerecorder-256.png",
        "voicerecorder/voicerecorder",
        "voicerecorder/_internal/libportaudio.so.2",
        "voicerecorder/_internal/resources/icons/voicerecorder-48.png",
    ):
        assert f"{ARCHIVE_NAME}/{member}" in names


def test_bundle_leaves_out_what_the_app_does_not_use(build_output):
    internal = BUNDLE / "_internal"
    names = [path.relative_to(internal).as_posix() for path in internal.rglob("*")]
    assert not [
        name for name in names if any(f"/{qt}" in f"/{name}" or f"Qt6{qt[2:]}" in name for qt in UNUSED_QT)
    ]
    assert not [name for name in names if "tkinter" in name or name.startswith(("pytest", "hypothesis"))]
    assert not [name for name in names if name.startswith("resources/screenshots")]  # README pictures only
    assert (internal / "resources" / "i18n" / "voicerecorder_zh_CN.qm").is_file()
    translations = {path.name for path in (internal / "PySide6" / "Qt" / "translations").glob("*.qm")}
    assert translations <= {"qt_en.qm", "qt_zh_CN.qm", "qtbase_en.qm", "qtbase_zh_CN.qm"}
    assert not [path for path in internal.rglob("*") if path.is_symlink() and not path.exists()]


def bundled_python_modules() -> set[str]:
    """Names of the Python modules in the bundle's archive (the PYZ inside the executable)."""
    from PyInstaller.archive.readers import CArchiveReader

    package = CArchiveReader(str(BUNDLE / "voicerecorder"))
    archives = [name for name, entry in package.toc.items() if entry[-1] == "z"]
    assert archives
    return {module for name in archives for module in package.open_embedded_archive(name).toc}


def test_bundle_leaves_out_the_denied_modules(build_output):
    denied = set(load_packaging_script("denied_modules.py").DENIED_MODULES)
    modules = bundled_python_modules()
    assert "voicerecorder.quality.loudness" in modules
    assert not [name for name in modules if name.split(".")[0] in denied]
    internal = [path.name for path in (BUNDLE / "_internal").iterdir()]
    assert not [name for name in internal if re.split(r"[.-]", name, maxsplit=1)[0] in denied]


def test_build_prints_the_size_table(build_output):
    table = build_output[build_output.index("Built in") :]
    for row in ("PySide6", "numpy", "Python", "folder total", f"archive ({ARCHIVE_NAME}.tar.gz)"):
        assert row in table
    assert "scipy" not in table


def test_every_bundled_binary_finds_its_libraries(build_output):
    """Each library a bundled binary links to is in the bundle, or is one PyInstaller leaves to
    the system on purpose (glibc, the dynamic linker, GL/EGL, libxcb, ...)."""
    from PyInstaller.depend.dylib import include_library

    internal = BUNDLE / "_internal"
    bundled = {path.name for path in internal.rglob("*.so*")}
    missing = {
        (path.relative_to(internal).as_posix(), name)
        for path in elf_files(internal)
        for name in needed_libraries(path)
        if name not in bundled and include_library(name) and not name.startswith("ld-linux")
    }
    assert not missing


def as_root() -> list[str] | None:
    """The command prefix that runs a command as root: none as root, ``sudo -n`` where it needs no
    password, None where neither works."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


def test_self_test_passes_with_the_system_portaudio_hidden(build_output):
    root = as_root()
    if root is None or not shutil.which("unshare"):
        pytest.skip("hiding the system PortAudio needs root (or passwordless sudo) and unshare")
    done = subprocess.run(
        [
            *root,
            "bash",
            str(ROOT / "packaging" / "linux" / "selftest-without-system-portaudio.sh"),
            str(BUNDLE / "voicerecorder"),
            sys.executable,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # The hiding is real: the plain lookup and sounddevice itself fail in the same namespace ...
    assert "find_library(portaudio): None" in done.stdout
    assert "without the bundle: OSError: PortAudio library not found" in done.stdout
    # ... and the bundle still passes, on the PortAudio it carries.
    assert "OK   portaudio: PortAudio V19" in done.stdout
    assert f"from {BUNDLE / '_internal' / 'libportaudio.so.2'}" in done.stdout
    assert done.stdout.rstrip().endswith("self-test passed")


@pytest.mark.realaudio
def test_the_bundle_records_from_a_microphone(build_output, virtual_mic, tmp_path):
    """Bundled PortAudio and ALSA library, the system's PulseAudio bridge, a 1 kHz tone."""
    take = tmp_path / "take.wav"
    playback = virtual_mic.play(virtual_mic.tone(1000, 8))
    try:
        done = subprocess.run(
            [str(BUNDLE / "voicerecorder"), "record", str(take), "--seconds", "3"],
            env=virtual_mic.env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        playback.stop()
    assert done.returncode == 0, done.stdout + done.stderr
    samples, rate = soundfile.read(take, dtype="float32")
    assert len(samples) >= 2.5 * rate
    last_second = samples[-rate:]
    spectrum = np.abs(np.fft.rfft(last_second))
    assert abs(np.argmax(spectrum) * rate / len(last_second) - 1000) < 5
    assert np.sqrt(np.mean(last_second**2)) > 0.05


def test_the_bundled_wizard_draws_its_pages_in_chinese(build_output, tmp_path):
    """Qt's platform plugin, fonts, the bundled scripts and Qt's Chinese strings, all frozen."""
    from PySide6.QtGui import QImage

    done = subprocess.run(
        [str(BUNDLE / "voicerecorder"), "--screenshots", str(tmp_path), "--lang", "zh_CN"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    pages = sorted(tmp_path.glob("*.png"))
    assert pages
    assert [str(page) for page in pages] == done.stdout.split()
    for page in pages:
        image = QImage(str(page))
        assert image.width() > 400
        assert image.height() > 300
