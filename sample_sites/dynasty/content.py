"""What the Dynasty sample sites say. Every person in them is fictional.

- riihimaki: the CGI generation under ``/djulkaisu/``, Finnish; four organs, agendas and
  minutes, officeholder decisions of two offices, RSS feeds.
- static-example: a static export under ``/kokous/`` of a bilingual town; its city board
  publishes in Swedish, its technical committee in Finnish. Used by tests only.

Decisions cover the outcomes the archive tells apart: approved as proposed, amended,
tabled, returned for preparation, rejected, noted (Finnish and Swedish wording).
"""

from __future__ import annotations

from datetime import date, datetime

from sample_sites.dynasty.model import (
    CGI,
    HELSINKI,
    STATIC,
    Appeal,
    Attachment,
    Decision,
    Item,
    Meeting,
    Office,
    Organ,
    Person,
    Site,
)


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=HELSINKI)


# --- Riihimäki (CGI) ------------------------------------------------------------------------

VALTUUSTO = Organ(1001, "Kaupunginvaltuusto", "fi")
HALLITUS = Organ(1002, "Kaupunginhallitus", "fi")
TEKNINEN = Organ(1003, "Tekninen lautakunta", "fi")
SIVISTYS = Organ(1004, "Sivistyslautakunta", "fi")

MAYOR = Person("Kaupunginjohtaja", "Aarne Kivilahti", "019 758 1001")
ADMIN = Person("Hallintojohtaja", "Maija Rantasalo", "019 758 1020")
FINANCE = Person("Talousjohtaja", "Kalle Honkaniemi", "019 758 1030")
TECHNICAL = Person("Tekninen johtaja", "Ilkka Vuorenmaa", "019 758 1300")
ENGINEER = Person("Kunnossapitoinsinööri", "Sanna Peltokorpi", "019 758 1322")
PLANNER = Person("Kaavoituspäällikkö", "Oskari Lehtisalo", "019 758 1350")
EDUCATION = Person("Sivistysjohtaja", "Helena Aaltomaa", "019 758 1500")
SCHOOLS = Person("Opetuspäällikkö", "Jari Mäntyniemi", "019 758 1520")

LEGALITY = Item(
    title="Kokouksen laillisuus ja päätösvaltaisuus",
    register_id="",
    presentation=("Kokouksen koollekutsumisesta ja päätösvaltaisuudesta säädetään "
                  "kuntalaissa ja hallintosäännössä.",),
    proposal="Todetaan kokous lailliseksi ja päätösvaltaiseksi.",
    decision="Hyväksyttiin esitys.",
)  # fmt: skip


def checkers(first: str, second: str) -> Item:
    return Item(
        title="Pöytäkirjan tarkastajien valinta",
        register_id="",
        presentation=("Pöytäkirjan tarkastaa kaksi kokouksessa valittavaa jäsentä.",),
        proposal="Valitaan pöytäkirjan tarkastajiksi kaksi jäsentä.",
        decision=f"Pöytäkirjan tarkastajiksi valittiin {first} ja {second}.",
    )


