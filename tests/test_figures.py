"""The course's five figures: the data behind each, and each figure as a picture.

The data tests re-check the corpus with plain string operations, independently
of the checker: every event is stated, with its year, in the excerpts it cites;
every number is printed, word for word, in its excerpt.
"""

import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pandas as pd
import pytest
import yaml
from matplotlib.figure import Figure
from matplotlib.text import Text

import helpers
from helpers.figure_base import CourseFigure, new_figure

from .conftest import CORPUS

FIGURES = ["timeline", "citation_map", "statistics_chart", "stance_map", "evidence_profile"]


@pytest.fixture(scope="module")
def drawn(course):
    return {name: getattr(course, name)() for name in FIGURES}


def _flat(text: str) -> str:
    return " ".join(text.split())


# --- the data behind the timeline ------------------------------------------------
def _raw(name: str) -> list[dict]:  # read in the tests, not at collection
    return yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))[name]


def test_every_event_is_stated_with_its_year_in_the_excerpts_it_cites(records):
    for event in _raw("events"):
        claims = [(event["date"], event["excerpts"])]
        claims += [(c["date"], c["excerpts"]) for c in event.get("conflicting_dates", [])]
        for date, excerpt_ids in claims:
            assert excerpt_ids, event["id"]
            for eid in excerpt_ids:
                quote = records.excerpt(eid).quote  # KeyError if the excerpt does not exist
                assert date[:4] in quote, f"{event['id']}: '{eid}' does not state {date[:4]}"


def test_the_shipped_events_run_from_1905_to_1940_in_order(records):
    events = records.events()
    assert events[0].date == "1905" and events[-1].date == "1940-08"
    for event in events:
        for date in [event.date, event.end_date] + [d for d, _, _ in event.conflicting_dates]:
            assert date is None or 1905 <= int(date[:4]) <= 1940, event.id
        assert event.end_date is None or event.end_date >= event.date, event.id


@pytest.mark.parametrize("event_id, dates", [
    ("socialism-in-one-country-adopted", ["1924", "1925"]),
    ("revolution-betrayed", ["1936", "1937"]),
    ("zinoviev-kamenev-join-trotsky", ["1926", "1927"]),
])
def test_conflicting_dates_are_recorded_and_shown(records, drawn, event_id, dates):
    event = records.event(event_id)
    assert [event.date] + [d for d, _, _ in event.conflicting_dates] == dates
    row = drawn["timeline"].data.loc[event_id]
    assert row["dates_differ"] == "yes" and dates[1] in row["other_dates"]
    shown = [t.get_text() for ax in drawn["timeline"].figure.axes for t in ax.texts]
    assert any(event.label in t and "\u26a0" in t and all(d in t for d in dates) for t in shown)


def test_timeline_draws_every_event(records, drawn):
    shown = " ".join(t.get_text() for ax in drawn["timeline"].figure.axes for t in ax.texts)
    assert all(event.label in shown for event in records.events())
    assert list(drawn["timeline"].data.index) == [e.id for e in records.events()]


def test_a_flagged_date_is_drawn_as_the_source_gives_it_and_says_so(records, drawn):
    flagged = [e for e in records.events() if e.flag]
    assert flagged
    shown = [t.get_text() for ax in drawn["timeline"].figure.axes for t in ax.texts]
    for event in flagged:
        label = next(t for t in shown if t.startswith(event.label))
        assert f"dates it; {event.flag.status_label})" in label
        assert drawn["timeline"].data.loc[event.id, "flag_note"] == event.flag.note
        assert event.flag.note in drawn["timeline"].alt_text
    established = [t for t in shown if "dates it;" in t]
    assert len(established) == len(flagged)  # no unflagged event is drawn as doubtful


# --- the data behind the statistics -----------------------------------------------
WORDS = {"one eighth": 0.125, "one fifth": 0.2, "four-fifths": 0.8, "one quarter": 0.25,
         "half": 0.5, "a million and a half": 1_500_000}


def test_every_statistic_is_printed_verbatim_in_its_excerpt(records):
    for stat in _raw("statistics"):
        quote = records.excerpt(stat["excerpt"]).quote
        assert _flat(stat["value_as_printed"]) in _flat(quote), stat["id"]
        if stat.get("year"):
            year = str(stat["year"])
            assert year in quote or f"-{year[2:]}" in quote, stat["id"]


