"""Recorded Innofactor Dynasty sample sites written by the project (not copies of real pages).

``python -m sample_sites.dynasty.generate`` rewrites ``sample_sites/dynasty/<site>/`` from
``content.py``; ``harvest.replay`` serves them over HTTP. ``omahame`` (the welfare region
Oma Häme) is the CGI generation
(demo and tests), ``static-example`` a static export (tests only).
"""
