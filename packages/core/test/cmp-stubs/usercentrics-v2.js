// Usercentrics browser CMP v2 stub, from Usercentrics' "Web CMP v2 Events" and UC_UI API
// documentation: once initialised, `window.UC_UI` answers `isInitialized()`,
// `isConsentRequired()` (true until the visitor has made an explicit choice) and
// `getServicesBaseInfo()` (services with `name`, `categorySlug` and `consent.status`), and the
// window receives `UC_UI_INITIALIZED`; after the visitor acts in the banner, `UC_UI_CMP_EVENT`
// (`detail.type` `ACCEPT_ALL`, `DENY_ALL` or `SAVE`).
(function () {
  var choice = localStorage.getItem('cmp-stub-choice');
  function service(name, categorySlug, status) {
    return { id: name.replace(/\W/g, ''), name: name, categorySlug: categorySlug, isEssential: categorySlug === 'essential', consent: { status: status, history: [] } };
  }
  window.UC_UI = {
    isInitialized: function () { return true; },
    isConsentRequired: function () { return choice === null; },
    getServicesBaseInfo: function () {
      var yes = choice === 'yes';
      return [service('Usercentrics Consent Management Platform', 'essential', true), service('Curio', 'functional', yes), service('Google Analytics 4', 'marketing', yes)];
    },
  };
  window.dispatchEvent(new CustomEvent('UC_UI_INITIALIZED', { detail: {} }));
  window.cmpStub = {
    choose: function (yes) {
      choice = yes ? 'yes' : 'no';
      localStorage.setItem('cmp-stub-choice', choice);
      window.dispatchEvent(new CustomEvent('UC_UI_CMP_EVENT', { detail: { source: 'FIRST_LAYER', type: yes ? 'ACCEPT_ALL' : 'DENY_ALL' } }));
    },
  };
})();
