"""coursekit: the small helper package shared by every chapter of the course.

One job per module, each short enough to read:

- ``data``      load a dataset by name, validated against ``data/datapackage.json``
- ``charts``    the course chart style, and figures that carry alt text, caption and source
- ``widgets``   controls that keep working in the static book (no kernel needed)
- ``quiz``      a chapter's question bank (``data/<chapter>/quiz.yaml``) as a jupyterquiz quiz
- ``checks``    feedback on exercise answers (``check("chapter.exercise", answer)``)
- ``glossary``  the key terms of every chapter (``data/glossary.csv``) as tables: ``{keyterms}``
- ``sphinxext`` build-time only: re-execute notebooks whose data changed
"""

from .charts import figure, new_figure
from .checks import check
from .data import DataError, datasets, describe, load
from .quiz import show_quiz
from .widgets import card, explorer, table

__all__ = ["load", "describe", "datasets", "DataError", "figure", "new_figure",
           "explorer", "card", "table", "show_quiz", "check"]