BUDGET = Item(
    title="Talousarvio 2027 ja taloussuunnitelma 2028-2030",
    register_id="1834/02.02.00/2026",
    presentation=(
        "Talousarvion toimintamenot kasvavat 2,1 prosenttia edellisvuodesta. Verotulojen "
        "arvioidaan kasvavan 3,4 prosenttia.",
        "Investointiohjelman painopisteenä ovat koulukiinteistöt ja katujen peruskorjaukset.",
    ),
    proposal="Kaupunginhallitus esittää kaupunginvaltuustolle, että valtuusto hyväksyy "
    "talousarvion 2027 ja taloussuunnitelman 2028-2030.",
    decision="Hyväksyttiin esitys.",
    preparers=(FINANCE, ADMIN),
    attachments=(Attachment("Talousarvio 2027"), Attachment("Investointiohjelma 2027-2030")),
    for_information=("Kaupunginvaltuusto",),
)
LIBRARY_HOURS = Item(
    title="Kaupunginkirjaston aukioloajat 1.1.2027 alkaen",
    register_id="1902/12.06.00/2026",
    presentation=("Sivistyslautakunta on esittänyt kirjaston aukioloaikojen muuttamista "
                  "niin, että lauantaisin kirjasto on auki kello 10-16.",),
    proposal="Kaupunginhallitus hyväksyy kirjaston aukioloajat 1.1.2027 alkaen esityksen "
    "mukaisesti.",
    decision="Asia palautettiin valmisteluun. Aukioloajoista pyydetään kirjastolautakunnan "
    "lausunto.",
    proceedings="Laine ehdotti Virran kannattamana, että asia palautetaan valmisteluun. "
    "Puheenjohtaja totesi palautusehdotuksen tulleen yksimielisesti hyväksytyksi.",
    preparers=(EDUCATION,),
)  # fmt: skip
LAND_SALE = Item(
    title="Tontin myynti, Pohjoisen teollisuusalueen kortteli 4012",
    register_id="1877/10.00.02/2026",
    presentation=("Yritys on tarjoutunut ostamaan tontin 4012-3 (pinta-ala 8 450 m2) "
                  "hintaan 152 100 euroa.",),
    proposal="Kaupunginhallitus päättää myydä tontin 4012-3 esityksen mukaisesti.",
    decision="Kaupunginhallitus päätti myydä tontin 4012-3 muutettuna niin, että "
    "rakentamisvelvollisuuden määräaika on kolme vuotta. Muilta osin hyväksyttiin esitys.",
    proceedings="Kallio ehdotti Niemen kannattamana, että rakentamisvelvollisuuden määräaika "
    "on kolme vuotta. Muutosehdotus hyväksyttiin yksimielisesti.",
    preparers=(PLANNER,),
    attachments=(Attachment("Kartta tontista 4012-3"),
                 Attachment("Kauppakirjaluonnos", public=False,
                            reason="Salassa pidettävä, JulkL 24 § 1 mom. 20 k.")),
)  # fmt: skip
CITY_REPORT = Item(
    title="Kaupungin talouden ja toiminnan seurantaraportti 9/2026",
    register_id="1790/02.02.01/2026",
    presentation=("Seurantaraportti kuvaa talouden toteutumaa syyskuun loppuun.",),
    proposal="Kaupunginhallitus merkitsee seurantaraportin tiedoksi.",
    decision="Merkittiin tiedoksi.",
    preparers=(FINANCE,),
    attachments=(Attachment("Seurantaraportti 9/2026"),),
)
STREET_LIGHTS = Item(
    title="Katuvalaistuksen saneeraus LED-valaisimiksi",
    register_id="1655/10.03.01/2026",
    presentation=("Tekninen lautakunta käsitteli asian 14.10.2026 ja esitti hankkeelle "
                  "lisämäärärahaa 240 000 euroa.",
                  "Saneeraus pienentää sähkönkulutusta arviolta 60 prosenttia."),
    proposal="Kaupunginhallitus myöntää katuvalaistuksen saneeraukseen lisämäärärahaa "
    "240 000 euroa.",
    decision="Hyväksyttiin esitys.",
    preparers=(TECHNICAL, ENGINEER),
    history=(("Tekninen lautakunta", 78, date(2026, 10, 14)),
             ("Kaupunginhallitus", 176, date(2026, 10, 19))),
    earlier=("Kaupunginhallitus myöntää lisämäärärahaa 240 000 euroa.",
             "Asia jätettiin pöydälle."),
)  # fmt: skip
CITY_PLAN = Item(
    title="Asemakaavan muutos, Peltosaaren kortteli 212",
    register_id="1120/10.02.03/2026",
    presentation=("Asemakaavan muutoksella mahdollistetaan kerrostalojen rakentaminen "
                  "korttelin 212 tyhjille tonteille.",),
    proposal="Kaupunginhallitus esittää kaupunginvaltuustolle, että valtuusto hyväksyy "
    "asemakaavan muutoksen.",
    decision="Asia jätettiin pöydälle.",
    proceedings="Rinne ehdotti Kallion kannattamana, että asia jätetään pöydälle. "
    "Pöydällepanoehdotus hyväksyttiin yksimielisesti.",
    preparers=(PLANNER,),
    attachments=(Attachment("Asemakaavakartta"), Attachment("Kaavaselostus")),
)  # fmt: skip
SNOW = Item(
    title="Talvikunnossapidon urakka 2026-2029, hankintapäätös",
    register_id="1544/02.08.00/2026",
    presentation=("Hankinnasta saatiin neljä tarjousta. Halvin hinta oli valintaperuste.",),
    proposal="Tekninen lautakunta valitsee urakoitsijaksi halvimman tarjouksen tehneen "
    "yrityksen.",
    decision="Hyväksyttiin esitys.",
    preparers=(ENGINEER,),
    attachments=(Attachment("Tarjousvertailu", public=False,
                            reason="Salassa pidettävä, JulkL 24 § 1 mom. 17 k."),),
)  # fmt: skip
PARKING = Item(
    title="Pysäköintivirhemaksujen korottaminen",
    register_id="1601/14.01.00/2026",
    presentation=("Laki sallii pysäköintivirhemaksun korottamisen enintään 80 euroon.",),
    proposal="Tekninen lautakunta esittää pysäköintivirhemaksun korottamista 60 euroon.",
    decision="Hylättiin esitys äänin 5-4. Pysäköintivirhemaksu pysyy ennallaan.",
    proceedings="Äänestyksessä esitys hylättiin äänin 5-4.",
    preparers=(ENGINEER,),
)
STREET_LIGHTS_COMMITTEE = Item(
    title="Katuvalaistuksen saneeraus LED-valaisimiksi, lisämäärärahaesitys",
    register_id="1655/10.03.01/2026",
    presentation=("Saneeraus pienentää sähkönkulutusta arviolta 60 prosenttia.",),
    proposal="Tekninen lautakunta esittää kaupunginhallitukselle lisämäärärahaa 240 000 euroa.",
    decision="Hyväksyttiin esitys.",
    preparers=(TECHNICAL,),
)
REVIEW = Item(
    title="Katujen kunnossapidon katsaus",
    register_id="1702/10.03.00/2026",
    presentation=("Katsaus kertoo kesän päällystystöistä ja syksyn korjausvelasta.",),
    proposal="Merkitään katsaus tiedoksi.",
    decision="Merkittiin tiedoksi.",
    preparers=(ENGINEER,),
)
SCHOOL_NETWORK = Item(
    title="Kouluverkkoselvitys 2027-2035",
    register_id="1488/12.01.00/2026",
    presentation=("Selvitys tarkastelee oppilasmäärien kehitystä ja koulukiinteistöjen "
                  "kuntoa.",),
    proposal="Sivistyslautakunta merkitsee selvityksen tiedoksi ja lähettää sen "
    "kaupunginhallitukselle.",
    decision="Hyväksyttiin esitys.",
    preparers=(EDUCATION, SCHOOLS),
    attachments=(Attachment("Kouluverkkoselvitys"),),
)  # fmt: skip
SCHOOL_FEES = Item(
    title="Iltapäivätoiminnan asiakasmaksut lukuvuonna 2027-2028",
    register_id="1512/12.01.01/2026",
    presentation=("Maksut ovat pysyneet ennallaan kolme vuotta.",),
    proposal="Sivistyslautakunta korottaa iltapäivätoiminnan maksua 10 eurolla.",
    decision="Asia palautettiin valmisteluun.",
    proceedings="Ahola ehdotti, että asia palautetaan valmisteluun. Ehdotus hyväksyttiin.",
    preparers=(SCHOOLS,),
)
COUNCIL_BUDGET = Item(
    title="Talousarvio 2027 ja taloussuunnitelma 2028-2030",
    register_id="1834/02.02.00/2026",
    presentation=("Kaupunginhallitus on käsitellyt talousarvion 2.11.2026.",),
    proposal="Kaupunginvaltuusto hyväksyy talousarvion 2027 ja taloussuunnitelman "
    "2028-2030.",
    decision="Hyväksyttiin esitys.",
    preparers=(FINANCE,),
    history=(("Kaupunginhallitus", 187, date(2026, 11, 2)),),
    attachments=(Attachment("Talousarvio 2027"),),
)  # fmt: skip
TAX_RATE = Item(
    title="Tuloveroprosentti vuodelle 2027",
    register_id="1835/02.03.01/2026",
    presentation=("Tuloveroprosentti on nyt 8,40.",),
    proposal="Kaupunginvaltuusto pitää tuloveroprosentin ennallaan.",
    decision="Hyväksyttiin esitys.",
    preparers=(FINANCE,),
)
MOTION = Item(
    title="Valtuustoaloite maksuttomista uimahallivuoroista ikäihmisille",
    register_id="1420/00.02.04/2026",
    presentation=("Aloitteen mukaan yli 70-vuotiaille tarjottaisiin maksuton vuoro "
                  "kerran viikossa.",),
    proposal="Kaupunginvaltuusto merkitsee vastauksen tiedoksi ja toteaa aloitteen loppuun "
    "käsitellyksi.",
    decision="Merkittiin tiedoksi.",
    preparers=(EDUCATION,),
)  # fmt: skip

