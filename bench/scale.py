"""Build a larger corpus of the same shape as the shipped one, for the scale benchmark.

`build_scaled_corpus(target, sources=k, excerpts=m, text=t)` copies the shipped corpus
into `target` with every source repeated k times (new ids), each copy's text made t
times longer (the same paragraphs repeated), and each excerpt and citation repeated m
times per copy (new ids, the same quotes). Themes, events and statistics stay as they
are and still point at the first copy. The result is valid under `helpers check`:
the benchmark checks that it is.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from helpers.reading import bundled_corpus_dir


def _suffix(identifier: str, copy: int, repeat: int = 0) -> str:
    if copy == 0 and repeat == 0:
        return identifier  # the first copy keeps its ids, so events and statistics still resolve
    return f"{identifier}-c{copy}" + (f"-r{repeat}" if repeat else "")


def _dump(data, path: Path) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def build_scaled_corpus(target: Path, sources: int = 1, excerpts: int = 1, text: int = 1) -> Path:
    """Write a corpus `sources * excerpts` times the shipped one's excerpts; return its folder."""
    shipped = bundled_corpus_dir()
    if target.exists():
        shutil.rmtree(target)
    for name in ("themes.yaml", "events.yaml", "statistics.yaml", "glossary.yaml", "README.md"):
        if (shipped / name).exists():
            shutil.copy(shipped / name, target / name) if target.exists() else (
                target.mkdir(parents=True), shutil.copy(shipped / name, target / name))
    for folder in ("sources", "texts", "originals", "excerpts", "citations"):
        (target / folder).mkdir(parents=True, exist_ok=True)
    for meta_path in sorted((shipped / "sources").glob("*.yaml")):
        meta = yaml.safe_load(meta_path.read_text("utf-8"))
        sid = meta["id"]
        body = (shipped / meta["text_file"]).read_text("utf-8").strip("\n")
        original = (shipped / meta["original_file"]).read_text("utf-8")
        cites = yaml.safe_load((shipped / "citations" / f"{sid}.yaml").read_text("utf-8"))
        quotes = yaml.safe_load((shipped / "excerpts" / f"{sid}.yaml").read_text("utf-8"))
        for copy in range(sources):
            new_id = _suffix(sid, copy)
            longer = "\n\n".join([body] * text) + "\n"
            # The original: the same furniture around the longer text, so the cleaned text
            # is still the original minus the listed lines.
            original_longer = original.replace(body, "\n\n".join([body] * text), 1)
            (target / "texts" / f"{new_id}.txt").write_text(longer, "utf-8")
            (target / "originals" / f"{new_id}.txt").write_text(original_longer, "utf-8")
            _dump({**meta, "id": new_id, "text_file": f"texts/{new_id}.txt",
                   "original_file": f"originals/{new_id}.txt"},
                  target / "sources" / f"{new_id}.yaml")
            citation_ids = {}
            records = []
            for repeat in range(excerpts):
                for c in cites["citations"]:
                    citation_ids[(c["id"], repeat)] = _suffix(c["id"], copy, repeat)
                    records.append({**c, "id": citation_ids[(c["id"], repeat)]})
            _dump({"source": new_id, "citations": records},
                  target / "citations" / f"{new_id}.yaml")
            records = []
            for repeat in range(excerpts):
                for e in quotes["excerpts"]:
                    evidence = [{**ev, "citation": citation_ids[(ev["citation"], repeat)]}
                                if ev.get("citation") else ev for ev in e["evidence"]]
                    records.append({**e, "id": _suffix(e["id"], copy, repeat),
                                    "evidence": evidence})
            _dump({"source": new_id, "excerpts": records}, target / "excerpts" / f"{new_id}.yaml")
    return target


def count_excerpts(folder: Path) -> int:
    """How many excerpts a corpus folder holds (a quick count of '- id:' lines)."""
    return sum(len(re.findall(r"^- id:|^  - id:", p.read_text("utf-8"), re.M))
               for p in (folder / "excerpts").glob("*.yaml"))
