"""Three more invented sites for the generic snapshot whose article URLs carry no date and no
slug (``/news/<hex id>.html``), so no URL heuristic can tell an article from a listing.

One discovery path each, as the first three: a Google News sitemap named in robots.txt
(``sumski-visti.example``), a feed the home page declares (``rivnenski-novyny.example``), and
neither, so links are followed (``chernihiv-daily.example``), where section pages have URLs of
the same shape. Stories are invented; times are Europe/Kyiv (UTC+2).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from generic_snapshot_pages import HTML, MARK, NEWS_NS, RSS, TEXT, XML, news_url, page, xml

D = "https://sumski-visti.example"
E = "https://rivnenski-novyny.example"
F = "https://chernihiv-daily.example"

SITES = [
    {"name": "Сумські вісті", "root": D, "discovery": "sitemap-opaque"},
    {"name": "Рівненські новини", "root": E, "discovery": "feed-opaque"},
    {"name": "Чернігів Daily", "root": F, "discovery": "links-opaque"},
]
SECTION = f"{F}/rubric/5e1d.html"
SECTION_PAGE_2 = f"{F}/rubric/5e1d7b.html"
SECTION_PAGE_3 = f"{F}/rubric/5e1d9c.html"  # beyond the default depth: never requested


def _story(url: str, title: str, author: str, date: str, *paragraphs: str, **more: Any) -> dict:
    return {"url": url, "title": title, "author": author, "date": date,
            "paragraphs": list(paragraphs), **more}  # fmt: skip


ARTICLES = [
    _story(
        f"{D}/news/3fa9c2e1.html",
        "У Сумах відкрили оновлений центральний ринок",
        "Оксана Литвин",
        "2026-11-20T09:20:00+02:00",
        "Після реконструкції в Сумах знову працює центральний ринок: нові павільйони, "
        "криті ряди та паркування на двісті автомобілів.",
        "Орендарі торгових місць отримали пільгу на оренду на перші три місяці роботи.",
        news={"date": "2026-11-20T09:20:00+02:00", "keywords": "Суми, ринок"},
    ),
    _story(
        f"{D}/news/b71d04aa.html",
        "Сумський театр показав прем'єру за п'єсою Куліша",
        "Денис Мороз",
        "2026-11-19T19:00:00+02:00",
        "Сумський театр драми та музичної комедії показав прем'єру вистави за п'єсою "
        "Миколи Куліша «Мина Мазайло».",
        "Квитки на грудневі покази вже розпродані, театр обіцяє додаткові вистави в січні.",
        news={"date": "2026-11-19T19:00:00+02:00", "keywords": "театр"},
    ),
    _story(
        f"{D}/news/0c4e88f2.html",
        "На Сумщині відновили рух приміських поїздів",
        "Оксана Литвин",
        "2026-11-18T07:45:00+02:00",
        "Укрзалізниця відновила рух приміських поїздів між Сумами та Ворожбою після ремонту колії.",
        "Поїзди курсуватимуть двічі на день, розклад оприлюднено на вокзалах.",
        news={"date": "2026-11-18T07:45:00+02:00", "keywords": "транспорт, Сумщина"},
    ),
    _story(
        f"{E}/news/9a2f61c0.html",
        "У Рівному запустили новий маршрут тролейбуса",
        "Галина Ковальчук",
        "2026-11-20T08:30:00+02:00",
        "Тролейбус маршруту №12 сполучив житловий масив Північний із залізничним вокзалом.",
        "Інтервал руху в години пік становитиме десять хвилин, у решту дня — п'ятнадцять.",
        feed={"date": "Fri, 20 Nov 2026 08:30:00 +0200", "category": "Транспорт"},
    ),
    _story(
        f"{E}/news/4be07d13.html",
        "Рівненські рятувальники отримали нові автомобілі",
        "Тарас Мельничук",
        "2026-11-19T14:10:00+02:00",
        "Рятувальники Рівненщини отримали шість пожежних автомобілів, переданих "
        "міжнародними партнерами.",
        "Техніку розподілять між районними частинами, де автопарк найстаріший.",
        feed={"date": "Thu, 19 Nov 2026 14:10:00 +0200", "category": "Події"},
    ),
    _story(
        f"{E}/news/e5c3a9b8.html",
        "У Рівненському зоопарку народилися двоє ведмежат",
        "Галина Ковальчук",
        "2026-11-18T11:00:00+02:00",
        "У Рівненському зоопарку гималайська ведмедиця народила двох малят.",
        "Відвідувачі зможуть побачити ведмежат навесні, коли вони вперше вийдуть з барлогу.",
        feed={"date": "Wed, 18 Nov 2026 11:00:00 +0200", "category": "Місто"},
    ),
    _story(
        f"{F}/news/7c1e5f09.html",
        "У Чернігові відремонтували дах Катерининської церкви",
        "Петро Шевчук",
        "2026-11-20T10:00:00+02:00",
        "Реставратори завершили заміну покрівлі Катерининської церкви в Чернігові, "
        "пошкодженої торік.",
        "Наступного року планують відновити розписи в інтер'єрі храму.",
        on="home",
    ),
    _story(
        f"{F}/news/d2a4b6e8.html",
        "Чернігівські школи отримали генератори",
        "Марія Гордієнко",
        "2026-11-20T07:30:00+02:00",
        "Усі школи Чернігова отримали генератори, щоб навчання тривало під час відключень "
        "електроенергії. Обладнання передали міжнародні партнери громади разом із запасом "
        "пального на три місяці.",
        "У кожній школі облаштували класи, де діти зможуть зігрітися, зарядити телефони й "
        "продовжити уроки, поки світла немає. Графік чергувань учителів уже затвердили.",
        "Міська рада обіцяє до кінця зими підключити ще й сонячні панелі на дахах трьох "
        "найбільших шкіл міста.",
        on="home",
        og_type="",  # the page declares nothing: its prose alone says it is an article
    ),
    _story(
        f"{F}/news/a03f7d21.html",
        "У Чернігові відкрили пункт прийому батарейок",
        "Петро Шевчук",
        "2026-11-19T13:20:00+02:00",
        "Біля ЦНАПу в Чернігові встановили контейнер для збору використаних батарейок.",
        "Зібране вивозитимуть на переробку раз на місяць, обіцяють у міській раді.",
        on="section",
    ),
    _story(
        f"{F}/news/5b9e2c44.html",
        "Чернігівська бібліотека оцифрувала старі газети",
        "Марія Гордієнко",
        "2026-11-18T16:40:00+02:00",
        "Обласна бібліотека оцифрувала підшивки чернігівських газет за сто років.",
        "Архів уже доступний читачам онлайн, пошук працює за датою та назвою видання.",
        on="section",
    ),
]
NOT_ARTICLES = [
    {
        "url": f"{D}/news/6d0b3e7f.html",
        "title": "Обстріл Сумщини: онлайн-хроніка",
        "type": "LiveBlogPosting",
        "news": {"date": "2026-11-20T06:00:00+02:00", "keywords": "хроніка"},
    },
    {
        "url": f"{F}/news/81f0c3d5.html",
        "title": "Відео: перший сніг у Чернігові",
        "type": "VideoObject",
        "on": "home",
    },
]
SKIPPED_LINKS = {"links-opaque": [f"{F}/tag/misto/", f"{F}/about/"]}

Put = Callable[[str, str, str, str], None]


def build(put: Put) -> None:
    """Every discovery page of the three sites (articles are built with the first three's)."""
    for root in (D, E, F):
        robots = "User-agent: *\nAllow: /\n"
        if root == D:
            robots += f"\nSitemap: {D}/sitemap-news.xml\n"
        put(f"{root}/robots.txt", f"# {MARK}\n{robots}", TEXT, "robots")
    rows = "".join(
        news_url(s["url"], s["news"], s["title"], "Сумські вісті")
        for s in [*ARTICLES, *NOT_ARTICLES]
        if "news" in s
    )
    put(f"{D}/sitemap-news.xml", xml("urlset", rows, f' xmlns:news="{NEWS_NS}"'), XML, "sitemap")
    put(f"{D}/", page("Сумські вісті", [ARTICLES[0]["url"]], D), HTML, "home")
    items = "".join(
        f"<item><title>{html.escape(s['title'])}</title><link>{s['url']}</link>"
        f"<pubDate>{s['feed']['date']}</pubDate><category>{html.escape(s['feed']['category'])}"
        f"</category><author>{html.escape(s['author'])}</author></item>\n"
        for s in ARTICLES
        if "feed" in s
    )
    rss = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!-- {MARK} -->\n<rss version="2.0"><channel>'
        f"<title>Рівненські новини</title><link>{E}/</link>\n{items}</channel></rss>\n"
    )
    put(f"{E}/rss/news.xml", rss, RSS, "feed")
    declared = '<link rel="alternate" type="application/rss+xml" href="/rss/news.xml">'
    put(f"{E}/", page("Рівненські новини", [], E, declared), HTML, "home")
    listed = [s for s in [*ARTICLES, *NOT_ARTICLES] if s["url"].startswith(F)]
    home = [s["url"] for s in listed if s.get("on") == "home"]
    links = [*home, SECTION, *SKIPPED_LINKS["links-opaque"]]
    put(f"{F}/", page("Чернігів Daily", links, F), HTML, "home")
    section = [s["url"] for s in listed if s.get("on") == "section"]
    put(SECTION, page("Новини", [*section, SECTION_PAGE_2], F), HTML, "listing")
    page_2 = page("Новини, сторінка 2", [section[-1], SECTION_PAGE_3], F)
    put(SECTION_PAGE_2, page_2, HTML, "listing")