BOARD_NOVEMBER = Meeting(
    HALLITUS, at(2026, 11, 2, 17), 2026110201, 2026110202, 185, MAYOR,
    (LEGALITY, checkers("Laura Saari", "Pekka Rinne"), BUDGET, LIBRARY_HOURS, LAND_SALE,
     CITY_REPORT),
    (Appeal("185-186, 190", "Muutoksenhakukielto"),
     Appeal("187-189", "Oikaisuvaatimusohje")),
)  # fmt: skip
BOARD_LATE_NOVEMBER = Meeting(
    HALLITUS, at(2026, 11, 16, 17), 2026111601, 2026111602, 198, MAYOR,
    (LEGALITY, checkers("Timo Kallio", "Satu Niemi"), STREET_LIGHTS, CITY_PLAN),
    (Appeal("198-199, 201", "Muutoksenhakukielto"), Appeal("200", "Oikaisuvaatimusohje")),
)  # fmt: skip
TECHNICAL_NOVEMBER = Meeting(
    TEKNINEN, at(2026, 11, 10, 16, 30), 2026111001, 2026111002, 85, TECHNICAL,
    (LEGALITY, SNOW, PARKING, STREET_LIGHTS_COMMITTEE, REVIEW),
    (Appeal("85, 88-89", "Muutoksenhakukielto"), Appeal("86-87", "Oikaisuvaatimusohje")),
)  # fmt: skip
EDUCATION_NOVEMBER = Meeting(
    SIVISTYS, at(2026, 11, 12, 18), None, 2026111202, 64, EDUCATION,
    (LEGALITY, SCHOOL_NETWORK, SCHOOL_FEES),
    (Appeal("64-66", "Muutoksenhakukielto"),),
)  # fmt: skip
COUNCIL_NOVEMBER = Meeting(
    VALTUUSTO, at(2026, 11, 23, 18), 2026112301, 2026112302, 71, MAYOR,
    (LEGALITY, COUNCIL_BUDGET, TAX_RATE, MOTION),
    (Appeal("71, 74", "Muutoksenhakukielto"), Appeal("72-73", "Valitusosoitus")),
)  # fmt: skip

