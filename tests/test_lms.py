"""Quiz exports for learning platforms, read back by parsers nobody on this project wrote.

GIFT is parsed by gift-pegjs (npm), Moodle XML by lxml (libxml2) and read as Moodle documents it, QTI
is built by text2qti and read back from its zip. Each round trip must keep every question, every
correct answer and every feedback, letters of every language included.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from coursekit import editions, lms, quiz

ROOT = Path(__file__).resolve().parents[1]
GIFT_PARSER = ROOT / "tests" / "js" / "parse_gift.js"
CHAPTERS = editions.chapters()
BANKS = {chapter: quiz.load_bank(chapter) for chapter in CHAPTERS}
BANKS["course"] = lms.course_bank(CHAPTERS)

# A bank that stresses every escape: GIFT's control characters, Markdown's, quotes, Kazakh and Kyrgyz.
AWKWARD = {"chapter": "awkward", "article": 4, "questions": [{
    "id": "awk-q01", "topic": "reading", "type": "many_choice", "source_lines": "2207-2209, 2331",
    "question": "Which of these {braces}, #hashes, ~tildes, =equals and : colons survive? Select all.",
    "answers": [
        {"answer": "«қызыл сызығын» — ә, қ, ң, ү, ұ, і, ө, һ", "correct": True,
         "feedback": "Kazakh letters (2207-2209)."},
        {"answer": "Кыргызстан: ө, ү, ң; 50% *not* bold, $5, 2.5 -- a \\ backslash", "correct": True,
         "feedback": "Kyrgyz letters: кызыл (2331)."},
        {"answer": "None of them", "correct": False, "feedback": "They all do: see 'the tests' (2331)."},
    ]}]}


def flat(text: str) -> str:
    return " ".join(text.split())


def expected(bank: dict) -> list[dict]:
    """What any reader of any export must find: per question, its text, answers, rightness, feedback."""
    return [{"question": flat(q["question"]), "source": lms._general_feedback(bank, q),
             "answers": [(flat(a["answer"]), a["correct"], flat(a["feedback"])) for a in q["answers"]]}
            for q in bank["questions"]]


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("lms")
    lms.write_exports(dest, CHAPTERS)
    for suffix, write in lms.FORMATS.items():
        (dest / f"awkward-quiz-{suffix}").write_bytes(write(AWKWARD))
    return dest


ALL = [*BANKS, "awkward"]


def bank_of(name: str) -> dict:
    return AWKWARD if name == "awkward" else BANKS[name]


def test_one_command_writes_every_file(tmp_path):
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "tasks.py"), "quiz-export",
                             str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(f"{c}-quiz-{s}" for c in [*CHAPTERS, "course"] for s in lms.FORMATS)


# --- GIFT, read by gift-pegjs ------------------------------------------------------------------------
def parse_gift(path: Path) -> list[dict]:
    out = subprocess.run(["node", str(GIFT_PARSER), str(path)], capture_output=True, text=True)
    assert out.returncode == 0, f"gift-pegjs refused {path.name}:\n{out.stderr[-2000:]}"
    return json.loads(out.stdout)


@pytest.mark.parametrize("name", ALL)
def test_gift_round_trip(exports, name):
    bank = bank_of(name)
    parsed = parse_gift(exports / f"{name}-quiz-gift.txt")
    assert parsed[0] == {"type": "Category", "title": f"$course$/{lms.COURSE}/{name}"}
    questions = parsed[1:]
    assert [q["type"] for q in questions] == ["MC"] * len(bank["questions"])
    got = [{"question": q["stem"]["text"], "source": q["globalFeedback"]["text"],
            "answers": [(c["text"]["text"], c["isCorrect"] or (c["weight"] or 0) > 0, c["feedback"]["text"])
                        for c in q["choices"]]} for q in questions]
    assert got == expected(bank)
    for q, source in zip(questions, bank["questions"]):
        assert q["title"] == f"{source['id']} ({source['topic']})"
        weights = [c["weight"] for c in q["choices"] if c["weight"] is not None]
        if source["type"] == "many_choice":  # the right answers share the mark; choosing all scores 0
            assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=0.01)
            assert sum(weights) == pytest.approx(0, abs=0.01) or all(w > 0 for w in weights)


# --- Moodle XML, read by lxml ------------------------------------------------------------------------
@pytest.mark.parametrize("name", ALL)
def test_moodle_xml_round_trip(exports, name):
    bank = bank_of(name)
    tree = etree.parse(str(exports / f"{name}-quiz-moodle.xml"), etree.XMLParser(resolve_entities=False))
    assert tree.docinfo.encoding == "UTF-8"
    assert tree.xpath("/quiz/question[@type='category']/category/text/text()") == [f"$course$/{lms.COURSE}/{name}"]
    questions = tree.xpath("/quiz/question[@type='multichoice']")
    got = []
    for q in questions:
        answers = [(a.findtext("text"), float(a.get("fraction")) > 0, a.findtext("feedback/text"))
                   for a in q.findall("answer")]
        got.append({"question": q.findtext("questiontext/text"), "source": q.findtext("generalfeedback/text"),
                    "answers": answers})
    assert got == expected(bank)
    for q, source in zip(questions, bank["questions"]):
        fractions = [float(a.get("fraction")) for a in q.findall("answer")]
        assert q.findtext("single") == ("true" if source["type"] == "multiple_choice" else "false")
        assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=0.01)
        assert q.findtext("idnumber") == source["id"]


# --- QTI, built by text2qti --------------------------------------------------------------------------
def mattext(element) -> str:
    """A QTI mattext holds HTML as text: drop the tags and entities to compare with the bank."""
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", element.text or "")))


@pytest.mark.parametrize("name", ALL)
def test_qti_round_trip(exports, name):
    bank = bank_of(name)
    with zipfile.ZipFile(exports / f"{name}-quiz-qti.zip") as zf:
        assert zf.testzip() is None and "imsmanifest.xml" in zf.namelist()
        [assessment] = [n for n in zf.namelist() if n.endswith(".xml") and "/" in n and "meta" not in n]
        root = etree.fromstring(zf.read(assessment))
    ns = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    got = []
    for item in root.xpath("//q:item", namespaces=ns):
        labels = item.xpath(".//q:response_label", namespaces=ns)
        right = set(item.xpath(".//q:respcondition[q:setvar='100']/q:conditionvar//q:varequal"
                               "[not(ancestor::q:not)]/text()", namespaces=ns))
        feedback = {f.get("ident"): mattext(f.find(".//q:mattext", ns))
                    for f in item.xpath("q:itemfeedback", namespaces=ns)}
        answers = [(mattext(lab.find(".//q:mattext", ns)), lab.get("ident") in right,
                    feedback[f"{lab.get('ident')}_fb"]) for lab in labels]
        got.append({"question": mattext(item.find("q:presentation/q:material/q:mattext", ns)),
                    "source": feedback["general_fb"], "answers": answers})
    assert got == expected(bank)


def test_qti_package_is_reproducible():
    bank = BANKS[CHAPTERS[0]]
    assert lms.qti_zip(bank) == lms.qti_zip(bank)
