"""Pedersöre on CloudNC: a Swedish-majority municipality whose council documents are also
published in Finnish (the organ "Kunnanvaltuusto"), and whose education committee has one
Finnish-language item. All persons are fictional; the date the content was written for is
23.11.2026, so the last board meeting is still an agenda.
"""

from __future__ import annotations

from datetime import date, datetime

from sample_sites.cloudnc.model import (
    CaseItem,
    CloudncSite,
    Folder,
    Meeting,
    Organ,
    Section,
)
from sample_sites.model import HELSINKI, Attachment, Person
from sample_sites.model import local_datetime as at


def _official(title: str, name: str, email_name: str, phone: str) -> Person:
    return Person(title, name, f"{email_name}@pedersore.fi", phone)


DIRECTOR = _official("kommundirektör", "Jonas Forsblom", "jonas.forsblom", "040 310 0101")
ADMIN_CHIEF = _official(
    "förvaltningschef", "Annika Strandvall", "annika.strandvall", "040 310 0110"
)
FINANCE_CHIEF = _official("ekonomichef", "Mats Nyholm", "mats.nyholm", "040 310 0120")
PLANNER = _official("planläggningschef", "Henrik Sjöholm", "henrik.sjoholm", "040 310 0150")
TECHNICAL_CHIEF = _official("teknisk chef", "Patrik Lassila", "patrik.lassila", "040 310 0160")
EDUCATION_DIRECTOR = _official(
    "bildningsdirektör", "Carina Björkqvist", "carina.bjorkqvist", "040 310 0200"
)
DIRECTOR_FI = _official("kunnanjohtaja", "Jonas Forsblom", "jonas.forsblom", "040 310 0101")
FINANCE_CHIEF_FI = _official("talousjohtaja", "Mats Nyholm", "mats.nyholm", "040 310 0120")
PLANNER_FI = _official("kaavoituspäällikkö", "Henrik Sjöholm", "henrik.sjoholm", "040 310 0150")
FINNISH_PRINCIPAL = _official("rehtori", "Tiina Mäkelä", "tiina.makela", "040 310 0240")

# --- appeal instructions (Correctioninstructions) ------------------------------------------

COUNCIL_APPEAL_SV = (
    "**Besvärsanvisning**\n\n"
    "Över fullmäktiges beslut får kommunalbesvär anföras hos Vasa förvaltningsdomstol. "
    "Besvären ska anföras inom 30 dagar från delfåendet av beslutet. En medlem av kommunen "
    "anses ha fått del av beslutet sju dagar efter att protokollet publicerats i det "
    "allmänna datanätet."
)
COUNCIL_APPEAL_FI = (
    "**Valitusosoitus**\n\n"
    "Valtuuston päätökseen saa hakea muutosta kunnallisvalituksella Vaasan "
    "hallinto-oikeudelta. Valitus on tehtävä 30 päivän kuluessa päätöksen "
    "tiedoksisaannista. Kunnan jäsenen katsotaan saaneen päätöksestä tiedon seitsemän "
    "päivän kuluttua siitä, kun pöytäkirja on julkaistu yleisessä tietoverkossa."
)
RECTIFICATION_SV = (
    "**Anvisning för rättelseyrkande**\n\n"
    "Den som är missnöjd med beslutet kan framställa ett skriftligt rättelseyrkande. "
    "Rättelseyrkandet ska framställas inom 14 dagar från delfåendet av beslutet och "
    "riktas till det organ som fattat beslutet, Pedersöre kommun, Sursikvägen 1, "
    "68910 Bennäs."
)
RECTIFICATION_FI = (
    "**Oikaisuvaatimusohje**\n\n"
    "Päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen. Oikaisuvaatimus on "
    "tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista, ja se osoitetaan päätöksen "
    "tehneelle toimielimelle."
)
PREPARATORY_SV = (
    "Över beslutet får rättelseyrkande inte framställas eller kommunalbesvär anföras, "
    "eftersom beslutet endast gäller beredning eller verkställighet (KomL 136 §)."
)

