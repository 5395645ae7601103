"""Regenerate the shipped gazetteer (src/bilateral/data/gazetteer/) from pycountry and the
Phoenix dictionaries of the petrarch2 project (MIT).

Usage: python tools/build_gazetteer.py [PETRARCH2_DIR]   (default: ../shared/data/petrarch2)

Output, all UTF-8 TSV with a header line:
  entries.tsv  surface (lower case), code, kind, sector, start, end: one line per surface and dated role
  names.tsv    code, short English display name
  agents.tsv   role noun (lower case), sector
"""
from __future__ import annotations

import difflib
import re
import shutil
import sys
from pathlib import Path

import pycountry

from bilateral.formats.actors import CAMEO_COUNTRY_FIXES as CODE_FIXES

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "bilateral" / "data" / "gazetteer"
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "petrarch2"

# Phoenix country codes that are not ISO 3166-1 alpha-3 are mapped by CODE_FIXES (the package's table). The
# Soviet Union keeps its own code, SUN (ISO 3166-3, as event data sets code it): its acts are not Russia's.
# Yugoslavia, which the Phoenix lists name only as the former state of its successors' dated entries,
# gets YUG (ISO 3166-3) by its names alone (EXTRA_NAMES).
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX", "SUN"}

# Short display names where pycountry's name is long or formal.
SHORT_NAMES = {
    "KOR": "South Korea", "PRK": "North Korea", "IRN": "Iran", "VNM": "Vietnam", "LAO": "Laos",
    "BOL": "Bolivia", "CIV": "Ivory Coast", "COD": "DR Congo", "COG": "Republic of the Congo",
    "RUS": "Russia", "TWN": "Taiwan", "PSE": "Palestine", "SYR": "Syria", "TZA": "Tanzania",
    "MDA": "Moldova", "VEN": "Venezuela", "FSM": "Micronesia", "VAT": "Vatican City",
    "BRN": "Brunei", "XKX": "Kosovo", "MKD": "North Macedonia", "CZE": "Czechia",
    "GBR": "United Kingdom", "USA": "United States", "TLS": "Timor-Leste", "CPV": "Cape Verde",
    "SWZ": "Eswatini", "MMR": "Myanmar", "TUR": "Turkey", "NLD": "Netherlands", "SUN": "Soviet Union", "YUG": "Yugoslavia",
}

