"""A synthetic store of realistic shape, seeded and deterministic: ``write_corpus(path, n)``.

Five municipalities (the project's own, with their platforms and languages), ten organs
each (council, board, committees, a subcommittee, officeholders), meetings of 8-15 items
spread over 2015-2026, and officeholder decisions without a meeting. Items look like real
decisions: a register id (``HML/903/10.02.03/2025``) and its function code, a presenter,
preparers, history, attachments, and sections of the lengths real ones have (summary
~300 characters, presentation 1.5-5 kB, proposal ~300, decision 100-400 characters,
proceedings sometimes), in Finnish or Swedish from a small vocabulary of municipal words
drawn with a Zipf-like frequency, plus the numbers, addresses, law references and the
occasional phone number, e-mail address or private matter that the publishing rules act
on. Some meetings come as agenda and minutes, some of bilingual Vaasa's also in Swedish
(linked as translations).

Records go in through ``Store.merge_page`` (one page per meeting: the meeting and its
items), one transaction per municipality. The same (size, seed) always gives the same
records; only the store's own timestamps (updated_at, the change log) differ.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from transform.schema import (
    PARSER_VERSION,
    Classification,
    ContentType,
    DocumentKind,
    RecordType,
    make_id,
)
from transform.store import Store

SEED = 7
FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2026, 10, 31)
# The publishing rules' "today" in every benchmark step: a fixed date, so that what the
# retention rules redact does not depend on the day the benchmark runs.
POLICY_TODAY = date(2026, 12, 1)


def _words(text: str) -> list[str]:
    return text.split()


FI_WORDS = _words("""
kaupunginhallitus kaupunginvaltuusto lautakunta lautakunnan asemakaava asemakaavan muutos
muutoksen talousarvio talousarvion vuodelle hankinta hankinnan urakka urakan sopimus
sopimuksen kiinteistö kiinteistön tontti tontin vuokraus myynti lausunto lausunnon päätös
päätöksen esitys esityksen selvitys selvityksen hyväksyy hyväksyä päättää merkitsee tiedoksi
valtuutetaan kaupunginjohtaja toimialajohtaja sivistystoimi perusopetus varhaiskasvatus
päiväkoti päiväkodin koulu koulun rakennus rakennuksen peruskorjaus investointi määräraha
määrärahan euroa vuosi vuonna kunnan kaupungin alueen asukkaat palvelut palveluiden
kehittäminen kehittämisen suunnitelma suunnitelman ohjelma strategia tavoite tavoitteet
toteutus kustannukset arvonlisävero tarjous tarjoukset tarjouskilpailu hankintalain mukaan
perusteella osalta lisäksi sekä ja että on ovat oli ei se joka jonka tämä nämä myös jo vielä
noin yhteensä mukaisesti liitteen liitteenä kaavoitus katu kadun puisto liikenne joukkoliikenne
ympäristö ympäristön vesihuolto energia ilmasto hyvinvointialue hyvinvointialueen henkilöstö
henkilöstön virka viran tehtävä tehtävään valinta jäsen jäsenet varajäsen toimikausi kokous
kokouksen pöytäkirja pöytäkirjan tarkastus nähtävänä valtuusto hallintosääntö hallintosäännön
toimivalta avustus avustukset yhdistys seura kulttuuri liikunta kirjasto nuoriso museo
teatteri tapahtuma matkailu elinkeino yritys yritysten työllisyys maankäyttö maapolitiikka
asuntotuotanto asunto vuokra-asunto kaavaehdotus kaavaluonnos osallistumis- ja
arviointisuunnitelma nähtäville muistutus muistutukset vastine vastineet ELY-keskus
maakuntaliitto tilinpäätös tilinpäätöksen toimintakertomus tilintarkastaja arviointikertomus
riskienhallinta sisäinen valvonta talous taloudellinen tilanne ennuste verotulot
valtionosuudet lainanotto laina takaus konserni tytäryhtiö osakeyhtiö omistajaohjaus
kaupunkirakenne kaupunkikehitys tekninen lautakunta rakennusvalvonta ympäristölautakunta
sivistyslautakunta tarkastuslautakunta keskusvaalilautakunta jaosto esittelijä valmistelija
kokonaisuus vaikutukset vaikutusten arviointi lapsivaikutusten alueella kortteli korttelin
rakennusoikeus kerrosneliömetriä pysäköinti katusuunnitelma kunnossapito talvikunnossapito
jätevesi hulevesi verkosto saneeraus urakoitsija aikataulu valmistuu käyttöön syksyllä
keväällä kesällä talvella vuoden aikana edellisen kuluvan seuraavan neljännes kuukausi
raportti seuranta toteuma ylitys alitus säästö sopeuttaminen palveluverkko kouluverkko
oppilasmäärä lapsimäärä ennusteen perusteella väestö väestönkasvu muuttoliike
""")

SV_WORDS = _words("""
stadsstyrelsen stadsfullmäktige nämnden nämndens detaljplan detaljplanen ändring ändringen
budget budgeten för året upphandling upphandlingen entreprenad entreprenaden avtal avtalet
fastighet fastigheten tomt tomten uthyrning försäljning utlåtande utlåtandet beslut beslutet
förslag förslaget utredning utredningen godkänner besluta antecknar kännedom befullmäktigas
stadsdirektör sektorchef bildning grundläggande utbildning småbarnspedagogik daghem daghemmet
skola skolans byggnad byggnadens renovering investering anslag anslaget euro år kommunens
stadens området invånarna tjänster tjänsterna utveckling utvecklingen plan planen program
strategi mål målen genomförande kostnader mervärdesskatt anbud anbuden anbudstävling
upphandlingslagen enligt på basis av dessutom samt och att är var inte den det som vars denna
dessa också redan ännu cirka sammanlagt bilagan beredare planläggning gata gatan park trafik
kollektivtrafik miljö miljön vattenförsörjning energi klimat välfärdsområde välfärdsområdet
personal personalen tjänst tjänsten uppgift val ledamot ledamöter ersättare mandatperiod
sammanträde sammanträdet protokoll protokollet justering framlagt fullmäktige
förvaltningsstadga behörighet delegering bidrag förening kultur idrott bibliotek ungdom museum
teater evenemang turism näringsliv företag sysselsättning markanvändning markpolitik
bostadsproduktion bostad hyresbostad planförslag planutkast deltagande bedömningsplan
påminnelse bemötande NTM-centralen landskapsförbundet bokslut bokslutet verksamhetsberättelse
revisor utvärderingsberättelse riskhantering intern kontroll ekonomi ekonomisk läge prognos
skatteinkomster statsandelar upplåning lån borgen koncern dotterbolag aktiebolag ägarstyrning
stadsutveckling tekniska nämnden byggnadstillsyn miljönämnden bildningsnämnden
revisionsnämnden centralvalnämnden sektionen föredragande konsekvenser bedömning kvarter
kvarteret byggrätt våningskvadratmeter parkering gatuplan underhåll vinterunderhåll avlopp
dagvatten nätverk sanering entreprenören tidtabell färdigställs hösten våren sommaren vintern
under året föregående innevarande följande kvartal månad rapport uppföljning utfall
överskridning besparing anpassning servicenät skolnät elevantal barnantal befolkning
befolkningsökning flyttning
""")

FI_TOPICS = """
päiväkodin peruskorjaus|koulukeskuksen hankesuunnitelma|katuvalaistuksen urakka|
uimahallin käyttömaksut|kirjaston aukioloajat|joukkoliikenteen palvelutaso|
jätevedenpuhdistamon saneeraus|liikuntapaikkojen vuokrat|kotouttamisohjelma|
ilmasto-ohjelman seuranta|elinvoimaohjelma|palveluverkkoselvitys|hallintosäännön muutos|
tilintarkastajan valinta|talousarvion toteutuma|kaupunkistrategian päivitys|
lainan myöntäminen tytäryhtiölle|omistajaohjauksen periaatteet|avustusten jakaminen|
sisäisen valvonnan raportti|kouluverkon muutos|varhaiskasvatuksen palveluseteli|
asuntotuotanto-ohjelma|maapoliittinen ohjelma|kaavoituskatsaus|kunnossapidon urakka
""".replace("\n", "").split("|")

SV_TOPICS = """
renovering av daghemmet|projektplan för skolcentret|entreprenad för gatubelysning|
avgifter för simhallen|bibliotekets öppettider|servicenivån i kollektivtrafiken|
sanering av avloppsreningsverket|hyror för idrottsplatser|integrationsprogram|
uppföljning av klimatprogrammet|livskraftsprogram|utredning om servicenätet|
ändring av förvaltningsstadgan|val av revisor|budgetens utfall|uppdatering av stadsstrategin|
lån till dotterbolag|principer för ägarstyrning|utdelning av bidrag|
rapport om intern kontroll|ändring av skolnätet|servicesedel inom småbarnspedagogiken|
bostadsproduktionsprogram|markpolitiskt program|planläggningsöversikt|underhållsentreprenad
""".replace("\n", "").split("|")

FI_TITLE_PATTERNS = (
    "Asemakaavan muutos, {street} {number}",
    "Talousarvion {year} muutos: {topic}",
    "{Topic}",
    "{Topic} vuodelle {year}",
    "Lausunto hyvinvointialueelle: {topic}",
    "Tontin {number} myynti, {street}",
    "Hankintapäätös: {topic}",
    "Ilmoitusasiat",
    "Kokouksen laillisuus ja päätösvaltaisuus",
    "Pöytäkirjan tarkastus",
    "Viranhaltijapäätösten otto-oikeus",
    "{Topic}, {place}",
    "Valtuustoaloite: {topic}",
)
SV_TITLE_PATTERNS = (
    "Ändring av detaljplanen, {street} {number}",
    "Ändring av budgeten för {year}: {topic}",
    "{Topic}",
    "{Topic} för år {year}",
    "Utlåtande till välfärdsområdet: {topic}",
    "Försäljning av tomt {number}, {street}",
    "Upphandlingsbeslut: {topic}",
    "Anmälningsärenden",
    "Sammanträdets laglighet och beslutförhet",
    "Justering av protokollet",
    "Rätt att ta upp tjänsteinnehavarbeslut",
    "{Topic}, {place}",
    "Fullmäktigemotion: {topic}",
)
PRIVATE_TITLES = {
    "fi": (
        "Vahingonkorvausvaatimus / {person}",
        "Maksuvapautushakemus / {person}",
        "Rakennuslupa, {street} {number}",
    ),
    "sv": ("Skadeståndsanspråk / {person}", "Ansökan / {person}", "Bygglov, {street} {number}"),
}
STREETS = {
    "fi": (
        "Kauppapuistikko",
        "Hämeentie",
        "Rantakatu",
        "Koulukatu",
        "Pappilankatu",
        "Raatihuoneenkatu",
        "Asemakatu",
        "Puistokatu",
        "Vanhankaupungintie",
        "Myllytie",
    ),
    "sv": (
        "Handelsesplanaden",
        "Strandgatan",
        "Skolgatan",
        "Prästgårdsgatan",
        "Rådhusgatan",
        "Stationsgatan",
        "Parkgatan",
        "Gamla stadens väg",
        "Kvarnvägen",
        "Storgatan",
    ),
}
PLACES = {
    "fi": ("Keskusta", "Asemanseutu", "Kirkonkylä", "Hätilä", "Jukola", "Palokangas"),
    "sv": ("Centrum", "Stationsområdet", "Kyrkbyn", "Sandviken", "Lappfjärd", "Bennäs"),
}
FIRST_NAMES = (
    "Aapo",
    "Helena",
    "Markku",
    "Tomas",
    "Anna",
    "Mikael",
    "Liisa",
    "Johanna",
    "Pekka",
    "Sara",
    "Kristian",
    "Elina",
    "Jukka",
    "Maria",
    "Henrik",
    "Sanna",
)
LAST_NAMES = (
    "Kettunen",
    "Aaltomaa",
    "Ilvesmäki",
    "Häyry",
    "Björkman",
    "Nyström",
    "Virtanen",
    "Lindholm",
    "Korhonen",
    "Sjöberg",
    "Mäkelä",
    "Granqvist",
    "Laine",
    "Holmström",
    "Heikkinen",
    "Åkerlund",
)
TITLES_OF_OFFICIALS = {
    "fi": (
        "kaupunginjohtaja",
        "talousjohtaja",
        "kaupunkirakennejohtaja",
        "sivistysjohtaja",
        "hallintojohtaja",
        "kaavoituspäällikkö",
        "kaupungininsinööri",
        "hankinta-asiantuntija",
    ),
    "sv": (
        "stadsdirektör",
        "ekonomidirektör",
        "stadsutvecklingsdirektör",
        "bildningsdirektör",
        "förvaltningsdirektör",
        "planläggningschef",
        "stadsingenjör",
        "upphandlingsexpert",
    ),
}
FUNCTION_CODES = (
    "00.00.00",
    "00.01.01",
    "00.04.00",
    "02.02.02",
    "02.05.01",
    "05.00.00",
    "07.01.00",
    "10.02.03",
    "10.03.02",
    "12.00.00",
    "12.06.00",
    "14.00.00",
)
SECTION_LABELS = {
    "fi": {
        ContentType.SUMMARY: "Tiivistelmä",
        ContentType.PRESENTATION: "Selostus",
        ContentType.PROPOSAL: "Päätösehdotus",
        ContentType.PROCEEDINGS: "Käsittely",
        ContentType.DECISION: "Päätös",
    },
    "sv": {
        ContentType.SUMMARY: "Sammandrag",
        ContentType.PRESENTATION: "Beredning",
        ContentType.PROPOSAL: "Beslutsförslag",
        ContentType.PROCEEDINGS: "Behandling",
        ContentType.DECISION: "Beslut",
    },
}
# Decision sentences the outcome derivation knows, with how often each occurs.
DECISIONS = {
    "fi": (
        ("Hyväksyttiin esitys.", 70),
        ("Merkittiin tiedoksi.", 12),
        ("Asia jätettiin pöydälle.", 6),
        ("Asia palautettiin valmisteluun.", 4),
        ("Hyväksyttiin esitys muutettuna.", 6),
        ("Hylättiin esitys.", 2),
    ),
    "sv": (
        ("Förslaget godkändes.", 70),
        ("Antecknades för kännedom.", 12),
        ("Ärendet bordlades.", 6),
        ("Ärendet återremitterades.", 4),
        ("Förslaget godkändes med ändringar.", 6),
        ("Förslaget förkastades.", 2),
    ),
}
ATTACHMENT_NAMES = {
    "fi": (
        "Asemakaavakartta",
        "Kustannusarvio",
        "Tarjousvertailu",
        "Lausunto",
        "Selvitys",
        "Sopimusluonnos",
        "Talousraportti",
        "Kartta",
    ),
    "sv": (
        "Detaljplanekarta",
        "Kostnadsberäkning",
        "Anbudsjämförelse",
        "Utlåtande",
        "Utredning",
        "Avtalsutkast",
        "Ekonomisk rapport",
        "Karta",
    ),
}

# (id, names, code, languages, platform, base url, register prefix, share of the actions)
MUNICIPALITIES = (
    (
        "hameenlinna",
        {"fi": "Hämeenlinna", "sv": "Tavastehus"},
        "109",
        ["fi"],
        "ktweb",
        "https://hameenlinna.ktweb.fi/ktwebscr/",
        "HML",
        0.30,
    ),
    (
        "vaasa",
        {"fi": "Vaasa", "sv": "Vasa"},
        "905",
        ["fi", "sv"],
        "ktweb",
        "https://vaasa.ktweb.fi/ktwebscr/",
        "VD",
        0.28,
    ),
    (
        "kristinestad",
        {"fi": "Kristiinankaupunki", "sv": "Kristinestad"},
        "287",
        ["sv", "fi"],
        "ktweb",
        "https://krs.ktweb.fi/ktwebbin/dbisa.dll/ktwebscr/",
        "KRS",
        0.12,
    ),
    (
        "riihimaki",
        {"fi": "Riihimäki", "sv": "Riihimäki"},
        "694",
        ["fi"],
        "dynasty",
        "https://riihimaki.oncloudos.com/djulkaisu/",
        "RII",
        0.18,
    ),
    (
        "pedersore",
        {"fi": "Pedersören kunta", "sv": "Pedersöre"},
        "599",
        ["sv", "fi"],
        "cloudnc",
        "https://pedersore.cloudnc.fi/",
        "PED",
        0.12,
    ),
)
# (Finnish name, Swedish name, classification, relative number of meetings)
ORGANS = (
    ("Kaupunginvaltuusto", "Stadsfullmäktige", Classification.COUNCIL, 1.0),
    ("Kaupunginhallitus", "Stadsstyrelsen", Classification.BOARD, 3.0),
    ("Sivistyslautakunta", "Bildningsnämnden", Classification.COMMITTEE, 1.5),
    ("Tekninen lautakunta", "Tekniska nämnden", Classification.COMMITTEE, 1.5),
    ("Ympäristölautakunta", "Miljönämnden", Classification.COMMITTEE, 1.0),
    ("Kaupunkirakennelautakunta", "Stadsbyggnadsnämnden", Classification.COMMITTEE, 1.2),
    ("Tarkastuslautakunta", "Revisionsnämnden", Classification.COMMITTEE, 0.6),
    (
        "Kaupunginhallituksen elinvoimajaosto",
        "Stadsstyrelsens livskraftssektion",
        Classification.SUBCOMMITTEE,
        0.8,
    ),
    ("Rakennusvalvontajohtaja", "Byggnadstillsynschef", Classification.OFFICEHOLDER, 0.0),
    ("Kaupungininsinööri", "Stadsingenjör", Classification.OFFICEHOLDER, 0.0),
)
OFFICEHOLDER_SHARE = 0.08  # of a municipality's actions: decisions without a meeting
AGENDA_SHARE = 0.25  # meetings whose agenda is published beside the minutes
SWEDISH_COPY_SHARE = 0.3  # of bilingual Vaasa's meetings, also published in Swedish


@dataclass
class CorpusReport:
    actions: int
    meetings: int
    organizations: int
    municipalities: int
    seconds: float = 0.0


class TextGenerator:
    """Sentences of municipal Finnish or Swedish, words drawn Zipf-like from a vocabulary."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.vocabulary = {}
        for language, words in (("fi", FI_WORDS), ("sv", SV_WORDS)):
            shuffled = list(dict.fromkeys(words))
            random.Random(language).shuffle(shuffled)  # which words are frequent: fixed
            weights = [1 / (rank + 1) ** 0.8 for rank in range(len(shuffled))]
            self.vocabulary[language] = (shuffled, list(itertools.accumulate(weights)))

    def words(self, language: str, count: int) -> list[str]:
        words, cumulative = self.vocabulary[language]
        return self.rng.choices(words, cum_weights=cumulative, k=count)

    def sentence(self, language: str, municipality: str) -> str:
        rng = self.rng
        words = self.words(language, rng.randint(6, 18))
        extra = rng.random()
        if extra < 0.12:
            words.insert(
                rng.randrange(len(words)),
                f"{rng.randint(2, 950) * 1000:,}".replace(",", "\u00a0")
                + (" euroa" if language == "fi" else " euro"),
            )
        elif extra < 0.18:
            words.insert(
                rng.randrange(len(words)), f"{rng.choice(STREETS[language])} {rng.randint(1, 120)}"
            )
        elif extra < 0.22:
            law = ("kuntalain", "hankintalain", "maankäyttö- ja rakennuslain")
            lag = ("kommunallagen", "upphandlingslagen", "markanvändnings- och bygglagen")
            words.append(f"{rng.choice(law if language == 'fi' else lag)} {rng.randint(1, 150)} §")
        elif extra < 0.225:
            # Contacts the publishing rules look at: an official's and, rarely, a private one.
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            words.append(
                f"{first.lower()}.{last.lower()}@{municipality}.fi".translate(
                    str.maketrans("äöå", "aoa")
                )
            )
        elif extra < 0.227:
            words.append(f"puh. 040 {rng.randint(100, 999)} {rng.randint(1000, 9999)}")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def text(self, language: str, municipality: str, chars: int) -> str:
        """Paragraphs of 2-6 sentences, about ``chars`` characters long."""
        paragraphs, length = [], 0
        while length < chars:
            paragraph = " ".join(
                self.sentence(language, municipality) for _ in range(self.rng.randint(2, 6))
            )
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        return "\n\n".join(paragraphs)