# --- items that open every meeting ---------------------------------------------------------


def legality(language: str, presenter: Person, decided: bool = True) -> CaseItem:
    if language == "fi":
        return CaseItem(
            title="Kokouksen laillisuus ja päätösvaltaisuus",
            description="Kokouskutsu esityslistoineen on lähetetty jäsenille sähköisesti.",
            proposal="Todetaan kokous lailliseksi ja päätösvaltaiseksi.",
            decision="Todettiin kokous lailliseksi ja päätösvaltaiseksi." if decided else "",
            presenter=presenter,
        )
    return CaseItem(
        title="Mötets laglighet och beslutförhet",
        description=(
            "Om sammankallande av möte och beslutförhet bestäms i 94 och 103 § i "
            "kommunallagen samt i förvaltningsstadgan. Kallelsen med föredragningslista "
            "har skickats elektroniskt till ledamöterna."
        ),
        proposal="Mötet konstateras vara lagligt sammankallat och beslutfört.",
        decision=(
            "Mötet konstaterades vara lagligt sammankallat och beslutfört." if decided else ""
        ),
        presenter=presenter,
        appeal=PREPARATORY_SV if decided else "",
    )


def checkers(first: str, second: str, presenter: Person) -> CaseItem:
    return CaseItem(
        title="Val av protokolljusterare",
        description="Protokollet justeras av två ledamöter som väljs vid mötet.",
        proposal="Två protokolljusterare väljs.",
        decision=f"Till protokolljusterare valdes {first} och {second}.",
        presenter=presenter,
        appeal=PREPARATORY_SV,
    )


# --- Kommunfullmäktige ---------------------------------------------------------------------

COUNCIL_SEPTEMBER = Meeting(
    node_id=7201,
    start=at(date(2026, 9, 28), 19),
    language="sv",
    first_article=41,
    items=(
        legality("sv", DIRECTOR),
        checkers("Sofia Granlund", "Kaj Storbacka", DIRECTOR),
        CaseItem(
            title="Delårsrapport januari–juni 2026",
            register_id="PEDDno-2026-301",
            presenter=DIRECTOR,
            draftsmen=(FINANCE_CHIEF,),
            description=(
                "Kommunens resultat för perioden januari–juni 2026 visar ett överskott på "
                "1,2 miljoner euro. Skatteinkomsterna har ökat med 3,1 procent jämfört med "
                "samma period i fjol.\n\n"
                "Post | Utfall 1–6/2026 | Budget 2026\n"
                "Verksamhetsintäkter | 9,8 M€ | 19,1 M€\n"
                "Verksamhetskostnader | 41,6 M€ | 84,0 M€\n"
                "Skatteinkomster | 24,9 M€ | 49,2 M€\n\n"
                "Kommunstyrelsen har behandlat delårsrapporten 7.9.2026 § 131."
            ),
            proposal="Fullmäktige antecknar delårsrapporten för kännedom.",
            decision="Antecknades för kännedom.",
            appeal=PREPARATORY_SV,
            attachments=(Attachment("Delårsrapport 1-6 2026.pdf"),),
        ),
        CaseItem(
            title="Ändring av förvaltningsstadgan",
            register_id="PEDDno-2026-244",
            presenter=DIRECTOR,
            draftsmen=(ADMIN_CHIEF,),
            description=(
                "Förvaltningsstadgan ändras så att tekniska nämnden och byggnadsnämnden "
                "slås samman från 1.1.2027. Ändringen gäller 12–15 § samt delegeringen av "
                "beslutanderätt i tekniska ärenden."
            ),
            proposal="Fullmäktige godkänner ändringen av förvaltningsstadgan enligt bilagan.",
            decision="Förslaget godkändes.",
            appeal=COUNCIL_APPEAL_SV,
            attachments=(Attachment("Förvaltningsstadga, ändringar 2027.pdf"),),
        ),
        CaseItem(
            title="Motion om gång- och cykelväg längs Lepplaxvägen",
            register_id="PEDDno-2025-512",
            presenter=DIRECTOR,
            draftsmen=(TECHNICAL_CHIEF,),
            description=(
                "Ledamoten Kaj Storbacka m.fl. föreslår i en motion att kommunen bygger en "
                "gång- och cykelväg längs Lepplaxvägen mellan Lepplax skola och Bennäs "
                "centrum.\n\n"
                "Kostnaden uppskattas till 640 000 euro. NTM-centralen har meddelat att "
                "projektet inte ingår i dess investeringsplan för 2027–2029."
            ),
            proposal=(
                "Fullmäktige konstaterar att motionen är slutbehandlad med den utredning "
                "som gjorts."
            ),
            decision=(
                "Ärendet återremitterades för ny beredning. Fullmäktige förutsätter att "
                "en finansiering tillsammans med NTM-centralen utreds."
            ),
            appeal=PREPARATORY_SV,
        ),
    ),
)