def test_every_value_matches_the_printed_words(records):
    for stat in records.statistics():
        printed = stat.value_as_printed.lower()
        number = re.search(r"(?<![\d.])\d[\d,]*(\.\d+)?", printed)
        base = re.fullmatch(r"(\d{4}) = (\d+)", printed)
        if base:
            assert stat.year == int(base[1]) and stat.value == float(base[2]), stat.id
        elif re.fullmatch(r"[\d,]+(\.\d+)?", printed.split()[0]) and number:
            assert stat.value == float(number[0].replace(",", "")), stat.id
        elif "1913" in printed:  # "the 1913 figure", "the levels of ... 1913 were reached"
            assert stat.value == 1, stat.id
        else:
            matches = [v for w, v in WORDS.items() if w in printed]
            assert matches and stat.value == matches[-1], stat.id


def test_the_shipped_series_are_all_there(course):
    table = course.statistics()
    counts = table.groupby("series").size()
    for series, n in {"industrial-output": 2, "party-membership": 3, "real-wages": 2,
                      "nep-incomes": 3, "marketed-grain": 2}.items():
        assert counts.get(series, 0) >= n, series
    assert "well below 88.6" in table.loc["real-wages-1932", "note"]
    assert table.loc["party-membership-1919", "as_printed"] == "313,000"


def test_statistics_chart_shows_the_printed_words_and_one_series_on_request(course, records,
                                                                            drawn):
    shown = " ".join(t.get_text() for ax in drawn["statistics_chart"].figure.axes
                     for t in ax.texts)
    for stat in records.statistics():
        assert _flat(stat.value_as_printed) in _flat(shown), stat.id
    wages = course.statistics_chart("real-wages")
    assert list(wages.data.index) == ["real-wages-1928", "real-wages-1932"]
    notes = " ".join(t.get_text() for ax in wages.figure.axes for t in ax.texts)
    assert "well below 88.6" in _flat(notes) and "well below 88.6" in wages.caption
    with pytest.raises(KeyError, match="real-wages"):
        course.statistics_chart("no-such-series")


# --- the data behind the citation map -----------------------------------------------
def test_every_cited_work_in_the_map_exists_and_all_are_counted(course, drawn):
    data = drawn["citation_map"].data
    cited = data[data["count"] > 0]
    pairs = set(zip(course.citations()["cited_author"], course.citations()["work"], strict=True))
    assert all((a, w) in pairs for a, w in zip(cited["cited_author"], cited["work"], strict=True))
    assert cited["count"].sum() == len(course.citations())


def test_the_blog_cites_nothing_and_the_map_says_so(course, drawn):
    data = drawn["citation_map"].data
    blog = data[data["author"] == course.records.author("rfzo47-blog")]
    assert course.citations(source="rfzo47-blog").empty
    assert blog["work"].tolist() == ["cites nothing"] and blog["count"].tolist() == [0]
    shown = " ".join(t.get_text() for t in drawn["citation_map"].figure.axes[0].texts)
    assert "cites nothing" in shown


@pytest.mark.parametrize("author, people", [
    ("Hallas", {"Lenin", "Carr", "Serge", "Deutscher", "Nove", "Trotsky", "Stalin"}),
    ("Battersby", {"Cohn-Bendit", "Kautsky", "Mandel", "Marx and Engels", "Lenin", "Trotsky"}),
])
def test_who_cites_whom(drawn, author, people):
    data = drawn["citation_map"].data
    assert people <= set(data[data["author"] == author]["cited_person"])


def test_molyneux_and_williams_cite_the_revolution_betrayed(drawn):
    data = drawn["citation_map"].data
    for author in ("Molyneux", "Williams"):
        assert "The Revolution Betrayed" in set(data[data["author"] == author]["work"])


# --- the data behind the stance map and the evidence profile --------------------------
def test_stance_map_cells_are_what_the_excerpts_say(records, drawn):
    grid = drawn["stance_map"].data
    for source in records.sources():
        for theme in records.themes():
            cell = grid.loc[source.short_name, theme.title]
            excerpts = [e for e in records.excerpts(theme=theme.id, source=source.id) if e.position]
            if not excerpts:
                assert cell == "not addressed"
                continue
            argued = {theme.position(e.position).label for e in excerpts if e.stance == "argues"}
            reported = {theme.position(e.position).label for e in excerpts
                        if e.stance == "reports"} - argued
            for label in argued:
                assert label in cell.split(" (reports:")[0], (source.id, theme.id)
            for label in reported:
                assert label in cell.split("(reports: ")[1], (source.id, theme.id)


def test_evidence_profile_counts_every_piece_of_evidence(course, drawn):
    table = drawn["evidence_profile"].data
    evidence = course.evidence()
    assert table["total"].sum() == len(evidence)
    for (author, kind_label), n in evidence.groupby(["author", "kind_in_words"]).size().items():
        assert table.loc[author, kind_label] == n
    assert table.loc["The blog (rfzo47)", "relies on a historian's work"] == 0


