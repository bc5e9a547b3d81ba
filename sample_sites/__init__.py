"""Recorded KTweb sample sites written by the project (not copies of real pages).

``python -m sample_sites.generate`` rewrites ``sample_sites/ktweb/<municipality>/`` from the
content in ``sample_sites/content/``; ``harvest.replay`` serves them over HTTP.
"""
