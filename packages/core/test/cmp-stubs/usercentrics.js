// Usercentrics (browser CMP v3) stub, from Usercentrics' documentation ("Communicating consent
// information to third-party applications", support.usercentrics.com): the `UC_CONSENT` window
// event after the CMP initialised and after every choice, its `detail` holding `consent.type`
// (`IMPLICIT` until the visitor chooses, then `EXPLICIT`) and `services` keyed by id, each with
// `name`, `category` and `consent.given`; `__ucCmp.getConsentDetails()` returns the same.
(function () {
  var choice = localStorage.getItem('cmp-stub-choice');
  function details() {
    var yes = choice === 'yes';
    return {
      consent: { status: yes ? 'ALL_ACCEPTED' : choice ? 'ALL_DENIED' : 'ALL_DENIED', type: choice ? 'EXPLICIT' : 'IMPLICIT', setting: { id: 'stubSetting' } },
      services: {
        H1Vl5NidjWX: { name: 'Usercentrics Consent Management Platform', category: 'essential', essential: true, consent: { given: true } },
        curioStub01: { name: 'Curio', category: 'functional', essential: false, consent: { given: yes } },
        '87JYasXPF': { name: 'Google Analytics 4', category: 'marketing', essential: false, consent: { given: yes } },
      },
      categories: { essential: { state: 'ALL_ACCEPTED' }, functional: { state: yes ? 'ALL_ACCEPTED' : 'ALL_DENIED' }, marketing: { state: yes ? 'ALL_ACCEPTED' : 'ALL_DENIED' } },
    };
  }
  function announce() { window.dispatchEvent(new CustomEvent('UC_CONSENT', { detail: details() })); }
  window.__ucCmp = { getConsentDetails: function () { return Promise.resolve(details()); }, isInitialized: function () { return Promise.resolve(true); } };
  announce();
  window.cmpStub = {
    choose: function (yes) {
      choice = yes ? 'yes' : 'no';
      localStorage.setItem('cmp-stub-choice', choice);
      announce();
    },
  };
})();
