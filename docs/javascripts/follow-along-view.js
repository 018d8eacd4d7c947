// The follow-along view: one step per screen, for a reader on the floor with the phone at
// arm's length. follow-along.js loads this module when a reader first opens the view.
//
// Everything it shows comes from the page: the steps (each <li>, drawing included, copied
// word for word), and the <template class="follow-along"> of backguide/follow_along.py: the
// screen with its words and its safety line, and per set of steps ("run") the numbers of
// the front matter: data-hold-seconds, data-holds, data-hold-step, data-sides. No number
// and no sentence is written here.

const STYLESHEET = new URL("../stylesheets/follow-along.css", import.meta.url).href;
const SWIPE_PX = 50; // a sideways move at least this long, and twice as wide as tall, turns the step
const TICK_MS = 250; // how often the countdown looks at the clock; it counts from a deadline, not ticks
const VIBRATE_MS = 200;
const TONE_HZ = 660;
const TONE_S = 0.6;

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

// Every screen of a run: the setup steps and the run's own, then for a second side a
// "Now the other side" screen and the run's own steps again.
function screensOf(run) {
  const inSection = (section) => stepsUnder(section).map((step, index) => ({ section, index, step }));
  const setup = words(run.dataset.setup).flatMap(inSection);
  const own = inSection(run.dataset.steps);
  const holdStep = own[Number(run.dataset.holdStep) - 1]; // undefined where the source gives no hold
  const sides = words(run.dataset.sides);
  const screens = [];
  (sides.length ? sides : [""]).forEach(function (side, pass) {
    const steps = pass ? own : setup.concat(own);
    if (pass) screens.push({ ...own[own.length - 1], side, otherSide: true });
    steps.forEach(function (step, i) {
      screens.push({ ...step, side, number: i + 1, total: steps.length, hold: step === holdStep });
    });
  });
  return own.length ? screens : [];
}

function textOf(node, leaveOut) {
  const copy = node.cloneNode(true);
  for (const part of copy.querySelectorAll(leaveOut)) part.remove();
  return copy.textContent.replace(/\s+/g, " ").trim();
}

function nameOf(run) {
  const heading = run.dataset.place === "glance" ? document.querySelector("article h1") : document.getElementById(run.dataset.steps);
  return heading ? textOf(heading, ".headerlink") : "";
}

function wordsOf(dialog) {
  const found = {};
  for (const word of dialog.querySelectorAll("[data-word]")) found[word.dataset.word] = word.textContent.trim();
  return found;
}

// A step's content, copied; ids get a suffix, so the drawing's title stays unique and named.
function copyOf(step) {
  const copy = step.cloneNode(true);
  for (const node of copy.querySelectorAll("[id]")) node.id += "--follow-along";
  for (const node of copy.querySelectorAll("[aria-labelledby], [aria-describedby]")) {
    for (const name of ["aria-labelledby", "aria-describedby"]) {
      const ids = node.getAttribute(name);
      if (ids) node.setAttribute(name, words(ids).map((id) => id + "--follow-along").join(" "));
    }
  }
  return Array.from(copy.childNodes);
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
  part(view, "count").hidden = Boolean(screen.otherSide);
  part(view, "number").textContent = screen.number || "";
  part(view, "total").textContent = screen.total || "";
  part(view, "side").textContent = screen.side ? view.words[screen.side] : "";
  dialog.querySelector(".follow-along__other-side").hidden = !screen.otherSide;
  const step = part(view, "step");
  if (screen.otherSide) {
    const side = document.createElement("span");
    side.className = "follow-along__next-side";
    side.textContent = view.words[screen.side];
    step.replaceChildren(side);
  } else {
    step.replaceChildren(...copyOf(screen.step));
  }
  dialog.querySelector(".follow-along__timer").hidden = !screen.hold;
  if (screen.hold) view.timer = freshTimer(view);
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
  if (direction && matchMedia("(prefers-reduced-motion: no-preference)").matches) {
    step.animate([{ opacity: 0, transform: `translateX(${direction * 2}rem)` }, { opacity: 1, transform: "none" }], {
      duration: 200,
      easing: "ease-out",
    });
  }
  const heading = textOf(dialog.querySelector(".follow-along__where"), "[hidden]");
  const said = screen.otherSide ? `${dialog.querySelector(".follow-along__other-side").textContent}. ${heading}` : heading;
  announce(view, said + ". " + (screen.otherSide ? "" : textOf(screen.step, "figure")));
  if (view.speaking) speak(view);
}

