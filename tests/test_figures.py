"""The course's five figures: the data behind each, and each figure as a picture.

The data tests re-check the corpus with plain string operations, independently
of the checker: every event is stated, with its year, in the excerpts it cites;
every number is printed, word for word, in its excerpt.

The timeline is SVG written by hand, which students get without matplotlib; the
tests read it as XML. The other four figures are matplotlib's (a teacher's extra).
"""

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html import escape, unescape
from html.parser import HTMLParser
from types import SimpleNamespace

import pandas as pd
import pytest
import yaml
from matplotlib.figure import Figure
from matplotlib.text import Text

import helpers
from helpers.figure_base import FONT, CourseFigure, FigureError, new_figure
from helpers.figure_timeline import draw_timeline
from helpers.records import Event, Phase
from helpers.svg import overlaps, px

from .conftest import CORPUS

FIGURES = ["timeline", "citation_map", "statistics_chart", "stance_map", "evidence_profile"]
MATPLOTLIB_FIGURES = FIGURES[1:]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def drawn(course):
    return {name: getattr(course, name)() for name in FIGURES}


def _flat(text: str) -> str:
    return " ".join(text.split())


# --- reading the timeline's SVG ----------------------------------------------------------
def _svg(figure) -> ET.Element:
    return ET.fromstring(figure.svg)  # ParseError if the SVG is not well-formed XML


def _texts(figure) -> list[str]:
    """Every text the timeline shows, each as one line (a label wrapped onto two rows joined)."""
    return [_flat(" ".join(t.itertext())) for t in _svg(figure).iter(f"{SVG}text")]


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


@pytest.mark.parametrize("name", MATPLOTLIB_FIGURES)
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


@pytest.mark.parametrize("name", MATPLOTLIB_FIGURES)
def test_each_figure_is_projector_sized_with_readable_text(drawn, name):
    result = drawn[name]
    assert result.png().startswith(b"\x89PNG")  # drawing creates the tick labels too
    width, height = result.figure.get_size_inches()
    assert 9 <= width <= 14 and 5 <= height <= 10
    small = [t.get_text() for t in result.figure.findobj(Text)
             if t.get_visible() and t.get_text().strip() and t.get_fontsize() < 11]
    assert not small, small[:5]


def test_the_timeline_is_svg_with_title_labelled_axes_caption_and_text_alternative(course, drawn):
    result = drawn["timeline"]
    assert isinstance(result, CourseFigure) and result.figure is None and result.svg
    shown = _texts(result)
    assert result.title and result.title in shown
    assert "Year" in shown and "Events, in date order" in shown
    assert isinstance(result.data, pd.DataFrame) and not result.data.empty
    assert "corpus/" in result.caption
    assert any(s.short_name in result.caption for s in course.records.sources())
    assert len(result.alt_text) > 100
    html = result._repr_html_()
    assert html.startswith("<figure") and result.svg in html and "<img" not in html
    caption = re.search(r"<figcaption>(.*)</figcaption></figure>$", html)[1]
    assert unescape(re.sub(r"<[^>]+>", "", caption)) == f"{result.title}. {result.caption}"


def test_the_timeline_svg_is_well_formed_self_contained_and_labelled_for_screen_readers(drawn):
    result = drawn["timeline"]
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
    assert "url(#" in result.svg  # the phases are hatched: colour is never the only signal
    assert {"#0072B2", "#D55E00"} <= set(re.findall(r'fill="(#[0-9A-Fa-f]{6})"', result.svg))  # Okabe-Ito
    for pattern_id in re.findall(r'url\(#([^)]+)\)', result.svg):
        assert f'id="{pattern_id}"' in result.svg  # every hatch it uses is defined in it


def test_the_timeline_is_projector_sized_with_readable_text(drawn):
    width, height = _size(drawn["timeline"])
    assert 900 <= width <= 1400 and 500 <= height <= 1200
    sizes = [float(t.get("font-size")) for t in _svg(drawn["timeline"]).iter(f"{SVG}text")]
    assert sizes and min(sizes) >= px(FONT)


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
    shown = CourseFigure(new_figure(2, 1), "A <b>title</b>", 'Caption & <script>x</script>',
                         pd.DataFrame(), 'Alt "quoted" <text>')._repr_html_()
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert 'alt="Alt &quot;quoted&quot; &lt;text&gt;"' in shown and "<b>title" not in shown


def test_corpus_text_is_escaped_in_the_timeline_svg(mini):
    label = 'Stalin <script>x</script> becomes "general" secretary & more'
    events = mini / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("label: Stalin becomes general secretary",
                                   f"label: '{label}'"), encoding="utf-8")
    timeline = helpers.load(mini).timeline()
    assert "<script>" not in timeline.svg and label in _texts(timeline)  # shown as words, not markup


