"""Extraction: documents to claims (dates, quantities, their frames, the pipeline)."""
