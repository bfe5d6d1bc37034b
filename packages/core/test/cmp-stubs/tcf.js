// IAB TCF v2.2 CMP stub, from the IAB Tech Lab "CMP API v2" specification (TCFv2/IAB Tech Lab -
// CMP API v2.md): `__tcfapi(command, version, callback, parameter)`; `addEventListener` calls back
// at once and after every change with a TCData object (`eventStatus` `tcloaded` for a stored
// choice, `cmpuishown` while the UI waits, `useractioncomplete` after a choice), `purpose.consents`
// keyed by purpose id, `publisher` with its consents and `restrictions`. The queue of calls made
// to the page's stub before the CMP loaded (`__tcfapi()` with no argument returns it, as in the
// IAB reference stub) is processed on load.
(function () {
  var choice = localStorage.getItem('cmp-stub-choice');
  var listeners = [];
  var nextId = 1;
  function tcData(eventStatus, listenerId) {
    var consents = {};
    for (var p = 1; p <= 11; p++) consents[p] = choice === 'yes';
    return {
      tcString: choice ? 'CQstubAAstubAA.stub' : '',
      tcfPolicyVersion: 5,
      cmpId: 300,
      cmpVersion: 1,
      gdprApplies: true,
      eventStatus: eventStatus,
      cmpStatus: 'loaded',
      listenerId: listenerId,
      isServiceSpecific: true,
      useNonStandardTexts: false,
      publisherCC: 'DE',
      purposeOneTreatment: false,
      purpose: { consents: consents, legitimateInterests: { 2: true, 7: true, 8: true, 9: true, 10: true, 11: true } },
      vendor: { consents: {}, legitimateInterests: {} },
      specialFeatureOptins: {},
      publisher: { consents: {}, legitimateInterests: {}, customPurpose: { consents: {}, legitimateInterests: {} }, restrictions: {} },
    };
  }
  function api(command, version, callback, parameter) {
    if (command === 'ping') return callback({ gdprApplies: true, cmpLoaded: true, cmpStatus: 'loaded', displayStatus: choice ? 'hidden' : 'visible', apiVersion: '2.2', cmpVersion: 1, cmpId: 300, gvlVersion: 80, tcfPolicyVersion: 5 }, true);
    if (command === 'addEventListener') {
      var id = nextId++;
      listeners.push({ id: id, callback: callback });
      return callback(tcData(choice ? 'tcloaded' : 'cmpuishown', id), true);
    }
    if (command === 'removeEventListener') {
      listeners = listeners.filter(function (l) { return l.id !== parameter; });
      return callback(true);
    }
    callback(null, false);
  }
  var queued = typeof window.__tcfapi === 'function' ? window.__tcfapi() || [] : [];
  window.__tcfapi = api;
  for (var i = 0; i < queued.length; i++) api.apply(null, queued[i]);
  window.cmpStub = {
    choose: function (yes) {
      choice = yes ? 'yes' : 'no';
      localStorage.setItem('cmp-stub-choice', choice);
      listeners.forEach(function (l) { l.callback(tcData('useractioncomplete', l.id), true); });
    },
  };
})();