def test_an_svg_figure_saves_as_svg_or_html_and_says_so_for_png(drawn, tmp_path):
    timeline = drawn["timeline"]
    assert timeline.save(tmp_path / "t.svg").read_text("utf-8").strip() == timeline.svg
    page = timeline.save(tmp_path / "t.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and timeline.svg in page and escape(timeline.caption) in page
    for suffix in ("png", "pdf"):
        with pytest.raises(FigureError) as info:
            timeline.save(tmp_path / f"t.{suffix}")
        assert "save it as .svg" in str(info.value) and "\n" not in str(info.value)
        assert info.value._render_traceback_() == [str(info.value)]
        assert not (tmp_path / f"t.{suffix}").exists()


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
              "c.timeline().save(sys.argv[1] + '/timeline.svg')\n"
              "assert 'matplotlib' not in sys.modules\n"  # the timeline needs no matplotlib
              f"for name in {MATPLOTLIB_FIGURES!r}:\n"
              "    getattr(c, name)().save(sys.argv[1] + '/' + name + '.png')\n"
              "assert 'matplotlib.pyplot' not in sys.modules\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "MPLBACKEND")}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, env=env,
                   timeout=120)
    assert sorted(p.stem for p in tmp_path.glob("*.png")) == sorted(MATPLOTLIB_FIGURES)
    assert [p.name for p in tmp_path.glob("*.svg")] == ["timeline.svg"]


def test_without_matplotlib_the_timeline_works_and_the_other_figures_say_what_to_install():
    script = (
        "import sys\n"
        "sys.modules['matplotlib'] = None  # as in the students' environment: import matplotlib fails\n"
        "import helpers\n"
        "course = helpers.load()\n"
        "timeline = course.timeline()\n"
        "assert timeline.svg.startswith('<svg') and timeline._repr_html_().startswith('<figure')\n"
        f"for name in {MATPLOTLIB_FIGURES!r}:\n"
        "    try:\n"
        "        getattr(course, name)()\n"
        "    except helpers.FilterError as error:\n"
        "        assert error._render_traceback_() == [str(error)]\n"
        "        print(error)\n"
        "    else:\n"
        "        raise SystemExit(name + ' was drawn without matplotlib')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(MATPLOTLIB_FIGURES)  # one line each
    for name, line in zip(MATPLOTLIB_FIGURES, lines, strict=True):
        assert line.startswith(f"course.{name}() needs matplotlib, a teacher's extra"), line
        assert "pip install -e '.[figures]'" in line


def test_the_extra_the_message_names_installs_matplotlib():
    tomllib = pytest.importorskip("tomllib")
    extras = tomllib.loads((CORPUS.parent / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"]
    for extra in ("figures", "teacher", "test"):  # the teacher's lab and the tests have it
        assert any(d.startswith("matplotlib") for d in extras[extra]), extra


@pytest.mark.browser
def test_in_a_browser_no_two_timeline_labels_overlap_or_leave_the_drawing(drawn):
    """The real text boxes (getBBox), in headless Chromium: the width estimates hold."""
    chromium = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                     if (found := shutil.which(name))), None)
    missing = "no Chromium found on this computer" if chromium is None else None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "the playwright package is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the timeline's browser check cannot run in CI: {missing}")
        pytest.skip(f"the timeline's browser check is skipped: {missing}")
    timeline = drawn["timeline"]
    width, height = _size(timeline)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": int(width) + 40, "height": 900})
        page.set_content(f"<!DOCTYPE html><html><body style='margin:0'>{timeline.svg}</body></html>")
        found = page.evaluate("""() => {
            const svg = document.querySelector('svg'), frame = svg.getBoundingClientRect();
            const labels = [...svg.querySelectorAll('text.event-label')].map(t => {
                const b = t.getBBox();
                return [t.parentNode.dataset.event, b.x, b.y, b.x + b.width, b.y + b.height]; });
            const texts = [...svg.querySelectorAll('text')].map(t => {
                const b = t.getBoundingClientRect();
                return [t.textContent, b.left - frame.left, b.top - frame.top,
                        b.right - frame.left, b.bottom - frame.top]; });
            return {labels, texts}; }""")
        browser.close()
    labels = found["labels"]
    assert len(labels) == len(_events(timeline))
    for n, (a, *box_a) in enumerate(labels):
        for b, *box_b in labels[n + 1:]:
            assert not overlaps(box_a, box_b), (a, b)
    for words, *box in found["texts"]:
        assert -1 <= box[0] and box[2] <= width + 1 and -1 <= box[1] and box[3] <= height + 1, words


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
    assert "1 number from" in numbers.caption and "A test series" in numbers.title + " ".join(
        t.get_text() for ax in numbers.figure.axes for t in ax.texts)


def test_the_figures_hold_no_course_facts_in_code():
    code = " ".join(p.read_text("utf-8") for p in (CORPUS.parent / "helpers").glob("figure_*.py"))
    for fact in ("1905", "1940", "seven", "five sources", "Russia", "NEP", "real-wages",
                 "Opposition struggle"):
        assert fact not in code, fact
