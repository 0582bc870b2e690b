"""Build the book, reading (and so executing) its pages on every core.

    python -m coursekit.build            the full edition into _build/html
    python -m coursekit.build student    the student edition (no solution) into _build/student/html

Jupyter Book 1.x's command line always reads pages one after another, so notebooks execute on one core
while the others idle. This calls the same function it calls (``jupyter_book.sphinx.build_sphinx``, same
``_config.yml`` and ``_toc.yml``, strict: a warning or a cell error fails the build) with Sphinx's
parallel reading on. Sphinx forks a process per core and hands each a share of the pages to read;
myst-nb executes a page's notebook while reading it, through the shared jupyter-cache, so unchanged
pages still come from the cache and a data edit still re-runs exactly its chapter's pages (see
``coursekit.sphinxext``). Sphinx falls back to reading serially when fewer than six pages need reading.

Why Sphinx's parallel reading and not jupyter-cache's parallel executor: the executor would run the
notebooks before Sphinx reads them, but the cache key includes the data fingerprint cell that
``coursekit.sphinxext`` adds while Sphinx reads a page, so pre-executed notebooks would never match.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = {"full": Path("_build") / "html", "student": Path("_build") / "student" / "html"}
INSTRUCTORS = "For instructors"  # the _toc.yml part the student edition leaves out (instructors/*.md)


def jobs() -> int:
    """Processes to read with: one per core this process may use (at least one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def student_toc(toc_yaml: str) -> str:
    """The table of contents without its instructors' part.

    >>> print(student_toc("root: intro\\nparts:\\n  - caption: Chapters\\n    chapters:\\n      - file: a\\n"
    ...                   "  - caption: For instructors\\n    chapters:\\n      - file: instructors/a\\n"))
    root: intro
    parts:
    - caption: Chapters
      chapters:
      - file: a
    <BLANKLINE>
    """
    import yaml

    toc = yaml.safe_load(toc_yaml)
    toc["parts"] = [part for part in toc.get("parts", []) if part.get("caption") != INSTRUCTORS]
    return yaml.safe_dump(toc, sort_keys=False, allow_unicode=True)


def share_kernel_ports(registry: Path) -> None:
    """Make the kernels of all reading processes take distinct ports.

    jupyter_client picks a kernel's five ports by binding to port 0 and closing the socket; its
    ``LocalPortCache`` keeps one process from handing a port out twice, but two processes can draw the
    same free port before either kernel binds it ("Address already in use", then "Kernel died before
    replying to kernel_info"; seen here on the first parallel build). Here every port handed out during
    the build is written to one file under a lock, and a port already in the file is never handed out
    again. The forked reading processes inherit the patch.
    """
    import fcntl

    from jupyter_client.connect import LocalPortCache

    if getattr(LocalPortCache.find_available_port, "shared", False):
        return
    pick = LocalPortCache.find_available_port
    registry.parent.mkdir(parents=True, exist_ok=True)
    registry.write_text("")

    def find_available_port(self, ip: str) -> int:
        with registry.open("a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.seek(0)
            taken = {int(line) for line in handle.read().split()}
            port = pick(self, ip)
            while port in taken:
                port = pick(self, ip)
            handle.write(f"{port}\n")
        return port

    find_available_port.shared = True
    LocalPortCache.find_available_port = find_available_port


def build(root: Path = ROOT, edition: str = "full", parallel: int | None = None) -> int:
    """Build one edition of the book in ``root`` strictly; returns Sphinx's exit status (0 is success)."""
    import yaml
    from jupyter_book.sphinx import build_sphinx

    outdir = root / EDITIONS[edition]
    overrides = {"external_toc_path": str(root / "_toc.yml"), "latex_individualpages": False}
    if edition == "student":
        config = yaml.safe_load((root / "_config.yml").read_text())
        toc = outdir.parent / "_toc.yml"
        toc.parent.mkdir(parents=True, exist_ok=True)
        toc.write_text(student_toc((root / "_toc.yml").read_text()))
        overrides |= {"coursekit_edition": "student", "html_title": f"{config['title']} (student edition)",
                      "external_toc_path": str(toc),
                      "exclude_patterns": [*config["exclude_patterns"], "instructors"]}
    share_kernel_ports(outdir.parent / ".kernel-ports")
    return build_sphinx(root, outdir, doctreedir=outdir.parent / ".doctrees", noconfig=True,
                        path_config=str(root / "_config.yml"), confoverrides=overrides,
                        warningiserror=True, keep_going=True, jobs=parallel or jobs())


def main(argv: list[str]) -> int:
    if argv not in ([], ["student"]):
        print("usage: python -m coursekit.build [student]", file=sys.stderr)
        return 2
    edition = argv[0] if argv else "full"
    status = build(Path.cwd(), edition)
    if status == 0:
        print(f"\nThe {edition} edition is in {Path.cwd() / EDITIONS[edition]}.")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