KAUPUNGINJOHTAJA = Office(2001, "Kaupunginjohtaja")
TEKNINEN_JOHTAJA = Office(2002, "Tekninen johtaja")


def _decision(number, office, maker, day, article, title, register_id, decision, reasons,
              preparers=()) -> Decision:  # fmt: skip
    return Decision(number, office, maker, day, article, title, register_id, decision,
                    reasons, preparers)  # fmt: skip


DECISIONS = (
    _decision(3001, KAUPUNGINJOHTAJA, MAYOR, date(2026, 10, 28), 41,
              "Hallintojohtajan sijaisen määrääminen", "1790/01.01.01/2026",
              "Määrään hallintojohtajan sijaiseksi ajalle 1.-30.11.2026 lakimies "
              "Eeva Koskimaan.", ("Hallintojohtaja on vuosilomalla marraskuussa.",), (ADMIN,)),
    _decision(3002, KAUPUNGINJOHTAJA, MAYOR, date(2026, 11, 4), 42,
              "Kaupungin edustajan nimeäminen Kanta-Hämeen jätelautakunnan työryhmään",
              "1811/00.04.01/2026",
              "Nimeän kaupungin edustajaksi tekninen johtaja Ilkka Vuorenmaan.",
              ("Jätelautakunta on pyytänyt nimeämään edustajan.",)),
    _decision(3003, KAUPUNGINJOHTAJA, MAYOR, date(2026, 11, 18), 43,
              "Avustuksen myöntäminen Riihimäen Nuorisoseuralle", "1850/02.05.01/2026",
              "Myönnän Riihimäen Nuorisoseura ry:lle 2 500 euron kohdeavustuksen.",
              ("Avustus on haettu joulunäytelmän järjestämiseen.",
               "Määräraha on talousarviossa."), (FINANCE,)),
    _decision(3101, TEKNINEN_JOHTAJA, TECHNICAL, date(2026, 10, 30), 57,
              "Katualueen vuokraaminen, Hämeenkatu 12", "1795/10.03.02/2026",
              "Vuokraan katualuetta 40 m2 rakennustyömaan käyttöön 1.11.-31.12.2026.",
              ("Vuokra määräytyy hyväksytyn hinnaston mukaan.",), (ENGINEER,)),
    _decision(3102, TEKNINEN_JOHTAJA, TECHNICAL, date(2026, 11, 9), 58,
              "Liikennemerkkien asettaminen, Patastenmäen koulun ympäristö",
              "1822/08.01.00/2026",
              "Päätän asettaa koulun ympäristöön 30 km/h nopeusrajoituksen.",
              ("Vanhempainyhdistys on esittänyt nopeusrajoitusta koulutien turvaamiseksi.",),
              (ENGINEER,)),
    _decision(3103, TEKNINEN_JOHTAJA, TECHNICAL, date(2026, 11, 20), 59,
              "Hankintapäätös, puistojen talvivalaistuksen tarvikkeet", "1861/02.08.00/2026",
              "Hyväksyn halvimman tarjouksen, 18 400 euroa (alv 0 %).",
              ("Tarjouksia saatiin kolme.",), (ENGINEER,)),
)  # fmt: skip