# Capitals (ISO3 -> capital city, with a second spelling after "|").
CAPITALS = """
AFG Kabul; ALB Tirana; DZA Algiers; AND Andorra la Vella; AGO Luanda; ATG Saint John's;
ARG Buenos Aires; ARM Yerevan; AUS Canberra; AUT Vienna; AZE Baku; BHS Nassau; BHR Manama;
BGD Dhaka|Dacca; BRB Bridgetown; BLR Minsk; BEL Brussels; BLZ Belmopan; BEN Porto-Novo;
BTN Thimphu; BOL La Paz|Sucre; BIH Sarajevo; BWA Gaborone; BRA Brasilia|Brasília;
BRN Bandar Seri Begawan; BGR Sofia; BFA Ouagadougou; BDI Gitega|Bujumbura; KHM Phnom Penh;
CMR Yaounde|Yaoundé; CAN Ottawa; CPV Praia; CAF Bangui; TCD N'Djamena; CHL Santiago;
CHN Beijing|Peking; COL Bogota|Bogotá; COM Moroni; COG Brazzaville; COD Kinshasa;
CRI San Jose|San José; CIV Yamoussoukro|Abidjan; HRV Zagreb; CUB Havana; CYP Nicosia;
CZE Prague; DNK Copenhagen; DJI Djibouti; DMA Roseau; DOM Santo Domingo; ECU Quito;
EGY Cairo; SLV San Salvador; GNQ Malabo; ERI Asmara; EST Tallinn; SWZ Mbabane; ETH Addis Ababa;
FJI Suva; FIN Helsinki; FRA Paris; GAB Libreville; GMB Banjul; GEO Tbilisi; DEU Berlin|Bonn;
GHA Accra; GRC Athens; GRD Saint George's; GTM Guatemala City; GIN Conakry; GNB Bissau;
GUY Georgetown; HTI Port-au-Prince; HND Tegucigalpa; HUN Budapest; ISL Reykjavik|Reykjavík;
IND New Delhi; IDN Jakarta; IRN Tehran|Teheran; IRQ Baghdad; IRL Dublin; ISR Jerusalem;
ITA Rome; JAM Kingston; JPN Tokyo; JOR Amman; KAZ Astana|Almaty; KEN Nairobi; KIR Tarawa;
PRK Pyongyang; KOR Seoul; XKX Pristina; KWT Kuwait City; KGZ Bishkek; LAO Vientiane; LVA Riga;
LBN Beirut; LSO Maseru; LBR Monrovia; LBY Tripoli; LIE Vaduz; LTU Vilnius; LUX Luxembourg City;
MDG Antananarivo; MWI Lilongwe; MYS Kuala Lumpur|Putrajaya; MDV Male|Malé; MLI Bamako;
MLT Valletta; MHL Majuro; MRT Nouakchott; MUS Port Louis; MEX Mexico City; FSM Palikir;
MDA Chisinau|Chişinău; MCO Monaco; MNG Ulaanbaatar|Ulan Bator; MNE Podgorica; MAR Rabat;
MOZ Maputo; MMR Naypyidaw|Naypyitaw|Rangoon|Yangon; NAM Windhoek; NRU Yaren; NPL Kathmandu;
NLD Amsterdam|The Hague; NZL Wellington; NIC Managua; NER Niamey; NGA Abuja; MKD Skopje;
NOR Oslo; OMN Muscat; PAK Islamabad; PLW Ngerulmud; PSE Ramallah; PAN Panama City;
PNG Port Moresby; PRY Asuncion|Asunción; PER Lima; PHL Manila; POL Warsaw; PRT Lisbon;
QAT Doha; ROU Bucharest; RUS Moscow; RWA Kigali; KNA Basseterre; LCA Castries;
VCT Kingstown; WSM Apia; SMR San Marino; STP Sao Tome|São Tomé; SAU Riyadh; SEN Dakar;
SRB Belgrade; SYC Victoria; SLE Freetown; SGP Singapore; SVK Bratislava; SVN Ljubljana;
SLB Honiara; SOM Mogadishu; ZAF Pretoria|Cape Town; SSD Juba; ESP Madrid; LKA Colombo;
SDN Khartoum; SUR Paramaribo; SWE Stockholm; CHE Bern|Berne; SYR Damascus; TWN Taipei;
TJK Dushanbe; TZA Dodoma|Dar es Salaam; THA Bangkok; TLS Dili; TGO Lome|Lomé; TON Nuku'alofa;
TTO Port of Spain; TUN Tunis; TUR Ankara; TKM Ashgabat; TUV Funafuti; UGA Kampala; UKR Kyiv|Kiev;
ARE Abu Dhabi; GBR London; USA Washington|Washington D.C.|Washington, D.C.; URY Montevideo;
UZB Tashkent; VUT Port Vila; VAT Vatican City; VEN Caracas; VNM Hanoi; YEM Sanaa|Sana'a;
ZMB Lusaka; ZWE Harare; HKG Hong Kong
"""

# Common short forms, demonyms and historical names a reader meets in news and history
# texts (surface, code, kind).  Indochina is a region, not a country, so it is absent.
# Regions whose names hold a country's name: read whole, they name no state ("Latin America's debtors" is
# not the United States).
REGIONS = ("latin america|south america|north america|central america|the americas|latin american|"
           "latin americans|south american|central american|north american")

