/* The door check-in page: scan ticket QR codes with the camera, check codes in without reloading,
   keep the counts live. The browser's BarcodeDetector reads the codes where it exists; elsewhere
   jsQR (vendor/jsqr, served from this site) reads frames drawn on a canvas. Without JavaScript,
   or without a camera, the typed-code form posts to the page as usual. */
(function () {
  "use strict";

  var body = document.body;
  var checkInUrl = body.dataset.checkInUrl;
  var countsUrl = body.dataset.countsUrl;
  var form = document.querySelector("[data-code-form]");
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var result = document.querySelector("[data-result]");
  var scanner = document.querySelector("[data-scanner]");
  var video = document.querySelector("[data-video]");
  var canvas = document.querySelector("[data-canvas]");
  var startButton = document.querySelector("[data-start]");
  var stopButton = document.querySelector("[data-stop]");
  var cameraError = document.querySelector("[data-camera-error]");

  var stream = null;
  var detector = null;
  var busy = false;
  var lastCode = "";
  var lastAt = 0;
  var REPEAT_MS = 3000; // the same ticket held in front of the camera is sent once, not every frame

  function showCounts(counts) {
    Object.keys(counts).forEach(function (key) {
      var element = document.querySelector('[data-count="' + key + '"]');
      if (element) element.textContent = counts[key];
    });
  }

  function showResult(answer) {
    result.hidden = false;
    result.textContent = answer.message;
    var already = answer.outcome === "already"; // a ticket shown twice: worth a look, not an alarm
    result.classList.toggle("door-result--ok", !!answer.ok);
    result.classList.toggle("door-result--warn", already);
    result.classList.toggle("door-result--bad", !answer.ok && !already);
    if (navigator.vibrate) navigator.vibrate(answer.ok ? 80 : [60, 60, 60]);
  }

  function send(code) {
    busy = true;
    var data = new FormData();
    data.append("code", code);
    return fetch(checkInUrl, {
      method: "POST",
      body: data,
      headers: { "X-CSRFToken": csrf },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        showResult(answer);
        if (answer.counts) showCounts(answer.counts);
      })
      .catch(function () {
        showResult({ ok: false, message: result.dataset.offline });
      })
      .finally(function () {
        busy = false;
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var input = form.querySelector("[name=code]");
    if (!input.value.trim()) return;
    send(input.value).then(function () {
      input.value = "";
      input.focus();
    });
  });

  function found(code) {
    var now = Date.now();
    if (busy || (code === lastCode && now - lastAt < REPEAT_MS)) return;
    lastCode = code;
    lastAt = now;
    send(code);
  }

  function readFrame() {
    if (!stream) return;
    if (video.readyState >= 2 && !busy) {
      if (detector) {
        detector
          .detect(video)
          .then(function (codes) {
            if (codes.length) found(codes[0].rawValue);
          })
          .catch(function () {});
      } else if (window.jsQR) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        var context = canvas.getContext("2d", { willReadFrequently: true });
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var image = context.getImageData(0, 0, canvas.width, canvas.height);
        var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        if (code && code.data) found(code.data);
      }
    }
    window.setTimeout(function () {
      window.requestAnimationFrame(readFrame);
    }, 150);
  }

  function start() {
    cameraError.hidden = true;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        video.hidden = false;
        startButton.hidden = true;
        stopButton.hidden = false;
        return video.play();
      })
      .then(readFrame)
      .catch(function () {
        cameraError.hidden = false;
        stop();
      });
  }

  function stop() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.hidden = true;
    startButton.hidden = false;
    stopButton.hidden = true;
  }

  // The camera needs a secure page (https) and a browser that can read QR codes one way or the other.
  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia && ("BarcodeDetector" in window || window.jsQR)) {
    scanner.hidden = false;
    startButton.addEventListener("click", function () {
      if ("BarcodeDetector" in window && !detector) {
        try {
          detector = new window.BarcodeDetector({ formats: ["qr_code"] });
        } catch (error) {
          detector = null;
        }
      }
      start();
    });
    stopButton.addEventListener("click", stop);
  }

  // Several phones check people in at once: each shows the counts all of them made.
  window.setInterval(function () {
    if (document.hidden) return;
    fetch(countsUrl, { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (counts) {
        if (counts) showCounts(counts);
      })
      .catch(function () {});
  }, 5000);
})();
