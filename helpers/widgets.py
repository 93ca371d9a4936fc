"""The course's interactive tools, mixed into `helpers.Course`.

Each method is a thin shell: the logic lives in `debate`, `quiz`, `compare`,
`concordance` and `render`, which tests call directly.
"""

from __future__ import annotations

__all__ = ["Widgets"]


class Widgets:
    """Interactive tools over the corpus; mixed into `Course`."""

    def debate(self, theme_id: str):
        """The debate on one theme: question, positions, and step-by-step reveals.

        Record your first view, open each position's section and its four steps
        (the argument, the authors' words, their evidence, the passage in
        context), then record your view again to compare.

        >>> import helpers
        >>> widget = helpers.load().debate("socialism-in-one-country")
        >>> widget.parts["positions"].titles[0]
        'Position 1: The revolution had to spread or die'
        """
        from .debate import debate_widget

        return debate_widget(self, theme_id)

    def who_said_it(self, theme_id: str | None = None, seed: int | None = None,
                    length: int = 8):
        """A quiz: read a passage without its author, pick who wrote it, get a clue.

        >>> import helpers
        >>> quiz = helpers.load().who_said_it("why-stalin-won", seed=3).parts["quiz"]
        >>> quiz.score_text()
        'Score: 0 out of 0'
        """
        from .quiz import quiz_widget

        return quiz_widget(self, theme_id, seed, length)

    def compare(self, source_a: str, source_b: str, theme_id: str):
        """Two authors side by side on one theme, with what each cites.

        >>> import helpers
        >>> box = helpers.load().compare("hallas-stalinism", "battersby-spgb", "trotsky-in-power")
        >>> "Hallas" in box.parts["left"].value and "Battersby" in box.parts["right"].value
        True
        """
        from .compare import compare_widget

        return compare_widget(self, source_a, source_b, theme_id)

    def in_context(self, excerpt_id: str):
        """The paragraph around an excerpt, with the excerpt marked.

        >>> import helpers
        >>> "[excerpt starts]" in helpers.load().in_context("hallas-thermidor-1935").value
        True
        """
        import ipywidgets as widgets

        from .render import context_html

        excerpt = self.excerpt(excerpt_id)
        source = self.source(excerpt.source)
        return widgets.HTML(context_html(source.text, excerpt, source.short_name))

    def kwic(self, word: str, width: int = 40, source_id: str | None = None):
        """Keyword in context: every use of a word across the sources, as a table.

        >>> import helpers
        >>> table = helpers.load().kwic("river of blood")
        >>> list(table["author"])
        ['Molyneux']
        """
        from .concordance import kwic_table

        return kwic_table(self, word, width, source_id)
