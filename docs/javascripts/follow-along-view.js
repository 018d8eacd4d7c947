// The follow-along view: one step per screen, for a reader on the floor with the phone at
// arm's length. follow-along.js loads this module when a reader first opens the view.
//
// Everything it shows comes from the page: the steps (each <li>, drawing included, copied
// word for word), and the <template class="follow-along"> of backguide/follow_along.py: the
// screen with its words and its safety line, and per set of steps ("run") the numbers of
// the front matter: data-hold-seconds, data-holds, data-hold-step, data-sides. No number
// and no sentence is written here: a second side's words and drawings come ready-made from
// the build (.follow-along__other, listed in CONTENT.md), and the first screen, "Before you
// start", is the page's own safety panel.

const STYLESHEET = new URL("../stylesheets/follow-along.css", import.meta.url).href;
const SWIPE_PX = 50; // a sideways move at least this long, and twice as wide as tall, turns the step
const TICK_MS = 250; // how often the countdown looks at the clock; it counts from a deadline, not ticks
const VIBRATE_MS = 200;
const TONE_HZ = 660;
const TONE_S = 0.6;
const MIN_PICTURE_PX = 160; // a drawing shrinks to fit the screen with its words, but no smaller
const SAVED = "follow-along:"; // sessionStorage: the holds done, kept for the visit

let active = null; // the open view, at most one
let returnTo = null; // where in the page to go once the view's history entry is gone: {path, section, index}
let afterSwap = null; // ...and again if Material then swaps in a fresh copy of the page

// The back button closes the view: opening it added a history entry for the same address.
window.addEventListener("popstate", function () {
  if (active && !active.shown) {
    active = null; // gone back before the view had shown: nothing to close
  } else if (active) {
    active.pushed = false; // the back button took the view's entry away
    if (active.dialog.open) active.dialog.close(); // else it is closing already (the help link)
  } else if (returnTo) {
    comeBack(returnTo);
    returnTo = null;
  }
});

// The first history step after a page loads makes Material fetch the page again and swap its
// content in, scrolled to where the reader was: the step is found and shown again in the new copy.
let replayed = true; // document$ replays the page already shown when subscribed to
document$.subscribe(function () {
  if (replayed) return (replayed = false);
  if (afterSwap && afterSwap.path === location.pathname) showInPage(afterSwap);
  afterSwap = null;
});

// Arrow keys turn the step while the view is open, wherever the focus is.
document.addEventListener("keydown", function (event) {
  if (!active || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
    event.preventDefault();
    go(active, event.key === "ArrowRight" ? 1 : -1);
  }
});

// A hidden page loses its wake lock; ask again when the reader comes back to the view.
document.addEventListener("visibilitychange", function () {
  if (!active) return;
  if (document.visibilityState === "visible") keepAwake(active);
  else letSleep(active);
});

export async function open(template, run) {
  if (active) return;
  const screens = screensOf(run);
  if (!screens.length) return;
  const dialog = template.content.querySelector(".follow-along__view").cloneNode(true);
  const view = (active = {
    dialog,
    screens,
    index: 0,
    name: nameOf(run),
    words: wordsOf(dialog),
    hold: Number(run.dataset.holdSeconds) || 0,
    holds: Number(run.dataset.holds) || 1,
    release: Number(run.dataset.releaseSeconds) || 0,
    saved: SAVED + location.pathname + "#" + (run.dataset.intro || run.dataset.steps),
    timer: null,
    audio: null,
    lock: null,
    asking: false,
    speaking: false,
    leaving: false,
    pushed: true,
    shown: false,
  });
  // Pushed at once, in the reader's tap: an entry added later may be skipped by the back button.
  // Known by this flag, not by its state: Material writes the scroll offset into the state.
  // Scroll restoration is manual, as Material sets it on every navigation: on the way back the
  // view puts the page at the step, and the browser must not move it to where it was before.
  history.scrollRestoration = "manual";
  history.pushState(null, "", location.href);
  await stylesheet();
  if (active !== view) return; // closed by the back button while the stylesheet loaded
  document.body.append(dialog);
  wire(view);
  show(view, 0, 0);
  dialog.showModal();
  view.shown = true;
  fit(view);
  keepAwake(view);
}

