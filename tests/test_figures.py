"""The course's five figures: the data behind each, and each figure as a picture.

The data tests re-check the corpus with plain string operations, independently
of the checker: every event is stated, with its year, in the excerpts it cites;
every number is printed, word for word, in its excerpt.

Every figure is SVG written by hand, which needs no plotting library; the tests
read it as XML. Each text of the four grids and charts records the box it takes
(``data-box``), as the timeline's event labels do: no two may overlap, and none
may leave the drawing; in headless Chromium, the real boxes are checked too.
"""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import escape, unescape
from types import SimpleNamespace

import pandas as pd
import pytest
import yaml

import helpers
from helpers.figure_base import FONT, CourseFigure, FigureError
from helpers.figure_timeline import draw_timeline
from helpers.records import Event, Phase
from helpers.svg import overlaps, px

from .conftest import CORPUS, edit

FIGURES = ["timeline", "citation_map", "statistics_chart", "stance_map", "evidence_profile"]
BOXED = FIGURES[1:]  # every text records its box (the timeline: its event labels)
SVG = "{http://www.w3.org/2000/svg}"
#: The labels of each figure's axes (the timeline's: see its own test).
AXES = {
    "timeline": ["Year", "Events, in date order"],
    "citation_map": ["Author (total citations)",
                     "Who or what is cited (in each group, most widely cited first)"],
    "statistics_chart": ["Date the source gives", "Who or what"],
    "stance_map": ["Source (author)", "Theme (bold) and its positions"],
    "evidence_profile": ["Source (author)", "Pieces of evidence (the total ends each bar)",
                         "Share of each author's evidence"],
}


@pytest.fixture(scope="module")
def drawn(course):
    return {name: getattr(course, name)() for name in FIGURES}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _bare(text: str) -> str:
    """A text without its spaces: the same words whichever way they were wrapped."""
    return "".join(text.split())


# --- reading a figure's SVG ----------------------------------------------------------------
def _svg(figure) -> ET.Element:
    return ET.fromstring(figure.svg)  # ParseError if the SVG is not well-formed XML


def _texts(figure) -> list[str]:
    """Every text a figure shows, each as one line (a label wrapped onto two rows joined)."""
    return [_flat(" ".join(t.itertext())) for t in _svg(figure).iter(f"{SVG}text")]


def _shown(figure) -> str:
    """All the words a figure shows, without spaces (see `_bare`)."""
    return _bare(" ".join(_texts(figure)))


def _events(figure) -> list[ET.Element]:
    return [g for g in _svg(figure).iter(f"{SVG}g") if g.get("class") == "event"]


def _label(group: ET.Element) -> ET.Element:
    return next(t for t in group.iter(f"{SVG}text") if t.get("class") == "event-label")


def _box(element: ET.Element) -> tuple[float, ...]:
    return tuple(float(v) for v in element.get("data-box").split())


def _size(figure) -> tuple[float, float]:
    return tuple(float(v) for v in _svg(figure).get("viewBox").split()[2:])


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
    shown = _texts(drawn["timeline"])
    assert any(event.label in t and "\u26a0" in t and all(d in t for d in dates) for t in shown)
    group = next(g for g in _events(drawn["timeline"]) if g.get("data-event") == event_id)
    diamonds = [p for p in group.iter(f"{SVG}path") if p.get("class") == "conflicting-date"]
    assert len(diamonds) == len(dates)  # a diamond at every date given
    assert any(line.get("stroke-dasharray") for line in group.iter(f"{SVG}line"))  # joined, dashed


def test_timeline_draws_every_event(records, drawn):
    shown = " ".join(_texts(drawn["timeline"]))
    assert all(event.label in shown for event in records.events())
    assert list(drawn["timeline"].data.index) == [e.id for e in records.events()]
    assert [g.get("data-event") for g in _events(drawn["timeline"])] == [e.id for e in records.events()]


