"""Quiz banks for learning-management systems: Moodle XML, GIFT and QTI (Canvas).

Instructors in Almaty or Bishkek mostly run Moodle; Canvas reads QTI. Every chapter's bank
(``data/<chapter>/quiz.yaml``) is written in all three formats, keeping the letters of every language,
the feedback of every answer, and the article lines (as the question's general feedback).

    >>> bank = {"chapter": "demo", "article": 1, "questions": [{
    ...     "id": "demo-q01", "topic": "fact", "type": "multiple_choice", "source_lines": "12-14",
    ...     "question": "Which word is Kazakh for 'food security'?",
    ...     "answers": [{"answer": "азық-түлік қауіпсіздігі", "correct": True, "feedback": "Yes (12)."},
    ...                 {"answer": "продовольствие {1}", "correct": False, "feedback": "Russian (13)."}]}]}
    >>> print(gift(bank).splitlines()[-5])
    ::demo-q01 (fact)::Which word is Kazakh for 'food security'?{
    >>> print(gift(bank).splitlines()[-3])
    ~продовольствие \\{1\\}#Russian (13).
    >>> b'fraction="100"' in moodle_xml(bank)
    True
    >>> qti_zip(bank) == qti_zip(bank)   # byte-identical every time
    True

Hand-written writers for GIFT and Moodle XML: no package on PyPI writes both from a bank of our shape
with per-answer feedback (pymoodef and moodlexport take their own spreadsheets or objects and lose
answer feedback); the XML is built with the standard library's ElementTree, never by string pasting.
QTI is text2qti's own: we only write its plain-text quiz format.
"""

from __future__ import annotations

import io
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from coursekit import quiz

COURSE = "Reading IR research from Central Asia"  # the category instructors see in their question bank


def _title(bank: dict) -> str:
    return f"{COURSE}: article {bank['article']} ({bank['chapter']})"


def _general_feedback(bank: dict, question: dict) -> str:
    return f"Source: article {question.get('article', bank['article'])}, lines {question['source_lines']}."


def _weights(question: dict) -> tuple[float, float]:
    """The share of the mark for each correct and each wrong answer, in percent.

    One right answer: 100 and 0. Several: the right ones share 100, and each wrong choice takes back
    as much as all wrong choices together are worth (so choosing everything scores 0, as in jupyterquiz).

    >>> _weights({"type": "many_choice", "answers": [{"correct": c} for c in (True, True, True, False)]})
    (33.33333, -100.0)
    """
    answers = question["answers"]
    right = sum(a["correct"] for a in answers)
    if question["type"] == "multiple_choice":
        return 100.0, 0.0
    wrong = len(answers) - right
    return round(100 / right, 5), (round(-100 / wrong, 5) if wrong else 0.0)


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


# --- GIFT ---------------------------------------------------------------------------------------------
_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def _g(text: str) -> str:
    """Escape GIFT's control characters (Moodle docs, "GIFT format": ~ = # { } : and backslash)."""
    return _GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def gift(bank: dict) -> str:
    """The bank in Moodle's GIFT format (UTF-8 text; import it as a file ending in .txt)."""
    lines = [f"// {_title(bank)}. Generated from data/{bank['chapter']}/quiz.yaml: edit there, not here.",
             f"$CATEGORY: $course$/{COURSE}/{bank['chapter']}", ""]
    for q in bank["questions"]:
        right, wrong = _weights(q)
        lines.append(f"// {q['id']}: {_general_feedback(bank, q)}")
        lines.append(f"::{_g(q['id'])} ({q['topic']})::{_g(q['question'])}{{")
        for a in q["answers"]:
            if q["type"] == "multiple_choice":
                mark = "=" if a["correct"] else "~"
            else:
                mark = f"~%{_percent(right if a['correct'] else wrong)}%"
            lines.append(f"{mark}{_g(a['answer'])}#{_g(a['feedback'])}")
        lines.append(f"####{_g(_general_feedback(bank, q))}")
        lines += ["}", ""]
    return "\n".join(lines)


# --- Moodle XML ---------------------------------------------------------------------------------------
def _text(parent: ET.Element, tag: str, text: str, **attrs) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    ET.SubElement(el, "text").text = text
    return el


