"""Mark the language of every Cyrillic phrase in the book's pages, for screen readers and hyphenation.

The book is in English (``<html lang="en">``) and quotes Russian, Kazakh and Kyrgyz throughout. A
screen reader reads a Cyrillic phrase with English rules unless the phrase says its language, so
every run of Cyrillic words in a page's text is wrapped in ``<span lang="...">``:

    >>> print(mark_languages("<p>The term «қызыл сызығын» (line 2208) and «посредничество».</p>"))
    <p>The term «<span lang="kk">қызыл сызығын</span>» (line 2208) and «<span lang="ru">посредничество</span>».</p>

Which language: letters only Kazakh has (ә ғ қ ұ һ і) mean Kazakh; ң ө ү without them mean Kyrgyz in the
Kyrgyz chapter and Kazakh elsewhere; other Cyrillic is Russian. Text inside scripts, styles, code and
elements that already carry a ``lang`` is left alone, and so are attributes (an ``alt`` text cannot mark
part of itself).

    >>> print(mark_languages("<p>Кыргызстан: өнүгүү</p>", chapter="humanitarian_diplomacy"))
    <p><span lang="ru">Кыргызстан</span>: <span lang="ky">өнүгүү</span></p>
    >>> mark_languages('<code>df["год"]</code><span lang="ru">год</span><p title="год">x</p>') \\
    ...     == '<code>df["год"]</code><span lang="ru">год</span><p title="год">x</p>'
    True
"""

from __future__ import annotations

import re

KYRGYZ_CHAPTERS = {"humanitarian_diplomacy"}  # the one article with a Kyrgyz abstract
_KAZAKH_ONLY = set("әғқұһіӘҒҚҰҺІ")
_KAZAKH_OR_KYRGYZ = set("ңөүҢӨҮ")
_WORD = r"[\u0400-\u04FF](?:[\u0400-\u04FF\u0300-\u036F]|[-‐'’](?=[\u0400-\u04FF]))*"
_RUN = re.compile(rf"{_WORD}(?:[ \u00a0]+{_WORD})*")  # Cyrillic words joined by spaces
_TAG = re.compile(r"(<[^>]+>)")
_SKIP = {"script", "style", "code", "pre", "kbd", "samp", "textarea", "svg", "math"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


def language_of(phrase: str, chapter: str | None = None) -> str:
    """``kk``, ``ky`` or ``ru`` for a Cyrillic phrase (see the module's rule).

    >>> language_of("азық-түлік"), language_of("продовольствие"), language_of("бүгүн", "humanitarian_diplomacy")
    ('kk', 'ru', 'ky')
    """
    letters = set(phrase)
    if letters & _KAZAKH_ONLY:
        return "kk"
    if letters & _KAZAKH_OR_KYRGYZ:
        return "ky" if chapter in KYRGYZ_CHAPTERS else "kk"
    return "ru"


def _tag_name(tag: str) -> str:
    match = re.match(r"</?\s*([a-zA-Z][\w-]*)", tag)
    return match.group(1).lower() if match else ""


def mark_languages(html: str, chapter: str | None = None) -> str:
    """Wrap each run of Cyrillic words in the text of ``html`` in a span with its language."""
    out, stack = [], []  # stack of (tag name, leaves text alone)
    for piece in _TAG.split(html):
        if piece.startswith("<") and piece.endswith(">"):
            name = _tag_name(piece)
            if piece.startswith("</"):
                while stack:
                    if stack.pop()[0] == name:
                        break
            elif name and name not in _VOID and not piece.endswith("/>") and not piece.startswith(("<!", "<?")):
                stack.append((name, name in _SKIP or bool(re.search(r"\slang=", piece))))
            out.append(piece)
        elif any(skip for _, skip in stack) or not _RUN.search(piece):
            out.append(piece)
        else:
            out.append(_RUN.sub(lambda m: f'<span lang="{language_of(m.group(0), chapter)}">{m.group(0)}</span>',
                                piece))
    return "".join(out)
