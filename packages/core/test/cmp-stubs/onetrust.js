// OneTrust stub, from OneTrust's developer documentation: the "Web CMP Events Guide" (the
// `OneTrustGroupsUpdated` window event on load and on every change, `detail` = active group ids),
// `OnetrustActiveGroups` (",C0001,C0003,"), the `OptanonWrapper()` callback called on load and
// after each choice, and `OneTrust.IsAlertBoxClosed()` / `OneTrust.OnConsentChanged()`.
// Default categories: C0001 strictly necessary, C0002 performance, C0003 functional, C0004 targeting.
(function () {
  var choice = localStorage.getItem('cmp-stub-choice');
  var changed = [];
  function apply() {
    var groups = ['C0001'].concat(choice === 'yes' ? ['C0002', 'C0003', 'C0004'] : []);
    window.OnetrustActiveGroups = ',' + groups.join(',') + ',';
    window.OptanonActiveGroups = window.OnetrustActiveGroups;
    if (typeof window.OptanonWrapper === 'function') window.OptanonWrapper();
    window.dispatchEvent(new CustomEvent('OneTrustGroupsUpdated', { detail: groups }));
  }
  window.OneTrust = {
    IsAlertBoxClosed: function () { return choice !== null; },
    OnConsentChanged: function (f) { changed.push(f); },
  };
  apply();
  window.cmpStub = {
    choose: function (yes) {
      choice = yes ? 'yes' : 'no';
      localStorage.setItem('cmp-stub-choice', choice);
      apply();
      changed.forEach(function (f) { f(); });
    },
  };
})();
