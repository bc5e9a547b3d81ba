"""Kristinestad: a Swedish-majority KTweb site in a Bootstrap theme, UTF-8.

Its base path is /ktwebbin/dbisa.dll/ktwebscr/. The Finnish-language division of the
education committee writes in Finnish. All persons are fictional.
"""

from __future__ import annotations

from datetime import date

from sample_sites.content.common import legality_item, minutes_checkers_item
from sample_sites.model import BOOTSTRAP_THEME, Attachment, Item, Meeting, Organ, Person, Site
from sample_sites.model import local_datetime as at

STADSFULLMAKTIGE = Organ(701, "Stadsfullmäktige", "sv")
STADSSTYRELSEN = Organ(702, "Stadsstyrelsen", "sv")
TEKNISKA_NAMNDEN = Organ(711, "Tekniska nämnden", "sv")
FINNISH_DIVISION = Organ(725, "Sivistyslautakunnan suomenkielinen jaosto", "fi")
REVISIONSNAMNDEN = Organ(730, "Revisionsnämnden", "sv")  # no meetings published


def _official(title: str, first: str, last: str, email_name: str, phone: str) -> Person:
    return Person(title, f"{first} {last}", f"{email_name}@krs.fi", phone)


CITY_MANAGER = _official("stadsdirektör", "Mikael", "Holmqvist", "mikael.holmqvist", "040 650 2001")
ADMIN_DIRECTOR = _official(
    "förvaltningsdirektör", "Annika", "Björklund", "annika.bjorklund", "040 650 2010"
)
FINANCE_CHIEF = _official("ekonomichef", "Johan", "Sandvik", "johan.sandvik", "040 650 2020")
TECHNICAL_DIRECTOR = _official(
    "teknisk direktör", "Peter", "Granholm", "peter.granholm", "040 650 2100"
)
TOWN_PLANNER = _official(
    "stadsplanerare", "Linnea", "Dahlbacka", "linnea.dahlbacka", "040 650 2115"
)
EDUCATION_DIRECTOR = _official("bildningsdirektör", "Susanne", "Ek", "susanne.ek", "040 650 2200")
FINNISH_PRINCIPAL = _official("rehtori", "Katja", "Lammi", "katja.lammi", "040 650 2240")

BOARD_MEMBERS = (
    "Stefan Lindqvist, ordförande",
    "Anna Backman, vice ordförande",
    "Kim Öhman",
    "Maria Hellström",
    "Erik Sjöberg",
    "Päivi Koskinen",
    "Mikael Holmqvist, stadsdirektör, föredragande",
    "Annika Björklund, förvaltningsdirektör, protokollförare",
)

