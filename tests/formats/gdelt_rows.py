"""GDELT event rows written for the tests by hand from the GDELT Event Codebooks (not from the package's own
column lists, so a wrong layout in the package fails the tests)."""
from __future__ import annotations

# GDELT 2.0 event table, the codebook's 61 columns in order (tab-separated, no header).
GDELT2 = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat
Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat
Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat
ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL""".split()
# GDELT 1.0: the geography blocks have no ADM2 code; DATEADDED is a day; SOURCEURL only in daily files.
GDELT1 = [c for c in GDELT2 if not c.endswith("ADM2Code")]


def gdelt_row(version: int = 2, **values) -> str:
    """One GDELT event row with the named columns filled (the rest blank)."""
    columns = GDELT2 if version == 2 else GDELT1
    unknown = set(values) - set(columns)
    assert not unknown, unknown
    return "\t".join(str(values.get(c, "")) for c in columns)


def gdelt_event(event_id: int, day: str, a1: str, a2: str, code: str, url: str = "", version: int = 2,
                **more) -> str:
    """A GDELT row of country a1 acting on country a2 with a CAMEO code, dated `day` (YYYYMMDD)."""
    quad = {"0": 1, "1": 3}.get(code[0], 1)
    added = day + "120000" if version == 2 else day
    values = dict(GLOBALEVENTID=event_id, SQLDATE=day, MonthYear=day[:6], Year=day[:4], Actor1Code=a1,
                  Actor1Name=a1, Actor1CountryCode=a1, Actor2Code=a2, Actor2Name=a2, Actor2CountryCode=a2,
                  IsRootEvent=1, EventCode=code, EventBaseCode=code[:3], EventRootCode=code[:2], QuadClass=quad,
                  GoldsteinScale=3.4, NumMentions=2, NumSources=1, NumArticles=2, AvgTone=1.5, DATEADDED=added,
                  SOURCEURL=url)
    return gdelt_row(version, **{**values, **more})
