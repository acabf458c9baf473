"""Article bodies of the snapshot: paragraphs and the boilerplate planted among them."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from snapshot_common import BY_KEY, LANG, attr, esc, inline_html, inline_text
from snapshot_specs import TWEETS

# ---------------------------------------------------------------------------------- plants


def module_js(a: dict, left: str = "'", right: str = "'") -> list[str]:
    """The inline news module script, as the four lines a paste leaves behind."""
    i, n = a["id"], LANG[a["lang"]]["module_lang"]
    q = lambda s: f"{left}{s}{right}"  # noqa: E731
    get = f"$.get({q('//')} + window.location.host + {q(f'/ajax/module.aspx?spm_id=444&id={i}&lang={n}&IsAjax=true')}, "
    return [
        f"function news{i}() {{",
        get + f"function (data) {{ $({q(f'#nk{i}')}).html(data); }});",
        "}",
        f"news{i}();",
    ]


def plant(a: dict, code: str) -> tuple[str, str, list[str], str]:
    """One "@kind:arg" marker → (html, planted kind, planted strings as text, original source)."""
    name, _, arg = code[1:].partition(":")
    t = LANG[a["lang"]]
    if name == "script":
        js = " ".join(module_js(a))
        return f'<div id="nk{a["id"]}"></div>\n<script>{js}</script>', "inline_script", [js], ""
    if name == "script_text":
        lines = module_js(a, "‘", "’") if arg == "smart" else module_js(a)
        if arg == "oneline":
            lines = [" ".join(lines)]
        return "\n".join(f"<p>{esc(x)}</p>" for x in lines), "script_text", lines, ""
    if name == "promo":
        promo = t["promo_wa"] if arg == "whatsapp" else t["promo"]
        return f"<p><em>{inline_html(promo)}</em></p>", "promo", [inline_text(promo)], ""
    if name in ("read_also", "read_also_caps", "related"):
        target = BY_KEY[(int(arg), a["lang"])]
        link = f'<a href="{attr(target["url"])}">{esc(target["title"])}</a>'
        if name == "related":
            return f"<p>{link}</p>", "related_headline", [target["title"]], ""
        prefix = t[name]
        label = f"<strong>{prefix}</strong>" if name == "read_also_caps" else prefix
        return f"<p>{label} {link}</p>", "read_also", [f"{prefix} {target['title']}"], ""
    if name in ("src", "mat", "src_link"):
        source, _, url = arg.partition("|")
        prefix = t["mat" if name == "mat" else "src"]
        shown = f'<a href="{attr(url)}">{esc(source)}</a>' if url else esc(source)
        return f"<p>{prefix} {shown}</p>", "source_attribution", [f"{prefix} {source}"], source
    if name in ("photo", "photo_em"):
        line = f"Фото: {arg}"
        body = f"<em>{esc(line)}</em>" if name == "photo_em" else esc(line)
        return f"<p>{body}</p>", "photo_credit", [line], ""
    if name == "ad":
        return "<p><em>Реклама</em></p>", "ad_label", ["Реклама"], ""
    if name == "tg":
        script = f'<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="{attr(arg)}" data-width="100%"></script>'
        return script, "embed", [arg], ""
    if name == "tweet":
        tw = TWEETS[arg]
        text = f"{tw['text']} {tw['pic']}"
        quote = (
            f'<blockquote class="twitter-tweet"><p lang="{tw["lang"]}" dir="ltr">{esc(tw["text"])} '
            f'<a href="https://t.co/{tw["pic"].rsplit("/", 1)[1]}">{esc(tw["pic"])}</a></p>'
            f"&mdash; {esc(tw['name'])} (@{tw['handle']}) "
            f'<a href="https://twitter.com/{tw["handle"]}/status/{tw["status"]}?ref_src=twsrc%5Etfw">{tw["date"]}</a></blockquote>\n'
            '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
        )
        return quote, "embed", [text, f"{tw['name']} (@{tw['handle']})"], ""
    raise ValueError(f"{a['id']}-{a['lang']}: unknown plant {code!r}")


def render_body(a: dict) -> tuple[str, list[str], dict[str, list[str]], str]:
    """div.post-item__text content, the body lines, planted strings by kind, original source."""
    parts, lines, planted, source = [f"<h2>{esc(a['lead'])}</h2>"], [], {}, ""
    for item in a["body"]:
        if isinstance(item, list) and item[0] == "ul":
            parts.append("<ul>" + "".join(f"<li>{inline_html(x)}</li>" for x in item[1]) + "</ul>")
            lines += [inline_text(x) for x in item[1]]
        elif isinstance(item, list):
            parts.append(f"<{item[0]}>{inline_html(item[1])}</{item[0]}>")
            lines.append(inline_text(item[1]))
        elif item.startswith("@"):
            markup, kind, strings, src = plant(a, item)
            parts.append(markup)
            planted.setdefault(kind, []).extend(strings)
            source = source or src
        else:
            parts.append(f"<p>{inline_html(item)}</p>")
            lines.append(inline_text(item))
    return "\n".join(parts), lines, planted, source
