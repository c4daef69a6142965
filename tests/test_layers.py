"""The layer rules of the architecture hold: checked with import-linter over the whole package."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout


def test_no_module_below_ui_mentions_qt():
    """A second, textual guard: catches lazy imports inside functions that import-linter also sees."""
    offenders = []
    for package in ("audio", "quality", "session", "cloud", "sandbox", "workflow"):
        for path in (ROOT / "voicerecorder" / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "PySide6" in text or "shiboken6" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
