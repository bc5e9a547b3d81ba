"""Vaasa: a bilingual KTweb site (Finnish UI) in the plain table theme, windows-1252.

The Swedish education committee writes its documents in Swedish. The Tekninen lautakunta
minutes page is served as UTF-16 without BOM, as some KTweb installs do. robots.txt is the
vendor default "Disallow: /". All persons are fictional.
"""

from __future__ import annotations

from datetime import date

from sample_sites.content.common import legality_item
from sample_sites.model import PLAIN_THEME, Attachment, Item, Meeting, Organ, Person, Site
from sample_sites.model import local_datetime as at

KAUPUNGINHALLITUS = Organ(4105, "Kaupunginhallitus", "fi")
TEKNINEN_LAUTAKUNTA = Organ(4122, "Tekninen lautakunta", "fi")
SVENSKA_UTBILDNINGSNAMNDEN = Organ(4131, "Svenska utbildningsnämnden", "sv")
KESKUSVAALILAUTAKUNTA = Organ(4140, "Keskusvaalilautakunta", "fi")  # no meetings published


def _official(title: str, first: str, last: str, email_name: str, phone: str) -> Person:
    return Person(title, f"{first} {last}", f"{email_name}@vaasa.fi", phone)


MAYOR = _official("kaupunginjohtaja", "Henrik", "Storbacka", "henrik.storbacka", "040 510 1001")
ADMIN_DIRECTOR = _official("hallintojohtaja", "Maria", "Lindholm", "maria.lindholm", "040 510 1120")
FINANCE_DIRECTOR = _official("talousjohtaja", "Jouni", "Peltomaa", "jouni.peltomaa", "040 510 1240")
HR_DIRECTOR = _official("henkilöstöjohtaja", "Anu", "Rajala", "anu.rajala", "040 510 1310")
PROPERTY_CHIEF = _official(
    "kiinteistöpäällikkö", "Mikko", "Ylimäki", "mikko.ylimaki", "040 510 1455"
)
TECHNICAL_DIRECTOR = _official(
    "tekninen johtaja", "Jari", "Kivioja", "jari.kivioja", "040 510 1500"
)
TRAFFIC_ENGINEER = _official(
    "liikenneinsinööri", "Noora", "Haapala", "noora.haapala", "040 510 1533"
)
EDUCATION_DIRECTOR = _official(
    "utbildningsdirektör", "Camilla", "Westerlund", "camilla.westerlund", "040 510 1602"
)
ECONOMY_PLANNER = _official(
    "ekonomiplanerare", "Fredrik", "Sjöholm", "fredrik.sjoholm", "040 510 1630"
)

