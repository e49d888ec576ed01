// Embeddable chat widget. A site adds one tag:
//   <script src="https://ASSISTANT-HOST/widget.js" defer></script>
// and gets a floating button that opens the chat page (ASSISTANT-HOST/?embed=1) in a frame.
// Optional attributes on the tag: data-label (button text), data-title (frame title for screen readers).
// The host page's own CSP must allow this origin in script-src and frame-src; the assistant must list the host in
// bot.web.embed-origins (frame-ancestors). Styles are set through the CSSOM, which a strict style-src permits,
// and nothing here touches the host page beyond the two elements it adds.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.qmAssistantWidget) {
    return;
  }
  window.qmAssistantWidget = true;

  var origin = new URL(script.src, window.location.href).origin;
  var label = script.getAttribute('data-label') || '质量月问答';
  var title = script.getAttribute('data-title') || '质量月智能问答';
  var closeLabel = '关闭问答';
  var phone = window.matchMedia('(max-width: 480px)');

  function css(element, properties) {
    Object.keys(properties).forEach(function (name) {
      element.style[name] = properties[name];
    });
  }

  var frame = document.createElement('iframe');
  frame.id = 'qm-assistant-frame';
  frame.title = title;
  // display, not the hidden attribute: a host stylesheet rule such as iframe { display: block } would beat [hidden]
  css(frame, {
    display: 'none',
    position: 'fixed',
    zIndex: '2147483000',
    boxSizing: 'border-box',
    border: '1px solid #8a96a3',
    borderRadius: '12px',
    background: '#ffffff',
    boxShadow: '0 8px 28px rgba(0, 0, 0, 0.25)',
    colorScheme: 'light'
  });

  var button = document.createElement('button');
  button.type = 'button';
  button.id = 'qm-assistant-button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', frame.id);
  css(button, {
    position: 'fixed',
    right: '16px',
    bottom: '16px',
    zIndex: '2147483001',
    minHeight: '48px',
    padding: '10px 18px',
    border: '2px solid #ffffff',
    borderRadius: '24px',
    background: '#0a3f73',
    color: '#ffffff',
    font: '600 16px/1.4 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif',
    boxShadow: '0 4px 14px rgba(0, 0, 0, 0.3)',
    cursor: 'pointer'
  });

  // A phone gets the whole screen above the button; a desktop a panel in the corner. The height is always explicit:
  // a frame, unlike a div, does not stretch between top and bottom.
  function place() {
    if (phone.matches) {
      css(frame, {
        top: '0', left: '0', right: 'auto', bottom: 'auto', width: '100%', height: 'calc(100% - 80px)', borderRadius: '0'
      });
    } else {
      css(frame, {
        top: 'auto', left: 'auto', right: '16px', bottom: '80px',
        width: 'min(400px, calc(100vw - 32px))', height: 'min(640px, calc(100vh - 100px))', borderRadius: '12px'
      });
    }
  }

  function isOpen() {
    return frame.style.display !== 'none';
  }

  function open() {
    if (!frame.src) {
      // loaded on first use, so the host page pays nothing until a citizen asks
      frame.src = origin + '/?embed=1';
    }
    frame.style.display = 'block';
    button.setAttribute('aria-expanded', 'true');
    button.textContent = '× ' + closeLabel;
    frame.focus();
  }

  function close() {
    frame.style.display = 'none';
    button.setAttribute('aria-expanded', 'false');
    button.textContent = label;
    button.focus();
  }

  button.addEventListener('click', function () {
    if (!isOpen()) {
      open();
    } else {
      close();
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && isOpen()) {
      close();
    }
  });
  // Escape pressed inside the chat: the page in the frame asks to be closed (keys do not cross frames).
  window.addEventListener('message', function (event) {
    if (event.origin === origin && event.source === frame.contentWindow && event.data
        && event.data.type === 'qm-assistant-close' && isOpen()) {
      close();
    }
  });
  if (phone.addEventListener) {
    phone.addEventListener('change', place);
  }

  function mount() {
    place();
    document.body.appendChild(frame);
    document.body.appendChild(button);
  }

  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }
})();
