"""The layer rules of DESIGN.md hold: checked by import-linter and by a blocked import."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    result = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower() or " 0 broken" in result.stdout


def test_app_imports_and_works_with_pyside6_blocked(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "pyqtgraph", "ui"):
                    raise ImportError(f"blocked: {name}")
        sys.meta_path.insert(0, Block())
        import app
        for mod in pkgutil.walk_packages(app.__path__, "app."):
            if ".migrations" in mod.name:
                continue
            importlib.import_module(mod.name)
        from pathlib import Path
        from app.services.workspace import KdfParams, Workspace
        from app.services.clients import NewClient
        with Workspace.create(Path(sys.argv[1]), "test passphrase 123",
                              KdfParams(8192, 1, 1)) as ws:
            ws.clients.add(NewClient(name="Qt Free"))
            assert ws.clients.count() == 1
        print("ok", sorted(m for m in sys.modules if m.startswith("PySide6")))
    """)
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "v")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok []"
