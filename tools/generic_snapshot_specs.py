"""Hand-written specs of the generic snapshot: three invented news sites under ``.example``.

Each site has one discovery path: robots.txt → sitemap index → Google News sitemap
(``dnipro-visti.example``), feeds declared on the home page (``lvivski-novyny.example``), and
neither, so links are followed (``poltava-daily.example``). Stories are invented; times are
Europe/Kyiv (UTC+2). Expected records are written from these specs, never by our extractor.
"""

from __future__ import annotations

A = "https://dnipro-visti.example"
B = "https://lvivski-novyny.example"
C = "https://poltava-daily.example"

SITES = [
    {"name": "Дніпровські вісті", "root": A, "discovery": "sitemap"},
    {"name": "Львівські новини", "root": B, "discovery": "feed"},
    {"name": "Полтава Daily", "root": C, "discovery": "links"},
]

# Articles: url, title, author, page date ("" = the page shows none), paragraphs, and what
# discovery says (sitemap news facts or feed item) when it lists them.
ARTICLES = [
    {
        "url": f"{A}/news/2026/11/20/oblrada-zatverdyla-biudzhet-oblasti-na-2027-rik/",
        "title": "Облрада затвердила бюджет області на 2027 рік",
        "author": "Олена Кравець",
        "date": "2026-11-20T09:10:00+02:00",
        "paragraphs": [
            "Депутати Дніпропетровської обласної ради на сесії у четвер затвердили бюджет "
            "області на 2027 рік. За рішення проголосували 84 депутати.",
            "Найбільше коштів передбачено на відновлення енергетичної інфраструктури, "
            "ремонт лікарень та облаштування укриттів у школах.",
            "Видатки на дорожнє господарство скоротили майже на третину порівняно з "
            "поточним роком.",
        ],
        "news": {"date": "2026-11-20T09:10:00+02:00", "keywords": "бюджет, облрада"},
    },
    {
        # The page shows no date at all: published_at must come from news:publication_date.
        "url": f"{A}/news/u-dnipri-vidkryly-pidzemnyi-perekhid-na-prospekti-yavornytskoho/",
        "title": "У Дніпрі відкрили підземний перехід на проспекті Яворницького",
        "author": "Ігор Савенко",
        "date": "",
        "paragraphs": [
            "Після капітального ремонту в центрі Дніпра знову відкрили підземний перехід "
            "біля Центрального універмагу.",
            "У переході замінили освітлення, облаштували пандуси та ліфт для людей з "
            "інвалідністю. Ремонт тривав вісім місяців.",
        ],
        "news": {"date": "2026-11-20T08:25:00+02:00", "keywords": "Дніпро, транспорт"},
    },
    {
        # The page's date is more than a day later than the sitemap's: flagged in stats.
        "url": f"{A}/news/2026/11/20/na-dniprovskii-ges-zavershyly-remont-druhoho-ahrehatu/",
        "title": "На Дніпровській ГЕС завершили ремонт другого агрегату",
        "author": "Олена Кравець",
        "date": "2026-11-20T11:45:00+02:00",
        "paragraphs": [
            "Енергетики завершили ремонт другого гідроагрегату Дніпровської ГЕС, "
            "пошкодженого восени.",
            "За словами директора станції, агрегат уже працює на повну потужність, а "
            "ремонт третього планують завершити навесні.",
        ],
        "news": {"date": "2026-11-19T08:00:00+02:00", "keywords": "енергетика"},
    },
    {
        "url": f"{A}/news/2026/11/19/mist-cherez-samarku-vidkryly-pislia-remontu/",
        "title": "Міст через Самарку відкрили після ремонту",
        "author": "Ігор Савенко",
        "date": "2026-11-19T16:30:00+02:00",
        "paragraphs": [
            "Рух мостом через річку Самарку відновили після трьох місяців ремонту.",
            "Обмеження швидкості до 40 км/год діятиме ще тиждень, поки дорожники "
            "завершують розмітку.",
        ],
        "sitemap": "pages",  # listed only in the gzipped plain sitemap, with a lastmod
    },
    {
        "url": f"{A}/news/2026/11/18/dnipro-otrymav-novi-tramvai-z-polshchi/",
        "title": "Дніпро отримав нові трамваї з Польщі",
        "author": "Олена Кравець",
        "date": "2026-11-18T13:05:00+02:00",
        "paragraphs": [
            "До Дніпра прибули перші чотири низькопідлогові трамваї, передані польським "
            "містом-партнером.",
            "Вагони вийдуть на маршрут №1 після технічного огляду та навчання водіїв.",
        ],
        "sitemap": "wrong-ns",  # a url set in an old namespace: read all the same
    },
    {
        "url": f"{B}/novyny/2026/11/20/u-lvovi-vidkryly-novu-dytiachu-likarniu/",
        "title": "У Львові відкрили нову дитячу лікарню",
        "author": "Марта Гнатів",
        "date": "2026-11-20T09:40:00+02:00",
        "paragraphs": [
            "У Львові відкрили новий корпус дитячої лікарні на 120 ліжок.",
            "Будівництво фінансували з міського бюджету та коштом міжнародних донорів.",
        ],
        "feed": {"date": "Fri, 20 Nov 2026 09:40:00 +0200", "category": "Здоров'я"},
    },
    {
        "url": f"{B}/novyny/2026/11/20/lvivskyi-avtobusnyi-zavod-vidnovyv-vyrobnytstvo/",
        "title": "Львівський автобусний завод відновив виробництво",
        "author": "Андрій Бойко",
        "date": "2026-11-20T08:15:00+02:00",
        "paragraphs": [
            "Після дворічної перерви Львівський автобусний завод випустив першу партію "
            "міських автобусів.",
            "Підприємство планує виготовити 60 машин до кінця наступного року.",
        ],
        "feed": {"date": "20.11.2026 08:15 +0200", "category": "Економіка"},  # odd format
    },
    {
        "url": f"{B}/novyny/2026/11/19/na-rynku-ploshcha-vstanovyly-holovnu-yalynku-mista/",
        "title": "На площі Ринок встановили головну ялинку міста",
        "author": "Марта Гнатів",
        "date": "2026-11-19T18:20:00+02:00",
        "paragraphs": [
            "Комунальники встановили на площі Ринок 22-метрову ялинку.",
            "Прикрашати її почнуть наступного тижня, а запалять вогні 6 грудня.",
        ],
        "feed": {"date": "2026-11-19T18:20:00+02:00", "category": "Місто"},
    },
    {
        "url": f"{C}/novyny/2026/11/20/u-poltavi-zapratsiuvav-novyi-tsentr-nadannia-posluh/",
        "title": "У Полтаві запрацював новий центр надання послуг",
        "author": "Віктор Головко",
        "date": "2026-11-20T10:05:00+02:00",
        "paragraphs": [
            "На Подільському районі Полтави відкрили новий центр надання адміністративних послуг.",
            "Тут можна оформити паспорт, зареєструвати місце проживання та отримати довідки.",
        ],
    },
    {
        "url": f"{C}/novyny/2026/11/20/poltavski-shkoliari-vyhraly-olimpiadu-z-fizyky/",
        "title": "Полтавські школярі виграли олімпіаду з фізики",
        "author": "Ірина Левченко",
        "date": "2026-11-20T07:50:00+02:00",
        "paragraphs": [
            "Команда полтавського ліцею №1 посіла перше місце на всеукраїнській олімпіаді з "
            "фізики.",
            "Переможці представлять Україну на міжнародному етапі навесні.",
        ],
    },
    {
        "url": f"{C}/novyny/2026/11/19/v-poltavi-remontuiut-dakh-krajeznavchoho-muzeiu/",
        "title": "У Полтаві ремонтують дах краєзнавчого музею",
        "author": "Віктор Головко",
        "date": "2026-11-19T12:00:00+02:00",
        "paragraphs": [
            "Реставратори почали ремонт даху будівлі краєзнавчого музею імені Василя Кричевського.",
            "Роботи планують завершити до кінця зими.",
        ],
        "listed_on": "section",
    },
    {
        "url": f"{C}/novyny/2026/11/19/na-kobeliatskii-vidnovyly-rukh-troleibusiv/",
        "title": "На Кобеляцькій відновили рух тролейбусів",
        "author": "Ірина Левченко",
        "date": "2026-11-19T09:30:00+02:00",
        "paragraphs": [
            "Тролейбуси маршрутів №5 і №7 знову курсують вулицею Кобеляцькою.",
            "Рух був обмежений через заміну контактної мережі.",
        ],
        "listed_on": "section",
    },
    {
        "url": f"{C}/novyny/2026/11/18/poltavska-halushka-otrymala-status-brendu-mista/",
        "title": "Полтавська галушка отримала статус бренду міста",
        "author": "Віктор Головко",
        "date": "2026-11-18T15:10:00+02:00",
        "paragraphs": [
            "Міська рада затвердила полтавську галушку як гастрономічний бренд міста.",
            "Логотип бренду зможуть безкоштовно використовувати місцеві заклади.",
        ],
        "listed_on": "page2",
    },
]

