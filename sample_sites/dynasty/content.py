"""What the Dynasty sample sites say. Every person in them is fictional.

- omahame: the CGI generation under ``/djulkaisu/``, Finnish: the welfare region Oma Häme,
  which decides social, health and rescue matters for Riihimäki and Hämeenlinna; four
  organs, agendas and minutes, officeholder decisions of two offices, RSS feeds.
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


# --- Oma Häme (CGI) -------------------------------------------------------------------------
# The welfare region that decides social, health and rescue matters for Riihimäki and
# Hämeenlinna since 1.1.2023 (data/sources.toml, "omahame").

VALTUUSTO = Organ(1001, "Aluevaltuusto", "fi")
HALLITUS = Organ(1002, "Aluehallitus", "fi")
PELASTUS = Organ(1003, "Pelastuslautakunta", "fi")
PALVELU = Organ(1004, "Sosiaali- ja terveyslautakunta", "fi")

DIRECTOR = Person("Hyvinvointialuejohtaja", "Aarne Kivilahti", "03 629 1001")
ADMIN = Person("Hallintojohtaja", "Maija Rantasalo", "03 629 1020")
FINANCE = Person("Talousjohtaja", "Kalle Honkaniemi", "03 629 1030")
RESCUE = Person("Pelastusjohtaja", "Ilkka Vuorenmaa", "03 629 1300")
RISK = Person("Riskienhallintapäällikkö", "Sanna Peltokorpi", "03 629 1322")
NETWORK = Person("Palveluverkkojohtaja", "Oskari Lehtisalo", "03 629 1350")
CARE = Person("Sosiaali- ja terveysjohtaja", "Helena Aaltomaa", "03 629 1500")
FAMILIES = Person("Perhepalvelujen johtaja", "Jari Mäntyniemi", "03 629 1520")

LEGALITY = Item(
    title="Kokouksen laillisuus ja päätösvaltaisuus",
    register_id="",
    presentation=("Kokouksen koollekutsumisesta ja päätösvaltaisuudesta säädetään "
                  "hyvinvointialueesta annetussa laissa ja hallintosäännössä.",),
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
    title="Hyvinvointialueen talousarvio 2027 ja taloussuunnitelma 2028-2030",
    register_id="OH/1834/02.02.00/2026",
    presentation=(
        "Sosiaali- ja terveyspalvelujen toimintamenot kasvavat 3,2 prosenttia "
        "edellisvuodesta. Valtion rahoituksen arvioidaan kasvavan 2,6 prosenttia.",
        "Investointiohjelman painopisteenä ovat terveysasemien ja paloasemien peruskorjaukset.",
    ),
    proposal="Aluehallitus esittää aluevaltuustolle, että valtuusto hyväksyy "
    "talousarvion 2027 ja taloussuunnitelman 2028-2030.",
    decision="Hyväksyttiin esitys.",
    preparers=(FINANCE, ADMIN),
    attachments=(Attachment("Talousarvio 2027"), Attachment("Investointiohjelma 2027-2030")),
    for_information=("Aluevaltuusto",),
)
EVENING_CLINIC = Item(
    title="Terveysasemien iltavastaanottojen aukioloajat 1.1.2027 alkaen",
    register_id="OH/1902/06.01.00/2026",
    presentation=("Sosiaali- ja terveyslautakunta on esittänyt, että Riihimäen ja Hämeenlinnan "
                  "terveysasemien iltavastaanotot ovat auki arkisin kello 16-20.",),
    proposal="Aluehallitus hyväksyy iltavastaanottojen aukioloajat 1.1.2027 alkaen "
    "esityksen mukaisesti.",
    decision="Asia palautettiin valmisteluun. Aukioloajoista pyydetään vanhus- ja "
    "vammaisneuvoston lausunto.",
    proceedings="Laine ehdotti Virran kannattamana, että asia palautetaan valmisteluun. "
    "Puheenjohtaja totesi palautusehdotuksen tulleen yksimielisesti hyväksytyksi.",
    preparers=(CARE,),
)  # fmt: skip
HOSPITAL_SALE = Item(
    title="Vanhan sairaalarakennuksen myynti, Riihimäki",
    register_id="OH/1877/10.00.02/2026",
    presentation=("Yritys on tarjoutunut ostamaan tyhjillään olevan sairaalarakennuksen "
                  "(kerrosala 8 450 m2) hintaan 152 100 euroa.",),
    proposal="Aluehallitus päättää myydä sairaalarakennuksen esityksen mukaisesti.",
    decision="Aluehallitus päätti myydä sairaalarakennuksen muutettuna niin, että "
    "purkuvelvollisuuden määräaika on kolme vuotta. Muilta osin hyväksyttiin esitys.",
    proceedings="Kallio ehdotti Niemen kannattamana, että purkuvelvollisuuden määräaika "
    "on kolme vuotta. Muutosehdotus hyväksyttiin yksimielisesti.",
    preparers=(NETWORK,),
    attachments=(Attachment("Kartta kiinteistöstä"),
                 Attachment("Kauppakirjaluonnos", public=False,
                            reason="Salassa pidettävä, JulkL 24 § 1 mom. 20 k.")),
)  # fmt: skip
REGION_REPORT = Item(
    title="Hyvinvointialueen talouden ja toiminnan seurantaraportti 9/2026",
    register_id="OH/1790/02.02.01/2026",
    presentation=("Seurantaraportti kuvaa talouden toteutumaa syyskuun loppuun.",),
    proposal="Aluehallitus merkitsee seurantaraportin tiedoksi.",
    decision="Merkittiin tiedoksi.",
    preparers=(FINANCE,),
    attachments=(Attachment("Seurantaraportti 9/2026"),),
)
FIRE_STATION = Item(
    title="Riihimäen paloaseman peruskorjaus",
    register_id="OH/1655/10.03.01/2026",
    presentation=("Pelastuslautakunta käsitteli asian 14.10.2026 ja esitti hankkeelle "
                  "lisämäärärahaa 240 000 euroa.",
                  "Peruskorjaus uusii paloaseman ilmanvaihdon ja kalustohallin."),
    proposal="Aluehallitus myöntää paloaseman peruskorjaukseen lisämäärärahaa "
    "240 000 euroa.",
    decision="Hyväksyttiin esitys.",
    preparers=(RESCUE, RISK),
    history=(("Pelastuslautakunta", 78, date(2026, 10, 14)),
             ("Aluehallitus", 176, date(2026, 10, 19))),
    earlier=("Aluehallitus myöntää lisämäärärahaa 240 000 euroa.",
             "Asia jätettiin pöydälle."),
)  # fmt: skip
SERVICE_NETWORK = Item(
    title="Palveluverkkosuunnitelma 2027-2030",
    register_id="OH/1120/06.00.00/2026",
    presentation=("Suunnitelmassa Riihimäen terveysaseman iltavastaanotto siirtyisi "
                  "Hämeenlinnaan ja kaksi hammashoitolaa yhdistettäisiin.",),
    proposal="Aluehallitus esittää aluevaltuustolle, että valtuusto hyväksyy "
    "palveluverkkosuunnitelman.",
    decision="Asia jätettiin pöydälle.",
    proceedings="Rinne ehdotti Kallion kannattamana, että asia jätetään pöydälle. "
    "Pöydällepanoehdotus hyväksyttiin yksimielisesti.",
    preparers=(NETWORK,),
    attachments=(Attachment("Palveluverkkokartta"), Attachment("Vaikutusten arviointi")),
)  # fmt: skip
AMBULANCES = Item(
    title="Ensihoidon ajoneuvojen hankinta 2026-2029, hankintapäätös",
    register_id="OH/1544/06.02.00/2026",
    presentation=("Hankinnasta saatiin neljä tarjousta. Halvin hinta oli valintaperuste.",),
    proposal="Pelastuslautakunta valitsee toimittajaksi halvimman tarjouksen tehneen "
    "yrityksen.",
    decision="Hyväksyttiin esitys.",
    preparers=(RISK,),
    attachments=(Attachment("Tarjousvertailu", public=False,
                            reason="Salassa pidettävä, JulkL 24 § 1 mom. 17 k."),),
)  # fmt: skip
INSPECTION_FEES = Item(
    title="Palotarkastusmaksujen korottaminen",
    register_id="OH/1601/09.01.01/2026",
    presentation=("Palotarkastuksen maksu on nyt 150 euroa.",),
    proposal="Pelastuslautakunta esittää palotarkastusmaksun korottamista 180 euroon.",
    decision="Hylättiin esitys äänin 5-4. Palotarkastusmaksu pysyy ennallaan.",
    proceedings="Äänestyksessä esitys hylättiin äänin 5-4.",
    preparers=(RISK,),
)
FIRE_STATION_COMMITTEE = Item(
    title="Riihimäen paloaseman peruskorjaus, lisämäärärahaesitys",
    register_id="OH/1655/10.03.01/2026",
    presentation=("Peruskorjaus uusii paloaseman ilmanvaihdon ja kalustohallin.",),
    proposal="Pelastuslautakunta esittää aluehallitukselle lisämäärärahaa 240 000 euroa.",
    decision="Hyväksyttiin esitys.",
    preparers=(RESCUE,),
)
ACCIDENTS = Item(
    title="Onnettomuustilastojen katsaus",
    register_id="OH/1702/09.01.00/2026",
    presentation=("Katsaus kertoo kesän tulipaloista ja liikenneonnettomuuksista.",),
    proposal="Merkitään katsaus tiedoksi.",
    decision="Merkittiin tiedoksi.",
    preparers=(RISK,),
)
FOSTER_CARE = Item(
    title="Lastensuojelun perhehoidon kehittämissuunnitelma 2027-2030",
    register_id="OH/1488/05.01.00/2026",
    presentation=("Suunnitelma tarkastelee sijoitettujen lasten määrän kehitystä ja "
                  "perhehoitajien saatavuutta.",),
    proposal="Sosiaali- ja terveyslautakunta hyväksyy suunnitelman ja lähettää sen "
    "aluehallitukselle.",
    decision="Hyväksyttiin esitys.",
    preparers=(CARE, FAMILIES),
    attachments=(Attachment("Perhehoidon kehittämissuunnitelma"),),
)  # fmt: skip
HOME_CARE_FEES = Item(
    title="Kotihoidon asiakasmaksut vuonna 2027",
    register_id="OH/1512/05.00.00/2026",
    presentation=("Maksut ovat pysyneet ennallaan kolme vuotta.",),
    proposal="Sosiaali- ja terveyslautakunta korottaa kotihoidon tukipalvelujen maksuja "
    "5 prosentilla.",
    decision="Asia palautettiin valmisteluun.",
    proceedings="Ahola ehdotti, että asia palautetaan valmisteluun. Ehdotus hyväksyttiin.",
    preparers=(FAMILIES,),
)  # fmt: skip
COUNCIL_BUDGET = Item(
    title="Hyvinvointialueen talousarvio 2027 ja taloussuunnitelma 2028-2030",
    register_id="OH/1834/02.02.00/2026",
    presentation=("Aluehallitus on käsitellyt talousarvion 2.11.2026.",),
    proposal="Aluevaltuusto hyväksyy talousarvion 2027 ja taloussuunnitelman "
    "2028-2030.",
    decision="Hyväksyttiin esitys.",
    preparers=(FINANCE,),
    history=(("Aluehallitus", 187, date(2026, 11, 2)),),
    attachments=(Attachment("Talousarvio 2027"),),
)  # fmt: skip
BORROWING = Item(
    title="Lainanottovaltuus vuodelle 2027",
    register_id="OH/1835/02.05.00/2026",
    presentation=("Valtiovarainministeriö on vahvistanut hyvinvointialueen "
                  "lainanottovaltuudeksi 48 miljoonaa euroa.",),
    proposal="Aluevaltuusto päättää lainanottovaltuudesta esityksen mukaisesti.",
    decision="Hyväksyttiin esitys.",
    preparers=(FINANCE,),
)  # fmt: skip
MOTION = Item(
    title="Valtuustoaloite maksuttomista ehkäisyvälineistä alle 25-vuotiaille",
    register_id="OH/1420/00.02.04/2026",
    presentation=("Aloitteen mukaan alle 25-vuotiaat saisivat ehkäisyvälineet maksutta "
                  "terveysasemilta ja nuorten vastaanotolta.",),
    proposal="Aluevaltuusto merkitsee vastauksen tiedoksi ja toteaa aloitteen loppuun "
    "käsitellyksi.",
    decision="Merkittiin tiedoksi.",
    preparers=(CARE,),
)  # fmt: skip

BOARD_NOVEMBER = Meeting(
    HALLITUS, at(2026, 11, 2, 17), 2026110201, 2026110202, 185, DIRECTOR,
    (LEGALITY, checkers("Laura Saari", "Pekka Rinne"), BUDGET, EVENING_CLINIC, HOSPITAL_SALE,
     REGION_REPORT),
    (Appeal("185-186, 190", "Muutoksenhakukielto"),
     Appeal("187-189", "Oikaisuvaatimusohje")),
)  # fmt: skip
BOARD_LATE_NOVEMBER = Meeting(
    HALLITUS, at(2026, 11, 16, 17), 2026111601, 2026111602, 198, DIRECTOR,
    (LEGALITY, checkers("Timo Kallio", "Satu Niemi"), FIRE_STATION, SERVICE_NETWORK),
    (Appeal("198-199, 201", "Muutoksenhakukielto"), Appeal("200", "Oikaisuvaatimusohje")),
)  # fmt: skip
RESCUE_NOVEMBER = Meeting(
    PELASTUS, at(2026, 11, 10, 16, 30), 2026111001, 2026111002, 85, RESCUE,
    (LEGALITY, AMBULANCES, INSPECTION_FEES, FIRE_STATION_COMMITTEE, ACCIDENTS),
    (Appeal("85, 88-89", "Muutoksenhakukielto"), Appeal("86-87", "Oikaisuvaatimusohje")),
)  # fmt: skip
CARE_NOVEMBER = Meeting(
    PALVELU, at(2026, 11, 12, 18), None, 2026111202, 64, CARE,
    (LEGALITY, FOSTER_CARE, HOME_CARE_FEES),
    (Appeal("64-66", "Muutoksenhakukielto"),),
)  # fmt: skip
COUNCIL_NOVEMBER = Meeting(
    VALTUUSTO, at(2026, 11, 23, 18), 2026112301, 2026112302, 71, DIRECTOR,
    (LEGALITY, COUNCIL_BUDGET, BORROWING, MOTION),
    (Appeal("71, 74", "Muutoksenhakukielto"), Appeal("72-73", "Valitusosoitus")),
)  # fmt: skip

HYVINVOINTIALUEJOHTAJA = Office(2001, "Hyvinvointialuejohtaja")
PELASTUSJOHTAJA = Office(2002, "Pelastusjohtaja")


def _decision(number, office, maker, day, article, title, register_id, decision, reasons,
              preparers=()) -> Decision:  # fmt: skip
    return Decision(number, office, maker, day, article, title, register_id, decision,
                    reasons, preparers)  # fmt: skip


DECISIONS = (
    _decision(3001, HYVINVOINTIALUEJOHTAJA, DIRECTOR, date(2026, 10, 28), 41,
              "Hallintojohtajan sijaisen määrääminen", "OH/1790/01.01.01/2026",
              "Määrään hallintojohtajan sijaiseksi ajalle 1.-30.11.2026 lakimies "
              "Eeva Koskimaan.", ("Hallintojohtaja on vuosilomalla marraskuussa.",), (ADMIN,)),
    _decision(3002, HYVINVOINTIALUEJOHTAJA, DIRECTOR, date(2026, 11, 4), 42,
              "Hyvinvointialueen edustajan nimeäminen Riihimäen hyvinvointityöryhmään",
              "OH/1811/00.04.01/2026",
              "Nimeän hyvinvointialueen edustajaksi perhepalvelujen johtaja Jari Mäntyniemen.",
              ("Riihimäen kaupunki on pyytänyt nimeämään edustajan.",)),
    _decision(3003, HYVINVOINTIALUEJOHTAJA, DIRECTOR, date(2026, 11, 18), 43,
              "Avustuksen myöntäminen Riihimäen Omaishoitajille", "OH/1850/02.05.01/2026",
              "Myönnän Riihimäen Omaishoitajat ry:lle 2 500 euron kohdeavustuksen.",
              ("Avustus on haettu omaishoitajien virkistyspäivän järjestämiseen.",
               "Määräraha on talousarviossa."), (FINANCE,)),
    _decision(3101, PELASTUSJOHTAJA, RESCUE, date(2026, 10, 30), 57,
              "Harjoitusalueen vuokraaminen, Parolannummi", "OH/1795/10.03.02/2026",
              "Vuokraan harjoitusaluetta 4 000 m2 pelastajien harjoituskäyttöön "
              "1.11.-31.12.2026.",
              ("Vuokra määräytyy hyväksytyn hinnaston mukaan.",), (RISK,)),
    _decision(3102, PELASTUSJOHTAJA, RESCUE, date(2026, 11, 9), 58,
              "Väestönsuojan rakentamisesta vapauttaminen, Patastenmäen koulun laajennus",
              "OH/1822/10.03.03/2026",
              "Myönnän vapautuksen väestönsuojan rakentamisesta.",
              ("Koulun lähellä on riittävästi väestönsuojapaikkoja.",), (RISK,)),
    _decision(3103, PELASTUSJOHTAJA, RESCUE, date(2026, 11, 20), 59,
              "Hankintapäätös, pelastajien suojavarusteet", "OH/1861/02.08.00/2026",
              "Hyväksyn halvimman tarjouksen, 18 400 euroa (alv 0 %).",
              ("Tarjouksia saatiin kolme.",), (RISK,)),
)  # fmt: skip

OMAHAME = Site(
    municipality="omahame",
    town_name="Kanta-Hämeen hyvinvointialue",
    generation=CGI,
    base_path="/djulkaisu/",
    email_domain="omahame.sample.invalid",
    organs=(VALTUUSTO, HALLITUS, PELASTUS, PALVELU),
    meetings=(BOARD_NOVEMBER, BOARD_LATE_NOVEMBER, RESCUE_NOVEMBER, CARE_NOVEMBER,
              COUNCIL_NOVEMBER),
    offices=(HYVINVOINTIALUEJOHTAJA, PELASTUSJOHTAJA),
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

SITES = (OMAHAME, STATIC_EXAMPLE)