EXTRA_NAMES = """
us|u.s.|usa|u.s.a.|america|united states|the united states USA country
american|americans USA demonym
uk|u.k.|britain|great britain|england GBR country
british|briton|britons|english GBR demonym
korea|republic of korea|south korea KOR country
south korean|south koreans|korean|koreans KOR demonym
north korea|dprk PRK country
china|prc|people's republic of china CHN country
serb|serbs SRB demonym
croat|croats HRV demonym
north korean|north koreans PRK demonym
vietnam|viet nam VNM country
russia|soviet russia RUS country
soviet union|ussr|u.s.s.r. SUN country
soviet|soviets SUN demonym
yugoslavia|federal republic of yugoslavia|socialist federal republic of yugoslavia YUG country
yugoslav|yugoslavs YUG demonym
taiwan|republic of china|roc TWN country
laos LAO country
iran|persia IRN country
syria SYR country
czechia|czech republic|czechoslovakia CZE country
ivory coast|cote d'ivoire|côte d'ivoire CIV country
burma MMR country
burmese MMR demonym
siam THA country
vichy france FRA country
east germany|west germany|german democratic republic|federal republic of germany DEU country
holland NLD country
dutch NLD demonym
swiss CHE demonym
filipino|filipinos PHL demonym
dr congo|drc|congo-kinshasa|zaire COD country
congo-brazzaville COG country
macedonia MKD country
swaziland SWZ country
cape verde|cabo verde CPV country
east timor|timor-leste TLS country
palestine|palestinian territories|gaza|gaza strip|west bank PSE country
palestinian|palestinians PSE demonym
holy see|vatican VAT country
uae|emirates ARE country
emirati|emiratis ARE demonym
saudi|saudis SAU demonym
kosovo XKX country
kosovar|kosovars XKX demonym
kampuchea|democratic kampuchea|people's republic of kampuchea KHM country
kampuchean|kampucheans KHM demonym
zairean|zaireans|zairian|zairians|zairois COD demonym
czechoslovak|czechoslovaks|czechoslovakian|czechoslovakians CZE demonym
laotian|laotians LAO demonym
ceylonese LKA demonym
rhodesia ZWE country
rhodesian|rhodesians ZWE demonym
upper volta BFA country
north yemen|south yemen YEM country
swedish|swedes SWE demonym
icelandic|icelanders ISL demonym
slovenian|slovenians SVN demonym
kazakh|kazakhs KAZ demonym
botswanan|botswanans BWA demonym
byelorussian|byelorussians BLR demonym
kyrgyzstani|kyrgyzstanis KGZ demonym
maldivian|maldivians MDV demonym
djiboutian|djiboutians DJI demonym
danish DNK demonym
finnish FIN demonym
greek|greeks GRC demonym
irish IRL demonym
polish POL demonym
spanish ESP demonym
salvadoran|salvadorans SLV demonym
swazi|swazis SWZ demonym
uzbek|uzbeks UZB demonym
burkinabe BFA demonym
kyrgyz KGZ demonym
malagasy MDG demonym
nigerien|nigeriens NER demonym
tajik|tajiks TJK demonym
turkmen TKM demonym
eritrean|eritreans ERI demonym
macedonian|macedonians MKD demonym
samoan|samoans WSM demonym
antiguan|antiguans ATG demonym
luxembourgish LUX demonym
"""

