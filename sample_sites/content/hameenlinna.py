"""Hämeenlinna: a Finnish-only KTweb site in the plain table theme, windows-1252.

All persons are fictional. Item § 90 (Vahingonkorvausvaatimus) concerns a private person and
carries a henkilötunnus-shaped string (150372-958K, individual number in the 900 range used
for test identities) so that redaction can be tested.
"""

from __future__ import annotations

from datetime import date

from sample_sites.content.common import legality_item, minutes_checkers_item
from sample_sites.model import PLAIN_THEME, Attachment, Item, Meeting, Organ, Person, Site
from sample_sites.model import local_datetime as at

KAUPUNGINHALLITUS = Organ(21015, "Kaupunginhallitus", "fi")
KAUPUNGINVALTUUSTO = Organ(21038, "Kaupunginvaltuusto", "fi")
KAUPUNKIRAKENNELAUTAKUNTA = Organ(21044, "Kaupunkirakennelautakunta", "fi")
TARKASTUSLAUTAKUNTA = Organ(21052, "Tarkastuslautakunta", "fi")  # no meetings published


def _official(title: str, first: str, last: str, email_name: str, phone: str) -> Person:
    return Person(title, f"{first} {last}", f"{email_name}@hameenlinna.fi", phone)


MAYOR = _official("kaupunginjohtaja", "Juhani", "Lehtola", "juhani.lehtola", "03 621 2001")
ADMIN_DIRECTOR = _official(
    "hallintojohtaja", "Sari", "Mäkelä-Koivu", "sari.makela-koivu", "03 621 2110"
)
FINANCE_DIRECTOR = _official("talousjohtaja", "Pekka", "Harjula", "pekka.harjula", "03 621 2240")
PLANNING_CHIEF = _official("kaavoituspäällikkö", "Elina", "Rautio", "elina.rautio", "03 621 2385")
URBAN_DIRECTOR = _official(
    "kaupunkirakennejohtaja", "Markku", "Ilvesmäki", "markku.ilvesmaki", "03 621 2300"
)
LAWYER = _official("kaupunginlakimies", "Heidi", "Salonen", "heidi.salonen", "03 621 2133")
HR_DIRECTOR = _official("henkilöstöjohtaja", "Riikka", "Vainio", "riikka.vainio", "03 621 2150")
TRAFFIC_ENGINEER = _official(
    "liikenneinsinööri", "Antti", "Lähteenmäki", "antti.lahteenmaki", "03 621 2391"
)
EDUCATION_DIRECTOR = _official(
    "varhaiskasvatusjohtaja", "Tuula", "Hirvonen", "tuula.hirvonen", "03 621 2520"
)

BOARD_MEMBERS = (
    "Laura Niemi, puheenjohtaja",
    "Jukka Halme, 1. varapuheenjohtaja",
    "Satu Rinne",
    "Timo Kallio",
    "Minna Koskela",
    "Petri Laine",
    "Henna Virta",
    "Eero Mattila",
    "Juhani Lehtola, kaupunginjohtaja, esittelijä",
    "Sari Mäkelä-Koivu, hallintojohtaja, pöytäkirjanpitäjä",
)
COUNCIL_MEMBERS = (
    "Ville Ahola, puheenjohtaja",
    "Laura Niemi",
    "Timo Kallio",
    "Jukka Halme",
    "Satu Rinne",
    "sekä 46 muuta valtuutettua (nimenhuutoluettelo liitteenä)",
    "Sari Mäkelä-Koivu, hallintojohtaja, pöytäkirjanpitäjä",
)
COMMITTEE_MEMBERS = (
    "Eero Mattila, puheenjohtaja",
    "Henna Virta",
    "Olli Järvinen",
    "Pirjo Lampinen",
    "Markku Ilvesmäki, kaupunkirakennejohtaja, esittelijä",
)

