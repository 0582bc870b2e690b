"""Feedback on exercise answers, for students working in JupyterLab.

    >>> from coursekit import check
    >>> check("bri_turkiye.balance_errors", "two")  # doctest: +ELLIPSIS
    Not yet. The number of rows ... should be a number; you gave str 'two'.

``check`` never raises on a student's answer: a wrong value, a wrong type, or an error inside a
function the student wrote all come back as a plain-language message. The expected answers are
computed from the course data in ``coursekit/answers/<chapter>.py``, so they follow the data.
"""

from __future__ import annotations

import html
import importlib
import math
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

_CHECKS: dict[str, Callable[[Any], Feedback]] = {}


@dataclass
class Feedback:
    """The result of a check: truthy when correct, and readable in a notebook."""

    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return ("Correct. " if self.correct else "Not yet. ") + self.message

    def _repr_html_(self) -> str:
        cls, head = ("ck-ok", "Correct.") if self.correct else ("ck-try", "Not yet.")
        return (f'<div class="ck-feedback {cls}" role="status"><strong>{head}</strong> '
                f"{html.escape(self.message)}</div>")


def exercise(name: str):
    """Register the checker of one exercise (used in coursekit/answers/*.py)."""
    def register(func):
        _CHECKS[name] = func
        return func
    return register


def _load_answer_modules() -> None:
    from . import answers

    for mod in pkgutil.iter_modules(answers.__path__):
        importlib.import_module(f"{answers.__name__}.{mod.name}")


def available() -> list[str]:
    _load_answer_modules()
    return sorted(_CHECKS)


_MISSING = object()


def check(name: Any = _MISSING, answer: Any = _MISSING) -> Feedback:
    """Check an answer to the exercise called ``name``; always returns Feedback, never raises.

    >>> check("bri_turkiye.balance_errors", 0)
    Correct. The number of rows whose printed balance is not exports minus imports is 0.
    >>> check(0, "bri_turkiye.balance_errors")
    Not yet. The exercise name comes first, then your answer: check("bri_turkiye.balance_errors", 0).
    >>> check("bri_turkiye.balance_errors")
    Not yet. Give your answer after the exercise name: check("bri_turkiye.balance_errors", your_answer).
    """
    _load_answer_modules()
    if not isinstance(name, str) and isinstance(answer, str) and answer in _CHECKS:
        return Feedback(False, "The exercise name comes first, then your answer: "
                               f'check("{answer}", {_short(name)}).')
    if name is _MISSING:
        return Feedback(False, 'Give the exercise name and your answer: check("chapter.exercise", answer). '
                               f"Exercises: {', '.join(sorted(_CHECKS))}.")
    if not isinstance(name, str):
        return Feedback(False, f'The first argument is the exercise name, as text (in quotes), not '
                               f'{type(name).__name__} {_short(name)}: check("chapter.exercise", answer).')
    if name not in _CHECKS:
        close = [k for k in _CHECKS if k.split(".")[0] == name.split(".")[0]]
        return Feedback(False, f"There is no exercise called {name!r}. "
                               f"Exercises of this chapter: {', '.join(close) or 'none'}.")
    if answer is _MISSING:
        return Feedback(False, f'Give your answer after the exercise name: check("{name}", your_answer).')
    try:
        return _CHECKS[name](answer)
    except Exception as err:
        # Checkers test the form of an answer before its value, so an error here almost always means
        # an answer of an unexpected shape: say so, without blaming the student or hiding the error.
        return Feedback(False, f"This answer could not be checked ({type(err).__name__}: {err}). Make sure it "
                               "has the form the exercise asks for (type, columns, one value per row). If it "
                               "does, tell your instructor: the checker may be wrong.")


