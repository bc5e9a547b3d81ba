"""Renders a page in every UI language and hands each to the writer.

One jinja2 environment per language, each with that language's gettext catalogue
installed (``_()`` in templates). Pages are addressed by their path within a language
tree (``vaasa/action/1/index.html``); the renderer writes ``fi/...``, ``sv/...``, ``en/...``
and tells each template where it is (``page_path``) so it can link to itself in the
other languages.
"""

from __future__ import annotations

from types import BuiltinFunctionType, FunctionType, MethodType

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import Context

from site_builder import i18n
from site_builder.filters import register_filters
from site_builder.fingerprints import PageFingerprints
from site_builder.markup import language_globals
from site_builder.paths import SiteUrls, language_path
from site_builder.search_text import SEARCH_TEXT_GLOBALS
from site_builder.structured_data import action_json_ld, item_json_ld
from site_builder.writer import SiteWriter
from transform.resources import templates_directory

TEMPLATES_DIR = templates_directory()
# The search page is written by another part of the builder (site_builder/search.py owns
# its template); until that template exists the site neither renders nor links it.
SEARCH_TEMPLATE = "search.html"


def search_page_available() -> bool:
    return (TEMPLATES_DIR / SEARCH_TEMPLATE).is_file()


class PageRenderer:
    def __init__(self, urls: SiteUrls, writer: SiteWriter, fingerprints: PageFingerprints):
        self.urls = urls
        self.writer = writer
        self.fingerprints = fingerprints
        self.search_available = search_page_available()
        self._urls = {language: urls.for_language(language) for language in i18n.UI_LANGUAGES}
        self._templates: dict[tuple[str, str], object] = {}
        self._alternates: tuple[str, list] = ("", [])
        # Shared by all languages; filled as municipalities are built, so lists on the
        # home page can look names up here.
        self.shared_context: dict = {
            "municipality_by_id": {},
            "organization_by_id": {},
            "organization_names": {},  # (id, language) -> markup; see markup.organization_name
            "search_available": self.search_available,
        }
        self.environments = {
            language: make_environment(language, self.shared_context)
            for language in i18n.UI_LANGUAGES
        }
        for language, environment in self.environments.items():
            # What the shared macros (_partials.html) read besides their arguments: they are
            # imported without the page's context, so jinja2 makes them once per template
            # instead of once per page. The tables are the same dicts, filled in place.
            environment.globals.update(
                self.shared_context, ui_lang=language, urls=self._urls[language]
            )

    def render(self, path: str, template_name: str, context: dict) -> None:
        """The page at ``path`` in every UI language."""
        for language in i18n.UI_LANGUAGES:
            self.render_one(language, language_path(language, path), template_name, context, path)

    def render_one(
        self,
        language: str,
        file_path: str,
        template_name: str,
        context: dict,
        page_path: str,
    ) -> None:
        template = self._template(language, template_name)
        self.writer.write_text(
            file_path,
            template.render(
                {
                    **self.shared_context,
                    "ui_lang": language,
                    "urls": self._urls[language],
                    "page_path": page_path,
                    "alternates": self._alternates_of(page_path),
                    **context,
                }
            ),
        )

    def _template(self, language: str, template_name: str):
        key = (language, template_name)
        if key not in self._templates:
            self._templates[key] = self.environments[language].get_template(template_name)
        return self._templates[key]

    def _alternates_of(self, page_path: str) -> list[tuple[str, str, str]]:
        """``[(language, link, absolute link)]`` of the page in every UI language, for the
        head's alternates and the language switch; the same for all three renderings."""
        if self._alternates[0] != page_path:
            urls = self.urls
            self._alternates = (
                page_path,
                [
                    (code, link := urls.path_url(page_path, code), urls.absolute(link))
                    for code in i18n.UI_LANGUAGES
                ],
            )
        return self._alternates[1]

    def keep(self, paths: list[str]) -> bool:
        """Keep these pages in every language as they are, if they are all there."""
        return self.writer.keep(
            [language_path(language, path) for path in paths for language in i18n.UI_LANGUAGES]
        )

    def render_text(self, path: str, make_text) -> None:
        """A non-HTML file in every language tree: ``make_text(language, urls)``."""
        for language in i18n.UI_LANGUAGES:
            self.writer.write_text(
                language_path(language, path), make_text(language, self.urls.for_language(language))
            )


