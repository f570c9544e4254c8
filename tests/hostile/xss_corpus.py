"""Payloads that run ``window.__pwned(n)`` if a page ever lets them execute.

Vectors (tags, event handlers, URL schemes, markdown links, encodings, parser
confusions) crossed with a few wrappers; every payload names its own number, so
a hit says which one got through.
"""
from __future__ import annotations

CALL = "__pwned({n})"

VECTORS = [
    "<script>{call}</script>",
    "<ScRiPt>{call}</ScRiPt>",
    "<script src=\"data:text/javascript,{call}\"></script>",
    "<img src=x onerror=\"{call}\">",
    "<img src=x onerror={call}>",
    "<img/src=\"x\"/onerror={call}>",
    "<IMG SRC=x OnErRoR=\"{call}\">",
    "<svg onload=\"{call}\"></svg>",
    "<svg><script>{call}</script></svg>",
    "<svg><animate onbegin=\"{call}\" attributeName=x dur=1s></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"{call}\">",
    "<body onload=\"{call}\">",
    "<iframe src=\"javascript:{call}\"></iframe>",
    "<iframe srcdoc=\"<script>parent.{call}</script>\"></iframe>",
    "<object data=\"javascript:{call}\"></object>",
    "<embed src=\"javascript:{call}\">",
    "<details open ontoggle=\"{call}\">x</details>",
    "<input autofocus onfocus=\"{call}\">",
    "<select autofocus onfocus=\"{call}\"></select>",
    "<textarea autofocus onfocus=\"{call}\"></textarea>",
    "<video><source onerror=\"{call}\"></video>",
    "<audio src=x onerror=\"{call}\"></audio>",
    "<marquee onstart=\"{call}\">x</marquee>",
    "<div style=\"animation-name:spin\" onanimationstart=\"{call}\">x</div>",
    "<a href=\"javascript:{call}\" id=pwnlink>link</a>",
    "<a href=\"JaVaScRiPt:{call}\">link</a>",
    "<a href=\"&#106;avascript:{call}\">link</a>",
    "<a href=\"java&#x09;script:{call}\">link</a>",
    "<a href=\" javascript:{call}\">link</a>",
    "<form action=\"javascript:{call}\"><button>go</button></form>",
    "<button formaction=\"javascript:{call}\">go</button>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:{call}\">",
    "<base href=\"javascript:{call}//\">",
    "<link rel=stylesheet href=\"javascript:{call}\">",
    "<style>@import 'javascript:{call}';</style>",
    "<div style=\"background:url(javascript:{call})\">x</div>",
    "<noscript><p title=\"</noscript><img src=x onerror={call}>\"></noscript>",
    "<xmp><img src=x onerror={call}></xmp>",
    "<template><img src=x onerror={call}></template>",
    "<!--><img src=x onerror={call}>-->",
    "<![CDATA[><img src=x onerror={call}>]]>",
    "\"><img src=x onerror={call}>",
    "'><img src=x onerror={call}>",
    "</textarea><img src=x onerror={call}>",
    "</title><img src=x onerror={call}>",
    "</script><script>{call}</script>",
    "<img src=\"x\" onerror=\"&#x5f;&#x5f;pwned({n})\">",
    "<img src=x onerror=eval(atob('{b64}'))>",
    "[click](javascript:{call})",
    "[click](JAVASCRIPT:{call})",
    "[click](  javascript:{call}  )",
    "[click](javascript&#58;{call})",
    "![img](javascript:{call})",
    "![img](x \"onerror={call}\")",
    "<javascript:{call}>",
    "[ref]\n\n[ref]: javascript:{call}",
    "[click](data:text/html,<script>{call}</script>)",
    "`<img src=x onerror={call}>`",
    "```\n</code><img src=x onerror={call}>\n```",
    "$<img src=x onerror={call}>$",
    ":material/<img src=x onerror={call}>:",
    ":red[<img src=x onerror={call}>]",
    "{{{{constructor.constructor('{call}')()}}}}",
    "${{{call}}}",
    "\u202e<img src=x onerror={call}>",
    "<img src=x onerror\u0000=\"{call}\">",
]


def payloads() -> list[str]:
    import base64

    out = []
    for n, vector in enumerate(VECTORS):
        call = CALL.format(n=n)
        out.append(vector.format(call=call, n=n, b64=base64.b64encode(call.encode()).decode()))
    return out


assert len(VECTORS) >= 60
