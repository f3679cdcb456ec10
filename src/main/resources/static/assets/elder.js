/* Elder-friendly mode (适老化): larger text, higher contrast, bigger targets. The choice is kept in
   localStorage (no cookie), applied before the page paints, and toggled by the header button. */
(function () {
  var KEY = 'gk-elder';
  var root = document.documentElement;
  var on = false;
  try { on = window.localStorage.getItem(KEY) === '1'; } catch (e) { /* storage unavailable */ }
  if (on) { root.classList.add('elder'); }

  function sync(button) {
    var active = root.classList.contains('elder');
    button.setAttribute('aria-pressed', active ? 'true' : 'false');
    button.textContent = active ? '退出长辈模式' : '长辈模式';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('elder-toggle');
    if (!button) { return; }
    sync(button);
    button.addEventListener('click', function () {
      var active = root.classList.toggle('elder');
      try { window.localStorage.setItem(KEY, active ? '1' : '0'); } catch (e) { /* ignore */ }
      sync(button);
    });
  });
}());

/* Read-aloud on article pages (适老化 W7): the browser's own speech synthesis, switchable on and off. */
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('.read-aloud');
    var article = document.querySelector('article.document');
    if (!button || !article || !('speechSynthesis' in window)) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      if (window.speechSynthesis.speaking) {
        window.speechSynthesis.cancel();
        button.setAttribute('aria-pressed', 'false');
        button.textContent = '朗读全文';
        return;
      }
      var utterance = new SpeechSynthesisUtterance(article.innerText);
      utterance.lang = 'zh-CN';
      utterance.onend = function () { button.setAttribute('aria-pressed', 'false'); button.textContent = '朗读全文'; };
      window.speechSynthesis.speak(utterance);
      button.setAttribute('aria-pressed', 'true');
      button.textContent = '停止朗读';
    });
  });
}());
