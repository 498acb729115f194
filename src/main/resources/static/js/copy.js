/* Copy buttons on the bank's pages (issue 13: the IBAN and the reference a phone user must copy
   to pay by bank transfer). A button.copy copies its data-copy and says data-copied for a moment;
   without the clipboard API the text is selected so that the phone's own copy works. */
(function () {
  'use strict';

  function select(button) {
    var code = button.parentNode.querySelector('code');
    if (!code || !window.getSelection) { return; }
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copied(button) {
    var label = button.textContent;
    button.textContent = button.getAttribute('data-copied') || label;
    button.setAttribute('data-done', 'true');
    setTimeout(function () { button.textContent = label; }, 2000);
  }

  Array.prototype.forEach.call(document.querySelectorAll('button.copy[data-copy]'), function (button) {
    button.addEventListener('click', function () {
      var text = button.getAttribute('data-copy');
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { copied(button); }, function () { select(button); });
      } else {
        select(button);
      }
    });
  });
}());
