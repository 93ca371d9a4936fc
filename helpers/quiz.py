"""'Who said it?': a quiz on excerpts shown without their author.

`Quiz` holds the questions, checks answers and keeps the score; it is plain
Python that tests drive directly. `quiz_widget` is a thin ipywidgets shell.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape

__all__ = ["Question", "Quiz", "quiz_widget"]


@dataclass(frozen=True)
class Question:
    """One excerpt to attribute, with the right answer and a clue."""

    excerpt_id: str
    quote: str
    answer: str
    options: tuple[str, ...]
    source_line: str
    clue: str


@dataclass
class Quiz:
    """A run of 'who said it?' questions with a running score.

    >>> import helpers
    >>> quiz = Quiz.build(helpers.load().records, theme="trotsky-in-power", seed=1, length=3)
    >>> question = quiz.current
    >>> quiz.check(question.answer).startswith("Right")
    True
    >>> quiz.score_text()
    'Score: 1 out of 1'
    """

    questions: list[Question]
    position: int = 0
    right: int = 0
    answered: int = 0
    log: list[tuple[str, str, bool]] = field(default_factory=list)

    @classmethod
    def build(cls, records, theme: str | None = None, seed: int | None = None,
              length: int = 8) -> Quiz:
        """Pick up to ``length`` excerpts (of one theme, or all) the authors argue.

        A quiz needs at least two authors to choose between: with fewer it has
        no questions (the widget says why).
        """
        excerpts = [e for e in records.excerpts(theme=theme) if e.stance == "argues"]
        authors = tuple(s.short_name for s in records.sources())
        if len(authors) < 2:
            return cls([])
        rng = random.Random(seed)
        rng.shuffle(excerpts)
        return cls([_question(records, e, authors) for e in excerpts[:length]])

    @property
    def current(self) -> Question | None:
        """The question being asked, or None when the quiz is over."""
        return self.questions[self.position] if self.position < len(self.questions) else None

    def check(self, choice: str) -> str:
        """Mark an answer to the current question; return the feedback in words."""
        question = self.current
        if question is None:
            return "The quiz is over."
        if choice not in question.options:
            return "Pick one of the authors first."
        correct = choice == question.answer
        self.answered += 1
        self.right += correct
        self.log.append((question.excerpt_id, choice, correct))
        verdict = "Right!" if correct else f"Not quite: you chose {choice}."
        return f"{verdict} It is {question.source_line} Clue: {question.clue}"

    def next(self) -> Question | None:
        """Move to the next question; return it (None when the quiz is over)."""
        self.position += 1
        return self.current

    def score_text(self) -> str:
        """The running score, e.g. 'Score: 3 out of 5'."""
        return f"Score: {self.right} out of {self.answered}"


def _question(records, excerpt, authors: tuple[str, ...]) -> Question:
    source = records.source(excerpt.source)
    position = records.position(excerpt.position)
    holders = records.authors_of(position.id)
    clue = (f"{text_clue(records, excerpt)} The passage argues “{position.label}”, a position "
            f"argued in this corpus by {', '.join(holders)}; {source.short_name} writes from "
            f"this tradition: {source.tradition}.")
    line = f"{source.short_name}, “{source.title}” ({source.date_shown})."
    return Question(excerpt.id, excerpt.quote, source.short_name, authors, line, clue)


def _words(text: str) -> Counter:
    return Counter(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z’'-]{4,}", text))


def text_clue(records, excerpt) -> str:
    """A clue in the passage's own words: a word that only its author uses.

    >>> import helpers
    >>> records = helpers.load().records
    >>> text_clue(records, records.excerpt("battersby-degeneration-thesis"))
    'Look at the word “trotskyists”: of the five sources, only Battersby uses it.'
    """
    if re.search(r"\[\d+\]", excerpt.quote):
        return ("Look at the numbered note in square brackets: of the five sources, only "
                f"{records.author(excerpt.source)} gives numbered notes.")
    own = _words(records.source(excerpt.source).text)
    others = Counter()
    for source in records.sources():
        if source.id != excerpt.source:
            others.update(_words(source.text))
    candidates = [w for w in _words(excerpt.quote) if w not in others]
    if not candidates:
        return "No single word gives it away: think about the argument and the tradition."
    best = max(candidates, key=lambda w: (own[w], len(w)))
    count = len(records.sources())
    number = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}.get(count, str(count))
    return (f"Look at the word “{best}”: of the {number} sources, only "
            f"{records.author(excerpt.source)} uses it.")


def quiz_widget(records, theme: str | None = None, seed: int | None = None, length: int = 8):
    """Build the ipywidgets quiz (see `Course.who_said_it`)."""
    import ipywidgets as widgets

    quiz = Quiz.build(records, theme, seed, length)
    title = records.theme(theme).title if theme else "all themes"
    intro = ("Read the passage. Which author wrote it? Pick one, then check your answer."
             if quiz.questions else
             "This quiz needs passages from at least two authors to choose between; "
             f"this corpus has {len(records.sources())} source(s) and no passage that "
             "argues a position here.")
    heading = widgets.HTML(f"<h3>Who said it? ({escape(title)})</h3><p>{escape(intro)}</p>")
    passage = widgets.HTML()
    choice = widgets.RadioButtons(options=list(quiz.questions[0].options) if quiz.questions
                                  else [], value=None, description="Author:")
    check = widgets.Button(description="Check my answer")
    following = widgets.Button(description="Next passage", disabled=True)
    feedback = widgets.HTML()
    score = widgets.HTML(f"<b>{quiz.score_text()}</b>")

    def show() -> None:
        question = quiz.current
        if question is None:
            passage.value = ("<p><b>That's all the passages.</b></p>" if quiz.questions
                             else "")
            check.disabled = following.disabled = True
            return
        number = f"Passage {quiz.position + 1} of {len(quiz.questions)}"
        passage.value = (f"<p><b>{number}</b></p><blockquote style='border-left:4px solid #555;"
                         f"padding:4px 10px'>“{escape(question.quote)}”</blockquote>")
        choice.value = None
        feedback.value = ""
        check.disabled, following.disabled = False, True

    def on_check(_button) -> None:
        if choice.value is None:
            feedback.value = "<p>Pick one of the authors first.</p>"
            return
        feedback.value = f"<p>{escape(quiz.check(choice.value))}</p>"
        score.value = f"<b>{escape(quiz.score_text())}</b>"
        check.disabled, following.disabled = True, False

    def on_next(_button) -> None:
        quiz.next()
        show()

    check.on_click(on_check)
    following.on_click(on_next)
    show()
    box = widgets.VBox([heading, passage, choice, widgets.HBox([check, following]), feedback,
                        score])
    box.parts = {"quiz": quiz, "passage": passage, "choice": choice, "check": check,
                 "next": following, "feedback": feedback, "score": score}
    return box
