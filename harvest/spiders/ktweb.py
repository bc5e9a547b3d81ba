"""KTweb ("Tweb"): organs (search form) -> meeting lists -> meetings -> item PDFs, attachments."""

from __future__ import annotations

from harvest.spiders.base import PlatformSpider
from transform.schema import PageKind, Platform


class KtwebSpider(PlatformSpider):
    platform = Platform.KTWEB
    # Minutes and agendas have separate search forms listing the same organs.
    start_pages = (
        (PageKind.ORGANIZATIONS, "pk_tek_tweb.htm"),
        (PageKind.ORGANIZATIONS, "epj_tek_tweb.htm"),
    )
    follows = {
        PageKind.ORGANIZATIONS: (PageKind.MEETINGS,),
        PageKind.MEETINGS: (PageKind.MEETING,),
        PageKind.MEETING: (PageKind.ACTION, PageKind.ATTACHMENTS),
        PageKind.ATTACHMENTS: (PageKind.ATTACHMENT_FILE,),  # the public attachments' files
    }
