"""Quizzes from a chapter's question bank (``data/<chapter>/quiz.yaml``), rendered with jupyterquiz.

The bank is data: validated against ``schemas/quiz.schema.json``, each question records the
article lines its answer rests on, and the same bank renders in JupyterLab and in the book, and can
be exported for other tools (:func:`export_json`).

    show_quiz("israel_palestine")                    # the whole bank, in a notebook
    show_quiz("israel_palestine", topic="concept")    # one topic

    >>> all(q["topic"] == "concept" for q in questions("israel_palestine", topic="concept"))
    True
"""

from __future__ import annotations

import json
import random
from importlib import resources
from pathlib import Path

import yaml

from .data import DATA, DataError

SCHEMA = json.loads(resources.files(__package__).joinpath("schemas/quiz.schema.json").read_text())

# Colours chosen for WCAG AA contrast on both the question panel and the answer buttons.
COLORS = {
    "--jq-multiple-choice-bg": "#23395d",
    "--jq-many-choice-bg": "#5a3d00",
    "--jq-mc-button-bg": "#ffffff",
    "--jq-mc-button-border": "#8a8a8a",
    "--jq-correct-color": "#0b6e1f",
    "--jq-incorrect-color": "#a0001a",
    "--jq-text-color": "#ffffff",
    "--jq-link-color": "#cfe0ff",
}


# jupyterquiz's answers are labels around visually hidden radio buttons, so they work from the keyboard
# (Tab to a question, arrows or Space to answer). This makes screen readers announce the feedback too.
FEEDBACK_LIVE_JS = """
(function () {
  var tries = 0;
  (function wait() {
    var feedback = document.querySelectorAll('.Quiz .Feedback');
    feedback.forEach(function (f) { f.setAttribute('aria-live', 'polite'); });
    if (feedback.length === 0 && tries++ < 50) { setTimeout(wait, 200); }
  })();
})();
"""


# jupyterquiz typesets its text with MathJax whenever a global MathJax exists. JupyterLab defines one
# without ``typeset`` (and may replace it later): jupyterquiz then loads MathJax from a CDN, and each
# answer click throws. Our questions hold no mathematics, so a no-op ``typeset`` on any such object is
# exact and keeps the page offline; a real MathJax that defines ``typeset`` itself is left alone.
NO_CDN_MATHJAX_JS = """
(function () {
  if (window.__ckMathJaxGuard) { return; }
  window.__ckMathJaxGuard = true;
  function patch(mj) {
    if (mj && typeof mj === 'object' && typeof mj.typeset !== 'function') { mj.typeset = function () {}; }
    return mj;
  }
  var current = patch(window.MathJax);
  try {
    Object.defineProperty(window, 'MathJax', {
      configurable: true,
      get: function () { return patch(current); },
      set: function (value) { current = value; }
    });
  } catch (e) { /* not configurable: the patch above is all we can do */ }
})();
"""


def bank_path(chapter: str) -> Path:
    return DATA / chapter / "quiz.yaml"


def validate_bank(bank: dict, where: str = "quiz bank") -> list[str]:
    """Every problem with a bank: schema errors plus the rules a schema cannot say."""
    import jsonschema

    problems = [
        f"{where}: {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
        for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(bank)
    ]
    if problems:
        return problems
    seen = set()
    for q in bank["questions"]:
        if q["id"] in seen:
            problems.append(f"{where}: question id {q['id']} is used twice")
        seen.add(q["id"])
        n_correct = sum(a["correct"] for a in q["answers"])
        if q["type"] == "multiple_choice" and n_correct != 1:
            problems.append(f"{where}: {q['id']} is multiple_choice but has {n_correct} correct answers")
        if q["type"] == "many_choice" and n_correct < 1:
            problems.append(f"{where}: {q['id']} has no correct answer")
    return problems


def load_bank(chapter: str) -> dict:
    """Read and validate a chapter's question bank; raise DataError listing every problem."""
    path = bank_path(chapter)
    where = f"data/{chapter}/quiz.yaml"
    try:
        bank = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{where}: no question bank for chapter {chapter!r}") from None
    except yaml.YAMLError as err:
        raise DataError(f"{where}: not valid YAML: {err}") from None
    problems = validate_bank(bank, where)
    if problems:
        raise DataError("\n".join(problems))
    return bank


def to_jupyterquiz(question: dict) -> dict:
    """One bank question in jupyterquiz's format, with its source line added to every feedback."""
    cite = f" [Article lines {question['source_lines']}]"
    return {
        "question": question["question"],
        "type": question["type"],
        "answers": [
            {"answer": a["answer"], "correct": a["correct"], "feedback": a["feedback"] + cite}
            for a in question["answers"]
        ],
    }


def questions(chapter: str, topic: str | None = None, ids: list[str] | None = None) -> list[dict]:
    bank = load_bank(chapter)
    chosen = [
        q for q in bank["questions"]
        if (topic is None or q["topic"] == topic) and (ids is None or q["id"] in ids)
    ]
    if not chosen:
        raise DataError(f"no questions in data/{chapter}/quiz.yaml match topic={topic!r} ids={ids!r}")
    return chosen


def show_quiz(chapter: str, topic: str | None = None, ids: list[str] | None = None) -> None:
    """Display a chapter's quiz (optionally one topic or some question ids)."""
    from IPython.display import Javascript, display
    from jupyterquiz import display_quiz

    display(Javascript(NO_CDN_MATHJAX_JS))
    # jupyterquiz names its element with 12 letters from `random`: seeded per quiz (and the caller's
    # random state put back), so two builds of the same page are byte-identical. Answers are still
    # shuffled in the browser.
    state = random.getstate()
    random.seed(f"{chapter}/{topic}/{ids}")
    try:
        display_quiz([to_jupyterquiz(q) for q in questions(chapter, topic, ids)],
                     shuffle_answers=True, colors=COLORS, max_width=760)
    finally:
        random.setstate(state)
    display(Javascript(FEEDBACK_LIVE_JS))


def export_json(chapter: str) -> str:
    """The chapter's quiz in jupyterquiz JSON, e.g. to reuse it in another course or LMS tool."""
    return json.dumps([to_jupyterquiz(q) for q in questions(chapter)], ensure_ascii=False, indent=2)