# --- each figure as a picture ---------------------------------------------------------
class _FigureHTML(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alt, self.caption, self._in_caption = None, "", False

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.alt = dict(attrs)["alt"]
        self._in_caption = self._in_caption or tag == "figcaption"

    def handle_endtag(self, tag):
        self._in_caption = self._in_caption and tag != "figcaption"

    def handle_data(self, data):
        if self._in_caption:
            self.caption += data


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_has_title_labelled_axes_caption_and_text_alternative(course, drawn, name):
    result = drawn[name]
    assert isinstance(result, CourseFigure) and isinstance(result.figure, Figure)
    assert result.title and result.figure.get_suptitle() == result.title
    assert any(ax.get_xlabel() and ax.get_ylabel() for ax in result.figure.axes)
    for ax in result.figure.axes:
        if ax.axison:
            assert ax.get_xlabel() or ax.get_ylabel() or not ax.get_xticks().size, name
    assert isinstance(result.data, pd.DataFrame) and not result.data.empty
    assert "corpus/" in result.caption
    assert any(s.short_name in result.caption or s.short_name in result.alt_text
               for s in course.records.sources())
    assert len(result.alt_text) > 100
    parsed = _FigureHTML()
    html = result._repr_html_()
    parsed.feed(html)
    assert html.startswith("<figure") and 'src="data:image/png;base64,' in html
    assert parsed.alt == result.alt_text and result.caption in parsed.caption


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_is_projector_sized_with_readable_text(drawn, name):
    result = drawn[name]
    assert result.png().startswith(b"\x89PNG")  # drawing creates the tick labels too
    width, height = result.figure.get_size_inches()
    assert 9 <= width <= 14 and 5 <= height <= 10
    small = [t.get_text() for t in result.figure.findobj(Text)
             if t.get_visible() and t.get_text().strip() and t.get_fontsize() < 11]
    assert not small, small[:5]


def test_corpus_text_is_escaped_in_the_html():
    shown = CourseFigure(new_figure(2, 1), "A <b>title</b>", 'Caption & <script>x</script>',
                         pd.DataFrame(), 'Alt "quoted" <text>')._repr_html_()
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert 'alt="Alt &quot;quoted&quot; &lt;text&gt;"' in shown and "<b>title" not in shown


def test_dump_carries_events_and_statistics_for_other_tools(records):
    data = records.to_dict()
    event = next(e for e in data["events"] if e["id"] == "revolution-betrayed")
    assert {"id", "date", "year", "label", "excerpts", "conflicting_dates"} <= set(event)
    assert event["conflicting_dates"][0]["date"] == "1937"
    stat = next(s for s in data["statistics"] if s["id"] == "real-wages-1932")
    assert {"id", "series", "label", "value_as_printed", "unit", "excerpt"} <= set(stat)


def test_figures_need_no_display_and_never_touch_pyplot(tmp_path):
    script = ("import sys, helpers\n"
              "c = helpers.load()\n"
              f"for name in {FIGURES!r}:\n"
              "    getattr(c, name)().save(sys.argv[1] + '/' + name + '.png')\n"
              "assert 'matplotlib.pyplot' not in sys.modules\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "MPLBACKEND")}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, env=env,
                   timeout=120)
    assert sorted(p.stem for p in tmp_path.glob("*.png")) == sorted(FIGURES)


def test_an_unknown_series_is_named_with_close_matches(course):
    with pytest.raises(KeyError, match="did you mean 'real-wages'"):
        course.statistics_chart("real-wage")


def test_a_teachers_one_source_corpus_gets_figures_about_itself(mini):
    mine = mini.rename(mini.parent / "my-readings")
    course = helpers.load(mine)
    timeline = course.timeline()
    assert timeline.title.endswith("1922\u20131922")
    assert "my-readings/events.yaml" in timeline.caption and "corpus/" not in timeline.caption
    assert "1905" not in timeline.alt_text
    assert "1 event " in timeline.caption and "1 events" not in timeline.caption
    stance = course.stance_map()
    assert "1 theme" in stance.title and "seven" not in stance.title + stance.alt_text
    assert "five" not in stance.alt_text and "1 source" in stance.alt_text
    citations = course.citation_map()
    assert "Tester cites" in citations.alt_text and "No author cites" not in citations.caption
    numbers = course.statistics_chart()
    assert "1 number from" in numbers.caption and "A test series" in numbers.title + " ".join(
        t.get_text() for ax in numbers.figure.axes for t in ax.texts)


def test_the_figures_hold_no_course_facts_in_code():
    code = " ".join(p.read_text("utf-8") for p in (CORPUS.parent / "helpers").glob("figure_*.py"))
    for fact in ("1905", "1940", "seven", "five sources", "Russia", "NEP", "real-wages",
                 "Opposition struggle"):
        assert fact not in code, fact
