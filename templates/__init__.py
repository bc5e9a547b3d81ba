"""The site's jinja2 templates and static files, shipped as package data
(``site_builder.templates``; transform/resources.py)."""
