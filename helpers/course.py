"""The course: the corpus, loaded and checked, with the verbs a student uses.

>>> import helpers
>>> course = helpers.load()
>>> course.excerpts(source="williams-militant").loc["williams-trotsky-murder-1940", "author"]
'Williams'

Every table takes its filters by name (``theme=``, ``source=``, ``position=``)
and is indexed by record id. One record by id is ``course.records.excerpt(id)``.
"""

from __future__ import annotations

from pathlib import Path

from . import tables
from .filters import friendly
from .reading import bundled_corpus_dir
from .store import Records
from .table import Table

__all__ = ["CorpusError", "Course", "load", "check"]


class CorpusError(ValueError):
    """The corpus has problems; the message lists them, one per line."""


def check(corpus_dir: str | Path | None = None):
    """Check a corpus folder; return ``(records, problems)``, records None if there are problems.

    The one place where a corpus is read and checked: `load` and the
    command line (`python3 run.py check`) both use it.
    """
    from .checks import check_corpus

    folder = Path(corpus_dir) if corpus_dir is not None else bundled_corpus_dir()
    raw, problems = check_corpus(folder)
    return (None if problems else Records(raw)), problems


def load(corpus_dir: str | Path | None = None) -> Course:
    """Load and check the course's corpus; return the `Course`.

    With no argument, loads the corpus that ships with the course, from any
    working directory. Give a folder to load a teacher's own corpus instead.
    Raises `CorpusError` listing every problem if the corpus is not valid.

    >>> load().records.excerpt("hallas-thermidor-1935").source
    'hallas-stalinism'
    """
    records, problems = check(corpus_dir)
    if problems:
        folder = Path(corpus_dir) if corpus_dir is not None else bundled_corpus_dir()
        lines = "\n".join(str(p) for p in problems)
        raise CorpusError(f"the corpus in {folder} has {len(problems)} problem(s):\n{lines}")
    return Course(records)