BUDGET_DESCRIPTION_SV = (
    "Kommunstyrelsen föreslår en budget med ett underskott på 0,4 miljoner euro för 2027. "
    "De största satsningarna är:\n\n"
    "- ombyggnaden av Sursik skola\n"
    "- ny förskola i Kållby\n"
    "- beläggning av byavägar\n\n"
    "Kommunstyrelsen behandlade budgetförslaget 9.11.2026 § 166."
)
COUNCIL_NOVEMBER = Meeting(
    node_id=7202,
    start=at(date(2026, 11, 16), 19),
    language="sv",
    first_article=52,
    items=(
        legality("sv", DIRECTOR),
        CaseItem(
            title="Budget 2027 och ekonomiplan 2028–2029",
            register_id="PEDDno-2026-355",
            presenter=DIRECTOR,
            draftsmen=(FINANCE_CHIEF, DIRECTOR),
            description=BUDGET_DESCRIPTION_SV,
            proposal="Fullmäktige godkänner budgeten för 2027 och ekonomiplanen 2028–2029.",
            decision=(
                "Beslutet ändrades efter omröstning (24–11): anslaget för beläggning av "
                "byavägar höjs med 150 000 euro, i övrigt godkändes budgeten enligt förslaget."
            ),
            appeal=COUNCIL_APPEAL_SV,
            attachments=(
                Attachment("Budget 2027.pdf"),
                # A spreadsheet: its rows are read as text (words only in this attachment:
                # konstgräsplan, pumpstation).
                Attachment(
                    "Investeringsplan.xlsx",
                    text=(
                        "Projekt | 2027 | 2028\n"
                        "Sursik skola, tillbyggnad | 2400000 | 1100000\n"
                        "Konstgräsplan vid Kyrkoby | 350000 | 0\n"
                        "Pumpstation i Lepplax | 180000 | 0"
                    ),
                ),
            ),
        ),
        CaseItem(
            title="Inkomstskattesats 2027",
            register_id="PEDDno-2026-356",
            presenter=DIRECTOR,
            draftsmen=(FINANCE_CHIEF,),
            description="Inkomstskattesatsen är 8,80 procent år 2026.",
            proposal="Inkomstskattesatsen för 2027 fastställs till 8,80 procent.",
            decision="Förslaget godkändes.",
            appeal=COUNCIL_APPEAL_SV,
        ),
        CaseItem(
            title="Detaljplan för Sursik skolcentrum",
            register_id="PEDDno-2025-88",
            presenter=DIRECTOR,
            draftsmen=(PLANNER,),
            description=(
                "Detaljplanen möjliggör utbyggnaden av Sursik skola och en ny idrottshall. "
                "Planförslaget var framlagt 4.5–3.6.2026; det kom in tre anmärkningar."
            ),
            proposal="Fullmäktige godkänner detaljplanen för Sursik skolcentrum.",
            decision="Ärendet bordlades.",
            appeal=PREPARATORY_SV,
            attachments=(
                Attachment("Plankarta Sursik.pdf", scanned=True),  # no text layer
                Attachment(
                    "Bemötande av anmärkningar.pdf",
                    text=(
                        "Anmärkning 1 gällde trafiken till skolan. Ett bullerplank byggs längs "
                        "Sursikvägen och en ny gång- och cykelväg anläggs.\n\n"
                        "Anmärkning 2 och 3 gällde idrottshallens höjd; planbestämmelsen ändras "
                        "inte."
                    ),
                ),
            ),
        ),
        CaseItem(
            title="Val av ersättare i bildningsnämnden",
            register_id="PEDDno-2026-360",
            presenter=DIRECTOR,
            draftsmen=(ADMIN_CHIEF,),
            description="Ersättaren Maria Backlund har flyttat från kommunen.",
            proposal="Fullmäktige väljer en ny ersättare i bildningsnämnden.",
            decision="Förslaget godkändes. Till ersättare valdes Helena Sundqvist.",
            appeal=COUNCIL_APPEAL_SV,
        ),
    ),
)