class CorpusWriter:
    def __init__(self, store: Store, actions: int, seed: int = SEED):
        self.store = store
        self.total_actions = actions
        self.rng = random.Random(seed)
        self.text = TextGenerator(self.rng)
        self.report = CorpusReport(0, 0, 0, 0)
        self.register_numbers = itertools.count(100)

    def write(self) -> CorpusReport:
        for index, municipality in enumerate(MUNICIPALITIES):
            share = municipality[-1]
            quota = (
                round(self.total_actions * share)
                if index < len(MUNICIPALITIES) - 1
                else self.total_actions - self.report.actions
            )
            with self.store.transaction():
                self._municipality(municipality, quota)
        return self.report

    # -- records -----------------------------------------------------------------------

    def _municipality(self, spec: tuple, quota: int) -> None:
        town, names, code, languages, platform, base_url, prefix, _ = spec
        self.store.upsert_municipality(
            {
                "id": town,
                "name": names,
                "code": code,
                "languages": languages,
                "platform": platform,
                "base_url": base_url,
            }
        )
        self.report.municipalities += 1
        language = languages[0]
        organizations = []
        for number, (name_fi, name_sv, classification, weight) in enumerate(ORGANS, 1):
            organizations.append(
                (
                    {
                        "id": make_id(town, RecordType.ORGANIZATION, f"{number:02d}"),
                        "origin_id": f"{number:02d}",
                        "municipality": town,
                        "name": name_fi if language == "fi" else name_sv,
                        "classification": classification,
                    },
                    weight,
                )
            )
        self.store.merge_page(
            {"page": "organizations", "organizations": [org for org, _ in organizations]},
            self._provenance(base_url, FIRST_DAY, "organizations"),
        )
        self.report.organizations += len(organizations)
        context = _Town(town, language, languages, base_url, prefix, organizations)
        officeholder_quota = round(quota * OFFICEHOLDER_SHARE)
        written = self._officeholder_decisions(context, officeholder_quota)
        meeting_organs = [org for org, weight in organizations if weight > 0]
        weights = list(itertools.accumulate(weight for _, weight in organizations if weight > 0))
        # Meetings evenly over the period, in date order; each takes 8-15 items (twice or
        # three times when published as agenda and minutes, or in two languages).
        expected_meetings = max(1, round((quota - written) / 14.5))
        step = (LAST_DAY - FIRST_DAY).days / expected_meetings
        serial = 0
        while written < quota:
            day = FIRST_DAY + timedelta(days=min(int(serial * step), (LAST_DAY - FIRST_DAY).days))
            organ = meeting_organs[bisect.bisect(weights, self.rng.random() * weights[-1])]
            items = min(self.rng.randint(8, 15), quota - written)
            serial += 1
            written += self._meeting(context, organ, day, serial, items, quota - written)

    def _meeting(
        self, town: _Town, organ: dict, day: date, serial: int, items: int, room: int
    ) -> int:
        rng = self.rng
        number = f"{serial % 40 + 1}/{day.year}"
        start = f"{day.isoformat()}T{rng.choice(('13', '16', '17', '18'))}:00:00+02:00"
        base_id = f"{day:%Y%m%d}{organ['origin_id']}{serial:04d}"
        items_spec = [self._item_spec(town, organ, day) for _ in range(items)]
        documents = [(DocumentKind.MINUTES, town.language, "")]
        if rng.random() < AGENDA_SHARE and room >= 2 * items:
            documents.insert(0, (DocumentKind.AGENDA, town.language, "-agenda"))
        if (
            len(town.languages) > 1
            and town.language == "fi"
            and rng.random() < SWEDISH_COPY_SHARE
            and room >= (len(documents) + 1) * items
        ):
            documents.append((DocumentKind.MINUTES, "sv", "-sv"))
        written = 0
        for kind, language, suffix in documents:
            origin = f"{base_id}{suffix}"
            meeting_id = make_id(town.id, RecordType.MEETING, origin)
            url = f"{town.base_url}pk_asil_tweb.htm?+bid={origin}"
            meeting = {
                "id": meeting_id,
                "origin_id": origin,
                "municipality": town.id,
                "organization": organ["id"],
                "number": number,
                "start": start,
                "document_kind": kind,
                "language": language,
                "source_url": url,
                "pdf_url": f"{town.base_url}ktproxy2.dll?doctype=1&docid={origin}",
            }
            actions = []
            for ordering, spec in enumerate(items_spec, 1):
                action_origin = f"{origin}-{ordering}"
                action = self._action(
                    town, organ, spec, language, kind, action_origin, meeting_id, ordering, day
                )
                if suffix == "-sv" or (len(documents) == 3 and suffix == ""):
                    other = "" if suffix == "-sv" else "-sv"
                    other_language = "fi" if suffix == "-sv" else "sv"
                    action["translations"] = [
                        {
                            "language": other_language,
                            "id": make_id(
                                town.id, RecordType.ACTION, f"{base_id}{other}-{ordering}"
                            ),
                        }
                    ]
                actions.append(action)
            fetched = day + timedelta(days=2 if kind is DocumentKind.MINUTES else -5)
            self.store.merge_page(
                {"page": "meeting", "meetings": [meeting], "actions": actions},
                self._provenance(url, fetched, meeting_id),
            )
            self.report.meetings += 1
            self.report.actions += len(actions)
            written += len(actions)
        return written

    def _officeholder_decisions(self, town: _Town, count: int) -> int:
        offices = [org for org, weight in town.organizations if weight == 0]
        for serial in range(count):
            office = offices[serial % len(offices)]
            day = FIRST_DAY + timedelta(
                days=round((LAST_DAY - FIRST_DAY).days * (serial + 0.5) / count)
            )
            origin = f"{day:%Y%m%d}{office['origin_id']}{serial:05d}"
            spec = self._item_spec(town, office, day)
            action = self._action(
                town, office, spec, town.language, DocumentKind.MINUTES, origin, None, None, day
            )
            action["decision_maker"] = office["name"]
            self.store.merge_page(
                {"page": "action", "actions": [action]},
                self._provenance(action["source_url"], day + timedelta(days=1), action["id"]),
            )
        self.report.actions += count
        return count

    def _item_spec(self, town: _Town, organ: dict, day: date) -> dict:
        """What an item is about, shared by its agenda, minutes and translation."""
        rng = self.rng
        private = rng.random() < 0.04
        function_code = rng.choice(FUNCTION_CODES)
        return {
            "private": private,
            "pattern": rng.randrange(len(PRIVATE_TITLES["fi"] if private else FI_TITLE_PATTERNS)),
            "topic": rng.randrange(len(FI_TOPICS)),
            "street": rng.randrange(len(STREETS["fi"])),
            "place": rng.randrange(len(PLACES["fi"])),
            "number": rng.randint(1, 300),
            "person": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "register_id": (
                f"{town.prefix}/{next(self.register_numbers)}/{function_code}/{day.year}"
            ),
            "function_code": function_code,
            "presenter": rng.randrange(len(TITLES_OF_OFFICIALS["fi"])),
            "presenter_name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "preparers": [
                f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                for _ in range(rng.choice((1, 1, 2)))
            ],
            "decision": rng.random(),
            "history": rng.random() < 0.2,
            "attachments": rng.choice((0, 0, 0, 1, 1, 2, 3)),
            "summary": rng.random() < 0.5,
            "proceedings": rng.random() < 0.15,
            "html": rng.random() < 0.3,
            "seed": rng.getrandbits(32),
        }

    def _action(
        self,
        town: _Town,
        organ: dict,
        spec: dict,
        language: str,
        kind: str,
        origin: str,
        meeting_id: str | None,
        ordering: int | None,
        day: date,
    ) -> dict:
        # The text of an item is the same in its agenda and minutes: generated from its seed.
        text = TextGenerator(random.Random(spec["seed"] * 2 + (language == "sv")))
        title = self._title(spec, language, day)
        labels = SECTION_LABELS[language]
        contents = []
        if spec["summary"]:
            contents.append((ContentType.SUMMARY, text.text(language, town.id, 280)))
        contents.append(
            (ContentType.PRESENTATION, text.text(language, town.id, text.rng.randint(1500, 5000)))
        )
        contents.append((ContentType.PROPOSAL, text.text(language, town.id, 300)))
        if kind is DocumentKind.MINUTES:
            if spec["proceedings"]:
                contents.append((ContentType.PROCEEDINGS, text.text(language, town.id, 400)))
            decision = _weighted(DECISIONS[language], spec["decision"])
            contents.append(
                (
                    ContentType.DECISION,
                    f"{decision} " + text.text(language, town.id, text.rng.randint(60, 350)),
                )
            )
        sections = []
        for content_type, body in contents:
            html = None
            if spec["html"] and content_type in (ContentType.PRESENTATION, ContentType.DECISION):
                html = "".join(f"<p>{paragraph}</p>" for paragraph in body.split("\n\n"))
            sections.append(
                {"type": content_type, "label": labels[content_type], "text": body, "html": html}
            )
        official = TITLES_OF_OFFICIALS[language][spec["presenter"]]
        action = {
            "id": make_id(town.id, RecordType.ACTION, origin),
            "origin_id": origin,
            "municipality": town.id,
            "organization": organ["id"],
            "meeting": meeting_id,
            "article_number": str(ordering + 10) if ordering else None,
            "ordering": ordering,
            "title": title,
            "register_id": spec["register_id"],
            "function_code": spec["function_code"],
            "language": language,
            "presenter": f"{official} {spec['presenter_name']}",
            "preparers": [f"{name}, {official}" for name in spec["preparers"]],
            "contents": sections,
            "date": day.isoformat(),
            "source_url": f"{town.base_url}ktproxy2.dll?doctype=3&docid={origin}",
            "pdf_url": f"{town.base_url}ktproxy2.dll?doctype=3&docid={origin}&pdf=1",
            "attachments": [
                self._attachment(town, language, origin, number, spec)
                for number in range(1, spec["attachments"] + 1)
            ],
        }
        if spec["history"]:
            earlier = day - timedelta(days=14 + spec["number"] % 30)
            action["history"] = [
                {
                    "organization": organ["name"],
                    "date": earlier.isoformat(),
                    "article_number": str(spec["number"] % 200 + 1),
                }
            ]
        return action

    def _title(self, spec: dict, language: str, day: date) -> str:
        patterns = (
            PRIVATE_TITLES[language]
            if spec["private"]
            else (FI_TITLE_PATTERNS if language == "fi" else SV_TITLE_PATTERNS)
        )
        topic = (FI_TOPICS if language == "fi" else SV_TOPICS)[spec["topic"]]
        return patterns[spec["pattern"] % len(patterns)].format(
            topic=topic,
            Topic=topic[0].upper() + topic[1:],
            year=day.year + 1,
            street=STREETS[language][spec["street"]],
            place=PLACES[language][spec["place"]],
            number=spec["number"],
            person=spec["person"],
        )

    def _attachment(self, town: _Town, language: str, origin: str, number: int, spec: dict) -> dict:
        name = ATTACHMENT_NAMES[language][(spec["number"] + number) % 8]
        public = (spec["number"] + number) % 11 != 0
        attachment = {
            "name": f"{'Liite' if language == 'fi' else 'Bilaga'} {number} {name}.pdf",
            "url": f"{town.base_url}ktproxy2.dll?doctype=4&docid={origin}-{number}"
            if public
            else None,
            "public": public,
            "media_type": "application/pdf",
        }
        if not public:
            attachment["confidentiality_reason"] = "JulkL 24 § 1 mom. 20 k."
        return attachment

    @staticmethod
    def _provenance(url: str, day: date, key: str) -> dict:
        return {
            "source_url": url,
            "fetched_at": f"{day.isoformat()}T02:00:00+00:00",
            "raw_sha256": hashlib.sha256(key.encode()).hexdigest(),
            "parser_version": PARSER_VERSION,
        }


