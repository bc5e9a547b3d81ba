"""The content of the sample sites, one module per municipality."""

from sample_sites.content import hameenlinna, kristinestad, riihimaki, vaasa

SITES = (hameenlinna.SITE, vaasa.SITE, kristinestad.SITE, riihimaki.SITE)