def test_a_flagged_date_is_drawn_as_the_source_gives_it_and_says_so(records, drawn):
    flagged = [e for e in records.events() if e.flag]
    assert flagged
    shown = _texts(drawn["timeline"])
    for event in flagged:
        label = next(t for t in shown if t.startswith(event.label))
        assert f"dates it; {event.flag.status_label})" in label
        assert drawn["timeline"].data.loc[event.id, "flag_note"] == event.flag.note
        assert event.flag.note in drawn["timeline"].alt_text
    established = [t for t in shown if "dates it;" in t]
    assert len(established) == len(flagged)  # no unflagged event is drawn as doubtful
    for group in _events(drawn["timeline"]):  # hollow and italic: never drawn like an established date
        hollow = [r for r in group.iter(f"{SVG}rect") if r.get("class") == "flagged-date"]
        is_flagged = records.event(group.get("data-event")).flag is not None
        assert len(hollow) == is_flagged and (_label(group).get("font-style") == "italic") == is_flagged
        assert all(r.get("fill") == "white" for r in hollow)


def test_the_timeline_shows_the_phases_the_squeezed_years_and_its_axis(records, drawn):
    shown = _texts(drawn["timeline"])
    for phase in records.phases:
        assert any(t.startswith(_flat(phase.label)) and str(phase.start) in t for t in shown), phase.label
    assert {p.row for p in records.phases} <= set(shown)
    assert {"Year", "Phases", "Events, in date order", "(rows only keep labels apart)"} <= set(shown)
    assert {"1905", "1920", "1940"} <= set(shown)  # year ticks
    squeezed = [t for t in shown if t.startswith("years before ")]
    assert squeezed == ["years before 1916 squeezed 3 times"]
    assert "years before 1916 are squeezed" in drawn["timeline"].caption
    band = [r for r in _svg(drawn["timeline"]).iter(f"{SVG}rect") if r.get("class") == "squeezed-years"]
    assert len(band) == 1
    legend = " ".join(shown)
    for words in ("event (a year alone is drawn at mid-year)", "period",
                  "\u26a0 the sources give different dates: all are drawn",
                  "a date we flag as wrong or disputed (see .data)"):
        assert words in legend, words


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
    shown = _shown(drawn["statistics_chart"])
    for stat in records.statistics():
        assert _bare(f"\u201c{stat.value_as_printed}\u201d") in shown, stat.id
    bars = {g.get("data-statistic") for g in _svg(drawn["statistics_chart"]).iter(f"{SVG}g")
            if g.get("class") == "bar"}
    several = course.statistics().groupby("series").filter(lambda rows: len(rows) > 1)
    assert bars == set(several.index)  # a bar for every number of a series of several
    wages = course.statistics_chart("real-wages")
    assert list(wages.data.index) == ["real-wages-1928", "real-wages-1932"]
    assert "wellbelow88.6" in _shown(wages) and "well below 88.6" in wages.caption
    assert "Whatthesourcesaysaboutthesenumbers" in _shown(wages)
    with pytest.raises(KeyError, match="real-wages"):
        course.statistics_chart("no-such-series")


def test_each_panel_names_its_series_and_who_gives_the_numbers(course, drawn):
    shown = _shown(drawn["statistics_chart"])
    for series, title in course.records.series_titles.items():
        assert _bare(title) in shown, series
    assert "(Hallas,fromNove)" in shown and "(Hallas,fromCarr)" in shown
    lesson = course.statistics_chart(["industrial-output", "real-wages"])  # lesson 3's two panels
    titles = [t.get("data-box") for t in _svg(lesson).iter(f"{SVG}text")
              if t.get("class") == "panel-title"]
    assert len(titles) == 2 and float(titles[0].split()[0]) < float(titles[1].split()[0])


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
    assert "The blog (rfzo47) cites nothing" in " ".join(_texts(drawn["citation_map"]))


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


def _groups(figure, kind: str) -> list[ET.Element]:
    return [g for g in _svg(figure).iter() if kind in (g.get("class") or "").split()]


