// The dashboard's charts (issue 19, ADR 0014), drawn with uPlot from its webjar. Each chart is an
// element with data-chart and, beside it, a data island (<script type="application/json"
// id="ID-data">) that came from the server in the same fragment as the chart's table: after the
// page loads and after every htmx swap (the 30-second refresh), every chart not yet drawn is drawn
// from its island. The uPlot instance stays on the element (element.uplot), the number of points
// in data-points, so tests read what was drawn. A chart about to be swapped out is destroyed first.
(function () {
  'use strict';

  var violations = 0;
  document.addEventListener('securitypolicyviolation', function (event) {
    // the page's CSP forbids inline script and style: uPlot must draw without either
    violations += 1;
    document.body.setAttribute('data-csp-violations', String(violations));
    document.body.setAttribute('data-csp-violation', event.violatedDirective + ' ' + event.blockedURI + ' '
        + event.sourceFile + ':' + event.lineNumber);
  });

  function accent(element) {
    var colour = getComputedStyle(element).getPropertyValue('--accent').trim();
    return colour || '#1f5fa8';
  }

  function options(element, data, width) {
    var n = data.x.length;
    var time = data.time;
    var half = time && n > 1 ? (data.x[1] - data.x[0]) / 2 : 0.5;
    var colour = accent(element);
    var xAxis = {space: 28, gap: 4, size: 36};
    if (time) {
      // hours as HH, in UTC as the chart's title says
      xAxis.values = function (u, splits) {
        return splits.map(function (s) {
          var hour = new Date(s * 1000).getUTCHours();
          return (hour < 10 ? '0' : '') + hour;
        });
      };
    } else {
      xAxis.splits = function () {
        return data.x.slice();
      };
      xAxis.values = function (u, splits) {
        return splits.map(function (s) {
          return data.labels[s] === undefined ? '' : data.labels[s];
        });
      };
    }
    return {
      width: width,
      height: 200,
      legend: {show: false},
      cursor: {drag: {x: false, y: false}, points: {show: false}},
      select: {show: false},
      scales: {
        x: {
          time: false,
          range: function () {
            return n === 0 ? [0, 1] : [data.x[0] - half, data.x[n - 1] + half];
          }
        },
        y: {
          range: function (u, min, max) {
            return [0, Math.max(1, max)];
          }
        }
      },
      axes: [xAxis, {size: 48, values: function (u, splits) {
        return splits.map(function (s) {
          return Number.isInteger(s) ? String(s) : '';
        });
      }}],
      series: [
        {},
        {
          label: element.getAttribute('data-name') || '',
          stroke: colour,
          fill: colour,
          width: 0,
          points: {show: false},
          paths: uPlot.paths.bars({size: [0.7, 48], align: 0})
        }
      ]
    };
  }

  function draw() {
    if (typeof uPlot === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      if (element.uplot) {
        return;
      }
      var island = document.getElementById(element.id + '-data');
      if (!island) {
        return;
      }
      var data = JSON.parse(island.textContent);
      var width = Math.max(240, Math.min(element.clientWidth || 640, 640));
      element.uplot = new uPlot(options(element, data, width), [data.x, data.values], element);
      element.setAttribute('data-points', String(data.x.length));
    });
  }

  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    if (!target || !event.detail.shouldSwap) {
      return;
    }
    target.querySelectorAll('[data-chart]').forEach(function (element) {
      if (element.uplot) {
        element.uplot.destroy();
        element.uplot = null;
      }
    });
  });
  document.addEventListener('htmx:afterSwap', draw);

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
