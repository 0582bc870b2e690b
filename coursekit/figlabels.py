"""How a numbered chart names itself in HTML, in one place: written by :mod:`coursekit.charts` (a
chart's ``<figure>``) and :mod:`coursekit.widgets` (an explorer's stand-in), read by the explorer (which
figures its views show) and by :mod:`coursekit.figrefs` (the book's targets). No heavy imports: the
build extension reads it.

    >>> html = f"<figure{attributes('fig-a-x', '1.2')}>..</figure><span{attributes('fig-a-x', '1.2')}>"
    >>> labels_in(html)
    [('fig-a-x', '1.2')]
"""

from __future__ import annotations

import re

LABELLED = re.compile(r'data-ck-label="([^"]+)" data-ck-number="([^"]+)"')


def attributes(label: str, number: str) -> str:
    """The HTML attributes that name a numbered chart (with a leading space, for inside a tag)."""
    return f' data-ck-label="{label}" data-ck-number="{number}"'


def labels_in(html: str) -> list[tuple[str, str]]:
    """The (label, number) pairs an HTML text names, in order, each once."""
    return list(dict.fromkeys(LABELLED.findall(html)))
