"""A deterministic generator of synthetic bilateral-relations news, for throughput and scale benchmarks.

    python bench/corpus.py --n 1000 --seed 7 --out bench/corpus/1k
    python bench/corpus.py --n 10000 --seed 7 --jsonl bench/corpus/10k.jsonl

Every document is plain text: a title, a dateline or an "Outlet, date" line, a byline,
4-10 paragraphs mixing current news (relative dates), history (explicit dates, spans),
figures (aid, loans, investment, trade, tourists, students, ranks, lists, qualifiers,
several currencies) and often a boilerplate tail. Facts belong to the country pair, so
documents about one pair overlap; a few state them vaguely, stale, or wrong. The same
seed gives byte-identical output.
"""
from __future__ import annotations

import argparse
import json
import os
import random
from dataclasses import dataclass
from typing import Iterator

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass(frozen=True)
class Country:
    """What the templates need to name a country and its people, money and places."""

    name: str
    code: str
    capital: str
    demonym: str
    head: str          # the leader's title: "President", "Prime Minister", ...
    currency: str      # ISO 4217
    places: tuple      # provinces or cities for scoped figures


COUNTRIES = (
    Country("Germany", "DEU", "Berlin", "German", "Chancellor", "EUR", ("Bavaria", "Hamburg")),
    Country("France", "FRA", "Paris", "French", "President", "EUR", ("Marseille", "Lyon")),
    Country("Italy", "ITA", "Rome", "Italian", "Prime Minister", "EUR", ("Sicily", "Milan")),
    Country("Spain", "ESP", "Madrid", "Spanish", "Prime Minister", "EUR", ("Catalonia", "Andalusia")),
    Country("the Netherlands", "NLD", "The Hague", "Dutch", "Prime Minister", "EUR", ("Rotterdam",)),
    Country("Sweden", "SWE", "Stockholm", "Swedish", "Prime Minister", "SEK", ("Gothenburg",)),
    Country("Norway", "NOR", "Oslo", "Norwegian", "Prime Minister", "NOK", ("Bergen",)),
    Country("Switzerland", "CHE", "Bern", "Swiss", "President", "CHF", ("Geneva", "Zurich")),
    Country("the United Kingdom", "GBR", "London", "British", "Prime Minister", "GBP", ("Scotland", "Wales")),
    Country("Canada", "CAN", "Ottawa", "Canadian", "Prime Minister", "CAD", ("Quebec", "Alberta")),
    Country("the United States", "USA", "Washington", "American", "President", "USD", ("California", "Texas")),
    Country("Mexico", "MEX", "Mexico City", "Mexican", "President", "USD", ("Jalisco", "Yucatán")),
    Country("Brazil", "BRA", "Brasília", "Brazilian", "President", "BRL", ("São Paulo", "Bahia")),
    Country("Argentina", "ARG", "Buenos Aires", "Argentine", "President", "USD", ("Córdoba", "Mendoza")),
    Country("Chile", "CHL", "Santiago", "Chilean", "President", "USD", ("Valparaíso",)),
    Country("Peru", "PER", "Lima", "Peruvian", "President", "USD", ("Cusco", "Arequipa")),
    Country("Australia", "AUS", "Canberra", "Australian", "Prime Minister", "AUD", ("Queensland", "Perth")),
    Country("New Zealand", "NZL", "Wellington", "New Zealand", "Prime Minister", "USD", ("Auckland",)),
    Country("Indonesia", "IDN", "Jakarta", "Indonesian", "President", "USD", ("Bali", "Java")),
    Country("Vietnam", "VNM", "Hanoi", "Vietnamese", "Prime Minister", "USD", ("Da Nang", "Ho Chi Minh City")),
    Country("Thailand", "THA", "Bangkok", "Thai", "Prime Minister", "USD", ("Phuket", "Chiang Mai")),
    Country("the Philippines", "PHL", "Manila", "Filipino", "President", "USD", ("Cebu", "Mindanao")),
    Country("Malaysia", "MYS", "Kuala Lumpur", "Malaysian", "Prime Minister", "USD", ("Penang", "Sabah")),
    Country("South Korea", "KOR", "Seoul", "South Korean", "President", "KRW", ("Busan", "Jeju")),
    Country("India", "IND", "New Delhi", "Indian", "Prime Minister", "INR", ("Kerala", "Gujarat")),
    Country("Bangladesh", "BGD", "Dhaka", "Bangladeshi", "Prime Minister", "USD", ("Chittagong", "Sylhet")),
    Country("Kenya", "KEN", "Nairobi", "Kenyan", "President", "USD", ("Mombasa",)),
    Country("Namibia", "NAM", "Windhoek", "Namibian", "President", "USD", ("Swakopmund",)),
    Country("Senegal", "SEN", "Dakar", "Senegalese", "President", "USD", ("Saint-Louis",)),
    Country("Ghana", "GHA", "Accra", "Ghanaian", "President", "USD", ("Kumasi",)),
    Country("South Africa", "ZAF", "Pretoria", "South African", "President", "ZAR", ("Cape Town", "Durban")),
    Country("Egypt", "EGY", "Cairo", "Egyptian", "President", "USD", ("Alexandria",)),
    Country("Turkey", "TUR", "Ankara", "Turkish", "President", "USD", ("Istanbul", "Izmir")),
)

