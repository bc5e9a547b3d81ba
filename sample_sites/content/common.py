"""Organising items that open almost every meeting, in Finnish and Swedish."""

from __future__ import annotations

from sample_sites.model import Item, Person


def legality_item(language: str, presenter: Person) -> Item:
    """ "Kokouksen laillisuus ja päätösvaltaisuus" / "Mötets laglighet och beslutförhet"."""
    if language == "sv":
        return Item(
            title="Mötets laglighet och beslutförhet",
            presentation=(
                "Om sammankallande av möte och beslutförhet bestäms i 94 och 103 § i "
                "kommunallagen samt i förvaltningsstadgan. Kallelsen med föredragningslista "
                "har skickats elektroniskt till ledamöterna."
            ),
            proposal="Mötet konstateras vara lagligt sammankallat och beslutfört.",
            decision="Mötet konstaterades vara lagligt sammankallat och beslutfört.",
            presenter=presenter,
        )
    return Item(
        title="Kokouksen laillisuus ja päätösvaltaisuus",
        presentation=(
            "Kokouksen koollekutsumisesta ja päätösvaltaisuudesta säädetään kuntalain 94 ja "
            "103 §:ssä sekä hallintosäännössä. Kokouskutsu esityslistoineen on lähetetty "
            "jäsenille sähköisesti."
        ),
        proposal="Todetaan kokous lailliseksi ja päätösvaltaiseksi.",
        decision="Todettiin kokous lailliseksi ja päätösvaltaiseksi.",
        presenter=presenter,
    )


def minutes_checkers_item(language: str, presenter: Person, checkers: tuple[str, str]) -> Item:
    """ "Pöytäkirjan tarkastajien valinta" / "Val av protokolljusterare"."""
    first, second = checkers
    if language == "sv":
        return Item(
            title="Val av protokolljusterare",
            presentation="Protokollet justeras av två ledamöter som väljs vid mötet.",
            proposal="Två protokolljusterare väljs.",
            decision=f"Till protokolljusterare valdes {first} och {second}.",
            presenter=presenter,
        )
    return Item(
        title="Pöytäkirjan tarkastajien valinta",
        presentation="Pöytäkirjan tarkastaa kaksi kokouksessa valittavaa jäsentä.",
        proposal="Valitaan pöytäkirjan tarkastajiksi kaksi jäsentä.",
        decision=f"Pöytäkirjan tarkastajiksi valittiin {first} ja {second}.",
        presenter=presenter,
    )
