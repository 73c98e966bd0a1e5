// The room's page. Everything a participant or the map says is put on the page as text
// (textContent), never as markup. The server keeps every rule; this page only asks.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const roomKey = "touchline-key:" + location.pathname;
  const nameKey = "touchline-name";
  let key = localStorage.getItem(roomKey);
  let source = null;
  let state = null;
  let timerBase = null;
  let stageChosen = false;
  let lastFocus = undefined;
  // The page's words in its reader's language (words.json, from the editor's message files);
  // until they arrive, or if they do not, the English written into the page.
  let words = {};
  const w = (id, vars) => {
    let text = words[id] || id;
    for (const [name, value] of Object.entries(vars || {})) text = text.split("{" + name + "}").join(String(value));
    return text;
  };

  function show(section) {
    for (const id of ["connecting", "join", "room", "closed"]) $(id).hidden = id !== section;
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
    let answer = {};
    try { answer = await response.json(); } catch (e) { answer = {}; }
    if (!response.ok) throw new Error(answer.error || w("room-page-no-answer", { status: response.status }));
    return answer;
  }

  function closed(title, text) {
    if (source) source.close();
    source = null;
    $("closed-title").textContent = title;
    $("closed-text").textContent = text;
    show("closed");
  }

  function connect() {
    show("connecting");
    let heard = false;
    source = new EventSource("api/events?key=" + encodeURIComponent(key));
    source.onmessage = (event) => {
      heard = true;
      const message = JSON.parse(event.data);
      if (message.closed) return closed(w("room-page-closed-title"), w("room-page-closed-text"));
      if (message.removed) {
        localStorage.removeItem(roomKey);
        return closed(w("room-page-left-title"), w("room-page-removed-text"));
      }
      state = message;
      render();
      show("room");
    };
    source.onerror = () => {
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        if (!heard) {
          // The room does not know this key (the room is new, or we were removed): join again.
          localStorage.removeItem(roomKey);
          key = null;
          startJoin();
        } else {
          closed(w("room-page-closed-title"), w("room-page-ended-text"));
        }
      } else {
        $("connecting").textContent = w("room-page-lost");
      }
    };
  }

  function startJoin() {
    show("join");
    const remembered = localStorage.getItem(nameKey);
    if (remembered && !$("name").value) $("name").value = remembered;
    $("name").focus();
  }

  $("join-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = $("name").value.trim();
    $("join-error").textContent = "";
    if (!name) return ($("join-error").textContent = w("room-page-name-first"));
    try {
      const answer = await post("api/join", { name });
      key = answer.key;
      localStorage.setItem(roomKey, key);
      localStorage.setItem(nameKey, name);
      connect();
    } catch (e) {
      $("join-error").textContent = e.message;
    }
  });

  $("note-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("note-text").value.trim();
    const status = $("note-status");
    status.className = "status";
    if (!text) {
      status.className = "error";
      status.textContent = w("room-page-write-first");
      return;
    }
    $("note-send").disabled = true;
    try {
      await post("api/note", { key, lane: $("note-lane").value, stage: $("note-stage").value, text });
      $("note-text").value = "";
      status.textContent = w("room-page-added");
    } catch (e) {
      status.className = "error";
      status.textContent = e.message;
    } finally {
      $("note-send").disabled = state && state.you.paused;
    }
  });

  $("note-text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("note-form").requestSubmit();
    }
  });
  $("note-stage").addEventListener("change", () => { stageChosen = true; });

  $("leave").addEventListener("click", async () => {
    try { await post("api/leave", { key }); } catch (e) { /* gone already */ }
    localStorage.removeItem(roomKey);
    closed(w("room-page-left-title"), w("room-page-come-back"));
  });

  async function dot(card, takeBack) {
    $("vote-error").textContent = "";
    try {
      const mine = await post("api/dot", { key, card, take_back: takeBack });
      state.you.me = mine;
      renderVote();
    } catch (e) {
      $("vote-error").textContent = e.message;
    }
  }

  function fillSelect(select, options, wanted) {
    const keep = select.value;
    select.replaceChildren(...options.map((o) => {
      const option = el("option", o.name);
      option.value = o.id;
      return option;
    }));
    const ids = options.map((o) => o.id);
    select.value = wanted && ids.includes(wanted) ? wanted : ids.includes(keep) ? keep : ids[0] || "";
  }

  function render() {
    const room = state.room;
    document.documentElement.dir = room.rtl ? "rtl" : "ltr";
    document.title = room.title + " · Touchline";
    $("map-title").textContent = room.title;
    const focus = room.focus;
    if (room.stage) {
      $("stage-name").textContent = room.stage.name;
      $("stage-goal").textContent = room.stage.goal;
    } else {
      $("stage-name").textContent = w("room-page-whole-journey");
      $("stage-goal").textContent = room.stages.map((s) => s.name).join(" → ");
    }
    $("me-name").textContent = state.you.me.name;
    $("paused-line").hidden = !state.you.paused;

    fillSelect($("note-lane"), room.note_lanes, $("note-lane").value || room.capture_lane);
    if (focus !== lastFocus) stageChosen = false;
    lastFocus = focus;
    const focusId = focus !== null && focus !== undefined && room.stages[focus] ? room.stages[focus].id : null;
    fillSelect($("note-stage"), room.stages, stageChosen ? $("note-stage").value : focusId);
    const canWrite = room.note_lanes.length > 0 && room.stages.length > 0 && !state.you.paused;
    $("note-send").disabled = !canWrite;
    $("note-text").disabled = state.you.paused;

    const lanes = $("lanes");
    lanes.replaceChildren();
    $("cards").hidden = !room.stage;
    if (room.stage) {
      for (const lane of room.stage.lanes) {
        const box = el("div", null, "lane");
        box.append(el("h3", lane.name));
        const list = el("ul");
        for (const card of lane.cards) {
          const item = el("li", card.title, card.author ? "from-room" : "");
          if (card.author) item.append(el("span", "— " + card.author, "author"));
          list.append(item);
        }
        box.append(list);
        lanes.append(box);
      }
      if (!room.stage.lanes.length) lanes.append(el("p", w("room-page-nothing-here"), "quiet"));
    }

    if (room.timer) timerBase = { left: room.timer.left, at: Date.now() };
    else timerBase = null;
    tick();
    renderVote();

    const results = $("result-rows");
    $("results").hidden = !room.results;
    results.replaceChildren();
    for (const row of room.results || []) {
      const item = el("li");
      item.append(el("span", row.votes === 1 ? w("room-page-one-dot") : w("room-page-dots", { count: row.votes }), "count"));
      const what = el("span", row.title);
      what.append(el("span", row.stage, "author"));
      item.append(what);
      results.append(item);
    }
  }

  function renderVote() {
    const vote = state.room.vote;
    $("vote").hidden = !vote;
    if (!vote) return;
    const mine = state.you.me.dots || {};
    const left = state.you.me.left;
    $("vote-title").textContent = w("room-page-vote-title", { on: w("room-page-vote-on-" + vote.on) });
    $("vote-left").textContent = w("room-page-dots-left", { left, budget: vote.budget });
    const list = $("vote-cards");
    list.replaceChildren();
    for (const card of vote.cards) {
      const item = el("li");
      const what = el("span", card.title, "what");
      what.append(el("span", card.stage, "stage"));
      const count = mine[card.id] || 0;
      const less = el("button", "−", "less");
      less.type = "button";
      less.disabled = count === 0;
      less.setAttribute("aria-label", w("room-page-take-back", { title: card.title }));
      less.addEventListener("click", () => dot(card.id, true));
      const more = el("button", "+");
      more.type = "button";
      more.disabled = left === 0;
      more.setAttribute("aria-label", w("room-page-put-dot", { title: card.title }));
      more.addEventListener("click", () => dot(card.id, false));
      const dots = el("span", count ? "●".repeat(Math.min(count, 5)) + (count > 5 ? count : "") : "", "mine");
      item.append(what, less, dots, more);
      list.append(item);
    }
  }

  function tick() {
    const line = $("timer");
    if (!timerBase) {
      line.hidden = true;
      return;
    }
    const left = Math.max(0, timerBase.left - Math.floor((Date.now() - timerBase.at) / 1000));
    line.hidden = false;
    line.textContent = "⏱ " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
  }
  setInterval(tick, 500);

  function start() {
    if (key) connect();
    else startJoin();
  }

  fetch("words.json", { credentials: "omit", cache: "no-store" })
    .then((response) => (response.ok ? response.json() : null))
    .then((answer) => {
      if (!answer) return;
      words = answer.words || {};
      document.documentElement.lang = answer.lang || "en";
      for (const node of document.querySelectorAll("[data-t]")) node.textContent = w(node.dataset.t);
    })
    .catch(() => { /* the page keeps its English */ })
    .finally(start);
})();
