"""IPHR Desk: cases and advocacy letters on the organisation's letterhead, offline."""

__version__ = "0.1.0"