# How each currency is written: (prefix, suffix) around the number and its scale word.
CURRENCY_STYLE = {
    "USD": (("$", ""), ("US$", "")), "EUR": (("EUR ", ""), ("€", "")), "GBP": (("£", ""),),
    "AUD": (("A$", ""),), "CAD": (("C$", ""), ("CAD ", "")), "CHF": (("CHF ", ""),),
    "SEK": (("", " kronor"), ("SEK ", "")), "NOK": (("NOK ", ""),), "KRW": (("", " won"),),
    "INR": (("", " rupees"), ("INR ", "")), "BRL": (("R$", ""),), "ZAR": (("", " rand"), ("R", "")),
}
# Rough US dollars per unit, only to keep generated amounts of a plausible size.
USD_PER_UNIT = {"USD": 1.0, "EUR": 1.1, "GBP": 1.3, "AUD": 0.7, "CAD": 0.75, "CHF": 1.05, "SEK": 0.1,
                "NOK": 0.1, "KRW": 0.00082, "INR": 0.013, "BRL": 0.2, "ZAR": 0.06}

OUTLET_WORDS = ("Courier", "Ledger", "Herald", "Times", "Monitor", "Tribune", "Review", "Post", "Observer", "Gazette")
FIRST_NAMES = ("Amara", "Lena", "Tomás", "Mei", "Rahul", "Sofia", "Kwame", "Ingrid", "Diego", "Hana",
               "Omar", "Clara", "Nikhil", "Ayesha", "Jonas", "Lucía", "Tariq", "Elena", "Minh", "Grace")
LAST_NAMES = ("Okafor", "Lindqvist", "Herrera", "Tavares", "Mensah", "Kowalski", "Haddad", "Novak",
              "Pereira", "Bergström", "Banerjee", "Moreau", "Nguyen", "Achebe", "Fischer", "Castillo",
              "Rahman", "Dubois", "Mwangi", "Larsen")
TREATIES = ("a treaty of friendship and cooperation", "an investment protection agreement",
            "a double taxation agreement", "a visa waiver agreement", "a cultural cooperation agreement",
            "a defence cooperation memorandum")
SECTORS = ("water supply", "rural roads", "vocational training", "renewable energy", "health clinics",
           "port modernisation", "urban transport", "agriculture")


@dataclass(frozen=True)
class Pair:
    """The facts of one country pair that every document about it draws on."""

    a: Country            # the donor, investor, larger partner
    b: Country
    relations: tuple      # (year, month, day) diplomatic relations
    treaty: tuple         # (year, month, name)
    visit: tuple          # (year, month) first state visit, by a's head
    aid_since: int
    aid_per_year: float   # in a's currency
    trade_1990: float     # USD
    trade_growth: float
    tourists_2000: int
    students: int
    residents: int
    companies: int
    donor_rank: int
    third: Country        # the other donor a rank is stated against
    flights: tuple        # (announced for year, month; launched year)


