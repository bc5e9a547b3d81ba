// The search page: Pagefind's JS API behind our own accessible markup (templates/search.html).
// No framework and no inline script (the page's CSP allows only same-origin scripts and
// Pagefind's WebAssembly). Harvested text is inserted with textContent, never as HTML.

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;
const EXCERPT_WORDS = 30;
// Results read to put an exact match (a register number, § and organ, a phrase) first.
const EXACT_CHECK_LIMIT = 60;
const BLOCK_MARK = "⁂";
const GROUP_MARK = "|";
const WORD = /[\p{L}\p{N}]+(?:[-./:][\p{L}\p{N}]+)*/gu;
// Which words an excerpt marks: those sharing this much of a query word's beginning
// (inflection changes a Finnish or Swedish word's end, not its start). Only for marking:
// what is a result, Pagefind decides (searchEveryTerm).
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
const feed = document.getElementById("search-feed");
const feedLink = document.getElementById("search-feed-link");
const selects = [...form.querySelectorAll("select[data-filter]")];
const text = form.dataset;  // the page's UI strings, in its language
const uiLanguage = document.documentElement.lang;
const languageTrees = form.dataset.languages.split(" ");  // the site's first path segments

let instances = [];  // one Pagefind instance per index language
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
// with a Finnish and/or a Swedish index. One Pagefind instance per language merges that
// language's index of every bundle: a merged index searches with its instance's stemmer,
// so Finnish and Swedish each get their own. A search asks every instance.
async function loadPagefind() {
  const listing = await fetch(new URL("pagefind/bundles.json", siteRoot), { cache: "no-cache" });
  if (!listing.ok) throw new Error(`pagefind/bundles.json: HTTP ${listing.status}`);
  const { bundles } = await listing.json();
  const languages = [...new Set(bundles.flatMap((bundle) => Object.keys(bundle.languages)))];
  for (const language of languages) {  // one after the other: WebAssembly set-up is not
    instances.push(await languageInstance(bundles, language));  // safe side by side
  }
  await fillFilters(mergedFilters(await Promise.all(instances.map((one) => one.filters()))));
}

async function languageInstance(bundles, language) {
  const own = bundles.filter((bundle) => language in bundle.languages);
  // A module of its own (the query string makes it one): instances of one module share
  // their WebAssembly, and with it one language's stemmer.
  const module = await import(`${bundleUrl(own[0], "pagefind.js")}?language=${language}`);
  const instance = inLanguage(language, () => module.createInstance(
    { basePath: bundleUrl(own[0], ""), ...instanceOptions(own[0]) }));
  await instance.init();
  await Promise.all(own.slice(1).map((bundle) => instance.mergeIndex(
    bundleUrl(bundle, ""), { language, ...instanceOptions(bundle) })));
  return instance;
}

// Pagefind takes an instance's language from <html lang> when it is created, and only
// then: the attribute is set and restored in the same task, before anything is drawn.
function inLanguage(language, create) {
  const root = document.documentElement;
  const pageLanguage = root.lang;
  root.lang = language;
  try {
    return create();
  } finally {
    root.lang = pageLanguage;
  }
}

function mergedFilters(all) {
  const merged = {};
  for (const filters of all) {
    for (const [key, counts] of Object.entries(filters)) {
      merged[key] = merged[key] || {};
      for (const [value, count] of Object.entries(counts)) {
        merged[key][value] = (merged[key][value] || 0) + count;
      }
    }
  }
  return merged;
}

