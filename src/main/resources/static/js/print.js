// The access report's print button; a file of its own because the pages allow no inline script.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print-report');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
});