def make_pair(a: Country, b: Country, seed: int) -> Pair:
    """Draw a pair's facts from a generator seeded by the pair alone, so all its documents agree."""
    r = random.Random(f"{seed}/pair/{a.code}/{b.code}")
    rel_year = r.randint(1950, 1995)
    treaty_year = rel_year + r.randint(2, 25)
    flights_year = r.randint(2010, 2022)
    return Pair(
        a=a, b=b,
        relations=(rel_year, r.randint(1, 12), r.randint(1, 28)),
        treaty=(treaty_year, r.randint(1, 12), r.choice(TREATIES)),
        visit=(rel_year + r.randint(1, 20), r.randint(1, 12)),
        aid_since=rel_year + r.randint(0, 20),
        aid_per_year=r.uniform(20e6, 400e6) / USD_PER_UNIT[a.currency],
        trade_1990=r.uniform(50e6, 5e9),
        trade_growth=r.uniform(1.02, 1.12),
        tourists_2000=r.randint(5, 400) * 1000,
        students=r.randint(2, 60) * 500,
        residents=r.randint(1, 200) * 1000,
        companies=r.randint(2, 300) * 10,
        donor_rank=r.choice((1, 1, 2, 3)),
        third=r.choice([c for c in COUNTRIES if c not in (a, b)]),
        flights=(flights_year, r.randint(1, 12), flights_year + r.randint(0, 3)),
    )


def money(r: random.Random, value: float, currency: str) -> str:
    """Write an amount the way news does: "$1.2 billion", "EUR 800 million", "45 billion won"."""
    prefix, suffix = r.choice(CURRENCY_STYLE[currency])
    if value >= 1e9:
        number, scale = value / 1e9, "billion"
    elif value >= 1e6:
        number, scale = value / 1e6, "million"
    else:
        return f"{prefix}{round(value):,}{suffix}"
    text = f"{number:.1f}".rstrip("0").rstrip(".") if number < 100 else f"{number:.0f}"
    return f"{prefix}{text} {scale}{suffix}"


def count(r: random.Random, n: int) -> str:
    """Write a head count: "12,400" or "1.2 million"."""
    if n >= 1_000_000:
        return f"{n / 1e6:.1f}".rstrip("0").rstrip(".") + " million"
    return f"{n:,}"


def hedge(r: random.Random, capital: bool = False) -> str:
    """A qualifier ("about", "more than", ...) or nothing."""
    word = r.choice(("about", "more than", "nearly", "some", "over", "at least", "", "", "around"))
    return word.capitalize() if capital and word else word


def cap(name: str) -> str:
    """"the Netherlands" at the start of a sentence."""
    return name[0].upper() + name[1:]


def rank_word(n: int) -> str:
    return {1: "largest", 2: "second-largest", 3: "third-largest"}[n]


def trade_in(p: Pair, year: int) -> float:
    return p.trade_1990 * p.trade_growth ** (year - 1990)


def date_text(y: int, m: int, d: int) -> str:
    return f"{d} {MONTHS[m - 1]} {y}"


def history(r: random.Random, p: Pair, pub: int) -> str:
    """A paragraph of past events with explicit dates, sometimes vague, sometimes a span."""
    a, b = p.a, p.b
    ry, rm, rd = p.relations
    when = r.choice((f"in {ry}", f"in {MONTHS[rm - 1]} {ry}", f"on {date_text(ry, rm, rd)}"))
    ty, tm, treaty = p.treaty
    tw = r.choice((f"in {ty}", f"in {MONTHS[tm - 1]} {ty}"))
    vy, vm = p.visit
    s = [f"{cap(a.name)} and {b.name} established diplomatic relations {when}.",
         f"The two governments signed {treaty} {tw}."]
    if vy <= pub:
        s.append(r.choice((
            f"The first state visit came in {MONTHS[vm - 1]} {vy}, when the {a.demonym} {a.head.lower()} travelled to {b.capital}.",
            f"{a.demonym} leaders first visited {b.capital} in {vy}.")))
    if r.random() < 0.4 and pub - ry > 12:
        y1 = r.randint(ry + 1, pub - 10)
        s.append(f"Between {y1} and {y1 + r.randint(2, 8)}, relations were frozen and trade between the two "
                 f"sides all but stopped.")
    return " ".join(s)


