// A CMP speaking Google Consent Mode v2, from Google's "Set up consent mode on websites"
// (developers.google.com/tag-platform/security/guides/consent): the gtag() snippet pushes its
// `arguments` onto dataLayer; `gtag('consent', 'default', {...})` with every type denied (and
// `wait_for_update`), then `gtag('consent', 'update', {...})` once the visitor has chosen (at once
// for a stored choice).
(function () {
  window.dataLayer = window.dataLayer || [];
  function gtag() { window.dataLayer.push(arguments); }
  var types = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage'];
  function all(value) {
    var signals = {};
    types.forEach(function (t) { signals[t] = value; });
    return signals;
  }
  var defaults = all('denied');
  defaults.security_storage = 'granted';
  defaults.wait_for_update = 500;
  gtag('consent', 'default', defaults);
  var choice = localStorage.getItem('cmp-stub-choice');
  if (choice) gtag('consent', 'update', all(choice === 'yes' ? 'granted' : 'denied'));
  window.cmpStub = {
    choose: function (yes) {
      localStorage.setItem('cmp-stub-choice', yes ? 'yes' : 'no');
      gtag('consent', 'update', all(yes ? 'granted' : 'denied'));
    },
  };
})();