BOARD_NOVEMBER_2025 = Meeting(
    bid=88410,
    organ=KAUPUNGINHALLITUS,
    number="21/2025",
    start=at(date(2025, 11, 24), 15),
    end_time="17.40",
    place="Kaupungintalo, kaupunginhallituksen istuntosali",
    first_article=498,
    attendees=(
        "Kristian Berg, puheenjohtaja",
        "Leena Kujala",
        "Anders Vik",
        "Pia Mäkinen",
        "Tuomas Hakala",
        "Henrik Storbacka, kaupunginjohtaja, esittelijä",
        "Maria Lindholm, hallintojohtaja, pöytäkirjanpitäjä",
    ),
    items=(
        Item(
            title="Lausunto Pohjanmaan hyvinvointialueen palvelustrategiasta",
            register_id="VAA/3312/00.04.01/2025",
            preparers=(ADMIN_DIRECTOR,),
            presenter=MAYOR,
            presentation=(
                "Pohjanmaan hyvinvointialue pyytää jäsenkunniltaan lausuntoa "
                "palvelustrategian luonnoksesta 30.11.2025 mennessä. Strategiassa "
                "linjataan sosiaali- ja terveyspalvelujen palveluverkko vuoteen 2030.\n\n"
                "Kaupunki pitää tärkeänä, että lähipalvelut säilyvät kaupungin eri "
                "osissa ja että palvelut ovat saatavilla molemmilla kansalliskielillä."
            ),
            proposal=(
                "Kaupunginhallitus antaa Pohjanmaan hyvinvointialueelle liitteen mukaisen "
                "lausunnon."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment(
                    "Lausunto palvelustrategiasta",
                    "Vaasan kaupungin lausunto Pohjanmaan hyvinvointialueen "
                    "palvelustrategian luonnoksesta.",
                ),
            ),
        ),
        Item(
            title="Talousarvio 2026 ja taloussuunnitelma 2027-2028",
            register_id="VAA/2904/02.02.00/2025",
            preparers=(FINANCE_DIRECTOR,),
            presenter=MAYOR,
            summary="Kaupunginhallituksen ehdotus kaupunginvaltuustolle talousarvioksi 2026.",
            presentation=(
                "Talousarvioehdotus on 1,8 miljoonaa euroa ylijäämäinen. Investointien "
                "nettomäärä on 71 miljoonaa euroa. Tuloveroprosentiksi esitetään 8,50.\n\n"
                "Kaupunginhallitus on käsitellyt talousarviota iltakoulussa 17.11.2025."
            ),
            proposal=(
                "Kaupunginhallitus esittää kaupunginvaltuustolle talousarvion 2026 ja "
                "taloussuunnitelman 2027-2028 hyväksymistä liitteen mukaisena."
            ),
            proceedings=(
                "Jäsen Anders Vik ehdotti jäsen Pia Mäkisen kannattamana, että asia "
                "jätetään pöydälle. Puheenjohtaja totesi, että koska pöydällepanoa ei "
                "vastustettu, kaupunginhallitus on yksimielisesti päättänyt jättää asian "
                "pöydälle."
            ),
            decision="Asia jätettiin pöydälle.",
            attachments=(
                Attachment("Talousarvioehdotus 2026", "Tuloslaskelma ja investointiosa."),
            ),
        ),
        Item(
            title="Kaupungin maa-alueen myynti Kivihaan teollisuusalueelta",
            register_id="VAA/2711/10.00.02/2025",
            preparers=(PROPERTY_CHIEF,),
            presenter=MAYOR,
            presentation=(
                "Pohjanmaan Konepaja Oy on esittänyt ostotarjouksen noin 2,4 hehtaarin "
                "määräalasta Kivihaan teollisuusalueelta. Kauppahinta on 312 000 euroa, "
                "mikä vastaa alueen hinnoitteluperiaatteita.\n\n"
                "Yhtiö aikoo rakentaa alueelle tuotantohallin, joka työllistäisi noin "
                "40 henkilöä."
            ),
            proposal=(
                "Kaupunginhallitus päättää myydä Pohjanmaan Konepaja Oy:lle liitteen "
                "mukaisen määräalan 312 000 euron kauppahinnasta."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment("Kauppakirjaluonnos", "Kauppakirjan ehdot ja kauppahinta."),
                Attachment("Sijaintikartta", "Myytävä määräala Kivihaan teollisuusalueella."),
            ),
        ),
        Item(
            title="Kaupunginhallituksen jaostojen pöytäkirjat",
            preparers=(ADMIN_DIRECTOR,),
            presenter=MAYOR,
            presentation=(
                "Kaupunginhallitukselle ilmoitetaan konsernijaoston 10.11.2025 ja "
                "elinvoimajaoston 12.11.2025 pöytäkirjat."
            ),
            proposal="Kaupunginhallitus merkitsee pöytäkirjat tiedoksi.",
            decision="Merkittiin tiedoksi.",
        ),
        Item(
            title="Henkilöstöjohtajan viran täyttäminen",
            register_id="VAA/2650/01.01.01/2025",
            preparers=(ADMIN_DIRECTOR,),
            presenter=MAYOR,
            presentation=(
                "Henkilöstöjohtajan virka on ollut haettavana 1.9.-22.9.2025. Hakemuksia "
                "saapui yhdeksän. Haastattelutyöryhmä haastatteli kolme hakijaa, ja kaksi "
                "osallistui soveltuvuusarviointiin.\n\n"
                "Viran kelpoisuusvaatimuksena on soveltuva ylempi korkeakoulututkinto, "
                "kokemus henkilöstöhallinnosta sekä suomen ja ruotsin kielen taito."
            ),
            proposal=(
                "Kaupunginhallitus valitsee henkilöstöjohtajan virkaan hallintotieteiden "
                "maisteri Anu Rajalan."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment(
                    "Hakijoiden arviointi",
                    public=False,
                    confidentiality_reason="JulkL 24.1 § 29 k",
                ),
            ),
        ),
    ),
)