BOARD_MARCH_2025 = Meeting(
    bid=31201,
    organ=KAUPUNGINHALLITUS,
    number="5/2025",
    start=at(date(2025, 3, 17), 17),
    end_time="18.50",
    place="Kaupungintalo, kaupunginhallituksen kokoushuone",
    first_article=88,
    attendees=BOARD_MEMBERS,
    items=(
        legality_item("fi", MAYOR),
        Item(
            title="Lausunto Hämeen liitolle maakuntakaavan kokonaisuudistuksen luonnoksesta",
            register_id="HML/512/10.02.01/2025",
            preparers=(PLANNING_CHIEF, URBAN_DIRECTOR),
            presenter=MAYOR,
            summary=(
                "Hämeen liitto pyytää kaupungin lausuntoa maakuntakaavan kokonaisuudistuksen "
                "luonnoksesta 31.3.2025 mennessä."
            ),
            presentation=(
                "Hämeen liitto valmistelee maakuntakaavan kokonaisuudistusta, jonka "
                "tavoitevuosi on 2050. Kaavaluonnos on ollut nähtävillä 3.2.-7.3.2025. "
                "Luonnoksessa osoitetaan muun muassa taajamatoimintojen alueet, "
                "kaupan suuryksiköiden sijainnit sekä valtakunnallisesti merkittävät "
                "liikenneväylät.\n\n"
                "Kaupungin kannalta keskeistä on, että Hämeenlinnan keskustan ja "
                "Moreenian alueen kehittäminen on mahdollista ja että Helsinki-Tampere "
                "-käytävän raideliikenteen kehittämistarpeet on tunnistettu. Lausunnossa "
                "esitetään lisäksi, että Aulangon ja Hattulan välisen virkistysyhteyden "
                "merkintä säilytetään.\n\n"
                "Lausuntoluonnos on valmisteltu kaupunkirakenteen palvelualueella."
            ),
            proposal=(
                "Kaupunginhallitus päättää antaa Hämeen liitolle liitteen mukaisen "
                "lausunnon maakuntakaavan kokonaisuudistuksen luonnoksesta."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment(
                    "Lausunto maakuntakaavaluonnoksesta",
                    "Hämeenlinnan kaupunki pitää maakuntakaavaluonnosta pääosin "
                    "onnistuneena ja esittää tarkennuksia keskustan ja Moreenian "
                    "aluevarauksiin.",
                ),
                Attachment(
                    "Hämeen liiton lausuntopyyntö 3.2.2025",
                    "Hämeen liitto pyytää lausuntoa maakuntakaavan kokonaisuudistuksen "
                    "luonnoksesta.",
                ),
            ),
        ),
        Item(
            title="Vahingonkorvausvaatimus / Aapo Kettunen",
            register_id="HML/702/03.07.00/2025",
            preparers=(LAWYER,),
            presenter=MAYOR,
            summary=(
                "Yksityishenkilö vaatii kaupungilta korvausta autolleen aiheutuneesta vahingosta."
            ),
            presentation=(
                "Aapo Kettunen (henkilötunnus 150372-958K), Rauhankatu 14 B 7, 13100 "
                "Hämeenlinna, puh. 040 718 2290, aapo.kettunen@example.com, on 12.1.2025 "
                "saapuneella kirjeellä vaatinut kaupungilta 1 840 euron korvausta "
                "henkilöautolleen aiheutuneesta vauriosta. Vaatimuksen mukaan auto "
                "vaurioitui 8.1.2025 Viipurintiellä ajoradassa olleen kuopan vuoksi.\n\n"
                "Kaupungin kunnossapitoyksikön selvityksen mukaan kuoppa oli havaittu "
                "7.1.2025 ja merkitty varoitusmerkein, ja se korjattiin 9.1.2025. "
                "Kaupunki on huolehtinut kunnossapitovelvollisuudestaan kadun "
                "kunnossapidosta annetun lain mukaisesti, eikä kaupunki ole "
                "vahingonkorvauslain mukaan vastuussa vahingosta."
            ),
            proposal=("Kaupunginhallitus päättää hylätä Aapo Kettusen vahingonkorvausvaatimuksen."),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment(
                    "Korvausvaatimus 12.1.2025",
                    public=False,
                    confidentiality_reason="JulkL 24.1 § 32 k",
                ),
            ),
        ),
        Item(
            title="Talousarvion 2025 toteutumisennuste, tammi-helmikuu",
            register_id="HML/388/02.02.00/2025",
            preparers=(FINANCE_DIRECTOR,),
            presenter=MAYOR,
            presentation=(
                "Talousarvion toteutumista seurataan kuukausittain. Tammi-helmikuun "
                "toteutuman perusteella toimintakatteen ennustetaan toteutuvan 2,1 "
                "miljoonaa euroa talousarviota heikompana. Poikkeama johtuu pääosin "
                "kiinteistöjen energiakustannuksista ja talvikunnossapidosta.\n\n"
                "Verotulojen ennustetaan toteutuvan talousarvion mukaisina. "
                "Investointien toteutumisaste on helmikuun lopussa 6 prosenttia."
            ),
            proposal=(
                "Kaupunginhallitus merkitsee tiedoksi talousarvion 2025 "
                "toteutumisennusteen tammi-helmikuulta."
            ),
            decision="Merkittiin tiedoksi.",
            attachments=(
                Attachment(
                    "Toteutumisennuste 2/2025",
                    "Toimintakate, verotulot ja investoinnit palvelualueittain "
                    "tammi-helmikuu 2025.",
                ),
            ),
        ),
        Item(
            title="Hätilän koulun peruskorjauksen hankesuunnitelma",
            register_id="HML/215/10.03.00/2025",
            preparers=(URBAN_DIRECTOR,),
            presenter=MAYOR,
            presentation=(
                "Hätilän koulun peruskorjauksen hankesuunnitelman kustannusarvio on 14,6 "
                "miljoonaa euroa. Peruskorjaus on tarkoitus toteuttaa vuosina 2026-2027, "
                "ja opetus järjestetään korjauksen ajan väistötiloissa.\n\n"
                "Hankesuunnitelma on käsitelty kasvatus- ja opetuslautakunnassa "
                "11.2.2025."
            ),
            proposal=(
                "Kaupunginhallitus hyväksyy Hätilän koulun peruskorjauksen hankesuunnitelman."
            ),
            proceedings=(
                "Jäsen Satu Rinne ehdotti jäsen Petri Laineen kannattamana, että asia "
                "jätetään pöydälle seuraavaan kokoukseen väistötilojen kustannusten "
                "selvittämiseksi. Kaupunginhallitus hyväksyi yksimielisesti "
                "pöydällepanoehdotuksen."
            ),
            decision="Asia jätettiin pöydälle.",
        ),
    ),
)