// Steps ---------------------------------------------------------------------------------------

function words(list) {
  return (list || "").split(" ").filter(Boolean);
}

// The items of the first numbered list after a heading, before the next section.
function stepsUnder(id) {
  const heading = document.getElementById(id);
  for (let node = heading && heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
    if (node.tagName === "OL") return Array.from(node.children).filter((item) => item.tagName === "LI");
  }
  return [];
}

// What a section says outside any list: a variation's words and drawing.
function sectionContent(id) {
  const heading = document.getElementById(id);
  const found = [];
  for (let node = heading && heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
    if (!node.classList.contains("share") && !node.classList.contains("follow-along__row")) found.push(node);
  }
  return found;
}

// The page's safety panel: the first screen says exactly what the page says before its steps.
function safetyPanel() {
  return document.querySelector("article .safety-panel");
}

// Every screen of a run, each with what it shows and its place:
//   "Before you start" (the page's safety panel), the setup steps, a variation's words, then the
//   run's own steps once per side: the first side in the source's words, a hand-over screen
//   (the source's "Repeat on the other side", naming the next side), then the other side in
//   the build's mirrored words and drawings. The hold and its "repeat" step share one screen.
function screensOf(run) {
  const own = stepsUnder(run.dataset.steps);
  if (!own.length) return [];
  const number = (name) => Number(run.dataset[name]) || 0;
  const holdStep = number("holdStep");
  const repeatStep = number("repeatStep");
  const handoverStep = number("handoverStep");
  const other = {};
  for (const node of run.querySelectorAll(".follow-along__other")) other[node.dataset.step] = node;
  const sided = Object.keys(other).map(Number);
  const firstSided = sided.length ? Math.min(...sided) : Infinity;
  const sides = words(run.dataset.sides);
  const screens = [];
  const panel = safetyPanel();
  if (panel) screens.push({ kind: "before", section: "before-you-start", index: -1, nodes: [panel] });
  for (const section of words(run.dataset.setup)) {
    stepsUnder(section).forEach((step, index) => screens.push({ kind: "step", section, index, nodes: [step], side: "" }));
  }
  if (run.dataset.intro) screens.push({ kind: "step", section: run.dataset.intro, index: -1, nodes: sectionContent(run.dataset.intro), side: "" });
  (sides.length ? sides : [""]).forEach(function (side, pass) {
    if (pass) {
      const said = handoverStep ? [own[handoverStep - 1]] : [];
      screens.push({ kind: "handover", section: run.dataset.steps, index: handoverStep - 1, nodes: said, side });
    }
    own.forEach(function (step, i) {
      const n = i + 1;
      if (n === repeatStep || n === handoverStep) return;
      const nodes = [pass && other[n] ? other[n] : step];
      if (n === holdStep && repeatStep) nodes.push(own[repeatStep - 1]);
      screens.push({ kind: "step", section: run.dataset.steps, index: i, nodes, side: n >= firstSided ? side : "", hold: n === holdStep, pass });
    });
  });
  const steps = screens.filter((screen) => screen.kind === "step");
  steps.forEach((screen, i) => Object.assign(screen, { number: i + 1, total: steps.length }));
  return screens;
}

function textOf(node, leaveOut) {
  const copy = node.cloneNode(true);
  for (const part of copy.querySelectorAll(leaveOut)) part.remove();
  return copy.textContent.replace(/\s+/g, " ").trim();
}

function textOfAll(nodes) {
  return nodes.map((node) => textOf(node, "figure")).join(" ");
}

function nameOf(run) {
  const id = run.dataset.intro || run.dataset.steps;
  const heading = run.dataset.place === "glance" ? document.querySelector("article h1") : document.getElementById(id);
  return heading ? textOf(heading, ".headerlink") : "";
}