RIIHIMAKI = Site(
    municipality="riihimaki",
    town_name="Riihimäen kaupunki",
    generation=CGI,
    base_path="/djulkaisu/",
    email_domain="riihimaki.sample.invalid",
    organs=(VALTUUSTO, HALLITUS, TEKNINEN, SIVISTYS),
    meetings=(BOARD_NOVEMBER, BOARD_LATE_NOVEMBER, TECHNICAL_NOVEMBER, EDUCATION_NOVEMBER,
              COUNCIL_NOVEMBER),
    offices=(KAUPUNGINJOHTAJA, TEKNINEN_JOHTAJA),
    decisions=DECISIONS,
)  # fmt: skip

# --- Exempelstad (static export, Swedish and Finnish) ----------------------------------------

STYRELSEN = Organ(400101, "Stadsstyrelsen", "sv")
TEKNISKA = Organ(400102, "Tekninen lautakunta", "fi")

STADSDIREKTOR = Person("Stadsdirektör", "Johan Strandberg", "06 220 1001")
EKONOMICHEF = Person("Ekonomichef", "Annika Lindqvist", "06 220 1030")
PLANLAGGARE = Person("Planläggare", "Mikael Sundholm", "06 220 1350")
TEKNINEN_JOHTAJA_EX = Person("Tekninen johtaja", "Päivi Ojanperä", "06 220 1300")