COUNCIL_JUNE_2025 = Meeting(
    bid=31433,
    organ=KAUPUNGINVALTUUSTO,
    number="4/2025",
    start=at(date(2025, 6, 9), 18),
    end_time="21.15",
    place="Verkatehdas, Vanaja-sali",
    first_article=41,
    attendees=COUNCIL_MEMBERS,
    items=(
        legality_item("fi", MAYOR),
        Item(
            title="Tilinpäätös ja toimintakertomus vuodelta 2024",
            register_id="HML/402/02.06.01/2025",
            preparers=(FINANCE_DIRECTOR,),
            presenter=MAYOR,
            earlier_handling=("Kaupunginhallitus 26.5.2025 § 160",),
            presentation=(
                "Kaupungin tilikauden 2024 tulos on 6,4 miljoonaa euroa ylijäämäinen. "
                "Vuosikate oli 38,2 miljoonaa euroa ja poistot 31,8 miljoonaa euroa. "
                "Lainakanta oli vuoden lopussa 3 120 euroa asukasta kohden.\n\n"
                "Tarkastuslautakunta on käsitellyt arviointikertomuksen 20.5.2025, ja "
                "tilintarkastaja on antanut tilintarkastuskertomuksen 15.5.2025."
            ),
            proposal=(
                "Kaupunginvaltuusto hyväksyy vuoden 2024 tilinpäätöksen ja "
                "toimintakertomuksen sekä päättää, että tilikauden ylijäämä siirretään "
                "taseen edellisten tilikausien yli- ja alijäämätilille."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment(
                    "Tilinpäätös 2024",
                    "Toimintakertomus, tuloslaskelma, rahoituslaskelma ja tase vuodelta 2024.",
                ),
            ),
        ),
        Item(
            title="Talousarviomuutokset 2025",
            register_id="HML/1010/02.02.00/2025",
            preparers=(FINANCE_DIRECTOR,),
            presenter=MAYOR,
            earlier_handling=("Kaupunginhallitus 26.5.2025 § 162",),
            presentation=(
                "Palvelualueet ovat esittäneet talousarvioon 2025 muutoksia, jotka "
                "johtuvat muun muassa energiakustannusten noususta ja valtionosuuksien "
                "tarkentumisesta. Muutokset heikentävät tilikauden tulosta yhteensä "
                "1,2 miljoonaa euroa.\n\n"
                "Investointiosaan esitetään lisättäväksi 900 000 euroa Hätilän koulun "
                "väistötiloihin."
            ),
            proposal=(
                "Kaupunginvaltuusto hyväksyy liitteen mukaiset talousarviomuutokset vuodelle 2025."
            ),
            proceedings=(
                "Valtuutettu Laura Niemi ehdotti valtuutettu Timo Kallion kannattamana, "
                "että investointiosaan lisätään 250 000 euroa Aulangon ulkoilureittien "
                "kunnostukseen ja katujen ylläpidon määrärahaa vähennetään vastaavasti.\n\n"
                "Puheenjohtaja totesi, että on tehty kannatettu muutosehdotus, joten "
                "asiasta on äänestettävä. Puheenjohtaja esitti äänestettäväksi siten, "
                "että kaupunginhallituksen esitystä kannattavat äänestävät JAA ja "
                "valtuutettu Niemen muutosehdotusta kannattavat äänestävät EI.\n\n"
                "Äänestyksessä annettiin 23 JAA-ääntä ja 28 EI-ääntä. Puheenjohtaja "
                "totesi kaupunginvaltuuston hyväksyneen valtuutettu Niemen "
                "muutosehdotuksen. Äänestysluettelo on pöytäkirjan liitteenä."
            ),
            decision=(
                "Kaupunginvaltuusto hyväksyi talousarviomuutokset muutettuna siten, että "
                "Aulangon ulkoilureittien kunnostukseen lisätään 250 000 euroa ja katujen "
                "ylläpidon määrärahaa vähennetään vastaavasti. Muilta osin esitys "
                "hyväksyttiin."
            ),
            attachments=(
                Attachment(
                    "Talousarviomuutokset 2025",
                    "Käyttötalouden ja investointien muutokset palvelualueittain.",
                ),
                Attachment("Äänestysluettelo", "Valtuutettujen äänet nimittäin: JAA 23, EI 28."),
            ),
        ),
        Item(
            title="Varhaiskasvatusjohtajan virkavaali",
            register_id="HML/655/01.01.01/2025",
            preparers=(HR_DIRECTOR,),
            presenter=MAYOR,
            earlier_handling=("Kaupunginhallitus 26.5.2025 § 171",),
            presentation=(
                "Varhaiskasvatusjohtajan virka on ollut julkisesti haettavana "
                "10.3.-31.3.2025. Määräaikaan mennessä hakemuksia saapui 14. "
                "Haastatteluihin kutsuttiin neljä hakijaa, joista kaksi osallistui "
                "soveltuvuusarviointiin.\n\n"
                "Kelpoisuusvaatimuksena on varhaiskasvatuksen opettajan kelpoisuus ja "
                "soveltuva ylempi korkeakoulututkinto sekä kokemus johtamisesta."
            ),
            proposal=(
                "Kaupunginvaltuusto valitsee varhaiskasvatusjohtajan virkaan "
                "kasvatustieteen maisteri Tuula Hirvosen. Virka täytetään kuuden kuukauden "
                "koeajalla."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment("Hakijayhteenveto", "Hakijoiden koulutus ja työkokemus."),
                Attachment(
                    "Soveltuvuusarvioinnin raportti",
                    public=False,
                    confidentiality_reason="JulkL 24.1 § 29 k",
                ),
            ),
        ),
    ),
)

