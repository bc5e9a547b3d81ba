"""Riihimäki: a Finnish-only KTweb site in the plain theme, UTF-8, under /ktwebscr/.

The real Riihimäki serves agendas, minutes and officeholder decisions on kunta2.riihimaki.fi
with KTweb's set of modules (data/sources.toml); this site plays it. Its social, health and
rescue matters are decided by the welfare region Oma Häme (sample_sites/dynasty/omahame).
The board's December meeting has only its agenda out: it is the demo's upcoming meeting.
All persons are fictional.
"""

from __future__ import annotations

from datetime import date

from sample_sites.content.common import legality_item, minutes_checkers_item
from sample_sites.model import PLAIN_THEME, Attachment, Item, Meeting, Organ, Person, Site
from sample_sites.model import local_datetime as at

KAUPUNGINVALTUUSTO = Organ(1001, "Kaupunginvaltuusto", "fi")
KAUPUNGINHALLITUS = Organ(1002, "Kaupunginhallitus", "fi")
TEKNINEN_LAUTAKUNTA = Organ(1003, "Tekninen lautakunta", "fi")
SIVISTYSLAUTAKUNTA = Organ(1004, "Sivistyslautakunta", "fi")


def _official(title: str, first: str, last: str, email_name: str, phone: str) -> Person:
    return Person(title, f"{first} {last}", f"{email_name}@riihimaki.fi", phone)


MAYOR = _official("kaupunginjohtaja", "Aarne", "Kivilahti", "aarne.kivilahti", "019 758 1001")
ADMIN = _official("hallintojohtaja", "Maija", "Rantasalo", "maija.rantasalo", "019 758 1020")
FINANCE = _official("talousjohtaja", "Kalle", "Honkaniemi", "kalle.honkaniemi", "019 758 1030")
TECHNICAL = _official("tekninen johtaja", "Ilkka", "Vuorenmaa", "ilkka.vuorenmaa", "019 758 1300")
ENGINEER = _official(
    "kunnossapitoinsinööri", "Sanna", "Peltokorpi", "sanna.peltokorpi", "019 758 1322"
)
PLANNER = _official("kaavoituspäällikkö", "Oskari", "Lehtisalo", "oskari.lehtisalo", "019 758 1350")
EDUCATION = _official("sivistysjohtaja", "Helena", "Aaltomaa", "helena.aaltomaa", "019 758 1500")
SCHOOLS = _official("opetuspäällikkö", "Jari", "Mäntyniemi", "jari.mantyniemi", "019 758 1520")

BOARD_MEMBERS = (
    "Laura Saari, puheenjohtaja",
    "Pekka Rinne, 1. varapuheenjohtaja",
    "Timo Kallio",
    "Satu Niemi",
    "Anna Laine",
    "Mikko Virta",
    "Aarne Kivilahti, kaupunginjohtaja, esittelijä",
    "Maija Rantasalo, hallintojohtaja, pöytäkirjanpitäjä",
)
TECHNICAL_MEMBERS = (
    "Jouni Ahola, puheenjohtaja",
    "Kaisa Kallio",
    "Olli Niemi",
    "Pirkko Rinne",
    "Ilkka Vuorenmaa, tekninen johtaja, esittelijä",
)
EDUCATION_MEMBERS = (
    "Riikka Ahola, puheenjohtaja",
    "Juha Lampinen",
    "Sari Virta",
    "Helena Aaltomaa, sivistysjohtaja, esittelijä",
)
COUNCIL_MEMBERS = (
    "Matti Saarinen, puheenjohtaja",
    "Laura Saari",
    "Pekka Rinne",
    "sekä 40 muuta valtuutettua (nimenhuutoluettelo liitteenä)",
    "Maija Rantasalo, hallintojohtaja, pöytäkirjanpitäjä",
)

BUDGET_REGISTER = "RMK/1834/02.02.00/2026"
STREET_LIGHTS_REGISTER = "RMK/1655/10.03.01/2026"