# The same council meeting in Finnish: the council's documents are translated.
COUNCIL_NOVEMBER_FI = Meeting(
    node_id=7203,
    start=at(date(2026, 11, 16), 19),
    language="fi",
    first_article=52,
    items=(
        legality("fi", DIRECTOR_FI),
        CaseItem(
            title="Talousarvio 2027 ja taloussuunnitelma 2028–2029",
            register_id="PEDDno-2026-355",
            presenter=DIRECTOR_FI,
            draftsmen=(FINANCE_CHIEF_FI, DIRECTOR_FI),
            description=(
                "Kunnanhallitus esittää vuodelle 2027 talousarviota, joka on 0,4 miljoonaa "
                "euroa alijäämäinen. Suurimmat panostukset ovat:\n\n"
                "- Sursikin koulun peruskorjaus\n"
                "- uusi esikoulu Kolppiin\n"
                "- kyläteiden päällystäminen"
            ),
            proposal="Valtuusto hyväksyy talousarvion 2027 ja taloussuunnitelman 2028–2029.",
            decision=(
                "Valtuusto hyväksyi talousarvion muutettuna äänestyksen jälkeen (24–11): "
                "kyläteiden päällystämisen määrärahaa korotetaan 150 000 eurolla."
            ),
            appeal=COUNCIL_APPEAL_FI,
            attachments=(Attachment("Talousarvio 2027.pdf"),),
        ),
        CaseItem(
            title="Tuloveroprosentti 2027",
            register_id="PEDDno-2026-356",
            presenter=DIRECTOR_FI,
            draftsmen=(FINANCE_CHIEF_FI,),
            description="Tuloveroprosentti on vuonna 2026 8,80.",
            proposal="Vuoden 2027 tuloveroprosentiksi vahvistetaan 8,80.",
            decision="Hyväksyttiin esitys.",
            appeal=COUNCIL_APPEAL_FI,
        ),
        CaseItem(
            title="Sursikin koulukeskuksen asemakaava",
            register_id="PEDDno-2025-88",
            presenter=DIRECTOR_FI,
            draftsmen=(PLANNER_FI,),
            description="Asemakaava mahdollistaa Sursikin koulun laajennuksen.",
            proposal="Valtuusto hyväksyy Sursikin koulukeskuksen asemakaavan.",
            decision="Asia jätettiin pöydälle.",
        ),
    ),
)

# --- Kommunstyrelsen -----------------------------------------------------------------------

