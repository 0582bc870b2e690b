"""coursekit: the small helper package shared by every chapter of the course.

One job per module, each short enough to read:

- ``data``      load a dataset by name, validated against ``data/datapackage.json``
- ``charts``    the course chart style, and figures that carry alt text, caption and source
- ``widgets``   controls that keep working in the static book (no kernel needed)
- ``quiz``      a chapter's question bank (``data/<chapter>/quiz.yaml``) as a jupyterquiz quiz
- ``checks``    feedback on exercise answers (``check("chapter.exercise", answer)``)
- ``glossary``  the key terms of every chapter (``data/glossary.csv``) as tables: ``{keyterms}``
- ``sphinxext`` build-time only: re-execute notebooks whose data changed

The names below are imported on first use (PEP 562), not when the package is imported: the
build-time extension ``coursekit.sphinxext`` must not pay for matplotlib, pandas and ipywidgets
on every rebuild (that import alone was most of a no-change rebuild).

>>> import coursekit
>>> coursekit.load is __import__("coursekit.data").data.load
True
>>> coursekit.nonexistent
Traceback (most recent call last):
AttributeError: module 'coursekit' has no attribute 'nonexistent'
"""

from importlib import import_module

_WHERE = {
    "load": "data", "describe": "data", "datasets": "data", "DataError": "data",
    "figure": "charts", "new_figure": "charts",
    "explorer": "widgets", "card": "widgets", "table": "widgets",
    "show_quiz": "quiz", "check": "checks",
}
__all__ = list(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return sorted(list(globals()) + __all__)