BOARD_NOVEMBER = Meeting(
    bid=6101,
    organ=KAUPUNGINHALLITUS,
    number="18/2026",
    start=at(date(2026, 11, 2), 17),
    end_time="19.05",
    place="Kaupungintalo, kaupunginhallituksen kokoushuone",
    first_article=185,
    attendees=BOARD_MEMBERS,
    items=(
        legality_item("fi", MAYOR),
        minutes_checkers_item("fi", MAYOR, ("Laura Saari", "Pekka Rinne")),
        Item(
            title="Talousarvio 2027 ja taloussuunnitelma 2028-2030",
            register_id=BUDGET_REGISTER,
            preparers=(FINANCE, ADMIN),
            presenter=MAYOR,
            presentation=(
                "Talousarvion toimintamenot kasvavat 2,1 prosenttia edellisvuodesta. "
                "Verotulojen arvioidaan kasvavan 3,4 prosenttia.\n\n"
                "Investointiohjelman painopisteenä ovat koulukiinteistöt ja katujen "
                "peruskorjaukset."
            ),
            proposal=(
                "Kaupunginhallitus esittää kaupunginvaltuustolle, että valtuusto hyväksyy "
                "talousarvion 2027 ja taloussuunnitelman 2028-2030."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment("Talousarvio 2027", "Käyttötalous-, tuloslaskelma- ja investointiosa."),
                Attachment("Investointiohjelma 2027-2030", "Hankkeet vuosittain."),
            ),
        ),
        Item(
            title="Kaupunginkirjaston aukioloajat 1.1.2027 alkaen",
            register_id="RMK/1902/12.06.00/2026",
            preparers=(EDUCATION,),
            presenter=MAYOR,
            presentation=(
                "Sivistyslautakunta on esittänyt kirjaston aukioloaikojen muuttamista niin, "
                "että lauantaisin kirjasto on auki kello 10-16."
            ),
            proposal=(
                "Kaupunginhallitus hyväksyy kirjaston aukioloajat 1.1.2027 alkaen esityksen "
                "mukaisesti."
            ),
            proceedings=(
                "Anna Laine ehdotti Mikko Virran kannattamana, että asia palautetaan "
                "valmisteluun. Puheenjohtaja totesi palautusehdotuksen tulleen yksimielisesti "
                "hyväksytyksi."
            ),
            decision=(
                "Asia palautettiin valmisteluun. Aukioloajoista pyydetään kirjastolautakunnan "
                "lausunto."
            ),
        ),
        Item(
            title="Tontin myynti, Pohjoisen teollisuusalueen kortteli 4012",
            register_id="RMK/1877/10.00.02/2026",
            preparers=(PLANNER,),
            presenter=MAYOR,
            presentation=(
                "Yritys on tarjoutunut ostamaan tontin 4012-3 (pinta-ala 8 450 m2) hintaan "
                "152 100 euroa."
            ),
            proposal="Kaupunginhallitus päättää myydä tontin 4012-3 esityksen mukaisesti.",
            proceedings=(
                "Timo Kallio ehdotti Satu Niemen kannattamana, että rakentamisvelvollisuuden "
                "määräaika on kolme vuotta. Muutosehdotus hyväksyttiin yksimielisesti."
            ),
            decision=(
                "Kaupunginhallitus päätti myydä tontin 4012-3 muutettuna niin, että "
                "rakentamisvelvollisuuden määräaika on kolme vuotta. Muilta osin hyväksyttiin "
                "esitys."
            ),
            attachments=(
                Attachment("Kartta tontista 4012-3", "Tontin rajat ja liittymät."),
                Attachment(
                    "Kauppakirjaluonnos",
                    public=False,
                    confidentiality_reason="JulkL 24.1 § 20 k",
                ),
            ),
        ),
        Item(
            title="Kaupungin talouden ja toiminnan seurantaraportti 9/2026",
            register_id="RMK/1790/02.02.01/2026",
            preparers=(FINANCE,),
            presenter=MAYOR,
            presentation="Seurantaraportti kuvaa talouden toteutumaa syyskuun loppuun.",
            proposal="Kaupunginhallitus merkitsee seurantaraportin tiedoksi.",
            decision="Merkittiin tiedoksi.",
            attachments=(Attachment("Seurantaraportti 9/2026", "Toteutuma 1-9/2026."),),
        ),
    ),
)

