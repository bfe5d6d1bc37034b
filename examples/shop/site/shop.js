// The demo shop's own script: a cart kept in localStorage under the shop's key. It talks to
// Curio only through the `window.curio` command queue, as a shop theme would.
(function () {
  var KEY = 'fjord-field-cart';
  var curio = (window.curio = window.curio || []);
  var read = function () {
    try {
      return JSON.parse(localStorage.getItem(KEY)) || [];
    } catch (e) {
      return [];
    }
  };
  var write = function (cart) {
    localStorage.setItem(KEY, JSON.stringify(cart));
    showCount();
  };
  var showCount = function () {
    document.querySelectorAll('[data-cart-count]').forEach(function (el) {
      el.textContent = String(read().length);
    });
  };
  var text = function (tag, value) {
    var el = document.createElement(tag);
    el.textContent = value;
    return el;
  };

  document.addEventListener('click', function (event) {
    var add = event.target.closest && event.target.closest('[data-add-to-cart]');
    if (add) {
      // Curio sees this click through data-curio-track; the shop only keeps its cart.
      write(read().concat([JSON.parse(add.getAttribute('data-add-to-cart'))]));
      add.textContent = 'Added ✓';
    }
  });

  function renderCart(root) {
    var cart = read();
    if (!cart.length) return;
    root.textContent = '';
    var list = document.createElement('ul');
    cart.forEach(function (line, index) {
      var li = text('li', line.title + ' — €' + line.price.toFixed(2) + ' ');
      var remove = text('button', 'Remove');
      remove.addEventListener('click', function () {
        var next = read();
        next.splice(index, 1);
        curio.push(['track', { type: 'remove_from_cart', item: line.id }]);
        write(next);
        renderCart(root);
        if (!next.length) root.textContent = 'Your cart is empty.';
      });
      li.appendChild(remove);
      list.appendChild(li);
    });
    var checkout = text('button', 'Place order');
    checkout.className = 'buy';
    checkout.addEventListener('click', function () {
      curio.push(['track', { type: 'purchase', items: cart.map(function (line) { return line.id; }) }]);
      sessionStorage.setItem(KEY + '-order', String(cart.length));
      localStorage.removeItem(KEY);
      location.href = '/thanks.html';
    });
    root.append(list, checkout);
  }

  // The demo's weather switch: a value only the page knows, passed to Curio's rules as context.
  var WEATHER = KEY + '-weather';
  function setWeather(rain) {
    sessionStorage.setItem(WEATHER, rain ? 'rain' : '');
    curio.push(['context', { weather: rain ? 'rain' : null }]);
    document.querySelectorAll('[data-weather-toggle]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(rain));
    });
  }
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-weather-toggle]')) setWeather(sessionStorage.getItem(WEATHER) !== 'rain');
  });

  function start() {
    showCount();
    if (sessionStorage.getItem(WEATHER) === 'rain') setWeather(true);
    var cart = document.getElementById('cart');
    if (cart) renderCart(cart);
    var order = document.getElementById('order');
    if (order) order.textContent = (sessionStorage.getItem(KEY + '-order') || '0') + ' item(s) are on their way (not really: this is a demo).';
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