@dataclass
class _Town:
    id: str
    language: str
    languages: list[str]
    base_url: str
    prefix: str
    organizations: list[tuple[dict, float]]


def _weighted(choices: tuple[tuple[str, int], ...], fraction: float) -> str:
    total = sum(weight for _, weight in choices)
    point = fraction * total
    for value, weight in choices:
        point -= weight
        if point < 0:
            return value
    return choices[-1][0]


def write_corpus(path: Path | str, actions: int, seed: int = SEED) -> CorpusReport:
    """A new store at ``path`` (replacing any) holding ``actions`` synthetic actions."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = datetime.now()
    with Store(path) as store:
        report = CorpusWriter(store, actions, seed).write()
    report.seconds = (datetime.now() - started).total_seconds()
    return report


# A night's changes: new minutes, agendas replaced by minutes, corrections. The harvester
# fetches again only what is new or within its 60-day window (harvest/incremental.py), so
# they are among the newest records: ``recent`` picks from the newest twice as many.
RECENT_POOL = 2


def change_actions(
    store: Store,
    fraction: float | None = None,
    count: int | None = None,
    seed: int = SEED + 1,
    fetched_at: str = "2026-11-20T02:00:00+00:00",
    exclude: frozenset[str] = frozenset(),
    recent: bool = False,
) -> list[str]:
    """Change the decision text of ``count`` (or ``fraction`` of all) current actions, chosen
    with ``seed`` among all of them or (``recent``) among the newest, through merge_page as
    a re-harvest would; returns their ids."""
    states = sorted(
        (
            state
            for state in store.action_states()
            if not state["withdrawn_at"] and state["id"] not in exclude
        ),
        key=lambda state: (state["date"] or "", state["id"]),
        reverse=True,
    )
    wanted = count if count is not None else max(1, round(len(states) * fraction))
    pool = states[: RECENT_POOL * wanted] if recent else states
    ids = sorted(state["id"] for state in pool)
    chosen = sorted(random.Random(seed).sample(ids, min(wanted, len(ids))))
    with store.transaction():
        for action_id in chosen:
            action = store.action(action_id)
            contents = [dict(content) for content in action.get("contents") or ()]
            decisions = [c for c in contents if c["type"] == ContentType.DECISION]
            target = decisions[0] if decisions else contents[-1]
            note = (
                " Päätöstä täydennettiin kokouksessa."
                if action.get("language") == "fi"
                else " Beslutet kompletterades under sammanträdet."
            )
            target["text"] = (target.get("text") or "") + note
            if target.get("html"):
                target["html"] += f"<p>{note.strip()}</p>"
            store.merge_page(
                {
                    "page": "action",
                    "actions": [
                        {"id": action_id, "origin_id": action["origin_id"], "contents": contents}
                    ],
                },
                {
                    "source_url": action["source_url"],
                    "fetched_at": fetched_at,
                    "raw_sha256": hashlib.sha256(f"{action_id}{fetched_at}".encode()).hexdigest(),
                    "parser_version": PARSER_VERSION,
                },
            )
    return chosen