BOARD_LATE_NOVEMBER = Meeting(
    bid=6102,
    organ=KAUPUNGINHALLITUS,
    number="19/2026",
    start=at(date(2026, 11, 16), 17),
    end_time="18.20",
    place="Kaupungintalo, kaupunginhallituksen kokoushuone",
    first_article=198,
    attendees=BOARD_MEMBERS,
    items=(
        legality_item("fi", MAYOR),
        minutes_checkers_item("fi", MAYOR, ("Timo Kallio", "Satu Niemi")),
        Item(
            title="Katuvalaistuksen saneeraus LED-valaisimiksi",
            register_id=STREET_LIGHTS_REGISTER,
            preparers=(TECHNICAL, ENGINEER),
            presenter=MAYOR,
            earlier_handling=("Tekninen lautakunta 10.11.2026 § 88",),
            presentation=(
                "Tekninen lautakunta käsitteli asian 10.11.2026 ja esitti hankkeelle "
                "lisämäärärahaa 240 000 euroa.\n\n"
                "Saneeraus pienentää sähkönkulutusta arviolta 60 prosenttia."
            ),
            proposal=(
                "Kaupunginhallitus myöntää katuvalaistuksen saneeraukseen lisämäärärahaa "
                "240 000 euroa."
            ),
            decision="Hyväksyttiin esitys.",
        ),
        Item(
            title="Asemakaavan muutos, Peltosaaren kortteli 212",
            register_id="RMK/1120/10.02.03/2026",
            preparers=(PLANNER,),
            presenter=MAYOR,
            presentation=(
                "Asemakaavan muutoksella mahdollistetaan kerrostalojen rakentaminen korttelin "
                "212 tyhjille tonteille."
            ),
            proposal=(
                "Kaupunginhallitus esittää kaupunginvaltuustolle, että valtuusto hyväksyy "
                "asemakaavan muutoksen."
            ),
            proceedings=(
                "Pekka Rinne ehdotti Timo Kallion kannattamana, että asia jätetään pöydälle. "
                "Pöydällepanoehdotus hyväksyttiin yksimielisesti."
            ),
            decision="Asia jätettiin pöydälle.",
            attachments=(
                Attachment("Asemakaavakartta", "Kaavakartta ja määräykset."),
                Attachment("Kaavaselostus", "Kaavan tavoitteet ja vaikutukset."),
            ),
        ),
    ),
)

