// Cookiebot stub, from the Cookiebot Developer Resources (cookiebot.com/en/developer): the
// `Cookiebot` object with read-only `consent.necessary/preferences/statistics/marketing`,
// `consented`, `declined`, `hasResponse`, and the window events `CookiebotOnLoad`,
// `CookiebotOnConsentReady`, `CookiebotOnAccept` (also on load when a stored consent is accepted)
// and `CookiebotOnDecline`.
(function () {
  var choice = localStorage.getItem('cmp-stub-choice');
  var Cookiebot = (window.Cookiebot = { consent: {}, consented: false, declined: false, hasResponse: false });
  function apply() {
    var yes = choice === 'yes';
    Cookiebot.consent = { necessary: true, preferences: yes, statistics: yes, marketing: yes, method: choice ? 'explicit' : null };
    Cookiebot.consented = yes;
    Cookiebot.declined = choice === 'no';
    Cookiebot.hasResponse = choice !== null;
  }
  apply();
  window.dispatchEvent(new Event('CookiebotOnLoad'));
  window.dispatchEvent(new Event('CookiebotOnConsentReady'));
  if (choice) window.dispatchEvent(new Event(choice === 'yes' ? 'CookiebotOnAccept' : 'CookiebotOnDecline'));
  window.cmpStub = {
    choose: function (yes) {
      choice = yes ? 'yes' : 'no';
      localStorage.setItem('cmp-stub-choice', choice);
      apply();
      window.dispatchEvent(new Event('CookiebotOnConsentReady'));
      window.dispatchEvent(new Event(yes ? 'CookiebotOnAccept' : 'CookiebotOnDecline'));
    },
  };
})();
