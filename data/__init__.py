"""The default configuration (sources.toml, takedowns.toml), shipped as package data
so an installed Avoin finds it; run data never goes here (transform/resources.py)."""