BOARD_OCTOBER_2026 = Meeting(
    bid=31877,
    organ=KAUPUNGINHALLITUS,
    number="19/2026",
    start=at(date(2026, 10, 26), 17),
    end_time="19.05",
    place="Kaupungintalo, kaupunginhallituksen kokoushuone",
    first_article=402,
    attendees=BOARD_MEMBERS,
    items=(
        legality_item("fi", MAYOR),
        minutes_checkers_item("fi", MAYOR, ("Minna Koskela", "Eero Mattila")),
        Item(
            title=(
                "Talousarvio 2027 ja taloussuunnitelma 2028-2029, kaupunginhallituksen "
                "esitys kaupunginvaltuustolle"
            ),
            register_id="HML/1460/02.02.00/2026",
            preparers=(FINANCE_DIRECTOR, MAYOR),
            presenter=MAYOR,
            summary=(
                "Talousarvioesitys on 4,1 miljoonaa euroa ylijäämäinen. Tuloveroprosentti "
                "pidetään ennallaan 8,36 prosentissa."
            ),
            presentation=(
                "Talousarvioesitys on laadittu valtuuston hyväksymän kaupunkistrategian ja "
                "taloustavoitteiden pohjalta. Toimintakulut kasvavat 2,4 prosenttia "
                "vuoden 2026 talousarviosta. Investointien nettomäärä on 48 miljoonaa "
                "euroa, josta suurimmat ovat Hätilän koulun peruskorjaus ja Keinusaaren "
                "katurakentaminen.\n\n"
                "Lainakannan ennustetaan kasvavan 6 miljoonaa euroa. Kiinteistöveroprosentit "
                "esitetään pidettäviksi vuoden 2026 tasolla.\n\n"
                # Long enough to run onto a second page, as real budget items do.
                "Toimintaympäristö: Kaupungin väkiluku oli syyskuun lopussa 68 120 asukasta. "
                "Väestö on kasvanut hieman muuttovoiton ansiosta, mutta syntyvyys on "
                "edelleen laskussa. Alle kouluikäisten määrän väheneminen näkyy "
                "varhaiskasvatuksen palveluverkossa, ja yli 75-vuotiaiden määrän kasvu "
                "lisää kaupungin asumis- ja liikkumispalvelujen tarvetta.\n\n"
                "Verotulot: Kunnallisveron tuotoksi arvioidaan 262 miljoonaa euroa, "
                "kiinteistöveron tuotoksi 24 miljoonaa euroa ja yhteisöveron tuotoksi 19 "
                "miljoonaa euroa. Valtionosuuksien arvioidaan olevan 71 miljoonaa euroa. "
                "Ennusteet perustuvat Kuntaliiton lokakuun veroennustekehikkoon.\n\n"
                "Palvelualueet: Kasvatuksen ja opetuksen palvelualueen määrärahat kasvavat "
                "3,1 prosenttia, mikä johtuu pääosin palkkaratkaisuista ja oppivelvollisuuden "
                "laajentamisen kustannuksista. Kaupunkirakenteen palvelualueella "
                "kunnossapidon määrärahoja korotetaan, jotta katuverkon korjausvelka ei "
                "kasva. Elinvoiman palvelualueen työllisyyspalveluihin varataan 14 "
                "miljoonaa euroa.\n\n"
                "Investoinnit: Talonrakennusinvestointeihin varataan 29 miljoonaa euroa, "
                "katu- ja liikenneväyliin 13 miljoonaa euroa sekä puistoihin ja "
                "liikuntapaikkoihin 6 miljoonaa euroa. Investointien tulorahoituksen "
                "kertymä on 78 prosenttia.\n\n"
                "Henkilöstö: Vakinaisen henkilöstön määrän arvioidaan pysyvän ennallaan. "
                "Henkilöstökulujen kasvu johtuu valtakunnallisista virka- ja "
                "työehtosopimuksista.\n\n"
                "Riskit: Talousarvioon sisältyvät suurimmat riskit liittyvät verotulojen "
                "kehitykseen, korkotasoon ja rakennuskustannusten nousuun. Talouden "
                "toteutumista seurataan kuukausittain, ja kaupunginhallitukselle "
                "raportoidaan neljännesvuosittain."
            ),
            proposal=(
                "Kaupunginhallitus esittää kaupunginvaltuustolle, että se hyväksyy "
                "talousarvion 2027 ja taloussuunnitelman 2028-2029 liitteen mukaisena."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment(
                    "Talousarvioesitys 2027",
                    "Käyttötalous, tuloslaskelma, rahoituslaskelma ja investoinnit.",
                ),
                Attachment(
                    "Investointiohjelma 2027-2031",
                    "Talonrakennus-, katu- ja puistoinvestoinnit hankkeittain.",
                ),
            ),
        ),
        Item(
            title="Oikaisuvaatimus varhaiskasvatusmaksua koskevasta päätöksestä",
            register_id="HML/1388/12.00.01/2026",
            preparers=(EDUCATION_DIRECTOR, LAWYER),
            presenter=MAYOR,
            presentation=(
                "Reija Laaksonen, puh. 050 442 1876, on tehnyt oikaisuvaatimuksen "
                "varhaiskasvatuksen asiakasmaksupäätöksestä 2.9.2026. Hän katsoo, että "
                "maksun perusteena käytetyt tulot on määritelty virheellisesti.\n\n"
                "Varhaiskasvatuksen asiakasmaksuista annetun lain mukaan maksu määräytyy "
                "perheen koon ja tulojen mukaan. Selvityksen perusteella tulot on "
                "määritelty toimitettujen tositteiden mukaisesti."
            ),
            proposal="Kaupunginhallitus päättää hylätä oikaisuvaatimuksen.",
            proceedings=(
                "Jäsen Henna Virta ehdotti, että asia palautetaan valmisteluun, koska "
                "oikaisuvaatimuksen jälkeen toimitettuja tositteita ei ole arvioitu. "
                "Ehdotusta ei kannatettu eri mieltä olevilla, joten kaupunginhallitus "
                "hyväksyi yksimielisesti palautusehdotuksen."
            ),
            decision="Asia palautettiin valmisteluun.",
        ),
        Item(
            title="Asemakaavan muutos, Keinusaaren asuinkortteli 115",
            register_id="HML/903/10.02.03/2025",
            preparers=(PLANNING_CHIEF,),
            presenter=MAYOR,
            earlier_handling=("Kaupunkirakennelautakunta 15.9.2026 § 98",),
            summary=("Asemakaavan muutos mahdollistaa noin 220 asunnon rakentamisen Keinusaareen."),
            presentation=(
                "Asemakaavan muutos koskee Keinusaaren korttelia 115 ja sen viereisiä "
                "katualueita. Kaavamuutoksella kortteli muutetaan liike- ja "
                "toimistorakennusten korttelialueesta asuinkerrostalojen "
                "korttelialueeksi. Rakennusoikeutta osoitetaan yhteensä 16 500 "
                "kerrosneliömetriä.\n\n"
                "Kaavaehdotus oli nähtävillä 5.6.-7.7.2026. Siitä saatiin neljä lausuntoa "
                "ja kaksi muistutusta, joihin on laadittu vastineet."
            ),
            proposal=(
                "Kaupunginhallitus esittää kaupunginvaltuustolle, että se hyväksyy "
                "Keinusaaren korttelin 115 asemakaavan muutoksen liitteen mukaisena."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(
                Attachment("Asemakaavakartta ja -määräykset", "Kaavakartta 1:2000."),
                Attachment(
                    "Kaavaselostus",
                    "Kaavamuutoksen lähtökohdat, tavoitteet ja vaikutukset.",
                ),
            ),
        ),
    ),
)

COMMITTEE_NOVEMBER_2026 = Meeting(
    bid=31990,
    organ=KAUPUNKIRAKENNELAUTAKUNTA,
    number="12/2026",
    start=at(date(2026, 11, 17), 16),
    end_time="",
    place="Kaupungintalo, valtuustosali",
    first_article=121,
    has_minutes=False,  # minutes not yet published
    attendees=COMMITTEE_MEMBERS,
    items=(
        legality_item("fi", URBAN_DIRECTOR),
        Item(
            title=(
                "Lausunto Hämeen ELY-keskukselle valtatien 10 parantamisen "
                "yleissuunnitelmasta välillä Hämeenlinna-Turenki"
            ),
            register_id="HML/1502/08.00.00/2026",
            preparers=(TRAFFIC_ENGINEER,),
            presenter=URBAN_DIRECTOR,
            presentation=(
                "Hämeen ELY-keskus pyytää lausuntoa valtatien 10 parantamisen "
                "yleissuunnitelmasta. Suunnitelmassa esitetään kahden eritasoliittymän "
                "rakentamista ja kevyen liikenteen väylän jatkamista Turenkiin.\n\n"
                "Kaupunki pitää suunnitelmaa tarpeellisena ja esittää, että "
                "meluntorjunta toteutetaan samassa yhteydessä."
            ),
            proposal=(
                "Kaupunkirakennelautakunta antaa Hämeen ELY-keskukselle esittelytekstin "
                "mukaisen lausunnon."
            ),
            decision="",
        ),
        Item(
            title="Katujen talvikunnossapidon urakka 2027-2030, hankintapäätös",
            register_id="HML/1217/02.08.00/2026",
            preparers=(URBAN_DIRECTOR,),
            presenter=URBAN_DIRECTOR,
            presentation=(
                "Katujen talvikunnossapidosta kilpailutettiin neljän vuoden urakka "
                "avoimella menettelyllä. Määräaikaan mennessä saatiin viisi tarjousta. "
                "Valintaperusteena oli kokonaistaloudellinen edullisuus, jossa hinnan "
                "painoarvo oli 70 ja laadun 30 prosenttia."
            ),
            proposal=(
                "Kaupunkirakennelautakunta päättää valita urakoitsijaksi kokonaistaloudellisesti "
                "edullisimman tarjouksen tehneen Vanajan Tiepalvelu Oy:n."
            ),
            decision="",
            attachments=(
                Attachment(
                    "Tarjousvertailu",
                    public=False,
                    confidentiality_reason="JulkL 24.1 § 17 k",
                ),
                Attachment("Urakka-alueiden kartta", "Urakka-alueet 1-4 kartalla."),
            ),
        ),
        Item(
            title="Poikkeamispäätös, omakotitalon rakentaminen Ojoisten kylään",
            register_id="HML/1433/10.03.01/2026",
            preparers=(PLANNING_CHIEF,),
            presenter=URBAN_DIRECTOR,
            presentation=(
                "Rakennus Vanaja Oy hakee poikkeamispäätöstä omakotitalon rakentamiseksi "
                "Ojoisten kylän tilalle 109-412-3-71 yleiskaavan maa- ja "
                "metsätalousvaltaiselle alueelle. Rakennuspaikka rajoittuu olemassa "
                "olevaan kyläasutukseen."
            ),
            proposal="Kaupunkirakennelautakunta myöntää haetun poikkeamisen.",
            decision="",
        ),
    ),
)

SITE = Site(
    municipality="hameenlinna",
    town_name={"fi": "Hämeenlinnan kaupunki", "sv": "Tavastehus stad"},
    appeal_court={"fi": "Hämeenlinnan hallinto-oikeus", "sv": "Tavastehus förvaltningsdomstol"},
    register_prefix="HML",
    base_path="/ktwebscr/",
    theme=PLAIN_THEME,
    ui_language="fi",
    encoding="windows-1252",
    robots_txt="User-agent: *\nAllow: /\n",
    organs=(KAUPUNGINHALLITUS, KAUPUNGINVALTUUSTO, KAUPUNKIRAKENNELAUTAKUNTA, TARKASTUSLAUTAKUNTA),
    meetings=(BOARD_MARCH_2025, COUNCIL_JUNE_2025, BOARD_OCTOBER_2026, COMMITTEE_NOVEMBER_2026),
)
