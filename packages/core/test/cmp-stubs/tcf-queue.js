// The page's TCF stub, placed before any other script as the IAB CMP API v2 specification asks
// ("the stub"): until the CMP loads, `__tcfapi(...)` calls are queued (`__tcfapi()` returns the
// queue), `ping` answers `cmpStatus: 'stub'`, and a `__tcfapiLocator` frame marks the page.
(function () {
  var queue = [];
  window.__tcfapi = function () {
    if (!arguments.length) return queue;
    if (arguments[0] === 'ping') return arguments[2]({ gdprApplies: undefined, cmpLoaded: false, cmpStatus: 'stub', apiVersion: '2.2' }, true);
    queue.push(Array.prototype.slice.call(arguments));
  };
  // happy-dom (unit tests) loads no frames; the locator only serves cross-frame callers.
  if (/HappyDOM/.test(navigator.userAgent)) return;
  try {
    var frame = document.createElement('iframe');
    frame.style.display = 'none';
    frame.name = '__tcfapiLocator';
    (document.body || document.documentElement).appendChild(frame);
  } catch (error) {
    // A page that forbids frames keeps the queue without the locator.
  }
})();
