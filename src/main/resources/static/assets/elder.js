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
