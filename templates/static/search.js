// The search page: Pagefind's JS API behind our own accessible markup (templates/search.html).
// No framework and no inline script (the page's CSP allows only same-origin scripts and
// Pagefind's WebAssembly). Harvested text is inserted with textContent, never as HTML.

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;
const EXCERPT_WORDS = 30;
// Results whose text is read and checked against every query word (site_builder/
// search_text.py explains the index-only blocks): Pagefind also answers a word it does not
// have with words it starts with ("päiväkoti" -> "päivä"), which we drop.
const VERIFY_LIMIT = 60;
const BLOCK_MARK = "⁂";
const GROUP_MARK = "|";
const WORD = /[\p{L}\p{N}]+(?:[-./:][\p{L}\p{N}]+)*/gu;
// A word matches a query word when they share this much of the query word's beginning:
// inflection changes a Finnish or Swedish word's end, not its start.
const SHARED_START = 0.6;
const CHANGED_END = 5;  // the longest Finnish case and possessive endings ("-issaan")
const WIDE_SCREEN = "(min-width: 40em)";

const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const results = document.getElementById("search-results");
const more = document.getElementById("search-more");
const browse = document.getElementById("search-browse");
const filtersToggle = document.getElementById("search-filters-toggle");
const selects = [...form.querySelectorAll("select[data-filter]")];
const text = form.dataset;  // the page's UI strings, in its language
const uiLanguage = document.documentElement.lang;
const languageTrees = form.dataset.languages.split(" ");  // the site's first path segments

let pagefind = null;
let ready = null;  // resolves when the index is loaded: a search asked for earlier waits
let current = { entries: [], shown: 0 };
let searchNumber = 0;  // a slower, older search must not overwrite a newer one
let timer = null;

// The index sits at <site root>/pagefind/, beside <site root>/static/ where this file is.
const siteRoot = new URL("../", import.meta.url);
// The index filters by codes; the options the page was rendered with put them into words.
const labels = Object.fromEntries(selects.map((select) => [select.dataset.filter,
                                                            optionLabels(select)]));

function optionLabels(select) {
  const found = new Map();
  for (const option of select.options) {
    if (!option.value) continue;
    const group = option.parentElement.tagName === "OPTGROUP" ? option.parentElement.label : "";
    found.set(option.value, { text: option.textContent, lang: option.lang, group });
  }
  return found;
}

function labelOf(key, code) {
  return labels[key]?.get(code) || { text: code, lang: "", group: "" };
}

// The index comes in bundles (one per municipality and year, site_builder/search.py), each
// with a Finnish and/or a Swedish index. One is loaded with pagefind.js, all the others
// are merged into it, so a search covers every record whatever the page's language.
async function loadPagefind() {
  const listing = await fetch(new URL("pagefind/bundles.json", siteRoot), { cache: "no-cache" });
  if (!listing.ok) throw new Error(`pagefind/bundles.json: HTTP ${listing.status}`);
  const { bundles } = await listing.json();
  const primary = bundles.find((bundle) => uiLanguage in bundle.languages) || bundles[0];
  pagefind = await import(bundleUrl(primary, "pagefind.js"));
  await pagefind.options(instanceOptions(primary));
  const loaded = loadedLanguage(primary);
  await Promise.all(bundles.flatMap((bundle) => Object.keys(bundle.languages)
    .filter((language) => bundle !== primary || language !== loaded)
    .map((language) => pagefind.mergeIndex(bundleUrl(bundle, ""),
                                           { language, ...instanceOptions(bundle) }))));
  await fillFilters(await pagefind.filters());
}

// An absolute URL: Pagefind skips a merge whose path is a prefix of the loaded bundle's,
// which would leave out the loaded bundle's other language.
function bundleUrl(bundle, file) {
  return new URL(`pagefind/${bundle.name}/${file}`, siteRoot).href;
}

function instanceOptions(bundle) {
  // The digest changes with the bundle's pages: the browser may cache its entry file.
  return { baseUrl: siteRoot.pathname, excerptLength: EXCERPT_WORDS,
           metaCacheTag: bundle.digest.slice(0, 16) };
}

