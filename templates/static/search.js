// The search page: Pagefind's JS API behind our own accessible markup (templates/search.html).
// No framework and no inline script (the page's CSP allows only same-origin scripts and
// Pagefind's WebAssembly). Harvested text is inserted with textContent, never as HTML.

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 300;

const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const results = document.getElementById("search-results");
const more = document.getElementById("search-more");
const selects = [...form.querySelectorAll("select[data-filter]")];
const text = form.dataset;  // the page's UI strings, in its language

let pagefind = null;
let current = { results: [], shown: 0 };
let searchNumber = 0;  // a slower, older search must not overwrite a newer one
let timer = null;

// The bundle sits at <site root>/pagefind/, beside <site root>/static/ where this file is.
const siteRoot = new URL("../", import.meta.url);

async function loadPagefind() {
  pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
  await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 30 });
  await fillFilters(await pagefind.filters());
}

async function fillFilters(available) {
  const wanted = new URLSearchParams(location.search);
  for (const select of selects) {
    const values = Object.keys(available[select.dataset.filter] || {});
    values.sort((a, b) => (select.dataset.filter === "year" ? b.localeCompare(a)
                                                             : a.localeCompare(b, document.documentElement.lang)));
    for (const value of values) {
      select.append(new Option(value, value));
    }
    select.value = values.includes(wanted.get(select.name)) ? wanted.get(select.name) : "";
    select.closest(".search-filter").hidden = values.length === 0;
  }
  const fieldset = form.querySelector(".search-filters");
  fieldset.hidden = selects.every((select) => select.closest(".search-filter").hidden);
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
  link.href = record.url;
  link.textContent = record.meta.title || record.url;
  heading.append(link);
  item.append(heading);
  // Agenda and minutes often carry the same item: the document kind tells them apart.
  const facts = ["municipality", "organ", "section", "kind", "date"]
    .map((key) => record.meta[key]).filter(Boolean);
  if (facts.length) {
    const meta = document.createElement("p");
    meta.className = "meta";
    for (const fact of facts) {
      const span = document.createElement("span");
      span.textContent = fact;
      meta.append(span);
    }
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerpt.append(...markedText(record.excerpt));
  item.append(excerpt);
  return item;
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
