"""A class on a real JupyterHub: the course arrives by an nbgitpuller link, a lesson goes out
through nbgrader's exchange and comes back marked, and students' work stays theirs.

One teacher and four students (three who work through their servers' APIs, one in a
real browser), each a real user of this machine with a private home,
each acting through their own server (see classroom.py). On a laptop without root or
passwordless sudo these tests skip, saying why; with CI=true they never skip.
"""

from __future__ import annotations

import json
import re
import urllib.parse

import nbformat
import pytest

from helpers.links import pull_link

from ..answers import right_submission, wrong_submission
from ..conftest import skip_or_fail
from .classroom import FOLDER, PASSWORD, ROOT, Classroom, unavailable

pytestmark = pytest.mark.hub

LESSON = "01-trotsky-in-power"
LESSON_PATH = f"lessons/{LESSON}/{LESSON}.ipynb"  # the teacher's version
STUDENT_PATH = f"students/{LESSON}/{LESSON}.ipynb"  # the student copy the links open
NOTE = "My own note, written on the hub: Trotsky's record matters for lesson 5."


@pytest.fixture(scope="module")
def classroom():
    reason = unavailable()
    if reason:
        skip_or_fail("hub tests", reason, "To run them, run python3 run.py test as root (or with "
                     "passwordless sudo) on Linux, with git, node and npm installed.")
    with Classroom(students=4) as room:
        room.start_servers(room.people[:-1])  # the last student starts theirs by a click
        yield room


def _errors(notebook: dict) -> list[str]:
    return [f"{o['ename']}: {o['evalue']}" for c in notebook["cells"] if c["cell_type"] == "code"
            for o in c.get("outputs", []) if o["output_type"] == "error"]


def _in_kernel(person, code: str) -> dict:
    """Run code in a kernel of ``person``'s server; the JSON it prints last."""
    from .classroom import Kernel

    kernel = Kernel(person, f"{FOLDER}/scratch.ipynb")
    try:
        outputs = kernel.run(code)
    finally:
        kernel.close()
    errors = [f"{o['ename']}: {o['evalue']}" for o in outputs if o["output_type"] == "error"]
    assert not errors, errors
    text = "".join(o["text"] for o in outputs if o["output_type"] == "stream"
                   and o["name"] == "stdout")
    return json.loads(text.strip().splitlines()[-1])


NBGRADER = """
import json, subprocess
results = {}
for command in COMMANDS:
    run = subprocess.run(command.split(), capture_output=True, text=True)
    results[command] = [run.returncode, run.stderr[-6000:]]
print(json.dumps(results))
"""


def _teacher_runs(classroom, *commands: str) -> None:
    results = _in_kernel(classroom.teacher, f"COMMANDS = {list(commands)!r}\n" + NBGRADER)
    for command, (code, stderr) in results.items():
        assert code == 0, f"{command}: {stderr}"


# --- distribution: the nbgitpuller link ---------------------------------------------

@pytest.fixture(scope="module")
def pulled(classroom):
    """Everyone follows the link of lesson 1 (generated as python3 run.py links makes it)."""
    link = pull_link(classroom.url, classroom.repo_url, STUDENT_PATH)
    for person in classroom.people[:-1]:
        person.pull(link)
    return link


def test_the_link_puts_the_course_in_each_home_and_opens_an_existing_lesson(classroom, pulled):
    urlpath = urllib.parse.parse_qs(urllib.parse.urlparse(pulled).query)["urlpath"][0]
    assert urlpath == f"lab/tree/{FOLDER}/{STUDENT_PATH}"
    for person in classroom.people[:-1]:
        notebook = person.read_notebook(urlpath.removeprefix("lab/tree/"))
        assert notebook["cells"][0]["cell_type"] == "markdown"
        assert "BEGIN SOLUTION" not in json.dumps(notebook)  # the student copy