class Course:
    """The course's tables, widgets and figures, over one checked corpus.

    Tables (filters by name, each optional): ``sources()``, ``themes()``,
    ``positions(theme=)``, ``excerpts(theme=, source=, position=)``,
    ``evidence(theme=, source=, position=, kind=)``, ``citations(theme=, source=)``,
    ``events(theme=, source=)``, ``statistics(series=, source=)``, ``glossary()``,
    ``claims_to_check(theme=, source=)``, ``kwic(word, source=)``.
    Reading: ``extract(excerpt, letter)`` (numbered lines, for close reading).
    The evidence bank: ``keep(excerpt, note=)``, ``forget(excerpt)``, ``my_evidence()``,
    ``essay_plan(theme)``.
    Widgets: ``debate(theme)``, ``who_said_it(theme=)``, ``compare(a, b, theme=)``,
    ``in_context(excerpt)``. Figures: ``timeline()``, ``citation_map()``,
    ``statistics_chart(series=)``, ``stance_map()``, ``evidence_profile()``.
    Records by id: ``course.records``.
    """

    def __init__(self, records: Records):
        self.records = records
        self.folder = records.folder

    def __repr__(self) -> str:
        r = self.records
        return (f"<Course: {len(r.sources())} sources, {len(r.themes())} themes, "
                f"{len(r.excerpts())} excerpts, from {self.folder}>")

    # --- tables -------------------------------------------------------------------------
    @friendly
    def sources(self) -> Table:
        """The sources. Columns: author, short_name, title, publication, date, genre,
        tradition, words. Index: source id.

        >>> load().sources().loc["rfzo47-blog", "date"]
        'date not stated'
        """
        return tables.sources_table(self.records)

    @friendly
    def themes(self) -> Table:
        """The debate themes, in lesson order. Columns: title, question, positions
        (how many), excerpts (how many). Index: theme id.

        >>> list(load().themes().index)[:2]
        ['why-stalin-won', 'democracy-and-bureaucracy']
        """
        return tables.themes_table(self.records)

    @friendly
    def positions(self, *, theme: str | None = None) -> Table:
        """The positions (of one theme, or all). Columns: theme, label, summary,
        argued_by (a list of authors), reported_by (a list), excerpts (how many).
        Index: position id.

        >>> load().positions(theme="why-stalin-won").loc["personality", "argued_by"]
        []
        """
        return tables.positions_table(self.records, theme=theme)

    @friendly
    def excerpts(self, *, theme: str | None = None, source: str | None = None,
                 position: str | None = None) -> Table:
        """The authors' own words. Columns: author, source, theme, position, stance
        (argues, reports or narrates), quote (whole), argument (our summary),
        evidence_kinds (a list), flags (a list of claims to check). Index: excerpt id.

        >>> set(load().excerpts(source="hallas-stalinism")["author"])
        {'Hallas'}
        """
        return tables.excerpts_table(self.records, theme=theme, source=source, position=position)

    @friendly
    def evidence(self, *, theme: str | None = None, source: str | None = None,
                 position: str | None = None, kind: str | None = None) -> Table:
        """What each claim rests on: one row per piece of evidence. Columns: excerpt,
        author, source, theme, position, kind, kind_in_words, description, citation,
        cited_author, cited_work. Index: 'excerpt id/number'.

        >>> sorted(set(load().evidence(source="rfzo47-blog")["cited_work"]))
        ['']
        """
        return tables.evidence_table(self.records, theme=theme, source=source, position=position,
                                     kind=kind)

    @friendly
    def citations(self, *, theme: str | None = None, source: str | None = None) -> Table:
        """The works the authors cite (all, those used on a theme, or one source's).
        Columns: cited_by, source, note, cited_author, work, details, page, as_printed,
        used_in (a list of excerpts). Index: citation id.

        >>> load().citations(source="hallas-stalinism").loc["hallas-note-02", "cited_author"]
        'E.H. Carr'
        """
        return tables.citations_table(self.records, theme=theme, source=source)

    @friendly
    def events(self, *, theme: str | None = None, source: str | None = None) -> Table:
        """The dated events the sources mention, in date order. Columns: date,
        end_date, label, stated_by (a list), excerpts (a list), other_dates (a list),
        dates_note, flag, flag_note. Index: event id.

        >>> load().events().loc["october-revolution-1917", "date"]
        '1917-10'
        """
        return tables.events_table(self.records, theme=theme, source=source)

    @friendly
    def statistics(self, *, series: str | None = None, source: str | None = None) -> Table:
        """The numbers the sources give. Columns: series, label, year, as_printed
        (the source's exact words), value, unit, author, source, excerpt, note.
        Index: statistic id.

        >>> load().statistics(series="real-wages")["as_printed"].tolist()
        ['1928 = 100', '88.6']
        """
        return tables.statistics_table(self.records, series=series, source=source)

    @friendly
    def glossary(self, *, excerpt: str | list[str] | None = None) -> Table:
        """The words the debate needs, in our words (all, or those an excerpt uses).
        Columns: term, definition. Index: term id.

        >>> load().glossary().loc["kulak", "term"]
        'kulak'
        >>> "thermidor" in load().glossary(excerpt="hallas-thermidor-1935").index
        True
        """
        return tables.glossary_table(self.records, excerpt=excerpt)

    @friendly
    def claims_to_check(self, *, theme: str | None = None, source: str | None = None) -> Table:
        """Claims in the sources that are wrong, disputed or not corroborated, with our
        note on the accepted fact. Columns: author, words, status, note, basis (where to
        check it, outside the texts), record, source, theme.

        >>> "factual error" in set(load().claims_to_check(source="rfzo47-blog")["status"])
        True
        """
        return tables.claims_table(self.records, theme=theme, source=source)

    @friendly
    def kwic(self, word: str, *, source: str | None = None, width: int = 40) -> Table:
        """Keyword in context: every use of a word across the sources, as a table.
        Columns: author, source, left, keyword, right.

        >>> list(load().kwic("river of blood")["author"])
        ['Molyneux']
        """
        from .concordance import kwic_table

        return kwic_table(self.records, word, width=width, source=source)

    # --- reading --------------------------------------------------------------------------
    @friendly
    def extract(self, excerpt: str | list[str], letter: str = "A"):
        """An excerpt as an exam-booklet extract: its exact words in numbered lines,
        then author, title and date, and any claim we flag. Give a list of ids to join
        excerpts that follow one another in a source into one extract; give a label
        with a space (e.g. "Source A") to head it so.

        >>> print(load().extract("molyneux-river-of-blood", "B"))  # doctest: +ELLIPSIS
        Extract B
         1  He said that there was a “river of blood” between Bolshevism and...
        """
        from .extract import make_extract

        return make_extract(self.records, excerpt, letter)

    # --- the evidence bank (kept across lessons) --------------------------------------------
    @friendly
    def my_evidence(self) -> Table:
        """The extracts you kept for your essay, oldest first. Columns: author, source,
        theme, position, evidence_kinds, quote, note (yours), kept_at. Index: excerpt id.
        The bank is a file in your home folder (see `helpers.bank`).
        """
        from .bank import EvidenceBank

        bank = EvidenceBank()
        table = tables.evidence_bank_table(self.records, bank.entries())
        if bank.notice:
            print(bank.notice)
        if table.empty:
            print("Your evidence bank is empty: under an extract, or in step 2 of a debate, "
                  "write a note and click Keep for my essay.")
        return table

    @friendly
    def keep(self, excerpt: str, *, note: str = "") -> None:
        """Keep an extract in your evidence bank, with a note in your own words."""
        from .bank import EvidenceBank

        self.records.excerpt(excerpt)  # an unknown id is answered with close matches
        bank = EvidenceBank()
        bank.keep(excerpt, note)
        count = len(bank.entries())
        print(f"Kept {excerpt} ({count} extract{'' if count == 1 else 's'} in your evidence bank).")

    @friendly
    def forget(self, excerpt: str) -> None:
        """Remove an extract from your evidence bank."""
        from .bank import EvidenceBank

        removed = EvidenceBank().forget(excerpt)
        print(f"Removed {excerpt} from your evidence bank." if removed else
              f"{excerpt} was not in your evidence bank: nothing changed.")

    @friendly
    def essay_plan(self, theme: str):
        """Your kept extracts on one theme, grouped by position, with a plan to copy.

        Warns about any position you kept nothing for, and works (saying how to fill
        the bank) when the bank is empty.
        """
        from .bank import EvidenceBank
        from .planner import plan_essay

        return plan_essay(self.records, theme, EvidenceBank())

    # --- widgets ------------------------------------------------------------------------
    @friendly
    def debate(self, theme: str):
        """The debate on one theme: question, positions, and step-by-step reveals.

        Record your first view, open each position's section and its four steps
        (the argument, the authors' words, their evidence, the passage in
        context), then record your view again to compare.

        >>> widget = load().debate("socialism-in-one-country")
        >>> widget.parts["positions"].titles[0]
        'Position 1: The revolution had to spread abroad'
        """
        from .debate import debate_widget

        return debate_widget(self.records, theme)

    @friendly
    def who_said_it(self, *, theme: str | None = None, seed: int | None = None,
                    length: int = 8):
        """A quiz: read a passage without its author, pick who wrote it, get a clue.

        >>> load().who_said_it(theme="why-stalin-won", seed=3).parts["quiz"].score_text()
        'Score: 0 out of 0'
        """
        from .quiz import quiz_widget

        return quiz_widget(self.records, theme=theme, seed=seed, length=length)

    @friendly
    def compare(self, source_a: str, source_b: str, *, theme: str):
        """Two authors side by side on one theme, with what each cites.

        >>> box = load().compare("hallas-stalinism", "battersby-spgb", theme="trotsky-in-power")
        >>> "Hallas" in box.parts["left"].value and "Battersby" in box.parts["right"].value
        True
        """
        from .compare import compare_widget

        return compare_widget(self.records, source_a, source_b, theme=theme)

    @friendly
    def in_context(self, excerpt: str):
        """The paragraph around an excerpt, with the excerpt marked.

        >>> "[excerpt starts]" in load().in_context("hallas-thermidor-1935").value
        True
        """
        import ipywidgets as widgets

        from .render import context_html

        found = self.records.excerpt(excerpt)
        source = self.records.source(found.source)
        return widgets.HTML(context_html(source.text, found, source.short_name))

    # --- figures (each drawn as SVG, with its caption, data and text alternative) ---
    def timeline(self):
        """The dated events the sources mention, with the phases of the struggle.

        Where sources date an event differently, every date is drawn; a claim we
        flag as wrong or disputed is drawn apart and says so.

        >>> "socialism-in-one-country-adopted" in load().timeline().data.index
        True
        """
        from .figure_timeline import draw_timeline

        return draw_timeline(self.records)

    def citation_map(self):
        """Who cites whom: each author against the people and works they cite.

        >>> table = load().citation_map().data
        >>> table[table["author"] == "The blog (rfzo47)"]["work"].tolist()
        ['cites nothing']
        """
        from .figure_citations import draw_citation_map

        return draw_citation_map(self.records)

    @friendly
    def statistics_chart(self, series: str | list[str] | None = None):
        """The sources' own numbers: one panel per series (or only the series named).

        >>> load().statistics_chart("real-wages").data["as_printed"].tolist()
        ['1928 = 100', '88.6']
        """
        from .figure_statistics import draw_statistics

        return draw_statistics(self.records, series)

    def stance_map(self):
        """Where each author stands: every position of every theme, source by source.

        >>> load().stance_map().data.loc["Battersby", "Why Stalin won"]
        'not addressed'
        """
        from .figure_grids import draw_stance_map

        return draw_stance_map(self.records)

    def evidence_profile(self):
        """How each author supports claims: the evidence of each source, by kind.

        >>> int(load().evidence_profile().data.loc["The blog (rfzo47)", "relies on a historian's work"])
        0
        """
        from .figure_evidence import draw_evidence_profile

        return draw_evidence_profile(self.records)
