// Shopify Customer Privacy API stub, from shopify.dev/docs/api/customer-privacy:
// `Shopify.loadFeatures([{ name: 'consent-tracking-api', version: '0.1' }], callback)` makes
// `Shopify.customerPrivacy` available, with `preferencesProcessingAllowed()`,
// `analyticsProcessingAllowed()`, `marketingAllowed()`, `saleOfDataAllowed()`, `shouldShowBanner()`,
// `currentVisitorConsent()` (`'yes' | 'no' | ''` per purpose) and `setTrackingConsent(consent,
// callback)`, after which the document receives `visitorConsentCollected` with `detail`
// `{ analyticsAllowed, marketingAllowed, preferencesAllowed, saleOfDataAllowed }`.
(function () {
  var choice = localStorage.getItem('cmp-stub-choice');
  var yes = function () { return choice === 'yes'; };
  var privacy = {
    preferencesProcessingAllowed: yes,
    analyticsProcessingAllowed: yes,
    marketingAllowed: yes,
    saleOfDataAllowed: yes,
    shouldShowBanner: function () { return true; },
    currentVisitorConsent: function () {
      var v = choice === null ? '' : choice;
      return { marketing: v, analytics: v, preferences: v, sale_of_data: v };
    },
    setTrackingConsent: function (consent, callback) {
      choice = consent.preferences ? 'yes' : 'no';
      localStorage.setItem('cmp-stub-choice', choice);
      callback && callback();
      var allowed = consent.preferences === true;
      document.dispatchEvent(new CustomEvent('visitorConsentCollected', { detail: { analyticsAllowed: allowed, marketingAllowed: allowed, preferencesAllowed: allowed, saleOfDataAllowed: allowed, firstPartyMarketingAllowed: allowed, thirdPartyMarketingAllowed: allowed } }));
    },
  };
  window.Shopify = window.Shopify || {};
  window.Shopify.loadFeatures = function (features, callback) {
    setTimeout(function () {
      window.Shopify.customerPrivacy = privacy;
      callback(false);
    });
  };
  window.cmpStub = {
    choose: function (yes) { privacy.setTrackingConsent({ preferences: yes, analytics: yes, marketing: yes, sale_of_data: yes }); },
  };
})();
