"""packaging/size_table.py: the per-component size table the build prints."""

from __future__ import annotations

from support.packaging_files import load_packaging_script

size_table = load_packaging_script("size_table.py")


def test_entries_group_into_components():
    assert size_table.component("numpy") == "numpy"
    assert size_table.component("numpy.libs") == "numpy"
    assert size_table.component("PySide6") == "PySide6"
    assert size_table.component("cryptography-44.0.0.dist-info") == "cryptography"
    assert size_table.component("libpython3.11.so.1.0") == "Python"
    assert size_table.component("base_library.zip") == "Python"
    assert size_table.component("lib-dynload") == "Python"
    assert size_table.component("python3.11") == "Python"
    assert size_table.component("python311.dll") == "Python"
    assert size_table.component("libportaudio.so.2") == "other shared libraries"


def test_the_table_adds_up_the_folder_and_names_the_archive(tmp_path):
    bundle = tmp_path / "voicerecorder"
    (bundle / "_internal" / "numpy.libs").mkdir(parents=True)
    (bundle / "_internal" / "numpy").mkdir()
    (bundle / "voicerecorder").write_bytes(b"x" * 1024 * 1024)
    (bundle / "_internal" / "numpy" / "core.so").write_bytes(b"x" * 2 * 1024 * 1024)
    (bundle / "_internal" / "numpy.libs" / "blas.so").write_bytes(b"x" * 3 * 1024 * 1024)
    (bundle / "_internal" / "link.so").symlink_to(bundle / "_internal" / "numpy" / "core.so")
    archive = tmp_path / "bundle.tar.gz"
    archive.write_bytes(b"x" * 512 * 1024)
    lines = size_table.table(bundle, archive)
    assert lines[1].split() == ["numpy", "5.0"]
    assert lines[2].split() == ["launcher", "1.0"]
    assert "other shared libraries" not in "\n".join(lines)  # a link counts nothing: no empty row
    assert lines[-2].split() == ["folder", "total", "6.0"]
    assert lines[-1].split() == ["archive", "(bundle.tar.gz)", "0.5"]
