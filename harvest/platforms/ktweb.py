"""KTweb (Triplan "Tweb") page parsers. Being written; see harvest/platforms/__init__.py."""
