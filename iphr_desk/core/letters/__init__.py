"""A letter as the app knows it, independent of where it is kept or how it is printed.

Owns the `Letter` value (letter.py), the letter file format, Markdown with YAML front matter
(letterfile.py, docs/letter-format.md), the body's Markdown (body_markdown.py; normalise.py: the one form
mdformat gives every stored body) and its rich-text model (richtext.py), read by the preview and every
exporter alike.

May import: the shared helpers of `iphr_desk.core` (errors, textclean, boundedio, safewrite, vocabularies).
Never `protocol` (which reads the Letter value from here), `store` or `export`.
"""