TECHNICAL_NOVEMBER = Meeting(
    bid=6103,
    organ=TEKNINEN_LAUTAKUNTA,
    number="9/2026",
    start=at(date(2026, 11, 10), 16, 30),
    end_time="18.00",
    place="Teknisen keskuksen kokoushuone",
    first_article=85,
    attendees=TECHNICAL_MEMBERS,
    items=(
        legality_item("fi", TECHNICAL),
        Item(
            title="Talvikunnossapidon urakka 2026-2029, hankintapäätös",
            register_id="RMK/1544/02.08.00/2026",
            preparers=(ENGINEER,),
            presenter=TECHNICAL,
            presentation="Hankinnasta saatiin neljä tarjousta. Halvin hinta oli valintaperuste.",
            proposal=(
                "Tekninen lautakunta valitsee urakoitsijaksi halvimman tarjouksen tehneen "
                "yrityksen."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment(
                    "Tarjousvertailu",
                    public=False,
                    confidentiality_reason="JulkL 24.1 § 17 k",
                ),
            ),
        ),
        Item(
            title="Pysäköintivirhemaksujen korottaminen",
            register_id="RMK/1601/14.01.00/2026",
            preparers=(ENGINEER,),
            presenter=TECHNICAL,
            presentation="Laki sallii pysäköintivirhemaksun korottamisen enintään 80 euroon.",
            proposal="Tekninen lautakunta esittää pysäköintivirhemaksun korottamista 60 euroon.",
            proceedings="Äänestyksessä esitys hylättiin äänin 5-4.",
            decision="Hylättiin esitys äänin 5-4. Pysäköintivirhemaksu pysyy ennallaan.",
        ),
        Item(
            title="Katuvalaistuksen saneeraus LED-valaisimiksi, lisämäärärahaesitys",
            register_id=STREET_LIGHTS_REGISTER,
            preparers=(TECHNICAL,),
            presenter=TECHNICAL,
            presentation="Saneeraus pienentää sähkönkulutusta arviolta 60 prosenttia.",
            proposal=(
                "Tekninen lautakunta esittää kaupunginhallitukselle lisämäärärahaa 240 000 euroa."
            ),
            decision="Hyväksyttiin esitys.",
        ),
        Item(
            title="Katujen kunnossapidon katsaus",
            register_id="RMK/1702/10.03.00/2026",
            preparers=(ENGINEER,),
            presenter=TECHNICAL,
            presentation="Katsaus kertoo kesän päällystystöistä ja syksyn korjausvelasta.",
            proposal="Merkitään katsaus tiedoksi.",
            decision="Merkittiin tiedoksi.",
        ),
    ),
)