def test_the_stance_map_draws_each_cell_argued_solid_and_reported_hatched(records, drawn):
    cells = _groups(drawn["stance_map"], "cell")
    expected = {}
    for theme in records.themes():
        for source in records.sources():
            for e in records.excerpts(theme=theme.id, source=source.id):
                if e.position and e.stance in ("argues", "reports"):
                    stances = expected.setdefault((source.id, e.position), set())
                    stances.add(e.stance)
    drawn_cells = {(c.get("data-source"), c.get("data-position")): c for c in cells}
    assert set(drawn_cells) == set(expected)
    for key, cell in drawn_cells.items():
        argues = "argues" in expected[key]
        assert ("argues" in cell.get("class").split()) == argues, key
        hatched = any((r.get("fill") or "").startswith("url(#") for r in cell.iter(f"{SVG}rect"))
        assert hatched == (not argues), key  # colour is never the only signal
    assert sum(t == "not addressed" for t in _texts(drawn["stance_map"])) == sum(
        (drawn["stance_map"].data == "not addressed").sum())


def test_the_evidence_profile_draws_every_piece_of_evidence_by_kind(drawn):
    table = drawn["evidence_profile"].data
    segments = _groups(drawn["evidence_profile"], "segment")
    assert len(segments) == 2 * int((table.drop(columns="total") > 0).sum().sum())  # two panels
    for segment in segments:
        source, kind = segment.get("data-source"), segment.get("data-kind")
        assert int(segment.get("data-count")) == table.loc[source, kind]
    fills = {kind: {r.get("fill") for s in segments if s.get("data-kind") == kind
                    for r in s.iter(f"{SVG}rect")} for kind in table.columns[:-1]}
    patterns = [next((f for f in fill if f.startswith("url(#")), "") for fill in fills.values()]
    assert len(set(patterns)) == len(patterns)  # each kind its own hatching, besides its colour


def test_the_citation_map_is_a_grid_of_every_author_and_person_cited(course, drawn):
    data = drawn["citation_map"].data
    cells = _groups(drawn["citation_map"], "cell")
    counts = {(c.get("data-author"), c.get("data-person")): int(c.get("data-count")) for c in cells}
    cited = data[data["count"] > 0]
    for (author, person), n in cited.groupby(["author", "cited_person"])["count"].sum().items():
        assert counts[(author, person)] == n
    assert sum(counts.values()) == len(course.citations())
    people = set(cited["cited_person"])
    assert {t for t in _texts(drawn["citation_map"]) if _bare(t) in {_bare(p) for p in people}}


# --- each figure as a picture ---------------------------------------------------------
@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_is_svg_with_title_labelled_axes_caption_and_text_alternative(course, drawn,
                                                                                  name):
    result = drawn[name]
    assert isinstance(result, CourseFigure) and result.svg.startswith("<svg")
    shown = _shown(result)
    assert _bare(result.title) in shown
    for label in AXES[name]:
        assert _bare(label) in shown, label
    assert isinstance(result.data, pd.DataFrame) and not result.data.empty
    assert "corpus/" in result.caption
    assert any(s.short_name in result.caption or s.short_name in result.alt_text
               for s in course.records.sources())
    assert len(result.alt_text) > 100
    html = result._repr_html_()
    assert html.startswith("<figure") and result.svg in html and "<img" not in html
    caption = re.search(r"<figcaption>(.*)</figcaption></figure>$", html)[1]
    assert unescape(re.sub(r"<[^>]+>", "", caption)) == f"{result.title}. {result.caption}"


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_is_well_formed_self_contained_and_labelled_for_screen_readers(drawn, name):
    result = drawn[name]
    root = _svg(result)  # well-formed XML, or ParseError
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title.text == result.title and desc.text == result.alt_text
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"script", "image", "foreignObject", "style", "a", "use"}, tags
    assert "http" not in result.svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "#0072B2" in result.svg.upper()  # Okabe-Ito blue
    for pattern_id in re.findall(r'url\(#([^)]+)\)', result.svg):
        assert f'id="{pattern_id}"' in result.svg  # every hatch it uses is defined in it
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids)) and all(i.startswith(title.get("id")[:-6]) for i in ids)


@pytest.mark.parametrize("name", ["timeline", "statistics_chart", "stance_map", "evidence_profile"])
def test_where_colour_tells_kinds_apart_hatching_does_too(drawn, name):
    assert "url(#" in drawn[name].svg and "<pattern" in drawn[name].svg


