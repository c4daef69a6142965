"""Print the bundle's size per component, largest first, then the folder and the archive.

Usage: python packaging/size_table.py BUNDLE_FOLDER [ARCHIVE]   (packaging/build.sh runs it)

A component is a top-level entry of the bundle's _internal/ folder, with a package's
``.libs`` / ``.dist-info`` folders counted under the package, Python's own runtime files
together under "Python", and the other loose shared libraries together.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

_PYTHON = re.compile(r"^(libpython[\d.]+\.(so|dylib)|python[\d.]*(\.dll)?$|base_library\.zip|lib-dynload)")
_LIBRARY = re.compile(r"\.(so(\.\d+)*|dll|dylib)$")
MB = 1024 * 1024


def component(name: str) -> str:
    """The component a top-level entry of _internal/ belongs to."""
    if _PYTHON.match(name):
        return "Python"
    if _LIBRARY.search(name):
        return "other shared libraries"
    return re.split(r"[.-]", name, maxsplit=1)[0] if not name.startswith(".") else name


def size_of(path: Path) -> int:
    """Bytes of a file or everything under a folder; symbolic links count nothing."""
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def components(bundle: Path) -> Counter[str]:
    """Bytes per component; the program files beside _internal/ count as "launcher"."""
    sizes: Counter[str] = Counter()
    for entry in bundle.iterdir():
        if entry.name == "_internal":
            for item in entry.iterdir():
                sizes[component(item.name)] += size_of(item)
        else:
            sizes["launcher"] += size_of(entry)
    return sizes


def table(bundle: Path, archive: Path | None) -> list[str]:
    sizes = components(bundle)
    lines = [f"{'component':<28} {'MB':>8}"]
    lines += [f"{name:<28} {size / MB:8.1f}" for name, size in sizes.most_common() if size]
    lines.append(f"{'folder total':<28} {sum(sizes.values()) / MB:8.1f}")
    if archive is not None:
        lines.append(f"{'archive (' + archive.name + ')':<28} {archive.stat().st_size / MB:8.1f}")
    return lines


if __name__ == "__main__":
    print("\n".join(table(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)))