BOARD_NOVEMBER_2026 = Meeting(
    bid=23345,
    organ=STADSSTYRELSEN,
    number="15/2026",
    start=at(date(2026, 11, 10), 17),
    end_time="19.30",
    place="Rådhuset, sessionssalen",
    first_article=201,
    attendees=BOARD_MEMBERS,
    items=(
        legality_item("sv", CITY_MANAGER),
        Item(
            title="Budget 2027 och ekonomiplan 2028-2029",
            register_id="KRS/410/02.02.00/2026",
            preparers=(FINANCE_CHIEF, CITY_MANAGER),
            presenter=CITY_MANAGER,
            summary=(
                "Budgetförslaget visar ett underskott på 0,6 miljoner euro. "
                "Inkomstskattesatsen föreslås vara oförändrad 9,40 procent."
            ),
            presentation=(
                "Budgetförslaget har beretts utgående från stadens strategi och de "
                "ekonomiska ramar som stadsfullmäktige fastställde i juni. "
                "Verksamhetsutgifterna ökar med 1,9 procent. Nettoinvesteringarna uppgår "
                "till 4,3 miljoner euro, varav saneringen av Kristinestads simhall är den "
                "största.\n\n"
                "För att balansera ekonomin föreslås en översyn av servicenätverket under "
                "2027."
            ),
            proposal=(
                "Stadsstyrelsen föreslår för stadsfullmäktige att budgeten för 2027 och "
                "ekonomiplanen för 2028-2029 godkänns enligt bilagan."
            ),
            decision="Förslaget godkändes.",
            attachments=(
                Attachment(
                    "Budgetförslag 2027", "Driftsekonomi, resultaträkning och investeringar."
                ),
            ),
        ),
        Item(
            title="Utlåtande om Österbottens välfärdsområdes servicenätverksplan",
            register_id="KRS/377/00.04.01/2026",
            preparers=(ADMIN_DIRECTOR,),
            presenter=CITY_MANAGER,
            presentation=(
                "Välfärdsområdet begär kommunernas utlåtanden om förslaget till "
                "servicenätverksplan senast 30.11.2026. Enligt förslaget ersätts "
                "hälsostationens kvällsmottagning i Kristinestad med distansmottagning."
            ),
            proposal=(
                "Stadsstyrelsen ger Österbottens välfärdsområde ett utlåtande enligt beskrivningen."
            ),
            proceedings=(
                "Ledamot Kim Öhman föreslog, understödd av ledamot Maria Hellström, att "
                "ärendet återremitteras för att utlåtandet ska kompletteras med "
                "konsekvenserna för äldre invånare. Stadsstyrelsen omfattade enhälligt "
                "förslaget om återremiss."
            ),
            decision="Ärendet återremitterades.",
        ),
        Item(
            title="Detaljplaneändring för kvarter 17 i centrum (Rådhusgatan), framläggande",
            register_id="KRS/321/10.02.03/2026",
            preparers=(TOWN_PLANNER,),
            presenter=CITY_MANAGER,
            earlier_handling=("Tekniska nämnden 20.10.2026 § 88",),
            presentation=(
                "Detaljplaneändringen gör det möjligt att bygga ett flervåningshus med "
                "cirka 24 bostäder i kvarter 17. Den gamla trähusmiljön längs "
                "Rådhusgatan skyddas med beteckningen sr-1.\n\n"
                "Planförslaget läggs fram offentligt i 30 dagar."
            ),
            proposal=(
                "Stadsstyrelsen beslutar lägga fram förslaget till detaljplaneändring för "
                "kvarter 17 offentligt i 30 dagar."
            ),
            decision="Förslaget godkändes.",
            attachments=(
                Attachment("Plankarta", "Plankarta med bestämmelser, skala 1:1000."),
                Attachment("Planbeskrivning", "Utgångspunkter, mål och konsekvenser."),
            ),
        ),
        Item(
            title="Delgivningar",
            preparers=(ADMIN_DIRECTOR,),
            presenter=CITY_MANAGER,
            presentation=(
                "Tekniska nämndens protokoll 20.10.2026 och bildningsnämndens protokoll "
                "22.10.2026 delges stadsstyrelsen."
            ),
            proposal="Stadsstyrelsen antecknar delgivningarna för kännedom.",
            decision="Antecknades för kännedom.",
        ),
    ),
)