@pytest.mark.parametrize("name", FIGURES)
def test_each_figure_is_projector_sized_with_readable_text(drawn, name):
    width, height = _size(drawn[name])
    assert 900 <= width <= 1400 and 400 <= height <= 1300
    sizes = [float(t.get("font-size")) for t in _svg(drawn[name]).iter(f"{SVG}text")]
    assert sizes and min(sizes) >= px(FONT)


def _assert_no_text_overlaps(figure):
    """Every text records its box (from the estimated widths); none overlaps another, and
    all lie inside the drawing."""
    width, height = _size(figure)
    texts = list(_svg(figure).iter(f"{SVG}text"))
    assert texts and all(t.get("data-box") for t in texts)
    boxes = [(_flat(" ".join(t.itertext())), _box(t)) for t in texts]
    for words, box in boxes:
        assert 0 <= box[0] and box[2] <= width and 0 <= box[1] and box[3] <= height, words
    for n, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[n + 1:]:
            assert not overlaps(box_a, box_b), (a, b)


@pytest.mark.parametrize("name", BOXED)
def test_no_two_texts_overlap_in_any_figure(drawn, name):
    _assert_no_text_overlaps(drawn[name])


@pytest.mark.parametrize("series", ["industrial-output", "party-membership", "real-wages",
                                    "nep-incomes", "nep-unemployment", "marketed-grain",
                                    "civil-war", ["industrial-output", "real-wages"]])
def test_no_two_texts_overlap_in_the_chart_of_any_series(course, series):
    _assert_no_text_overlaps(course.statistics_chart(series))


def _assert_no_label_overlaps(figure):
    """The boxes the drawer wrote (marker and label, from the estimated text widths): none
    overlaps another, and all lie inside the drawing."""
    width, height = _size(figure)
    groups = _events(figure)
    boxes = [(g.get("data-event"), _box(g), _box(_label(g))) for g in groups]
    for event, whole, label in boxes:
        assert whole[0] <= label[0] and label[2] <= whole[2], event
        assert 0 <= whole[0] and whole[2] <= width and 0 <= whole[1] and whole[3] <= height, event
    for n, (a, box_a, label_a) in enumerate(boxes):
        for b, box_b, label_b in boxes[n + 1:]:
            assert not overlaps(label_a, label_b), (a, b)
            assert not overlaps(box_a, box_b), (a, b)  # nor a label over another's marker


def test_no_two_event_labels_overlap(drawn):
    _assert_no_label_overlaps(drawn["timeline"])


def test_no_two_labels_overlap_when_events_crowd_one_year():
    """Thirty events in one year, with long labels, and a lone early one: rows enough for all."""
    events = [Event(f"e{n}", "1930-06", None, f"Event number {n} with a rather long label", ("x",), ())
              for n in range(30)]
    events.insert(0, Event("early", "1900", None, "An early event", ("x",), ()))
    records = SimpleNamespace(
        events=lambda: events, phases=[Phase("A phase", 1929, 1931, "Lane")],
        folder=CORPUS, author=lambda source: "Someone",
        excerpt=lambda eid: SimpleNamespace(source="s"))
    figure = draw_timeline(records)
    _assert_no_label_overlaps(figure)
    assert len({g.get("data-row") for g in _events(figure)}) >= 30


def test_corpus_text_is_escaped_in_the_html():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" role="img"><desc>x</desc></svg>'
    shown = CourseFigure(svg, "A <b>title</b>", 'Caption & <script>x</script>', pd.DataFrame(),
                         'Alt "quoted" <text>')._repr_html_()
    assert "<script>" not in shown and "&lt;script&gt;" in shown and "<b>title" not in shown


def test_corpus_text_is_escaped_in_the_timeline_svg(mini):
    label = 'Stalin <script>x</script> becomes "general" secretary & more'
    events = mini / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("label: Stalin becomes general secretary",
                                   f"label: '{label}'"), encoding="utf-8")
    timeline = helpers.load(mini).timeline()
    assert "<script>" not in timeline.svg and label in _texts(timeline)  # shown as words, not markup


