// The search page: Pagefind's JS API behind our own accessible markup (templates/search.html).
// No framework and no inline script (the page's CSP allows only same-origin scripts and
// Pagefind's WebAssembly). Harvested text is inserted with textContent, never as HTML.

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;
const EXCERPT_WORDS = 30;

const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const results = document.getElementById("search-results");
const more = document.getElementById("search-more");
const selects = [...form.querySelectorAll("select[data-filter]")];
const text = form.dataset;  // the page's UI strings, in its language
const uiLanguage = document.documentElement.lang;
const languageTrees = form.dataset.languages.split(" ");  // the site's first path segments

let pagefind = null;
let current = { results: [], shown: 0 };
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
  const fieldset = form.querySelector(".search-filters");
  fieldset.hidden = selects.every((select) => select.closest(".search-filter").hidden);
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

async function runSearch() {
  const number = ++searchNumber;
  const query = input.value.trim();
  const filters = chosenFilters();
  rememberInUrl(query, filters);
  if (!query && Object.keys(filters).length === 0) {
    current = { results: [], shown: 0 };
    results.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    return;
  }
  status.textContent = text.searching;
  const found = await pagefind.search(query || null, { filters });
  if (number !== searchNumber) return;
  current = { results: found.results, shown: 0 };
  results.replaceChildren();
  await showMore(false);
  if (number !== searchNumber) return;
  status.textContent = countText(found.results.length, query);
}

function countText(count, query) {
  const template = count === 0 ? text.none : count === 1 ? text.one : text.many;
  return template.replace("{count}", count).replace("{query}", query);
}

async function showMore(moveFocus) {
  const batch = current.results.slice(current.shown, current.shown + PAGE_SIZE);
  const number = searchNumber;
  const records = await Promise.all(batch.map((result) => result.data()));
  if (number !== searchNumber) return;
  const items = records.map(resultItem);
  results.append(...items);
  current.shown += batch.length;
  more.hidden = current.shown >= current.results.length;
  if (moveFocus && items.length) items[0].querySelector("a").focus();
}

function resultItem(record) {
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
  excerpt.append(...markedText(record.excerpt));
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

// Pagefind's excerpt is escaped text with <mark> around matching words. Keep exactly that:
// text nodes and <mark> elements, rebuilt here, so no other markup can get through.
function markedText(excerptHtml) {
  const parsed = new DOMParser().parseFromString(`<p>${excerptHtml}</p>`, "text/html");
  const nodes = [];
  for (const node of parsed.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

function searchSoon() {
  clearTimeout(timer);
  timer = setTimeout(runSearch, DEBOUNCE_MS);
}

async function start() {
  form.hidden = false;
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  try {
    await loadPagefind();
  } catch (error) {
    status.textContent = text.failed;
    throw error;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    runSearch();
  });
  input.addEventListener("input", searchSoon);
  for (const select of selects) select.addEventListener("change", runSearch);
  more.addEventListener("click", () => showMore(true));
  if (input.value || Object.keys(chosenFilters()).length) runSearch();
}

start();