def moodle_xml(bank: dict) -> bytes:
    """The bank as Moodle XML (question type multichoice; several right answers use weights)."""
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", type="category")
    _text(category, "category", f"$course$/{COURSE}/{bank['chapter']}")
    _text(category, "info", _title(bank), format="plain_text")
    for q in bank["questions"]:
        right, wrong = _weights(q)
        el = ET.SubElement(root, "question", type="multichoice")
        _text(el, "name", f"{q['id']} ({q['topic']})")
        _text(el, "questiontext", q["question"], format="plain_text")
        _text(el, "generalfeedback", _general_feedback(bank, q), format="plain_text")
        for tag, value in (("defaultgrade", "1"), ("penalty", "0.3333333"), ("hidden", "0"),
                           ("idnumber", q["id"]),
                           ("single", "true" if q["type"] == "multiple_choice" else "false"),
                           ("shuffleanswers", "true"), ("answernumbering", "abc")):
            ET.SubElement(el, tag).text = value
        for a in q["answers"]:
            answer = _text(el, "answer", a["answer"], fraction=_percent(right if a["correct"] else wrong),
                           format="plain_text")
            _text(answer, "feedback", a["feedback"], format="plain_text")
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


# --- QTI (text2qti) -----------------------------------------------------------------------------------
def _md(text: str) -> str:
    """Our plain text as Markdown that text2qti passes through unchanged: no emphasis, no $ maths, and
    no typographic quotes or dashes from its "smarty" extension (which skips escaped quotes, - and .).

    >>> print(_md("Türkiye's *share* -- $5"))
    Türkiye\\'s \\*share\\* \\-\\- \\$5
    """
    return re.sub(r"([\\`*_\[\]<>$|'\"\-.])", r"\\\1", " ".join(text.split()))


def text2qti_source(bank: dict) -> str:
    """The bank in text2qti's plain-text quiz format."""
    origin = _md(f"Generated from data/{bank['chapter']}/quiz.yaml.")
    lines = [f"Quiz title: {_title(bank)}", f"Quiz description: {origin}", ""]
    for number, q in enumerate(bank["questions"], start=1):
        lines += [f"Title: {q['id']} ({q['topic']})", f"{number}.  {_md(q['question'])}",
                  f"... {_md(_general_feedback(bank, q))}"]
        for letter, a in zip("abcdefghijklmnopqrstuvwxyz", q["answers"]):
            if q["type"] == "multiple_choice":
                lines.append(f"{'*' if a['correct'] else ''}{letter})  {_md(a['answer'])}")
            else:
                lines.append(f"[{'*' if a['correct'] else ' '}] {_md(a['answer'])}")
            lines.append(f"... {_md(a['feedback'])}")
        lines.append("")
    return "\n".join(lines)


def qti_zip(bank: dict) -> bytes:
    """A QTI 1.2 package for Canvas, built by text2qti, with fixed timestamps (reproducible)."""
    from text2qti.config import Config
    from text2qti.qti import QTI
    from text2qti.quiz import Quiz

    built = QTI(Quiz(text2qti_source(bank), config=Config(), source_name=f"{bank['chapter']}/quiz.yaml"))
    with zipfile.ZipFile(io.BytesIO(built.zip_bytes())) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            zf.writestr(info, data)
    return out.getvalue()


# --- files ----------------------------------------------------------------------------------------------
FORMATS = {  # file suffix -> writer; names are <chapter>-quiz-<suffix>
    "moodle.xml": lambda bank: moodle_xml(bank),
    "gift.txt": lambda bank: gift(bank).encode("utf-8"),
    "qti.zip": qti_zip,
}


def course_bank(chapters: list[str]) -> dict:
    """All chapters' questions as one bank; each question keeps its own article number."""
    banks = [quiz.load_bank(chapter) for chapter in chapters]
    questions = [dict(q, article=bank["article"]) for bank in banks for q in bank["questions"]]
    return {"chapter": "course", "article": "1-7", "questions": questions}


def export_files(chapters: list[str]) -> dict[str, bytes]:
    """Every export file, by name: per chapter and for the whole course."""
    banks = [quiz.load_bank(chapter) for chapter in chapters] + [course_bank(chapters)]
    return {f"{bank['chapter']}-quiz-{suffix}": write(bank) for bank in banks for suffix, write in FORMATS.items()}


def write_exports(dest: Path, chapters: list[str]) -> list[Path]:
    """Write every export into dest (created if needed); returns the paths written."""
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in export_files(chapters).items():
        (dest / name).write_bytes(content)
        written.append(dest / name)
    return written


def main(argv: list[str]) -> int:
    from coursekit import editions

    if len(argv) != 1:
        print("usage: python -m coursekit.lms DIR   (writes every chapter's quiz for Moodle and Canvas)")
        return 2
    for path in write_exports(Path(argv[0]), editions.chapters()):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
