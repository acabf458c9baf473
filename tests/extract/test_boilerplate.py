"""Per-kind boilerplate rules: what each removes and, above all, what it must keep."""

from __future__ import annotations

import pytest

from ingest.extract.boilerplate import classify, clean_paragraphs, is_script_code
from ingest.sites.base import Boilerplate
from ingest.sites.korrespondent import SITE

POSITIVE = {
    "inline_script": [
        "function news5012345() {",
        "$.get('//' + window.location.host + '/ajax/module.aspx?id=5012345', function (data) {",
        "}",
        "});",
        "news5012345();",
        "var slot = googletag.defineSlot('/123/top', [728, 90], 'div-top');",
        "(adsbygoogle = window.adsbygoogle || []).push({});",
        "window.dataLayer = window.dataLayer || [];",
        "document.getElementById('nk5012345').innerHTML = html;",
        "const widget = initWidget({ id: 12, lazy: true });",
    ],
    "promo": [
        "News from Correspondent.net on Telegram. Subscribe to our channel",
        "News from Correspondent.net on Telegram. Subscribe to our channel Athletistic",
        "Новости от Корреспондент.net в Telegram. Подписывайтесь на наш канал https://t.me/x",
        "Новини від Кореспондент.net в Telegram. Підписуйтесь на наш канал",
        "Новости от Корреспондент.net в Telegram и WhatsApp",
        "Подписывайтесь на наш канал в Telegram",
        "Підписуйтесь на наш канал у Viber, щоб не пропустити головне",
        "Subscribe to our channel",
        "Follow us on Facebook and Instagram",
        "Sign up for our newsletter to get the morning briefing",
        "Join our WhatsApp channel: https://whatsapp.com/channel/abc",
        "Subscribe to Kyiv Daily on YouTube",
        "Слідкуйте за нами в Instagram",
        "Наш Telegram-канал: https://t.me/example",
        "We are on Telegram",
        "More news from the region on Telegram: https://t.me/region",
        "News from Correspondent.net on Telegram Subscribe to our channel",
        "Новини від Кореспондент.net у Telegram та WhatsApp. Підписуйтесь на наші канали",
        "Читайте Корреспондент.net в Telegram",
        "Больше новостей — в нашем Telegram-канале",
        "Присоединяйтесь к нам в Telegram",
        "Stay up to date with our Telegram channel",
    ],
    "read_also": [
        "Read also:",
        "Read also: Peskov was surprised by the reaction of Russians",
        "Читайте также: Кулеба и Ермак посетят с визитом Берлин",
        "ЧИТАЙТЕ ТАКЖЕ",
        "ЧИТАЙТЕ ТАКЖЕ Зеленский возглавил антикоррупционный Нацсовет",
        "Читайте також: Зеленський очолив антикорупційну Нацраду",
        "See also: Weather for the week",
        "Смотрите также: Погода на неделю",
        "Дивіться також",
        "Related: Rada passes budget",
        "Читайте також: Зеленський у Telegram закликав не панікувати",
        "Читайте также 👉 Зеленский возглавил Нацсовет",
        "Read more: Zelensky urges calm on Telegram",
    ],
    "source_attribution": [
        "Source: korrespondent",
        "Источник: Укринформ",
        "Джерело: УНІАН",
        "За материалами BBC",
        "За матеріалами Української правди",
        "По материалам РБК-Украина",
        "Based on materials from Reuters.",
        "Original source: Correspondent.net",
        "Originally published on Correspondent.net",
        "Source: https://korrespondent.net/world/4518848-rossiyane-v-niderlandah",
    ],
    "republisher_author_bio": [
        "I am David Wyatt, a professional writer and journalist for Buna Times. I write a lot.",
        "I'm Maria Lopez, an editor and author covering Europe for Daily Post Report.",
        "My name is Tom Berg and I am a freelance reporter based in Riga.",
        "Я — журналист, пишу о политике и экономике.",
        "Я — журналістка та редакторка сайту, пишу про міжнародну політику.",
        "Меня зовут Анна Ким, я выпускница факультета журналистики.",
    ],
    "photo_credit": [
        "Фото: Госпогранслужба",
        "Photo: Reuters",
        "Фото ілюстративне",
        "Иллюстративное фото",
        "Getty Images",
        "AP Photo/Efrem Lukatsky",
        "Photo by Jane Doe",
        "Джерело фото: Reuters",
        "Видео: YouTube",
        "Скриншот",
    ],
    "ad_label": [
        "Реклама",
        "Advertisement",
        "Sponsored",
        "Sponsored content",
        "Партнерский материал",
        "Партнерський матеріал",
        "[Реклама]",
        'Новости с пометками "Мнение", "Экспертиза" публикуются на правах рекламы.',
    ],
}

# Subheadings: kept inside the article, whatever boilerplate sits before them.
SUBHEADINGS = [
    "Subheading without a period",
    "What the plan changes for pensioners",
    "Главное",
    "Що змінюється з 1 червня",
    "Реакция Кремля на заявление Зеленского",
]