def test_a_second_pull_brings_the_teachers_change_and_keeps_the_students_edits(classroom,
                                                                              pulled):
    student = classroom.students[0]
    path = f"{FOLDER}/{STUDENT_PATH}"
    mine = student.read_notebook(path)
    mine["cells"].append({"cell_type": "markdown", "metadata": {}, "source": NOTE})
    student.save_notebook(path, mine)
    student.api("PUT", f"api/contents/{FOLDER}/my-notes.md",
                {"type": "file", "format": "text", "content": NOTE})

    def teachers_change(work):  # a correction to the same lesson, and a new reading list
        for version in (LESSON_PATH, STUDENT_PATH):
            notebook = nbformat.read(work / version, as_version=4)
            notebook.cells[0].source += "\n\n*Corrected by your teacher.*"
            nbformat.write(notebook, work / version)
        (work / "students" / LESSON / "reading-list.md").write_text("Read Deutscher.\n", "utf-8")

    classroom.commit("A correction to lesson 1, and a reading list", teachers_change)
    student.pull(pulled)

    after = student.read_notebook(path)
    assert after["cells"][-1]["source"] == NOTE  # the student's own cell, kept
    assert "Corrected by your teacher." in "".join(after["cells"][0]["source"])
    assert student.api("GET", f"api/contents/{FOLDER}/my-notes.md?content=1")["content"] == NOTE
    listing = student.api("GET", f"api/contents/{FOLDER}/students/{LESSON}")["content"]
    assert "reading-list.md" in {item["name"] for item in listing}


# --- the round trip through nbgrader's exchange -------------------------------------

