"""Signatures (issue 15): the signatory's handwritten signature image, and PAdES-signed PDFs.

- `images`: a signature image as the store keeps it (a PNG re-encoded by Pillow; an SVG is sanitised
  and turned into a PNG by the caller's renderer, since the core has no SVG renderer of its own).
- `pdf_signing`: the letter made as PDF/A-2b through LibreOffice and signed PAdES with pyHanko, with
  a visible signature field over the signatory's block (`placement`, `appearance`).
- `verification`: pyHanko's validator, reduced to the three answers `iphr-desk verify` gives.
- `records`: the signature records and the move to Signed, in one transaction.
"""