def test_corpus_text_is_escaped_in_every_figure(mini):
    """Markup in a teacher's corpus is shown as words in every figure, never read as markup."""
    name, label = 'Tester <script>x</script> & "co"', 'Social <b>forces</b> & "class"'
    edit(mini / "sources" / "test-author.yaml", "short_name: Tester", f"short_name: '{name}'")
    edit(mini / "themes.yaml", "label: Social forces", f"label: '{label}'")
    course = helpers.load(mini)
    for figure in (course.stance_map(), course.evidence_profile(), course.citation_map(),
                   course.statistics_chart()):
        assert "<script>" not in figure.svg and "<b>" not in figure.svg, figure.title
        _svg(figure)  # still well-formed
        assert _bare(name) in _shown(figure) or _bare(name) in _bare(figure.alt_text), figure.title
    assert _bare(label) in _shown(course.stance_map())


def test_long_names_and_labels_are_wrapped_and_never_overlap(mini):
    """A teacher's corpus with a long name, title and label: each is wrapped, none overlaps."""
    edit(mini / "sources" / "test-author.yaml", "short_name: Tester",
         "short_name: Professor Annabel Tester-Featherstonehaugh of the Institute")
    edit(mini / "themes.yaml", "title: Why Stalin won", "title: Why Stalin won, and why the "
         "Left Opposition lost the struggle inside the party in the years after Lenin died")
    edit(mini / "themes.yaml", "label: Social forces", "label: Social forces, the weight of the "
         "bureaucracy and the isolation of the revolution decided it all along")
    course = helpers.load(mini)
    for figure in (course.stance_map(), course.evidence_profile(), course.citation_map(),
                   course.statistics_chart()):
        _assert_no_text_overlaps(figure)
    assert "Professor" in _shown(course.stance_map()) and "allalong" in _shown(course.stance_map())


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_saves_as_svg_or_html_and_says_so_for_png_or_pdf(drawn, tmp_path, name):
    figure = drawn[name]
    assert figure.save(tmp_path / "f.svg").read_text("utf-8").strip() == figure.svg
    page = figure.save(tmp_path / "f.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and figure.svg in page and escape(figure.caption) in page
    for suffix in ("png", "pdf"):
        with pytest.raises(FigureError) as info:
            figure.save(tmp_path / f"f.{suffix}")
        assert "save it as .svg" in str(info.value) and "\n" not in str(info.value)
        assert info.value._render_traceback_() == [str(info.value)]
        assert not (tmp_path / f"f.{suffix}").exists()


def test_dump_carries_events_and_statistics_for_other_tools(records):
    data = records.to_dict()
    event = next(e for e in data["events"] if e["id"] == "revolution-betrayed")
    assert {"id", "date", "year", "label", "excerpts", "conflicting_dates"} <= set(event)
    assert event["conflicting_dates"][0]["date"] == "1937"
    stat = next(s for s in data["statistics"] if s["id"] == "real-wages-1932")
    assert {"id", "series", "label", "value_as_printed", "unit", "excerpt"} <= set(stat)


def test_every_figure_is_drawn_and_saved_without_matplotlib(tmp_path):
    script = ("import sys\n"
              "sys.modules['matplotlib'] = None  # import matplotlib fails, as in every environment\n"
              "import helpers\n"
              "course = helpers.load()\n"
              f"for name in {FIGURES!r}:\n"
              "    getattr(course, name)().save(sys.argv[1] + '/' + name + '.svg')\n")
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(p.stem for p in tmp_path.glob("*.svg")) == sorted(FIGURES)


def test_matplotlib_is_needed_nowhere():
    root = CORPUS.parent
    for path in (root / "helpers").glob("*.py"):
        assert "matplotlib" not in path.read_text("utf-8"), path.name
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert "figures" not in extras
    for requirement in project["dependencies"] + [r for e in extras.values() for r in e]:
        assert not requirement.lower().startswith("matplotlib"), requirement
    for name in ("requirements.in", "requirements.txt"):
        pins = (root / "binder" / name).read_text("utf-8").lower().splitlines()
        assert not [p for p in pins if re.match(r"matplotlib\b(?!-inline)", p)], name


@pytest.fixture(scope="module")
def browser_page(chromium_path):
    """One headless Chromium page for the browser checks of every figure."""
    chromium = chromium_path
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        yield browser.new_page(viewport={"width": 1440, "height": 900})
        browser.close()


_MEASURE = """() => {
    const svg = document.querySelector('svg'), frame = svg.getBoundingClientRect();
    const box = b => [b.left - frame.left, b.top - frame.top, b.right - frame.left,
                      b.bottom - frame.top];
    const labels = [...svg.querySelectorAll('text.event-label')].map(t => {
        const b = t.getBBox();
        return [t.parentNode.dataset.event, b.x, b.y, b.x + b.width, b.y + b.height]; });
    const texts = [...svg.querySelectorAll('text')].map(t => [
        t.textContent, t.dataset.box || '', ...box(t.getBoundingClientRect())]);
    return {labels, texts, width: frame.width}; }"""


@pytest.mark.browser
@pytest.mark.parametrize("name", FIGURES)
def test_in_a_browser_no_two_texts_overlap_or_leave_the_drawing(drawn, browser_page, name):
    """The real text boxes, in headless Chromium: no two overlap, none leaves the drawing,
    and each lies inside the box its drawer recorded (the width estimates hold)."""
    figure = drawn[name]
    width, height = _size(figure)
    browser_page.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{figure.svg}"
                             "</body></html>")
    found = browser_page.evaluate(_MEASURE)
    assert found["width"] == pytest.approx(width, abs=0.5)  # at its own size: boxes in its pixels
    texts = found["texts"]
    assert len(texts) == len(_texts(figure))
    for words, recorded, *box in texts:
        assert -1 <= box[0] and box[2] <= width + 1 and -1 <= box[1] and box[3] <= height + 1, words
        if recorded:
            x0, y0, x1, y1 = (float(v) for v in recorded.split())
            assert x0 - 0.5 <= box[0] and box[2] <= x1 + 0.5, words
            assert y0 - 0.5 <= box[1] and box[3] <= y1 + 0.5, words
    for n, (a, _, *box_a) in enumerate(texts):
        for b, _, *box_b in texts[n + 1:]:
            assert not overlaps(box_a, box_b), (a, b)
    labels = found["labels"]  # the timeline's event labels, by their own boxes (getBBox)
    assert len(labels) == len(_events(figure))
    for n, (a, *box_a) in enumerate(labels):
        for b, *box_b in labels[n + 1:]:
            assert not overlaps(box_a, box_b), (a, b)