# Pages whose URLs look like articles but which declare themselves something else.
NOT_ARTICLES = [
    {
        "url": f"{A}/news/2026/11/20/naslidky-nichnoi-ataky-onlain-khronika/",
        "title": "Наслідки нічної атаки: онлайн-хроніка",
        "type": "LiveBlogPosting",
        "news": {"date": "2026-11-20T07:00:00+02:00", "keywords": "хроніка"},
    },
    {
        "url": f"{C}/novyny/2026/11/20/video-z-vidkryttia-novoho-skveru/",
        "title": "Відео з відкриття нового скверу",
        "type": "VideoObject",
    },
]

# Links of sitemaps, feeds and pages that are not articles (skipped by URL) or off-site.
SKIPPED_LINKS = {
    "sitemap": [
        f"{A}/tag/ekonomika/",
        f"{A}/video/2026/11/20/zapys-sesii-oblrady/",
        f"{A}/live/2026/11/20/blekaut-hrafiky-onlain/",
        "https://partner-news.example/news/2026/11/20/sumizhna-novyna-partnera/",
    ],
    "feed": [
        f"{B}/tag/lviv/",
        f"{B}/video/2026/11/20/yak-vyhliadaie-nova-likarnia/",
        "https://social.elsewhere.example/lvivski-novyny/posts/12345",
    ],
    "links": [
        f"{C}/tag/misto/",
        f"{C}/video/",
        f"{C}/about/",
        f"{C}/live/2026/11/20/sesiia-miskrady-onlain/",
        "https://facebook.elsewhere.example/poltava.daily",
    ],
}
OUT_OF_RANGE = {
    "sitemap": {
        "url": f"{A}/news/2026/11/10/stara-novyna-pro-remont-dorih-u-dnipri/",
        "date": "2026-11-10T10:00:00+02:00",
    },
    "feed": {
        "url": f"{B}/novyny/2026/11/01/stara-novyna-pro-lvivskyi-teatr/",
        "date": "Sun, 01 Nov 2026 10:00:00 +0200",
    },
}