# Real article sentences that resemble boilerplate: every one must be kept.
NEGATIVE = [
    "Zelensky wrote on Telegram that the strike killed three people.",
    "The channel has two million subscribers on Telegram and YouTube, its owner said.",
    "Подписчики Telegram-канала министерства первыми узнают о запуске.",
    "Читатели могут подписаться на рассылку министерства на его сайте, отметили в ведомстве.",
    "News from the front on Telegram prompted a debate in parliament on Tuesday.",
    "Наши источники в Telegram сообщили о взрывах.",
    "Sources close to the talks said the vote could take place next week.",
    "Source: the finance ministry said the draft would be amended after talks with lenders.",
    "Источник в министерстве уточнил, что тестирование уже идет.",
    "Джерело в уряді повідомило про відставку міністра.",
    "The function of the reserve is to protect the hryvnia from sudden shocks.",
    "По его словам, функция электронной подписи появится в приложении (Дія) в сентябре.",
    "He looked out of the window. Then he called the police.",
    "The document was signed on Friday (June 5); it takes effect in July.",
    "Как сообщал Корреспондент.net, братья были задержаны в аэропорту.",
    "As Correspondent.net reported, heavy showers flooded the streets of Kharkiv.",
    "Як повідомляв Кореспондент.net, раніше парламент відмовився скасувати виплати.",
    "Read also the full report, which the ministry published on Monday.",
    "Related talks will continue in Brussels next month.",
    "По теме войны высказался министр обороны.",
    "Photos of the damage were shared widely on social media.",
    "Фото опубликовал президент в своем Telegram-канале.",
    "Reuters reported that the deal was close.",
    "Follow-up talks will be held in our capital, the minister said.",
    "Join talks with our partners, the minister urged.",
    "The ministry asked residents to follow its Telegram channel for air-raid alerts.",
    "Следите за новостями в Telegram-канале ОВА, призвал глава области.",
    "Людей просят следить за обновлениями в Telegram-канале ОВА.",
    "Видеообращение президента опубликовали в YouTube.",
    "Original sources of the leak remain unknown, investigators said.",
    "As a journalist, I was there when the shelling started.",
    "I am glad that the journalist and the editor were released, the president said.",
    "Реклама алкоголя будет запрещена с 2025 года.",
    "Advertisement revenue fell by a third, the company said.",
    "I am a journalist, and I have never seen the chamber so united, one observer wrote.",
    "I am sure the agreement will be signed, the minister said.",
    "Я журналист и не боюсь угроз, – заявил он.",
    "John Smith is a journalist who was detained in Moscow in 2023.",
    "“The main question is what happens when they are sent back?” – asked the officer.",
]


@pytest.mark.parametrize(
    ("kind", "text"), [(kind, text) for kind, texts in POSITIVE.items() for text in texts]
)
def test_positive(kind: str, text: str) -> None:
    assert classify(text) == kind


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_kept_by_classify(text: str) -> None:
    assert classify(text) is None


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_kept_in_context(text: str) -> None:
    """Kept even as the last paragraph, next to an ad label or after an attribution."""
    lead = "The parliament met on Tuesday to discuss the budget."
    for paragraphs in ([lead, text], [lead, text, "Реклама"], [lead, "Source: Reuters", text]):
        result = clean_paragraphs(paragraphs)
        assert text in result.kept, paragraphs


@pytest.mark.parametrize("text", SUBHEADINGS)
def test_subheadings_kept_in_mid_article(text: str) -> None:
    lead = "The parliament met on Tuesday to discuss the budget."
    body = "Officials said the first payments would arrive in July."
    assert classify(text) is None
    for before in ([], ["Реклама"], ["Subscribe to our channel"], ["Читайте также: Кабмин ушел"]):
        paragraphs = [lead, *before, text, body]
        assert text in clean_paragraphs(paragraphs).kept, paragraphs
    assert text in clean_paragraphs([lead, text, "Реклама", body]).kept


def test_script_code_helper() -> None:
    assert is_script_code("news4518848();")
    assert is_script_code("if (window.innerWidth < 768) {")
    assert not is_script_code("Functions of the state (defence, courts) cost money.")
    assert not is_script_code("The window was broken.")


def test_site_phrases_extend_general_rules() -> None:
    site = Boilerplate(promo=(r"присылайте свои новости",), ad_label=(r"спецпроект$",))
    assert classify("Присылайте свои новости в наш бот") is None
    assert classify("Присылайте свои новости в наш бот", site) == "promo"
    assert classify("Спецпроект", site) == "ad_label"
    # The general rules still apply when a site adds its own phrases.
    assert classify("Subscribe to our channel", site) == "promo"
    assert classify("Source: Reuters", site) == "source_attribution"


def test_korrespondent_phrases_keep_in_sentence_attribution() -> None:
    text = "Как сообщал Корреспондент.net, братья были задержаны в аэропорту."
    assert classify(text, SITE.boilerplate) is None
    assert classify("Читайте Корреспондент.net в Telegram", SITE.boilerplate) == "promo"
