"""The metric lexicon: which words around a figure say what it measures.

Each entry maps a phrase (matched on word boundaries, lower-cased) to a fine
metric; `FINE_TO_METRIC` maps every fine metric onto the export's metric list.
Money phrases apply to currency and percent figures, people phrases to counts
of persons.  "aid_generic" is decided later: cumulative or overall aid is
`oda`, a single package or project is `aid`.
"""
from __future__ import annotations

MONEY_TERMS = {
    "oda_loans": ("concessional loans", "soft loans", "lines of credit", "line of credit",
                  "credit lines", "loans", "lending"),
    "oda_grants": ("grant aid", "grants"),
    "oda_technical": ("technical cooperation", "technical assistance"),
    "oda": ("official development assistance", "development assistance", "oda",
            "development aid", "development cooperation", "development finance"),
    "aid_generic": ("humanitarian aid", "emergency aid", "aid", "assistance", "loan", "grant", "donated",
                    "donation", "donations", "pledged", "funding for", "provide", "provides", "provided",
                    "providing", "commit", "commits", "committed", "disbursed", "allocated", "granted", "gave",
                    "given"),
    "fdi": ("foreign direct investment", "fdi", "investment capital", "investments",
            "investment", "invested", "invest", "investing"),
    "trade": ("trade volume", "bilateral trade", "two-way trade", "trade turnover", "trade"),
    "exports": ("exports", "exported", "export", "shipments", "shipped", "sold"),
    "imports": ("imports", "imported", "import", "bought", "purchased"),
    "peacekeeping_contribution": ("peacekeeping", "un mission", "united nations mission",
                                  "transitional authority", "un operation"),
    "cost": ("tab", "bill", "cost", "costs", "budget"),
}

PEOPLE_TERMS = {
    "tourists": ("tourists", "tourist", "visitors", "travellers", "travelers", "arrivals",
                 "holidaymakers", "visited", "visit", "visits", "visiting"),
    "students": ("students", "student", "scholars", "scholarship", "scholarships", "graduates", "studied",
                 "study", "studying", "higher education"),
    "trainees": ("trainees", "interns", "intern", "training", "trained"),
    "workers": ("migrant workers", "workers", "labourers", "laborers", "caregivers",
                "seafarers", "worked", "work", "working", "employed"),
    "troops": ("troops", "soldiers", "peacekeepers", "garrison", "deployed"),
    "investors": ("investors",),
    "residents": ("residents", "expatriates", "expats", "diaspora", "living", "live",
                  "lived", "reside", "residing", "home to"),
}

# Rank role nouns ("third-largest investor") and the rank metric each names.
RANK_ROLES = {
    "donor": "donor_rank", "contributor": "donor_rank", "lender": "donor_rank",
    "creditor": "donor_rank", "provider": "donor_rank",
    "investor": "investor_rank", "source": "investor_rank",
    "trading partner": "trade_rank", "partner": "trade_rank", "market": "trade_rank",
    "exporter": "trade_rank", "importer": "trade_rank", "supplier": "trade_rank",
    "destination": "other",
}

FINE_TO_METRIC = {
    "oda_loans": "oda", "oda_grants": "oda", "oda_technical": "oda", "oda": "oda",
    "aid": "aid", "fdi": "fdi", "trade": "trade", "exports": "exports", "imports": "imports",
    "peacekeeping_contribution": "peacekeeping_contribution", "cost": "other",
    "donor_rank": "donor_rank", "investor_rank": "investor_rank", "trade_rank": "other",
    "tourists": "tourists", "students": "students", "trainees": "trainees",
    "workers": "workers", "troops": "troops", "investors": "investors",
    "residents": "residents", "companies": "companies", "other": "other",
}

# Metrics that count a standing stock: a figure without a period holds at a point.
STOCK_METRICS = {"residents", "companies", "investors", "troops", "other"}

# Words saying a sum is overall rather than one package: aid then counts as oda.
CUMULATIVE_WORDS = ("in total", "total", "cumulative", "accumulated", "so far", "to date",
                    "altogether", "overall")
# Words saying a figure recurs each year when the time stage has no SET for it.
ANNUAL_WORDS = ("annually", "a year", "per year", "each year", "every year", "per annum",
                "yearly")
# Words before a figure that make it a share of someone else's total: no giver stated.
SHARE_WORDS = ("much of", "most of", "part of", "some of", "a share of", "a portion of",
               "half of", "a third of", "a quarter of")
# Sentence openings that carry on the previous sentence, and so its date.
CONTINUATIONS = ("as a result", "consequently", "thus", "therefore", "hence", "in turn",
                 "that year", "at that time", "by then")
