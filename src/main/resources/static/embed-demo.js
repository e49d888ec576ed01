// Shows the embed snippets with this server's real address in place of the placeholder.
'use strict';

document.querySelectorAll('#snippet-widget, #snippet-iframe').forEach((code) => {
  code.textContent = code.textContent.replace('https://问答服务地址', window.location.origin);
});
