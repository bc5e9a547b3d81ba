"""Judged topics of the demo's items: what a reader would file each item under, judged by
hand from the item's title and text (printed by ``avoin build``'s demo store), not from the
tagging rules in transform/topics.py. tests/test_topics.py measures the rules against it.

Abbreviations: CY children and young people, ED schools and early education, ZB zoning and
building, TS traffic and streets, EN environment, CS culture and sport, SH social and health,
EB economy and budget, PG personnel and governance, PA participation.

Judgement calls, written down so they can be argued with: a school's renovation or zoning is
also CY and ED (it is about the school); school transport and safety around a school are CY;
the hiring of the early-education director is CY, ED and PG; a grant to a Nuorisoseura (a
youth association by name) is CY and CS; statements to the welfare region on its services
are SH even after 2022; a welfare region's budget and financial reports are SH and EB (its
money is social and health care), emergency care is SH, its rescue services (fire inspection
fees, accident statistics, rescuers' equipment) have no topic of their own, and a fire
station's renovation, like a school's, is ZB; a councillor's motion is not participation
(residents' initiatives are); land sales are ZB; parks and street lighting are TS;
notifications and minutes noted for information get no topic. Procedural items (lawful
meeting, minute checkers, covers, appeal pages) get none.
"""

CY, ED, ZB, TS = "children_youth", "education", "zoning_building", "traffic_streets"
EN, CS, SH, EB = "environment", "culture_sport", "social_health", "economy_budget"
PG, PA = "personnel_governance", "participation"