def test_an_unknown_series_is_named_with_close_matches(course):
    with pytest.raises(KeyError, match="did you mean 'real-wages'"):
        course.statistics_chart("real-wage")


def test_a_teachers_one_source_corpus_gets_figures_about_itself(mini):
    mine = mini.rename(mini.parent / "my-readings")
    course = helpers.load(mine)
    timeline = course.timeline()
    assert timeline.title.endswith("1922\u20131922") and timeline.title in _texts(timeline)
    assert "Phases" not in _texts(timeline)  # this corpus has no phases: none drawn, none named
    _assert_no_label_overlaps(timeline)
    assert "my-readings/events.yaml" in timeline.caption and "corpus/" not in timeline.caption
    assert "1905" not in timeline.alt_text
    assert "1 event " in timeline.caption and "1 events" not in timeline.caption
    stance = course.stance_map()
    assert "1 theme" in stance.title and "seven" not in stance.title + stance.alt_text
    assert "five" not in stance.alt_text and "1 source" in stance.alt_text
    citations = course.citation_map()
    assert "Tester cites" in citations.alt_text and "No author cites" not in citations.caption
    numbers = course.statistics_chart()
    assert "1 number from" in numbers.caption and "A test series" in numbers.title
    assert "\u201c1922\u201d" in _texts(numbers)
    for figure in (timeline, stance, citations, numbers, course.evidence_profile()):
        _svg(figure)
    for figure in (stance, citations, numbers, course.evidence_profile()):
        _assert_no_text_overlaps(figure)


def test_the_figures_hold_no_course_facts_in_code():
    code = " ".join(p.read_text("utf-8") for p in (CORPUS.parent / "helpers").glob("figure_*.py"))
    for fact in ("1905", "1940", "seven", "five sources", "Russia", "NEP", "real-wages",
                 "Opposition struggle"):
        assert fact not in code, fact
