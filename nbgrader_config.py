"""nbgrader settings for the course: each lessons/NN-slug/ folder is one assignment.

    nbgrader generate_assignment 01-trotsky-in-power    # the student copy, in release/

Student copies replace each answer with the stubs below: in a code answer the
template lines above the stub stay (a student replaces each ... with a choice),
so the stub only says so; it never raises an error of its own.
"""

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.source_directory = "lessons"
c.ClearSolutions.code_stub = {
    "python": "# Your answer goes in the lines above: replace each ... with your choice."}
c.ClearSolutions.text_stub = ("*Double-click this box, delete these words and write your answer here. "
                                 "Press Shift+Enter when you have finished, and save with Ctrl+S.*")