LAGLIGHET = Item(
    title="Mötets laglighet och beslutförhet",
    register_id="",
    presentation=("Om sammankallande av möte och beslutförhet bestäms i kommunallagen.",),
    proposal="Mötet konstateras vara lagligt sammankallat och beslutfört.",
    decision="Förslaget godkändes.",
)
BOKSLUT = Item(
    title="Delårsrapport januari-augusti 2026",
    register_id="412/02.02.01/2026",
    presentation=("Verksamhetsbidraget är 1,2 miljoner euro bättre än budgeterat.",
                  "Skatteinkomsterna har ökat med 3,1 procent."),
    proposal="Stadsstyrelsen antecknar delårsrapporten för kännedom.",
    decision="Antecknades för kännedom.",
    preparers=(EKONOMICHEF,),
    attachments=(Attachment("Delårsrapport 1-8/2026"),),
)  # fmt: skip
DETALJPLAN = Item(
    title="Detaljplaneändring för kvarter 17 i centrum",
    register_id="388/10.02.03/2026",
    presentation=("Ändringen gör det möjligt att bygga ett flervåningshus på tomten.",),
    proposal="Stadsstyrelsen föreslår att fullmäktige godkänner detaljplaneändringen.",
    decision="Ärendet bordlades.",
    proceedings="Ledamot Berg föreslog understödd av ledamot Nyman att ärendet bordläggs. "
    "Förslaget godkändes enhälligt.",
    preparers=(PLANLAGGARE,),
    history=(("Stadsstyrelsen", 121, date(2026, 9, 14)),),
    earlier=("Stadsstyrelsen föreslår att fullmäktige godkänner detaljplaneändringen.",
             "Ärendet återremitterades för ny beredning."),
    attachments=(Attachment("Plankarta"),
                 Attachment("Utlåtande", public=False,
                            reason="Sekretessbelagd, OffL 24 § 1 mom. 25 p.")),
)  # fmt: skip
HAMN = Item(
    title="Utvecklingsplan för hamnen",
    register_id="455/10.03.00/2026",
    presentation=("Planen beskriver investeringar i hamnen åren 2027-2031.",),
    proposal="Stadsstyrelsen godkänner utvecklingsplanen.",
    decision="Ärendet återremitterades.",
    proceedings="Ledamot Holm föreslog att ärendet återremitteras. Förslaget godkändes.",
    preparers=(STADSDIREKTOR,),
)
AKTIEBOLAG = Item(
    title="Ägarstyrning av Exempelstads Energi Ab",
    register_id="470/00.04.01/2026",
    presentation=("Bolagets styrelse har föreslagit en höjning av aktiekapitalet.",),
    proposal="Stadsstyrelsen godkänner höjningen av aktiekapitalet.",
    decision="Förslaget godkändes.",
    preparers=(EKONOMICHEF,),
    for_information=("Exempelstads Energi Ab",),
)
KATUSUUNNITELMA = Item(
    title="Rantakadun katusuunnitelma",
    register_id="402/10.03.01/2026",
    presentation=("Katusuunnitelma on ollut nähtävillä 14 päivää.",),
    proposal="Tekninen lautakunta hyväksyy katusuunnitelman.",
    decision="Hyväksyttiin esitys.",
    preparers=(TEKNINEN_JOHTAJA_EX,),
    attachments=(Attachment("Katusuunnitelmakartta"),),
)
VESIHUOLTO = Item(
    title="Vesihuoltolaitoksen taksat 2027",
    register_id="433/14.06.00/2026",
    presentation=("Käyttömaksua esitetään korotettavaksi viidellä prosentilla.",),
    proposal="Tekninen lautakunta hyväksyy taksat.",
    decision="Asia palautettiin valmisteluun.",
    preparers=(TEKNINEN_JOHTAJA_EX,),
)
KATSAUS = Item(
    title="Kunnossapidon katsaus",
    register_id="",
    presentation=("Katsaus kesän töistä.",),
    proposal="Merkitään tiedoksi.",
    decision="Merkittiin tiedoksi.",
)

STYRELSEN_OKTOBER = Meeting(
    STYRELSEN, at(2026, 10, 12, 17), 2026500101, 2026500102, 131, STADSDIREKTOR,
    (LAGLIGHET, BOKSLUT, DETALJPLAN, HAMN, AKTIEBOLAG),
    (Appeal("131-133, 134", "Besvärsförbud"), Appeal("135", "Anvisning för begäran om omprövning")),
)  # fmt: skip
TEKNINEN_LOKAKUU = Meeting(
    TEKNISKA, at(2026, 10, 20, 16), None, 2026500201, 47, TEKNINEN_JOHTAJA_EX,
    (KATUSUUNNITELMA, VESIHUOLTO, KATSAUS),
    (Appeal("47-4849", "Oikaisuvaatimusohje"),),  # as some exports print it: separators lost
)  # fmt: skip

STATIC_EXAMPLE = Site(
    municipality="static-example",
    town_name="Exempelstad",
    generation=STATIC,
    base_path="/kokous/",
    email_domain="exempelstad.sample.invalid",
    organs=(STYRELSEN, TEKNISKA),
    meetings=(STYRELSEN_OKTOBER, TEKNINEN_LOKAKUU),
)

SITES = (RIIHIMAKI, STATIC_EXAMPLE)