def current(r: random.Random, p: Pair, pub_month: int) -> str:
    """A paragraph of recent news with relative dates and modality: done, planned, negated."""
    a, b = p.a, p.b
    rel = r.choice(("on " + r.choice(WEEKDAYS), "yesterday", "last week", "early this week", "last month",
                    "earlier this year"))
    minister = r.choice(("foreign minister", "trade minister", "finance minister", "defence minister"))
    s = [r.choice((
        f"The {a.demonym} {minister} met {b.demonym} officials in {b.capital} {rel} and agreed to expand cooperation on {r.choice(SECTORS)}.",
        f"{b.demonym} and {a.demonym} negotiators concluded a new round of talks in {a.capital} {rel}.",
        f"The {b.demonym} {b.head.lower()} received a delegation from {a.name} {rel}."))]
    future_month = MONTHS[(pub_month + r.randint(1, 5) - 1) % 12]
    s.append(r.choice((
        f"{cap(a.name)} will send a team of {r.randint(5, 80)} experts to {b.capital} this {future_month}.",
        f"{cap(b.name)} plans to open a consulate in {r.choice(a.places)} next year.",
        f"The {a.demonym} {a.head.lower()} is expected to visit {b.capital} next month.",
        f"Both sides intend to sign a new agreement on {r.choice(SECTORS)} in {future_month}.")))
    if r.random() < 0.5:
        s.append(r.choice((
            f"{cap(a.name)} did not impose sanctions on {b.name}, despite calls from opposition lawmakers.",
            f"{cap(b.name)} has not recalled its ambassador from {a.capital}.",
            f"The talks did not produce an agreement on fishing rights.")))
    return " ".join(s)


def aid(r: random.Random, p: Pair, pub: int, stale: bool) -> str:
    """Cumulative aid since a year (growing with the publication year) and a rank, sometimes disputed."""
    a, b = p.a, p.b
    years = max(1, (pub - 3 if stale else pub) - p.aid_since)
    total = p.aid_per_year * years
    rank = p.donor_rank if r.random() > 0.15 else (p.donor_rank % 3) + 1
    rank_text = f"the {rank_word(rank)} donor" + (f" after {p.third.name}" if rank > 1 else "")
    annual = p.aid_per_year * r.uniform(0.8, 1.2)
    return (f"{cap(a.name)} has provided {hedge(r)} {money(r, total, a.currency)} in development "
            f"assistance to {b.name} since {p.aid_since}, making it {rank_text}. ".replace("  ", " ")
            + r.choice((f"Last year alone, it committed {money(r, annual, a.currency)} in new grants and loans.",
                        f"A new loan of {money(r, annual * 0.6, a.currency)} for {r.choice(SECTORS)} was signed in {pub - 1}.",
                        f"The latest package, worth {money(r, annual, a.currency)}, focuses on {r.choice(SECTORS)}.")))


def trade(r: random.Random, p: Pair, pub: int, wrong: bool, typo: bool) -> str:
    """Trade for a recent year, sometimes a list of three figures, sometimes a wrong value or a unit typo."""
    a, b = p.a, p.b
    year = pub - r.randint(1, 2)
    total = trade_in(p, year) * (r.choice((0.6, 1.5)) if wrong else 1.0)
    share = r.uniform(0.4, 0.75)
    if r.random() < 0.4:
        s = (f"In {year}, {a.demonym} exports to {b.name} were worth {money(r, total * share, 'USD')}, "
             f"{b.demonym} exports to {a.name} {money(r, total * (1 - share), 'USD')} and two-way trade "
             f"{money(r, total, 'USD')}.")
    else:
        s = f"Two-way trade reached {hedge(r)} {money(r, total, 'USD')} in {year}.".replace("  ", " ")
    if typo:
        month = float(f"{total / 12 / 1000:.2g}")  # "million" written where "billion" was meant
        s += f" Trade in January alone was worth {money(r, month, 'USD')}."
    fdi = total * r.uniform(0.5, 3)
    s += " " + r.choice((
        f"{a.demonym} companies have invested {hedge(r)} {money(r, fdi, 'USD')} in {b.name} since {p.relations[0] + 5}, "
        f"making {a.name} its {rank_word(r.randint(1, 3))} investor.",
        f"By the end of {year}, {a.demonym} investment in {b.name} had passed {money(r, fdi, 'USD')}.",
        f"{hedge(r, True) or 'Some'} {count(r, p.companies)} {a.demonym} companies operate in {b.name}."))
    return s.replace("  ", " ")


