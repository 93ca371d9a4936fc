"""nbgrader settings for the course: each lessons/NN-slug/ folder is one assignment.

    nbgrader generate_assignment 01-trotsky-in-power           # the student copy, in release/
    nbgrader generate_assignment 01-trotsky-in-power --force   # replace an existing student copy

Student copies replace each answer with the stubs below: in a code answer the
template lines above the stub stay (a student replaces each ... with a choice),
so the stub only says so; it never raises an error of its own.
"""

import os

from nbgrader.converters.generate_assignment import GenerateAssignment

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.source_directory = "lessons"
c.ClearSolutions.code_stub = {
    "python": "# Your answer goes in the lines above: replace each ... with your answer."}
c.ClearSolutions.text_stub = ("*Double-click this box, delete these words and write your answer "
                              "here. Press Shift+Enter when you have finished, and save with "
                              "Ctrl+S.*")


# Never replace a student copy that already exists unless --force is given. (Stock nbgrader
# replaces it whenever the lesson is newer, which would lose edits made to the copy.)
_init_destination = GenerateAssignment.init_destination


def _keep_existing_copies(self, assignment_id, student_id):
    dest = os.path.normpath(self._format_dest(assignment_id, student_id))
    if not self.force and os.path.isdir(dest) and any(
            name.endswith(".ipynb") for name in os.listdir(dest)):
        self.log.warning("%s already exists, so it was not regenerated (it may hold edits). "
                         "Use --force to replace it.", dest)
        return False
    return _init_destination(self, assignment_id, student_id)


GenerateAssignment.init_destination = _keep_existing_copies
