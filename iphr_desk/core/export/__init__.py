"""Output formats of a letter, and the letterheads they are printed on.

    formats          the registry: a suffix and the function that writes one letter in that format
    docx_export      the Word document on the letterhead (python-docx), single, batch or combined
    docx/            its parts: body, footnotes, hyperlinks, numbering, styles, metadata, template cache
    pdf              the PDF, converted from the .docx by LibreOffice (when installed)
    html             the letter as HTML: the preview pane's renderer and the .html format
    letterhead       registered letterheads (an organisation's own Word template) and their profiles
    builtin          the letterhead that ships with the app
    letterhead_sanitize  what a letterhead may carry (no external links, fields, objects, metadata)
    filenames        safe, bounded file names for a batch

May import: `letters`, `protocol` and the shared helpers. Never `store`: a letter file exports with no
store at all.
"""