TECHNICAL_OCTOBER_2026 = Meeting(
    bid=88522,
    organ=TEKNINEN_LAUTAKUNTA,
    number="9/2026",
    start=at(date(2026, 10, 13), 16, 30),
    end_time="18.10",
    place="Teknisen toimen virastotalo, kokoushuone Kvarken",
    first_article=84,
    attendees=(
        "Leena Kujala, puheenjohtaja",
        "Mats Granlund",
        "Sirpa Ojala",
        "Johan Knuts",
        "Jari Kivioja, tekninen johtaja, esittelijä",
    ),
    items=(
        legality_item("fi", TECHNICAL_DIRECTOR),
        Item(
            title="Pyöräilyn pääverkon toteutusohjelma 2027-2030",
            register_id="VAA/2233/08.01.00/2026",
            preparers=(TRAFFIC_ENGINEER,),
            presenter=TECHNICAL_DIRECTOR,
            presentation=(
                "Toteutusohjelmassa esitetään pyöräilyn pääverkon puuttuvien osuuksien "
                "rakentaminen vuosina 2027-2030. Ohjelman kustannusarvio on 9,8 miljoonaa "
                "euroa, ja se on sovitettu investointiohjelmaan.\n\n"
                "Ensimmäisenä toteutetaan Hietalahdenkadun ja Palosaaren sillan välinen "
                "yhteys."
            ),
            proposal=(
                "Tekninen lautakunta hyväksyy pyöräilyn pääverkon toteutusohjelman 2027-2030."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(Attachment("Toteutusohjelma", "Hankkeet vuosittain ja kustannusarviot."),),
        ),
        Item(
            title="Keskustan pysäköintimaksujen tarkistaminen",
            register_id="VAA/2301/08.02.01/2026",
            preparers=(TRAFFIC_ENGINEER,),
            presenter=TECHNICAL_DIRECTOR,
            presentation=(
                "Keskustan pysäköintimaksuja on viimeksi tarkistettu vuonna 2021. "
                "Esityksessä 1-vyöhykkeen tuntimaksu nousisi 2,00 eurosta 2,40 euroon ja "
                "2-vyöhykkeen 1,20 eurosta 1,50 euroon 1.1.2027 alkaen."
            ),
            proposal=(
                "Tekninen lautakunta hyväksyy keskustan pysäköintimaksut esityksen "
                "mukaisina 1.1.2027 alkaen."
            ),
            proceedings=(
                "Jäsen Mats Granlund ehdotti jäsen Sirpa Ojalan kannattamana, että asia "
                "palautetaan valmisteluun ja valmistelussa selvitetään asukaspysäköinnin "
                "maksujen vaikutukset. Puheenjohtaja totesi lautakunnan yksimielisesti "
                "hyväksyneen palautusehdotuksen."
            ),
            decision="Asia palautettiin valmisteluun.",
        ),
        Item(
            title="Kaupunkiliikenteen joukkoliikennesopimuksen lisätyö",
            register_id="VAA/1890/08.03.00/2026",
            preparers=(TRAFFIC_ENGINEER,),
            presenter=TECHNICAL_DIRECTOR,
            presentation=(
                "Palosaaren linjalle esitetään lisävuoroja arkipäivien ruuhka-aikoina "
                "1.1.2027 alkaen. Lisätyön kustannus on noin 85 000 euroa vuodessa."
            ),
            proposal=(
                "Tekninen lautakunta hyväksyy joukkoliikennesopimukseen lisätyön "
                "esityksen mukaisesti."
            ),
            decision="Hyväksyttiin esitys.",
        ),
    ),
)

SWEDISH_EDUCATION_FEBRUARY_2025 = Meeting(
    bid=87215,
    organ=SVENSKA_UTBILDNINGSNAMNDEN,
    number="2/2025",
    start=at(date(2025, 2, 18), 17),
    end_time="19.20",
    place="Rådhuset, mötesrum Dragonen",
    first_article=9,
    attendees=(
        "Ulla Sundqvist, ordförande",
        "Emma Nyberg",
        "Oskar Wikström",
        "Jenny Strand",
        "Camilla Westerlund, utbildningsdirektör, föredragande",
    ),
    items=(
        legality_item("sv", EDUCATION_DIRECTOR),
        Item(
            title="Utlåtande om förslaget till ny timfördelning i den grundläggande utbildningen",
            register_id="VAA/412/12.00.01/2025",
            preparers=(EDUCATION_DIRECTOR,),
            presenter=EDUCATION_DIRECTOR,
            summary="Undervisnings- och kulturministeriet begär utlåtande senast 28.2.2025.",
            presentation=(
                "Enligt förslaget ökas antalet veckotimmar i modersmål och litteratur i "
                "årskurserna 1-2 och minskas valfria timmar i årskurserna 7-9.\n\n"
                "Nämnden anser att ändringen är motiverad men att den kräver extra "
                "resurser för små skolor i Vasa."
            ),
            proposal=(
                "Svenska utbildningsnämnden ger undervisnings- och kulturministeriet ett "
                "utlåtande enligt bilagan."
            ),
            decision="Förslaget godkändes.",
            attachments=(
                Attachment(
                    "Utlåtande om timfördelningen",
                    "Svenska utbildningsnämndens utlåtande om förslaget till ny timfördelning.",
                ),
            ),
        ),
        Item(
            title="Budgetuppföljning januari 2025",
            register_id="VAA/230/02.02.02/2025",
            preparers=(ECONOMY_PLANNER,),
            presenter=EDUCATION_DIRECTOR,
            presentation=(
                "Verksamhetsutfallet för januari motsvarar 8,1 procent av årsbudgeten. "
                "Personalkostnaderna följer budgeten."
            ),
            proposal="Nämnden antecknar budgetuppföljningen för kännedom.",
            decision="Antecknades för kännedom.",
        ),
        Item(
            title="Skolskjutsar till Gerby skola läsåret 2025-2026",
            register_id="VAA/298/12.01.02/2025",
            preparers=(EDUCATION_DIRECTOR,),
            presenter=EDUCATION_DIRECTOR,
            presentation=(
                "Skolskjutsarna till Gerby skola ordnas i dag med två upphandlade "
                "bussturer. Förslaget är att turerna slås samman från hösten 2025, vilket "
                "förlänger restiden för en del elever med cirka 15 minuter."
            ),
            proposal=(
                "Svenska utbildningsnämnden godkänner ändringen av skolskjutsarna till "
                "Gerby skola från och med läsåret 2025-2026."
            ),
            proceedings=(
                "Ledamot Oskar Wikström föreslog, understödd av ledamot Jenny Strand, att "
                "ärendet bordläggs tills föräldrarna har hörts. Nämnden omfattade "
                "enhälligt förslaget om bordläggning."
            ),
            decision="Ärendet bordlades.",
        ),
    ),
)

SITE = Site(
    municipality="vaasa",
    town_name={"fi": "Vaasan kaupunki", "sv": "Vasa stad"},
    appeal_court={"fi": "Vaasan hallinto-oikeus", "sv": "Vasa förvaltningsdomstol"},
    register_prefix="VAA",
    base_path="/ktwebscr/",
    theme=PLAIN_THEME,
    ui_language="fi",
    encoding="windows-1252",
    robots_txt="User-agent: *\nDisallow: /\n",
    organs=(
        KAUPUNGINHALLITUS,
        TEKNINEN_LAUTAKUNTA,
        SVENSKA_UTBILDNINGSNAMNDEN,
        KESKUSVAALILAUTAKUNTA,
    ),
    meetings=(BOARD_NOVEMBER_2025, TECHNICAL_OCTOBER_2026, SWEDISH_EDUCATION_FEBRUARY_2025),
    utf16_pages=frozenset({f"/ktwebscr/pk_asil_tweb.htm?+bid={TECHNICAL_OCTOBER_2026.bid}"}),
)