function wordsOf(dialog) {
  const found = {};
  for (const word of dialog.querySelectorAll("[data-word]")) found[word.dataset.word] = word.textContent.trim();
  return found;
}

// A step's content, copied; ids get a suffix, so the drawing's title stays unique and named.
// The drawing comes straight after the step's first paragraph, so a long note under the
// step (the chair's "Relax") never pushes the picture off the screen.
function copyOf(nodes) {
  const copies = nodes.map(function (node) {
    const copy = (node.classList.contains("follow-along__other") ? node.firstElementChild : node).cloneNode(true);
    if (copy.tagName === "LI") {
      const box = document.createElement("div");
      box.append(...copy.childNodes);
      return box;
    }
    return copy;
  });
  for (const copy of copies) {
    for (const node of copy.querySelectorAll("[id]")) node.id += "--follow-along";
    for (const node of copy.querySelectorAll("[aria-labelledby], [aria-describedby]")) {
      for (const name of ["aria-labelledby", "aria-describedby"]) {
        const ids = node.getAttribute(name);
        if (ids) node.setAttribute(name, words(ids).map((id) => id + "--follow-along").join(" "));
      }
    }
    const figure = copy.querySelector(":scope > figure.drawing");
    const first = copy.firstElementChild;
    if (figure && first && first.tagName === "P" && first.nextElementSibling !== figure) first.after(figure);
  }
  return copies;
}

// The screen -------------------------------------------------------------------------------------

function part(view, name) {
  return view.dialog.querySelector(`[data-slot="${name}"]`);
}

function button(view, action) {
  return view.dialog.querySelector(`[data-action="${action}"]`);
}

function show(view, index, direction) {
  stopTimer(view);
  view.index = index;
  const screen = view.screens[index];
  const dialog = view.dialog;
  part(view, "name").textContent = view.name;
  part(view, "title").textContent = screen.kind === "before" ? view.words.before : "";
  part(view, "title").hidden = screen.kind !== "before";
  part(view, "count").hidden = screen.kind !== "step";
  part(view, "number").textContent = screen.number || "";
  part(view, "total").textContent = screen.total || "";
  part(view, "side").textContent = screen.side ? view.words[screen.side] : "";
  part(view, "side").hidden = !screen.side;
  dialog.querySelector(".follow-along__other-side").hidden = screen.kind !== "handover";
  dialog.classList.toggle("follow-along__view--before", screen.kind === "before");
  const step = part(view, "step");
  const shown = copyOf(screen.nodes);
  if (screen.kind === "handover") {
    const side = document.createElement("span");
    side.className = "follow-along__next-side";
    side.textContent = view.words[screen.side];
    shown.push(side);
  }
  step.replaceChildren(...shown);
  dialog.querySelector(".follow-along__timer").hidden = !screen.hold;
  if (screen.hold) view.timer = freshTimer(view, savedHolds(view));
  paintTimer(view);
  const last = index === view.screens.length - 1;
  button(view, "back").disabled = index === 0;
  button(view, "next").hidden = last;
  button(view, "done").hidden = !last;
  // A button the reader was on may just have gone (Next on the last step, Back on the first):
  // focus moves on to the way forward rather than falling out of the view.
  const focused = document.activeElement;
  if (!dialog.contains(focused) || focused.hidden || focused.disabled) button(view, last ? "done" : "next").focus();
  dialog.querySelector(".follow-along__body").scrollTop = 0;
  if (view.shown) fit(view);
  if (direction && matchMedia("(prefers-reduced-motion: no-preference)").matches) {
    step.animate([{ opacity: 0, transform: `translateX(${direction * 2}rem)` }, { opacity: 1, transform: "none" }], {
      duration: 200,
      easing: "ease-out",
    });
  }
  const heading = textOf(dialog.querySelector(".follow-along__where"), "[hidden]");
  const before = screen.kind === "handover" ? dialog.querySelector(".follow-along__other-side").textContent + ". " : "";
  const said = textOfAll(screen.nodes);
  announce(view, `${before}${heading}. ${said}`);
  if (view.speaking) speak(view);
}