def people(r: random.Random, p: Pair, pub: int) -> str:
    """Tourists, students and residents, with a place-scoped figure inside the country one."""
    a, b = p.a, p.b
    year = pub - 1
    tourists = int(p.tourists_2000 * 1.05 ** max(0, year - 2000)) // 1000 * 1000
    scoped = tourists * r.randint(30, 70) // 100 // 1000 * 1000
    return (f"{hedge(r, True) or 'Some'} {count(r, tourists)} {a.demonym} tourists visited {b.name} in {year}, "
            f"{r.choice(('more than', 'about', 'nearly'))} {count(r, scoped)} of them to {r.choice(b.places)}. "
            f"{hedge(r, True) or 'Some'} {count(r, p.students)} {b.demonym} students are enrolled in {a.name}, and "
            f"{hedge(r)} {count(r, p.residents)} {a.demonym} citizens live in {b.name}.").replace("  ", " ")


def flights(r: random.Random, p: Pair, pub: int) -> str:
    """Direct flights: announced for a date in early documents, reported launched (at another date) later."""
    planned_year, month, launched = p.flights
    route = f"between {p.a.capital} and {p.b.capital}"
    if pub <= planned_year:
        return f"Direct flights {route} will start in {MONTHS[month - 1]} {planned_year}, the airline said."
    if pub > launched:
        return f"The first direct flights {route} launched in {launched}."
    return f"Direct flights {route}, first announced for {planned_year}, have been delayed again."


def quote(r: random.Random, p: Pair) -> str:
    """An analyst's comment: opinion, not an event."""
    who = f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}"
    return r.choice((
        f'"Relations have never been broader, but they are still thin where it matters," said {who}, '
        f"a researcher at the {p.b.capital} Institute of International Affairs.",
        f"Analysts say {p.a.name} sees {p.b.name} as a gateway to its region, while {p.b.name} wants investment "
        f"more than advice. \"The money talks louder than the speeches,\" said {who}.",
        f"Not everyone is convinced. {who}, an economist, said the partnership still depended too much on "
        f"a handful of large projects."))


def project(r: random.Random, p: Pair, pub: int) -> str:
    """An aid or loan project in a named province or city: a figure scoped below the country."""
    place = r.choice(p.b.places)
    value = p.aid_per_year * r.uniform(0.05, 0.4)
    return (f"In {pub - r.randint(1, 4)}, {p.a.name} financed a {money(r, value, p.a.currency)} "
            f"{r.choice(SECTORS)} project in {place}, and a second phase worth "
            f"{money(r, value * r.uniform(1.1, 2), p.a.currency)} is planned for {pub + 1}.")


def span(r: random.Random, p: Pair, pub: int) -> str:
    """Background with a span of years: peacekeepers, a trade dispute, or a scholarship programme."""
    y1 = r.randint(max(1960, p.relations[0]), pub - 2)
    y2 = r.randint(y1 + 1, pub - 1)
    return r.choice((
        f"Between {y1} and {y2}, {count(r, r.randint(2, 40) * 50)} {p.a.demonym} peacekeepers served in "
        f"{p.b.name} under a United Nations mission.",
        f"From {y1} to {y2}, the two countries were locked in a dispute over {p.b.demonym} tariffs on "
        f"{p.a.demonym} cars, which {p.a.name} took to the World Trade Organization.",
        f"Since {y1}, {p.a.demonym} universities have offered {r.randint(2, 30) * 10} scholarships a year "
        f"to {p.b.demonym} students."))


