"""Replace the bundle's ICU data library with one that holds only the data Qt asks ICU for.

Usage: python packaging/trim_icu.py BUNDLE_FOLDER   (packaging/build.sh runs it after PyInstaller)

Qt's core library is the only bundled binary that calls ICU (`nm -D` lists its imports): the
collators (QCollator; QFileSystemModel and so the file dialogs sort with it), case mapping
(QLocale::toUpper/toLower: the case data is built into libicuuc), time zone names (QTimeZone)
and the converters (QStringConverter for encodings Qt does not implement itself). The data
library is one symbol, ``icudtNN_dat``, an ICU .dat package. This script takes it out of
``libicudata.so.NN``, removes with ``icupkg`` (Debian's icu-devtools) everything but the kept
items, and links a replacement library that exports the same symbol under the same SONAME.

Kept: every item outside the locale trees Qt never reads, except the converter tables other than
GB18030, GBK, Big5 and Windows-1252, the character names, the spoof checker's confusables and
the stringprep profiles; and, in the main, collation and time zone name trees, the locale data of
root, English and Chinese only. Removed: the break iterators and their dictionaries (Qt breaks
text with its own tables), currencies, language, region and unit names, number spelling and
transliteration. ``voicerecorder --self-test`` (its "icu" line) proves what is left.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

DROPPED_TREES = ("brkitr", "curr", "lang", "region", "unit", "rbnf", "translit")
LOCALE_TREES = ("", "coll", "zone")  # "" is the main tree, the top level of the package
KEPT_LOCALE = re.compile(r"^(root|en|zh)(_\w+)?$")
# Language, script, region (empty in "de_", de__PHONEBOOK's alias), variant.
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Z][a-z]{3})?(_([A-Z]{2}|[0-9]{3})?)?(_[A-Z0-9]+)?$")
# GB18030; GBK and Big5 (Windows' tables, built on IBM's); Windows-1252.
KEPT_CONVERTERS = {
    "gb18030",
    "windows-936-2000",
    "ibm-1386_P100-2001",
    "windows-950-2000",
    "ibm-1373_P100-2002",
    "ibm-5348_P100-1997",
}
DROPPED_ITEMS = re.compile(r"^(unames\.icu|confusables\.cfu|\w+\.spp)$")
MB = 1024 * 1024


def removed(item: str) -> bool:
    """Whether ``item`` (a package item such as ``coll/zh.res`` or ``gb18030.cnv``) goes."""
    tree, _, name = item.rpartition("/")
    stem, _, kind = name.rpartition(".")
    if tree in DROPPED_TREES:
        return True
    if tree in LOCALE_TREES and kind == "res" and LOCALE.match(stem):
        return not KEPT_LOCALE.match(stem)
    if not tree and kind == "cnv":
        return stem not in KEPT_CONVERTERS
    return not tree and bool(DROPPED_ITEMS.match(name))


def _run(*command: str) -> str:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def data_symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size in ``library``."""
    dynamic = _run("nm", "-D", "-S", str(library))
    symbols = re.findall(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", dynamic, re.M)
    if len(symbols) != 1:
        raise SystemExit(f"{library}: expected one icudtNN_dat symbol, found {symbols}")
    address, size, name = symbols[0]
    for line in _run("readelf", "-S", "-W", str(library)).splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            return name, section_offset + int(address, 16) - section_address, int(size, 16)
    raise SystemExit(f"{library}: no .rodata section")


def trimmed_package(package: Path, work: Path, drop: Callable[[str], bool]) -> tuple[Path, int, int]:
    """``package`` without the items ``drop`` picks; the new package and the item counts before/after."""
    items = _run("icupkg", "-l", str(package)).split()
    dropped = [item for item in items if drop(item)]
    listing = work / "removed.txt"
    listing.write_text("\n".join(dropped) + "\n")
    out = work / "trimmed" / package.name  # icupkg names the items after the file: icudtNNl/...
    out.parent.mkdir()
    _run("icupkg", "-r", str(listing), str(package), str(out))
    return out, len(items), len(items) - len(dropped)


def shared_library(package: Path, symbol: str, soname: str, out: Path) -> None:
    """Link a library exporting ``symbol`` (the bytes of ``package``, 16-byte aligned) as ``soname``."""
    source = out.with_suffix(".s")
    source.write_text(
        f"\t.section .rodata\n\t.balign 16\n\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n"
        f'\t.incbin "{package}"\n\t.size {symbol}, . - {symbol}\n\t.section .note.GNU-stack,"",@progbits\n'
    )
    _run("gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out), str(source))


def trim(library: Path, drop: Callable[[str], bool] = removed) -> str:
    """Replace ``library`` with a build without the items ``drop`` picks; a line with the sizes
    before and after."""
    symbol, offset, size = data_symbol(library)
    before = library.stat().st_size
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        package = work / f"{symbol.removesuffix('_dat')}l.dat"
        with library.open("rb") as data:
            data.seek(offset)
            package.write_bytes(data.read(size))
        trimmed, count, kept = trimmed_package(package, work, drop)
        replacement = work / library.name
        shared_library(trimmed, symbol, library.name, replacement)
        replacement.chmod(library.stat().st_mode)
        replacement.replace(library)
    after = library.stat().st_size
    label = f"ICU data ({library.name})"
    return f"{label:<28} {before / MB:8.1f} -> {after / MB:.1f} ({kept} of {count} items)"


if __name__ == "__main__":
    libraries = sorted(Path(sys.argv[1]).glob("_internal/PySide6/Qt/lib/libicudata.so.*"))
    if len(libraries) != 1:
        raise SystemExit(f"expected one libicudata.so.NN in {sys.argv[1]}, found {libraries}")
    print(trim(libraries[0]))
