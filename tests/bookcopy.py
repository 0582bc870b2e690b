"""Copy the repository as a fresh clone has it, and build a book strictly: plain functions shared by
the tests (through conftest) and the benchmark, which must run without pytest installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def tracked_files(root: Path = ROOT) -> list[Path]:
    """The files of the repository as a fresh clone has them (tracked and not ignored)."""
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                         cwd=root, check=True, capture_output=True).stdout.decode()
    return [root / p for p in out.split("\0") if p and (root / p).is_file()]


def copy_book(dest: Path) -> Path:
    for path in tracked_files():
        target = dest / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return dest


def build(book_dir: Path) -> subprocess.CompletedProcess:
    """A strict build of the book in book_dir, as `python3 tasks.py book` runs it. It runs inside
    book_dir because the execution cache path in _config.yml is resolved from the working directory:
    run elsewhere, the build would share (and fill) that directory's cache instead of starting clean."""
    return subprocess.run([sys.executable, "-m", "coursekit.build"],
                          capture_output=True, text=True, cwd=book_dir)
