// Citizen chat page: talks to /api/v1/menu, /api/v1/ask, /api/v1/choose and /api/v1/feedback.
// Works under a strict Content-Security-Policy (script-src 'self'; style-src 'self'): no inline script or style,
// no eval, and every text from the server is inserted with textContent, never as HTML.
// The page's Chinese wording lives in index.html (<template> elements); this file only copies and fills them.
'use strict';

(function () {
  const SESSION_KEY = 'qm-assistant-session';

  const messages = document.getElementById('messages');
  const conversation = messages.parentElement;
  const form = document.getElementById('ask-form');
  const input = document.getElementById('question');
  const sendButton = document.getElementById('send');
  const welcomeTopics = document.getElementById('welcome-topics');

  const sessionId = loadSessionId();
  let busy = false;

  if (new URLSearchParams(window.location.search).get('embed') === '1' && window.parent !== window) {
    document.documentElement.classList.add('embed');
    // in the widget, Escape closes it; the host page's widget.js listens for this (it carries no data)
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        window.parent.postMessage({ type: 'qm-assistant-close' }, '*');
      }
    });
  }

  /** A conversation id kept for this browser tab, so that follow-ups such as "那邮箱呢" keep their topic. */
  function loadSessionId() {
    try {
      const stored = window.sessionStorage.getItem(SESSION_KEY);
      if (stored) {
        return stored;
      }
    } catch (ignored) {
      // storage blocked (e.g. third-party frame): the id then lives as long as the page
    }
    // getRandomValues works on plain http too, unlike crypto.randomUUID
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    try {
      window.sessionStorage.setItem(SESSION_KEY, id);
    } catch (ignored) {
      // see above
    }
    return id;
  }

  class HttpError extends Error {
    constructor(status, retryAfter) {
      super('HTTP ' + status);
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }

  /** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or null when there is none. */
  function retryAfterSeconds(header) {
    if (!header) {
      return null;
    }
    if (/^\d+$/.test(header.trim())) {
      return Math.max(1, parseInt(header.trim(), 10));
    }
    const date = Date.parse(header);
    return Number.isNaN(date) ? null : Math.max(1, Math.ceil((date - Date.now()) / 1000));
  }

  async function request(method, url, body) {
    const options = { method: method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    if (!response.ok) {
      throw new HttpError(response.status, retryAfterSeconds(response.headers.get('Retry-After')));
    }
    return response.status === 204 ? null : response.json();
  }

  function fromTemplate(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  function append(node) {
    messages.appendChild(node);
    // show the start of the new message: long answers are read from the top
    const top = node.offsetTop - messages.offsetTop;
    conversation.scrollTop = Math.max(0, top - 8);
    return node;
  }

  function choiceButton(choice) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'choice';
    button.dataset.intent = choice.intent;
    button.textContent = choice.title;
    return button;
  }

  function fillChoices(section, choices) {
    if (!choices || choices.length === 0) {
      return;
    }
    const buttons = section.querySelector('.buttons');
    choices.forEach((choice) => buttons.appendChild(choiceButton(choice)));
    section.hidden = false;
  }

  function showUser(text) {
    const node = fromTemplate('user-template');
    node.querySelector('.text').textContent = text;
    append(node);
  }

  function showReply(reply) {
    const node = fromTemplate('reply-template');
    node.dataset.replyId = reply.id;
    node.dataset.outcome = reply.outcome;
    if (reply.intent) {
      node.dataset.intent = reply.intent;
    }
    node.querySelector('.answer').textContent = reply.answer;
    if (reply.details) {
      // a short single fact first; the whole paragraph one tap away
      const details = node.querySelector('.details');
      const toggle = node.querySelector('.details-toggle');
      details.textContent = reply.details;
      toggle.hidden = false;
      toggle.addEventListener('click', () => {
        details.hidden = false;
        toggle.hidden = true;
        toggle.setAttribute('aria-expanded', 'true');
      });
    }
    if (reply.source) {
      node.querySelector('.source-text').textContent = reply.source;
      node.querySelector('.source').hidden = false;
    }
    if (reply.outcome === 'suggested') {
      fillChoices(node.querySelector('.suggestions'), reply.suggestions);
    } else if (reply.outcome === 'declined') {
      // when declined, "suggestions" holds the main topic menu
      fillChoices(node.querySelector('.topics'), reply.suggestions);
    }
    fillChoices(node.querySelector('.related'), reply.related);
    append(node);
  }

  function showError(error) {
    if (error instanceof HttpError && error.status === 429) {
      const node = fromTemplate('error-throttled-template');
      if (error.retryAfter !== null) {
        node.querySelector('.wait-seconds').textContent = String(error.retryAfter);
        node.querySelector('.wait-known').hidden = false;
        node.querySelector('.wait-unknown').hidden = true;
      }
      append(node);
    } else if (error instanceof HttpError && error.status === 404) {
      append(fromTemplate('error-stale-template'));
    } else if (error instanceof HttpError && error.status >= 400 && error.status < 500) {
      append(fromTemplate('error-rejected-template'));
    } else {
      append(fromTemplate('error-offline-template'));
    }
  }

  /** Runs one exchange with the server; returns false when it failed (the error is shown in the conversation). */
  async function exchange(call) {
    busy = true;
    sendButton.disabled = true;
    const pending = append(fromTemplate('pending-template'));
    try {
      const reply = await call();
      pending.remove();
      showReply(reply);
      return true;
    } catch (error) {
      pending.remove();
      showError(error);
      return false;
    } finally {
      busy = false;
      sendButton.disabled = false;
    }
  }

  async function ask(text) {
    showUser(text);
    input.value = '';
    const ok = await exchange(() => request('POST', '/api/v1/ask', { text: text, sessionId: sessionId, channel: 'web' }));
    if (!ok && input.value === '') {
      // nothing typed is lost: the question goes back into the box to send again
      input.value = text;
    }
  }

  function choose(intent, title) {
    showUser(title);
    return exchange(() => request('POST', '/api/v1/choose', { intent: intent, sessionId: sessionId }));
  }

  async function sendFeedback(button) {
    const reply = button.closest('.reply');
    const group = button.closest('.feedback');
    const buttons = group.querySelectorAll('.feedback-button');
    const helpful = button.dataset.helpful === 'true';
    buttons.forEach((b) => {
      b.disabled = true;
    });
    group.querySelector('.feedback-failed').hidden = true;
    try {
      await request('POST', '/api/v1/feedback', { id: reply.dataset.replyId, helpful: helpful });
      button.setAttribute('aria-pressed', 'true');
      group.querySelector('.feedback-thanks').hidden = false;
      // keep the pressed button focusable (disabled buttons drop keyboard focus)
      button.disabled = false;
      button.setAttribute('aria-disabled', 'true');
    } catch (error) {
      buttons.forEach((b) => {
        b.disabled = false;
      });
      group.querySelector('.feedback-failed').hidden = false;
    }
  }

  async function loadMenu() {
    try {
      const menu = await request('GET', '/api/v1/menu');
      menu.topics.forEach((topic) => welcomeTopics.appendChild(choiceButton(topic)));
      if (menu.maxTextLength > 0) {
        input.maxLength = menu.maxTextLength;
      }
    } catch (error) {
      // the welcome still invites typing; the topics also come with the first declined question
      welcomeTopics.hidden = true;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (busy || text === '') {
      return;
    }
    ask(text);
  });

  // One listener for every topic, suggestion, follow-up, 12315 and feedback button, present and future.
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const choice = target && target.closest('button.choice');
    if (choice) {
      if (!busy) {
        choose(choice.dataset.intent, choice.textContent.trim());
      }
      return;
    }
    const feedback = target && target.closest('button.feedback-button');
    if (feedback && feedback.getAttribute('aria-disabled') !== 'true') {
      sendFeedback(feedback);
    }
  });

  loadMenu();
})();
