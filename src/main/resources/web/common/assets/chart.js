/*
 * A small canvas chart (lines over time, or grouped bars per category) so the pages need no chart
 * library from the network. Each canvas records how many points it shows in data-points, which
 * browser tests read to see a chart fill.
 */
(function () {
  'use strict';

  const PAD = { left: 60, right: 14, top: 14, bottom: 30 };
  const drawn = new Map();

  function niceCeiling(value) {
    if (!(value > 0)) {
      return 1;
    }
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  function formatNumber(value) {
    if (Math.abs(value) >= 1000) {
      return (value / 1000).toFixed(1) + 'k';
    }
    return Math.abs(value) < 10 ? String(parseFloat(value.toFixed(2))) : String(Math.round(value));
  }

  function prepare(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 600;
    const height = canvas.clientHeight || 240;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = '12px system-ui, sans-serif';
    return { ctx, width, height, plotWidth: width - PAD.left - PAD.right, plotHeight: height - PAD.top - PAD.bottom };
  }

  function yAxis(frame, yMax, unit) {
    const { ctx, width, plotHeight } = frame;
    ctx.strokeStyle = '#d7dde3';
    ctx.fillStyle = '#5b6875';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let i = 0; i <= 4; i++) {
      const y = PAD.top + plotHeight - (plotHeight * i) / 4;
      ctx.beginPath();
      ctx.moveTo(PAD.left, y);
      ctx.lineTo(width - PAD.right, y);
      ctx.stroke();
      ctx.fillText(formatNumber((yMax * i) / 4) + (i === 4 && unit ? ' ' + unit : ''), PAD.left - 6, y);
    }
  }

  function empty(frame, message) {
    frame.ctx.fillStyle = '#5b6875';
    frame.ctx.textAlign = 'center';
    frame.ctx.fillText(message || 'No data yet', frame.width / 2, frame.height / 2);
  }

  /** spec: {series: [{name, color, points: [{x: ms, y}]}], xMin, xMax, unit, xLabel: fn(ms)} */
  function line(canvas, spec) {
    drawn.set(canvas, () => line(canvas, spec));
    const frame = prepare(canvas);
    const count = spec.series.reduce((n, s) => n + s.points.length, 0);
    canvas.dataset.points = String(count);
    const yMax = niceCeiling(Math.max(0, ...spec.series.flatMap((s) => s.points.map((p) => p.y))));
    yAxis(frame, yMax, spec.unit);
    const span = Math.max(1, spec.xMax - spec.xMin);
    const { ctx, plotWidth, plotHeight } = frame;
    ctx.textBaseline = 'top';
    for (let i = 0; i <= 4; i++) {
      const x = spec.xMin + (span * i) / 4;
      ctx.textAlign = i === 0 ? 'left' : i === 4 ? 'right' : 'center';
      ctx.fillText(spec.xLabel(x), PAD.left + (plotWidth * i) / 4, PAD.top + plotHeight + 8);
    }
    if (count === 0) {
      empty(frame, spec.emptyText);
      return;
    }
    spec.series.forEach((series) => {
      ctx.strokeStyle = series.color;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      let started = false;
      series.points.forEach((point) => {
        if (point.x < spec.xMin || point.x > spec.xMax) {
          return;
        }
        const x = PAD.left + ((point.x - spec.xMin) / span) * plotWidth;
        const y = PAD.top + plotHeight - (point.y / yMax) * plotHeight;
        if (started) {
          ctx.lineTo(x, y);
        } else {
          ctx.moveTo(x, y);
          started = true;
        }
      });
      ctx.stroke();
    });
  }

  /** spec: {labels: [..], series: [{name, color, values: [..]}], unit} */
  function bars(canvas, spec) {
    drawn.set(canvas, () => bars(canvas, spec));
    const frame = prepare(canvas);
    const count = spec.labels.length;
    canvas.dataset.points = String(count);
    const yMax = niceCeiling(Math.max(0, ...spec.series.flatMap((s) => s.values)));
    yAxis(frame, yMax, spec.unit);
    if (count === 0) {
      empty(frame, spec.emptyText);
      return;
    }
    const { ctx, plotWidth, plotHeight } = frame;
    const slot = plotWidth / count;
    const barWidth = Math.max(2, (slot * 0.8) / spec.series.length);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    spec.labels.forEach((label, i) => {
      spec.series.forEach((series, j) => {
        const value = Math.max(0, series.values[i] || 0);
        const height = (value / yMax) * plotHeight;
        ctx.fillStyle = series.color;
        ctx.fillRect(PAD.left + i * slot + slot * 0.1 + j * barWidth, PAD.top + plotHeight - height, barWidth - 1, height);
      });
      if (count <= 16 || i % Math.ceil(count / 16) === 0) {
        ctx.fillStyle = '#5b6875';
        ctx.fillText(label, PAD.left + i * slot + slot / 2, PAD.top + plotHeight + 8);
      }
    });
  }

  window.addEventListener('resize', () => drawn.forEach((redraw) => redraw()));

  window.P1Chart = { line, bars };
})();
