"""Benchmark the book: build times and page weights, reported as JSON; exits 1 if a target is missed.

    python3 tasks.py bench            # prints the report
    python3 tasks.py bench --out f.json
    python3 tests/benchmark.py --book DIR --edit data/x/y.csv   # another book (tests use a tiny one)

Measures, on a fresh copy of the repository: a clean build, a rebuild with no change (profiled, to
say where its seconds go), a rebuild after editing one data file, each notebook's execution time
(from the build log), and each page's weight: its own files (the HTML, with its inline figures and
widget state) versus the shared assets it loads (scripts, styles and fonts under _static/, cached by
the browser after the first page). Targets are reported beside the figures; a missed target exits 1,
a build that fails exits 2. Times are noisy, so this stays out of the test command.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bookcopy import build, copy_book  # noqa: E402  (plain functions: no pytest needed)

EDITED_DATA = Path("data/israel_palestine/timeline.csv")

# Where a rebuild's seconds can go: (label, file suffix, function name) as cProfile records them.
PHASES = [
    ("sphinx_setup (extensions, config, saved environment)", "sphinx/application.py", "__init__"),
    ("read (outdated pages, notebooks)", "sphinx/builders/__init__.py", "read"),
    ("write (HTML pages)", "sphinx/builders/__init__.py", "write"),
    ("student notebooks and zips", "coursekit/sphinxext.py", "_write_student_edition"),
    ("quiz exports", "coursekit/sphinxext.py", "_write_quiz_exports"),
    ("stable widget ids", "coursekit/sphinxext.py", "_stabilise_widget_ids"),
    ("search index", "sphinx/builders/html/__init__.py", "dump_search_index"),
]


def timed_build(book: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = build(book)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(f"build failed:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}", file=sys.stderr)
        sys.exit(2)
    return elapsed, result.stdout


def profiled_build(book: Path) -> tuple[float, dict[str, float]]:
    """A build under cProfile: its wall time and the cumulative seconds of each phase in PHASES (the
    profiler slows the build, so the phases are shares to compare, not the rebuild's time)."""
    profile = book / "_build" / "rebuild.prof"
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "coursekit.build"],
                            capture_output=True, text=True, cwd=book)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(f"build failed:\n{result.stdout[-4000:]}", file=sys.stderr)
        sys.exit(2)
    stats = pstats.Stats(str(profile)).stats  # {(file, line, name): (cc, nc, tt, ct, callers)}
    phases = {}
    for label, suffix, name in PHASES:
        phases[label] = round(sum(v[3] for (file, _, func), v in stats.items()
                                  if func == name and file.endswith(suffix)), 2)
    phases["python start and imports (the rest)"] = round(elapsed - sum(phases.values()), 2)
    return elapsed, phases


def notebook_times(log: str) -> dict[str, float]:
    return {m.group(1): float(m.group(2)) for m in
            re.finditer(r"(\S+\.md): Executed notebook in ([\d.]+) seconds", log)}


ASSET = re.compile(r'(?:src|href)="((?:\.\./)*_static/[^"?#]+)')


def page_weights(html_dir: Path) -> tuple[dict, dict]:
    pages, shared = {}, {}
    fonts = {str(p.relative_to(html_dir)): p.stat().st_size for p in (html_dir / "_static").rglob("*.woff2")}
    for page in sorted(html_dir.rglob("*.html")):
        rel = page.relative_to(html_dir)
        if rel.parts[0].startswith("_") or rel.name in {"genindex.html", "search.html"}:
            continue
        text = page.read_text(encoding="utf-8")
        assets = set()
        for ref in ASSET.findall(text):
            target = (page.parent / ref).resolve()
            if target.is_file():
                key = str(target.relative_to(html_dir.resolve()))
                assets.add(key)
                shared[key] = target.stat().st_size
        if "widgets/embed-amd.js" in " ".join(assets):  # the widget manager loads its fonts
            assets |= set(fonts)
            shared.update(fonts)
        pages[str(rel)] = {
            "own_bytes": page.stat().st_size,
            "shared_bytes": sum(shared[a] for a in assets),
        }
    return pages, shared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the JSON report to this file")
    parser.add_argument("--book", type=Path, help="benchmark this book folder (copied) instead of the repository")
    parser.add_argument("--edit", type=Path, default=EDITED_DATA, help="the data file to edit for the third build")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "book"
        if args.book:
            shutil.copytree(args.book, book, ignore=shutil.ignore_patterns("_build", ".venv", "node_modules"))
        else:
            copy_book(book)
        clean, clean_log = timed_build(book)
        unchanged, _ = timed_build(book)
        _, phases = profiled_build(book)  # once more, under the profiler (slower): where the time goes
        edited = book / args.edit
        edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        after_data, data_log = timed_build(book)
        pages, shared = page_weights(book / "_build" / "html")

    nb = notebook_times(clean_log)
    shared_js = sum(size for name, size in shared.items() if name.endswith(".js"))
    chapter_pages = {k: v for k, v in pages.items() if k.startswith(("chapters/", "exercises/"))}
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "seconds": {
            "clean_build": round(clean, 2),
            "no_change_rebuild": round(unchanged, 2),
            "rebuild_after_data_edit": round(after_data, 2),
            "notebooks_sum": round(sum(nb.values()), 2),
        },
        "no_change_rebuild_phases_seconds": phases,
        "notebooks_seconds": nb,
        "re_executed_after_editing": {str(args.edit): sorted(notebook_times(data_log))},
        "pages_bytes": pages,
        "shared_assets_bytes": {"scripts": shared_js, "all": sum(shared.values()),
                                "files": dict(sorted(shared.items(), key=lambda kv: -kv[1]))},
        "targets": {
            "clean_build_within_0.75x_notebooks": clean <= 0.75 * sum(nb.values()),
            "clean_over_notebooks_ratio": round(clean / max(sum(nb.values()), 1e-9), 2),
            "no_change_rebuild_within_10pct_of_clean": unchanged <= 0.10 * clean,
            "no_change_over_clean_ratio": round(unchanged / clean, 3),
            "every_notebook_under_10s": all(t < 10 for t in nb.values()),
            "chapter_pages_under_1.5MB_own": all(v["own_bytes"] < 1.5e6 for v in chapter_pages.values()),
            "shared_scripts_under_4MB": shared_js < 4e6,
        },
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    missed = [name for name, ok in report["targets"].items() if ok is False]
    if missed:
        sys.exit(f"missed target(s): {', '.join(missed)}")


if __name__ == "__main__":
    main()
