/*
 * A small canvas chart (lines over time, or grouped bars per category) so the pages need no chart
 * library from the network. Each canvas records how many points it shows in data-points, which
 * browser tests read to see a chart fill.
 */
(function () {
  'use strict';

  const PAD = { left: 60, right: 14, top: 22, bottom: 30 };
  const drawn = new Map();

  /**
   * Axis ticks a person reads at a glance: a step of 1, 2, 2.5 or 5 times a power of ten, about
   * {@code count} of them from a multiple of the step at or below min to one at or above max, and as
   * many decimals as the step needs (0.005 kWh steps show 3 decimals, never 0 / 0.01 / 0.01).
   */
  function ticks(min, max, count) {
    if (!(max > min)) {
      max = min + (min === 0 ? 1 : Math.abs(min) * 0.1);
    }
    const raw = (max - min) / Math.max(1, count);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    let step = 10 * power;
    for (const factor of [1, 2, 2.5, 5, 10]) {
      if (factor * power >= raw) {
        step = factor * power;
        break;
      }
    }
    const low = Math.floor(min / step + 1e-9) * step;
    const high = Math.ceil(max / step - 1e-9) * step;
    const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (String(step / power).includes('.') ? 1 : 0));
    const values = [];
    for (let v = low; v <= high + step / 2; v += step) {
      values.push(Math.abs(v) < step / 1e6 ? 0 : v);
    }
    return { min: low, max: high, step, decimals, values };
  }

  function formatTick(value, decimals) {
    const abs = Math.abs(value);
    if (abs >= 10000 && decimals === 0) {
      return parseFloat((value / 1000).toFixed(1)) + 'k';
    }
    return value.toFixed(Math.min(decimals, 4));
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
    return { ctx, width, height, left: PAD.left, plotWidth: width - PAD.left - PAD.right, plotHeight: height - PAD.top - PAD.bottom };
  }

  /** Draws the value axis; the unit goes above it (never clipped beside a label), the plot starts after the widest label. */
  function yAxis(frame, scale, unit) {
    const { ctx, width, plotHeight } = frame;
    const labels = scale.values.map((v) => formatTick(v, scale.decimals));
    // what a person reads on the axis, for browser tests: distinct labels, unit apart
    frame.ctx.canvas.dataset.ticks = labels.join(' | ');
    frame.ctx.canvas.dataset.unit = unit || '';
    frame.left = Math.max(36, Math.ceil(Math.max(...labels.map((l) => ctx.measureText(l).width))) + 12);
    frame.plotWidth = width - frame.left - PAD.right;
    ctx.strokeStyle = '#d7dde3';
    ctx.fillStyle = '#5b6875';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    scale.values.forEach((value, i) => {
      const y = PAD.top + plotHeight - ((value - scale.min) / (scale.max - scale.min)) * plotHeight;
      ctx.strokeStyle = value === 0 ? '#9aa6b2' : '#d7dde3';
      ctx.beginPath();
      ctx.moveTo(frame.left, y);
      ctx.lineTo(width - PAD.right, y);
      ctx.stroke();
      ctx.fillText(labels[i], frame.left - 6, y);
    });
    if (unit) {
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(unit, 4, 2);
    }
  }

  function yOf(frame, scale, value) {
    return PAD.top + frame.plotHeight - ((value - scale.min) / (scale.max - scale.min)) * frame.plotHeight;
  }

  function empty(frame, message) {
    frame.ctx.fillStyle = '#5b6875';
    frame.ctx.textAlign = 'center';
    frame.ctx.fillText(message || 'No data yet', frame.width / 2, frame.height / 2);
  }

  /**
   * spec: {series: [{name, color, points: [{x: ms, y}]}], xMin, xMax, unit, xLabel: fn(ms)}; without
   * xMin/xMax the time axis spans the data present (a live window zooms to what arrived).
   */
  function line(canvas, spec) {
    drawn.set(canvas, () => line(canvas, spec));
    const frame = prepare(canvas);
    const all = spec.series.flatMap((s) => s.points);
    const count = all.length;
    canvas.dataset.points = String(count);
    const xs = all.map((p) => p.x);
    const xMin = spec.xMin !== undefined ? spec.xMin : (count ? Math.min(...xs) : Date.now() - 60000);
    const xMax = spec.xMax !== undefined ? spec.xMax : (count ? Math.max(...xs) : Date.now());
    const ys = all.map((p) => p.y);
    const scale = ticks(Math.min(0, ...ys), Math.max(0, ...ys), 4);
    yAxis(frame, scale, spec.unit);
    const span = Math.max(1, xMax - xMin);
    const { ctx, plotHeight } = frame;
    ctx.fillStyle = '#5b6875';
    ctx.textBaseline = 'top';
    const xTicks = frame.plotWidth < 360 ? 2 : 4;
    for (let i = 0; i <= xTicks; i++) {
      const x = xMin + (span * i) / xTicks;
      ctx.textAlign = i === 0 ? 'left' : i === xTicks ? 'right' : 'center';
      ctx.fillText(spec.xLabel(x), frame.left + (frame.plotWidth * i) / xTicks, PAD.top + plotHeight + 8);
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
        if (point.x < xMin || point.x > xMax || point.y === null || point.y === undefined) {
          return;
        }
        const x = frame.left + ((point.x - xMin) / span) * frame.plotWidth;
        const y = yOf(frame, scale, point.y);
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

  /** spec: {labels: [..], series: [{name, color, values: [..]}], unit}; negative values go below the zero line */
  function bars(canvas, spec) {
    drawn.set(canvas, () => bars(canvas, spec));
    const frame = prepare(canvas);
    const count = spec.labels.length;
    canvas.dataset.points = String(count);
    const values = spec.series.flatMap((s) => s.values.map((v) => v || 0));
    const scale = ticks(Math.min(0, ...values), Math.max(0, ...values), 4);
    yAxis(frame, scale, spec.unit);
    if (count === 0) {
      empty(frame, spec.emptyText);
      return;
    }
    const { ctx, plotHeight } = frame;
    const slot = frame.plotWidth / count;
    const barWidth = Math.max(2, (slot * 0.8) / spec.series.length);
    const zero = yOf(frame, scale, 0);
    const every = Math.ceil(count / Math.max(2, Math.floor(frame.plotWidth / 56)));
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    spec.labels.forEach((label, i) => {
      spec.series.forEach((series, j) => {
        const y = yOf(frame, scale, series.values[i] || 0);
        ctx.fillStyle = series.color;
        ctx.fillRect(frame.left + i * slot + slot * 0.1 + j * barWidth, Math.min(y, zero), Math.max(1, barWidth - 1), Math.abs(zero - y));
      });
      if (i % every === 0) {
        ctx.fillStyle = '#5b6875';
        ctx.fillText(label, frame.left + i * slot + slot / 2, PAD.top + plotHeight + 8);
      }
    });
  }

  window.addEventListener('resize', () => drawn.forEach((redraw) => redraw()));

  window.P1Chart = { line, bars, ticks };
})();