BOARD_OCTOBER = Meeting(
    node_id=7204,
    start=at(date(2026, 10, 19), 17),
    language="sv",
    first_article=150,
    items=(
        legality("sv", DIRECTOR),
        CaseItem(
            title="Upphandling av skolskjutsar 2027–2030",
            register_id="PEDDno-2026-187 \n",  # as the source wrote it
            presenter=DIRECTOR,
            draftsmen=(ADMIN_CHIEF, EDUCATION_DIRECTOR),
            description=(
                "Skolskjutsarna upphandlades som ett öppet förfarande. Fyra anbud kom in "
                "inom utsatt tid.\n\n"
                "Det ekonomiskt mest fördelaktiga anbudet lämnades av Bennäs Buss Ab."
            ),
            proposal="Kommunstyrelsen antar anbudet från Bennäs Buss Ab för 2027–2030.",
            decision="Förslaget godkändes.",
            appeal=RECTIFICATION_SV,
            attachments=(
                Attachment("Anbudsbegäran.pdf"),
                Attachment(
                    "Anbudsjämförelse.pdf",
                    public=False,
                    confidentiality_reason="sekretessbelagd, OffL 24 § 1 mom. 17 p.",
                ),
            ),
        ),
        CaseItem(
            title="Utlåtande om Österbottens landskapsplan 2050",
            register_id="PEDDno-2026-290",
            presenter=DIRECTOR,
            draftsmen=(PLANNER,),
            description=(
                "Österbottens förbund begär utlåtande om utkastet till landskapsplan 2050 "
                "senast 31.10.2026."
            ),
            proposal="Kommunstyrelsen ger utlåtandet enligt bilagan.",
            decision=(
                "Förslaget godkändes med ändring: utlåtandet kompletteras med ett stycke "
                "om vindkraftsområdet i Forsby."
            ),
            appeal=PREPARATORY_SV,
            attachments=(
                Attachment(
                    "Utlåtande landskapsplan 2050.docx",
                    text=(
                        "Pedersöre kommun stöder utkastet till landskapsplan 2050.\n\n"
                        "Kommunen föreslår att skyddszonen kring vindkraftsområdet i Forsby "
                        "utvidgas till två kilometer för att skydda tjäderspelplatserna."
                    ),
                ),
            ),
        ),
        CaseItem(
            title="Anmälningsärenden",
            presenter=DIRECTOR,
            description=(
                "- Regionförvaltningsverkets beslut 2.10.2026 om tillsyn av "
                "småbarnspedagogiken\n"
                "- Protokoll från Pedersörenejdens vattenverk 24.9.2026"
            ),
            proposal="Kommunstyrelsen antecknar anmälningsärendena för kännedom.",
            decision="Antecknades för kännedom.",
            inform="Bildningsnämnden, tekniska nämnden",
            appeal=PREPARATORY_SV,
        ),
        CaseItem(
            title="Försäljning av tomt i Forsby industriområde",
            register_id="PEDDno-2026-318",
            presenter=DIRECTOR,
            draftsmen=(TECHNICAL_CHIEF,),
            description=(
                "Ett företag har erbjudit sig att köpa tomt 6 i kvarter 12 i Forsby "
                "industriområde för 4 euro per kvadratmeter."
            ),
            proposal="Kommunstyrelsen säljer tomten för det erbjudna priset.",
            decision="Förslaget förkastades. Tomten säljs inte under det fastställda priset.",
            appeal=RECTIFICATION_SV,
        ),
    ),
)

