// The urgent answer of search: does a query name one of the NHS's urgent signs of back pain?
// The words come from search/urgent-signs.json (backguide/urgent_answer.py writes it from
// backguide/data/urgent-search-words.yml, whose header says how a query is read). Loaded
// by search.js with the search UI, never before; the tests run this same file in Chromium.
// Pure functions, no network, no model: the words are data, the matching is these lines.

const BACK_PAIN = "#back"; // one word for the reader's complaint; no query can type it

// A light stemmer, written here because the match runs in the reader's browser, where no
// stemming library is a file we could ship without a Node build step; it is applied alike to
// the word lists and the query, and the lists spell out the irregular forms it misses.
export function stem(word) {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, keep] of [["fully", ""], ["ness", ""], ["ful", ""], ["ation", "at"], ["ly", ""]]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length) + keep;
      break;
    }
  }
  if (w.endsWith("eed")) {
    w = w.slice(0, -1); // peed: pee
  } else {
    const ending = ["ing", "ed"].find((suffix) => w.endsWith(suffix) && /[aeiouy]/.test(w.slice(0, -suffix.length)));
    if (ending && w.length - ending.length >= 2) {
      w = w.slice(0, -ending.length);
      if (/([^aeioulsz])\1$/.test(w)) w = w.slice(0, -1); // stabbing: stab, falling: fall
    }
  }
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

// The words of a text, each {raw, stem}; the `ignore` words dropped. In the word lists (not
// in a query) a word written "=legs" is {raw, exact}: it must be typed as it is.
function words(text, ignore, lists = false) {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['\u2018\u2019`]/g, "")
    .split(lists ? /[^a-z0-9=]+/ : /[^a-z0-9]+/)
    .filter((raw) => raw && !ignore.has(raw.replace(/^=/, "")))
    .map((raw) => (raw.startsWith("=") ? { raw: raw.slice(1), exact: true } : { raw, stem: stem(raw) }));
}

function matchesAt(tokens, at, phrase) {
  if (at + phrase.length > tokens.length) return false;
  return phrase.every((word, i) => {
    const token = tokens[at + i];
    if (!token || token.gap) return false;
    return word.exact ? token.raw === word.raw : token.stem === word.stem;
  });
}

// Each way of saying back pain becomes one BACK_PAIN word.
function joinBackPain(tokens, backPain) {
  const out = [];
  for (let at = 0; at < tokens.length; ) {
    const phrase = backPain.find((p) => matchesAt(tokens, at, p));
    if (phrase) {
      out.push({ raw: BACK_PAIN, stem: BACK_PAIN });
      at += phrase.length;
    } else {
      out.push(tokens[at++]);
    }
  }
  return out;
}

// The words of an exercise phrase become gaps: they count for distance, never for a match.
function blankExercises(tokens, exercises) {
  const out = tokens.slice();
  for (let at = 0; at < out.length; at++) {
    const phrase = exercises.find((p) => matchesAt(out, at, p));
    if (phrase) for (let i = 0; i < phrase.length; i++) out[at + i] = { gap: true };
  }
  return out;
}

// The data, read once: every phrase cut into words as a query is.
export function prepare(data) {
  const ignore = new Set(data.ignore);
  const backPain = data.back_pain.map((text) => words(text, ignore, true)).sort((a, b) => b.length - a.length);
  const phrase = (text) => joinBackPain(words(text, ignore, true), backPain);
  return {
    ignore,
    backPain,
    exercises: data.exercise.map(phrase).sort((a, b) => b.length - a.length),
    lists: data.lists.map((urgent) => ({
      id: urgent.id,
      nhs: urgent.nhs,
      link: urgent.link,
      signs: urgent.signs.map((sign) => ({
        sign: sign.sign,
        when: sign.when.map((rule) => ({
          near: rule.near,
          fallback: Boolean(rule.fallback),
          all: rule.all.map((term) => term.map(phrase)),
        })),
      })),
    })),
  };
}

// The query as the rules read it.
export function read(matcher, query) {
  return blankExercises(joinBackPain(words(query, matcher.ignore), matcher.backPain), matcher.exercises);
}

// Where a term is in the words: [start, end] of each place one of its phrases is.
function places(tokens, term) {
  const found = [];
  for (let at = 0; at < tokens.length; at++) {
    for (const phrase of term) if (matchesAt(tokens, at, phrase)) found.push([at, at + phrase.length - 1]);
  }
  return found;
}

// Every term in the words, at most `near` words between one and the next.
function ruleHolds(tokens, rule) {
  const options = rule.all.map((term) => places(tokens, term));
  if (options.some((found) => found.length === 0)) return false;
  const pick = (i, chosen) => {
    if (i === options.length) {
      const sorted = chosen.slice().sort((a, b) => a[0] - b[0]);
      return sorted.every((place, j) => j === 0 || place[0] - sorted[j - 1][1] - 1 <= rule.near);
    }
    return options[i].some((place) => pick(i + 1, chosen.concat([place])));
  };
  return pick(0, []);
}

// The lists whose signs the query names, in the reference's order, each with those signs:
// [{id, nhs, link, signs: [sign, ...]}]; [] for a query that names none. Entries marked
// `fallback` (a word such as "numbness" alone) count only when no other entry holds.
export function match(matcher, query) {
  const tokens = read(matcher, query || "");
  const named = (fallback) =>
    matcher.lists
      .map((urgent) => ({
        id: urgent.id,
        nhs: urgent.nhs,
        link: urgent.link,
        signs: urgent.signs
          .filter((sign) => sign.when.some((rule) => rule.fallback === fallback && ruleHolds(tokens, rule)))
          .map((sign) => sign.sign),
      }))
      .filter((urgent) => urgent.signs.length > 0);
  const answers = named(false);
  return answers.length ? answers : named(true);
}

// The answer as elements: for each list, the NHS's heading, the signs named, and the link
// to the list on the help page (root: the site's root URL). Text only, through the DOM:
// no HTML strings, no inline styles.
export function render(answers, root) {
  return answers.map((urgent) => {
    const box = document.createElement("div");
    box.className = `urgent-answer__list urgent-answer__list--${urgent.id}`;
    const heading = document.createElement("p");
    heading.className = "urgent-answer__service";
    const strong = document.createElement("strong");
    strong.textContent = `${urgent.nhs}:`;
    heading.append(strong);
    const signs = document.createElement("ul");
    signs.className = "urgent-answer__signs";
    for (const sign of urgent.signs) {
      const item = document.createElement("li");
      item.textContent = sign;
      signs.append(item);
    }
    const more = document.createElement("p");
    more.className = "urgent-answer__more";
    const link = document.createElement("a");
    link.href = new URL(urgent.link.href, root).href;
    link.textContent = urgent.link.text;
    more.append(link);
    box.append(heading, signs, more);
    return box;
  });
}