def human(value: Any) -> str:
    """A value as a person writes it: no ``np.float64(...)``, no float noise.

    >>> import numpy as np
    >>> human(np.float64(0.021934567)), human(np.int64(12)), human(1234567.0), human("text")
    ('0.0219346', '12', '1,234,567', "'text'")
    """
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, str):
        return repr(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return _short(value)
    if math.isnan(number):
        return "NaN (a missing value)"
    if number.is_integer() and abs(number) < 1e15:
        return f"{int(number):,}"
    return f"{number:,.6g}"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


# -- building blocks for checkers --------------------------------------------------------------

def call_student(func: Any, *args) -> tuple[Any, Feedback | None]:
    """Run a function the student wrote; turn any error in it into feedback.

    Returns ``(result, None)``, or ``(None, feedback)`` on error: test ``feedback is not None``
    (a Feedback is falsy when the answer is wrong)."""
    if not callable(func):
        return None, Feedback(False, f"Expected a function, got {type(func).__name__}. "
                                     "Pass the function's name without parentheses.")
    try:
        return func(*args), None
    except Exception as err:
        return None, Feedback(False, f"Your function raised {type(err).__name__}: {err}. "
                                     "Run it on its own in a cell to see where.")


def expect_columns(answer: Any, needed: list[str], *, what: str) -> Feedback | None:
    """None if ``answer`` is a data frame with these columns, else feedback saying what is wrong."""
    if not isinstance(answer, pd.DataFrame):
        return Feedback(False, f"{what} should be a pandas DataFrame; you gave {type(answer).__name__}.")
    duplicated = sorted({str(c) for c in answer.columns[answer.columns.duplicated()]})
    if duplicated:
        return Feedback(False, f"{what} has the column(s) {', '.join(duplicated)} more than once; "
                               "keep one of each (for example with frame.loc[:, ~frame.columns.duplicated()]).")
    missing = [c for c in needed if c not in answer.columns]
    if missing:
        return Feedback(False, f"{what} is missing the column(s) {', '.join(missing)}; "
                               f"it has {', '.join(map(str, answer.columns)) or 'no columns'}.")
    return None


def expect_number(answer: Any, expected: float, *, what: str, tolerance: float = 1e-6,
                  hint: str = "") -> Feedback:
    """A numeric answer: right type, then right value (within a tolerance)."""
    if isinstance(answer, pd.Series) and len(answer) == 1:
        answer = answer.iloc[0]
    if isinstance(answer, bool) or not isinstance(answer, (int, float)) and not hasattr(answer, "__float__"):
        return Feedback(False, f"{what} should be a number; you gave {type(answer).__name__}"
                               f"{' ' + repr(answer) if isinstance(answer, str) else ''}.")
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return Feedback(False, f"{what} should be a number; {answer!r} cannot be read as one.")
    if math.isnan(value):
        return Feedback(False, f"{what} is NaN: check for missing values in the columns you used.")
    shown = human(value)
    if abs(value - expected) <= tolerance * max(1.0, abs(expected)):
        return Feedback(True, f"{what} is {shown}.")
    return Feedback(False, f"{what} is not {shown}. {hint}".strip())


def expect_choice(answer: Any, choices: dict[str, str], correct: str, *, what: str) -> Feedback:
    """One option out of several (matched ignoring case and spaces); every option has its own feedback."""
    options = ", ".join(map(repr, choices))
    if not isinstance(answer, str):
        return Feedback(False, f"{what}: answer with one of {options} as text; you gave {type(answer).__name__}.")
    by_key = {option.strip().lower(): option for option in choices}
    option = by_key.get(answer.strip().lower())
    if option is None:
        return Feedback(False, f"{what}: {answer!r} is not an option; choose one of {options}.")
    return Feedback(option == correct, choices[option])


def expect_frame(answer: Any, expected: pd.DataFrame, *, what: str, sort_by: list[str] | None = None,
                 hint: str = "") -> Feedback:
    """A data frame: type, then columns, then rows, then values (order-insensitive if sort_by)."""
    if isinstance(answer, pd.Series):
        answer = answer.reset_index()
    problem = expect_columns(answer, list(expected.columns), what=what)
    if problem is not None:
        return problem
    got = answer[list(expected.columns)]
    if len(got) != len(expected):
        return Feedback(False, f"{what} has {len(got)} rows; expected {len(expected)}. {hint}".strip())
    if sort_by:
        got = got.sort_values(sort_by)
        expected = expected.sort_values(sort_by)
    got = got.reset_index(drop=True)
    want = expected.reset_index(drop=True)
    for col in want.columns:
        a, b = got[col], want[col]
        if pd.api.types.is_numeric_dtype(b):
            a = pd.to_numeric(a, errors="coerce")
            equal = ((a - b).abs() <= 1e-6 * b.abs().clip(lower=1)) | (a.isna() & b.isna())
        else:
            equal = a.astype(str) == b.astype(str)
        if not bool(equal.all()):
            row = int((~equal).to_numpy().argmax())
            return Feedback(False, f"{what}: column '{col}' differs first at row {row} "
                                   f"(you have {human(a.iloc[row])}). {hint}".strip())
    return Feedback(True, f"{what} matches.")