BOARD_NOVEMBER = Meeting(
    node_id=7205,
    start=at(date(2026, 11, 9), 17),
    language="sv",
    first_article=165,
    items=(
        legality("sv", DIRECTOR),
        CaseItem(
            title="Budget 2027 och ekonomiplan 2028–2029, förslag till fullmäktige",
            register_id="PEDDno-2026-355",
            presenter=DIRECTOR,
            draftsmen=(FINANCE_CHIEF,),
            description=BUDGET_DESCRIPTION_SV.rsplit("\n\n", 1)[0],
            proposal="Kommunstyrelsen föreslår att fullmäktige godkänner budgeten.",
            decision="Förslaget godkändes.",
            appeal=PREPARATORY_SV,
        ),
        CaseItem(
            title="Understöd till byaföreningar 2027",
            register_id="PEDDno-2026-340",
            presenter=DIRECTOR,
            draftsmen=(ADMIN_CHIEF,),
            description="Elva byaföreningar har ansökt om understöd, sammanlagt 38 500 euro.",
            proposal="Understöden beviljas enligt bilagan.",
            decision="Ärendet bordlades.",
            appeal=PREPARATORY_SV,
            attachments=(Attachment("Ansökningar byaföreningar 2027.pdf"),),
        ),
        CaseItem(
            title="Personalplan 2027",
            register_id="PEDDno-2026-342",
            presenter=DIRECTOR,
            draftsmen=(ADMIN_CHIEF,),
            description="Personalplanen omfattar 14 nya befattningar inom bildningssektorn.",
            proposal="Kommunstyrelsen godkänner personalplanen för 2027.",
            decision="Ärendet återremitterades.",
            appeal=PREPARATORY_SV,
        ),
    ),
)

BOARD_AGENDA = Meeting(
    node_id=7206,
    start=at(date(2026, 11, 30), 17),
    language="sv",
    first_article=180,
    items=(
        legality("sv", DIRECTOR, decided=False),
        CaseItem(
            title="Verksamhetsbidrag 2027 för idrottsföreningar",
            register_id="PEDDno-2026-371",
            presenter=DIRECTOR,
            draftsmen=(ADMIN_CHIEF,),
            description="Nio idrottsföreningar har ansökt om verksamhetsbidrag för 2027.",
            proposal="Bidragen beviljas enligt bilagan.",
            attachments=(Attachment("Bidragsansökningar 2027.pdf"),),
        ),
        CaseItem(
            title="Revidering av delegeringsbeslut",
            register_id="PEDDno-2026-372",
            presenter=DIRECTOR,
            draftsmen=(ADMIN_CHIEF,),
            description="Delegeringen ses över efter ändringen av förvaltningsstadgan.",
            proposal="Kommunstyrelsen godkänner de reviderade delegeringsbesluten.",
        ),
    ),
)

# --- Bildningsnämnden ----------------------------------------------------------------------

EDUCATION_OCTOBER = Meeting(
    node_id=7207,
    start=at(date(2026, 10, 21), 18),
    language="sv",
    first_article=60,
    items=(
        legality("sv", EDUCATION_DIRECTOR),
        CaseItem(
            title="Skolnätsutredning för Pedersöre",
            register_id="PEDDno-2026-150",
            presenter=EDUCATION_DIRECTOR,
            draftsmen=(EDUCATION_DIRECTOR,),
            description=(
                "Utredningen jämför tre alternativ för skolnätet 2028–2035. Elevantalet i "
                "de svenskspråkiga skolorna väntas minska med 9 procent."
            ),
            proposal="Nämnden antecknar utredningen för kännedom.",
            decision="Antecknades för kännedom.",
            appeal=PREPARATORY_SV,
            attachments=(Attachment("Skolnätsutredning 2026.pdf"),),
        ),
        CaseItem(
            title="Suomenkielisen perusopetuksen lukuvuosisuunnitelma 2026–2027",
            language="fi",
            register_id="PEDDno-2026-162",
            presenter=EDUCATION_DIRECTOR,
            draftsmen=(FINNISH_PRINCIPAL,),
            description=(
                "Suomenkielisen koulun lukuvuosisuunnitelma sisältää opetuksen "
                "järjestämisen, tapahtumat ja yhteistyön kotien kanssa."
            ),
            proposal="Lautakunta hyväksyy lukuvuosisuunnitelman.",
            decision="Hyväksyttiin esitys.",
            appeal=RECTIFICATION_FI,
        ),
        CaseItem(
            title="Läsårsplan för de svenskspråkiga skolorna 2026–2027",
            register_id="PEDDno-2026-161",
            presenter=EDUCATION_DIRECTOR,
            draftsmen=(EDUCATION_DIRECTOR,),
            description="Läsårsplanerna har beretts av skolornas rektorer.",
            proposal="Nämnden godkänner läsårsplanerna.",
            decision="Förslaget godkändes.",
            appeal=RECTIFICATION_SV,
        ),
    ),
)

