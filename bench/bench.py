"""``make bench``: median wall time and peak memory of each build step, on the notes and a 10x copy.

Every step runs as the user runs it, a fresh ``clozepress`` or ``make`` process in a scratch copy
of the project, several times; the table shows the median time and the largest peak RSS of any
process of the step. This is a benchmark, not a test: machines are shared and noisy, so read
the ratios (10x / 1x) more than the seconds.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clozepress.form.model import Document
    from clozepress.project import Project
    from clozepress.sheets.sheets import SheetsResult

REPO = Path(__file__).resolve().parent.parent
NOTES = REPO / "source" / "aws-saa.md"
BIN = REPO / ".venv" / "bin"

#: Runs ARGV; prints its wall time, the CPU time (user + sys) and peak RSS of it and its children,
#: and its standard output.
RUNNER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
elapsed = time.perf_counter() - start
if done.returncode:
    sys.exit(done.stderr)
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": elapsed, "cpu": used.ru_utime + used.ru_stime,
                  "peak_mib": used.ru_maxrss / 1024, "out": done.stdout}))
"""


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", RUNNER, *cmd], cwd=cwd, capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["seconds"], result["peak_mib"]


def ten_times(notes: Path, target: Path) -> Path:
    """The notes repeated ten times, each copy's domains renamed so every domain stays distinct."""
    text = notes.read_text(encoding="utf-8")
    copies = [
        "\n".join(f"{ln} ({n})" if ln.startswith("# ") else ln for ln in text.split("\n"))
        for n in range(1, 11)
    ]
    target.write_text("\n".join(copies), encoding="utf-8")
    return target


def scratch_project(where: Path, notes: Path) -> Path:
    """A copy of the project around ``notes`` that shares this checkout's virtualenv."""
    project = where / "project"
    (project / "source").mkdir(parents=True)
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(REPO / name, project / name)  # keeps mtimes: make sees the venv up to date
    shutil.copytree(REPO / "src", project / "src", copy_function=shutil.copy2)
    (project / ".venv").symlink_to(REPO / ".venv")
    shutil.copy2(notes, project / "source" / "notes.md")
    # The user's corrections are read with the notes, so the parse is timed with them.
    shutil.copy2(REPO / "source" / "corrections.toml", project / "source" / "corrections.toml")
    return project


