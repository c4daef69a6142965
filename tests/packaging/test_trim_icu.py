"""packaging/trim_icu.py: the trimmed ICU data still gives Qt every result the app relies on,
and the self-test's "icu" check fails when an item it relies on is missing.

Each case trims a copy of PySide6's ICU data library and runs ``voicerecorder --self-test`` from
the source tree on it (``LD_LIBRARY_PATH`` comes before Qt's own ``$ORIGIN`` run path).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
from support.packaging_files import load_packaging_script

trim_icu = load_packaging_script("trim_icu.py")

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's ICU library"),
    pytest.mark.timeout(300),
]

QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"


def self_test_on_trimmed_icu(folder: Path, *also_dropped: str) -> subprocess.CompletedProcess:
    """The self-test on the trimmed data, less the items whose names start with ``also_dropped``."""
    (library,) = QT_LIB.glob("libicudata.so.*")
    shutil.copy2(library, folder / library.name)
    line = trim_icu.trim(
        folder / library.name, lambda item: trim_icu.removed(item) or item.startswith(also_dropped)
    )
    assert line.startswith(f"ICU data ({library.name})")
    env = {**os.environ, "LD_LIBRARY_PATH": str(folder), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "voicerecorder", "--self-test"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_the_trimmed_data_keeps_what_qt_asks_icu_for(tmp_path):
    done = self_test_on_trimmed_icu(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK   icu: " in done.stdout
    assert (tmp_path / next(QT_LIB.glob("libicudata.so.*")).name).stat().st_size < 6 * 1024 * 1024


@pytest.mark.parametrize(
    ("item", "failure"),
    [
        ("coll/zh", "FAIL icu: RuntimeError: Chinese collation"),
        ("zone/zh", "FAIL icu: RuntimeError: time zone names"),
        ("gb18030.cnv", "FAIL icu: RuntimeError: encodings: ['GB18030']"),
    ],
)
def test_the_icu_check_fails_without_an_item_it_relies_on(tmp_path, item, failure):
    done = self_test_on_trimmed_icu(tmp_path, item)
    assert done.returncode == 1
    assert failure in done.stdout


def test_the_trim_keeps_root_english_and_chinese_and_what_is_not_locale_data():
    kept = ["root.res", "zh_Hans_CN.res", "en_US_POSIX.res", "coll/zh.res", "coll/ucadata.icu"]
    kept += ["coll/res_index.res"]
    kept += ["zone/en_GB.res", "pool.res", "supplementalData.res", "cnvalias.icu", "gb18030.cnv", "nfkc.nrm"]
    dropped = ["fr.res", "coll/de.res", "coll/de_.res", "zone/ja.res", "brkitr/cjdict.dict", "lang/zh.res"]
    dropped += ["curr/en.res", "unit/zh.res", "translit/root.res", "ibm-943_P15A-2003.cnv", "unames.icu"]
    assert not [item for item in kept if trim_icu.removed(item)]
    assert [item for item in dropped if trim_icu.removed(item)] == dropped