EDUCATION_NOVEMBER = Meeting(
    node_id=7208,
    start=at(date(2026, 11, 18), 18),
    language="sv",
    first_article=71,
    items=(
        legality("sv", EDUCATION_DIRECTOR),
        CaseItem(
            title="Avgifter för morgon- och eftermiddagsverksamhet 2027",
            register_id="PEDDno-2026-330",
            presenter=EDUCATION_DIRECTOR,
            draftsmen=(EDUCATION_DIRECTOR,),
            description="Avgiften är 90 euro per månad för högst fyra timmar per dag.",
            proposal="Avgiften höjs till 100 euro per månad från 1.1.2027.",
            decision=(
                "Beslutet ändrades efter omröstning (5–4): avgiften hålls oförändrad "
                "90 euro per månad."
            ),
            appeal=RECTIFICATION_SV,
        ),
        CaseItem(
            title="Bildningsnämndens budgetförslag 2027",
            register_id="PEDDno-2026-331",
            presenter=EDUCATION_DIRECTOR,
            draftsmen=(EDUCATION_DIRECTOR, FINANCE_CHIEF),
            description="Nämndens driftsbudget är 31,4 miljoner euro.",
            proposal="Nämnden godkänner budgetförslaget för 2027.",
            decision="Förslaget godkändes.",
            appeal=PREPARATORY_SV,
        ),
    ),
)

ORGANS = (
    Organ(8101, (("sv", "Kommunfullmäktige"),), folders=(
        Folder(8111, (("sv", "Möten"), ("fi", "Kokoukset"), ("en", "Meetings")),
               (COUNCIL_SEPTEMBER, COUNCIL_NOVEMBER)),
    )),
    Organ(8102, (("fi", "Kunnanvaltuusto"),), folders=(
        Folder(8112, (("fi", "Kokoukset"), ("sv", "Möten")), (COUNCIL_NOVEMBER_FI,)),
    )),
    Organ(8103, (("sv", "Kommunstyrelsen"), ("fi", "Kunnanhallitus")), folders=(
        Folder(8113, (("sv", "Protokoll"), ("fi", "Pöytäkirjat")),
               (BOARD_OCTOBER, BOARD_NOVEMBER)),
        Folder(8114, (("sv", "Föredragningslistor"), ("fi", "Esityslistat")), (BOARD_AGENDA,)),
    )),
    # Its meetings sit right under the organ, without a folder.
    Organ(8104, (("sv", "Bildningsnämnden"), ("fi", "Sivistyslautakunta")),
          meetings=(EDUCATION_OCTOBER, EDUCATION_NOVEMBER)),
    Organ(8105, (("sv", "Revisionsnämnden"), ("fi", "Tarkastuslautakunta"))),  # no meetings
)  # fmt: skip

PEDERSORE = CloudncSite(
    municipality="pedersore",
    host="http://pedersore.sample.invalid/",
    root_parent=23,
    sections=(
        Section(8010, (("sv", "Organ"), ("fi", "Toimielimet"), ("en", "Bodies")), ORGANS),
        Section(8020, (("sv", "Tjänsteinnehavare"), ("fi", "Viranhaltijat"))),
        Section(8030, (("sv", "Länkar"), ("fi", "Linkit"))),
    ),
    robots_txt="User-agent: *\nAllow: /\n",
    installed=datetime(2024, 1, 8, 10, 0, tzinfo=HELSINKI),
)

SITES = (PEDERSORE,)
