"""A generated news archive: seeded Markdown articles for indexing tests and benchmarks.

Each article is a few paragraphs of wire-service sentences with the figures an archive
holds (death tolls, troop numbers, money, percentages, dated events, weekdays), about
4,000 characters like the average news story. The same seed always gives the same
archive, so a parallel run can be compared file for file with a serial one::

    from numcheck.testing.archive import write_archive

    write_archive("archive/", 2_000, seed=1)   # 2,000 .md files under archive/
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from pathlib import Path

FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 3_650
PARAGRAPHS = (10, 15)

_PLACES = [
    "Baghdad", "Mosul", "Basra", "Erbil", "Damascus", "Aleppo", "Beirut", "Amman", "Cairo",
    "Nairobi", "Kampala", "Lagos", "Accra", "Kabul", "Karachi", "Dhaka", "Manila", "Jakarta",
    "Lima", "Quito", "Bogota", "Caracas", "Havana", "Kyiv", "Kharkiv", "Odesa", "Tbilisi",
]  # fmt: skip
_COUNTRIES = [
    "Iraq", "Syria", "Lebanon", "Jordan", "Egypt", "Kenya", "Uganda", "Nigeria", "Ghana",
    "Afghanistan", "Pakistan", "Bangladesh", "Peru", "Ecuador", "Colombia", "Ukraine",
]  # fmt: skip
_PEOPLE = [
    "Amina Hassan", "Omar Farouk", "Lena Petrova", "Carlos Mendes", "Grace Otieno",
    "Tariq Aziz Noor", "Maria Santos", "Yusuf Kamal", "Ines Duarte", "Samuel Mensah",
]  # fmt: skip
_OFFICIALS = ["the ministry said", "officials said", "the governor told reporters",
              "a spokesman said", "the agency said in a statement", "police said"]  # fmt: skip
_QUALIFIERS = ["", "", "", "about ", "more than ", "nearly ", "at least ", "some ", "over "]
_WEEKDAYS = list(calendar.day_name)
_MONTHS = list(calendar.month_name)[1:]

# Sentences of the archive's stories; fields are filled by ``_fill``.
_SENTENCES = [
    "{Q}{n} people were killed in {place} on {weekday}, {official}.",
    "At least {n} people were wounded when a car bomb exploded near a market in {place}.",
    "Some {big} US troops remain in {country} in an advisory role.",
    "The flood destroyed {n} homes and displaced {Q}{big} families across the province.",
    "Militias have carried out {Q}{n} attacks on bases in {country} since {month}.",
    "The government approved a budget of ${money} billion for reconstruction.",
    "Unemployment rose to {pct} percent in {month}, up from {pct2} percent a year earlier.",
    "{person} was killed in a drone strike on {month} {day}, {year}.",
    "The talks, which began on {weekday}, drew delegations from {n} countries.",
    "Prices of bread rose by {pct} percent in the past {n} weeks, {official}.",
    "The convoy of {n} trucks carried {big} tonnes of aid to {place}.",
    "Turnout reached {pct} percent, with {Q}{big} ballots cast, {official}.",
    "{person} arrived in {place} on {month} {day}, {year}, for {n} days of meetings.",
    "Rescue teams pulled {n} survivors from the rubble in {place} by {weekday} night.",
    "The company said it would cut {big} jobs, about {pct} percent of its workforce.",
    "A {n}-kilometre stretch of the road to {place} remains closed.",
    "Parliament voted {n} to {n2} to extend the mission in {country} for {n3} months.",
    "Two days after the attack, {Q}{n} lawmakers signed a letter demanding an inquiry.",
]

# Sentences without figures: most of a story's sentences carry none.
_PROSE = [
    "Residents said they feared more violence in the coming weeks.",
    "The opposition called the decision a betrayal of the voters who elected them.",
    "Aid agencies warned that roads into the region remained unsafe.",
    "{person} declined to comment when reached by telephone.",
    "Diplomats in {place} described the mood at the talks as tense but constructive.",
    "The report was based on interviews with witnesses and local officials.",
    "Critics say the plan does little to address the causes of the crisis.",
    "Schools in {place} reopened after being closed for most of the month.",
    "The ministry has not said when the results will be published.",
    "Hospitals in the area were struggling to cope, {official}.",
    "Security forces set up checkpoints on the main roads out of {place}.",
    "The announcement came as talks between the two sides resumed in {place}.",
]


def _fill(r: random.Random, template: str, published: dt.date) -> str:
    past = published - dt.timedelta(days=r.randrange(1, 400))
    return template.format(
        Q=r.choice(_QUALIFIERS),
        n=r.randint(2, 400),
        n2=r.randint(2, 400),
        n3=r.randint(2, 24),
        big=f"{r.randint(1, 90) * 100:,}",
        money=f"{r.randint(1, 900) / 10:g}",
        pct=r.randint(1, 60),
        pct2=r.randint(1, 60),
        place=r.choice(_PLACES),
        country=r.choice(_COUNTRIES),
        person=r.choice(_PEOPLE),
        official=r.choice(_OFFICIALS),
        weekday=r.choice(_WEEKDAYS),
        month=_MONTHS[past.month - 1],
        day=past.day,
        year=past.year,
    ).replace("$$", "$")


def article(number: int, seed: int = 0) -> str:
    """The Markdown text of article ``number`` of the archive made with ``seed``."""
    r = random.Random(f"{seed}/{number}")
    published = FIRST_DAY + dt.timedelta(days=r.randrange(DAYS))
    place = r.choice(_PLACES)
    paragraphs = []
    for _ in range(r.randint(*PARAGRAPHS)):
        sentences = [
            _fill(r, r.choice(_SENTENCES if r.random() < 0.45 else _PROSE), published)
            for _ in range(r.randint(3, 6))
        ]
        paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
    front = (
        f"---\nid: archive/{seed}-{number:07d}\ntitle: Report from {place}\n"
        f"published: {published.isoformat()}\n---\n"
    )
    return front + f"{place.upper()} (Wire) - " + "\n\n".join(paragraphs) + "\n"


def write_archive(folder: str | Path, documents: int, *, seed: int = 0) -> list[Path]:
    """Write ``documents`` articles as Markdown files under ``folder`` (created); returns
    their paths, in the order ``numcheck index`` reads them."""
    root = Path(folder)
    paths = []
    for number in range(documents):
        # 1,000 files a folder: archives are laid out by date, not in one flat folder.
        path = root / f"{number // 1000:04d}" / f"{number:07d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(number, seed), encoding="utf-8")
        paths.append(path)
    return paths