COUNCIL_DECEMBER_2025 = Meeting(
    bid=22980,
    organ=STADSFULLMAKTIGE,
    number="6/2025",
    start=at(date(2025, 12, 15), 18),
    end_time="21.40",
    place="Rådhuset, sessionssalen",
    first_article=61,
    attendees=(
        "Karin Nordman, ordförande",
        "Stefan Lindqvist",
        "Anna Backman",
        "Kim Öhman",
        "samt 23 andra ledamöter (namnupprop som bilaga)",
        "Annika Björklund, förvaltningsdirektör, protokollförare",
    ),
    items=(
        legality_item("sv", CITY_MANAGER),
        Item(
            title="Budget 2026 och ekonomiplan 2027-2028",
            register_id="KRS/385/02.02.00/2025",
            preparers=(FINANCE_CHIEF,),
            presenter=CITY_MANAGER,
            earlier_handling=("Stadsstyrelsen 24.11.2025 § 230",),
            presentation=(
                "Stadsstyrelsens budgetförslag visar ett överskott på 0,2 miljoner euro. "
                "Nettoinvesteringarna uppgår till 3,9 miljoner euro.\n\n"
                "Inkomstskattesatsen har fastställts till 9,40 procent i ett separat "
                "beslut."
            ),
            proposal=(
                "Stadsfullmäktige godkänner budgeten för 2026 och ekonomiplanen för "
                "2027-2028 enligt bilagan."
            ),
            proceedings=(
                "Ledamot Anna Backman föreslog, understödd av ledamot Kim Öhman, att "
                "anslaget för underhåll av Kristinestads gamla trästad höjs med 60 000 "
                "euro och att anslaget för gatubelysning minskas i motsvarande mån.\n\n"
                "Ordföranden konstaterade att ett understött ändringsförslag framställts "
                "och att omröstning ska förrättas. De som understöder stadsstyrelsens "
                "förslag röstar JA och de som understöder Backmans förslag röstar NEJ.\n\n"
                "Vid omröstningen avgavs 12 JA-röster och 15 NEJ-röster. Ordföranden "
                "konstaterade att fullmäktige godkänt Backmans ändringsförslag."
            ),
            decision=(
                "Stadsfullmäktige godkände budgeten med den ändringen att anslaget för "
                "underhåll av den gamla trästaden höjs med 60 000 euro och anslaget för "
                "gatubelysning minskas i motsvarande mån. I övrigt godkändes förslaget."
            ),
            attachments=(
                Attachment("Budget 2026", "Driftsekonomi och resultaträkning."),
                Attachment("Investeringsplan 2026-2030", "Investeringar per projekt."),
            ),
        ),
        Item(
            title="Val av revisionsnämndens ordförande för återstoden av mandatperioden",
            register_id="KRS/402/00.00.01/2025",
            preparers=(ADMIN_DIRECTOR,),
            presenter=CITY_MANAGER,
            earlier_handling=("Stadsstyrelsen 1.12.2025 § 244",),
            presentation=(
                "Revisionsnämndens ordförande har beviljats avsked från sitt "
                "förtroendeuppdrag. Fullmäktige ska välja en ny ordförande för "
                "återstoden av mandatperioden."
            ),
            proposal=(
                "Stadsfullmäktige väljer ledamot Erik Sjöberg till revisionsnämndens "
                "ordförande för återstoden av mandatperioden."
            ),
            decision="Förslaget godkändes.",
        ),
        Item(
            title="Svar på motion om avgiftsfria simhallsbesök för pensionärer",
            register_id="KRS/188/12.03.00/2025",
            preparers=(EDUCATION_DIRECTOR,),
            presenter=CITY_MANAGER,
            earlier_handling=("Stadsstyrelsen 24.11.2025 § 236",),
            presentation=(
                "I en motion föreslås att pensionärer får besöka simhallen avgiftsfritt "
                "på vardagsförmiddagar. Kostnaden uppskattas till 18 000 euro per år i "
                "förlorade avgiftsintäkter. Bildningsnämnden föreslår i stället ett "
                "rabatterat seriekort."
            ),
            proposal=(
                "Stadsfullmäktige godkänner svaret på motionen och konstaterar motionen "
                "slutbehandlad."
            ),
            decision="Förslaget godkändes.",
        ),
    ),
)

TECHNICAL_NOVEMBER_2026 = Meeting(
    bid=23402,
    organ=TEKNISKA_NAMNDEN,
    number="11/2026",
    start=at(date(2026, 11, 26), 16),
    end_time="",
    place="Tekniska verket, mötesrummet",
    first_article=96,
    has_minutes=False,  # the meeting has not been held yet
    attendees=(
        "Erik Sjöberg, ordförande",
        "Lotta Granvik",
        "Henrik Åkerlund",
        "Sari Hakala",
        "Peter Granholm, teknisk direktör, föredragande",
    ),
    items=(
        legality_item("sv", TECHNICAL_DIRECTOR),
        Item(
            title="Vinterunderhåll av gator 2027-2029, upphandling",
            register_id="KRS/360/02.08.00/2026",
            preparers=(TECHNICAL_DIRECTOR,),
            presenter=TECHNICAL_DIRECTOR,
            presentation=(
                "Vinterunderhållet av gator och trottoarer i centrum och Tjöck har "
                "upphandlats för tre år. Tre anbud inkom inom utsatt tid. Det "
                "ekonomiskt mest fördelaktiga anbudet har lämnats av Sydbottens "
                "Maskinservice Ab."
            ),
            proposal=(
                "Tekniska nämnden antar anbudet från Sydbottens Maskinservice Ab för "
                "vinterunderhållet 2027-2029."
            ),
            decision="",
            attachments=(
                Attachment(
                    "Anbudsjämförelse",
                    public=False,
                    confidentiality_reason="OffL 24.1 § 17 p",
                ),
                Attachment("Karta över underhållsområden", "Områden 1-3 på karta."),
            ),
        ),
        Item(
            title="Avvikelsebeslut för byggande av fritidsbostad i Härkmeri",
            register_id="KRS/352/10.03.01/2026",
            preparers=(TOWN_PLANNER,),
            presenter=TECHNICAL_DIRECTOR,
            presentation=(
                "Sökanden Lars Westin ansöker om avvikelse från strandgeneralplanen för "
                "att bygga en fritidsbostad på fastigheten 287-410-2-55 i Härkmeri. "
                "Byggplatsen ligger 40 meter från strandlinjen."
            ),
            proposal="Tekniska nämnden beviljar den sökta avvikelsen.",
            decision="",
        ),
    ),
)

