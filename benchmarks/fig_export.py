"""Export of one two-page letter and of a batch, against python-docx and docxtpl doing the same writing.

The floor writes exactly the paragraphs and runs (text, bold, italic, paragraph style) that the app's
own export produced, into the same letterhead template, with nothing else: no Markdown parsing, no
forms of address, no date formatting, no footnote part. That is the least any exporter must do.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document

from benchmarks import _letters
from benchmarks._harness import Context, Figure, interleaved, median_ms

Runs = list[tuple[str, bool, bool]]


@dataclass(frozen=True)
class Written:
    """What the app's export put in the document body, paragraph by paragraph."""

    paragraphs: list[tuple[str | None, Runs]]

    @property
    def texts(self) -> list[str]:
        return ["".join(text for text, _, _ in runs) for _, runs in self.paragraphs]


def letterhead_template() -> Path | None:
    """The built-in letterhead the app writes into, so the floor starts from the same package."""
    from iphr_desk.resources import resource

    try:
        path = Path(resource("letterheads", "iphr.docx"))
    except Exception:  # no built letterhead yet: the floor uses python-docx's default template
        return None
    return path if path.is_file() else None


def read_written(path: Path) -> Written:
    """Every paragraph of the app's document in reading order: body paragraphs, table cells (the
    signature blocks), then footnotes, each with its runs. The floor writes them all as paragraphs."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    paragraphs: list[Paragraph] = []
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            paragraphs += [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
        else:
            paragraphs.append(block)
    written = [(p.style.name if p.style is not None else None, _runs(p)) for p in paragraphs]
    return Written(written + [(None, [(text, False, False)]) for text in _footnote_texts(doc)])


def _runs(paragraph: Any) -> Runs:
    """The paragraph's runs, those inside hyperlinks included."""
    from docx.text.hyperlink import Hyperlink

    runs: list[Any] = []
    for item in paragraph.iter_inner_content():
        runs += item.runs if isinstance(item, Hyperlink) else [item]
    return [(r.text, bool(r.bold), bool(r.italic)) for r in runs]


def _footnote_texts(doc: Any) -> list[str]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    for rel in doc.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            root = rel.target_part.element if hasattr(rel.target_part, "element") else None
            if root is None:
                from lxml import etree

                root = etree.fromstring(rel.target_part.blob)
            notes = [n for n in root.iter(qn("w:footnote")) if n.get(qn("w:type")) is None]
            return ["".join(t.text or "" for t in note.iter(qn("w:t"))) for note in notes]
    return []


def python_docx_floor(template: Path | None, written: Written) -> Callable[[Path], None]:
    """The bare python-docx script: open the template, add the same paragraphs and runs, save."""
    styles = {s.name for s in Document(str(template)).styles} if template else set()

    def write(output: Path) -> None:
        doc = Document(str(template)) if template else Document()
        for style, runs in written.paragraphs:
            paragraph = doc.add_paragraph(style=style if style in styles else None)
            for text, bold, italic in runs:
                run = paragraph.add_run(text)
                if bold:
                    run.bold = True
                if italic:
                    run.italic = True
        doc.save(str(output))

    return write


def docxtpl_template(template: Path | None, folder: Path) -> Path:
    """A docxtpl template over the same letterhead: one Jinja loop that writes every paragraph."""
    doc = Document(str(template)) if template else Document()
    for line in ("{%p for para in paragraphs %}", "{{ para }}", "{%p endfor %}"):
        doc.add_paragraph(line)
    path = folder / "docxtpl-template.docx"
    doc.save(str(path))
    return path


def docxtpl_render(template: Path, written: Written) -> Callable[[Path], None]:
    from docxtpl import DocxTemplate

    context: dict[str, Any] = {"paragraphs": written.texts}

    def render(output: Path) -> None:
        document = DocxTemplate(str(template))
        document.render(context)
        document.save(str(output))

    return render


def run(ctx: Context) -> list[Figure]:
    from iphr_desk.core.export.docx_export import export_batch, export_letter

    opts = ctx.options
    folder = ctx.work_dir / "export"
    folder.mkdir(parents=True, exist_ok=True)
    one = _letters.letter()
    app_out = folder / "app.docx"
    export_letter(one, app_out)
    written = read_written(app_out)
    template = letterhead_template()
    floor = python_docx_floor(template, written)
    tpl = docxtpl_render(docxtpl_template(template, folder), written)

    times = interleaved(
        {
            "app": lambda: export_letter(one, app_out),
            "floor": lambda: floor(folder / "floor.docx"),
            "docxtpl": lambda: tpl(folder / "docxtpl.docx"),
        },
        opts.runs * 2,
        opts.warmup,
    )
    app_s, floor_s, tpl_s = times["app"], times["floor"], times["docxtpl"]
    ctx.profile("export", lambda: export_letter(one, app_out))

    export = Figure(
        "export", "export: one 2-page letter to .docx", "app export_letter", "bare python-docx", "ms", 1.3,
        project=median_ms(app_s), floor=median_ms(floor_s),
        extra={"paragraphs": len(written.paragraphs), "template": str(template) if template else None},
    )  # fmt: skip
    versus_tpl = Figure(
        "export_vs_docxtpl", "export: the same letter, against docxtpl", "app export_letter",
        "docxtpl template render", "ms", 1.0, project=export.project, floor=median_ms(tpl_s), strict=True,
    )  # fmt: skip
    return [export, versus_tpl, _batch(ctx, export_batch, floor, folder)]


def _batch(
    ctx: Context, export_batch: Callable[..., Any], floor: Callable[[Path], None], folder: Path
) -> Figure:
    """The batch against the floor run as many times (the floor has no per-recipient work to share).

    The floor really writes `count` files, taking turns with each batch run, rather than multiplying
    one letter's time: a batch lasts long enough for the machine's load to change under it.
    """
    opts = ctx.options
    count = opts.batch_recipients
    letter = _letters.letter(recipient_count=count)
    counter = iter(range(1_000_000))

    def fresh_folder() -> Path:
        out = folder / f"batch-{next(counter)}"
        out.mkdir()
        return out

    def app_once() -> None:
        export_batch(letter, fresh_folder())

    def floor_once() -> None:
        out = fresh_folder()
        for number in range(count):
            floor(out / f"{number:05d}.docx")

    times = interleaved({"app": app_once, "floor": floor_once}, opts.batch_runs, 0)
    ctx.profile("batch", app_once)
    files = sorted({len(list(out.iterdir())) for out in folder.glob("batch-*")})
    for out in folder.glob("batch-*"):
        shutil.rmtree(out, ignore_errors=True)
    figure = Figure(
        "batch", f"batch: {count:,} recipients of one letter", "app export_batch",
        f"{count:,} × bare python-docx", "ms", 1.3,
        project=median_ms(times["app"]), floor=median_ms(times["floor"]),
        extra={"recipients": count, "runs": len(times["app"]), "files_per_folder": files},
    )  # fmt: skip
    return figure