# International bodies: short code, display name, then surfaces.
IGOS = """
UN|United Nations|united nations|the united nations|un|u.n.|united nations organization|un security council|u.n. security council|united nations security council|security council|un general assembly|united nations general assembly|unesco|unhcr|unicef|undp|unfpa|unep|wfp|world food programme|world food program|fao|iaea|international atomic energy agency|ilo|international labour organization|international labor organization|unrwa|ohchr
EU|European Union|european union|the european union|eu|e.u.|european commission|european parliament|council of the european union|european council|european community|european communities|eec|european economic community|european common market|ec|e.c.
ASEAN|ASEAN|asean|association of southeast asian nations|association of south east asian nations
AU|African Union|african union|organization of african unity|organisation of african unity|oau
NATO|NATO|nato|north atlantic treaty organization|north atlantic treaty organisation
WTO|World Trade Organization|wto|world trade organization|world trade organisation|gatt
IMF|International Monetary Fund|imf|international monetary fund
WB|World Bank|world bank|world bank group|ibrd|international bank for reconstruction and development|ida|international development association
ADB|Asian Development Bank|adb|asian development bank
IADB|Inter-American Development Bank|iadb|inter-american development bank|inter american development bank
PARISCLUB|Paris Club|paris club|the paris club
AIIB|Asian Infrastructure Investment Bank|aiib|asian infrastructure investment bank
ICC|International Criminal Court|icc|international criminal court
ICJ|International Court of Justice|icj|international court of justice|world court
ICTY|International Criminal Tribunal for the former Yugoslavia|icty|international criminal tribunal for the former yugoslavia
ICTR|International Criminal Tribunal for Rwanda|ictr|international criminal tribunal for rwanda
SCSL|Special Court for Sierra Leone|scsl|special court for sierra leone
OPEC|OPEC|opec|organization of the petroleum exporting countries|organization of petroleum exporting countries
WHO|World Health Organization|who|world health organization|world health organisation|world health assembly
OSCE|OSCE|osce|organization for security and co-operation in europe|organization for security and cooperation in europe
APEC|APEC|apec|asia-pacific economic cooperation|asia pacific economic cooperation
OAS|Organization of American States|oas|organization of american states
ECOWAS|ECOWAS|ecowas|economic community of west african states
SADC|SADC|sadc|southern african development community
OECD|OECD|oecd|organisation for economic co-operation and development|organization for economic cooperation and development
G5|G5|g5|g-5|group of five
G7|G7|g7|g-7|group of seven
G20|G20|g20|g-20|group of twenty
OIC|Organisation of Islamic Cooperation|oic|organisation of islamic cooperation|organization of islamic cooperation|organization of the islamic conference
AL|Arab League|arab league|league of arab states
GCC|Gulf Cooperation Council|gcc|gulf cooperation council
MERCOSUR|Mercosur|mercosur
SCO|Shanghai Cooperation Organisation|shanghai cooperation organisation|shanghai cooperation organization
CW|Commonwealth of Nations|commonwealth of nations
INTERPOL|Interpol|interpol
BRICS|BRICS|brics
ICRC|International Committee of the Red Cross|icrc|international committee of the red cross|red cross
"""

# Phoenix IGO code prefixes -> short code; longest prefix wins.  IGOUNO covers the UN family.
IGO_PREFIXES = {
    "IGOUNO": "UN", "IGOUNODEVWBK": "WB", "IGOUNOWBK": "WB", "IGOUNOHLHWHO": "WHO",
    "IGOUNOJUDICJ": "ICJ", "IGOEUREEC": "EU", "IGOWSTNAT": "NATO", "IGOSEAASN": "ASEAN",
    "IGOAFRAFU": "AU", "IGOAFROAU": "AU", "IGOASADEVADB": "ADB", "IGOJUDICC": "ICC",
    "IGOBUSOPC": "OPEC", "IGOBUSWTO": "WTO", "IGOBUSIMF": "IMF", "IGOMEAARL": "AL",
    "IGOOAS": "OAS", "IGOWAFWAS": "ECOWAS", "IGOSAFDEVSAD": "SADC", "IGOMOSOIC": "OIC",
    "IGOCOPITP": "INTERPOL", "IGOCWN": "CW", "IGOUNOJUDWCT": "ICTY",
}

# Role nouns news texts use that Phoenix.agents.txt lacks (noun, sector).
EXTRA_AGENTS = """firm BUS; bank BUS; investor BUS; manufacturer BUS; conglomerate BUS; automaker BUS;
developer BUS; official GOV; authorities GOV; forces MIL; general MIL; military MIL; navy MIL;
peacekeeper MIL; party PTY; foreign ministry GOV; government GOV; embassy GOV; consulate GOV"""

DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "ic", "ch", "ean", "eans", "ite", "ites",
                   "ois", "ese", "ene", "ot", "ots")
# Words of organisation names: a header built of these alone is an institution, not a person.
ORG_WORDS = set("""army navy air force forces party ministry ministries council congress court courts
committee department agency bank office assembly parliament senate government police guard guards
front movement union league commission service services corps authority authorities bureau
cabinet national people's peoples republic state federal supreme house intelligence security
armed select foreign relations affairs justices military administration directorate chamber
organization organisation institute federation alliance brigade brigades command staff
presidency secretariat tribunal legislature council's embassy consulate mission group
nations fund programme program bank community forum conference treaty initiative network centre
center association society foundation institute panel body monitor monitors observers peacekeepers
troops chambers market area zone pact partnership parliamentary inspectors team
""".split())
GENERIC_WORDS = ORG_WORDS | set("of the and for on in to a at by".split())
ORG_SECTORS = ("MIL", "LEG", "JUD", "COP", "SPY", "PTY", "REB", "OPP", "BUS", "MED")