// The drawing and the words together on one screen: the drawing shrinks (never the words)
// until both fit, down to MIN_PICTURE_PX; what still does not fit scrolls, with a cue.
function fit(view) {
  const body = view.dialog.querySelector(".follow-along__body");
  const pictures = Array.from(body.querySelectorAll(".follow-along__step .drawing__art"));
  for (const picture of pictures) picture.style.maxHeight = "";
  const over = body.scrollHeight - body.clientHeight;
  if (over > 0 && pictures.length) {
    const share = over / pictures.length;
    for (const picture of pictures) {
      const height = picture.getBoundingClientRect().height;
      picture.style.maxHeight = Math.max(MIN_PICTURE_PX, Math.floor(height - share)) + "px";
    }
  }
  // Words so long that even the smallest picture falls below them: the picture goes first,
  // at two fifths of the screen, and the words scroll under it, with the cue.
  const bottom = body.getBoundingClientRect().bottom;
  for (const picture of pictures) {
    if (picture.getBoundingClientRect().bottom <= bottom + 1) continue;
    const figure = picture.closest("figure");
    figure.parentElement.prepend(figure);
    picture.style.maxHeight = Math.max(MIN_PICTURE_PX, Math.floor(body.clientHeight * 0.4)) + "px";
  }
  cue(view);
}

// The cue that the screen scrolls: shown while there is more below.
function cue(view) {
  const body = view.dialog.querySelector(".follow-along__body");
  body.querySelector(".follow-along__more").hidden = body.scrollTop + body.clientHeight >= body.scrollHeight - 2;
}

function go(view, delta) {
  const to = view.index + delta;
  if (to >= 0 && to < view.screens.length) show(view, to, delta);
}

function announce(view, text) {
  view.dialog.querySelector(".follow-along__status").textContent = text.trim();
}

// The hold timer, on the step that says to hold ----------------------------------------------------
// One tap on Start runs every hold: hold, "Release" (shown, spoken, a tone), a short pause,
// the next hold, until the last. Pause stops it at any moment; nothing starts on its own. The
// holds done are kept for the visit, so Back, Next or closing the view never starts them again.

function savedHolds(view) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(view.saved) || "null");
    if (saved && saved.hold >= 1 && saved.hold <= view.holds) return saved;
  } catch (error) {
    // Storage refused (a private window's policy): the count lives as long as the screen.
  }
  return { hold: 1, finished: false };
}

function saveHolds(view) {
  const timer = view.timer;
  try {
    sessionStorage.setItem(view.saved, JSON.stringify({ hold: timer.hold, finished: timer.finished }));
  } catch (error) {
    // As above.
  }
}

function freshTimer(view, saved) {
  return {
    hold: saved.hold,
    finished: saved.finished,
    phase: saved.finished ? "done" : "ready", // ready, hold, release, done
    left: saved.finished ? 0 : view.hold * 1000,
    deadline: 0,
    interval: 0,
    running: false,
    paused: false,
    halfway: false,
  };
}

function paintTimer(view) {
  const timer = view.timer;
  if (!timer) return;
  part(view, "hold").textContent = timer.hold;
  part(view, "holds").textContent = view.holds;
  part(view, "seconds").textContent = view.hold;
  part(view, "clock").textContent = Math.ceil(timer.left / 1000);
  view.dialog.querySelector(".follow-along__release").hidden = !(timer.phase === "release" || timer.phase === "done");
  button(view, "start").hidden = timer.running || timer.paused || timer.phase === "done";
  button(view, "pause").hidden = !timer.running;
  button(view, "resume").hidden = !timer.paused;
}

function startHold(view) {
  // Made in the reader's tap, so the browser lets it sound at the end of each hold.
  const Audio = window.AudioContext || window.webkitAudioContext;
  if (!view.audio && Audio) view.audio = new Audio();
  beginHold(view);
}

function beginHold(view) {
  const timer = view.timer;
  Object.assign(timer, { phase: "hold", left: view.hold * 1000, halfway: false });
  saveHolds(view);
  run(view);
  say(view, `${textOf(view.dialog.querySelector(".follow-along__hold"))}, ${view.hold} ${view.words.seconds}`);
}

