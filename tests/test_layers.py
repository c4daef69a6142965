"""The layer rules of the architecture hold: checked with import-linter over the whole package."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken" in result.stdout


def test_no_module_below_ui_mentions_qt():
    """A second, textual guard: catches lazy imports inside functions that import-linter also sees."""
    offenders = []
    for package in ("audio", "quality", "session", "cloud", "sandbox", "workflow"):
        for path in (ROOT / "voicerecorder" / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if "PySide6" in text or "shiboken6" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            group = stack[stack.index(module) :]
            del stack[stack.index(module) :]
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in order:
            visit(module)
    return cycles


def test_no_import_cycle_in_the_package():
    """Lazy imports inside functions count too: grimp reads every import statement."""
    assert import_cycles(grimp.build_graph("voicerecorder")) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for importer, imported in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=importer, imported=imported)
    assert import_cycles(graph) == [["p.a", "p.b", "p.c"]]


def test_ui_has_one_language_change_handler():
    """Widgets mix in ``Retranslating`` and fill ``retranslate()``; nobody else writes ``changeEvent``."""
    owners = []
    for path in (ROOT / "voicerecorder" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == "changeEvent":
                owners.append(path.relative_to(ROOT).as_posix())
    assert owners == ["voicerecorder/ui/retranslating.py"]