def surface(raw: str) -> str:
    """Phoenix phrase -> plain lower-case text: "HUN_SEN_" -> "hun sen"."""
    s = raw.strip().lstrip("+").strip()
    s = re.sub(r"\s*#.*$", "", s)
    s = s.replace("_", " ").strip()
    s = re.sub(r"\s+", " ", s).lower()
    return s[4:] if s.startswith("the ") else s


def parse_date(raw: str) -> str | None:
    """Phoenix YYMMDD or YYYYMMDD -> ISO date; None when malformed."""
    if len(raw) == 6 and raw.isdigit():
        yy = int(raw[:2])
        year = 2000 + yy if yy < 25 else 1900 + yy
        raw = f"{year}{raw[2:]}"
    if len(raw) != 8 or not raw.isdigit():
        return None
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"


def parse_codes(text: str) -> list[tuple[str, str | None, str | None]]:
    """Every "[CODE dates]" in a line -> (code, start, end); unparseable dates become open ends."""
    out = []
    for code, dates in re.findall(r"\[([A-Z~-]+)\s*([^\]]*)\]", text):
        dates = dates.strip()
        start = end = None
        if dates.startswith(">"):
            start = parse_date(dates[1:].strip())
        elif dates.startswith("<"):
            end = parse_date(dates[1:].strip())
        elif "-" in dates:
            a, b = dates.split("-", 1)
            start, end = parse_date(a.strip()), parse_date(b.strip())
            if start is None or end is None:
                continue
        out.append((code, start, end))
    return out


def read_blocks(path: Path):
    """Yield (header line, [synonym lines], [code tuples]) per dictionary entry."""
    header, syns, codes = None, [], []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] in " \t" and stripped.startswith("["):
            codes.extend(parse_codes(stripped))
            continue
        if stripped.startswith("+"):
            if header is not None:
                syns.append(stripped)
                codes.extend(parse_codes(stripped))
            continue
        if header is not None:
            yield header, syns, codes
        header, syns, codes = stripped, [], parse_codes(stripped.split("#")[0])
    if header is not None:
        yield header, syns, codes


def split_code(code: str) -> tuple[str | None, str | None]:
    """"KHMGOVLEG" -> ("KHM", "GOV"); country part mapped to ISO3; None when not a country code."""
    country = CODE_FIXES.get(code[:3], code[:3])
    if country not in ISO3:
        return None, None
    sector = code[3:6] or None
    return country, sector


def country_names() -> dict[str, set[str]]:
    """ISO3 -> lower-case names from pycountry (name, common and official names) and SHORT_NAMES."""
    names: dict[str, set[str]] = {}
    for c in pycountry.countries:
        s = names.setdefault(c.alpha_3, set())
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                s.add(v.lower())
        if "," in c.name:  # "Korea, Republic of" -> "republic of korea"
            head, tail = c.name.split(",", 1)
            s.add(f"{tail.strip()} {head.strip()}".lower())
    for code, short in SHORT_NAMES.items():
        names.setdefault(code, set()).add(short.lower())
    return names


def capitals() -> dict[str, str]:
    """Lower-case capital name -> ISO3."""
    out = {}
    for item in CAPITALS.replace("\n", " ").split(";"):
        item = item.strip()
        if item:
            code, rest = item.split(" ", 1)
            for name in rest.split("|"):
                out[name.strip().lower()] = code
    return out


def country_kind(s: str, code: str, names: dict[str, set[str]], caps: dict[str, str]) -> str:
    """Classify a synonym of a country block: country, capital, demonym or place."""
    own = names.get(code, set())
    if s in own:
        return "country"
    if caps.get(s) == code:
        return "capital"
    if s.endswith(DEMONYM_ENDINGS) and any(s[:4] == n[:4] for n in own):
        return "demonym"
    if any(difflib.SequenceMatcher(None, s, n).ratio() >= 0.8 for n in own):
        return "country"
    return "place"


def is_org(s: str) -> bool:
    return any(w in ORG_WORDS for w in s.split())