function go(view, delta) {
  const to = view.index + delta;
  if (to >= 0 && to < view.screens.length) show(view, to, delta);
}

function announce(view, text) {
  view.dialog.querySelector(".follow-along__status").textContent = text.trim();
}

// The hold timer, on the step that says to hold ----------------------------------------------------

function freshTimer(view) {
  return { hold: 1, left: view.hold * 1000, deadline: 0, interval: 0, running: false, paused: false, released: false, halfway: false };
}

function paintTimer(view) {
  const timer = view.timer;
  if (!timer) return;
  part(view, "hold").textContent = timer.hold;
  part(view, "holds").textContent = view.holds;
  part(view, "seconds").textContent = view.hold;
  part(view, "clock").textContent = Math.ceil(timer.left / 1000);
  const finished = timer.released && timer.hold >= view.holds;
  view.dialog.querySelector(".follow-along__release").hidden = !timer.released;
  button(view, "start").hidden = timer.running || timer.paused || finished;
  button(view, "pause").hidden = !timer.running;
  button(view, "resume").hidden = !timer.paused;
}

function startHold(view) {
  const timer = view.timer;
  if (timer.released) Object.assign(timer, { hold: timer.hold + 1, left: view.hold * 1000, released: false, halfway: false });
  // Made in the reader's tap, so the browser lets it sound at the end of the hold.
  const Audio = window.AudioContext || window.webkitAudioContext;
  if (!view.audio && Audio) view.audio = new Audio();
  run(view);
  announce(view, `${textOf(view.dialog.querySelector(".follow-along__hold"))}, ${view.hold} ${view.words.seconds}`);
}

// Runs the countdown; focus follows to Pause, as the button the reader tapped is hidden.
function run(view) {
  const timer = view.timer;
  Object.assign(timer, { running: true, paused: false, deadline: Date.now() + timer.left });
  timer.interval = setInterval(function () {
    tick(view);
  }, TICK_MS);
  paintTimer(view);
  button(view, "pause").focus();
}

function tick(view) {
  const timer = view.timer;
  timer.left = Math.max(0, timer.deadline - Date.now());
  if (!timer.halfway && timer.left <= view.hold * 500 && timer.left > 0) {
    timer.halfway = true;
    announce(view, view.words.halfway);
  }
  if (timer.left === 0) endHold(view);
  else paintTimer(view);
}

function endHold(view) {
  const timer = view.timer;
  clearInterval(timer.interval);
  Object.assign(timer, { running: false, released: true });
  if (navigator.vibrate) navigator.vibrate(VIBRATE_MS);
  tone(view);
  const focusWasOnPause = document.activeElement === button(view, "pause");
  paintTimer(view);
  if (focusWasOnPause) button(view, timer.hold >= view.holds ? "reset" : "start").focus();
  announce(view, view.dialog.querySelector(".follow-along__release").textContent);
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
  view.timer = freshTimer(view);
  paintTimer(view);
  button(view, "start").focus();
}

function stopTimer(view) {
  if (view.timer) clearInterval(view.timer.interval);
  view.timer = null;
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
  const text = screen.otherSide ? view.dialog.querySelector(".follow-along__status").textContent : textOf(screen.step, "figure");
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
  const step = stepsUnder(place.section)[place.index];
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
