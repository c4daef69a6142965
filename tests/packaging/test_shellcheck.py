"""Every shell script under packaging/ and .ci/ passes shellcheck.

shellcheck is in packaging/dev/system-packages.txt, so ``bash tests/run.sh`` installs it.
"""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def shell_scripts() -> list[Path]:
    ci = [path for path in (ROOT / ".ci").iterdir() if path.read_text().startswith("#!/usr/bin/env bash")]
    return sorted(ROOT.glob("packaging/**/*.sh")) + sorted(ci)


def shellcheck(*paths: Path) -> subprocess.CompletedProcess:
    assert shutil.which("shellcheck"), "shellcheck is missing: bash tests/run.sh installs it"
    return subprocess.run(["shellcheck", "-x", *map(str, paths)], cwd=ROOT, capture_output=True, text=True)


def test_shell_scripts_pass_shellcheck():
    scripts = shell_scripts()
    assert ROOT / "packaging" / "windows" / "check-installer.sh" in scripts
    assert ROOT / ".ci" / "run" in scripts
    done = shellcheck(*scripts)
    assert done.returncode == 0, done.stdout


def test_shellcheck_reports_a_faulty_script(tmp_path):
    script = tmp_path / "faulty.sh"
    script.write_text("#!/usr/bin/env bash\nrm -rf $1/build\n")
    done = shellcheck(script)
    assert done.returncode != 0
    assert "SC2086" in done.stdout