def usable(s: str) -> bool:
    """Drop empty, one-letter, numeric and bracketed Phoenix variants."""
    return len(s) >= 2 and not re.search(r"[\d()\[\]{}<>=!/]", s)


def country_entries(path: Path, names, caps) -> list[tuple]:
    rows = []
    for header, syns, codes in read_blocks(path):
        surfaces = [surface(header.split("[")[0])] + [surface(x.split("[")[0]) for x in syns]
        surfaces = [s for s in surfaces if usable(s)]
        parsed = [(split_code(c), a, b) for c, a, b in codes]
        parsed = [((cc, sec), a, b) for (cc, sec), a, b in parsed if cc]
        if not parsed or not surfaces:
            continue
        countries = {cc for (cc, _), _, _ in parsed}
        code = next(iter(countries))
        named = any(s in names.get(code, ()) for s in surfaces)
        if len(countries) == 1 and (named or all(sec is None for (_, sec), _, _ in parsed) and "[" in header):
            for s in surfaces:
                kind = country_kind(s, code, names, caps)
                rows.append((s, code, kind, "", "", ""))
                if kind == "demonym" and s.endswith(("an", "i", "ot", "ite")):
                    rows.append((s + "s", code, kind, "", "", ""))
            continue
        org = is_org(surfaces[0]) or any(sec in ORG_SECTORS for (_, sec), _, _ in parsed) and len(surfaces) > 1
        for s in surfaces:
            if org and all(w in GENERIC_WORDS for w in s.split()):
                continue  # "senate", "supreme court justices": not tied to one country
            for (cc, sec), a, b in parsed:
                rows.append((s, cc, "org" if org else "person", sec or "", a or "", b or ""))
    return rows


def igo_code(code: str) -> str | None:
    best = None
    for prefix, short in IGO_PREFIXES.items():
        if code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, short)
    return best[1] if best else None


def igo_entries(path: Path) -> list[tuple]:
    """Phoenix IGO entries whose code maps to a known body, and NGOs as organisations without code."""
    rows = []
    for header, syns, codes in read_blocks(path):
        surfaces = [surface(header.split("[")[0])] + [surface(x.split("[")[0]) for x in syns]
        surfaces = [s for s in surfaces if usable(s)]
        if not surfaces:
            continue
        for code, a, b in codes:
            short = igo_code(code)
            if short:
                kind = "person" if (a or b) or not is_org(surfaces[0]) and len(surfaces[0].split()) > 1 \
                    and not any(is_org(x) for x in surfaces) else "igo"
                rows += [(s, short, kind, "IGO" if kind == "igo" else "GOV", a or "", b or "")
                         for s in surfaces]
            elif code.startswith("NGO") and is_org(surfaces[0]):
                rows += [(s, "", "org", "NGO", "", "") for s in surfaces]
    return rows


def nonstate_entries(path: Path) -> list[tuple]:
    """Non-state armed groups tied to one country: an organisation of that country."""
    rows = []
    for header, syns, codes in read_blocks(path):
        surfaces = [surface(header.split("[")[0])] + [surface(x.split("[")[0]) for x in syns]
        for code, a, b in codes:
            cc, sec = split_code(code)
            if cc:
                rows += [(s, cc, "org", sec or "REB", a or "", b or "") for s in surfaces if usable(s)]
    return rows


def agent_entries(path: Path) -> list[tuple[str, str]]:
    """Role nouns -> sector ("minister" -> GOV), with substitution sets expanded."""
    text = path.read_text(encoding="utf-8", errors="replace")
    subs = {m.group(1): [w.strip() for w in m.group(2).split(",")]
            for m in re.finditer(r"^!(\w+)!\s*=\s*(.+)$", text, re.M)}
    rows = []
    for line in text.splitlines():
        m = re.match(r"^([A-Z!][A-Z_'!-]*?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})", line)
        if not m:
            continue
        forms = [m.group(1)]
        for name, values in subs.items():
            forms = [f.replace(f"!{name}!", v) for f in forms for v in values] \
                if any(f"!{name}!" in f for f in forms) else forms
        for f in forms:
            s = surface(f)
            if usable(s) and "!" not in s:
                rows += [(s, m.group(2)), (plural(s), m.group(2))]
    return rows