// Runs the countdown of the phase; focus follows to Pause, as the button the reader tapped is hidden.
function run(view) {
  const timer = view.timer;
  const tapped = [button(view, "start"), button(view, "resume")].includes(document.activeElement);
  Object.assign(timer, { running: true, paused: false, deadline: Date.now() + timer.left });
  clearInterval(timer.interval);
  timer.interval = setInterval(function () {
    tick(view);
  }, TICK_MS);
  paintTimer(view);
  if (tapped) button(view, "pause").focus();
}

function tick(view) {
  const timer = view.timer;
  timer.left = Math.max(0, timer.deadline - Date.now());
  if (timer.phase === "hold" && !timer.halfway && timer.left <= view.hold * 500 && timer.left > 0) {
    timer.halfway = true;
    announce(view, view.words.halfway);
  }
  if (timer.left > 0) return paintTimer(view);
  if (timer.phase === "hold") endHold(view);
  else if (timer.phase === "release") {
    timer.hold += 1;
    beginHold(view);
  }
}

function endHold(view) {
  const timer = view.timer;
  const last = timer.hold >= view.holds;
  if (navigator.vibrate) navigator.vibrate(VIBRATE_MS);
  tone(view);
  const focusWasOnPause = document.activeElement === button(view, "pause");
  if (last) {
    clearInterval(timer.interval);
    Object.assign(timer, { running: false, phase: "done", finished: true });
  } else {
    Object.assign(timer, { phase: "release", left: view.release * 1000, deadline: Date.now() + view.release * 1000 });
  }
  saveHolds(view);
  paintTimer(view);
  if (focusWasOnPause && last) button(view, "reset").focus();
  say(view, view.dialog.querySelector(".follow-along__release").textContent);
}

function pauseHold(view) {
  const timer = view.timer;
  clearInterval(timer.interval);
  Object.assign(timer, { running: false, paused: true, left: Math.max(0, timer.deadline - Date.now()) });
  paintTimer(view);
  button(view, "resume").focus();
}

function resetHold(view) {
  stopTimer(view);
  view.timer = freshTimer(view, { hold: 1, finished: false });
  saveHolds(view);
  paintTimer(view);
  button(view, "start").focus();
}

function stopTimer(view) {
  if (view.timer) clearInterval(view.timer.interval);
  view.timer = null;
}

// Said to screen readers, and aloud where the browser can speak: the reader's hands are busy.
function say(view, text) {
  announce(view, text);
  if (!canSpeak()) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = document.documentElement.lang || "en";
  speechSynthesis.speak(utterance);
}

// A soft tone from the browser's own synthesiser: no sound file, no network.
function tone(view) {
  const audio = view.audio;
  if (!audio) return;
  const now = audio.currentTime;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = TONE_HZ;
  gain.gain.setValueAtTime(0.0001, now);
  gain.gain.exponentialRampToValueAtTime(0.2, now + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, now + TONE_S);
  oscillator.connect(gain);
  gain.connect(audio.destination);
  oscillator.start(now);
  oscillator.stop(now + TONE_S);
}

// Read aloud, with the browser's own voices, only when the reader turns it on ------------------------

function canSpeak() {
  return Boolean(window.speechSynthesis) && typeof window.SpeechSynthesisUtterance === "function";
}

function speak(view) {
  const screen = view.screens[view.index];
  const text = screen.kind === "step" ? textOfAll(screen.nodes) : view.dialog.querySelector(".follow-along__status").textContent;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = document.documentElement.lang || "en";
  speechSynthesis.cancel();
  speechSynthesis.speak(utterance);
}

function toggleSpeech(view) {
  view.speaking = !view.speaking;
  button(view, "speak").setAttribute("aria-pressed", String(view.speaking));
  if (view.speaking) speak(view);
  else speechSynthesis.cancel();
}

// The screen stays on while the view is open ------------------------------------------------------