JUDGED: dict[str, tuple[str, ...]] = {
    # Hämeenlinna
    "hameenlinna:item:21015-20250317-89": (ZB,),  # maakuntakaavan luonnos
    "hameenlinna:item:21015-20250317-90": (),  # vahingonkorvausvaatimus (car damage)
    "hameenlinna:item:21015-20250317-91": (EB,),  # talousarvion toteutumisennuste
    "hameenlinna:item:21015-20250317-92": (CY, ED, ZB),  # Hätilän koulun peruskorjaus
    "hameenlinna:item:21015-20261026-404": (EB,),  # talousarvio 2027
    "hameenlinna:item:21015-20261026-405": (CY, ED),  # varhaiskasvatusmaksun oikaisu
    "hameenlinna:item:21015-20261026-406": (ZB,),  # asemakaavan muutos
    "hameenlinna:item:21038-20250609-42": (EB,),  # tilinpäätös
    "hameenlinna:item:21038-20250609-43": (EB,),  # talousarviomuutokset
    "hameenlinna:item:21038-20250609-44": (CY, ED, PG),  # varhaiskasvatusjohtajan virkavaali
    "hameenlinna:item:21044-20261117-122": (TS,),  # valtatie 10
    "hameenlinna:item:21044-20261117-123": (TS,),  # katujen talvikunnossapito
    "hameenlinna:item:21044-20261117-124": (ZB,),  # poikkeamispäätös
    # Kristinestad
    "kristinestad:item:701-20251215-62": (EB,),  # budget 2026
    "kristinestad:item:701-20251215-63": (PG,),  # val av revisionsnämndens ordförande
    "kristinestad:item:701-20251215-64": (CS,),  # simhall för pensionärer (motion)
    "kristinestad:item:702-20261110-202": (EB,),  # budget 2027
    "kristinestad:item:702-20261110-203": (SH,),  # välfärdsområdets servicenätverksplan
    "kristinestad:item:702-20261110-204": (ZB,),  # detaljplaneändring
    "kristinestad:item:702-20261110-205": (),  # delgivningar
    "kristinestad:item:711-20261126-97": (TS,),  # vinterunderhåll av gator
    "kristinestad:item:711-20261126-98": (ZB,),  # avvikelsebeslut fritidsbostad
    "kristinestad:item:725-20260922-34": (CY, ED),  # perusopetuksen opetussuunnitelma
    "kristinestad:item:725-20260922-35": (CY, ED),  # oppilasmäärät
    # Pedersöre
    "pedersore:item:8101-20260928-43": (EB,),  # delårsrapport
    "pedersore:item:8101-20260928-44": (PG,),  # förvaltningsstadgan
    "pedersore:item:8101-20260928-45": (TS,),  # motion om gång- och cykelväg
    "pedersore:item:8101-20261116-53": (EB,),  # budget 2027
    "pedersore:item:8101-20261116-54": (EB,),  # inkomstskattesats
    "pedersore:item:8101-20261116-55": (CY, ED, ZB),  # detaljplan för Sursik skolcentrum
    "pedersore:item:8101-20261116-56": (PG,),  # ersättare i bildningsnämnden
    "pedersore:item:8103-20261019-151": (CY, ED),  # upphandling av skolskjutsar
    "pedersore:item:8103-20261019-152": (ZB,),  # landskapsplan 2050
    "pedersore:item:8103-20261019-153": (),  # anmälningsärenden
    "pedersore:item:8103-20261019-154": (ZB,),  # försäljning av tomt
    "pedersore:item:8103-20261109-166": (EB,),  # budget 2027, förslag
    "pedersore:item:8103-20261109-167": (PA,),  # understöd till byaföreningar
    "pedersore:item:8103-20261109-168": (PG,),  # personalplan
    "pedersore:item:8103-20261130-181": (CS,),  # bidrag till idrottsföreningar
    "pedersore:item:8103-20261130-182": (PG,),  # delegeringsbeslut
    "pedersore:item:8104-20261021-61": (CY, ED),  # skolnätsutredning
    "pedersore:item:8104-20261021-62": (CY, ED),  # lukuvuosisuunnitelma
    "pedersore:item:8104-20261021-63": (CY, ED),  # läsårsplan
    "pedersore:item:8104-20261118-72": (CY, ED),  # morgon- och eftermiddagsverksamhet
    "pedersore:item:8104-20261118-73": (ED, EB),  # bildningsnämndens budgetförslag
    # Oma Häme (the welfare region)
    "omahame:item:1001-20261123-2": (SH, EB),  # hyvinvointialueen talousarvio
    "omahame:item:1001-20261123-3": (EB,),  # lainanottovaltuus
    "omahame:item:1001-20261123-4": (CY, SH),  # ehkäisyvälineet alle 25-vuotiaille (aloite)
    "omahame:item:1002-20261102-3": (SH, EB),  # hyvinvointialueen talousarvio
    "omahame:item:1002-20261102-4": (SH,),  # terveysasemien iltavastaanotot
    "omahame:item:1002-20261102-5": (ZB,),  # sairaalarakennuksen myynti
    "omahame:item:1002-20261102-6": (SH, EB),  # hyvinvointialueen seurantaraportti
    "omahame:item:1002-20261116-3": (ZB,),  # paloaseman peruskorjaus
    "omahame:item:1002-20261116-4": (SH,),  # palveluverkkosuunnitelma
    "omahame:item:1003-20261110-2": (SH,),  # ensihoidon ajoneuvot
    "omahame:item:1003-20261110-3": (),  # palotarkastusmaksut (rescue: no topic)
    "omahame:item:1003-20261110-4": (ZB,),  # paloaseman peruskorjaus, lisämääräraha
    "omahame:item:1003-20261110-5": (),  # onnettomuustilastot (rescue: no topic)
    "omahame:item:1004-20261112-65": (CY, SH),  # lastensuojelun perhehoito
    "omahame:item:1004-20261112-66": (SH,),  # kotihoidon asiakasmaksut
    "omahame:item:official-2001-20261028-41": (PG,),  # hallintojohtajan sijainen
    "omahame:item:official-2001-20261104-42": (SH, PG),  # edustaja hyvinvointityöryhmään
    "omahame:item:official-2001-20261118-43": (SH,),  # avustus omaishoitajille
    "omahame:item:official-2002-20261030-57": (ZB,),  # harjoitusalueen vuokraaminen
    "omahame:item:official-2002-20261109-58": (CY, ED, ZB),  # väestönsuoja, koulun laajennus
    "omahame:item:official-2002-20261120-59": (),  # pelastajien suojavarusteet
    # Riihimäki
    "riihimaki:item:1001-20261123-72": (EB,),  # talousarvio
    "riihimaki:item:1001-20261123-73": (EB,),  # tuloveroprosentti
    "riihimaki:item:1001-20261123-74": (CS,),  # uimahallivuorot ikäihmisille (aloite)
    "riihimaki:item:1002-20261102-187": (EB,),  # talousarvio
    "riihimaki:item:1002-20261102-188": (CS,),  # kirjaston aukioloajat
    "riihimaki:item:1002-20261102-189": (ZB,),  # tontin myynti
    "riihimaki:item:1002-20261102-190": (EB,),  # seurantaraportti
    "riihimaki:item:1002-20261116-200": (TS,),  # katuvalaistuksen saneeraus
    "riihimaki:item:1002-20261116-201": (ZB,),  # asemakaavan muutos
    "riihimaki:item:1002-20261210-206": (SH,),  # lausunto Oma Hämeen palveluverkosta
    "riihimaki:item:1002-20261210-207": (TS,),  # keskustan pysäköintiselvitys
    "riihimaki:item:1003-20261110-86": (TS,),  # talvikunnossapidon urakka
    "riihimaki:item:1003-20261110-87": (TS,),  # pysäköintivirhemaksut
    "riihimaki:item:1003-20261110-88": (TS,),  # katuvalaistus, lisämääräraha
    "riihimaki:item:1003-20261110-89": (TS,),  # katujen kunnossapidon katsaus
    "riihimaki:item:1004-20261112-65": (CY, ED),  # kouluverkkoselvitys
    "riihimaki:item:1004-20261112-66": (CY, ED),  # iltapäivätoiminnan maksut
    # Vaasa
    "vaasa:item:4105-20251124-498": (SH,),  # hyvinvointialueen palvelustrategia
    "vaasa:item:4105-20251124-499": (EB,),  # talousarvio 2026
    "vaasa:item:4105-20251124-500": (ZB,),  # maa-alueen myynti
    "vaasa:item:4105-20251124-501": (),  # jaostojen pöytäkirjat
    "vaasa:item:4105-20251124-502": (PG,),  # henkilöstöjohtajan virka
    "vaasa:item:4122-20261013-85": (TS,),  # pyöräilyn pääverkko
    "vaasa:item:4122-20261013-86": (TS,),  # pysäköintimaksut
    "vaasa:item:4122-20261013-87": (TS,),  # joukkoliikenne
    "vaasa:item:4131-20250218-10": (CY, ED),  # timfördelning i grundläggande utbildningen
    "vaasa:item:4131-20250218-11": (EB,),  # budgetuppföljning
    "vaasa:item:4131-20250218-12": (CY, ED),  # skolskjutsar till Gerby skola
    # Procedural items: no topic.
    "hameenlinna:item:21015-20250317-88": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "hameenlinna:item:21015-20261026-402": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "hameenlinna:item:21015-20261026-403": (),  # Pöytäkirjan tarkastajien valinta
    "hameenlinna:item:21038-20250609-41": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "hameenlinna:item:21044-20261117-121": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "hameenlinna:item:x3120101": (),  # Esityslistan kansilehti
    "hameenlinna:item:x3120151": (),  # Pöytäkirjan kansilehti
    "hameenlinna:item:x3120157": (),  # Kaupunginhallitus 17.3.2025
    "hameenlinna:item:x3143301": (),  # Esityslistan kansilehti
    "hameenlinna:item:x3143351": (),  # Pöytäkirjan kansilehti
    "hameenlinna:item:x3143356": (),  # Kaupunginvaltuusto 9.6.2025
    "hameenlinna:item:x3187701": (),  # Esityslistan kansilehti
    "hameenlinna:item:x3187751": (),  # Pöytäkirjan kansilehti
    "hameenlinna:item:x3187757": (),  # Kaupunginhallitus 26.10.2026
    "hameenlinna:item:x3199001": (),  # Esityslistan kansilehti
    "kristinestad:item:701-20251215-61": (),  # Mötets laglighet och beslutförhet
    "kristinestad:item:702-20261110-201": (),  # Mötets laglighet och beslutförhet
    "kristinestad:item:711-20261126-96": (),  # Mötets laglighet och beslutförhet
    "kristinestad:item:725-20260922-33": (),  # Pöytäkirjan tarkastajien valinta
    "kristinestad:item:x2298001": (),  # Föredragningslistans pärm
    "kristinestad:item:x2298051": (),  # Protokollets pärm
    "kristinestad:item:x2298056": (),  # Stadsfullmäktige 15.12.2025
    "kristinestad:item:x2319001": (),  # Esityslistan kansilehti
    "kristinestad:item:x2319051": (),  # Pöytäkirjan kansilehti
    "kristinestad:item:x2319055": (),  # Sivistyslautakunnan suomenkielinen jaosto 22.9.2026
    "kristinestad:item:x2334501": (),  # Föredragningslistans pärm
    "kristinestad:item:x2334551": (),  # Protokollets pärm
    "kristinestad:item:x2334557": (),  # Stadsstyrelsen 10.11.2026
    "kristinestad:item:x2340201": (),  # Föredragningslistans pärm
    "pedersore:item:8101-20260928-41": (),  # Mötets laglighet och beslutförhet
    "pedersore:item:8101-20260928-42": (),  # Val av protokolljusterare
    "pedersore:item:8101-20261116-52": (),  # Mötets laglighet och beslutförhet
    "pedersore:item:8103-20261019-150": (),  # Mötets laglighet och beslutförhet
    "pedersore:item:8103-20261109-165": (),  # Mötets laglighet och beslutförhet
    "pedersore:item:8103-20261130-180": (),  # Mötets laglighet och beslutförhet
    "pedersore:item:8104-20261021-60": (),  # Mötets laglighet och beslutförhet
    "pedersore:item:8104-20261118-71": (),  # Mötets laglighet och beslutförhet
    "omahame:item:1001-20261123-1": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "omahame:item:1002-20261102-1": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "omahame:item:1002-20261102-2": (),  # Pöytäkirjan tarkastajien valinta
    "omahame:item:1002-20261116-1": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "omahame:item:1002-20261116-2": (),  # Pöytäkirjan tarkastajien valinta
    "omahame:item:1003-20261110-1": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "omahame:item:1004-20261112-64": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "omahame:item:x2026110202-0-1": (),  # Muutoksenhakukielto
    "omahame:item:x2026110202-0-2": (),  # Oikaisuvaatimusohje
    "omahame:item:x2026111002-0-1": (),  # Muutoksenhakukielto
    "omahame:item:x2026111002-0-2": (),  # Oikaisuvaatimusohje
    "omahame:item:x2026111202-0-1": (),  # Muutoksenhakukielto
    "omahame:item:x2026111602-0-1": (),  # Muutoksenhakukielto
    "omahame:item:x2026111602-0-2": (),  # Oikaisuvaatimusohje
    "omahame:item:x2026112302-0-1": (),  # Muutoksenhakukielto
    "omahame:item:x2026112302-0-2": (),  # Valitusosoitus
    "riihimaki:item:1001-20261123-71": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "riihimaki:item:1002-20261102-185": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "riihimaki:item:1002-20261102-186": (),  # Pöytäkirjan tarkastajien valinta
    "riihimaki:item:1002-20261116-198": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "riihimaki:item:1002-20261116-199": (),  # Pöytäkirjan tarkastajien valinta
    "riihimaki:item:1002-20261210-205": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "riihimaki:item:1003-20261110-85": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "riihimaki:item:1004-20261112-64": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "riihimaki:item:x610101": (),  # Esityslistan kansilehti
    "riihimaki:item:x610151": (),  # Pöytäkirjan kansilehti
    "riihimaki:item:x610158": (),  # Kaupunginhallitus 2.11.2026
    "riihimaki:item:x610201": (),  # Esityslistan kansilehti
    "riihimaki:item:x610251": (),  # Pöytäkirjan kansilehti
    "riihimaki:item:x610256": (),  # Kaupunginhallitus 16.11.2026
    "riihimaki:item:x610301": (),  # Esityslistan kansilehti
    "riihimaki:item:x610351": (),  # Pöytäkirjan kansilehti
    "riihimaki:item:x610357": (),  # Tekninen lautakunta 10.11.2026
    "riihimaki:item:x610401": (),  # Esityslistan kansilehti
    "riihimaki:item:x610451": (),  # Pöytäkirjan kansilehti
    "riihimaki:item:x610455": (),  # Sivistyslautakunta 12.11.2026
    "riihimaki:item:x610501": (),  # Esityslistan kansilehti
    "riihimaki:item:x610551": (),  # Pöytäkirjan kansilehti
    "riihimaki:item:x610556": (),  # Kaupunginvaltuusto 23.11.2026
    "riihimaki:item:x610601": (),  # Esityslistan kansilehti
    "vaasa:item:4122-20261013-84": (),  # Kokouksen laillisuus ja päätösvaltaisuus
    "vaasa:item:4131-20250218-9": (),  # Mötets laglighet och beslutförhet
    "vaasa:item:x8721501": (),  # Föredragningslistans pärm
    "vaasa:item:x8721551": (),  # Protokollets pärm
    "vaasa:item:x8721556": (),  # Svenska utbildningsnämnden 18.2.2025
    "vaasa:item:x8841001": (),  # Esityslistan kansilehti
    "vaasa:item:x8841051": (),  # Pöytäkirjan kansilehti
    "vaasa:item:x8841057": (),  # Kaupunginhallitus 24.11.2025
    "vaasa:item:x8852201": (),  # Esityslistan kansilehti
    "vaasa:item:x8852251": (),  # Pöytäkirjan kansilehti
    "vaasa:item:x8852256": (),  # Tekninen lautakunta 13.10.2026
}