def edit_one_bullet(project: Path, round_: int) -> None:
    """Changes the wording of one bullet in one domain (a different domain each round)."""
    path = project / "source" / "notes.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    domains = [i for i, ln in enumerate(lines) if ln.startswith("# ")]
    start = domains[round_ % len(domains)]
    bullet = next(i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- "))
    lines[bullet] += f" (edited {round_})"
    path.write_text("\n".join(lines), encoding="utf-8")


def measure(
    name: str, notes: Path, runs: int, prepare: Callable[[Path, int], None], cmd: list[str]
) -> dict[str, float]:
    """Median time over ``runs`` of ``cmd`` in a project set up by ``prepare`` (untimed)."""
    seconds, peaks = [], []
    with tempfile.TemporaryDirectory() as tmp:
        project = scratch_project(Path(tmp), notes)
        for round_ in range(runs):
            prepare(project, round_)
            elapsed, peak = run(cmd, project)
            seconds.append(elapsed)
            peaks.append(peak)
    return {"median_s": statistics.median(seconds), "peak_mib": max(peaks), "runs": runs}


def cp(*args: str) -> list[str]:
    return [str(BIN / "clozepress"), *args]


IR = "build/notes.json"


def _quiet(project: Path, *args: str) -> None:
    subprocess.run(args, cwd=project, check=True, capture_output=True)


def fresh(project: Path, _round: int) -> None:
    for name in ("build", "dist"):
        shutil.rmtree(project / name, ignore_errors=True)
    (project / "source" / "notes.ids.json").unlink(missing_ok=True)
    _quiet(project, *cp("parse", "source/notes.md", "-o", IR))


def built(project: Path, _round: int) -> None:
    if not (project / "dist" / "index.html").exists():
        _quiet(project, "make", "-s")


def built_then_edited(project: Path, round_: int) -> None:
    built(project, round_)
    edit_one_bullet(project, round_)


def sheets_then_edited(project: Path, round_: int) -> None:
    if not (project / "dist" / "sheets" / "notes.pdf").exists():
        fresh(project, round_)
        _quiet(project, *cp("sheets", IR, "--out", "dist", "-q"))
    edit_one_bullet(project, round_)
    _quiet(project, *cp("parse", "source/notes.md", "-o", IR))


STEPS: list[tuple[str, Callable[[Path, int], None], list[str]]] = [
    ("parse", fresh, cp("parse", "source/notes.md", "-o", IR)),
    ("deck (no identity file)", fresh, cp("deck", IR, "-o", "dist/notes.apkg", "-q")),
    ("sheets (clean)", fresh, cp("sheets", IR, "--out", "dist", "-q")),
    ("sheets (one domain changed)", sheets_then_edited, cp("sheets", IR, "--out", "dist", "-q")),
    ("make (nothing to do)", built, ["make", "-s"]),
    ("make (one bullet changed)", built_then_edited, ["make", "-s"]),
    ("make -j2 (one bullet changed)", built_then_edited, ["make", "-s", "-j2"]),
]


# ---------------------------------------------------------------------------------------------
# The sheets' fit search against its yardstick (in-process; formerly in clozepress.sheets)


@dataclass(frozen=True)
class SheetsBench:
    clean_seconds: float
    clean_renders: int
    domains: int
    unchanged_seconds: float
    unchanged_renders: int
    one_changed_seconds: float
    one_changed_renders: int
    single_render_seconds: float | None
    """Rendering every domain once at its chosen layout, one process (the 1.3x yardstick)."""


def sheets_bench(
    document: Document, project: Project, *, baseline: bool = True, workers: int | None = None
) -> SheetsBench:
    """Time a clean build, an unchanged rebuild and a rebuild after one domain's text changed.

    Uses ``project.out_dir`` and ``project.build_dir`` as given: point them at a scratch folder.
    """
    from clozepress.sheets.sheets import write_sheets

    for folder in (project.out_dir / "sheets", project.build_dir / "sheets-cache"):
        shutil.rmtree(folder, ignore_errors=True)
    clean = write_sheets(document, project.out_dir, project=project, workers=workers)
    again = write_sheets(document, project.out_dir, project=project, workers=workers)
    changed = _change_one_domain(document)
    one = write_sheets(changed, project.out_dir, project=project, workers=workers)
    single = None
    if baseline:
        single = _render_once_each(document, project, clean)
    return SheetsBench(
        clean.seconds,
        clean.renders,
        len(clean.sheets),
        again.seconds,
        again.renders,
        one.seconds,
        one.renders,
        single,
    )


def _change_one_domain(document: Document) -> Document:
    """The document with one word added to the middle domain's first text."""
    from clozepress.form.model import Bullet, Text

    index = len(document.domains) // 2
    domain = document.domains[index]
    extra = Bullet(domain.line, (Text("bench: one more line of notes"),))
    domains = list(document.domains)
    domains[index] = replace(domain, children=(*domain.children, extra))
    return replace(document, domains=tuple(domains))


def _render_once_each(document: Document, project: Project, result: SheetsResult) -> float:
    """The yardstick: each domain laid out once, at the layout the search chose for it."""
    from weasyprint import CSS, HTML

    from clozepress.sheets.sheet_html import ImagePolicy, domain_html
    from clozepress.sheets.sheets import Layout, _fetcher, layout_css, table_widths

    css_path = project.style("sheet.css")
    css = css_path.read_text(encoding="utf-8")
    policy = ImagePolicy((project.root / document.path).parent, project.config.sheet_images)
    fetcher = _fetcher((css_path.parent.resolve(),))
    started = time.perf_counter()
    for domain, sheet in zip(document.domains, result.sheets, strict=True):
        html = domain_html(document, domain, policy).html
        override = layout_css(
            Layout(sheet.size, sheet.columns),
            project.config.paper,
            project.config.font_floor,
            table_widths(html),
        )
        HTML(string=html, url_fetcher=fetcher).render(
            stylesheets=[CSS(string=css), CSS(string=override)]
        )
    return time.perf_counter() - started


def sheet_fit(runs: int) -> None:
    """The fit search against its yardstick: rendering each domain once at its chosen layout."""
    from clozepress.config import load_config
    from clozepress.project import Project
    from clozepress.read.parse import parse_file

    document = parse_file(NOTES, "source/aws-saa.md")
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            project = Project(REPO, Path(tmp) / "dist", Path(tmp) / "build", load_config(REPO))
            results.append(sheets_bench(document, project))
    clean = statistics.median(r.clean_seconds for r in results)
    once = statistics.median(r.single_render_seconds or float("nan") for r in results)
    renders = statistics.median(r.clean_renders for r in results)
    domains = results[0].domains
    print(
        f"sheets fit search (in-process, median of {runs}): clean {clean:.1f} s with "
        f"{renders:.0f} renders for {domains} domains ({renders / domains:.2f} per domain); "
        f"each domain rendered once in one process {once:.1f} s; ratio {clean / once:.2f}; "
        f"unchanged rebuild {statistics.median(r.unchanged_renders for r in results):.0f} "
        f"renders; one domain changed "
        f"{statistics.median(r.one_changed_renders for r in results):.0f} renders, "
        f"{statistics.median(r.one_changed_seconds for r in results):.2f} s"
    )


#: Hostile shapes whose parse once grew faster than their size (issue 16): each is one unit
#: repeated to a given size; ``{}`` marks where a unit may carry its number.
GROWTH_SHAPES = {
    "a paragraph of lines, each with a highlight": ("line {} holds `h`\n", "# P\n"),
    "one line of highlights": ("word `h` ", "# L\n"),
    "one line of brackets": ("[a ", "# B\n- "),
    "one line of image openers": ("![", "# I\n- "),
    "one line of emphasis openers": ("**a", "# E\n- "),
}
GROWTH_SIZES = (250_000, 500_000, 1_000_000)


def growth() -> None:
    """Parse time of each hostile shape at 250 KB, 500 KB and 1 MB, in this process (best of
    two): linear cost reads a ratio near 4 from 250 KB to 1 MB; the square would read 16."""
    sys.path.insert(0, str(REPO / "src"))
    from clozepress.read.parse import parse_text

    print(
        f"{'hostile shape (parse)':<48}"
        + "".join(f"{n // 1000:>8} KB" for n in GROWTH_SIZES)
        + "   ratio"
    )
    for name, (unit, head) in GROWTH_SHAPES.items():
        times = []
        for size in GROWTH_SIZES:
            count = size // len(unit.format(0))
            text = head + "".join(unit.format(i) for i in range(count)) + "\n"
            best = math.inf
            for _ in range(2):
                start = time.perf_counter()
                parse_text(text, "growth.md")
                best = min(best, time.perf_counter() - start)
            times.append(best)
        cells = "".join(f"{t:>9.2f}s" for t in times)
        print(f"{name:<48}{cells}{times[-1] / times[0]:>8.1f}", flush=True)


def large_notes(sizes: list[int]) -> None:
    """The whole build (parse, deck, sheets) of the notes grown to each size, once: how time and
    memory grow with the size of a notes file, up to 100,000 lines."""
    sys.path.insert(0, str(REPO))
    from pypdf import PdfReader
    from tests.test_large import MEASURE, grown_notes

    print(
        f"{'lines':>8}{'build s':>10}{'cpu s':>8}{'tree MiB':>10}{'largest MiB':>13}"
        f"{'sheets':>8}{'1-page':>8}  load"
    )
    for lines in sizes:
        load = os.getloadavg()[0]
        with tempfile.TemporaryDirectory() as tmp:
            notes = Path(tmp) / "notes.md"
            notes.write_text(grown_notes(lines), encoding="utf-8")
            project = scratch_project(Path(tmp), notes)
            done = subprocess.run(
                [sys.executable, "-c", MEASURE, str(project), *cp("build", "-q")],
                capture_output=True,
                text=True,
                check=True,
            )
            pdfs = sorted((project / "dist" / "sheets" / "notes").glob("*.pdf"))
            one_page = sum(1 for pdf in pdfs if len(PdfReader(pdf).pages) == 1)
        figures = json.loads(done.stdout)
        print(
            f"{lines:>8,}{figures['seconds']:>10.0f}{figures['cpu']:>8.0f}"
            f"{figures['tree_peak'] / 2**20:>10.0f}{figures['peak'] / 2**20:>13.0f}"
            f"{len(pdfs):>8}{one_page:>8}  {load:.1f}-{os.getloadavg()[0]:.1f}",
            flush=True,
        )


def sheets_speed(runs: int) -> None:
    """Clean sheets (``clozepress sheets``, no cache) of the user's notes and of the corpus
    files: median wall and CPU time, renders per domain, and the load average around them.
    Issue 14's goal: the user's notes within 10 s on 2 cores, at most 2 renders per domain."""
    import re

    files = [NOTES, *sorted((REPO / "tests" / "fixtures" / "corpus").glob("*.md"))]
    print(
        f"{'clean sheets':<28}{'wall s':>8}{'cpu s':>8}{'domains':>9}{'renders':>9}"
        f"{'/domain':>9}  load"
    )
    for notes in files:
        walls, cpus, renders = [], [], []
        sheets = 0
        loads = [os.getloadavg()[0]]
        with tempfile.TemporaryDirectory() as tmp:
            project = scratch_project(Path(tmp), notes)
            for round_ in range(runs):
                fresh(project, round_)
                out = subprocess.run(
                    [sys.executable, "-c", RUNNER, *cp("sheets", IR, "--out", "dist")],
                    cwd=project, capture_output=True, text=True, check=True,
                )  # fmt: skip
                result = json.loads(out.stdout.strip().splitlines()[-1])
                found = re.search(r"(\d+) sheets, (\d+) renders", result["out"])
                walls.append(result["seconds"])
                cpus.append(result["cpu"])
                if found:
                    sheets, count = int(found.group(1)), int(found.group(2))
                    renders.append(count)
                loads.append(os.getloadavg()[0])
        domains = len(set(re.findall(r"^sheet (\d+)", result["out"], re.M))) or sheets
        per = statistics.median(renders) / domains if renders and domains else float("nan")
        print(
            f"{notes.stem[:27]:<28}{statistics.median(walls):>8.2f}{statistics.median(cpus):>8.2f}"
            f"{domains:>9}{statistics.median(renders) if renders else 0:>9.0f}{per:>9.2f}"
            f"  {min(loads):.1f}-{max(loads):.1f}",
            flush=True,
        )


def many_highlights_on_one_line(runs: int) -> None:
    """The deck step of a line holding 250 and 500 highlights (a card policy must stay linear in
    a line's highlights: goal, 500 within 2 s)."""
    # Words of letters only too: rules that compare words (a form of an answer's word) skip
    # numbered ones.
    words = ["".join(w) for w in itertools.product("bdfgklmprst", "aeiou", "bdfgklmprst", "aeiou")]
    shapes = {
        "": lambda i: f"`term{i} value{i}` means thing {i}",
        ", words only": lambda i: f"`{words[3 * i]} {words[3 * i + 1]}` stops {words[3 * i + 2]}",
    }
    for count in (250, 500):
        for shape, item in shapes.items():
            line = "- " + " and ".join(item(i) for i in range(count))
            with tempfile.TemporaryDirectory() as tmp:
                notes = Path(tmp) / "line.md"
                notes.write_text(f"# Domain\n## Section\n{line}\n", encoding="utf-8")
                result = measure(
                    f"one line, {count}{shape}", notes, runs, fresh, cp("deck", IR, "-o", "d.apkg")
                )
            label = f"deck, one line of {count} highlights{shape}"
            print(f"{label}: {result['median_s']:.2f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per step (default 5)")
    parser.add_argument("--runs-10x", type=int, default=1, help="runs per step on the 10x copy")
    parser.add_argument("--skip-100k", action="store_true", help="the large-notes builds")
    parser.add_argument(
        "--large",
        default="10000,25000,50000,100000",
        help="sizes (lines) of the large-notes builds, comma-separated",
    )
    parser.add_argument("--skip-10x-sheets", action="store_true", help="the slowest rows")
    parser.add_argument(
        "--growth-only", action="store_true", help="only the growth check of hostile shapes"
    )
    parser.add_argument(
        "--sheets-only", action="store_true", help="only the clean sheets of the notes files"
    )
    args = parser.parse_args()
    began = time.perf_counter()
    if args.growth_only:
        growth()
        return 0
    if args.sheets_only:
        sheets_speed(args.runs)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        big = ten_times(NOTES, Path(tmp) / "notes-10x.md")
        sizes = {"1x": NOTES.read_text().count("\n") + 1, "10x": big.read_text().count("\n") + 1}
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, "
            f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
            f"Python {platform.python_version()}; median of {args.runs} runs (10x: "
            f"{args.runs_10x}); notes {sizes['1x']} lines, 10x copy {sizes['10x']} lines"
        )
        header = f"{'step':<32}{'1x s':>8}{'10x s':>9}{'ratio':>7}{'1x MiB':>8}{'10x MiB':>9}"
        print(header)
        print("-" * len(header))
        for name, prepare, cmd in STEPS:
            one = measure(name, NOTES, args.runs, prepare, cmd)
            skip = (args.skip_10x_sheets and "sheets" in name) or name.startswith("make")
            ten = None if skip else measure(name, big, args.runs_10x, prepare, cmd)
            cells = (
                f"{ten['median_s']:>9.2f}{ten['median_s'] / one['median_s']:>7.1f}"
                if ten
                else f"{'-':>9}{'-':>7}"
            )
            print(
                f"{name:<32}{one['median_s']:>8.2f}{cells}{one['peak_mib']:>8.0f}"
                f"{(ten or {}).get('peak_mib', float('nan')):>9.0f}",
                flush=True,
            )
    sheets_speed(args.runs)
    many_highlights_on_one_line(max(1, min(args.runs, 3)))
    sheet_fit(max(1, min(args.runs, 3)))
    growth()
    if not args.skip_100k:
        large_notes([int(size) for size in args.large.split(",")])
    print(f"(bench took {time.perf_counter() - began:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