BOILERPLATE = (
    "Share this article: Facebook | X | LinkedIn | Email",
    "Leave a comment\nYour email address will not be published. Required fields are marked *\nName *\nEmail *\nComment\nPost Comment",
    "Subscribe to our newsletter for the day's top stories.",
    "Related: {b} cabinet approves new budget | {a} central bank holds rates",
    "© {year} {outlet}. All rights reserved.",
)


def document(i: int, seed: int) -> tuple[str, str]:
    """One document, drawn from its own generator so that document i never depends on n."""
    r = random.Random(f"{seed}/doc/{i}")
    a, b = r.sample(COUNTRIES, 2)
    p = make_pair(a, b, seed)
    pub = r.randint(max(1995, p.relations[0] + 5), 2024)
    pm, pd = r.randint(1, 12), r.randint(1, 28)
    city = r.choice((a, b)).capital
    outlet = f"The {r.choice((a, b)).capital} {r.choice(OUTLET_WORDS)}"
    author = f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}"
    title = r.choice((f"{cap(a.name)} and {b.name} deepen ties",
                      f"{b.demonym}-{a.demonym} trade on the rise",
                      f"{a.demonym} aid to {b.name} under scrutiny",
                      f"What {a.name} wants from {b.name}",
                      f"{cap(b.name)} and {a.name} mark {pub - p.relations[0]} years of relations"))
    head = [title, ""]
    lead = current(r, p, pm)
    if r.random() < 0.5:
        head += [f"{outlet}, {date_text(pub, pm, pd)}", "", f"By {author}", ""]
        lead = f"{city.upper()} – {lead}"
    else:
        head += [f"By {author}", ""]
        lead = f"{city.upper()}, {date_text(pub, pm, pd)} – {lead}"
    figures = [aid(r, p, pub, stale=r.random() < 0.2), trade(r, p, pub, wrong=r.random() < 0.1, typo=r.random() < 0.05)]
    pool = [people(r, p, pub), quote(r, p), project(r, p, pub), current(r, p, pm), span(r, p, pub)]
    if r.random() < 0.6:
        pool.append(flights(r, p, pub))
    body = [history(r, p, pub)] + r.sample(figures, r.randint(1, 2)) + r.sample(pool, r.randint(1, len(pool)))
    body = [lead] + r.sample(body, len(body))
    tail = []
    if r.random() < 0.6:
        tail.append(f"— Reporting by {author}; editing by {r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}")
        tail += [x.format(a=a.demonym, b=b.demonym, year=pub, outlet=outlet)
                 for x in r.sample(BOILERPLATE, r.randint(1, 3))]
    text = "\n".join(head) + "\n" + "\n\n".join(body + tail) + "\n"
    return f"{i:05d}_{a.code.lower()}_{b.code.lower()}.txt", text


def generate(n: int, seed: int) -> Iterator[tuple[str, str]]:
    """Yield n (file name, text) documents; the same seed always gives the same documents."""
    for i in range(n):
        yield document(i, seed)


def main(argv: list | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="number of documents")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", help="folder to write one .txt file per document")
    ap.add_argument("--jsonl", help="file to write all documents as JSON Lines (url, title, text)")
    args = ap.parse_args(argv)
    if not args.out and not args.jsonl:
        ap.error("give --out DIR, --jsonl FILE, or both")
    if args.out:
        os.makedirs(args.out, exist_ok=True)
    sink = None
    if args.jsonl:
        os.makedirs(os.path.dirname(os.path.abspath(args.jsonl)), exist_ok=True)
        sink = open(args.jsonl, "w", encoding="utf-8", newline="\n")
    try:
        for name, text in generate(args.n, args.seed):
            if args.out:
                with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
            if sink:
                title, _, rest = text.partition("\n\n")
                row = {"url": f"https://example.org/bench/{name}", "title": title, "text": rest}
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if sink:
            sink.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