@pytest.fixture(scope="module")
def marked(classroom, pulled):
    """Release; each student fetches, answers (right, wrong, not at all) and submits;
    the teacher collects and autogrades. Returns what each step left behind."""
    teacher_copy = nbformat.read(classroom.course / LESSON_PATH, as_version=4)
    right, wrong, silent = classroom.students[:3]
    _teacher_runs(classroom, f"nbgrader generate_assignment {LESSON}",
                  f"nbgrader release_assignment {LESSON}")
    seen = {}
    runs = {}
    for student in classroom.students[:3]:
        listed = student.nbgrader("fetch", LESSON)
        assert listed.get("success"), listed
        seen[student.name] = student.read_notebook(f"{LESSON}/{LESSON}.ipynb")
    for student, answer in ((right, right_submission), (wrong, wrong_submission)):
        copy = nbformat.from_dict(seen[student.name])
        student.save_notebook(f"{LESSON}/{LESSON}.ipynb", answer(teacher_copy, copy))
        runs[student.name] = student.run_notebook(f"{LESSON}/{LESSON}.ipynb")
    for student in classroom.students[:3]:
        submitted = student.nbgrader("submit", LESSON)
        assert submitted.get("success"), submitted
    _teacher_runs(classroom, f"nbgrader collect {LESSON}", f"nbgrader autograde {LESSON}")
    scores = _in_kernel(classroom.teacher, f"""
import json
from nbgrader.api import Gradebook
scores = {{}}
with Gradebook("sqlite:///gradebook.db") as gradebook:
    for student in {[s.name for s in classroom.students[:3]]!r}:
        notebook = gradebook.find_submission_notebook({LESSON!r}, {LESSON!r}, student)
        scores[student] = {{
            "auto": sum(g.auto_score or 0 for g in notebook.grades if g.cell_type == "code"),
            "written_waiting": [g.needs_manual_grade for g in notebook.grades
                                if g.cell_type == "markdown"]}}
print(json.dumps(scores))
""")
    auto_max = sum(c.metadata["nbgrader"]["points"] for c in teacher_copy.cells
                   if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade"))
    _teacher_runs(classroom, f"nbgrader generate_feedback {LESSON}",
                  f"nbgrader release_feedback {LESSON}")
    feedback = {}
    for student in classroom.students[:3]:
        assert student.nbgrader("fetch_feedback", LESSON).get("success")
        folders = student.api("GET", f"api/contents/{LESSON}/feedback")["content"]
        quote = urllib.parse.quote
        pages = [item["path"] for folder in folders for item in
                 student.api("GET", f"api/contents/{quote(folder['path'])}")["content"]
                 if item["name"].endswith(".html")]
        feedback[student.name] = student.api(
            "GET", f"api/contents/{quote(pages[0])}?content=1&type=file&format=text")["content"]
    return {"fetched": seen, "runs": runs, "scores": scores, "auto_max": auto_max,
            "feedback": feedback}


def test_students_fetch_the_student_copy_without_solutions_or_hidden_tests(classroom, marked):
    for notebook in marked["fetched"].values():
        text = json.dumps(notebook)
        for leak in ("BEGIN SOLUTION", "HIDDEN TESTS", "Indicative content"):
            assert leak not in text


def test_the_lesson_runs_top_to_bottom_on_each_students_own_server(classroom, marked):
    for name, notebook in marked["runs"].items():
        assert not _errors(notebook), (name, _errors(notebook))
        assert any(o["output_type"] == "display_data" for c in notebook["cells"]
                   if c["cell_type"] == "code" for o in c["outputs"]), name


def test_the_gradebook_holds_the_expected_automatic_scores(classroom, marked):
    right, wrong, silent = (s.name for s in classroom.students[:3])
    scores = marked["scores"]
    assert marked["auto_max"] > 0
    assert {name: scores[name]["auto"] for name in scores} == {
        right: marked["auto_max"], wrong: 0, silent: 0}
    # the right answers' written paragraph and exam answer wait for the teacher
    assert scores[right]["written_waiting"] and all(scores[right]["written_waiting"])


def test_each_student_fetches_feedback_on_their_own_work(classroom, marked):
    right, wrong, silent = (s.name for s in classroom.students[:3])
    assert set(marked["feedback"]) == {right, wrong, silent}
    assert "My answer, in my own words." in marked["feedback"][right]
    for name in (wrong, silent):
        assert "My answer, in my own words." not in marked["feedback"][name]


def test_students_cannot_read_each_others_work_or_the_teachers_lessons(classroom, marked):
    first, second = classroom.students[:2]
    probes = _in_kernel(first, f"""
import json, os
paths = {{"inbound": {str(classroom.exchange / "trotsky-stalin" / "inbound")!r},
          "teacher": {str(classroom.teacher.home)!r},
          "another student": {str(second.home)!r},
          "teacher's lesson": {str(classroom.teacher.home / FOLDER / LESSON_PATH)!r},
          "released copy": {str(classroom.exchange / "trotsky-stalin" / "outbound" / LESSON)!r}}}
found = {{}}
for name, path in paths.items():
    try:
        os.listdir(path) if os.path.isdir(path) or not os.path.exists(path) else open(path).read(1)
        found[name] = "read"
    except PermissionError:
        found[name] = "denied"
    except FileNotFoundError:
        found[name] = "missing"
print(json.dumps(found))
""")
    assert probes == {"inbound": "denied", "teacher": "denied", "another student": "denied",
                      "teacher's lesson": "denied", "released copy": "read"}


# --- the first click, in a real browser -----------------------------------------------

def test_a_student_clicks_the_link_logs_in_and_lands_in_the_lesson(classroom, chromium_path):
    from playwright.sync_api import expect, sync_playwright

    chromium = chromium_path
    student = classroom.students[-1]
    link = pull_link(classroom.url, classroom.repo_url, STUDENT_PATH)
    title = nbformat.read(classroom.course / STUDENT_PATH, as_version=4).cells[0].source
    heading = re.search(r"^# (.*)$", title, re.M).group(1)
    artifacts = ROOT / "test-artifacts" / "hub"
    artifacts.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(link)  # not logged in: the hub asks who it is, then comes back
            page.locator("#username_input").fill(student.name)
            page.locator("#password_input").fill(PASSWORD)
            page.locator("#login_submit").click()
            page.wait_for_url(re.compile(rf"/user/{student.name}/lab/tree/{FOLDER}/students/"),
                              timeout=300_000)
            panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
            expect(panel.get_by_role("heading", name=heading).first).to_be_visible(
                timeout=120_000)
            page.screenshot(path=str(artifacts / "lesson-opened-from-the-link.png"))
        finally:
            browser.close()
    assert student.name in {u["name"] for u in classroom.hub_api("GET", "users")
                            if u.get("servers")}
