"""The CloudNC / Case M sample site: our own OData API responses, modelled on the real shape.

``model.py`` holds the data shapes, ``content.py`` what Pedersöre's site says, ``odata.py``
renders the JSON and ``generate.py`` writes ``cloudnc/<municipality>/`` with the
``manifest.json`` harvest/replay.py reads. Regenerate: ``python -m sample_sites.cloudnc.generate``.
"""