EDUCATION_NOVEMBER = Meeting(
    bid=6104,
    organ=SIVISTYSLAUTAKUNTA,
    number="8/2026",
    start=at(date(2026, 11, 12), 18),
    end_time="19.30",
    place="Kaupungintalo, valtuustosali",
    first_article=64,
    attendees=EDUCATION_MEMBERS,
    items=(
        legality_item("fi", EDUCATION),
        Item(
            title="Kouluverkkoselvitys 2027-2035",
            register_id="RMK/1488/12.01.00/2026",
            preparers=(EDUCATION, SCHOOLS),
            presenter=EDUCATION,
            presentation=(
                "Selvitys tarkastelee oppilasmäärien kehitystä ja koulukiinteistöjen kuntoa."
            ),
            proposal=(
                "Sivistyslautakunta merkitsee selvityksen tiedoksi ja lähettää sen "
                "kaupunginhallitukselle."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(Attachment("Kouluverkkoselvitys", "Oppilasennusteet 2027-2035."),),
        ),
        Item(
            title="Iltapäivätoiminnan asiakasmaksut lukuvuonna 2027-2028",
            register_id="RMK/1512/12.01.01/2026",
            preparers=(SCHOOLS,),
            presenter=EDUCATION,
            presentation="Maksut ovat pysyneet ennallaan kolme vuotta.",
            proposal="Sivistyslautakunta korottaa iltapäivätoiminnan maksua 10 eurolla.",
            proceedings=(
                "Juha Lampinen ehdotti, että asia palautetaan valmisteluun. Ehdotus hyväksyttiin."
            ),
            decision="Asia palautettiin valmisteluun.",
        ),
    ),
)

COUNCIL_NOVEMBER = Meeting(
    bid=6105,
    organ=KAUPUNGINVALTUUSTO,
    number="7/2026",
    start=at(date(2026, 11, 23), 18),
    end_time="21.40",
    place="Kaupungintalo, valtuustosali",
    first_article=71,
    attendees=COUNCIL_MEMBERS,
    items=(
        legality_item("fi", MAYOR),
        Item(
            title="Talousarvio 2027 ja taloussuunnitelma 2028-2030",
            register_id=BUDGET_REGISTER,
            preparers=(FINANCE,),
            presenter=MAYOR,
            earlier_handling=("Kaupunginhallitus 2.11.2026 § 187",),
            presentation="Kaupunginhallitus on käsitellyt talousarvion 2.11.2026.",
            proposal=(
                "Kaupunginvaltuusto hyväksyy talousarvion 2027 ja taloussuunnitelman 2028-2030."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(Attachment("Talousarvio 2027", "Kaupunginhallituksen ehdotus."),),
        ),
        Item(
            title="Tuloveroprosentti vuodelle 2027",
            register_id="RMK/1835/02.03.01/2026",
            preparers=(FINANCE,),
            presenter=MAYOR,
            presentation="Tuloveroprosentti on nyt 8,40.",
            proposal="Kaupunginvaltuusto pitää tuloveroprosentin ennallaan.",
            decision="Hyväksyttiin esitys.",
        ),
        Item(
            title="Valtuustoaloite maksuttomista uimahallivuoroista ikäihmisille",
            register_id="RMK/1420/00.02.04/2026",
            preparers=(EDUCATION,),
            presenter=MAYOR,
            presentation=(
                "Aloitteen mukaan yli 70-vuotiaille tarjottaisiin maksuton vuoro kerran viikossa."
            ),
            proposal=(
                "Kaupunginvaltuusto merkitsee vastauksen tiedoksi ja toteaa aloitteen loppuun "
                "käsitellyksi."
            ),
            decision="Merkittiin tiedoksi.",
        ),
    ),
)

BOARD_DECEMBER = Meeting(
    bid=6106,
    organ=KAUPUNGINHALLITUS,
    number="20/2026",
    start=at(date(2026, 12, 10), 17),
    end_time="",
    place="Kaupungintalo, kaupunginhallituksen kokoushuone",
    first_article=205,
    has_minutes=False,  # the meeting has not been held yet
    items=(
        legality_item("fi", MAYOR),
        Item(
            title="Lausunto Oma Hämeen palveluverkkosuunnitelmasta",
            register_id="RMK/1921/00.04.02/2026",
            preparers=(ADMIN,),
            presenter=MAYOR,
            presentation=(
                "Kanta-Hämeen hyvinvointialue pyytää kunnilta lausuntoa palveluverkko"
                "suunnitelmasta 2027-2030. Suunnitelmassa Riihimäen terveysaseman "
                "iltavastaanotto siirtyisi Hämeenlinnaan."
            ),
            proposal=(
                "Kaupunginhallitus antaa lausunnon, jossa se vastustaa iltavastaanoton "
                "siirtämistä pois Riihimäeltä."
            ),
            decision="",
        ),
        Item(
            title="Keskustan pysäköintiselvitys",
            register_id="RMK/1930/08.01.00/2026",
            preparers=(ENGINEER,),
            presenter=MAYOR,
            presentation=(
                "Selvityksen mukaan keskustan pysäköintipaikoista on arkisin käytössä "
                "keskimäärin 64 prosenttia."
            ),
            proposal="Kaupunginhallitus merkitsee selvityksen tiedoksi.",
            decision="",
        ),
    ),
)

SITE = Site(
    municipality="riihimaki",
    town_name={"fi": "Riihimäen kaupunki", "sv": "Riihimäki stad"},
    appeal_court={"fi": "Hämeenlinnan hallinto-oikeus", "sv": "Tavastehus förvaltningsdomstol"},
    register_prefix="RMK",
    base_path="/ktwebscr/",
    theme=PLAIN_THEME,
    ui_language="fi",
    encoding="utf-8",
    robots_txt="User-agent: *\nDisallow: /\n",
    organs=(KAUPUNGINVALTUUSTO, KAUPUNGINHALLITUS, TEKNINEN_LAUTAKUNTA, SIVISTYSLAUTAKUNTA),
    meetings=(
        BOARD_NOVEMBER,
        BOARD_LATE_NOVEMBER,
        TECHNICAL_NOVEMBER,
        EDUCATION_NOVEMBER,
        COUNCIL_NOVEMBER,
        BOARD_DECEMBER,
    ),
)
