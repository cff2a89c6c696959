"""The pieces of the .docx exporter that python-docx has no API for, written with its OXML layer.

python-docx covers paragraphs, runs, styles, tables, sections and headers. It has no API for
footnotes, hyperlinks or list numbering definitions, and none for removing template leftovers from
the package; those are built here from python-docx's own element classes (`OxmlElement`,
`insert_element_before`) so that every element lands where the WordprocessingML schema wants it:
Word refuses what LibreOffice forgives.

Two pieces are here for speed alone: `ooxml` adds paragraphs, runs and their properties the way
python-docx's `get_or_add_*` and `run.text` do, in far fewer steps; `package` reads a letterhead
template once per process and writes each letter's package reusing the template's unchanged parts.
"""