async function keepAwake(view) {
  if (!("wakeLock" in navigator) || view.lock || view.asking || document.visibilityState !== "visible") return;
  view.asking = true;
  try {
    const lock = await navigator.wakeLock.request("screen");
    if (active === view) view.lock = lock;
    else lock.release();
  } catch (error) {
    // Refused (battery saver, a policy): the view works, the screen may dim.
  } finally {
    view.asking = false;
  }
}

function letSleep(view) {
  if (view.lock) view.lock.release();
  view.lock = null;
}

// Opening, closing, and the way back to the page ----------------------------------------------------

const ACTIONS = {
  back: (view) => go(view, -1),
  next: (view) => go(view, 1),
  done: (view) => view.dialog.close(),
  close: (view) => view.dialog.close(),
  speak: toggleSpeech,
  start: startHold,
  pause: pauseHold,
  resume: run,
  reset: resetHold,
};

function wire(view) {
  const dialog = view.dialog;
  button(view, "speak").hidden = !canSpeak();
  dialog.addEventListener("click", function (event) {
    const target = event.target instanceof Element ? event.target : null;
    const control = target && target.closest("[data-action]");
    if (control) {
      ACTIONS[control.dataset.action](view);
    } else if (target && target.closest("a[href]")) {
      // The link to the help page: the page changes, so the view closes without going back.
      view.leaving = true;
      dialog.close();
    }
  });
  // Swipe: pointer events, so touch, pen and mouse all work; vertical moves still scroll the step.
  const body = dialog.querySelector(".follow-along__body");
  body.addEventListener("scroll", function () {
    cue(view);
  });
  window.addEventListener("resize", function () {
    if (active === view) fit(view);
  });
  let from = null;
  body.addEventListener("pointerdown", function (event) {
    from = event.isPrimary ? { x: event.clientX, y: event.clientY } : null;
  });
  body.addEventListener("pointercancel", function () {
    from = null;
  });
  body.addEventListener("pointerup", function (event) {
    if (!from) return;
    const dx = event.clientX - from.x;
    const dy = event.clientY - from.y;
    from = null;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 2 * Math.abs(dy)) go(view, dx < 0 ? 1 : -1);
  });
  dialog.addEventListener("close", function () {
    finish(view);
  });
}

// Escape, Close, Done, the back button and the help link all end here.
function finish(closed) {
  if (active !== closed) return;
  active = null;
  stopTimer(closed);
  letSleep(closed);
  if (closed.audio) closed.audio.close();
  if (closed.speaking) speechSynthesis.cancel();
  // The close event comes after the tap that closed the view, so a tap on the help link has
  // already reached Material's instant navigation.
  closed.dialog.remove();
  if (closed.leaving) return;
  const screen = closed.screens[closed.index];
  const place = { path: location.pathname, section: screen.section, index: screen.index };
  if (closed.timer && closed.timer.phase !== "done") {
    // Closed mid-hold: that hold starts again next time; the holds before it stay done.
    closed.timer.finished = false;
    saveHolds(closed);
  }
  if (closed.pushed) {
    returnTo = place; // shown once the entry the view added is gone
    history.back();
  } else {
    comeBack(place);
  }
}

function comeBack(place) {
  afterSwap = place;
  showInPage(place);
}

// The reader is back on the page, at the step they were on.
function showInPage(place) {
  const step = place.index < 0 ? document.getElementById(place.section) : stepsUnder(place.section)[place.index];
  if (!step) return;
  step.tabIndex = -1;
  step.scrollIntoView({ block: "center" });
  step.focus({ preventScroll: true });
  step.addEventListener(
    "blur",
    function () {
      step.removeAttribute("tabindex");
    },
    { once: true }
  );
}

function stylesheet() {
  // Material removes <head> elements the next page lacks, so after instant navigation it is added again.
  let link = document.head.querySelector(`link[href="${STYLESHEET}"]`);
  if (link && link.sheet) return Promise.resolve();
  if (!link) {
    link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = STYLESHEET;
    document.head.append(link);
  }
  return new Promise(function (resolve) {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
}