def plural(s: str) -> str:
    """Regular English plural of a phrase's last word (Phoenix lists singulars only)."""
    if s.endswith(("s", "x", "ch", "sh")):
        return s + "es" if not s.endswith("s") else s
    if s.endswith("y") and s[-2:-1] not in "aeiou":
        return s[:-1] + "ies"
    if s.endswith("man"):
        return s[:-3] + "men"
    return s + "s"


# Capitals of a state that ceased: capital, its former state, the day its present one took over ("Moscow" in a
# wire of 1987 is the Soviet government, in 2005 Russia's).
FORMER_CAPITALS = """moscow SUN 1991-12-26; belgrade YUG 2003-02-04"""


def extra_entries(caps: dict[str, str]) -> list[tuple]:
    rows = []
    for line in EXTRA_NAMES.strip().splitlines():
        forms, code, kind = line.rsplit(" ", 2)
        rows += [(s, code, kind, "", "", "") for s in forms.split("|")]
    former = {name: (code, day) for name, code, day in (x.split() for x in FORMER_CAPITALS.split(";"))}
    for name, code in caps.items():
        if name in former:
            old, day = former[name]
            rows += [(name, code, "capital", "GOV", day, ""), (name, old, "capital", "GOV", "", day)]   # current first
        else:
            rows.append((name, code, "capital", "GOV", "", ""))
    for line in IGOS.strip().splitlines():
        code, _, *forms = line.split("|")
        rows += [(s, code, "igo", "IGO", "", "") for s in forms]
    rows.append(("europe", "EU", "igo", "IGO", "", ""))
    rows += [(s, "", "place", "", "", "") for s in REGIONS.split("|")]
    return rows


def display_names() -> dict[str, str]:
    out = {}
    for c in pycountry.countries:
        out[c.alpha_3] = SHORT_NAMES.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
    out["XKX"] = "Kosovo"
    out["SUN"] = SHORT_NAMES["SUN"]
    out["YUG"] = SHORT_NAMES["YUG"]
    for line in IGOS.strip().splitlines():
        code, name, *_ = line.split("|")
        out[code] = name
    return out


def build(src: Path) -> dict[str, int]:
    names, caps = country_names(), capitals()
    rows = []
    for code, ns in names.items():
        rows += [(n, code, "country", "", "", "") for n in sorted(ns)]   # sorted: the same file on every run
    rows += extra_entries(caps)
    rows += country_entries(src / "Phoenix.Countries.actors.txt", names, caps)
    rows += igo_entries(src / "Phoenix.International.actors.txt")
    rows += nonstate_entries(src / "Phoenix.MilNonState.actors.txt")
    agents = set(agent_entries(src / "Phoenix.agents.txt"))
    nouns = {n for n, _ in agents}
    rows = [r for r in rows if not (r[2] in ("org", "person") and " " not in r[0] and r[0] in nouns)]
    seen, unique = set(), []
    for r in rows:  # first kind wins: pycountry and the lists above come before Phoenix
        key = (r[0], r[1], r[3], r[4], r[5])
        if key not in seen:
            seen.add(key)
            unique.append(r)
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "entries.tsv", "w", encoding="utf-8") as f:
        f.write("surface\tcode\tkind\tsector\tstart\tend\n")
        f.writelines("\t".join(r) + "\n" for r in unique)
    with open(OUT / "names.tsv", "w", encoding="utf-8") as f:
        f.write("code\tname\n")
        f.writelines(f"{k}\t{v}\n" for k, v in sorted(display_names().items()))
    extra = [(" ".join(x.split()[:-1]), x.split()[-1]) for x in EXTRA_AGENTS.replace("\n", " ").split(";")]
    extra += [(plural(n), sec) for n, sec in extra]
    agents = sorted(agents | set(extra))
    with open(OUT / "agents.tsv", "w", encoding="utf-8") as f:
        f.write("noun\tsector\n")
        f.writelines(f"{n}\t{s}\n" for n, s in agents)
    shutil.copyfile(src / "LICENSE.upstream", OUT / "LICENSE.petrarch2")
    return {"entries": len(unique), "agents": len(agents)}


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC))