class ConstantTranslations(Extension):
    """Translates ``_("a constant")`` when the template is compiled, not on every render.

    A page has some thirty fixed UI strings and a build renders hundreds of thousands of
    pages; each ``_()`` call at render time goes through jinja2's call machinery. Every
    language has its own environment (and compiled templates), so the call is replaced by
    the translated text, marked safe as newstyle gettext marks it. Calls with values
    (``_("Meeting %(number)s", number=...)``) stay calls.
    """

    def filter_stream(self, stream: TokenStream):
        tokens = list(stream)
        index = 0
        while index < len(tokens):
            if self._is_constant_call(tokens, index):
                yield from self._translated(tokens[index + 2])
                index += 4
            else:
                yield tokens[index]
                index += 1

    @staticmethod
    def _is_constant_call(tokens: list[Token], index: int) -> bool:
        window = tokens[index : index + 4]
        return (
            len(window) == 4
            and [token.type for token in window] == ["name", "lparen", "string", "rparen"]
            and window[0].value == "_"
            and (index == 0 or tokens[index - 1].type != "dot")
        )

    def _translated(self, message: Token):
        # newstyle gettext applies "%" even without values ("100%%" -> "100%").
        text = self.environment.avoin_catalogue.template_gettext(message.value) % {}
        yield Token(message.lineno, "lparen", "(")
        yield Token(message.lineno, "string", text)
        yield Token(message.lineno, "pipe", "|")
        yield Token(message.lineno, "name", "safe")
        yield Token(message.lineno, "rparen", ")")


class _PageContext(Context):
    """jinja2's template context, with a shorter way through a call of a plain function.

    Every call in a template (``urls.record(id)``, ``lang_attr(code)``) goes through
    ``Context.call``, which looks for ``pass_context`` and friends on the callable and on
    its ``__call__`` each time. A plain function or bound method has no ``__call__`` of its
    own to look at, so only its ``jinja_pass_arg`` matters; without one it is called
    directly, as jinja2 would. Anything else (macros, classes, pass_context functions)
    takes jinja2's own way.
    """

    def call(__self, __obj, *args, **kwargs):
        if type(__obj) not in _PLAIN_CALLABLES or hasattr(__obj, "jinja_pass_arg"):
            return Context.call(__self, __obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


_PLAIN_CALLABLES = frozenset({FunctionType, MethodType, BuiltinFunctionType})


class _RecordEnvironment(Environment):
    """jinja2's environment, with a shorter way to a record's field.

    Templates read records, plain dicts, by attribute (``action.title``); jinja2 first
    tries the attribute, and the AttributeError it catches on nearly every field of every
    page costs more than the lookup. A plain dict's attributes are its type's, so a key
    that is not the name of a dict method (``items``, ``get``) is looked up first, with
    the same result.
    """

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute in obj and attribute not in _DICT_ATTRIBUTES:
            return obj[attribute]
        return Environment.getattr(self, obj, attribute)


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _SharedBytecodeCache(BytecodeCache):
    """Compiled templates shared by every build in one process: compiling is most of a
    small build's time. Kept per language: constant UI strings are compiled in
    (ConstantTranslations)."""

    def __init__(self):
        self.compiled: dict[tuple[str, str], bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        key = (bucket.environment.avoin_catalogue.language, bucket.key)
        if key in self.compiled:
            bucket.bytecode_from_string(self.compiled[key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        key = (bucket.environment.avoin_catalogue.language, bucket.key)
        self.compiled[key] = bucket.bytecode_to_string()


_BYTECODE_CACHE = _SharedBytecodeCache()


def make_environment(language: str, tables: dict) -> Environment:
    """One UI language's environment; ``tables`` are the renderer's shared lookup tables
    (markup.LanguageMarkup)."""
    environment = _RecordEnvironment(
        bytecode_cache=_BYTECODE_CACHE,
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        auto_reload=False,  # templates do not change during a build; no stat per page
        # A misspelt field name fails the build instead of rendering as an empty string.
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n", ConstantTranslations],
    )
    environment.context_class = _PageContext
    catalogue = i18n.catalogue(language)
    environment.extend(avoin_catalogue=catalogue)
    # newstyle: _("Meeting %(number)s", number=...) formats and escapes the values itself.
    environment.install_gettext_callables(
        catalogue.template_gettext, catalogue.template_ngettext, newstyle=True
    )
    register_filters(environment, language)
    environment.globals["action_json_ld"] = action_json_ld
    environment.globals["item_json_ld"] = item_json_ld
    environment.globals.update(language_globals(language, tables))
    environment.globals.update(SEARCH_TEXT_GLOBALS)
    return environment