FINNISH_DIVISION_SEPTEMBER_2026 = Meeting(
    bid=23190,
    organ=FINNISH_DIVISION,
    number="5/2026",
    start=at(date(2026, 9, 22), 17, 30),
    end_time="18.45",
    place="Kristiinankaupungin yhtenäiskoulu, opettajainhuone",
    first_article=33,
    attendees=(
        "Johanna Koivisto, puheenjohtaja",
        "Marko Lehto",
        "Sanna Rintala",
        "Katja Lammi, rehtori, esittelijä",
    ),
    items=(
        minutes_checkers_item("fi", FINNISH_PRINCIPAL, ("Marko Lehto", "Sanna Rintala")),
        Item(
            title="Suomenkielisen perusopetuksen opetussuunnitelman päivitys",
            register_id="KRS/298/12.00.01/2026",
            preparers=(FINNISH_PRINCIPAL,),
            presenter=FINNISH_PRINCIPAL,
            presentation=(
                "Opetussuunnitelmaa on päivitetty Opetushallituksen muuttamien "
                "perusteiden mukaisesti. Muutokset koskevat erityisesti tuen "
                "järjestämistä ja arviointia. Päivitetty opetussuunnitelma otetaan "
                "käyttöön 1.1.2027."
            ),
            proposal=(
                "Jaosto hyväksyy suomenkielisen perusopetuksen opetussuunnitelman "
                "päivityksen liitteen mukaisena."
            ),
            decision="Hyväksyttiin esitys.",
            attachments=(Attachment("Opetussuunnitelman muutokset", "Luvut 7 ja 9 muutettuina."),),
        ),
        Item(
            title="Oppilasmäärät lukuvuonna 2026-2027",
            register_id="KRS/301/12.01.00/2026",
            preparers=(FINNISH_PRINCIPAL,),
            presenter=FINNISH_PRINCIPAL,
            presentation=(
                "Suomenkielisessä perusopetuksessa on syyslukukauden alussa 142 oppilasta, "
                "mikä on kuusi oppilasta vähemmän kuin edellisenä lukuvuonna."
            ),
            proposal="Jaosto merkitsee oppilasmäärät tiedoksi.",
            decision="Merkittiin tiedoksi.",
        ),
    ),
)

SITE = Site(
    municipality="kristinestad",
    town_name={"fi": "Kristiinankaupungin kaupunki", "sv": "Kristinestads stad"},
    appeal_court={"fi": "Vaasan hallinto-oikeus", "sv": "Vasa förvaltningsdomstol"},
    register_prefix="KRS",
    base_path="/ktwebbin/dbisa.dll/ktwebscr/",
    theme=BOOTSTRAP_THEME,
    ui_language="sv",
    encoding="utf-8",
    robots_txt="User-agent: *\nAllow: /\n",
    organs=(STADSFULLMAKTIGE, STADSSTYRELSEN, TEKNISKA_NAMNDEN, FINNISH_DIVISION, REVISIONSNAMNDEN),
    meetings=(
        BOARD_NOVEMBER_2026,
        COUNCIL_DECEMBER_2025,
        TECHNICAL_NOVEMBER_2026,
        FINNISH_DIVISION_SEPTEMBER_2026,
    ),
)