// Every instance's results, best score first.
async function searchAll(term, filters) {
  const found = await Promise.all(instances.map((one) => one.search(term, { filters })));
  return found.flatMap((search) => search.results).sort((a, b) => b.score - a.score);
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

// The feed of the chosen municipality, organ and topic: a pre-built file for each
// combination that has decisions (site_builder/topic_pages.py); a HEAD request tells.
async function showFeed(filters) {
  const path = await feedPath(filters);
  const ok = path && (await fetch(new URL(path, siteRoot), { method: "HEAD" })
    .then((response) => response.ok, () => false));
  feed.hidden = !path;
  if (!path) return;
  feedLink.textContent = ok ? text.feed : text.feedNone;
  if (ok) feedLink.href = new URL(path, siteRoot).pathname;
  else feedLink.removeAttribute("href");
}

async function feedPath({ municipality, organ, topic }) {
  const topicPart = topic ? `topic/${topic.replaceAll("_", "-")}/` : "";
  if (organ) {
    const [town, , origin] = organ.split(":");
    return `${uiLanguage}/${town}/org/${await originSegment(origin)}/${topicPart}feed.atom`;
  }
  if (municipality) return `${uiLanguage}/${municipality}/${topicPart}feed.atom`;
  if (topic) return `${uiLanguage}/${topicPart}feed.atom`;
  return null;
}

// site_builder/paths.origin_id_segment: verbatim when plainly safe, else "~" + sha256.
async function originSegment(origin) {
  if (/^[a-z0-9._-]{1,64}$/.test(origin) && origin !== "." && origin !== "..") return origin;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(origin));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `~${hex.slice(0, 16)}`;
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
  showFeed(filters);
  if (!query && Object.keys(filters).length === 0) {  // nothing to count: browse links instead
    current = { entries: [], shown: 0, seen: new Set() };
    results.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    browse.hidden = false;
    return;
  }
  browse.hidden = true;
  status.textContent = text.searching;
  try {
    await ready;
  } catch {
    return;  // start() has said that search could not be loaded
  }
  const found = await searchEveryTerm(query, filters);
  const entries = await exactFirst(found, queryWords(query), query);
  if (number !== searchNumber) return;
  current = { entries, shown: 0, words: queryWords(query), seen: new Set() };
  results.replaceChildren();
  await showMore(false);
  if (number !== searchNumber) return;
  status.textContent = countText(entries.length, query);
  if (focusCount) status.focus();
}

function queryWords(query) {
  return (query.toLowerCase().match(WORD) || []);
}

// Pagefind answers a word its index lacks with pieces of it ("päiväkoti" -> "päivä" and
// "koti", "kirjastoauto" -> "kirjasto" and "auto") or with longer words it starts; a word
// in quotes it matches only as indexed (written or an analysed form, stemmed). So every
// term is also searched alone in quotes, and a result must be found by each of them.
async function searchEveryTerm(query, filters) {
  const ranked = await searchAll(query || null, filters);
  const terms = queryTerms(query);
  if (!terms.length) return ranked;
  const found = await Promise.all(terms.map((term) => searchAll(`"${term}"`, filters)));
  const idSets = found.map((results) => new Set(results.map((result) => result.id)));
  return ranked.filter((result) => idSets.every((ids) => ids.has(result.id)));
}

// The user's quoted phrases as they are, and every other word on its own.
function queryTerms(query) {
  const terms = [];
  const unquoted = query.replace(/"([^"]*)"/g, (match, phrase) => {
    if (phrase.trim()) terms.push(phrase.trim());
    return " ";
  });
  return [...terms, ...(unquoted.match(WORD) || [])];
}

// With a number or a phrase in the query, the results whose text or keys hold it as
// written come first (Pagefind's order kept within each group).
async function exactFirst(found, words, query) {
  if (!wantsExactMatch(query)) return found.map((result) => ({ result }));
  const head = found.slice(0, EXACT_CHECK_LIMIT);
  const records = await Promise.all(head.map((result) => result.data()));
  const checked = records.map((record) => ({ record, parsed: parsedContent(record) }));
  const phrase = ` ${words.join(" ")} `;
  checked.sort((a, b) => exactMatch(b, phrase) - exactMatch(a, phrase));  // stable
  return [...checked, ...found.slice(EXACT_CHECK_LIMIT).map((result) => ({ result }))];
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
  // An item's documents in two languages lead to the same item page: shown once.
  const fresh = entries.filter(({ record }) => {
    const page = record.meta.item || record.url;
    if (current.seen.has(page)) return false;
    current.seen.add(page);
    return true;
  });
  const items = fresh.map((entry) => resultItem(entry, current.words));
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
  // One result per item: it opens the item's page, decision first (action.html, meta item).
  link.href = inSearchersLanguage(record.meta.item || record.url);
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