// The language pagefind.js loads from its own bundle: the page's, or else (as Pagefind
// chooses) the one with the most pages.
function loadedLanguage(bundle) {
  if (uiLanguage in bundle.languages) return uiLanguage;
  const counts = Object.entries(bundle.languages);
  return counts.reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

async function fillFilters(available) {
  const wanted = new URLSearchParams(location.search);
  for (const select of selects) {
    const key = select.dataset.filter;
    const values = Object.keys(available[key] || {});
    values.sort(key === "year" ? (a, b) => b.localeCompare(a) : byLabel(key));
    showOptions(select, values);
    select.value = values.includes(wanted.get(select.name)) ? wanted.get(select.name) : "";
    select.closest(".search-filter").hidden = values.length === 0;
  }
  filtersToggle.hidden = selects.every((select) => select.closest(".search-filter").hidden);
}

function byLabel(key) {
  return (a, b) => {
    const [first, second] = [labelOf(key, a), labelOf(key, b)];
    return first.group.localeCompare(second.group, uiLanguage)
      || first.text.localeCompare(second.text, uiLanguage);
  };
}

// Only the values the index has, in words, grouped as rendered (organs by municipality).
function showOptions(select, values) {
  const all = select.options[0];
  select.replaceChildren(all);
  let group = null;
  for (const value of values) {
    const label = labelOf(select.dataset.filter, value);
    const option = new Option(label.text, value);
    if (label.lang) option.lang = label.lang;
    if (label.group && label.group !== group?.label) {
      group = document.createElement("optgroup");
      group.label = label.group;
      select.append(group);
    }
    (label.group ? group : select).append(option);
  }
}

function chosenFilters() {
  const filters = {};
  for (const select of selects) {
    if (select.value) filters[select.dataset.filter] = select.value;
  }
  return filters;
}

function rememberInUrl(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const select of selects) {
    if (filters[select.dataset.filter]) params.set(select.name, filters[select.dataset.filter]);
  }
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

async function runSearch(focusCount = false) {
  const number = ++searchNumber;
  const query = input.value.trim();
  const filters = chosenFilters();
  rememberInUrl(query, filters);
  if (!query && Object.keys(filters).length === 0) {  // nothing to count: browse links instead
    current = { entries: [], shown: 0 };
    results.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    browse.hidden = false;
    return;
  }
  browse.hidden = true;
  status.textContent = text.searching;
  await ready;
  const found = await pagefind.search(query || null, { filters });  // null: filters alone
  const entries = await checkedEntries(found.results, queryWords(query), query);
  if (number !== searchNumber) return;
  current = { entries, shown: 0, words: queryWords(query) };
  results.replaceChildren();
  await showMore(false);
  if (number !== searchNumber) return;
  status.textContent = countText(entries.length, query);
  if (focusCount) status.focus();
}

function queryWords(query) {
  return (query.toLowerCase().match(WORD) || []);
}

// The first VERIFY_LIMIT results read and kept only when every query word is in them
// (as written, or as a base form or part in the index-only blocks); an exact match of
// an identifier or a quoted phrase first. Results past the limit follow unchecked.
async function checkedEntries(found, words, query) {
  const head = found.slice(0, VERIFY_LIMIT);
  const records = await Promise.all(head.map((result) => result.data()));
  const kept = records.map((record) => ({ record, parsed: parsedContent(record) }))
    .filter((entry) => words.every((word) => entry.parsed.words.some((w) => related(word, w))));
  if (wantsExactMatch(query)) {
    const phrase = ` ${words.join(" ")} `;
    kept.sort((a, b) => exactMatch(b, phrase) - exactMatch(a, phrase));  // stable
  }
  return [...kept, ...found.slice(VERIFY_LIMIT).map((result) => ({ result }))];
}

function wantsExactMatch(query) {
  return /["\d]/.test(query);
}

function exactMatch(entry, phrase) {
  const haystack = ` ${entry.parsed.visibleWords.join(" ")} ${
    (entry.record.meta.keys || "").toLowerCase().match(WORD)?.join(" ") || ""} `;
  return haystack.includes(phrase) ? 1 : 0;
}

// A record's indexed text: what the reader sees, then the analysed forms in groups,
// each the word as written followed by its base forms and parts.
function parsedContent(record) {
  const [visible, ...blocks] = record.content.split(BLOCK_MARK);
  const groups = blocks.join(" ").split(GROUP_MARK)
    .map((group) => group.toLowerCase().match(WORD) || []).filter((group) => group.length);
  const visibleWords = visible.toLowerCase().match(WORD) || [];
  const words = [...new Set([...visibleWords, ...groups.flat(),
                             ...(record.meta.keys || "").toLowerCase().match(WORD) || []])];
  return { visible, visibleWords, groups, words };
}

function related(queryWord, word) {
  if (word === queryWord) return true;
  let shared = 0;
  while (shared < queryWord.length && queryWord[shared] === word[shared]) shared++;
  if (shared === queryWord.length) return true;  // the word goes on: an inflection, a compound
  return queryWord.length > 3 && shared >= Math.max(3, Math.ceil(queryWord.length * SHARED_START),
                                                    queryWord.length - CHANGED_END);
}

function countText(count, query) {
  const template = count === 0 ? text.none : count === 1 ? text.one : text.many;
  return template.replace("{count}", count).replace("{query}", query);
}

async function showMore(moveFocus) {
  const batch = current.entries.slice(current.shown, current.shown + PAGE_SIZE);
  const number = searchNumber;
  const entries = await Promise.all(batch.map(async (entry) => {
    if (entry.record) return entry;
    const record = await entry.result.data();
    return { record, parsed: parsedContent(record) };
  }));
  if (number !== searchNumber) return;
  const items = entries.map((entry) => resultItem(entry, current.words));
  results.append(...items);
  current.shown += batch.length;
  more.hidden = current.shown >= current.entries.length;
  if (moveFocus && items.length) items[0].querySelector("a").focus();
}

function resultItem({ record, parsed }, words) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = inSearchersLanguage(record.url);
  link.textContent = record.meta.title || record.url;
  // The record's own language, where it differs from the page's (title and excerpt).
  const otherLanguage = record.meta.language !== uiLanguage ? record.meta.language : "";
  if (otherLanguage) link.lang = otherLanguage;
  heading.append(link);
  item.append(heading);
  const facts = resultFacts(record.meta);
  if (facts.length) {
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.append(...facts);
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  if (otherLanguage) excerpt.lang = otherLanguage;
  excerpt.append(...excerptOf(bodyOf(parsed.visible, record.meta.title), parsed.groups, words));
  item.append(excerpt);
  return item;
}

// A record is indexed in its own language's tree (/fi/ or /sv/); the searcher reads its
// page in the tree of the search page's language.
function inSearchersLanguage(url) {
  const address = new URL(url, siteRoot);
  const path = address.pathname.slice(siteRoot.pathname.length);
  const [tree, ...rest] = path.split("/");
  if (address.pathname.startsWith(siteRoot.pathname) && languageTrees.includes(tree)) {
    address.pathname = siteRoot.pathname + [uiLanguage, ...rest].join("/");
  }
  return address.href;
}

// Agenda and minutes often carry the same item: the document kind tells them apart.
function resultFacts(meta) {
  const facts = [];
  for (const key of ["municipality", "organ", "section", "kind", "date"]) {
    if (!meta[key]) continue;
    const span = document.createElement("span");
    if (key === "date") {
      span.textContent = formatDate(meta.date);
    } else if (key === "section") {
      span.textContent = meta.section;
    } else {
      const label = labelOf(key, meta[key]);
      span.textContent = label.text;
      if (label.lang) span.lang = label.lang;
    }
    facts.push(span);
  }
  return facts;
}

const dateFormat = new Intl.DateTimeFormat(uiLanguage, { dateStyle: "medium", timeZone: "UTC" });

function formatDate(isoDate) {
  const day = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? isoDate : dateFormat.format(day);
}

// The indexed text begins with the title (Pagefind ends it with a full stop); the excerpt
// is about the text below it, which the title does not repeat.
function bodyOf(visible, title) {
  const start = visible.trimStart();
  if (!title || !start.startsWith(title)) return visible;
  return start.slice(title.length).replace(/^[.\s]+/, "");
}

// The excerpt: visible text around the first word that matches, with the matching words
// marked. A word matches as written, or because one of its analysed forms does
// (tuloveroprosentiksi for "veroprosentti"). Built as text nodes and <mark> elements,
// so harvested text never becomes markup.
function excerptOf(text, groups, words) {
  const matching = new Set();
  for (const group of groups) {
    if (words.some((word) => group.some((form) => related(word, form)))) matching.add(group[0]);
  }
  const isMatch = (token) => {
    const word = token.toLowerCase().match(WORD)?.[0] || "";
    return word !== "" && (matching.has(word) || words.some((query) => related(query, word)));
  };
  const tokens = text.split(/\s+/).filter(Boolean);
  const first = Math.max(0, tokens.findIndex(isMatch));
  const start = Math.max(0, first - Math.floor(EXCERPT_WORDS / 3));
  const shown = tokens.slice(start, start + EXCERPT_WORDS);
  const nodes = start > 0 ? [document.createTextNode("… ")] : [];
  shown.forEach((token, index) => {
    if (index > 0) nodes.push(document.createTextNode(" "));
    if (isMatch(token)) {
      const mark = document.createElement("mark");
      mark.textContent = token;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(token));
    }
  });
  if (start + EXCERPT_WORDS < tokens.length) nodes.push(document.createTextNode(" …"));
  return nodes;
}

function searchSoon() {
  clearTimeout(timer);
  timer = setTimeout(runSearch, DEBOUNCE_MS);
}

async function start() {
  form.hidden = false;
  filtersToggle.open = matchMedia(WIDE_SCREEN).matches;
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  // Listening before the index is loaded: Enter then waits for it instead of reloading.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    runSearch(true);
  });
  input.addEventListener("input", searchSoon);
  for (const select of selects) select.addEventListener("change", () => runSearch());
  more.addEventListener("click", () => showMore(true));
  ready = loadPagefind();
  runSearch();
  try {
    await ready;
  } catch (error) {
    status.textContent = text.failed;
    throw error;
  }
}

start();
