// Leadline web app: the few behaviours htmx does not cover. Loaded from our own origin (the CSP allows no inline script).
(function () {
  // Forms that lose work ask first.
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  // The upload step: drop a file on the zone, or pick one, and it uploads straight away.
  function wireUpload() {
    var form = document.getElementById('upload-form');
    if (!form) return;
    var input = document.getElementById('file');
    var zone = document.getElementById('dropzone');
    var name = document.getElementById('file-name');
    function chosen() {
      if (input.files.length) {
        name.textContent = input.files[0].name + ' · uploading…';
        zone.classList.add('busy');
        form.submit();
      }
    }
    input.addEventListener('change', chosen);
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        chosen();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', wireUpload);
  } else {
    wireUpload();
  }
})();
